package syntax

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFields(t *testing.T) {
	// A config file as a user writes it: positions counted by hand, 1-based,
	// columns in characters ("é" is one).
	src := "# my settings\n" + // line 1
		"lang: nl\n" + // line 2: key at 2:1, value at 2:7
		"quiet: yes\n" + // line 3: yes is a string in YAML 1.2
		"today: \"2026-01-02\"\n" + // line 4: quoted, value at the quote (4:8)
		"policy:\n" + // line 5: a mapping, no text
		"  min-days: 35\n" + // line 6: key at 6:3, value at 6:13
		"  naam: é\n" + // line 7
		"paths: [a, b]\n" // line 8: a list, not descended into
	got, err := Fields("tender.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Field{
		{Path: []string{"lang"}, KeyPos: Pos{Line: 2, Column: 1}, Value: "nl", Tag: "!!str", ValuePos: Pos{Line: 2, Column: 7}},
		{Path: []string{"quiet"}, KeyPos: Pos{Line: 3, Column: 1}, Value: "yes", Tag: "!!str", ValuePos: Pos{Line: 3, Column: 8}},
		{Path: []string{"today"}, KeyPos: Pos{Line: 4, Column: 1}, Value: "2026-01-02", Tag: "!!str", ValuePos: Pos{Line: 4, Column: 8}},
		{Path: []string{"policy"}, KeyPos: Pos{Line: 5, Column: 1}, Tag: "!!map", ValuePos: Pos{Line: 6, Column: 3}},
		{Path: []string{"policy", "min-days"}, KeyPos: Pos{Line: 6, Column: 3}, Value: "35", Tag: "!!int", ValuePos: Pos{Line: 6, Column: 13}},
		{Path: []string{"policy", "naam"}, KeyPos: Pos{Line: 7, Column: 3}, Value: "é", Tag: "!!str", ValuePos: Pos{Line: 7, Column: 9}},
		{Path: []string{"paths"}, KeyPos: Pos{Line: 8, Column: 1}, Tag: "!!seq", ValuePos: Pos{Line: 8, Column: 8}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("Fields (-want +got):\n%s", d)
	}
}

func TestFieldsAliasesAndMerges(t *testing.T) {
	src := "base: &b {min-days: 35, lang: nl}\n" + // line 1: the anchored mapping
		"policy:\n" + // line 2
		"  <<: *b\n" + // line 3: merged keys keep the anchored text's positions
		"  min-days: 40\n" + // line 4: the mapping's own key wins
		"lang: *x\n" // line 5: an unknown anchor is a syntax error
	_, err := Fields("c.yaml", []byte(src))
	if err == nil || err.Error() != "c.yaml:5:7: invalid YAML: unknown anchor 'x' referenced" {
		t.Errorf("unknown anchor: got %v", err)
	}
	got, err := Fields("c.yaml", []byte(src[:len(src)-len("lang: *x\n")]))
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range got {
		paths = append(paths, fmt.Sprintf("%s@%d:%d", f.Value, f.ValuePos.Line, f.ValuePos.Column))
	}
	// base's mapping starts at its first key's place (1:7 is the brace; the
	// flow mapping's node is there). policy's mapping starts at its first
	// written key, the << at 3:3. The merged keys come where the << is
	// written, without min-days (policy gives its own), then policy's own.
	want := []string{"@1:7", "35@1:21", "nl@1:31", "@3:3", "nl@1:31", "40@4:13"}
	if d := cmp.Diff(want, paths); d != "" {
		t.Errorf("values (-want +got):\n%s", d)
	}
}

func TestFieldsProblems(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"empty", "", ""},
		{"comments only", "# nothing yet\n", ""},
		{"null document", "~\n", ""},
		{"not a mapping", "- lang\n", "c.yaml:1:1: the file must be a mapping of keys to values, not a list"},
		{"tab indentation", "policy:\n\tmin-days: 3\n", "c.yaml:2:1: invalid YAML: found character that cannot start any token (a tab in the indentation: indent with spaces, not tabs)"},
		{"second document", "lang: nl\n---\nlang: en\n", "c.yaml:2:1: a second YAML document starts here: the file holds exactly one (remove this --- line)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Fields("c.yaml", []byte(tt.src))
			if tt.want == "" {
				if err != nil || len(got) != 0 {
					t.Errorf("got %v, %v; want no fields, no error", got, err)
				}
				return
			}
			if err == nil || err.Error() != tt.want {
				t.Errorf("got error %v\nwant        %s", err, tt.want)
			}
		})
	}
}
