package render

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// TestCompareTableFitsWidth: six scenarios with long names do not fit next
// to each other in DefaultWidth columns, so the table comes in blocks that
// each repeat the milestone and base columns.
func TestCompareTableFitsWidth(t *testing.T) {
	m := &region.Milestone{ID: "publication", Kind: "publication"}
	d := date.New(2026, 3, 2)
	c := &Comparison{
		Region: &region.Region{ID: "r", Name: "R", Source: "r.yaml"},
		Tender: &region.Tender{ID: "t", Name: "T"},
	}
	row := ComparisonRow{ID: m.ID, Kind: m.Kind, InBase: true}
	for i, name := range []string{"base", "a-rather-long-scenario-1", "a-rather-long-scenario-2", "a-rather-long-scenario-3",
		"a-rather-long-scenario-4", "a-rather-long-scenario-5", "a-rather-long-scenario-6"} {
		res := &timeline.Result{Feasible: true, Milestones: []timeline.Planned{{Milestone: m, Date: d + date.Date(i)}}}
		c.Columns = append(c.Columns, ComparisonColumn{Name: name, Result: res})
		row.Cells = append(row.Cells, ComparisonCell{Present: true, Date: d + date.Date(i), Shift: &Shift{Days: i, Workdays: i}})
	}
	c.Rows = []ComparisonRow{row}
	var buf bytes.Buffer
	if err := CompareTable(&buf, c, Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, l := range strings.Split(out, "\n") {
		if utf8.RuneCountInString(l) > DefaultWidth {
			t.Errorf("line of %d characters: %q", utf8.RuneCountInString(l), l)
		}
	}
	if n := strings.Count(out, "MILESTONE              base"); n != 3 {
		t.Errorf("%d blocks, want 3 (two scenarios of 26 characters each fit beside the 35 of milestone and base):\n%s", n, out)
	}
	// 2026-03-02 + 6 days, 6 working days: the last block ends in scenario 6.
	if !strings.Contains(out, "2026-03-08") || !strings.Contains(out, "+6d +6wd") {
		t.Errorf("scenario 6 is missing:\n%s", out)
	}
}

func TestSigned(t *testing.T) {
	for _, tt := range []struct {
		n    int
		want string
	}{{28, "+28d"}, {-3, "-3d"}, {0, "0d"}} {
		if got := signed(tt.n, "d"); got != tt.want {
			t.Errorf("signed(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
