package rules

import (
	"strings"
	"testing"
)

func TestReasonablePeriod(t *testing.T) {
	runRuleCases(t, "reasonable-period", []ruleCase{{
		// Default 30d: Mon 2 Mar + 30 = Wed 1 Apr.
		name:      "29 days",
		procedure: "social-services",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-03-31}"},
		want:      []string{"sub"},
		contains:  "there is no statutory minimum for social-services",
	}, {
		name:      "30 days",
		procedure: "national",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-04-01}"},
	}, {
		// The policy asks for 45 days: Thu 16 Apr.
		name:      "policy 45d",
		procedure: "social-services",
		keys:      []string{"policy: {min-tender-period: 45d}"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-04-15}"},
		want:      []string{"sub"},
		contains:  "Thu 2026-04-16",
	}, {
		// Practical periods are not rolled on: 30 days from Wed 4 Mar is Good
		// Friday 3 Apr, and a closing date then passes this rule (deadline-day
		// is the rule that minds the holiday).
		name:      "not rolled",
		procedure: "social-services",
		ms:        []string{"pub: {kind: publication, on: 2026-03-04}", "sub: {kind: submission, on: 2026-04-03}"},
	}, {
		name:      "not for EU procedures",
		procedure: "open",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-03-31}"},
	}})
}

func TestAnswersMargin(t *testing.T) {
	runRuleCases(t, "answers-margin", []ruleCase{{
		// Wed 6 May − 10 days = Sun 26 Apr.
		name:      "nine days before",
		procedure: "social-services",
		ms:        []string{"nvi: {kind: answers, on: 2026-04-27}", "sub: {kind: submission, on: 2026-05-06}"},
		want:      []string{"nvi"},
		contains:  "the policy asks for at least 10d (the social-services procedure has no statutory period for answers), so by Sun 2026-04-26",
	}, {
		name:      "ten days before",
		procedure: "national",
		ms:        []string{"nvi: {kind: answers, on: 2026-04-26}", "sub: {kind: submission, on: 2026-05-06}"},
	}, {
		// Only the last answers before a closing date counts.
		name:      "two rounds, the last too late",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "nvi-1: {kind: answers, on: 2026-04-01}",
			"nvi-2: {kind: answers, on: 2026-04-28}", "sub: {kind: submission, on: 2026-05-06}"},
		want:     []string{"nvi-2"},
		contains: "at least 10d (the 10 days of Aw 2.54 are the legal floor, not good practice), so by Sun 2026-04-26",
	}, {
		// A margin in working days counts in the region's calendar: the
		// working days before Wed 6 May, skipping Liberation Day (Tue 5 May),
		// are Mon 4 May, Fri 1 May, Thu 30, Wed 29 and Tue 28 Apr: the fifth.
		name:      "policy in working days",
		procedure: "open",
		keys:      []string{"policy: {answers-margin: 5wd}"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "nvi: {kind: answers, on: 2026-04-29}", "sub: {kind: submission, on: 2026-05-06}"},
		want:      []string{"nvi"},
		contains:  "Tue 2026-04-28",
	}})
}

func TestNationalStandstill(t *testing.T) {
	runRuleCases(t, "national-standstill", []ruleCase{{
		// Tue 3 Mar + 20 + 1 = Tue 24 Mar.
		name:      "award a day early",
		procedure: "national",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-23}"},
		want:      []string{"aw"},
	}, {
		// Not rolled: Mon 12 Oct 2020 + 20 = Sun 1 Nov, + 1 = Mon 2 Nov is fine
		// here (the EU standstill would need Tue 3 Nov).
		name:      "not rolled on",
		procedure: "national",
		ms:        []string{"ad: {kind: award-decision, on: 2020-10-12}", "aw: {kind: award, on: 2020-11-02}"},
	}, {
		name:      "policy 10d",
		procedure: "national",
		keys:      []string{"policy: {national-standstill: 10d}"},
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-14}"},
	}, {
		name:      "only national",
		procedure: "open-house",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-04}"},
	}})
}

