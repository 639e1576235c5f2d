package render

import (
	"fmt"
	"strconv"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Comparison is one tender planned in its base and in scenarios, side by
// side (tender compare). The command computes it; the renderers only lay it
// out.
type Comparison struct {
	Region *region.Region
	Tender *region.Tender // the base
	// Columns are the base (Name region.BaseScenario) and then each
	// scenario compared.
	Columns []ComparisonColumn
	// Rows are every milestone of any column, in display order: the base's
	// planned date order, with milestones that only scenarios have placed
	// by their date in the first scenario that has them.
	Rows []ComparisonRow
}

// ComparisonColumn is the plan of the base or of one scenario.
type ComparisonColumn struct {
	Name        string
	Description string
	Result      *timeline.Result
	// Errors and Warnings count the findings of the rules (tender check).
	Errors, Warnings int
	// ContractStart is the planned date of the first contract-start
	// milestone, nil when there is none or no schedule; ContractStartShift
	// is its shift against the base.
	ContractStart      *date.Date
	ContractStartShift *Shift
	// Implementation is the implementation period: calendar days from the
	// first award milestone to the contract start (nil when either is
	// missing); ImplementationShift is its difference with the base's.
	Implementation      *int
	ImplementationShift *int
	// Unapplied are the moves of --set that could not apply to this plan
	// because their milestone is done in it; the printers word them.
	Unapplied []UnappliedSet
}

// UnappliedSet is a --set ID=DATE left out of one plan of a comparison:
// its milestone is done in that plan, on Done.
type UnappliedSet struct {
	Milestone string
	Set, Done date.Date
}

// ComparisonRow is one milestone across the columns.
type ComparisonRow struct {
	ID   string
	Kind region.Kind
	// Milestone is the milestone as a column has it (a derived decision
	// has no name of its own: the printers name it, MilestoneName).
	Milestone *region.Milestone
	// InBase is false for a milestone that only scenarios have.
	InBase bool
	// Cells has one entry per column.
	Cells []ComparisonCell
}

// name is the row's milestone's name in lang, or "" when it has none.
func (r *ComparisonRow) name(lang string) string {
	if r.Milestone == nil {
		return ""
	}
	return MilestoneName(lang, r.Milestone)
}

// ComparisonCell is a milestone's date in one column.
type ComparisonCell struct {
	// Present: the column has a schedule and the milestone is in it.
	Present bool
	Date    date.Date
	// Shift is the move against the base, nil when the base has no date
	// for the milestone (it is not in the base, or the base has no
	// schedule).
	Shift *Shift
}

// Shift is how far a date moved: signed calendar days, and signed working
// days in (from, to] of the region's calendar.
type Shift struct {
	Days, Workdays int
}

// IsZero reports whether the date did not move.
func (s *Shift) IsZero() bool { return s != nil && s.Days == 0 }

// signed formats n with its sign and unit: +28d, -3wd, 0d.
func signed(n int, unit string) string {
	if n > 0 {
		return fmt.Sprintf("+%d%s", n, unit)
	}
	return fmt.Sprintf("%d%s", n, unit)
}

// compareCell is what one cell of a comparison says, decided once for the
// table and the Markdown (which only dress it differently).
type compareCell struct {
	Text string // a date, "N days", a count, a mark or "no schedule"
	// Mark: Text is · (the base's value) or — (not in this plan), which
	// the table dims.
	Mark bool
	// New: a milestone that only this scenario has.
	New bool
	// Shift is the move against the base ("+3d", "+2wd"), or none.
	Shift []string
}

// compareLine is a row of a comparison: a milestone (ID and Name) or a
// summary line (Label).
type compareLine struct {
	ID, Name, Label string
	Cells           []compareCell
}

// compareLines decides every cell of a comparison: the milestones, then
// the contract start, the implementation period, and the numbers of
// errors and warnings.
func compareLines(c *Comparison, lang string) (milestones, summary []compareLine) {
	for ri, r := range c.Rows {
		line := compareLine{ID: r.ID, Name: r.name(lang)}
		for j, col := range c.Columns {
			line.Cells = append(line.Cells, milestoneCell(r, r.Cells[j], j, col.Result.Feasible, ri == 0, lang))
		}
		milestones = append(milestones, line)
	}
	if end, ok := contractEndLine(c, lang); ok {
		summary = append(summary, end)
	}
	cs := compareLine{Label: T(lang, "compare.contractstart")}
	impl := compareLine{Label: T(lang, "compare.implementation")}
	errs := compareLine{Label: T(lang, "compare.errors")}
	warns := compareLine{Label: T(lang, "compare.warnings")}
	for j, col := range c.Columns {
		cs.Cells = append(cs.Cells, contractStartCell(col, j, lang))
		impl.Cells = append(impl.Cells, implementationCell(col, j, lang))
		errs.Cells = append(errs.Cells, compareCell{Text: strconv.Itoa(col.Errors)})
		warns.Cells = append(warns.Cells, compareCell{Text: strconv.Itoa(col.Warnings)})
	}
	return milestones, append(summary, cs, impl, errs, warns)
}

// The two marks of a comparison's cells.
var (
	cellSame    = compareCell{Text: markSame, Mark: true}
	cellMissing = compareCell{Text: markMissing, Mark: true}
)

// shiftTexts are a shift in calendar and working days: "+3d", "+2wd".
func shiftTexts(s *Shift) []string { return []string{signed(s.Days, "d"), signed(s.Workdays, "wd")} }

// milestoneCell is a milestone's cell in column j: "no schedule" once (in
// the first row) for a plan without one, — when the plan does not have
// the milestone, the date in the base and where the base has none (new
// when the base does not have the milestone), · where it did not move,
// else the date and its shift.
func milestoneCell(r ComparisonRow, cell ComparisonCell, j int, feasible, first bool, lang string) compareCell {
	switch {
	case !feasible:
		if first {
			return compareCell{Text: T(lang, "compare.noschedule")}
		}
		return compareCell{}
	case !cell.Present:
		return cellMissing
	case j == 0 || cell.Shift == nil:
		return compareCell{Text: cell.Date.String(), New: j > 0 && !r.InBase}
	case cell.Shift.IsZero():
		return cellSame
	default:
		return compareCell{Text: cell.Date.String(), Shift: shiftTexts(cell.Shift)}
	}
}

// contractEndLine is the line of the end of the contract that the tender
// replaces, when the base has one: "Extend one year, or tender now?", a
// scenario moves it by taking an option.
func contractEndLine(c *Comparison, lang string) (compareLine, bool) {
	if len(c.Columns) == 0 || c.Columns[0].Result.Contract == nil {
		return compareLine{}, false
	}
	base := c.Columns[0].Result.Contract
	end := compareLine{Label: T(lang, "compare.contractend", base.ID)}
	for j, col := range c.Columns {
		var e compareCell
		switch ct := col.Result.Contract; {
		case ct == nil:
			e = cellMissing
		case j > 0 && ct.End() == base.End():
			e = cellSame
		default:
			e.Text = ct.End().String()
			if j > 0 {
				e.Shift = []string{signed(int(ct.End()-base.End()), "d")}
			}
		}
		end.Cells = append(end.Cells, e)
	}
	return end, true
}

// contractStartCell is column j's cell of the contract start.
func contractStartCell(col ComparisonColumn, j int, lang string) compareCell {
	switch {
	case !col.Result.Feasible:
		return compareCell{Text: T(lang, "compare.noschedule")}
	case col.ContractStart == nil:
		return cellMissing
	case j > 0 && col.ContractStartShift.IsZero():
		return cellSame
	}
	a := compareCell{Text: col.ContractStart.String()}
	if j > 0 && col.ContractStartShift != nil {
		a.Shift = shiftTexts(col.ContractStartShift)
	}
	return a
}

// implementationCell is column j's cell of the implementation period.
func implementationCell(col ComparisonColumn, j int, lang string) compareCell {
	switch {
	case col.Implementation == nil:
		return cellMissing
	case j > 0 && col.ImplementationShift != nil && *col.ImplementationShift == 0:
		return cellSame
	}
	b := compareCell{Text: T(lang, "compare.days", *col.Implementation)}
	if j > 0 && col.ImplementationShift != nil {
		b.Shift = []string{signed(*col.ImplementationShift, "d")}
	}
	return b
}

// compareHeads are the columns' headings: base (in lang), then each
// scenario's name.
func compareHeads(c *Comparison, lang string) []string {
	heads := make([]string, len(c.Columns))
	for i, col := range c.Columns {
		heads[i] = col.Name
		if i == 0 {
			heads[i] = T(lang, "compare.base")
		}
	}
	return heads
}

// compareRemark is what is said under a comparison of one plan: its notes
// and, when it has no schedule, its conflict (which starts "infeasible: …"
// itself). label is its heading, the base in lang.
type compareRemark struct {
	label      string
	notes      []string
	infeasible bool
	conflict   string
}

// compareRemarks are the remarks of every plan of c, the base first, for
// the table and the Markdown.
func compareRemarks(c *Comparison, lang string) []compareRemark {
	out := make([]compareRemark, 0, len(c.Columns))
	for _, col := range c.Columns {
		r := compareRemark{label: col.Name}
		for _, u := range col.Unapplied {
			r.notes = append(r.notes, T(lang, "compare.unapplied", u.Milestone, u.Set, u.Milestone, u.Done))
		}
		if r.label == region.BaseScenario {
			r.label = T(lang, "compare.base")
		}
		if !col.Result.Feasible && col.Result.Conflict != nil {
			r.infeasible, r.conflict = true, ConflictMessage(lang, col.Result.Conflict)
		}
		out = append(out, r)
	}
	return out
}
