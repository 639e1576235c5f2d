// Package date holds the value types of tender's calendar arithmetic: a civil
// Date with no time zone, a Duration in the units of the region format, and
// the parsed forms of alignments and meeting rules.
//
// A Date is a day number (days since 1970-01-01), so comparing, subtracting
// and indexing tables by date are integer operations. Converting to and from
// year, month and day uses Howard Hinnant's civil-calendar algorithms
// (proleptic Gregorian), which avoids time.Time and its time zones in the
// engine entirely: the same input gives the same dates in every TZ.
//
// Region files may only name years 1900 to 2199 (MinYear, MaxYear). Arithmetic
// may leave that range (2199-12-31 + 1y); such dates are still representable
// and the planner reports them as out of range instead of wrapping.
package date

import (
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Date is a civil date: the number of days since 1970-01-01.
type Date int32

// The range of years a region file may name.
const (
	MinYear = 1900
	MaxYear = 2199
)

// Min and Max are the first and last dates a region file may name.
var (
	Min = New(MinYear, time.January, 1)
	Max = New(MaxYear, time.December, 31)
)

// New returns the date of the given year, month and day. The day must be
// valid for the month; New does not normalise (use IsValid first).
func New(y int, m time.Month, d int) Date {
	// days_from_civil, Howard Hinnant.
	yy := int64(y)
	if m <= 2 {
		yy--
	}
	era := yy
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := yy - era*400
	mp := (int64(m) + 9) % 12
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return Date(era*146097 + doe - 719468)
}

// YMD returns the year, month and day of d.
func (d Date) YMD() (int, time.Month, int) {
	// civil_from_days, Howard Hinnant.
	z := int64(d) + 719468
	era := z
	if era < 0 {
		era -= 146096
	}
	era /= 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return int(y), time.Month(m), int(day)
}

// Year returns the year of d.
func (d Date) Year() int { y, _, _ := d.YMD(); return y }

// Month returns the month of d.
func (d Date) Month() time.Month { _, m, _ := d.YMD(); return m }

// Day returns the day of the month of d.
func (d Date) Day() int { _, _, dd := d.YMD(); return dd }

// Weekday returns the day of the week; 1970-01-01 was a Thursday.
func (d Date) Weekday() time.Weekday {
	w := (int64(d) + 4) % 7
	if w < 0 {
		w += 7
	}
	return time.Weekday(w)
}

// AddDays returns d + n calendar days.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// AddMonths returns d moved by n calendar months, clamped to the end of the
// target month: 2021-01-31 + 1 month is 2021-02-28, and 2020-02-29 + 12
// months is 2021-02-28.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.YMD()
	total := int64(y)*12 + int64(m-1) + int64(n)
	ny := total / 12
	nm := total % 12
	if nm < 0 {
		nm += 12
		ny--
	}
	month := time.Month(nm + 1)
	if last := DaysIn(int(ny), month); day > last {
		day = last
	}
	return New(int(ny), month, day)
}

// DaysIn returns the number of days in the month.
func DaysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if IsLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// IsLeap reports whether y is a Gregorian leap year.
func IsLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// IsValid reports whether y-m-d names a real day.
func IsValid(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 && d <= DaysIn(y, m)
}

// FirstOfMonth returns the first day of d's month.
func (d Date) FirstOfMonth() Date { y, m, _ := d.YMD(); return New(y, m, 1) }

// String formats d as YYYY-MM-DD (ISO 8601).
func (d Date) String() string {
	y, m, day := d.YMD()
	var b [10]byte
	if y < 0 || y > 9999 {
		return fmt.Sprintf("%04d-%02d-%02d", y, int(m), day)
	}
	b[0] = byte('0' + y/1000)
	b[1] = byte('0' + y/100%10)
	b[2] = byte('0' + y/10%10)
	b[3] = byte('0' + y%10)
	b[4] = '-'
	b[5] = byte('0' + int(m)/10)
	b[6] = byte('0' + int(m)%10)
	b[7] = '-'
	b[8] = byte('0' + day/10)
	b[9] = byte('0' + day%10)
	return string(b[:])
}

// Time returns midnight UTC of d, for libraries that want a time.Time.
func (d Date) Time() time.Time {
	y, m, day := d.YMD()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// FromTime returns the civil date of t in t's own location.
func FromTime(t time.Time) Date {
	y, m, d := t.Date()
	return New(y, m, d)
}

// InRange reports whether d lies in the years a region file may name.
func (d Date) InRange() bool { return d >= Min && d <= Max }

// MarshalText formats d as YYYY-MM-DD, so JSON and YAML encoders print dates.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// ErrFormat is returned (wrapped) by Parse for text that is not YYYY-MM-DD.
var ErrFormat = errors.New("not a date")

// Parse reads a strict ISO date YYYY-MM-DD with a year from MinYear to
// MaxYear. It rejects other layouts (1-4-2021), impossible days
// (2021-02-30) and anything with a time part.
func Parse(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, fmt.Errorf("%w: %q is not a date in the form YYYY-MM-DD", ErrFormat, s)
	}
	y, err1 := digits(s[0:4])
	m, err2 := digits(s[5:7])
	d, err3 := digits(s[8:10])
	if err1 != nil || err2 != nil || err3 != nil {
		return 0, fmt.Errorf("%w: %q is not a date in the form YYYY-MM-DD", ErrFormat, s)
	}
	if !IsValid(y, time.Month(m), d) {
		return 0, fmt.Errorf("%w: %q is not a day of the calendar: %s", ErrFormat, s, whyNotADay(y, m, d))
	}
	if y < MinYear || y > MaxYear {
		return 0, fmt.Errorf("%w: year %d of %q is outside %d–%d", ErrFormat, y, s, MinYear, MaxYear)
	}
	return New(y, time.Month(m), d), nil
}

// whyNotADay says what is wrong with the numbers of a date that does not
// exist, so a user sees the fix: "February 2023 has 28 days".
func whyNotADay(y, m, d int) string {
	switch {
	case m < 1 || m > 12:
		return "the month is 01 to 12"
	case d < 1:
		return "the day is 01 or later"
	}
	return fmt.Sprintf("%s %d has %d days", time.Month(m), y, DaysIn(y, time.Month(m)))
}

func digits(s string) (int, error) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, strconv.ErrSyntax
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}
