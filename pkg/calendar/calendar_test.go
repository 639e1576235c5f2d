package calendar

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
)

func TestRange(t *testing.T) {
	if First != date.New(1800, time.January, 1) || Last != date.New(2400, time.December, 31) {
		t.Errorf("range %s … %s", First, Last)
	}
	if First > date.Min || Last < date.Max.AddMonths(12) {
		t.Errorf("the table must cover the region years and a year beyond")
	}
}

func TestDefaultWorkdays(t *testing.T) {
	// All false means Monday to Friday. 11 Jan 2021 was a Monday.
	c := New(Spec{})
	for i, want := range []bool{true, true, true, true, true, false, false} {
		d := day("2021-01-11").AddDays(i)
		if got := c.IsWorkday(d); got != want {
			t.Errorf("IsWorkday(%s, %s) = %v, want %v", d, d.Weekday(), got, want)
		}
	}
}

func TestCustomWorkdays(t *testing.T) {
	c := New(Spec{Workdays: weekdays(time.Monday, time.Tuesday, time.Wednesday, time.Thursday), Holidays: true})
	// Thursday 7 Jan 2021 + 1wd skips Friday, Saturday and Sunday.
	if got, want := c.Shift(day("2021-01-07"), +1, dur("1wd")), day("2021-01-11"); got != want {
		t.Errorf("Thu + 1wd = %s, want %s", got, want)
	}
	got := c.NonWorkdaysIn(day("2021-01-08"), day("2021-01-10"))
	want := []Day{
		{day("2021-01-08"), "", KindWeekdayOff},
		{day("2021-01-09"), "", KindWeekend},
		{day("2021-01-10"), "", KindWeekend},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NonWorkdaysIn (-want +got):\n%s", diff)
	}
	// A calendar may work on Saturdays.
	sat := New(Spec{Workdays: weekdays(time.Saturday)})
	if !sat.IsWorkday(day("2021-01-09")) || sat.IsWorkday(day("2021-01-08")) {
		t.Errorf("Saturday-only calendar is wrong")
	}
}

func TestClosedPeriods(t *testing.T) {
	c := New(Spec{Holidays: true, Closed: []Period{
		{Name: "A", From: day("2021-12-27"), To: day("2021-12-31")},
		{Name: "B", From: day("2021-12-24"), To: day("2021-12-28")}, // overlaps A, listed after it
		{Name: "Empty", From: day("2021-12-10"), To: day("2021-12-01")},
		{Name: "C", From: day("2022-01-03"), To: day("2022-01-03")}, // one day
	}})
	tests := []struct {
		day    string
		closed string
		work   bool
	}{
		{"2021-12-23", "", true},
		{"2021-12-24", "B", false},
		{"2021-12-27", "A", false}, // in A and B: the first listed
		{"2021-12-28", "A", false},
		{"2021-12-31", "A", false},
		{"2022-01-01", "", false}, // New Year's Day, a Saturday
		{"2022-01-03", "C", false},
		{"2022-01-04", "", true},
		{"2021-12-10", "", true}, // the empty period closes nothing
	}
	for _, tt := range tests {
		name, ok := c.Closed(day(tt.day))
		if name != tt.closed || ok != (tt.closed != "") {
			t.Errorf("Closed(%s) = %q, %v; want %q", tt.day, name, ok, tt.closed)
		}
		if got := c.IsWorkday(day(tt.day)); got != tt.work {
			t.Errorf("IsWorkday(%s) = %v, want %v", tt.day, got, tt.work)
		}
	}
	// Thursday 23 Dec + 1wd: 24-31 Dec closed, 1-2 Jan weekend, 3 Jan closed.
	if got, want := c.Shift(day("2021-12-23"), +1, dur("1wd")), day("2022-01-04"); got != want {
		t.Errorf("23 Dec + 1wd = %s, want %s", got, want)
	}
}

