package edit

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/syntax"
)

// SetOn returns a copy of src, the bytes of region file file, in which
// milestone of tender has on: d, and nothing else differs (tender
// reschedule --write). It never re-encodes the YAML: it parses src into a
// node tree only to find positions, and splices the new text into the
// original bytes, so comments, key order, quoting, flow or block style,
// blank lines, line endings (CRLF stays CRLF) and a byte order mark are
// kept byte for byte.
//
// In the base (scenario "" or region.BaseScenario):
//
//   - an existing on: value is replaced, keeping its quote style (plain,
//     'single' or "double") and any tag;
//   - otherwise on: DATE is added: in a flow mapping ({kind: x, after: y})
//     as ", on: DATE" before the closing brace; in a block mapping as a new
//     line right after the kind: line (or, without one, after the
//     mapping's last line), with the indentation of the sibling keys and
//     the line ending of the file.
//
// In a scenario, the move goes into the scenario's overlay for the
// milestone, so the base and the other scenarios do not change:
//
//   - an overlay that gives on: has it replaced; one that gives other date
//     keys (after, before, align, by) gets on: added, keeping them;
//   - an overlay for a milestone the scenario adds gets on: added;
//   - otherwise (no overlay, or one that gives only name, kind, notes or
//     risk) the overlay gets on: DATE together with the base's after,
//     before, align and by as written: in a scenario, giving on replaces
//     the base's date constraints as a whole (README, "Region file format": "Scenarios"),
//     while a move keeps them, and the copies keep the plan the same. A
//     missing overlay is written as "id: {on: DATE, …}" at the end of the
//     scenario's milestones:, which is created when the scenario has none.
//
// SetOn refuses, with an error and no bytes, when the file does not load,
// the tender, scenario or milestone is unknown, the milestone is done (a
// done milestone cannot move), the place to edit comes from an alias or a
// merge key (<<), or the value is written in a form it does not edit in
// place (a block scalar). After editing it loads the result again and
// checks that the file differs from the original in exactly that
// milestone's on (for a scenario: that the scenario's plan differs in
// exactly that), so that a surprise in the file (an anchor shared by two
// milestones, say) is refused rather than written.
//
// Columns of yaml.Node count runes, not bytes, and do not count a leading
// byte order mark; SetOn converts them to byte offsets.
//
// A file in UTF-16 (with a byte order mark) or with line ends of a lone \r
// is edited in that form (see fileForm): converted to UTF-8, edited, and
// converted back, so that the bytes SetOn does not change stay as they
// were; when that is not possible it is an *EncodingError.
func SetOn(src []byte, file, tender, milestone string, d date.Date, scenario string) (out []byte, err error) {
	if f := detectForm(src); !f.plain() {
		text, err := f.toUTF8(src)
		if err != nil {
			return nil, &EncodingError{File: file, Form: f.name(), Why: "tender cannot edit it in place: " + err.Error()}
		}
		edited, err := setOn(text, file, tender, milestone, d, scenario)
		if err != nil {
			return nil, err
		}
		if out, err = f.fromUTF8(edited); err != nil {
			return nil, &EncodingError{File: file, Form: f.name(), Why: "tender cannot write the edit in it: " + err.Error()}
		}
		return out, nil
	}
	return setOn(src, file, tender, milestone, d, scenario)
}

// setOn is SetOn on a UTF-8 file with \n or \r\n line ends.
func setOn(src []byte, file, tender, milestone string, d date.Date, scenario string) (out []byte, err error) {
	defer func() {
		// Written not to panic; this is the last line of defence, as in Load.
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("%s: cannot edit the file (internal error: %v); nothing was written, please report it", file, p)
		}
	}()
	if scenario == region.BaseScenario {
		scenario = ""
	}
	before, err := region.Load(file, src)
	if err != nil {
		return nil, err
	}
	mv, err := findMove(before, file, tender, milestone, scenario)
	if err != nil {
		return nil, err
	}
	e, err := newEditor(src, file)
	if err != nil {
		return nil, err
	}
	tv, err := e.path(e.root, "tenders", tender)
	if err != nil {
		return nil, err
	}
	if mv.scenario == nil {
		err = e.setBaseOn(tv, milestone, d.String())
	} else {
		err = e.setScenarioOn(tv, mv, d.String())
	}
	if err != nil {
		return nil, err
	}
	out = e.result()
	if err := verifySetOn(before, out, file, tender, milestone, d, scenario); err != nil {
		return nil, err
	}
	return out, nil
}

