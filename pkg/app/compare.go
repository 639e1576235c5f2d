package app

import (
	"slices"
	"sort"
	"strings"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// CompareRequest asks for one tender's base plan and scenarios side by
// side.
type CompareRequest struct {
	Args      []string
	Tender    string   // needed when there are several
	Scenarios []string // only these (none: all), in the order given
	Sets      []string // ID=DATE in every plan
}

// CompareReport is the comparison (render.Comparison: columns per plan,
// a row per milestone). A scenario without a schedule is an answer, not a
// failure.
type CompareReport struct {
	*render.Comparison
}

// Compare plans the tender in each plan asked for and lays them out.
func (a *App) Compare(req CompareRequest) (*CompareReport, error) {
	regions, err := a.Finder.Find(req.Args)
	if err != nil {
		return nil, err
	}
	sel, err := PickTender(regions, req.Tender, "compare", "compare shows")
	if err != nil {
		return nil, err
	}
	moves, err := ParseMoves(req.Sets, "--set")
	if err != nil {
		return nil, err
	}
	names, err := scenarioNames(sel.Tender, req.Scenarios)
	if err != nil {
		return nil, err
	}
	c, err := a.compare(sel.Region, sel.Tender, names, moves)
	if err != nil {
		return nil, err
	}
	return &CompareReport{c}, nil
}

// scenarioNames returns the plans to compare: the base, then the scenarios
// asked for in the order given (all of the tender's, in file order, when
// none is asked for). "base" may be named and is not repeated.
func scenarioNames(t *region.Tender, asked []string) ([]string, error) {
	names := []string{region.BaseScenario}
	if len(asked) == 0 {
		return append(names, t.ScenarioIDs()...), nil
	}
	for _, a := range asked {
		a = strings.TrimSpace(a)
		if a == "" || slices.Contains(names, a) {
			continue
		}
		if _, err := WithScenario(t, a); err != nil {
			return nil, err
		}
		names = append(names, a)
	}
	return names, nil
}

// compare plans tender t of region r in each of the named plans (the base
// first) with the moves of --set, runs the rules on each plan, and lays
// the plans side by side. A move whose milestone is done in a plan is left
// out of that plan, with a note; a move whose milestone is in none of them,
// or done in all of them, is a usage error.
func (a *App) compare(r *region.Region, t *region.Tender, names []string, moves []timeline.Move) (*render.Comparison, error) {
	if err := a.CheckPolicy(); err != nil {
		return nil, err
	}
	ruleOpts := a.RulesOptions()
	cal := a.Planner.RegionCalendar(r)
	c := &render.Comparison{Region: r, Tender: t}
	st := &setUse{used: map[string]bool{}, applied: map[string]bool{}, doneErr: map[string]error{}}
	tenders := make([]*region.Tender, len(names))
	for i, name := range names {
		tc, err := t.WithScenario(name)
		if err != nil {
			return nil, &UsageError{Err: err}
		}
		tenders[i] = tc
		col := render.ComparisonColumn{Name: name, Description: scenarioDescription(t, name)}
		set := st.split(t, tc, moves, &col)
		res, err := a.plan(r, tc, timeline.Options{Set: set})
		if err != nil {
			return nil, PlanError(err)
		}
		col.Result = res
		fs := rules.Check(r, tc, res, ruleOpts)
		col.Errors, col.Warnings, _ = rules.Count(fs)
		c.Columns = append(c.Columns, col)
	}
	if err := st.check(t, tenders, moves); err != nil {
		return nil, err
	}
	c.Rows = rows(c.Columns, tenders, cal)
	summarise(c, cal)
	return c, nil
}

// scenarioDescription is the description of scenario name of t ("" for
// the base).
func scenarioDescription(t *region.Tender, name string) string {
	for _, s := range t.Scenarios {
		if s.ID == name {
			return s.Description
		}
	}
	return ""
}

// setUse follows the moves of --set across compare's plans: which
// milestones some plan has (used), which moves some plan takes (applied),
// and the error of a move whose milestone is done.
type setUse struct {
	used, applied map[string]bool
	doneErr       map[string]error
}

// split returns the moves that plan tc (of tender t) takes; a move whose
// milestone is done there is noted on col as unapplied.
func (st *setUse) split(t, tc *region.Tender, moves []timeline.Move, col *render.ComparisonColumn) []timeline.Move {
	var set []timeline.Move
	for _, mv := range moves {
		m := tc.Milestone(mv.Milestone)
		switch {
		case m == nil:
		case m.Done != nil:
			st.used[mv.Milestone] = true
			if st.doneErr[m.ID] == nil {
				st.doneErr[m.ID] = &timeline.MoveError{Tender: t.ID, Milestone: m.ID, Done: true, DoneDate: m.Done.Date}
			}
			col.Unapplied = append(col.Unapplied, render.UnappliedSet{Milestone: mv.Milestone, Set: mv.Date, Done: m.Done.Date})
		default:
			st.used[mv.Milestone], st.applied[mv.Milestone] = true, true
			set = append(set, mv)
		}
	}
	return set
}

// check is the usage error of a move whose milestone is in none of the
// plans, or done in all of them (nothing to compare, as tender plan --set).
func (st *setUse) check(t *region.Tender, tenders []*region.Tender, moves []timeline.Move) error {
	for _, mv := range moves {
		if !st.used[mv.Milestone] {
			var ids []string
			for _, tc := range tenders {
				for _, m := range tc.Milestones {
					if !slices.Contains(ids, m.ID) {
						ids = append(ids, m.ID)
					}
				}
			}
			if err := derivedMove(tenders, mv.Milestone, "--set"); err != nil {
				return err
			}
			return Unknown("milestone", mv.Milestone, ids, "tender "+t.ID, "--set")
		}
		if !st.applied[mv.Milestone] {
			return &UsageError{Err: st.doneErr[mv.Milestone]}
		}
	}
	return nil
}

// rows lays the milestones of every plan out in one order: each milestone
// sorted by its date in the base (or, for one the base does not have or
// cannot plan, in the first plan that has it), file order on ties (the
// base's milestones first, then those the scenarios add, in plan order).
func rows(cols []render.ComparisonColumn, tenders []*region.Tender, cal *calendar.Calendar) []render.ComparisonRow {
	ids := rowOrder(cols, tenders)
	out := make([]render.ComparisonRow, 0, len(ids))
	for _, id := range ids {
		out = append(out, compareRow(id, cols, tenders, cal))
	}
	return out
}

// rowOrder is the order of rows: the milestone ids of every plan, by the
// date of the first plan that dates them, the undated last, file order on
// ties.
func rowOrder(cols []render.ComparisonColumn, tenders []*region.Tender) []string {
	type key struct {
		id    string
		dated bool
		date  date.Date
		order int
	}
	var keys []key
	index := map[string]int{}
	add := func(id string) int {
		i, ok := index[id]
		if !ok {
			i = len(keys)
			index[id] = i
			keys = append(keys, key{id: id, order: i})
		}
		return i
	}
	for _, tc := range tenders {
		for _, m := range tc.Milestones {
			add(m.ID)
		}
	}
	for _, col := range cols {
		for _, pl := range col.Result.Milestones {
			// A milestone no tender has is a decision derived from the
			// contract the tender replaces.
			k := &keys[add(pl.Milestone.ID)]
			if !k.dated {
				k.dated, k.date = true, pl.Date
			}
		}
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.dated != b.dated {
			return a.dated
		}
		if a.dated && a.date != b.date {
			return a.date < b.date
		}
		return a.order < b.order
	})
	ids := make([]string, len(keys))
	for i, k := range keys {
		ids[i] = k.id
	}
	return ids
}

