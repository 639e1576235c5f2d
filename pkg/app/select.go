package app

import (
	"slices"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Selected is one tender to work on, with its scenario already applied
// when one was asked for.
type Selected struct {
	Region *region.Region
	Tender *region.Tender
}

// Conflict is a tender without a schedule and why (the conflict chain).
type Conflict struct {
	Selected
	Conflict *timeline.Conflict
}

// SelectTenders picks the tenders named by ids (all when none), and
// applies scenario to each tender that has it (none, or base: the tenders
// as they are). An id or scenario that matches nothing is an UnknownError.
func SelectTenders(regions []*region.Region, ids []string, scenario string) ([]Selected, error) {
	var out []Selected
	var known, scenarios []string
	matched := map[string]bool{}
	for _, r := range regions {
		for _, t := range r.Tenders {
			known = append(known, t.ID)
			if len(ids) > 0 && !slices.Contains(ids, t.ID) {
				continue
			}
			matched[t.ID] = true
			for _, id := range t.ScenarioIDs() {
				if !slices.Contains(scenarios, id) {
					scenarios = append(scenarios, id)
				}
			}
			out = append(out, Selected{Region: r, Tender: t})
		}
	}
	for _, id := range ids {
		if !matched[id] {
			return nil, Unknown("tender", id, known, "", "")
		}
	}
	if scenario == "" || scenario == region.BaseScenario {
		return out, nil
	}
	var kept []Selected
	for _, s := range out {
		if !slices.Contains(s.Tender.ScenarioIDs(), scenario) {
			continue
		}
		t, err := s.Tender.WithScenario(scenario)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		kept = append(kept, Selected{Region: s.Region, Tender: t})
	}
	if len(kept) == 0 {
		return nil, Unknown("scenario", scenario, scenarios, scenarioPlace(out), "")
	}
	return kept, nil
}

// scenarioPlace is where a scenario was looked for: one tender by name,
// several as "" (the selected tenders).
func scenarioPlace(sel []Selected) string {
	if len(sel) == 1 {
		return "tender " + sel[0].Tender.ID
	}
	return ""
}

// CheckScenario is an UnknownError when no selected tender has scenario
// (none and base always exist).
func CheckScenario(sel []Selected, scenario string) error {
	if scenario == "" || scenario == region.BaseScenario {
		return nil
	}
	var all []string
	for _, s := range sel {
		for _, id := range s.Tender.ScenarioIDs() {
			if id == scenario {
				return nil
			}
			if !slices.Contains(all, id) {
				all = append(all, id)
			}
		}
	}
	return Unknown("scenario", scenario, all, scenarioPlace(sel), "")
}

// WithScenario applies scenario to one tender (none or base: as it is).
func WithScenario(t *region.Tender, scenario string) (*region.Tender, error) {
	if scenario == "" || scenario == region.BaseScenario {
		return t, nil
	}
	if !slices.Contains(t.ScenarioIDs(), scenario) {
		return nil, Unknown("scenario", scenario, t.ScenarioIDs(), "tender "+t.ID, "")
	}
	st, err := t.WithScenario(scenario)
	if err != nil {
		return nil, &UsageError{Err: err}
	}
	return st, nil
}

// PickTender finds the one tender a single-tender use-case works on: the
// one id names (in any of the regions), or the only tender there is.
// command and does name the command for the message when there are several
// ("risk", "risk simulates").
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
		return Selected{}, Unknown("tender", id, all, "", "")
	case len(found) == 0:
		return Selected{}, Usagef("no tenders found")
	}
	var names []string
	for _, s := range found {
		names = append(names, s.Region.ID+"/"+s.Tender.ID)
	}
	if id != "" {
		return Selected{}, Usagef("tender %q is in several regions (%s): name one region, e.g. tender %s %s --tender %s",
			id, strings.Join(names, ", "), command, found[0].Region.ID, id)
	}
	return Selected{}, Usagef("%s one tender, and there are %d (%s): choose one with --tender", does, len(found), strings.Join(names, ", "))
}

// ParseMoves reads ID=DATE arguments; flag names them in errors ("--set",
// "move").
func ParseMoves(args []string, flag string) ([]timeline.Move, error) {
	var out []timeline.Move
	for _, a := range args {
		id, val, ok := strings.Cut(a, "=")
		if !ok || id == "" {
			return nil, Usagef("invalid %s %q: write MILESTONE=YYYY-MM-DD, e.g. publication=2020-09-23", flag, a)
		}
		d, err := date.Parse(val)
		if err != nil {
			return nil, Usagef("invalid %s %q: %v", flag, a, err)
		}
		out = append(out, timeline.Move{Milestone: id, Date: d})
	}
	return out, nil
}

// movesFor returns the moves that apply to tender t, and marks them used.
func movesFor(t *region.Tender, moves []timeline.Move, used map[string]bool) []timeline.Move {
	var out []timeline.Move
	for _, m := range moves {
		if t.Milestone(m.Milestone) != nil {
			out = append(out, m)
			used[m.Milestone] = true
		}
	}
	return out
}

// unusedMove is the UnknownError of a move whose milestone is in none of
// tenders.
func unusedMove(tenders []*region.Tender, moves []timeline.Move, used map[string]bool, flag string) error {
	for _, m := range moves {
		if used[m.Milestone] {
			continue
		}
		if err := derivedMove(tenders, m.Milestone, flag); err != nil {
			return err
		}
		return Unknown("milestone", m.Milestone, milestoneIDs(tenders), tenderPlace(tenders), flag)
	}
	return nil
}

// milestoneIDs lists the milestones of tenders, each once, in file order.
func milestoneIDs(tenders []*region.Tender) []string {
	var ids []string
	for _, t := range tenders {
		for _, m := range t.Milestones {
			if !slices.Contains(ids, m.ID) {
				ids = append(ids, m.ID)
			}
		}
	}
	return ids
}

// tenderPlace names the tender ids were looked up in when there is one.
func tenderPlace(tenders []*region.Tender) string {
	if len(tenders) == 0 {
		return ""
	}
	for _, t := range tenders[1:] {
		if t.ID != tenders[0].ID {
			return ""
		}
	}
	return "tender " + tenders[0].ID
}

func tendersOf(sel []Selected) []*region.Tender {
	out := make([]*region.Tender, len(sel))
	for i, s := range sel {
		out[i] = s.Tender
	}
	return out
}

// derivedMove refuses, as a usage error, a move (or --keep) of id when id
// is the decision on an extension option that one of tenders derives from
// the contract it replaces (CONTRACT-option-N): its date is the contract's
// end minus the option's notice, so the way to move it is in the contract.
// Nil when id is no such decision.
func derivedMove(tenders []*region.Tender, id, flag string) error {
	for _, t := range tenders {
		if t.Replaces == "" {
			continue
		}
		n, ok := strings.CutPrefix(id, t.Replaces+"-option-")
		if !ok || n == "" || strings.Trim(n, "0123456789") != "" {
			continue
		}
		if flag == "--keep" {
			return Usagef("--keep: %s is the decision on extension option %s of contract %s, derived from the contract: it never moves, so leave it out of --keep",
				id, n, t.Replaces)
		}
		prefix := ""
		if flag != "" {
			prefix = flag + ": "
		}
		return Usagef("%s%s is the decision on extension option %s of contract %s, derived from the contract (its end minus the option's notice), and cannot be moved: change the contract's start, term, options or extended instead",
			prefix, id, n, t.Replaces)
	}
	return nil
}