// move is what SetOn edits, as the loaded model has it.
type move struct {
	milestone string
	scenario  *region.Scenario  // nil in the base
	base      *region.Milestone // the base's milestone; nil when the scenario adds it
	overlay   *region.Overlay   // the scenario's overlay for the milestone, or nil
}

// findMove finds the milestone to move in the loaded region, and refuses
// an unknown tender, scenario or milestone and a done milestone.
func findMove(r *region.Region, file, tender, milestone, scenario string) (*move, error) {
	t := r.Tender(tender)
	if t == nil {
		return nil, fmt.Errorf("%s: no tender %q", file, tender)
	}
	eff, err := t.WithScenario(scenario) // an unknown scenario is an error that lists them
	if err != nil {
		return nil, err
	}
	m := eff.Milestone(milestone)
	if m == nil {
		return nil, fmt.Errorf("%s: tender %s has no milestone %q", file, tender, milestone)
	}
	if m.Done != nil {
		return nil, &region.Error{File: file, Pos: m.Done.KeyPos, Msg: fmt.Sprintf(
			"milestone %s is done (%s) and cannot be moved", milestone, m.Done.Date)}
	}
	mv := &move{milestone: milestone, base: t.Milestone(milestone)}
	for _, s := range t.Scenarios {
		if scenario != "" && s.ID == scenario {
			mv.scenario = s
		}
	}
	if mv.scenario != nil {
		for i := range mv.scenario.Overlays {
			if mv.scenario.Overlays[i].Milestone.ID == milestone {
				mv.overlay = &mv.scenario.Overlays[i]
			}
		}
	}
	return mv, nil
}

// setBaseOn sets on: of a milestone of the base, tender tv's.
func (e *editor) setBaseOn(tv *yaml.Node, milestone, dateText string) error {
	mv, err := e.path(tv, "milestones", milestone)
	if err != nil {
		return err
	}
	return e.setOn(mv, dateText, nil)
}

// setScenarioOn sets on: in the scenario's overlay for the milestone,
// adding the overlay (and the scenario's milestones:) when there is none.
func (e *editor) setScenarioOn(tv *yaml.Node, mv *move, dateText string) error {
	scs, err := e.path(tv, "scenarios")
	if err != nil {
		return err
	}
	sv, err := e.path(scs, mv.scenario.ID)
	if err != nil {
		return err
	}
	if mv.overlay == nil {
		return e.addOverlay(scs, sv, mv.milestone+": "+flowMap(overlayPairs(dateText, mv.base)))
	}
	ovv, err := e.path(sv, "milestones", mv.milestone)
	if err != nil {
		return err
	}
	if mv.base == nil || mv.overlay.HasDates {
		return e.setOn(ovv, dateText, nil)
	}
	return e.setOn(ovv, dateText, overlayPairs(dateText, mv.base)[1:])
}

// addOverlay adds entry ("id: {on: …}") to the milestones: of scenario sv
// (a key of scenarios: mapping scs), creating milestones: when it is not
// there.
func (e *editor) addOverlay(scs, sv *yaml.Node, entry string) error {
	msv, err := e.lookup(sv, "milestones")
	if err != nil {
		return err
	}
	switch {
	case msv == nil:
		step := strings.Repeat(" ", e.indentStep(scs, sv))
		return e.insert(sv, []string{"milestones: {" + entry + "}"}, []string{"milestones:", step + entry}, "")
	case syntax.IsNull(msv):
		return e.errorAt(msv, "the scenario's milestones: is empty: write {} or the overlays by hand first")
	}
	return e.insert(msv, []string{entry}, nil, "")
}

