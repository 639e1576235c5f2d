package region

import (
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
)

// The validation pass: the checks of meaning, run over the decoded model
// once the whole file has been read. They check what a value refers to
// (bodies, contracts, the region's municipalities, the tender's milestones)
// and what the keys of one thing require of each other, as against the
// syntax and the values of single keys, which the decoding walk checks (see
// the package documentation). What they need to know beyond the model (a
// key's position, whether a key was tried) the walk writes down beside the
// model, in notes.

// notes are what the decoding walk keeps beside the model for the
// validation pass, parallel to the model's lists.
type notes struct {
	bodies    []bodyNotes     // of the bodies with listed meetings and a recess
	contracts []contractNotes // of Region.Contracts
	tenders   []tenderNotes   // of Region.Tenders
}

// bodyNotes: the meeting dates of body b as listed, with where.
type bodyNotes struct {
	b        *Body
	meetings []meeting
}

// meeting is a listed meeting date and where it was written.
type meeting struct {
	d  date.Date
	at Pos
}

// contractNotes: where a contract's keys were written.
type contractNotes struct {
	good         bool         // start, term and options were read
	extended     Pos          // the extended: value
	participants []*yaml.Node // the items of municipalities:, of Municipalities
}

// tenderNotes: where a tender's keys were written, and what its
// milestones tried.
type tenderNotes struct {
	accelerated  Pos          // the accelerated: value
	participants []*yaml.Node // the items of municipalities:, of Municipalities
	// ids indexes the milestones by id; nil when milestones: could not be
	// read (then nothing below is checked).
	ids       map[string]int
	tried     bool            // some milestone tried to give a dated lower bound
	refs      []milestoneRefs // the milestones that name bodies
	scenarios []scenarioNotes // of Tender.Scenarios
}

// scenarioNotes: where a scenario's id was written, and what its
// overlays tried.
type scenarioNotes struct {
	key       Pos                    // the scenario's id
	tried     bool                   // a dated lower bound was tried and reported
	refs      []milestoneRefs        // the overlays that name bodies
	contracts []contractOverlayNotes // every contract the scenario changes
}

// milestoneRefs: a milestone that names bodies, in by: or align:
// meeting:BODY, with where.
type milestoneRefs struct {
	m               *Milestone
	alignKey, byKey *yaml.Node
	byItems         []*yaml.Node // the items of a by: list, of By.Bodies
	byBad           bool         // some item of by: could not be read
}

// contractOverlayNotes: one contract a scenario changes, read whatever it
// refers to. The errors in its value are held until the reference is
// checked: when the scenario may not change that contract, that one error
// says enough.
type contractOverlayNotes struct {
	id       string
	key      Pos
	extended Pos // the extended: value; zero when it was not read
	value    int
	held     ErrorList
}

// validate runs the validation pass over the decoded region. A walk that
// was halted (a hostile file) reports nothing more.
func (l *loader) validate(n *notes) {
	if l.w.Halted() {
		return
	}
	for _, bn := range n.bodies {
		l.meetingsInRecess(bn.b, bn.meetings)
	}
	for i, c := range l.r.Contracts {
		l.validateContract(c, &n.contracts[i])
	}
	for i, t := range l.r.Tenders {
		l.validateTender(t, &n.tenders[i])
	}
}

// meetingsInRecess reports the listed meeting dates of b that fall in one
// of its recess periods: the file says both that the body meets and that
// it does not.
func (l *loader) meetingsInRecess(b *Body, meetings []meeting) {
	o := owner{what: "body", id: b.ID}
	for _, m := range meetings {
		for _, p := range b.Recess {
			if p.From <= m.d && m.d <= p.To {
				l.errorAt(m.at, "meeting date %s of %s falls in its recess '%s' (%s … %s), when it does not meet: remove the date, or end the recess before it",
					m.d, o, p.Name, p.From, p.To)
				break
			}
		}
	}
}

func (l *loader) validateContract(c *Contract, cn *contractNotes) {
	o := owner{what: "contract", id: c.ID}
	l.participantsExist(c.Municipalities, cn.participants, o)
	if cn.good {
		l.checkContract(c, cn.extended, o)
	}
}

