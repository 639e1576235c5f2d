// Package change compares two versions of one tender: the dates of its
// milestones then and now, and the causes: every input that changed
// between the two region files (an on, a done, a constraint, a duration,
// a milestone added or removed, a closure, a body's meetings, a policy
// key), with its line in each file and the milestones it moved. Where
// several changed inputs move one milestone, the one that binds is named:
// the first changed input on the chain of constraints that binds the
// milestone's date (timeline's Planned.Why, the walk of a conflict chain).
// A change of the calendar is in no chain: what it moved is found by
// planning again with that change alone undone.
//
// It is plain Go: the front ends (tender diff, plan --baseline, report)
// load the versions and print the Diff.
package change

import (
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// State is what happened to a milestone between the versions.
type State string

const (
	Moved     State = "moved"
	Unchanged State = "unchanged"
	New       State = "new"
	Removed   State = "removed"
	// Done is a milestone done in the new version and not in the old.
	Done State = "done"
)

// Side is one version of a tender. A saved plan has Dates only; a region
// file has Region, Tender and Result (planned with Options.Explain) too.
type Side struct {
	Region *region.Region
	Tender *region.Tender
	Result *timeline.Result
	Dates  []Dated
}

// Dated is one milestone of a version: its date and whether it is done.
type Dated struct {
	ID   string
	Kind region.Kind
	Date date.Date
	Done bool
}

// FromResult is the Side of a planned tender.
func FromResult(r *region.Region, t *region.Tender, res *timeline.Result) Side {
	s := Side{Region: r, Tender: t, Result: res}
	for _, pl := range res.Milestones {
		m := pl.Milestone
		s.Dates = append(s.Dates, Dated{ID: m.ID, Kind: m.Kind, Date: pl.Date, Done: pl.Done})
	}
	return s
}

func (s *Side) find(id string) *Dated {
	for i := range s.Dates {
		if s.Dates[i].ID == id {
			return &s.Dates[i]
		}
	}
	return nil
}

// Diff is the comparison of one tender's two versions.
type Diff struct {
	Region, Tender string
	// OldFile and NewFile are the files the lines are in ("" for a saved
	// plan).
	OldFile, NewFile string
	// OldName and NewName are the versions as the user named them (a
	// file, -, git:REV, a region id).
	OldName, NewName string
	ContractStart    Pair
	// Milestones are the new version's in its date order, then the
	// removed ones in the old version's order.
	Milestones []Milestone
	Causes     []Cause
	// Appeared and Disappeared are the findings of the rules that only
	// the new, or only the old, version has.
	Appeared, Disappeared []rules.Finding
	Consequences          []Consequence
	// OldUnknown: the old version is a saved plan whose inputs are not
	// known (no causes, no findings to compare).
	OldUnknown bool
}

// Pair is a date then and now; nil where a version has none.
type Pair struct{ Old, New *date.Date }

// Milestone is one milestone's change.
type Milestone struct {
	ID       string
	Kind     region.Kind
	Old, New *date.Date
	// ShiftDays and ShiftWorkdays are nil unless both versions have the
	// milestone; ShiftWorkdays counts the working days in (old, new] of
	// the new version's calendar, negative for an earlier date.
	ShiftDays, ShiftWorkdays *int
	State                    State
	// Cause is the index in Diff.Causes of the input that binds the
	// shift, or -1.
	Cause int
}

// Shifted says the milestone has another date now.
func (m *Milestone) Shifted() bool { return m.ShiftDays != nil && *m.ShiftDays != 0 }

// Cause is one input that changed between the versions.
type Cause struct {
	// What is the change as written: "contract-start on: 2022-01-01 →
	// 2022-07-01", "milestone vragen-2 added", "closed kerst: … added".
	What string
	// OldLine and NewLine are its lines in each file; 0 on the side that
	// lacks the input.
	OldLine, NewLine int
	// Moved are the milestones whose date this change moved, in the
	// order of Diff.Milestones.
	Moved []string

	oldLines, newLines map[int]bool
	// oldText and newText are the input as a chain's link writes it
	// ("after: pub + 45d"), for an input on a line it shares with others
	// (after: [pub + 45d, 2027-10-01]); "" matches the whole line.
	oldText, newText string
	// milestone is the id of a milestone added or removed as a whole.
	milestone string
	// revert undoes the change in a copy of the new version, for a
	// change found in no chain (the calendar, the schedule).
	revert func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender)
}

// Short names the input without its values: "contract-start on",
// "milestone vragen-2 added", "closed herfst".
func (c *Cause) Short() string {
	if i := strings.Index(c.What, ": "); i > 0 {
		return c.What[:i]
	}
	return c.What
}

// Consequence is what a change forces once the tender is out: a notice, a
// new standstill, a broken rule, or nothing ("internal-only").
type Consequence struct {
	Milestone string
	// What is one of the Consequence… codes.
	What      string
	Reference string
}

// The consequences of a change (Consequence.What).
const (
	ConsequenceRectification = "rectification-notice"
	ConsequenceNotaInlicht   = "nota-van-inlichtingen"
	ConsequencePassed        = "deadline-passed"
	ConsequenceStandstill    = "new-standstill"
	ConsequenceAnswersLead   = "answers-lead-broken"
	ConsequenceInternal      = "internal-only"
)

// Replan plans a tender of a region again, as the new version was planned
// (the same options, with Explain): Compare calls it for the changes of
// the calendar.
type Replan func(r *region.Region, t *region.Tender) (*timeline.Result, error)

// Workdays counts the working days in (a, b].
type Workdays func(a, b date.Date) int
