package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

const tableRegion = `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
tenders:
  t:
    name: Demo tender
    procedure: social-services
    milestones:
      publication:
        name: Publicatie
        kind: publication
        done: 2026-03-02
      submission:
        name: Sluiting inschrijving
        kind: submission
        after: publication + 45d
        align: workday
      contract-start:
        kind: contract-start
        on: 2027-01-01
        after: submission + 3mo
      evaluation:
        kind: other
        after: submission + 1d
`

func planFor(t *testing.T, src string) []Plan {
	t.Helper()
	r, err := region.Load("demo.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var plans []Plan
	for _, tn := range r.Tenders {
		res, err := timeline.Plan(r, tn, timeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, Plan{Region: r, Tender: tn, Result: res})
	}
	return plans
}

func TestPlanTable(t *testing.T) {
	// The name column gets what the others leave of 100 columns (17), so
	// "Sluiting inschrijving" wraps. By hand: publication done Mon 2026-03-02; submission = 03-02 + 45d =
	// Thu 2026-04-16 (a working day); evaluation = 04-17, unbounded.
	// Latest submission: contract start 2027-01-01 - 3mo = 2026-10-01 (Thu).
	// Slack 2026-04-16 → 2026-10-01 = 14 + 31 + 30 + 31 + 31 + 30 + 1 = 168.
	plans := planFor(t, tableRegion)
	var buf bytes.Buffer
	if err := PlanTable(&buf, plans, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"Demo — Demo tender",
		"tender t · social-services · asap · demo.yaml",
		"",
		"    DATE            ID              NAME            KIND            EARLIEST    LATEST      SLACK",
		"*✓  Mon 2026-03-02  publication     Publicatie      publication     2026-03-02  2026-03-02     0d",
		"    Thu 2026-04-16  submission      Sluiting        submission      2026-04-16  2026-10-01   168d",
		"                                    inschrijving",
		"    Fri 2026-04-17  evaluation      evaluation      other           2026-04-17  —               —",
		"*■  Fri 2027-01-01  contract-start  contract-start  contract start  2027-01-01  2027-01-01     0d",
		"",
		"  * critical (no slack: a later date moves a fixed date or misses a deadline)   ✓ done   ■ fixed",
		"  Span: Mon 2 Mar 2026 → Fri 1 Jan 2027 (305 days)",
		"  Contract start: Fri 1 Jan 2027",
		"",
	}, "\n")
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("PlanTable (-want +got):\n%s", diff)
	}
}

func TestPlanTableColourOnlyWhenAsked(t *testing.T) {
	plans := planFor(t, tableRegion)
	var plain, colour bytes.Buffer
	if err := PlanTable(&plain, plans, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("colour escape codes without Options.Color")
	}
	if err := PlanTable(&colour, plans, Options{Lang: "en", Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(colour.String(), "\x1b[1m") {
		t.Error("no bold with Options.Color")
	}
}

func TestPlanTableFitsHundredColumns(t *testing.T) {
	src := strings.Replace(tableRegion, "name: Sluiting inschrijving", "name: Sluiting van de inschrijving voor alle percelen van de aanbesteding", 1)
	var buf bytes.Buffer
	if err := PlanTable(&buf, planFor(t, src), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(buf.String(), "\n") {
		if n := len([]rune(line)); n > tableWidth {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
}
