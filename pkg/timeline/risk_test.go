package timeline

import (
	"math/rand/v2"
	"testing"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// TestRiskRunnerMatchesPlan: a run of a RiskModel gives exactly the earliest
// dates of Plan with Relax and the same Delays, and the same feasibility,
// for every tender and scenario of the built-in regions and random delays
// in every unit, one runner reused across all runs (state must not leak
// from one run into the next, including after runs with no schedule).
func TestRiskRunnerMatchesPlan(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 11))
	units := []date.Unit{date.Days, date.Weeks, date.Workdays, date.Months}
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
			tenders := []*region.Tender{base}
			for _, sc := range base.Scenarios {
				tn, err := base.WithScenario(sc.ID)
				if err != nil {
					t.Fatal(err)
				}
				tenders = append(tenders, tn)
			}
			for _, tn := range tenders {
				m, err := (&Planner{}).PrepareRisk(r, tn)
				if err != nil {
					t.Fatalf("%s/%s: %v", id, tn.ID, err)
				}
				runner, err := m.NewRunner()
				if err != nil {
					t.Fatal(err)
				}
				n := len(tn.Milestones)
				dates := make([]date.Date, n)
				for run := range 60 {
					delays := make([][]date.Duration, n)
					byID := map[string][]date.Duration{}
					for i, ms := range tn.Milestones {
						if rnd.IntN(3) > 0 {
							continue
						}
						for range 1 + rnd.IntN(2) {
							// Now and then a delay of years, so that some
							// runs run out of meetings or out of range.
							n := rnd.IntN(6)
							if run%10 == 9 {
								n = 100 + rnd.IntN(200)
							}
							delays[i] = append(delays[i], date.Duration{N: n, Unit: units[rnd.IntN(len(units))]})
						}
						byID[ms.ID] = delays[i]
					}
					ok := runner.Run(delays, dates)
					res, err := (&Planner{}).Plan(r, tn, Options{Relax: true, Delays: byID})
					if err != nil {
						t.Fatal(err)
					}
					if ok != res.Feasible {
						t.Fatalf("%s/%s run %d: runner feasible %v, Plan %v", id, tn.ID, run, ok, res.Feasible)
					}
					if !ok {
						continue
					}
					for i, ms := range tn.Milestones {
						if got, want := dates[i], res.Milestone(ms.ID).Earliest; got != want {
							t.Fatalf("%s/%s run %d: %s on %s, Plan says %s", id, tn.ID, run, ms.ID, got, want)
						}
					}
				}
			}
		}
	}
}

// TestRiskRunnerRelaxes: in a run, an on date of a milestone that is not done
// is a lower bound and a dated before is set aside, so a delay shows how late
// things land instead of making the plan infeasible.
func TestRiskRunnerRelaxes(t *testing.T) {
	r := nl(tender(
		ms("decision", "1 done: 2026-01-13"),
		// Tue 13 Jan + 4w = Tue 10 Feb 2026.
		ms("publication", "2 after: decision + 4w", "3 before: 2026-02-15"),
		// Fixed on Mon 16 Feb; a week's delay on publication (17 Feb) pushes
		// it to 17 Feb + 1d = Wed 18 Feb.
		ms("next", "4 on: 2026-02-16", "5 after: publication + 1d"),
	))
	m, err := (&Planner{}).PrepareRisk(r, r.Tenders[0])
	if err != nil {
		t.Fatal(err)
	}
	run, err := m.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	dates := make([]date.Date, 3)
	week := []date.Duration{{N: 1, Unit: date.Weeks}}
	if !run.Run([][]date.Duration{nil, week, nil}, dates) {
		t.Fatal("no schedule")
	}
	want := []date.Date{d("2026-01-13"), d("2026-02-17"), d("2026-02-18")}
	for i := range want {
		if dates[i] != want[i] {
			t.Errorf("%s: %s, want %s", r.Tenders[0].Milestones[i].ID, dates[i], want[i])
		}
	}
	// No delays: the on date holds again (the runner keeps no state).
	if !run.Run(nil, dates) || dates[2] != d("2026-02-16") {
		t.Errorf("without delays: next on %s, want 2026-02-16", dates[2])
	}
	// A delay on the done decision is ignored: it happened.
	if !run.Run([][]date.Duration{week, nil, nil}, dates) || dates[0] != d("2026-01-13") {
		t.Errorf("done decision moved to %s", dates[0])
	}
}

