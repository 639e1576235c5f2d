package timeline

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// Options change how Plan plans a tender.
type Options struct {
	// Schedule is asap or alap to override the tender's schedule:, or
	// "" for the tender's own (asap when it has none).
	Schedule region.Schedule
	// Set fixes milestones at new dates (tender plan --set, tender
	// reschedule): each move replaces only the milestone's on and keeps its
	// after, before, align and by.
	Set []Move

	// Delays adds risk delays, in order, to the named milestones' lower
	// bounds before alignment; Relax turns the on dates of milestones that
	// are not done into lower bounds and sets dated upper bounds aside. Both
	// are for the runs of tender risk (README, "Region file format": "Risks").
	Delays map[string][]date.Duration
	Relax  bool

	// Explain fills Planned.Why: the chain of constraints that binds each
	// milestone's earliest date (tender diff names the changed input in
	// it that moved a milestone).
	Explain bool

	// noContract leaves out the bound of the replaced contract (to find
	// the contract start a gap in care would give).
	noContract bool
}

// Move fixes a milestone at a date.
type Move struct {
	Milestone string
	Date      date.Date
	// Held marks a move that keeps the milestone at the date it already
	// had (tender reschedule --keep); a conflict explanation says "held at"
	// instead of "moved to".
	Held bool
}

// MoveError is a move that cannot be made: an unknown milestone or a done
// one. It is a usage error (exit 2), not an infeasible plan.
type MoveError struct {
	Tender    string
	Milestone string
	// Done is set when the milestone is done (on DoneDate): it happened and
	// cannot move.
	Done     bool
	DoneDate date.Date
	// Twice is set when the milestone was moved more than once.
	Twice bool
	// Suggest is the closest milestone id for an unknown one, or "".
	Suggest string
	// Known lists the tender's milestone ids for an unknown one.
	Known []string
}

func (e *MoveError) Error() string {
	switch {
	case e.Done:
		return fmt.Sprintf("milestone %s of tender %s is done (%s) and cannot be moved", e.Milestone, e.Tender, e.DoneDate)
	case e.Twice:
		return fmt.Sprintf("milestone %s of tender %s is moved twice: give one date", e.Milestone, e.Tender)
	case e.Suggest != "":
		return fmt.Sprintf("tender %s has no milestone %q; did you mean %s?", e.Tender, e.Milestone, e.Suggest)
	}
	return fmt.Sprintf("tender %s has no milestone %q; its milestones are %s", e.Tender, e.Milestone, strings.Join(e.Known, ", "))
}

// Result is the plan of one tender: what tender plan prints.
type Result struct {
	Region, Tender, Scenario, File string
	// Schedule is asap or alap: which date is the planned one.
	Schedule region.Schedule
	Feasible bool
	// Conflict explains an infeasible plan (nil when Feasible).
	Conflict *Conflict
	// Milestones are in planned date order, file order on ties; empty (not
	// nil) when infeasible.
	Milestones []Planned
	// Start and End are the first and last planned dates (the span).
	Start, End date.Date
	// TenderStart is the tender's start (README, "Region file format": scheduling semantics):
	// the lower bound of the milestones whose lower bounds reach no date.
	TenderStart date.Date
	// Municipalities are the names of the municipalities that take part
	// (region.Participants), and RegionMunicipalities the number of the
	// region's: equal lengths mean the whole region.
	Municipalities       []string
	RegionMunicipalities int
	// Contract is the contract the tender replaces (tender key replaces),
	// as its scenario has it, or nil. Its extension decisions are among
	// Milestones, with kind extension-decision and Milestone.Derived set.
	Contract *region.Contract
	// GapStart is set when the plan is infeasible and, without the bound
	// of the replaced contract, its contract start would fall after the
	// contract's end + 1 day: that contract start (a gap in care).
	GapStart date.Date
}

// Milestone returns the planned milestone with the given id, or nil.
func (r *Result) Milestone(id string) *Planned {
	for i := range r.Milestones {
		if r.Milestones[i].Milestone.ID == id {
			return &r.Milestones[i]
		}
	}
	return nil
}

