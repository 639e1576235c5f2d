package region

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/region/syntax"
)

// Limits that keep hostile input from taking unbounded time or memory.
const (
	// MaxDepth is the deepest nesting of mappings and lists a file may have.
	// The format itself needs eight levels.
	MaxDepth = syntax.MaxDepth
	// MaxAliasExpansion is how many more nodes than the file holds the
	// loader will visit through aliases (*name) before it gives up.
	MaxAliasExpansion = syntax.MaxAliasExpansion
	// MaxIDLength is the longest id (of a region, body, tender, milestone
	// or scenario), in bytes. Ids are typed on command lines and shown in
	// every table; real ones are a few words.
	MaxIDLength = 100
	// MaxErrors is how many problems Load reports for one file; the rest
	// are counted in a last line. A broken generated file would otherwise
	// print one line per milestone.
	MaxErrors = 100
	// maxMessageWord bounds a word of an error message (a quoted value, an
	// expression), so that a message about a multi-megabyte line stays
	// one short line: the middle of a longer word is left out.
	maxMessageWord = 80
	// suggestErrors is how many errors get a "did you mean" hint, in the
	// order they are found (decoding's first, then validation's); beyond
	// it the loader stops searching id lists, so a broken 100,000-milestone
	// file still fails fast.
	suggestErrors = 200
)

// Load parses and validates one region file. file is the name used in error
// messages, as the user typed it. On any problem it returns (nil, ErrorList)
// with every problem found in the file, sorted by line and column.
func Load(file string, src []byte) (r *Region, err error) {
	l := &loader{file: file}
	defer func() {
		// The loader is written not to panic; this is the last line of
		// defence for a parser bug, so that no input ever crashes tender.
		if p := recover(); p != nil {
			r, err = nil, ErrorList{{File: file, Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("cannot read the file (internal error: %v); please report it", p)}}
		}
	}()
	l.w.Report = func(p Pos, msg string) { l.errorAt(p, "%s", msg) }
	if root := l.parse(src); root != nil {
		l.w.Start(root)
		if !l.w.Halted() {
			l.top(root)
		}
	}
	if len(l.errs) > 0 {
		l.errs.Sort()
		if n := len(l.errs); n > MaxErrors {
			more := &Error{File: file, Pos: l.errs[MaxErrors].Pos,
				Msg: fmt.Sprintf("and %d more problems in this file (only the first %d are shown; fix these first)", n-MaxErrors, MaxErrors)}
			l.errs = append(l.errs[:MaxErrors:MaxErrors], more)
		}
		return nil, l.errs
	}
	return l.r, nil
}

// loader holds the state of one Load.
type loader struct {
	file string
	errs ErrorList
	w    syntax.Walker // aliases, merge keys and the limits on them
	r    *Region
	// notes is what the walk keeps beside the model for the validation
	// pass (validate.go).
	notes notes
}

// owner names what a key belongs to in messages: "milestone 'pub'"; in,
// when set, names what that belongs to in turn ("recess period 1 of body
// 'pho'"), where the thing alone is ambiguous. It is a value, formatted
// only when a message is written, so that the hot path builds no strings.
type owner struct{ what, id, in string }

func (o owner) String() string {
	s := o.what
	if o.id != "" {
		s += " '" + o.id + "'"
	}
	if o.in != "" {
		s += " of " + o.in
	}
	return s
}

func pos(n *yaml.Node) Pos { return syntax.NodePos(n) }

func (l *loader) errorAt(p Pos, format string, args ...any) {
	if l.w.Halted() {
		return
	}
	l.errs = append(l.errs, &Error{File: l.file, Pos: p, Msg: shortenWords(fmt.Sprintf(format, args...))})
}

