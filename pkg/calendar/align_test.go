package calendar

import (
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
)

func rule(s string) *date.MeetingRule {
	r, err := date.ParseMeetingRule(s)
	if err != nil {
		panic(err)
	}
	return &r
}

func align(s string) date.Alignment {
	a, err := date.ParseAlignment(s)
	if err != nil {
		panic(err)
	}
	return a
}

// meetingCalendar has one body per rule shape, with the Atw holidays.
func meetingCalendar() *Calendar {
	return New(Spec{
		Holidays: true,
		Closed:   []Period{{Name: "Zomerreces", From: day("2021-07-12"), To: day("2021-08-22")}},
		Bodies: map[string]Meetings{
			"colleges": {Rule: rule("weekly tue")},
			"mondays":  {Rule: rule("weekly mon")},
			"fifth":    {Rule: rule("monthly 5th thu")},
			"last":     {Rule: rule("monthly last wed")},
			"lastthu":  {Rule: rule("monthly last thu")},
			"firstmon": {Rule: rule("monthly 1st mon")},
			"biweekly": {Rule: rule("biweekly thu from 2021-01-07")},
			"ascent":   {Rule: rule("biweekly thu from 2026-04-30")},
			"saturday": {Rule: rule("weekly sat")},
			// Unsorted, with a duplicate, and one on Christmas Day: kept as given.
			"pho": {Dates: []date.Date{day("2020-11-05"), day("2020-07-09"), day("2020-09-03"), day("2020-07-09"), day("2020-12-25")}},
			// A list and a rule: the union.
			"both": {Dates: []date.Date{day("2021-01-09")}, Rule: rule("monthly 1st mon")},
		},
	})
}

