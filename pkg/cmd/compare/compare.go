// Package compare is `tender compare`: a tender's base plan and its
// scenarios side by side.
package compare

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender compare`.
type Options struct {
	cmdutil.ReportOptions
	Args      []string
	Tender    string
	Scenarios []string
	Sets      []string
	CSV       cmdutil.CSVOptions
}

// NewCmdCompare builds the command; runF replaces the run in tests.
func NewCmdCompare(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "compare [REGION] [--tender ID] [--scenario NAME...]",
		Short: "Compare a tender's base plan and its scenarios side by side",
		Long: `Plans a tender in its base and in each of its scenarios (default: all of
them) and shows them side by side: a row per milestone with its date in
each plan and its shift against the base in calendar days (d) and working
days (wd), then the contract start, the implementation period (award to
contract start) and the number of errors and warnings of each plan
(the rules of tender check).

In the table, a scenario shows a date only where it differs from the base;
· means the same date as the base, — that the plan does not have the
milestone, "new" a milestone that only the scenario has. A scenario
without a schedule is shown as such, with the conflict that causes it;
that is an answer, not a failure: compare exits 0.

REGION is a region file or id as for tender plan. The comparison is of one
tender: when REGION (or, without REGION, all regions found) has several,
choose one with --tender. --set fixes a milestone in every plan compared
(it is left out, with a note, of a plan in which that milestone is done).`,
		Example: `  tender compare achterhoek
  tender compare achterhoek --scenario original-plan --scenario what-happened
  tender compare regions/oost.yaml --tender jeugd-2027 -o markdown > memo.md
  tender compare achterhoek -o json | jq '.scenarios[] | {name, errors, warnings}'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if err := opts.CSV.Parse(c); err != nil {
				return err
			}
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.OutFlag(cmd, &opts.Out)
	cmdutil.TenderFlag(cmd, f, &opts.Tender, "the tender to compare (needed when there are several)")
	cmd.Flags().StringSliceVar(&opts.Scenarios, "scenario", nil, "compare only these scenarios with the base (repeatable, or comma-separated)")
	cmdutil.SetFlag(cmd, f, &opts.Sets, "fix milestone ID at DATE in every plan: ID=YYYY-MM-DD (repeatable)")
	cmdutil.CSVFlags(cmd, &opts.CSV)
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, false)
	cmdutil.RegisterScenarioFlagCompletion(cmd, f, "scenario")
	return cmd
}

// printers are the output formats of `tender compare`.
var printers = cmdutil.Printers[*app.CompareReport]{
	cmdutil.Table("table", comparison, render.CompareTable),
	cmdutil.DataIn("json", comparison, render.CompareJSON),
	cmdutil.CSV(comparison, render.CompareCSV),
	cmdutil.Document("markdown", comparison, render.CompareMarkdown),
	cmdutil.Document("xlsx", comparison, render.CompareXLSX),
}

func comparison(r *app.CompareReport) *render.Comparison { return r.Comparison }

func run(opts *Options) error {
	rep, err := opts.App().Compare(app.CompareRequest{Args: opts.Args, Tender: opts.Tender, Scenarios: opts.Scenarios, Sets: opts.Sets})
	if err != nil {
		return err
	}
	po := opts.Print()
	po.SetCSV(opts.CSV)
	return printers.Report(opts.ReportOptions, rep, po)
}