// Planned is one milestone of a plan.
type Planned struct {
	Milestone *region.Milestone
	// Date is the planned date: Earliest under asap, Latest under alap.
	Date, Earliest date.Date
	// Latest and Slack are nil when nothing limits the milestone from above.
	Latest *date.Date
	Slack  *int
	// Critical: slack 0. Fixed: on, done or moved. Done: done.
	Critical, Fixed, Done bool
	// By is the body of by: or align: meeting:BODY, or "". For a decision
	// of several bodies it is the one whose meeting the planned date is
	// (the last to decide; the first in by:'s order when several meet
	// that day, and the first of all when none does, as a fixed date may).
	By string
	// Bodies are all the bodies of by: (one for by: BODY and align:
	// meeting:BODY), or nil.
	Bodies []string
	// Why is, with Options.Explain, the chain of constraints that binds
	// the earliest date, from the milestone back to a dated origin, in the
	// links of a conflict chain; nil without it.
	Why []Link
}

// binding returns the first of bodies that meets on d, or the first body
// when none does.
func binding(cal *calendar.Calendar, bodies []string, d date.Date) string {
	for _, b := range bodies {
		if cal.IsMeeting(b, d) {
			return b
		}
	}
	return bodies[0]
}

// Conflict is why a plan is infeasible, as structure: what conflicts
// (Kind, at Milestone) and the chain of constraints that conflict. It has
// no words: printers word it in their language (the message of README,
// "Region file format": scheduling semantics) and write its chain into
// JSON (render's plan JSON, link by link).
type Conflict struct {
	// Kind is what conflicts: a lower bound after a fixed date, a date
	// after an upper bound, no aligned date, a cycle, a date out of range.
	Kind ConflictKind
	// Milestone is the id of the milestone where the conflict shows.
	Milestone string
	// StartBy is the id of the milestone whose earliest date is the
	// tender's start (a RoleStart link gives that date), or "".
	StartBy string
	// File is the region file's path; BuiltIn is the region's id when its
	// file is built in (printers name it built-in/ID.yaml in their words).
	File    string
	BuiltIn string
	// Chain is the links of the explanation, from the conflict back to the
	// dated origin (for a cycle: around the cycle).
	Chain []Link
}

// Link is one constraint of a conflict chain (or of Planned.Why), as
// structure: the printers write it (the JSON chain's "constraint",
// render.LinkConstraint) and word it. The start rule is at the tender's
// line; a move has no file and line 0.
type Link struct {
	// Milestone is the id of the milestone the constraint bounds.
	Milestone string
	File      string
	Line      int
	// Bound is the date the constraint gives the milestone, if any (not for
	// the links of a cycle, nor for an alignment that allows no date).
	Bound *date.Date

	// Role is what the constraint does to the milestone (RoleFixed,
	// RoleAfter, RolePush, RoleStart, RoleDelay, …).
	Role Role
	// Key is the key the constraint is written under: on, done, after,
	// before, align, by, or replaces (the bound of the replaced
	// contract); "" for the tender's start and for risk delays.
	Key string
	// Text is the constraint's value as written ("award + 3mo").
	Text string
	// At is the id of the milestone the constraint is written at when
	// that is another one (a before: that pushes), else "".
	At string
	// Moved is an on: given by a move, not written in the file; Held a
	// move that keeps the date the milestone had (Move.Held, --keep).
	Moved, Held bool
	// Body is, for a decision of several bodies, the body whose meeting
	// binds, or that has no meeting left; else "".
	Body string
	// Contract is the id of the replaced contract, for Key replaces.
	Contract string
}

// Planner plans tenders and keeps the calendars it builds, so that all the
// tenders of a region (and regions with the same calendar) share one.
// It is safe for concurrent use; the zero value is ready to use
// (&timeline.Planner{}). The package has no planner of its own: whoever
// plans owns one (the application layer, pkg/app, one per App) and hands
// it to whatever needs the same calendars (render, rules, risk).
type Planner struct {
	mu   sync.Mutex
	cals map[string]*calendar.Calendar
}

// maxCachedCalendars bounds the cache; when full it starts over.
const maxCachedCalendars = 256