func TestPrepareRiskNoDate(t *testing.T) {
	r := nl(tender(ms("a", "1 after: b"), ms("b", "2 after: a")))
	if _, err := (&Planner{}).PrepareRisk(r, r.Tenders[0]); err == nil {
		t.Fatal("no error for a tender with nothing dated")
	}
}

func BenchmarkRiskRun(b *testing.B) {
	src, err := examples.FS.ReadFile("achterhoek.yaml")
	if err != nil {
		b.Fatal(err)
	}
	r, err := region.Load("achterhoek.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	tn := r.Tenders[0]
	m, err := (&Planner{}).PrepareRisk(r, tn)
	if err != nil {
		b.Fatal(err)
	}
	run, _ := m.NewRunner()
	delays := make([][]date.Duration, len(tn.Milestones))
	for i, ms := range tn.Milestones {
		for _, rk := range ms.Risks {
			delays[i] = append(delays[i], rk.Hi)
		}
	}
	dates := make([]date.Date, len(tn.Milestones))
	b.ReportAllocs()
	for b.Loop() {
		if !run.Run(delays, dates) {
			b.Fatal("no schedule")
		}
	}
}

// TestDelaysInCycles: a delay in a cycle of constraints is added once, not
// at every round of the cycle (forwardCycleDelayed). Both Plan and a
// RiskRunner must say so.
func TestDelaysInCycles(t *testing.T) {
	week := date.Duration{N: 1, Unit: date.Weeks}
	tests := []struct {
		name   string
		r      *region.Region
		delays map[string][]date.Duration
		want   map[string]string
	}{{
		// a and b are on the same day (a zero cycle). x is Mon 2 Mar 2026;
		// a's week moves a to Mon 9 Mar, and b with it; b's own 2 days
		// (Wed 4 Mar) are inside that week.
		name: "zero cycle",
		r: nl(tender(
			ms("x", "1 on: 2026-03-02"),
			ms("a", "2 after: x", "3 after: b"),
			ms("b", "4 after: a"),
		)),
		delays: map[string][]date.Duration{"a": {week}, "b": {{N: 2, Unit: date.Days}}},
		want:   map[string]string{"x": "2026-03-02", "a": "2026-03-09", "b": "2026-03-09"},
	}, {
		// The second question round of achterhoek: q2 at least 4 weeks
		// before the closing date, its answers a week later and 2 weeks
		// before the closing date. pub Mon 2 Mar + 6w: sub Mon 13 Apr; an
		// extra question round of 3 weeks: sub Mon 4 May; q2 ≥ 4 May − 4w =
		// Mon 6 Apr; a2 ≥ 6 Apr + 1w = Mon 13 Apr, which leaves room for
		// sub (13 Apr + 2w = 27 Apr ≤ 4 May): the delay is added once.
		name: "question round",
		r: nl(tender(
			ms("pub", "1 on: 2026-03-02"),
			ms("sub", "2 after: pub + 6w"),
			ms("q2", "3 after: sub - 4w"),
			ms("a2", "4 after: q2 + 1w", "5 before: sub - 2w"),
		)),
		delays: map[string][]date.Duration{"sub": {{N: 3, Unit: date.Weeks}}},
		want:   map[string]string{"pub": "2026-03-02", "sub": "2026-05-04", "q2": "2026-04-06", "a2": "2026-04-13"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tn := tt.r.Tenders[0]
			res := plan(t, tt.r, Options{Relax: true, Delays: tt.delays})
			if !res.Feasible {
				t.Fatalf("Plan: %s", message(res.Conflict, "en"))
			}
			m, err := (&Planner{}).PrepareRisk(tt.r, tn)
			if err != nil {
				t.Fatal(err)
			}
			run, _ := m.NewRunner()
			delays := make([][]date.Duration, len(tn.Milestones))
			for i, ms := range tn.Milestones {
				delays[i] = tt.delays[ms.ID]
			}
			dates := make([]date.Date, len(tn.Milestones))
			if !run.Run(delays, dates) {
				t.Fatal("runner: no schedule")
			}
			for i, ms := range tn.Milestones {
				want := tt.want[ms.ID]
				if got := res.Milestone(ms.ID).Earliest.String(); got != want {
					t.Errorf("Plan: %s on %s, want %s", ms.ID, got, want)
				}
				if got := dates[i].String(); got != want {
					t.Errorf("runner: %s on %s, want %s", ms.ID, got, want)
				}
			}
		})
	}
}
