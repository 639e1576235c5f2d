package app

import (
	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// OverviewRequest asks for the portfolio of the regions Args name.
type OverviewRequest struct {
	Args []string
}

// OverviewReport is the portfolio, and the tenders without a schedule in
// the order they were found (not the rows' order).
type OverviewReport struct {
	Overview  *render.Overview
	conflicts []Conflict
}

// Conflicts are the tenders without a schedule, in the order found.
func (r *OverviewReport) Conflicts() []Conflict { return r.conflicts }

// Overview plans and checks every tender of every region, on all cores,
// and lays them out one row each, sorted by contract start.
func (a *App) Overview(req OverviewRequest) (*OverviewReport, error) {
	regions, err := a.Finder.Find(req.Args)
	if err != nil {
		return nil, err
	}
	if err := a.CheckPolicy(); err != nil {
		return nil, err
	}
	var jobs []timeline.Job
	for _, r := range regions {
		for _, t := range r.Tenders {
			jobs = append(jobs, timeline.Job{Region: r, Tender: t, Options: timeline.Options{}})
		}
	}
	results, errs := a.Planner.PlanAll(jobs)
	for _, err := range errs {
		if err != nil {
			return nil, PlanError(err)
		}
	}
	ruleOpts := a.RulesOptions()
	o := &render.Overview{Today: a.Today, Regions: len(regions), Rows: make([]render.OverviewRow, len(jobs))}
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		e, w, _ := rules.Count(rules.Check(j.Region, j.Tender, results[i], ruleOpts))
		o.Rows[i] = NewOverviewRow(j.Region, j.Tender, results[i], e, w, a.Today)
	})
	SortOverview(o.Rows)
	rep := &OverviewReport{Overview: o}
	for i, res := range results {
		if !res.Feasible {
			rep.conflicts = append(rep.conflicts, Conflict{Selected{Region: jobs[i].Region, Tender: jobs[i].Tender}, res.Conflict})
		}
	}
	return rep, nil
}