// overlayPairs are the keys of a new scenario overlay for a moved
// milestone: on, then the base's after, before, align and by as written.
func overlayPairs(dateText string, base *region.Milestone) []string {
	pairs := []string{"on: " + dateText}
	if base == nil {
		return pairs
	}
	exprs := func(key string, es []region.Expr) {
		switch len(es) {
		case 0:
		case 1:
			pairs = append(pairs, key+": "+flowScalar(es[0].Text))
		default:
			items := make([]string, len(es))
			for i, x := range es {
				items[i] = flowScalar(x.Text)
			}
			pairs = append(pairs, key+": ["+strings.Join(items, ", ")+"]")
		}
	}
	exprs("after", base.After)
	exprs("before", base.Before)
	if base.Align != nil {
		pairs = append(pairs, "align: "+flowScalar(base.Align.Text))
	}
	if base.By != nil {
		if base.By.List {
			items := make([]string, len(base.By.Bodies))
			for i, b := range base.By.Bodies {
				items[i] = flowScalar(b)
			}
			pairs = append(pairs, "by: ["+strings.Join(items, ", ")+"]")
		} else {
			pairs = append(pairs, "by: "+flowScalar(base.By.Body))
		}
	}
	return pairs
}

func flowMap(pairs []string) string { return "{" + strings.Join(pairs, ", ") + "}" }

// flowScalar writes s as a scalar that reads back as s inside a flow
// collection: plain when it is made of the characters of ids, dates and
// expressions, double-quoted otherwise.
func flowScalar(s string) string {
	plain := s != "" && s[0] != '-' && s[0] != '+' && s[0] != ' ' && s[len(s)-1] != ' '
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == ' ' || r == '+' || r == '-') {
			plain = false
			break
		}
	}
	switch s {
	case "true", "false", "null", "True", "False", "Null", "TRUE", "FALSE", "NULL", "y", "n", "yes", "no", "on", "off":
		plain = false
	}
	if plain {
		return s
	}
	return strconv.Quote(s)
}

// editor splices text into the bytes of one file at positions of its node
// tree. Edits are made one at a time (each SetOn call makes one).
type editor struct {
	file  string
	src   []byte
	root  *yaml.Node
	lines []int // byte offset of the start of each line
	bom   int   // 3 when the file starts with a UTF-8 byte order mark
	eol   string

	at   int    // where the edit goes
	cut  int    // bytes replaced at at
	text string // the new text
	done bool
}

func newEditor(src []byte, file string) (*editor, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s: cannot read the file for editing", file)
	}
	e := &editor{file: file, src: src, root: doc.Content[0], lines: []int{0}, eol: "\n"}
	for i, c := range src {
		if c == '\n' {
			e.lines = append(e.lines, i+1)
		}
	}
	if bytes.HasPrefix(src, []byte("\ufeff")) {
		e.bom = 3
	}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		e.eol = "\r\n"
	}
	return e, nil
}

func (e *editor) errorAt(n *yaml.Node, format string, args ...any) error {
	return &region.Error{File: e.file, Pos: syntax.NodePos(n), Msg: fmt.Sprintf(format, args...) + "; nothing was written"}
}

// offset converts a node's line and rune column to a byte offset.
func (e *editor) offset(line, col int) (int, bool) {
	if line < 1 || line > len(e.lines) || col < 1 {
		return 0, false
	}
	off := e.lines[line-1]
	if line == 1 {
		off += e.bom
	}
	for i := 1; i < col; i++ {
		if off >= len(e.src) || e.src[off] == '\n' {
			return 0, false
		}
		_, n := utf8.DecodeRune(e.src[off:])
		off += n
	}
	return off, true
}