// RegionCalendar returns the calendar of region r, shared with every other
// region of the same calendar and bodies (cached by its specification).
func (p *Planner) RegionCalendar(r *region.Region) *calendar.Calendar {
	spec := CalendarSpec(r)
	key := specKey(&spec)
	p.mu.Lock()
	defer p.mu.Unlock()
	if c, ok := p.cals[key]; ok {
		return c
	}
	if p.cals == nil || len(p.cals) >= maxCachedCalendars {
		p.cals = make(map[string]*calendar.Calendar)
	}
	c := calendar.New(spec)
	p.cals[key] = c
	return c
}

// CalendarSpec translates a region's calendar: section and bodies.
func CalendarSpec(r *region.Region) calendar.Spec {
	var spec calendar.Spec
	if len(r.Calendar.Workdays) > 0 {
		for _, d := range r.Calendar.Weekdays() {
			spec.Workdays[d] = true
		}
	}
	spec.Holidays = r.Calendar.Holidays != region.HolidaysNone
	for _, c := range r.Calendar.Closed {
		spec.Closed = append(spec.Closed, calendar.Period{Name: c.Name, From: c.From, To: c.To})
	}
	if len(r.Bodies) > 0 {
		spec.Bodies = make(map[string]calendar.Meetings, len(r.Bodies))
		for _, b := range r.Bodies {
			m := calendar.Meetings{Dates: b.Dates, Rule: b.Rule}
			for _, p := range b.Recess {
				m.Recess = append(m.Recess, calendar.Period{Name: p.Name, From: p.From, To: p.To})
			}
			spec.Bodies[b.ID] = m
		}
	}
	return spec
}

// specKey is a canonical key of a calendar spec: its numbers in binary and
// its names with their lengths. It is computed for every tender planned
// (and checked), so it is built with appends, not fmt or decimal text: a
// board with a list of meeting dates makes it some hundred numbers long.
func specKey(s *calendar.Spec) string {
	b := make([]byte, 0, 16+12*len(s.Closed)+8*len(s.Bodies))
	num := func(x int64) { b = binary.AppendVarint(b, x) }
	str := func(x string) { num(int64(len(x))); b = append(b, x...) }
	for _, w := range s.Workdays {
		if w {
			b = append(b, 1)
		} else {
			b = append(b, 0)
		}
	}
	if s.Holidays {
		b = append(b, 1)
	} else {
		b = append(b, 0)
	}
	num(int64(len(s.Closed)))
	for _, c := range s.Closed {
		num(int64(c.From))
		num(int64(c.To))
		str(c.Name)
	}
	ids := make([]string, 0, len(s.Bodies))
	for id := range s.Bodies {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		m := s.Bodies[id]
		str(id)
		if m.Rule != nil {
			b = append(b, 1)
			num(int64(m.Rule.Kind))
			num(int64(m.Rule.Weekday))
			num(int64(m.Rule.From))
			num(int64(m.Rule.Nth))
		} else {
			b = append(b, 0)
		}
		num(int64(len(m.Dates)))
		for _, d := range m.Dates {
			num(int64(d))
		}
		num(int64(len(m.Recess)))
		for _, p := range m.Recess {
			num(int64(p.From))
			num(int64(p.To))
			str(p.Name)
		}
	}
	return string(b)
}

// source is where a constraint of the problem was written: the milestone,
// which key, and for after and before the index in its list. Problem Src
// fields index a []source; the text and position are looked up only when a
// conflict is explained.
type source struct {
	ms, idx int32
	kind    srcKind
}

type srcKind uint8

const (
	srcOn srcKind = iota
	srcDone
	srcMoved // an on: given by a move, not written in the file
	srcAfter
	srcBefore
	srcAlign
	srcBy
	srcReplaces // contract-start ≤ end of the replaced contract + 1d
)

// srcInfo is a source as written.
type srcInfo struct {
	key   string // on, done, after, before, align, by
	text  string // the value as written
	pos   region.Pos
	moved bool
	held  bool // a move that keeps the date (Move.Held)
}

