package calendar

import (
	"slices"
	"sync"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

// Period is a named range of dates, both ends inclusive.
type Period struct {
	Name     string
	From, To date.Date
}

// Meetings are the meeting dates of a governing body: an explicit list, a
// rule, or (if both are given) the union of the two, without the dates in
// a recess.
type Meetings struct {
	Dates []date.Date
	Rule  *date.MeetingRule
	// Recess lists periods in which the body does not meet (both ends
	// inclusive): neither a listed date nor the rule's dates inside them
	// are meetings. They may overlap and be in any order.
	Recess []Period
}

// Spec describes a calendar. The zero Spec is Monday to Friday with no
// holidays, no closed periods and no bodies.
type Spec struct {
	// Workdays marks the working weekdays, indexed by time.Weekday. All
	// false means Monday to Friday.
	Workdays [7]bool
	// Holidays switches on the holidays of the Algemene termijnenwet
	// ("holidays: nl"); false is "holidays: none".
	Holidays bool
	// Closed lists extra non-working periods. They may overlap and be in
	// any order; a period with From after To is empty.
	Closed []Period
	// Bodies maps a body id to its meetings.
	Bodies map[string]Meetings
}

// Calendar answers which days are working days and does date arithmetic in
// them. Make one with New or Legal; the zero Calendar is not usable. It is
// immutable, so safe for concurrent use. See the package documentation for
// the edge cases.
type Calendar struct {
	base     *baseTable
	holidays *holidayTable // nil for holidays: none
	workdays [7]bool

	spans      []span   // the closed periods, clipped to the table, merged
	periods    []Period // the non-empty closed periods as given, for names
	closedWork int      // base working days inside spans
	total      int      // working days of this calendar in the table

	bodies map[string]*meetingSet
}

// span is a merged closed period in day indices, both ends inclusive.
type span struct {
	from, to int32
	// closedBefore counts the base working days inside earlier spans;
	// workBefore counts the calendar's working days before from.
	closedBefore, workBefore int32
}

// New builds the calendar of spec. It never fails: empty closed periods are
// ignored, and meeting rules that cannot produce a date produce none.
func New(spec Spec) *Calendar {
	workdays := spec.Workdays
	if workdays == [7]bool{} {
		workdays = [7]bool{time.Monday: true, time.Tuesday: true, time.Wednesday: true, time.Thursday: true, time.Friday: true}
	}
	c := &Calendar{base: baseFor(workdays, spec.Holidays), workdays: workdays}
	if spec.Holidays {
		c.holidays = nlHolidays()
	}
	c.setClosed(spec.Closed)
	c.total = c.base.total() - c.closedWork
	if len(spec.Bodies) > 0 {
		c.bodies = make(map[string]*meetingSet, len(spec.Bodies))
		for name, m := range spec.Bodies {
			c.bodies[name] = c.newMeetingSet(m)
		}
	}
	return c
}

// Legal returns the calendar of the Algemene termijnenwet: Monday to Friday
// with the Atw holidays and equated days, without any region's closed days.
// Statutory periods are counted in it (Algemene termijnenwet; README, "The rules").
func Legal() *Calendar { return legal() }

var legal = sync.OnceValue(func() *Calendar { return New(Spec{Holidays: true}) })

func (c *Calendar) setClosed(periods []Period) {
	var spans []span
	for _, p := range periods {
		if p.From > p.To {
			continue
		}
		c.periods = append(c.periods, p)
		if p.To < First || p.From > Last {
			continue
		}
		spans = append(spans, span{from: int32(index(p.From)), to: int32(index(p.To))})
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.from) - int(b.from) })
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.from <= merged[n-1].to+1 {
			merged[n-1].to = max(merged[n-1].to, s.to)
			continue
		}
		merged = append(merged, s)
	}
	closed := 0
	for k := range merged {
		s := &merged[k]
		before := c.base.rank(int(s.from) - 1)
		s.closedBefore = int32(closed)
		s.workBefore = int32(before - closed)
		closed += c.base.rank(int(s.to)) - before
	}
	c.spans = slices.Clip(merged)
	c.closedWork = closed
}

