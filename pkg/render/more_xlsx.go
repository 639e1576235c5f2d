package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// DiffXLSX writes tender diff as a workbook: the milestones (old and new
// date, shift, state, the change that binds it; shifted rows marked), the
// causes with their lines and what they moved, and the consequences.
func DiffXLSX(w io.Writer, diffs []*change.Diff, opts Options) error {
	b, err := newXBook(opts)
	if err != nil {
		return err
	}
	lang := b.lang
	ms := xsheet{name: T(lang, "xlsx.sheet.diff"), header: []string{"region", "tender", "id",
		T(lang, "diff.old"), T(lang, "diff.new"), T(lang, "reschedule.shift"), T(lang, "reschedule.workdays"),
		T(lang, "col.status"), T(lang, "diff.because")}}
	cs := xsheet{name: T(lang, "xlsx.sheet.causes"), header: []string{"region", "tender", T(lang, "xlsx.what"),
		T(lang, "xlsx.oldline"), T(lang, "xlsx.newline"), T(lang, "xlsx.moved")}}
	qs := xsheet{name: T(lang, "xlsx.sheet.consequences"), header: []string{"region", "tender", "id", T(lang, "xlsx.what"), T(lang, "xlsx.reference")}}
	for _, d := range diffs {
		for _, m := range d.Milestones {
			because := xcell{empty: true}
			if m.Cause >= 0 {
				because = xtext(CauseText(lang, d.Causes[m.Cause]))
			}
			ms.rows = append(ms.rows, []xcell{xtext(d.Region), xtext(d.Tender), xtext(m.ID), xdateOr(m.Old), xdateOr(m.New),
				xintOr(m.ShiftDays), xintOr(m.ShiftWorkdays), xtext(T(lang, "diff.state."+string(m.State))), because})
			ms.marked = append(ms.marked, m.Shifted())
		}
		for _, c := range d.Causes {
			cs.rows = append(cs.rows, []xcell{xtext(d.Region), xtext(d.Tender), xtext(CauseText(lang, c)), lineCell(c.OldLine), lineCell(c.NewLine), xtext(joinIDs(c.Moved))})
			cs.marked = append(cs.marked, len(c.Moved) > 0)
		}
		for _, c := range d.Consequences {
			qs.rows = append(qs.rows, []xcell{xtext(d.Region), xtext(d.Tender), xtext(c.Milestone), xtext(T(lang, "consequence."+c.What)), xtext(c.Reference)})
			qs.marked = append(qs.marked, c.What != change.ConsequenceInternal)
		}
	}
	for _, s := range []xsheet{ms, cs, qs} {
		if err := b.table(s); err != nil {
			return err
		}
	}
	return b.write(w)
}

func lineCell(n int) xcell {
	if n <= 0 {
		return xcell{empty: true}
	}
	return xint(n)
}

func joinIDs(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// CheckXLSX writes the findings of tender check as a workbook, one row
// per finding (errors marked), and the input errors of files that did not
// load on a second sheet.
func CheckXLSX(w io.Writer, rep *CheckReport, opts Options) error {
	b, err := newXBook(opts)
	if err != nil {
		return err
	}
	lang := b.lang
	s := xsheet{name: T(lang, "xlsx.sheet.findings"), header: []string{"severity", "rule", "region", "tender", "scenario",
		"milestone", "message", "reference", "file", "line", "column"}}
	for _, run := range rep.Runs {
		for _, f := range run.Findings {
			sc, ms := "", ""
			if f.Scenario != nil {
				sc = *f.Scenario
			}
			if f.Milestone != nil {
				ms = *f.Milestone
			}
			s.rows = append(s.rows, []xcell{xtext(SeverityName(lang, f.Severity)), xtext(f.Rule), xtext(f.Region), xtext(f.Tender),
				xtext(sc), xtext(ms), xtext(FindingText(lang, f.Message)), xtext(f.Reference), xtext(f.File), lineCell(f.Line), lineCell(f.Column)})
			s.marked = append(s.marked, f.Severity == region.SeverityError)
		}
	}
	if err := b.table(s); err != nil {
		return err
	}
	if len(rep.Errors) > 0 {
		es := xsheet{name: T(lang, "xlsx.sheet.errors"), header: []string{"file", "line", "column", "message"}}
		for _, e := range rep.Errors {
			es.rows = append(es.rows, []xcell{xtext(e.File), lineCell(e.Pos.Line), lineCell(e.Pos.Column), xtext(e.Msg)})
			es.marked = append(es.marked, true)
		}
		if err := b.table(es); err != nil {
			return err
		}
	}
	return b.write(w)
}

// CompareXLSX writes tender compare as a workbook: a row per milestone, per
// plan its date and its shift against the base in days.
func CompareXLSX(w io.Writer, c *Comparison, opts Options) error {
	b, err := newXBook(opts)
	if err != nil {
		return err
	}
	lang := b.lang
	s := xsheet{name: T(lang, "xlsx.sheet.compare"), header: []string{"id", T(lang, "col.name")}}
	for _, name := range compareHeads(c, lang) {
		s.header = append(s.header, name, name+" ±d")
	}
	for _, row := range c.Rows {
		cells := []xcell{xtext(row.ID), xtext(row.name(lang))}
		moved := false
		for _, cell := range row.Cells {
			if !cell.Present {
				cells = append(cells, xcell{empty: true}, xcell{empty: true})
				continue
			}
			sh := xcell{empty: true}
			if cell.Shift != nil {
				sh = xint(cell.Shift.Days)
				moved = moved || cell.Shift.Days != 0
			}
			cells = append(cells, xdate(cell.Date), sh)
		}
		s.rows = append(s.rows, cells)
		s.marked = append(s.marked, moved)
	}
	if err := b.table(s); err != nil {
		return err
	}
	return b.write(w)
}

// OverviewXLSX writes tender overview as a workbook, one row per region
// and tender; a tender whose contract start has no slack is marked.
func OverviewXLSX(w io.Writer, o *Overview, opts Options) error {
	b, err := newXBook(opts)
	if err != nil {
		return err
	}
	lang := b.lang
	s := xsheet{name: T(lang, "xlsx.sheet.overview"), header: []string{"region", "tender", "procedure", "publication",
		"submission", "award", "contract_start", "slack", "errors", "warnings", "next", "next_date"}}
	pd := func(p *timeline.Planned) xcell {
		if p == nil {
			return xcell{empty: true}
		}
		return xdate(p.Date)
	}
	for i := range o.Rows {
		r := &o.Rows[i]
		next, nextDate := xcell{empty: true}, xcell{empty: true}
		if r.Next != nil {
			next, nextDate = xtext(r.Next.Milestone.ID), xdate(r.Next.Date)
		}
		s.rows = append(s.rows, []xcell{xtext(r.Region.ID), xtext(r.Tender.ID), xtext(string(r.Tender.Procedure)), pd(r.Publication),
			pd(r.Submission), pd(r.Award), pd(r.ContractStart), xintOr(r.Slack()), xint(r.Errors), xint(r.Warnings), next, nextDate})
		sl := r.Slack()
		s.marked = append(s.marked, sl != nil && *sl == 0)
	}
	if err := b.table(s); err != nil {
		return err
	}
	return b.write(w)
}
