package render

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/i18n/i18ntest"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/risk"
)

// TestCataloguesMatch: a key in one language only would show English in a
// Dutch table (or a raw key in an English one), and a translation must take
// the same arguments with the same verbs, or Sprintf prints %!d(string=…).
// The labels and the findings alike.
func TestCataloguesMatch(t *testing.T) {
	for name, cs := range map[string]catalogueSet{"labels": catalogues, "findings": findingCatalogues, "causes": causeWords} {
		for _, problem := range i18ntest.CheckCatalogues(cs) {
			t.Error(name + ": " + problem)
		}
	}
}

// TestEveryKindAndProcedureHasAName: the Dutch table must not fall back to
// the English word (or the id) for a kind, procedure, schedule or
// severity: every value of each of region's lists has its entries.
func TestEveryKindAndProcedureHasAName(t *testing.T) {
	var want []string
	for _, k := range append(slices.Clone(region.Kinds), region.KindExtensionDecision) {
		want = append(want, "kind."+string(k), "kindshort."+string(k))
	}
	for _, p := range region.Procedures {
		want = append(want, "procedure."+string(p), "procedureshort."+string(p))
	}
	for _, s := range region.Schedules {
		want = append(want, "schedule."+string(s))
	}
	for _, s := range region.Severities {
		want = append(want, "severity."+string(s))
	}
	for _, k := range risk.FixedKinds {
		want = append(want, "risk.kind."+string(k))
	}
	for _, k := range want {
		for lang, c := range catalogues {
			if c[k] == "" {
				t.Errorf("%s has no %s", lang, k)
			}
		}
	}
}

// englishWords are words of the English catalogue that must not appear in
// Dutch output. (Words both languages share, such as "weekend", "status",
// "scenario" and "platform", are not in it.)
var englishWords = []string{
	"DATE", "NAME", "KIND", "EARLIEST", "LATEST", "SLACK", "BODY", "SETTING", "VALUE", "SOURCE",
	"holiday", "closed", "day off", "Working days", "working days", "without", "Default calendar",
	"built-in", "flag", "env", "config file", "default", "true", "false", "none", "unknown",
	"commit", "Config file", "each command", "system date", "No holidays", "No meetings",
}

func TestCalendarTableInDutch(t *testing.T) {
	cal := calendar.New(calendar.Spec{Holidays: true, Closed: []calendar.Period{{Name: "Kerstsluiting", From: date.New(2026, 12, 24), To: date.New(2027, 1, 1)}}})
	body := &region.Body{ID: "pho", Name: "Portefeuillehoudersoverleg"}
	r := &region.Region{ID: "demo", Name: "Demo", Source: "built-in/demo.yaml", BuiltIn: true, Bodies: []*region.Body{body}}
	from, to := date.New(2026, 12, 20), date.New(2027, 1, 3)
	v := CalendarView{
		Region: r, From: from, To: to, Holidays: true, WorkingDays: cal.WorkdaysBetween(from-1, to),
		Workdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
		Days:     cal.NonWorkdaysIn(from, to),
		Meetings: []CalendarEvent{{Date: date.New(2026, 12, 22), Body: body}},
	}
	var buf bytes.Buffer
	if err := CalendarsTable(&buf, []CalendarView{v}, Options{Lang: "nl"}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// 20 Dec 2026 is a Sunday. Working days in 20 Dec – 3 Jan: Mon 21, Tue
	// 22, Wed 23 (24 Dec – 1 Jan closed; 2 and 3 Jan a weekend) = 3.
	for _, want := range []string{
		"Demo\n",
		"2026-12-20 → 2027-01-03 · ingebouwd/demo.yaml\n",
		"Werkdagen: ma di wo do vr, zonder de wettelijke feestdagen · 3 werkdagen in deze periode\n",
		"DATUM          SOORT     NAAM\n",
		"zo 2026-12-20  weekend\n",
		"do 2026-12-24  gesloten  Kerstsluiting\n",
		"vr 2026-12-25  feestdag  Eerste Kerstdag\n",
		"vr 2027-01-01  feestdag  Nieuwjaarsdag\n",
		"DATUM          ORGAAN  NAAM\n",
		"di 2026-12-22  pho     Portefeuillehoudersoverleg\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	checkNoEnglish(t, out)
}

func TestConfigTableInDutch(t *testing.T) {
	v := ConfigView{ConfigFile: ".tender.yaml", Settings: []SettingView{
		{Key: "output", Source: "default", Empty: "config.unset"},
		{Key: "today", Value: "2026-11-22", Source: "default", Note: "config.systemdate"},
		{Key: "no-color", Value: true, Source: "env", Origin: "NO_COLOR"},
		{Key: "quiet", Value: false, Source: "flag", Origin: "--quiet"},
		{Key: "paths", Value: []string{"regions", "meer"}, Source: "config", Origin: ".tender.yaml"},
		{Key: "policy", Value: map[string]any{"summer": "off", "disable": []any{"deadline-day"}}, Source: "config", Origin: ".tender.yaml"},
	}}
	var buf bytes.Buffer
	if err := ConfigTable(&buf, v, Options{Lang: "nl"}); err != nil {
		t.Fatal(err)
	}
	want := `INSTELLING      WAARDE          HERKOMST
output          (per opdracht)  standaard
today           2026-11-22      standaard (de systeemdatum)
no-color        ja              omgevingsvariabele NO_COLOR
quiet           nee             optie --quiet
paths           regions, meer   instellingenbestand .tender.yaml
policy.disable  [deadline-day]  instellingenbestand .tender.yaml
policy.summer   off             instellingenbestand .tender.yaml

Instellingenbestand: .tender.yaml
`
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func checkNoEnglish(t *testing.T, out string) {
	t.Helper()
	for _, w := range englishWords {
		if regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`).MatchString(out) {
			t.Errorf("English %q in Dutch output:\n%s", w, out)
		}
	}
}

func TestTablesFitHundredColumns(t *testing.T) {
	long := strings.Repeat("Portefeuillehoudersoverleg Sociaal Domein ", 4)
	body := &region.Body{ID: "portefeuillehoudersoverleg", Name: long}
	r := &region.Region{ID: "demo", Name: "Demo", Source: "demo.yaml", Bodies: []*region.Body{body}}
	v := CalendarView{Region: r, From: date.New(2027, 1, 1), To: date.New(2027, 1, 1),
		Days:     []calendar.Day{{Date: date.New(2027, 1, 1), Name: long, Kind: calendar.KindClosed}},
		Meetings: []CalendarEvent{{Date: date.New(2027, 1, 1), Body: body}}}
	for _, lang := range []string{"en", "nl"} {
		var buf bytes.Buffer
		if err := CalendarsTable(&buf, []CalendarView{v}, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		cfg := ConfigView{Settings: []SettingView{{Key: "paths", Value: []string{long, long}, Source: "config", Origin: "/a/long/path/.tender.yaml"}}}
		if err := ConfigTable(&buf, cfg, Options{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(buf.String(), "\n") {
			if n := utf8.RuneCountInString(line); n > 100 && !strings.HasPrefix(line, "Config file") && !strings.HasPrefix(line, "Instellingenbestand") {
				t.Errorf("%s: line of %d columns: %q", lang, n, line)
			}
		}
	}
}
