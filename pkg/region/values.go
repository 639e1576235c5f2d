package region

import (
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region/syntax"
)

// The readers of single values: each checks one scalar, list or mapping
// node and reports what is wrong at its position.

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
