package change

import (
	"slices"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
)

// The references of the consequences. Each was checked against the text
// of the law: Aw 2.54 lid 1 (answers at the latest ten days before the
// submission deadline), Aw 2.127 (the standstill of 20 days after the
// award decision), Dir. 2014/24 art. 47(3)(b) (the time limit for the
// receipt of tenders is extended when significant changes are made to
// the procurement documents, proportionately to their importance) and
// art. 18(1) (equal treatment: a deadline that has passed has been met
// by the tenderers that met it).
const (
	refRectification = "Dir. 2014/24 art. 47(3)(b)"
	refNota          = "Dir. 2014/24 art. 47(3)"
	refPassed        = "Dir. 2014/24 art. 18(1)"
	refStandstill    = "Aw 2.127"
	refAnswersLead   = "Aw 2.54"
)

// Consequences says, for every milestone that moved, is new or was
// removed, what the change forces on today: once the tender is published
// (the old version's publication is done or on or before today), a
// moved submission deadline needs a rectification notice and a nota van
// inlichtingen, and one that has passed cannot move; an award decision
// already sent and moved (a new decision) starts a new standstill; an
// answers date less than 10 days (4
// when accelerated) before the submission breaks Aw 2.54. Otherwise the
// change is internal only.
func Consequences(d *Diff, old, cur Side, today date.Date, accelerated bool) []Consequence {
	published := isPublished(old, today)
	out := []Consequence{}
	for _, m := range d.Milestones {
		if m.State == Unchanged || m.State == Done {
			continue
		}
		whats := forced(m, cur, published, today, accelerated)
		if len(whats) == 0 {
			whats = []Consequence{{What: ConsequenceInternal}}
		}
		for _, c := range whats {
			c.Milestone = m.ID
			out = append(out, c)
		}
	}
	return out
}

// isPublished says the tender is published on today: a publication of the
// old version is done or on or before today.
func isPublished(old Side, today date.Date) bool {
	for _, m := range old.Dates {
		if m.Kind == region.KindPublication && (m.Done || m.Date <= today) {
			return true
		}
	}
	return false
}

// forced is what milestone m's change forces (without the milestone):
// nothing when it is internal only.
func forced(m Milestone, cur Side, published bool, today date.Date, accelerated bool) []Consequence {
	switch m.Kind {
	case region.KindSubmission:
		switch {
		case m.Old != nil && *m.Old < today && m.State != New:
			return []Consequence{{What: ConsequencePassed, Reference: refPassed}}
		case published:
			return []Consequence{
				{What: ConsequenceRectification, Reference: refRectification},
				{What: ConsequenceNotaInlicht, Reference: refNota},
			}
		}
	case region.KindAwardDecision:
		// Only a decision already sent is news to the tenderers:
		// moving one still to come is planning.
		if m.State == Moved && *m.Old <= today && *m.New >= today {
			return []Consequence{{What: ConsequenceStandstill, Reference: refStandstill}}
		}
	case region.KindAnswers:
		if m.New == nil {
			return nil
		}
		n := 10
		if accelerated {
			n = 4
		}
		if s := nextOfKind(cur, region.KindSubmission, *m.New); s != nil && int(*s-*m.New) < n {
			return []Consequence{{What: ConsequenceAnswersLead, Reference: refAnswersLead}}
		}
	}
	return nil
}

// nextOfKind is the first date of a milestone of kind on or after d.
func nextOfKind(s Side, kind region.Kind, d date.Date) *date.Date {
	var best *date.Date
	for _, m := range s.Dates {
		if m.Kind == kind && m.Date >= d && (best == nil || m.Date < *best) {
			x := m.Date
			best = &x
		}
	}
	return best
}

// FindingsDelta returns the findings of b that a does not have, counting
// repeats: two equal findings in b and one in a leave one (compared by
// rule, milestone and message, the message by its key and arguments, not
// by its words). It serves tender diff (appeared and disappeared findings)
// and tender reschedule (added and removed).
func FindingsDelta(a, b []rules.Finding) []rules.Finding {
	key := func(f rules.Finding) string {
		m := ""
		if f.Milestone != nil {
			m = *f.Milestone
		}
		return f.Rule + "\x00" + m + "\x00" + f.Message.Key
	}
	// The findings of a not yet matched, by rule, milestone and message
	// key; the arguments are compared within.
	have := map[string][]rules.Message{}
	for _, f := range a {
		have[key(f)] = append(have[key(f)], f.Message)
	}
	out := []rules.Finding{}
	for _, f := range b {
		k := key(f)
		if i := slices.IndexFunc(have[k], f.Message.Equal); i >= 0 {
			have[k] = slices.Delete(have[k], i, i+1)
			continue
		}
		out = append(out, f)
	}
	return out
}
