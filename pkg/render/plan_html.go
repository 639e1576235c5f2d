package render

import (
	"fmt"
	"io"
	"strings"
)

// htmlStyle is the page's only style sheet, inline. It has no '<', '>' or
// '&', so the page stays well-formed XML as well as HTML.
const htmlStyle = `
body { font-family: ` + ganttFontFamily + `; color: #0f172a; background: #ffffff; margin: 24px; line-height: 1.4; }
h1 { font-size: 22px; margin: 0 0 16px; }
h2 { font-size: 17px; margin: 32px 0 4px; }
.gantt { overflow-x: auto; border: 1px solid #e2e8f0; border-radius: 6px; }
.gantt svg { display: block; }
.meta, .legend { color: #475569; font-size: 13px; margin: 4px 0 12px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid #e2e8f0; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; white-space: nowrap; }
td.date, td.num, td.iso { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num { text-align: right; }
tr.critical td { color: #991b1b; }
tr.critical td.mark { font-weight: 700; }
tr.done td { color: #64748b; }
.infeasible { color: #991b1b; font-weight: 700; }
ul.summary { padding-left: 20px; font-size: 14px; }
@media print { body { margin: 0; } .gantt { overflow: visible; border: 0; } }
`

// PlanHTML writes the plans as one self-contained page for a browser or an
// e-mail: a heading (the region's name), the Gantt picture (GanttSVG,
// inline, without its own title line) and, per tender, a heading, the
// tender's id, procedure, schedule and source, and the table of the
// terminal output with its legend, span and contract start. The page
// loads nothing: its style sheet is inline, it has no scripts and no links,
// and it uses the system's fonts. It is also well-formed XML, so tools can
// read it without an HTML parser.
func PlanHTML(w io.Writer, plans []Plan, opts Options) error {
	lang := langOr(opts.Lang)
	title := ganttTitle(plans, lang)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n")
	fmt.Fprintf(&b, "<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n", lang)
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
	b.WriteString("<meta name=\"generator\" content=\"tender\"/>\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", xmlText(title), htmlStyle)
	fmt.Fprintf(&b, "<h1>%s</h1>\n", xmlText(title))
	b.WriteString("<div class=\"gantt\">\n")
	b.WriteString(ganttSVG(plans, opts, false))
	b.WriteString("</div>\n")
	oneRegion := singleRegion(plans)
	for _, p := range plans {
		htmlPlan(&b, p, lang, oneRegion)
	}
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlPlan(b *strings.Builder, p Plan, lang string, oneRegion bool) {
	r := p.Result
	fmt.Fprintf(b, "<section id=\"%s\">\n", xmlText("tender-"+r.Region+"-"+r.Tender))
	fmt.Fprintf(b, "<h2>%s</h2>\n", xmlText(sectionTitle(p, oneRegion)))
	fmt.Fprintf(b, "<p class=\"meta\">%s</p>\n", xmlText(tenderLine(lang, p, plain, plain)))
	if s := participantsLine(lang, r); s != "" {
		fmt.Fprintf(b, "<p class=\"meta\">%s</p>\n", xmlText(s))
	}
	if !r.Feasible {
		fmt.Fprintf(b, "<p class=\"infeasible\">%s</p>\n</section>\n", xmlText(T(lang, "plan.infeasible")))
		return
	}
	b.WriteString("<table>\n<thead><tr><th></th>")
	for _, k := range []string{"col.date", "col.id", "col.name", "col.kind", "col.earliest", "col.latest", "col.slack"} {
		fmt.Fprintf(b, "<th>%s</th>", xmlText(titleCase(T(lang, k))))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, m := range r.Milestones {
		var class []string
		if m.Critical {
			class = append(class, "critical")
		}
		if m.Done {
			class = append(class, "done")
		}
		if len(class) > 0 {
			fmt.Fprintf(b, "<tr class=\"%s\">", strings.Join(class, " "))
		} else {
			b.WriteString("<tr>")
		}
		fmt.Fprintf(b, "<td class=\"mark\">%s</td><td class=\"date\">%s</td><td>%s</td><td>%s</td><td>%s</td><td class=\"iso\">%s</td><td class=\"iso\">%s</td><td class=\"num\">%s</td></tr>\n",
			xmlText(mark(m)), xmlText(WeekdayDate(lang, m.Date)), xmlText(m.Milestone.ID), xmlText(MilestoneName(lang, m.Milestone)),
			xmlText(KindName(lang, m.Milestone.Kind)), m.Earliest, xmlText(latestCell(m, lang)), xmlText(slackCell(m, lang)))
	}
	b.WriteString("</tbody>\n</table>\n")
	fmt.Fprintf(b, "<p class=\"legend\">%s</p>\n", xmlText(T(lang, "plan.legend")))
	if len(r.Milestones) > 0 {
		b.WriteString("<ul class=\"summary\">\n")
		for _, f := range planFacts(p, lang) {
			switch {
			case f.label == "":
				fmt.Fprintf(b, "<li>%s</li>\n", xmlText(f.value))
			case f.strong:
				fmt.Fprintf(b, "<li>%s: <strong>%s</strong></li>\n", xmlText(f.label), xmlText(f.value))
			default:
				fmt.Fprintf(b, "<li>%s: %s</li>\n", xmlText(f.label), xmlText(f.value))
			}
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</section>\n")
}