func TestImplementationPeriod(t *testing.T) {
	runRuleCases(t, "implementation-period", []ruleCase{{
		// Thu 23 Sep 2021 + 3mo = Thu 23 Dec 2021: a contract start on New
		// Year's Day 2022 is fine.
		name:      "three months and more",
		procedure: "social-services",
		ms:        []string{"aw: {kind: award, on: 2021-09-23}", "cs: {kind: contract-start, on: 2022-01-01}"},
	}, {
		// Award Tue 5 Apr 2022 (the Achterhoek, after the provisional award of
		// 14 Mar): + 3mo = 5 Jul, after the 1 Jul start.
		name:      "87 days",
		procedure: "social-services",
		ms:        []string{"aw: {kind: award, on: 2022-04-05}", "cs: {kind: contract-start, on: 2022-07-01}"},
		want:      []string{"cs"},
		contains:  "87 days",
	}, {
		// The policy says 4mo: Thu 23 Sep 2021 + 4mo = Sun 23 Jan 2022.
		name:      "policy 4mo",
		procedure: "open-house",
		keys:      []string{"policy: {implementation-period: 4mo}"},
		ms:        []string{"aw: {kind: award, on: 2021-09-23}", "cs: {kind: contract-start, on: 2022-01-01}"},
		want:      []string{"cs"},
		contains:  "Sun 2022-01-23",
	}})
}

func TestDeadlineDay(t *testing.T) {
	runRuleCases(t, "deadline-day", []ruleCase{{
		name:      "a Saturday closing date",
		procedure: "social-services",
		ms:        []string{"sub: {kind: submission, on: 2026-05-09}"},
		want:      []string{"sub"},
		contains:  "(weekend)",
	}, {
		name:      "publication on King's Day",
		procedure: "social-services",
		ms:        []string{"pub: {kind: publication, on: 2026-04-27}"},
		want:      []string{"pub"},
		contains:  "Koningsdag",
	}, {
		// Contract starts, awards and decisions may fall on any day: a
		// contract that starts on New Year's Day is normal.
		name:      "contract start on New Year's Day",
		procedure: "social-services",
		ms:        []string{"aw: {kind: award, on: 2026-09-26}", "cs: {kind: contract-start, on: 2027-01-01}"},
	}, {
		// A fixed date that its align: does not allow.
		name:      "fixed date against its alignment",
		procedure: "national",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "cs: {kind: contract-start, on: 2026-06-15, align: month-start}"},
		want:      []string{"cs"},
		contains:  "align: month-start",
	}, {
		name:      "working days",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "q: {kind: questions, on: 2026-03-16}",
			"a: {kind: answers, on: 2026-03-23}", "sub: {kind: submission, on: 2026-04-14}", "ad: {kind: award-decision, on: 2026-05-26}"},
	}})
	// The region's closed days count here (unlike in statutory periods).
	src := regionFile("social-services", nil, "sub: {kind: submission, on: 2026-03-25}")
	src = strings.Replace(src, "bodies:", "calendar:\n  closed:\n    - {name: Verhuizing, from: 2026-03-20, to: 2026-03-31}\nbodies:", 1)
	fs := of(checkSrc(t, src, "", "2000-01-01", nil), "deadline-day")
	if len(fs) != 1 || !strings.Contains(text(fs[0]), "closed: Verhuizing") {
		t.Errorf("closed day: %+v", fs)
	}
}

func TestMeeting(t *testing.T) {
	runRuleCases(t, "meeting", []ruleCase{{
		// The college meets on Tuesdays; Thu 5 Mar 2026 is not one.
		name:      "a Thursday",
		procedure: "national",
		ms:        []string{"d: {kind: decision, by: college, on: 2026-03-05}"},
		want:      []string{"d"},
		contains:  "College (college)",
	}, {
		name:      "a Tuesday",
		procedure: "national",
		ms:        []string{"d: {kind: decision, by: college, on: 2026-03-03}"},
	}, {
		// Tue 5 May 2026 is Liberation Day: a rule-based meeting on a
		// non-working day does not take place.
		name:      "a Tuesday that is a holiday",
		procedure: "national",
		ms:        []string{"d: {kind: decision, align: meeting:college, on: 2026-05-05}"},
		want:      []string{"d"},
	}, {
		// Planned (not fixed) decisions land on meetings by construction.
		name:      "planned",
		procedure: "national",
		ms:        []string{"pub: {kind: publication, on: 2026-03-05}", "d: {kind: decision, by: college, after: pub}"},
	}})
}