func TestWorkdaysBetween(t *testing.T) {
	kerst := christmasClosure()
	tests := []struct {
		cal  *Calendar
		a, b string
		want int
		why  string
	}{
		{kerst, "2021-12-23", "2022-01-03", 1, "only Monday 3 Jan"},
		{kerst, "2022-01-03", "2021-12-23", -1, "the other way round"},
		{kerst, "2021-12-17", "2022-01-07", 9, "20-23 Dec (4) and 3-7 Jan (5)"},
		{kerst, "2021-12-23", "2021-12-23", 0, "an empty interval"},
		{kerst, "2021-12-24", "2022-01-02", 0, "inside the closure"},
		{Legal(), "2021-12-17", "2022-01-07", 15, "without the closure: 20-24 and 27-31 Dec (10), 3-7 Jan (5); Christmas and New Year 2021/22 fall on weekends"},
		{Legal(), "2026-04-02", "2026-04-07", 1, "Easter 2026: only Tue 7 Apr"},
		{Legal(), "1000-01-01", "3000-01-01", Legal().total, "beyond the range: every working day of the table"},
	}
	for _, tt := range tests {
		a, b := parseAny(tt.a), parseAny(tt.b)
		if got := tt.cal.WorkdaysBetween(a, b); got != tt.want {
			t.Errorf("WorkdaysBetween(%s, %s) = %d, want %d (%s)", tt.a, tt.b, got, tt.want, tt.why)
		}
	}
}

// parseAny reads a date of any year, for dates beyond the region years.
func parseAny(s string) date.Date {
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		panic(err)
	}
	return date.New(y, time.Month(m), d)
}

func TestNextPrevWorkday(t *testing.T) {
	legal := Legal()
	tests := []struct {
		day, next, prev string
		why             string
	}{
		{"2021-01-11", "2021-01-11", "2021-01-11", "a Monday is its own neighbour"},
		{"2021-01-09", "2021-01-11", "2021-01-08", "Saturday"},
		{"2020-11-01", "2020-11-02", "2020-10-30", "standstill (Aw 2.127): day 20 on Sunday 1 Nov runs to Monday 2 Nov"},
		{"2026-04-03", "2026-04-07", "2026-04-02", "Good Friday to Easter Monday 2026"},
		{"2026-05-14", "2026-05-18", "2026-05-13", "Ascension Day 2026 and its equated Friday"},
		{"2026-01-01", "2026-01-05", "2025-12-31", "New Year 2026 and the equated 2 Jan"},
	}
	for _, tt := range tests {
		if got := legal.NextWorkday(day(tt.day)); got != day(tt.next) {
			t.Errorf("NextWorkday(%s) = %s, want %s (%s)", tt.day, got, tt.next, tt.why)
		}
		if got := legal.PrevWorkday(day(tt.day)); got != day(tt.prev) {
			t.Errorf("PrevWorkday(%s) = %s, want %s (%s)", tt.day, got, tt.prev, tt.why)
		}
	}
	never := New(Spec{Closed: []Period{{From: math.MinInt32, To: math.MaxInt32}}})
	if never.NextWorkday(day("2021-01-01")) != Last || never.PrevWorkday(day("2021-01-01")) != First {
		t.Errorf("a calendar without working days must clamp to the range ends")
	}
	if legal.NextWorkday(math.MaxInt32) != Last || legal.PrevWorkday(math.MinInt32) != First {
		t.Errorf("dates outside the range must clamp")
	}
	if legal.NextWorkday(math.MinInt32) != First+1 {
		// 1 Jan 1800 was a Wednesday and New Year's Day; 2 Jan a Thursday.
		t.Errorf("NextWorkday(MinInt32) = %s", legal.NextWorkday(math.MinInt32))
	}
}

