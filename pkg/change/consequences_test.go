package change

import (
	"testing"

	"github.com/tender-nl/tender/pkg/date"
)

// d is a day of September 2027 (the month argument is for reading).
func d(_, day int) date.Date { return date.New(2027, 9, day) }

// side builds a version from (id, kind, date) triples.
func side(ms ...Dated) Side { return Side{Dates: ms} }

func what(cs []Consequence, id string) []string {
	var out []string
	for _, c := range cs {
		if c.Milestone == id {
			out = append(out, c.What)
		}
	}
	return out
}

func consequencesOf(t *testing.T, old, cur Side, today date.Date) []Consequence {
	t.Helper()
	diff, err := Compare(old, cur, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Consequences(diff, old, cur, today, false)
}

// Each consequence at its boundary: the day before it applies and the day
// it does. Dates are days of September 2027.
func TestConsequences(t *testing.T) {
	pub := Dated{ID: "pub", Kind: "publication", Date: d(9, 6)}
	subOld := Dated{ID: "sub", Kind: "submission", Date: d(9, 20)}
	subNew := Dated{ID: "sub", Kind: "submission", Date: d(9, 27)}
	cases := []struct {
		name     string
		old, cur Side
		today    date.Date
		id       string
		want     []string
	}{
		// Published on 09-06: a later deadline needs a notice from that
		// day on, not the day before.
		{"before publication", side(pub, subOld), side(pub, subNew), d(9, 5), "sub", []string{ConsequenceInternal}},
		{"on the publication day", side(pub, subOld), side(pub, subNew), d(9, 6), "sub", []string{ConsequenceRectification, ConsequenceNotaInlicht}},
		// The old deadline 09-20: on that day it can still move, the day
		// after it has passed.
		{"on the deadline", side(pub, subOld), side(pub, subNew), d(9, 20), "sub", []string{ConsequenceRectification, ConsequenceNotaInlicht}},
		{"after the deadline", side(pub, subOld), side(pub, subNew), d(9, 21), "sub", []string{ConsequencePassed}},
		// An award decision sent on 09-10 and moved: a new standstill; one
		// still to come (sent 09-10, today 09-09) is planning.
		{"award decision not yet sent",
			side(Dated{ID: "ad", Kind: "award-decision", Date: d(9, 10)}), side(Dated{ID: "ad", Kind: "award-decision", Date: d(9, 17)}),
			d(9, 9), "ad", []string{ConsequenceInternal}},
		{"award decision sent",
			side(Dated{ID: "ad", Kind: "award-decision", Date: d(9, 10)}), side(Dated{ID: "ad", Kind: "award-decision", Date: d(9, 17)}),
			d(9, 10), "ad", []string{ConsequenceStandstill}},
		// Answers 10 days before the submission (09-17 → 09-27) keep Aw
		// 2.54; 9 days (09-18) break it.
		{"answers 10 days before",
			side(Dated{ID: "nvi", Kind: "answers", Date: d(9, 13)}, subNew), side(Dated{ID: "nvi", Kind: "answers", Date: d(9, 17)}, subNew),
			d(9, 1), "nvi", []string{ConsequenceInternal}},
		{"answers 9 days before",
			side(Dated{ID: "nvi", Kind: "answers", Date: d(9, 13)}, subNew), side(Dated{ID: "nvi", Kind: "answers", Date: d(9, 18)}, subNew),
			d(9, 1), "nvi", []string{ConsequenceAnswersLead}},
	}
	for _, c := range cases {
		got := what(consequencesOf(t, c.old, c.cur, c.today), c.id)
		if len(got) != len(c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: %v, want %v", c.name, got, c.want)
			}
		}
	}
}

// An unchanged milestone has no consequence at all.
func TestConsequencesUnchanged(t *testing.T) {
	pub := Dated{ID: "pub", Kind: "publication", Date: d(9, 6)}
	if cs := consequencesOf(t, side(pub), side(pub), d(9, 7)); len(cs) != 0 {
		t.Errorf("got %v, want none", cs)
	}
}
