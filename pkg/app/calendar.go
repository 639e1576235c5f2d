package app

import (
	"slices"
	"strings"
	"time"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
)

// CalendarRequest asks for the non-working days and meetings of a region
// (or of the default calendar) from From to To, both included. The dates
// are as the user typed them: YYYY-MM-DD or today (the App's Today).
type CalendarRequest struct {
	Region string // a region file, directory or id; "": the default calendar
	// From is --from ("": today), To is --to ("": a year after From).
	From, To string
	Weekends bool // list the weekend days too
}

// CalendarReport is one view per calendar listed.
type CalendarReport struct {
	Views []render.CalendarView
}

// Calendar lists the calendars of the region argument.
func (a *App) Calendar(req CalendarRequest) (*CalendarReport, error) {
	from := a.Today
	var err error
	if req.From != "" {
		if from, err = a.ParseDate("--from", req.From); err != nil {
			return nil, err
		}
	}
	to := from.AddMonths(12)
	if req.To != "" {
		if to, err = a.ParseDate("--to", req.To); err != nil {
			return nil, err
		}
	}
	if to < from {
		return nil, Usagef("--to %s is before --from %s", to, from)
	}
	ts, err := a.targets(req.Region)
	if err != nil {
		return nil, err
	}
	rep := &CalendarReport{Views: make([]render.CalendarView, 0, len(ts))}
	for _, t := range ts {
		rep.Views = append(rep.Views, t.view(from, to, req.Weekends))
	}
	return rep, nil
}

// ParseDate reads a date the user typed: YYYY-MM-DD, or today (the App's
// Today). what names it in the error: --from, DATE.
func (a *App) ParseDate(what, s string) (date.Date, error) {
	if s == "today" {
		return a.Today, nil
	}
	d, err := date.Parse(s)
	if err != nil {
		return 0, Usagef("invalid %s %q: %v", what, s, err)
	}
	return d, nil
}

// ParseSignedDuration reads a DUR argument: an optional sign (+ or -) and a
// duration of the region format: +3wd, -1mo, 20d. No sign means +.
func ParseSignedDuration(s string) (sign int, d date.Duration, err error) {
	t := strings.TrimSpace(s)
	sign = 1
	switch {
	case strings.HasPrefix(t, "+"):
		t = t[1:]
	case strings.HasPrefix(t, "-"):
		sign, t = -1, t[1:]
	case strings.HasPrefix(t, "−"): // U+2212 MINUS SIGN, as word processors write it
		sign, t = -1, t[len("−"):]
	}
	d, err = date.ParseDuration(strings.TrimSpace(t))
	if err != nil {
		return 0, date.Duration{}, err
	}
	return sign, d, nil
}

// CalendarAddRequest asks for Date plus Duration in a calendar, both as
// the user typed them.
type CalendarAddRequest struct {
	Region   string // "": the default calendar
	Date     string // YYYY-MM-DD or today
	Duration string // a signed duration (ParseSignedDuration)
}

// CalendarSum is the answer of CalendarAdd.
type CalendarSum = render.CalendarSum

// CalendarAdd computes a date as the planner computes "after: DATE + DUR".
func (a *App) CalendarAdd(req CalendarAddRequest) (*CalendarSum, error) {
	d, err := a.ParseDate("DATE", req.Date)
	if err != nil {
		return nil, err
	}
	sign, dur, err := ParseSignedDuration(req.Duration)
	if err != nil {
		return nil, Usagef("invalid DUR %q: %v", req.Duration, err)
	}
	t, err := a.oneTarget(req.Region)
	if err != nil {
		return nil, err
	}
	res := t.cal.Shift(d, sign, dur)
	if !res.InRange() {
		return nil, Usagef("%s %s is outside the years 1900–2199", d, req.Duration)
	}
	return &CalendarSum{Region: t.id(), Date: d, Sign: sign, Duration: dur, Result: res}, nil
}

// CalendarSpan is the answer of CalendarBetween: the days in (From, To].
type CalendarSpan = render.CalendarSpan

