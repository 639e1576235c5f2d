package calendar

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/rickar/cal/v2"

	"github.com/tender-nl/tender/pkg/date"

	_ "time/tzdata" // the time-zone test needs zones with DST at midnight
)

func TestEquatedFile(t *testing.T) {
	days, bad := parseEquated(equatedText)
	if len(bad) > 0 {
		t.Fatalf("atw-equated.txt has malformed lines: %q", bad)
	}
	var got []date.Date
	for _, e := range days {
		got = append(got, e.Date)
		if e.Note == "" {
			t.Errorf("atw-equated.txt: %s has no note", e.Date)
		}
	}
	// The Besluit gelijkstelling 2017–2019, 27 May 2022 (the one day of
	// 2020–2022 a source confirms), and the two Besluiten under Atw art. 3,
	// "Counting".
	want := []date.Date{
		day("2017-04-28"), day("2017-05-26"), day("2018-05-11"), day("2018-12-24"), day("2018-12-31"),
		day("2019-05-31"), day("2019-12-27"), day("2022-05-27"),
		day("2023-04-28"), day("2023-05-19"), day("2024-05-10"), day("2024-12-27"), day("2025-05-30"),
		day("2026-01-02"), day("2026-05-15"), day("2027-05-07"), day("2028-04-28"), day("2028-05-26"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("equated days (-want +got):\n%s", diff)
	}
	for _, d := range want {
		// Every one of them is the Friday after a Thursday holiday or the
		// Monday before a Tuesday one (24 and 31 December 2018).
		if w := d.Weekday(); w != time.Friday && w != time.Monday {
			t.Errorf("equated day %s is a %s, want a Friday or a Monday", d, w)
		}
		neighbour := d.AddDays(-1)
		if d.Weekday() == time.Monday {
			neighbour = d.AddDays(1)
		}
		if _, ok := Legal().Holiday(neighbour); !ok {
			t.Errorf("equated day %s is not next to a holiday (%s)", d, neighbour)
		}
		if name, ok := Legal().Holiday(d); !ok || name != EquatedName {
			t.Errorf("Legal().Holiday(%s) = %q, %v; want %q", d, name, ok, EquatedName)
		}
	}
}

func TestParseEquatedRejectsBadLines(t *testing.T) {
	days, bad := parseEquated("# comment\n\n2030-05-31 fine\n2030-02-30 no such day\nnonsense\n")
	if len(days) != 1 || days[0].Date != day("2030-05-31") || days[0].Note != "fine" {
		t.Errorf("days = %v", days)
	}
	if len(bad) != 2 {
		t.Errorf("bad = %q, want the two broken lines", bad)
	}
}

// easterSunday is Western (Gregorian) Easter Sunday from the published
// tables (e.g. the Astronomical Society of South Australia's Easter dates,
// or any almanac).
var easterSunday = map[int]string{
	2000: "2000-04-23", 2001: "2001-04-15", 2002: "2002-03-31", 2003: "2003-04-20",
	2004: "2004-04-11", 2005: "2005-03-27", 2006: "2006-04-16", 2007: "2007-04-08",
	2008: "2008-03-23", 2009: "2009-04-12", 2010: "2010-04-04", 2011: "2011-04-24",
	2012: "2012-04-08", 2013: "2013-03-31", 2014: "2014-04-20", 2015: "2015-04-05",
	2016: "2016-03-27", 2017: "2017-04-16", 2018: "2018-04-01", 2019: "2019-04-21",
	2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09",
	2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28",
	2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21", 2031: "2031-04-13",
	2032: "2032-03-28", 2033: "2033-04-17", 2034: "2034-04-09", 2035: "2035-03-25",
}

func TestEasterHolidays(t *testing.T) {
	c := Legal()
	for y := 2000; y <= 2035; y++ {
		easter := day(easterSunday[y])
		if easter.Weekday() != time.Sunday {
			t.Fatalf("test table: Easter %d (%s) is not a Sunday", y, easter)
		}
		// Good Friday is 2 days before Easter, Easter Monday 1 after,
		// Ascension Day the 40th day of Easter (Easter + 39, a Thursday),
		// Whit Monday Easter + 50.
		for _, h := range []struct {
			offset int
			name   string
			wd     time.Weekday
		}{
			{-2, "Goede Vrijdag", time.Friday},
			{1, "Tweede Paasdag", time.Monday},
			{39, "Hemelvaartsdag", time.Thursday},
			{50, "Tweede Pinksterdag", time.Monday},
		} {
			d := easter.AddDays(h.offset)
			name, ok := c.Holiday(d)
			// In 2005 Ascension Day fell on 5 May, Liberation Day too.
			if !ok || !strings.Contains(name, h.name) {
				t.Errorf("Holiday(%s) = %q, %v; want %s (Easter %s %+d)", d, name, ok, h.name, easter, h.offset)
			}
			if d.Weekday() != h.wd || c.IsWorkday(d) {
				t.Errorf("%s %s: weekday %s, working day %v", h.name, d, d.Weekday(), c.IsWorkday(d))
			}
		}
		// Easter Sunday and Whit Sunday are no entries of their own.
		for _, d := range []date.Date{easter, easter.AddDays(49)} {
			if name, ok := c.Holiday(d); ok {
				t.Errorf("Holiday(%s) = %q, want none (a Sunday)", d, name)
			}
		}
	}
}

func TestHolidays(t *testing.T) {
	c := Legal()
	tests := []struct {
		day  string
		want string // "" = no holiday
		why  string
	}{
		{"2021-01-01", "Nieuwjaarsdag", "a Friday"},
		{"2022-01-01", "Nieuwjaarsdag", "a Saturday: still a holiday, not moved"},
		{"2025-12-25", "Eerste Kerstdag", "a Thursday"},
		{"2025-12-26", "Tweede Kerstdag", "a Friday"},
		{"2026-01-02", EquatedName, "the Friday after New Year's Day 2026 (a Thursday)"},
		{"2024-12-27", EquatedName, "the Friday after Boxing Day 2024 (a Thursday)"},
		{"2025-05-30", EquatedName, "the Friday after Ascension Day, Thursday 29 May 2025"},
		{"2029-05-11", "", "the Friday after Ascension 2029 (Easter 1 Apr + 39 = Thu 10 May): no decree yet"},

		// King's Day: 27 April, or Saturday the 26th when the 27th is a Sunday.
		{"2014-04-26", "Koningsdag", "the first King's Day: 27 April 2014 was a Sunday"},
		{"2014-04-27", "", "Sunday 27 April 2014: moved to the 26th"},
		{"2014-04-30", "", "no Queen's Day from 2014"},
		{"2015-04-27", "Koningsdag", "a Monday"},
		{"2025-04-26", "Koningsdag", "27 April 2025 is a Sunday, so Saturday the 26th"},
		{"2025-04-27", "", "Sunday 27 April 2025"},
		{"2026-04-27", "Koningsdag", "a Monday"},
		{"2030-04-27", "Koningsdag", "a Saturday: not moved (only Sundays are)"},
		{"2031-04-26", "Koningsdag", "27 April 2031 is a Sunday (2025 + 6 years, one 29 Feb between: +7 days)"},

		// Queen's Day before 2014: 30 April, or Saturday the 29th when the
		// 30th is a Sunday.
		{"2013-04-30", "Koninginnedag", "the last one, a Tuesday"},
		{"2013-04-27", "", "no King's Day before 2014"},
		{"2006-04-29", "Koninginnedag", "30 April 2006 was a Sunday (1 Jan 2006 a Sunday, +119 days)"},
		{"2006-04-30", "", "Sunday 30 April 2006"},
		{"2000-04-29", "Koninginnedag", "30 April 2000 was a Sunday"},
		{"2005-04-30", "Koninginnedag", "a Saturday: not moved"},

		// Liberation Day counts every year, not only in lustrum years.
		{"2025-05-05", "Bevrijdingsdag", "a Monday, a lustrum year"},
		{"2026-05-05", "Bevrijdingsdag", "a Tuesday"},
		{"2027-05-05", "Bevrijdingsdag", "a Wednesday"},
		{"2005-05-05", "Bevrijdingsdag / Hemelvaartsdag", "Easter 27 March 2005 + 39 = 5 May"},

		{"2026-05-04", "", "the Monday before Liberation Day is no equated day"},
		{"2027-04-26", "", "the Monday before King's Day 2027 is no equated day"},
		{"2021-12-24", "", "Christmas Eve is a working day"},
		{"2021-12-31", "", "New Year's Eve is a working day"},
	}
	for _, tt := range tests {
		name, ok := c.Holiday(day(tt.day))
		if name != tt.want || ok != (tt.want != "") {
			t.Errorf("Holiday(%s) = %q, %v; want %q (%s)", tt.day, name, ok, tt.want, tt.why)
		}
	}
}

func TestHolidaysNone(t *testing.T) {
	c := New(Spec{})
	// Christmas 2025 is a Thursday: a working day without holidays.
	if _, ok := c.Holiday(day("2025-12-25")); ok || !c.IsWorkday(day("2025-12-25")) {
		t.Errorf("holidays: none still has Christmas 2025")
	}
	if _, ok := c.Holiday(day("2026-01-02")); ok || !c.IsWorkday(day("2026-01-02")) {
		t.Errorf("holidays: none still has the equated 2 January 2026")
	}
}

// rickar/cal computes holidays at midnight in cal.DefaultLoc (time.Local).
// In zones whose DST starts at midnight, midnight may not exist; the dates
// must still be the civil dates.
func TestHolidaysInEveryZone(t *testing.T) {
	nlHolidays() // build the shared table before touching cal.DefaultLoc
	saved := cal.DefaultLoc
	defer func() { cal.DefaultLoc = saved }()
	equated, _ := parseEquated(equatedText)
	cal.DefaultLoc = time.UTC
	want := buildHolidays(equated)
	for _, zone := range []string{
		"Asia/Damascus", "Asia/Beirut", "Asia/Gaza", "America/Sao_Paulo", "America/Havana",
		"America/Santiago", "Asia/Tehran", "Africa/Cairo", "Pacific/Apia", "Pacific/Kiritimati",
		"America/Los_Angeles", "Europe/Amsterdam",
	} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		cal.DefaultLoc = loc
		got := buildHolidays(equated)
		for i := range want.day {
			if want.names[want.day[i]] != got.names[got.day[i]] {
				t.Errorf("%s: %s is %q, in UTC %q", zone, dateAt(i), got.names[got.day[i]], want.names[want.day[i]])
				break
			}
		}
	}
}
