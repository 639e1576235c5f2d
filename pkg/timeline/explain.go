package timeline

import (
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// explain builds the Conflict of an infeasible plan: what conflicts, and
// the chain of links back to the dated origin. Printers word it.
func explain(r *region.Region, t *region.Tender, moves []*Move, srcs []source, inf *Infeasibility, sol *Solution) *Conflict {
	c := &Conflict{Kind: inf.Kind, Milestone: t.Milestones[inf.Node].ID, File: r.Source,
		Chain: chainLinks(r, t, moves, srcs, inf.Chain)}
	if r.BuiltIn {
		c.BuiltIn = r.ID
	}
	if sol.StartNode >= 0 {
		c.StartBy = t.Milestones[sol.StartNode].ID
	}
	return c
}

// chainLinks turns a chain of the solver's steps into links: the
// constraint of each as structure (its role, key and value as written, the
// milestone it is written at), with its file and line. The printers write
// it ("after: award + 3mo", render.LinkConstraint).
func chainLinks(r *region.Region, t *region.Tender, moves []*Move, srcs []source, chain []Step) []Link {
	ms := t.Milestones
	links := make([]Link, 0, len(chain))
	for _, st := range chain {
		l := Link{Milestone: ms[st.Node].ID, File: r.Source, Role: st.Role, Body: st.Body}
		if st.HasBound {
			b := st.Bound
			l.Bound = &b
		}
		switch st.Role {
		case RoleStart:
			l.Line = t.Pos.Line
		case RoleDelay:
			if rs := ms[st.Node].Risks; len(rs) > 0 {
				l.Line = rs[0].Pos.Line
			}
		default:
			s := describe(r, t, moves, srcs[st.Src])
			l.Key, l.Text, l.Moved, l.Held = s.key, s.text, s.moved, s.held
			l.Line = s.pos.Line
			if s.moved {
				l.File = ""
			}
			if w := int(srcs[st.Src].ms); w != st.Node {
				l.At = ms[w].ID
			}
			if s.key == "replaces" {
				l.Contract = r.Replaced(t).ID
			}
		}
		links = append(links, l)
	}
	return links
}

// Input is one dated input of a milestone as written: its key (on, done,
// after, before, align, by), its value as the conflict chain writes it,
// and its line. Why's links name inputs in the same words, so a link and
// an input with the same line, key and text are the same.
type Input struct {
	Milestone string
	Key       string
	Text      string
	Pos       region.Pos
}

// Written is the constraint of a link as written in the file, key and
// value ("after: award + 3mo"), without the milestone it is written at;
// "" for the tender's start and a risk delay, which are written nowhere.
func (l *Link) Written() string {
	if l.Key == "" {
		return ""
	}
	return l.Key + ": " + l.Text
}

// Inputs returns the dated inputs of every milestone of t, in file order
// (a contract's replaces bound is the contract's, not the tender's).
func Inputs(r *region.Region, t *region.Tender) []Input {
	var out []Input
	for i, m := range t.Milestones {
		ms := int32(i)
		var srcs []source
		if m.Done != nil {
			srcs = append(srcs, source{ms: ms, kind: srcDone})
		}
		if m.On != nil {
			srcs = append(srcs, source{ms: ms, kind: srcOn})
		}
		for x := range m.After {
			srcs = append(srcs, source{ms: ms, idx: int32(x), kind: srcAfter})
		}
		for x := range m.Before {
			srcs = append(srcs, source{ms: ms, idx: int32(x), kind: srcBefore})
		}
		if m.Align != nil && m.Align.Kind != date.AlignNone {
			srcs = append(srcs, source{ms: ms, kind: srcAlign})
		}
		if m.By != nil {
			srcs = append(srcs, source{ms: ms, kind: srcBy})
		}
		for _, s := range srcs {
			d := describe(r, t, nil, s)
			out = append(out, Input{Milestone: m.ID, Key: d.key, Text: d.text, Pos: d.pos})
		}
	}
	return out
}
