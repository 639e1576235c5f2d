package region

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
)

// The checks of meaning: what a value refers to (milestones, bodies,
// contracts, municipalities of the region) and what the keys of one thing
// require of each other, as against the syntax and the values of single
// keys, which the walk reads (see the package documentation).
// They look at the decoded model and the positions kept in it; the walk
// calls each at the place where what it needs has been read, so that the
// errors come in the same order as the file.

// checkAccelerated: an accelerated procedure needs its justification in
// notes (accelV is the accelerated: value).
func (l *loader) checkAccelerated(t *Tender, accelV *yaml.Node, o owner) {
	if t.Accelerated && strings.TrimSpace(t.Notes) == "" {
		l.errorf(accelV, "accelerated: true needs its justification (the urgency) in notes of %s: add notes: …", o)
	}
}

// checkReplaces: a tender that replaces a contract keeps the ids of the
// extension decisions derived from it free, and has a contract-start (ids
// is nil when its milestones could not be read).
func (l *loader) checkReplaces(t *Tender, ids map[string]int, o owner) {
	if t.Replaces == "" {
		return
	}
	for _, m := range t.Milestones {
		if strings.HasPrefix(m.ID, t.Replaces+"-option-") {
			l.errorAt(m.Pos, "milestone id '%s' is kept for the extension decisions %s derives from contract '%s': choose another id", m.ID, o, t.Replaces)
		}
	}
	if ids != nil && !slices.ContainsFunc(t.Milestones, func(m *Milestone) bool { return m.Kind == KindContractStart }) {
		l.errorAt(t.ReplacesPos, "%s replaces contract '%s' but has no contract-start milestone: add one, the start of the new contracts (it must be on or before the day after the old ones end)", o, t.Replaces)
	}
}

// checkByAlign: by: and align: meeting:BODY must name the same body, and
// align: meeting: does not go with a decision of several bodies.
func (l *loader) checkByAlign(m *Milestone, info *milestoneInfo, o owner) {
	if m.By == nil || m.Align == nil || m.Align.Kind != date.AlignMeeting {
		return
	}
	switch {
	case m.By.Several():
		l.errorf(info.given[milestoneKeys.index["align"]], "%s has by: %s and align: meeting:%s: a decision of several bodies falls on the last of their meetings; remove align", o, m.By.Text(), m.Align.Body)
	case m.Align.Body != m.By.Body:
		l.errorf(info.given[milestoneKeys.index["by"]], "%s has by: %s and align: meeting:%s, two different bodies: keep one", o, m.By.Body, m.Align.Body)
	}
}

// bodyExists reports whether id (in by: or align:, key) is a body of the
// file, else records an error at n with a suggestion.
func (l *loader) bodyExists(n *yaml.Node, id, key string) bool {
	if l.r.Body(id) != nil {
		return true
	}
	known := make([]string, len(l.r.Bodies))
	for i, b := range l.r.Bodies {
		known[i] = b.ID
	}
	if len(known) == 0 {
		l.errorf(n, "unknown body '%s' in %s: the file defines no bodies; add it under bodies:", id, key)
		return false
	}
	if parts := strings.Split(id, ","); len(parts) > 1 && key == "by" {
		all := true
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
			all = all && l.r.Body(parts[i]) != nil
		}
		if all { // by: a, b — a list written without its brackets
			l.errorf(n, "'%s' in by names several bodies: write them as a list, by: [%s]", id, strings.Join(parts, ", "))
			return false
		}
	}
	l.errorf(n, "unknown body '%s' in %s%s: the bodies are %s", id, key, l.suggest(id, known), strings.Join(known, ", "))
	return false
}

// resolve checks the milestone ids named in m's expressions. ids are the
// tender's milestones; extra (may be nil) the ones a scenario adds.
//
// Without spaces "phase-2w" parses as phase - 2w; when the tender has a
// milestone phase-2w and none called phase, it is read as that id instead,
// and when it has both, the expression is ambiguous and an error.
func (l *loader) resolve(m *Milestone, ids, extra map[string]int, known func() []string) {
	has := func(id string) bool {
		if _, ok := ids[id]; ok {
			return true
		}
		_, ok := extra[id]
		return ok
	}
	check := func(e *Expr, key string) {
		if e.Ref == "" {
			return
		}
		if e.Sign != 0 && !strings.ContainsAny(e.Text, " \t+") && has(e.Text) {
			if has(e.Ref) {
				l.errorf(&yaml.Node{Line: e.Pos.Line, Column: e.Pos.Column},
					"%q is ambiguous: milestone '%s', or '%s' %c %s; write spaces around the - for the second", e.Text, e.Text, e.Ref, "+-"[(1-e.Sign)/2], e.Dur)
				return
			}
			*e = Expr{Ref: e.Text, Text: e.Text, Pos: e.Pos}
		}
		if !has(e.Ref) {
			hint := ""
			if len(l.errs) < suggestErrors {
				hint = l.suggest(e.Ref, known())
			}
			l.errorAt(e.Pos, "unknown milestone '%s'%s", e.Ref, hint)
			return
		}
		if e.Ref == m.ID {
			l.errorAt(e.Pos, "milestone '%s' refers to itself in %s: %s", m.ID, key, e.Text)
		}
	}
	for i := range m.After {
		check(&m.After[i], "after")
	}
	for i := range m.Before {
		check(&m.Before[i], "before")
	}
}