func (e *editor) nodeOffset(n *yaml.Node) (int, error) {
	off, ok := e.offset(n.Line, n.Column)
	if !ok {
		return 0, e.errorAt(n, "cannot find this value in the file")
	}
	return off, nil
}

// contentOffset is nodeOffset past the node's properties: a tag (!!str)
// and an anchor (&name), where yaml.v3's position points.
func (e *editor) contentOffset(n *yaml.Node) (int, error) {
	off, err := e.nodeOffset(n)
	if err != nil {
		return 0, err
	}
	for off < len(e.src) && (e.src[off] == '!' || e.src[off] == '&') {
		for off < len(e.src) && !isBlank(e.src[off]) && !(e.src[off] == '{' || e.src[off] == '[') {
			off++
		}
		for off < len(e.src) && (e.src[off] == ' ' || e.src[off] == '\t') {
			off++
		}
	}
	return off, nil
}

// lookup returns the value of key in mapping m, or nil when m has no such
// key of its own. A key that only a merge key (<<) would give, and values
// that are aliases, cannot be edited in place.
func (e *editor) lookup(m *yaml.Node, key string) (*yaml.Node, error) {
	if m.Kind == yaml.AliasNode {
		return nil, e.errorAt(m, "this mapping is an alias (*%s): edit the anchored mapping by hand", m.Value)
	}
	if m.Kind != yaml.MappingNode {
		return nil, e.errorAt(m, "expected a mapping here")
	}
	merged := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Tag == "!!merge" {
			merged = true
			continue
		}
		if k.Kind == yaml.ScalarNode && k.Value == key {
			if v.Kind == yaml.AliasNode {
				return nil, e.errorAt(v, "%s: is an alias (*%s): edit the anchored value by hand", key, v.Value)
			}
			return v, nil
		}
	}
	if merged {
		return nil, e.errorAt(m, "this mapping takes keys from a merge key (<<), so where %s: belongs is not clear: edit it by hand", key)
	}
	return nil, nil
}

// path follows keys from m; each must exist.
func (e *editor) path(m *yaml.Node, keys ...string) (*yaml.Node, error) {
	for _, k := range keys {
		v, err := e.lookup(m, k)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return nil, e.errorAt(m, "no %s: here", k)
		}
		m = v
	}
	return m, nil
}

// setOn replaces the on: of mapping m, or adds it (with extra pairs after
// it, for a scenario overlay that copies the base's constraints).
func (e *editor) setOn(m *yaml.Node, dateText string, extra []string) error {
	v, err := e.lookup(m, "on")
	if err != nil {
		return err
	}
	if v == nil {
		if done, err := e.lookup(m, "done"); err != nil || done != nil {
			if err == nil {
				err = e.errorAt(done, "the milestone is done and cannot be moved")
			}
			return err
		}
		pairs := append([]string{"on: " + dateText}, extra...)
		return e.insert(m, pairs, nil, "kind")
	}
	return e.replaceScalar(v, dateText)
}

// replaceScalar replaces a scalar's text, keeping its quote style and tag.
func (e *editor) replaceScalar(v *yaml.Node, text string) error {
	if v.Kind != yaml.ScalarNode || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return e.errorAt(v, "cannot replace this value in place: write it as a plain date (on: YYYY-MM-DD)")
	}
	off, err := e.contentOffset(v)
	if err != nil {
		return err
	}
	var end int
	switch {
	case v.Style&yaml.DoubleQuotedStyle != 0:
		end, err = e.quotedEnd(v, off, '"')
		text = `"` + text + `"`
	case v.Style&yaml.SingleQuotedStyle != 0:
		end, err = e.quotedEnd(v, off, '\'')
		text = "'" + text + "'"
	default:
		if !bytes.HasPrefix(e.src[off:], []byte(v.Value)) {
			return e.errorAt(v, "cannot find the value %q in the file", v.Value)
		}
		end = off + len(v.Value)
	}
	if err != nil {
		return err
	}
	e.edit(off, end-off, text)
	return nil
}