func (l *loader) validateTender(t *Tender, tn *tenderNotes) {
	o := owner{what: "tender", id: t.ID}
	if t.Replaces != "" && !l.contractExists(t.ReplacesPos, t.Replaces, o) {
		t.Replaces, t.ReplacesPos = "", Pos{}
	}
	l.participantsExist(t.Municipalities, tn.participants, o)
	l.checkAccelerated(t, tn.accelerated, o)
	if tn.ids == nil {
		return
	}
	for i := range tn.refs {
		l.checkBodies(&tn.refs[i])
	}
	var known []string // the ids in order, built for the first unknown id
	knownIDs := func() []string {
		if known == nil {
			known = milestoneIDs(t.Milestones, nil)
		}
		return known
	}
	for _, m := range t.Milestones {
		l.resolve(m, tn.ids, nil, knownIDs)
	}
	if !tn.tried && !hasDatedLowerBound(t.Milestones) && len(t.Milestones) > 0 {
		l.errorAt(t.Pos, "%s has no dated milestone: give at least one `on`, `done` or dated `after` (e.g. after: 2021-01-04), so the plan has a start", o)
	}
	l.checkReplaces(t, o)
	for i, s := range t.Scenarios {
		l.validateScenario(t, s, &tn.scenarios[i], tn.ids)
	}
}

// validateScenario checks scenario s of t; ids are t's milestones.
func (l *loader) validateScenario(t *Tender, s *Scenario, sn *scenarioNotes, ids map[string]int) {
	so := owner{what: "scenario", id: s.ID}
	for i := range sn.refs {
		l.checkBodies(&sn.refs[i])
	}
	var newIDs map[string]int
	var newList []string
	for _, ov := range s.Overlays {
		id := ov.Milestone.ID
		if _, exists := ids[id]; exists {
			continue
		}
		l.checkNewOverlay(t, ov, so)
		if newIDs == nil {
			newIDs = map[string]int{}
		}
		newIDs[id] = len(newList)
		newList = append(newList, id)
	}
	var known []string
	knownIDs := func() []string {
		if known == nil {
			known = milestoneIDs(t.Milestones, newList)
		}
		return known
	}
	for _, ov := range s.Overlays {
		l.resolve(ov.Milestone, ids, newIDs, knownIDs)
	}
	for i := range sn.contracts {
		l.checkContractOverlay(t, &sn.contracts[i], so)
	}
	if !sn.tried && !scenarioAnchored(t, s) && hasDatedLowerBound(t.Milestones) {
		l.errorAt(sn.key, "scenario '%s' leaves %s without a dated milestone: give at least one `on`, `done` or dated `after`", s.ID, owner{what: "tender", id: t.ID})
	}
}

// checkAccelerated: an accelerated procedure needs its justification in
// notes (at is the accelerated: value).
func (l *loader) checkAccelerated(t *Tender, at Pos, o owner) {
	if t.Accelerated && strings.TrimSpace(t.Notes) == "" {
		l.errorAt(at, "accelerated: true needs its justification (the urgency) in notes of %s: add notes: …", o)
	}
}

// checkReplaces: a tender that replaces a contract keeps the ids of the
// extension decisions derived from it free, and has a contract-start.
func (l *loader) checkReplaces(t *Tender, o owner) {
	if t.Replaces == "" {
		return
	}
	for _, m := range t.Milestones {
		if strings.HasPrefix(m.ID, t.Replaces+"-option-") {
			l.errorAt(m.Pos, "milestone id '%s' is kept for the extension decisions %s derives from contract '%s': choose another id", m.ID, o, t.Replaces)
		}
	}
	if !slices.ContainsFunc(t.Milestones, func(m *Milestone) bool { return m.Kind == KindContractStart }) {
		l.errorAt(t.ReplacesPos, "%s replaces contract '%s' but has no contract-start milestone: add one, the start of the new contracts (it must be on or before the day after the old ones end)", o, t.Replaces)
	}
}

