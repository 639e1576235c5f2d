package calendar

import (
	"slices"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

// meetingSet is a body's meetings in a calendar: the explicit dates, sorted
// and without duplicates, and the rule, if any.
type meetingSet struct {
	dates []date.Date
	rule  date.MeetingRule
	// live says the rule can produce a meeting at all: it exists, is well
	// formed and its weekday is a working weekday of the calendar.
	live bool
	// recess are the recess periods, merged and sorted, none empty.
	recess []Period
}

func (c *Calendar) newMeetingSet(m Meetings) *meetingSet {
	s := &meetingSet{recess: mergePeriods(m.Recess)}
	for _, d := range slices.Compact(slices.Sorted(slices.Values(m.Dates))) {
		if _, in := s.inRecess(d); !in {
			s.dates = append(s.dates, d)
		}
	}
	if r := m.Rule; r != nil && r.Weekday >= time.Sunday && r.Weekday <= time.Saturday && c.workdays[r.Weekday] {
		switch r.Kind {
		case date.MeetWeekly:
			s.live = true
		case date.MeetBiweekly:
			s.live = r.From.Weekday() == r.Weekday
		case date.MeetMonthly:
			s.live = r.Nth == -1 || (r.Nth >= 1 && r.Nth <= 5)
		}
		s.rule = *r
	}
	return s
}

// mergePeriods sorts periods by start and merges those that overlap or
// touch; empty periods (From after To) are left out.
func mergePeriods(ps []Period) []Period {
	var out []Period
	for _, p := range ps {
		if p.From <= p.To {
			out = append(out, p)
		}
	}
	slices.SortFunc(out, func(a, b Period) int { return int(a.From) - int(b.From) })
	merged := out[:0]
	for _, p := range out {
		if n := len(merged); n > 0 && p.From <= merged[n-1].To+1 {
			merged[n-1].To = max(merged[n-1].To, p.To)
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

// inRecess returns the merged recess period that holds d, if any.
func (m *meetingSet) inRecess(d date.Date) (Period, bool) {
	k, _ := slices.BinarySearchFunc(m.recess, d, func(p Period, d date.Date) int {
		switch {
		case p.To < d:
			return -1
		case p.From > d:
			return 1
		}
		return 0
	})
	if k < len(m.recess) && m.recess[k].From <= d && d <= m.recess[k].To {
		return m.recess[k], true
	}
	return Period{}, false
}

// Recess returns the periods in which body does not meet, merged and in
// date order (the names are those of the first period of each merge).
func (c *Calendar) Recess(body string) []Period {
	if m := c.bodies[body]; m != nil {
		return slices.Clone(m.recess)
	}
	return nil
}

// HasBody reports whether the calendar knows the body.
func (c *Calendar) HasBody(body string) bool {
	_, ok := c.bodies[body]
	return ok
}

// IsMeeting reports whether body meets on d: d is listed, or d is a date of
// the body's rule and a working day of the calendar.
func (c *Calendar) IsMeeting(body string, d date.Date) bool {
	m := c.bodies[body]
	if m == nil {
		return false
	}
	if _, found := slices.BinarySearch(m.dates, d); found {
		return true
	}
	if !m.live || !ruleMatches(&m.rule, d) || !c.IsWorkday(d) {
		return false
	}
	_, in := m.inRecess(d)
	return !in
}

// MeetingsIn lists the body's meetings from from to to, both ends
// inclusive, in date order.
func (c *Calendar) MeetingsIn(body string, from, to date.Date) []date.Date {
	var out []date.Date
	a := date.Alignment{Kind: date.AlignMeeting, Body: body}
	for d := from; d <= to; d++ {
		next, ok := c.NextAligned(d, a)
		if !ok || next > to {
			break
		}
		out = append(out, next)
		if next == to {
			break
		}
		d = next
	}
	return out
}

// Allowed reports whether a allows d.
func (c *Calendar) Allowed(d date.Date, a date.Alignment) bool {
	switch a.Kind {
	case date.AlignNone:
		return true
	case date.AlignWorkday:
		return c.IsWorkday(d)
	case date.AlignMonthStart:
		return d.Day() == 1
	case date.AlignQuarterStart:
		_, m, day := d.YMD()
		return day == 1 && (m-1)%3 == 0
	case date.AlignYearStart:
		_, m, day := d.YMD()
		return day == 1 && m == time.January
	case date.AlignWeekday:
		return d.Weekday() == a.Weekday
	case date.AlignMeeting:
		return c.IsMeeting(a.Body, d)
	}
	return false
}

// NextAligned returns the first date on or after d that a allows. It
// reports false (and returns d) when there is none: an explicit meeting list
// has run out, the body is unknown, the alignment is malformed, or the
// answer would lie after Last.
func (c *Calendar) NextAligned(d date.Date, a date.Alignment) (date.Date, bool) {
	switch a.Kind {
	case date.AlignNone:
		return d, true
	case date.AlignMeeting:
		return c.nextMeeting(a.Body, d)
	}
	if d > Last {
		return d, false
	}
	from := max(d, First)
	var r date.Date
	switch a.Kind {
	case date.AlignWorkday:
		k := c.rank(int(from-First)-1) + 1
		if k > c.total {
			return d, false
		}
		r = dateAt(c.kth(k))
	case date.AlignMonthStart:
		r = from.FirstOfMonth()
		if r < from {
			r = r.AddMonths(1)
		}
	case date.AlignQuarterStart:
		r = quarterStart(from)
		if r < from {
			r = r.AddMonths(3)
		}
	case date.AlignYearStart:
		r = date.New(from.Year(), time.January, 1)
		if r < from {
			r = r.AddMonths(12)
		}
	case date.AlignWeekday:
		if a.Weekday < time.Sunday || a.Weekday > time.Saturday {
			return d, false
		}
		r = from + date.Date((a.Weekday-from.Weekday()+7)%7)
	default:
		return d, false
	}
	if r > Last {
		return d, false
	}
	return r, true
}

// PrevAligned returns the last date on or before d that a allows, or false
// (and d) when there is none, as NextAligned.
func (c *Calendar) PrevAligned(d date.Date, a date.Alignment) (date.Date, bool) {
	switch a.Kind {
	case date.AlignNone:
		return d, true
	case date.AlignMeeting:
		return c.prevMeeting(a.Body, d)
	}
	if d < First {
		return d, false
	}
	from := min(d, Last)
	var r date.Date
	switch a.Kind {
	case date.AlignWorkday:
		k := c.rank(int(from - First))
		if k == 0 {
			return d, false
		}
		r = dateAt(c.kth(k))
	case date.AlignMonthStart:
		r = from.FirstOfMonth()
	case date.AlignQuarterStart:
		r = quarterStart(from)
	case date.AlignYearStart:
		r = date.New(from.Year(), time.January, 1)
	case date.AlignWeekday:
		if a.Weekday < time.Sunday || a.Weekday > time.Saturday {
			return d, false
		}
		r = from - date.Date((from.Weekday()-a.Weekday+7)%7)
	default:
		return d, false
	}
	if r < First {
		return d, false
	}
	return r, true
}

// quarterStart returns the first day of d's quarter.
func quarterStart(d date.Date) date.Date {
	y, m, _ := d.YMD()
	return date.New(y, (m-1)/3*3+1, 1)
}

// nextMeeting returns the body's first meeting on or after d.
func (c *Calendar) nextMeeting(body string, d date.Date) (date.Date, bool) {
	m := c.bodies[body]
	if m == nil {
		return d, false
	}
	best, ok := d, false
	if k, _ := slices.BinarySearch(m.dates, d); k < len(m.dates) {
		best, ok = m.dates[k], true
	}
	if m.live {
		if r, found := c.nextRuleMeetingOf(m, d); found && (!ok || r < best) {
			best, ok = r, true
		}
	}
	return best, ok
}

// nextRuleMeetingOf is nextRuleMeeting outside the body's recess: a
// candidate inside one jumps to the day after it.
func (c *Calendar) nextRuleMeetingOf(m *meetingSet, d date.Date) (date.Date, bool) {
	for {
		r, ok := c.nextRuleMeeting(&m.rule, d)
		if !ok {
			return r, false
		}
		p, in := m.inRecess(r)
		if !in {
			return r, true
		}
		if p.To >= Last {
			return 0, false
		}
		d = p.To + 1
	}
}

// prevRuleMeetingOf is prevRuleMeeting outside the body's recess.
func (c *Calendar) prevRuleMeetingOf(m *meetingSet, d date.Date) (date.Date, bool) {
	for {
		r, ok := c.prevRuleMeeting(&m.rule, d)
		if !ok {
			return r, false
		}
		p, in := m.inRecess(r)
		if !in {
			return r, true
		}
		if p.From <= First {
			return 0, false
		}
		d = p.From - 1
	}
}

// prevMeeting returns the body's last meeting on or before d.
func (c *Calendar) prevMeeting(body string, d date.Date) (date.Date, bool) {
	m := c.bodies[body]
	if m == nil {
		return d, false
	}
	best, ok := d, false
	k, found := slices.BinarySearch(m.dates, d)
	if found {
		k++
	}
	if k > 0 {
		best, ok = m.dates[k-1], true
	}
	if m.live {
		if r, found := c.prevRuleMeetingOf(m, d); found && (!ok || r > best) {
			best, ok = r, true
		}
	}
	return best, ok
}

// nextRuleMeeting returns the rule's first meeting on or after d that is a
// working day. Candidates inside a closed period are skipped in one jump to
// its end, so the loop runs once per closed period or holiday it meets.
func (c *Calendar) nextRuleMeeting(r *date.MeetingRule, d date.Date) (date.Date, bool) {
	d = max(d, First)
	for d <= Last {
		cand, ok := nextCandidate(r, d)
		if !ok || cand > Last {
			return 0, false
		}
		i := int(cand - First)
		if c.isWork(i) {
			return cand, true
		}
		if n, inside := c.spanAt(i); inside {
			d = dateAt(int(c.spans[n-1].to) + 1)
		} else {
			d = cand + 1
		}
	}
	return 0, false
}

// prevRuleMeeting returns the rule's last meeting on or before d that is a
// working day.
func (c *Calendar) prevRuleMeeting(r *date.MeetingRule, d date.Date) (date.Date, bool) {
	d = min(d, Last)
	for d >= First {
		cand, ok := prevCandidate(r, d)
		if !ok || cand < First {
			return 0, false
		}
		i := int(cand - First)
		if c.isWork(i) {
			return cand, true
		}
		if n, inside := c.spanAt(i); inside {
			d = dateAt(int(c.spans[n-1].from) - 1)
		} else {
			d = cand - 1
		}
	}
	return 0, false
}

// ruleMatches reports whether d is a date of the rule, working day or not.
func ruleMatches(r *date.MeetingRule, d date.Date) bool {
	if d.Weekday() != r.Weekday {
		return false
	}
	switch r.Kind {
	case date.MeetWeekly:
		return true
	case date.MeetBiweekly:
		return d >= r.From && (int(d)-int(r.From))%14 == 0
	case date.MeetMonthly:
		y, m, day := d.YMD()
		if r.Nth == -1 {
			return day+7 > date.DaysIn(y, m)
		}
		return (day-1)/7+1 == r.Nth
	}
	return false
}

// nextCandidate returns the rule's first date on or after d, ignoring
// working days. d lies in the table.
func nextCandidate(r *date.MeetingRule, d date.Date) (date.Date, bool) {
	switch r.Kind {
	case date.MeetWeekly:
		return d + date.Date((r.Weekday-d.Weekday()+7)%7), true
	case date.MeetBiweekly:
		if d <= r.From {
			return r.From, true
		}
		steps := (int(d) - int(r.From) + 13) / 14
		return r.From + date.Date(14*steps), true
	case date.MeetMonthly:
		y, m, _ := d.YMD()
		// Every weekday has a 5th occurrence at least every few months;
		// two years is a safe bound for the search.
		for range 25 {
			if cand, ok := nthWeekday(y, m, r.Weekday, r.Nth); ok && cand >= d {
				return cand, true
			}
			if m++; m > time.December {
				y, m = y+1, time.January
			}
		}
	}
	return 0, false
}

// prevCandidate returns the rule's last date on or before d, ignoring
// working days. A biweekly rule has no dates before its first date.
func prevCandidate(r *date.MeetingRule, d date.Date) (date.Date, bool) {
	switch r.Kind {
	case date.MeetWeekly:
		return d - date.Date((d.Weekday()-r.Weekday+7)%7), true
	case date.MeetBiweekly:
		if d < r.From {
			return 0, false
		}
		return r.From + date.Date(14*((int(d)-int(r.From))/14)), true
	case date.MeetMonthly:
		y, m, _ := d.YMD()
		for range 25 {
			if cand, ok := nthWeekday(y, m, r.Weekday, r.Nth); ok && cand <= d {
				return cand, true
			}
			if m--; m < time.January {
				y, m = y-1, time.December
			}
		}
	}
	return 0, false
}

// nthWeekday returns the n-th (1 … 5, or -1 for the last) weekday w of the
// month, if the month has one.
func nthWeekday(y int, m time.Month, w time.Weekday, n int) (date.Date, bool) {
	if n == -1 {
		last := date.DaysIn(y, m)
		end := date.New(y, m, last)
		return end - date.Date((end.Weekday()-w+7)%7), true
	}
	first := date.New(y, m, 1)
	day := 1 + int((w-first.Weekday()+7)%7) + 7*(n-1)
	if n < 1 || day > date.DaysIn(y, m) {
		return 0, false
	}
	return first + date.Date(day-1), true
}
