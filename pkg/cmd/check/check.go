// Package check is `tender check`: the legal and practical rules of
// the README's "tender check" on every tender and scenario, for people and for CI.
package check

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Options are the inputs of `tender check`.
type Options struct {
	Factory  *cmdutil.Factory
	Args     []string
	Tenders  []string
	Scenario string
	Strict   bool
	Output   string
}

// Formats are the -o values of `tender check`; the first is the default.
var Formats = []string{"text", "json", "github", "junit"}

// NewCmdCheck builds the command; runF replaces the run in tests.
func NewCmdCheck(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
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
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "warnings fail the run too")
	cmd.Flags().StringVar(&opts.Scenario, "scenario", "", "check only the base and this scenario (base: only the base; default: the base and all scenarios)")
	cmd.Flags().StringArrayVar(&opts.Tenders, "tender", nil, "only this tender (repeatable)")
	return cmd
}

func run(opts *Options) error {
	f := opts.Factory
	s := f.Settings
	if s == nil {
		s = &cmdutil.Settings{Lang: "en"}
	}
	// A bad policy in the config file stops the run before any output: it
	// would change every finding.
	if err := f.CheckPolicy(); err != nil {
		return err
	}
	regions, inputErrs, err := load(f.Finder(), opts.Args)
	if err != nil {
		return err
	}
	// A --tender or --scenario that no loaded region has may be in a file
	// that did not load: then its errors are the answer, not "unknown
	// tender".
	rep := &render.CheckReport{Strict: opts.Strict}
	sel, err := cmdutil.SelectTenders(regions, opts.Tenders, "")
	if err != nil && len(regions) > 0 {
		if len(inputErrs) > 0 {
			return reportInputErrors(f, rep, inputErrs, opts.Output)
		}
		return err
	}
	if opts.Scenario != "" && opts.Scenario != region.BaseScenario {
		if err := app.CheckScenario(sel, opts.Scenario); err != nil {
			if len(inputErrs) > 0 {
				return reportInputErrors(f, rep, inputErrs, opts.Output)
			}
			return err
		}
	}
	ropts := f.RulesOptions()
	seen := map[*region.Region]bool{}
	for _, sl := range sel {
		if !seen[sl.Region] {
			seen[sl.Region] = true
			rep.Regions++
		}
		rep.Tenders++
		for _, name := range scenarios(sl.Tender, opts.Scenario) {
			t, err := sl.Tender.WithScenario(name)
			if err != nil {
				return &cmdutil.UsageError{Err: err}
			}
			runs, err := check(sl.Region, t, ropts, opts.Output == "junit")
			if err != nil {
				inputErrs = append(inputErrs, asRegionErrors(sl.Region.Source, err)...)
				continue
			}
			rep.Runs = append(rep.Runs, runs)
		}
	}
	if len(inputErrs) > 0 {
		if len(sel) > 0 || opts.Output != "text" {
			rep.Errors = inputErrs
			if err := write(f, rep, opts.Output); err != nil {
				return err
			}
		}
		return inputErrs
	}
	if err := write(f, rep, opts.Output); err != nil {
		return err
	}
	if rep.Fails() {
		return cmdutil.ErrNo
	}
	return nil
}

// reportInputErrors ends a run in which nothing could be checked because
// of input errors: the CI formats still report them on stdout (the text
// format leaves them to stderr alone), and the exit code is 2.
func reportInputErrors(f *cmdutil.Factory, rep *render.CheckReport, errs region.ErrorList, format string) error {
	if format != "text" {
		rep.Errors = errs
		if err := write(f, rep, format); err != nil {
			return err
		}
	}
	return errs
}

// load finds the regions of each argument on its own, so that one broken
// file does not hide the findings of the others: their load errors are
// returned with the regions that did load, and the exit code is then 2.
// Arguments that name nothing (an unknown id) are usage errors, returned
// at once.
func load(finder *source.Finder, args []string) ([]*region.Region, region.ErrorList, error) {
	if len(args) == 0 {
		rs, err := finder.Find(nil)
		if el := asList(err); el != nil {
			return rs, el, nil
		}
		return rs, nil, err
	}
	var out []*region.Region
	var errs region.ErrorList
	for _, arg := range args {
		rs, err := finder.Find([]string{arg})
		var unknown *source.UnknownIDError
		switch {
		case errors.As(err, &unknown):
			return nil, nil, err
		case err != nil:
			// A directory gives what loaded next to its broken files.
			errs = append(errs, asRegionErrors(arg, err)...)
		}
		out = append(out, rs...)
	}
	return out, errs, nil
}

func asList(err error) region.ErrorList {
	var el region.ErrorList
	if errors.As(err, &el) {
		return el
	}
	return nil
}

// asRegionErrors turns an input error into file:line:column lines: a
// region.ErrorList as it is, any other error (an unreadable file) as one
// line for the file.
func asRegionErrors(file string, err error) region.ErrorList {
	if el := asList(err); el != nil {
		return el
	}
	var re *region.Error
	if errors.As(err, &re) {
		return region.ErrorList{re}
	}
	msg := err.Error()
	if rest, ok := strings.CutPrefix(msg, file+": "); ok {
		msg = rest
	}
	return region.ErrorList{{File: file, Msg: msg}}
}

// scenarios lists what to check of a tender: the base (""), then every
// scenario, or only the one named by --scenario when the tender has it.
func scenarios(t *region.Tender, only string) []string {
	out := []string{""}
	for _, id := range t.ScenarioIDs() {
		if only == "" || id == only {
			out = append(out, id)
		}
	}
	return out
}

// check plans one tender (base or scenario) and applies the rules.
func check(r *region.Region, t *region.Tender, opts rules.Options, notRun bool) (render.CheckRun, error) {
	res, err := timeline.Plan(r, t, timeline.Options{Lang: opts.Lang})
	if err != nil {
		return render.CheckRun{}, err
	}
	fs, err := rules.Check(r, t, res, opts)
	if err != nil {
		return render.CheckRun{}, err
	}
	run := render.CheckRun{Region: r, Tender: t, Findings: fs}
	if notRun {
		if run.NotRun, err = rules.NotRun(r, t, res, opts); err != nil {
			return render.CheckRun{}, err
		}
	}
	return run, nil
}

func write(f *cmdutil.Factory, rep *render.CheckReport, format string) error {
	ios := f.IOStreams
	ro := f.RenderOptions()
	switch format {
	case "json":
		return render.CheckJSON(ios.Out, rep)
	case "github":
		return render.CheckGitHub(ios.Out, rep, ro, ios.Quiet)
	case "junit":
		return render.CheckJUnit(ios.Out, rep)
	}
	return render.CheckText(ios.Out, rep, ro, ios.Quiet)
}
