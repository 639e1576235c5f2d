package compare

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

// TestNewCmdCompare checks how arguments and flags become Options.
func TestNewCmdCompare(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: nil, want: Options{Output: "table", CSVSep: ","}},
		{
			args: []string{"r.yaml", "--tender", "t", "--scenario", "a,b", "--scenario", "c", "--set", "p=2026-01-02", "-o", "csv", "--csv-sep", ";"},
			want: Options{Args: []string{"r.yaml"}, Tender: "t", Scenarios: []string{"a", "b", "c"}, Sets: []string{"p=2026-01-02"}, Output: "csv", CSVSep: ";"},
		},
		{args: []string{"a.yaml", "b.yaml"}, wantErr: "accepts at most 1 arg(s), received 2"},
		{args: []string{"-o", "yaml"}, wantErr: `invalid --output "yaml" for compare: use table, json, csv, markdown`},
		{args: []string{"--csv-sep", ";;"}, wantErr: `--csv-sep ";;": give exactly one character, such as , or ; (or tab)`},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios}
		var got *Options
		cmd := NewCmdCompare(f, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
		err := cmd.Execute()
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("%v: error %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		got.Factory = nil
		if diff := cmp.Diff(tt.want, *got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.args, diff)
		}
	}
}