// quotedEnd returns the offset just past the quoted scalar at off.
func (e *editor) quotedEnd(v *yaml.Node, off int, q byte) (int, error) {
	if off >= len(e.src) || e.src[off] != q {
		return 0, e.errorAt(v, "cannot find the quoted value in the file")
	}
	if end, ok := scanQuoted(e.src, off); ok {
		return end, nil
	}
	return 0, e.errorAt(v, "cannot find the end of the quoted value")
}

// scanQuoted returns the offset just past the quoted scalar starting at
// off: single-quoted (a doubled quote stands for one) or double-quoted
// (with backslash escapes).
func scanQuoted(src []byte, off int) (int, bool) {
	q := src[off]
	for i := off + 1; i < len(src); i++ {
		switch {
		case q == '"' && src[i] == '\\':
			i++
		case src[i] == q:
			if q == '\'' && i+1 < len(src) && src[i+1] == '\'' {
				i++
				continue
			}
			return i + 1, true
		}
	}
	return 0, false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// insert adds pairs to mapping m. In a flow mapping they go before the
// closing brace, comma-separated. In a block mapping each pair is a line
// (or block lines, when given, replace them there: a nested block) with the
// indentation of m's keys, after the line of the key named after (when m
// has it on one line), else after m's last line.
func (e *editor) insert(m *yaml.Node, pairs, block []string, after string) error {
	if m.Style&yaml.FlowStyle != 0 {
		return e.insertFlow(m, pairs)
	}
	if len(m.Content) == 0 {
		return e.errorAt(m, "cannot add to this empty mapping")
	}
	if block == nil {
		block = pairs
	}
	firstKey := m.Content[0]
	if _, err := e.nodeOffset(firstKey); err != nil {
		return err
	}
	indent := strings.Repeat(" ", firstKey.Column-1)
	line := e.insertAfter(m, after, firstKey.Column)
	var b strings.Builder
	eol := e.lineEOL(line)
	at := len(e.src)
	if line < len(e.lines) {
		at = e.lines[line] // the start of the next line
	} else if len(e.src) > 0 && e.src[len(e.src)-1] != '\n' {
		b.WriteString(eol) // the last line has no line ending
	}
	for i, l := range block {
		b.WriteString(indent + l)
		if i < len(block)-1 || at < len(e.src) || (len(e.src) > 0 && e.src[len(e.src)-1] == '\n') {
			b.WriteString(eol)
		}
	}
	e.edit(at, 0, b.String())
	return nil
}

// insertAfter returns the line of block mapping m (keys at column keyCol)
// after which new lines go: the line of key after when m has it with its
// value on that one line, else m's last line.
func (e *editor) insertAfter(m *yaml.Node, after string, keyCol int) int {
	line := 0
	if after != "" {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			if k.Value == after && v.Kind == yaml.ScalarNode && v.Line == k.Line && v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 && e.scalarOnOneLine(v) {
				line = k.Line
			}
		}
	}
	if line == 0 {
		line = e.blockEnd(m, keyCol)
	}
	return line
}

// lineEOL returns the line ending of line: \r\n or \n, or the file's
// first one for a last line that has none.
func (e *editor) lineEOL(line int) string {
	if line < len(e.lines) {
		if end := e.lines[line] - 1; end > 0 && e.src[end-1] == '\r' {
			return "\r\n"
		}
		return "\n"
	}
	return e.eol
}

// indentStep returns how much deeper the keys of child are indented than
// those of parent (2 when that cannot be told), for new nested blocks.
func (e *editor) indentStep(parent, child *yaml.Node) int {
	if parent.Kind == yaml.MappingNode && child.Kind == yaml.MappingNode && len(parent.Content) > 0 && len(child.Content) > 0 &&
		parent.Style&yaml.FlowStyle == 0 && child.Style&yaml.FlowStyle == 0 {
		if step := child.Content[0].Column - parent.Content[0].Column; step > 0 && step <= 8 {
			return step
		}
	}
	return 2
}