func describe(r *region.Region, t *region.Tender, moves []*Move, s source) srcInfo {
	m := t.Milestones[s.ms]
	switch s.kind {
	case srcReplaces:
		c := r.Replaced(t)
		return srcInfo{key: "replaces", text: "end(" + c.ID + ") + 1d", pos: c.Pos}
	case srcOn:
		return srcInfo{key: "on", text: m.On.Date.String(), pos: fixedPos(m.On)}
	case srcDone:
		return srcInfo{key: "done", text: m.Done.Date.String(), pos: fixedPos(m.Done)}
	case srcMoved:
		return srcInfo{key: "on", text: moves[s.ms].Date.String(), moved: true, held: moves[s.ms].Held}
	case srcAfter:
		e := m.After[s.idx]
		return srcInfo{key: "after", text: exprText(e), pos: e.Pos}
	case srcBefore:
		e := m.Before[s.idx]
		return srcInfo{key: "before", text: exprText(e), pos: e.Pos}
	case srcAlign:
		return srcInfo{key: "align", text: alignText(m.Align), pos: m.Align.Pos}
	}
	return srcInfo{key: "by", text: m.By.Text(), pos: m.By.Pos}
}

// Plan plans tender t of region r (with any scenario already applied).
// Errors are input errors (*region.Error: no dated lower bound, a reference
// to an unknown milestone) or usage errors (*MoveError, a bad Schedule); an
// infeasible plan is not an error but a Result with a Conflict.
func (p *Planner) Plan(r *region.Region, t *region.Tender, opts Options) (*Result, error) {
	return p.planIn(nil, r, t, opts)
}

// planIn plans tender t of region r in cal, r's calendar; nil looks it up.
func (p *Planner) planIn(cal *calendar.Calendar, r *region.Region, t *region.Tender, opts Options) (*Result, error) {
	sched, err := scheduleOf(t, opts.Schedule)
	if err != nil {
		return nil, err
	}
	moves, err := checkMoves(t, opts.Set)
	if err != nil {
		return nil, err
	}
	contract := r.Replaced(t)
	if contract != nil {
		// The extension decisions join the tender as fixed milestones,
		// after its own; nothing moves them.
		t = withDecisions(t, contract)
		moves = append(moves, make([]*Move, len(t.Milestones)-len(moves))...)
	}
	if cal == nil {
		cal = p.RegionCalendar(r)
	}
	prob, srcs, err := buildProblem(r, t, cal, moves, &opts)
	if err != nil {
		return nil, err
	}
	prob.ALAP = sched == region.ScheduleALAP
	prob.Explain = opts.Explain

	res := &Result{Region: r.ID, Tender: t.ID, Scenario: t.Scenario, File: r.Source, Schedule: sched,
		Milestones: []Planned{}, Municipalities: r.ParticipantNames(t), RegionMunicipalities: len(r.Municipalities),
		Contract: contract}
	sol, err := Solve(prob, cal)
	if err == ErrNoDatedBound {
		return nil, &region.Error{File: r.Source, Pos: t.Pos, Msg: fmt.Sprintf(
			"tender %s: no milestone's lower bounds reach a date, so the plan has nothing to start from: give at least one on, done or dated after", t.ID)}
	}
	if err != nil {
		return nil, err
	}
	res.TenderStart = sol.Start
	if sol.Conflict != nil {
		res.Conflict = explain(r, t, moves, srcs, sol.Conflict, sol)
		if contract != nil {
			res.GapStart = gapStart(r, t, cal, moves, opts, contract)
		}
		return res, nil
	}
	res.Feasible = true
	res.Milestones = planned(r, t, cal, moves, srcs, prob, sol)
	res.span()
	return res, nil
}

// scheduleOf is the schedule a plan of t uses: the one asked for, else
// the tender's own, else asap.
func scheduleOf(t *region.Tender, asked region.Schedule) (region.Schedule, error) {
	switch asked {
	case "":
		if t.Schedule == region.ScheduleALAP {
			return region.ScheduleALAP, nil
		}
		return region.ScheduleASAP, nil
	case region.ScheduleASAP, region.ScheduleALAP:
		return asked, nil
	}
	return "", fmt.Errorf("unknown schedule %q: use asap or alap", asked)
}

