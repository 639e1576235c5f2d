// Package risk is `tender risk`: how late does a tender really land when
// its risks happen? A Monte Carlo simulation over the risk: entries of its
// milestones (pkg/risk).
package risk

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/risk"
)

// Options are the inputs of `tender risk`.
type Options struct {
	cmdutil.ReportOptions
	Args     []string
	Tender   string
	Scenario string
	Runs     int
	Seed     uint64
}

// NewCmdRisk builds the command; runF replaces the run in tests.
func NewCmdRisk(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "risk REGION [--tender ID] [--scenario NAME] [--runs N] [--seed S]",
		Short: "Simulate the risks of a tender: P50, P80, P95 dates and the chance each fixed date holds",
		Long: `Runs a tender many times (a Monte Carlo simulation) with the delays of the
risk: entries of its milestones: in each run every risk happens with its
probability and adds a delay drawn uniformly, in whole units, from its range.
In a run, fixed dates of milestones that are not done become lower bounds and
dated befores are set aside, so the run shows how late things really land.

The table gives every milestone's planned date and its P50, P80 and P95
dates (P80: the earliest date on or before which at least 80% of the runs
fall), and for every on date and dated before the share of runs in which it
still holds. -o svg draws the distribution of the contract start.

The same --seed gives the same answer on every machine, whatever its number
of cores. REGION is a region file or id as for tender plan; when it has
several tenders, choose one with --tender.

Exit 0 with the answer; 1 when the tender's plan itself is infeasible (the
runs are still shown, the conflict is on stderr); 2 on usage or input errors.`,
		Example: `  tender risk achterhoek
  tender risk drenthe --tender jeugdhulp-2026 --runs 100000 --seed 7
  tender risk achterhoek -o json | jq '.fixed[] | select(.holds < 0.8)'
  tender risk achterhoek -o svg > contract-start.svg`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return cmdutil.UsageErrorf("risk takes one REGION (a region file or id), not %d: e.g. tender risk achterhoek", len(args))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.TenderFlag(cmd, f, &opts.Tender, "the tender to simulate (needed when there are several)")
	cmdutil.ScenarioFlag(cmd, f, &opts.Scenario, "apply this scenario overlay first")
	cmd.Flags().IntVar(&opts.Runs, "runs", risk.DefaultRuns, "number of runs")
	cmd.Flags().Uint64Var(&opts.Seed, "seed", risk.DefaultSeed, "seed of the random draws: the same seed gives the same answer")
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, false)
	return cmd
}

// printers are the output formats of `tender risk`.
var printers = cmdutil.Printers[*app.RiskReport]{
	cmdutil.Table("table", simulated, render.RiskTable),
	cmdutil.Data("json", simulated, render.RiskJSON),
	cmdutil.Document("svg", simulated, render.RiskSVG),
}

func simulated(r *app.RiskReport) *risk.Report { return r.Report }

func run(opts *Options) error {
	rep, err := opts.App().Risk(app.RiskRequest{Args: opts.Args, Tender: opts.Tender, Scenario: opts.Scenario, Runs: opts.Runs, Seed: opts.Seed})
	if err != nil {
		return err
	}
	return printers.Answer(opts.ReportOptions, rep, opts.Print(), rep.Conflicts())
}
