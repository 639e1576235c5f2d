package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
)

func strp(s string) *string { return &s }

// says is a message that says s in every language: the catalogue's
// "infeasible" is its argument, as it is.
func says(s string) rules.Message { return rules.Message{Key: "infeasible", Args: []any{s}} }

// checkReport is a report with one tender and one of its scenarios, with
// findings of every severity and messages that need escaping.
func checkReport(strict bool) *CheckReport {
	r := &region.Region{ID: "achterhoek", Name: "Achterhoek", Source: "regions/a,b:c%.yaml"}
	base := &region.Tender{ID: "inkoop-2022", Name: "Inkoop 2022", Procedure: "social-services"}
	scen := *base
	scen.Scenario = "rush"
	f := func(rule string, sev rules.Severity, ms *string, msg, ref string, line, col int, scenario *string) rules.Finding {
		return rules.Finding{Rule: rule, Severity: sev, Region: r.ID, Tender: base.ID, Scenario: scenario, Milestone: ms,
			Message: says(msg), Reference: ref, File: r.Source, Line: line, Column: col}
	}
	return &CheckReport{Regions: 1, Tenders: 1, Strict: strict, Runs: []CheckRun{{
		Region: r, Tender: base,
		Findings: []rules.Finding{
			f("overdue", rules.Warning, strp("pub"), "pub was planned <before> today & 100% late", "", 11, 7, nil),
			f("standstill", rules.Error, strp("aw"), "aw is \"too\" early", "Aw 2.127", 12, 7, nil),
			f("missing-milestones", rules.Info, nil, "no award", "Aw 2.38–2.39", 8, 3, nil),
		},
		NotRun: map[string]rules.Skip{"tender-period": rules.SkipProcedure, "deadline-day": rules.SkipDisabled},
	}, {
		Region: r, Tender: &scen,
		Findings: []rules.Finding{
			f("infeasible", rules.Error, strp("cs"), "infeasible: cs\n  but aw\r\x01", "README, \"Scheduling semantics\"", 20, 11, strp("rush")),
		},
		NotRun: map[string]rules.Skip{"order": rules.SkipInfeasible},
	}}}
}

func TestCheckText(t *testing.T) {
	var b bytes.Buffer
	if err := CheckText(&b, checkReport(false), Options{Lang: "en"}, false); err != nil {
		t.Fatal(err)
	}
	want := `Achterhoek — Inkoop 2022 · inkoop-2022
  regions/a,b:c%.yaml:12:7: error [standstill] aw is "too" early
      Aw 2.127
  regions/a,b:c%.yaml:11:7: warning [overdue] pub was planned <before> today & 100% late
  regions/a,b:c%.yaml:8:3: info [missing-milestones] no award
      Aw 2.38–2.39

Achterhoek — Inkoop 2022 · inkoop-2022 · scenario rush
  regions/a,b:c%.yaml:20:11: error [infeasible] infeasible: cs
        but aw` + "\r\x01" + `
      README, "Scheduling semantics"

Checked 1 region, 1 tender: 2 errors, 1 warning, 1 info. FAIL
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Quiet: only what fails, no summary; with --strict the warning too.
	b.Reset()
	_ = CheckText(&b, checkReport(false), Options{Lang: "nl"}, true)
	if strings.Contains(b.String(), "overdue") || strings.Contains(b.String(), "Gecontroleerd") || !strings.Contains(b.String(), "fout [standstill]") {
		t.Errorf("quiet:\n%s", b.String())
	}
	b.Reset()
	_ = CheckText(&b, checkReport(true), Options{Lang: "en"}, true)
	if !strings.Contains(b.String(), "warning [overdue]") || strings.Contains(b.String(), "info [") {
		t.Errorf("quiet strict:\n%s", b.String())
	}
}

func TestCheckGitHub(t *testing.T) {
	var b bytes.Buffer
	if err := CheckGitHub(&b, checkReport(false), Options{Lang: "en"}, false); err != nil {
		t.Fatal(err)
	}
	// Properties escape % CR LF : and ,; the message % CR LF only.
	want := `::warning file=regions/a%2Cb%3Ac%25.yaml,line=11,col=7,title=overdue · achterhoek/inkoop-2022::pub was planned <before> today & 100%25 late
::error file=regions/a%2Cb%3Ac%25.yaml,line=12,col=7,title=standstill · achterhoek/inkoop-2022::aw is "too" early (Aw 2.127)
::notice file=regions/a%2Cb%3Ac%25.yaml,line=8,col=3,title=missing-milestones · achterhoek/inkoop-2022::no award (Aw 2.38–2.39)
::error file=regions/a%2Cb%3Ac%25.yaml,line=20,col=11,title=infeasible · achterhoek/inkoop-2022 · scenario rush::infeasible: cs%0A  but aw%0D` + "\x01" + ` (README, "Scheduling semantics")
Checked 1 region, 1 tender: 2 errors, 1 warning, 1 info. FAIL
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := escapeProperty("a%b\r\nc:d,e"); got != "a%25b%0D%0Ac%3Ad%2Ce" {
		t.Errorf("escapeProperty: %q", got)
	}
}

