package render

import (
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// TestSkipText: every reason a rule may not run has words in both
// languages (an empty skipped message in JUnit otherwise).
func TestSkipText(t *testing.T) {
	want := map[rules.Skip][2]string{
		rules.SkipDisabled:     {"disabled by policy", "uitgezet in het beleid"},
		rules.SkipProcedure:    {"does not apply to the procedure", "geldt niet voor deze procedure"},
		rules.SkipInfeasible:   {"the tender has no schedule", "de aanbesteding heeft geen planning"},
		rules.SkipSummerPolicy: {"summer: off in the policy", "summer: uit in het beleid"},
	}
	for why, w := range want {
		if en, nl := SkipText("en", why), SkipText("nl", why); en != w[0] || nl != w[1] {
			t.Errorf("%s: %q, %q; want %q, %q", why, en, nl, w[0], w[1])
		}
	}
}

// TestFindingText words each kind of argument the way the rules' messages
// read to a user. 2020-11-01 was a Sunday, 2021-09-23 a Thursday.
func TestFindingText(t *testing.T) {
	sun, thu := date.New(2020, 11, 1), date.New(2021, 9, 23)
	m := func(key string, args ...any) rules.Message { return rules.Message{Key: key, Args: args} }
	for _, tc := range []struct {
		lang string
		msg  rules.Message
		want string
	}{
		{"en", m("days", 12), "12 days"},
		{"en", m("need", 40, rules.Comma{m("why.electronic", 45), m("why.offline")}),
			"40 days (45, minus 5 for electronic submission, plus 5 because the documents are not online in full and free of charge from the publication, Aw 2.72)"},
		// A number of days is one day for 1 (and for −1, as ever), many
		// for the rest; calendar days likewise.
		{"en", m("bid-validity", rules.At{ID: "aw", Date: thu}, rules.Days(1), rules.Ref{Kind: "submission", ID: "sub", Date: sun}, "10d", sun),
			"aw (Thu 2021-09-23) is 1 day after the submission sub (Sun 2020-11-01), beyond the bid validity of 10d: the bids bind only up to Sun 2020-11-01"},
		{"nl", m("bid-validity", rules.At{ID: "aw", Date: thu}, rules.Days(-1), rules.Ref{Kind: "submission", ID: "sluiting", Date: sun}, "10d", sun),
			"aw (do 2021-09-23) ligt 1 dag na de sluiting (zo 2020-11-01), voorbij de gestanddoeningstermijn van 10d: de inschrijvingen binden maar tot zo 2020-11-01"},
		{"nl", m("summer", rules.At{ID: "pub", Date: sun}, rules.At{ID: "sub", Date: thu},
			rules.And{"noord 2021-07-24–2021-09-05", m("summer.quiet", "zomer", "2021-07-01–2021-07-31")}, rules.CalendarDays(1), rules.Days(2)),
			"de inschrijvingstermijn pub (zo 2020-11-01) → sub (do 2021-09-23) overlapt 1 kalenderdag met de zomervakantie (noord 2021-07-24–2021-09-05 en stil: zomer 2021-07-01–2021-07-31): overweeg hem met 2 dagen te verlengen"},
		// Amounts with the language's separator; kinds and procedures in
		// the language's words, English keeping the ids.
		{"nl", m("threshold.national", rules.Euro(1000000), rules.Euro(rules.SASThreshold)),
			"de geraamde waarde van 1.000.000 euro ligt op of boven de drempel van 750.000 euro voor sociale en andere specifieke diensten: aanbesteden met social-services of een Europese procedure, niet nationaal"},
		{"en", m("missing-milestones", rules.ProcedureWord("open"), rules.And{rules.KindWord("award"), rules.KindWord("contract-start"), rules.KindWord("submission")}),
			"a tender under the open procedure has a publication, submission, award-decision, award and contract-start; this one has no award, contract-start and submission"},
		{"nl", m("answers-margin.none", rules.ProcedureWord("national")), " (de procedure nationale procedure kent geen wettelijke termijn voor de nota van inlichtingen)"},
		// The planner's explanation, in the words of ConflictMessage.
		{"en", m("infeasible", timeline.Conflict{Kind: timeline.Cycle, Milestone: "x",
			Chain: []timeline.Link{{Milestone: "x", Line: 3, Role: timeline.RoleAfter, Key: "after", Text: "x + 1d"}}}),
			"infeasible: a cycle of constraints pushes itself later forever:\n  x ≥ x + 1d (line 3)"},
		{"en", rules.Message{}, ""},
	} {
		if got := FindingText(tc.lang, tc.msg); got != tc.want {
			t.Errorf("%s %s:\n got %q\nwant %q", tc.lang, tc.msg.Key, got, tc.want)
		}
	}
}
