package timeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// severalBodies is a decision of two colleges, one with a recess. The
// dates are worked out from the calendar of February and March 2027:
//
//	February 2027          March 2027
//	Mo Tu We Th Fr         Mo Tu We Th Fr
//	 1  2  3  4  5          1  2  3  4  5
//	 8  9 10 11 12          8  9 10 11 12
//	15 16 17 18 19         15 16 17 18 19
//	22 23 24 25 26         22 23 24 25 26
//
// college-a meets on Tuesdays; college-b on Thursdays except in its recess
// of 15–26 February (so not on 18 and 25 February); the raad on 4 February,
// 11 March and 8 April only.
const severalBodies = `version: 1
region: {id: twee, name: Twee, municipalities: [A, B]}
bodies:
  college-a: {name: College A, meets: weekly tue}
  college-b:
    name: College B
    meets: weekly thu
    recess:
      - {name: voorjaarsreces, from: 2027-02-15, to: 2027-02-26}
  raad: {name: Raad, meets: [2027-02-04, 2027-03-11, 2027-04-08]}
tenders:
  t:
    name: T
    procedure: social-services
    milestones:
      start: {kind: other, on: 2027-02-01}
      voorbereiding: {kind: other, after: start + 10d}
      besluit:
        kind: decision
        after: voorbereiding + 1d
        by: [college-a, college-b]
      publicatie:
        kind: publication
        after: besluit + 2w
        before: 2027-03-19
    scenarios:
      te-vroeg:
        milestones:
          publicatie: {kind: publication, after: besluit + 2w, before: 2027-03-10}
      raad:
        milestones:
          raadsbesluit: {kind: decision, after: publicatie + 1d, by: [college-a, raad]}
      raad-te-laat:
        milestones:
          raadsbesluit: {kind: decision, after: publicatie + 22d, by: [college-a, raad]}
`

func loadSeveral(t *testing.T, scenario string) (*region.Region, *region.Tender) {
	t.Helper()
	r, err := region.Load("twee.yaml", []byte(severalBodies))
	if err != nil {
		t.Fatal(err)
	}
	tn := r.Tenders[0]
	if scenario != "" {
		if tn, err = tn.WithScenario(scenario); err != nil {
			t.Fatal(err)
		}
	}
	return r, tn
}

// TestSeveralBodies: the decision falls on the last of the bodies' first
// meetings, its latest date leaves room for every body, and the plan names
// the body whose meeting binds.
func TestSeveralBodies(t *testing.T) {
	r, tn := loadSeveral(t, "")
	// voorbereiding: 1 Feb + 10d = Thu 11 Feb. besluit ≥ Fri 12 Feb:
	// college-a's first meeting is Tue 16 Feb, college-b's (after its
	// recess) Thu 4 Mar: the decision is taken on 4 March, when college-b
	// decides last. publicatie ≥ 4 Mar + 2w = 18 Mar.
	//
	// Latest: publicatie ≤ 19 Mar, so besluit ≤ 5 Mar: the last meeting of
	// either college on or before it is Thu 4 Mar (college-b). For that,
	// both must meet between besluit's lower bound and 4 Mar: college-a's
	// last meeting on or before 4 Mar is Tue 2 Mar, so the lower bound is
	// at most 2 Mar, and voorbereiding at most 1 Mar (with 2 Mar itself,
	// college-a would next meet on 9 Mar, too late).
	for _, tc := range []struct {
		sched                  region.Schedule
		prep, besluit, publish string
	}{
		{"asap", "2027-02-11", "2027-03-04", "2027-03-18"},
		{"alap", "2027-03-01", "2027-03-04", "2027-03-19"},
	} {
		res, err := (&Planner{}).Plan(r, tn, Options{Schedule: tc.sched})
		if err != nil || !res.Feasible {
			t.Fatalf("%s: %v %+v", tc.sched, err, res.Conflict)
		}
		checkPlan(t, r, tn, res)
		for id, want := range map[string]string{"voorbereiding": tc.prep, "besluit": tc.besluit, "publicatie": tc.publish} {
			if got := res.Milestone(id).Date; got != d(want) {
				t.Errorf("%s: %s on %s, want %s", tc.sched, id, got, want)
			}
		}
		b := res.Milestone("besluit")
		if b.By != "college-b" || !slices.Equal(b.Bodies, []string{"college-a", "college-b"}) {
			t.Errorf("%s: besluit by %q of %v, want college-b of both", tc.sched, b.By, b.Bodies)
		}
		if *b.Latest != d("2027-03-04") || *res.Milestone("voorbereiding").Latest != d("2027-03-01") {
			t.Errorf("%s: latest besluit %s, voorbereiding %s; want 4 and 1 March", tc.sched, *b.Latest, *res.Milestone("voorbereiding").Latest)
		}
	}
}

