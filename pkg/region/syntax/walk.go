package syntax

import (
	"fmt"
	"strconv"

	"gopkg.in/yaml.v3"
)

// Limits that keep hostile input from taking unbounded time or memory.
const (
	// MaxDepth is the deepest nesting of mappings and lists a file may have.
	// The region format itself needs eight levels.
	MaxDepth = 100
	// MaxAliasExpansion is how many more nodes than the file holds a
	// Walker will visit through aliases (*name) before it gives up.
	MaxAliasExpansion = 1_000_000
	// maxMergeDepth bounds chains of merge keys (<<: *a, where a merges b …).
	maxMergeDepth = 20
)

// A Walker walks a node tree by hand, as the region loader does: aliases
// (*a) resolved, merge keys (<<: *a, <<: [*a, *b]) expanded, within the
// limits that stop alias bombs and deep nesting. Problems go to Report; a
// problem that makes going on pointless (or dangerous) also halts the
// walk, after which Deref gives null nodes and Pairs calls nothing.
type Walker struct {
	// Report records a problem at a position. It is required.
	Report func(p Pos, msg string)

	halted    bool
	visits    int
	maxVisits int
	merges    int // current depth of merge-key expansion
}

// Halted reports whether the walk was stopped.
func (w *Walker) Halted() bool { return w.halted }

// Halt reports a final problem and stops the walk.
func (w *Walker) Halt(p Pos, msg string) {
	w.Report(p, msg)
	w.halted = true
}

// Start checks the nesting depth of the tree under root as written (not
// following aliases), halting at a node deeper than MaxDepth, and sets the
// visit budget: twice the nodes of the file (a schema walk visits each
// written node at most twice) plus MaxAliasExpansion.
func (w *Walker) Start(root *yaml.Node) {
	type item struct {
		n     *yaml.Node
		depth int
	}
	stack := []item{{root, 1}}
	count := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if it.depth > MaxDepth {
			w.Halt(NodePos(it.n), fmt.Sprintf("nesting deeper than %d levels: a region file needs far fewer; check the indentation", MaxDepth))
			return
		}
		for _, c := range it.n.Content {
			if len(c.Content) == 0 {
				count++
				continue
			}
			stack = append(stack, item{c, it.depth + 1})
		}
	}
	w.maxVisits = 2*count + MaxAliasExpansion
}

// Deref resolves an alias and counts the visit against the budget that
// stops alias bombs (a few lines of YAML that expand to billions of nodes).
// An alias of an unknown anchor is null at the alias.
func (w *Walker) Deref(n *yaml.Node) *yaml.Node {
	w.visits++
	if w.visits > w.maxVisits && !w.halted {
		w.Halt(NodePos(n), fmt.Sprintf("the file expands to too many values through aliases (*name): more than %d beyond what it holds; write the repeated parts out", MaxAliasExpansion))
	}
	if w.halted {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null"}
	}
	if n.Kind == yaml.AliasNode {
		if n.Alias == nil {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Line: n.Line, Column: n.Column}
		}
		return n.Alias
	}
	return n
}

// Pairs calls f for every key and value of mapping n, aliases resolved. A
// merge key (<<: *base, or <<: [*a, *b]) is replaced by the pairs of the
// mappings it names, except keys the mapping gives itself (they win) and
// keys an earlier merged mapping gave (the first wins), as in YAML 1.1.
//
// f does not escape (there are no closures around it), so the callers'
// closures and the state they capture stay on the stack.
func (w *Walker) Pairs(n *yaml.Node, f func(k, v *yaml.Node)) {
	c := n.Content
	if !hasMergeKey(n) {
		for i := 0; i+1 < len(c) && !w.halted; i += 2 {
			f(w.Deref(c[i]), w.Deref(c[i+1]))
		}
		return
	}
	for _, p := range w.mergedPairs(n) {
		if w.halted {
			return
		}
		f(p[0], p[1])
	}
}

func hasMergeKey(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if IsMergeKey(n.Content[i]) {
			return true
		}
	}
	return false
}

// mergedPairs lists the pairs of a mapping with merge keys, expanded.
func (w *Walker) mergedPairs(n *yaml.Node) [][2]*yaml.Node {
	if w.merges >= maxMergeDepth {
		w.Report(NodePos(n), fmt.Sprintf("merge keys (<<) nested more than %d deep", maxMergeDepth))
		return nil
	}
	w.merges++
	defer func() { w.merges-- }()
	c := n.Content
	taken := map[string]bool{}
	for i := 0; i+1 < len(c); i += 2 {
		if !IsMergeKey(c[i]) {
			taken[w.Deref(c[i]).Value] = true
		}
	}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(c) && !w.halted; i += 2 {
		if !IsMergeKey(c[i]) {
			out = append(out, [2]*yaml.Node{w.Deref(c[i]), w.Deref(c[i+1])})
			continue
		}
		for _, s := range w.mergeSources(c[i+1]) {
			for _, p := range w.mergedFrom(s) {
				if !taken[p[0].Value] {
					taken[p[0].Value] = true
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// mergeSources are the mappings a merge key's value v names: one, or a
// list of them, aliases resolved.
func (w *Walker) mergeSources(v *yaml.Node) []*yaml.Node {
	v = w.Deref(v)
	if v.Kind != yaml.SequenceNode {
		return []*yaml.Node{v}
	}
	sources := make([]*yaml.Node, 0, len(v.Content))
	for _, s := range v.Content {
		sources = append(sources, w.Deref(s))
	}
	return sources
}

// mergedFrom lists the pairs that merge source s gives (itself expanded
// when it has merge keys), or reports that s is not a mapping.
func (w *Walker) mergedFrom(s *yaml.Node) [][2]*yaml.Node {
	if s.Kind != yaml.MappingNode {
		w.Report(NodePos(s), "a merge key (<<) takes a mapping or an alias of one (<<: *base), not "+Describe(s))
		return nil
	}
	if hasMergeKey(s) {
		return w.mergedPairs(s)
	}
	var inner [][2]*yaml.Node
	for j := 0; j+1 < len(s.Content); j += 2 {
		inner = append(inner, [2]*yaml.Node{w.Deref(s.Content[j]), w.Deref(s.Content[j+1])})
	}
	return inner
}

// IsMergeKey reports whether k is the merge key <<.
func IsMergeKey(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.Tag == "!!merge" }

// IsNull reports whether n is nothing: a key with no value, ~ or null.
func IsNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

// Describe names a node's kind for messages: "a mapping", "a list",
// "nothing", or a scalar's text quoted.
func Describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "nothing"
		}
		return strconv.Quote(n.Value)
	}
	return "this"
}
