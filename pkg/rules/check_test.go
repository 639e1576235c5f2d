package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
)

// cleanPlan respects every rule: nothing may be reported on it, not even
// an info. By hand (1 Jan 2026 is a Thursday, Easter 5 April, so Whit
// Sunday 24 May and Whit Monday 25 May):
//   - besluit: done Tue 13 Jan 2026, a meeting of the college (Tuesdays);
//   - publication: 13 Jan + 2w = Tue 27 Jan;
//   - questions: + 2w = Tue 10 Feb; answers: + 1w = Tue 17 Feb, 24 days
//     before the closing date (≥ 10);
//   - submission: 27 Jan + 45d = Fri 13 Mar (4 days to 31 Jan, 28 in
//     February, 13 in March);
//   - award decision: 13 Mar + 7w = Fri 1 May, on the next Monday: 4 May;
//   - standstill: 4 May + 20 = Sun 24 May, Whit Sunday, then Whit Monday:
//     the standstill runs to Tue 26 May; standstill-end planned
//     award-decision + 20d on a working day: Tue 26 May;
//   - award: the day after, on a college meeting: Tue 2 Jun; within the bid
//     validity of 120 days (13 Mar + 120 = 11 Jul);
//   - signature Tue 9 Jun, award notice Tue 16 Jun (the quarter ends 30 Jun:
//     due by 30 Jul);
//   - contract start on New Year's Day 2027 (2 Jun + 3mo = 2 Sep before
//     it), contract end 31 Dec 2030;
//   - the tender period 27 Jan – 13 Mar is far from any summer.
const cleanPlan = `version: 1
region:
  id: clean
  name: Clean
  municipalities: [Borne]
  school-region: noord
bodies:
  college:
    name: College
    meets: weekly tue
tenders:
  t:
    name: Clean tender
    procedure: social-services
    estimated-value: 5000000
    bid-validity: 120d
    milestones:
      besluit: {kind: decision, by: college, done: 2026-01-13}
      publication: {kind: publication, after: besluit + 2w, align: workday}
      questions: {kind: questions, after: publication + 2w, align: workday}
      answers: {kind: answers, after: questions + 1w, before: submission - 10d, align: workday}
      submission: {kind: submission, after: publication + 45d, align: workday}
      award-decision: {kind: award-decision, after: submission + 7w, align: mon}
      standstill-end: {kind: standstill-end, after: award-decision + 20d, align: workday}
      award: {kind: award, after: standstill-end + 1d, by: college}
      signature: {kind: signature, after: award + 1w}
      award-notice: {kind: award-notice, after: signature + 1w}
      contract-start: {kind: contract-start, on: 2027-01-01, after: award + 3mo}
      contract-end: {kind: contract-end, on: 2030-12-31}
`

func TestNoFalseAlarms(t *testing.T) {
	r := load(t, cleanPlan)
	res := planFor(t, r, r.Tenders[0])
	want := map[string]string{
		"besluit": "2026-01-13", "publication": "2026-01-27", "questions": "2026-02-10", "answers": "2026-02-17",
		"submission": "2026-03-13", "award-decision": "2026-05-04", "standstill-end": "2026-05-26", "award": "2026-06-02",
		"signature": "2026-06-09", "award-notice": "2026-06-16", "contract-start": "2027-01-01", "contract-end": "2030-12-31",
	}
	got := map[string]string{}
	for _, pl := range res.Milestones {
		got[pl.Milestone.ID] = pl.Date.String()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("the plan is not the one worked out by hand (-want +got):\n%s", diff)
	}
	for _, today := range []string{"2026-01-13", "2026-01-26"} {
		fs := Check(r, r.Tenders[0], res, Options{Today: day(t, today)})
		if len(fs) != 0 {
			t.Errorf("today %s: false alarms: %+v", today, fs)
		}
	}
}

// The same plan as an EU open procedure: the legal periods hold too.
func TestNoFalseAlarmsOpen(t *testing.T) {
	src := strings.Replace(cleanPlan, "procedure: social-services", "procedure: open", 1)
	fs := checkSrc(t, src, "", "2026-01-13", nil)
	if len(fs) != 0 {
		t.Errorf("false alarms: %+v", fs)
	}
}

const policyFile = `version: 1
region:
  id: p
  name: P
  municipalities: [Borne]
policy:
  answers-margin: 14d
  disable: [overdue]
  severity: {meeting: error}
tenders:
  t:
    name: T
    procedure: social-services
    policy:
      answers-margin: 12d
      disable: [deadline-day]
    milestones:
      nvi: {kind: answers, on: 2026-04-25}
      sub: {kind: submission, on: 2026-05-06}
`

