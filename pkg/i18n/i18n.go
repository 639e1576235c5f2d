// Package i18n holds what tender's message catalogues share: picking a
// language and checking that two catalogues can stand in for each other.
// The catalogues themselves live next to the code that speaks them (render
// for labels, rules for findings, timeline for conflict explanations).
package i18n

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Languages are the languages of --lang, English first: the fallback.
var Languages = []string{"en", "nl"}

// Lang returns lang when it is one of Languages, else "en".
func Lang(lang string) string {
	for _, l := range Languages {
		if l == lang {
			return l
		}
	}
	return "en"
}

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

// Verbs describes the arguments a format string takes, in argument order,
// following fmt's rules for explicit indexes: "1:s 2:d" for "%s has %d"
// and for "%[2]d in %[1]s"; "" for none.
func Verbs(format string) string {
	byArg := map[int]byte{}
	arg := 1
	for i := 0; i < len(format); i++ {
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
		if i < len(format) && format[i] == '[' {
			if j := strings.IndexByte(format[i:], ']'); j > 0 {
				if n, err := strconv.Atoi(format[i+1 : i+j]); err == nil {
					arg = n
				}
				i += j + 1
			}
		}
		for i < len(format) && (format[i] == '.' || format[i] >= '0' && format[i] <= '9') {
			i++ // width and precision
		}
		if i < len(format) {
			byArg[arg] = format[i]
			arg++
		}
	}
	args := make([]int, 0, len(byArg))
	for n := range byArg {
		args = append(args, n)
	}
	sort.Ints(args)
	parts := make([]string, len(args))
	for i, n := range args {
		parts[i] = fmt.Sprintf("%d:%c", n, byArg[n])
	}
	return strings.Join(parts, " ")
}
