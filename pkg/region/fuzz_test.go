package region

import (
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/region/internal/seeds"
)

// FuzzLoad: no input makes Load panic (the recover in Load would turn it
// into an "internal error", which fails here), every error is positioned,
// and the errors are sorted.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{goodFile, valid, "", "- a", "version: 1\nregion: *x\n", "a: &a [*a]\n",
		tender1 + ok11 + "    scenarios:\n      s:\n        milestones:\n          b: {kind: other, after: a}\n",
		"x: &a {k: 1}\ny:\n  <<: [*a, *a]\n", "version: 1\n---\nversion: 1\n"} {
		f.Add(s)
	}
	for _, b := range seeds.Regions(f) {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, src string) {
		HasRegionKey([]byte(src))
		r, err := Load("f.yaml", []byte(src))
		if err == nil {
			if r == nil {
				t.Fatal("nil region without an error")
			}
			// The same bytes load the same way again (no hidden state).
			again, err := Load("f.yaml", []byte(src))
			if err != nil || len(again.Tenders) != len(r.Tenders) {
				t.Fatalf("a second load differs: %v", err)
			}
			for _, tn := range r.Tenders {
				for _, s := range tn.Scenarios {
					if _, err := tn.WithScenario(s.ID); err != nil {
						t.Fatal(err)
					}
				}
			}
			return
		}
		list, ok := err.(ErrorList)
		if !ok || len(list) == 0 {
			t.Fatalf("error %T %v", err, err)
		}
		for i, e := range list {
			if strings.Contains(e.Msg, "internal error") {
				t.Fatalf("panic: %v", e)
			}
			if e.Pos.Line < 1 || e.Pos.Column < 1 || e.File != "f.yaml" {
				t.Fatalf("unpositioned error: %v", e)
			}
			if i > 0 {
				p := list[i-1].Pos
				if p.Line > e.Pos.Line || p.Line == e.Pos.Line && p.Column > e.Pos.Column {
					t.Fatalf("errors out of order: %v", err)
				}
			}
		}
	})
}