func TestPolicyPrecedence(t *testing.T) {
	// nvi is 11 days before sub (Sat 25 Apr → Wed 6 May), and on a Saturday.
	cases := []struct {
		name   string
		src    string
		config map[string]any
		margin bool // answers-margin fires
		dday   bool // deadline-day fires
		over   bool // overdue fires (today is after both dates)
	}{
		// The tender's 12d beats the region's 14d and the config's 5d; the
		// region's disable and the tender's add up.
		{"tender over region over config", policyFile, map[string]any{"answers-margin": "5d"}, true, false, false},
		// Without the tender's policy the region's 14d holds.
		{"region over config", strings.Replace(policyFile, "      answers-margin: 12d\n", "", 1), map[string]any{"answers-margin": "5d"}, true, false, false},
		// The tender says 11d: fine.
		{"tender 11d", strings.Replace(policyFile, "answers-margin: 12d", "answers-margin: 11d", 1), nil, false, false, false},
		// The config's disable adds to the others.
		{"config disables too", strings.Replace(policyFile, "answers-margin: 12d", "answers-margin: 11d", 1), map[string]any{"disable": []any{"answers-margin"}}, false, false, false},
		// Without policies everything runs with the defaults (10d).
		{"no policies", "version: 1\nregion:\n  id: p\n  name: P\n  municipalities: [Borne]\ntenders:\n  t:\n    name: T\n    procedure: social-services\n    milestones:\n      nvi: {kind: answers, on: 2026-04-25}\n      sub: {kind: submission, on: 2026-05-06}\n", nil, false, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := checkSrc(t, tc.src, "", "2026-11-22", tc.config)
			if got := len(of(fs, "answers-margin")) > 0; got != tc.margin {
				t.Errorf("answers-margin fired %v, want %v: %+v", got, tc.margin, fs)
			}
			if got := len(of(fs, "deadline-day")) > 0; got != tc.dday {
				t.Errorf("deadline-day fired %v, want %v", got, tc.dday)
			}
			if got := len(of(fs, "overdue")) > 0; got != tc.over {
				t.Errorf("overdue fired %v, want %v", got, tc.over)
			}
		})
	}
}

func TestSeverityOverrides(t *testing.T) {
	src := regionFile("national", []string{"policy: {severity: {meeting: error, implementation-period: info}}"},
		"d: {kind: decision, by: college, on: 2026-03-05}",
		"aw: {kind: award, on: 2026-03-10}",
		"cs: {kind: contract-start, on: 2026-04-01}")
	fs := checkSrc(t, src, "", "2000-01-01", nil)
	if f := of(fs, "meeting"); len(f) != 1 || f[0].Severity != Error {
		t.Errorf("meeting: %+v", f)
	}
	if f := of(fs, "implementation-period"); len(f) != 1 || f[0].Severity != Info {
		t.Errorf("implementation-period: %+v", f)
	}
	// The config file's severity is beaten by the region's.
	fs = checkSrc(t, src, "", "2000-01-01", map[string]any{"severity": map[string]any{"meeting": "info", "overdue": "error"}})
	if f := of(fs, "meeting"); len(f) != 1 || f[0].Severity != Error {
		t.Errorf("meeting: %+v", f)
	}
	// A summer override applies to the warning, not to the "no data" info.
	s := summerFile("  municipalities: [Borne]\n  school-region: noord\npolicy:\n  severity: {summer: error}\n", "2030-06-01", "2030-07-10")
	if f := of(checkSrc(t, s, "", "2000-01-01", nil), "summer"); len(f) != 1 || f[0].Severity != Info {
		t.Errorf("summer no data: %+v", f)
	}
}

func TestConfigPolicyErrors(t *testing.T) {
	cases := []struct {
		config map[string]any
		want   string
	}{
		{map[string]any{"answer-margin": "10d"}, `unknown key "answer-margin" (did you mean "answers-margin"?)`},
		{map[string]any{"answers-margin": "ten days"}, `answers-margin`},
		{map[string]any{"answers-margin": 10}, `answers-margin must be a duration`},
		{map[string]any{"summer": "maybe"}, `summer must be warn or off`},
		{map[string]any{"disable": []any{"deadline-dya"}}, `unknown rule "deadline-dya" in disable (did you mean "deadline-day"?)`},
		{map[string]any{"disable": "standstill"}, `rule "standstill" is a legal rule and cannot be disabled`},
		{map[string]any{"severity": map[string]any{"order": "warning"}}, `rule "order" is a legal rule and cannot be downgraded to warning`},
		{map[string]any{"severity": map[string]any{"overdue": "fatal"}}, `the severity of rule "overdue" must be error, warning or info`},
		{map[string]any{"severity": map[string]any{"nope": "error"}}, `unknown rule "nope" in severity`},
		{map[string]any{"severity": "error"}, `severity must map rule ids`},
	}
	for _, tc := range cases {
		_, err := ParseConfigPolicy(tc.config)
		var pe *PolicyError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: error %v, want a PolicyError with %q", tc.config, err, tc.want)
		}
	}
	// Valid ones, including a legal rule set to error (it changes nothing)
	// and a single id for disable.
	ok := map[string]any{"answers-margin": "2w", "implementation-period": "3mo", "min-tender-period": "45d",
		"national-standstill": "10d", "summer": "off", "disable": "deadline-day",
		"severity": map[string]any{"standstill": "error", "overdue": "info"}}
	p, err := ParseConfigPolicy(ok)
	if err != nil {
		t.Fatal(err)
	}
	if p.AnswersMargin.N != 2 || p.AnswersMargin.Unit != date.Weeks || p.Summer != "off" || len(p.Disable) != 1 || len(p.Severity) != 2 {
		t.Errorf("parsed %+v", p)
	}
}

