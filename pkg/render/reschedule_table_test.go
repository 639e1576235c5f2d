package render

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/rules"
)

// TestFindingListLanguages: the findings a move adds or removes carry the
// severities of the table's language, padded to the widest of the list.
func TestFindingListLanguages(t *testing.T) {
	ms := "gunning"
	fs := []rules.Finding{
		{Rule: "overdue", Severity: rules.Warning, Milestone: &ms, Message: says("te laat"), File: "r.yaml", Line: 25},
		{Rule: "order", Severity: rules.Error, Message: says("volgorde")},
	}
	for _, c := range []struct{ lang, want string }{
		{"en", "  Title\n    warning  overdue  gunning: te laat (r.yaml:25)\n    error    order  volgorde\n"},
		{"nl", "  Title\n    waarschuwing  overdue  gunning: te laat (r.yaml:25)\n    fout          order  volgorde\n"},
		// A list of errors alone is padded as wide: the two lists line up.
		{"en-errors", "  Title\n    error    order  volgorde\n"},
	} {
		var b bytes.Buffer
		lang, list := c.lang, fs
		if lang == "en-errors" {
			lang, list = "en", fs[1:]
		}
		findingList(&b, lang, "Title", list)
		if diff := cmp.Diff(c.want, b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", c.lang, diff)
		}
	}
}
