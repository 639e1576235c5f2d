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

// Verbs describes the arguments a format string takes, as fmt itself reads
// it (explicit indexes included): one "argument:verb" per use, sorted, so
// "%s has %d" and "%[2]d in %[1]s" both give "1:s 2:d", and an argument
// used twice is listed twice ("%[1]s %[1]d" gives "1:d 1:s"). A format
// fmt cannot read (a malformed index "%[", "%[x]s", "%[0]s", a '*' width,
// which no catalogue uses, a trailing %) gives "bad".
//
// fmt is the parser: the format is printed with probe arguments that note
// the verb they are printed with, one more each time until none is
// missing and every index is in range.
func Verbs(format string) string {
	for n := 0; n <= maxArgs; n++ {
		var uses []use
		args := make([]any, n)
		for i := range args {
			args[i] = probe{arg: i + 1, uses: &uses}
		}
		out := fmt.Sprintf(format, args...)
		if strings.Contains(out, "(MISSING)") || strings.Contains(out, "(BADINDEX)") {
			continue // too few arguments (or an index fmt can never read)
		}
		if strings.Contains(out, "%!") {
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
	return "bad"
}

// maxArgs is more arguments than any message takes.
const maxArgs = 32

// use is one use of an argument: its number (from 1) and verb.
type use struct {
	arg  int
	verb rune
}

// probe is an argument of Verbs: printed, it notes its number and verb.
type probe struct {
	arg  int
	uses *[]use
}

func (p probe) Format(_ fmt.State, verb rune) { *p.uses = append(*p.uses, use{p.arg, verb}) }
