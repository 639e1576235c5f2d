package timeline

import (
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// Dutch holidays used below (Easter 2021 is 4 Apr, so Good Friday is 2 Apr
// and Easter Monday 5 Apr; King's Day 2021 is Tue 27 Apr; Christmas 2020 is
// a Friday). Weekdays: 2021-03-01 and 2021-03-08 are Mondays, 2021-04-01 a
// Thursday, 2021-04-03 a Saturday, 2021-04-06 a Tuesday.

// TestAfterUnits: b after: a ± DUR, with a done on the given date.
func TestAfterUnits(t *testing.T) {
	tests := []struct {
		name, a, expr, want string
	}{
		{"days plus", "2021-03-01", "a + 10d", "2021-03-11"},
		{"days minus", "2021-03-01", "a - 10d", "2021-02-19"}, // February 2021 has 28 days
		{"weeks plus", "2021-03-01", "a + 2w", "2021-03-15"},
		{"weeks minus", "2021-03-01", "a - 2w", "2021-02-15"},
		{"workdays plus", "2021-03-01", "a + 3wd", "2021-03-04"},        // Tue 2, Wed 3, Thu 4
		{"workdays minus", "2021-03-01", "a - 3wd", "2021-02-24"},       // Fri 26, Thu 25, Wed 24
		{"workdays over Easter", "2021-04-01", "a + 1wd", "2021-04-06"}, // Good Friday, weekend, Easter Monday
		{"workdays back over Easter", "2021-04-06", "a - 1wd", "2021-04-01"},
		{"workdays over Christmas", "2020-12-24", "a + 1wd", "2020-12-28"}, // Fri 25 Christmas, weekend
		{"zero workdays on a Saturday", "2021-04-03", "a + 0wd", "2021-04-03"},
		{"month clamps at the end", "2021-01-31", "a + 1mo", "2021-02-28"},
		{"month back clamps", "2021-03-31", "a - 1mo", "2021-02-28"},
		{"month into a leap February", "2020-01-31", "a + 1mo", "2020-02-29"},
		{"year from a leap day", "2020-02-29", "a + 1y", "2021-02-28"},
		{"year back from a leap day", "2024-02-29", "a - 1y", "2023-02-28"},
		{"four years keep the leap day", "2020-02-29", "a + 4y", "2024-02-29"},
		{"same day allowed", "2021-03-01", "a", "2021-03-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nl(tender(ms("a", "1 done: "+tt.a), ms("b", "2 after: "+tt.expr)))
			got := byID(plan(t, r, Options{}), "b")
			if got.Earliest != d(tt.want) || got.Date != d(tt.want) {
				t.Errorf("b = %s (earliest %s), want %s", got.Date, got.Earliest, tt.want)
			}
		})
	}
}

// TestDatedBounds: after: DATE ± DUR and before: DATE ± DUR are evaluated
// once, in the region's calendar.
func TestDatedBounds(t *testing.T) {
	tests := []struct {
		name, after, before, earliest, latest string
	}{
		{"workday after a date", "2021-04-01 + 1wd", "", "2021-04-06", ""},
		{"month before a date", "2021-01-04", "2021-03-31 - 1mo", "2021-01-04", "2021-02-28"},
		{"workday before a date", "2021-01-04", "2021-04-06 - 1wd", "2021-01-04", "2021-04-01"},
		{"plain dates", "2021-01-04", "2021-01-08", "2021-01-04", "2021-01-08"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cons := []string{"1 after: " + tt.after}
			if tt.before != "" {
				cons = append(cons, "2 before: "+tt.before)
			}
			got := byID(plan(t, nl(tender(ms("a", cons...))), Options{}), "a")
			if got.Earliest != d(tt.earliest) {
				t.Errorf("earliest %s, want %s", got.Earliest, tt.earliest)
			}
			if tt.latest == "" && got.Latest != nil || tt.latest != "" && (got.Latest == nil || *got.Latest != d(tt.latest)) {
				t.Errorf("latest %v, want %q", got.Latest, tt.latest)
			}
		})
	}
}

