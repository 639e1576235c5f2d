package region

import (
	"fmt"
	"strings"
)

// BaseScenario is the name under which output shows a tender without a
// scenario (tender compare). A file may not use it as a scenario id, and
// WithScenario(BaseScenario) returns the base.
const BaseScenario = "base"

// WithScenario returns a copy of the tender with the named scenario applied
// (README, "Region file format": "Scenarios"), with Scenario set to name:
//
//   - a milestone the scenario gives any of on, done, after, before, align
//     or by for has its date constraints replaced as a whole: all six are
//     taken from the scenario, nil or empty where it does not give them;
//   - name, kind, risk and notes are replaced only when given;
//   - new milestones follow the base's, in scenario order;
//   - every milestone the scenario changed or added has Scenario = name.
//
// The base tender is never modified. The copy has its own Tender and
// Milestone structs (so a caller may set m.On on the copy), but shares the
// read-only parts: Expr and Risk slices, Fixed, Align, BodyRef, Policy and
// the Scenarios list. Replace those, do not modify them in place.
//
// An empty name or BaseScenario returns a plain copy. An unknown name is an
// error that lists the tender's scenarios.
func (t *Tender) WithScenario(name string) (*Tender, error) {
	s, err := t.scenario(name)
	if err != nil {
		return nil, err
	}
	c := *t
	c.Milestones = make([]*Milestone, len(t.Milestones), len(t.Milestones)+len(s.overlaysOrNil()))
	store := make([]Milestone, len(t.Milestones))
	for i, m := range t.Milestones {
		store[i] = *m
		c.Milestones[i] = &store[i]
	}
	if s == nil {
		c.Scenario = ""
		return &c, nil
	}
	c.Scenario = name
	for _, co := range s.Contracts {
		if co.ID == c.Replaces {
			n := co.Extended
			c.Extended = &n
		}
	}
	index := make(map[string]int, len(c.Milestones))
	for i, m := range c.Milestones {
		index[m.ID] = i
	}
	for _, ov := range s.Overlays {
		o := ov.Milestone
		i, ok := index[o.ID]
		if !ok {
			n := *o
			n.Scenario = name
			index[n.ID] = len(c.Milestones)
			c.Milestones = append(c.Milestones, &n)
			continue
		}
		c.Milestones[i].Scenario = name
		ov.applyTo(c.Milestones[i])
	}
	return &c, nil
}

// applyTo gives milestone m the keys the overlay gives; the date keys (on,
// done, after, before, align, by) as a whole.
func (ov Overlay) applyTo(m *Milestone) {
	o := ov.Milestone
	if ov.HasName {
		m.Name = o.Name
	}
	if ov.HasKind {
		m.Kind, m.KindPos = o.Kind, o.KindPos
	}
	if ov.HasDates {
		m.On, m.Done, m.After, m.Before, m.Align, m.By = o.On, o.Done, o.After, o.Before, o.Align, o.By
	}
	if ov.HasRisks {
		m.Risks = o.Risks
	}
	if ov.HasNotes {
		m.Notes = o.Notes
	}
}

// scenario finds scenario name of the tender: nil for the base ("" or
// BaseScenario), an error that lists them for an unknown name.
func (t *Tender) scenario(name string) (*Scenario, error) {
	if name == "" || name == BaseScenario {
		return nil, nil
	}
	for _, x := range t.Scenarios {
		if x.ID == name {
			return x, nil
		}
	}
	return nil, t.unknownScenario(name)
}

func (s *Scenario) overlaysOrNil() []Overlay {
	if s == nil {
		return nil
	}
	return s.Overlays
}

func (t *Tender) unknownScenario(name string) error {
	if len(t.Scenarios) == 0 {
		return fmt.Errorf("unknown scenario '%s': tender '%s' has no scenarios", name, t.ID)
	}
	ids := t.ScenarioIDs()
	return fmt.Errorf("unknown scenario '%s' of tender '%s'%s: the scenarios are %s", name, t.ID, didYouMean(name, ids), strings.Join(ids, ", "))
}

// ScenarioIDs returns the ids of the tender's scenarios in file order.
func (t *Tender) ScenarioIDs() []string {
	ids := make([]string, len(t.Scenarios))
	for i, s := range t.Scenarios {
		ids[i] = s.ID
	}
	return ids
}
