package render

import (
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// MilestoneName is the name of a planned milestone for people in lang: its
// name or id, or for an extension decision the planner derived from a
// contract (region.Milestone.Option) "Decide on extension option 1 (1y) of
// contract jeugd-2022 (derived)".
func MilestoneName(lang string, m *region.Milestone) string {
	if o := m.Option; o != nil && m.Name == "" {
		return conflictWords.text(langOr(lang), "derived.name", o.Option, o.Length, m.Derived)
	}
	return m.DisplayName()
}

// LinkConstraint is a link's constraint as the JSON chain writes it, the
// same in every language so that scripts can read it: as written in the
// file ("after: award + 3mo", "on: 2021-01-01", "align: workday"),
// prefixed with the id of the milestone it is written at when that is
// another one ("answers before: submission - 10d" bounds submission);
// "on: DATE (moved)" for a move, "tender start" for the start rule and
// "risk delay" for a risk's delay. The conflict's lines quote it too.
func LinkConstraint(l *timeline.Link) string {
	switch l.Role {
	case timeline.RoleStart:
		return "tender start"
	case timeline.RoleDelay:
		return "risk delay"
	}
	c := l.Written()
	if l.Moved {
		c += " (moved)"
	}
	if l.At != "" {
		c = l.At + " " + c
	}
	return c
}

// ConflictMessage words the explanation of an infeasible plan in lang:
// what conflicts on the first line or two (with file:line), then one link
// of the chain per line back to the dated origin (with its line). It is
// the "message" of a conflict in every output, JSON included.
func ConflictMessage(lang string, c *timeline.Conflict) string {
	x := conflictWriter{lang: langOr(lang), c: c, file: c.File}
	if c.BuiltIn != "" {
		x.file = x.say("builtin", c.BuiltIn)
	}
	return x.message()
}

// conflictWriter words one conflict.
type conflictWriter struct {
	lang string
	c    *timeline.Conflict
	// file is the region file as the message names it: its path, or
	// built-in/ID.yaml in the words of lang.
	file string
}

func (x *conflictWriter) say(key string, args ...any) string {
	return conflictWords.text(x.lang, key, args...)
}

// message writes the explanation: what conflicts on the first line or two
// (with file:line), then one link per line back to the origin (with line).
func (x *conflictWriter) message() string {
	head, rest := x.head()
	ch := x.c.Chain
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

// head words what conflicts, in one or two lines, and says which link of
// the chain is the first that follows them as a line of its own.
func (x *conflictWriter) head() (head []string, rest int) {
	ch, id := x.c.Chain, x.c.Milestone
	switch x.c.Kind {
	case timeline.BeforeFixed:
		head = append(head, x.line(0, true))
		rest = 1
		if len(ch) > 1 {
			head = append(head, x.say("head.after", x.bound(1), x.at(1, true)))
			rest = 2
		}
	case timeline.AboveUpper:
		head = append(head, x.say("head.before", id, x.phrase(0), x.at(0, true)))
		rest = 1
		if len(ch) > 1 {
			if ch[1].Role == timeline.RoleFixed {
				head = append(head, x.say("head.but", strings.TrimPrefix(x.line(1, true), ch[1].Milestone+" ")))
			} else {
				head = append(head, x.say("head.after", x.bound(1), x.at(1, true)))
			}
			rest = 2
		}
	case timeline.NoAlignedDate:
		s := x.say("head.noaligned", id, LinkConstraint(&ch[0]))
		if len(ch) > 1 && ch[1].Bound != nil {
			s = x.say("head.noaligned.after", id, LinkConstraint(&ch[0]), *ch[1].Bound)
		}
		if ch[0].Body != "" {
			s += x.say("head.nomeeting", ch[0].Body)
		}
		head = append(head, s+" "+x.at(0, true))
		rest = 1
	case timeline.Cycle:
		head = append(head, x.say("head.cycle"))
	case timeline.OutOfRange:
		s := x.say("head.fall", id)
		for i := 0; i < len(ch) && ch[i].Milestone == id; i++ {
			if ch[i].Bound != nil {
				s = x.say("head.fall.on", id, *ch[i].Bound)
			}
		}
		head = append(head, x.say("head.outside", s, date.Min, date.Max))
	}
	return head, rest
}

// at is where link i is written: (file:line) when full, else (line N).
func (x *conflictWriter) at(i int, full bool) string {
	l := &x.c.Chain[i]
	switch {
	case l.Held:
		return x.say("at.keep")
	case l.Moved:
		return x.say("at.cmdline")
	case l.Line == 0:
		return ""
	case full:
		return fmt.Sprintf("(%s:%d)", x.file, l.Line)
	}
	return x.say("at.line", l.Line)
}

// phrase is the expression of link i as written, with the date it gives
// when that is not the text itself: "award + 3mo = 2021-03-30".
func (x *conflictWriter) phrase(i int) string {
	l := &x.c.Chain[i]
	if l.Bound != nil && l.Text != l.Bound.String() {
		return l.Text + " = " + l.Bound.String()
	}
	return l.Text
}

// bound says which lower bound link i gives: the right side of "must be on
// or after …".
func (x *conflictWriter) bound(i int) string {
	l := &x.c.Chain[i]
	b := boundOf(l)
	switch l.Role {
	case timeline.RoleAfter, timeline.RoleLower:
		return x.phrase(i)
	case timeline.RolePush:
		return x.say("bound.push", b, LinkConstraint(l))
	case timeline.RoleStart:
		return x.say("bound.start", b, x.c.StartBy)
	}
	return b.String()
}

// line words link i as a line of the chain; full names the file with the
// line (file:line), as the head does.
func (x *conflictWriter) line(i int, full bool) string {
	l := &x.c.Chain[i]
	id, at, b := l.Milestone, x.at(i, full), boundOf(l)
	switch l.Role {
	case timeline.RoleFixed:
		switch {
		case l.Key == "done":
			return x.say("line.done", id, b, at)
		case l.Held:
			return x.say("line.held", id, b, at)
		case l.Moved:
			return x.say("line.moved", id, b, at)
		}
		return x.say("line.fixed", id, b, at)
	case timeline.RoleAlign, timeline.RoleBy:
		switch {
		case l.Body != "" && l.Bound == nil:
			return x.say("line.nomeeting", id, LinkConstraint(l), l.Body, at)
		case l.Body != "":
			return x.say("line.meeting", id, b, l.Body, LinkConstraint(l), at)
		case l.Bound == nil:
			return x.say("line.noaligned", id, LinkConstraint(l), at)
		}
		return x.say("line.aligned", id, b, LinkConstraint(l), at)
	case timeline.RoleDelay:
		return x.say("line.delay", id, b, at)
	case timeline.RoleAfter:
		if l.Bound == nil { // in a cycle
			return x.say("line.cycle", id, l.Text, at)
		}
		return x.say("line.because", id, b, l.Text, at)
	case timeline.RoleLower:
		return x.say("line.because", id, b, LinkConstraint(l), at)
	case timeline.RolePush:
		if l.Bound == nil {
			return x.say("line.room", id, LinkConstraint(l), at)
		}
		return x.say("line.room.bound", id, b, LinkConstraint(l), at)
	case timeline.RoleStart:
		return x.say("line.start", id, b, x.c.StartBy, at)
	case timeline.RoleUpper:
		if l.Key == "replaces" {
			return x.say("line.contract", id, b, l.Contract, at)
		}
		return x.say("line.upper", id, b, l.Text, at)
	}
	return x.say("line.other", id, LinkConstraint(l), at)
}

// boundOf is the date link l gives, or the zero date.
func boundOf(l *timeline.Link) date.Date {
	if l.Bound == nil {
		return 0
	}
	return *l.Bound
}

// WhyLines words the chain of why a milestone lands on its date
// (timeline.Planned.Why) as lines of a conflict chain, in the same words
// and in lang: "publicatie ≥ 2018-06-05 because after: raadsvergadering +
// 1w (line 40)", back to the dated origin ("raadsvergadering is fixed at
// 2018-05-29 (line 30)").
func WhyLines(lang string, why []timeline.Link) []string {
	x := conflictWriter{lang: langOr(lang)}
	out := make([]string, 0, len(why))
	for i := range why {
		out = append(out, strings.TrimSpace(x.whyLine(&why[i])))
	}
	return out
}

// whyLine words one link of a Why chain. A move (or a --keep) reads as a
// move on the command line, a dated after as "≥ … because" the constraint
// as written, the tender's start in lang ("because tender start", "vanwege
// de start van de aanbesteding").
func (x *conflictWriter) whyLine(l *timeline.Link) string {
	id, c := l.Milestone, LinkConstraint(l)
	at := ""
	switch {
	case l.Moved:
		at = strings.TrimSpace(x.say("at.cmdline"))
	case l.Line > 0:
		at = strings.TrimSpace(x.say("at.line", l.Line))
	}
	if l.Bound == nil {
		if l.Role == timeline.RoleStart {
			return x.say("why.start.nobound", id, at)
		}
		return x.say("line.other", id, c, at)
	}
	b := *l.Bound
	switch {
	case l.Role == timeline.RoleStart:
		return x.say("why.start", id, b, at)
	case l.Key == "done":
		return x.say("line.done", id, b, at)
	case l.Key == "on" && l.Moved:
		return x.say("line.moved", id, b, at)
	case l.Key == "on":
		return x.say("line.fixed", id, b, at)
	case l.Role == timeline.RoleDelay:
		return x.say("line.delay", id, b, at)
	case (l.Key == "align" || l.Key == "by") && l.At == "":
		return x.say("line.aligned", id, b, c, at)
	case l.Key == "before" && l.At == "":
		return x.say("line.upper", id, b, l.Text, at)
	case l.Key == "before": // written at another milestone: leave room for it
		return x.say("line.room.bound", id, b, c, at)
	}
	return x.say("line.because", id, b, c, at)
}
