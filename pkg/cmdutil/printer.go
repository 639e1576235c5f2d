package cmdutil

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
)

// PrintOptions are what a printer may depend on besides the report.
type PrintOptions struct {
	render.Options
	// Quiet is -q: printers for people print nothing; the data formats
	// print as ever (ForPeople decides which is which).
	Quiet bool
	// CSVSep is the field separator of -o csv (--csv-sep).
	CSVSep rune
	// CSVBOM starts -o csv with a UTF-8 byte order mark (--csv-bom).
	CSVBOM bool
}

// UTF8BOM is the byte order mark that tells Excel a CSV file is UTF-8.
const UTF8BOM = "\uFEFF"

// CSVFlags adds --csv-sep and --csv-bom to a command with -o csv. The
// mark is on by default with the separator ';': that is for Dutch Excel,
// which without it reads the file in the system's code page (één shows as
// Ã©Ã©n); --csv-bom or --csv-bom=false decide for any separator.
func CSVFlags(cmd *cobra.Command, o *CSVOptions) {
	cmd.Flags().StringVar(&o.Sep, "csv-sep", ",", "field separator of -o csv: one character, such as ; for Dutch Excel, or tab")
	cmd.Flags().BoolVar(&o.BOM, "csv-bom", false, "start -o csv with a UTF-8 byte order mark, so that Excel reads é as é (default: on with --csv-sep ';', else off)")
}

// SetCSV sets the separator of -o csv from --csv-sep (checked already by
// CSVOptions.Parse when the command parsed its flags) and the byte order
// mark: on with ';', unless --csv-bom was given, which decides.
func (o *PrintOptions) SetCSV(c CSVOptions) {
	o.CSVSep, _ = render.ValidCSVSeparator(c.Sep)
	o.CSVBOM = o.CSVSep == ';'
	if c.BOMSet {
		o.CSVBOM = c.BOM
	}
}

// WriteCSV writes the byte order mark when o says so, then the CSV.
func WriteCSV(w io.Writer, o PrintOptions, write func(io.Writer, rune) error) error {
	if o.CSVBOM {
		if _, err := io.WriteString(w, UTF8BOM); err != nil {
			return err
		}
	}
	return write(w, o.CSVSep)
}

// Printer prints a report of type R in one output format.
type Printer[R any] struct {
	Format string
	// ForPeople is a format for people (a table, text): -q silences it.
	// A printer that handles -q itself (check's text, which still prints
	// what fails) leaves it false and reads PrintOptions.Quiet.
	ForPeople bool
	Print     func(w io.Writer, rep R, o PrintOptions) error
}

// Printers are a command's output formats, the default first: the one
// place that knows the -o values of a report, which of them are for
// people, and which printer writes each (golangci-lint's printers,
// kubectl's PrintFlags). AddFlag registers -o with its completion;
// Print validates nothing (Factory.Output did) and prints.
type Printers[R any] []Printer[R]

// Formats are the -o values, the default first.
func (ps Printers[R]) Formats() []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Format
	}
	return out
}

// AddFlag registers -o/--output with these formats (see OutputFlag).
func (ps Printers[R]) AddFlag(cmd *cobra.Command) { OutputFlag(cmd, ps.Formats()...) }

// Print writes rep to ios.Out in format.
func (ps Printers[R]) Print(ios *iostreams.IOStreams, format string, rep R, o PrintOptions) error {
	i := slices.IndexFunc(ps, func(p Printer[R]) bool { return p.Format == format })
	if i < 0 {
		return fmt.Errorf("no printer for -o %s (formats: %s)", format, strings.Join(ps.Formats(), ", "))
	}
	if ps[i].ForPeople && o.Quiet {
		return nil
	}
	return ps[i].Print(ios.Out, rep, o)
}

// Report prints rep as ro asks: in ro.Output, to standard output or to
// the file of --out (PrintOut). The commands' run ends with it.
func (ps Printers[R]) Report(ro ReportOptions, rep R, o PrintOptions) error {
	return PrintOut(ro.IO, ps, ro.Output, ro.Out, rep, o)
}

// Answer prints rep as Report does and then, on stderr, the conflicts of
// the tenders without a schedule, answering "no" (ErrNo) when there is
// one: the end of run of the commands that plan.
func (ps Printers[R]) Answer(ro ReportOptions, rep R, o PrintOptions, conflicts []app.Conflict) error {
	if err := ps.Report(ro, rep, o); err != nil {
		return err
	}
	return PrintConflicts(ro.IO.ErrOut, o.Lang, conflicts)
}

// PrintOptions are the printer options of the current settings.
func (f *Factory) PrintOptions() PrintOptions {
	o := PrintOptions{Options: f.RenderOptions(), Quiet: f.IOStreams.Quiet}
	o.Calendars = f.App().Planner // the calendars the plans were made in
	return o
}

// App returns the application layer for the current settings, built once.
func (f *Factory) App() *app.App {
	if f.app != nil {
		return f.app
	}
	c := f.AppConfig()
	c.Files = f.Files
	f.app = app.New(f.Finder(), c)
	return f.app
}

// AppConfig is what the settings give an App: today and the config file's
// policy, with where the file writes each key (none without settings).
// App adds where region files are written; tender serve builds its App
// from it too.
func (f *Factory) AppConfig() app.Config {
	s := f.Settings
	if s == nil {
		return app.Config{}
	}
	return app.Config{Today: s.Today, Policy: s.Policy, ConfigFile: s.ConfigFile, ConfigFields: s.Fields}
}

// Run ends a command's RunE: it sets the output format (Factory.Output:
// the flag, else the settings when this command has that format, else the
// default) and runs runF (tests) or run.
func Run[O any](f *Factory, c *cobra.Command, output *string, opts *O, runF, run func(*O) error) error {
	out, err := f.Output(c)
	if err != nil {
		return err
	}
	*output = out
	if runF != nil {
		return runF(opts)
	}
	return run(opts)
}

// Notice prints lines for people on standard error: what a command that
// writes files did (tender init, tender docs). Like a printer for people,
// -q silences it; this and Printers.Print are where -q is read.
func Notice(ios *iostreams.IOStreams, lines ...string) {
	if ios.Quiet {
		return
	}
	for _, l := range lines {
		fmt.Fprintln(ios.ErrOut, l)
	}
}
