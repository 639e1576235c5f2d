package app

import (
	"github.com/tender-nl/tender/pkg/risk"
)

// RiskRequest asks for a Monte Carlo simulation of one tender.
type RiskRequest struct {
	Args     []string // the region (one file or id)
	Tender   string   // needed when there are several
	Scenario string
	Runs     int
	Seed     uint64
}

// RiskReport is the simulation, and the conflict of a tender whose plan
// itself has no schedule (the runs are still there).
type RiskReport struct {
	*risk.Report
	conflicts []Conflict
}

// Conflicts holds the tender when its plan has no schedule.
func (r *RiskReport) Conflicts() []Conflict { return r.conflicts }

// Risk simulates the risks of one tender.
func (a *App) Risk(req RiskRequest) (*RiskReport, error) {
	if req.Runs < 1 || req.Runs > risk.MaxRuns {
		return nil, Usagef("invalid --runs %d: give a number of runs from 1 to %d", req.Runs, risk.MaxRuns)
	}
	regions, err := a.Finder.Find(req.Args)
	if err != nil {
		return nil, err
	}
	sel, err := PickTender(regions, req.Tender, "risk", "risk simulates")
	if err != nil {
		return nil, err
	}
	t, err := WithScenario(sel.Tender, req.Scenario)
	if err != nil {
		return nil, err
	}
	rep, err := risk.Simulate(sel.Region, t, risk.Options{Runs: req.Runs, Seed: req.Seed, Planner: a.Planner})
	if err != nil {
		return nil, PlanError(err)
	}
	out := &RiskReport{Report: rep}
	if !rep.Plan.Feasible {
		out.conflicts = []Conflict{{Selected{Region: sel.Region, Tender: t}, rep.Plan.Conflict}}
	}
	return out, nil
}