// CalendarBetweenRequest asks for the days between two dates, as the
// user typed them (YYYY-MM-DD or today).
type CalendarBetweenRequest struct {
	Region   string // "": the default calendar
	From, To string
}

// CalendarBetween counts the calendar and working days in (From, To].
func (a *App) CalendarBetween(req CalendarBetweenRequest) (*CalendarSpan, error) {
	from, err := a.ParseDate("DATE", req.From)
	if err != nil {
		return nil, err
	}
	to, err := a.ParseDate("DATE", req.To)
	if err != nil {
		return nil, err
	}
	t, err := a.oneTarget(req.Region)
	if err != nil {
		return nil, err
	}
	return &CalendarSpan{Region: t.id(), From: from, To: to, Days: int(to - from), WorkingDays: t.cal.WorkdaysBetween(from, to)}, nil
}

// target is one calendar to show or compute in.
type target struct {
	region *region.Region // nil: the default calendar
	cal    *calendar.Calendar
}

func (t target) id() *string {
	if t.region == nil {
		return nil
	}
	return &t.region.ID
}

// workdays are the working weekdays of the target; the default
// calendar's are a region's that lists none (Monday to Friday).
func (t target) workdays() []time.Weekday {
	if t.region == nil {
		return region.CalendarSpec{}.Weekdays()
	}
	return t.region.Calendar.Weekdays()
}

// targets resolves the region argument: the default calendar without one.
func (a *App) targets(arg string) ([]target, error) {
	if arg == "" {
		return []target{{cal: calendar.Legal()}}, nil
	}
	regions, err := a.Finder.Find([]string{arg})
	if err != nil {
		return nil, err
	}
	out := make([]target, 0, len(regions))
	for _, r := range regions {
		out = append(out, target{region: r, cal: a.Planner.RegionCalendar(r)})
	}
	return out, nil
}

// oneTarget is targets for the arithmetic, which needs exactly one
// calendar.
func (a *App) oneTarget(arg string) (target, error) {
	ts, err := a.targets(arg)
	if err != nil {
		return target{}, err
	}
	if len(ts) != 1 {
		var ids []string
		for _, t := range ts {
			ids = append(ids, t.region.ID)
		}
		if len(ts) == 0 {
			return target{}, Usagef("%s holds no region file: name one region", arg)
		}
		return target{}, Usagef("%s holds %d regions (%s): name one region", arg, len(ts), strings.Join(ids, ", "))
	}
	return ts[0], nil
}

func (t target) view(from, to date.Date, weekends bool) render.CalendarView {
	v := render.CalendarView{
		Region:      t.region,
		From:        from,
		To:          to,
		Workdays:    t.workdays(),
		Holidays:    t.region == nil || t.region.Calendar.Holidays != region.HolidaysNone,
		WorkingDays: t.cal.WorkdaysBetween(from-1, to),
	}
	for _, d := range t.cal.NonWorkdaysIn(from, to) {
		if d.Kind.Weekly() && !weekends {
			continue
		}
		v.Days = append(v.Days, d)
	}
	if t.region == nil {
		return v
	}
	for _, b := range t.region.Bodies {
		for _, d := range t.cal.MeetingsIn(b.ID, from, to) {
			v.Meetings = append(v.Meetings, render.CalendarEvent{Date: d, Body: b})
		}
	}
	// By date; bodies keep file order on a day (a stable sort).
	slices.SortStableFunc(v.Meetings, func(a, b render.CalendarEvent) int { return int(a.Date) - int(b.Date) })
	for _, b := range t.region.Bodies {
		for _, p := range b.Recess {
			if p.To >= from && p.From <= to {
				v.Recesses = append(v.Recesses, render.CalendarRecess{Body: b, Name: p.Name, From: p.From, To: p.To})
			}
		}
	}
	slices.SortStableFunc(v.Recesses, func(a, b render.CalendarRecess) int { return int(a.From) - int(b.From) })
	return v
}
