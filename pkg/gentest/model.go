package gentest

import (
	"fmt"
	"time"
)

// Day is a civil date as a day number: days since 1970-01-01. The reference
// does its own date arithmetic on it (with the time package), so that it
// shares nothing with pkg/date's arithmetic or pkg/calendar's shifts.
type Day int32

// MakeDay returns the day number of y-m-d.
func MakeDay(y int, m time.Month, d int) Day {
	return Day(time.Date(y, m, d, 12, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Civil returns the year, month and day of d.
func (d Day) Civil() (int, time.Month, int) {
	return time.Unix(int64(d)*86400+43200, 0).UTC().Date()
}

// Weekday is the day of the week of d (1970-01-01 was a Thursday).
func (d Day) Weekday() time.Weekday { return time.Weekday(((int(d)+4)%7 + 7) % 7) }

// String is YYYY-MM-DD.
func (d Day) String() string {
	y, m, dd := d.Civil()
	return fmt.Sprintf("%04d-%02d-%02d", y, int(m), dd)
}

// Unit is a duration unit of the format.
type Unit string

// The units: calendar days, weeks, working days, months, years.
const (
	Days     Unit = "d"
	Weeks    Unit = "w"
	Workdays Unit = "wd"
	Months   Unit = "mo"
	Years    Unit = "y"
)

// Units lists every unit, for the generator.
var Units = []Unit{Days, Weeks, Workdays, Months, Years}

// Dur is N units.
type Dur struct {
	N    int
	Unit Unit
}

func (d Dur) String() string { return fmt.Sprintf("%d%s", d.N, d.Unit) }

// Expr is one bound: DATE, ID, ID ± DUR or DATE ± DUR. Ref is the milestone
// id, or "" for a date. Sign is +1, -1, or 0 without a duration.
type Expr struct {
	Ref  string
	Date Day
	Sign int
	Dur  Dur
}

// Dated reports whether the expression starts from a date.
func (e Expr) Dated() bool { return e.Ref == "" }

// AlignKind is what align: says.
type AlignKind string

// The alignments of the format.
const (
	AlignWorkday      AlignKind = "workday"
	AlignMonthStart   AlignKind = "month-start"
	AlignQuarterStart AlignKind = "quarter-start"
	AlignYearStart    AlignKind = "year-start"
	AlignWeekday      AlignKind = "weekday" // Align.Weekday
	AlignMeeting      AlignKind = "meeting" // Align.Body
)

// Align is an align: value.
type Align struct {
	Kind    AlignKind
	Weekday time.Weekday
	Body    string
}

// Milestone is one milestone as written. In a scenario overlay, HasDates
// says that the date keys (On, Done, After, Before, Align, By) replace the
// base's; Name and Kind are "" when not given.
type Milestone struct {
	ID     string
	Name   string // "" when not written
	Kind   string
	On     *Day
	Done   *Day
	After  []Expr
	Before []Expr
	Align  *Align
	By     string   // "" when not written
	ByAll  []string // by: a list of two or more bodies (By is then "")
}

// Overlay is a scenario's entry for one milestone: an existing one (Kind
// may be ""; HasDates tells whether its date keys are replaced) or a new one.
type Overlay struct {
	Milestone
	HasDates bool
}

// Scenario is a named overlay on the tender. Extended, when set, changes
// the extended of the contract the tender replaces.
type Scenario struct {
	ID       string
	Overlays []Overlay
	Extended *int
}

// Contract is the one contract of a generated file, c: start, term and
// extension options, of which Extended are taken.
type Contract struct {
	Start    Day
	Term     Dur
	Options  []Option
	Extended int
}

// Option is an extension option: its length and its notice.
type Option struct{ Length, Notice Dur }

// MeetRule is a meeting rule: weekly DAY, biweekly DAY from DATE, monthly
// Nth DAY (Nth 1–5, or -1 for last).
type MeetRule struct {
	Kind    string // weekly, biweekly, monthly
	Weekday time.Weekday
	From    Day
	Nth     int
}

// Body is a governing body: explicit meeting dates, or a rule.
type Body struct {
	ID     string
	Meets  []Day     // explicit dates (Rule nil)
	Rule   *MeetRule // a rule (Meets nil)
	Recess []Period  // no meeting takes place in them (a listed date is never in one)
}

// Period is a closed period, both ends inclusive.
type Period struct{ From, To Day }

// Calendar is the region's calendar.
type Calendar struct {
	Workdays [7]bool // by time.Weekday
	Holidays bool    // holidays: nl
	Closed   []Period
}

// File is the abstract model of one region file with one tender.
type File struct {
	Calendar   Calendar
	Bodies     []Body
	TenderID   string
	Schedule   string // asap or alap ("" = not written, asap)
	Milestones []Milestone
	Scenarios  []Scenario
	// Contract is the file's contract (nil: no contracts: section), and
	// Replaces says that the tender replaces it.
	Contract *Contract
	Replaces bool
}

// Body returns the body with the id, or nil.
func (f *File) Body(id string) *Body {
	for i := range f.Bodies {
		if f.Bodies[i].ID == id {
			return &f.Bodies[i]
		}
	}
	return nil
}

// Tender returns the milestones of the base (scenario "") or of a scenario
// overlaid on it: an overlay with date keys replaces the milestone's on,
// done, after, before, align and by as a whole; name and kind are kept
// unless given; new milestones come after the base's, in overlay order.
func (f *File) Tender(scenario string) []Milestone {
	out := make([]Milestone, len(f.Milestones))
	copy(out, f.Milestones)
	if scenario == "" {
		return out
	}
	for _, s := range f.Scenarios {
		if s.ID != scenario {
			continue
		}
		for _, ov := range s.Overlays {
			i := indexOf(out, ov.ID)
			if i < 0 {
				out = append(out, ov.Milestone)
				continue
			}
			m := &out[i]
			if ov.Name != "" {
				m.Name = ov.Name
			}
			if ov.Kind != "" {
				m.Kind = ov.Kind
			}
			if ov.HasDates {
				m.On, m.Done, m.After, m.Before, m.Align, m.By, m.ByAll = ov.On, ov.Done, ov.After, ov.Before, ov.Align, ov.By, ov.ByAll
			}
		}
	}
	return out
}

func indexOf(ms []Milestone, id string) int {
	for i := range ms {
		if ms[i].ID == id {
			return i
		}
	}
	return -1
}

// anchored reports whether some milestone has an on, a done or a dated after.
func anchored(ms []Milestone) bool {
	for _, m := range ms {
		if m.On != nil || m.Done != nil {
			return true
		}
		for _, e := range m.After {
			if e.Dated() {
				return true
			}
		}
	}
	return false
}
