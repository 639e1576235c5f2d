package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tender-nl/tender/pkg/region"
)

// CompareMarkdown writes a comparison as a Markdown (GitHub) table to paste
// into a memo: the same rows as CompareTable, one line per cell ("2020-08-26
// (-218d, -151wd)"), · for the base's date and — for a milestone the plan
// does not have; the summary rows in bold; then the scenarios' descriptions
// and the conflicts of plans without a schedule.
func CompareMarkdown(w io.Writer, c *Comparison, opts Options) error {
	lang := opts.Lang
	name := c.Tender.Name
	if name == "" {
		name = c.Tender.ID
	}
	fmt.Fprintf(w, "### %s — %s\n\n", cmpMarkdownEscape(c.Region.Name), cmpMarkdownEscape(name))
	head := []string{T(lang, "compare.milestone.md")}
	for i, col := range c.Columns {
		if i == 0 {
			head = append(head, T(lang, "compare.base"))
		} else {
			head = append(head, cmpMarkdownEscape(col.Name))
		}
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
	shift := func(s *Shift) string {
		return fmt.Sprintf("(%s, %s)", signed(s.Days, "d"), signed(s.Workdays, "wd"))
	}
	for ri, r := range c.Rows {
		cells := []string{"`" + r.ID + "`"}
		for j, col := range c.Columns {
			cell := r.Cells[j]
			switch {
			case !col.Result.Feasible:
				if ri == 0 {
					cells = append(cells, T(lang, "compare.noschedule"))
				} else {
					cells = append(cells, "")
				}
			case !cell.Present:
				cells = append(cells, markMissing)
			case j == 0 || cell.Shift == nil:
				s := cell.Date.String()
				if j > 0 && !r.InBase {
					s += " (" + T(lang, "compare.new") + ")"
				}
				cells = append(cells, s)
			case cell.Shift.IsZero():
				cells = append(cells, markSame)
			default:
				cells = append(cells, cell.Date.String()+" "+shift(cell.Shift))
			}
		}
		row(cells)
	}
	cs := []string{"**" + T(lang, "compare.contractstart") + "**"}
	impl := []string{"**" + T(lang, "compare.implementation") + "**"}
	errs := []string{"**" + T(lang, "compare.errors") + "**"}
	warns := []string{"**" + T(lang, "compare.warnings") + "**"}
	for j, col := range c.Columns {
		switch {
		case !col.Result.Feasible:
			cs = append(cs, T(lang, "compare.noschedule"))
		case col.ContractStart == nil:
			cs = append(cs, markMissing)
		case j > 0 && col.ContractStartShift.IsZero():
			cs = append(cs, markSame)
		case j > 0 && col.ContractStartShift != nil:
			cs = append(cs, col.ContractStart.String()+" "+shift(col.ContractStartShift))
		default:
			cs = append(cs, col.ContractStart.String())
		}
		switch {
		case col.Implementation == nil:
			impl = append(impl, markMissing)
		case j > 0 && col.ImplementationShift != nil && *col.ImplementationShift == 0:
			impl = append(impl, markSame)
		case j > 0 && col.ImplementationShift != nil:
			impl = append(impl, T(lang, "compare.days", *col.Implementation)+" ("+signed(*col.ImplementationShift, "d")+")")
		default:
			impl = append(impl, T(lang, "compare.days", *col.Implementation))
		}
		errs = append(errs, strconv.Itoa(col.Errors))
		warns = append(warns, strconv.Itoa(col.Warnings))
	}
	row(cs)
	row(impl)
	row(errs)
	row(warns)
	fmt.Fprintf(w, "\n%s\n", cmpMarkdownEscape(strings.ReplaceAll(T(lang, "compare.legend", markSame, markMissing), "\n", " · ")))
	first := true
	for _, col := range c.Columns[1:] {
		if col.Description == "" {
			continue
		}
		if first {
			fmt.Fprintln(w)
			first = false
		}
		fmt.Fprintf(w, "- **%s**: %s\n", cmpMarkdownEscape(col.Name), cmpMarkdownEscape(col.Description))
	}
	for _, col := range c.Columns {
		label := col.Name
		if label == region.BaseScenario {
			label = T(lang, "compare.base")
		}
		for _, n := range col.Notes {
			fmt.Fprintf(w, "\n**%s**: %s\n", cmpMarkdownEscape(label), cmpMarkdownEscape(n))
		}
		if !col.Result.Feasible && col.Result.Conflict != nil {
			// The explanation starts "infeasible: …" itself.
			fmt.Fprintf(w, "\n**%s**:\n\n```\n%s\n```\n", cmpMarkdownEscape(label), col.Result.Conflict.Message)
		}
	}
	return nil
}

// cmpMarkdownEscape keeps text from breaking a Markdown table or turning into
// formatting.
func cmpMarkdownEscape(s string) string {
	r := strings.NewReplacer("|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "\n", " ")
	return r.Replace(s)
}
