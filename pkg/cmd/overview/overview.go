// Package overview is `tender overview`: the portfolio of every region and
// tender on one screen.
package overview

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Options are the inputs of `tender overview`.
type Options struct {
	Factory *cmdutil.Factory
	Args    []string
	Output  string
}

// Formats are the -o values of `tender overview`; the first is the default.
var Formats = []string{"table", "json", "csv", "markdown"}

// NewCmdOverview builds the command; runF replaces the run in tests.
func NewCmdOverview(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
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
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	cmdutil.OutputFlag(cmd, Formats...)
	return cmd
}

func run(opts *Options) error {
	f := opts.Factory
	regions, err := f.Finder().Find(opts.Args)
	if err != nil {
		return err
	}
	s := f.Settings
	if s == nil {
		s = &cmdutil.Settings{Lang: "en"}
	}
	if err := f.CheckPolicy(); err != nil {
		return err
	}
	var jobs []timeline.Job
	for _, r := range regions {
		for _, t := range r.Tenders {
			jobs = append(jobs, timeline.Job{Region: r, Tender: t, Options: timeline.Options{Lang: s.Lang}})
		}
	}
	results, errs := timeline.PlanAll(jobs)
	for _, err := range errs {
		if err != nil {
			return cmdutil.PlanError(err)
		}
	}
	ruleOpts := f.RulesOptions()
	o := &render.Overview{Today: s.Today, Regions: len(regions), Rows: make([]render.OverviewRow, len(jobs))}
	checkErrs := make([]error, len(jobs))
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		fs, err := rules.Check(j.Region, j.Tender, results[i], ruleOpts)
		if err != nil {
			checkErrs[i] = err
			return
		}
		e, w, _ := rules.Count(fs)
		o.Rows[i] = render.NewOverviewRow(j.Region, j.Tender, results[i], e, w, s.Today)
	})
	for _, err := range checkErrs {
		if err != nil {
			return err
		}
	}
	render.SortOverview(o.Rows)

	ios := f.IOStreams
	ro := f.RenderOptions()
	switch opts.Output {
	case "json":
		err = render.OverviewJSON(ios.Out, o)
	case "csv":
		err = render.OverviewCSV(ios.Out, o)
	case "markdown":
		err = render.OverviewMarkdown(ios.Out, o, ro)
	default:
		if !ios.Quiet {
			err = render.OverviewTable(ios.Out, o, ro)
		}
	}
	if err != nil {
		return err
	}
	// The conflicts in the order the regions and tenders were found.
	infeasible := false
	for i, res := range results {
		if !res.Feasible {
			infeasible = true
			sel := cmdutil.Selected{Region: jobs[i].Region, Tender: jobs[i].Tender}
			cmdutil.PrintConflict(ios.ErrOut, sel, res.Conflict)
		}
	}
	if infeasible {
		return cmdutil.ErrNo
	}
	return nil
}
