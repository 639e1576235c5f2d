package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/risk"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Report is the progress report of one region (tender report), gathered
// by the use-cases of the commands.
type Report struct {
	Region *region.Region
	Today  date.Date
	// Baseline is --baseline as given, or "".
	Baseline string
	Tenders  []ReportTender
}

// ReportTender is one tender's part of the report.
type ReportTender struct {
	Plan Plan // with its finding counts and baseline
	// Findings are the open findings of the base plan (tender check).
	Findings []rules.Finding
	// Risk is tender risk's simulation, nil when the tender has no risks.
	Risk *risk.Report
	// Diff is tender diff against the baseline, nil without one.
	Diff *change.Diff
	// Scenarios is tender compare's comparison, nil without scenarios.
	Scenarios *Comparison
}

// status splits the plan on today: what is done, what is overdue (before
// today and not done), and the next three milestones.
func (rt *ReportTender) status(today date.Date) (done, overdue, next []timeline.Planned) {
	for _, m := range rt.Plan.Result.Milestones {
		switch {
		case m.Done:
			done = append(done, m)
		case m.Date < today:
			overdue = append(overdue, m)
		case len(next) < 3:
			next = append(next, m)
		}
	}
	return done, overdue, next
}

// statusLines are the status section's lines, for the Markdown and the
// HTML: how many milestones are done and the last one, "nothing overdue"
// when nothing is; then the overdue milestones and the next ones, each as
// plannedLine says it.
func (rt *ReportTender) statusLines(today date.Date, lang string) (summary, overdue, next []string) {
	done, od, nx := rt.status(today)
	summary = []string{T(lang, "report.done", len(done), len(rt.Plan.Result.Milestones))}
	if len(done) > 0 {
		summary = append(summary, T(lang, "report.lastdone", plannedLine(lang, done[len(done)-1])))
	}
	if len(od) == 0 {
		summary = append(summary, T(lang, "report.nooverdue"))
	}
	for _, m := range od {
		overdue = append(overdue, plannedLine(lang, m))
	}
	for _, m := range nx {
		next = append(next, plannedLine(lang, m))
	}
	return summary, overdue, next
}

func contractStart(r *timeline.Result) *timeline.Planned {
	for i := range r.Milestones {
		if r.Milestones[i].Milestone.Kind == region.KindContractStart {
			return &r.Milestones[i]
		}
	}
	return nil
}

// contractLines say the contract start and whether it holds: its date,
// fixed or computed, and with risks the P50 and P80 of the simulation
// and the share of runs in which an on date holds.
func (rt *ReportTender) contractLines(lang string) []string {
	r := rt.Plan.Result
	if !r.Feasible {
		return []string{T(lang, "report.infeasible")}
	}
	cs := contractStart(r)
	if cs == nil {
		return []string{T(lang, "report.nocontract")}
	}
	var out []string
	if cs.Milestone.On != nil && !cs.Done {
		out = append(out, T(lang, "report.contract.fixed", LongDate(lang, cs.Date)))
	} else {
		out = append(out, T(lang, "report.contract.planned", LongDate(lang, cs.Date)))
	}
	if cs.Slack != nil {
		out = append(out, T(lang, "report.contract.slack", *cs.Slack))
	}
	if rt.Risk == nil {
		return append(out, T(lang, "report.norisks"))
	}
	for _, m := range rt.Risk.Milestones {
		if m.Milestone.ID == cs.Milestone.ID && m.P50 != nil && m.P80 != nil {
			out = append(out, T(lang, "report.contract.risk", LongDate(lang, *m.P50), LongDate(lang, *m.P80), rt.Risk.Runs))
		}
	}
	for _, f := range rt.Risk.Fixed {
		if f.Milestone.ID == cs.Milestone.ID && f.Kind == risk.FixedOn {
			out = append(out, T(lang, "report.contract.holds", int(f.Share*100+0.5)))
		}
	}
	return out
}

func plannedLine(lang string, m timeline.Planned) string {
	return LongDate(lang, m.Date) + ": " + MilestoneName(lang, m.Milestone) + " (" + m.Milestone.ID + ")"
}

func reportTitle(rep *Report, lang string) string {
	return T(lang, "report.title", rep.Region.Name)
}

