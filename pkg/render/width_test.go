package render

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/risk"
	"github.com/tender-nl/tender/pkg/timeline"
)

// smallComparison is a base and two scenarios, a and b, of one milestone
// named "Publicatie aanbesteding op TenderNed" (36 characters), planned on
// 2026-03-02 in the base and one day later in each scenario.
func smallComparison() *Comparison {
	m := &region.Milestone{ID: "publication", Name: "Publicatie aanbesteding op TenderNed", Kind: "publication"}
	d := date.New(2026, 3, 2)
	c := &Comparison{
		Region: &region.Region{ID: "r", Name: "R", Source: "r.yaml"},
		Tender: &region.Tender{ID: "t", Name: "T"},
	}
	row := ComparisonRow{ID: m.ID, Milestone: m, Kind: m.Kind, InBase: true}
	for i, name := range []string{"base", "a", "b"} {
		day := d
		var shift *Shift
		if i > 0 {
			day, shift = d+1, &Shift{Days: 1, Workdays: 1}
		}
		res := &timeline.Result{Feasible: true, Milestones: []timeline.Planned{{Milestone: m, Date: day}}}
		c.Columns = append(c.Columns, ComparisonColumn{Name: name, Result: res})
		row.Cells = append(row.Cells, ComparisonCell{Present: true, Date: day, Shift: shift})
	}
	c.Rows = []ComparisonRow{row}
	return c
}

// tableLines returns the lines of out from the one starting with first up
// to the first empty line.
func tableLines(t *testing.T, out, first string) []string {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, first) {
			end := i
			for end < len(lines) && lines[end] != "" {
				end++
			}
			return lines[i:end]
		}
	}
	t.Fatalf("no line starting with %q in:\n%s", first, out)
	return nil
}

