package plan

import (
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
)

// setFindings runs the rules of tender check on each plan and sets the
// summary the table shows under it ("1 error, 2 warnings", "none"), on all
// cores; with run false it only checks the config file's policy. The
// findings never change plan's exit code; only an invalid policy in the
// config file is an error (exit 2), as it is for tender check.
func setFindings(f *cmdutil.Factory, plans []render.Plan, run bool) error {
	if err := f.CheckPolicy(); err != nil {
		return err
	}
	s := f.Settings
	if s == nil {
		s = &cmdutil.Settings{Lang: "en"}
	}
	if !run {
		return nil
	}
	opts := f.RulesOptions()
	errs := make([]error, len(plans))
	parallel.For(len(plans), func(i int) {
		p := &plans[i]
		fs, err := rules.Check(p.Region, p.Tender, p.Result, opts)
		if err != nil {
			errs[i] = err
			return
		}
		e, w, n := rules.Count(fs)
		summary := render.FindingsSummary(s.Lang, e, w, n)
		p.Findings = &summary
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
