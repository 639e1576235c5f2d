// Package report is `tender report`: the progress report a board reads.
package report

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender report`.
type Options struct {
	cmdutil.ReportOptions
	Region   string
	Tenders  []string
	Baseline string
}

// NewCmdReport builds the command; runF replaces the run in tests.
func NewCmdReport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "report REGION [--baseline B] [--tender ID]",
		Short: "The progress report a board reads: status, contract start, changes and why, findings",
		Long: `Writes one printable document per region, in English or Dutch (--lang nl):
per tender the status on --today (milestones done, overdue and next), the
contract start and whether it holds (with the P50 and P80 of tender risk
when the tender has risks), what changed since the baseline and why (tender
diff), the open findings of tender check with their legal references, the
plan as a Gantt picture and a table, and the scenarios side by side when
there are any.

Every number comes from the same code as those commands. -o html is one
self-contained page with an A4 print style sheet (print it to PDF from a
browser); -o markdown a memo, with the Gantt chart as a Mermaid block.

--baseline is what the board was shown: a saved tender plan -o json, an
earlier region file, - or git:REV (see tender diff).`,
		Example: `  tender report regions/oost.yaml --baseline baselines/2026-03-12.json -o html > report.html
  tender report regions/oost.yaml --baseline git:ab-2026-03-12 --lang nl -o markdown > memo.md
  tender report achterhoek --today 2021-03-01`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Region = args[0]
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			if opts.Baseline == "-" && opts.Region == "-" {
				return cmdutil.UsageErrorf("--baseline - and REGION - both read standard input: give one of them as a file")
			}
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.OutFlag(cmd, &opts.Out)
	cmdutil.TendersFlag(cmd, f, &opts.Tenders)
	cmd.Flags().StringVar(&opts.Baseline, "baseline", "", "what the board was shown: a saved plan -o json, an earlier region file, - or git:REV")
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, false)
	return cmd
}

// printers are the output formats of `tender report`; markdown first, as
// it is fit for a terminal too.
var printers = cmdutil.Printers[*app.ReportReport]{
	cmdutil.Document("markdown", report, render.ReportMarkdown),
	cmdutil.Document("html", report, render.ReportHTML),
}

func report(r *app.ReportReport) *render.Report { return r.Report }

func run(opts *Options) error {
	rep, err := opts.App().Report(app.ReportRequest{Region: opts.Region, Tenders: opts.Tenders, Baseline: opts.Baseline, Stdin: opts.IO.In})
	if err != nil {
		return err
	}
	return printers.Report(opts.ReportOptions, rep, opts.Print())
}