func TestAlignment(t *testing.T) {
	c := meetingCalendar()
	const none = "-" // no date: ok is false
	tests := []struct {
		align, day, next, prev string
		why                    string
	}{
		{"", "2021-01-09", "2021-01-09", "2021-01-09", "no alignment allows every date"},

		{"workday", "2025-04-26", "2025-04-28", "2025-04-25", "King's Day 2025 is Saturday 26 Apr; Sunday 27"},
		{"workday", "2025-05-05", "2025-05-06", "2025-05-02", "Liberation Day, Monday 5 May 2025"},
		{"workday", "2026-04-07", "2026-04-07", "2026-04-07", "Tuesday after Easter 2026 is a working day"},
		{"workday", "2021-07-20", "2021-08-23", "2021-07-09", "inside the summer closure 12 Jul - 22 Aug 2021"},

		{"month-start", "2021-01-01", "2021-01-01", "2021-01-01", "the 1st itself"},
		{"month-start", "2021-01-02", "2021-02-01", "2021-01-01", "the 2nd"},
		{"month-start", "2021-12-15", "2022-01-01", "2021-12-01", "across the year"},

		{"quarter-start", "2021-02-10", "2021-04-01", "2021-01-01", "Q1"},
		{"quarter-start", "2021-07-01", "2021-07-01", "2021-07-01", "1 Jul itself"},
		{"quarter-start", "2021-09-30", "2021-10-01", "2021-07-01", "last day of Q3"},
		{"quarter-start", "2021-10-02", "2022-01-01", "2021-10-01", "Q4"},

		{"year-start", "2021-01-01", "2021-01-01", "2021-01-01", "1 Jan itself, a holiday: alignment is not about working days"},
		{"year-start", "2021-01-02", "2022-01-01", "2021-01-01", "the 2nd of January"},
		{"year-start", "2021-12-31", "2022-01-01", "2021-01-01", "the last day of the year"},

		{"tue", "2021-01-11", "2021-01-12", "2021-01-05", "Monday 11 Jan 2021"},
		{"tue", "2021-01-12", "2021-01-12", "2021-01-12", "a Tuesday"},
		{"mon", "2026-04-06", "2026-04-06", "2026-04-06", "Easter Monday is still a Monday"},
		{"sun", "2021-01-11", "2021-01-17", "2021-01-10", "weekend days can be asked for"},

		// weekly tue: Liberation Day Tue 5 May 2026 and King's Day Tue
		// 27 Apr 2027 are holidays, so no meeting.
		{"meeting:colleges", "2026-05-05", "2026-05-12", "2026-04-28", "Liberation Day 2026 is a Tuesday"},
		{"meeting:colleges", "2027-04-27", "2027-05-04", "2027-04-20", "King's Day 2027 is a Tuesday"},
		{"meeting:colleges", "2024-12-24", "2024-12-24", "2024-12-24", "Christmas Eve is no holiday"},
		{"meeting:colleges", "2021-07-10", "2021-08-24", "2021-07-06", "the summer closure: 13 Jul to 17 Aug fall in it"},
		// weekly mon: Easter Monday 6 Apr 2026 does not meet.
		{"meeting:mondays", "2026-04-01", "2026-04-13", "2026-03-30", "Easter Monday 2026"},

		// monthly 5th thu. 2021: 1 Apr and 1 Jul are Thursdays, so 29 Apr
		// and 29 Jul are 5th Thursdays; Jan (1st Thu 7), Feb, Mar (4),
		// May (6), Jun (3) have four. December 2020 starts on a Tuesday:
		// Thursdays 3, 10, 17, 24, 31.
		{"meeting:fifth", "2021-01-01", "2021-04-29", "2020-12-31", "months without a 5th Thursday have no meeting"},
		// 29 Jul 2021 falls in the summer closure; August (1st Thursday 5)
		// has four; 1 Sep 2021 is a Wednesday: Thursdays 2, 9, 16, 23, 30.
		{"meeting:fifth", "2021-04-30", "2021-09-30", "2021-04-29", "the 5th Thursday of July is closed"},
		{"meeting:fifth", "2021-09-29", "2021-09-30", "2021-04-29", "the 5th Thursday of July is closed"},

		// monthly last wed: 31 Jan 2021 is a Sunday, so the last Wednesday is
		// the 27th; 28 Feb 2021 a Sunday: the 24th; 31 Dec 2020 a Thursday: the 30th.
		{"meeting:last", "2021-01-01", "2021-01-27", "2020-12-30", "January 2021"},
		{"meeting:last", "2021-01-28", "2021-02-24", "2021-01-27", "February 2021"},

		// monthly last thu: 31 Dec 2025 is a Wednesday, so the last
		// Thursday is Christmas Day, which does not meet; 31 Jan 2026 is a
		// Saturday: the 29th. 30 Nov 2025 is a Sunday: the 27th.
		{"meeting:lastthu", "2025-12-01", "2026-01-29", "2025-11-27", "Christmas Day 2025 is the last Thursday"},

		// monthly 1st mon: Easter Monday 6 Apr 2026 is the first Monday of
		// April; 1 May 2026 is a Friday, so 4 May. 2 Mar 2026 is a Monday.
		{"meeting:firstmon", "2026-04-01", "2026-05-04", "2026-03-02", "Easter Monday 2026 is the 1st Monday"},

		// biweekly thu from 2021-01-07: 7 and 21 Jan, 4 Feb...
		{"meeting:biweekly", "2020-12-01", "2021-01-07", none, "no meetings before the first date"},
		{"meeting:biweekly", "2021-01-07", "2021-01-07", "2021-01-07", "the first date"},
		{"meeting:biweekly", "2021-01-08", "2021-01-21", "2021-01-07", "every 14 days"},
		{"meeting:biweekly", "2021-01-14", "2021-01-21", "2021-01-07", "a Thursday in the off week"},
		{"meeting:biweekly", "2021-02-03", "2021-02-04", "2021-01-21", "4 Feb"},
		// biweekly thu from 2026-04-30: 14 May 2026 is Ascension Day.
		{"meeting:ascent", "2026-05-01", "2026-05-28", "2026-04-30", "Ascension Day 2026 does not meet"},

		{"meeting:saturday", "2021-01-01", none, none, "a weekly Saturday never meets in a Mon-Fri calendar"},
		{"meeting:nobody", "2021-01-01", none, none, "an unknown body"},

		{"meeting:pho", "2020-07-10", "2020-09-03", "2020-07-09", "an explicit list"},
		{"meeting:pho", "2020-07-09", "2020-07-09", "2020-07-09", "a listed date"},
		{"meeting:pho", "2020-07-08", "2020-07-09", none, "before the list"},
		{"meeting:pho", "2020-12-24", "2020-12-25", "2020-11-05", "a listed date on Christmas Day is kept"},
		{"meeting:pho", "2020-12-26", none, "2020-12-25", "the list ran out"},

		// 1st Mondays: 4 Jan, 1 Feb 2021; the list adds Saturday 9 Jan.
		{"meeting:both", "2021-01-05", "2021-01-09", "2021-01-04", "list and rule together"},
		{"meeting:both", "2021-01-10", "2021-02-01", "2021-01-09", "list and rule together"},
	}
	for _, tt := range tests {
		a := date.Alignment{}
		if tt.align != "" {
			a = align(tt.align)
		}
		d := day(tt.day)
		for _, dir := range []struct {
			name string
			f    func(date.Date, date.Alignment) (date.Date, bool)
			want string
		}{{"NextAligned", c.NextAligned, tt.next}, {"PrevAligned", c.PrevAligned, tt.prev}} {
			got, ok := dir.f(d, a)
			switch {
			case dir.want == none && (ok || got != d):
				t.Errorf("%s(%s, %q) = %s, %v; want none (%s)", dir.name, tt.day, tt.align, got, ok, tt.why)
			case dir.want != none && (!ok || got != day(dir.want)):
				t.Errorf("%s(%s, %q) = %s, %v; want %s (%s)", dir.name, tt.day, tt.align, got, ok, dir.want, tt.why)
			case ok && !c.Allowed(got, a):
				t.Errorf("%s(%s, %q) = %s, which Allowed rejects", dir.name, tt.day, tt.align, got)
			}
		}
	}
}

