package region

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
)

const exprHint = "write a date (2021-04-01), a milestone id (publication), or either with one duration (publication + 4w, submission - 10d)"

// ParseExpr reads a constraint expression:
//
//	EXPR := DATE | ID | ID + DUR | ID - DUR | DATE + DUR | DATE - DUR
//
// Spaces around + and - are optional. Because ids and dates contain '-'
// themselves, a '-' without a space on either side is read as the operator
// only when what follows it is a valid duration: "submission-10d" is
// submission - 10d, "phase-2" is the id phase-2, and "2021-04-01" is a date.
// (The loader reads "phase-2w" as the id phase-2w when the tender has such
// a milestone and no milestone phase.) A base made only of digits and two
// separators ("1-4-2021", "2021/04/01") is read as a date, so that a wrong
// layout is reported as a bad date rather than as an unknown id.
//
// ParseExpr does not check that the id exists; Pos is left zero.
func ParseExpr(s string) (Expr, error) {
	text := strings.TrimSpace(s)
	e := Expr{Text: text}
	if text == "" {
		return e, errors.New("empty expression: " + exprHint)
	}
	if hasTimePart(text) {
		_, msg := parseDateText(text)
		return e, fmt.Errorf("expression %q: %s", text, msg)
	}
	base := text
	if i := splitOperator(text); i >= 0 {
		base = strings.TrimSpace(text[:i])
		dur := strings.TrimSpace(text[i+1:])
		e.Sign = 1
		if text[i] == '-' {
			e.Sign = -1
		}
		if base == "" {
			return e, fmt.Errorf("expression %q has nothing before %c: %s", text, text[i], exprHint)
		}
		if dur == "" {
			return e, fmt.Errorf("expression %q has no duration after %c: %s", text, text[i], exprHint)
		}
		d, err := date.ParseDuration(dur)
		if err != nil {
			return e, fmt.Errorf("expression %q: %v", text, err)
		}
		e.Dur = d
	}
	if hasTimePart(base) {
		_, msg := parseDateText(base)
		return e, fmt.Errorf("expression %q: %s", text, msg)
	}
	if strings.ContainsAny(base, " \t+") {
		return e, fmt.Errorf("expression %q is not understood: %s", text, exprHint)
	}
	if looksLikeDate(base) {
		d, msg := parseDateText(base)
		if msg != "" {
			return e, fmt.Errorf("expression %q: %s", text, msg)
		}
		e.Date = d
		return e, nil
	}
	if !validID(base) {
		why := ""
		if validID(strings.ToLower(base)) {
			why = " (ids are lower-case)"
		}
		return e, fmt.Errorf("expression %q: %q is not a milestone id or a date%s: %s", text, base, why, exprHint)
	}
	e.Ref = base
	return e, nil
}

// hasTimePart reports whether s is a date followed by a time: a YAML
// timestamp such as 2021-04-01T10:00:00+01:00, whose + and - are not
// operators.
func hasTimePart(s string) bool {
	if len(s) <= 10 || !looksLikeDate(s[:10]) {
		return false
	}
	switch s[10] {
	case 'T', 't', ' ', '\t':
		rest := strings.TrimSpace(s[10:])
		return len(rest) > 0 && (rest[0] == 'T' || rest[0] == 't' || rest[0] >= '0' && rest[0] <= '9')
	}
	return false
}

// splitOperator returns the index of the + or - operator in text, or -1.
func splitOperator(text string) int {
	if i := strings.LastIndexByte(text, '+'); i >= 0 {
		return i // '+' never occurs in ids or dates
	}
	// A '-' with a space on either side is the operator.
	for i := len(text) - 1; i > 0; i-- {
		if text[i] == '-' && (isSpace(text[i-1]) || (i+1 < len(text) && isSpace(text[i+1]))) {
			return i
		}
	}
	// Otherwise the last '-' followed by a valid duration.
	if i := strings.LastIndexByte(text, '-'); i > 0 && isDuration(text[i+1:]) {
		return i
	}
	return -1
}

// isDuration reports whether date.ParseDuration accepts s, without building
// the error it would return for every date (2021-04-01) and every id with a
// '-' (award-decision) written alone: at 100,000 milestones those errors
// were a tenth of the loader's own time. TestIsDuration keeps the two in
// step.
func isDuration(s string) bool {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 7 {
		return false
	}
	n := 0
	for _, c := range s[:i] {
		n = n*10 + int(c-'0')
	}
	if n > date.MaxAmount {
		return false
	}
	switch s[i:] {
	case "d", "w", "wd", "mo", "y":
		return true
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// String formats the expression canonically: "publication + 4w".
func (e Expr) String() string {
	base := e.Ref
	if base == "" {
		base = e.Date.String()
	}
	switch e.Sign {
	case 1:
		return base + " + " + e.Dur.String()
	case -1:
		return base + " - " + e.Dur.String()
	}
	return base
}

// validID reports whether s matches ^[a-z0-9][a-z0-9-]*$.
func validID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && i > 0 {
			continue
		}
		return false
	}
	return true
}

// looksLikeDate reports whether s is made of digits and at least two date
// separators (- / .), starting with a digit: a date, maybe a badly written one.
func looksLikeDate(s string) bool {
	if len(s) < 5 || s[0] < '0' || s[0] > '9' {
		return false
	}
	seps := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '-' || c == '/' || c == '.':
			seps++
		default:
			return false
		}
	}
	return seps == 2
}

// parseDateText parses a strict ISO date and, when it is not one, returns a
// message saying why and, where it can tell, what was meant.
func parseDateText(s string) (date.Date, string) {
	d, err := date.Parse(s)
	if err == nil {
		return d, ""
	}
	if hasTimePart(s) {
		if d, err := date.Parse(s[:10]); err == nil {
			return 0, fmt.Sprintf("%q has a time part: write just the date, %s", s, d)
		}
	}
	if looksLikeDate(s) {
		// 1-4-2021, 01/04/2021, 1.4.2021: Dutch day-month-year.
		f := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
		if len(f) == 3 && len(f[2]) == 4 && len(f[0]) <= 2 && len(f[1]) <= 2 {
			iso := f[2] + "-" + pad2(f[1]) + "-" + pad2(f[0])
			if d, err := date.Parse(iso); err == nil {
				return 0, fmt.Sprintf("%q is not a date in the form YYYY-MM-DD (did you mean %s?)", s, d)
			}
		}
		if len(f) == 3 && len(f[0]) == 4 {
			iso := f[0] + "-" + pad2(f[1]) + "-" + pad2(f[2])
			if d, err := date.Parse(iso); err == nil && iso != s {
				return 0, fmt.Sprintf("%q is not a date in the form YYYY-MM-DD (did you mean %s?)", s, d)
			}
		}
	}
	return 0, strings.TrimPrefix(err.Error(), date.ErrFormat.Error()+": ")
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
