package cmdutil

import (
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// TestAllowNegativeArgs: a word that begins with a minus and a digit is an
// argument, not a flag; a real flag after it is still a flag, and -- still
// ends the flags.
func TestAllowNegativeArgs(t *testing.T) {
	tests := []struct {
		args      []string
		wantArgs  []string
		wantGiven []string
		wantOut   string
	}{
		{[]string{"a", "-5wd"}, []string{"a"}, []string{"-5wd"}, ""},
		{[]string{"a", "-12d", "-o", "json"}, []string{"a"}, []string{"-12d"}, "json"},
		{[]string{"-o", "json", "a", "-1mo", "b"}, []string{"a", "b"}, []string{"-1mo"}, "json"},
		{[]string{"a", "-5wd", "-3d"}, []string{"a"}, []string{"-5wd", "-3d"}, ""},
		{[]string{"a", "--", "-1w"}, []string{"a", "-1w"}, nil, ""},
		{[]string{"a", "+5wd"}, []string{"a", "+5wd"}, nil, ""},
	}
	for _, tt := range tests {
		cmd := &cobra.Command{Use: "add", Run: func(*cobra.Command, []string) {}}
		out := cmd.Flags().StringP("output", "o", "", "")
		n := AllowNegativeArgs(cmd, "duration")
		var got []string
		cmd.Run = func(_ *cobra.Command, args []string) { got = args }
		cmd.SetArgs(tt.args)
		if err := cmd.Execute(); err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		if !slices.Equal(got, tt.wantArgs) || !slices.Equal(n.Given(), tt.wantGiven) || *out != tt.wantOut {
			t.Errorf("%q: args %q, given %q, -o %q; want %q, %q, %q", tt.args, got, n.Given(), *out, tt.wantArgs, tt.wantGiven, tt.wantOut)
		}
		if fl := cmd.Flags().ShorthandLookup("5"); fl == nil || !fl.Hidden {
			t.Errorf("-5 should be a hidden flag")
		}
	}
}
