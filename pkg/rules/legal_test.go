package rules

import (
	"strings"
	"testing"
)

// Calendar facts used below, worked out by hand:
//   - 1 Jan 2026 is a Thursday, so 1 Feb is a Sunday and 1 Mar a Sunday:
//     Mon 2 Mar, Thu 26 Mar, Tue 31 Mar, Wed 1 Apr, Fri 3 Apr, Mon 27 Apr,
//     Tue 5 May, Sun 10 May, Mon 1 Jun 2026.
//   - Easter 2026 is 5 April: Good Friday 3 April, Easter Monday 6 April;
//     Whit Sunday is 49 days after Easter, 24 May, Whit Monday 25 May.
//   - Liberation Day, 5 May, is an Atw holiday every year; King's Day 2026
//     is Monday 27 April; 2 January 2026 is equated to a holiday by decree.
//   - Mon 12 Oct 2020 (the standstill example (Aw 2.127, counted by the Atw)); 25 Dec 2025 is a Thursday, so
//     Fri 12 Dec 2025.

func TestTenderPeriod(t *testing.T) {
	runRuleCases(t, "tender-period", []ruleCase{{
		// Electronic (the default): 40 days. Thu 26 Mar + 40 days: 5 days to
		// 31 Mar, 30 to 30 Apr, 5 more: Tue 5 May, Liberation Day, so the
		// period runs on to Wed 6 May and a closing date on 5 May is too early.
		name:      "ends on Liberation Day",
		procedure: "open",
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-05-05}"},
		want:      []string{"sub"},
		contains:  "sub (Tue 2026-05-05) is 40 days after the publication pub (Thu 2026-03-26): the tender period of the open procedure is at least 40 days (45, minus 5 for electronic submission), so the submission is on Wed 2026-05-06 at the earliest (day 40, Tue 2026-05-05, is not a working day, so the period runs on to the next working day)",
	}, {
		name:      "the working day after Liberation Day",
		procedure: "open",
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-05-06}"},
	}, {
		// Not electronic: 45 days, Sun 10 May, so Mon 11 May.
		name:      "paper, day 45 a Sunday",
		procedure: "open",
		keys:      []string{"electronic: false"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-05-10}"},
		want:      []string{"sub"},
		contains:  "Mon 2026-05-11",
	}, {
		name:      "paper, the Monday after",
		procedure: "open",
		keys:      []string{"electronic: false"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-05-11}"},
	}, {
		// Accelerated: 15 days, no electronic reduction: Fri 10 Apr.
		name:      "accelerated, one day short",
		procedure: "open",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-09}"},
		want:      []string{"sub"},
	}, {
		name:      "accelerated, on time",
		procedure: "open",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-10}"},
	}, {
		name:      "social services have no statutory period",
		procedure: "social-services",
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-09}"},
	}, {
		// A second notice: each submission counts from the publication before it.
		name:      "counted from the last publication before the submission",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "pub2: {kind: publication, on: 2026-03-26}",
			"sub: {kind: submission, on: 2026-05-05}"},
		want: []string{"sub"},
	}})
}

func TestRequestsPeriod(t *testing.T) {
	runRuleCases(t, "requests-period", []ruleCase{{
		// Mon 2 Mar + 30 days = Wed 1 Apr (29 days to 31 Mar, one more).
		name:      "one day short",
		procedure: "restricted",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "req: {kind: requests, on: 2026-03-31}"},
		want:      []string{"req"},
	}, {
		name:      "on day 30",
		procedure: "restricted",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "req: {kind: requests, on: 2026-04-01}"},
	}, {
		// Wed 4 Mar + 30 = Fri 3 Apr, Good Friday; Sat, Sun, Easter Monday
		// follow, so the period runs on to Tuesday 7 April.
		name:      "ends on Good Friday",
		procedure: "negotiated",
		ms:        []string{"pub: {kind: publication, on: 2026-03-04}", "req: {kind: requests, on: 2026-04-06}"},
		want:      []string{"req"},
		contains:  "Tue 2026-04-07",
	}, {
		name:      "after Easter",
		procedure: "negotiated",
		ms:        []string{"pub: {kind: publication, on: 2026-03-04}", "req: {kind: requests, on: 2026-04-07}"},
	}, {
		// Accelerated: 15 days, Tue 17 Mar.
		name:      "accelerated restricted",
		procedure: "restricted",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "req: {kind: requests, on: 2026-03-17}"},
	}, {
		// The dialogue has no accelerated variant: still 30 days.
		name:      "accelerated dialogue",
		procedure: "dialogue",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "req: {kind: requests, on: 2026-03-17}"},
		want:      []string{"req"},
	}})
}

