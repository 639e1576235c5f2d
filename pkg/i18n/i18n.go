// Package i18n holds what tender's message catalogues share: picking a
// language (Languages, Lang). The check that two catalogues can stand in
// for each other runs only in tests, so it lives in i18ntest.
// The catalogues themselves live next to the code that speaks them (render
// for labels, the rules' findings and the planner's conflict explanations,
// server for its pages). The rules carry no words: a finding
// is a key and typed arguments that render puts into a language.
//
// Why plain maps and not golang.org/x/text/message or go-i18n (measured
// in December 2026, with x/text v0.28.0, already in the module graph):
// the catalogues hold about 680 messages per language (render's labels
// 347, its findings 147 and the planner's conflicts 72, server 114); a few
// of them come
// as KEY.one and KEY.many (counts of findings, regions, tenders, days),
// and English and Dutch have no plural forms beyond those two (CLDR: one,
// other); every message is a printf format. x/text/message would format
// every %d of a Dutch message with grouping ("2026" → "2.026", so every
// year, count and day number would need a review and %s instead), and
// go-i18n would rewrite all 680 formats as templates with named fields.
// Neither checks what i18ntest.Compare checks at test time: that a
// translation takes the same arguments with the same verbs. The cost of
// the maps is that checker and one plural function (render's
// catalogueSet.plural, which the findings' numbers of days use too); a
// third language, or plurals beyond one and many, is when to switch.
package i18n

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
