package timeline

import (
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// explainer turns the solver's chain of steps into links and the message of
// FORMAT.md, "Scheduling semantics".
type explainer struct {
	t     *region.Tender
	srcs  []source
	moves []*Move
	inf   *Infeasibility
	// startBy is the id of the milestone whose earliest date is the
	// tender's start.
	startBy string
	links   []Link
}

// explain builds the Conflict of an infeasible plan.
func explain(r *region.Region, t *region.Tender, moves []*Move, srcs []source, inf *Infeasibility, sol *Solution) *Conflict {
	ms := t.Milestones
	x := &explainer{t: t, srcs: srcs, moves: moves, inf: inf}
	if sol.StartNode >= 0 {
		x.startBy = ms[sol.StartNode].ID
	}
	for _, st := range inf.Chain {
		l := Link{Milestone: ms[st.Node].ID, File: r.Source}
		if st.HasBound {
			b := st.Bound
			l.Bound = &b
		}
		switch st.Role {
		case RoleStart:
			l.Constraint, l.Line = "tender start", t.Pos.Line
		case RoleDelay:
			l.Constraint = "risk delay"
			if rs := ms[st.Node].Risks; len(rs) > 0 {
				l.Line = rs[0].Pos.Line
			}
		default:
			s := x.src(st.Src)
			l.Constraint, l.Line = s.key+": "+s.text, s.pos.Line
			if s.moved {
				l.Constraint += " (moved)"
				l.File = ""
			}
			if w := int(srcs[st.Src].ms); w != st.Node {
				l.Constraint = ms[w].ID + " " + l.Constraint
			}
		}
		x.links = append(x.links, l)
	}
	return &Conflict{Message: x.message(), Chain: x.links}
}

// src describes source i as written.
func (x *explainer) src(i int) srcInfo { return describe(x.t, x.moves, x.srcs[i]) }

// message writes the explanation: what conflicts on the first line or two
// (with file:line), then one link per line back to the origin (with line).
func (x *explainer) message() string {
	ch := x.inf.Chain
	id := x.t.Milestones[x.inf.Node].ID
	var head []string
	rest := 0 // the first step written as a link line
	switch x.inf.Kind {
	case BeforeFixed:
		head = append(head, x.line(0, true))
		rest = 1
		if len(ch) > 1 {
			head = append(head, "but must be on or after "+x.bound(1)+" "+x.at(1, true))
			rest = 2
		}
	case AboveUpper:
		head = append(head, fmt.Sprintf("%s must be on or before %s %s", id, x.phrase(0), x.at(0, true)))
		rest = 1
		if len(ch) > 1 {
			if ch[1].Role == RoleFixed {
				head = append(head, "but "+strings.TrimPrefix(x.line(1, true), x.links[1].Milestone+" "))
			} else {
				head = append(head, "but must be on or after "+x.bound(1)+" "+x.at(1, true))
			}
			rest = 2
		}
	case NoAlignedDate:
		s := fmt.Sprintf("%s has no date that %s allows", id, x.links[0].Constraint)
		if len(ch) > 1 && ch[1].HasBound {
			s += " on or after " + ch[1].Bound.String()
		}
		head = append(head, s+" "+x.at(0, true))
		rest = 1
	case Cycle:
		head = append(head, "a cycle of constraints pushes itself later forever")
	case OutOfRange:
		s := id + " would fall"
		for i := 0; i < len(ch) && ch[i].Node == x.inf.Node; i++ {
			if ch[i].HasBound {
				s = fmt.Sprintf("%s would fall on %s", id, ch[i].Bound)
			}
		}
		head = append(head, fmt.Sprintf("%s, outside %s … %s", s, date.Min, date.Max))
	}

	var b strings.Builder
	b.WriteString("infeasible: ")
	b.WriteString(strings.TrimSpace(head[0]))
	if len(head) > 1 {
		b.WriteString("\n  ")
		b.WriteString(strings.TrimSpace(head[1]))
		if rest < len(ch) {
			b.WriteString(", and")
		}
	} else if rest < len(ch) {
		b.WriteString(":")
	}
	for i := rest; i < len(ch); i++ {
		if i > rest {
			b.WriteString(",")
		}
		b.WriteString("\n  ")
		b.WriteString(strings.TrimSpace(x.line(i, false)))
	}
	return b.String()
}

// at is where step i is written: (file:line) when full, else (line N).
func (x *explainer) at(i int, full bool) string {
	l := x.links[i]
	switch {
	case x.inf.Chain[i].Src >= 0 && x.src(x.inf.Chain[i].Src).moved:
		return "(on the command line)"
	case l.Line == 0:
		return ""
	case full:
		return fmt.Sprintf("(%s:%d)", l.File, l.Line)
	}
	return fmt.Sprintf("(line %d)", l.Line)
}

// phrase is the expression of step i as written, with the date it gives
// when that is not the text itself: "award + 3mo = 2021-03-30".
func (x *explainer) phrase(i int) string {
	st := x.inf.Chain[i]
	text := x.src(st.Src).text
	if st.HasBound && text != st.Bound.String() {
		return text + " = " + st.Bound.String()
	}
	return text
}

// bound says which lower bound step i gives: the right side of "must be on
// or after …".
func (x *explainer) bound(i int) string {
	st := x.inf.Chain[i]
	switch st.Role {
	case RoleAfter, RoleLower:
		return x.phrase(i)
	case RolePush:
		return fmt.Sprintf("%s, to leave room for %s", st.Bound, x.links[i].Constraint)
	case RoleStart:
		return fmt.Sprintf("%s, the tender's start (%s's earliest date), as it reaches no dated bound", st.Bound, x.startBy)
	}
	return st.Bound.String()
}

// line renders step i as a line of the chain.
func (x *explainer) line(i int, full bool) string {
	st, l := x.inf.Chain[i], x.links[i]
	id, at := l.Milestone, x.at(i, full)
	switch st.Role {
	case RoleFixed:
		switch s := x.src(st.Src); {
		case s.key == "done":
			return fmt.Sprintf("%s is done on %s %s", id, st.Bound, at)
		case s.moved:
			return fmt.Sprintf("%s is moved to %s %s", id, st.Bound, at)
		}
		return fmt.Sprintf("%s is fixed at %s %s", id, st.Bound, at)
	case RoleAlign, RoleBy:
		if !st.HasBound {
			return fmt.Sprintf("%s has no date that %s allows %s", id, l.Constraint, at)
		}
		return fmt.Sprintf("%s moves to %s by %s %s", id, st.Bound, l.Constraint, at)
	case RoleDelay:
		return fmt.Sprintf("%s moves to %s by its risk delays %s", id, st.Bound, at)
	case RoleAfter:
		if !st.HasBound { // in a cycle
			return fmt.Sprintf("%s ≥ %s %s", id, x.src(st.Src).text, at)
		}
		return fmt.Sprintf("%s ≥ %s because %s %s", id, st.Bound, x.src(st.Src).text, at)
	case RoleLower:
		return fmt.Sprintf("%s ≥ %s because %s %s", id, st.Bound, l.Constraint, at)
	case RolePush:
		if !st.HasBound {
			return fmt.Sprintf("%s must leave room for %s %s", id, l.Constraint, at)
		}
		return fmt.Sprintf("%s ≥ %s to leave room for %s %s", id, st.Bound, l.Constraint, at)
	case RoleStart:
		return fmt.Sprintf("%s ≥ %s, the tender's start (%s's earliest date), as it reaches no dated bound %s", id, st.Bound, x.startBy, at)
	case RoleUpper:
		return fmt.Sprintf("%s ≤ %s because before: %s %s", id, st.Bound, x.src(st.Src).text, at)
	}
	return fmt.Sprintf("%s: %s %s", id, l.Constraint, at)
}
