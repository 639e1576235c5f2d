package timeline

import (
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// contractPlan loads a region whose tender replaces contract c: from Sat
// 2022-01-01 for 4 years (ends Wed 2025-12-31), two options of 1y with 6
// months' notice. The tender has an anchor, a publication without a date
// of its own and a contract start 4 months after it.
func contractPlan(t *testing.T, extended, schedule string, opts Options) *Result {
	t.Helper()
	src := `version: 1
region: {id: r, name: R, municipalities: [A]}
contracts:
  c:
    name: Jeugd 2022
    start: 2022-01-01
    term: 4y
    options: [{length: 1y, notice: 6mo}, {length: 1y, notice: 6mo}]
    extended: ` + extended + `
tenders:
  t:
    name: T
    procedure: social-services
    replaces: c
    schedule: ` + schedule + `
    milestones:
      besluit: {kind: decision, on: 2025-02-04}
      pub: {kind: publication, after: besluit + 1w, align: workday}
      start: {kind: contract-start, after: pub + 4mo}
`
	r, err := region.Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Planner{}).Plan(r, r.Tenders[0], opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestReplacesASAPAndALAP(t *testing.T) {
	day := func(s string) date.Date { d, _ := date.Parse(s); return d }
	res := contractPlan(t, "0", "asap", Options{})
	if !res.Feasible || res.Contract == nil || res.Contract.ID != "c" {
		t.Fatalf("plan: %+v", res)
	}
	// asap: pub = Tue 2025-02-04 + 1w = Tue 02-11; start = + 4mo = Wed
	// 06-11. The bound end + 1d = 2026-01-01 gives latest dates: start
	// 2026-01-01, pub the last working day with pub + 4mo ≤ 2026-01-01:
	// Mon 2025-09-01 (Tue 09-02 + 4mo = 2026-01-02 is too late).
	for id, want := range map[string][2]string{
		"pub":   {"2025-02-11", "2025-09-01"},
		"start": {"2025-06-11", "2026-01-01"},
		// The derived decisions are fixed: option 1 by 2025-12-31 - 6mo =
		// 2025-06-30, option 2 (after option 1) by 2026-12-31 - 6mo =
		// 2026-06-30.
		"c-option-1": {"2025-06-30", "2025-06-30"},
		"c-option-2": {"2026-06-30", "2026-06-30"},
	} {
		m := res.Milestone(id)
		if m == nil || m.Date != day(want[0]) || m.Latest == nil || *m.Latest != day(want[1]) {
			t.Errorf("%s: %+v, want date %s latest %s", id, m, want[0], want[1])
		}
	}
	d := res.Milestone("c-option-1").Milestone
	if d.Kind != region.KindExtensionDecision || d.Derived != "c" || !strings.Contains(MilestoneWords("en", d), "(derived)") || !res.Milestone("c-option-1").Fixed {
		t.Errorf("derived milestone %+v", d)
	}
	// The derived decisions take no part in the span.
	if res.Start != day("2025-02-04") || res.End != day("2025-06-11") {
		t.Errorf("span %s … %s", res.Start, res.End)
	}
	// alap: every milestone at its latest; publication on Mon 2025-09-01.
	res = contractPlan(t, "0", "alap", Options{})
	if m := res.Milestone("pub"); m.Date != day("2025-09-01") {
		t.Errorf("alap pub on %s, want 2025-09-01", m.Date)
	}
	// With option 1 taken the contract ends 2026-12-31: the latest start
	// is 2027-01-01, and only option 2's decision remains.
	res = contractPlan(t, "1", "alap", Options{})
	if m := res.Milestone("start"); m.Date != day("2027-01-01") || res.Milestone("c-option-1") != nil || res.Milestone("c-option-2") == nil {
		t.Errorf("extended: start %s, milestones %+v", m.Date, res.Milestones)
	}
	// In Dutch the derived name says afgeleid.
	res = contractPlan(t, "0", "asap", Options{})
	if n := MilestoneWords("nl", res.Milestone("c-option-1").Milestone); n != "Besluit over verlengingsoptie 1 (1y) van contract c (afgeleid)" {
		t.Errorf("Dutch name %q", n)
	}
}

// TestDerivedDecisionsDoNotSetTheStart: a milestone without a dated bound
// gets the tender's start, which comes from the tender's own milestones,
// not from an earlier derived decision.
func TestDerivedDecisionsDoNotSetTheStart(t *testing.T) {
	src := `version: 1
region: {id: r, name: R, municipalities: [A]}
contracts:
  c: {name: C, start: 2022-01-01, term: 4y, options: [{length: 1y, notice: 1y}]}
tenders:
  t:
    name: T
    procedure: social-services
    replaces: c
    milestones:
      prep: {kind: other}
      pub: {kind: publication, on: 2025-03-03, after: prep}
      start: {kind: contract-start, on: 2026-01-01}
`
	r, err := region.Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Planner{}).Plan(r, r.Tenders[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	// The decision is due 2025-12-31 - 1y = 2024-12-31; prep takes the
	// tender's start from pub, Mon 2025-03-03.
	if m := res.Milestone("prep"); m.Date.String() != "2025-03-03" || res.TenderStart.String() != "2025-03-03" {
		t.Errorf("prep on %s, start %s", m.Date, res.TenderStart)
	}
	if m := res.Milestone("c-option-1"); m == nil || m.Date.String() != "2024-12-31" {
		t.Errorf("decision %+v", m)
	}
}

func TestReplacesInfeasibleNamesTheContract(t *testing.T) {
	src := `version: 1
region: {id: r, name: R, municipalities: [A]}
contracts:
  c: {name: C, start: 2022-01-01, term: 4y}
tenders:
  t:
    name: T
    procedure: social-services
    replaces: c
    milestones:
      pub: {kind: publication, on: 2025-10-01}
      start: {kind: contract-start, after: pub + 4mo}
`
	r, err := region.Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&Planner{}).Plan(r, r.Tenders[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	// pub + 4mo = 2026-02-01, after the bound 2026-01-01.
	if res.Feasible || res.Conflict == nil {
		t.Fatalf("feasible: %+v", res)
	}
	l := res.Conflict.Chain[0]
	if l.Milestone != "start" || LinkWords(&l) != "replaces: end(c) + 1d" || l.Line != 4 || l.Bound == nil || l.Bound.String() != "2026-01-01" {
		t.Errorf("first link %+v", l)
	}
	if want := "infeasible: start must be on or before end(c) + 1d = 2026-01-01 (f.yaml:4)"; !strings.HasPrefix(message(res.Conflict, "en"), want) {
		t.Errorf("message %q, want prefix %q", message(res.Conflict, "en"), want)
	}
	if res.GapStart.String() != "2026-02-01" {
		t.Errorf("GapStart %s, want 2026-02-01", res.GapStart)
	}
}
