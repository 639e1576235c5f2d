package cmdutil

import (
	"fmt"
	"io"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Selected is one tender to work on (app.Selected).
type Selected = app.Selected

// SelectTenders is app.SelectTenders.
func SelectTenders(regions []*region.Region, tenderIDs []string, scenario string) ([]Selected, error) {
	return app.SelectTenders(regions, tenderIDs, scenario)
}

// ParseMoves reads ID=DATE arguments (--set, reschedule).
func ParseMoves(args []string, flag string) ([]timeline.Move, error) {
	return app.ParseMoves(args, flag)
}

// MovesFor returns the moves that apply to tender t, and checks at the end
// (CheckMovesUsed) that every move applied somewhere.
func MovesFor(t *region.Tender, moves []timeline.Move, used map[string]bool) []timeline.Move {
	var out []timeline.Move
	for _, m := range moves {
		if t.Milestone(m.Milestone) != nil {
			out = append(out, m)
			used[m.Milestone] = true
		}
	}
	return out
}

// CheckMovesUsed reports a move whose milestone exists in none of the
// selected tenders.
func CheckMovesUsed(sel []Selected, moves []timeline.Move, used map[string]bool, flag string) error {
	for _, m := range moves {
		if used[m.Milestone] {
			continue
		}
		var ids []string
		for _, s := range sel {
			for _, ms := range s.Tender.Milestones {
				ids = append(ids, ms.ID)
			}
		}
		in := ""
		if len(sel) == 1 {
			in = "tender " + sel[0].Tender.ID
		}
		return &UsageError{Err: &app.UnknownError{What: "milestone", Name: m.Milestone, Known: ids, In: in, Flag: flag}}
	}
	return nil
}

// Describe names a tender for messages: region/tender, with the scenario.
func Describe(s Selected) string { return s.Describe() }

// PrintConflict writes why the selected tender has no schedule, for
// stderr: "achterhoek/inkoop-2022: infeasible: …", the explanation's
// further lines under it.
func PrintConflict(w io.Writer, s Selected, c *timeline.Conflict) {
	fmt.Fprintf(w, "%s: %s\n", Describe(s), c.Message)
}

// PrintConflicts writes each conflict (PrintConflict) and answers "no"
// (ErrNo) when there is one.
func PrintConflicts(w io.Writer, conflicts []app.Conflict) error {
	for _, c := range conflicts {
		PrintConflict(w, c.Selected, c.Conflict)
	}
	if len(conflicts) > 0 {
		return ErrNo
	}
	return nil
}

// Plural formats "1 error", "2 errors".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// PlanError is app.PlanError.
func PlanError(err error) error { return app.PlanError(err) }

// PickTender is app.PickTender.
func PickTender(regions []*region.Region, id, command, does string) (Selected, error) {
	return app.PickTender(regions, id, command, does)
}
