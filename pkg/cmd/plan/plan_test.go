package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

// TestNewCmdPlan checks how flags become Options, without running a plan.
func TestNewCmdPlan(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: nil, want: Options{Output: "table", CSVSep: ","}},
		{args: []string{"achterhoek", "-o", "json"}, want: Options{Args: []string{"achterhoek"}, Output: "json", CSVSep: ","}},
		{
			args: []string{"a.yaml", "b.yaml", "--tender", "x", "--tender", "y", "--scenario", "s", "--alap", "--set", "p=2026-01-02"},
			want: Options{Args: []string{"a.yaml", "b.yaml"}, Tenders: []string{"x", "y"}, Scenario: "s", ALAP: true, Sets: []string{"p=2026-01-02"}, Output: "table", CSVSep: ","},
		},
		{args: []string{"--asap", "--alap"}, wantErr: "--asap and --alap exclude each other"},
		{args: []string{"-o", "xml"}, wantErr: `invalid --output "xml" for plan: use table, json, yaml, csv, markdown, ics, mermaid, svg, html`},
		{args: []string{"-o", "csv", "--csv-sep", ";"}, want: Options{Output: "csv", CSVSep: ";"}},
		{args: []string{"--csv-sep", ";;"}, wantErr: `--csv-sep ";;": give exactly one character, such as , or ; (or tab)`},
	}
	for _, tt := range tests {
		ios, _, _, _ := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios}
		var got *Options
		cmd := NewCmdPlan(f, func(o *Options) error { got = o; return nil })
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