func TestInvitationPeriod(t *testing.T) {
	runRuleCases(t, "invitation-period", []ruleCase{{
		// Electronic: 35 days. Mon 1 Jun + 35 = Mon 6 Jul (29 days to 30 Jun, 6 more).
		name:      "electronic, too early",
		procedure: "restricted",
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-07-03}"},
		want:      []string{"sub"},
		contains:  "35 days (40, minus 5 for electronic submission)",
	}, {
		name:      "electronic, on day 35",
		procedure: "restricted",
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-07-06}"},
	}, {
		// Paper: 40 days, Sat 11 Jul, so Monday 13 July.
		name:      "paper, day 40 a Saturday",
		procedure: "negotiated",
		keys:      []string{"electronic: false"},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-07-11}"},
		want:      []string{"sub"},
		contains:  "Mon 2026-07-13",
	}, {
		name:      "agreed with all candidates",
		procedure: "restricted",
		keys:      []string{"agreed-period: true"},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-06-15}"},
	}, {
		// Accelerated: 10 days, Thu 11 Jun.
		name:      "accelerated",
		procedure: "restricted",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-06-11}"},
	}, {
		name:      "not for the dialogue",
		procedure: "dialogue",
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-06-15}"},
	}})
}

// The reductions and extensions of the tender periods: a prior information
// notice (Aw 2.71 lid 5: "inkorten tot 29 dagen", for the open procedure's
// period of lid 1 and the period after the invitation of lid 4; not the 15
// and 10 days of Dir. 2014/24 art. 27(2) and 28(3), which the Aw did not
// take over), and documents that are not online in full and free of
// charge from the publication (Aw 2.72: 5 days more, but not when
// accelerated). By hand:
//   - Thu 26 Mar 2026 + 29 days: 5 to 31 Mar, 24 more: Fri 24 Apr (not a
//     holiday: King's Day is Mon 27 Apr); + 34: Wed 29 Apr; the
//     directive's 15 days: Fri 10 Apr.
//   - Tue 7 Apr + 45: 23 days to 30 Apr, 22 more: Fri 22 May; + 50: Wed
//     27 May (Whit Monday is 25 May, so the 26th and 27th are working days).
//   - Mon 1 Jun + 29: Tue 30 Jun; + 34: Sun 5 Jul, rolled to Mon 6 Jul;
//     the directive's 10 days: Thu 11 Jun.
//   - Thu 4 Jun + 40: 26 days to 30 Jun, 14 more: Tue 14 Jul.
func TestTenderPeriodReductions(t *testing.T) {
	pin, offline := "prior-notice: true", "documents-online: false"
	runRuleCases(t, "tender-period", []ruleCase{{
		name:      "prior notice, 29 days",
		procedure: "open",
		keys:      []string{pin},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-24}"},
	}, {
		name:      "prior notice, 28 days",
		procedure: "open",
		keys:      []string{pin},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-23}"},
		want:      []string{"sub"},
		contains:  "is 28 days after the publication pub (Thu 2026-03-26): the tender period of the open procedure is at least 29 days (29 after a prior information notice, Aw 2.71 lid 5), so the submission is on Fri 2026-04-24 at the earliest",
	}, {
		// The directive's 15 days are not the Dutch rule.
		name:      "prior notice, the directive's 15 days",
		procedure: "open",
		keys:      []string{pin},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-10}"},
		want:      []string{"sub"},
		contains:  "at least 29 days",
	}, {
		name:      "prior notice, documents not online: 34 days",
		procedure: "open",
		keys:      []string{pin, offline},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-29}"},
	}, {
		name:      "prior notice, documents not online: 33 days",
		procedure: "open",
		keys:      []string{pin, offline},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-28}"},
		want:      []string{"sub"},
		contains:  "at least 34 days (29 after a prior information notice, Aw 2.71 lid 5, plus 5 because the documents are not online in full and free of charge from the publication, Aw 2.72), so the submission is on Wed 2026-04-29 at the earliest",
	}, {
		// Urgency (Aw 2.74 onderdeel a) is shorter than the prior notice.
		name:      "prior notice and accelerated: 15 days",
		procedure: "open",
		keys:      []string{pin, "accelerated: true", "notes: urgency"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-10}"},
	}, {
		name:      "documents not online: 45 days",
		procedure: "open",
		keys:      []string{offline},
		ms:        []string{"pub: {kind: publication, on: 2026-04-07}", "sub: {kind: submission, on: 2026-05-22}"},
	}, {
		name:      "documents not online: 44 days",
		procedure: "open",
		keys:      []string{offline},
		ms:        []string{"pub: {kind: publication, on: 2026-04-07}", "sub: {kind: submission, on: 2026-05-21}"},
		want:      []string{"sub"},
		contains:  "at least 45 days (45, minus 5 for electronic submission, plus 5 because the documents are not online in full and free of charge from the publication, Aw 2.72), so the submission is on Fri 2026-05-22 at the earliest",
	}, {
		name:      "paper and documents not online: 50 days",
		procedure: "open",
		keys:      []string{"electronic: false", offline},
		ms:        []string{"pub: {kind: publication, on: 2026-04-07}", "sub: {kind: submission, on: 2026-05-27}"},
	}, {
		name:      "paper and documents not online: 49 days",
		procedure: "open",
		keys:      []string{"electronic: false", offline},
		ms:        []string{"pub: {kind: publication, on: 2026-04-07}", "sub: {kind: submission, on: 2026-05-26}"},
		want:      []string{"sub"},
		contains:  "at least 50 days (45, plus 5 because",
	}, {
		// Urgency: the five days of art. 53(1) do not apply.
		name:      "accelerated, documents not online: still 15 days",
		procedure: "open",
		keys:      []string{"accelerated: true", "notes: urgency", offline},
		ms:        []string{"pub: {kind: publication, on: 2026-03-26}", "sub: {kind: submission, on: 2026-04-10}"},
	}})
	runRuleCases(t, "invitation-period", []ruleCase{{
		name:      "prior notice, 29 days",
		procedure: "restricted",
		keys:      []string{pin},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-06-30}"},
	}, {
		name:      "prior notice, 28 days",
		procedure: "negotiated",
		keys:      []string{pin},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-06-29}"},
		want:      []string{"sub"},
		contains:  "is 28 days after the invitation inv (Mon 2026-06-01): the tender period after the invitation is at least 29 days (29 after a prior information notice, Aw 2.71 lid 5), so the submission is on Tue 2026-06-30 at the earliest",
	}, {
		name:      "prior notice, the directive's 10 days",
		procedure: "restricted",
		keys:      []string{pin},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-06-11}"},
		want:      []string{"sub"},
		contains:  "at least 29 days",
	}, {
		name:      "prior notice, documents not online: 34 days, rolled to Monday",
		procedure: "restricted",
		keys:      []string{pin, offline},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-07-06}"},
	}, {
		name:      "prior notice, documents not online: day 34 is a Sunday",
		procedure: "restricted",
		keys:      []string{pin, offline},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-01}", "sub: {kind: submission, on: 2026-07-05}"},
		want:      []string{"sub"},
		contains:  "so the submission is on Mon 2026-07-06 at the earliest (day 34, Sun 2026-07-05, is not a working day",
	}, {
		name:      "documents not online: 40 days",
		procedure: "restricted",
		keys:      []string{offline},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-04}", "sub: {kind: submission, on: 2026-07-14}"},
	}, {
		name:      "documents not online: 39 days",
		procedure: "restricted",
		keys:      []string{offline},
		ms:        []string{"inv: {kind: invitation, on: 2026-06-04}", "sub: {kind: submission, on: 2026-07-13}"},
		want:      []string{"sub"},
		contains:  "at least 40 days (40, minus 5 for electronic submission, plus 5 because",
	}})
	// A prior information notice does not shorten the period for requests
	// (Wed 4 Mar + 30 = Good Friday 3 Apr, rolled to Tue 7 Apr).
	runRuleCases(t, "requests-period", []ruleCase{{
		name:      "prior notice, requests still 30 days",
		procedure: "restricted",
		keys:      []string{pin, offline},
		ms:        []string{"pub: {kind: publication, on: 2026-03-04}", "req: {kind: requests, on: 2026-04-06}"},
		want:      []string{"req"},
		contains:  "at least 30 days, so",
	}})
}

