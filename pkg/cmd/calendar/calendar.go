// Package calendar is `tender calendar`: the non-working days and meeting
// dates of a region in a range, and date arithmetic in its working days for
// scripts (`tender calendar add`, `tender calendar between`).
package calendar

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Options are the inputs of `tender calendar`.
type Options struct {
	Factory  *cmdutil.Factory
	Region   string // the REGION argument, or "" for the default calendar
	From, To string // as given; "" for the default range
	Weekends bool
	Output   string
}

// NewCmdCalendar builds the command and its subcommands add and between;
// runF replaces the listing's run in tests.
func NewCmdCalendar(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "calendar [REGION]",
		Short: "List the non-working days and meeting dates of a region; date arithmetic for scripts",
		Long: `Lists the non-working days of a region's calendar in a range: the Dutch
legal holidays (Algemene termijnenwet, with the days equated to them) and
the region's closed periods, with their names, and the meeting dates of
each of its governing bodies. Weekends (and any other weekday that is not a
working day of the region) are left out unless --weekends is given. The range is --from to --to, both inclusive (default: --today to a
year later).

REGION is a region file, - for standard input, or a region id (as for tender
plan); a directory lists each region in it. Without REGION: the default
calendar, Monday to Friday without the Dutch legal holidays.

The subcommands do date arithmetic in the same working days, for scripts:
tender calendar add DATE DUR [REGION] and tender calendar between DATE DATE
[REGION] print a plain value on stdout. Every DATE may also be "today".

A region whose id is add or between is listed by its file name:
tender calendar regions/add.yaml.`,
		Example: `  tender calendar
  tender calendar achterhoek --from 2021-01-01 --to 2021-12-31
  tender calendar regions/twente.yaml --weekends -o json
  tender calendar add 2026-04-24 +5wd
  tender calendar between 2026-04-24 2026-05-04 achterhoek`,
		Args: func(c *cobra.Command, args []string) error {
			if len(args) > 1 {
				return cmdutil.UsageErrorf("%q is not a subcommand of tender calendar (use add or between), and the listing takes one REGION", args[0])
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.Region = args[0]
			}
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			if runF != nil {
				return runF(opts)
			}
			return runList(opts)
		},
	}
	cmdutil.OutputFlag(cmd, "table", "json")
	cmd.Flags().StringVar(&opts.From, "from", "", "first day of the range, YYYY-MM-DD or today (default --today)")
	cmd.Flags().StringVar(&opts.To, "to", "", "last day of the range, YYYY-MM-DD or today (default a year after --from)")
	cmd.Flags().BoolVar(&opts.Weekends, "weekends", false, "list the weekend days too")
	_ = cmd.RegisterFlagCompletionFunc("from", cobra.NoFileCompletions)
	_ = cmd.RegisterFlagCompletionFunc("to", cobra.NoFileCompletions)
	cmd.AddCommand(newCmdAdd(f), newCmdBetween(f))
	return cmd
}

// parseDate reads a DATE argument or flag: YYYY-MM-DD, or today.
func parseDate(f *cmdutil.Factory, what, s string) (date.Date, error) {
	if s == "today" {
		return today(f), nil
	}
	d, err := date.Parse(s)
	if err != nil {
		return 0, cmdutil.UsageErrorf("invalid %s %q: %v", what, s, err)
	}
	return d, nil
}

func today(f *cmdutil.Factory) date.Date {
	if f.Settings != nil && f.Settings.Today != 0 {
		return f.Settings.Today
	}
	return date.FromTime(f.Now())
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

// defaultCalendar is the calendar without REGION: Monday to Friday with
// the Dutch legal holidays, no closed periods, no bodies.
var defaultWorkdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}

// target is one calendar to show or compute in.
type target struct {
	region *region.Region // nil: the default calendar
	cal    *calendar.Calendar
}

func (t target) workdays() []time.Weekday {
	if t.region == nil || len(t.region.Calendar.Workdays) == 0 {
		return defaultWorkdays
	}
	var out []time.Weekday
	for _, w := range t.region.Calendar.Workdays {
		if d, err := date.ParseWeekday(w); err == nil {
			out = append(out, d)
		}
	}
	// Monday first, as people read a week.
	slices.SortFunc(out, func(a, b time.Weekday) int { return (int(a)+6)%7 - (int(b)+6)%7 })
	return out
}

