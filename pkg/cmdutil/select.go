package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Selected is one tender to work on, with its scenario already applied.
type Selected struct {
	Region *region.Region
	Tender *region.Tender
}

// SelectTenders picks the tenders named by --tender (all when none), and
// applies --scenario to each tender that has it. A --tender or --scenario
// that matches nothing is a usage error that lists what exists.
func SelectTenders(regions []*region.Region, tenderIDs []string, scenario string) ([]Selected, error) {
	var out []Selected
	var known, scenarios []string
	matched := map[string]bool{}
	for _, r := range regions {
		for _, t := range r.Tenders {
			known = append(known, t.ID)
			if len(tenderIDs) > 0 && !slices.Contains(tenderIDs, t.ID) {
				continue
			}
			matched[t.ID] = true
			for _, s := range t.Scenarios {
				scenarios = append(scenarios, s.ID)
			}
			out = append(out, Selected{Region: r, Tender: t})
		}
	}
	for _, id := range tenderIDs {
		if !matched[id] {
			return nil, UsageErrorf("unknown tender %q%s (tenders: %s)", id, region.DidYouMean(id, known), strings.Join(known, ", "))
		}
	}
	if scenario == "" || scenario == region.BaseScenario {
		// --scenario base names the tenders as they are, as in compare,
		// risk and reschedule.
		return out, nil
	}
	var kept []Selected
	for _, s := range out {
		if !hasScenario(s.Tender, scenario) {
			continue
		}
		t, err := s.Tender.WithScenario(scenario)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		kept = append(kept, Selected{Region: s.Region, Tender: t})
	}
	if len(kept) == 0 {
		if len(scenarios) == 0 {
			return nil, UsageErrorf("unknown scenario %q: the selected tenders have no scenarios", scenario)
		}
		return nil, UsageErrorf("unknown scenario %q%s (scenarios: %s)", scenario, region.DidYouMean(scenario, scenarios), strings.Join(scenarios, ", "))
	}
	return kept, nil
}

func hasScenario(t *region.Tender, name string) bool {
	for _, s := range t.Scenarios {
		if s.ID == name {
			return true
		}
	}
	return false
}

// ParseMoves reads ID=DATE arguments (--set, reschedule).
func ParseMoves(args []string, flag string) ([]timeline.Move, error) {
	var out []timeline.Move
	for _, a := range args {
		id, val, ok := strings.Cut(a, "=")
		if !ok || id == "" {
			return nil, UsageErrorf("invalid %s %q: write MILESTONE=YYYY-MM-DD, e.g. publication=2020-09-23", flag, a)
		}
		d, err := date.Parse(val)
		if err != nil {
			return nil, UsageErrorf("invalid %s %q: %v", flag, a, err)
		}
		out = append(out, timeline.Move{Milestone: id, Date: d})
	}
	return out, nil
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
		return UsageErrorf("%s: unknown milestone %q%s", flag, m.Milestone, region.DidYouMean(m.Milestone, ids))
	}
	return nil
}

// Describe names a tender for messages: region/tender, with the scenario.
func Describe(s Selected) string {
	d := s.Region.ID + "/" + s.Tender.ID
	if s.Tender.Scenario != "" {
		d += " (scenario " + s.Tender.Scenario + ")"
	}
	return d
}

// PrintConflict writes why the selected tender has no schedule, for
// stderr: "achterhoek/inkoop-2022: infeasible: …", the explanation's
// further lines under it.
func PrintConflict(w io.Writer, s Selected, c *timeline.Conflict) {
	fmt.Fprintf(w, "%s: %s\n", Describe(s), c.Message)
}

// Plural formats "1 error", "2 errors".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// PlanError maps an error of timeline.Plan: a move that cannot be made is a
// usage error; anything else (an input error) passes through.
func PlanError(err error) error {
	var me *timeline.MoveError
	if errors.As(err, &me) {
		return &UsageError{Err: err}
	}
	return err
}

// PickTender finds the one tender a single-tender command works on: the
// one --tender names (in any of the regions), or the only tender there is.
// command is the command's name and does what it does with one tender, for
// the message when there are several ("compare shows").
func PickTender(regions []*region.Region, id, command, does string) (Selected, error) {
	var found []Selected
	var all []string
	for _, r := range regions {
		for _, t := range r.Tenders {
			all = append(all, t.ID)
			if id == "" || t.ID == id {
				found = append(found, Selected{Region: r, Tender: t})
			}
		}
	}
	switch {
	case len(found) == 1:
		return found[0], nil
	case len(found) == 0 && id != "":
		return Selected{}, UsageErrorf("unknown tender %q%s (tenders: %s)", id, region.DidYouMean(id, all), strings.Join(all, ", "))
	case len(found) == 0:
		return Selected{}, UsageErrorf("no tenders found")
	}
	var names []string
	for _, s := range found {
		names = append(names, s.Region.ID+"/"+s.Tender.ID)
	}
	if id != "" {
		return Selected{}, UsageErrorf("tender %q is in several regions (%s): name one region, e.g. tender %s %s --tender %s",
			id, strings.Join(names, ", "), command, found[0].Region.ID, id)
	}
	return Selected{}, UsageErrorf("%s one tender, and there are %d (%s): choose one with --tender", does, len(found), strings.Join(names, ", "))
}
