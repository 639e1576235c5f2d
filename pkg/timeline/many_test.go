package timeline

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/region"
)

// TestPlanAll: PlanAll gives what Plan gives, job by job, on any number of
// cores, errors included.
func TestPlanAll(t *testing.T) {
	var jobs []Job
	for _, id := range examples.IDs {
		src, err := examples.FS.ReadFile(id + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		r, err := region.Load(id+".yaml", src)
		if err != nil {
			t.Fatal(err)
		}
		for _, tn := range r.Tenders {
			jobs = append(jobs, Job{Region: r, Tender: tn}, Job{Region: r, Tender: tn, Options: Options{Schedule: "alap"}})
		}
	}
	bad := nl(tender(ms("a", "1 after: nowhere")))
	jobs = append(jobs, Job{Region: bad, Tender: bad.Tenders[0]})
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		results, errs := (&Planner{}).PlanAll(jobs)
		for i, j := range jobs {
			want, wantErr := (&Planner{}).Plan(j.Region, j.Tender, j.Options)
			if fmt.Sprint(errs[i]) != fmt.Sprint(wantErr) {
				t.Fatalf("job %d: error %v, want %v", i, errs[i], wantErr)
			}
			if wantErr != nil {
				continue
			}
			if diff := cmp.Diff(rows(want), rows(results[i])); diff != "" {
				t.Errorf("GOMAXPROCS %d, job %d (-Plan +PlanAll):\n%s", procs, i, diff)
			}
		}
	}
}

// BenchmarkPlanAll plans 1,000 tenders of 100 milestones on all cores: the
// plan layer of testdata/bench.sh (BenchmarkPlan is one tender on one core).
func BenchmarkPlanAll(b *testing.B) {
	r := syntheticRegion(100)
	var jobs []Job
	for range 1000 {
		jobs = append(jobs, Job{Region: r, Tender: r.Tenders[0]})
	}
	p := &Planner{} // one for all the rounds, as an App keeps one
	b.ReportAllocs()
	for b.Loop() {
		_, errs := p.PlanAll(jobs)
		if errs[0] != nil {
			b.Fatal(errs[0])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/milestone")
}
