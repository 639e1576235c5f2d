package rules

import (
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// regionFile builds a region file for a test. The header takes lines 1–13,
// the procedure line 14; the tender's keys follow, one per line, then
// "milestones:" and the milestones, one per line in flow style, so the n-th
// milestone (from 0) is on line 16 + len(keys) + n, at column 7.
//
//	 1 version: 1
//	 2 region:
//	 3   id: test
//	 4   name: Test
//	 5   municipalities: [Borne]
//	 6   school-region: noord
//	 7 bodies:
//	 8   college:
//	 9     name: College
//	10     meets: weekly tue
//	11 tenders:
//	12   t:
//	13     name: T
//	14     procedure: PROCEDURE
func regionFile(procedure string, keys []string, milestones ...string) string {
	var b strings.Builder
	b.WriteString("version: 1\nregion:\n  id: test\n  name: Test\n  municipalities: [Borne]\n  school-region: noord\n")
	b.WriteString("bodies:\n  college:\n    name: College\n    meets: weekly tue\n")
	b.WriteString("tenders:\n  t:\n    name: T\n")
	b.WriteString("    procedure: " + procedure + "\n")
	for _, k := range keys {
		b.WriteString("    " + k + "\n")
	}
	b.WriteString("    milestones:\n")
	for _, m := range milestones {
		b.WriteString("      " + m + "\n")
	}
	return b.String()
}

func day(t testing.TB, s string) date.Date {
	t.Helper()
	d, err := date.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// load loads a region file or fails the test.
func load(t testing.TB, src string) *region.Region {
	t.Helper()
	r, err := region.Load("test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v\n%s", err, src)
	}
	return r
}

// checkSrc plans and checks the first tender of src (with a scenario, if
// named) on the given today.
func checkSrc(t testing.TB, src, scenario, today string, config map[string]any) []Finding {
	t.Helper()
	r := load(t, src)
	tn, err := r.Tenders[0].WithScenario(scenario)
	if err != nil {
		t.Fatal(err)
	}
	res, err := (&timeline.Planner{}).Plan(r, tn, timeline.Options{})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	cp, err := ParseConfigPolicy(config)
	if err != nil {
		t.Fatalf("config policy: %v", err)
	}
	return Check(r, tn, res, Options{Today: day(t, today), Config: cp})
}

// of returns the findings of one rule.
func of(fs []Finding, rule string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f)
		}
	}
	return out
}

// milestones lists the milestone ids of findings ("" for the tender).
func milestones(fs []Finding) []string {
	out := []string{}
	for _, f := range fs {
		if f.Milestone == nil {
			out = append(out, "")
		} else {
			out = append(out, *f.Milestone)
		}
	}
	return out
}

// ruleCase is one case of a rule: a region file, and the milestones the
// rule must report (empty: it must stay silent).
type ruleCase struct {
	name      string
	procedure string
	keys      []string
	ms        []string
	today     string // default 2000-01-01: nothing is overdue then (so use on:, not done:)
	want      []string
	contains  string // a part of the first message, if given
}

func runRuleCases(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			today := tc.today
			if today == "" {
				today = "2000-01-01"
			}
			fs := of(checkSrc(t, regionFile(tc.procedure, tc.keys, tc.ms...), "", today, nil), rule)
			got := milestones(fs)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				for _, f := range fs {
					t.Logf("%d:%d %s", f.Line, f.Column, text(f))
				}
				t.Fatalf("%s reports %q, want %q", rule, got, tc.want)
			}
			if tc.contains != "" && (len(fs) == 0 || !strings.Contains(text(fs[0]), tc.contains)) {
				t.Fatalf("message %q does not contain %q", text(fs[0]), tc.contains)
			}
		})
	}
}

func planFor(t testing.TB, r *region.Region, tn *region.Tender) *timeline.Result {
	t.Helper()
	res, err := (&timeline.Planner{}).Plan(r, tn, timeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Say puts a message into words in a language: render.FindingText, the
// printers' words, which import this package, so that words_test.go
// (package rules_test) sets it.
var Say func(lang string, m Message) string

// text is a finding's message in English.
func text(f Finding) string { return Say("en", f.Message) }
