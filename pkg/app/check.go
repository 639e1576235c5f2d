package app

import (
	"errors"
	"strings"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// CheckRequest asks for the rules' findings on every selected tender and
// scenario.
type CheckRequest struct {
	Args    []string
	Tenders []string
	// Scenario checks the base and this scenario only (base: the base
	// alone; "": the base and every scenario).
	Scenario string
	Strict   bool // warnings fail the run too
	// NotRun lists, per tender, the rules that did not apply (for junit's
	// skipped cases).
	NotRun bool
}

// CheckReport is the findings of every tender and scenario, and the input
// errors of the files that did not load (render.CheckReport.Errors): they
// make the answer "could not run" whatever the findings.
type CheckReport struct {
	*render.CheckReport
}

// InputErrors are the errors of the files that did not load, or nil.
func (r *CheckReport) InputErrors() error {
	if len(r.Errors) == 0 {
		return nil
	}
	return r.Errors
}

// NothingChecked: input errors stopped the run before any tender was
// checked (the formats for people then leave them to stderr alone).
func (r *CheckReport) NothingChecked() bool { return len(r.Errors) > 0 && r.Tenders == 0 }

// Check plans every selected tender (the base, then each scenario) and
// applies the rules. One broken file does not hide the findings of the
// others: its errors come back in the report next to them. A --tender or
// --scenario that no loaded file has may be in a file that did not load:
// then those errors are the answer, not UnknownError.
func (a *App) Check(req CheckRequest) (*CheckReport, error) {
	// A bad policy in the config file stops the run before any output: it
	// would change every finding.
	if err := a.CheckPolicy(); err != nil {
		return nil, err
	}
	regions, inputErrs, err := a.loadEach(req.Args)
	if err != nil {
		return nil, err
	}
	rep := &CheckReport{&render.CheckReport{Strict: req.Strict}}
	sel, err := SelectTenders(regions, req.Tenders, "")
	if err != nil && len(regions) == 0 {
		err = nil // nothing loaded: the input errors are the answer
	}
	if err == nil {
		err = CheckScenario(sel, req.Scenario)
	}
	if err != nil {
		if len(inputErrs) > 0 {
			rep.Errors = inputErrs
			return rep, nil
		}
		return nil, err
	}
	ropts := a.RulesOptions()
	seen := map[*region.Region]bool{}
	for _, sl := range sel {
		if !seen[sl.Region] {
			seen[sl.Region] = true
			rep.Regions++
		}
		rep.Tenders++
		for _, name := range checkedScenarios(sl.Tender, req.Scenario) {
			t, err := sl.Tender.WithScenario(name)
			if err != nil {
				return nil, &UsageError{Err: err}
			}
			run, err := a.check(sl.Region, t, ropts, req.NotRun)
			if err != nil {
				inputErrs = append(inputErrs, asRegionErrors(sl.Region.Source, err)...)
				continue
			}
			rep.Runs = append(rep.Runs, run)
		}
	}
	rep.Errors = inputErrs
	return rep, nil
}

// loadEach finds the regions of each argument on its own, so that one
// broken file does not hide the others: their load errors come back with
// the regions that did load. An argument that names nothing is returned
// at once as the error.
func (a *App) loadEach(args []string) ([]*region.Region, region.ErrorList, error) {
	if len(args) == 0 {
		rs, err := a.Finder.Find(nil)
		if el := asList(err); el != nil {
			return rs, el, nil
		}
		return rs, nil, err
	}
	var out []*region.Region
	var errs region.ErrorList
	for _, arg := range args {
		rs, err := a.Finder.Find([]string{arg})
		var unknownID *source.UnknownIDError
		var usage *UsageError
		switch {
		case errors.As(err, &unknownID), errors.As(err, &usage):
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

// checkedScenarios lists what to check of a tender: the base (""), then
// every scenario, or only the one asked for when the tender has it (none
// for base).
func checkedScenarios(t *region.Tender, only string) []string {
	out := []string{""}
	for _, id := range t.ScenarioIDs() {
		if only == "" || id == only {
			out = append(out, id)
		}
	}
	return out
}

// check plans one tender (base or scenario) and applies the rules.
func (a *App) check(r *region.Region, t *region.Tender, opts rules.Options, notRun bool) (render.CheckRun, error) {
	res, err := a.plan(r, t, timeline.Options{})
	if err != nil {
		return render.CheckRun{}, err
	}
	run := render.CheckRun{Region: r, Tender: t, Findings: rules.Check(r, t, res, opts)}
	if notRun {
		run.NotRun = rules.NotRun(r, t, res, opts)
	}
	return run, nil
}
