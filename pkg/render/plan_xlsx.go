package render

import (
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/timeline"
)

// PlanXLSX writes the plans as a workbook: the sheet "Plan" with every
// milestone (region, tender, scenario, date, id, name, kind, earliest,
// latest, slack, critical, and with --baseline the baseline and its
// variance), the critical path in bold on red; and the sheet "Weeks", a
// bar chart of the timeline made of cell fills, one column per week
// (Monday to Sunday) and one row per milestone: the phase since the
// previous milestone filled, the milestone's own week darker.
func PlanXLSX(w io.Writer, plans []Plan, opts Options) error {
	b, err := newXBook(opts)
	if err != nil {
		return err
	}
	lang := b.lang
	s := xsheet{name: T(lang, "xlsx.sheet.plan"), header: []string{"region", "tender", "scenario",
		T(lang, "col.date"), T(lang, "col.id"), T(lang, "col.name"), T(lang, "col.kind"), T(lang, "col.earliest"),
		T(lang, "col.latest"), T(lang, "col.slack"), T(lang, "xlsx.critical")}}
	withBase := false
	for _, p := range plans {
		withBase = withBase || p.Baseline != nil
	}
	if withBase {
		s.header = append(s.header, T(lang, "col.baseline"), T(lang, "col.variance"))
	}
	for i := range s.header {
		s.header[i] = titleCase(s.header[i])
	}
	for _, p := range plans {
		r := p.Result
		for _, m := range r.Milestones {
			row := []xcell{xtext(r.Region), xtext(r.Tender), xtext(r.Scenario), xdate(m.Date), xtext(m.Milestone.ID),
				xtext(MilestoneName(lang, m.Milestone)), xtext(KindName(lang, m.Milestone.Kind)), xdate(m.Earliest),
				xdateOr(m.Latest), xintOr(m.Slack), xbool(m.Critical)}
			if withBase {
				bc, vc := xcell{empty: true}, xcell{empty: true}
				if p.Baseline != nil {
					if d, v, ok := p.Baseline.Variance(m.Milestone.ID, m.Date); ok {
						bc, vc = xdate(d), xint(v)
					}
				}
				row = append(row, bc, vc)
			}
			s.rows = append(s.rows, row)
			s.marked = append(s.marked, m.Critical)
		}
	}
	if err := b.table(s); err != nil {
		return err
	}
	if err := b.weeks(plans); err != nil {
		return err
	}
	return b.write(w)
}

// weeks draws the timeline sheet: a column per week (from Monday) of the
// plans' span, a row per milestone with a ◆ in its week and its phase
// (from the milestone before) filled, critical ones in red.
func (b *xbook) weeks(plans []Plan) error {
	name, err := b.sheet(T(b.lang, "xlsx.sheet.weeks"))
	if err != nil {
		return err
	}
	f := b.f
	lo, hi, any := planSpan(plans)
	var st weekStyles
	if err := st.add(b); err != nil {
		return err
	}
	if err := f.SetCellStr(name, "A1", titleCase(T(b.lang, "col.id"))); err != nil {
		return err
	}
	if !any {
		return nil
	}
	first, last := monday(lo), monday(hi)
	nweeks := int(last-first)/7 + 1
	for k := range nweeks {
		ref := cellName(k+2, 1)
		if err := f.SetCellValue(name, ref, (first + date.Date(7*k)).Time()); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(name, cellName(2, 1), cellName(nweeks+1, 1), st.weekHead); err != nil {
		return err
	}
	row := 2
	for _, p := range plans {
		var prev *date.Date
		for _, m := range p.Result.Milestones {
			id := m.Milestone.ID
			if len(plans) > 1 {
				id = p.Result.Tender + "/" + id
			}
			if err := b.weekRow(name, row, id, m, prev, first, &st); err != nil {
				return err
			}
			d := m.Date
			prev = &d
			row++
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(nweeks + 1)
	if err := f.SetColWidth(name, "B", lastCol, 3); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "A", "A", 24); err != nil {
		return err
	}
	return f.SetPanes(name, &excelize.Panes{Freeze: true, XSplit: 1, YSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"})
}

// planSpan is the first and last planned date of the plans; ok is false
// when none has a milestone planned.
func planSpan(plans []Plan) (lo, hi date.Date, ok bool) {
	for _, p := range plans {
		for _, m := range p.Result.Milestones {
			if !ok {
				lo, hi, ok = m.Date, m.Date, true
			}
			lo, hi = min(lo, m.Date), max(hi, m.Date)
		}
	}
	return lo, hi, ok
}

// monday is the Monday of d's week.
func monday(d date.Date) date.Date { return d - date.Date((int(d.Weekday())+6)%7) }

// weekStyles are the styles of the timeline sheet.
type weekStyles struct {
	phase, crit, point, pointCrit, weekHead int
}

// add adds the styles to b's workbook.
func (st *weekStyles) add(b *xbook) error {
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	// A fresh font and alignment for each style: excelize may change
	// what it is given.
	white := func() *excelize.Font { return &excelize.Font{Color: "FFFFFF", Bold: true} }
	center := func() *excelize.Alignment { return &excelize.Alignment{Horizontal: "center"} }
	return b.newStyles([]xstyle{
		{&st.phase, &excelize.Style{Fill: fill("93C5FD")}},
		{&st.crit, &excelize.Style{Fill: fill("FCA5A5")}},
		{&st.point, &excelize.Style{Fill: fill("1E3A8A"), Font: white(), Alignment: center()}},
		{&st.pointCrit, &excelize.Style{Fill: fill("991B1B"), Font: white(), Alignment: center()}},
		{&st.weekHead, &excelize.Style{CustomNumFmt: ptr("dd-mm"), Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{TextRotation: 90}}},
	})
}

// weekRow writes milestone m's row of the timeline sheet: its id, its
// phase from the week of prev (the milestone before it) filled, and a ◆
// in its week; red when m is critical.
func (b *xbook) weekRow(name string, row int, id string, m timeline.Planned, prev *date.Date, first date.Date, st *weekStyles) error {
	f := b.f
	if err := f.SetCellStr(name, cellName(1, row), id); err != nil {
		return err
	}
	phase, point := st.phase, st.point
	if m.Critical {
		phase, point = st.crit, st.pointCrit
	}
	wk := int(monday(m.Date)-first) / 7
	if prev != nil && *prev < m.Date {
		if from := int(monday(*prev)-first) / 7; wk > from {
			if err := f.SetCellStyle(name, cellName(from+2, row), cellName(wk+1, row), phase); err != nil {
				return err
			}
		}
	}
	ref := cellName(wk+2, row)
	if err := f.SetCellStr(name, ref, "◆"); err != nil {
		return err
	}
	return f.SetCellStyle(name, ref, ref, point)
}

func ptr[T any](v T) *T { return &v }
