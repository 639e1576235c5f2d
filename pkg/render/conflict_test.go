package render

import (
	"reflect"
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/i18n/i18ntest"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// TestConflictCatalogues: the Dutch explanation has every phrase of the
// English one, each taking the same arguments.
func TestConflictCatalogues(t *testing.T) {
	for _, problem := range i18ntest.CheckCatalogues(conflictWords) {
		t.Error(problem)
	}
}

// WhyLines words a Why chain as a conflict chain is worded: a bound with
// its constraint and line, a fixed, done or moved origin, a link with no
// date as written.
func TestWhyLines(t *testing.T) {
	day := func(s string) *date.Date {
		d, err := date.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return &d
	}
	why := []timeline.Link{
		{Milestone: "vragen", Line: 12, Bound: day("2021-02-03"),
			Role: timeline.RoleAfter, Key: "after", Text: "pub + 2w"},
		{Milestone: "pub", Bound: day("2021-01-20"),
			Role: timeline.RoleFixed, Key: "on", Text: "2021-01-20", Moved: true},
		{Milestone: "gunning", Line: 20, Bound: day("2021-03-01"),
			Role: timeline.RoleAlign, Key: "align", Text: "workday"},
		{Milestone: "start", Line: 30, Bound: day("2021-04-01"),
			Role: timeline.RoleFixed, Key: "on", Text: "2021-04-01"},
		{Milestone: "sub", Line: 14, Bound: day("2021-02-17"),
			Role: timeline.RolePush, Key: "before", Text: "sub - 2w", At: "vragen"},
		{Milestone: "x", Line: 3, Role: timeline.RoleStart},
		{Milestone: "y", Line: 3, Role: timeline.RoleStart, Bound: day("2021-01-04")},
	}
	en := []string{
		"vragen ≥ 2021-02-03 because after: pub + 2w (line 12)",
		"pub is moved to 2021-01-20 (on the command line)",
		"gunning moves to 2021-03-01 to fit align: workday (line 20)",
		"start is fixed at 2021-04-01 (line 30)",
		"sub ≥ 2021-02-17 to leave room for vragen before: sub - 2w (line 14)",
		"x: tender start (line 3)",
		"y ≥ 2021-01-04 because tender start (line 3)",
	}
	if got := WhyLines("en", why); !reflect.DeepEqual(got, en) {
		t.Errorf("en:\n%q\nwant\n%q", got, en)
	}
	nl := WhyLines("nl", why)
	// The tender's start is worded in Dutch; constraints stay as written.
	if nl[0] != "vragen ≥ 2021-02-03 vanwege after: pub + 2w (regel 12)" || nl[3] != "start staat vast op 2021-04-01 (regel 30)" ||
		nl[5] != "x: de start van de aanbesteding (regel 3)" || nl[6] != "y ≥ 2021-01-04 vanwege de start van de aanbesteding (regel 3)" {
		t.Errorf("nl: %q", nl)
	}
	if got := WhyLines("en", nil); len(got) != 0 {
		t.Errorf("no chain: %q", got)
	}
}

// TestMilestoneName: a derived decision is named from its option in the
// printer's language; a milestone of the file keeps its name, or its id.
func TestMilestoneName(t *testing.T) {
	d := &region.Milestone{ID: "jeugd-2022-option-1", Kind: region.KindExtensionDecision, Derived: "jeugd-2022",
		Option: &region.Notice{Option: 1, Length: date.Duration{N: 1, Unit: date.Years}}}
	for lang, want := range map[string]string{
		"en": "Decide on extension option 1 (1y) of contract jeugd-2022 (derived)",
		"nl": "Besluit over verlengingsoptie 1 (1y) van contract jeugd-2022 (afgeleid)",
	} {
		if got := MilestoneName(lang, d); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	if got := MilestoneName("nl", &region.Milestone{ID: "pub", Name: "Publicatie"}); got != "Publicatie" {
		t.Errorf("named: %q", got)
	}
	if got := MilestoneName("nl", &region.Milestone{ID: "pub"}); got != "pub" {
		t.Errorf("unnamed: %q", got)
	}
}

// TestLinkConstraint: the JSON chain's "constraint" is the link as written
// in the file, the same words in every language: the key and value, the
// milestone it is written at in front when that is another one, "(moved)"
// after a move, and "tender start" and "risk delay" for the links written
// nowhere.
func TestLinkConstraint(t *testing.T) {
	for _, tt := range []struct {
		l    timeline.Link
		want string
	}{
		{timeline.Link{Role: timeline.RoleAfter, Key: "after", Text: "award + 3mo"}, "after: award + 3mo"},
		{timeline.Link{Role: timeline.RolePush, Key: "before", Text: "submission - 10d", At: "answers"}, "answers before: submission - 10d"},
		{timeline.Link{Role: timeline.RoleFixed, Key: "on", Text: "2021-01-20", Moved: true}, "on: 2021-01-20 (moved)"},
		{timeline.Link{Role: timeline.RoleUpper, Key: "replaces", Text: "end(c) + 1d"}, "replaces: end(c) + 1d"},
		{timeline.Link{Role: timeline.RoleStart}, "tender start"},
		{timeline.Link{Role: timeline.RoleDelay}, "risk delay"},
	} {
		if got := LinkConstraint(&tt.l); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.l, got, tt.want)
		}
	}
}
