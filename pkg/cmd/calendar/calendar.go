// Package calendar is `tender calendar`: the non-working days and meeting
// dates of a region in a range, and date arithmetic in its working days for
// scripts (`tender calendar add`, `tender calendar between`).
package calendar

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender calendar`.
type Options struct {
	cmdutil.ReportOptions
	Region   string // the REGION argument, or "" for the default calendar
	From, To string // as given; "" for the default range
	Weekends bool
}

// NewCmdCalendar builds the command and its subcommands add and between;
// runF replaces the listing's run in tests.
func NewCmdCalendar(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
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
			return cmdutil.Run(f, c, &opts.Output, opts, runF, runList)
		},
	}
	listPrinters.AddFlag(cmd)
	cmd.Flags().StringVar(&opts.From, "from", "", "first day of the range, YYYY-MM-DD or today (default --today)")
	cmd.Flags().StringVar(&opts.To, "to", "", "last day of the range, YYYY-MM-DD or today (default a year after --from)")
	cmd.Flags().BoolVar(&opts.Weekends, "weekends", false, "list the weekend days too")
	_ = cmd.RegisterFlagCompletionFunc("from", cobra.NoFileCompletions)
	_ = cmd.RegisterFlagCompletionFunc("to", cobra.NoFileCompletions)
	cmd.AddCommand(newCmdAdd(f, nil), newCmdBetween(f, nil))
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, false)
	return cmd
}

// listPrinters are the output formats of `tender calendar`.
var listPrinters = cmdutil.Printers[*app.CalendarReport]{
	cmdutil.Table("table", views, render.CalendarsTable),
	cmdutil.Data("json", views, render.CalendarsJSON),
}

func views(r *app.CalendarReport) []render.CalendarView { return r.Views }

func runList(opts *Options) error {
	rep, err := opts.App().Calendar(app.CalendarRequest{Region: opts.Region, From: opts.From, To: opts.To, Weekends: opts.Weekends})
	if err != nil {
		return err
	}
	return listPrinters.Report(opts.ReportOptions, rep, opts.Print())
}

// ---- tender calendar add ---------------------------------------------------

// AddOptions are the inputs of `tender calendar add`.
type AddOptions struct {
	cmdutil.ReportOptions
	Date     string
	Duration string
	Region   string
}

// newCmdAdd builds tender calendar add; runF replaces the run in tests.
func newCmdAdd(f *cmdutil.Factory, runF func(*AddOptions) error) *cobra.Command {
	opts := &AddOptions{ReportOptions: cmdutil.NewReportOptions(f)}
	var negative *cmdutil.NegativeArgs // -5wd is a DUR, not the flag -5
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
			if given := negative.Given(); len(given) > 1 {
				return cmdutil.UsageErrorf("give one DUR, not %s", strings.Join(given, " and "))
			}
			if n := len(args) + len(negative.Given()); n < 2 || n > 3 {
				// Usage errors are English (README, "In Dutch"), so not
				// the catalogues' plural.
				what := "arguments"
				if n == 1 {
					what = "argument"
				}
				return cmdutil.UsageErrorf("tender calendar add takes DATE DUR [REGION], not %d %s", n, what)
			}
			return nil
		},
		RunE: func(c *cobra.Command, args []string) error {
			if given := negative.Given(); len(given) == 1 {
				// DUR is the second argument, wherever the flag parser found it.
				args = append([]string{args[0], given[0]}, args[1:]...)
			}
			opts.Date, opts.Duration = args[0], args[1]
			if len(args) == 3 {
				opts.Region = args[2]
			}
			return cmdutil.Run(f, c, &opts.Output, opts, runF, runAdd)
		},
	}
	addPrinters.AddFlag(cmd)
	negative = cmdutil.AllowNegativeArgs(cmd, "duration")
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 2, false)
	return cmd
}

// addPrinters are the output formats of `tender calendar add`.
var addPrinters = cmdutil.Printers[*app.CalendarSum]{
	cmdutil.Table("text", cmdutil.Whole[*app.CalendarSum], render.CalendarSumText),
	cmdutil.Data("json", cmdutil.Whole[*app.CalendarSum], render.CalendarSumJSON),
}

func runAdd(opts *AddOptions) error {
	sum, err := opts.App().CalendarAdd(app.CalendarAddRequest{Region: opts.Region, Date: opts.Date, Duration: opts.Duration})
	if err != nil {
		return err
	}
	return addPrinters.Report(opts.ReportOptions, sum, opts.Print())
}

// ---- tender calendar between -----------------------------------------------

// BetweenOptions are the inputs of `tender calendar between`.
type BetweenOptions struct {
	cmdutil.ReportOptions
	From   string
	To     string
	Region string
}

// newCmdBetween builds tender calendar between; runF replaces the run in
// tests.
func newCmdBetween(f *cmdutil.Factory, runF func(*BetweenOptions) error) *cobra.Command {
	opts := &BetweenOptions{ReportOptions: cmdutil.NewReportOptions(f)}
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
			return cmdutil.Run(f, c, &opts.Output, opts, runF, runBetween)
		},
	}
	betweenPrinters.AddFlag(cmd)
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 2, false)
	return cmd
}

// betweenPrinters are the output formats of `tender calendar between`.
var betweenPrinters = cmdutil.Printers[*app.CalendarSpan]{
	cmdutil.Table("text", cmdutil.Whole[*app.CalendarSpan], render.CalendarSpanText),
	cmdutil.Data("json", cmdutil.Whole[*app.CalendarSpan], render.CalendarSpanJSON),
}

func runBetween(opts *BetweenOptions) error {
	span, err := opts.App().CalendarBetween(app.CalendarBetweenRequest{Region: opts.Region, From: opts.From, To: opts.To})
	if err != nil {
		return err
	}
	return betweenPrinters.Report(opts.ReportOptions, span, opts.Print())
}