// TestBeforeLatest: b before: a ± DUR with a fixed gives b the latest
// date a ± DUR; b starts at s (2019-01-01).
func TestBeforeLatest(t *testing.T) {
	tests := []struct {
		name, a, expr, want string
	}{
		{"days minus", "2021-03-01", "a - 10d", "2021-02-19"},
		{"days plus", "2021-03-01", "a + 10d", "2021-03-11"},
		{"weeks minus", "2021-03-01", "a - 2w", "2021-02-15"},
		{"weeks plus", "2021-03-01", "a + 2w", "2021-03-15"},
		{"workdays minus over Easter", "2021-04-06", "a - 1wd", "2021-04-01"},
		{"workdays plus over Easter", "2021-04-01", "a + 1wd", "2021-04-06"},
		{"month minus clamps", "2021-03-31", "a - 1mo", "2021-02-28"},
		{"month plus clamps", "2021-01-31", "a + 1mo", "2021-02-28"},
		{"year minus", "2021-02-28", "a - 1y", "2020-02-28"},
		{"year plus from a leap day", "2020-02-29", "a + 1y", "2021-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nl(tender(ms("s", "1 done: 2019-01-01"), ms("a", "2 on: "+tt.a), ms("b", "3 after: s", "4 before: "+tt.expr)))
			got := byID(plan(t, r, Options{}), "b")
			if got.Latest == nil || *got.Latest != d(tt.want) {
				t.Fatalf("latest of b = %v, want %s", got.Latest, tt.want)
			}
			if got.Earliest != d("2019-01-01") || *got.Slack != int(d(tt.want)-d("2019-01-01")) {
				t.Errorf("earliest %s slack %d", got.Earliest, *got.Slack)
			}
		})
	}
}

// TestBeforePush: b before: a ± DUR with b done pushes a to the smallest
// date with a ± DUR on or after b (README "Region file format": never by subtracting).
func TestBeforePush(t *testing.T) {
	tests := []struct {
		name, b, expr, want string
	}{
		{"days minus", "2021-03-01", "a - 10d", "2021-03-11"},
		{"weeks plus", "2021-03-15", "a + 2w", "2021-03-01"},
		// a − 1wd ≥ Thu 1 Apr: for Fri 2 Apr (Good Friday) the working day
		// before is 1 Apr, for 1 Apr it is 31 Mar; a is not aligned, so 2 Apr.
		{"workdays minus", "2021-04-01", "a - 1wd", "2021-04-02"},
		// a + 1wd ≥ Tue 6 Apr: from Thu 1 Apr the next working day is 6 Apr.
		{"workdays plus", "2021-04-06", "a + 1wd", "2021-04-01"},
		// a − 1mo ≥ 31 Jan: 28 Feb − 1mo is 28 Jan, 1 Mar − 1mo is 1 Feb.
		{"month minus over a short February", "2021-01-31", "a - 1mo", "2021-03-01"},
		// a + 1mo ≥ 28 Feb: 28 Jan + 1mo is 28 Feb, 27 Jan gives 27 Feb.
		{"month plus", "2021-02-28", "a + 1mo", "2021-01-28"},
		{"year plus", "2021-02-28", "a + 1y", "2020-02-28"},
		{"year minus", "2021-02-28", "a - 1y", "2022-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := nl(tender(ms("a"), ms("b", "2 done: "+tt.b, "3 before: "+tt.expr)))
			got := byID(plan(t, r, Options{}), "a")
			if got.Earliest != d(tt.want) {
				t.Errorf("a = %s, want %s", got.Earliest, tt.want)
			}
		})
	}
}

