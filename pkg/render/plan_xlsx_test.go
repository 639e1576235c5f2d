package render

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/date"
)

const xlsxRegion = `version: 1
region: { id: nl, name: Nieuwland, municipalities: [Tiel] }
tenders:
  t:
    name: Inkoop 2028
    procedure: social-services
    milestones:
      pub: { kind: publication, on: 2027-09-06 }
      sub: { kind: submission, after: pub + 45d, align: workday }
      start: { kind: contract-start, on: 2027-12-16, after: sub + 8w }
`

// TestPlanXLSXRoundTrip writes a plan as a workbook and reads it back with
// excelize: the dates are date cells (numbers with a date format: Excel's
// serial number of the day), not text; the slack a number; the critical
// flag a boolean; the header frozen and filtered; the Dutch date format
// under --lang nl; the weeks sheet has a filled cell in each milestone's
// week.
//
// By hand: pub Mon 2027-09-06 (fixed), sub = pub + 45d = Thu 10-21, start
// fixed on Thu 12-16 = sub + 8w exactly: all three critical, slack 0.
// Excel's serial of 2027-09-06 is the days since 1899-12-30: 46636.
func TestPlanXLSXRoundTrip(t *testing.T) {
	for _, lang := range []string{"en", "nl"} {
		plans := planFor(t, xlsxRegion)
		plans[0].Baseline = &Baseline{Dates: map[string]date.Date{"sub": date.New(2027, 10, 14)}}
		var buf bytes.Buffer
		if err := PlanXLSX(&buf, plans, Options{Lang: lang, Today: date.New(2027, 9, 1)}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		wantSheets := map[string][]string{"en": {"Plan", "Weeks"}, "nl": {"Planning", "Weken"}}[lang]
		if len(sheets) != 2 || sheets[0] != wantSheets[0] || sheets[1] != wantSheets[1] {
			t.Fatalf("%s: sheets %v, want %v", lang, sheets, wantSheets)
		}
		sh := sheets[0]
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 4 || rows[1][4] != "pub" || rows[2][4] != "sub" || rows[3][4] != "start" {
			t.Fatalf("%s: rows %v", lang, rows)
		}
		raw, err := f.GetCellValue(sh, "D2", excelize.Options{RawCellValue: true})
		if err != nil || raw != "46636" {
			t.Errorf("%s: D2 raw %q (%v), want the serial 46636", lang, raw, err)
		}
		shown, _ := f.GetCellValue(sh, "D2")
		wantShown := map[string]string{"en": "2027-09-06", "nl": "06-09-2027"}[lang]
		if shown != wantShown {
			t.Errorf("%s: D2 shows %q, want %q", lang, shown, wantShown)
		}
		if typ, _ := f.GetCellType(sh, "J2"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s: slack cell type %v, want a number", lang, typ)
		}
		if v, _ := f.GetCellValue(sh, "J2"); v != "0" {
			t.Errorf("%s: slack %q, want 0", lang, v)
		}
		if typ, _ := f.GetCellType(sh, "K2"); typ != excelize.CellTypeBool {
			t.Errorf("%s: critical cell type %v, want a boolean", lang, typ)
		}
		// The baseline of sub (10-14) and its variance (+7).
		if v, _ := f.GetCellValue(sh, "L3", excelize.Options{RawCellValue: true}); v != "46674" {
			t.Errorf("%s: baseline serial %q, want 46674", lang, v)
		}
		if v, _ := f.GetCellValue(sh, "M3"); v != "7" {
			t.Errorf("%s: variance %q, want 7", lang, v)
		}
		panes, err := f.GetPanes(sh)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", lang, panes, err)
		}
		// The weeks sheet: week columns from Mon 2027-09-06; pub in the
		// first, sub (Thu 10-21) in the seventh (Mon 10-18).
		weeks := sheets[1]
		if v, _ := f.GetCellValue(weeks, "B2"); v != "◆" {
			t.Errorf("%s: weeks B2 %q, want the milestone mark", lang, v)
		}
		if v, _ := f.GetCellValue(weeks, "H3"); v != "◆" {
			t.Errorf("%s: weeks H3 %q, want sub's mark", lang, v)
		}
		st, _ := f.GetCellStyle(weeks, "D3")
		if st == 0 {
			t.Errorf("%s: the phase before sub (week 3) is not filled", lang)
		}
		f.Close()
	}
}

// TestDiffXLSXRoundTrip: tender diff's workbook has the milestones with
// date cells and whole-number shifts, the causes with their lines as
// numbers, and the consequences.
func TestDiffXLSXRoundTrip(t *testing.T) {
	old, cur := date.New(2027, 9, 6), date.New(2027, 9, 13)
	days, wd := 7, 5
	d := &change.Diff{Region: "nl", Tender: "t",
		Milestones:   []change.Milestone{{ID: "pub", Old: &old, New: &cur, ShiftDays: &days, ShiftWorkdays: &wd, State: change.Moved, Cause: 0}},
		Causes:       []change.Cause{{Kind: change.InputChanged, Subject: "pub", Key: "on", Old: "2027-09-06", New: "2027-09-13", OldLine: 8, NewLine: 8, Moved: []string{"pub"}}},
		Consequences: []change.Consequence{{Milestone: "pub", What: change.ConsequenceInternal}}}
	var buf bytes.Buffer
	if err := DiffXLSX(&buf, []*change.Diff{d}, Options{Lang: "en", Today: cur}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 3 || got[0] != "Diff" || got[1] != "Causes" || got[2] != "Consequences" {
		t.Fatalf("sheets %v", got)
	}
	// 2027-09-06 is serial 46636 (see TestPlanXLSXRoundTrip), 09-13 46643.
	for ref, want := range map[string]string{"D2": "46636", "E2": "46643", "F2": "7", "G2": "5", "H2": "moved", "I2": "pub on: 2027-09-06 → 2027-09-13"} {
		if v, _ := f.GetCellValue("Diff", ref, excelize.Options{RawCellValue: true}); v != want {
			t.Errorf("Diff!%s = %q, want %q", ref, v, want)
		}
	}
	if typ, _ := f.GetCellType("Causes", "D2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("a line is text (%v), want a number", typ)
	}
	if v, _ := f.GetCellValue("Causes", "F2"); v != "pub" {
		t.Errorf("Causes!F2 = %q, want pub", v)
	}
}
