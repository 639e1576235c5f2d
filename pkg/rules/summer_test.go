package rules

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

func TestSchoolSummerData(t *testing.T) {
	d := parseSummer(schoolSummerText)
	if len(d.bad) > 0 {
		t.Fatalf("school-summer.txt: %v", d.bad)
	}
	years := map[int]int{}
	for _, h := range d.list {
		years[h.Year]++
		// A summer holiday runs from a Saturday to the Sunday six weeks
		// later: 44 days, both ends inclusive.
		if h.From.Weekday() != time.Saturday || h.To.Weekday() != time.Sunday || int(h.To-h.From)+1 != 44 {
			t.Errorf("%d %s: %s – %s is not Saturday to Sunday, six weeks", h.Year, h.Region, h.From, h.To)
		}
		if h.Source == "" {
			t.Errorf("%d %s: no source", h.Year, h.Region)
		}
	}
	// Every year from 2017 to 2029, each with all three regions.
	for y := 2017; y <= 2029; y++ {
		if years[y] != 3 {
			t.Errorf("%d: %d regions, want 3", y, years[y])
		}
	}
	if _, ok := SchoolSummer(2030, "midden"); ok {
		t.Errorf("2030 has no source yet and must not be in the data")
	}
	// Spot checks against the Rijksoverheid's schoolvakanties: noord 2026 is 4 Jul – 16 Aug.
	h, ok := SchoolSummer(2026, "noord")
	if !ok || h.From != date.New(2026, time.July, 4) || h.To != date.New(2026, time.August, 16) {
		t.Errorf("noord 2026: %+v", h)
	}
	// "Overzicht schoolvakanties 2027-2028": zuid 22 juli t/m 3 september 2028.
	h, ok = SchoolSummer(2028, "zuid")
	if !ok || h.From != date.New(2028, time.July, 22) || h.To != date.New(2028, time.September, 3) {
		t.Errorf("zuid 2028: %+v", h)
	}
}

// TestSchoolSummerRotation cross-checks the data against the way the
// regulations spread the holiday: in every year the three regions start on
// three Saturdays one week apart (first, second, third), never two on the
// same day.
func TestSchoolSummerRotation(t *testing.T) {
	starts := map[int][]date.Date{}
	for _, h := range SchoolSummers() {
		starts[h.Year] = append(starts[h.Year], h.From)
	}
	for y, s := range starts {
		slices.Sort(s)
		if len(s) != 3 || s[1]-s[0] != 7 || s[2]-s[1] != 7 {
			t.Errorf("%d: starts %v are not three Saturdays a week apart", y, s)
		}
	}
}

func TestParseSummerBadLines(t *testing.T) {
	d := parseSummer("2026 noord 2026-07-04\n2026 west 2026-07-04 2026-08-16 x\n2026 noord 2026-08-16 2026-07-04 x\n2026 noord 2025-07-04 2025-08-16 x\n2026 noord 2026-07-04 2026-08-16 x\n2026 noord 2026-07-04 2026-08-16 y\n")
	if len(d.bad) != 5 || len(d.list) != 1 {
		t.Errorf("bad %v, list %v", d.bad, d.list)
	}
}

func TestOverlapDays(t *testing.T) {
	d := func(s string) date.Date { return day(t, s) }
	cases := []struct {
		name     string
		from, to string
		spans    [][2]string
		want     int
	}{
		{"none", "2026-06-01", "2026-07-03", [][2]string{{"2026-07-04", "2026-08-16"}}, 0},
		{"first day", "2026-06-01", "2026-07-04", [][2]string{{"2026-07-04", "2026-08-16"}}, 1},
		// 4 … 10 July: 7 days, both ends inclusive.
		{"a week", "2026-06-01", "2026-07-10", [][2]string{{"2026-07-04", "2026-08-16"}}, 7},
		// noord 4 Jul and zuid 11 Jul overlap: the union 4 … 20 Jul is 17 days, not 7 + 10.
		{"union", "2026-06-01", "2026-07-20", [][2]string{{"2026-07-04", "2026-08-16"}, {"2026-07-11", "2026-08-23"}}, 17},
		// Adjacent spans join: 1 … 3 and 4 … 5 July are 5 days.
		{"adjacent", "2026-07-01", "2026-07-05", [][2]string{{"2026-07-04", "2026-07-10"}, {"2026-06-20", "2026-07-03"}}, 5},
		// Inside: the whole period, 10 … 20 Jul, 11 days.
		{"inside", "2026-07-10", "2026-07-20", [][2]string{{"2026-07-04", "2026-08-16"}}, 11},
		// Two separate summers: 2025 midden 19 Jul – 31 Aug (44 days) and
		// 2026 midden 18 Jul – 30 Aug (44 days).
		{"two years", "2025-06-01", "2026-09-01", [][2]string{{"2025-07-19", "2025-08-31"}, {"2026-07-18", "2026-08-30"}}, 88},
	}
	for _, tc := range cases {
		var spans []span
		for _, s := range tc.spans {
			spans = append(spans, span{from: d(s[0]), to: d(s[1])})
		}
		if got := overlapDays(d(tc.from), d(tc.to), spans); got != tc.want {
			t.Errorf("%s: %d days, want %d", tc.name, got, tc.want)
		}
	}
}

