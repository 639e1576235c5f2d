package render

import (
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// FindingText puts what a finding says (rules.Message) into words in lang:
// its catalogue entry (finding_catalogue.go), with dates as "Thu
// 2021-09-23" ("do 2021-09-23"), numbers of days with their plural,
// amounts with the language's thousands separator, and kinds and
// procedures in the language's words (English keeps the ids). Every
// printer and page that shows a finding, JSON's "message" included, words
// it here.
func FindingText(lang string, m rules.Message) string {
	return findingWords{lang: langOr(lang)}.say(m)
}

// SkipText is why a rule did not run (rules.NotRun) in lang.
func SkipText(lang string, why rules.Skip) string {
	return findingCatalogues.text(langOr(lang), string(why))
}

// findingWords words messages in one language.
type findingWords struct{ lang string }

// say words a message; the zero Message is "".
func (w findingWords) say(m rules.Message) string {
	if m.Key == "" {
		return ""
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = w.arg(a)
	}
	return findingCatalogues.text(w.lang, m.Key, args...)
}

// arg words one argument of a message (rules.Message lists the types);
// strings and numbers stay as they are.
func (w findingWords) arg(a any) any {
	switch a := a.(type) {
	case rules.Message:
		return w.say(a)
	case date.Date:
		return w.day(a)
	case rules.Days:
		return findingCatalogues.plural(w.lang, "days", int(a))
	case rules.CalendarDays:
		return findingCatalogues.plural(w.lang, "caldays", int(a))
	case rules.Euro:
		return groupDigits(w.lang, int(a))
	case rules.KindWord:
		return w.name("kind.", string(a))
	case rules.ProcedureWord:
		return w.name("procedure.", string(a))
	case rules.At:
		return a.ID + " (" + w.day(a.Date) + ")"
	case rules.Ref:
		if a.ID == string(a.Kind) || a.ID == refWords[w.lang][a.Kind] {
			return "(" + w.day(a.Date) + ")"
		}
		return a.ID + " (" + w.day(a.Date) + ")"
	case rules.And:
		words := w.list(a)
		if len(words) < 2 {
			return strings.Join(words, "")
		}
		return findingCatalogues.text(w.lang, "list.and", strings.Join(words[:len(words)-1], ", "), words[len(words)-1])
	case rules.Comma:
		return strings.Join(w.list(a), ", ")
	case timeline.Conflict:
		return ConflictMessage(w.lang, &a)
	}
	return a
}

// list words each argument of a list.
func (w findingWords) list(as []any) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = fmt.Sprint(w.arg(a))
	}
	return out
}

// day is a date with its weekday: "Sun 2020-11-01", "zo 2020-11-01".
func (w findingWords) day(d date.Date) string { return WeekdayDate(w.lang, d) }

// name is the word for a kind or procedure in a message: the label
// catalogue's for a language other than English, else the id as the file
// writes it (the ids are English words).
func (w findingWords) name(prefix, id string) string {
	if w.lang == "en" {
		return id
	}
	if n := T(w.lang, prefix+id); n != "" && n != prefix+id {
		return n
	}
	return id
}

// refWords are the words the messages of a language put before a
// milestone of a kind ("de gunning %s"). Dutch region files often use them
// as ids, and "na de gunning gunning" says the word twice (rules.Ref).
var refWords = map[string]map[region.Kind]string{
	"nl": {region.KindPublication: "publicatie", region.KindInvitation: "uitnodiging", region.KindSubmission: "sluiting",
		region.KindAwardDecision: "gunningsbeslissing", region.KindAward: "gunning", region.KindSignature: "ondertekening"},
}