// checkBodies: the bodies a milestone names in by: and align:
// meeting:BODY are bodies of the file, by: names each once, and the two
// agree (checkByAlign).
func (l *loader) checkBodies(ref *milestoneRefs) {
	m := ref.m
	byOK := m.By != nil && !ref.byBad
	switch {
	case m.By == nil:
	case !m.By.List:
		byOK = byOK && l.bodyExists(m.By.Pos, m.By.Body, "by")
	default:
		o := owner{what: "milestone", id: m.ID}
		firstLine := make(map[string]int, len(m.By.Bodies))
		for i, s := range m.By.Bodies {
			p := pos(ref.byItems[i])
			if !l.bodyExists(p, s, "by") || !onceAt(l, firstLine, s, p, "body '%s' is listed twice in by of %s: name each body once", s, o) {
				byOK = false
			}
		}
	}
	alignOK := m.Align != nil
	if alignOK && m.Align.Kind == date.AlignMeeting {
		alignOK = l.bodyExists(m.Align.Pos, m.Align.Body, "align")
	}
	if byOK && alignOK {
		l.checkByAlign(ref)
	}
}

// checkByAlign: by: and align: meeting:BODY must name the same body, and
// align: meeting: does not go with a decision of several bodies.
func (l *loader) checkByAlign(ref *milestoneRefs) {
	m := ref.m
	if m.Align.Kind != date.AlignMeeting {
		return
	}
	o := owner{what: "milestone", id: m.ID}
	switch {
	case m.By.Several():
		l.errorf(ref.alignKey, "%s has by: %s and align: meeting:%s: a decision of several bodies falls on the last of their meetings; remove align", o, m.By.Text(), m.Align.Body)
	case m.Align.Body != m.By.Body:
		l.errorf(ref.byKey, "%s has by: %s and align: meeting:%s, two different bodies: keep one", o, m.By.Body, m.Align.Body)
	}
}

// bodyExists reports whether id (in by: or align:, key, at p) is a body
// of the file, else records an error with a suggestion.
func (l *loader) bodyExists(p Pos, id, key string) bool {
	if l.r.Body(id) != nil {
		return true
	}
	known := make([]string, len(l.r.Bodies))
	for i, b := range l.r.Bodies {
		known[i] = b.ID
	}
	if len(known) == 0 {
		l.errorAt(p, "unknown body '%s' in %s: the file defines no bodies; add it under bodies:", id, key)
		return false
	}
	if parts := strings.Split(id, ","); len(parts) > 1 && key == "by" {
		all := true
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
			all = all && l.r.Body(parts[i]) != nil
		}
		if all { // by: a, b — a list written without its brackets
			l.errorAt(p, "'%s' in by names several bodies: write them as a list, by: [%s]", id, strings.Join(parts, ", "))
			return false
		}
	}
	l.errorAt(p, "unknown body '%s' in %s%s: the bodies are %s", id, key, l.suggest(id, known), strings.Join(known, ", "))
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
				l.errorAt(e.Pos, "%q is ambiguous: milestone '%s', or '%s' %c %s; write spaces around the - for the second", e.Text, e.Text, e.Ref, "+-"[(1-e.Sign)/2], e.Dur)
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

// contractExists reports whether id (at p, in replaces: of o) is a
// contract of the file, else records an error with a suggestion.
func (l *loader) contractExists(p Pos, id string, o owner) bool {
	if l.r.Contract(id) != nil {
		return true
	}
	if len(l.r.Contracts) == 0 {
		l.errorAt(p, "%s replaces contract '%s', but the file defines no contracts: add it under contracts: (name, start, term)", o, id)
		return false
	}
	known := make([]string, len(l.r.Contracts))
	for i, c := range l.r.Contracts {
		known[i] = c.ID
	}
	if hint := l.suggest(id, known); hint != "" {
		l.errorAt(p, "unknown contract '%s' in replaces of %s%s", id, o, hint)
		return false
	}
	l.errorAt(p, "unknown contract '%s' in replaces of %s: the contracts are %s", id, o, strings.Join(known, ", "))
	return false
}