// The days equated to holidays before 2023 count too: an award decision on
// Fri 6 May 2022 has day 20 on Ascension Day, Thu 26 May 2022; Fri 27 May
// is equated by decree, then the weekend: the standstill runs to Mon 30 May.
func TestStandstillEquatedDay2022(t *testing.T) {
	runRuleCases(t, "standstill", []ruleCase{{
		name:      "standstill-end on the equated Friday",
		procedure: "social-services",
		ms:        []string{"ad: {kind: award-decision, on: 2022-05-06}", "se: {kind: standstill-end, on: 2022-05-27}"},
		want:      []string{"se"},
		contains:  "runs to Mon 2022-05-30 (day 20, Thu 2022-05-26, is not a working day",
	}, {
		name:      "standstill-end on the Monday",
		procedure: "social-services",
		ms:        []string{"ad: {kind: award-decision, on: 2022-05-06}", "se: {kind: standstill-end, on: 2022-05-30}"},
	}})
}

func TestAnswersLead(t *testing.T) {
	// Aw 2.54 lid 1 (since 1 July 2016): answers at least 10 days before the
	// closing date; lid 2: 4 days when accelerated (Aw 2.74). The closing
	// date is Fri 8 May 2026 (1 May 2026 is a Friday); the publication on
	// Thu 26 Mar keeps the tender period (40 days: Wed 6 May) out of the way.
	// Fri 8 May − 10 days = Tue 28 Apr; − 9 = Wed 29 Apr; − 4 = Mon 4 May;
	// − 3 = Tue 5 May.
	pub := "pub: {kind: publication, on: 2026-03-26}"
	sub := "sub: {kind: submission, on: 2026-05-08}"
	runRuleCases(t, "answers-lead", []ruleCase{{
		name:      "ten days before",
		procedure: "open",
		ms:        []string{pub, "nvi: {kind: answers, on: 2026-04-28}", sub},
	}, {
		name:      "nine days before",
		procedure: "open",
		ms:        []string{pub, "nvi: {kind: answers, on: 2026-04-29}", sub},
		want:      []string{"nvi"},
		contains:  "nvi (Wed 2026-04-29) is 9 days before the submission sub (Fri 2026-05-08): answers to questions must be given at least 10 days before the closing date, so by Tue 2026-04-28",
	}, {
		// The old six days of the directive are no longer enough.
		name:      "six days before",
		procedure: "restricted",
		ms:        []string{"nvi: {kind: answers, on: 2026-05-02}", sub},
		want:      []string{"nvi"},
	}, {
		name:      "accelerated, four days before",
		procedure: "open",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{pub, "nvi: {kind: answers, on: 2026-05-04}", sub},
	}, {
		// Backward limits are not rolled: Mon 4 May is the limit.
		name:      "accelerated, three days before",
		procedure: "open",
		keys:      []string{"accelerated: true", "notes: urgency"},
		ms:        []string{pub, "nvi: {kind: answers, on: 2026-05-05}", sub},
		want:      []string{"nvi"},
		contains:  "at least 4 days before the closing date, so by Mon 2026-05-04",
	}, {
		// Every round counts; the first round is in time, the second not.
		name:      "two rounds",
		procedure: "restricted",
		ms: []string{pub, "nvi-1: {kind: answers, on: 2026-04-10}",
			"nvi-2: {kind: answers, on: 2026-05-03}", sub},
		want: []string{"nvi-2"},
	}, {
		name:      "answers after the closing date",
		procedure: "open",
		ms:        []string{pub, sub, "nvi: {kind: answers, on: 2026-05-09}"},
		want:      []string{"nvi"},
		contains:  "comes after the submission",
	}, {
		name:      "not for social services",
		procedure: "social-services",
		ms:        []string{pub, "nvi: {kind: answers, on: 2026-05-07}", sub},
	}, {
		name:      "not for national procedures",
		procedure: "national",
		ms:        []string{pub, "nvi: {kind: answers, on: 2026-05-07}", sub},
	}})
}

