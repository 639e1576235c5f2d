package render

import (
	"strconv"

	"github.com/tender-nl/tender/pkg/date"
)

// Baseline is what a plan is compared with (tender plan --baseline): the
// dates a board was shown, per milestone id.
type Baseline struct {
	// Name is the baseline as given: a file, -, git:REV.
	Name  string
	Dates map[string]date.Date
	// Workdays counts the working days in (a, b] in the plan's calendar;
	// nil: the variance is in calendar days only.
	Workdays func(a, b date.Date) int
}

// Variance is a milestone's baseline date and its variance in calendar
// days (planned − baseline, positive when later), and whether the
// baseline has the milestone.
func (b *Baseline) Variance(id string, planned date.Date) (date.Date, int, bool) {
	d, ok := b.Dates[id]
	if !ok {
		return 0, 0, false
	}
	return d, int(planned - d), true
}

// varianceCells are the BASELINE and VARIANCE cells of a milestone: the
// baseline date, and the variance in calendar days with the working days
// beside it ("+7d (+5wd)"); · for none, — when the baseline lacks it.
func (b *Baseline) varianceCells(lang, id string, planned date.Date) (string, string) {
	d, v, ok := b.Variance(id, planned)
	if !ok {
		return markMissing, ""
	}
	cell := WeekdayDate(lang, d)
	if v == 0 {
		return cell, markSame
	}
	s := signed(v, "d")
	if b.Workdays != nil {
		s += " (" + signed(b.Workdays(d, planned), "wd") + ")"
	}
	return cell, s
}

// csvCells are the baseline and variance_days fields of -o csv: the date
// and the signed number of calendar days, empty when the baseline lacks
// the milestone.
func (b *Baseline) csvCells(id string, planned date.Date) (string, string) {
	d, v, ok := b.Variance(id, planned)
	if !ok {
		return "", ""
	}
	return d.String(), strconv.Itoa(v)
}