// compareRow is milestone id's row: its date in each plan and the shift
// from the base's date.
func compareRow(id string, cols []render.ComparisonColumn, tenders []*region.Tender, cal *calendar.Calendar) render.ComparisonRow {
	base := cols[0].Result
	row := render.ComparisonRow{ID: id, InBase: tenders[0].Milestone(id) != nil || base.Milestone(id) != nil}
	for i, tc := range tenders {
		if m := tc.Milestone(id); m != nil && row.Kind == "" {
			row.Milestone, row.Kind = m, m.Kind
		}
		pl := cols[i].Result.Milestone(id)
		if pl != nil && row.Kind == "" {
			row.Milestone, row.Kind = pl.Milestone, pl.Milestone.Kind
		}
		var cell render.ComparisonCell
		if pl != nil {
			cell.Present, cell.Date = true, pl.Date
			if b := base.Milestone(id); b != nil {
				cell.Shift = &render.Shift{Days: int(pl.Date - b.Date), Workdays: cal.WorkdaysBetween(b.Date, pl.Date)}
			}
		}
		row.Cells = append(row.Cells, cell)
	}
	return row
}

// summarise fills in each plan's contract start (the first contract-start
// milestone in date order) and implementation period (from the first award
// milestone to the contract start), and their differences with the base.
func summarise(c *render.Comparison, cal *calendar.Calendar) {
	for i := range c.Columns {
		col := &c.Columns[i]
		var award *date.Date
		for _, pl := range col.Result.Milestones {
			switch pl.Milestone.Kind {
			case region.KindContractStart:
				if col.ContractStart == nil {
					d := pl.Date
					col.ContractStart = &d
				}
			case region.KindAward:
				if award == nil {
					d := pl.Date
					award = &d
				}
			}
		}
		if award != nil && col.ContractStart != nil {
			n := int(*col.ContractStart - *award)
			col.Implementation = &n
		}
		base := &c.Columns[0]
		if i > 0 && base.ContractStart != nil && col.ContractStart != nil {
			col.ContractStartShift = &render.Shift{Days: int(*col.ContractStart - *base.ContractStart),
				Workdays: cal.WorkdaysBetween(*base.ContractStart, *col.ContractStart)}
		}
		if i > 0 && base.Implementation != nil && col.Implementation != nil {
			d := *col.Implementation - *base.Implementation
			col.ImplementationShift = &d
		}
	}
}
