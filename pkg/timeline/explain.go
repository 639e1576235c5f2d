package timeline

import (
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/i18n"
	"github.com/tender-nl/tender/pkg/region"
)

// explainer turns the solver's chain of steps into links and the message of
// README, "Region file format": scheduling semantics.
type explainer struct {
	r     *region.Region
	t     *region.Tender
	srcs  []source
	moves []*Move
	inf   *Infeasibility
	// startBy is the id of the milestone whose earliest date is the
	// tender's start.
	startBy string
	links   []Link
	lang    string // of the message; the links are never translated
	// file is the region file as the message names it: its path, or
	// built-in/ID.yaml in the words of lang.
	file string
}

// explain builds the Conflict of an infeasible plan.
func explain(r *region.Region, t *region.Tender, moves []*Move, srcs []source, inf *Infeasibility, sol *Solution, lang string) *Conflict {
	ms := t.Milestones
	x := &explainer{r: r, t: t, srcs: srcs, moves: moves, inf: inf, lang: lang, file: r.Source}
	if r.BuiltIn {
		x.file = x.say("builtin", r.ID)
	}
	if sol.StartNode >= 0 {
		x.startBy = ms[sol.StartNode].ID
	}
	x.links = chainLinks(r, t, moves, srcs, inf.Chain)
	return &Conflict{Message: x.message(), Chain: x.links}
}

// chainLinks turns a chain of the solver's steps into links: the
// constraint of each as written, with its file and line.
func chainLinks(r *region.Region, t *region.Tender, moves []*Move, srcs []source, chain []Step) []Link {
	ms := t.Milestones
	links := make([]Link, 0, len(chain))
	for _, st := range chain {
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
			s := describe(r, t, moves, srcs[st.Src])
			l.Constraint, l.Line = s.key+": "+s.text, s.pos.Line
			if s.moved {
				l.Constraint += " (moved)"
				l.File = ""
			}
			if w := int(srcs[st.Src].ms); w != st.Node {
				l.Constraint = ms[w].ID + " " + l.Constraint
			}
		}
		links = append(links, l)
	}
	return links
}

// src describes source i as written.
func (x *explainer) src(i int) srcInfo { return describe(x.r, x.t, x.moves, x.srcs[i]) }

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
			head = append(head, x.say("head.after", x.bound(1), x.at(1, true)))
			rest = 2
		}
	case AboveUpper:
		head = append(head, x.say("head.before", id, x.phrase(0), x.at(0, true)))
		rest = 1
		if len(ch) > 1 {
			if ch[1].Role == RoleFixed {
				head = append(head, x.say("head.but", strings.TrimPrefix(x.line(1, true), x.links[1].Milestone+" ")))
			} else {
				head = append(head, x.say("head.after", x.bound(1), x.at(1, true)))
			}
			rest = 2
		}
	case NoAlignedDate:
		s := x.say("head.noaligned", id, x.links[0].Constraint)
		if len(ch) > 1 && ch[1].HasBound {
			s = x.say("head.noaligned.after", id, x.links[0].Constraint, ch[1].Bound)
		}
		if ch[0].Body != "" {
			s += x.say("head.nomeeting", ch[0].Body)
		}
		head = append(head, s+" "+x.at(0, true))
		rest = 1
	case Cycle:
		head = append(head, x.say("head.cycle"))
	case OutOfRange:
		s := x.say("head.fall", id)
		for i := 0; i < len(ch) && ch[i].Node == x.inf.Node; i++ {
			if ch[i].HasBound {
				s = x.say("head.fall.on", id, ch[i].Bound)
			}
		}
		head = append(head, x.say("head.outside", s, date.Min, date.Max))
	}

	var b strings.Builder
	b.WriteString(x.say("infeasible"))
	b.WriteString(strings.TrimSpace(head[0]))
	if len(head) > 1 {
		b.WriteString("\n  ")
		b.WriteString(strings.TrimSpace(head[1]))
		if rest < len(ch) {
			b.WriteString(x.say("and"))
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
	case x.inf.Chain[i].Src >= 0 && x.src(x.inf.Chain[i].Src).held:
		return x.say("at.keep")
	case x.inf.Chain[i].Src >= 0 && x.src(x.inf.Chain[i].Src).moved:
		return x.say("at.cmdline")
	case l.Line == 0:
		return ""
	case full:
		return fmt.Sprintf("(%s:%d)", x.file, l.Line)
	}
	return x.say("at.line", l.Line)
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
		return x.say("bound.push", st.Bound, x.links[i].Constraint)
	case RoleStart:
		return x.say("bound.start", st.Bound, x.startBy)
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
			return x.say("line.done", id, st.Bound, at)
		case s.held:
			return x.say("line.held", id, st.Bound, at)
		case s.moved:
			return x.say("line.moved", id, st.Bound, at)
		}
		return x.say("line.fixed", id, st.Bound, at)
	case RoleAlign, RoleBy:
		switch {
		case st.Body != "" && !st.HasBound:
			return x.say("line.nomeeting", id, l.Constraint, st.Body, at)
		case st.Body != "":
			return x.say("line.meeting", id, st.Bound, st.Body, l.Constraint, at)
		case !st.HasBound:
			return x.say("line.noaligned", id, l.Constraint, at)
		}
		return x.say("line.aligned", id, st.Bound, l.Constraint, at)
	case RoleDelay:
		return x.say("line.delay", id, st.Bound, at)
	case RoleAfter:
		if !st.HasBound { // in a cycle
			return x.say("line.cycle", id, x.src(st.Src).text, at)
		}
		return x.say("line.because", id, st.Bound, x.src(st.Src).text, at)
	case RoleLower:
		return x.say("line.because", id, st.Bound, l.Constraint, at)
	case RolePush:
		if !st.HasBound {
			return x.say("line.room", id, l.Constraint, at)
		}
		return x.say("line.room.bound", id, st.Bound, l.Constraint, at)
	case RoleStart:
		return x.say("line.start", id, st.Bound, x.startBy, at)
	case RoleUpper:
		if s := x.src(st.Src); s.key == "replaces" {
			return x.say("line.contract", id, st.Bound, x.r.Replaced(x.t).ID, at)
		}
		return x.say("line.upper", id, st.Bound, x.src(st.Src).text, at)
	}
	return x.say("line.other", id, l.Constraint, at)
}

