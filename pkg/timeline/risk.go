package timeline

import (
	"fmt"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// RiskModel is a tender made ready for the many runs of tender risk
// (README, "Region file format": "Risks"): its problem is built once, relaxed as Options.Relax
// says (on dates of milestones that are not done become lower bounds, dated
// befores are set aside), and each run only adds that run's delays and
// solves the lower bounds again. A run gives exactly the earliest dates
// that Plan with Options{Relax: true, Delays: …} gives, in a fraction of
// the time: no region lookups, no graph building, no backward pass.
//
// A RiskModel is read-only and may be shared; each goroutine needs its own
// RiskRunner.
type RiskModel struct {
	prob *Problem
	cal  Calendar
	// Milestones are the tender's milestones: node i is Milestones[i].
	Milestones []*region.Milestone
}

// PrepareRisk builds the relaxed problem of tender t of region r (with any
// scenario already applied). Its errors are Plan's input errors.
func (p *Planner) PrepareRisk(r *region.Region, t *region.Tender) (*RiskModel, error) {
	cal := p.RegionCalendar(r)
	opts := Options{Relax: true}
	prob, _, err := buildProblem(r, t, cal, make([]*Move, len(t.Milestones)), &opts)
	if err != nil {
		return nil, err
	}
	m := &RiskModel{prob: prob, cal: cal, Milestones: t.Milestones}
	// A tender with nothing dated is an input error, as in Plan; delays
	// cannot change that, so it is checked once here.
	if _, err := m.NewRunner(); err != nil {
		if err == ErrNoDatedBound {
			return nil, &region.Error{File: r.Source, Pos: t.Pos, Msg: fmt.Sprintf(
				"tender %s: no milestone's lower bounds reach a date, so the plan has nothing to start from: give at least one on, done or dated after", t.ID)}
		}
		return nil, err
	}
	return m, nil
}

// RiskRunner solves the runs of one RiskModel, one after the other. It
// holds the solver's state between runs and is not safe for concurrent use.
type RiskRunner struct {
	s               *solver
	nodes           []Node
	plain           []bool  // plain without delays
	loInit, whyInit []int32 // the dated lower bounds, before the start rule
	hasOrigin       bool
}

// NewRunner makes a runner for m.
func (m *RiskModel) NewRunner() (*RiskRunner, error) {
	// The runner's own copy of the nodes carries the delays of its runs;
	// bounds and edges are shared and never written.
	p := *m.prob
	p.Nodes = append([]Node(nil), m.prob.Nodes...)
	p.ALAP = false
	s, err := newSolver(&p, m.cal)
	if err != nil {
		return nil, err
	}
	// The nodes the solver reads (newSolver may have copied them).
	r := &RiskRunner{s: s, nodes: s.p.Nodes,
		plain:   append([]bool(nil), s.plain...),
		loInit:  append([]int32(nil), s.loInit...),
		whyInit: append([]int32(nil), s.whyInit...)}
	for i := range p.Nodes {
		if p.Nodes[i].Fixed || s.loInit[i] != unset {
			r.hasOrigin = true
			break
		}
	}
	if !r.hasOrigin {
		return nil, ErrNoDatedBound
	}
	return r, nil
}

// Run solves one run: delays[i] are added, in order, to the largest lower
// bound of milestone i before its alignment (nil or empty: none; ignored
// for done milestones, which are fixed). It writes every milestone's
// earliest date to dates (indexed like RiskModel.Milestones) and returns
// true, or returns false when the run has no schedule: a delay pushed a
// milestone past a done date, past the last meeting of a body's list, or
// out of the range of dates. delays and dates must have one entry per
// milestone.
func (r *RiskRunner) Run(delays [][]date.Duration, dates []date.Date) bool {
	s := r.s
	for i := range r.nodes {
		var d []date.Duration
		if i < len(delays) {
			d = delays[i]
		}
		r.nodes[i].Delays = d
		s.plain[i] = r.plain[i] && len(d) == 0
	}
	copy(s.loInit, r.loInit)
	copy(s.whyInit, r.whyInit)
	// What Solve does up to the earliest dates (see there): pass 1 finds
	// the tender's start from the nodes that reach a date, pass 2 gives the
	// others the start.
	if s.forward(nil) != nil {
		return false
	}
	if _, allReach := s.findStart(); !allReach {
		s.giveStart()
		if s.forward(nil) != nil {
			return false
		}
	}
	for i, e := range s.early {
		if i < len(dates) {
			dates[i] = date.Date(e)
		}
	}
	return true
}

// forwardCycleDelayed is forwardCycle for a component that may hold nodes
// with delays. A delay is added to the largest lower bound of its node; in
// a cycle, one of those bounds comes around the cycle from the node itself
// and already carries the delay, so adding it at every round would add it
// again and again: two milestones on the same day (a after: b, b after: a)
// with a delay on one would rise forever. So the component is solved twice:
// first with its own delays held back, which gives every delayed node the
// largest lower bound it has from everything else (upstream delays
// included); then with that bound plus the node's delays as a dated lower
// bound of the node, and no delays. Outside cycles this is exactly adding
// the delays to the largest lower bound, which settle does directly.
func (s *solver) forwardCycleDelayed(c int32, nodes []int32, pin []int32) *Infeasibility {
	var held []int32
	for _, v := range nodes {
		if len(s.p.Nodes[v].Delays) > 0 && s.fixedAt[v] == unset && (pin == nil || pin[v] == unbound) {
			held = append(held, v)
		}
	}
	if len(held) == 0 {
		return s.forwardCycle(c, nodes, pin)
	}
	keep := make([]heldNode, len(held))
	for k, v := range held {
		nd := &s.p.Nodes[v]
		keep[k] = heldNode{nd.Delays, s.plain[v], s.loInit[v], s.whyInit[v]}
		nd.Delays = nil
		s.plain[v] = !nd.aligned()
	}
	cf := s.forwardCycle(c, nodes, pin)
	if cf == nil {
		s.delayedBounds(held, keep)
		for _, v := range nodes {
			s.early[v] = unset
		}
		cf = s.forwardCycle(c, nodes, pin)
	}
	for k, v := range held {
		s.p.Nodes[v].Delays = keep[k].delays
		s.plain[v] = keep[k].plain
		s.loInit[v], s.whyInit[v] = keep[k].loInit, keep[k].whyInit
	}
	return cf
}

// heldNode is what forwardCycleDelayed changes of a node whose delays it
// holds back, to put back afterwards.
type heldNode struct {
	delays          []date.Duration
	plain           bool
	loInit, whyInit int32
}

// delayedBounds gives each held node the largest lower bound found
// without its delays, plus its delays, as a dated lower bound.
func (s *solver) delayedBounds(held []int32, keep []heldNode) {
	for k, v := range held {
		if s.lo[v] == unset {
			continue // reaches no date yet (pass 1 of the start rule)
		}
		x := s.lo[v]
		if x <= maxDay {
			for _, d := range keep[k].delays {
				x = s.shift(x, 1, d)
			}
		}
		// The bound keeps the reason of the bound it delays when that is a
		// dated bound or the tender's start, so that a conflict chain still
		// leads to its origin. An edge cannot be kept: the cycle proof of
		// findCycle trusts every edge reason to be the real one, so the
		// chain stops here instead.
		why := s.why[v]
		if why >= 0 {
			why = whyNone
		}
		s.loInit[v], s.whyInit[v] = x, why
	}
}