// targets resolves the REGION argument: the default calendar without one.
func targets(f *cmdutil.Factory, arg string) ([]target, error) {
	if arg == "" {
		return []target{{cal: calendar.Legal()}}, nil
	}
	regions, err := f.Finder().Find([]string{arg})
	if err != nil {
		return nil, err
	}
	out := make([]target, 0, len(regions))
	for _, r := range regions {
		out = append(out, target{region: r, cal: timeline.RegionCalendar(r)})
	}
	return out, nil
}

// oneTarget is targets for the arithmetic subcommands, which need exactly
// one calendar.
func oneTarget(f *cmdutil.Factory, arg string) (target, error) {
	ts, err := targets(f, arg)
	if err != nil {
		return target{}, err
	}
	if len(ts) != 1 {
		var ids []string
		for _, t := range ts {
			ids = append(ids, t.region.ID)
		}
		if len(ts) == 0 {
			return target{}, cmdutil.UsageErrorf("%s holds no region file: name one region", arg)
		}
		return target{}, cmdutil.UsageErrorf("%s holds %d regions (%s): name one region", arg, len(ts), strings.Join(ids, ", "))
	}
	return ts[0], nil
}

func runList(opts *Options) error {
	f := opts.Factory
	from := today(f)
	var err error
	if opts.From != "" {
		if from, err = parseDate(f, "--from", opts.From); err != nil {
			return err
		}
	}
	to := from.AddMonths(12)
	if opts.To != "" {
		if to, err = parseDate(f, "--to", opts.To); err != nil {
			return err
		}
	}
	if to < from {
		return cmdutil.UsageErrorf("--to %s is before --from %s", to, from)
	}
	ts, err := targets(f, opts.Region)
	if err != nil {
		return err
	}
	views := make([]render.CalendarView, 0, len(ts))
	for _, t := range ts {
		views = append(views, view(t, from, to, opts.Weekends))
	}
	ios := f.IOStreams
	if opts.Output == "json" {
		return render.CalendarsJSON(ios.Out, views)
	}
	if ios.Quiet {
		return nil
	}
	return render.CalendarsTable(ios.Out, views, f.RenderOptions())
}

