// Package i18ntest checks message catalogues in tests: that each language
// of i18n.Languages has one, and that a translation takes the same
// arguments with the same printf verbs as the English, so that Sprintf
// never prints "%!d(string=…)" to a user. Each package's test of its
// catalogues is a call to CheckCatalogues (or Compare). Production code
// does not import it.
package i18ntest

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/tender-nl/tender/pkg/i18n"
)

// Compare lists what keeps catalogue b from standing in for catalogue a:
// keys that only one has, and messages whose formatting directives take
// different arguments or verbs. A translation may reorder its arguments
// with explicit indexes ("%[2]s … %[1]s"); it must use each with the same
// verb, or Sprintf prints "%!d(string=…)" to the user. Problems come
// sorted by key, one per line of the result.
func Compare(a, b map[string]string) []string {
	var out []string
	for k, am := range a {
		bm, ok := b[k]
		if !ok {
			out = append(out, fmt.Sprintf("%s: only in the first catalogue", k))
			continue
		}
		if va, vb := Verbs(am), Verbs(bm); va != vb {
			out = append(out, fmt.Sprintf("%s: arguments %s in the first catalogue, %s in the second", k, va, vb))
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, fmt.Sprintf("%s: only in the second catalogue", k))
		}
	}
	sort.Strings(out)
	return out
}

// CheckCatalogues lists what is wrong with a set of catalogues, one per
// language: a language of i18n.Languages without one, and what keeps each
// translation from standing in for the English catalogue (Compare). Each
// package's test of its catalogues is a call to this.
func CheckCatalogues[C ~map[string]string](byLang map[string]C) []string {
	var out []string
	for _, l := range i18n.Languages {
		c, ok := byLang[l]
		switch {
		case !ok:
			out = append(out, fmt.Sprintf("--lang %s has no catalogue", l))
		case l != "en":
			for _, p := range Compare(byLang["en"], c) {
				out = append(out, "en vs "+l+": "+p)
			}
		}
	}
	return out
}

// Verbs describes the arguments a format string takes, following fmt's
// rules for explicit indexes and '*' widths: one "argument:verb" per use,
// sorted, so "%s has %d" and "%[2]d in %[1]s" both give "1:s 2:d", "%*d"
// gives "1:* 2:d", and an argument used twice is listed twice ("%[1]s
// %[1]d" gives "1:d 1:s"). A malformed index ("%[", "%[x]s", "%[0]s"), for
// which fmt prints %!(BADINDEX), gives "bad".
func Verbs(format string) string {
	type use struct {
		arg  int
		verb byte
	}
	var uses []use
	bad := false
	arg := 1
	i := 0
	// index reads an explicit argument index "[n]" at i, if there is one.
	index := func() {
		if i >= len(format) || format[i] != '[' {
			return
		}
		j := strings.IndexByte(format[i:], ']')
		n := 0
		var err error
		if j > 0 {
			n, err = strconv.Atoi(format[i+1 : i+j])
		}
		if j <= 0 || err != nil || n < 1 {
			bad = true
			i = len(format)
			return
		}
		arg = n
		i += j + 1
	}
	// number reads a width or precision: digits, or '*', which takes an
	// argument of its own.
	number := func() {
		index()
		if i < len(format) && format[i] == '*' {
			uses = append(uses, use{arg, '*'})
			arg++
			i++
			return
		}
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			i++
		}
	}
	for ; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++ // flags
		}
		if i < len(format) && format[i] == '%' {
			continue
		}
		number() // width
		if i < len(format) && format[i] == '.' {
			i++
			number() // precision
		}
		index()
		if i < len(format) {
			uses = append(uses, use{arg, format[i]})
			arg++
		}
	}
	if bad {
		return "bad"
	}
	sort.Slice(uses, func(a, b int) bool {
		if uses[a].arg != uses[b].arg {
			return uses[a].arg < uses[b].arg
		}
		return uses[a].verb < uses[b].verb
	})
	parts := make([]string, len(uses))
	for k, u := range uses {
		parts[k] = fmt.Sprintf("%d:%c", u.arg, u.verb)
	}
	return strings.Join(parts, " ")
}
