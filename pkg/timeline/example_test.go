package timeline

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestFormatExample reproduces the conflict of README, "Region file format": "Scheduling
// semantics": publication done on Wed 2020-09-23; + 35d is Wed 2020-10-28;
// + 6w is Wed 2020-12-09; + 20d is Tue 2020-12-29; + 1d is Wed 2020-12-30;
// + 3mo is Tue 2021-03-30, after the contract start fixed at 2021-01-01.
func TestFormatExample(t *testing.T) {
	r := nl(tender(
		ms("publication", "43 done: 2020-09-23"),
		ms("submission", "46 after: publication + 35d"),
		ms("award-decision", "50 after: submission + 6w"),
		ms("standstill-end", "54 after: award-decision + 20d"),
		ms("award", "57 after: standstill-end + 1d"),
		ms("contract-start", "61 on: 2021-01-01", "62 after: award + 3mo"),
	))
	r.Source = "achterhoek.yaml"
	res := plan(t, r, Options{})
	if res.Feasible || res.Conflict == nil {
		t.Fatalf("feasible, want the conflict")
	}
	if len(res.Milestones) != 0 || res.Milestones == nil {
		t.Errorf("Milestones = %v, want empty and not nil", res.Milestones)
	}
	want := []wantLink{
		{Milestone: "contract-start", Constraint: "on: 2021-01-01", File: "achterhoek.yaml", Line: 61, Bound: dp("2021-01-01")},
		{Milestone: "contract-start", Constraint: "after: award + 3mo", File: "achterhoek.yaml", Line: 62, Bound: dp("2021-03-30")},
		{Milestone: "award", Constraint: "after: standstill-end + 1d", File: "achterhoek.yaml", Line: 57, Bound: dp("2020-12-30")},
		{Milestone: "standstill-end", Constraint: "after: award-decision + 20d", File: "achterhoek.yaml", Line: 54, Bound: dp("2020-12-29")},
		{Milestone: "award-decision", Constraint: "after: submission + 6w", File: "achterhoek.yaml", Line: 50, Bound: dp("2020-12-09")},
		{Milestone: "submission", Constraint: "after: publication + 35d", File: "achterhoek.yaml", Line: 46, Bound: dp("2020-10-28")},
		{Milestone: "publication", Constraint: "done: 2020-09-23", File: "achterhoek.yaml", Line: 43, Bound: dp("2020-09-23")},
	}
	if diff := cmp.Diff(want, asWritten(res.Conflict.Chain)); diff != "" {
		t.Errorf("chain (-want +got):\n%s", diff)
	}
	wantMsg := `infeasible: contract-start is fixed at 2021-01-01 (achterhoek.yaml:61)
  but must be on or after award + 3mo = 2021-03-30 (achterhoek.yaml:62), and
  award ≥ 2020-12-30 because standstill-end + 1d (line 57),
  standstill-end ≥ 2020-12-29 because award-decision + 20d (line 54),
  award-decision ≥ 2020-12-09 because submission + 6w (line 50),
  submission ≥ 2020-10-28 because publication + 35d (line 46),
  publication is done on 2020-09-23 (line 43)`
	if diff := cmp.Diff(wantMsg, message(res.Conflict, "en")); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}
}