const scenarioFile = `version: 1
region:
  id: s
  name: S
  municipalities: [Borne]
tenders:
  t:
    name: T
    procedure: social-services
    milestones:
      ad: {kind: award-decision, on: 2020-10-12}
      aw:
        kind: award
        after: ad + 22d
    scenarios:
      rush:
        description: award the day after the standstill's Sunday
        milestones:
          aw: {after: ad + 21d}
      extra:
        milestones:
          sig: {kind: signature, on: 2020-11-02}
`

func TestScenarios(t *testing.T) {
	// Base: 12 Oct + 22 = Tue 3 Nov, fine. rush: + 21 = Mon 2 Nov, too
	// early, reported at aw's key inside the scenario (line 19). extra: a
	// new signature on Mon 2 Nov, at its own line (22).
	if fs := checkSrc(t, scenarioFile, "", "2000-01-01", nil); len(of(fs, "standstill")) != 0 {
		t.Errorf("base: %+v", fs)
	}
	fs := of(checkSrc(t, scenarioFile, "rush", "2000-01-01", nil), "standstill")
	if len(fs) != 1 || fs[0].Scenario == nil || *fs[0].Scenario != "rush" || fs[0].Line != 19 || fs[0].Column != 11 {
		t.Errorf("rush: %+v", fs)
	}
	fs = of(checkSrc(t, scenarioFile, "extra", "2000-01-01", nil), "standstill")
	if len(fs) != 1 || *fs[0].Milestone != "sig" || fs[0].Line != 22 {
		t.Errorf("extra: %+v", fs)
	}
}

func TestFindingFields(t *testing.T) {
	// Line 17 is aw's key (column 7); the finding carries everything the
	// JSON of the README shows.
	src := regionFile("open", nil, "ad: {kind: award-decision, on: 2020-10-12}", "aw: {kind: award, on: 2020-11-02}")
	fs := of(checkSrc(t, src, "", "2000-01-01", nil), "standstill")
	if len(fs) != 1 {
		t.Fatalf("%+v", fs)
	}
	f := fs[0]
	ms := "aw"
	want := Finding{Rule: "standstill", Severity: Error, Region: "test", Tender: "t", Milestone: &ms,
		Message: f.Message, Reference: "Aw 2.127", File: "test.yaml", Line: 17, Column: 7}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCountAndOrder(t *testing.T) {
	src := regionFile("open", []string{"estimated-value: 1"},
		"pub: {kind: publication, on: 2026-05-09}",
		"sub: {kind: submission, on: 2026-05-10}")
	fs := checkSrc(t, src, "", "2026-11-22", nil)
	e, w, i := Count(fs)
	// sub: tender-period (error); pub and sub: deadline-day and overdue
	// (warnings); no award notice (warning); missing award-decision,
	// award, contract-start (info).
	if e != 1 || w != 5 || i != 1 {
		t.Errorf("counts %d %d %d: %+v", e, w, i, fs)
	}
	for k := 1; k < len(fs); k++ {
		if fs[k].Line < fs[k-1].Line {
			t.Errorf("not in line order: %+v", fs)
		}
	}
	for _, f := range fs {
		want := f.Severity == Error
		if Fails(f, false) != want || Fails(f, true) != (want || f.Severity == Warning) {
			t.Errorf("Fails(%s) wrong", f.Severity)
		}
	}
}

func TestNotRun(t *testing.T) {
	r := load(t, policyFile)
	res := planFor(t, r, r.Tenders[0])
	nr := NotRun(r, r.Tenders[0], res, Options{})
	want := map[string]Skip{
		"tender-period": SkipProcedure, "requests-period": SkipProcedure, "invitation-period": SkipProcedure,
		"answers-lead": SkipProcedure, "threshold": SkipProcedure, "national-standstill": SkipProcedure,
		"overdue": SkipDisabled, "deadline-day": SkipDisabled,
	}
	if diff := cmp.Diff(want, nr); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
