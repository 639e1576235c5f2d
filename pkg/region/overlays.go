package region

import (
	"gopkg.in/yaml.v3"
)

// scenarios reads a tender's scenarios:, keyed by scenario id; ids are
// the tender's milestones.
func (l *loader) scenarios(t *Tender, v *yaml.Node, ids map[string]int) {
	o := owner{what: "tender", id: t.ID}
	if isNull(v) {
		return
	}
	if !l.mapping(v, "scenarios", o, "write ID: {description: …, milestones: {…}} per scenario") {
		return
	}
	firstLine := map[string]int{}
	l.pairs(v, func(k, sv *yaml.Node) {
		id, ok := l.id(k, "scenario")
		if !ok {
			return
		}
		if id == BaseScenario {
			l.errorf(k, "scenario id '%s' is reserved for the tender without a scenario: choose another id", id)
			return
		}
		if !once(l, firstLine, id, k, "scenario '%s' is defined twice in %s", id, o) {
			return
		}
		s := &Scenario{ID: id, Pos: pos(k)}
		so := owner{what: "scenario", id: id}
		tried := false
		if l.mapping(sv, "scenario", so, "give description: and milestones:") {
			l.fields(sv, scenarioKeys, so, func(key string, k, v *yaml.Node) {
				switch key {
				case "description":
					s.Description, _ = l.text(v, key, so)
				case "milestones":
					tried = l.overlays(t, s, v, ids, so)
				case "contracts":
					s.Contracts = l.contractOverlays(t, v, so)
				}
			})
		}
		t.Scenarios = append(t.Scenarios, s)
		if !tried && !scenarioAnchored(t, s) && hasDatedLowerBound(t.Milestones) {
			l.errorf(k, "scenario '%s' leaves %s without a dated milestone: give at least one `on`, `done` or dated `after`", id, o)
		}
	})
}

// overlays reads a scenario's milestones: partial milestones for existing
// ids, whole ones (with kind) for new ids. tried reports that some overlay
// gave a dated lower bound that was reported as an error, so that the
// scenario is not also said to have no start.
func (l *loader) overlays(t *Tender, s *Scenario, v *yaml.Node, ids map[string]int, so owner) (tried bool) {
	if isNull(v) {
		return false
	}
	if !l.mapping(v, "milestones", so, "write ID: {on: …} per milestone to change or add") {
		return true
	}
	var newIDs map[string]int
	var newList []string
	firstLine := map[string]int{}
	l.pairs(v, func(k, mv *yaml.Node) {
		id, ok := l.milestoneID(k)
		if !ok {
			return
		}
		if !once(l, firstLine, id, k, "milestone '%s' is given twice in %s", id, so) {
			return
		}
		m := &Milestone{ID: id, Pos: pos(k)}
		mo := owner{what: "milestone", id: id}
		info := l.milestone(m, mv, mo, true)
		if info.anchors() && !datedLower(m) {
			tried = true
		}
		_, exists := ids[id]
		if !exists {
			l.checkNewOverlay(t, id, k, &info, so)
			if newIDs == nil {
				newIDs = map[string]int{}
			}
			newIDs[id] = len(newList)
			newList = append(newList, id)
		}
		s.Overlays = append(s.Overlays, newOverlay(m, &info))
	})
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
	return tried
}

// newOverlay is a scenario's milestone m, with which keys it gives.
func newOverlay(m *Milestone, info *milestoneInfo) Overlay {
	ov := Overlay{
		Milestone: m,
		HasName:   info.has("name"),
		HasKind:   info.has("kind"),
		HasRisks:  info.has("risk"),
		HasNotes:  info.has("notes"),
	}
	for _, dk := range dateKeys {
		ov.HasDates = ov.HasDates || info.has(dk)
	}
	return ov
}
