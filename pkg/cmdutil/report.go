package cmdutil

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
)

// ReportOptions are the part of the Options that every command printing a
// report shares, embedded there: what the command is given (the streams,
// the App and the printer options of the settings, as functions, as
// cli/cli's commands are given theirs) and where its report goes (-o, and
// --out for a command that has it). What the command itself is told
// stays in its own Options.
type ReportOptions struct {
	IO    *iostreams.IOStreams
	App   func() *app.App
	Print func() PrintOptions
	// Output is -o, set when the command runs (Factory.Output via Run).
	Output string
	// Out is --out FILE: the file to write instead of standard output.
	Out string
}

// NewReportOptions are f's streams, App and printer options.
func NewReportOptions(f *Factory) ReportOptions {
	return ReportOptions{IO: f.IOStreams, App: f.App, Print: f.PrintOptions}
}

// CSVOptions are --csv-sep and --csv-bom of a command with -o csv.
type CSVOptions struct {
	// Sep is --csv-sep, checked by Parse (render.ValidCSVSeparator).
	Sep string
	// BOM is --csv-bom; BOMSet says it was given.
	BOM, BOMSet bool
}

// Parse checks --csv-sep and notes whether --csv-bom was given: for a
// command's RunE, before it runs.
func (o *CSVOptions) Parse(c *cobra.Command) error {
	if _, err := render.ValidCSVSeparator(o.Sep); err != nil {
		return &UsageError{Err: err}
	}
	o.BOMSet = c.Flags().Changed("csv-bom")
	return nil
}