// scalarOnOneLine reports whether a plain or quoted scalar ends on its
// first line.
func (e *editor) scalarOnOneLine(v *yaml.Node) bool {
	off, ok := e.offset(v.Line, v.Column)
	if !ok {
		return false
	}
	if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && off < len(e.src) {
		end, ok := scanQuoted(e.src, off)
		return ok && !bytes.ContainsAny(e.src[off:end], "\r\n")
	}
	return !strings.ContainsAny(v.Value, "\n")
}

// blockEnd returns the last line of block mapping m, whose keys are at
// column keyCol: the last line of its last value (nested blocks, block
// scalars), not counting the blank lines and comments that follow it. A
// comment line belongs to the value only when content indented deeper than
// the keys follows it.
func (e *editor) blockEnd(m *yaml.Node, keyCol int) int {
	lastVal := m.Content[len(m.Content)-1]
	seq := lastVal.Kind == yaml.SequenceNode && lastVal.Style&yaml.FlowStyle == 0
	blockScalar := lastVal.Kind == yaml.ScalarNode && lastVal.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	end := max(lastVal.Line, m.Content[len(m.Content)-2].Line)
	for line := end + 1; line <= len(e.lines); line++ {
		start := e.lines[line-1]
		stop := len(e.src)
		if line < len(e.lines) {
			stop = e.lines[line]
		}
		text := bytes.TrimRight(e.src[start:stop], "\r\n")
		trimmed := bytes.TrimLeft(text, " ")
		col := len(text) - len(trimmed) + 1
		if len(bytes.TrimSpace(trimmed)) == 0 || (trimmed[0] == '#' && !(blockScalar && col > keyCol)) {
			continue // blank or a comment: decided by what follows
		}
		switch {
		case col > keyCol:
			end = line
		case col == keyCol && seq && (bytes.HasPrefix(trimmed, []byte("- ")) || bytes.Equal(trimmed, []byte("-"))):
			end = line // an indentless sequence item of the last value
		default:
			return end
		}
	}
	return end
}

// insertFlow adds pairs before the closing brace of flow mapping m.
func (e *editor) insertFlow(m *yaml.Node, pairs []string) error {
	off, err := e.contentOffset(m)
	if err != nil {
		return err
	}
	if off >= len(e.src) || e.src[off] != '{' {
		return e.errorAt(m, "cannot find the opening { of this mapping")
	}
	lastSig, comma, ok := flowEnd(e.src, off)
	if !ok {
		return e.errorAt(m, "cannot find the closing } of this mapping")
	}
	text := strings.Join(pairs, ", ")
	switch {
	case lastSig == off+1: // {}
	case comma:
		text = " " + text
	default:
		text = ", " + text
	}
	e.edit(lastSig, 0, text)
	return nil
}

// flowEnd scans the flow collection that opens at off. It returns the
// offset just past its last significant byte before the closing bracket
// (comments and white space do not count), and whether that byte is a
// comma.
func flowEnd(src []byte, off int) (lastSig int, comma, ok bool) {
	depth := 0
	lastSig = off + 1
	for i := off; i < len(src); i++ {
		c := src[i]
		var prev byte = ' '
		if i > 0 {
			prev = src[i-1]
		}
		switch {
		case c == '#' && isBlank(prev):
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case (c == '"' || c == '\'') && (isBlank(prev) || strings.IndexByte("{[,:", prev) >= 0):
			end, ok := scanQuoted(src, i)
			if !ok {
				return 0, false, false
			}
			i = end - 1
			lastSig, comma = end, false
			continue
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
			if depth == 0 {
				return lastSig, comma, true
			}
		case isBlank(c):
			continue
		}
		if i > off {
			lastSig, comma = i+1, c == ','
		}
	}
	return 0, false, false
}

func (e *editor) edit(at, cut int, text string) {
	e.at, e.cut, e.text, e.done = at, cut, text, true
}

