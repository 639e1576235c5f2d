package render

import (
	"sort"

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

// NewOverviewRow picks out of a plan what the portfolio shows. The first
// milestone of a kind is the first in planned date order (file order on
// ties). A milestone due today counts as next: it has not passed yet.
func NewOverviewRow(r *region.Region, t *region.Tender, res *timeline.Result, errors, warnings int, today date.Date) OverviewRow {
	row := OverviewRow{Region: r, Tender: t, Result: res, Errors: errors, Warnings: warnings}
	if res == nil || !res.Feasible {
		return row
	}
	for i := range res.Milestones {
		m := &res.Milestones[i]
		var slot **timeline.Planned
		switch m.Milestone.Kind {
		case "publication":
			slot = &row.Publication
		case "submission":
			slot = &row.Submission
		case "award":
			slot = &row.Award
		case "contract-start":
			slot = &row.ContractStart
		}
		if slot != nil && *slot == nil {
			*slot = m
		}
		if row.Next == nil && !m.Done && m.Date >= today {
			row.Next = m
		}
	}
	return row
}

// SortOverview orders rows by contract start, rows without one (no
// contract-start milestone, or no schedule) last, ties by region id and
// tender id.
func SortOverview(rows []OverviewRow) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].ContractStart, rows[j].ContractStart
		switch {
		case a != nil && b != nil && a.Date != b.Date:
			return a.Date < b.Date
		case (a == nil) != (b == nil):
			return a != nil
		case rows[i].Region.ID != rows[j].Region.ID:
			return rows[i].Region.ID < rows[j].Region.ID
		}
		return rows[i].Tender.ID < rows[j].Tender.ID
	})
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