func TestOverdue(t *testing.T) {
	runRuleCases(t, "overdue", []ruleCase{{
		name:      "planned yesterday",
		procedure: "national",
		today:     "2026-11-22",
		ms:        []string{"pub: {kind: publication, on: 2026-11-21}"},
		want:      []string{"pub"},
	}, {
		name:      "done yesterday",
		procedure: "national",
		today:     "2026-11-22",
		ms:        []string{"pub: {kind: publication, done: 2026-11-21}"},
	}, {
		name:      "planned today",
		procedure: "national",
		today:     "2026-11-22",
		ms:        []string{"pub: {kind: publication, on: 2026-11-22}"},
	}})
}

func TestMissingMilestones(t *testing.T) {
	runRuleCases(t, "missing-milestones", []ruleCase{{
		name:      "an open procedure without award and contract start",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-04-14}",
			"ad: {kind: award-decision, on: 2026-05-26}"},
		want:     []string{""},
		contains: "has no award and contract-start",
	}, {
		name:      "complete",
		procedure: "social-services",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-04-14}",
			"ad: {kind: award-decision, on: 2026-05-26}", "aw: {kind: award, on: 2026-06-17}", "cs: {kind: contract-start, on: 2027-01-01}"},
	}, {
		name:      "not for national procedures",
		procedure: "national",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}"},
	}})
	fs := of(checkSrc(t, regionFile("open", nil, "pub: {kind: publication, on: 2026-03-02}"), "", "2000-01-01", nil), "missing-milestones")
	if fs[0].Severity != Info {
		t.Errorf("severity %s, want info", fs[0].Severity)
	}
}

func TestBidValidity(t *testing.T) {
	runRuleCases(t, "bid-validity", []ruleCase{{
		// Wed 6 May + 90d = Tue 4 Aug (25 days to 31 May, 30 to 30 Jun, 35).
		name:      "award on the last day",
		procedure: "social-services",
		keys:      []string{"bid-validity: 90d"},
		ms:        []string{"sub: {kind: submission, on: 2026-05-06}", "aw: {kind: award, on: 2026-08-04}"},
	}, {
		name:      "a day too late",
		procedure: "social-services",
		keys:      []string{"bid-validity: 90d"},
		ms:        []string{"sub: {kind: submission, on: 2026-05-06}", "aw: {kind: award, on: 2026-08-05}"},
		want:      []string{"aw"},
		contains:  "Tue 2026-08-04",
	}, {
		name:      "no bid validity given",
		procedure: "social-services",
		ms:        []string{"sub: {kind: submission, on: 2026-05-06}", "aw: {kind: award, on: 2027-08-05}"},
	}})
	fs := of(checkSrc(t, regionFile("open", []string{"bid-validity: 10d"},
		"sub: {kind: submission, on: 2026-05-06}", "aw: {kind: award, on: 2026-08-05}"), "", "2000-01-01", nil), "bid-validity")
	if fs[0].Severity != Error {
		t.Errorf("severity %s, want error", fs[0].Severity)
	}
}