func TestAnswersLeadReference(t *testing.T) {
	r, ok := Lookup("answers-lead")
	if !ok || !strings.HasPrefix(r.Reference, "Aw 2.54") {
		t.Fatalf("answers-lead cites %q, want Aw 2.54", r.Reference)
	}
}

func TestStandstill(t *testing.T) {
	runRuleCases(t, "standstill", []ruleCase{{
		// the standstill example (Aw 2.127, counted by the Atw): Mon 12 Oct 2020 + 20 = Sun 1 Nov, so the
		// standstill runs to Mon 2 Nov and the contract may follow from Tue 3 Nov.
		name:      "ends on a Sunday: standstill-end on the Sunday",
		procedure: "social-services",
		ms:        []string{"ad: {kind: award-decision, on: 2020-10-12}", "se: {kind: standstill-end, on: 2020-11-01}"},
		want:      []string{"se"},
		contains:  "se (Sun 2020-11-01) is 20 days after the award decision ad (Mon 2020-10-12): the standstill period is at least 20 calendar days and runs to Mon 2020-11-02 (day 20, Sun 2020-11-01, is not a working day",
	}, {
		name:      "ends on a Sunday: award on the Monday",
		procedure: "open",
		ms: []string{"ad: {kind: award-decision, on: 2020-10-12}", "se: {kind: standstill-end, on: 2020-11-02}",
			"aw: {kind: award, on: 2020-11-02}", "sig: {kind: signature, on: 2020-11-02}"},
		want:     []string{"aw", "sig"},
		contains: "so the award may follow from Tue 2020-11-03",
	}, {
		name:      "ends on a Sunday: award on the Tuesday",
		procedure: "restricted",
		ms: []string{"ad: {kind: award-decision, on: 2020-10-12}", "se: {kind: standstill-end, on: 2020-11-02}",
			"aw: {kind: award, on: 2020-11-03}", "sig: {kind: signature, on: 2020-11-03}"},
	}, {
		// Fri 12 Dec 2025 + 20 = Thu 1 Jan 2026; Fri 2 Jan is equated to a
		// holiday by decree, then a weekend: the standstill runs to Mon 5 Jan
		// and the award may follow from Tue 6 Jan.
		name:      "New Year and an equated day",
		procedure: "social-services",
		ms:        []string{"ad: {kind: award-decision, on: 2025-12-12}", "aw: {kind: award, on: 2026-01-05}"},
		want:      []string{"aw"},
		contains:  "Tue 2026-01-06",
	}, {
		name:      "New Year and an equated day, in time",
		procedure: "social-services",
		ms:        []string{"ad: {kind: award-decision, on: 2025-12-12}", "aw: {kind: award, on: 2026-01-06}"},
	}, {
		// Tue 3 Mar + 20 = Mon 23 Mar, a working day: award from Tue 24 Mar.
		name:      "plain 20 days",
		procedure: "dialogue",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-23}"},
		want:      []string{"aw"},
	}, {
		name:      "national procedures have no statutory standstill",
		procedure: "national",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-04}"},
	}, {
		name:      "nor has an open house",
		procedure: "open-house",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-04}"},
	}})
}

