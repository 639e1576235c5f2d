package timeline

import (
	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/region"
)

// Job is one tender to plan with Planner.PlanAll.
type Job struct {
	Region  *region.Region
	Tender  *region.Tender
	Options Options
}

// PlanAll plans every job, as Plan does, on up to GOMAXPROCS goroutines:
// results[i] and errs[i] belong to jobs[i], so the answer does not depend
// on the number of cores. A portfolio of 40 regions plans in a fraction of
// the time one core needs.
func (p *Planner) PlanAll(jobs []Job) (results []*Result, errs []error) {
	results = make([]*Result, len(jobs))
	errs = make([]error, len(jobs))
	// Each region's calendar is looked up once, not once per tender: the
	// lookup builds the calendar's key (every meeting date of every body)
	// and hashes it, which was a fifth of planning a portfolio of
	// 12-milestone tenders.
	var regions []*region.Region
	index := map[*region.Region]int{}
	for _, j := range jobs {
		if _, ok := index[j.Region]; !ok {
			index[j.Region] = len(regions)
			regions = append(regions, j.Region)
		}
	}
	cals := make([]*calendar.Calendar, len(regions))
	parallel.For(len(regions), func(i int) { cals[i] = p.RegionCalendar(regions[i]) })
	parallel.For(len(jobs), func(i int) {
		j := &jobs[i]
		results[i], errs[i] = p.planIn(cals[index[j.Region]], j.Region, j.Tender, j.Options)
	})
	return results, errs
}
