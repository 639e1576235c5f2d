package render

import (
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Overview is the portfolio of tender overview: one row per region and
// tender.
type Overview struct {
	// Today is the reference date of the next milestones (--today).
	Today date.Date
	// Rows are sorted by contract start (rows without one last), then by
	// region id and tender id.
	Rows []OverviewRow
	// Regions is the number of regions the rows come from.
	Regions int
}

// OverviewRow is one tender of the portfolio.
type OverviewRow struct {
	Region *region.Region
	Tender *region.Tender
	Result *timeline.Result
	// The first planned milestone of each kind (nil: the tender has none,
	// or no schedule).
	Publication, Submission, Award, ContractStart *timeline.Planned
	// Errors and Warnings are the numbers of findings of tender check.
	Errors, Warnings int
	// Next is the first milestone on or after Today that is not done.
	Next *timeline.Planned
}

// Slack is the slack of the contract start, nil when there is none or it
// is unbounded.
func (r *OverviewRow) Slack() *int {
	if r.ContractStart == nil {
		return nil
	}
	return r.ContractStart.Slack
}

// Totals returns the numbers of the portfolio's summary line.
func (o *Overview) Totals() (infeasible, errors, warnings int) {
	for _, r := range o.Rows {
		if r.Result == nil || !r.Result.Feasible {
			infeasible++
		}
		errors += r.Errors
		warnings += r.Warnings
	}
	return infeasible, errors, warnings
}

func plannedDate(p *timeline.Planned) *date.Date {
	if p == nil {
		return nil
	}
	d := p.Date
	return &d
}
