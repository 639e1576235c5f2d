package render

import (
	"fmt"
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/i18n"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/risk"
)

// catalogue holds the words of one language. Every language has the same
// keys (a test checks it); a missing key falls back to English.
type catalogue map[string]string

// catalogueSet is a catalogue per language of i18n.Languages.
type catalogueSet map[string]catalogue

// catalogues are the labels of the printers (T); findingCatalogues the
// words of the rules' findings.
var catalogues = catalogueSet{"en": english, "nl": dutch}

// T returns the text of key in lang, formatted with args.
func T(lang, key string, args ...any) string { return catalogues.text(lang, key, args...) }

// text returns the text of key in lang (English when lang has none, the
// key itself when English has none either), formatted with args.
func (cs catalogueSet) text(lang, key string, args ...any) string {
	s, ok := cs[lang][key]
	if !ok {
		s, ok = cs["en"][key]
		if !ok {
			s = key
		}
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// plural picks the entry KEY.one or KEY.many for n, the one plural rule of
// both languages: one for 1 (and −1, which the findings word as "1 day"),
// many for the rest, with n as the argument of many.
func (cs catalogueSet) plural(lang, key string, n int) string {
	if n == 1 || n == -1 {
		return cs.text(lang, key+".one")
	}
	return cs.text(lang, key+".many", n)
}

var weekdayShort = map[string][7]string{
	"en": {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
	"nl": {"zo", "ma", "di", "wo", "do", "vr", "za"},
}

var monthShort = map[string][12]string{
	"en": {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	"nl": {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"},
}

func langOr(lang string) string { return i18n.Lang(lang) }

// Weekday returns the short weekday name of d: Thu, do.
func Weekday(lang string, d date.Date) string {
	return weekdayShort[langOr(lang)][d.Weekday()]
}

// WeekdayDate is d with its weekday, as the tables show dates: "Thu
// 2021-09-23", "do 2021-09-23".
func WeekdayDate(lang string, d date.Date) string {
	return Weekday(lang, d) + " " + d.String()
}

// LongDate formats d for people: "Thu 23 Sep 2021", "do 23 sep 2021".
func LongDate(lang string, d date.Date) string {
	y, m, day := d.YMD()
	l := langOr(lang)
	return fmt.Sprintf("%s %d %s %d", weekdayShort[l][d.Weekday()], day, monthShort[l][m-time.January], y)
}

// The words of the file format's vocabularies (package region's types)
// are catalogue entries keyed by the type's prefix and the value:
// "kind.award", "procedureshort.open". These are the one place that
// builds those keys.

// KindName returns the display name of a milestone kind.
func KindName(lang string, kind region.Kind) string {
	return T(lang, "kind."+string(kind))
}

// KindShort returns the short display name of a milestone kind, for the
// plan table ("einde Alcatel" for "einde opschortende termijn").
func KindShort(lang string, kind region.Kind) string {
	return T(lang, "kindshort."+string(kind))
}

// ProcedureName returns the display name of a procedure.
func ProcedureName(lang string, p region.Procedure) string {
	return T(lang, "procedure."+string(p))
}

// ProcedureShort returns the short name of a procedure, for the overview.
func ProcedureShort(lang string, p region.Procedure) string {
	return T(lang, "procedureshort."+string(p))
}

// ScheduleName returns the display name of a schedule.
func ScheduleName(lang string, s region.Schedule) string {
	return T(lang, "schedule."+string(s))
}

// FixedKindName returns the word for a kind of risk's fixed dates.
func FixedKindName(lang string, k risk.FixedKind) string {
	return T(lang, "risk.kind."+string(k))
}

// SeverityName returns the display name of a severity.
func SeverityName(lang string, s region.Severity) string {
	return T(lang, "severity."+string(s))
}
