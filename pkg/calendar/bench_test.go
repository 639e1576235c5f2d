package calendar

import (
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

func benchCalendar() *Calendar {
	var list []date.Date
	for d := day("2020-01-02"); d < day("2030-01-01"); d += 7 {
		list = append(list, d)
	}
	return New(Spec{
		Holidays: true,
		Closed: []Period{
			{Name: "Kerstreces", From: day("2020-12-24"), To: day("2021-01-03")},
			{Name: "Zomer", From: day("2021-07-19"), To: day("2021-08-08")},
			{Name: "Kerstreces", From: day("2021-12-24"), To: day("2022-01-02")},
			{Name: "Zomer", From: day("2022-07-18"), To: day("2022-08-07")},
			{Name: "Kerstreces", From: day("2022-12-23"), To: day("2023-01-01")},
		},
		Bodies: map[string]Meetings{
			"colleges": {Rule: rule("weekly tue")},
			"pho":      {Dates: list},
		},
	})
}

// benchDates spreads the inputs over the years around the closures.
func benchDates() []date.Date {
	ds := make([]date.Date, 1024)
	for i := range ds {
		ds[i] = day("2020-06-01") + date.Date(i*3%1100)
	}
	return ds
}

func BenchmarkShiftWorkdays(b *testing.B) {
	c, ds, d := benchCalendar(), benchDates(), dur("15wd")
	for i := 0; b.Loop(); i++ {
		_ = c.Shift(ds[i&1023], 1-2*(i&1), d)
	}
}

func BenchmarkShiftFloorWorkdays(b *testing.B) {
	c, ds, d := benchCalendar(), benchDates(), dur("15wd")
	for i := 0; b.Loop(); i++ {
		_ = c.ShiftFloor(ds[i&1023], 1-2*(i&1), d)
	}
}

func BenchmarkShiftFloorMonths(b *testing.B) {
	c, ds, d := benchCalendar(), benchDates(), dur("3mo")
	for i := 0; b.Loop(); i++ {
		_ = c.ShiftFloor(ds[i&1023], 1, d)
	}
}

func BenchmarkNextAlignedMeetingRule(b *testing.B) {
	c, ds, a := benchCalendar(), benchDates(), align("meeting:colleges")
	for i := 0; b.Loop(); i++ {
		_, _ = c.NextAligned(ds[i&1023], a)
	}
}

func BenchmarkNextAlignedMeetingList(b *testing.B) {
	c, ds, a := benchCalendar(), benchDates(), align("meeting:pho")
	for i := 0; b.Loop(); i++ {
		_, _ = c.NextAligned(ds[i&1023], a)
	}
}

// BenchmarkNewRegion is the cost of a region calendar once the shared
// tables exist.
func BenchmarkNewRegion(b *testing.B) {
	spec := Spec{Holidays: true, Closed: []Period{{Name: "Kerstreces", From: day("2021-12-24"), To: day("2022-01-02")}}}
	New(spec)
	b.ReportAllocs()
	for b.Loop() {
		New(spec)
	}
}

// BenchmarkBuildBase is the one-off cost of a shared table.
func BenchmarkBuildBase(b *testing.B) {
	nlHolidays()
	for b.Loop() {
		buildBase(weekdays(time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday), true)
	}
}

func BenchmarkBuildHolidays(b *testing.B) {
	equated, _ := parseEquated(equatedText)
	for b.Loop() {
		buildHolidays(equated)
	}
}
