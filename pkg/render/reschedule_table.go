package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/rules"
)

// RescheduleTable writes a reschedule for people: the moves, then every
// milestone with its date before and after and its shift in calendar and
// working days (a quiet · where it did not move), then the contract start
// before and after, and the findings that appear and disappear. When the
// move leaves no schedule, it says so (the command writes the conflict to
// stderr).
func RescheduleTable(w io.Writer, rs *Reschedule, opts Options) error {
	lang := opts.Lang
	dim := func(s string) string { return style(opts.Color, ansiDim, s) }
	fmt.Fprintln(w, style(opts.Color, ansiBold, tenderTitle(rs.Region, rs.Tender)))
	sub := T(lang, "reschedule.tender", rs.Tender.ID)
	if rs.Tender.Scenario != "" {
		sub += " · " + T(lang, "plan.scenario", rs.Tender.Scenario)
	}
	fmt.Fprintln(w, dim(sub+" · "+regionSource(rs.Region)))
	fmt.Fprintln(w)
	rescheduleMoves(w, rs, opts)
	fmt.Fprintln(w)
	if !rs.After.Feasible {
		fmt.Fprintln(w, "  "+style(opts.Color, ansiRed+ansiBold, T(lang, "reschedule.infeasible")))
		return nil
	}

	if err := writeTable(w, rescheduleHeader(lang), rescheduleRows(rs, opts), []tw.Align{left, left, left, right, right, left}); err != nil {
		return err
	}
	fmt.Fprintln(w)
	rescheduleContractStart(w, rs.ContractStart, opts)
	if lines := consequenceLines(lang, rs.Consequences); len(lines) > 0 {
		fmt.Fprintf(w, "  %s\n", T(lang, "diff.consequences"))
		for _, l := range lines {
			fmt.Fprintf(w, "    %s\n", l)
		}
	}
	findingList(w, lang, T(lang, "reschedule.added", len(rs.Added)), rs.Added)
	findingList(w, lang, T(lang, "reschedule.removed", len(rs.Removed)), rs.Removed)
	if len(rs.Added) == 0 && len(rs.Removed) == 0 {
		fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.nofindings"))
	}
	scenarioChanges(w, rs, opts)
	return nil
}

// rescheduleMoves writes the moves, each from its planned date (with the
// shift) to its new one, and the milestones kept.
func rescheduleMoves(w io.Writer, rs *Reschedule, opts Options) {
	lang := opts.Lang
	for _, mv := range rs.Moves {
		from := T(lang, "reschedule.noschedule")
		shift := ""
		if mv.From != nil {
			from = WeekdayDate(lang, *mv.From)
			for _, r := range rs.Rows {
				if r.ID == mv.Milestone && r.Shift != nil {
					shift = " (" + signed(r.Shift.Days, "d") + ", " + signed(r.Shift.Workdays, "wd") + ")"
				}
			}
		}
		fmt.Fprintf(w, "  %s: %s  %s → %s%s\n", T(lang, "reschedule.move"), style(opts.Color, ansiBold, mv.Milestone),
			from, WeekdayDate(lang, mv.To), shift)
	}
	if len(rs.Kept) > 0 {
		label := T(lang, "reschedule.keep")
		if len(rs.Kept) == 1 {
			label = T(lang, "reschedule.keep.one")
		}
		fmt.Fprintf(w, "  %s: %s\n", label, strings.Join(rs.Kept, ", "))
	}
}

func rescheduleHeader(lang string) []string {
	return []string{T(lang, "col.id"), T(lang, "reschedule.before"), T(lang, "reschedule.after"),
		T(lang, "reschedule.shift"), T(lang, "reschedule.workdays"), T(lang, "col.status")}
}

// rescheduleRows are the table's rows: a milestone's date before and
// after, its shift (a quiet · where it did not move, the new date in bold
// where it did) and whether it was moved, kept or is done.
func rescheduleRows(rs *Reschedule, opts Options) [][]string {
	lang := opts.Lang
	dim := func(s string) string { return style(opts.Color, ansiDim, s) }
	rows := make([][]string, 0, len(rs.Rows))
	for _, r := range rs.Rows {
		before, after, days, wd := dim(markMissing), dim(markMissing), "", ""
		if r.Before != nil {
			before = WeekdayDate(lang, *r.Before)
		}
		if r.After != nil {
			after = WeekdayDate(lang, *r.After)
		}
		switch {
		case r.Shift == nil:
		case r.Shift.IsZero():
			days, wd = dim(markSame), dim(markSame)
		default:
			days, wd = signed(r.Shift.Days, "d"), signed(r.Shift.Workdays, "wd")
			after = style(opts.Color, ansiBold, after)
		}
		rows = append(rows, []string{r.ID, before, after, days, wd, rescheduleStatus(r, lang)})
	}
	return rows
}