// Input is one dated input of a milestone as written: its key (on, done,
// after, before, align, by), its value as the conflict chain writes it,
// and its line. Why's links name inputs in the same words, so a link and
// an input with the same line and constraint are the same.
type Input struct {
	Milestone string
	Key       string
	Text      string
	Pos       region.Pos
}

// Constraint is the input as a link of a chain writes it: "after: award + 3mo".
func (in Input) Constraint() string { return in.Key + ": " + in.Text }

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

// WhyLines renders Planned.Why (Options.Explain) as the lines of a conflict
// chain, in the same words and in lang: "publicatie ≥ 2018-06-05 because
// after: raadsvergadering + 1w (line 40)", back to the dated origin
// ("raadsvergadering is fixed at 2018-05-29 (line 30)").
func WhyLines(why []Link, lang string) []string {
	say := func(key string, args ...any) string {
		return strings.TrimSpace(fmt.Sprintf(conflictMessages[i18n.Lang(lang)][key], args...))
	}
	out := make([]string, 0, len(why))
	for _, l := range why {
		id, c := l.Milestone, l.Constraint
		at := ""
		switch {
		case strings.HasSuffix(c, " (moved)"):
			at = say("at.cmdline")
		case l.Line > 0:
			at = say("at.line", l.Line)
		}
		if l.Bound == nil {
			out = append(out, say("line.other", id, c, at))
			continue
		}
		b := *l.Bound
		var s string
		switch {
		case strings.HasPrefix(c, "done: "):
			s = say("line.done", id, b, at)
		case strings.HasPrefix(c, "on: ") && strings.HasSuffix(c, " (moved)"):
			s = say("line.moved", id, b, at)
		case strings.HasPrefix(c, "on: "):
			s = say("line.fixed", id, b, at)
		case c == "risk delay":
			s = say("line.delay", id, b, at)
		case strings.HasPrefix(c, "align: "), strings.HasPrefix(c, "by: "):
			s = say("line.aligned", id, b, c, at)
		case strings.HasPrefix(c, "before: "):
			s = say("line.upper", id, b, strings.TrimPrefix(c, "before: "), at)
		case strings.Contains(c, " before: "): // written at another milestone: leave room for it
			s = say("line.room.bound", id, b, c, at)
		default:
			s = say("line.because", id, b, c, at)
		}
		out = append(out, s)
	}
	return out
}