// summerFile is a region with the given school-region line(s) and a
// publication and submission.
func summerFile(regionLines, pub, sub string, extra ...string) string {
	src := regionFile("social-services", nil, append([]string{
		"pub: {kind: publication, on: " + pub + "}", "sub: {kind: submission, on: " + sub + "}"}, extra...)...)
	return strings.Replace(src, "  municipalities: [Borne]\n  school-region: noord\n", regionLines, 1)
}

func TestSummer(t *testing.T) {
	cases := []struct {
		name     string
		region   string
		pub, sub string
		policy   string
		sev      []Severity
		contains string
	}{{
		// noord 2026: 4 Jul – 16 Aug; 4 … 10 Jul is 7 days.
		name:   "noord, a week",
		region: "  municipalities: [Borne]\n  school-region: noord\n",
		pub:    "2026-06-01", sub: "2026-07-10",
		sev:      []Severity{Warning},
		contains: "overlaps the school summer holidays (noord 2026-07-04–2026-08-16) by 7 calendar days: consider extending it by 7 days",
	}, {
		// midden 2026 starts 18 Jul: no overlap.
		name:   "midden, before the holiday",
		region: "  municipalities: [Aalten]\n  school-region: midden\n",
		pub:    "2026-06-01", sub: "2026-07-10",
	}, {
		// A municipality in zuid (from 11 Jul) in a midden region: 11 Jul only.
		name:   "a municipality in another region",
		region: "  municipalities: [Aalten, {name: Montferland, school-region: zuid}]\n  school-region: midden\n",
		pub:    "2026-06-01", sub: "2026-07-11",
		sev:      []Severity{Warning},
		contains: "(zuid 2026-07-11–2026-08-23) by 1 calendar day: consider extending it by 1 day",
	}, {
		// noord from 4 Jul and zuid from 11 Jul, closing 20 Jul: the union
		// 4 … 20 Jul is 17 days.
		name:   "union of two regions",
		region: "  municipalities: [Borne, {name: Montferland, school-region: zuid}]\n  school-region: noord\n",
		pub:    "2026-06-01", sub: "2026-07-20",
		sev:      []Severity{Warning},
		contains: "by 17 calendar days",
	}, {
		// A quiet period 29 Jun – 5 Jul joins noord's 4 Jul: 29 Jun … 10 Jul is 12 days.
		name:   "with calendar.quiet",
		region: "  municipalities: [Borne]\n  school-region: noord\ncalendar:\n  quiet:\n    - {name: Bouwvak, from: 2026-06-29, to: 2026-07-05}\n",
		pub:    "2026-06-01", sub: "2026-07-10",
		sev:      []Severity{Warning},
		contains: "by 12 calendar days",
	}, {
		// noord 2027 starts Saturday 10 Jul (OpenHolidays; noord is first in
		// 2027 as in 2026). A submission on Friday 9 Jul is the day before:
		// no overlap.
		name:   "2027, the day before",
		region: "  municipalities: [Borne]\n  school-region: noord\n",
		pub:    "2027-06-01", sub: "2027-07-09",
	}, {
		// Submission on Saturday 10 Jul 2027, the first holiday day: 1 day.
		name:   "2027, the first day",
		region: "  municipalities: [Borne]\n  school-region: noord\n",
		pub:    "2027-06-01", sub: "2027-07-10",
		sev:      []Severity{Warning},
		contains: "(noord 2027-07-10–2027-08-22) by 1 calendar day",
	}, {
		// midden 2028 is 8 Jul – 20 Aug ("Overzicht schoolvakanties
		// 2027-2028"). A period from Monday 21 Aug, the day after, is clear.
		name:   "2028, the day after",
		region: "  municipalities: [Aalten]\n  school-region: midden\n",
		pub:    "2028-08-21", sub: "2028-10-02",
	}, {
		// A period from Sunday 20 Aug 2028, the last holiday day: 1 day.
		name:   "2028, the last day",
		region: "  municipalities: [Aalten]\n  school-region: midden\n",
		pub:    "2028-08-20", sub: "2028-10-02",
		sev:      []Severity{Warning},
		contains: "(midden 2028-07-08–2028-08-20) by 1 calendar day",
	}, {
		// 2030 is not in the data: an info, never a guess.
		name:   "a year without data",
		region: "  municipalities: [Borne]\n  school-region: noord\n",
		pub:    "2030-06-01", sub: "2030-07-10",
		sev:      []Severity{Info},
		contains: "no school summer holiday dates for 2030 (region noord)",
	}, {
		// A year without data, but the period ends before July: nothing to judge.
		name:   "a year without data, before the summer",
		region: "  municipalities: [Borne]\n  school-region: noord\n",
		pub:    "2030-04-01", sub: "2030-06-10",
	}, {
		// The user gave the summer as a quiet period: no info, and the overlap counts.
		name:   "a year without data, given as quiet",
		region: "  municipalities: [Borne]\n  school-region: noord\ncalendar:\n  quiet:\n    - {name: Zomer 2030, from: 2030-07-06, to: 2030-08-18}\n",
		pub:    "2030-06-01", sub: "2030-07-10",
		sev: []Severity{Warning},
	}, {
		name:   "no school region, no quiet",
		region: "  municipalities: [Borne]\n",
		pub:    "2026-06-01", sub: "2026-08-10",
	}, {
		name:   "summer: off",
		region: "  municipalities: [Borne]\n  school-region: noord\npolicy:\n  summer: off\n",
		pub:    "2026-06-01", sub: "2026-07-10",
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := of(checkSrc(t, summerFile(tc.region, tc.pub, tc.sub), "", "2000-01-01", nil), "summer")
			var got []Severity
			for _, f := range fs {
				got = append(got, f.Severity)
				if f.Milestone == nil || *f.Milestone != "sub" {
					t.Errorf("finding not at the submission: %+v", f)
				}
			}
			if len(got) != len(tc.sev) || (len(got) > 0 && got[0] != tc.sev[0]) {
				t.Fatalf("severities %v, want %v (%+v)", got, tc.sev, fs)
			}
			if tc.contains != "" && !strings.Contains(text(fs[0]), tc.contains) {
				t.Errorf("message %q lacks %q", text(fs[0]), tc.contains)
			}
		})
	}
}

