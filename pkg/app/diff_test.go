package app_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/change"
)

const diffOld = `version: 1
region: { id: nl, name: Nieuwland, municipalities: [Tiel] }
tenders:
  t:
    name: Inkoop 2028
    procedure: social-services
    milestones:
      pub: { kind: publication, on: 2027-09-06 }
      sub: { kind: submission, after: pub + 45d, align: workday }
      start: { kind: contract-start, after: sub + 8w }
`

// TestDiffUseCase: the Diff use-case on in-memory regions. By hand: pub
// 09-06 → 09-13 moves sub (pub + 45d) from Thu 10-21 to Thu 10-28 and
// start (sub + 8w) from Thu 12-16 to Thu 12-23; the one cause is pub's
// on at line 8. On 2027-09-10 the tender is out (published 09-06), so the
// later deadline needs a rectification notice and a nota van
// inlichtingen.
func TestDiffUseCase(t *testing.T) {
	fsys := fstest.MapFS{
		"old.yaml": {Data: []byte(diffOld)},
		"new.yaml": {Data: []byte(strings.Replace(diffOld, "on: 2027-09-06", "on: 2027-09-13", 1))},
	}
	a := app.New(app.FSFinder{FS: fsys}, app.Config{Today: mustDate(t, "2027-09-10")})
	rep, err := a.Diff(app.DiffRequest{Old: "old.yaml", New: "new.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Diffs) != 1 {
		t.Fatalf("%d diffs, want 1", len(rep.Diffs))
	}
	d := rep.Diffs[0]
	if d.ContractStart.Old.String() != "2027-12-16" || d.ContractStart.New.String() != "2027-12-23" {
		t.Errorf("contract start %v → %v, want 2027-12-16 → 2027-12-23", d.ContractStart.Old, d.ContractStart.New)
	}
	if len(d.Causes) != 1 || d.Causes[0].What != "pub on: 2027-09-06 → 2027-09-13" || d.Causes[0].OldLine != 8 || d.Causes[0].NewLine != 8 {
		t.Fatalf("causes %+v", d.Causes)
	}
	if got := strings.Join(d.Causes[0].Moved, ","); got != "pub,sub,start" {
		t.Errorf("moved %s, want pub,sub,start", got)
	}
	for _, m := range d.Milestones {
		if m.State != change.Moved || *m.ShiftDays != 7 || m.Cause != 0 {
			t.Errorf("%s: %s %+d, cause %d; want moved +7 by cause 0", m.ID, m.State, *m.ShiftDays, m.Cause)
		}
	}
	var subs []string
	for _, c := range d.Consequences {
		if c.Milestone == "sub" {
			subs = append(subs, c.What)
		}
	}
	if strings.Join(subs, ",") != "rectification-notice,nota-van-inlichtingen" {
		t.Errorf("sub's consequences %v", subs)
	}
	if slip, ok := rep.SlippedBy(""); !ok || slip != 7 {
		t.Errorf("SlippedBy = %d, %v; want 7", slip, ok)
	}
	// Both sides from standard input: refused.
	if _, err := a.Diff(app.DiffRequest{Old: "-", New: "-"}); err == nil {
		t.Error("- and - accepted")
	}
}
