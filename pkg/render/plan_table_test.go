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
		res, err := (&timeline.Planner{}).Plan(r, tn, timeline.Options{})
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
		if n := len([]rune(line)); n > DefaultWidth {
			t.Errorf("line of %d columns: %q", n, line)
		}
	}
}

// planLines renders the plans of src at width and returns the table's
// lines: the header and the milestone rows, without title and legend.
func planLines(t *testing.T, src string, width int) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := PlanTable(&buf, planFor(t, src), Options{Lang: "en", Width: width}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	return lines[3:8]
}

func TestPlanTableNameTakesTheRoom(t *testing.T) {
	// By hand, the columns other than NAME in tableRegion: the marks "*✓"
	// 2, "Mon 2026-03-02" 14, "contract-start" 14, "contract start" 14,
	// two dates of 10 and "SLACK" 5: 69, plus 7 gaps of 2 = 83. So the
	// longest name, "Sluiting inschrijving" (21), fits on one line from
	// 83 + 21 = 104 columns and wraps at 103.
	full := "    Thu 2026-04-16  submission      Sluiting inschrijving  submission      2026-04-16  2026-10-01   168d"
	for _, width := range []int{104, 105, 200} {
		lines := planLines(t, tableRegion, width)
		if lines[2] != full || strings.TrimSpace(lines[3]) == "inschrijving" {
			t.Errorf("width %d: the name is not whole on one line:\n%s", width, strings.Join(lines, "\n"))
		}
		if n := len([]rune(lines[2])); n != 104 {
			t.Errorf("width %d: the row is %d columns, want 104 (no padding beyond the widest name)", width, n)
		}
	}
	for _, width := range []int{103, 100, 0} {
		lines := planLines(t, tableRegion, width)
		if !strings.Contains(lines[2], "  Sluiting  ") || strings.TrimSpace(lines[3]) != "inschrijving" {
			t.Errorf("width %d: the name should wrap after \"Sluiting\":\n%s", width, strings.Join(lines, "\n"))
		}
	}
}

func TestPlanTableLongNameOnAWideTerminal(t *testing.T) {
	// A name of 72 characters: in full from 83 + 72 = 155 columns. At 120
	// the name column has 120 - 83 = 37: "Sluiting van de inschrijving voor"
	// (33; with " alle" it would be 38), then the rest, 38 characters, cut
	// to 36 and an ellipsis. At 60 it keeps its minimum of 17: "Sluiting
	// van de" (15), then "inschrijving voo" (16) and the ellipsis.
	name := "Sluiting van de inschrijving voor alle percelen van de aanbesteding 2027"
	src := strings.Replace(tableRegion, "name: Sluiting inschrijving", "name: "+name, 1)
	out := func(width int) string {
		var buf bytes.Buffer
		if err := PlanTable(&buf, planFor(t, src), Options{Lang: "en", Width: width}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	if s := out(155); !strings.Contains(s, "  "+name+"  ") {
		t.Errorf("width 155: no full name:\n%s", s)
	}
	s := out(154)
	if strings.Contains(s, name) {
		t.Errorf("width 154: the name should wrap:\n%s", s)
	}
	s = out(120)
	for _, want := range []string{"  Sluiting van de inschrijving voor      submission", "  alle percelen van de aanbesteding 20…\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("width 120: no line %q:\n%s", want, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if n := len([]rune(line)); n > 120 {
			t.Errorf("width 120: line of %d columns: %q", n, line)
		}
	}
	s = out(60)
	for _, want := range []string{"  Sluiting van de    submission", "  inschrijving voo…\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("width 60: no line %q:\n%s", want, s)
		}
	}
}
