package render

import (
	"fmt"

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
