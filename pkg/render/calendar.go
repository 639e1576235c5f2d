package render

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// CalendarView is what tender calendar shows of one calendar in a range:
// its non-working days and the meetings of its bodies.
type CalendarView struct {
	// Region is nil for the default calendar (Monday to Friday with the
	// Dutch legal holidays).
	Region      *region.Region
	From, To    date.Date // both inclusive
	Workdays    []time.Weekday
	Holidays    bool
	WorkingDays int             // working days in From … To
	Days        []calendar.Day  // the non-working days listed, in date order
	Meetings    []CalendarEvent // in date order, bodies in file order on a day
	// Recesses are the bodies' recess periods that overlap From … To, as
	// written, by start date (bodies in file order on a day).
	Recesses []CalendarRecess
}

// CalendarRecess is a period in which a body does not meet.
type CalendarRecess struct {
	Body     *region.Body
	Name     string
	From, To date.Date
}

// CalendarEvent is one meeting of a body.
type CalendarEvent struct {
	Date date.Date
	Body *region.Body
}

// DayKindID is the JSON word of a non-working day's kind.
func DayKindID(d calendar.Day) string {
	switch d.Kind {
	case calendar.KindHoliday:
		return "holiday"
	case calendar.KindClosed:
		return "closed"
	case calendar.KindWeekend:
		return "weekend"
	}
	return "non-working-weekday"
}

type calendarsJSON struct {
	Calendars []calendarJSON `json:"calendars"`
}

type calendarJSON struct {
	Region         *string         `json:"region"`
	From           date.Date       `json:"from"`
	To             date.Date       `json:"to"`
	Workdays       []string        `json:"workdays"`
	Holidays       region.Holidays `json:"holidays"`
	WorkingDays    int             `json:"working_days"`
	NonWorkingDays []dayJSON       `json:"non_working_days"`
	Meetings       []meetingJSON   `json:"meetings"`
	Recesses       []recessJSON    `json:"recesses"`
}

type recessJSON struct {
	Body string    `json:"body"`
	Name string    `json:"name"`
	From date.Date `json:"from"`
	To   date.Date `json:"to"`
}

type dayJSON struct {
	Date date.Date `json:"date"`
	Kind string    `json:"kind"`
	Name *string   `json:"name"`
}

type meetingJSON struct {
	Date date.Date `json:"date"`
	Body string    `json:"body"`
	Name string    `json:"name"`
}

// CalendarsJSON writes {"calendars": [...]}.
func CalendarsJSON(w io.Writer, views []CalendarView) error {
	out := calendarsJSON{Calendars: make([]calendarJSON, 0, len(views))}
	for _, v := range views {
		c := calendarJSON{
			From: v.From, To: v.To, WorkingDays: v.WorkingDays, Holidays: region.HolidaysNone,
			Workdays: make([]string, 0, len(v.Workdays)), NonWorkingDays: make([]dayJSON, 0, len(v.Days)),
			Meetings: make([]meetingJSON, 0, len(v.Meetings)), Recesses: make([]recessJSON, 0, len(v.Recesses)),
		}
		if v.Region != nil {
			c.Region = &v.Region.ID
		}
		if v.Holidays {
			c.Holidays = region.HolidaysNL
		}
		for _, wd := range v.Workdays {
			c.Workdays = append(c.Workdays, date.WeekdayName(wd))
		}
		for _, d := range v.Days {
			e := dayJSON{Date: d.Date, Kind: DayKindID(d)}
			if !d.Kind.Weekly() {
				e.Name = &d.Name
			}
			c.NonWorkingDays = append(c.NonWorkingDays, e)
		}
		for _, m := range v.Meetings {
			c.Meetings = append(c.Meetings, meetingJSON{Date: m.Date, Body: m.Body.ID, Name: m.Body.Name})
		}
		for _, r := range v.Recesses {
			c.Recesses = append(c.Recesses, recessJSON{Body: r.Body.ID, Name: r.Name, From: r.From, To: r.To})
		}
		out.Calendars = append(out.Calendars, c)
	}
	return writeJSON(w, out)
}

// CalendarsTable writes each calendar as a block: a title, a line on its
// working days, a table of the non-working days and one of the meetings.
func CalendarsTable(w io.Writer, views []CalendarView, opts Options) error {
	for i, v := range views {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := calendarBlock(w, v, opts); err != nil {
			return err
		}
	}
	return nil
}

