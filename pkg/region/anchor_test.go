package region

import (
	"strings"
	"testing"
)

// TestDatedAfterAnchors: a tender's start comes from "an on, a done, or an
// after with a date" (the README's Scheduling semantics), so a tender whose
// only dated bound is an after loads, in every form of a dated expression:
// a bare date, DATE ± DUR with any unit, a date in a list (first or not),
// and a quoted date. The boundary: the same tender with only relative
// afters is refused.
func TestDatedAfterAnchors(t *testing.T) {
	forms := []struct{ after, text string }{
		{"2027-03-01", "2027-03-01"},
		{"2027-03-01 - 2w", "2027-03-01 - 2w"},
		{"[2027-03-01]", "2027-03-01"},
		{`"2027-03-01"`, "2027-03-01"},
		{"2027-03-01 + 5wd", "2027-03-01 + 5wd"},
		{"2027-03-01 + 1mo", "2027-03-01 + 1mo"},
		{"2027-03-01 - 1y", "2027-03-01 - 1y"},
		{"2027-03-01 + 3d", "2027-03-01 + 3d"},
		{"[sub - 50d, 2027-03-01]", "2027-03-01"},
		{"'2027-03-01 + 0wd'", "2027-03-01 + 0wd"},
	}
	for _, f := range forms {
		t.Run(f.after, func(t *testing.T) {
			src := head + "tenders:\n  t:\n    name: T\n    procedure: social-services\n    milestones:\n" +
				"      pub: { kind: publication, after: " + f.after + " }\n" +
				"      sub: { kind: submission, after: pub + 45d }\n"
			r, err := Load("f.yaml", []byte(src))
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			pub := r.Tenders[0].Milestone("pub")
			found := false
			for _, e := range pub.After {
				if e.Dated() && e.Text == f.text {
					found = true
				}
			}
			if !found {
				t.Errorf("pub.After = %+v, want a dated %q", pub.After, f.text)
			}
		})
	}

	// Boundary: only relative afters (and a dated before, which is an
	// upper bound, not a start) are refused.
	src := head + "tenders:\n  t:\n    name: T\n    procedure: social-services\n    milestones:\n" +
		"      pub: { kind: publication, after: sub - 50d, before: 2027-03-01 }\n" +
		"      sub: { kind: submission, after: pub + 45d }\n"
	if _, err := Load("f.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "has no dated milestone") {
		t.Errorf("Load of a tender without a dated lower bound: %v, want 'has no dated milestone'", err)
	}
}

// TestDatedAfterAnchorsScenario: in a scenario, a dated after anchors the
// tender both when the base has only a dated after and when the scenario
// replaces the base's only on by a dated after; replacing the only dated
// after by a relative one is refused at the scenario's line.
func TestDatedAfterAnchorsScenario(t *testing.T) {
	base := head + "tenders:\n  t:\n    name: T\n    procedure: social-services\n    milestones:\n" +
		"      pub: { kind: publication, after: 2027-03-01 }\n" +
		"      sub: { kind: submission, after: pub + 45d }\n" +
		"      fix: { kind: other, on: 2027-01-04 }\n" +
		"    scenarios:\n"
	ok := []string{
		"      s:\n        milestones:\n          fix: { after: 2027-01-04 + 2w }\n",
		"      s:\n        milestones:\n          pub: { after: \"2027-04-01\" }\n",
		"      s:\n        milestones:\n          extra: { kind: information, after: [2027-02-01 + 1mo] }\n",
	}
	for _, sc := range ok {
		r, err := Load("f.yaml", []byte(base+sc))
		if err != nil {
			t.Errorf("Load with scenario\n%s: %v", sc, err)
			continue
		}
		if _, err := r.Tenders[0].WithScenario("s"); err != nil {
			t.Errorf("WithScenario: %v", err)
		}
	}
	// Without fix's on, a scenario that makes pub relative leaves no date.
	noFix := strings.Replace(base, "      fix: { kind: other, on: 2027-01-04 }\n", "", 1)
	bad := noFix + "      s:\n        milestones:\n          pub: { after: sub - 45d }\n"
	_, err := Load("f.yaml", []byte(bad))
	if err == nil || !strings.Contains(err.Error(), "f.yaml:14:7: scenario 's' leaves tender 't' without a dated milestone") {
		t.Errorf("Load: %v, want the scenario refused at 14:7", err)
	}
}
