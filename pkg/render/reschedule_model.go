package render

import (
	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Reschedule is the answer of tender reschedule: a tender's plan before and
// after moving milestones. The command computes it; the renderers lay it
// out.
type Reschedule struct {
	Region *region.Region
	Tender *region.Tender // with the scenario applied, if any
	Moves  []RescheduleMove
	// Kept are the milestones held at their planned date (--keep).
	Kept          []string
	Before, After *timeline.Result
	// Rows are every milestone, in the after plan's date order (the
	// before plan's when the after plan has none); empty when the after
	// plan has no schedule.
	Rows []RescheduleRow
	// Added and Removed are the findings of the rules that appear and
	// disappear with the move (compared by rule, milestone and message).
	Added, Removed []rules.Finding
	// ContractStart is the first contract-start milestone's row, or nil.
	ContractStart *RescheduleRow
	// Consequences are what each moved milestone forces on --today: a
	// notice, a new standstill, a broken rule, or nothing (internal only).
	Consequences []change.Consequence
	// Written is the file the moves were written to (--write), or "".
	Written string
	// Scenarios are the tender's scenarios replanned with the moves, in
	// file order, when the moves are in the base (a scenario inherits the
	// base's on:); empty for a move within a scenario.
	Scenarios []RescheduleScenario
}

// RescheduleScenario is one scenario of the tender before and after moves
// made in the base.
type RescheduleScenario struct {
	ID            string
	Tender        *region.Tender // with the scenario applied
	Before, After *timeline.Result
	// Added and Removed are as Reschedule's, for this scenario; empty
	// unless both plans have a schedule.
	Added, Removed []rules.Finding
}

// Broken says the scenario had a schedule before the moves and has none
// after.
func (s *RescheduleScenario) Broken() bool { return s.Before.Feasible && !s.After.Feasible }

// Changed says the moves change the scenario's feasibility or findings.
func (s *RescheduleScenario) Changed() bool {
	return s.Before.Feasible != s.After.Feasible || len(s.Added) > 0 || len(s.Removed) > 0
}

// Broken returns the scenarios that the moves leave without a schedule.
func (rs *Reschedule) Broken() []*RescheduleScenario {
	var out []*RescheduleScenario
	for i := range rs.Scenarios {
		if rs.Scenarios[i].Broken() {
			out = append(out, &rs.Scenarios[i])
		}
	}
	return out
}

// RescheduleMove is one ID=DATE argument.
type RescheduleMove struct {
	Milestone string
	// From is the planned date before the move; nil when the plan before
	// has no schedule.
	From *date.Date
	To   date.Date
}

// RescheduleRow is one milestone before and after.
type RescheduleRow struct {
	ID   string
	Kind region.Kind
	// Before and After are nil when that plan has no schedule.
	Before, After *date.Date
	// Shift is nil unless both dates exist.
	Shift *Shift
	// Moved: an ID=DATE argument; Kept: --keep; Done: it happened.
	Moved, Kept, Done bool
}
