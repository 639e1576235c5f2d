package syntax

import (
	"gopkg.in/yaml.v3"
)

// Field is one key of a YAML mapping, with its value's text when that is a
// scalar, and where both are written.
type Field struct {
	// Path is the keys from the top-level mapping down to this one:
	// ["lang"], or ["policy", "min-days"] for a key of a nested mapping.
	Path []string
	// KeyPos is where the key is written.
	KeyPos Pos
	// Value is the text of a scalar value as written (without quotes),
	// "" for nothing (key:, ~), a mapping or a list.
	Value string
	// Tag is yaml.v3's resolved tag of the value: !!str, !!int, !!float,
	// !!bool, !!null, !!timestamp, !!map or !!seq. An unquoted yes is
	// !!str, as in YAML 1.2.
	Tag string
	// ValuePos is where the value is written (for an alias, the anchored
	// value's place).
	ValuePos Pos
}

// Fields reads src, the bytes of file, as one YAML document holding a
// mapping (a config file, say), and lists its keys depth first in written
// order: each key of the top-level mapping and, right after a key whose
// value is a mapping, that mapping's keys. Items of lists are not
// descended into. Aliases are resolved and merge keys (<<) expanded as the
// region loader does, within the same limits (MaxDepth,
// MaxAliasExpansion); a key that is not a scalar is skipped.
//
// An empty file (or one of comments only, or an empty document) has no
// fields. A syntax error, a top level that is not a mapping and a walk
// stopped by a limit are returned as an ErrorList of *Error at the
// problem's position (file:line:column), the first problem first.
func Fields(file string, src []byte) ([]Field, error) {
	doc, perr := Parse(file, src)
	if perr != nil {
		if perr.Msg == SecondDocument {
			perr.Msg += ": the file holds exactly one (remove this --- line)"
		}
		return nil, ErrorList{perr}
	}
	if doc == nil || len(doc.Content) == 0 || IsNull(doc.Content[0]) {
		return nil, nil
	}
	var errs ErrorList
	w := &Walker{Report: func(p Pos, msg string) { errs = append(errs, &Error{File: file, Pos: p, Msg: msg}) }}
	root := doc.Content[0]
	w.Start(root)
	root = w.Deref(root)
	if root.Kind != yaml.MappingNode && !w.Halted() {
		w.Report(NodePos(root), "the file must be a mapping of keys to values, not "+Describe(root))
	}
	var out []Field
	if len(errs) == 0 {
		out = fields(w, root, nil, out)
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return out, nil
}

// fields appends the fields of mapping m, whose keys are under path.
func fields(w *Walker, m *yaml.Node, path []string, out []Field) []Field {
	w.Pairs(m, func(k, v *yaml.Node) {
		if k.Kind != yaml.ScalarNode {
			return
		}
		p := append(path[:len(path):len(path)], k.Value)
		f := Field{Path: p, KeyPos: NodePos(k), Tag: v.ShortTag(), ValuePos: NodePos(v)}
		if v.Kind == yaml.ScalarNode && !IsNull(v) {
			f.Value = v.Value
		}
		out = append(out, f)
		if v.Kind == yaml.MappingNode {
			out = fields(w, v, p, out)
		}
	})
	return out
}