// TestSeveralBodiesMoved: --set on the start moves the decision to the
// bodies' next meetings, and a move of the decision itself is taken as
// given (a fixed date is never moved by by:).
func TestSeveralBodiesMoved(t *testing.T) {
	r, tn := loadSeveral(t, "")
	// start on Fri 22 Jan: voorbereiding Mon 1 Feb, besluit ≥ Tue 2 Feb;
	// college-a meets that day, college-b on Thu 4 Feb: decided on 4 Feb.
	res, err := (&Planner{}).Plan(r, tn, Options{Set: []Move{{Milestone: "start", Date: d("2027-01-22")}}})
	if err != nil || !res.Feasible {
		t.Fatalf("%v %+v", err, res.Conflict)
	}
	if b := res.Milestone("besluit"); b.Date != d("2027-02-04") || b.By != "college-b" {
		t.Errorf("besluit on %s by %s, want 2027-02-04 by college-b", b.Date, b.By)
	}
	// start on Fri 29 Jan: voorbereiding Mon 8 Feb, besluit ≥ Tue 9 Feb,
	// when college-a meets; college-b next meets on Thu 11 Feb.
	res, _ = (&Planner{}).Plan(r, tn, Options{Set: []Move{{Milestone: "start", Date: d("2027-01-29")}}})
	if b := res.Milestone("besluit"); b.Date != d("2027-02-11") || b.By != "college-b" {
		t.Errorf("besluit on %s by %s, want 2027-02-11 by college-b", b.Date, b.By)
	}
	// The decision moved to Tue 2 Mar, a meeting of college-a only: it
	// stays there, and college-a is the body named.
	res, _ = (&Planner{}).Plan(r, tn, Options{Set: []Move{{Milestone: "besluit", Date: d("2027-03-02")}}})
	if b := res.Milestone("besluit"); b == nil || b.Date != d("2027-03-02") || b.By != "college-a" || !b.Fixed {
		t.Errorf("moved besluit: %+v", b)
	}
}

// TestSeveralBodiesConflict: the chain names the body whose meeting binds,
// and the body that has no meeting left.
func TestSeveralBodiesConflict(t *testing.T) {
	for _, tc := range []struct {
		scenario, lang string
		want           []string
	}{
		// publicatie ≤ 10 Mar, but besluit is 4 Mar (college-b decides
		// last, after its recess) and publicatie ≥ 18 Mar.
		{"te-vroeg", "en", []string{
			"infeasible: publicatie must be on or before 2027-03-10 (twee.yaml:",
			"besluit moves to 2027-03-04, the meeting of college-b, the last of by: [college-a, college-b] to decide (line 21)"}},
		{"te-vroeg", "nl", []string{
			"besluit schuift naar 2027-03-04, de vergadering van college-b, de laatste van by: [college-a, college-b] die besluit (regel 21)"}},
	} {
		r, tn := loadSeveral(t, tc.scenario)
		res, err := (&Planner{}).Plan(r, tn, Options{})
		if err != nil || res.Feasible {
			t.Fatalf("%s: %v, feasible %v", tc.scenario, err, res.Feasible)
		}
		for _, w := range tc.want {
			if msg := message(res.Conflict, tc.lang); !strings.Contains(msg, w) {
				t.Errorf("%s %s: message lacks %q:\n%s", tc.scenario, tc.lang, w, msg)
			}
		}
	}

	// raadsbesluit ≥ publicatie + 1d = 19 Mar: college-a on Tue 23 Mar, the
	// raad on 8 Apr, its last listed meeting: decided on 8 April.
	r, tn := loadSeveral(t, "raad")
	res, err := (&Planner{}).Plan(r, tn, Options{})
	if err != nil || !res.Feasible {
		t.Fatalf("%v %+v", err, res.Conflict)
	}
	if b := res.Milestone("raadsbesluit"); b.Date != d("2027-04-08") || b.By != "raad" {
		t.Errorf("raadsbesluit on %s by %s, want 2027-04-08 by raad", b.Date, b.By)
	}
	// raadsbesluit ≥ 18 Mar + 22d = Fri 9 Apr: the raad has no meeting
	// left after 8 April.
	r, tn = loadSeveral(t, "raad-te-laat")
	res, err = (&Planner{}).Plan(r, tn, Options{})
	if err != nil || res.Feasible {
		t.Fatalf("%v, feasible %v", err, res.Feasible)
	}
	want := "infeasible: raadsbesluit has no date that by: [college-a, raad] allows on or after 2027-04-09, as raad has no meeting left"
	if msg := message(res.Conflict, "en"); !strings.HasPrefix(msg, want) {
		t.Errorf("message\n%s\nwant prefix\n%s", msg, want)
	}
}

// TestSeveralBodiesRisk: a risk run delays the preparation; the decision
// waits for both colleges.
func TestSeveralBodiesRisk(t *testing.T) {
	r, tn := loadSeveral(t, "")
	m, err := (&Planner{}).PrepareRisk(r, tn)
	if err != nil {
		t.Fatal(err)
	}
	run, err := m.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	dates := make([]date.Date, len(tn.Milestones))
	week := func(n int) [][]date.Duration {
		return [][]date.Duration{nil, {{N: n, Unit: date.Weeks}}, nil, nil}
	}
	for _, tc := range []struct {
		delay int
		want  string
	}{
		// voorbereiding 11 Feb + 1w = 18 Feb; besluit ≥ Fri 19 Feb:
		// college-a Tue 23 Feb, college-b after its recess Thu 4 Mar.
		{1, "2027-03-04"},
		// + 3w = 4 Mar; besluit ≥ Fri 5 Mar: college-a Tue 9 Mar,
		// college-b Thu 11 Mar.
		{3, "2027-03-11"},
	} {
		if !run.Run(week(tc.delay), dates) {
			t.Fatalf("delay %dw: no schedule", tc.delay)
		}
		if dates[2] != d(tc.want) {
			t.Errorf("delay %dw: besluit on %s, want %s", tc.delay, dates[2], tc.want)
		}
	}
}
