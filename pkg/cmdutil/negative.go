package cmdutil

import "github.com/spf13/cobra"

// NegativeArgs lets a command take an argument that begins with a minus
// and a digit, such as the DUR of "tender calendar add 2026-05-04 -5wd",
// without "--". The flag parser (pflag) reads -5wd as the shorthand -5
// with the value wd and has no hook to leave it alone, and cobra declined
// to special-case negative numbers (spf13/cobra#124). So AllowNegativeArgs
// gives the command a hidden shorthand for each digit that hands the word
// back through Given; the command puts it where it belongs. Flags after it
// (-o json) are parsed as ever, and neither help nor completion shows the
// digits.
type NegativeArgs struct {
	given []string
}

// AllowNegativeArgs registers the digit shorthands on cmd; what names the
// argument (duration: --negative-duration-5, hidden like the shorthands).
func AllowNegativeArgs(cmd *cobra.Command, what string) *NegativeArgs {
	n := &NegativeArgs{}
	for d := byte('0'); d <= '9'; d++ {
		fl := cmd.Flags().VarPF(&negativeDigit{digit: d, given: &n.given}, "negative-"+what+"-"+string(d), string(d), "")
		fl.Hidden = true
	}
	return n
}

// Given are the negative arguments as typed, in order.
func (n *NegativeArgs) Given() []string { return n.given }

// negativeDigit is the hidden flag -D: its value is the rest of the word.
type negativeDigit struct {
	digit byte
	given *[]string
}

func (v *negativeDigit) Set(s string) error {
	*v.given = append(*v.given, "-"+string(v.digit)+s)
	return nil
}
func (v *negativeDigit) String() string { return "" }
func (v *negativeDigit) Type() string   { return "string" }