// The region's closed days do not stretch a statutory period: only the
// legal calendar does.
func TestStandstillIgnoresClosedDays(t *testing.T) {
	src := regionFile("social-services", nil,
		"ad: {kind: award-decision, on: 2026-03-03}", "aw: {kind: award, on: 2026-03-24}")
	src = strings.Replace(src, "bodies:", "calendar:\n  closed:\n    - {name: Dicht, from: 2026-03-20, to: 2026-03-31}\nbodies:", 1)
	if fs := of(checkSrc(t, src, "", "2000-01-01", nil), "standstill"); len(fs) != 0 {
		t.Fatalf("standstill stretched by closed days: %v", fs)
	}
}

func TestAwardNotice(t *testing.T) {
	runRuleCases(t, "award-notice", []ruleCase{{
		// Mon 2 Mar + 30 days = Wed 1 Apr.
		name:      "EU, 31 days after the signature",
		procedure: "open",
		ms:        []string{"sig: {kind: signature, on: 2026-03-02}", "an: {kind: award-notice, on: 2026-04-02}"},
		want:      []string{"an"},
	}, {
		name:      "EU, 30 days after the signature",
		procedure: "open",
		ms:        []string{"sig: {kind: signature, on: 2026-03-02}", "an: {kind: award-notice, on: 2026-04-01}"},
	}, {
		name:      "EU, from the award when there is no signature",
		procedure: "negotiated",
		ms:        []string{"aw: {kind: award, on: 2026-03-02}", "an: {kind: award-notice, on: 2026-04-02}"},
		want:      []string{"an"},
		contains:  "the award aw",
	}, {
		// Social services: the quarter of 15 Jan ends 31 Mar; + 30 = 30 Apr.
		name:      "social services, grouped per quarter",
		procedure: "social-services",
		ms:        []string{"sig: {kind: signature, on: 2026-01-15}", "an: {kind: award-notice, on: 2026-04-30}"},
	}, {
		name:      "social services, a day late",
		procedure: "social-services",
		ms:        []string{"sig: {kind: signature, on: 2026-01-15}", "an: {kind: award-notice, on: 2026-05-01}"},
		want:      []string{"an"},
		contains:  "Thu 2026-04-30",
	}, {
		name:      "no award notice milestone",
		procedure: "open",
		ms:        []string{"sig: {kind: signature, on: 2026-03-02}"},
	}})
}

