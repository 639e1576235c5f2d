// Package plan is `tender plan`: the schedule of every tender.
package plan

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender plan`.
type Options struct {
	cmdutil.ReportOptions
	Args     []string
	Tenders  []string
	Scenario string
	ASAP     bool
	ALAP     bool
	Sets     []string
	// Baseline is --baseline: what the plan is compared with.
	Baseline string
	CSV      cmdutil.CSVOptions
}

// NewCmdPlan builds the command; runF replaces the run in tests.
func NewCmdPlan(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
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
  tender plan achterhoek --set publicatie=2021-04-15 --alap
  tender plan achterhoek -o html > achterhoek.html
  tender plan achterhoek -o ics > achterhoek.ics
  tender plan regions/ -o csv --csv-sep ';' > plan.csv`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if opts.ASAP && opts.ALAP {
				return cmdutil.UsageErrorf("--asap and --alap exclude each other")
			}
			if opts.Baseline == "-" && slices.Contains(opts.Args, "-") {
				return cmdutil.UsageErrorf("--baseline - and REGION - both read standard input: give one of them as a file")
			}
			if err := opts.CSV.Parse(c); err != nil {
				return err
			}
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.OutFlag(cmd, &opts.Out)
	cmdutil.TendersFlag(cmd, f, &opts.Tenders)
	cmdutil.ScenarioFlag(cmd, f, &opts.Scenario, "apply this scenario overlay first (base: none, the default)")
	cmd.Flags().BoolVar(&opts.ASAP, "asap", false, "plan every milestone as early as possible (overrides schedule:)")
	cmd.Flags().BoolVar(&opts.ALAP, "alap", false, "plan every milestone as late as possible (overrides schedule:)")
	cmdutil.SetFlag(cmd, f, &opts.Sets, "fix milestone ID at DATE for this run: ID=YYYY-MM-DD (repeatable)")
	cmd.Flags().StringVar(&opts.Baseline, "baseline", "", "compare with a baseline: a saved plan -o json, an earlier region file, - or git:REV")
	cmdutil.CSVFlags(cmd, &opts.CSV)
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, true)
	return cmd
}

// printers are the output formats of `tender plan`.
var printers = cmdutil.Printers[*app.PlanReport]{
	cmdutil.Table("table", plans, render.PlanTable),
	cmdutil.DataIn("json", plans, render.PlanJSON),
	cmdutil.DataIn("yaml", plans, render.PlanYAML),
	cmdutil.CSV(plans, render.PlanCSV),
	cmdutil.Document("markdown", plans, render.PlanMarkdown),
	cmdutil.Document("ics", plans, render.PlanICS),
	cmdutil.Document("mermaid", plans, render.PlanMermaid),
	cmdutil.Document("svg", plans, render.PlanSVG),
	cmdutil.Document("html", plans, render.PlanHTML),
	cmdutil.Document("xlsx", plans, render.PlanXLSX),
}

func plans(r *app.PlanReport) []render.Plan { return r.Plans }

func run(opts *Options) error {
	var schedule region.Schedule
	switch {
	case opts.ASAP:
		schedule = region.ScheduleASAP
	case opts.ALAP:
		schedule = region.ScheduleALAP
	}
	rep, err := opts.App().Plan(app.PlanRequest{
		Args: opts.Args, Tenders: opts.Tenders, Scenario: opts.Scenario, Schedule: schedule, Sets: opts.Sets,
		// Only the table, markdown and html show the findings.
		Findings: opts.Output == "table" || opts.Output == "markdown" || opts.Output == "html",
		Baseline: opts.Baseline, Stdin: opts.IO.In,
	})
	if err != nil {
		return err
	}
	po := opts.Print()
	po.SetCSV(opts.CSV)
	return printers.Answer(opts.ReportOptions, rep, po, rep.Conflicts())
}
