package timeline

import (
	"reflect"
	"testing"
)

// WhyLines words a Why chain as a conflict chain is worded: a bound with
// its constraint and line, a fixed, done or moved origin, a link with no
// date as written.
func TestWhyLines(t *testing.T) {
	why := []Link{
		{Milestone: "vragen", Constraint: "after: pub + 2w", Line: 12, Bound: dp("2021-02-03")},
		{Milestone: "pub", Constraint: "on: 2021-01-20 (moved)", Bound: dp("2021-01-20")},
		{Milestone: "gunning", Constraint: "align: workday", Line: 20, Bound: dp("2021-03-01")},
		{Milestone: "start", Constraint: "on: 2021-04-01", Line: 30, Bound: dp("2021-04-01")},
		{Milestone: "x", Constraint: "tender start", Line: 3},
	}
	en := []string{
		"vragen ≥ 2021-02-03 because after: pub + 2w (line 12)",
		"pub is moved to 2021-01-20 (on the command line)",
		"gunning moves to 2021-03-01 to fit align: workday (line 20)",
		"start is fixed at 2021-04-01 (line 30)",
		"x: tender start (line 3)",
	}
	if got := WhyLines(why, "en"); !reflect.DeepEqual(got, en) {
		t.Errorf("en:\n%q\nwant\n%q", got, en)
	}
	nl := WhyLines(why, "nl")
	if nl[0] != "vragen ≥ 2021-02-03 vanwege after: pub + 2w (regel 12)" || nl[3] != "start staat vast op 2021-04-01 (regel 30)" {
		t.Errorf("nl: %q", nl)
	}
	if got := WhyLines(nil, "en"); len(got) != 0 {
		t.Errorf("no chain: %q", got)
	}
}
