package date

import (
	"strings"
	"testing"
)

// FuzzParse feeds the same text to every parser of the package. None may
// panic, and whatever one accepts must print back to text that parses to
// the same value (the String methods write what the parsers read):
//
//   - Parse accepts exactly the dates it prints: d.String() == s.
//   - ParseDuration and ParseDurationRange keep N within MaxAmount, and a
//     range runs forwards in one unit.
//   - ParseAlignment and ParseMeetingRule round-trip through String.
//
// The number n is read as a day number too: every date of the file range
// prints to text that Parse reads back.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"2021-04-01", "1900-01-01", "2199-12-31", "2021-02-29", "2024-02-29", "0001-01-01",
		"3wd", "6w", "45d", "3mo", "1y", "0d", "03d", "1000000d", "1000001d", "0d..3w", "1wd..1wd", "3d..1d",
		"workday", "month-start", "quarter-start", "year-start", "mon", "sun", "meeting:colleges", "meeting:",
		"weekly tue", "biweekly thu from 2021-01-07", "monthly 1st thu", "monthly last wed", "monthly 5th fri",
		" weekly  tue ", "2021-04-01T10:00"} {
		f.Add(s, int32(0))
	}
	f.Add("", int32(New(2021, 4, 1)))
	f.Add("", int32(Min))
	f.Add("", int32(Max))
	f.Fuzz(func(t *testing.T, s string, n int32) {
		if d := Date(n); d.InRange() {
			back, err := Parse(d.String())
			if err != nil || back != d {
				t.Fatalf("day %d prints as %q, which parses to %d (%v)", n, d.String(), back, err)
			}
			if !IsValid(d.YMD()) || New(d.YMD()) != d {
				t.Fatalf("day %d: YMD %v does not come back", n, d)
			}
		} else {
			_ = d.String() // any day number prints without a panic
		}

		if d, err := Parse(s); err == nil {
			if d.String() != s || !d.InRange() {
				t.Fatalf("Parse(%q) = %s (in range %v)", s, d, d.InRange())
			}
		}

		if d, err := ParseDuration(s); err == nil {
			if d.N < 0 || d.N > MaxAmount {
				t.Fatalf("ParseDuration(%q).N = %d", s, d.N)
			}
			back, err := ParseDuration(d.String())
			if err != nil || back != d {
				t.Fatalf("ParseDuration(%q) = %v, which parses back as %v (%v)", s, d, back, err)
			}
			// Only leading zeros may differ from the canonical form.
			if strings.TrimLeft(s, "0") != strings.TrimLeft(d.String(), "0") {
				t.Fatalf("ParseDuration(%q) = %v", s, d)
			}
		}

		if lo, hi, err := ParseDurationRange(s); err == nil {
			if lo.Unit != hi.Unit || lo.N > hi.N || hi.N > MaxAmount {
				t.Fatalf("ParseDurationRange(%q) = %v..%v", s, lo, hi)
			}
			lo2, hi2, err := ParseDurationRange(lo.String() + ".." + hi.String())
			if err != nil || lo2 != lo || hi2 != hi {
				t.Fatalf("ParseDurationRange(%q) = %v..%v, which parses back as %v..%v (%v)", s, lo, hi, lo2, hi2, err)
			}
		}

		if a, err := ParseAlignment(s); err == nil {
			if a.Kind == AlignNone {
				t.Fatalf("ParseAlignment(%q) accepted no alignment", s)
			}
			back, err := ParseAlignment(a.String())
			if err != nil || back != a {
				t.Fatalf("ParseAlignment(%q) = %q, which parses back as %+v (%v)", s, a, back, err)
			}
		}

		if r, err := ParseMeetingRule(s); err == nil {
			back, err := ParseMeetingRule(r.String())
			if err != nil || back != r {
				t.Fatalf("ParseMeetingRule(%q) = %q, which parses back as %+v (%v)", s, r, back, err)
			}
			if r.Kind == MeetBiweekly && (r.From.Weekday() != r.Weekday || !r.From.InRange()) {
				t.Fatalf("ParseMeetingRule(%q) = %+v", s, r)
			}
		}

		if w, err := ParseWeekday(s); err == nil && WeekdayName(w) != s {
			t.Fatalf("ParseWeekday(%q) = %v, named %q", s, w, WeekdayName(w))
		}
	})
}