// planned are the milestones of a feasible plan, in planned date order,
// file order on ties.
func planned(r *region.Region, t *region.Tender, cal *calendar.Calendar, moves []*Move, srcs []source, prob *Problem, sol *Solution) []Planned {
	// Sort (date, index) pairs.
	keys := make([]uint64, len(t.Milestones))
	for i := range keys {
		keys[i] = uint64(uint32(int32(sol.Date[i])^math.MinInt32))<<32 | uint64(i)
	}
	slices.Sort(keys)
	out := make([]Planned, len(keys))
	latest := make([]date.Date, len(keys))
	slack := make([]int, len(keys))
	for k, key := range keys {
		i := int(uint32(key))
		m := t.Milestones[i]
		pl := Planned{Milestone: m, Date: sol.Date[i], Earliest: sol.Earliest[i], By: m.Meeting(),
			Bodies: m.Meetings(), Fixed: prob.Nodes[i].Fixed || moves[i] != nil, Done: m.Done != nil}
		if len(pl.Bodies) > 1 {
			pl.By = binding(cal, pl.Bodies, pl.Date)
		}
		if sol.Why != nil {
			pl.Why = chainLinks(r, t, moves, srcs, sol.Why[i])
		}
		if l := sol.Latest[i]; l != Unbounded {
			latest[k], slack[k] = l, int(l-sol.Earliest[i])
			pl.Latest, pl.Slack, pl.Critical = &latest[k], &slack[k], slack[k] == 0
		}
		out[k] = pl
	}
	return out
}

// span sets Start and End from the planned dates. The span is the
// tender's own: the decisions derived from the contract it replaces may
// lie far before or after it.
func (res *Result) span() {
	first := true
	for _, pl := range res.Milestones {
		switch {
		case pl.Milestone.Derived != "":
		case first:
			res.Start, res.End, first = pl.Date, pl.Date, false
		default:
			res.Start, res.End = min(res.Start, pl.Date), max(res.End, pl.Date)
		}
	}
}

// withDecisions returns a copy of t with the decisions on c's remaining
// options added as fixed milestones of kind extension-decision, id
// CONTRACT-option-N, at each option's notice deadline (region.Notices).
// They have no name: Derived and Option say where they come from, and
// printers name them in their language.
func withDecisions(t *region.Tender, c *region.Contract) *region.Tender {
	ns := c.Notices()
	tc := *t
	tc.Milestones = make([]*region.Milestone, len(t.Milestones), len(t.Milestones)+len(ns))
	copy(tc.Milestones, t.Milestones)
	store := make([]region.Milestone, len(ns))
	for i := range ns {
		n := &ns[i]
		m := &store[i]
		m.ID = c.ID + "-option-" + strconv.Itoa(n.Option)
		m.Kind = region.KindExtensionDecision
		m.On = &region.Fixed{Date: n.Deadline, Pos: n.Pos, KeyPos: n.Pos}
		m.Pos, m.KindPos = n.Pos, n.Pos
		m.Derived, m.Option = c.ID, n
		tc.Milestones = append(tc.Milestones, m)
	}
	return &tc
}

// gapStart is the earliest contract start of t's plan without the bound of
// contract c, when that falls after c's end + 1 day; else 0.
func gapStart(r *region.Region, t *region.Tender, cal *calendar.Calendar, moves []*Move, opts Options, c *region.Contract) date.Date {
	opts.noContract = true
	prob, _, err := buildProblem(r, t, cal, moves, &opts)
	if err != nil {
		return 0
	}
	sol, err := Solve(prob, cal)
	if err != nil || sol.Conflict != nil {
		return 0
	}
	limit := c.End().AddDays(1)
	var first date.Date
	for i, m := range t.Milestones {
		if m.Kind == region.KindContractStart && m.Derived == "" && (first == 0 || sol.Earliest[i] < first) {
			first = sol.Earliest[i]
		}
	}
	if first > limit {
		return first
	}
	return 0
}

