package calendar

import (
	"sync"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

// First and Last bound the dates a Calendar knows: its tables cover them,
// with a wide margin around the years a region file may name
// (date.MinYear to date.MaxYear). Results of arithmetic clamp to this range.
var (
	First = date.New(1800, time.January, 1)
	Last  = date.New(2400, time.December, 31)
)

// tableDays is the number of days from First to Last.
var tableDays = int(Last-First) + 1

// baseTable is the working-day table of one (workdays, holidays) pair, over
// First..Last, without any closed periods. It is built once per pair and
// shared by every calendar with that pair, so that region calendars cost
// only their own closed periods and bodies.
type baseTable struct {
	// cum[i] is the number of working days among the days First+0 …
	// First+i-1; len(cum) = tableDays+1.
	cum []int32
	// list holds the day indices (date - First) of the working days,
	// ascending: list[k-1] is the k-th working day of the table.
	list []int32
}

// total returns the number of working days in the table.
func (b *baseTable) total() int { return len(b.list) }

// rank returns the number of working days among the days 0 … i, for any i.
func (b *baseTable) rank(i int) int {
	switch {
	case i < 0:
		return 0
	case i >= tableDays:
		return len(b.list)
	}
	return int(b.cum[i+1])
}

// isWork reports whether day index i (in range) is a working day.
func (b *baseTable) isWork(i int) bool { return b.cum[i+1] != b.cum[i] }

// bases holds the base tables, one slot per weekday mask (7 bits) and
// holiday setting (bit 7).
var bases [256]struct {
	once  sync.Once
	table *baseTable
}

func baseFor(workdays [7]bool, holidays bool) *baseTable {
	key := 0
	for w, on := range workdays {
		if on {
			key |= 1 << w
		}
	}
	if holidays {
		key |= 1 << 7
	}
	slot := &bases[key]
	slot.once.Do(func() { slot.table = buildBase(workdays, holidays) })
	return slot.table
}

func buildBase(workdays [7]bool, holidays bool) *baseTable {
	var hol []uint8
	if holidays {
		hol = nlHolidays().day
	}
	n := 0
	weekday := int(First.Weekday())
	for i := 0; i < tableDays; i++ {
		if workdays[(weekday+i)%7] && (hol == nil || hol[i] == 0) {
			n++
		}
	}
	b := &baseTable{cum: make([]int32, tableDays+1), list: make([]int32, 0, n)}
	for i := 0; i < tableDays; i++ {
		b.cum[i+1] = b.cum[i]
		if workdays[(weekday+i)%7] && (hol == nil || hol[i] == 0) {
			b.cum[i+1]++
			b.list = append(b.list, int32(i))
		}
	}
	return b
}

// index returns d's day index in the table, clamped to 0 … tableDays-1.
func index(d date.Date) int {
	switch {
	case d < First:
		return 0
	case d > Last:
		return tableDays - 1
	}
	return int(d - First)
}

// clampIndex clamps a day index to the table.
func clampIndex(i int) int {
	switch {
	case i < 0:
		return 0
	case i >= tableDays:
		return tableDays - 1
	}
	return i
}

// dateAt returns the date of day index i.
func dateAt(i int) date.Date { return First + date.Date(i) }