func TestRuleMeetingInClosure(t *testing.T) {
	// 29 Jul 2021 is a 5th Thursday, inside the summer closure.
	c := meetingCalendar()
	if c.IsMeeting("fifth", day("2021-07-29")) {
		t.Errorf("a rule meeting inside a closed period takes place")
	}
	if !c.IsMeeting("fifth", day("2021-04-29")) {
		t.Errorf("29 Apr 2021 is a 5th Thursday")
	}
}

func TestAllowed(t *testing.T) {
	c := meetingCalendar()
	tests := []struct {
		align, day string
		want       bool
	}{
		{"workday", "2021-01-11", true},
		{"workday", "2021-01-01", false}, // New Year's Day
		{"month-start", "2021-03-01", true},
		{"month-start", "2021-03-02", false},
		{"quarter-start", "2021-04-01", true},
		{"quarter-start", "2021-05-01", false},
		{"year-start", "2021-01-01", true},
		{"year-start", "2021-07-01", false},
		{"tue", "2021-01-12", true},
		{"tue", "2021-01-13", false},
		{"meeting:colleges", "2021-01-12", true},
		{"meeting:colleges", "2026-05-05", false}, // Liberation Day
		{"meeting:biweekly", "2021-01-21", true},
		{"meeting:biweekly", "2021-01-14", false}, // off week
		{"meeting:biweekly", "2020-12-24", false}, // before the first date
		{"meeting:pho", "2020-12-25", true},       // listed, though Christmas Day
		{"meeting:nobody", "2021-01-12", false},
	}
	for _, tt := range tests {
		if got := c.Allowed(day(tt.day), align(tt.align)); got != tt.want {
			t.Errorf("Allowed(%s, %s) = %v, want %v", tt.day, tt.align, got, tt.want)
		}
	}
	if !c.Allowed(math.MinInt32, date.Alignment{}) {
		t.Errorf("no alignment must allow every date")
	}
	if c.Allowed(day("2021-01-12"), date.Alignment{Kind: 99}) {
		t.Errorf("an unknown alignment kind allows a date")
	}
}

