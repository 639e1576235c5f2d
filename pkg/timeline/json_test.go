package timeline

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJSON: the shape of the README, tender plan -o json.
func TestJSON(t *testing.T) {
	r := withBodies(nl(tender(
		ms("s", "1 done: 2021-01-04"),
		ms("pub", "3 after: s + 1w", "4 align: workday", "5 before: 2021-01-13"),
		ms("raad", "7 after: pub", "8 by: raad"),
	)))
	r.Tenders[0].Milestones[1].Name = "Publicatie"
	res := plan(t, r, Options{})
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	// raad meets the 1st Thursday: after Mon 11 Jan 2021 that is 4 Feb.
	want := `{
  "region": "r",
  "tender": "t",
  "scenario": null,
  "schedule": "asap",
  "feasible": true,
  "conflict": null,
  "milestones": [
    {
      "id": "s",
      "name": "s",
      "kind": "other",
      "date": "2021-01-04",
      "earliest": "2021-01-04",
      "latest": "2021-01-04",
      "slack": 0,
      "critical": true,
      "fixed": true,
      "done": true,
      "by": null,
      "bodies": null
    },
    {
      "id": "pub",
      "name": "Publicatie",
      "kind": "other",
      "date": "2021-01-11",
      "earliest": "2021-01-11",
      "latest": "2021-01-13",
      "slack": 2,
      "critical": false,
      "fixed": false,
      "done": false,
      "by": null,
      "bodies": null
    },
    {
      "id": "raad",
      "name": "raad",
      "kind": "other",
      "date": "2021-02-04",
      "earliest": "2021-02-04",
      "latest": null,
      "slack": null,
      "critical": false,
      "fixed": false,
      "done": false,
      "by": "raad",
      "bodies": [
        "raad"
      ]
    }
  ],
  "municipalities": [],
  "contract": null
}`
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	r.Tenders[0].Scenario = "later"
	r.Tenders[0].Milestones[1].Before[0] = parseExpr("2021-01-08")
	r.Tenders[0].Milestones[1].Before[0].Pos.Line = 5
	got, _ = json.Marshal(plan(t, r, Options{}))
	wantInfeasible := `{"region":"r","tender":"t","scenario":"later","schedule":"asap","feasible":false,` +
		`"conflict":{"message":"infeasible: pub must be on or before 2021-01-08 (test.yaml:5)\n  but must be on or after s + 1w = 2021-01-11 (test.yaml:3), and\n  s is done on 2021-01-04 (line 1)",` +
		`"chain":[{"milestone":"pub","constraint":"before: 2021-01-08","file":"test.yaml","line":5,"bound":"2021-01-08"},` +
		`{"milestone":"pub","constraint":"after: s + 1w","file":"test.yaml","line":3,"bound":"2021-01-11"},` +
		`{"milestone":"s","constraint":"done: 2021-01-04","file":"test.yaml","line":1,"bound":"2021-01-04"}]},"milestones":[],"municipalities":[],"contract":null}`
	if diff := cmp.Diff(wantInfeasible, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
