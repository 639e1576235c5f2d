package app

import (
	"io"
	"slices"

	"github.com/tender-nl/tender/pkg/baseline"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// BaselineRequest compares plans with a baseline (tender plan
// --baseline): a saved `tender plan -o json`, an earlier region file
// (planned again, with the same scenario and schedule), from a path or
// -, or git:REV (each region's own file at REV).
type BaselineRequest struct {
	Arg      string
	Stdin    io.Reader
	Schedule region.Schedule // as the plans were planned: asap, alap or ""
}

// WithBaseline gives every plan of rep its baseline dates. A tender the
// baseline lacks gets an empty baseline (every milestone: none).
func (a *App) WithBaseline(rep *PlanReport, req BaselineRequest) error {
	loaded := map[string]*baseline.Baseline{}
	for i := range rep.Plans {
		p := &rep.Plans[i]
		src := baseline.Source{Arg: req.Arg, Stdin: req.Stdin, Current: p.Region.Source, BuiltIn: p.Region.BuiltIn}
		key := req.Arg
		if isGit(req.Arg) {
			key += "\x00" + p.Region.Source
		}
		b, ok := loaded[key]
		if !ok {
			var err error
			if b, err = baseline.Load(src); err != nil {
				return err
			}
			loaded[key] = b
		}
		dates, err := a.baselineDates(b, p.Region, p.Tender, req.Schedule)
		if err != nil {
			return err
		}
		cal := a.Planner.RegionCalendar(p.Region)
		p.Baseline = &render.Baseline{Name: req.Arg, Dates: dates, Workdays: cal.WorkdaysBetween}
	}
	return nil
}

// baselineDates are the baseline's dates of tender t (with its scenario)
// of region r.
func (a *App) baselineDates(b *baseline.Baseline, r *region.Region, t *region.Tender, schedule region.Schedule) (map[string]date.Date, error) {
	dates := map[string]date.Date{}
	if b.Region == nil {
		var saved *baseline.Plan
		for i := range b.Plans {
			sp := &b.Plans[i]
			if sp.Region != r.ID || sp.Tender != t.ID {
				continue
			}
			same := (sp.Scenario == nil && t.Scenario == "") || (sp.Scenario != nil && *sp.Scenario == t.Scenario)
			if same || saved == nil {
				saved = sp
			}
			if same {
				break
			}
		}
		if saved != nil {
			for _, m := range saved.Milestones {
				dates[m.ID] = m.Date
			}
		}
		return dates, nil
	}
	if b.Region.ID != r.ID {
		return dates, nil
	}
	bt := b.Region.Tender(t.ID)
	if bt == nil {
		return dates, nil
	}
	if t.Scenario != "" && slices.Contains(bt.ScenarioIDs(), t.Scenario) {
		st, err := bt.WithScenario(t.Scenario)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		bt = st
	}
	res, err := a.plan(b.Region, bt, timeline.Options{Schedule: schedule})
	if err != nil {
		return nil, PlanError(err)
	}
	for _, pl := range res.Milestones {
		dates[pl.Milestone.ID] = pl.Date
	}
	return dates, nil
}
