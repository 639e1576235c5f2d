package calendar

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/nl"

	"github.com/tender-nl/tender/pkg/date"
)

// EquatedName is the name Holiday gives a day equated to a holiday by decree
// (Atw art. 3 lid 3).
const EquatedName = "Gelijkgestelde dag"

// equatedText is the data list of days equated to holidays by decree. It is
// data, not a rule: the decrees come every few years and name their days.
//
//go:embed atw-equated.txt
var equatedText string

// equatedDay is one line of atw-equated.txt.
type equatedDay struct {
	Date date.Date
	Note string
}

// parseEquated reads atw-equated.txt. A malformed line is returned in bad
// (the test fails on it) and otherwise skipped, so a bad edit can never make
// the program panic.
func parseEquated(text string) (days []equatedDay, bad []string) {
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		field, note, _ := strings.Cut(line, " ")
		d, err := date.Parse(field)
		if err != nil {
			bad = append(bad, line)
			continue
		}
		days = append(days, equatedDay{Date: d, Note: strings.TrimSpace(note)})
	}
	return days, bad
}

// The Atw holidays of "holidays: nl", computed by rickar/cal. The nl package
// has today's Koningsdag for every year; before 2014 the day was
// Koninginnedag, 30 April, moved to the 29th when the 30th is a Sunday.
var (
	koningsdag    = nl.Koningsdag.Clone(&cal.Holiday{StartYear: 2014})
	koninginnedag = &cal.Holiday{
		Name:     "Koninginnedag",
		Month:    time.April,
		Day:      30,
		Func:     cal.CalcDayOfMonth,
		Observed: []cal.AltDay{{Day: time.Sunday, Offset: -1}},
		EndYear:  2013,
	}
	atwHolidays = []*cal.Holiday{
		nl.Nieuwjaar,
		nl.GoedeVrijdag,
		nl.TweedePaasdag,
		koninginnedag,
		koningsdag,
		nl.BevrijdingsDag,
		nl.Hemelvaart,
		nl.TweedePinksterDag,
		nl.EersteKerstdag,
		nl.TweedeKerstdag,
	}
)

// holidayTable names the Atw holiday of every day of the table range: day[i]
// indexes names (0: no holiday). It is built once and shared by every
// calendar with holidays: nl.
type holidayTable struct {
	names []string
	day   []uint8
}

var nlHolidays = sync.OnceValue(func() *holidayTable {
	equated, _ := parseEquated(equatedText)
	return buildHolidays(equated)
})

func buildHolidays(equated []equatedDay) *holidayTable {
	t := &holidayTable{names: []string{""}, day: make([]uint8, tableDays)}
	index := map[string]uint8{}
	add := func(d date.Date, name string) {
		i := int(d - First)
		if i < 0 || i >= tableDays {
			return
		}
		if old := t.day[i]; old != 0 {
			// Two holidays on one day (Hemelvaartsdag on 5 May in 2005):
			// name both, in the order of the list above.
			if t.names[old] == name || strings.HasSuffix(t.names[old], " / "+name) {
				return
			}
			name = t.names[old] + " / " + name
		}
		n, ok := index[name]
		if !ok {
			if len(t.names) > 255 {
				return // cannot happen: a handful of names and pairs
			}
			n = uint8(len(t.names))
			t.names = append(t.names, name)
			index[name] = n
		}
		t.day[i] = n
	}
	firstYear, lastYear := First.Year(), Last.Year()
	for y := firstYear; y <= lastYear; y++ {
		for _, h := range atwHolidays {
			if d, ok := observedDate(h, y); ok {
				add(d, h.Name)
			}
		}
	}
	for _, e := range equated {
		add(e.Date, EquatedName)
	}
	return t
}

// observedDate is cal.Holiday.Calc on civil dates: the day h is observed in
// year y, if it is observed that year.
//
// Calc itself works at midnight in cal.DefaultLoc (time.Local). Where a zone
// has no such midnight (DST starting at 00:00, as in Havana or São Paulo),
// Go shifts the time by the gap, sometimes into the day before, and Calc
// then tests the weekday of the wrong day for the Sunday rule. So only the
// holiday's own function (rickar's Easter computus, or its fixed day) is
// used, its date read at noon, which no gap reaches; the year range and the
// substitute day are applied here, to the civil date.
func observedDate(h *cal.Holiday, y int) (date.Date, bool) {
	if (h.StartYear > 0 && y < h.StartYear) || (h.EndYear > 0 && y > h.EndYear) || h.Func == nil || slices.Contains(h.Except, y) {
		return 0, false
	}
	d := date.FromTime(h.Func(h, y).Add(12 * time.Hour)).AddDays(h.CalcOffset)
	for _, alt := range h.Observed {
		if alt.Day == d.Weekday() {
			return d.AddDays(alt.Offset), true
		}
	}
	return d, true
}
