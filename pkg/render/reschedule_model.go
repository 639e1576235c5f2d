package render

import (
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
	// Written is the file the moves were written to (--write), or "".
	Written string
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
	ID, Name, Kind string
	// Before and After are nil when that plan has no schedule.
	Before, After *date.Date
	// Shift is nil unless both dates exist.
	Shift *Shift
	// Moved: an ID=DATE argument; Kept: --keep; Done: it happened.
	Moved, Kept, Done bool
}
