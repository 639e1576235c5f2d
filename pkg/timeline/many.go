package timeline

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tender-nl/tender/pkg/region"
)

// Job is one tender to plan with PlanAll.
type Job struct {
	Region  *region.Region
	Tender  *region.Tender
	Options Options
}

// PlanAll plans every job, as Plan does, on up to GOMAXPROCS goroutines:
// results[i] and errs[i] belong to jobs[i], so the answer does not depend
// on the number of cores. A portfolio of 40 regions plans in a fraction of
// the time one core needs.
func PlanAll(jobs []Job) (results []*Result, errs []error) {
	return defaultPlanner.PlanAll(jobs)
}

// PlanAll plans every job; see the package function PlanAll.
func (p *Planner) PlanAll(jobs []Job) (results []*Result, errs []error) {
	results = make([]*Result, len(jobs))
	errs = make([]error, len(jobs))
	Parallel(len(jobs), func(i int) {
		j := &jobs[i]
		results[i], errs[i] = p.Plan(j.Region, j.Tender, j.Options)
	})
	return results, errs
}

// Parallel calls f(0) … f(n-1) on up to GOMAXPROCS goroutines and returns
// when all have returned. Indices are handed out in order from a shared
// counter, so uneven work keeps every goroutine busy; f must only write to
// what belongs to its index.
func Parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var panicked any
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A panic is handed to the caller's goroutine, where the
			// command's recover turns it into an error message; on a
			// worker it would end the process.
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