// spanAt returns the number of spans that start on or before day index i,
// and whether i lies inside the last of them.
func (c *Calendar) spanAt(i int) (n int, inside bool) {
	lo, hi := 0, len(c.spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(c.spans[m].from) <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo > 0 && i <= int(c.spans[lo-1].to)
}

// rank returns the number of this calendar's working days among the day
// indices 0 … i, for any i.
func (c *Calendar) rank(i int) int {
	r := c.base.rank(i)
	if len(c.spans) == 0 || i < 0 {
		return r
	}
	n, _ := c.spanAt(i)
	if n == 0 {
		return r
	}
	s := c.spans[n-1]
	closed := int(s.closedBefore) + c.base.rank(min(i, int(s.to))) - c.base.rank(int(s.from)-1)
	return r - closed
}

// kth returns the day index of this calendar's k-th working day in the
// table, 1 ≤ k ≤ c.total.
func (c *Calendar) kth(k int) int {
	if len(c.spans) == 0 {
		return int(c.base.list[k-1])
	}
	// The spans with fewer than k working days before them lie wholly
	// before the k-th working day; skip their closed base working days.
	lo, hi := 0, len(c.spans)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if int(c.spans[m].workBefore) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	skipped := c.closedWork
	if lo < len(c.spans) {
		skipped = int(c.spans[lo].closedBefore)
	}
	return int(c.base.list[k+skipped-1])
}

// isWork reports whether day index i (in range) is a working day.
func (c *Calendar) isWork(i int) bool {
	if !c.base.isWork(i) {
		return false
	}
	if len(c.spans) == 0 {
		return true
	}
	_, inside := c.spanAt(i)
	return !inside
}

// IsWorkday reports whether d is a working day: its weekday is a working
// weekday, it is not a holiday (with holidays: nl) and it is not inside a
// closed period. Days outside First … Last are never working days.
func (c *Calendar) IsWorkday(d date.Date) bool {
	if d < First || d > Last {
		return false
	}
	return c.isWork(int(d - First))
}

// Holiday returns the Dutch name of the Atw holiday on d, if d is one and
// the calendar has holidays: nl. It reports holidays on any weekday,
// including King's Day on a Saturday. Days equated by decree are named
// EquatedName.
func (c *Calendar) Holiday(d date.Date) (name string, ok bool) {
	if c.holidays == nil || d < First || d > Last {
		return "", false
	}
	n := c.holidays.day[d-First]
	return c.holidays.names[n], n != 0
}

// Closed returns the name of the closed period d lies in. Where periods
// overlap, it is the name of the first period listed in the Spec.
func (c *Calendar) Closed(d date.Date) (name string, ok bool) {
	if len(c.spans) == 0 || d < First || d > Last {
		return "", false
	}
	if _, inside := c.spanAt(int(d - First)); !inside {
		return "", false
	}
	for _, p := range c.periods {
		if p.From <= d && d <= p.To {
			return p.Name, true
		}
	}
	return "", false
}

// NextWorkday returns the first working day on or after d. If there is none
// up to Last, it returns Last.
func (c *Calendar) NextWorkday(d date.Date) date.Date {
	if d > Last {
		return Last
	}
	k := c.rank(int(d)-int(First)-1) + 1
	if k > c.total {
		return Last
	}
	return dateAt(c.kth(k))
}

// PrevWorkday returns the last working day on or before d. If there is none
// from First, it returns First.
func (c *Calendar) PrevWorkday(d date.Date) date.Date {
	if d < First {
		return First
	}
	k := c.rank(index(d))
	if k == 0 {
		return First
	}
	return dateAt(c.kth(k))
}

// WorkdaysBetween returns the number of working days in (a, b]: after a, up
// to and including b. When b is before a it is minus the number in (b, a],
// so WorkdaysBetween(a, b) == -WorkdaysBetween(b, a).
func (c *Calendar) WorkdaysBetween(a, b date.Date) int {
	return c.rankDate(b) - c.rankDate(a)
}

// rankDate returns the number of working days from First up to d.
func (c *Calendar) rankDate(d date.Date) int {
	switch {
	case d < First:
		return 0
	case d > Last:
		return c.total
	}
	return c.rank(int(d - First))
}

// DayKind says why a day is not a working day.
type DayKind uint8

// The reasons a day is not a working day, from the strongest: a holiday
// wins over a closed period, which wins over the weekday.
const (
	KindHoliday    DayKind = iota + 1 // an Atw holiday or equated day
	KindClosed                        // inside a closed period
	KindWeekend                       // a Saturday or Sunday that is not a working weekday
	KindWeekdayOff                    // another weekday left out of the working weekdays
)

// Weekly reports whether the day is off because of its weekday (a weekend
// day or a weekday off), not because of its date.
func (k DayKind) Weekly() bool { return k == KindWeekend || k == KindWeekdayOff }

// Day is a non-working day and the reason it is one. The package writes no
// words: Name is data (a holiday's or a closed period's name, as the
// holiday table or the region file gives it) and the printers word the
// kinds.
type Day struct {
	Date date.Date
	// Name is the holiday's or the closed period's name; "" for a weekly
	// kind.
	Name string
	Kind DayKind
}

// NonWorkdaysIn lists the non-working days from from to to, both ends
// inclusive and clamped to First … Last, in date order.
func (c *Calendar) NonWorkdaysIn(from, to date.Date) []Day {
	if from > to || to < First || from > Last {
		return nil
	}
	var days []Day
	for i, end := index(from), index(to); i <= end; i++ {
		if c.isWork(i) {
			continue
		}
		d := dateAt(i)
		if name, ok := c.Holiday(d); ok {
			days = append(days, Day{Date: d, Name: name, Kind: KindHoliday})
		} else if name, ok := c.Closed(d); ok {
			days = append(days, Day{Date: d, Name: name, Kind: KindClosed})
		} else if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
			days = append(days, Day{Date: d, Kind: KindWeekend})
		} else {
			days = append(days, Day{Date: d, Kind: KindWeekdayOff})
		}
	}
	return days
}