// TestAfterLatest: the backward pass through a after: b ± DUR with a
// fixed: b's latest is the largest b with b ± DUR ≤ a, then b's own
// alignment; b starts at s (2019-01-01).
func TestAfterLatest(t *testing.T) {
	tests := []struct {
		name, a, expr, align, want string
	}{
		{"month to a short February", "2021-02-28", "b + 1mo", "", "2021-01-31"},
		{"month to a leap February", "2020-02-29", "b + 1mo", "", "2020-01-31"},
		// b − 1mo ≤ 31 Mar: 30 Apr − 1mo = 30 Mar, 1 May − 1mo = 1 Apr.
		{"month minus", "2021-03-31", "b - 1mo", "", "2021-04-30"},
		{"year to a February 28", "2021-02-28", "b + 1y", "", "2020-02-29"},
		// Tue 6 Apr: Easter Monday + 1wd is 6 Apr, 6 Apr + 1wd is 7 Apr.
		{"workday from after Easter", "2021-04-06", "b + 1wd", "", "2021-04-05"},
		// ... but b must be a working day: Thu 1 Apr.
		{"workday aligned", "2021-04-06", "b + 1wd", "workday", "2021-04-01"},
		// README "Region file format": for a Monday and 1wd, the Sunday before.
		{"workday before a Monday", "2021-03-08", "b + 1wd", "", "2021-03-07"},
		{"days", "2021-03-01", "b + 10d", "", "2021-02-19"},
		{"weeks minus", "2021-03-01", "b - 2w", "", "2021-03-15"},
		// Thu 4 Mar − 3wd is Mon 1 Mar; Fri 5 Mar − 3wd is Tue 2 Mar.
		{"workdays minus", "2021-03-01", "b - 3wd", "", "2021-03-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bcons := []string{"3 after: s"}
			if tt.align != "" {
				bcons = append(bcons, "4 align: "+tt.align)
			}
			r := nl(tender(ms("s", "1 done: 2019-01-01"), ms("a", "2 on: "+tt.a, "5 after: "+tt.expr), ms("b", bcons...)))
			got := byID(plan(t, r, Options{}), "b")
			if got.Latest == nil || *got.Latest != d(tt.want) {
				t.Errorf("latest of b = %v, want %s", got.Latest, tt.want)
			}
		})
	}
}

func withBodies(r *region.Region) *region.Region {
	monthly, _ := date.ParseMeetingRule("monthly 1st thu")
	weekly, _ := date.ParseMeetingRule("weekly tue")
	r.Bodies = []*region.Body{
		{ID: "pho", Dates: []date.Date{d("2020-07-09"), d("2020-09-03"), d("2020-11-05")}},
		{ID: "raad", Rule: &monthly, Meets: "monthly 1st thu"},
		{ID: "colleges", Rule: &weekly, Meets: "weekly tue"},
	}
	return r
}

// TestAlignments: b after: s with an alignment, forward (earliest from s)
// and backward (latest from a dated before).
func TestAlignments(t *testing.T) {
	tests := []struct {
		name, from, align, earliest string
		before, latest              string
	}{
		{"workday", "2021-04-03", "align: workday", "2021-04-06", "2021-04-05", "2021-04-01"}, // Easter
		{"month-start", "2021-01-02", "align: month-start", "2021-02-01", "2021-03-15", "2021-03-01"},
		{"month-start on the 1st", "2021-02-01", "align: month-start", "2021-02-01", "2021-02-01", "2021-02-01"},
		{"quarter-start", "2021-04-02", "align: quarter-start", "2021-07-01", "2021-12-31", "2021-10-01"},
		{"quarter-start on the day", "2021-04-01", "align: quarter-start", "2021-04-01", "2021-06-30", "2021-04-01"},
		{"year-start", "2021-01-02", "align: year-start", "2022-01-01", "2022-12-31", "2022-01-01"},
		{"weekday", "2021-03-03", "align: mon", "2021-03-08", "2021-03-14", "2021-03-08"}, // Wed → Mon; Sun → Mon before
		{"weekday on the day", "2021-03-08", "align: mon", "2021-03-08", "2021-03-08", "2021-03-08"},
		// pho meets 2020-07-09, 2020-09-03, 2020-11-05.
		{"meeting list", "2020-09-04", "align: meeting:pho", "2020-11-05", "2020-11-04", "2020-09-03"},
		{"by", "2020-09-04", "by: pho", "2020-11-05", "2020-11-05", "2020-11-05"},
		// raad meets the 1st Thursday: 1 Feb 2021 is a Monday, so 4 Feb;
		// 1 Jan 2021 is a Friday, so 7 Jan.
		{"meeting rule", "2021-01-08", "align: meeting:raad", "2021-02-04", "2021-02-03", "2021-01-07"},
		// colleges meet on Tuesdays, but Tue 27 Apr 2021 is King's Day.
		{"meeting rule skips a holiday", "2021-04-26", "by: colleges", "2021-05-04", "2021-05-03", "2021-04-20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := withBodies(nl(tender(ms("s", "1 done: "+tt.from), ms("b", "2 after: s", "3 "+tt.align))))
			got := byID(plan(t, r, Options{}), "b")
			if got.Earliest != d(tt.earliest) {
				t.Errorf("earliest %s, want %s", got.Earliest, tt.earliest)
			}
			if tt.align == "by: pho" || tt.align == "align: meeting:pho" {
				if got.By != "pho" {
					t.Errorf("By = %q, want pho", got.By)
				}
			}
			// Backward: from an earlier start so that the latest is not below
			// the earliest.
			r = withBodies(nl(tender(ms("s", "1 done: 2020-01-01"), ms("b", "2 after: s", "3 "+tt.align, "4 before: "+tt.before))))
			got = byID(plan(t, r, Options{}), "b")
			if got.Latest == nil || *got.Latest != d(tt.latest) {
				t.Errorf("latest %v, want %s", got.Latest, tt.latest)
			}
		})
	}
}

