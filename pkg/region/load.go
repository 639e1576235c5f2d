package region

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
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
	// suggestErrors is how many errors get a "did you mean" hint; beyond it
	// the loader stops searching id lists, so a broken 100,000-milestone
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
}

// owner names the thing whose keys are being read, for messages. It is a
// value, formatted only when a message is written, so that the hot path
// builds no strings.
// owner names what a key belongs to in messages: "milestone 'pub'"; in,
// when set, names what that belongs to in turn ("recess period 1 of body
// 'pho'"), where the thing alone is ambiguous.
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
	if line, dup := firstLine[key]; dup {
		l.errorf(n, format+" (first at line %d)", append(args, line)...)
		return false
	}
	firstLine[key] = n.Line
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

// ---- YAML layer -----------------------------------------------------------

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

// key returns the text of a mapping key, which must be a scalar.
func (l *loader) key(k *yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode {
		l.errorf(k, "a key must be a plain word, not %s", describe(k))
		return "", false
	}
	return k.Value, true
}

// fields walks a mapping whose keys must come from ks: an unknown key or a
// repeated key is an error at the key; f is called for the first occurrence
// of each known key. It returns the key node of each key seen, by index.
func (l *loader) fields(n *yaml.Node, ks *keySet, o owner, f func(key string, k, v *yaml.Node)) (seen [maxKeys]*yaml.Node) {
	l.pairs(n, func(k, v *yaml.Node) {
		key, ok := l.key(k)
		if !ok {
			return
		}
		i, ok := ks.index[key]
		if !ok {
			l.unknownKey(k, key, ks, o)
			return
		}
		if first := seen[i]; first != nil {
			l.errorf(k, "%s is given twice in %s (first at line %d): keep one", key, o, first.Line)
			return
		}
		seen[i] = k
		f(key, k, v)
	})
	return seen
}

// keyHints names, for keys that are common in the wrong place, where they
// belong.
var keyHints = map[*keySet][]struct {
	set  *keySet
	hint string
}{
	fileKeys:      {{regionKeys, "it belongs under region:"}},
	regionKeys:    {{fileKeys, "it belongs at the top level, not under region:"}},
	tenderKeys:    {{milestoneKeys, "milestone keys go under milestones: ID:"}},
	milestoneKeys: {{tenderKeys, "it is a tender key, not a milestone key"}},
}

func (l *loader) unknownKey(k *yaml.Node, key string, ks *keySet, o owner) {
	if s := Suggest(key, ks.names); s != "" {
		l.errorf(k, "unknown key '%s' in %s (did you mean '%s'?)", key, o, s)
		return
	}
	for _, h := range keyHints[ks] {
		if h.set.has(key) {
			l.errorf(k, "unknown key '%s' in %s: %s", key, o, h.hint)
			return
		}
	}
	l.errorf(k, "unknown key '%s' in %s: the keys are %s", key, o, strings.Join(ks.names, ", "))
}

// missingHints say how to add a required key.
var missingHints = map[string]string{
	"version":        `add "version: 1" at the top of the file`,
	"region":         "add region: with id, name and municipalities",
	"tenders":        "add tenders: with at least one tender",
	"id":             "add id: with a lower-case id such as achterhoek",
	"municipalities": "add municipalities: with at least one name, e.g. [Aalten, Berkelland]",
	"procedure":      "add procedure: one of " + strings.Join(words(Procedures), ", "),
	"milestones":     "add milestones: with at least one milestone",
	"kind":           "add kind: one of " + strings.Join(words(Kinds), ", "),
	"from":           "add from: YYYY-MM-DD",
	"to":             "add to: YYYY-MM-DD",
	"meets":          `add meets: with a list of dates, or a rule such as "weekly tue"`,
	"delay":          "add delay: LO..HI, e.g. 0d..3w",
	"start":          "add start: YYYY-MM-DD, the first day of the contract",
	"term":           "add term: the initial term, e.g. 4y",
	"length":         "add length: how long the option extends the contract, e.g. 1y",
	"notice":         "add notice: how long before the current end the option must be decided, e.g. 6mo",
	"extended":       "add extended: the number of options taken",
}

// required reports the keys of mask (bits of ks) that were not seen, at at.
func (l *loader) required(seen *[maxKeys]*yaml.Node, mask uint32, ks *keySet, at Pos, o owner) {
	for i, name := range ks.names {
		if mask&(1<<i) == 0 || seen[i] != nil {
			continue
		}
		hint := missingHints[name]
		if hint == "" {
			hint = "add " + name + ":"
		}
		l.errorAt(at, "%s has no %s: %s", o, name, hint)
	}
}

func describe(n *yaml.Node) string { return syntax.Describe(n) }

func isNull(n *yaml.Node) bool { return syntax.IsNull(n) }

// text returns a scalar's text; nothing (key: with no value, or ~) is "".
func (l *loader) text(v *yaml.Node, key string, o owner) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		l.errorf(v, "%s of %s must be a single value, not %s", key, o, describe(v))
		return "", false
	}
	if v.Tag == "!!null" {
		return "", true
	}
	return v.Value, true
}

// name is a word that names something on one line (a title, a table
// cell): the line breaks of a block scalar (name: | or name: >), its last
// one included, become single spaces between the lines, so that
// "name: |" does not leave a blank line under a title.
func (l *loader) name(v *yaml.Node, key string, o owner) (string, bool) {
	s, ok := l.word(v, key, o)
	return oneLine(s), ok
}