// calendarBlock writes one calendar of CalendarsTable: the title and the
// summary, the non-working days and, for a region with bodies, the
// meetings and the recesses.
func calendarBlock(w io.Writer, v CalendarView, opts Options) error {
	l := opts.Lang
	title := T(l, "calendar.default")
	if v.Region != nil {
		title = v.Region.Name
	}
	fmt.Fprintln(w, style(opts.Color, ansiBold, title))
	sub := T(l, "calendar.range", v.From.String(), v.To.String())
	if v.Region != nil {
		sub += " · " + SourceName(l, v.Region)
	}
	fmt.Fprintln(w, style(opts.Color, ansiDim, sub))
	var days []string
	for _, wd := range v.Workdays {
		days = append(days, weekdayShort[langOr(l)][wd])
	}
	hol := T(l, "calendar.holidays.none")
	if v.Holidays {
		hol = T(l, "calendar.holidays.nl")
	}
	fmt.Fprintln(w, T(l, "calendar.summary", strings.Join(days, " "), hol, v.WorkingDays))
	fmt.Fprintln(w)
	if len(v.Days) == 0 {
		fmt.Fprintln(w, "  "+T(l, "calendar.nodays"))
	} else if err := writeClipped(w, []string{T(l, "col.date"), T(l, "col.kind"), T(l, "col.name")}, calendarDays(v, l), 2, opts.width()); err != nil {
		return err
	}
	if v.Region == nil || len(v.Region.Bodies) == 0 {
		return nil
	}
	fmt.Fprintln(w)
	if len(v.Meetings) == 0 {
		fmt.Fprintln(w, "  "+T(l, "calendar.nomeetings"))
	} else {
		rows := make([][]string, 0, len(v.Meetings))
		for _, m := range v.Meetings {
			rows = append(rows, []string{WeekdayDate(l, m.Date), m.Body.ID, m.Body.Name})
		}
		header := []string{T(l, "col.date"), T(l, "col.body"), T(l, "col.name")}
		if err := writeClipped(w, header, rows, 2, opts.width()); err != nil {
			return err
		}
	}
	if len(v.Recesses) == 0 {
		return nil
	}
	// The recesses: periods in which a body does not meet.
	fmt.Fprintln(w)
	rows := make([][]string, 0, len(v.Recesses))
	for _, r := range v.Recesses {
		rows = append(rows, []string{WeekdayDate(l, r.From), WeekdayDate(l, r.To), r.Body.ID, r.Name})
	}
	header := []string{T(l, "col.from"), T(l, "col.to"), T(l, "col.body"), T(l, "col.recess")}
	return writeClipped(w, header, rows, 3, opts.width())
}

// calendarDays are the rows of the non-working days: date, kind and the
// name of a day that is not a weekend day.
func calendarDays(v CalendarView, l string) [][]string {
	rows := make([][]string, 0, len(v.Days))
	for _, d := range v.Days {
		rows = append(rows, []string{WeekdayDate(l, d.Date), T(l, "daykind."+DayKindID(d)), d.Name})
	}
	return rows
}

// writeClipped writes a table with every column left aligned and column
// col clipped to fit width (see clipColumn).
func writeClipped(w io.Writer, header []string, rows [][]string, col, width int) error {
	clipColumn(header, rows, col, width)
	align := make([]tw.Align, len(header))
	for i := range align {
		align[i] = left
	}
	return writeTable(w, header, rows, align)
}

// clipColumn cuts column col of rows so that the table fits width
// columns (the terminal's, or 100), counting two spaces between columns;
// cut text ends in an ellipsis. The column keeps at least 20 characters.
func clipColumn(header []string, rows [][]string, col, width int) {
	const minWidth = 20
	limit := max(room(header, rows, col, width), minWidth)
	for _, r := range rows {
		if rs := []rune(r[col]); len(rs) > limit {
			r[col] = string(rs[:limit-1]) + "…"
		}
	}
}

// SourceName is where a region came from, for people: its file, or for a
// built-in region "built-in/ID.yaml" in the words of lang.
func SourceName(lang string, r *region.Region) string {
	if r.BuiltIn {
		return T(lang, "source.builtin", r.ID)
	}
	return r.Source
}
