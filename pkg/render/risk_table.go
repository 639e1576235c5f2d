package render

import (
	"fmt"
	"io"
	"strconv"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/risk"
)

// RiskTable writes a risk report for people: a title, the milestones in
// planned date order with their planned date and P50, P80 and P95 (with the
// shift against the planned date), then every on date and dated before
// with the share of runs in which it holds, and notes: runs without a
// schedule, a tender without risks, a plan without a schedule.
func RiskTable(w io.Writer, rep *risk.Report, opts Options) error {
	lang := opts.Lang
	fmt.Fprintln(w, style(opts.Color, ansiBold, tenderTitle(rep.Region, rep.Tender)))
	sub := T(lang, "risk.sub", rep.Tender.ID, runsPhrase(lang, rep.Runs), strconv.FormatUint(rep.Seed, 10), plural(lang, "risk.risks", rep.Risks))
	if rep.Tender.Scenario != "" {
		sub += " · " + T(lang, "plan.scenario", rep.Tender.Scenario)
	}
	sub += " · " + rep.Region.Source
	fmt.Fprintln(w, style(opts.Color, ansiDim, sub))
	fmt.Fprintln(w)

	if err := riskMilestones(w, rep, opts); err != nil {
		return err
	}
	if len(rep.Fixed) > 0 {
		fmt.Fprintln(w)
		if err := riskFixed(w, rep, opts); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	note(w, T(lang, "risk.legend"), opts)
	if rep.Risks == 0 {
		fmt.Fprintln(w, "  "+T(lang, "risk.norisks"))
	}
	if rep.Unscheduled > 0 {
		fmt.Fprintln(w, "  "+T(lang, "risk.unscheduled", groupDigits(lang, rep.Unscheduled), groupDigits(lang, rep.Runs)))
	}
	if rep.Plan != nil && !rep.Plan.Feasible {
		fmt.Fprintln(w, "  "+style(opts.Color, ansiRed+ansiBold, T(lang, "risk.infeasible")))
	}
	return nil
}

// riskMilestones writes the table of the milestones: planned date, P50,
// P80 and P95. A name column only on a terminal wide enough for it: with
// three dates and their shifts, 100 columns leave no room for names that
// would not wrap; tender plan shows them.
func riskMilestones(w io.Writer, rep *risk.Report, opts Options) error {
	lang := opts.Lang
	header := []string{T(lang, "col.id"), T(lang, "risk.planned"), "P50", "P80", "P95"}
	align := []tw.Align{left, left, left, left, left}
	rows := make([][]string, 0, len(rep.Milestones))
	names := make([]string, 0, len(rep.Milestones))
	for _, m := range rep.Milestones {
		names = append(names, MilestoneName(lang, m.Milestone))
		planned := T(lang, "slack.none")
		if m.Planned != nil {
			planned = WeekdayDate(lang, *m.Planned)
		}
		row := []string{m.Milestone.ID, planned}
		for _, p := range []*date.Date{m.P50, m.P80, m.P95} {
			row = append(row, riskCell(lang, p, m.Planned))
		}
		rows = append(rows, row)
	}
	if nameRoom(header, rows, 1, opts) > 0 {
		header, rows = withColumn(header, rows, 1, T(lang, "col.name"), names)
		rows = wrapColumn(header, rows, 1, opts.Width)
		align = append(align, left)
	}
	return writeTable(w, header, rows, align)
}

// riskFixed writes the table of the fixed dates with the share of runs in
// which each holds, in red below 80% when in colour.
func riskFixed(w io.Writer, rep *risk.Report, opts Options) error {
	lang := opts.Lang
	rows := make([][]string, 0, len(rep.Fixed))
	for _, f := range rep.Fixed {
		share := percent(lang, f.Holds, rep.Runs)
		if opts.Color && f.Holds*5 < rep.Runs*4 { // below 80%: worth a second look
			share = style(true, ansiRed+ansiBold, share)
		}
		rows = append(rows, []string{f.Milestone.ID, FixedKindName(lang, f.Kind),
			WeekdayDate(lang, f.Date), share})
	}
	return writeTable(w, []string{T(lang, "col.id"), T(lang, "risk.fixed"), T(lang, "col.date"), T(lang, "risk.holds")},
		rows, []tw.Align{left, left, left, right})
}

// riskCell is a percentile date with its shift against the planned date:
// "2021-10-15 +14d", or "2021-10-01" when it is the planned date.
func riskCell(lang string, p, planned *date.Date) string {
	if p == nil {
		return T(lang, "risk.never")
	}
	s := p.String()
	if planned != nil && *p != *planned {
		s += fmt.Sprintf(" %+dd", int(*p-*planned))
	}
	return s
}

// groupDigits writes 10000 as 10,000 (10.000 in Dutch): tables and
// pictures are for people; JSON keeps plain numbers.
func groupDigits(lang string, n int) string {
	if n < 0 {
		return "-" + groupDigits(lang, -n)
	}
	sep := ","
	if langOr(lang) == "nl" {
		sep = "."
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
