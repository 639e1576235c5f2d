package render

import (
	"fmt"
	"io"
	"strings"
)

// CompareMarkdown writes a comparison as a Markdown (GitHub) table to paste
// into a memo: the same rows as CompareTable, one line per cell ("2020-08-26
// (-218d, -151wd)"), · for the base's date and — for a milestone the plan
// does not have; the summary rows in bold; then the scenarios' descriptions
// and the conflicts of plans without a schedule.
func CompareMarkdown(w io.Writer, c *Comparison, opts Options) error {
	lang := opts.Lang
	fmt.Fprintf(w, "### %s\n\n", cmpMarkdownEscape(tenderTitle(c.Region, c.Tender)))
	head := []string{T(lang, "compare.milestone.md")}
	for i, h := range compareHeads(c, lang) {
		if i > 0 {
			h = cmpMarkdownEscape(h)
		}
		head = append(head, h)
	}
	row := func(cells []string) {
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
	row(head)
	sep := make([]string, len(head))
	for i := range sep {
		sep[i] = "---"
	}
	row(sep)
	milestones, summary := compareLines(c, lang)
	for _, l := range milestones {
		row(compareMarkdownCells("`"+l.ID+"`", l, lang))
	}
	for _, l := range summary {
		row(compareMarkdownCells("**"+l.Label+"**", l, lang))
	}
	fmt.Fprintf(w, "\n%s\n", cmpMarkdownEscape(strings.ReplaceAll(T(lang, "compare.legend", markSame, markMissing), "\n", " · ")))
	compareDescriptions(w, c.Columns[1:], func(col ComparisonColumn) string {
		return "- **" + cmpMarkdownEscape(col.Name) + "**: " + cmpMarkdownEscape(col.Description)
	})
	for _, r := range compareRemarks(c, lang) {
		for _, n := range r.notes {
			fmt.Fprintf(w, "\n**%s**: %s\n", cmpMarkdownEscape(r.label), cmpMarkdownEscape(n))
		}
		if r.infeasible {
			fmt.Fprintf(w, "\n**%s**:\n\n```\n%s\n```\n", cmpMarkdownEscape(r.label), r.conflict)
		}
	}
	return nil
}

// compareMarkdownCells dresses a line of cells for Markdown, after the
// first cell: a cell's shift (or "new") after its date.
func compareMarkdownCells(first string, l compareLine, lang string) []string {
	out := []string{first}
	for _, cell := range l.Cells {
		s := cell.Text
		if cell.New {
			s += " (" + T(lang, "compare.new") + ")"
		}
		if len(cell.Shift) > 0 {
			s += " (" + strings.Join(cell.Shift, ", ") + ")"
		}
		out = append(out, s)
	}
	return out
}

// cmpMarkdownEscape keeps text from breaking a Markdown table or turning into
// formatting.
func cmpMarkdownEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "\n", " ")
	return r.Replace(s)
}