// checkNewOverlay: a scenario's milestone that the tender does not have is
// a new one and needs kind; an id close to an existing one is more likely
// a typo, and gets "did you mean" instead. The error is at the id.
func (l *loader) checkNewOverlay(t *Tender, ov Overlay, so owner) {
	if ov.HasKind {
		return
	}
	id := ov.Milestone.ID
	known := []string(nil)
	if len(l.errs) < suggestErrors {
		known = milestoneIDs(t.Milestones, nil)
	}
	if hint := l.suggest(id, known); hint != "" {
		l.errorAt(ov.Milestone.Pos, "%s changes milestone '%s', which %s does not have%s", so, id, owner{what: "tender", id: t.ID}, hint)
	} else {
		l.errorAt(ov.Milestone.Pos, "new milestone '%s' in %s has no kind: add kind: one of %s", id, so, strings.Join(words(Kinds), ", "))
	}
}

// checkContract: a contract extends by at most the options it has, and
// ends inside the dates tender handles (extended is the extended: value).
// A contract that lists more options taken than it has is read as having
// taken all.
func (l *loader) checkContract(c *Contract, extended Pos, o owner) {
	if c.Extended > len(c.Options) {
		l.errorAt(extended, "extended of %s is %d, but it has %s: extended counts the options already taken, 0 to %d", o,
			c.Extended, plural(len(c.Options), "option"), len(c.Options))
		c.Extended = len(c.Options)
	}
	if end := c.FullEnd(); !c.Start.AddDays(1).InRange() || !end.InRange() {
		l.errorAt(c.Pos, "%s would end on %s, outside %s … %s: check its term and options", o, end, date.Min, date.Max)
	}
}

// checkContractOverlay: a scenario of t may change only the contract t
// replaces, and by no more options than it has. The errors of the
// overlay's value count only when it may.
func (l *loader) checkContractOverlay(t *Tender, cn *contractOverlayNotes, so owner) {
	c := l.r.Contract(cn.id)
	switch {
	case t.Replaces == "":
		l.errorAt(cn.key, "%s changes contract '%s', but %s replaces no contract: add replaces: to the tender, or remove this", so, cn.id, owner{what: "tender", id: t.ID})
		return
	case c == nil || cn.id != t.Replaces:
		hint := ""
		if c == nil {
			hint = l.suggest(cn.id, []string{t.Replaces})
		}
		l.errorAt(cn.key, "%s changes contract '%s'%s, but %s replaces '%s': a scenario may change only the contract its tender replaces", so, cn.id, hint, owner{what: "tender", id: t.ID}, t.Replaces)
		return
	}
	l.errs = append(l.errs, cn.held...)
	if cn.extended != (Pos{}) && cn.value > len(c.Options) {
		l.errorAt(cn.extended, "extended of contract '%s' in %s is %d, but the contract has %s: 0 to %d", cn.id, so,
			cn.value, plural(len(c.Options), "option"), len(c.Options))
	}
}

// participantsExist: the municipalities of a tender or a contract (names,
// written at items) are the region's, each named once. When the region's
// list could not be read, every name is taken as the region's.
func (l *loader) participantsExist(names []string, items []*yaml.Node, o owner) {
	if len(names) == 0 {
		return
	}
	known := make([]string, len(l.r.Municipalities))
	for i, m := range l.r.Municipalities {
		known[i] = m.Name
	}
	firstLine := make(map[string]int, len(names))
	for i, s := range names {
		p := pos(items[i])
		if l.municipalityExists(p, s, known, o) {
			onceAt(l, firstLine, s, p, "municipality '%s' is listed twice in %s", s, o)
		}
	}
}

// municipalityExists reports whether name (at p, a participant of o) is
// one of the region's municipalities, known (all names are when the
// region's list could not be read), else records an error with a
// suggestion.
func (l *loader) municipalityExists(p Pos, name string, known []string, o owner) bool {
	if len(known) == 0 || slices.Contains(known, name) {
		return true
	}
	if hint := l.suggest(name, known); hint != "" {
		l.errorAt(p, "unknown municipality '%s' in %s%s", name, o, hint)
	} else {
		l.errorAt(p, "unknown municipality '%s' in %s: the region's municipalities are %s", name, o, strings.Join(known, ", "))
	}
	return false
}
