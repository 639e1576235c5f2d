// Package plan is `tender plan`: the schedule of every tender.
package plan

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Options are the inputs of `tender plan`.
type Options struct {
	Factory  *cmdutil.Factory
	Args     []string
	Tenders  []string
	Scenario string
	ASAP     bool
	ALAP     bool
	Sets     []string
	Output   string
	// CSVSep is the field separator of -o csv (--csv-sep), checked by
	// render.ValidCSVSeparator.
	CSVSep string
}

// Formats are the -o values of `tender plan`; the first is the default.
var Formats = []string{"table", "json", "yaml", "csv", "markdown", "ics", "mermaid", "svg", "html"}

// NewCmdPlan builds the command; runF replaces the run in tests.
func NewCmdPlan(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "plan [REGION...]",
		Short: "Compute every milestone's date, earliest, latest, slack and critical path",
		Long: `Computes the schedule of each tender: every milestone's planned date, its
earliest and latest date, its slack and whether it is critical, with Dutch
working days, holidays, closures and the meeting dates of governing bodies.

REGION is a region file, a directory of region files, - for standard input,
or a region id (looked up in the paths setting, then in the built-in
regions). With no REGION: every region in the paths directories, or the
built-in regions.

When a tender has no schedule, the conflict is explained on stderr as the
chain of constraints that causes it, each with its file and line, and the
exit code is 1.

Besides the table, -o gives the plan as data (json, yaml, csv), for a memo
or wiki (markdown, mermaid), for a calendar (ics: one all-day event per
milestone, with stable UIDs so a second import updates the first), or as a
Gantt picture (svg, and html: a self-contained page with the picture and
the table). --lang sets the words and month names of markdown, ics, svg and
html; --today draws today's line in the picture.`,
		Example: `  tender plan achterhoek
  tender plan regions/ --tender inkoop-2022 -o json
  tender plan achterhoek --scenario publish-23-sep
  tender plan achterhoek --set publication=2021-04-15 --alap
  tender plan achterhoek -o html > achterhoek.html
  tender plan achterhoek -o ics > achterhoek.ics
  tender plan regions/ -o csv --csv-sep ';' > plan.csv`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if opts.ASAP && opts.ALAP {
				return cmdutil.UsageErrorf("--asap and --alap exclude each other")
			}
			if _, err := render.ValidCSVSeparator(opts.CSVSep); err != nil {
				return cmdutil.UsageErrorf("%v", err)
			}
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
	cmd.Flags().StringArrayVar(&opts.Tenders, "tender", nil, "only this tender (repeatable)")
	cmd.Flags().StringVar(&opts.Scenario, "scenario", "", "apply this scenario overlay first (base: none, the default)")
	cmd.Flags().BoolVar(&opts.ASAP, "asap", false, "plan every milestone as early as possible (overrides schedule:)")
	cmd.Flags().BoolVar(&opts.ALAP, "alap", false, "plan every milestone as late as possible (overrides schedule:)")
	cmd.Flags().StringArrayVar(&opts.Sets, "set", nil, "fix milestone ID at DATE for this run: ID=YYYY-MM-DD (repeatable)")
	cmd.Flags().StringVar(&opts.CSVSep, "csv-sep", ",", "field separator of -o csv: one character, such as ; for Dutch Excel, or tab")
	return cmd
}

func run(opts *Options) error {
	f := opts.Factory
	regions, err := f.Finder().Find(opts.Args)
	if err != nil {
		return err
	}
	sel, err := cmdutil.SelectTenders(regions, opts.Tenders, opts.Scenario)
	if err != nil {
		return err
	}
	moves, err := cmdutil.ParseMoves(opts.Sets, "--set")
	if err != nil {
		return err
	}
	schedule := ""
	switch {
	case opts.ASAP:
		schedule = "asap"
	case opts.ALAP:
		schedule = "alap"
	}
	used := map[string]bool{}
	jobs := make([]timeline.Job, len(sel))
	for i, s := range sel {
		jobs[i] = timeline.Job{Region: s.Region, Tender: s.Tender, Options: timeline.Options{
			Schedule: schedule,
			Lang:     f.RenderOptions().Lang,
			Set:      cmdutil.MovesFor(s.Tender, moves, used),
		}}
	}
	// Planned on all cores; the first error in tender order wins, as if
	// they had been planned one by one.
	results, errs := timeline.PlanAll(jobs)
	plans := make([]render.Plan, 0, len(sel))
	for i, s := range sel {
		if errs[i] != nil {
			return cmdutil.PlanError(errs[i])
		}
		plans = append(plans, render.Plan{Region: s.Region, Tender: s.Tender, Result: results[i]})
	}
	if err := cmdutil.CheckMovesUsed(sel, moves, used, "--set"); err != nil {
		return err
	}
	// Only the table, markdown and html show the findings; for the other
	// formats the rules are not run (at 100,000 milestones they cost as much
	// as planning), but an invalid config policy is still an error.
	shown := opts.Output == "table" || opts.Output == "markdown" || opts.Output == "html"
	if err := setFindings(f, plans, shown); err != nil {
		return err
	}
	ios := f.IOStreams
	ro := f.RenderOptions()
	switch opts.Output {
	case "json":
		err = render.PlanJSON(ios.Out, plans)
	case "yaml":
		err = render.PlanYAML(ios.Out, plans)
	case "csv":
		sep, _ := render.ValidCSVSeparator(opts.CSVSep)
		err = render.PlanCSV(ios.Out, plans, sep)
	case "markdown":
		err = render.PlanMarkdown(ios.Out, plans, ro)
	case "ics":
		err = render.PlanICS(ios.Out, plans, ro)
	case "mermaid":
		err = render.PlanMermaid(ios.Out, plans, ro)
	case "svg":
		err = render.PlanSVG(ios.Out, plans, ro)
	case "html":
		err = render.PlanHTML(ios.Out, plans, ro)
	default:
		if !ios.Quiet {
			err = render.PlanTable(ios.Out, plans, ro)
		}
	}
	if err != nil {
		return err
	}
	infeasible := false
	for _, p := range plans {
		if !p.Result.Feasible {
			infeasible = true
			cmdutil.PrintConflict(ios.ErrOut, cmdutil.Selected{Region: p.Region, Tender: p.Tender}, p.Result.Conflict)
		}
	}
	if infeasible {
		return cmdutil.ErrNo
	}
	return nil
}
