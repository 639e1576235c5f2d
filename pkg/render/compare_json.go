package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/date"
)

// The JSON shape of `tender compare -o json` (README): region, tender, and
// per plan (the base first, named "base") name, feasible, milestones
// {id, date, shift_days}, errors and warnings. Added to what the README lists:
// shift_workdays per milestone; description, conflict, contract_start and
// implementation_days per plan.
type compareJSON struct {
	Region    string                `json:"region"`
	Tender    string                `json:"tender"`
	Scenarios []compareScenarioJSON `json:"scenarios"`
}

type compareScenarioJSON struct {
	Name       string                 `json:"name"`
	Feasible   bool                   `json:"feasible"`
	Milestones []compareMilestoneJSON `json:"milestones"`
	Errors     int                    `json:"errors"`
	Warnings   int                    `json:"warnings"`

	Description        *string       `json:"description"`
	Conflict           *conflictJSON `json:"conflict"`
	ContractStart      *date.Date    `json:"contract_start"`
	ImplementationDays *int          `json:"implementation_days"`
}

type compareMilestoneJSON struct {
	ID            string    `json:"id"`
	Date          date.Date `json:"date"`
	ShiftDays     *int      `json:"shift_days"`
	ShiftWorkdays *int      `json:"shift_workdays"`
}

// CompareJSON writes a comparison as the one JSON object of the README. Each
// plan's milestones are in its planned date order, file order on ties (as
// in tender plan -o json); shift_days and shift_workdays are null for a
// milestone the base does not have (or when the base has no schedule), and
// 0 throughout the base. A plan without a schedule has "feasible": false,
// no milestones and its conflict.
func CompareJSON(w io.Writer, c *Comparison, lang string) error {
	out := compareJSON{Region: c.Region.ID, Tender: c.Tender.ID, Scenarios: make([]compareScenarioJSON, 0, len(c.Columns))}
	for j, col := range c.Columns {
		cells := make(map[string]ComparisonCell, len(c.Rows))
		for _, r := range c.Rows {
			cells[r.ID] = r.Cells[j]
		}
		s := compareScenarioJSON{
			Name:               col.Name,
			Feasible:           col.Result.Feasible,
			Milestones:         make([]compareMilestoneJSON, 0, len(col.Result.Milestones)),
			Errors:             col.Errors,
			Warnings:           col.Warnings,
			Description:        optionalText(col.Description),
			Conflict:           conflict(lang, col.Result.Conflict),
			ContractStart:      col.ContractStart,
			ImplementationDays: col.Implementation,
		}
		for _, pl := range col.Result.Milestones {
			m := compareMilestoneJSON{ID: pl.Milestone.ID, Date: pl.Date}
			if sh := cells[pl.Milestone.ID].Shift; sh != nil {
				m.ShiftDays, m.ShiftWorkdays = &sh.Days, &sh.Workdays
			}
			s.Milestones = append(s.Milestones, m)
		}
		out.Scenarios = append(out.Scenarios, s)
	}
	return writeJSON(w, out)
}

// optionalText is s, or nil (null in JSON) when s is empty.
func optionalText(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