func TestCompareTableNameColumn(t *testing.T) {
	// By hand, without names: MILESTONE is as wide as "implementation
	// period" (21), base as a date (10), a and b as a date (10; the shift
	// "+1d +1wd" is 8): 51, plus 3 gaps of 2 = 57. A name column adds a
	// gap: 59, so it needs 59 + 17 = 76 columns, and shows the whole
	// name from 59 + 36 = 95.
	render := func(width int) string {
		var buf bytes.Buffer
		if err := CompareTable(&buf, smallComparison(), Options{Lang: "en", Width: width}); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	head := func(width int) []string { return tableLines(t, render(width), "MILESTONE")[:3] }

	// On a pipe (no width) and at 75 columns: no name column, as before.
	want := []string{
		"MILESTONE              base        a           b",
		"publication            2026-03-02  2026-03-03  2026-03-03",
		"                                   +1d +1wd    +1d +1wd",
	}
	for _, width := range []int{0, 75} {
		if diff := cmp.Diff(want, head(width)); diff != "" {
			t.Errorf("width %d (-want +got):\n%s", width, diff)
		}
	}
	// At 76: a name column of 17, the name wrapped onto the line of
	// shifts and cut there.
	want = []string{
		"MILESTONE              NAME               base        a           b",
		"publication            Publicatie         2026-03-02  2026-03-03  2026-03-03",
		"                       aanbesteding op …              +1d +1wd    +1d +1wd",
	}
	if diff := cmp.Diff(want, head(76)); diff != "" {
		t.Errorf("width 76 (-want +got):\n%s", diff)
	}
	// At 95 and 200: the whole name on the line of dates.
	want = []string{
		"MILESTONE              NAME                                  base        a           b",
		"publication            Publicatie aanbesteding op TenderNed  2026-03-02  2026-03-03  2026-03-03",
		"                                                                         +1d +1wd    +1d +1wd",
	}
	for _, width := range []int{95, 200} {
		if diff := cmp.Diff(want, head(width)); diff != "" {
			t.Errorf("width %d (-want +got):\n%s", width, diff)
		}
	}
	for _, width := range []int{76, 95} {
		for _, l := range tableLines(t, render(width), "MILESTONE") {
			if n := utf8.RuneCountInString(l); n > width {
				t.Errorf("width %d: line of %d: %q", width, n, l)
			}
		}
	}
}

func TestCompareTableBlocksFollowTheWidth(t *testing.T) {
	// Without names the three columns of smallComparison need 57 columns:
	// at 56 scenario b goes to a second block, at 57 both fit.
	for _, tt := range []struct{ width, blocks int }{{56, 2}, {57, 1}, {0, 1}} {
		var buf bytes.Buffer
		if err := CompareTable(&buf, smallComparison(), Options{Lang: "en", Width: tt.width}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(buf.String(), "MILESTONE   "); n != tt.blocks {
			t.Errorf("width %d: %d blocks, want %d:\n%s", tt.width, n, tt.blocks, buf.String())
		}
	}
}

// smallRisk is a risk report of two milestones: "publicatie" (Publicatie
// aanbesteding, 23 characters) and "sluiting" (no name), planned on
// 2026-03-02 and 2026-04-16 and landing a week later at P95.
func smallRisk() *risk.Report {
	d1, d2 := date.New(2026, 3, 2), date.New(2026, 4, 16)
	p95 := d2 + 7
	pub := &region.Milestone{ID: "publicatie", Name: "Publicatie aanbesteding", Kind: "publication"}
	sub := &region.Milestone{ID: "sluiting", Kind: "submission"}
	return &risk.Report{
		Region: &region.Region{ID: "r", Name: "R", Source: "r.yaml"},
		Tender: &region.Tender{ID: "t", Name: "T"},
		Runs:   100, Seed: 1, Risks: 1,
		Milestones: []risk.Milestone{
			{Milestone: pub, Planned: &d1, P50: &d1, P80: &d1, P95: &d1},
			{Milestone: sub, Planned: &d2, P50: &d2, P80: &d2, P95: &p95},
		},
	}
}

func TestRiskTableNameColumn(t *testing.T) {
	// By hand, without names: ID "publicatie" 10, PLANNED "Thu 2026-04-16"
	// 14, P50 and P80 a date (10), P95 "2026-04-23 +7d" 14: 58, plus 4
	// gaps = 66. A name column adds a gap: 68, so it needs 68 + 17 = 85
	// columns (there the name wraps, and the column is as wide as its
	// widest line, "aanbesteding"), and shows "Publicatie aanbesteding"
	// whole from 68 + 23 = 91.
	render := func(width int) []string {
		var buf bytes.Buffer
		if err := RiskTable(&buf, smallRisk(), Options{Lang: "en", Width: width}); err != nil {
			t.Fatal(err)
		}
		return tableLines(t, buf.String(), "ID")
	}
	want := []string{
		"ID          PLANNED         P50         P80         P95",
		"publicatie  Mon 2026-03-02  2026-03-02  2026-03-02  2026-03-02",
		"sluiting    Thu 2026-04-16  2026-04-16  2026-04-16  2026-04-23 +7d",
	}
	for _, width := range []int{0, 84} {
		if diff := cmp.Diff(want, render(width)); diff != "" {
			t.Errorf("width %d (-want +got):\n%s", width, diff)
		}
	}
	want = []string{
		"ID          NAME          PLANNED         P50         P80         P95",
		"publicatie  Publicatie    Mon 2026-03-02  2026-03-02  2026-03-02  2026-03-02",
		"            aanbesteding",
		"sluiting    sluiting      Thu 2026-04-16  2026-04-16  2026-04-16  2026-04-23 +7d",
	}
	if diff := cmp.Diff(want, render(85)); diff != "" {
		t.Errorf("width 85 (-want +got):\n%s", diff)
	}
	want = []string{
		"ID          NAME                     PLANNED         P50         P80         P95",
		"publicatie  Publicatie aanbesteding  Mon 2026-03-02  2026-03-02  2026-03-02  2026-03-02",
		"sluiting    sluiting                 Thu 2026-04-16  2026-04-16  2026-04-16  2026-04-23 +7d",
	}
	for _, width := range []int{91, 200} {
		if diff := cmp.Diff(want, render(width)); diff != "" {
			t.Errorf("width %d (-want +got):\n%s", width, diff)
		}
	}
}

func TestNoteWrapsOnATerminal(t *testing.T) {
	text := "Sorted by contract start · SLACK: days the contract start can still move"
	var pipe, term bytes.Buffer
	note(&pipe, text, Options{})
	if got := pipe.String(); got != "  "+text+"\n" {
		t.Errorf("on a pipe: %q", got)
	}
	// 40 columns: two for the indent, then at most 38 per line.
	note(&term, text, Options{Width: 40})
	want := "  Sorted by contract start · SLACK: days\n  the contract start can still move\n"
	if got := term.String(); got != want {
		t.Errorf("at 40 columns:\n%s\nwant:\n%s", got, want)
	}
}

// smallOverview is one tender, inkoop-2027 of achterhoek, "Inkoop 2027
// Jeugdhulp" (21 characters), with its next milestone the contract start.
func smallOverview() *Overview {
	today := date.New(2026, 11, 22)
	ms := []timeline.Planned{
		planned("publicatie", "publication", date.New(2026, 3, 2), true),
		planned("sluiting", "submission", date.New(2026, 4, 16), true),
		planned("gunning", "award", date.New(2026, 7, 1), true),
		planned("contract-start", "contract-start", date.New(2027, 1, 1), false),
	}
	r := &region.Region{ID: "achterhoek"}
	tn := &region.Tender{ID: "inkoop-2027", Name: "Inkoop 2027 Jeugdhulp", Procedure: "social-services"}
	// The first of each kind, and the next not done on or after today.
	row := OverviewRow{Region: r, Tender: tn, Result: &timeline.Result{Feasible: true, Milestones: ms},
		Publication: &ms[0], Submission: &ms[1], Award: &ms[2], ContractStart: &ms[3], Next: &ms[3]}
	return &Overview{Today: today, Rows: []OverviewRow{row}, Regions: 1}
}

func TestOverviewTableWidth(t *testing.T) {
	// By hand, the columns: REGION "achterhoek" 10, TENDER "inkoop-2027"
	// 11, PROCEDURE "social-services" 15, PUBLICATION 11, SUBMISSION 10,
	// AWARD 10, CONTRACT START 14, SLACK 5, ERRORS 6, WARNINGS 8, NEXT
	// "2027-01-01 contract-start" 25: 125, plus 10 gaps = 145. A name
	// column needs 145 + 2 + 17 = 164 and is whole from 147 + 21 = 168.
	// Narrower than 145, columns go in turn: PROCEDURE (17 with its gap)
	// leaves 128, SUBMISSION 116, PUBLICATION 103, AWARD 91, WARNINGS 81.
	const all = "REGION      TENDER       PROCEDURE        PUBLICATION  SUBMISSION  AWARD       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT"
	tests := []struct {
		width   int
		header  string
		leftOut string // the columns the note names, "" for no note
	}{
		{0, all, ""},
		{145, all, ""},
		{163, all, ""},
		{164, "REGION      TENDER       NAME               PROCEDURE        PUBLICATION  SUBMISSION  AWARD       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", ""},
		{200, "REGION      TENDER       NAME                   PROCEDURE        PUBLICATION  SUBMISSION  AWARD       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", ""},
		{144, "REGION      TENDER       PUBLICATION  SUBMISSION  AWARD       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", "PROCEDURE"},
		{128, "REGION      TENDER       PUBLICATION  SUBMISSION  AWARD       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", "PROCEDURE"},
		{127, "REGION      TENDER       PUBLICATION  AWARD       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", "PROCEDURE, SUBMISSION"},
		{100, "REGION      TENDER       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", "PROCEDURE, SUBMISSION, PUBLICATION, AWARD"},
		{91, "REGION      TENDER       CONTRACT START  SLACK  ERRORS  WARNINGS  NEXT", "PROCEDURE, SUBMISSION, PUBLICATION, AWARD"},
		{80, "REGION      TENDER       CONTRACT START  SLACK  ERRORS  NEXT", "PROCEDURE, SUBMISSION, PUBLICATION, AWARD, WARNINGS"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := OverviewTable(&buf, smallOverview(), Options{Lang: "en", Width: tt.width}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		lines := tableLines(t, out, "REGION")
		if lines[0] != tt.header {
			t.Errorf("width %d: header\n%q\nwant\n%q", tt.width, lines[0], tt.header)
		}
		if tt.width >= 164 && !strings.Contains(lines[1], "  Inkoop 2027 Jeug…  ") && tt.width < 168 {
			t.Errorf("width %d: the name should be cut to 17:\n%s", tt.width, lines[1])
		}
		if tt.width >= 168 && !strings.Contains(lines[1], "  Inkoop 2027 Jeugdhulp  ") {
			t.Errorf("width %d: no whole name:\n%s", tt.width, lines[1])
		}
		note := strings.Join(strings.Fields(out[strings.Index(out, "\n  Sorted"):]), " ")
		if tt.leftOut == "" {
			if strings.Contains(note, "Not shown") {
				t.Errorf("width %d: a note of columns left out, with none left out:\n%s", tt.width, out)
			}
			continue
		}
		want := "Not shown for lack of width (" + strconv.Itoa(tt.width) + " columns): " + tt.leftOut + ";"
		if !strings.Contains(note, want) {
			t.Errorf("width %d: no note %q:\n%s", tt.width, want, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(l); n > tt.width && tt.width >= 91 {
				t.Errorf("width %d: line of %d: %q", tt.width, n, l)
			}
		}
	}
}

func TestWrappedList(t *testing.T) {
	list := "Municipalities: Hof van Twente, Losser, Oldenzaal (3 of 14)"
	if got := wrapped(list, ", ", 0, "", "  "); !cmp.Equal(got, []string{list}) {
		t.Errorf("on a pipe: %q", got)
	}
	// 35 columns: "Municipalities: Hof van Twente," is 31 and with
	// " Losser," 39, so the list breaks between two names, never inside
	// "Hof van Twente"; the next line, indented, holds the rest (30).
	want := []string{"Municipalities: Hof van Twente,", "  Losser, Oldenzaal (3 of 14)"}
	if got := wrapped(list, ", ", 35, "", "  "); !cmp.Equal(got, want) {
		t.Errorf("at 35:\n%q\nwant\n%q", got, want)
	}
	// A word wider than the width stays whole on its own line; "  (3 of"
	// is exactly 8.
	want = []string{"Municipalities:", "  Hof", "  van", "  Twente,", "  Losser,", "  Oldenzaal", "  (3 of", "  14)"}
	if got := wrapped(list, " ", 8, "", "  "); !cmp.Equal(got, want) {
		t.Errorf("at 8 by words:\n%q\nwant\n%q", got, want)
	}
}

func TestClipColumnFollowsTheWidth(t *testing.T) {
	// The other columns: "Mon 2026-04-27" 14 and "holiday" 7, with two
	// gaps: 25. At 100 the name keeps 75, at 60 it keeps 35, and it never
	// gets less than 20 (at 40).
	name := strings.Repeat("Koningsdag ", 8) // 88 characters
	for _, tt := range []struct{ width, want int }{{100, 75}, {60, 35}, {40, 20}, {200, 88}} {
		rows := [][]string{{"Mon 2026-04-27", "holiday", name}}
		clipColumn([]string{"DATE", "KIND", "NAME"}, rows, 2, tt.width)
		if n := utf8.RuneCountInString(rows[0][2]); n != tt.want {
			t.Errorf("width %d: name of %d, want %d: %q", tt.width, n, tt.want, rows[0][2])
		}
	}
}

func planned(id string, kind region.Kind, d date.Date, done bool) timeline.Planned {
	return timeline.Planned{Milestone: &region.Milestone{ID: id, Kind: kind}, Date: d, Done: done}
}