func TestNonWorkdaysIn(t *testing.T) {
	c := New(Spec{Holidays: true, Closed: []Period{
		{Name: "Kerstreces", From: day("2025-12-22"), To: day("2026-01-04")},
	}})
	got := c.NonWorkdaysIn(day("2025-12-24"), day("2026-01-03"))
	// Christmas 2025 is Thursday: 24 Dec (Wed) closed, 25-26 holidays,
	// 27-28 weekend inside the closure, 29-31 closed, 1 Jan holiday, 2 Jan
	// equated, 3 Jan Saturday inside the closure. The holiday name wins over
	// the closure, the closure over the weekend.
	want := []Day{
		{day("2025-12-24"), "Kerstreces", KindClosed},
		{day("2025-12-25"), "Eerste Kerstdag", KindHoliday},
		{day("2025-12-26"), "Tweede Kerstdag", KindHoliday},
		{day("2025-12-27"), "Kerstreces", KindClosed},
		{day("2025-12-28"), "Kerstreces", KindClosed},
		{day("2025-12-29"), "Kerstreces", KindClosed},
		{day("2025-12-30"), "Kerstreces", KindClosed},
		{day("2025-12-31"), "Kerstreces", KindClosed},
		{day("2026-01-01"), "Nieuwjaarsdag", KindHoliday},
		{day("2026-01-02"), EquatedName, KindHoliday},
		{day("2026-01-03"), "Kerstreces", KindClosed},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NonWorkdaysIn (-want +got):\n%s", diff)
	}
	if got := c.NonWorkdaysIn(day("2026-01-10"), day("2026-01-09")); got != nil {
		t.Errorf("a reversed range gave %v", got)
	}
	legal := Legal()
	got = legal.NonWorkdaysIn(day("2025-04-25"), day("2025-04-28"))
	want = []Day{
		{day("2025-04-26"), "Koningsdag", KindHoliday}, // a Saturday, named as the holiday
		{day("2025-04-27"), "", KindWeekend},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("NonWorkdaysIn King's Day 2025 (-want +got):\n%s", diff)
	}
}

func TestOutsideRange(t *testing.T) {
	c := christmasClosure()
	for _, d := range []date.Date{math.MinInt32, First - 1, Last + 1, math.MaxInt32} {
		if c.IsWorkday(d) {
			t.Errorf("IsWorkday(%d) outside the range", d)
		}
		if _, ok := c.Holiday(d); ok {
			t.Errorf("Holiday(%d) outside the range", d)
		}
		if _, ok := c.Closed(d); ok {
			t.Errorf("Closed(%d) outside the range", d)
		}
	}
	if got := c.NonWorkdaysIn(math.MinInt32, First+2); len(got) != 1 || got[0].Date != First {
		// 1 Jan 1800 (Wednesday, New Year's Day) is the only non-working
		// day of the first three.
		t.Errorf("NonWorkdaysIn at the start = %v", got)
	}
}

func TestRegionsShareTables(t *testing.T) {
	first := New(Spec{Holidays: true, Closed: []Period{{Name: "x", From: day("2021-01-04"), To: day("2021-01-04")}}})
	for i := range 1000 {
		c := New(Spec{Holidays: true, Closed: []Period{{Name: "x", From: day("2021-01-04").AddDays(i), To: day("2021-01-10").AddDays(i)}}})
		if c.base != first.base || c.holidays != first.holidays {
			t.Fatalf("calendar %d has its own tables", i)
		}
	}
	if New(Spec{}).base == first.base {
		t.Errorf("holidays none shares the nl table")
	}
}

func TestNoAllocations(t *testing.T) {
	c := christmasClosure()
	d := day("2021-12-20")
	allocs := testing.AllocsPerRun(100, func() {
		_ = c.Shift(d, +1, dur("10wd"))
		_ = c.ShiftFloor(d, +1, dur("10wd"))
		_ = c.ShiftCeil(d, -1, dur("1mo"))
		_ = c.IsWorkday(d)
		_, _ = c.NextAligned(d, date.Alignment{Kind: date.AlignWorkday})
	})
	if allocs != 0 {
		t.Errorf("arithmetic allocates %v times", allocs)
	}
}

func TestConcurrentUse(t *testing.T) {
	// Calendars with fresh weekday sets build their shared tables
	// concurrently; run with -race.
	done := make(chan bool)
	for w := range 7 {
		go func() {
			c := New(Spec{Workdays: weekdays(time.Weekday(w), time.Weekday((w+3)%7)), Holidays: w%2 == 0})
			for i := range 200 {
				d := day("2021-01-01").AddDays(i)
				if c.Shift(d, +1, dur("1wd")) <= d {
					t.Errorf("1wd did not move forward")
				}
			}
			_ = Legal().IsWorkday(day("2021-01-01"))
			done <- true
		}()
	}
	for range 7 {
		<-done
	}
}
