package app_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/date"
)

const rsYAML = `version: 1
region:
  id: rs
  name: Demo
  municipalities: [Aalten]
tenders:
  t2026:
    name: Demo 2026
    procedure: social-services
    milestones:
      decision:
        kind: decision
        done: 2026-01-13
      publication:
        kind: publication
        after: decision + 4w
        align: workday
      submission:
        kind: submission
        after: publication + 45d
        align: workday
      award-decision:
        kind: award-decision
        after: submission + 4w
        align: workday
      standstill-end:
        kind: standstill-end
        after: award-decision + 20d
        align: workday
      award:
        kind: award
        after: standstill-end + 1d
        before: 2026-09-01
      contract-start:
        kind: contract-start
        on: 2027-01-01
        after: award + 3mo
    scenarios:
      late:
        description: Publication in April
        milestones:
          publication: {on: 2026-04-01}
`

const twoYAML = `version: 1
region:
  id: two
  name: Two
  municipalities: [Borne]
tenders:
  a:
    name: A
    procedure: national
    milestones:
      publication: {kind: publication, on: 2026-03-02}
  b:
    name: B
    procedure: national
    milestones:
      publication: {kind: publication, on: 2026-03-02}
      only-b: {kind: submission, after: publication + 4w}
`

func testApp(t *testing.T) *app.App {
	t.Helper()
	fsys := fstest.MapFS{
		"rs.yaml":  {Data: []byte(rsYAML)},
		"two.yaml": {Data: []byte(twoYAML)},
	}
	return app.New(app.FSFinder{FS: fsys}, app.Config{Today: mustDate(t, "2026-01-20")})
}

