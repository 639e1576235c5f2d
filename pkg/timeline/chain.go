package timeline

import "github.com/tender-nl/tender/pkg/date"

// The conflict chains. Every node remembers in why[v] which constraint last
// raised its lower bound; a chain walks those reasons back from the node
// where the conflict shows to a dated origin (an on, a done, a dated after),
// through the tender's start where a node reaches no date itself.

// conflict builds the Infeasibility of kind at node v. For AboveUpper and
// OutOfRange, early[v] holds the offending date.
func (s *solver) conflict(kind ConflictKind, v int32) *Infeasibility {
	nd := &s.p.Nodes[v]
	cf := &Infeasibility{Kind: kind, Node: int(v)}
	switch kind {
	case BeforeFixed:
		cf.Chain = append(cf.Chain, s.fixedStep(v))
		cf.Chain = s.chainFrom(v, true, cf.Chain)
	case AboveUpper:
		k := s.upWhy[v]
		cf.Chain = append(cf.Chain, Step{Node: int(v), Role: RoleUpper, Src: s.p.Bounds[k].Src,
			Edge: -1, From: -1, Bound: date.Date(s.up[v]), HasBound: true})
		if s.isFixed(v) {
			cf.Chain = append(cf.Chain, s.fixedStep(v))
		} else {
			cf.Chain = s.chainFrom(v, true, cf.Chain)
		}
	case NoAlignedDate:
		role, src, body := RoleAlign, nd.AlignSrc, ""
		x := s.afterDelays(nd, s.lo[v])
		if _, _, which := s.alignUp(nd, x); which == RoleBy {
			role, src = RoleBy, nd.BySrc
			if len(nd.ByAll) > 0 {
				if _, ok, k := s.allMeet(nd, x); !ok {
					body = nd.ByAll[k].Body
				}
			}
		}
		cf.Chain = append(cf.Chain, Step{Node: int(v), Role: role, Src: src, Edge: -1, From: -1, Body: body})
		cf.Chain = s.chainFrom(v, true, cf.Chain)
	default:
		cf.Chain = s.chainFrom(v, true, cf.Chain)
	}
	return cf
}

// isFixed reports whether v is fixed in the problem (pins of the ALAP pass
// never produce conflicts that are reported).
func (s *solver) isFixed(v int32) bool { return s.fixedAt[v] != unset }

func (s *solver) fixedStep(v int32) Step {
	nd := &s.p.Nodes[v]
	return Step{Node: int(v), Role: RoleFixed, Src: nd.FixedSrc, Edge: -1, From: -1, Bound: nd.Date, HasBound: true}
}

// chainFrom appends the chain of v's earliest date to steps: v's reason,
// the delays and alignment that moved it, then the same for the node that
// gave the reason, until a dated origin. With head, v itself is explained
// by its lower bound even when it is fixed (the bound that is too late).
func (s *solver) chainFrom(v int32, head bool, steps []Step) []Step {
	s.stamp++
	for {
		if s.mark[v] == s.stamp {
			return steps // a loop of reasons: stop where it closes
		}
		s.mark[v] = s.stamp
		if !head && s.isFixed(v) {
			return append(steps, s.fixedStep(v))
		}
		head = false
		w := s.why[v]
		if w == whyNone {
			return steps
		}
		steps = append(steps, s.reasonStep(v))
		steps = s.moveSteps(v, steps)
		switch {
		case w >= 0:
			v = s.arcs[w].from
		case w == whyStart:
			return append(steps, s.startChain...)
		default:
			return steps
		}
	}
}

