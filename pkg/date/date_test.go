package date

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCivilRoundTrip(t *testing.T) {
	// Every day from 1800 to 2400 converts to y-m-d and back, and agrees
	// with the time package (proleptic Gregorian in both).
	start := New(1800, time.January, 1)
	end := New(2400, time.December, 31)
	tm := time.Date(1800, time.January, 1, 0, 0, 0, 0, time.UTC)
	for d := start; d <= end; d++ {
		y, m, day := d.YMD()
		if ty, tmon, tday := tm.Date(); y != ty || m != tmon || day != tday {
			t.Fatalf("%d: YMD = %d-%d-%d, time says %v", d, y, m, day, tm)
		}
		if New(y, m, day) != d {
			t.Fatalf("New(YMD(%d)) != %d", d, d)
		}
		if d.Weekday() != tm.Weekday() {
			t.Fatalf("%s: weekday %v, want %v", d, d.Weekday(), tm.Weekday())
		}
		tm = tm.AddDate(0, 0, 1)
	}
}

func TestKnownDates(t *testing.T) {
	tests := []struct {
		d       Date
		want    string
		weekday time.Weekday
	}{
		{0, "1970-01-01", time.Thursday},
		{New(2021, time.October, 1), "2021-10-01", time.Friday},
		{New(2022, time.January, 1), "2022-01-01", time.Saturday},
		{New(2020, time.February, 29), "2020-02-29", time.Saturday},
		{New(1900, time.January, 1), "1900-01-01", time.Monday},
		{New(2199, time.December, 31), "2199-12-31", time.Tuesday},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("String() = %s, want %s", got, tt.want)
		}
		if got := tt.d.Weekday(); got != tt.weekday {
			t.Errorf("%s: Weekday() = %v, want %v", tt.want, got, tt.weekday)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2021-01-31", 1, "2021-02-28"},  // clamped to February's end
		{"2020-01-31", 1, "2020-02-29"},  // leap year
		{"2021-03-31", -1, "2021-02-28"}, // backwards, clamped
		{"2020-02-29", 12, "2021-02-28"}, // 29 Feb + 1y
		{"2024-02-29", -12, "2023-02-28"},
		{"2021-12-15", 1, "2022-01-15"}, // year boundary
		{"2022-01-15", -1, "2021-12-15"},
		{"2021-10-01", 3, "2022-01-01"},
		{"2021-05-31", 0, "2021-05-31"},
		{"2021-08-31", -6, "2021-02-28"},
		{"2021-01-30", 13, "2022-02-28"},
	}
	for _, tt := range tests {
		d, err := Parse(tt.from)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.AddMonths(tt.n).String(); got != tt.want {
			t.Errorf("%s + %d months = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestParse(t *testing.T) {
	good := []string{"2021-04-01", "1900-01-01", "2199-12-31", "2024-02-29"}
	for _, s := range good {
		d, err := Parse(s)
		if err != nil || d.String() != s {
			t.Errorf("Parse(%q) = %v, %v", s, d, err)
		}
	}
	bad := []string{"", "2021-02-30", "1-4-2021", "2021-4-1", "2021-04-01T10:00:00Z", "1899-12-31", "2200-01-01",
		"2023-02-29", "2021-13-01", "2021-00-10", "20210401", "2021/04/01", "２０２１-04-01", "2021-04-0a"}
	for _, s := range bad {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", s)
		}
	}
}

// An impossible day says which number is wrong: a user who typed
// 2023-02-29 or 2027-06-31 needs the length of the month, not only "no".
func TestParseImpossibleDay(t *testing.T) {
	tests := map[string]string{
		"2023-02-29": `not a date: "2023-02-29" is not a day of the calendar: February 2023 has 28 days`,
		"2027-06-31": `not a date: "2027-06-31" is not a day of the calendar: June 2027 has 30 days`,
		"2027-13-01": `not a date: "2027-13-01" is not a day of the calendar: the month is 01 to 12`,
		"2027-00-10": `not a date: "2027-00-10" is not a day of the calendar: the month is 01 to 12`,
		"2027-07-00": `not a date: "2027-07-00" is not a day of the calendar: the day is 01 or later`,
	}
	for in, want := range tests {
		_, err := Parse(in)
		if err == nil || err.Error() != want {
			t.Errorf("Parse(%q) = %v, want %s", in, err, want)
		}
	}
}

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want Duration
	}{
		{"0d", Duration{0, Days}}, {"35d", Duration{35, Days}}, {"6w", Duration{6, Weeks}},
		{"3wd", Duration{3, Workdays}}, {"3mo", Duration{3, Months}}, {"1y", Duration{1, Years}},
	}
	for _, tt := range tests {
		got, err := ParseDuration(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
		if got.String() != tt.in {
			t.Errorf("String() = %q, want %q", got.String(), tt.in)
		}
	}
	for _, s := range []string{"", "d", "3", "-3d", "3m", "3 d", "3dd", "1.5w", "99999999d", "3D"} {
		if _, err := ParseDuration(s); err == nil {
			t.Errorf("ParseDuration(%q) succeeded, want an error", s)
		}
	}
}

// TestParseDurationHint: a unit in words, Dutch or English, or a space
// before the unit, is refused with the duration as it is written.
func TestParseDurationHint(t *testing.T) {
	for in, want := range map[string]string{
		"6 weken":      `unknown unit " weken" in duration "6 weken": use d, w, wd, mo or y (weeks are written w: 6w)`,
		"3maanden":     `unknown unit "maanden" in duration "3maanden": use d, w, wd, mo or y (months are written mo: 3mo)`,
		"10 werkdagen": `unknown unit " werkdagen" in duration "10 werkdagen": use d, w, wd, mo or y (working days are written wd: 10wd)`,
		"2 w":          `unknown unit " w" in duration "2 w": use d, w, wd, mo or y (without a space: 2w)`,
		"1 jaar":       `unknown unit " jaar" in duration "1 jaar": use d, w, wd, mo or y (years are written y: 1y)`,
		"5x":           `unknown unit "x" in duration "5x": use d, w, wd, mo or y`,
	} {
		_, err := ParseDuration(in)
		if err == nil || err.Error() != want {
			t.Errorf("ParseDuration(%q): %v\nwant %s", in, err, want)
		}
	}
}

func TestParseDurationRange(t *testing.T) {
	lo, hi, err := ParseDurationRange("0d..3w")
	if err == nil {
		t.Errorf("0d..3w mixes units, want an error, got %v..%v", lo, hi)
	}
	lo, hi, err = ParseDurationRange("6w..12w")
	if err != nil || lo != (Duration{6, Weeks}) || hi != (Duration{12, Weeks}) {
		t.Errorf("6w..12w = %v..%v, %v", lo, hi, err)
	}
	if _, _, err := ParseDurationRange("3w..1w"); err == nil {
		t.Error("3w..1w runs backwards, want an error")
	}
}

func TestParseAlignmentAndMeetingRule(t *testing.T) {
	for _, s := range append(slices.Clone(AlignWords), "meeting:pho") {
		a, err := ParseAlignment(s)
		if err != nil || a.String() != s {
			t.Errorf("ParseAlignment(%q) = %v, %v", s, a, err)
		}
	}
	for _, s := range []string{"", "weekday", "meeting:", "Monday", "month-end"} {
		if _, err := ParseAlignment(s); err == nil {
			t.Errorf("ParseAlignment(%q) succeeded", s)
		}
	}
	for _, s := range []string{"weekly tue", "biweekly thu from 2021-01-07", "monthly 1st thu", "monthly 2nd mon", "monthly 3rd sat",
		"monthly 4th sun", "monthly last wed", "monthly 5th fri"} {
		r, err := ParseMeetingRule(s)
		if err != nil || r.String() != s {
			t.Errorf("ParseMeetingRule(%q) = %v, %v", s, r, err)
		}
	}
	// 2021-01-08 is a Friday, not a Thursday.
	for _, s := range []string{"", "weekly", "weekly tuesday", "biweekly thu", "biweekly thu from 2021-01-08", "monthly 6th thu", "daily"} {
		if _, err := ParseMeetingRule(s); err == nil {
			t.Errorf("ParseMeetingRule(%q) succeeded", s)
		}
	}
}

// A biweekly rule that starts on another weekday names the dates of that
// weekday on either side, so the fix can be copied: Fri 2021-01-08 lies
// between Thu 2021-01-07 and Thu 2021-01-14; Thu 2021-01-07 between Tue
// 2021-01-05 and Tue 2021-01-12.
func TestMeetingRuleWrongWeekday(t *testing.T) {
	tests := map[string]string{
		"biweekly thu from 2021-01-08": `meeting rule "biweekly thu from 2021-01-08" starts on 2021-01-08, which is not a thu: start on the thu before or after it (2021-01-07 or 2021-01-14)`,
		"biweekly tue from 2021-01-07": `meeting rule "biweekly tue from 2021-01-07" starts on 2021-01-07, which is not a tue: start on the tue before or after it (2021-01-05 or 2021-01-12)`,
	}
	for in, want := range tests {
		if _, err := ParseMeetingRule(in); err == nil || err.Error() != want {
			t.Errorf("ParseMeetingRule(%q) = %v, want %s", in, err, want)
		}
	}
}

// Every unit of the one list reads back as itself, and a list word after
// a space gets the hint to leave the space out.
func TestUnitSuffixes(t *testing.T) {
	for _, u := range UnitSuffixes() {
		d, err := ParseDuration("3" + u)
		if err != nil || d.N != 3 || d.Unit.Suffix() != u {
			t.Errorf("ParseDuration(3%s) = %v, %v", u, d, err)
		}
		if _, err := ParseDuration("3 " + u); err == nil || !strings.Contains(err.Error(), "without a space") {
			t.Errorf("ParseDuration(3 %s) = %v, want the hint without a space", u, err)
		}
	}
}
