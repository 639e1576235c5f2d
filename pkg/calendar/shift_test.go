package calendar

import (
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

func TestShift(t *testing.T) {
	legal := Legal()
	kerst := christmasClosure()
	tests := []struct {
		cal  *Calendar
		from string
		sign int
		dur  string
		want string
		why  string
	}{
		// Calendar days and weeks.
		{legal, "2021-01-31", +1, "0d", "2021-01-31", "0d is the date itself"},
		{legal, "2021-01-31", -1, "0d", "2021-01-31", "0d is the date itself"},
		{legal, "2021-01-31", +1, "1d", "2021-02-01", "January has 31 days"},
		{legal, "2021-03-01", -1, "1d", "2021-02-28", "2021 is no leap year"},
		{legal, "2020-03-01", -1, "1d", "2020-02-29", "2020 is a leap year"},
		{legal, "2020-12-31", +1, "1d", "2021-01-01", "across the year"},
		{legal, "2020-10-12", +1, "20d", "2020-11-01", "standstill example (Aw 2.127): day 20 is Sunday 1 Nov"},
		{legal, "2021-01-01", +1, "6w", "2021-02-12", "42 days: 30 to 31 Jan, 12 more"},
		{legal, "2021-02-12", -1, "6w", "2021-01-01", "42 days back"},
		{legal, "2021-01-01", +1, "0w", "2021-01-01", "0w is the date itself"},

		// Months, clamped to the month's end.
		{legal, "2021-01-31", +1, "1mo", "2021-02-28", "README, Region file format: clamped to 28 Feb"},
		{legal, "2021-03-31", -1, "1mo", "2021-02-28", "README, Region file format: clamped to 28 Feb"},
		{legal, "2020-01-31", +1, "1mo", "2020-02-29", "leap year: 29 Feb"},
		{legal, "2021-01-31", +1, "3mo", "2021-04-30", "April has 30 days"},
		{legal, "2021-08-31", -1, "6mo", "2021-02-28", "back to February"},
		{legal, "2021-12-15", +1, "1mo", "2022-01-15", "across the year"},
		{legal, "2022-01-15", -1, "1mo", "2021-12-15", "back across the year"},
		{legal, "2021-05-31", +1, "25mo", "2023-06-30", "2 years and 1 month; June has 30 days"},
		{legal, "2021-01-15", +1, "0mo", "2021-01-15", "0mo is the date itself"},
		{legal, "2024-02-29", -1, "12mo", "2023-02-28", "12 months back from a leap day"},

		// Years, clamped the same way.
		{legal, "2020-02-29", +1, "1y", "2021-02-28", "README, Region file format: 29 Feb + 1y = 28 Feb"},
		{legal, "2020-02-29", +1, "4y", "2024-02-29", "leap year to leap year"},
		{legal, "2024-02-29", -1, "1y", "2023-02-28", "clamped backwards too"},
		{legal, "2021-06-15", -1, "3y", "2018-06-15", "plain years back"},
		{legal, "2021-06-15", +1, "0y", "2021-06-15", "0y is the date itself"},

		// Working days, Monday to Friday. 1 Jan 2021 was a Friday.
		{legal, "2021-01-08", +1, "1wd", "2021-01-11", "Friday + 1wd is Monday"},
		{legal, "2021-01-09", +1, "1wd", "2021-01-11", "Saturday + 1wd is Monday"},
		{legal, "2021-01-10", +1, "1wd", "2021-01-11", "Sunday + 1wd is Monday"},
		{legal, "2021-01-11", +1, "1wd", "2021-01-12", "Monday + 1wd is Tuesday"},
		{legal, "2021-01-11", -1, "1wd", "2021-01-08", "Monday - 1wd is Friday"},
		{legal, "2021-01-10", -1, "1wd", "2021-01-08", "Sunday - 1wd is Friday"},
		{legal, "2021-01-09", -1, "1wd", "2021-01-08", "Saturday - 1wd is Friday"},
		{legal, "2021-01-08", -1, "1wd", "2021-01-07", "Friday - 1wd is Thursday"},
		{legal, "2021-01-09", +1, "0wd", "2021-01-09", "0wd is the date itself, even on a Saturday"},
		{legal, "2021-01-09", -1, "0wd", "2021-01-09", "0wd is the date itself, even on a Saturday"},
		{legal, "2021-01-04", +1, "5wd", "2021-01-11", "a week of working days"},
		{legal, "2021-01-04", +1, "10wd", "2021-01-18", "two weeks"},
		{legal, "2021-01-18", -1, "10wd", "2021-01-04", "two weeks back"},

		// Working days across holidays.
		{legal, "2020-12-31", +1, "1wd", "2021-01-04", "New Year's Day 2021 is a Friday"},
		{legal, "2021-01-04", -1, "1wd", "2020-12-31", "back over New Year's Day"},
		{legal, "2020-12-24", +1, "1wd", "2020-12-28", "Christmas 2020 is Friday, Boxing Day Saturday"},
		{legal, "2021-04-01", +1, "1wd", "2021-04-06", "Easter 4 Apr 2021: Good Friday 2, Easter Monday 5"},
		{legal, "2021-04-06", -1, "1wd", "2021-04-01", "back over Easter 2021"},
		{legal, "2026-04-02", +1, "1wd", "2026-04-07", "Easter 5 Apr 2026: Good Friday 3, Easter Monday 6"},
		{legal, "2026-04-24", +1, "5wd", "2026-05-04", "King's Day Mon 27 Apr 2026; 28, 29, 30 Apr, 1, 4 May"},
		{legal, "2026-05-04", +1, "1wd", "2026-05-06", "Liberation Day Tue 5 May 2026"},
		{legal, "2026-05-13", +1, "1wd", "2026-05-18", "Ascension Thu 14 May 2026 (Easter + 39) and the equated Fri 15"},
		{legal, "2026-05-22", +1, "1wd", "2026-05-26", "Whit Monday 25 May 2026 (Easter + 50)"},
		{legal, "2025-04-25", +1, "1wd", "2025-04-28", "King's Day 2025 is Saturday 26 Apr: nothing extra"},
		{legal, "2025-05-02", +1, "1wd", "2025-05-06", "Liberation Day Mon 5 May 2025"},
		{legal, "2025-05-28", +1, "1wd", "2025-06-02", "Ascension Thu 29 May 2025 and the equated Fri 30"},
		{legal, "2025-06-06", +1, "1wd", "2025-06-10", "Whit Monday 9 Jun 2025 (Easter 20 Apr + 50)"},
		{legal, "2014-04-25", +1, "1wd", "2014-04-28", "the first King's Day, Saturday 26 Apr 2014"},
		{legal, "2013-04-29", +1, "1wd", "2013-05-01", "Queen's Day Tue 30 Apr 2013"},
		{legal, "2025-12-24", +1, "1wd", "2025-12-29", "Christmas 2025 is Thu 25 and Fri 26"},
		{legal, "2025-12-31", +1, "1wd", "2026-01-05", "New Year's Day Thu 1 Jan 2026 and the equated Fri 2"},
		{legal, "2026-01-05", -1, "1wd", "2025-12-31", "back over 1 and 2 Jan 2026"},
		{legal, "2024-12-24", +1, "1wd", "2024-12-30", "Christmas 2024 Wed and Thu, equated Fri 27"},
		{legal, "2025-12-19", +1, "10wd", "2026-01-08", "22-24 Dec (3), 29-31 Dec (6), then 1 and 2 Jan are off: 5 (7), 6 (8), 7 (9), 8 Jan (10)"},

		// A Christmas closure, Fri 24 Dec 2021 to Sun 2 Jan 2022.
		{kerst, "2021-12-23", +1, "1wd", "2022-01-03", "the closure and the weekend after it"},
		{kerst, "2021-12-23", +1, "2wd", "2022-01-04", "one more"},
		{kerst, "2022-01-03", -1, "1wd", "2021-12-23", "back over the closure"},
		{kerst, "2021-12-20", +1, "4wd", "2022-01-03", "21, 22, 23 Dec, then 3 Jan"},
		{kerst, "2021-12-27", +1, "1wd", "2022-01-03", "from inside the closure"},
		{kerst, "2021-12-27", -1, "1wd", "2021-12-23", "from inside the closure, backwards"},
		{kerst, "2021-12-27", +1, "0wd", "2021-12-27", "0wd stays inside the closure"},
		{kerst, "2021-12-27", +1, "3d", "2021-12-30", "calendar days ignore the closure"},
		{legal, "2021-12-23", +1, "1wd", "2021-12-24", "without the closure 24 Dec is a working day"},
	}
	for _, tt := range tests {
		got := tt.cal.Shift(day(tt.from), tt.sign, dur(tt.dur))
		if got != day(tt.want) {
			op := "+"
			if tt.sign < 0 {
				op = "-"
			}
			t.Errorf("%s %s %s = %s, want %s (%s)", tt.from, op, tt.dur, got, tt.want, tt.why)
		}
	}
}

func TestShiftOddInputs(t *testing.T) {
	c := christmasClosure()
	// A negative N counts the other way.
	if got, want := c.Shift(day("2021-01-08"), +1, date.Duration{N: -1, Unit: date.Workdays}), day("2021-01-07"); got != want {
		t.Errorf("+(-1wd) = %s, want %s", got, want)
	}
	// An unknown unit leaves the date alone.
	if got := c.Shift(day("2021-01-08"), +1, date.Duration{N: 3, Unit: 99}); got != day("2021-01-08") {
		t.Errorf("unknown unit moved the date to %s", got)
	}
	// Every unit, huge amounts and extreme dates: inside First … Last, no panic.
	extremes := []date.Date{math.MinInt32, math.MinInt32 + 1, First - 1, First, Last, Last + 1, math.MaxInt32}
	for _, d := range extremes {
		for unit := date.Days; unit <= date.Years+1; unit++ {
			for _, n := range []int{0, 1, date.MaxAmount, math.MaxInt, math.MinInt} {
				for _, sign := range []int{-1, 0, 1} {
					du := date.Duration{N: n, Unit: unit}
					for _, got := range []date.Date{c.Shift(d, sign, du), c.ShiftFloor(d, sign, du), c.ShiftCeil(d, sign, du)} {
						if got < First || got > Last {
							t.Fatalf("%d %+d %v gave %d, outside the table", d, sign, du, got)
						}
					}
				}
			}
		}
	}
	if got := c.Shift(day("2199-12-31"), +1, dur("1000000wd")); got != Last {
		t.Errorf("2199-12-31 + 1000000wd = %s, want Last", got)
	}
	if got := c.Shift(day("1900-01-01"), -1, dur("1000000y")); got != First {
		t.Errorf("1900-01-01 - 1000000y = %s, want First", got)
	}
	// 2199-12-31 + 1y is still exact: the table reaches 2400.
	if got := c.Shift(day("2199-12-31"), +1, dur("1y")); got != date.New(2200, time.December, 31) {
		t.Errorf("2199-12-31 + 1y = %s", got)
	}
}

func TestShiftFloorCeilExamples(t *testing.T) {
	legal := Legal()
	tests := []struct {
		limit     string
		sign      int
		dur       string
		floor     string // largest b with b ± dur ≤ limit
		ceil      string // smallest b with b ± dur ≥ limit
		reasoning string
	}{
		{"2021-02-28", +1, "1mo", "2021-01-31", "2021-01-28",
			"README, Region file format: 31 Jan + 1mo = 28 Feb, 1 Feb + 1mo = 1 Mar; 27 Jan + 1mo = 27 Feb"},
		{"2021-02-28", -1, "1mo", "2021-03-31", "2021-03-28",
			"31 Mar - 1mo = 28 Feb, 1 Apr - 1mo = 1 Mar; 27 Mar - 1mo = 27 Feb"},
		{"2021-03-01", +1, "1mo", "2021-02-01", "2021-02-01",
			"1 Feb + 1mo = 1 Mar, 2 Feb -> 2 Mar; 31 Jan -> 28 Feb"},
		{"2021-03-31", +1, "1mo", "2021-02-28", "2021-03-01",
			"28 Feb + 1mo = 28 Mar, 1 Mar -> 1 Apr: no b lands on 29-31 Mar"},
		{"2021-02-28", +1, "1y", "2020-02-29", "2020-02-28",
			"29 Feb 2020 + 1y = 28 Feb 2021, 1 Mar 2020 -> 1 Mar 2021; 28 Feb 2020 -> 28 Feb 2021"},
		{"2021-03-01", +1, "3d", "2021-02-26", "2021-02-26", "calendar days are exact"},
		{"2021-03-01", -1, "1w", "2021-03-08", "2021-03-08", "calendar days are exact"},
		{"2021-01-11", +1, "1wd", "2021-01-10", "2021-01-08",
			"README, Region file format: Sunday + 1wd = Monday 11, Monday + 1wd = Tuesday; Friday 8 + 1wd = Monday, Thursday 7 -> Friday"},
		{"2021-01-12", +1, "1wd", "2021-01-11", "2021-01-11", "Monday + 1wd = Tuesday 12"},
		{"2021-01-08", -1, "1wd", "2021-01-11", "2021-01-09",
			"Monday 11 - 1wd = Friday 8, Tuesday -> Monday; Saturday 9 - 1wd = Friday 8, Friday -> Thursday"},
		{"2026-04-07", +1, "1wd", "2026-04-06", "2026-04-02",
			"Easter 2026 (Good Friday 3, Easter Monday 6 Apr): Thu 2 to Mon 6 + 1wd = Tue 7, Tue 7 -> Wed 8, Wed 1 -> Thu 2"},
		{"2021-01-09", +1, "0wd", "2021-01-09", "2021-01-09", "0wd: the limit itself, even a Saturday"},
		{"2021-01-31", -1, "0mo", "2021-01-31", "2021-01-31", "0mo: the limit itself"},
	}
	for _, tt := range tests {
		l, d := day(tt.limit), dur(tt.dur)
		if got := legal.ShiftFloor(l, tt.sign, d); got != day(tt.floor) {
			t.Errorf("ShiftFloor(%s, %+d, %s) = %s, want %s (%s)", tt.limit, tt.sign, tt.dur, got, tt.floor, tt.reasoning)
		}
		if got := legal.ShiftCeil(l, tt.sign, d); got != day(tt.ceil) {
			t.Errorf("ShiftCeil(%s, %+d, %s) = %s, want %s (%s)", tt.limit, tt.sign, tt.dur, got, tt.ceil, tt.reasoning)
		}
	}
}

// propertyCalendars are calendars with awkward shapes for the property
// tests: overlapping and adjacent closures, few working weekdays, and one
// with no working day at all.
func propertyCalendars() map[string]*Calendar {
	return map[string]*Calendar{
		"legal": Legal(),
		"closures": New(Spec{Holidays: true, Closed: []Period{
			{Name: "Kerstreces", From: day("2021-12-24"), To: day("2022-01-02")},
			{Name: "overlap", From: day("2021-12-30"), To: day("2022-01-05")},
			{Name: "adjacent", From: day("2022-01-06"), To: day("2022-01-06")},
			{Name: "zomer", From: day("2021-07-12"), To: day("2021-08-22")},
			{Name: "long", From: day("1950-01-01"), To: day("1959-12-31")},
			{Name: "edge", From: First, To: First + 3},
			{Name: "empty", From: day("2030-01-02"), To: day("2030-01-01")},
		}}),
		"wednesdays": New(Spec{Workdays: weekdays(time.Wednesday), Holidays: true, Closed: []Period{
			{Name: "spring", From: day("2026-03-01"), To: day("2026-04-30")},
		}}),
		"mon-thu none": New(Spec{Workdays: weekdays(time.Monday, time.Tuesday, time.Wednesday, time.Thursday)}),
		"never":        New(Spec{Closed: []Period{{Name: "all", From: date.New(1700, 1, 1), To: date.New(2500, 1, 1)}}}),
	}
}

func randomDuration(rng *rand.Rand) date.Duration {
	unit := date.Unit(rng.IntN(5))
	var n int
	switch p := rng.IntN(10); {
	case p < 7:
		n = rng.IntN(41)
	case p < 9:
		n = rng.IntN(2001)
	default:
		n = rng.IntN(date.MaxAmount + 1)
	}
	return date.Duration{N: n, Unit: unit}
}

func randomDate(rng *rand.Rand) date.Date {
	switch rng.IntN(10) {
	case 0:
		return First + date.Date(rng.IntN(800)) - 100
	case 1:
		return Last - date.Date(rng.IntN(800)) + 100
	}
	lo, hi := date.New(1890, 1, 1), date.New(2210, 12, 31)
	return lo + date.Date(rng.IntN(int(hi-lo)+1))
}

// TestShiftFloorCeilAreInverses checks that ShiftFloor and ShiftCeil are
// the exact inverses the planner needs: the largest (smallest) b whose shift
// stays on the right side of the limit.
func TestShiftFloorCeilAreInverses(t *testing.T) {
	rng := rand.New(rand.NewPCG(2021, 2))
	cals := propertyCalendars()
	for _, name := range slices.Sorted(maps.Keys(cals)) {
		c := cals[name]
		for range 20000 {
			l, d := randomDate(rng), randomDuration(rng)
			sign := 1 - 2*rng.IntN(2)
			f := c.ShiftFloor(l, sign, d)
			if c.Shift(f, sign, d) <= l {
				if f != Last && c.Shift(f+1, sign, d) <= l {
					t.Fatalf("%s: ShiftFloor(%s, %+d, %v) = %s, but %s also lands on or before it", name, l, sign, d, f, f+1)
				}
			} else if f != First {
				t.Fatalf("%s: ShiftFloor(%s, %+d, %v) = %s lands after the limit (%s)", name, l, sign, d, f, c.Shift(f, sign, d))
			}
			ce := c.ShiftCeil(l, sign, d)
			if c.Shift(ce, sign, d) >= l {
				if ce != First && c.Shift(ce-1, sign, d) >= l {
					t.Fatalf("%s: ShiftCeil(%s, %+d, %v) = %s, but %s also lands on or after it", name, l, sign, d, ce, ce-1)
				}
			} else if ce != Last {
				t.Fatalf("%s: ShiftCeil(%s, %+d, %v) = %s lands before the limit (%s)", name, l, sign, d, ce, c.Shift(ce, sign, d))
			}
			// Shift is monotone, which is what makes the inverses exist.
			b := randomDate(rng)
			if c.Shift(b, sign, d) > c.Shift(b+1, sign, d) {
				t.Fatalf("%s: %s %+d %v = %s after %s %+d %v = %s", name, b, sign, d, c.Shift(b, sign, d), b+1, sign, d, c.Shift(b+1, sign, d))
			}
		}
	}
}

// isWorkdaySlow decides a working day from the definition, day by day,
// without the tables.
func isWorkdaySlow(c *Calendar, d date.Date) bool {
	if !c.workdays[d.Weekday()] {
		return false
	}
	if _, ok := c.Holiday(d); ok {
		return false
	}
	for _, p := range c.periods {
		if p.From <= d && d <= p.To {
			return false
		}
	}
	return true
}

// TestWorkdaysAgainstDefinition compares the table arithmetic with counting
// day by day.
func TestWorkdaysAgainstDefinition(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	cals := propertyCalendars()
	for _, name := range slices.Sorted(maps.Keys(cals)) {
		c := cals[name]
		if name == "never" {
			continue
		}
		for range 3000 {
			d := day("1948-01-01") + date.Date(rng.IntN(int(day("2031-12-31")-day("1948-01-01"))))
			if c.IsWorkday(d) != isWorkdaySlow(c, d) {
				t.Fatalf("%s: IsWorkday(%s) = %v", name, d, c.IsWorkday(d))
			}
			n := rng.IntN(30)
			fwd, back, count := d, d, 0
			for count < n {
				if fwd++; isWorkdaySlow(c, fwd) {
					count++
				}
			}
			for count = 0; count < n; {
				if back--; isWorkdaySlow(c, back) {
					count++
				}
			}
			wd := date.Duration{N: n, Unit: date.Workdays}
			if got := c.Shift(d, +1, wd); got != fwd {
				t.Fatalf("%s: %s + %v = %s, counting gives %s", name, d, wd, got, fwd)
			}
			if got := c.Shift(d, -1, wd); got != back {
				t.Fatalf("%s: %s - %v = %s, counting gives %s", name, d, wd, got, back)
			}
			if got := c.WorkdaysBetween(d, fwd); got != n {
				t.Fatalf("%s: WorkdaysBetween(%s, %s) = %d, want %d", name, d, fwd, got, n)
			}
			if got := c.WorkdaysBetween(fwd, d); got != -n {
				t.Fatalf("%s: WorkdaysBetween(%s, %s) = %d, want %d", name, fwd, d, got, -n)
			}
			next := d
			for !isWorkdaySlow(c, next) {
				next++
			}
			if got := c.NextWorkday(d); got != next {
				t.Fatalf("%s: NextWorkday(%s) = %s, want %s", name, d, got, next)
			}
			prev := d
			for !isWorkdaySlow(c, prev) {
				prev--
			}
			if got := c.PrevWorkday(d); got != prev {
				t.Fatalf("%s: PrevWorkday(%s) = %s, want %s", name, d, got, prev)
			}
		}
	}
}