// oneLine joins the lines of s, each trimmed, with single spaces; s
// without a line break is returned as it is.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var parts []string
	for _, line := range strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if line = strings.TrimSpace(line); line != "" {
			parts = append(parts, line)
		}
	}
	return strings.Join(parts, " ")
}

// word is text that must not be empty.
func (l *loader) word(v *yaml.Node, key string, o owner) (string, bool) {
	s, ok := l.text(v, key, o)
	if ok && strings.TrimSpace(s) == "" {
		l.errorf(v, "%s of %s is empty: give a value", key, o)
		return "", false
	}
	return s, ok
}

// oneOf is a word that must be one of allowed, the list of a vocabulary.
func oneOf[T ~string](l *loader, v *yaml.Node, key string, o owner, allowed []T) (T, bool) {
	s, ok := l.word(v, key, o)
	if !ok {
		return "", false
	}
	if slices.Contains(allowed, T(s)) {
		return T(s), true
	}
	ws := words(allowed)
	l.errorf(v, "unknown %s '%s' in %s%s: use %s", key, s, o, l.suggest(s, ws), orList(ws))
	return "", false
}

// orList formats a, b or c.
func orList(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func (l *loader) boolean(v *yaml.Node, key string, o owner) (bool, bool) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!bool" {
		switch v.Value {
		case "true", "True", "TRUE":
			return true, true
		case "false", "False", "FALSE":
			return false, true
		}
	}
	l.errorf(v, "%s of %s must be true or false, not %s", key, o, describe(v))
	return false, false
}

// wholeNumber reads a non-negative decimal integer (underscores allowed as
// digit separators, as YAML does).
func (l *loader) wholeNumber(v *yaml.Node, key string, o owner, example string) (int64, bool) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		s := strings.ReplaceAll(v.Value, "_", "")
		s = strings.TrimPrefix(s, "+")
		neg := strings.HasPrefix(s, "-")
		if n, err := strconv.ParseInt(strings.TrimPrefix(s, "-"), 10, 64); err == nil {
			if neg {
				if n == 0 {
					return 0, true
				}
				l.errorf(v, "%s of %s must not be negative: write a whole number such as %s", key, o, example)
				return 0, false
			}
			return n, true
		}
	}
	l.errorf(v, "%s of %s must be a whole number such as %s, not %s", key, o, example, describe(v))
	return 0, false
}

// date reads a strict ISO date. Unquoted dates are !!timestamp nodes; their
// text is read, never a decoded time.Time, so time zones cannot shift them.
func (l *loader) date(v *yaml.Node, key string, o owner) (date.Date, bool) {
	s, ok := l.word(v, key, o)
	if !ok {
		return 0, false
	}
	d, msg := parseDateText(s)
	if msg != "" {
		l.errorf(v, "%s of %s: %s", key, o, msg)
		return 0, false
	}
	return d, true
}

func (l *loader) duration(v *yaml.Node, key string, o owner) (date.Duration, bool) {
	s, ok := l.word(v, key, o)
	if !ok {
		return date.Duration{}, false
	}
	d, err := date.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		l.errorf(v, "%s of %s: %v", key, o, err)
		return date.Duration{}, false
	}
	return d, true
}

// mapping checks that v is a mapping; example shows what one looks like.
func (l *loader) mapping(v *yaml.Node, key string, o owner, example string) bool {
	if v.Kind == yaml.MappingNode {
		return true
	}
	what := key + " of " + o.String()
	if key == o.what {
		what = o.String() // "milestone 'p4' is empty", not "milestone of milestone 'p4'"
	}
	if isNull(v) {
		l.errorf(v, "%s is empty: %s", what, example)
	} else {
		l.errorf(v, "%s must be a mapping, not %s: %s", what, describe(v), example)
	}
	return false
}

// list returns the items of a sequence, aliases resolved.
func (l *loader) list(v *yaml.Node, key string, o owner, example string) ([]*yaml.Node, bool) {
	if v.Kind != yaml.SequenceNode {
		if isNull(v) {
			l.errorf(v, "%s of %s is empty: %s", key, o, example)
		} else {
			l.errorf(v, "%s of %s must be a list, not %s: %s", key, o, describe(v), example)
		}
		return nil, false
	}
	items := make([]*yaml.Node, len(v.Content))
	for i, c := range v.Content {
		items[i] = l.deref(c)
	}
	return items, true
}

// id checks an id written as a mapping key.
func (l *loader) id(k *yaml.Node, what string) (string, bool) {
	s, ok := l.key(k)
	if !ok {
		return "", false
	}
	if len(s) > MaxIDLength {
		l.errorf(k, "%s id is %d bytes long, more than the limit of %d: use a short id (the name: key holds the full name)", what, len(s), MaxIDLength)
		return "", false
	}
	if !validID(s) {
		l.errorf(k, "invalid %s id %s: ids are lower-case letters, digits and '-', starting with a letter or digit%s", what, strconv.Quote(s), slugHint(s))
		return "", false
	}
	return s, true
}

// slugHint suggests an id for a name: "Inkoop 2022" → inkoop-2022.
func slugHint(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	if b.Len() == 0 || b.String() == s {
		return ""
	}
	return " (e.g. " + b.String() + ")"
}
