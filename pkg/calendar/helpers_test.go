package calendar

import (
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

// day parses a date literal of a test table; a typo in a table is a bug in
// the test, so it panics.
func day(s string) date.Date {
	d, err := date.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func dur(s string) date.Duration {
	d, err := date.ParseDuration(s)
	if err != nil {
		panic(err)
	}
	return d
}

func weekdays(ws ...time.Weekday) [7]bool {
	var set [7]bool
	for _, w := range ws {
		set[w] = true
	}
	return set
}

// christmasClosure is a region calendar with the Kerstreces of the README ("Region file format"):
// closed Friday 2021-12-24 to Sunday 2022-01-02.
func christmasClosure() *Calendar {
	return New(Spec{
		Holidays: true,
		Closed:   []Period{{Name: "Kerstreces", From: day("2021-12-24"), To: day("2022-01-02")}},
	})
}