// shortenWords leaves out the middle of every word (a run without spaces)
// of msg longer than maxMessageWord bytes, keeping its start and end, so
// that quoting a hostile value keeps a message one readable line.
func shortenWords(msg string) string {
	long := false
	run := 0
	for i := 0; i < len(msg); i++ {
		if msg[i] == ' ' || msg[i] == '\n' {
			run = 0
			continue
		}
		if run++; run > maxMessageWord {
			long = true
			break
		}
	}
	if !long {
		return msg
	}
	var b strings.Builder
	for len(msg) > 0 {
		i := strings.IndexAny(msg, " \n")
		if i < 0 {
			i = len(msg)
		}
		word := msg[:i]
		if len(word) > maxMessageWord {
			head, tail := runeStart(word, maxMessageWord/2), runeStart(word, len(word)-maxMessageWord/4)
			fmt.Fprintf(&b, "%s…(%d bytes left out)…%s", word[:head], tail-head, word[tail:])
		} else {
			b.WriteString(word)
		}
		if i < len(msg) {
			b.WriteByte(msg[i])
			i++
		}
		msg = msg[i:]
	}
	return b.String()
}

// runeStart moves byte offset i of s back to the start of a rune.
func runeStart(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.errorAt(pos(n), format, args...)
}

// once records that key was first written at node n and reports whether
// this is its first time. A repeat is an error at n, in the words of
// format and args, naming the first line: "body 'pho' is defined twice
// (first at line 12)".
func once[K comparable](l *loader, firstLine map[K]int, key K, n *yaml.Node, format string, args ...any) bool {
	return onceAt(l, firstLine, key, pos(n), format, args...)
}

// onceAt is once for a key written at p.
func onceAt[K comparable](l *loader, firstLine map[K]int, key K, p Pos, format string, args ...any) bool {
	if line, dup := firstLine[key]; dup {
		l.errorAt(p, format+" (first at line %d)", append(args, line)...)
		return false
	}
	firstLine[key] = p.Line
	return true
}

// eachID walks mapping v, keyed by ids of what ("body", "contract"): f gets
// each valid id the first time it is given. A repeat is an error at it,
// in the words of twice, whose first verb is the id's and whose others
// take args.
func (l *loader) eachID(v *yaml.Node, what, twice string, args []any, f func(id string, k, v *yaml.Node)) {
	firstLine := map[string]int{}
	l.pairs(v, func(k, iv *yaml.Node) {
		id, ok := l.id(k, what)
		if !ok || !once(l, firstLine, id, k, twice, append([]any{id}, args...)...) {
			return
		}
		f(id, k, iv)
	})
}

// suggest is didYouMean, switched off once there are many errors.
func (l *loader) suggest(word string, known []string) string {
	if len(l.errs) >= suggestErrors {
		return ""
	}
	return didYouMean(word, known)
}

// ---- on the YAML layer (package syntax) ------------------------------------

// parse decodes src into a node tree and returns the root of its only
// document, or nil after recording why there is none.
func (l *loader) parse(src []byte) *yaml.Node {
	doc, err := syntax.Parse(l.file, src)
	switch {
	case err != nil && err.Msg == syntax.SecondDocument:
		l.errorAt(err.Pos, "%s: a region file holds exactly one (remove this --- line, or put each region in its own file)", err.Msg)
		return nil
	case err != nil:
		l.errorAt(err.Pos, "%s", err.Msg)
		return nil
	case doc == nil:
		l.errorAt(Pos{Line: 1, Column: 1}, "the file is empty: a region file starts with \"version: 1\", then region: and tenders: (tender init writes a starter file)")
		return nil
	case len(doc.Content) == 0:
		l.errorAt(Pos{Line: 1, Column: 1}, "the file is empty: a region file starts with \"version: 1\", then region: and tenders:")
		return nil
	}
	root := doc.Content[0]
	if isNull(root) {
		l.errorf(root, "the file is empty: a region file starts with \"version: 1\", then region: and tenders:")
		return nil
	}
	return root
}

// deref resolves an alias, counting the visit against the walk's budget.
func (l *loader) deref(n *yaml.Node) *yaml.Node { return l.w.Deref(n) }

// pairs calls f for every key and value of mapping n (syntax.Walker.Pairs).
func (l *loader) pairs(n *yaml.Node, f func(k, v *yaml.Node)) { l.w.Pairs(n, f) }