// TestSummerParticipants: a tender that names its municipalities takes the
// school holiday regions of those only (each one's own, else the
// region's). Achterhoek-like region: midden, Montferland zuid.
func TestSummerParticipants(t *testing.T) {
	const regionLines = "  municipalities: [Aalten, {name: Montferland, school-region: zuid}]\n  school-region: midden\n"
	cases := []struct {
		name, participants string
		want               int // calendar days of overlap; 0: no finding
	}{
		// zuid 2026 starts Sat 11 Jul, midden Sat 18 Jul. Submission on
		// 11 Jul: the whole region overlaps zuid by that one day.
		{"whole region", "", 1},
		// Aalten alone is midden (the region's): 11 Jul is before 18 Jul.
		{"Aalten only", "municipalities: [Aalten]", 0},
		// Montferland alone is zuid: 11 Jul is its first holiday day.
		{"Montferland only", "municipalities: [Montferland]", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := summerFile(regionLines, "2026-06-01", "2026-07-11")
			if tc.participants != "" {
				src = strings.Replace(src, "    procedure: social-services\n", "    procedure: social-services\n    "+tc.participants+"\n", 1)
			}
			fs := of(checkSrc(t, src, "", "2000-01-01", nil), "summer")
			switch {
			case tc.want == 0 && len(fs) > 0:
				t.Errorf("want no finding, got %+v", fs)
			case tc.want > 0 && (len(fs) != 1 || !strings.Contains(text(fs[0]), "(zuid 2026-07-11–2026-08-23) by 1 calendar day")):
				t.Errorf("want the zuid overlap of 1 day, got %+v", fs)
			}
		})
	}
}
