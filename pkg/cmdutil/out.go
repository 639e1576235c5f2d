package cmdutil

import (
	"bytes"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/source"
)

// OutFlag registers --out FILE: write the output to FILE atomically
// instead of standard output (needed for -o xlsx on a terminal).
func OutFlag(cmd *cobra.Command, out *string) {
	cmd.Flags().StringVar(out, "out", "", "write the output to `FILE` (atomically: a temporary file, then renamed) instead of standard output")
}

// binary formats are never written to a terminal.
func binary(format string) bool { return format == "xlsx" }

// PrintOut prints rep in format like Printers.Print, but to the file out
// when it is given (written atomically: a spreadsheet that has the file
// open sees the old one or the new one), and refuses a binary format
// (xlsx) on a terminal with a hint to redirect it.
func PrintOut[R any](ios *iostreams.IOStreams, ps Printers[R], format, out string, rep R, o PrintOptions) error {
	if out == "" {
		if binary(format) && ios.IsStdoutTTY() {
			return UsageErrorf("%s", render.T(o.Lang, "xlsx.tty"))
		}
		return ps.Print(ios, format, rep, o)
	}
	var buf bytes.Buffer
	to := *ios
	to.Out = &buf
	o.Quiet = false // a file was asked for
	if err := ps.Print(&to, format, rep, o); err != nil {
		return err
	}
	return source.WriteOut(out, buf.Bytes())
}