func TestThreshold(t *testing.T) {
	runRuleCases(t, "threshold", []ruleCase{{
		name:      "national at the threshold",
		procedure: "national",
		keys:      []string{"estimated-value: 750000"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}"},
		want:      []string{""},
		contains:  "750,000 euro",
	}, {
		name:      "national below the threshold",
		procedure: "national",
		keys:      []string{"estimated-value: 749999"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}"},
	}, {
		name:      "national without a value",
		procedure: "national",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}"},
	}, {
		name:      "social services above it",
		procedure: "social-services",
		keys:      []string{"estimated-value: 120000000"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}"},
	}, {
		name:      "open house above it",
		procedure: "open-house",
		keys:      []string{"estimated-value: 1000000"},
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}"},
		want:      []string{""},
	}})
	// The open house gets a warning, the national procedure an error; the
	// finding is at the tender's key (line 12, column 3).
	fs := of(checkSrc(t, regionFile("open-house", []string{"estimated-value: 1000000"}, "pub: {kind: publication, on: 2026-03-02}"), "", "2000-01-01", nil), "threshold")
	if fs[0].Severity != Warning || fs[0].Line != 12 || fs[0].Column != 3 {
		t.Errorf("open house: %+v, want a warning at 12:3", fs[0])
	}
	fs = of(checkSrc(t, regionFile("national", []string{"estimated-value: 1000000"}, "pub: {kind: publication, on: 2026-03-02}"), "", "2000-01-01", nil), "threshold")
	if fs[0].Severity != Error {
		t.Errorf("national: %+v, want an error", fs[0])
	}
}