// milestoneIDs lists the ids of ms, then extra.
func milestoneIDs(ms []*Milestone, extra []string) []string {
	out := make([]string, 0, len(ms)+len(extra))
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return append(out, extra...)
}

// hasDatedLowerBound reports whether some milestone has an on, a done or a
// dated after. That is exactly the condition for some lower bound to reach
// a date: bounds between milestones only pass dates on.
func hasDatedLowerBound(ms []*Milestone) bool {
	for _, m := range ms {
		if datedLower(m) {
			return true
		}
	}
	return false
}

func datedLower(m *Milestone) bool {
	if m.On != nil || m.Done != nil {
		return true
	}
	for _, e := range m.After {
		if e.Dated() {
			return true
		}
	}
	return false
}

// scenarioAnchored is hasDatedLowerBound of t.WithScenario(s), without
// building the copy.
func scenarioAnchored(t *Tender, s *Scenario) bool {
	replaced := map[string]bool{}
	for _, ov := range s.Overlays {
		if ov.HasDates {
			replaced[ov.Milestone.ID] = true
			if datedLower(ov.Milestone) {
				return true
			}
		}
	}
	for _, m := range t.Milestones {
		if !replaced[m.ID] && datedLower(m) {
			return true
		}
	}
	return false
}

// contractExists reports whether id is a contract of the file, else records
// an error at n with a suggestion.
func (l *loader) contractExists(n *yaml.Node, id string, o owner) bool {
	if l.r.Contract(id) != nil {
		return true
	}
	if len(l.r.Contracts) == 0 {
		l.errorf(n, "%s replaces contract '%s', but the file defines no contracts: add it under contracts: (name, start, term)", o, id)
		return false
	}
	known := make([]string, len(l.r.Contracts))
	for i, c := range l.r.Contracts {
		known[i] = c.ID
	}
	if hint := l.suggest(id, known); hint != "" {
		l.errorf(n, "unknown contract '%s' in replaces of %s%s", id, o, hint)
		return false
	}
	l.errorf(n, "unknown contract '%s' in replaces of %s: the contracts are %s", id, o, strings.Join(known, ", "))
	return false
}

// checkNewOverlay: a scenario's milestone that the tender does not have
// (node k) is a new one and needs kind; an id close to an existing one is
// more likely a typo, and gets "did you mean" instead.
func (l *loader) checkNewOverlay(t *Tender, id string, k *yaml.Node, info *milestoneInfo, so owner) {
	if info.has("kind") {
		return
	}
	known := []string(nil)
	if len(l.errs) < suggestErrors {
		known = milestoneIDs(t.Milestones, nil)
	}
	if hint := l.suggest(id, known); hint != "" {
		l.errorf(k, "%s changes milestone '%s', which %s does not have%s", so, id, owner{what: "tender", id: t.ID}, hint)
	} else {
		l.errorf(k, "new milestone '%s' in %s has no kind: add kind: one of %s", id, so, strings.Join(words(Kinds), ", "))
	}
}

// checkContract: a contract extends by at most the options it has, and
// ends inside the dates tender handles (node k is its key; extendedV the
// extended: value). A contract that lists more options taken than it has
// is read as having taken all.
func (l *loader) checkContract(c *Contract, k, extendedV *yaml.Node, o owner) {
	if c.Extended > len(c.Options) {
		l.errorf(extendedV, "extended of %s is %d, but it has %s: extended counts the options already taken, 0 to %d", o,
			c.Extended, plural(len(c.Options), "option"), len(c.Options))
		c.Extended = len(c.Options)
	}
	if end := c.FullEnd(); !c.Start.AddDays(1).InRange() || !end.InRange() {
		l.errorf(k, "%s would end on %s, outside %s … %s: check its term and options", o, end, date.Min, date.Max)
	}
}

// municipalityExists reports whether name (at node n, a participant of o)
// is one of the region's municipalities, known (all names are when the
// region's list could not be read), else records an error with a
// suggestion.
func (l *loader) municipalityExists(n *yaml.Node, name string, known []string, o owner) bool {
	if len(known) == 0 || slices.Contains(known, name) {
		return true
	}
	if hint := l.suggest(name, known); hint != "" {
		l.errorf(n, "unknown municipality '%s' in %s%s", name, o, hint)
	} else {
		l.errorf(n, "unknown municipality '%s' in %s: the region's municipalities are %s", name, o, strings.Join(known, ", "))
	}
	return false
}
