package region

import (
	"gopkg.in/yaml.v3"
)

// scenarios reads a tender's scenarios:, keyed by scenario id, noting
// for each what the validation pass needs to know (in tn.scenarios).
func (l *loader) scenarios(t *Tender, tn *tenderNotes, v *yaml.Node) {
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
		s := &Scenario{ID: id}
		sn := scenarioNotes{key: pos(k)}
		so := owner{what: "scenario", id: id}
		if l.mapping(sv, "scenario", so, "give description: and milestones:") {
			l.fields(sv, scenarioKeys, so, func(key string, k, v *yaml.Node) {
				switch key {
				case "description":
					s.Description, _ = l.text(v, key, so)
				case "milestones":
					l.overlays(s, &sn, v, so)
				case "contracts":
					l.contractOverlays(s, v, &sn, so)
				}
			})
		}
		t.Scenarios = append(t.Scenarios, s)
		tn.scenarios = append(tn.scenarios, sn)
	})
}

// overlays reads a scenario's milestones: partial milestones (the
// validation pass tells changed ones from new ones, which need kind).
// sn.tried notes that some overlay gave a dated lower bound that was
// reported as an error, so that the scenario is not also said to have no
// start.
func (l *loader) overlays(s *Scenario, sn *scenarioNotes, v *yaml.Node, so owner) {
	if isNull(v) {
		return
	}
	if !l.mapping(v, "milestones", so, "write ID: {on: …} per milestone to change or add") {
		sn.tried = true
		return
	}
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
			sn.tried = true
		}
		sn.refs = info.noteRefs(m, sn.refs)
		s.Overlays = append(s.Overlays, newOverlay(m, &info))
	})
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
