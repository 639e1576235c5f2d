package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func page(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("%s: Content-Type %q", url, ct)
	}
	return res.StatusCode, string(b)
}

// The pages are whole without JavaScript: what a reader needs is in the
// HTML the server sends; the script only adds live reload, the details on
// hover and the write.
func TestTenderPageWithoutJavaScript(t *testing.T) {
	ts := start(t, nil)
	code, body := page(t, ts.URL+"/region/achterhoek/tender/inkoop-2022")
	if code != 200 {
		t.Fatalf("status %d", code)
	}
	for _, want := range []string{
		`<svg`, `data-id="publicatie"`, // the Gantt picture of plan -o svg
		`id="findings-title"`, "Checked 1 region",
		`<tr id="ms-publicatie"`, "<code>on: 2021-04-01</code>", // the constraints as written, with their lines
		`<select id="scenario" name="scenario">`, `value="original-plan"`,
		`id="compare-title"`, // the scenarios side by side
		`id="risk-title-h"`, "P80",
		`<form id="whatif-form" method="get"`, `<label for="move">`, `<label for="date">`, `name="keep" value="gunning"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("the tender page lacks %q", want)
		}
	}
	// A what-if as a plain form: the answer is in the page.
	_, body = page(t, ts.URL+"/region/twente/tender/almelo-2019?move=publicatie&date=2018-06-12&keep=collegebrief")
	if !strings.Contains(body, `<pre class="answer">`) || !strings.Contains(body, "(&#43;7d, &#43;5wd)") {
		t.Errorf("the what-if answer is missing:\n%s", body)
	}
	if !strings.Contains(body, `name="keep" value="collegebrief" checked`) {
		t.Error("the kept milestone is not ticked")
	}
	if !strings.Contains(body, "A built-in region is never written") {
		t.Error("a built-in region offers a write")
	}
	// A scenario replans the page.
	_, body = page(t, ts.URL+"/region/achterhoek/tender/inkoop-2022?scenario=original-plan")
	if !strings.Contains(body, `<option value="original-plan" selected>`) {
		t.Error("the scenario is not selected")
	}
	// Dutch.
	_, body = page(t, ts.URL+"/region/achterhoek/tender/inkoop-2022?lang=nl")
	for _, want := range []string{`<html lang="nl">`, "Bevindingen", "Wat als", "Mijlpalen"} {
		if !strings.Contains(body, want) {
			t.Errorf("the Dutch page lacks %q", want)
		}
	}
	// Unknown ids: 404 pages naming what exists.
	code, body = page(t, ts.URL+"/region/achterhoek/tender/inkoop-2021")
	if code != 404 || !strings.Contains(body, "inkoop-2022") {
		t.Errorf("unknown tender: %d", code)
	}
	code, _ = page(t, ts.URL+"/region/achterhoek/tender/inkoop-2022?scenario=nope")
	if code != 404 {
		t.Errorf("unknown scenario: %d", code)
	}
}

func TestPortfolioPageIsTheOverview(t *testing.T) {
	ts := start(t, nil)
	_, body := page(t, ts.URL+"/")
	for _, want := range []string{`<table class="overview">`, `href="/region/achterhoek/tender/inkoop-2022"`, "2022-01-01", "Next milestone"} {
		if !strings.Contains(body, want) {
			t.Errorf("the portfolio lacks %q", want)
		}
	}
	_, body = page(t, ts.URL+"/?lang=nl")
	if !strings.Contains(body, `href="/region/achterhoek/tender/inkoop-2022?lang=nl"`) {
		t.Error("the Dutch portfolio's links lose the language")
	}
}

func TestPrintStylesheet(t *testing.T) {
	ts := start(t, nil)
	res, err := http.Get(ts.URL + "/assets/app.css")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	css := string(b)
	if !strings.Contains(css, "@page { size: A4 landscape;") || !strings.Contains(css, ".no-print") {
		t.Error("no A4 landscape print stylesheet")
	}
}

// The details say why each milestone lands on its date: the chain that
// binds its earliest date, from the planner (Explain), in the words of a
// conflict chain. In twente's almelo-2019, raadsvergadering is done on Tue
// 2018-02-13; publicatie is after: raadsvergadering + 16w, so 112 days
// later: 15 to the end of February, 31 of March (46), 30 of April (76),
// 31 of May (107), 5 of June (112): Tue 2018-06-05, its date.
func TestTenderPageSaysWhy(t *testing.T) {
	ts := start(t, nil)
	for _, tc := range []struct{ lang, head, why string }{
		{"en", "Why on this date", "<li>publicatie ≥ 2018-06-05 because after: raadsvergadering &#43; 16w (line 278)</li><li>raadsvergadering is done on 2018-02-13 (line 272)</li>"},
		{"nl", "Waarom op deze datum", "<li>publicatie ≥ 2018-06-05 vanwege after: raadsvergadering &#43; 16w (regel 278)</li><li>raadsvergadering is afgerond op 2018-02-13 (regel 272)</li>"},
	} {
		_, body := page(t, ts.URL+"/region/twente/tender/almelo-2019?lang="+tc.lang)
		row := body[strings.Index(body, `<tr id="ms-publicatie"`):]
		row = row[:strings.Index(row, "</tr>")]
		if !strings.Contains(body, tc.head) || !strings.Contains(row, tc.why) {
			t.Errorf("%s: the details of publicatie lack why it lands on its date (%s):\n%s", tc.lang, tc.why, row)
		}
	}
	// A fixed date is its own reason.
	_, body := page(t, ts.URL+"/region/twente/tender/almelo-2019")
	if !strings.Contains(body, "<li>contract-start is fixed at 2019-01-01 (line 325)</li>") {
		t.Error("contract-start's on: date is not given as its reason")
	}
}