// checkMoves resolves the moves to milestone indices.
func checkMoves(t *region.Tender, set []Move) ([]*Move, error) {
	moves := make([]*Move, len(t.Milestones))
	for k := range set {
		mv := &set[k]
		i := slices.IndexFunc(t.Milestones, func(m *region.Milestone) bool { return m.ID == mv.Milestone })
		if i < 0 {
			e := &MoveError{Tender: t.ID, Milestone: mv.Milestone}
			for _, m := range t.Milestones {
				e.Known = append(e.Known, m.ID)
			}
			e.Suggest = region.SuggestID(mv.Milestone, e.Known)
			return nil, e
		}
		m := t.Milestones[i]
		if m.Done != nil {
			return nil, &MoveError{Tender: t.ID, Milestone: m.ID, Done: true, DoneDate: m.Done.Date}
		}
		if moves[i] != nil && moves[i].Date != mv.Date {
			return nil, &MoveError{Tender: t.ID, Milestone: m.ID, Twice: true}
		}
		moves[i] = mv
	}
	return moves, nil
}

// meetingListEnds reports whether a is a meeting of a body with a list of
// dates (which ends), not a rule (which goes on).
func meetingListEnds(r *region.Region, a date.Alignment) bool {
	if a.Kind != date.AlignMeeting {
		return false
	}
	b := r.Body(a.Body)
	return b != nil && b.Rule == nil
}

// builder turns a tender into a Problem (buildProblem).
type builder struct {
	r     *region.Region
	t     *region.Tender
	cal   Calendar
	moves []*Move
	// relax and noContract are Options.Relax and noContract.
	relax, noContract bool
	prob              *Problem
	srcs              []source
	errs              region.ErrorList
}

// buildProblem turns a tender into a Problem; node i is milestone i. The
// sources say where each constraint was written (describe).
func buildProblem(r *region.Region, t *region.Tender, cal Calendar, moves []*Move, opts *Options) (*Problem, []source, error) {
	n := len(t.Milestones)
	b := builder{r: r, t: t, cal: cal, moves: moves, relax: opts.Relax, noContract: opts.noContract}
	ids := make(map[string]int32, n) // kept out of b, so that it stays off the heap
	nsrc, nexpr := 0, 0
	for i, m := range t.Milestones {
		ids[m.ID] = int32(i)
		nexpr += len(m.After) + len(m.Before)
		nsrc += 3 + len(m.After) + len(m.Before)
	}
	b.prob = &Problem{Nodes: make([]Node, n), Edges: make([]Edge, 0, nexpr)}
	b.srcs = make([]source, 0, nsrc)
	for i, m := range t.Milestones {
		nd := &b.prob.Nodes[i]
		b.fixed(i, m, nd)
		b.alignment(i, m, nd)
		if d := opts.Delays[m.ID]; len(d) > 0 {
			nd.Delays = d
		}
		b.exprs(i, m, m.After, false, ids)
		b.exprs(i, m, m.Before, true, ids)
	}
	if len(b.errs) > 0 {
		return nil, nil, b.errs
	}
	b.contractBound()
	return b.prob, b.srcs, nil
}

// add records where a constraint was written and returns its number.
func (b *builder) add(s source) int {
	b.srcs = append(b.srcs, s)
	return len(b.srcs) - 1
}

// fixed fixes node i at its move, done or on date (an on is a lower bound
// in a risk run, Options.Relax).
func (b *builder) fixed(i int, m *region.Milestone, nd *Node) {
	ms := int32(i)
	switch {
	case b.moves[i] != nil:
		nd.Fixed, nd.Date = true, b.moves[i].Date
		nd.FixedSrc = b.add(source{ms: ms, kind: srcMoved})
	case m.Done != nil:
		nd.Fixed, nd.Date = true, m.Done.Date
		nd.FixedSrc = b.add(source{ms: ms, kind: srcDone})
	case m.On != nil:
		src := b.add(source{ms: ms, kind: srcOn})
		if b.relax {
			b.prob.Bounds = append(b.prob.Bounds, Bound{Node: i, Date: m.On.Date, Src: src})
		} else {
			nd.Fixed, nd.Date, nd.FixedSrc = true, m.On.Date, src
		}
	}
}

