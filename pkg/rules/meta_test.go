package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/region"
)

// The loader checks policy ids against region.Rules; the table here must
// hold exactly the same rules, in the same order, with the same legal flag
// and default severity.
func TestTableMatchesRegionRules(t *testing.T) {
	type meta struct {
		ID       string
		Legal    bool
		Severity string
	}
	var got, want []meta
	for _, r := range Rules() {
		got = append(got, meta{r.ID, r.Legal, string(r.Severity)})
	}
	for _, r := range region.Rules {
		want = append(want, meta{r.ID, r.Legal, string(r.Severity)})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rules table vs region.Rules (-region +rules):\n%s", diff)
	}
	for _, r := range Rules() {
		if r.check == nil {
			t.Errorf("%s has no function", r.ID)
		}
		for _, p := range r.Procedures {
			if !slices.Contains(region.Procedures, p) {
				t.Errorf("%s names unknown procedure %q", r.ID, p)
			}
		}
	}
}

// Every rule speaks Dutch with --lang nl, with no formatting errors and no
// key the catalogue lacks (which T would print as the key itself).
func TestDutchMessages(t *testing.T) {
	src := regionFile("open", []string{"estimated-value: 1000000", "bid-validity: 10d"},
		"pub: {kind: publication, on: 2026-03-26}",
		"nvi: {kind: answers, on: 2026-05-03}",
		"sub: {kind: submission, on: 2026-05-05}",
		"ad: {kind: award-decision, on: 2026-05-06}",
		"aw: {kind: award, on: 2026-05-07}",
		"an: {kind: award-notice, on: 2026-08-07}",
		"d: {kind: decision, by: college, done: 2026-05-07}",
		"cs: {kind: contract-start, on: 2026-06-01}")
	r := load(t, src)
	res := planFor(t, r, r.Tenders[0])
	fs := Check(r, r.Tenders[0], res, Options{Today: day(t, "2026-05-06")})
	if len(fs) < 8 {
		t.Errorf("only %d findings", len(fs))
	}
	for _, lang := range []string{"en", "nl"} {
		for _, f := range fs {
			msg := Say(lang, f.Message)
			if strings.Contains(msg, "%!") || msg == f.Message.Key {
				t.Errorf("%s %s: %s", lang, f.Rule, msg)
			}
			if lang == "nl" && f.Rule == "standstill" && !strings.Contains(msg, "opschortende termijn") {
				t.Errorf("not Dutch: %s", msg)
			}
		}
	}
}

// TestDutchKindWordsNotRepeated: a milestone whose id is the word the Dutch
// message uses for its kind is not named twice ("na de gunning gunning").
func TestDutchKindWordsNotRepeated(t *testing.T) {
	src := regionFile("social-services", []string{"estimated-value: 1000000"},
		"publicatie: {kind: publication, on: 2026-03-02}",
		"sluiting: {kind: submission, on: 2026-04-20}",
		"gunningsbeslissing: {kind: award-decision, on: 2026-05-06}",
		"gunning: {kind: award, on: 2026-05-07}",
		"cs: {kind: contract-start, on: 2026-06-01}")
	r := load(t, src)
	res := planFor(t, r, r.Tenders[0])
	fs := Check(r, r.Tenders[0], res, Options{Today: day(t, "2026-01-01")})
	seen := 0
	for _, f := range fs {
		msg := Say("nl", f.Message)
		for _, w := range []string{"gunning gunning", "sluiting sluiting", "gunningsbeslissing gunningsbeslissing", "publicatie publicatie"} {
			if strings.Contains(msg, w) {
				t.Errorf("%s: %s", f.Rule, msg)
			}
		}
		if strings.Contains(msg, "na de gunning (do 2026-05-07)") || strings.Contains(msg, "na de gunningsbeslissing (wo 2026-05-06)") {
			seen++
		}
	}
	if seen == 0 {
		t.Errorf("no finding names the award or award decision by its date alone: %v", fs)
	}
}

// TestDutchNamesKindsAndProcedures: Dutch messages name kinds and
// procedures in the Dutch words of the printers' labels; English ones keep
// the ids, which are English words.
func TestDutchNamesKindsAndProcedures(t *testing.T) {
	// An award before the submission (order), and no award decision or
	// contract start (missing-milestones).
	src := regionFile("open", []string{"estimated-value: 1000000"},
		"pub: {kind: publication, on: 2026-03-02}",
		"sub: {kind: submission, on: 2026-05-04}",
		"aw: {kind: award, on: 2026-05-01}")
	r := load(t, src)
	res := planFor(t, r, r.Tenders[0])
	fs := Check(r, r.Tenders[0], res, Options{Today: day(t, "2026-01-01")})
	for lang, want := range map[string][]string{
		"nl": {"definitieve gunning volgt in de procedure op sluiting inschrijving",
			"een aanbesteding (openbare procedure) heeft", "deze heeft geen gunningsbeslissing en ingangsdatum contract"},
		"en": {"award follows submission in the procedure", "under the open procedure", "this one has no award-decision and contract-start"},
	} {
		var all []string
		for _, f := range fs {
			all = append(all, Say(lang, f.Message))
		}
		text := strings.Join(all, "\n")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: no %q in\n%s", lang, w, text)
			}
		}
	}
}
