package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/date"
)

// The JSON shape of `tender reschedule -o json` (README). Added to what
// the README lists: scenario (null for the base), kept (the --keep ids),
// written (the file the moves were written to, or null) and scenarios.
type rescheduleJSON struct {
	Region          string                    `json:"region"`
	Tender          string                    `json:"tender"`
	Moves           []rescheduleMoveJSON      `json:"moves"`
	Milestones      []rescheduleMilestoneJSON `json:"milestones"`
	Feasible        bool                      `json:"feasible"`
	Conflict        *conflictJSON             `json:"conflict"`
	FindingsAdded   []findingJSON             `json:"findings_added"`
	FindingsRemoved []findingJSON             `json:"findings_removed"`

	Scenario *string  `json:"scenario"`
	Kept     []string `json:"kept"`
	Written  *string  `json:"written"`
	// Scenarios are the tender's scenarios replanned with a move made in
	// the base (empty for a move within a scenario).
	Scenarios []rescheduleScenarioJSON `json:"scenarios"`
	// Consequences are what each moved milestone forces on --today.
	Consequences []diffConsequenceJSON `json:"consequences"`
}

type rescheduleScenarioJSON struct {
	Scenario        string        `json:"scenario"`
	FeasibleBefore  bool          `json:"feasible_before"`
	Feasible        bool          `json:"feasible"`
	Conflict        *conflictJSON `json:"conflict"`
	FindingsAdded   []findingJSON `json:"findings_added"`
	FindingsRemoved []findingJSON `json:"findings_removed"`
}

type rescheduleMoveJSON struct {
	Milestone string     `json:"milestone"`
	From      *date.Date `json:"from"`
	To        date.Date  `json:"to"`
}

type rescheduleMilestoneJSON struct {
	ID            string     `json:"id"`
	Before        *date.Date `json:"before"`
	After         *date.Date `json:"after"`
	ShiftDays     *int       `json:"shift_days"`
	ShiftWorkdays *int       `json:"shift_workdays"`
}

// RescheduleJSON writes a reschedule as one JSON object. from and before
// are null when the plan before the move has no schedule; a move that
// leaves no schedule has "feasible": false, its conflict, and empty
// milestones and findings lists (as tender plan -o json has no milestones
// for an infeasible plan). Milestones are in the after plan's date order,
// file order on ties. Messages are in lang.
func RescheduleJSON(w io.Writer, rs *Reschedule, lang string) error {
	out := rescheduleJSON{
		Region:          rs.Region.ID,
		Tender:          rs.Tender.ID,
		Moves:           make([]rescheduleMoveJSON, 0, len(rs.Moves)),
		Milestones:      make([]rescheduleMilestoneJSON, 0, len(rs.Rows)),
		Feasible:        rs.After.Feasible,
		Conflict:        conflict(lang, rs.After.Conflict),
		FindingsAdded:   findingsJSON(lang, rs.Added),
		FindingsRemoved: findingsJSON(lang, rs.Removed),
		Scenario:        optionalText(rs.Tender.Scenario),
		Kept:            append([]string{}, rs.Kept...),
		Written:         optionalText(rs.Written),
		Scenarios:       make([]rescheduleScenarioJSON, 0, len(rs.Scenarios)),
		Consequences:    []diffConsequenceJSON{},
	}
	for _, c := range rs.Consequences {
		out.Consequences = append(out.Consequences, diffConsequenceJSON(c))
	}
	for _, sc := range rs.Scenarios {
		out.Scenarios = append(out.Scenarios, rescheduleScenarioJSON{Scenario: sc.ID, FeasibleBefore: sc.Before.Feasible,
			Feasible: sc.After.Feasible, Conflict: conflict(lang, sc.After.Conflict),
			FindingsAdded: findingsJSON(lang, sc.Added), FindingsRemoved: findingsJSON(lang, sc.Removed)})
	}
	for _, mv := range rs.Moves {
		out.Moves = append(out.Moves, rescheduleMoveJSON(mv))
	}
	for _, r := range rs.Rows {
		m := rescheduleMilestoneJSON{ID: r.ID, Before: r.Before, After: r.After}
		if r.Shift != nil {
			m.ShiftDays, m.ShiftWorkdays = &r.Shift.Days, &r.Shift.Workdays
		}
		out.Milestones = append(out.Milestones, m)
	}
	return writeJSON(w, out)
}
