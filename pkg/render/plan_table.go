package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The plan table fits the width of Options: the name column takes what the
// other columns leave, so a name is shown in full whenever it fits; a longer
// one wraps onto a second line and is then cut with an ellipsis (the full
// name is in every other format). The name column never gets less than
// minNameWidth, so on a very narrow terminal the table is wider than asked.
const (
	minNameWidth = 17
	maxNameLines = 2
)

// ANSI styles, used only when Options.Color is set.
const (
	ansiBold  = "\x1b[1m"
	ansiRed   = "\x1b[31m"
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

func style(on bool, code, s string) string {
	if !on || s == "" {
		return s
	}
	return code + s + ansiReset
}

// PlanTable writes each plan as a block made to be read aloud at a board
// meeting: a title with the region and tender, the milestones in date order
// with weekday, and under them the span and the contract start.
func PlanTable(w io.Writer, plans []Plan, opts Options) error {
	lang := opts.Lang
	for i, p := range plans {
		if i > 0 {
			fmt.Fprintln(w)
		}
		r := p.Result
		fmt.Fprintln(w, style(opts.Color, ansiBold, tenderTitle(p.Region, p.Tender)))
		fmt.Fprintln(w, style(opts.Color, ansiDim, tenderLine(lang, p, plain, plain)))
		if s := participantsLine(lang, r); s != "" {
			// A long list wraps on a terminal, between two names.
			for _, l := range wrapped(s, ", ", opts.Width, "", "  ") {
				fmt.Fprintln(w, style(opts.Color, ansiDim, l))
			}
		}
		fmt.Fprintln(w)
		if !r.Feasible {
			fmt.Fprintln(w, "  "+style(opts.Color, ansiRed+ansiBold, T(lang, "plan.infeasible")))
			continue
		}
		if err := milestoneTable(w, p, opts); err != nil {
			return err
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "  "+T(lang, "plan.legend"))
		for _, f := range planFacts(p, lang) {
			switch {
			case f.label == "":
				fmt.Fprintf(w, "  %s\n", f.value)
			case f.strong:
				fmt.Fprintf(w, "  %s: %s\n", f.label, style(opts.Color, ansiBold, f.value))
			default:
				fmt.Fprintf(w, "  %s: %s\n", f.label, f.value)
			}
		}
	}
	return nil
}

// planFact is one line of the summary under a plan's table: a label and
// its value (strong: shown in bold), or a value alone.
type planFact struct {
	label, value string
	strong       bool
}

// planFacts are the lines under a plan's table, for the table, the
// Markdown and the HTML: the span, the contract start, the contract the
// tender replaces with the latest publication date that keeps it, and the
// open findings.
func planFacts(p Plan, lang string) []planFact {
	r := p.Result
	var out []planFact
	if len(r.Milestones) > 0 {
		first, last := r.Start, r.End
		out = append(out, planFact{T(lang, "plan.span"), T(lang, "plan.span.value", LongDate(lang, first), LongDate(lang, last), int(last-first)), true})
	}
	for _, m := range r.Milestones {
		if m.Milestone.Kind == region.KindContractStart {
			out = append(out, planFact{T(lang, "plan.contractstart"), LongDate(lang, m.Date), true})
		}
	}
	if s := contractLine(lang, r); s != "" {
		out = append(out, planFact{value: s})
		if m := latestPublication(r); m != nil {
			out = append(out, planFact{T(lang, "plan.publishby"), LongDate(lang, *m.Latest), true})
		}
	}
	if p.Findings != nil {
		out = append(out, planFact{label: T(lang, "plan.findings"), value: p.Findings.Summary(lang)})
	}
	return out
}

// tenderLine is the line under a plan's title, in the words of lang: the
// tender's id, its procedure and schedule, the scenario if any, and the
// file. code writes an id or scenario name, text a word (markdown quotes
// the one and escapes the other).
func tenderLine(lang string, p Plan, code, text func(string) string) string {
	r := p.Result
	sub := T(lang, "plan.tender", code(p.Tender.ID), text(ProcedureName(lang, p.Tender.Procedure)), text(ScheduleName(lang, r.Schedule)))
	if r.Scenario != "" {
		sub += " · " + T(lang, "plan.scenario", code(r.Scenario))
	}
	return sub + " · " + text(SourceName(lang, p.Region))
}

func plain(s string) string { return s }

// contractLine says which contract the tender replaces, when it ends, and
// by when the next extension option must be decided: "Replaces contract
// jeugd-2022 (Raamovereenkomsten jeugdhulp 2022): ends Wed 31 Dec 2025;
// option 1 (1y) to be decided by Mon 30 Jun 2025". "" when it replaces
// none.
func contractLine(lang string, r *timeline.Result) string {
	c := r.Contract
	if c == nil {
		return ""
	}
	name := c.Name
	if name == "" {
		name = c.ID
	}
	s := T(lang, "plan.contract", c.ID, name, LongDate(lang, c.End()))
	if ns := c.Notices(); len(ns) > 0 {
		return s + "; " + T(lang, "plan.contract.next", ns[0].Option, ns[0].Length, LongDate(lang, ns[0].Deadline))
	}
	return s + "; " + T(lang, "plan.contract.none")
}

// latestPublication is the first publication of the plan when it has a
// latest date: under alap, the latest date to publish that still lets the
// new contracts start when the old ones end.
func latestPublication(r *timeline.Result) *timeline.Planned {
	for i := range r.Milestones {
		if m := &r.Milestones[i]; m.Milestone.Kind == region.KindPublication {
			if m.Latest == nil {
				return nil
			}
			return m
		}
	}
	return nil
}

// participantsLine names the municipalities that take part in a tender of
// part of the region, with their number: "Municipalities: Assen, Tynaarlo
// (2 of 12)". A tender of the whole region gets no line ("": the header
// stays as it always was).
func participantsLine(lang string, r *timeline.Result) string {
	n := len(r.Municipalities)
	if n == 0 || n >= r.RegionMunicipalities {
		return ""
	}
	return T(lang, "plan.municipalities.some", strings.Join(r.Municipalities, ", "), n, r.RegionMunicipalities)
}

func milestoneTable(w io.Writer, p Plan, opts Options) error {
	lang := opts.Lang
	r := p.Result
	header := []string{"", T(lang, "col.date"), T(lang, "col.id"), T(lang, "col.name"), T(lang, "col.kind"),
		T(lang, "col.earliest"), T(lang, "col.latest"), T(lang, "col.slack")}
	align := []tw.Align{left, left, left, left, left, left, left, right}
	if p.Baseline != nil {
		header = append(header, T(lang, "col.baseline"), T(lang, "col.variance"))
		align = append(align, left, right)
	}
	rows := make([][]string, 0, len(r.Milestones))
	for _, m := range r.Milestones {
		row := []string{mark(m), dateCell(m, opts), idCell(m, opts), MilestoneName(lang, m.Milestone),
			KindShort(lang, m.Milestone.Kind), m.Earliest.String(), latestCell(m, lang), slackCell(m, lang)}
		if p.Baseline != nil {
			b, v := p.Baseline.varianceCells(lang, m.Milestone.ID, m.Date)
			row = append(row, b, v)
		}
		rows = append(rows, row)
	}
	return writeTable(w, header, wrapColumn(header, rows, 3, opts.width()), align)
}

// mark is the narrow first column: * critical, ✓ done, ■ fixed (on or
// moved); the legend under the table explains them.
func mark(m timeline.Planned) string {
	s := ""
	if m.Critical {
		s = "*"
	}
	switch {
	case m.Done:
		s += "✓"
	case m.Fixed:
		s += "■"
	}
	return s
}

func dateCell(m timeline.Planned, opts Options) string {
	when := WeekdayDate(opts.Lang, m.Date)
	switch {
	case m.Milestone.Kind == region.KindContractStart:
		return style(opts.Color, ansiBold+ansiRed, when)
	case m.Critical:
		return style(opts.Color, ansiBold, when)
	}
	return when
}

func idCell(m timeline.Planned, opts Options) string {
	return style(opts.Color && m.Critical, ansiBold, m.Milestone.ID)
}

func latestCell(m timeline.Planned, lang string) string {
	if m.Latest == nil {
		return T(lang, "slack.none")
	}
	return m.Latest.String()
}

func slackCell(m timeline.Planned, lang string) string {
	if m.Slack == nil {
		return T(lang, "slack.none")
	}
	return T(lang, "slack.days", *m.Slack)
}

// truncate cuts s to at most n runes, ending in an ellipsis when cut.
func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// wrapColumn wraps column col so that the table fits width columns,
// counting two spaces between columns: the column gets all the room the
// others leave (at least minNameWidth), and only a cell too wide for that
// continues on extra rows that are empty but for that column.
func wrapColumn(header []string, rows [][]string, col, width int) [][]string {
	limit := max(room(header, rows, col, width), minNameWidth)
	out := make([][]string, 0, len(rows))
	for _, r := range rows {
		lines := wrapWords(r[col], limit)
		r[col] = lines[0]
		out = append(out, r)
		for _, l := range lines[1:] {
			extra := make([]string, len(r))
			extra[col] = l
			out = append(out, extra)
		}
	}
	return out
}

// room is what a table of width columns leaves for column col once the
// other columns have their widest cell and two spaces between columns.
func room(header []string, rows [][]string, col, width int) int {
	widths := columnWidths(header, rows)
	others := 2 * (len(widths) - 1) // the gaps between columns
	for i, w := range widths {
		if i != col {
			others += w
		}
	}
	return width - others
}

// columnWidths returns the display width of each column: its widest cell,
// the header included.
func columnWidths(header []string, rows [][]string) []int {
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = displayWidth(h)
	}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], displayWidth(c))
		}
	}
	return width
}

// wrapWords breaks s into at most maxNameLines lines of at most n runes at
// spaces; a word longer than n, and the last line when more would follow,
// end in an ellipsis.
func wrapWords(s string, n int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		word = truncate(word, n)
		switch {
		case line == "":
			line = word
		case len([]rune(line))+1+len([]rune(word)) <= n:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	lines = append(lines, line)
	if len(lines) > maxNameLines {
		last := strings.Join(lines[maxNameLines-1:], " ")
		lines = append(lines[:maxNameLines-1], truncate(last, n))
	}
	return lines
}

// displayWidth counts runes outside ANSI escape sequences.
func displayWidth(s string) int {
	n, esc := 0, false
	for _, r := range s {
		switch {
		case r == '\x1b':
			esc = true
		case esc:
			if r == 'm' {
				esc = false
			}
		default:
			n++
		}
	}
	return n
}
