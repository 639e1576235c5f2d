package app

import (
	"io"

	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// PlanRequest asks for the schedule of every selected tender.
type PlanRequest struct {
	Args     []string        // regions: files, directories, ids (none: the default set)
	Tenders  []string        // only these tenders (none: all)
	Scenario string          // apply this scenario first ("" or base: none)
	Schedule region.Schedule // asap or alap for every milestone ("": each milestone's own)
	Sets     []string        // ID=DATE: fix these milestones for this run
	// Findings runs the rules on each plan, for the formats that show how
	// many findings there are; without it only the policy is checked.
	Findings bool
	// Explain gives every planned milestone the chain of constraints that
	// binds its earliest date (timeline's Options.Explain, Planned.Why).
	Explain bool
	// Baseline, when given, is what the plans are compared with
	// (WithBaseline); Stdin is read when it is -.
	Baseline string
	Stdin    io.Reader
}

// PlanReport is the plan of every selected tender, in the order found.
type PlanReport struct {
	Plans []render.Plan
}

// Conflicts are the tenders that have no schedule, in order: the front
// end explains them and answers "no".
func (r *PlanReport) Conflicts() []Conflict {
	var out []Conflict
	for _, p := range r.Plans {
		if !p.Result.Feasible {
			out = append(out, Conflict{Selected{Region: p.Region, Tender: p.Tender}, p.Result.Conflict})
		}
	}
	return out
}

// Plan plans the selected tenders on all cores; the first error in tender
// order wins, as if they had been planned one by one.
func (a *App) Plan(req PlanRequest) (*PlanReport, error) {
	regions, err := a.Finder.Find(req.Args)
	if err != nil {
		return nil, err
	}
	sel, err := SelectTenders(regions, req.Tenders, req.Scenario)
	if err != nil {
		return nil, err
	}
	moves, err := ParseMoves(req.Sets, "--set")
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	jobs := make([]timeline.Job, len(sel))
	for i, s := range sel {
		jobs[i] = timeline.Job{Region: s.Region, Tender: s.Tender, Options: timeline.Options{
			Schedule: req.Schedule, Set: movesFor(s.Tender, moves, used), Explain: req.Explain}}
	}
	results, errs := a.Planner.PlanAll(jobs)
	rep := &PlanReport{Plans: make([]render.Plan, 0, len(sel))}
	for i, s := range sel {
		if errs[i] != nil {
			return nil, PlanError(errs[i])
		}
		rep.Plans = append(rep.Plans, render.Plan{Region: s.Region, Tender: s.Tender, Result: results[i]})
	}
	if err := unusedMove(tendersOf(sel), moves, used, "--set"); err != nil {
		return nil, err
	}
	// At 100,000 milestones the rules cost as much as planning: run them
	// only when the findings are shown, but an invalid config policy is
	// an error either way.
	if err := a.CheckPolicy(); err != nil {
		return nil, err
	}
	if req.Findings {
		a.countFindings(rep.Plans)
	}
	if req.Baseline != "" {
		if err := a.WithBaseline(rep, BaselineRequest{Arg: req.Baseline, Stdin: req.Stdin, Schedule: req.Schedule}); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// countFindings runs the rules on each plan, on all cores, and counts the
// findings by severity.
func (a *App) countFindings(plans []render.Plan) {
	opts := a.RulesOptions()
	parallel.For(len(plans), func(i int) {
		p := &plans[i]
		e, w, n := rules.Count(rules.Check(p.Region, p.Tender, p.Result, opts))
		p.Findings = &render.FindingCounts{Errors: e, Warnings: w, Infos: n}
	})
}
