package overview

import (
	"testing"

	"github.com/tender-nl/tender/pkg/app"

	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// portfolio is the three built-in regions 14 times over: 42 regions, as a
// national portfolio has.
func portfolio(tb testing.TB) []timeline.Job {
	tb.Helper()
	regions, err := source.BuiltIns()
	if err != nil {
		tb.Fatal(err)
	}
	var jobs []timeline.Job
	for range 14 {
		for _, r := range regions {
			for _, t := range r.Tenders {
				jobs = append(jobs, timeline.Job{Region: r, Tender: t})
			}
		}
	}
	return jobs
}

// BenchmarkCheck runs the rules of tender check on every tender of the
// portfolio, one core: the check layer of testdata/bench.sh.
func BenchmarkCheck(b *testing.B) {
	jobs := portfolio(b)
	p := &timeline.Planner{} // one for the plans and the rules, as an App keeps one
	results, _ := p.PlanAll(jobs)
	b.ReportAllocs()
	for b.Loop() {
		for i, j := range jobs {
			rules.Check(j.Region, j.Tender, results[i], rules.Options{Planner: p})
		}
	}
}

// BenchmarkOverview is tender overview without the reading of files:
// plan, check and build the rows of 42 regions on all cores.
func BenchmarkOverview(b *testing.B) {
	jobs := portfolio(b)
	p := &timeline.Planner{} // one for every round, as tender serve's App keeps one
	b.ReportAllocs()
	for b.Loop() {
		results, _ := p.PlanAll(jobs)
		rows := make([]render.OverviewRow, len(jobs))
		parallel.For(len(jobs), func(i int) {
			fs := rules.Check(jobs[i].Region, jobs[i].Tender, results[i], rules.Options{Planner: p})
			e, w, _ := rules.Count(fs)
			rows[i] = app.NewOverviewRow(jobs[i].Region, jobs[i].Tender, results[i], e, w, 0)
		})
		app.SortOverview(rows)
	}
}