// ReportMarkdown writes the report as a memo: per tender the status on
// today, the contract start, what changed since the baseline and why, the
// open findings with their references, the plan (a Mermaid Gantt chart and
// the table) and the scenarios.
func ReportMarkdown(w io.Writer, rep *Report, opts Options) error {
	lang := opts.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", mdEscape(reportTitle(rep, lang)))
	fmt.Fprintf(&b, "%s\n", mdEscape(T(lang, "report.today", LongDate(lang, rep.Today))))
	for _, rt := range rep.Tenders {
		p := rt.Plan
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(tenderTitle(p.Region, p.Tender)))
		reportStatusMarkdown(&b, &rt, rep.Today, lang)
		fmt.Fprintf(&b, "\n### %s\n\n", mdEscape(T(lang, "plan.contractstart")))
		for _, l := range rt.contractLines(lang) {
			fmt.Fprintf(&b, "- %s\n", mdEscape(l))
		}
		if rt.Diff != nil {
			fmt.Fprintf(&b, "\n### %s\n\n", mdEscape(T(lang, "report.changes", rep.Baseline)))
			diffMarkdown(&b, []*change.Diff{rt.Diff}, lang, "####")
		}
		fmt.Fprintf(&b, "\n### %s\n\n", mdEscape(T(lang, "report.findings", len(rt.Findings))))
		if len(rt.Findings) == 0 {
			fmt.Fprintf(&b, "%s\n", mdEscape(T(lang, "report.nofindings")))
		}
		for _, l := range findingLines(lang, rt.Findings) {
			fmt.Fprintf(&b, "- %s\n", mdEscape(l))
		}
		if err := reportPlanMarkdown(&b, rt, opts); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// reportStatusMarkdown writes the status section of a tender.
func reportStatusMarkdown(b *strings.Builder, rt *ReportTender, today date.Date, lang string) {
	summary, overdue, next := rt.statusLines(today, lang)
	fmt.Fprintf(b, "### %s\n\n", mdEscape(T(lang, "report.status")))
	for _, l := range summary {
		fmt.Fprintf(b, "- %s\n", mdEscape(l))
	}
	for _, l := range overdue {
		fmt.Fprintf(b, "- **%s** %s\n", mdEscape(T(lang, "report.overdue")), mdEscape(l))
	}
	for _, l := range next {
		fmt.Fprintf(b, "- %s %s\n", mdEscape(T(lang, "report.next")), mdEscape(l))
	}
}

// reportPlanMarkdown writes the plan section of a tender (a Mermaid Gantt
// chart and the table) and its scenarios, under the report's headings.
func reportPlanMarkdown(b *strings.Builder, rt ReportTender, opts Options) error {
	lang := opts.Lang
	p := rt.Plan
	fmt.Fprintf(b, "\n### %s\n\n```mermaid\n", mdEscape(T(lang, "report.plan")))
	if err := PlanMermaid(b, []Plan{p}, opts); err != nil {
		return err
	}
	b.WriteString("```\n\n")
	var table strings.Builder
	if err := PlanMarkdown(&table, []Plan{p}, opts); err != nil {
		return err
	}
	b.WriteString(fromTable(table.String()))
	if rt.Scenarios != nil {
		fmt.Fprintf(b, "\n### %s\n\n", mdEscape(T(lang, "report.scenarios")))
		var c strings.Builder
		if err := CompareMarkdown(&c, rt.Scenarios, opts); err != nil {
			return err
		}
		b.WriteString(fromTable(c.String()))
	}
	return nil
}

// fromTable is Markdown s from its first table on: the heading and lines
// before it are the report's.
func fromTable(s string) string {
	if i := strings.Index(s, "\n|"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// reportStyle adds to the plan page's style sheet a page for print: A4,
// margins, no section split over pages where avoidable.
const reportStyle = htmlStyle + `
h3 { font-size: 15px; margin: 20px 0 4px; }
.overdue { color: #991b1b; font-weight: 700; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  body { font-size: 11px; }
  h2 { page-break-before: always; }
  h2:first-of-type { page-break-before: avoid; }
  table, ul, .gantt { page-break-inside: avoid; }
  .gantt svg { width: 100%; height: auto; }
}
`

// ReportHTML writes the report as one printable page (A4), self-contained
// like the plan's page: the same sections as ReportMarkdown, with the
// Gantt picture inline.
func ReportHTML(w io.Writer, rep *Report, opts Options) error {
	lang := langOr(opts.Lang)
	e := xmlText
	var b strings.Builder
	title := reportTitle(rep, lang)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"generator\" content=\"tender\"/>\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", lang, e(title), reportStyle)
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"meta\">%s</p>\n", e(title), e(T(lang, "report.today", LongDate(lang, rep.Today))))
	list := func(items []string, class string) { htmlList(&b, items, class) }
	for _, rt := range rep.Tenders {
		p := rt.Plan
		fmt.Fprintf(&b, "<h2>%s</h2>\n", e(tenderTitle(p.Region, p.Tender)))
		reportStatusHTML(&b, &rt, rep.Today, lang)
		fmt.Fprintf(&b, "<h3>%s</h3>\n", e(T(lang, "plan.contractstart")))
		list(rt.contractLines(lang), "")
		if rt.Diff != nil {
			fmt.Fprintf(&b, "<h3>%s</h3>\n", e(T(lang, "report.changes", rep.Baseline)))
			diffHTMLBody(&b, []*change.Diff{rt.Diff}, lang)
		}
		fmt.Fprintf(&b, "<h3>%s</h3>\n", e(T(lang, "report.findings", len(rt.Findings))))
		if len(rt.Findings) == 0 {
			fmt.Fprintf(&b, "<p>%s</p>\n", e(T(lang, "report.nofindings")))
		} else {
			list(findingLines(lang, rt.Findings), "")
		}
		fmt.Fprintf(&b, "<h3>%s</h3>\n<div class=\"gantt\">\n%s</div>\n", e(T(lang, "report.plan")), ganttSVG([]Plan{p}, opts, false))
		htmlPlan(&b, p, lang, true)
		if c := rt.Scenarios; c != nil {
			reportScenariosHTML(&b, c, lang)
		}
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// htmlList writes items as a list, each of class (none when "").
func htmlList(b *strings.Builder, items []string, class string) {
	b.WriteString("<ul class=\"summary\">\n")
	for _, s := range items {
		if class != "" {
			fmt.Fprintf(b, "<li class=\"%s\">%s</li>\n", class, xmlText(s))
		} else {
			fmt.Fprintf(b, "<li>%s</li>\n", xmlText(s))
		}
	}
	b.WriteString("</ul>\n")
}

// reportStatusHTML writes the status section of a tender: the summary,
// then the overdue and the next milestones as lists of their own.
func reportStatusHTML(b *strings.Builder, rt *ReportTender, today date.Date, lang string) {
	summary, overdue, next := rt.statusLines(today, lang)
	fmt.Fprintf(b, "<h3>%s</h3>\n", xmlText(T(lang, "report.status")))
	htmlList(b, summary, "")
	prefixed := func(label string, lines []string) []string {
		var out []string
		for _, l := range lines {
			out = append(out, label+" "+l)
		}
		return out
	}
	if len(overdue) > 0 {
		htmlList(b, prefixed(T(lang, "report.overdue"), overdue), "overdue")
	}
	if len(next) > 0 {
		htmlList(b, prefixed(T(lang, "report.next"), next), "")
	}
}

// reportScenariosHTML writes the scenarios of a tender side by side: a
// row per milestone, its date in each plan.
func reportScenariosHTML(b *strings.Builder, c *Comparison, lang string) {
	e := xmlText
	fmt.Fprintf(b, "<h3>%s</h3>\n<table>\n<tr><th>%s</th>", e(T(lang, "report.scenarios")), e(titleCase(T(lang, "col.id"))))
	for _, name := range compareHeads(c, lang) {
		fmt.Fprintf(b, "<th>%s</th>", e(name))
	}
	b.WriteString("</tr>\n")
	for _, row := range c.Rows {
		fmt.Fprintf(b, "<tr><td>%s</td>", e(row.ID))
		for _, col := range c.Columns {
			cell := markMissing
			if col.Result != nil && col.Result.Feasible {
				if m := col.Result.Milestone(row.ID); m != nil {
					cell = WeekdayDate(lang, m.Date)
				}
			}
			fmt.Fprintf(b, "<td class=\"date\">%s</td>", e(cell))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table>\n")
}
