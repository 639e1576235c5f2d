package app

import (
	"bytes"
	"slices"
	"strings"

	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/region"
	regionedit "github.com/tender-nl/tender/pkg/region/edit"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// RescheduleRequest asks what moving milestones does to a tender's plan,
// and to write the moves into the region file.
type RescheduleRequest struct {
	Region   string   // one region file or id
	Moves    []string // ID=DATE
	Tender   string   // needed when the region has several and the moves do not tell
	Scenario string   // move within this scenario (and write into its overlay)
	Keeps    []string // hold these milestones at their current planned dates
	Sets     []string // ID=DATE for this run, before and after; not written
	// Write puts the moves into the region file as on: DATE, holding the
	// file's write lock from the read to the rename.
	Write bool
	// AllowScenarioBreaks writes a move that leaves a scenario that had a
	// schedule without one.
	AllowScenarioBreaks bool
	// SHA256, with Write, is the hex SHA-256 of the file as the client saw
	// it (region.Region.SHA256): when the file read under the lock has
	// other bytes, nothing is written (source.ChangedError). tender
	// serve's write sends it, so that a page never writes over a change it
	// has not shown.
	SHA256 string
}

// RescheduleReport is the plan before and after the moves
// (render.Reschedule: rows, contract start, findings that appear and
// disappear, every scenario replanned), and what became of the write.
type RescheduleReport struct {
	*render.Reschedule
	// Moves are the moves asked for, in order.
	Moves []timeline.Move
	// Write: the moves were to be written; Written (render.Reschedule) is
	// the file when they were.
	Write bool
	// Infeasible: the moves leave the tender without a schedule; nothing
	// was written.
	Infeasible bool
	// Blocked: the write was refused because the move leaves scenarios
	// (BrokenIDs) without a schedule.
	Blocked bool
	// RunOnly: --keep or --set were given, which are never written.
	RunOnly   bool
	conflicts []Conflict
}

// Conflicts are the tender's conflict when the moves leave it without a
// schedule, else those of the scenarios they break, in file order.
func (r *RescheduleReport) Conflicts() []Conflict { return r.conflicts }

// BrokenIDs are the scenarios the moves leave without a schedule.
func (r *RescheduleReport) BrokenIDs() []string {
	var ids []string
	for _, sc := range r.Broken() {
		ids = append(ids, sc.ID)
	}
	return ids
}

// Where names what was (or would be) written: the file, and the
// scenario's overlay in it.
func (r *RescheduleReport) Where() (file, scenario string) { return r.Region.Source, r.Tender.Scenario }

// Reschedule moves milestones, replans the tender and each of its
// scenarios, and with Write puts the moves into the region file. The
// whole write is one transaction: the file's write lock (source.OpenEdit)
// is held from the read that is planned to the rename, so that two
// processes never lose each other's move; a file changed on disk meanwhile
// is refused (source.ChangedError).
func (a *App) Reschedule(req RescheduleRequest) (*RescheduleReport, error) {
	sel, moves, sets, err := a.rescheduleTarget(req)
	if err != nil {
		return nil, err
	}
	r, t := sel.Region, sel.Tender
	var src []byte
	var edit *source.Edit
	if req.Write {
		if src, edit, r, t, err = a.openEdit(r, t, req.SHA256); err != nil {
			return nil, err
		}
		defer edit.Close()
	}
	if req.Scenario != "" {
		if t, err = WithScenario(t, req.Scenario); err != nil {
			return nil, err
		}
	}
	rep := &RescheduleReport{Moves: moves, Write: req.Write, RunOnly: len(req.Keeps) > 0 || len(req.Sets) > 0}
	before, err := a.plan(r, t, timeline.Options{Set: sets})
	if err != nil {
		return nil, PlanError(err)
	}
	keeps, err := keepMoves(t, before, req.Keeps, moves)
	if err != nil {
		return nil, err
	}
	after, err := a.plan(r, t, timeline.Options{Set: append(append(withoutMoved(sets, moves), moves...), keeps...)})
	if err != nil {
		return nil, PlanError(err)
	}
	if rep.Reschedule, err = a.rescheduled(r, t, moves, req.Keeps, before, after); err != nil {
		return nil, err
	}
	if after.Feasible {
		rep.Reschedule.Consequences = a.consequences(r, t, before, after)
	}
	if !after.Feasible {
		rep.Infeasible = true
		rep.conflicts = []Conflict{{Selected{r, t}, after.Conflict}}
		return rep, nil
	}
	if err := a.scenariosAndWrite(req, rep, moves, sets, src, edit); err != nil {
		return nil, err
	}
	return rep, nil
}

// scenariosAndWrite replans the scenarios of a feasible move in the base,
// then writes the moves unless that leaves a scenario without a schedule
// (and that is not allowed).
func (a *App) scenariosAndWrite(req RescheduleRequest, rep *RescheduleReport, moves, sets []timeline.Move, src []byte, edit *source.Edit) error {
	r, t := rep.Region, rep.Tender
	// A move in the base moves every scenario that does not give the
	// milestone's dates itself: replan them all.
	if req.Scenario == "" {
		var err error
		if rep.Scenarios, err = a.replanScenarios(r, t, moves, req.Keeps, sets); err != nil {
			return err
		}
	}
	for _, sc := range rep.Broken() {
		rep.conflicts = append(rep.conflicts, Conflict{Selected{r, sc.Tender}, sc.After.Conflict})
	}
	if !req.Write {
		return nil
	}
	if len(rep.conflicts) > 0 && !req.AllowScenarioBreaks {
		rep.Blocked = true
		return nil
	}
	return writeMoves(rep, src, edit, moves)
}

// rescheduleTarget reads the moves and --set, finds the region and picks
// the tender they are about.
func (a *App) rescheduleTarget(req RescheduleRequest) (sel Selected, moves, sets []timeline.Move, err error) {
	if moves, err = ParseMoves(req.Moves, "move"); err != nil {
		return sel, nil, nil, err
	}
	if sets, err = ParseMoves(req.Sets, "--set"); err != nil {
		return sel, nil, nil, err
	}
	regions, err := a.Finder.Find([]string{req.Region})
	if err != nil {
		return sel, nil, nil, err
	}
	for _, r := range regions {
		for _, mv := range moves {
			if err := derivedMove(r.Tenders, mv.Milestone, ""); err != nil {
				return sel, nil, nil, err
			}
		}
		for _, mv := range sets {
			if err := derivedMove(r.Tenders, mv.Milestone, "--set"); err != nil {
				return sel, nil, nil, err
			}
		}
	}
	sel, err = pickTender(regions, req.Tender, req.Scenario, moves)
	return sel, moves, sets, err
}

// openEdit takes the write lock of the region's file and reads it again
// (App.Files): what is planned is what is on disk now.
func (a *App) openEdit(r *region.Region, t *region.Tender, sha string) ([]byte, *source.Edit, *region.Region, *region.Tender, error) {
	switch {
	case r.BuiltIn:
		return nil, nil, nil, nil, Usagef("%s is a built-in region and cannot be written: copy it with 'tender init --from %s' and reschedule the copy", r.ID, r.ID)
	case r.Source == "-":
		return nil, nil, nil, nil, Usagef("--write cannot write to standard input: give the region file's path")
	}
	src, edit, err := a.Files.OpenEdit(r.Source)
	if err != nil {
		return nil, nil, nil, nil, err
	}
	if sha != "" && source.Hash(src) != sha {
		edit.Close()
		return nil, nil, nil, nil, &source.ChangedError{Path: r.Source}
	}
	fresh, err := region.Load(r.Source, src)
	if err != nil {
		edit.Close()
		return nil, nil, nil, nil, err
	}
	fresh.Source = r.Source
	ft := fresh.Tender(t.ID)
	if ft == nil {
		edit.Close()
		return nil, nil, nil, nil, &source.ChangedError{Path: r.Source}
	}
	return src, edit, fresh, ft, nil
}

// writeMoves splices each move into the file as on: DATE and replaces the
// file, unless that changes nothing.
func writeMoves(rep *RescheduleReport, src []byte, edit *source.Edit, moves []timeline.Move) error {
	r, t := rep.Region, rep.Tender
	out := src
	var err error
	for _, mv := range moves {
		if out, err = regionedit.SetOn(out, r.Source, t.ID, mv.Milestone, mv.Date, t.Scenario); err != nil {
			return err
		}
	}
	if bytes.Equal(out, src) {
		return nil
	}
	if err := edit.Replace(out); err != nil {
		return err
	}
	rep.Written = r.Source
	return nil
}

// pickTender finds the tender the moves are about: --tender, the region's
// only tender, or the only one that has every moved milestone.
func pickTender(regions []*region.Region, id, scenario string, moves []timeline.Move) (Selected, error) {
	if len(regions) != 1 {
		var ids []string
		for _, r := range regions {
			ids = append(ids, r.ID)
		}
		return Selected{}, Usagef("reschedule works on one region, and this names %d (%s): give one region file or id", len(regions), strings.Join(ids, ", "))
	}
	r := regions[0]
	var all []string
	for _, t := range r.Tenders {
		all = append(all, t.ID)
	}
	if id != "" {
		if t := r.Tender(id); t != nil {
			return Selected{Region: r, Tender: t}, nil
		}
		return Selected{}, Unknown("tender", id, all, "region "+r.ID, "")
	}
	if len(r.Tenders) == 1 {
		return Selected{Region: r, Tender: r.Tenders[0]}, nil
	}
	var fits []*region.Tender
	for _, t := range r.Tenders {
		tc := t
		if scenario != "" {
			var err error
			if tc, err = t.WithScenario(scenario); err != nil {
				continue
			}
		}
		ok := true
		for _, mv := range moves {
			ok = ok && tc.Milestone(mv.Milestone) != nil
		}
		if ok {
			fits = append(fits, t)
		}
	}
	if len(fits) == 1 {
		return Selected{Region: r, Tender: fits[0]}, nil
	}
	return Selected{}, Usagef("region %s has %d tenders (%s): choose one with --tender", r.ID, len(r.Tenders), strings.Join(all, ", "))
}

// replanScenarios plans every scenario of t before and after moves made in
// the base. In a scenario that gives a moved milestone's dates itself (its
// overlay has on, done, after, before, align or by), the base's on: does
// not reach it, so that move is left out there; --keep holds a milestone
// at its date in that scenario's plan before the move; --set holds in
// every plan.
func (a *App) replanScenarios(r *region.Region, t *region.Tender, moves []timeline.Move, kept []string, sets []timeline.Move) ([]render.RescheduleScenario, error) {
	var out []render.RescheduleScenario
	for _, sc := range t.Scenarios {
		ts, err := t.WithScenario(sc.ID)
		if err != nil {
			return nil, err
		}
		var inherited []timeline.Move
		for _, mv := range moves {
			if !slices.ContainsFunc(sc.Overlays, func(o region.Overlay) bool { return o.HasDates && o.Milestone.ID == mv.Milestone }) {
				inherited = append(inherited, mv)
			}
		}
		before, err := a.plan(r, ts, timeline.Options{Set: sets})
		if err != nil {
			return nil, PlanError(err)
		}
		var keeps []timeline.Move
		if before.Feasible {
			if keeps, err = keepMoves(ts, before, kept, moves); err != nil {
				return nil, err
			}
		}
		after, err := a.plan(r, ts, timeline.Options{Set: append(append(withoutMoved(sets, inherited), inherited...), keeps...)})
		if err != nil {
			return nil, PlanError(err)
		}
		s := render.RescheduleScenario{ID: sc.ID, Tender: ts, Before: before, After: after}
		if before.Feasible && after.Feasible {
			if s.Added, s.Removed, err = a.findingsMoved(r, ts, before, after); err != nil {
				return nil, err
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// keepMoves turns --keep ids into moves to their planned date before.
// A done milestone is fixed anyway and needs no move.
func keepMoves(t *region.Tender, before *timeline.Result, keeps []string, moves []timeline.Move) ([]timeline.Move, error) {
	var out []timeline.Move
	for _, id := range keeps {
		m := t.Milestone(id)
		if m == nil {
			var known []string
			for _, x := range t.Milestones {
				known = append(known, x.ID)
			}
			if err := derivedMove([]*region.Tender{t}, id, "--keep"); err != nil {
				return nil, err
			}
			return nil, Unknown("milestone", id, known, "tender "+t.ID, "--keep")
		}
		if slices.ContainsFunc(moves, func(mv timeline.Move) bool { return mv.Milestone == id }) {
			return nil, Usagef("--keep %s: %s is also moved; keep it or move it", id, id)
		}
		if m.Done != nil {
			continue
		}
		if !before.Feasible {
			return nil, Usagef("--keep %s: the plan before the move has no schedule, so %s has no current date to keep", id, id)
		}
		out = append(out, timeline.Move{Milestone: id, Date: before.Milestone(id).Date, Held: true})
	}
	return out, nil
}

// withoutMoved drops the --set entries of milestones that are moved: the
// move is the later word.
func withoutMoved(sets, moves []timeline.Move) []timeline.Move {
	var out []timeline.Move
	for _, s := range sets {
		if !slices.ContainsFunc(moves, func(mv timeline.Move) bool { return mv.Milestone == s.Milestone }) {
			out = append(out, s)
		}
	}
	return out
}

// rescheduled lays out the plans before and after the moves: a row per milestone
// with both dates and the shift (calendar days, and working days in
// (before, after] of the region's calendar), and the findings of the rules
// that appear and disappear (compared by rule, milestone and message; a
// finding whose message changes counts as one of each).
func (a *App) rescheduled(r *region.Region, t *region.Tender, moves []timeline.Move, kept []string, before, after *timeline.Result) (*render.Reschedule, error) {
	rs := &render.Reschedule{Region: r, Tender: t, Kept: kept, Before: before, After: after}
	for _, mv := range moves {
		m := render.RescheduleMove{Milestone: mv.Milestone, To: mv.Date}
		if pl := before.Milestone(mv.Milestone); pl != nil {
			d := pl.Date
			m.From = &d
		}
		rs.Moves = append(rs.Moves, m)
	}
	if !after.Feasible {
		return rs, nil
	}
	cal := a.Planner.RegionCalendar(r)
	for _, pl := range after.Milestones {
		m := pl.Milestone
		row := render.RescheduleRow{ID: m.ID, Kind: m.Kind, Done: pl.Done,
			Moved: slices.ContainsFunc(moves, func(mv timeline.Move) bool { return mv.Milestone == m.ID }),
			Kept:  slices.Contains(kept, m.ID)}
		a := pl.Date
		row.After = &a
		if b := before.Milestone(m.ID); b != nil {
			bd := b.Date
			row.Before = &bd
			row.Shift = &render.Shift{Days: int(a - bd), Workdays: cal.WorkdaysBetween(bd, a)}
		}
		rs.Rows = append(rs.Rows, row)
	}
	for i := range rs.Rows {
		if rs.Rows[i].Kind == region.KindContractStart {
			rs.ContractStart = &rs.Rows[i]
			break
		}
	}
	var err error
	if rs.Added, rs.Removed, err = a.findingsMoved(r, t, before, after); err != nil {
		return nil, err
	}
	return rs, nil
}

// findingsMoved checks the plans before and after a move and returns the
// findings the move adds and the ones it removes.
func (a *App) findingsMoved(r *region.Region, t *region.Tender, before, after *timeline.Result) (added, removed []rules.Finding, err error) {
	if err := a.CheckPolicy(); err != nil {
		return nil, nil, err
	}
	opts := a.RulesOptions()
	fb := rules.Check(r, t, before, opts)
	fa := rules.Check(r, t, after, opts)
	return change.FindingsDelta(fb, fa), change.FindingsDelta(fa, fb), nil
}

// consequences are what the moves force on a.Today (change.Consequences):
// the same judgement as tender diff's.
func (a *App) consequences(r *region.Region, t *region.Tender, before, after *timeline.Result) []change.Consequence {
	old, cur := change.FromResult(r, t, before), change.FromResult(r, t, after)
	d, err := change.Compare(change.Side{Dates: old.Dates}, cur, nil, nil)
	if err != nil {
		return nil
	}
	return change.Consequences(d, old, cur, a.Today, t.Accelerated)
}