// reasonStep is the step of v's current lower bound.
func (s *solver) reasonStep(v int32) Step {
	w := s.why[v]
	st := Step{Node: int(v), Edge: -1, From: -1, Bound: date.Date(s.lo[v]), HasBound: true}
	switch {
	case w >= 0:
		a := &s.arcs[w]
		st.Role, st.Src, st.Edge, st.From = RoleAfter, s.p.Edges[w].Src, int(w), int(a.from)
		if a.before {
			st.Role = RolePush
		}
	case w == whyStart:
		st.Role, st.Src = RoleStart, -1
	default:
		st.Role, st.Src = RoleLower, s.p.Bounds[whyBound-w].Src
	}
	return st
}

// moveSteps appends the steps of delays and alignment that moved v from
// its lower bound to its earliest date (when that is known).
func (s *solver) moveSteps(v int32, steps []Step) []Step {
	nd := &s.p.Nodes[v]
	e := s.early[v]
	if nd.Fixed || e == unset || s.lo[v] == unset {
		return steps
	}
	x := s.lo[v]
	if len(nd.Delays) > 0 {
		if y := s.afterDelays(nd, x); y != x {
			steps = append(steps, Step{Node: int(v), Role: RoleDelay, Src: -1, Edge: -1, From: -1, Bound: date.Date(y), HasBound: true})
			x = y
		}
	}
	if e != x && len(nd.ByAll) > 0 {
		// A decision of several bodies: the body whose first meeting is
		// the last binds; align: may move the date on from there.
		if y, ok, k := s.allMeet(nd, x); ok && y != x {
			steps = append(steps, Step{Node: int(v), Role: RoleBy, Src: nd.BySrc, Edge: -1, From: -1,
				Bound: date.Date(y), HasBound: true, Body: nd.ByAll[k].Body})
			x = y
		}
	}
	if e != x {
		role, src := RoleAlign, nd.AlignSrc
		if nd.Align.Kind == date.AlignNone {
			role, src = RoleBy, nd.BySrc
		}
		steps = append(steps, Step{Node: int(v), Role: role, Src: src, Edge: -1, From: -1, Bound: date.Date(e), HasBound: true})
	}
	return steps
}

func (s *solver) afterDelays(nd *Node, x int32) int32 {
	if x > maxDay {
		return x
	}
	for _, d := range nd.Delays {
		x = s.shift(x, 1, d)
	}
	return x
}

// cycleConflict reports a component that kept rising past its budget.
func (s *solver) cycleConflict(v int32) *Infeasibility {
	if cf := s.findCycle(v, false); cf != nil {
		return cf
	}
	// No closed loop of reasons (not expected): report the walk itself.
	return &Infeasibility{Kind: Cycle, Node: int(v), Chain: s.chainFrom(v, true, nil)}
}

// findCycle follows the reasons back from v; when they close a loop, the
// loop is the cycle that pushes itself later, and its steps are the chain.
// With proof, it reports only a loop that certainly rises forever: every
// arc gives a bound at least its tail's date, and one a later one, whatever
// the dates (alignment and delays only move dates later).
func (s *solver) findCycle(v int32, proof bool) *Infeasibility {
	if s.seqPos == nil {
		s.seqPos = make([]int32, s.n)
	}
	s.stamp++
	var seq []int32
	for s.mark[v] != s.stamp {
		s.mark[v] = s.stamp
		s.seqPos[v] = int32(len(seq))
		seq = append(seq, v)
		w := s.why[v]
		if w < 0 {
			return nil
		}
		v = s.arcs[w].from
	}
	loop := seq[s.seqPos[v]:]
	if proof {
		strict := false
		for _, u := range loop {
			switch s.arcs[s.why[u]].rise {
			case riseAny:
				return nil
			case riseStrict:
				strict = true
			}
		}
		if !strict {
			return nil
		}
	}
	cf := &Infeasibility{Kind: Cycle, Node: int(loop[0])}
	for _, u := range loop {
		// The dates a rising cycle reached when it was stopped say nothing:
		// the steps name the constraints only.
		st := s.reasonStep(u)
		st.Bound, st.HasBound = 0, false
		cf.Chain = append(cf.Chain, st)
	}
	return cf
}
