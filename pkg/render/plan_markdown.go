package render

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// PlanMarkdown writes each plan as a section for a memo or a wiki page: a
// level-2 heading with the region and tender, a line with the tender id,
// procedure, schedule, scenario and source, a GitHub-flavoured table with
// the columns and marks of the terminal table (names never cut or
// wrapped), its legend, the span and the contract start. Text from the region file is escaped, so a | or *
// in a name cannot break the table or start emphasis.
func PlanMarkdown(w io.Writer, plans []Plan, opts Options) error {
	lang := opts.Lang
	var b strings.Builder
	for i, p := range plans {
		if i > 0 {
			b.WriteString("\n")
		}
		r := p.Result
		fmt.Fprintf(&b, "## %s\n\n", mdEscape(tenderTitle(p.Region, p.Tender)))
		b.WriteString(tenderLine(lang, p, func(s string) string { return "`" + s + "`" }, mdEscape) + "\n\n")
		if s := participantsLine(lang, r); s != "" {
			b.WriteString(mdEscape(s) + "\n\n")
		}
		if !r.Feasible {
			fmt.Fprintf(&b, "**%s**\n", mdEscape(T(lang, "plan.infeasible")))
			continue
		}
		header := []string{"", T(lang, "col.date"), T(lang, "col.id"), T(lang, "col.name"), T(lang, "col.kind"),
			T(lang, "col.earliest"), T(lang, "col.latest"), T(lang, "col.slack")}
		rule := "|---|---|---|---|---|---|---|--:|"
		if p.Baseline != nil {
			header = append(header, T(lang, "col.baseline"), T(lang, "col.variance"))
			rule += "---|--:|"
		}
		for j, h := range header {
			header[j] = titleCase(h)
		}
		mdRow(&b, header)
		b.WriteString(rule + "\n")
		for _, m := range r.Milestones {
			row := []string{mdEscape(mark(m)), WeekdayDate(lang, m.Date), m.Milestone.ID,
				mdEscape(MilestoneName(lang, m.Milestone)), mdEscape(KindName(lang, m.Milestone.Kind)),
				m.Earliest.String(), latestCell(m, lang), slackCell(m, lang)}
			if p.Baseline != nil {
				bc, vc := p.Baseline.varianceCells(lang, m.Milestone.ID, m.Date)
				row = append(row, bc, vc)
			}
			mdRow(&b, row)
		}
		b.WriteString("\n" + mdEscape(T(lang, "plan.legend")) + "\n")
		if len(r.Milestones) > 0 {
			b.WriteString("\n")
			for _, f := range planFacts(p, lang) {
				if f.label == "" {
					fmt.Fprintf(&b, "- %s\n", mdEscape(f.value))
				} else {
					fmt.Fprintf(&b, "- %s: %s\n", mdEscape(f.label), mdEscape(f.value))
				}
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdRow writes one table row; empty cells stay empty ("| |").
func mdRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		if c == "" {
			b.WriteString(" |")
			continue
		}
		b.WriteString(" " + c + " |")
	}
	b.WriteString("\n")
}

// milestoneStatus is "done", "fixed date" or "" in words, for tooltips and
// calendar descriptions (the tables use the marks of the terminal table).
func milestoneStatus(lang string, done, fixed bool) string {
	switch {
	case done:
		return T(lang, "gantt.legend.done")
	case fixed:
		return T(lang, "gantt.legend.fixed")
	}
	return ""
}

// mdEscaper backslash-escapes the characters that would end a table cell
// (|) or start inline markup in GitHub-flavoured Markdown; line breaks
// become spaces, since a table row is one line.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`, ">", `\>`,
	"[", `\[`, "]", `\]`, "#", `\#`, "\r\n", " ", "\n", " ", "\r", " ",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// titleCase turns a table header (DATE, DATUM) into a heading word (Date,
// Datum); short acronyms (ID) stay as they are.
func titleCase(s string) string {
	if utf8.RuneCountInString(s) <= 2 {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(r) + strings.ToLower(s[n:])
}
