package timeline

import (
	"github.com/tender-nl/tender/pkg/parallel"
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
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		results[i], errs[i] = p.Plan(j.Region, j.Tender, j.Options)
	})
	return results, errs
}