func TestMalformedAlignments(t *testing.T) {
	c := meetingCalendar()
	d := day("2021-01-12")
	for _, a := range []date.Alignment{{Kind: 99}, {Kind: date.AlignWeekday, Weekday: 7}, {Kind: date.AlignWeekday, Weekday: -1}} {
		if got, ok := c.NextAligned(d, a); ok || got != d {
			t.Errorf("NextAligned(%v) = %s, %v", a, got, ok)
		}
		if got, ok := c.PrevAligned(d, a); ok || got != d {
			t.Errorf("PrevAligned(%v) = %s, %v", a, got, ok)
		}
	}
	// Rules that cannot produce a date produce none.
	bad := New(Spec{Bodies: map[string]Meetings{
		"nth":     {Rule: &date.MeetingRule{Kind: date.MeetMonthly, Weekday: time.Monday, Nth: 6}},
		"weekday": {Rule: &date.MeetingRule{Kind: date.MeetWeekly, Weekday: 9}},
		"from":    {Rule: &date.MeetingRule{Kind: date.MeetBiweekly, Weekday: time.Monday, From: day("2021-01-07")}}, // a Thursday
		"kind":    {Rule: &date.MeetingRule{Kind: 42, Weekday: time.Monday}},
	}})
	for _, body := range []string{"nth", "weekday", "from", "kind"} {
		if got, ok := bad.NextAligned(d, date.Alignment{Kind: date.AlignMeeting, Body: body}); ok {
			t.Errorf("body %s meets on %s", body, got)
		}
		if bad.IsMeeting(body, d) || !bad.HasBody(body) {
			t.Errorf("body %s", body)
		}
	}
}

func TestAlignmentAtRangeEnds(t *testing.T) {
	c := meetingCalendar()
	// 31 Dec 2400 is a Sunday; 1 Jan 2401 is outside the table.
	if _, ok := c.NextAligned(Last, align("year-start")); ok {
		t.Errorf("NextAligned past Last")
	}
	if _, ok := c.NextAligned(Last, align("workday")); ok {
		t.Errorf("NextAligned(workday) past Last")
	}
	if _, ok := c.NextAligned(Last, align("meeting:colleges")); ok {
		t.Errorf("NextAligned(meeting) past Last")
	}
	if _, ok := c.PrevAligned(math.MinInt32, align("meeting:colleges")); ok {
		t.Errorf("PrevAligned(meeting) before First")
	}
	if got, ok := c.NextAligned(math.MinInt32, align("month-start")); !ok || got != First {
		t.Errorf("NextAligned(MinInt32, month-start) = %s, %v; want First", got, ok)
	}
	if got, ok := c.PrevAligned(math.MaxInt32, align("year-start")); !ok || got != date.New(2400, time.January, 1) {
		t.Errorf("PrevAligned(MaxInt32, year-start) = %s, %v", got, ok)
	}
	// 1 Jan 1800 is a Wednesday; the first Tuesday meeting is 7 Jan 1800.
	if got, ok := c.NextAligned(math.MinInt32, align("meeting:colleges")); !ok || got != First+6 {
		t.Errorf("NextAligned(MinInt32, meeting) = %s, %v", got, ok)
	}
}

func TestMeetingsIn(t *testing.T) {
	c := meetingCalendar()
	got := c.MeetingsIn("colleges", day("2026-04-20"), day("2026-05-20"))
	// Tuesdays 21 and 28 Apr, 5 May (Liberation Day, skipped), 12 and 19 May.
	want := []date.Date{day("2026-04-21"), day("2026-04-28"), day("2026-05-12"), day("2026-05-19")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MeetingsIn (-want +got):\n%s", diff)
	}
	got = c.MeetingsIn("pho", day("2020-01-01"), day("2020-12-31"))
	want = []date.Date{day("2020-07-09"), day("2020-09-03"), day("2020-11-05"), day("2020-12-25")}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("MeetingsIn explicit (-want +got):\n%s", diff)
	}
	if got := c.MeetingsIn("nobody", day("2020-01-01"), day("2020-12-31")); got != nil {
		t.Errorf("unknown body: %v", got)
	}
	if got := c.MeetingsIn("colleges", math.MaxInt32-1, math.MaxInt32); got != nil {
		t.Errorf("beyond the range: %v", got)
	}
	explicitEnd := New(Spec{Bodies: map[string]Meetings{"x": {Dates: []date.Date{math.MaxInt32}}}})
	if got := explicitEnd.MeetingsIn("x", math.MaxInt32-1, math.MaxInt32); len(got) != 1 {
		t.Errorf("a listed date at the end of int32: %v", got)
	}
}

