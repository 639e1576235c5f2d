package app

import (
	"sort"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// NewOverviewRow picks out of a plan what the portfolio shows. The first
// milestone of a kind is the first in planned date order (file order on
// ties). A milestone due today counts as next: it has not passed yet.
func NewOverviewRow(r *region.Region, t *region.Tender, res *timeline.Result, errors, warnings int, today date.Date) render.OverviewRow {
	row := render.OverviewRow{Region: r, Tender: t, Result: res, Errors: errors, Warnings: warnings}
	if res == nil || !res.Feasible {
		return row
	}
	for i := range res.Milestones {
		m := &res.Milestones[i]
		var slot **timeline.Planned
		switch m.Milestone.Kind {
		case region.KindPublication:
			slot = &row.Publication
		case region.KindSubmission:
			slot = &row.Submission
		case region.KindAward:
			slot = &row.Award
		case region.KindContractStart:
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
func SortOverview(rows []render.OverviewRow) {
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