func view(t target, from, to date.Date, weekends bool) render.CalendarView {
	v := render.CalendarView{
		Region:      t.region,
		From:        from,
		To:          to,
		Workdays:    t.workdays(),
		Holidays:    t.region == nil || t.region.Calendar.Holidays != "none",
		WorkingDays: t.cal.WorkdaysBetween(from-1, to),
	}
	for _, d := range t.cal.NonWorkdaysIn(from, to) {
		if d.Kind == calendar.KindWeekend && !weekends {
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

// ---- tender calendar add ---------------------------------------------------

// AddOptions are the inputs of `tender calendar add`.
type AddOptions struct {
	Factory  *cmdutil.Factory
	Date     string
	Duration string
	Region   string
	Output   string

	negative []string // negative DURs caught by the flag parser (negativeDuration)
}

// negativeDuration lets "tender calendar add 2026-05-04 -5wd" work without
// "--": the flag parser reads -5wd as the shorthand flag -5 with the value
// wd, so add has a hidden flag for each digit that hands the text back as
// the DUR argument.
type negativeDuration struct {
	digit byte
	got   *[]string
}

func (n *negativeDuration) Set(v string) error {
	*n.got = append(*n.got, "-"+string(n.digit)+v)
	return nil
}
func (n *negativeDuration) String() string { return "" }
func (n *negativeDuration) Type() string   { return "string" }

func newCmdAdd(f *cmdutil.Factory) *cobra.Command {
	opts := &AddOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "add DATE DUR [REGION]",
		Short: "Print DATE plus or minus a duration in the region's working days",
		Long: `Prints DATE + DUR as YYYY-MM-DD, computed as the planner computes
"after: DATE + DUR", in the calendar of REGION (default: Monday to Friday
without the Dutch legal holidays).

DUR is a duration of the region format with an optional sign: +3wd (the
third working day after DATE), -1mo, 20d; no sign means +. Units: d
(calendar days), w (weeks), wd (working days, never counting DATE itself),
mo (months, clamped to the month's end), y (years). DATE may be "today".

A negative DUR is not mistaken for a flag:
tender calendar add 2026-05-04 -5wd works as it reads.`,
		Example: `  tender calendar add 2026-04-24 +5wd
  tender calendar add 2021-01-31 1mo
  tender calendar add today +10wd achterhoek
  tender calendar add 2026-05-04 -5wd -o json`,
		Args: func(c *cobra.Command, args []string) error {
			if len(opts.negative) > 1 {
				return cmdutil.UsageErrorf("give one DUR, not %s", strings.Join(opts.negative, " and "))
			}
			if n := len(args) + len(opts.negative); n < 2 || n > 3 {
				return cmdutil.UsageErrorf("tender calendar add takes DATE DUR [REGION], not %s", cmdutil.Plural(n, "argument"))
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if len(opts.negative) == 1 {
				// DUR is the second argument, wherever the flag parser found it.
				args = append([]string{args[0], opts.negative[0]}, args[1:]...)
			}
			opts.Date, opts.Duration = args[0], args[1]
			if len(args) == 3 {
				opts.Region = args[2]
			}
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			return runAdd(opts)
		},
	}
	cmdutil.OutputFlag(cmd, "text", "json")
	for d := byte('0'); d <= '9'; d++ {
		fl := cmd.Flags().VarPF(&negativeDuration{digit: d, got: &opts.negative}, "negative-duration-"+string(d), string(d), "")
		fl.Hidden = true
	}
	return cmd
}

func runAdd(opts *AddOptions) error {
	f := opts.Factory
	d, err := parseDate(f, "DATE", opts.Date)
	if err != nil {
		return err
	}
	sign, dur, err := ParseSignedDuration(opts.Duration)
	if err != nil {
		return cmdutil.UsageErrorf("invalid DUR %q: %v", opts.Duration, err)
	}
	t, err := oneTarget(f, opts.Region)
	if err != nil {
		return err
	}
	res := t.cal.Shift(d, sign, dur)
	if !res.InRange() {
		return cmdutil.UsageErrorf("%s %s is outside the years 1900–2199", d, opts.Duration)
	}
	ios := f.IOStreams
	if opts.Output == "json" {
		signed := "+" + dur.String()
		if sign < 0 {
			signed = "-" + dur.String()
		}
		return writeJSON(ios.Out, struct {
			Region   *string   `json:"region"`
			Date     date.Date `json:"date"`
			Duration string    `json:"duration"`
			Result   date.Date `json:"result"`
		}{regionID(t), d, signed, res})
	}
	if ios.Quiet {
		return nil
	}
	_, err = fmt.Fprintln(ios.Out, res)
	return err
}

func regionID(t target) *string {
	if t.region == nil {
		return nil
	}
	return &t.region.ID
}

// ---- tender calendar between -----------------------------------------------

// BetweenOptions are the inputs of `tender calendar between`.
type BetweenOptions struct {
	Factory *cmdutil.Factory
	From    string
	To      string
	Region  string
	Output  string
}

func newCmdBetween(f *cmdutil.Factory) *cobra.Command {
	opts := &BetweenOptions{Factory: f}
	cmd := &cobra.Command{
		Use:   "between DATE DATE [REGION]",
		Short: "Print the calendar days and working days between two dates",
		Long: `Prints the number of calendar days and of working days between two
dates, counted in (first, second]: after the first date, up to and
including the second, in the calendar of REGION (default: Monday to Friday
without the Dutch legal holidays). The answer is one line, "10d 5wd", in
the units of the region format; when the second date is before the first,
both numbers are negative. Either DATE may be "today".

So "tender calendar add A +Nwd" is B exactly when B is a working day and
"tender calendar between A B" says Nwd.`,
		Example: `  tender calendar between 2026-04-24 2026-05-04
  tender calendar between today 2027-01-01 achterhoek -o json`,
		Args: cobra.RangeArgs(2, 3),
		RunE: func(c *cobra.Command, args []string) error {
			opts.From, opts.To = args[0], args[1]
			if len(args) == 3 {
				opts.Region = args[2]
			}
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			return runBetween(opts)
		},
	}
	cmdutil.OutputFlag(cmd, "text", "json")
	return cmd
}

func runBetween(opts *BetweenOptions) error {
	f := opts.Factory
	a, err := parseDate(f, "DATE", opts.From)
	if err != nil {
		return err
	}
	b, err := parseDate(f, "DATE", opts.To)
	if err != nil {
		return err
	}
	t, err := oneTarget(f, opts.Region)
	if err != nil {
		return err
	}
	days, work := int(b-a), t.cal.WorkdaysBetween(a, b)
	ios := f.IOStreams
	if opts.Output == "json" {
		return writeJSON(ios.Out, struct {
			Region      *string   `json:"region"`
			From        date.Date `json:"from"`
			To          date.Date `json:"to"`
			Days        int       `json:"days"`
			WorkingDays int       `json:"working_days"`
		}{regionID(t), a, b, days, work})
	}
	if ios.Quiet {
		return nil
	}
	_, err = fmt.Fprintf(ios.Out, "%dd %dwd\n", days, work)
	return err
}

// writeJSON writes v indented, with a final newline, without HTML escaping.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
