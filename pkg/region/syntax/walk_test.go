package syntax

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// walk parses src and walks every mapping with Pairs, depth first, the way
// a loader does, collecting the keys seen and the problems reported.
func walk(t *testing.T, src string) (keys []string, problems []string) {
	t.Helper()
	doc, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	w := &Walker{Report: func(p Pos, msg string) { problems = append(problems, fmt.Sprintf("%d:%d: %s", p.Line, p.Column, msg)) }}
	root := doc.Content[0]
	w.Start(root)
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		switch n = w.Deref(n); n.Kind {
		case yaml.MappingNode:
			w.Pairs(n, func(k, v *yaml.Node) {
				keys = append(keys, k.Value)
				visit(v)
			})
		case yaml.SequenceNode:
			for _, c := range n.Content {
				visit(c)
			}
		}
	}
	if !w.Halted() {
		visit(root)
	}
	return keys, problems
}

func TestWalkerMergeKeys(t *testing.T) {
	// c merges a then b: its own k wins, then a's m, then b's n (b's k and
	// m are taken already).
	keys, problems := walk(t, "a: &a {k: 1, m: 1}\nb: &b {k: 2, m: 2, n: 2}\nc: {<<: [*a, *b], k: 3}\n")
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got, want := strings.Join(keys, " "), "a k m b k m n c m n k"; got != want {
		t.Errorf("keys %q, want %q", got, want)
	}
}

func TestWalkerLimits(t *testing.T) {
	// Nesting: MaxDepth+1 flow lists around x; the root is depth 1, so the
	// list that opens at column MaxDepth+1 is one too deep. (An empty
	// collection is counted as a value, not checked as a level.)
	deep := strings.Repeat("[", MaxDepth+1) + "x" + strings.Repeat("]", MaxDepth+1)
	// An alias bomb: ten lists of ten aliases of the one before, 10^10
	// values from some 110 written.
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for c, prev := 'b', 'a'; c <= 'j'; c, prev = c+1, c {
		bomb += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+string(prev)+", ", 9) + "*" + string(prev) + "]\n"
	}
	// Merge keys nested more than 20 deep: each mapping merges the one
	// before it.
	chain := "m0: &m0 {k: 1}\n"
	for i := 1; i <= 22; i++ {
		chain += fmt.Sprintf("m%d: &m%d {<<: *m%d}\n", i, i, i-1)
	}
	for _, tt := range []struct{ name, src, want string }{
		{"deep", deep, fmt.Sprintf("1:%d: nesting deeper than %d levels", MaxDepth+1, MaxDepth)},
		{"alias bomb", bomb, "the file expands to too many values through aliases"},
		{"merge chain", chain, "merge keys (<<) nested more than 20 deep"},
		{"merge of a scalar", "a: {<<: 1}\n", "1:9: a merge key (<<) takes a mapping or an alias of one (<<: *base), not \"1\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := walk(t, tt.src)
			if len(problems) == 0 || !strings.Contains(problems[0], tt.want) {
				t.Errorf("problems %q, want the first to contain %q", problems, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		doc       bool   // a document is returned
		err       string // the error, "" for none
	}{
		{"empty", "", false, ""},
		{"comments only", "# nothing\n", false, ""},
		{"a lone trailing ---", "a: 1\n---\n", true, ""},
		{"a leading --- and a trailing ...", "---\na: 1\n...\n", true, ""},
		{"two documents", "a: 1\n---\nb: 2\n", false, "f.yaml:2:1: " + SecondDocument},
		// yaml.v3 gives the line; the column is that line's first
		// non-blank character, and the message gets a hint.
		{"colon in a value", "x: 1\n  a: b: c\n", false, "f.yaml:2:3: invalid YAML: mapping values are not allowed in this context (a value containing \": \" must be quoted, or a key is indented wrongly)"},
		// yaml.v3 gives no line for an unknown anchor: found in the bytes.
		{"unknown anchor", "a: 1\nb: *nope\n", false, "f.yaml:2:4: invalid YAML: unknown anchor 'nope' referenced"},
		// Nor for a byte that is not UTF-8 (é in Latin-1 is 0xE9); the
		// column counts the runes before it.
		{"Latin-1", "a: caf\xe9\n", false, "f.yaml:1:7: invalid YAML: "},
		{"tab", "a:\n\tb: 1\n", false, "f.yaml:2:1: invalid YAML: found character that cannot start any token (a tab in the indentation: indent with spaces, not tabs)"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse("f.yaml", []byte(tt.src))
			if tt.err == "" {
				if err != nil || (doc != nil) != tt.doc {
					t.Errorf("got document %v, error %v; want document %v, no error", doc != nil, err, tt.doc)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
				t.Errorf("got error %v\nwant one starting %s", err, tt.err)
			}
		})
	}
}