// TestSelector: every kind of id that names nothing is an UnknownError
// with what was asked, what exists and the one suggestion, whichever
// request field named it.
func TestSelector(t *testing.T) {
	a := testApp(t)
	tests := []struct {
		name    string
		req     app.PlanRequest
		what    string
		suggest string
		message string
	}{
		{"unknown region", app.PlanRequest{Args: []string{"nope"}}, "region", "",
			`unknown region "nope" (regions: rs, two)`},
		{"region typo", app.PlanRequest{Args: []string{"tow"}}, "region", "two",
			`unknown region "tow" (did you mean "two"?) (regions: rs, two)`},
		{"unknown tender", app.PlanRequest{Tenders: []string{"c"}}, "tender", "",
			`unknown tender "c" (tenders: t2026, a, b)`},
		{"tender typo", app.PlanRequest{Tenders: []string{"t2062"}}, "tender", "t2026",
			`unknown tender "t2062" (did you mean "t2026"?) (tenders: t2026, a, b)`},
		{"scenario typo", app.PlanRequest{Args: []string{"rs"}, Scenario: "lte"}, "scenario", "late",
			`unknown scenario "lte" (did you mean "late"?) (scenarios of tender t2026: late)`},
		{"no scenarios at all", app.PlanRequest{Args: []string{"two"}, Scenario: "late"}, "scenario", "",
			`unknown scenario "late": the selected tenders have no scenarios`},
		{"set typo", app.PlanRequest{Args: []string{"rs"}, Sets: []string{"publicaton=2026-03-02"}}, "milestone", "publication",
			`--set: unknown milestone "publicaton" (did you mean "publication"?) (milestones of tender t2026: decision, publication, submission, award-decision, standstill-end, award, contract-start)`},
		{"set prefix", app.PlanRequest{Args: []string{"rs"}, Sets: []string{"pub=2026-03-02"}}, "milestone", "publication",
			`--set: unknown milestone "pub" (did you mean "publication"?) (milestones of tender t2026: decision, publication, submission, award-decision, standstill-end, award, contract-start)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := a.Plan(tt.req)
			var ue *app.UnknownError
			if !errors.As(err, &ue) {
				t.Fatalf("err = %v, want an UnknownError", err)
			}
			var usage *app.UsageError
			if !errors.As(err, &usage) {
				t.Errorf("err = %T, want it wrapped in a UsageError", err)
			}
			if ue.What != tt.what || ue.Suggestion() != tt.suggest {
				t.Errorf("What, Suggestion = %q, %q; want %q, %q", ue.What, ue.Suggestion(), tt.what, tt.suggest)
			}
			if err.Error() != tt.message {
				t.Errorf("message:\n got %s\nwant %s", err, tt.message)
			}
		})
	}
}

func TestPlan(t *testing.T) {
	a := testApp(t)
	// Publication: decision (done Tue 2026-01-13) + 4 weeks = Tue
	// 2026-02-10, a working day, so align: workday keeps it.
	rep, err := a.Plan(app.PlanRequest{Args: []string{"rs"}, Findings: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Plans) != 1 || len(rep.Conflicts()) != 0 {
		t.Fatalf("plans %d, conflicts %d; want 1, 0", len(rep.Plans), len(rep.Conflicts()))
	}
	p := rep.Plans[0]
	if got := p.Result.Milestone("publication").Date; got != mustDate(t, "2026-02-10") {
		t.Errorf("publication on %s, want 2026-02-10", got)
	}
	if p.Findings == nil {
		t.Error("Findings: the rules did not run")
	}
	// The scenario's on: 2026-04-01 (a Wednesday) is the date.
	rep, err = a.Plan(app.PlanRequest{Args: []string{"rs"}, Scenario: "late"})
	if err != nil {
		t.Fatal(err)
	}
	if got := rep.Plans[0].Result.Milestone("publication").Date; got != mustDate(t, "2026-04-01") {
		t.Errorf("scenario late: publication on %s, want 2026-04-01", got)
	}
	if rep.Plans[0].Findings != nil {
		t.Error("Findings without asking for them")
	}
	// All regions, in file-name order: rs's one tender, then two's two.
	rep, err = a.Plan(app.PlanRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range rep.Plans {
		ids = append(ids, p.Tender.ID)
	}
	if len(ids) != 3 || ids[0] != "t2026" || ids[1] != "a" || ids[2] != "b" {
		t.Errorf("tenders %v, want [t2026 a b]", ids)
	}
}

func TestPolicyErrorOnce(t *testing.T) {
	a := app.New(app.FSFinder{FS: fstest.MapFS{"rs.yaml": {Data: []byte(rsYAML)}}},
		app.Config{Policy: map[string]any{"sumer": "off"}, ConfigFile: "cfg.yaml"})
	if _, err := a.Plan(app.PlanRequest{}); err == nil {
		t.Fatal("a bad config policy is no error")
	}
}

func mustDate(t *testing.T, s string) date.Date {
	t.Helper()
	d, err := date.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestPlanBaseline: a plan asked with a baseline carries the baseline's
// dates, here an earlier version of rs read from standard input, in
// which publication was fixed on Mon 2026-03-02 (a working day, so align
// leaves it); without one it carries none.
func TestPlanBaseline(t *testing.T) {
	a := testApp(t)
	earlier := strings.Replace(rsYAML, "after: decision + 4w", "on: 2026-03-02", 1)
	for _, tt := range []struct {
		name     string
		baseline string
		want     string // the baseline's publication, "" for no baseline
	}{
		{"none", "", ""},
		{"stdin", "-", "2026-03-02"},
	} {
		rep, err := a.Plan(app.PlanRequest{Args: []string{"rs"}, Baseline: tt.baseline, Stdin: strings.NewReader(earlier)})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		b := rep.Plans[0].Baseline
		switch {
		case tt.want == "" && b != nil:
			t.Errorf("%s: a baseline %q", tt.name, b.Name)
		case tt.want != "" && (b == nil || b.Name != tt.baseline || b.Dates["publication"].String() != tt.want):
			t.Errorf("%s: baseline %+v, want publication %s", tt.name, b, tt.want)
		}
	}
	if _, err := a.Plan(app.PlanRequest{Args: []string{"rs"}, Baseline: "nowhere.json"}); err == nil {
		t.Error("a baseline that is not there: no error")
	}
}