// rescheduleStatus is a row's status: moved, kept, done or nothing.
func rescheduleStatus(r RescheduleRow, lang string) string {
	switch {
	case r.Moved:
		return T(lang, "reschedule.moved")
	case r.Kept:
		return T(lang, "reschedule.kept")
	case r.Done:
		return T(lang, "status.done")
	}
	return ""
}

// rescheduleContractStart writes the contract start before and after, when
// the plan after the move has one.
func rescheduleContractStart(w io.Writer, cs *RescheduleRow, opts Options) {
	if cs == nil || cs.After == nil {
		return
	}
	lang := opts.Lang
	label := T(lang, "plan.contractstart")
	switch {
	case cs.Shift == nil:
		fmt.Fprintf(w, "  %s: %s\n", label, style(opts.Color, ansiBold, LongDate(lang, *cs.After)))
	case cs.Shift.IsZero():
		fmt.Fprintf(w, "  %s: %s (%s)\n", label, style(opts.Color, ansiBold, LongDate(lang, *cs.After)), T(lang, "reschedule.unchanged"))
	default:
		fmt.Fprintf(w, "  %s: %s → %s (%s)\n", label, LongDate(lang, *cs.Before),
			style(opts.Color, ansiBold, LongDate(lang, *cs.After)), signed(cs.Shift.Days, "d"))
	}
}

// scenarioChanges writes, for a move in the base, what it does to each
// scenario that it changes, and how many it leaves as they were.
func scenarioChanges(w io.Writer, rs *Reschedule, opts Options) {
	if len(rs.Scenarios) == 0 {
		return
	}
	lang := opts.Lang
	same := 0
	for i := range rs.Scenarios {
		if !rs.Scenarios[i].Changed() {
			same++
		}
	}
	if same < len(rs.Scenarios) {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.scenarios"))
	}
	for i := range rs.Scenarios {
		sc := &rs.Scenarios[i]
		if !sc.Changed() {
			continue
		}
		head := "    " + T(lang, "reschedule.scenario", style(opts.Color, ansiBold, sc.ID))
		switch {
		case sc.Broken():
			fmt.Fprintln(w, head+" "+style(opts.Color, ansiRed+ansiBold, T(lang, "reschedule.scenario.breaks")))
			continue
		case !sc.Before.Feasible:
			fmt.Fprintln(w, head+" "+T(lang, "reschedule.scenario.fixed"))
			continue
		}
		fmt.Fprintln(w, head)
		findingListIndent(w, lang, "      ", T(lang, "reschedule.added", len(sc.Added)), sc.Added)
		findingListIndent(w, lang, "      ", T(lang, "reschedule.removed", len(sc.Removed)), sc.Removed)
	}
	switch {
	case same == 1 && len(rs.Scenarios) == 1:
		fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.scenarios.allsame.one"))
	case same == len(rs.Scenarios):
		fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.scenarios.allsame", same))
	case same == 1:
		fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.scenarios.same.one"))
	case same > 1:
		fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.scenarios.same", same))
	}
}

// findingList writes a titled list of findings, one per line: severity,
// rule, milestone and message, and where it is.
func findingList(w io.Writer, lang, title string, fs []rules.Finding) {
	findingListIndent(w, lang, "  ", title, fs)
}

// findingListIndent is findingList with the title indented by indent (and
// the findings two spaces more).
func findingListIndent(w io.Writer, lang, indent, title string, fs []rules.Finding) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "%s%s\n", indent, title)
	// Padded to the language's widest severity, so that the lists of
	// findings that appear and disappear line up.
	width := 0
	for _, s := range []rules.Severity{rules.Error, rules.Warning, rules.Info} {
		width = max(width, displayWidth(SeverityName(lang, s)))
	}
	for _, f := range fs {
		what := FindingText(lang, f.Message)
		if f.Milestone != nil {
			what = *f.Milestone + ": " + what
		}
		where := ""
		if f.File != "" && f.Line > 0 {
			where = fmt.Sprintf(" (%s:%d)", f.File, f.Line)
		}
		sev := SeverityName(lang, f.Severity)
		fmt.Fprintf(w, "%s  %s%s  %s  %s%s\n", indent, sev, strings.Repeat(" ", width-displayWidth(sev)), f.Rule, strings.ReplaceAll(what, "\n", "\n    "+indent), where)
	}
}
