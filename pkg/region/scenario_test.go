package region

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
)

func TestWithScenario(t *testing.T) {
	base, err := Load("good.yaml", []byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	untouched, _ := Load("good.yaml", []byte(goodFile))

	got, err := base.Tenders[0].WithScenario("late")
	if err != nil {
		t.Fatal(err)
	}
	if got.Scenario != "late" {
		t.Errorf("Scenario = %q", got.Scenario)
	}
	var ids []string
	for _, m := range got.Milestones {
		ids = append(ids, m.ID)
	}
	// The new milestone comes after the base's four.
	if diff := cmp.Diff([]string{"principles", "publication", "submission", "contract-start", "info"}, ids); diff != "" {
		t.Errorf("milestone order (-want +got):\n%s", diff)
	}
	want := wantGood().Tenders[0]

	// publication: "on" replaces the date constraints as a whole, so its
	// after, before and align are gone; its kind stays.
	pub := got.Milestone("publication")
	wantPub := *want.Milestone("publication")
	wantPub.On = &Fixed{Date: date.New(2021, 2, 1), Pos: Pos{Line: 78, Column: 29}, KeyPos: Pos{Line: 78, Column: 25}}
	wantPub.After, wantPub.Before, wantPub.Align = nil, nil, nil
	wantPub.Scenario = "late"
	if diff := cmp.Diff(&wantPub, pub); diff != "" {
		t.Errorf("publication (-want +got):\n%s", diff)
	}

	// contract-start: name and notes change, the dates stay.
	cs := got.Milestone("contract-start")
	wantCS := *want.Milestone("contract-start")
	wantCS.Name, wantCS.Notes, wantCS.Scenario = "Start", "later", "late"
	if diff := cmp.Diff(&wantCS, cs); diff != "" {
		t.Errorf("contract-start (-want +got):\n%s", diff)
	}

	// info is new, and marked as the scenario's.
	info := got.Milestone("info")
	if info == nil || info.Kind != "information" || info.Scenario != "late" || info.Pos != (Pos{Line: 80, Column: 11}) {
		t.Errorf("info = %+v", info)
	}

	// Milestones the scenario does not mention are equal to the base's and
	// not marked.
	if diff := cmp.Diff(want.Milestone("principles"), got.Milestone("principles")); diff != "" {
		t.Errorf("principles (-want +got):\n%s", diff)
	}

	// Changing the copy, as plan --set does, leaves the base alone.
	for _, m := range got.Milestones {
		m.On = &Fixed{Date: date.New(2030, 1, 1)}
		m.Name = "changed"
	}
	got.Name = "changed"
	if diff := cmp.Diff(untouched, base); diff != "" {
		t.Errorf("WithScenario changed the base (-want +got):\n%s", diff)
	}
}

func TestWithScenarioBaseAndUnknown(t *testing.T) {
	r, err := Load("good.yaml", []byte(goodFile))
	if err != nil {
		t.Fatal(err)
	}
	tn := r.Tenders[0]
	for _, name := range []string{"", BaseScenario} {
		c, err := tn.WithScenario(name)
		if err != nil {
			t.Fatalf("WithScenario(%q): %v", name, err)
		}
		if c == tn || c.Scenario != "" {
			t.Errorf("WithScenario(%q) is not a plain copy", name)
		}
		if diff := cmp.Diff(tn, c); diff != "" {
			t.Errorf("WithScenario(%q) differs from the base:\n%s", name, diff)
		}
	}
	_, err = tn.WithScenario("lte")
	want := "unknown scenario 'lte' of tender 'inkoop-2022' (did you mean 'late'?): the scenarios are late"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
	noScen := &Tender{ID: "x"}
	_, err = noScen.WithScenario("late")
	want = "unknown scenario 'late': tender 'x' has no scenarios"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}

// TestWithScenarioDone: giving done in a scenario replaces an on, and by is
// part of the date constraints that are replaced.
func TestWithScenarioDone(t *testing.T) {
	src := head + `bodies:
  pho: {name: P, meets: weekly thu}
tenders:
  t:
    name: T
    procedure: open
    milestones:
      a:
        kind: decision
        by: pho
        on: 2021-04-01
    scenarios:
      done:
        milestones:
          a: {done: 2021-04-08}
`
	r, err := Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	s, err := r.Tenders[0].WithScenario("done")
	if err != nil {
		t.Fatal(err)
	}
	a := s.Milestones[0]
	if a.On != nil || a.By != nil || a.Done == nil || a.Done.Date != date.New(2021, 4, 8) || a.Kind != "decision" {
		t.Errorf("a = %+v", a)
	}
	if b := r.Tenders[0].Milestones[0]; b.On == nil || b.By == nil || b.Done != nil {
		t.Errorf("base changed: %+v", b)
	}
}