// TestAlignAndBy: a milestone with both align: and by: takes only dates
// both allow. raad meets the 1st Thursday; the first one on a 1st after
// 8 Jan 2021 is Thu 1 Apr 2021 (Feb and Mar start on a Monday).
func TestAlignAndBy(t *testing.T) {
	r := withBodies(nl(tender(ms("s", "1 done: 2021-01-08"), ms("b", "2 after: s", "3 align: month-start", "4 by: raad"))))
	got := byID(plan(t, r, Options{}), "b")
	if got.Earliest != d("2021-04-01") || got.By != "raad" {
		t.Errorf("b = %s by %q, want 2021-04-01 by raad", got.Earliest, got.By)
	}
}

// TestClosedPeriod: closures are not working days. Wed 22 Dec 2021 + 2wd:
// Thu 23 Dec, then the closure to Sun 2 Jan, so Mon 3 Jan 2022. Backward:
// the largest b with b + 1wd ≤ 3 Jan 2022 is Sun 2 Jan (closed), and with
// align: workday Thu 23 Dec 2021.
func TestClosedPeriod(t *testing.T) {
	closed := func(r *region.Region) *region.Region {
		r.Calendar.Closed = []region.Period{{Name: "Kerstreces", From: d("2021-12-24"), To: d("2022-01-02")}}
		return r
	}
	r := closed(nl(tender(ms("a", "1 done: 2021-12-22"), ms("b", "2 after: a + 2wd"))))
	if got := byID(plan(t, r, Options{}), "b"); got.Earliest != d("2022-01-03") {
		t.Errorf("b = %s, want 2022-01-03", got.Earliest)
	}
	for _, tt := range []struct{ align, want string }{{"", "2022-01-02"}, {"3 align: workday", "2021-12-23"}} {
		cons := []string{"2 after: s"}
		if tt.align != "" {
			cons = append(cons, tt.align)
		}
		r := closed(nl(tender(ms("s", "1 done: 2021-12-01"), ms("b", cons...), ms("a", "4 on: 2022-01-03", "5 after: b + 1wd"))))
		if got := byID(plan(t, r, Options{}), "b"); got.Latest == nil || *got.Latest != d(tt.want) {
			t.Errorf("%q: latest of b = %v, want %s", tt.align, got.Latest, tt.want)
		}
	}
	// Without the closure, 22 Dec + 2wd is Fri 24 Dec.
	r = nl(tender(ms("a", "1 done: 2021-12-22"), ms("b", "2 after: a + 2wd")))
	if got := byID(plan(t, r, Options{}), "b"); got.Earliest != d("2021-12-24") {
		t.Errorf("without closure b = %s, want 2021-12-24", got.Earliest)
	}
}

// TestFixedIgnoresAlignment: on dates are never moved by align or by.
func TestFixedIgnoresAlignment(t *testing.T) {
	r := withBodies(nl(tender(ms("a", "1 on: 2021-04-03", "2 align: workday"), ms("b", "3 on: 2021-04-06", "4 by: pho"))))
	res := plan(t, r, Options{})
	for _, id := range []string{"a", "b"} {
		p := byID(res, id)
		if p.Date != p.Earliest || !p.Fixed || p.Latest == nil || *p.Latest != p.Date || !p.Critical {
			t.Errorf("%s: %s", id, row(p))
		}
	}
	if byID(res, "a").Date != d("2021-04-03") {
		t.Errorf("a moved to %s", byID(res, "a").Date)
	}
}
