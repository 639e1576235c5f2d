package syntax

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// SecondDocument is Parse's message for a file that holds more than one
// YAML document; it is at the second document's ---.
const SecondDocument = "a second YAML document starts here"

// Parse decodes src, the bytes of file, into a node tree and returns its
// only document (a yaml.DocumentNode), or nil when src holds no document
// at all (it is empty, or comments only). A leading ---, a trailing --- or
// ... are fine; a second document with content is an error at its ---
// whose message is SecondDocument, for the caller to say more. A
// syntax error is "invalid YAML: msg" at its position (see SyntaxError).
// Whether an empty document is acceptable is the caller's business.
func Parse(file string, src []byte) (*yaml.Node, *Error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, SyntaxError(file, src, err)
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		return nil, SyntaxError(file, src, err)
	case len(next.Content) == 1 && next.Content[0].Kind == yaml.ScalarNode && next.Content[0].Tag == "!!null" && next.Content[0].Value == "":
		// A lone trailing "---" starts an empty document: harmless.
	default:
		return nil, &Error{File: file, Pos: NodePos(&next), Msg: SecondDocument}
	}
	return &doc, nil
}

// SyntaxError turns a yaml.v3 error ("yaml: line N: msg") about src into
// a positioned Error, "invalid YAML: msg" with a hint where a common cause
// is known. yaml.v3 gives lines only, and leaves the line out for problems
// on the first line and for byte-level problems (invalid UTF-8, control
// characters, an unknown anchor); those are located here by looking at the
// bytes. The column is the line's first non-blank character, or the tab
// for a tab in the indentation.
func SyntaxError(file string, src []byte, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ": "); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, rest[i+2:]
			}
		}
	}
	p, tab := syntaxPos(src, line, msg)
	return &Error{File: file, Pos: p, Msg: "invalid YAML: " + msg + syntaxHint(src, p, msg, tab)}
}

// syntaxPos is where a yaml.v3 error msg about line (0 when it gave none)
// points, and whether that is a tab in the indentation.
func syntaxPos(src []byte, line int, msg string) (p Pos, tab bool) {
	if off := firstIndentTab(src, line); off >= 0 {
		// A tab in the indentation: yaml.v3 says "found a tab character
		// …", and may give the line before the tab's, or, for a tab at the
		// start of a block line, "found character that cannot start any
		// token" on the tab's own line (also for line 1, which it leaves
		// out). The error is at the tab itself.
		tp := offsetPos(src, off)
		cannotStart := strings.Contains(msg, "cannot start any token") && (tp.Line == line || line == 0 && tp.Line == 1)
		if strings.Contains(msg, "tab character") || cannotStart {
			return tp, true
		}
	}
	if line > 0 {
		return lineStartPos(src, line), false
	}
	off := -1
	switch {
	case strings.Contains(msg, "UTF-8") || strings.Contains(msg, "UTF-16"):
		off = firstInvalidUTF8(src)
	case strings.Contains(msg, "control characters"):
		off = firstControl(src)
	case strings.HasPrefix(msg, "unknown anchor '"):
		name, _, _ := strings.Cut(strings.TrimPrefix(msg, "unknown anchor '"), "'")
		off = findAlias(src, name)
	}
	if off >= 0 {
		return offsetPos(src, off), false
	}
	return lineStartPos(src, 1), false
}

// syntaxHint says what most likely causes yaml.v3's msg at p, or "".
func syntaxHint(src []byte, p Pos, msg string, tab bool) string {
	switch {
	case (strings.Contains(msg, "could not find expected ':'") || strings.Contains(msg, "mapping values are not allowed")) &&
		longLine(src, p.Line, 1024):
		// yaml.v3 does not take a key of more than 1,024 characters.
		return " (a key on this line is longer than 1,024 characters, YAML's limit; ids are at most 100)"
	case tab:
		return " (a tab in the indentation: indent with spaces, not tabs)"
	case strings.Contains(msg, "mapping values are not allowed"):
		return " (a value containing \": \" must be quoted, or a key is indented wrongly)"
	case strings.Contains(msg, "did not find expected key"):
		return " (check the indentation of this block)"
	case strings.Contains(msg, "UTF-8 octet"):
		// Windows editors long saved "ANSI" (Windows-1252, a superset of
		// Latin-1) by default; é is then one byte that UTF-8 cannot read.
		return " (the file is not UTF-8, probably ANSI/Latin-1 from an older Windows editor: save it as UTF-8, in Notepad with File > Save as, Encoding: UTF-8)"
	}
	return ""
}

// longLine reports whether line (1-based) of src is longer than n bytes.
func longLine(src []byte, line, n int) bool {
	for i := 1; i < line && len(src) > 0; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return false
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return len(src) > n
}

// lineStartPos returns the position of the first non-blank character of line
// of src.
func lineStartPos(src []byte, line int) Pos {
	off, cur := 0, 1
	for cur < line {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return Pos{line, 1}
		}
		off += i + 1
		cur++
	}
	col := 1
	for off < len(src) && (src[off] == ' ' || src[off] == '\t') {
		off++
		col++
	}
	return Pos{line, col}
}

// offsetPos converts a byte offset of src to a line and a rune column.
func offsetPos(src []byte, off int) Pos {
	line := 1 + bytes.Count(src[:off], []byte{'\n'})
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return Pos{line, 1 + utf8.RuneCount(src[start:off])}
}

// firstInvalidUTF8 returns the offset of the first byte of b that is not
// UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// firstIndentTab returns the offset of the first tab in the indentation of
// a line, from line from on, or -1. The indentation is the spaces at the
// start of the line and the "- " of block sequence entries among them
// ("  -\tA" has a tab in it too, which YAML refuses as well).
func firstIndentTab(b []byte, from int) int {
	lineStart := true
	line := 1
	for i, c := range b {
		switch {
		case line < from:
			if c == '\n' {
				line++
			}
		case c == '\n':
			lineStart = true
			line++
		case lineStart && c == '\t':
			return i
		case c == '-' && lineStart && i+1 < len(b) && (b[i+1] == ' ' || b[i+1] == '\t'):
			// an entry's dash: the indentation goes on
		case c != ' ':
			lineStart = false
		}
	}
	return -1
}

// firstControl returns the offset of the first control character of b
// that YAML refuses (all but tab, line feed and carriage return), or -1.
func firstControl(b []byte) int {
	for i, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return i
		}
	}
	return -1
}

func findAlias(b []byte, name string) int {
	needle := []byte("*" + name)
	for off := 0; ; {
		i := bytes.Index(b[off:], needle)
		if i < 0 {
			return -1
		}
		end := off + i + len(needle)
		if end == len(b) || !isAnchorChar(b[end]) {
			return off + i
		}
		off = end
	}
}

func isAnchorChar(c byte) bool {
	return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != ']' && c != '}'
}