func TestCheckJSON(t *testing.T) {
	var b bytes.Buffer
	if err := CheckJSON(&b, &CheckReport{}, "en"); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"findings\": [],\n  \"errors\": [],\n  \"summary\": {\n    \"regions\": 0,\n    \"tenders\": 0,\n    \"errors\": 0,\n    \"warnings\": 0,\n    \"input_errors\": 0\n  }\n}\n"
	if b.String() != want {
		t.Errorf("empty report:\n%s", b.String())
	}
	b.Reset()
	if err := CheckJSON(&b, checkReport(false), "en"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Findings []map[string]any `json:"findings"`
		Summary  map[string]int   `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Findings) != 4 || got.Summary["errors"] != 2 || got.Summary["warnings"] != 1 || got.Findings[2]["milestone"] != nil || got.Findings[3]["scenario"] != "rush" {
		t.Errorf("%+v", got)
	}
	keys := []string{"rule", "severity", "region", "tender", "scenario", "milestone", "message", "reference", "file", "line", "column"}
	for _, k := range keys {
		if _, ok := got.Findings[0][k]; !ok {
			t.Errorf("finding lacks %q", k)
		}
	}
}

// The JUnit XML parses, and its counts are consistent.
func TestCheckJUnit(t *testing.T) {
	for _, strict := range []bool{false, true} {
		var b bytes.Buffer
		if err := CheckJUnit(&b, checkReport(strict), "en"); err != nil {
			t.Fatal(err)
		}
		var doc junitSuites
		if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
			t.Fatalf("invalid XML: %v\n%s", err, b.String())
		}
		n := len(rules.Rules())
		failures := 2
		if strict {
			failures = 3
		}
		if doc.Tests != 2*n || doc.Failures != failures || doc.Skipped != 3 || len(doc.Suites) != 2 {
			t.Errorf("strict %v: tests %d failures %d skipped %d suites %d", strict, doc.Tests, doc.Failures, doc.Skipped, len(doc.Suites))
		}
		s := doc.Suites[1]
		if s.Name != "achterhoek/inkoop-2022 (scenario rush)" || s.Props == nil || len(s.Props.Props) != 2 || s.Props.Props[1].Value != "rush" {
			t.Errorf("scenario suite: %+v", s)
		}
		for _, tc := range doc.Suites[1].Cases {
			if tc.Name == "infeasible" {
				// Characters XML cannot hold are replaced, the rest kept.
				if len(tc.Failures) != 1 || !strings.Contains(tc.Failures[0].Text, "infeasible: cs\n  but aw") || tc.Line != 20 {
					t.Errorf("infeasible case: %+v", tc)
				}
				if tc.Failures[0].Message != "infeasible: cs" {
					t.Errorf("failure message %q: want the first line", tc.Failures[0].Message)
				}
			}
			if tc.Name == "order" && (tc.Skipped == nil || tc.Skipped.Message != "the tender has no schedule") {
				t.Errorf("order not skipped: %+v", tc)
			}
		}
		for _, tc := range doc.Suites[0].Cases {
			if tc.Name == "overdue" && (len(tc.Failures) > 0) != strict {
				t.Errorf("strict %v: overdue %+v", strict, tc)
			}
			if tc.Name == "missing-milestones" && (len(tc.Failures) != 0 || !strings.HasPrefix(tc.SystemOut, "info: ")) {
				t.Errorf("info: %+v", tc)
			}
		}
	}
}

func TestFindingsSummary(t *testing.T) {
	cases := []struct {
		lang    string
		e, w, i int
		want    string
	}{
		{"en", 0, 0, 0, "none"},
		{"en", 1, 2, 0, "1 error, 2 warnings"},
		{"en", 0, 1, 1, "0 errors, 1 warning, 1 info"},
		{"nl", 2, 1, 3, "2 fouten, 1 waarschuwing, 3 meldingen"},
		{"nl", 0, 0, 0, "geen"},
	}
	for _, tc := range cases {
		if got := FindingsSummary(tc.lang, tc.e, tc.w, tc.i); got != tc.want {
			t.Errorf("%s %d %d %d: %q, want %q", tc.lang, tc.e, tc.w, tc.i, got, tc.want)
		}
	}
}

// TestCheckInputErrors: the input errors of files that did not load, in
// the three CI formats; a file name with , and : is escaped in GitHub's
// properties, an error without a position has no line or col, and a
// message of several lines stays one annotation.
func TestCheckInputErrors(t *testing.T) {
	rep := &CheckReport{Errors: region.ErrorList{
		{File: "a,b:c.yaml", Pos: region.Pos{Line: 3, Column: 5}, Msg: "unknown key 'x'"},
		{File: "a,b:c.yaml", Pos: region.Pos{Line: 9, Column: 1}, Msg: "first\nsecond"},
		{File: "gone.yaml", Msg: "no such file or directory"},
	}}
	var b bytes.Buffer
	if err := CheckGitHub(&b, rep, Options{Lang: "en"}, false); err != nil {
		t.Fatal(err)
	}
	want := "::error file=a%2Cb%3Ac.yaml,line=3,col=5::unknown key 'x'\n" +
		"::error file=a%2Cb%3Ac.yaml,line=9,col=1::first%0Asecond\n" +
		"::error file=gone.yaml::no such file or directory\n" +
		"Checked 0 regions, 0 tenders: none; 2 files did not load. FAIL\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("github (-want +got):\n%s", diff)
	}

	b.Reset()
	if err := CheckJSON(&b, rep, "en"); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Errors []struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
			Message string `json:"message"`
		} `json:"errors"`
		Summary map[string]int `json:"summary"`
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Errors) != 3 || got.Errors[0].File != "a,b:c.yaml" || got.Errors[0].Line != 3 || got.Errors[0].Column != 5 ||
		got.Errors[2].Line != 0 || got.Errors[2].Message != "no such file or directory" {
		t.Errorf("json errors: %+v", got.Errors)
	}
	if got.Summary["input_errors"] != 3 || got.Summary["errors"] != 0 {
		t.Errorf("json summary: %v", got.Summary)
	}

	b.Reset()
	if err := CheckJUnit(&b, rep, "en"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`<testsuites name="tender check" tests="2" failures="0" errors="2" skipped="0" time="0">`,
		`<testcase name="a,b:c.yaml" classname="tender.input" time="0" file="a,b:c.yaml" line="3">`,
		`<error message="unknown key &#39;x&#39;" type="input">a,b:c.yaml:3:5: unknown key &#39;x&#39;&#xA;a,b:c.yaml:9:1: first&#xA;second</error>`,
		`<testcase name="gone.yaml" classname="tender.input" time="0" file="gone.yaml">`,
		`<error message="no such file or directory" type="input">gone.yaml: no such file or directory</error>`,
	} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("junit lacks %s in\n%s", s, b.String())
		}
	}
}
