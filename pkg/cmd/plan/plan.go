// Package plan is `tender plan`: the schedule of every tender.
package plan

import (
	"fmt"

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
}

// Formats are the -o values of `tender plan`; the first is the default.
var Formats = []string{"table", "json"}

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
exit code is 1.`,
		Example: `  tender plan achterhoek
  tender plan regions/ --tender inkoop-2022 -o json
  tender plan achterhoek --scenario publish-23-sep
  tender plan achterhoek --set publication=2021-04-15 --alap`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if opts.ASAP && opts.ALAP {
				return cmdutil.UsageErrorf("--asap and --alap exclude each other")
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
	cmd.Flags().StringVar(&opts.Scenario, "scenario", "", "apply this scenario overlay first")
	cmd.Flags().BoolVar(&opts.ASAP, "asap", false, "plan every milestone as early as possible (overrides schedule:)")
	cmd.Flags().BoolVar(&opts.ALAP, "alap", false, "plan every milestone as late as possible (overrides schedule:)")
	cmd.Flags().StringArrayVar(&opts.Sets, "set", nil, "fix milestone ID at DATE for this run: ID=YYYY-MM-DD (repeatable)")
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
	plans := make([]render.Plan, 0, len(sel))
	for _, s := range sel {
		res, err := timeline.Plan(s.Region, s.Tender, timeline.Options{
			Schedule: schedule,
			Set:      cmdutil.MovesFor(s.Tender, moves, used),
		})
		if err != nil {
			return cmdutil.PlanError(err)
		}
		plans = append(plans, render.Plan{Region: s.Region, Tender: s.Tender, Result: res})
	}
	if err := cmdutil.CheckMovesUsed(sel, moves, used, "--set"); err != nil {
		return err
	}
	ios := f.IOStreams
	ro := f.RenderOptions()
	switch opts.Output {
	case "json":
		err = render.PlanJSON(ios.Out, plans)
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
			fmt.Fprintf(ios.ErrOut, "%s: %s\n", cmdutil.Describe(cmdutil.Selected{Region: p.Region, Tender: p.Tender}), p.Result.Conflict.Message)
		}
	}
	if infeasible {
		return cmdutil.ErrNo
	}
	return nil
}
