package rules

import (
	"fmt"
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
		want = append(want, meta{r.ID, r.Legal, r.Severity})
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

// verbs lists the argument index and verb of each formatting directive,
// following fmt's rules for explicit indexes ("%[3]s").
func verbs(s string) map[int]byte {
	out := map[int]byte{}
	arg := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		if i < len(s) && s[i] == '%' {
			continue
		}
		if i < len(s) && s[i] == '[' {
			j := strings.IndexByte(s[i:], ']')
			var n int
			fmt.Sscanf(s[i+1:i+j], "%d", &n)
			arg = n - 1
			i += j + 1
		}
		if i < len(s) {
			out[arg] = s[i]
			arg++
		}
	}
	return out
}

// Both message catalogues have the same keys, and each pair of messages
// takes the same arguments with the same verbs.
func TestMessageCatalogues(t *testing.T) {
	for key, en := range messagesEN {
		nl, ok := messagesNL[key]
		if !ok {
			t.Errorf("%s: no Dutch message", key)
			continue
		}
		if diff := cmp.Diff(verbs(en), verbs(nl)); diff != "" {
			t.Errorf("%s: arguments differ (-en +nl):\n%s", key, diff)
		}
	}
	for key := range messagesNL {
		if _, ok := messagesEN[key]; !ok {
			t.Errorf("%s: no English message", key)
		}
	}
}

// Every rule speaks Dutch with --lang nl, with no formatting errors.
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
	for _, lang := range []string{"en", "nl"} {
		fs, err := Check(r, r.Tenders[0], res, Options{Today: day(t, "2026-05-06"), Lang: lang})
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) < 8 {
			t.Errorf("%s: only %d findings", lang, len(fs))
		}
		for _, f := range fs {
			if strings.Contains(f.Message, "%!") {
				t.Errorf("%s %s: %s", lang, f.Rule, f.Message)
			}
			if lang == "nl" && f.Rule == "standstill" && !strings.Contains(f.Message, "opschortende termijn") {
				t.Errorf("not Dutch: %s", f.Message)
			}
		}
	}
}
