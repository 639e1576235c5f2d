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
// It is plain Go and speaks no language: a Cause is structure (which
// input, its values then and now as written), and the printers (package
// render's CauseText) word it. The front ends (tender diff, plan
// --baseline, report) load the versions and print the Diff.
package change

import (
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

// Cause is one input that changed between the versions, as structure:
// which input (Kind, Subject, Key) and its values then and now as written
// in the file (Old, New). The printers word it ("pub on: 2027-09-06 →
// 2027-09-13", "milestone vragen added").
type Cause struct {
	Kind CauseKind
	// Subject is what the input belongs to: the milestone, the closed or
	// quiet period, the body, or the tender (a tender's policy); "" for
	// the schedule, the calendar's workdays and holidays and the region's
	// policy.
	Subject string
	// Key is the input's key: on, done, after, before, align or by for a
	// milestone's input; closed or quiet for a period; the policy key.
	Key string
	// Old and New are the values as the file writes them: "pub + 45d",
	// "2027-10-21..2027-10-22", "[mon, tue]"; "" on the side that lacks
	// the input (a policy key not set).
	Old, New string
	// OldLine and NewLine are its lines in each file; 0 on the side that
	// lacks the input.
	OldLine, NewLine int
	// Moved are the milestones whose date this change moved, in the
	// order of Diff.Milestones.
	Moved []string

	oldLines, newLines map[int]bool
	// revert undoes the change in a copy of the new version, for a
	// change found in no chain (the calendar, the schedule).
	revert func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender)
}

// CauseKind is which kind of input changed, and how.
type CauseKind string

// The kinds of Cause, with the fields each sets.
const (
	// MilestoneAdded, MilestoneRemoved: Subject is the milestone.
	MilestoneAdded   CauseKind = "milestone-added"
	MilestoneRemoved CauseKind = "milestone-removed"
	// ScheduleChanged: the tender's schedule, Old and New (asap when not
	// set).
	ScheduleChanged CauseKind = "schedule"
	// InputAdded, InputChanged, InputRemoved: one input of milestone
	// Subject under Key; New (added), Old and New (changed) or Old
	// (removed) are its values.
	InputAdded   CauseKind = "input-added"
	InputChanged CauseKind = "input-changed"
	InputRemoved CauseKind = "input-removed"
	// WorkdaysChanged, HolidaysChanged: the region's calendar, Old and
	// New.
	WorkdaysChanged CauseKind = "workdays"
	HolidaysChanged CauseKind = "holidays"
	// PeriodAdded, PeriodChanged, PeriodRemoved: a period of the calendar
	// under Key (closed, quiet) named Subject; Old and New are from..to.
	PeriodAdded   CauseKind = "period-added"
	PeriodChanged CauseKind = "period-changed"
	PeriodRemoved CauseKind = "period-removed"
	// BodyMeets, BodyRecess: the meetings or recesses of body Subject.
	BodyMeets  CauseKind = "body-meets"
	BodyRecess CauseKind = "body-recess"
	// TenderPolicy, RegionPolicy: policy key Key of tender Subject or of
	// the region; Old or New is "" where the key is not set.
	TenderPolicy CauseKind = "tender-policy"
	RegionPolicy CauseKind = "region-policy"
)

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

// CauseKinds are the kinds of Cause, one list for the printers' words and
// their tests.
var CauseKinds = []CauseKind{MilestoneAdded, MilestoneRemoved, ScheduleChanged,
	InputAdded, InputChanged, InputRemoved, WorkdaysChanged, HolidaysChanged,
	PeriodAdded, PeriodChanged, PeriodRemoved, BodyMeets, BodyRecess,
	TenderPolicy, RegionPolicy}