// alignment gives node i its align: and by:, and says whether the dates
// they allow end (a list of meeting dates) and whether it is set aside
// (a derived decision).
func (b *builder) alignment(i int, m *region.Milestone, nd *Node) {
	ms := int32(i)
	if m.Align != nil && m.Align.Kind != date.AlignNone {
		nd.Align = m.Align.Alignment
		nd.AlignSrc = b.add(source{ms: ms, kind: srcAlign})
	}
	if m.By != nil {
		if bodies := m.By.All(); len(bodies) > 1 {
			nd.ByAll = make([]date.Alignment, len(bodies))
			for k, body := range bodies {
				nd.ByAll[k] = date.Alignment{Kind: date.AlignMeeting, Body: body}
			}
		} else {
			nd.By = date.Alignment{Kind: date.AlignMeeting, Body: m.By.Body}
		}
		nd.BySrc = b.add(source{ms: ms, kind: srcBy})
	}
	nd.AlignEnds = meetingListEnds(b.r, nd.Align) || meetingListEnds(b.r, nd.By)
	nd.Aside = m.Derived != ""
	if len(nd.ByAll) > 0 {
		// Several bodies: the dates end when every body's do.
		nd.AlignEnds = true
		for _, a := range nd.ByAll {
			ends := meetingListEnds(b.r, a)
			nd.AlignEnds = nd.AlignEnds && ends
			nd.ByAllEnds = nd.ByAllEnds || ends
		}
	}
}

// exprs adds node i's afters (or, upper, its befores): a dated one as a
// bound in the calendar (a risk run sets dated befores aside), one of
// another milestone (ids: their nodes) as an edge; a reference to no
// milestone is an error.
func (b *builder) exprs(i int, m *region.Milestone, list []region.Expr, upper bool, ids map[string]int32) {
	kind, key := srcAfter, "after"
	if upper {
		kind, key = srcBefore, "before"
	}
	for x, e := range list {
		src := b.add(source{ms: int32(i), idx: int32(x), kind: kind})
		sign, dur := e.Sign, e.Dur
		if sign == 0 {
			sign, dur = 1, date.Duration{}
		}
		if e.Dated() {
			if upper && b.relax {
				continue // a risk run sets dated upper bounds aside
			}
			d := date.Date(shiftDay(b.cal, int32(e.Date), sign, dur))
			b.prob.Bounds = append(b.prob.Bounds, Bound{Node: i, Upper: upper, Date: d, Src: src})
			continue
		}
		j, ok := ids[e.Ref]
		if !ok {
			b.errs = append(b.errs, &region.Error{File: b.r.Source, Pos: e.Pos,
				Msg: fmt.Sprintf("%s: %s refers to %q, which is not a milestone of tender %s", m.ID, key, e.Ref, b.t.ID)})
			continue
		}
		b.prob.Edges = append(b.prob.Edges, Edge{Node: i, Ref: int(j), Before: upper, Sign: sign, Dur: dur, Src: src})
	}
}

// contractBound adds contract-start ≤ the replaced contract's end + 1 day:
// a real upper bound, so alap plans back from it. A risk run (Relax) sets
// it aside with the other dated upper bounds.
func (b *builder) contractBound() {
	c := b.r.Replaced(b.t)
	if c == nil || b.relax || b.noContract {
		return
	}
	limit := c.End().AddDays(1)
	for i, m := range b.t.Milestones {
		if m.Kind == region.KindContractStart && m.Derived == "" {
			b.prob.Bounds = append(b.prob.Bounds, Bound{Node: i, Upper: true, Date: limit, Src: b.add(source{ms: int32(i), kind: srcReplaces})})
		}
	}
}

func fixedPos(f *region.Fixed) region.Pos {
	if f.Pos.Line > 0 {
		return f.Pos
	}
	return f.KeyPos
}

func alignText(a *region.Align) string {
	if a.Text != "" {
		return a.Text
	}
	return a.Alignment.String()
}

// exprText is the expression as written, or rebuilt when Text is empty
// (region types built in Go).
func exprText(e region.Expr) string {
	if e.Text != "" {
		return e.Text
	}
	s := e.Ref
	if e.Dated() {
		s = e.Date.String()
	}
	if e.Sign != 0 {
		op := " + "
		if e.Sign < 0 {
			op = " - "
		}
		s += op + e.Dur.String()
	}
	return s
}