func TestOrder(t *testing.T) {
	runRuleCases(t, "order", []ruleCase{{
		name:      "in order, with two rounds of questions",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "q1: {kind: questions, on: 2026-03-09}",
			"a1: {kind: answers, on: 2026-03-16}", "q2: {kind: questions, on: 2026-03-23}", "a2: {kind: answers, on: 2026-03-30}",
			"sub: {kind: submission, on: 2026-04-20}"},
	}, {
		name:      "submission before the answers",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "a1: {kind: answers, on: 2026-03-16}",
			"sub: {kind: submission, on: 2026-03-10}"},
		want:     []string{"sub"},
		contains: "sub (submission, Tue 2026-03-10) must come after a1 (answers, Mon 2026-03-16)",
	}, {
		name:      "submission on the day of the answers",
		procedure: "open",
		ms: []string{"pub: {kind: publication, on: 2026-03-02}", "a1: {kind: answers, on: 2026-03-16}",
			"sub: {kind: submission, on: 2026-03-16}"},
		want: []string{"sub"},
	}, {
		// award-decision ≤ standstill-end, award ≤ signature ≤ contract-start:
		// the same day is fine there.
		name:      "same days where ≤ allows",
		procedure: "national",
		ms: []string{"ad: {kind: award-decision, on: 2026-03-02}", "se: {kind: standstill-end, on: 2026-03-02}",
			"aw: {kind: award, on: 2026-03-03}", "sig: {kind: signature, on: 2026-03-03}", "cs: {kind: contract-start, on: 2026-03-03}"},
	}, {
		// standstill-end < award.
		name:      "award on the standstill's last day",
		procedure: "national",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-02}", "se: {kind: standstill-end, on: 2026-03-23}", "aw: {kind: award, on: 2026-03-23}"},
		want:      []string{"aw"},
	}, {
		// contract-start vs award-decision: a < lies between, so the same day is not fine.
		name:      "contract start on the award decision's day",
		procedure: "national",
		ms:        []string{"ad: {kind: award-decision, on: 2026-03-02}", "cs: {kind: contract-start, on: 2026-03-02}"},
		want:      []string{"cs"},
	}, {
		name:      "kinds outside the order are free",
		procedure: "national",
		ms:        []string{"pub: {kind: publication, on: 2026-03-02}", "d: {kind: decision, on: 2026-01-02}", "o: {kind: other, on: 2025-01-01}"},
	}})
}

func TestInfeasible(t *testing.T) {
	// contract-start is fixed on 1 Jul 2026 (line 18) but must be on or
	// after award + 3mo = 2 Aug 2026 (award fixed on 2 May, line 17). The
	// finding points at the first link of the chain, cs's line.
	src := regionFile("national", nil,
		"pub: {kind: publication, on: 2026-03-02}",
		"aw: {kind: award, on: 2026-05-02}",
		"cs: {kind: contract-start, on: 2026-07-01, after: aw + 3mo}")
	fs := checkSrc(t, src, "", "2026-11-22", nil)
	inf := of(fs, "infeasible")
	if len(inf) != 1 {
		t.Fatalf("infeasible findings: %+v", fs)
	}
	f := inf[0]
	if f.Severity != Error || f.Milestone == nil || *f.Milestone != "cs" || f.Line != 18 || f.Column != 7 || !strings.Contains(text(f), "infeasible") {
		t.Errorf("finding %+v", f)
	}
	// The date rules are skipped: today is after every date, yet nothing
	// is overdue.
	if len(of(fs, "overdue")) != 0 {
		t.Errorf("date rules ran on an infeasible plan: %+v", fs)
	}
	// A feasible plan has no infeasible finding.
	ok := regionFile("national", nil, "pub: {kind: publication, on: 2026-03-02}")
	if fs := of(checkSrc(t, ok, "", "2000-01-01", nil), "infeasible"); len(fs) != 0 {
		t.Errorf("feasible plan: %+v", fs)
	}
}

func TestDoneInFuture(t *testing.T) {
	runRuleCases(t, "done-in-future", []ruleCase{{
		name:      "done tomorrow",
		procedure: "national",
		today:     "2026-11-22",
		ms:        []string{"pub: {kind: publication, done: 2026-11-23}"},
		want:      []string{"pub"},
	}, {
		name:      "done today",
		procedure: "national",
		today:     "2026-11-22",
		ms:        []string{"pub: {kind: publication, done: 2026-11-22}"},
	}, {
		name:      "planned in the future",
		procedure: "national",
		today:     "2026-11-22",
		ms:        []string{"pub: {kind: publication, on: 2026-11-23}"},
	}})
}