// TestMeetingSeveralBodies: the college meets on Tuesdays, the raad on
// Thursdays except in its summer recess of 6 July to 21 August 2026. July
// 2026 starts on a Wednesday: Tue 7 and Thu 9 July, Tue 3 and Thu 5 March.
func TestMeetingSeveralBodies(t *testing.T) {
	withRaad := func(ms ...string) string {
		return strings.Replace(regionFile("national", nil, ms...), "tenders:",
			"  raad:\n    name: Raad\n    meets: weekly thu\n    recess:\n      - {name: zomerreces, from: 2026-07-06, to: 2026-08-21}\ntenders:", 1)
	}
	for _, tc := range []struct {
		name     string
		ms       string
		want     bool
		contains string
	}{
		// A Tuesday: the college's meeting; the raad decided before.
		{"the college's day", "d: {kind: decision, by: [college, raad], on: 2026-03-03}", false, ""},
		{"the raad's day", "d: {kind: decision, by: [college, raad], on: 2026-03-05}", false, ""},
		// Wed 4 March: neither meets.
		{"neither's day", "d: {kind: decision, by: [college, raad], done: 2026-03-04}", true,
			"not a meeting date of any of its bodies (college, raad)"},
		// Thu 9 July is in the raad's recess.
		{"in the recess", "d: {kind: decision, by: raad, on: 2026-07-09}", true,
			"in the recess of Raad (raad) ('zomerreces', Mon 2026-07-06 … Fri 2026-08-21)"},
		// Thu 27 August, after the recess.
		{"after the recess", "d: {kind: decision, by: raad, on: 2026-08-27}", false, ""},
		// Planned: after Wed 8 July the college meets on Tue 14 July, the
		// raad (after its recess) on Thu 27 August; no finding.
		{"planned", "d: {kind: decision, by: [college, raad], after: pub}", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := withRaad("pub: {kind: publication, on: 2026-07-08}", tc.ms)
			fs := of(checkSrc(t, src, "", "2000-01-01", nil), "meeting")
			if (len(fs) > 0) != tc.want || tc.want && !strings.Contains(text(fs[0]), tc.contains) {
				t.Fatalf("findings %+v, want %v containing %q", fs, tc.want, tc.contains)
			}
			if tc.name == "planned" {
				res := planFor(t, load(t, src), load(t, src).Tenders[0])
				if p := res.Milestone("d"); p.Date != day(t, "2026-08-27") || p.By != "raad" {
					t.Errorf("planned on %s by %s, want 2026-08-27 by raad", p.Date, p.By)
				}
			}
		})
	}
}

// award-notice-missing: the award notice is mandatory for EU procedures
// (Aw 2.134) and for social services (Aw 2.39, 2.134 lid 3, grouped per
// quarter), so a tender without an award-notice milestone gets a warning,
// with the reference of its procedure, at the tender's key (line 12).
func TestAwardNoticeMissing(t *testing.T) {
	ms := []string{"pub: {kind: publication, on: 2026-03-02}", "sub: {kind: submission, on: 2026-04-30}",
		"sig: {kind: signature, on: 2026-07-01}"}
	withNotice := append(ms[:len(ms):len(ms)], "notice: {kind: award-notice, on: 2026-07-20}")
	cases := []struct {
		procedure string
		ms        []string
		ref       string // "" when the rule must stay silent
		contains  string
	}{
		{"open", ms, "Aw 2.134", "under the open procedure the award notice is mandatory, within 30 days of the contract's conclusion"},
		{"restricted", ms, "Aw 2.134", "under the restricted procedure"},
		{"social-services", ms, "Aw 2.39, 2.134 lid 3", "may be grouped per quarter"},
		{"open", withNotice, "", ""},
		{"social-services", withNotice, "", ""},
		{"national", ms, "", ""},
		{"open-house", ms, "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.procedure+"/"+tc.ref, func(t *testing.T) {
			fs := of(checkSrc(t, regionFile(tc.procedure, nil, tc.ms...), "", "2000-01-01", nil), "award-notice-missing")
			if tc.ref == "" {
				if len(fs) != 0 {
					t.Fatalf("want no finding, got %+v", fs)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one finding, got %+v", fs)
			}
			f := fs[0]
			if f.Severity != Warning || f.Reference != tc.ref || f.Milestone != nil || f.Line != 12 || f.Column != 3 ||
				!strings.Contains(text(f), tc.contains) {
				t.Errorf("got %+v", f)
			}
		})
	}
}

// missing-milestones cites the article of the tender's own procedure.
func TestMissingMilestonesReference(t *testing.T) {
	for proc, ref := range map[string]string{"open": "Aw 2.26", "restricted": "Aw 2.27", "dialogue": "Aw 2.28 ff.",
		"negotiated": "Dir. 2014/24 art. 29", "social-services": "Aw 2.38–2.39"} {
		fs := of(checkSrc(t, regionFile(proc, nil, "pub: {kind: publication, on: 2026-03-02}"), "", "2000-01-01", nil), "missing-milestones")
		if len(fs) != 1 || fs[0].Reference != ref {
			t.Errorf("%s: %+v, want reference %q", proc, fs, ref)
		}
	}
}
