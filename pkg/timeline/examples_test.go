package timeline

import (
	"slices"
	"testing"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// TestBuiltInRegions plans every tender and scenario of the built-in regions
// under asap and alap and checks the invariants of a plan: every date lies
// between earliest and latest, and the planned dates satisfy every
// constraint.
func TestBuiltInRegions(t *testing.T) {
	for _, id := range examples.IDs {
		src, err := examples.FS.ReadFile(id + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		r, err := region.Load(id+".yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		for _, base := range r.Tenders {
			names := []string{""}
			for _, sc := range base.Scenarios {
				names = append(names, sc.ID)
			}
			for _, name := range names {
				tn := base
				if name != "" {
					if tn, err = base.WithScenario(name); err != nil {
						t.Fatal(err)
					}
				}
				for _, sched := range region.Schedules {
					res, err := (&Planner{}).Plan(r, tn, Options{Schedule: sched})
					if err != nil {
						t.Fatalf("%s/%s/%s: %v", id, tn.ID, name, err)
					}
					if !res.Feasible {
						t.Logf("%s/%s/%s %s: %s", id, tn.ID, name, sched, message(res.Conflict, "en"))
						continue
					}
					checkPlan(t, r, tn, res)
				}
			}
		}
	}
}

// checkPlan verifies a feasible plan against the tender's constraints.
func checkPlan(t *testing.T, r *region.Region, tn *region.Tender, res *Result) {
	t.Helper()
	cal := (&Planner{}).RegionCalendar(r)
	prob, _, err := buildProblem(r, tn, cal, make([]*Move, len(tn.Milestones)), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	dates := make([]date.Date, len(tn.Milestones))
	for _, p := range res.Milestones {
		i := slices.Index(tn.Milestones, p.Milestone)
		dates[i] = p.Date
		if p.Date < p.Earliest || p.Latest != nil && p.Date > *p.Latest {
			t.Errorf("%s/%s: %s", tn.ID, tn.Scenario, row(&p))
		}
	}
	checkSchedule(t, prob, cal, dates)
}