func (e *editor) result() []byte {
	out := make([]byte, 0, len(e.src)+len(e.text))
	out = append(out, e.src[:e.at]...)
	out = append(out, e.text...)
	return append(out, e.src[e.at+e.cut:]...)
}

// verifySetOn loads the edited bytes and checks that they differ from the
// original region in exactly the move.
func verifySetOn(before *region.Region, out []byte, file, tender, milestone string, d date.Date, scenario string) error {
	refuse := func(why string) error {
		return fmt.Errorf("%s: editing on: of %s in place would %s; nothing was written (edit the file by hand)", file, milestone, why)
	}
	after, err := region.Load(file, out)
	if err != nil {
		return refuse("make the file invalid:\n" + err.Error())
	}
	after.Source, after.BuiltIn = before.Source, before.BuiltIn
	ta, tb := after.Tender(tender), before.Tender(tender)
	if ta == nil {
		return refuse("lose the tender")
	}
	if scenario == "" {
		m := ta.Milestone(milestone)
		if m == nil || m.On == nil || m.On.Date != d {
			return refuse("not set the date")
		}
		m.On = tb.Milestone(milestone).On
	} else {
		want, err1 := tb.WithScenario(scenario)
		got, err2 := ta.WithScenario(scenario)
		if err1 != nil || err2 != nil {
			return refuse("lose the scenario")
		}
		wm, gm := want.Milestone(milestone), got.Milestone(milestone)
		if wm == nil || gm == nil || gm.On == nil || gm.On.Date != d {
			return refuse("not set the date in the scenario")
		}
		wm.On, wm.Scenario = gm.On, gm.Scenario
		if path, ok := sameIgnoringPos(reflect.ValueOf(want.Milestones), reflect.ValueOf(got.Milestones), "milestones"); !ok {
			return refuse("change more than the date in the scenario (" + path + ")")
		}
		// Everything else must be as it was.
		for i, s := range ta.Scenarios {
			if s.ID == scenario && i < len(tb.Scenarios) {
				s.Overlays = tb.Scenarios[i].Overlays
			}
		}
	}
	if path, ok := sameIgnoringPos(reflect.ValueOf(before), reflect.ValueOf(after), "region"); !ok {
		return refuse("change more than that date (" + path + ")")
	}
	return nil
}

var posType = reflect.TypeOf(region.Pos{})

// sameIgnoringPos compares two values deeply, skipping fields of type Pos
// (an added line moves every position after it). It returns the path to
// the first difference.
func sameIgnoringPos(a, b reflect.Value, path string) (string, bool) {
	if a.Kind() != b.Kind() || a.Type() != b.Type() {
		return path, false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return path, a.IsNil() == b.IsNil()
		}
		return sameIgnoringPos(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		if a.Type() == posType {
			return "", true
		}
		for i := 0; i < a.NumField(); i++ {
			if p, ok := sameIgnoringPos(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); !ok {
				return p, false
			}
		}
		return "", true
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return path, false
		}
		for i := 0; i < a.Len(); i++ {
			if p, ok := sameIgnoringPos(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); !ok {
				return p, false
			}
		}
		return "", true
	case reflect.Map:
		if a.Len() != b.Len() {
			return path, false
		}
		for _, k := range a.MapKeys() {
			bv := b.MapIndex(k)
			if !bv.IsValid() {
				return path, false
			}
			if p, ok := sameIgnoringPos(a.MapIndex(k), bv, path+"["+fmt.Sprint(k)+"]"); !ok {
				return p, false
			}
		}
		return "", true
	case reflect.Invalid:
		return "", true
	}
	return path, sameScalar(a, b)
}

// sameScalar compares two values of a kind that holds no other values;
// funcs and channels (not in a Region) are never the same.
func sameScalar(a, b reflect.Value) bool {
	switch a.Kind() {
	case reflect.String:
		return a.String() == b.String()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		return a.Float() == b.Float()
	}
	return false
}
