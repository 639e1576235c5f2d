package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/timeline"
)

// The table fits tableWidth columns: the name column takes what the others
// leave, between minNameWidth and maxNameWidth; longer names are cut with an
// ellipsis (the full name is in every other format).
const (
	tableWidth   = 100
	minNameWidth = 22
	maxNameWidth = 40
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
		title := p.Region.Name + " — " + p.Tender.Name
		if p.Tender.Name == "" {
			title = p.Region.Name + " — " + p.Tender.ID
		}
		fmt.Fprintln(w, style(opts.Color, ansiBold, title))
		sub := T(lang, "plan.tender", p.Tender.ID, p.Tender.Procedure, r.Schedule)
		if r.Scenario != "" {
			sub += " · " + T(lang, "plan.scenario", r.Scenario)
		}
		sub += " · " + p.Region.Source
		fmt.Fprintln(w, style(opts.Color, ansiDim, sub))
		fmt.Fprintln(w)
		if !r.Feasible {
			fmt.Fprintln(w, "  "+style(opts.Color, ansiRed+ansiBold, T(lang, "plan.infeasible")))
			continue
		}
		if err := milestoneTable(w, r, opts); err != nil {
			return err
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "  "+T(lang, "plan.legend"))
		if len(r.Milestones) > 0 {
			first, last := r.Milestones[0].Date, r.Milestones[len(r.Milestones)-1].Date
			fmt.Fprintf(w, "  %s: %s\n", T(lang, "plan.span"),
				style(opts.Color, ansiBold, T(lang, "plan.span.value", LongDate(lang, first), LongDate(lang, last), int(last-first))))
		}
		for _, m := range r.Milestones {
			if m.Milestone.Kind == "contract-start" {
				fmt.Fprintf(w, "  %s: %s\n", T(lang, "plan.contractstart"), style(opts.Color, ansiBold, LongDate(lang, m.Date)))
			}
		}
		if p.Findings != nil {
			fmt.Fprintf(w, "  %s: %s\n", T(lang, "plan.findings"), *p.Findings)
		}
	}
	return nil
}

func milestoneTable(w io.Writer, r *timeline.Result, opts Options) error {
	lang := opts.Lang
	header := []string{"", T(lang, "col.date"), T(lang, "col.id"), T(lang, "col.name"), T(lang, "col.kind"),
		T(lang, "col.earliest"), T(lang, "col.latest"), T(lang, "col.slack"), T(lang, "col.status")}
	align := []tw.Align{left, left, left, left, left, left, left, right, left}
	rows := make([][]string, 0, len(r.Milestones))
	for _, m := range r.Milestones {
		mark := ""
		if m.Critical {
			mark = "*"
		}
		latest, slack := "", T(lang, "slack.none")
		if m.Latest != nil {
			latest = m.Latest.String()
		}
		if m.Slack != nil {
			slack = T(lang, "slack.days", *m.Slack)
		}
		var status []string
		switch {
		case m.Done:
			status = append(status, T(lang, "status.done"))
		case m.Fixed:
			status = append(status, T(lang, "status.fixed"))
		}
		when := Weekday(lang, m.Date) + " " + m.Date.String()
		id := m.Milestone.ID
		if m.Critical {
			when = style(opts.Color, ansiBold, when)
			id = style(opts.Color, ansiBold, id)
		}
		if m.Milestone.Kind == "contract-start" {
			when = style(opts.Color, ansiBold+ansiRed, Weekday(lang, m.Date)+" "+m.Date.String())
		}
		if latest == "" {
			latest = T(lang, "slack.none")
		}
		rows = append(rows, []string{mark, when, id, m.Milestone.DisplayName(),
			KindName(lang, m.Milestone.Kind), m.Earliest.String(), latest, slack, strings.Join(status, ", ")})
	}
	fitColumn(header, rows, 3)
	return writeTable(w, header, rows, align)
}

// truncate cuts s to at most n runes, ending in an ellipsis when cut.
func truncate(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// fitColumn cuts column col so that the table fits tableWidth, counting two
// spaces between columns.
func fitColumn(header []string, rows [][]string, col int) {
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = displayWidth(h)
	}
	for _, r := range rows {
		for i, c := range r {
			width[i] = max(width[i], displayWidth(c))
		}
	}
	others := 0
	for i, w := range width {
		if i != col {
			others += w + 2
		}
	}
	limit := min(max(tableWidth-others, minNameWidth), maxNameWidth)
	for _, r := range rows {
		r[col] = truncate(r[col], limit)
	}
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
