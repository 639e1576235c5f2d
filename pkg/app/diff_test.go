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

// pubMovedAWeek is the Diff of diffOld and the same file with pub a week
// later, on 2027-09-10.
func pubMovedAWeek(t *testing.T) *app.DiffReport {
	t.Helper()
	fsys := fstest.MapFS{
		"old.yaml": {Data: []byte(diffOld)},
		"new.yaml": {Data: []byte(strings.Replace(diffOld, "on: 2027-09-06", "on: 2027-09-13", 1))},
	}
	a := app.New(app.FSFinder{FS: fsys}, app.Config{Today: mustDate(t, "2027-09-10")})
	rep, err := a.Diff(app.DiffRequest{Old: "old.yaml", New: "new.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestDiffUseCase: the Diff use-case on in-memory regions. By hand: pub
// 09-06 → 09-13 moves sub (pub + 45d) from Thu 10-21 to Thu 10-28 and
// start (sub + 8w) from Thu 12-16 to Thu 12-23; the one cause is pub's
// on at line 8. On 2027-09-10 the tender is out (published 09-06), so the
// later deadline needs a rectification notice and a nota van
// inlichtingen.
func TestDiffUseCase(t *testing.T) {
	rep := pubMovedAWeek(t)
	if len(rep.Diffs) != 1 {
		t.Fatalf("%d diffs, want 1", len(rep.Diffs))
	}
	d := rep.Diffs[0]
	if d.ContractStart.Old.String() != "2027-12-16" || d.ContractStart.New.String() != "2027-12-23" {
		t.Errorf("contract start %v → %v, want 2027-12-16 → 2027-12-23", d.ContractStart.Old, d.ContractStart.New)
	}
	want := change.Cause{Kind: change.InputChanged, Subject: "pub", Key: "on", Old: "2027-09-06", New: "2027-09-13", OldLine: 8, NewLine: 8}
	if c := d.Causes; len(c) != 1 || c[0].Kind != want.Kind || c[0].Subject != want.Subject || c[0].Key != want.Key ||
		c[0].Old != want.Old || c[0].New != want.New || c[0].OldLine != want.OldLine || c[0].NewLine != want.NewLine {
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
	a := app.New(app.FSFinder{FS: fstest.MapFS{}}, app.Config{})
	if _, err := a.Diff(app.DiffRequest{Old: "-", New: "-"}); err == nil {
		t.Error("- and - accepted")
	}
}

// TestFailOnSlip: the gate of --fail-on-slip at its boundary. pub moves a
// week, so the contract start (sub + 8w) and every milestone slip 7 days:
// 7 is not more than 7 and is more than 6; a milestone in only one version
// cannot be watched.
func TestFailOnSlip(t *testing.T) {
	rep := pubMovedAWeek(t)
	for _, tt := range []struct {
		id    string
		limit int
		want  *app.Slip
		err   string
	}{
		{"", 7, nil, ""},
		{"", 6, &app.Slip{Milestone: "", Days: 7, Limit: 6}, ""},
		{"sub", 0, &app.Slip{Milestone: "sub", Days: 7, Limit: 0}, ""},
		{"sub", 7, nil, ""},
		{"nope", 0, nil, "--fail-on-slip: nope is not in both versions"},
	} {
		got, err := rep.FailOnSlip(tt.id, tt.limit)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("%q %d: error %v, want %q", tt.id, tt.limit, err, tt.err)
			}
			continue
		}
		if err != nil || (got == nil) != (tt.want == nil) || (got != nil && *got != *tt.want) {
			t.Errorf("%q %d = %+v, %v; want %+v", tt.id, tt.limit, got, err, tt.want)
		}
	}
}
