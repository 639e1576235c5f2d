package rules

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// The school summer holidays are data, not rules: school-summer.txt, one
// period per line, compiled into the binary.
//
//go:embed school-summer.txt
var schoolSummerText string

// SummerHoliday is the school summer holiday of one region in one year.
type SummerHoliday struct {
	Year     int
	Region   region.SchoolRegion
	From, To date.Date
	Source   string
}

// summerKey indexes the data by year and region.
type summerKey struct {
	year   int
	region region.SchoolRegion
}

type summerData struct {
	byKey map[summerKey]SummerHoliday
	list  []SummerHoliday
	bad   []string // lines that did not parse; a test keeps this empty
}

var schoolSummer = sync.OnceValue(func() *summerData { return parseSummer(schoolSummerText) })

// parseSummer reads the data file. Bad lines are collected, not fatal: the
// binary must run whatever the file says, and a test checks there are none.
func parseSummer(text string) *summerData {
	d := &summerData{byKey: map[summerKey]SummerHoliday{}}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			d.bad = append(d.bad, fmt.Sprintf("line %d: want YEAR REGION FROM TO SOURCE", n+1))
			continue
		}
		y, errY := strconv.Atoi(f[0])
		from, errF := date.Parse(f[2])
		to, errT := date.Parse(f[3])
		switch {
		case errY != nil || errF != nil || errT != nil:
			d.bad = append(d.bad, fmt.Sprintf("line %d: bad year or date", n+1))
			continue
		case !slices.Contains(region.SchoolRegions, region.SchoolRegion(f[1])):
			d.bad = append(d.bad, fmt.Sprintf("line %d: unknown region %q", n+1, f[1]))
			continue
		case from > to || from.Year() != y || to.Year() != y:
			d.bad = append(d.bad, fmt.Sprintf("line %d: the dates do not lie in %d in order", n+1, y))
			continue
		}
		k := summerKey{y, region.SchoolRegion(f[1])}
		if _, dup := d.byKey[k]; dup {
			d.bad = append(d.bad, fmt.Sprintf("line %d: %d %s given twice", n+1, y, f[1]))
			continue
		}
		h := SummerHoliday{Year: y, Region: region.SchoolRegion(f[1]), From: from, To: to, Source: strings.Join(f[4:], " ")}
		d.byKey[k] = h
		d.list = append(d.list, h)
	}
	return d
}

// SchoolSummer returns the summer holiday of a school region in a year, if
// the data has it.
func SchoolSummer(year int, sr region.SchoolRegion) (SummerHoliday, bool) {
	h, ok := schoolSummer().byKey[summerKey{year, sr}]
	return h, ok
}

// SchoolSummers returns every summer holiday of the data, in file order.
func SchoolSummers() []SummerHoliday { return slices.Clone(schoolSummer().list) }

// summerWindow is where a school summer holiday can lie in a year: from
// 1 July to 15 September. Every holiday in the data starts on or after
// 4 July and ends by 5 September; the window adds a margin for the years
// not in the data. A tender period outside the window of a year needs no
// data for that year, so it gets no "no data" finding: a period from April
// to mid-June is not judged against a summer no one can know yet.
func summerWindow(year int) (date.Date, date.Date) {
	return date.New(year, time.July, 1), date.New(year, time.September, 15)
}

// span is a range of dates, both ends inclusive, with a label for messages.
type span struct {
	from, to date.Date
	label    any // a string, or a Message (a quiet period)
}

// overlapDays counts the calendar days of [from, to] (both inclusive) that
// lie in at least one of the spans: the union, so a day two holidays share
// counts once.
func overlapDays(from, to date.Date, spans []span) int {
	type iv struct{ a, b date.Date }
	var ivs []iv
	for _, s := range spans {
		a, b := max(s.from, from), min(s.to, to)
		if a <= b {
			ivs = append(ivs, iv{a, b})
		}
	}
	slices.SortFunc(ivs, func(x, y iv) int { return int(x.a) - int(y.a) })
	total := 0
	var cur iv
	for i, v := range ivs {
		switch {
		case i == 0:
			cur = v
		case v.a <= cur.b+1:
			cur.b = max(cur.b, v.b)
		default:
			total += int(cur.b-cur.a) + 1
			cur = v
		}
	}
	if len(ivs) > 0 {
		total += int(cur.b-cur.a) + 1
	}
	return total
}
