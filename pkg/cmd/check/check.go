// Package check is `tender check`: the legal and practical rules of
// the README's "tender check" on every tender and scenario, for people and for CI.
package check

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender check`.
type Options struct {
	cmdutil.ReportOptions
	Args     []string
	Tenders  []string
	Scenario string
	Strict   bool
}

// NewCmdCheck builds the command; runF replaces the run in tests.
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "check [REGION...]",
		Short: "Check every tender and scenario against the legal and practical rules",
		Long: `Runs the rules of the Aanbestedingswet and of good practice on every tender
and every scenario: statutory periods counted with the Algemene termijnenwet
(a period that ends on a weekend or holiday runs on to the next working day),
the standstill, the award notice, the order of the procedure, deadlines on
working days, the school summer holidays, meeting dates, overdue milestones
and the thresholds set in the policy. Each finding names its file, line and
column, its rule and the article it rests on.

Legal rules are errors. Practical rules are warnings (some infos), which
--strict makes fail too. The policy: of the config file, the region and the
tender sets thresholds, disables practical rules and changes severities.

Exit status: 0 when nothing fails, 1 when findings fail the run, 2 when a
file cannot be read or is invalid (the worst over all files).

Output formats: text (for people), json, github (annotations in GitHub
Actions), junit (test reports for CI dashboards).`,
		Example: `  tender check
  tender check regions/ --strict
  tender check achterhoek --scenario original-plan
  tender check regions/ -o github
  tender check regions/ -o junit > tender-check.xml`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.OutFlag(cmd, &opts.Out)
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "warnings fail the run too")
	cmdutil.ScenarioFlag(cmd, f, &opts.Scenario, "check only the base and this scenario (base: only the base; default: the base and all scenarios)")
	cmdutil.TendersFlag(cmd, f, &opts.Tenders)
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, true)
	return cmd
}

// printers are the output formats of `tender check`. text and github
// handle -q themselves: they still say what fails.
var printers = cmdutil.Printers[*app.CheckReport]{
	{Format: "text", Print: func(w io.Writer, r *app.CheckReport, o cmdutil.PrintOptions) error {
		return render.CheckText(w, r.CheckReport, o.Options, o.Quiet)
	}},
	cmdutil.DataIn("json", checked, render.CheckJSON),
	{Format: "github", Print: func(w io.Writer, r *app.CheckReport, o cmdutil.PrintOptions) error {
		return render.CheckGitHub(w, r.CheckReport, o.Options, o.Quiet)
	}},
	cmdutil.DataIn("junit", checked, render.CheckJUnit),
	cmdutil.Document("xlsx", checked, render.CheckXLSX),
}

func checked(r *app.CheckReport) *render.CheckReport { return r.CheckReport }

func run(opts *Options) error {
	rep, err := opts.App().Check(app.CheckRequest{Args: opts.Args, Tenders: opts.Tenders, Scenario: opts.Scenario,
		Strict: opts.Strict, NotRun: opts.Output == "junit"})
	if err != nil {
		return err
	}
	// When input errors stopped the run before any tender was checked, the
	// text format leaves them to stderr alone; the CI formats report them.
	if !(rep.NothingChecked() && opts.Output == "text") {
		if err := printers.Report(opts.ReportOptions, rep, opts.Print()); err != nil {
			return err
		}
	}
	if err := rep.InputErrors(); err != nil {
		return err
	}
	if rep.Fails() {
		return cmdutil.ErrNo
	}
	return nil
}
