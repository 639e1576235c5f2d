// Package overview is `tender overview`: the portfolio of every region and
// tender on one screen.
package overview

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender overview`.
type Options struct {
	cmdutil.ReportOptions
	Args []string
}

// NewCmdOverview builds the command; runF replaces the run in tests.
func NewCmdOverview(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "overview [REGION...]",
		Short: "The portfolio: every region's tenders with their key dates, findings and next milestone",
		Long: `Shows every tender of every region found in one table: its procedure, the
dates of its first publication, submission, award and contract start, the
slack of the contract start, the number of errors and warnings of
tender check, and the next milestone on or after --today that is not done.
Rows are sorted by contract start (tenders without one last), then by region
and tender id. Made for a portfolio of 40 regions and more: regions are read,
planned and checked in parallel.

REGION is a region file, a directory, - or a region id, as for tender plan;
with no REGION, every region in the paths directories, or the built-in ones.

Exit 0 with the overview (findings do not fail it: that is tender check's
job); 1 when a tender has no schedule (its conflict on stderr, the other rows
still shown); 2 on usage or input errors.`,
		Example: `  tender overview
  tender overview regions/ -o markdown > portfolio.md
  tender overview regions/ -o csv > portfolio.csv
  tender overview regions/ -o json | jq '.tenders[] | select(.errors > 0)'`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.OutFlag(cmd, &opts.Out)
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, true)
	return cmd
}

// printers are the output formats of `tender overview`.
var printers = cmdutil.Printers[*app.OverviewReport]{
	cmdutil.Table("table", overview, render.OverviewTable),
	cmdutil.Data("json", overview, render.OverviewJSON),
	cmdutil.Data("csv", overview, render.OverviewCSV),
	cmdutil.Document("markdown", overview, render.OverviewMarkdown),
	cmdutil.Document("xlsx", overview, render.OverviewXLSX),
}

func overview(r *app.OverviewReport) *render.Overview { return r.Overview }

func run(opts *Options) error {
	rep, err := opts.App().Overview(app.OverviewRequest{Args: opts.Args})
	if err != nil {
		return err
	}
	return printers.Answer(opts.ReportOptions, rep, opts.Print(), rep.Conflicts())
}
