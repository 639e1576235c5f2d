package render

import (
	"fmt"
	"io"

	"github.com/tender-nl/tender/pkg/date"
)

// CalendarSum is the answer of tender calendar add: Date plus Sign ×
// Duration in a calendar.
type CalendarSum struct {
	Region   *string // nil: the default calendar
	Date     date.Date
	Sign     int
	Duration date.Duration
	Result   date.Date
}

// CalendarSumText writes the result alone, for scripts.
func CalendarSumText(w io.Writer, s *CalendarSum, _ Options) error {
	_, err := fmt.Fprintln(w, s.Result)
	return err
}

// CalendarSumJSON writes {"region", "date", "duration", "result"}, the
// duration with its sign.
func CalendarSumJSON(w io.Writer, s *CalendarSum) error {
	signed := "+" + s.Duration.String()
	if s.Sign < 0 {
		signed = "-" + s.Duration.String()
	}
	return writeJSON(w, struct {
		Region   *string   `json:"region"`
		Date     date.Date `json:"date"`
		Duration string    `json:"duration"`
		Result   date.Date `json:"result"`
	}{s.Region, s.Date, signed, s.Result})
}

// CalendarSpan is the answer of tender calendar between: the calendar
// and working days in (From, To].
type CalendarSpan struct {
	Region            *string // nil: the default calendar
	From, To          date.Date
	Days, WorkingDays int
}

// CalendarSpanText writes "10d 5wd", in the units of the region format.
func CalendarSpanText(w io.Writer, s *CalendarSpan, _ Options) error {
	_, err := fmt.Fprintf(w, "%dd %dwd\n", s.Days, s.WorkingDays)
	return err
}

// CalendarSpanJSON writes {"region", "from", "to", "days", "working_days"}.
func CalendarSpanJSON(w io.Writer, s *CalendarSpan) error {
	return writeJSON(w, struct {
		Region      *string   `json:"region"`
		From        date.Date `json:"from"`
		To          date.Date `json:"to"`
		Days        int       `json:"days"`
		WorkingDays int       `json:"working_days"`
	}{s.Region, s.From, s.To, s.Days, s.WorkingDays})
}
