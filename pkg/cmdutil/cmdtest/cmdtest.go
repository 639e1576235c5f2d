// Package cmdtest helps the commands' tests: it runs a command's flag and
// argument parsing without running the command. Only tests import it.
package cmdtest

import (
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

// ParseCase is a command line and the Options it should give, or the error
// it should give instead.
type ParseCase[O any] struct {
	Args    []string
	Want    O
	WantErr string
}

// Parse builds each case's command with newCmd (the NewCmdX of the cli/cli
// pattern), runs it with a runF that only keeps the Options, and compares
// them with Want (the Factory, streams, functions and unexported fields
// left out, empty and nil slices equal), or the error with WantErr.
func Parse[O any](t *testing.T, newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, cases []ParseCase[O]) {
	t.Helper()
	var zero O
	// What the command is given rather than told (the Factory, the
	// streams, the functions that give the App and the printer options,
	// the command tree) is left out of the comparison.
	given := cmp.FilterPath(func(p cmp.Path) bool {
		t := p.Last().Type()
		return t.Kind() == reflect.Func || t == reflect.TypeOf(&iostreams.IOStreams{}) || t == reflect.TypeOf(&cmdutil.Factory{}) ||
			t == reflect.TypeOf(&cobra.Command{})
	}, cmp.Ignore())
	opts := []cmp.Option{cmpopts.EquateEmpty(), cmpopts.IgnoreUnexported(zero), given}
	for _, tt := range cases {
		ios, _, _, _ := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios}
		var got *O
		cmd := newCmd(f, func(o *O) error { got = o; return nil })
		cmd.SetArgs(tt.Args)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
		err := cmd.Execute()
		if tt.WantErr != "" {
			if err == nil || err.Error() != tt.WantErr {
				t.Errorf("%v: error %v, want %q", tt.Args, err, tt.WantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.Args, err)
			continue
		}
		if diff := cmp.Diff(tt.Want, *got, opts...); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.Args, diff)
		}
	}
}

// Output is the ReportOptions a command line with -o format (or that
// default) and no --out gives.
func Output(format string) cmdutil.ReportOptions { return cmdutil.ReportOptions{Output: format} }
