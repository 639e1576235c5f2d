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
	// Notes are remarks on this column, such as a --set that could not
	// apply because the milestone is done in it.
	Notes []string
}

// ComparisonRow is one milestone across the columns.
type ComparisonRow struct {
	ID, Name, Kind string
	// InBase is false for a milestone that only scenarios have.
	InBase bool
	// Cells has one entry per column.
	Cells []ComparisonCell
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
	same := compareCell{Text: markSame, Mark: true}
	missing := compareCell{Text: markMissing, Mark: true}
	shift := func(s *Shift) []string { return []string{signed(s.Days, "d"), signed(s.Workdays, "wd")} }
	for ri, r := range c.Rows {
		line := compareLine{ID: r.ID, Name: r.Name}
		for j, col := range c.Columns {
			cell := r.Cells[j]
			var out compareCell
			switch {
			case !col.Result.Feasible:
				if ri == 0 {
					out.Text = T(lang, "compare.noschedule")
				}
			case !cell.Present:
				out = missing
			case j == 0 || cell.Shift == nil:
				out = compareCell{Text: cell.Date.String(), New: j > 0 && !r.InBase}
			case cell.Shift.IsZero():
				out = same
			default:
				out = compareCell{Text: cell.Date.String(), Shift: shift(cell.Shift)}
			}
			line.Cells = append(line.Cells, out)
		}
		milestones = append(milestones, line)
	}
	var ends []compareLine
	if len(c.Columns) > 0 && c.Columns[0].Result.Contract != nil {
		base := c.Columns[0].Result.Contract
		// "Extend one year, or tender now?": the end of the contract the
		// tender replaces, which a scenario moves by taking an option.
		end := compareLine{Label: T(lang, "compare.contractend", base.ID)}
		for j, col := range c.Columns {
			var e compareCell
			switch ct := col.Result.Contract; {
			case ct == nil:
				e = missing
			case j > 0 && ct.End() == base.End():
				e = same
			default:
				e.Text = ct.End().String()
				if j > 0 {
					e.Shift = []string{signed(int(ct.End()-base.End()), "d")}
				}
			}
			end.Cells = append(end.Cells, e)
		}
		ends = append(ends, end)
	}
	cs := compareLine{Label: T(lang, "compare.contractstart")}
	impl := compareLine{Label: T(lang, "compare.implementation")}
	errs := compareLine{Label: T(lang, "compare.errors")}
	warns := compareLine{Label: T(lang, "compare.warnings")}
	for j, col := range c.Columns {
		var a compareCell
		switch {
		case !col.Result.Feasible:
			a.Text = T(lang, "compare.noschedule")
		case col.ContractStart == nil:
			a = missing
		case j > 0 && col.ContractStartShift.IsZero():
			a = same
		default:
			a.Text = col.ContractStart.String()
			if j > 0 && col.ContractStartShift != nil {
				a.Shift = shift(col.ContractStartShift)
			}
		}
		cs.Cells = append(cs.Cells, a)
		var b compareCell
		switch {
		case col.Implementation == nil:
			b = missing
		case j > 0 && col.ImplementationShift != nil && *col.ImplementationShift == 0:
			b = same
		default:
			b.Text = T(lang, "compare.days", *col.Implementation)
			if j > 0 && col.ImplementationShift != nil {
				b.Shift = []string{signed(*col.ImplementationShift, "d")}
			}
		}
		impl.Cells = append(impl.Cells, b)
		errs.Cells = append(errs.Cells, compareCell{Text: strconv.Itoa(col.Errors)})
		warns.Cells = append(warns.Cells, compareCell{Text: strconv.Itoa(col.Warnings)})
	}
	return milestones, append(ends, cs, impl, errs, warns)
}