// TestRecess: a body does not meet in its recess, by rule or by list.
// July 2027 starts on a Thursday: its Tuesdays are 6, 13, 20 and 27 July,
// August's 3, 10, 17, 24 and 31. The colleges' recess of 12 July to 20
// August (two periods, given out of order and touching: 12–31 July and
// 1–20 August) takes the Tuesdays 13 July … 17 August.
func TestRecess(t *testing.T) {
	c := New(Spec{Holidays: true, Bodies: map[string]Meetings{
		"colleges": {Rule: rule("weekly tue"), Recess: []Period{
			{Name: "zomerreces II", From: day("2027-08-01"), To: day("2027-08-20")},
			{Name: "zomerreces", From: day("2027-07-12"), To: day("2027-07-31")},
			{Name: "empty", From: day("2027-09-10"), To: day("2027-09-01")},
		}},
		// A list: 15 July is in the recess and is no meeting.
		"raad": {Dates: []date.Date{day("2027-06-24"), day("2027-07-15"), day("2027-09-23")},
			Recess: []Period{{Name: "zomerreces", From: day("2027-07-10"), To: day("2027-08-29")}}},
	}})
	for _, tc := range []struct {
		body      string
		d         string
		next      string
		prev      string
		isMeeting bool
	}{
		// The first Tuesday after 6 July outside the recess is 24 August.
		{"colleges", "2027-07-07", "2027-08-24", "2027-07-06", false},
		{"colleges", "2027-07-06", "2027-07-06", "2027-07-06", true},
		{"colleges", "2027-07-13", "2027-08-24", "2027-07-06", false},
		{"colleges", "2027-08-17", "2027-08-24", "2027-07-06", false},
		{"colleges", "2027-08-24", "2027-08-24", "2027-08-24", true},
		// Tuesdays in September are meetings: the empty period is nothing.
		{"colleges", "2027-09-07", "2027-09-07", "2027-09-07", true},
		{"raad", "2027-06-25", "2027-09-23", "2027-06-24", false},
		{"raad", "2027-07-15", "2027-09-23", "2027-06-24", false},
	} {
		a := date.Alignment{Kind: date.AlignMeeting, Body: tc.body}
		if got, ok := c.NextAligned(day(tc.d), a); !ok || got != day(tc.next) {
			t.Errorf("%s: next meeting on or after %s = %s, %v; want %s", tc.body, tc.d, got, ok, tc.next)
		}
		if got, ok := c.PrevAligned(day(tc.d), a); !ok || got != day(tc.prev) {
			t.Errorf("%s: last meeting on or before %s = %s, %v; want %s", tc.body, tc.d, got, ok, tc.prev)
		}
		if got := c.IsMeeting(tc.body, day(tc.d)); got != tc.isMeeting {
			t.Errorf("%s: IsMeeting(%s) = %v", tc.body, tc.d, got)
		}
	}
	want := []Period{{Name: "zomerreces", From: day("2027-07-12"), To: day("2027-08-20")}}
	if diff := cmp.Diff(want, c.Recess("colleges")); diff != "" {
		t.Errorf("Recess (-want +got):\n%s", diff)
	}
	// A recess to the end of the calendar's range: no meeting after it.
	end := New(Spec{Bodies: map[string]Meetings{"x": {Rule: rule("weekly tue"),
		Recess: []Period{{Name: "forever", From: day("2100-01-01"), To: Last}}}}})
	if got, ok := end.NextAligned(day("2100-01-01"), date.Alignment{Kind: date.AlignMeeting, Body: "x"}); ok {
		t.Errorf("a meeting in an endless recess: %s", got)
	}
}
