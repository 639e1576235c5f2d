package render

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

var updateGolden = flag.Bool("golden", false, "rewrite testdata/golden/* from the current output")

// golden compares got with testdata/golden/name, or rewrites it with -golden.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "golden", name)
	if *updateGolden {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/render -golden to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got; go test ./pkg/render -golden rewrites it):\n%s", name, diff)
	}
}

// builtinPlans plans every tender of the built-in region id.
func builtinPlans(t *testing.T, id string) []Plan {
	t.Helper()
	src, err := examples.FS.ReadFile(id + ".yaml")
	if err != nil {
		t.Fatal(err)
	}
	return planFor(t, string(src))
}

// largeRegion is a synthetic region of tenders×n milestones in a chain,
// with long names, a closed period and, when n is small enough for them to
// hold, deadlines.
func largeRegion(tenders, n int) string {
	var b strings.Builder
	b.WriteString("version: 1\nregion:\n  id: large\n  name: Large\n  municipalities: [Aalten]\n")
	b.WriteString("calendar:\n  closed:\n    - { name: Kerstsluiting, from: 2026-12-24, to: 2027-01-03 }\n")
	b.WriteString("tenders:\n")
	for t := 1; t <= tenders; t++ {
		fmt.Fprintf(&b, "  t%d:\n    name: Tender %d with a name that is rather long, to fill the section header and more\n", t, t)
		fmt.Fprintf(&b, "    procedure: open\n    milestones:\n      m0:\n        kind: decision\n        done: 2026-0%d-1%d\n", t%9+1, t%9)
		for i := 1; i < n; i++ {
			name := fmt.Sprintf("Milestone %d", i)
			if i%3 == 0 {
				name = fmt.Sprintf("Milestone %d has a very long name that must be cut: %s", i, strings.Repeat("W", i%50))
			}
			fmt.Fprintf(&b, "      m%d:\n        name: %q\n        kind: other\n        after: m%d + %dwd\n", i, name, i-1, (i*7+t)%9+1)
			if i%4 == 0 && n <= 200 {
				b.WriteString("        before: 2031-01-01\n")
			}
		}
	}
	return b.String()
}

// svgText is a label of the picture with its estimated box.
type svgText struct {
	text           string
	x1, y1, x2, y2 float64
}

// svgFacts are what the structure test reads from a picture.
type svgFacts struct {
	width, height float64
	texts         []svgText
	rows          []string // data-id of each row, in order
	today         bool
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func num(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("bad number %q", s)
	}
	return v
}

// parseSVG reads a picture with encoding/xml (strict), and measures every
// <text> with the renderer's estimate: 0.6 em a character, 0.65 in bold,
// from 0.8 em above the baseline to 0.2 em below.
func parseSVG(t *testing.T, svg string) svgFacts {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var f svgFacts
	var inText *xml.StartElement
	var content strings.Builder
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			depth++
			switch tk.Name.Local {
			case "svg":
				f.width, f.height = num(t, attr(tk, "width")), num(t, attr(tk, "height"))
				if vb := attr(tk, "viewBox"); vb != fmt.Sprintf("0 0 %s %s", attr(tk, "width"), attr(tk, "height")) {
					t.Errorf("viewBox %q does not match the size", vb)
				}
			case "text":
				se := tk.Copy()
				inText = &se
				content.Reset()
			case "g":
				if c := attr(tk, "class"); c == "row" || strings.HasPrefix(c, "row ") {
					f.rows = append(f.rows, attr(tk, "data-id"))
				}
			case "line":
				if attr(tk, "class") == "today" {
					f.today = true
				}
			}
		case xml.CharData:
			if inText != nil {
				content.Write(tk)
			}
		case xml.EndElement:
			depth--
			if tk.Name.Local == "text" && inText != nil {
				size := 12.0
				if s := attr(*inText, "font-size"); s != "" {
					size = num(t, s)
				}
				em := 0.6
				if attr(*inText, "font-weight") == "bold" {
					em = 0.65
				}
				s := content.String()
				w := float64(len([]rune(s))) * size * em
				x, y := num(t, attr(*inText, "x")), num(t, attr(*inText, "y"))
				switch attr(*inText, "text-anchor") {
				case "middle":
					x -= w / 2
				case "end":
					x -= w
				}
				f.texts = append(f.texts, svgText{s, x, y - 0.8*size, x + w, y + 0.2*size})
				inText = nil
			}
		}
	}
	if depth != 0 {
		t.Errorf("unbalanced elements")
	}
	return f
}

// checkSVG checks the invariants of a picture of plans.
func checkSVG(t *testing.T, svg string, plans []Plan) svgFacts {
	t.Helper()
	f := parseSVG(t, svg)
	for _, p := range svgProblems(f, plans) {
		t.Error(p)
	}
	return f
}

// svgProblems lists where a picture breaks the rules: every label inside
// the canvas, no two labels overlapping, one row per milestone in order.
func svgProblems(f svgFacts, plans []Plan) []string {
	const eps = 0.05
	var out []string
	for _, tx := range f.texts {
		if tx.x1 < -eps || tx.y1 < -eps || tx.x2 > f.width+eps || tx.y2 > f.height+eps {
			out = append(out, fmt.Sprintf("label %q (%.1f,%.1f)–(%.1f,%.1f) is outside the %gx%g canvas", tx.text, tx.x1, tx.y1, tx.x2, tx.y2, f.width, f.height))
		}
		if strings.TrimSpace(tx.text) == "" {
			out = append(out, fmt.Sprintf("empty label at (%.1f,%.1f)", tx.x1, tx.y1))
		}
	}
	for i, a := range f.texts {
		for _, b := range f.texts[i+1:] {
			if a.x1 < b.x2-eps && b.x1 < a.x2-eps && a.y1 < b.y2-eps && b.y1 < a.y2-eps {
				out = append(out, fmt.Sprintf("labels overlap: %q (%.1f,%.1f)–(%.1f,%.1f) and %q (%.1f,%.1f)–(%.1f,%.1f)",
					a.text, a.x1, a.y1, a.x2, a.y2, b.text, b.x1, b.y1, b.x2, b.y2))
			}
		}
	}
	var want []string
	for _, p := range plans {
		for _, m := range p.Result.Milestones {
			want = append(want, m.Milestone.ID)
		}
	}
	if diff := cmp.Diff(want, f.rows); diff != "" {
		out = append(out, fmt.Sprintf("rows are not one per milestone, in order (-want +got):\n%s", diff))
	}
	return out
}

// TestSVGProblemsFindsThem makes sure the checks above can fail: a label
// past the right edge, two overlapping labels (the second 12 px wide "ab"
// starts 10 px after "abc", which is 21.6 px wide), and a missing row.
func TestSVGProblemsFindsThem(t *testing.T) {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
<text x="90" y="20">abc</text>
<text x="10" y="40" font-size="12">abc</text>
<text x="20" y="40">ab</text>
<text x="50" y="40" text-anchor="middle">ok</text>
<g class="row" data-id="a"></g>
</svg>`
	got := svgProblems(parseSVG(t, svg), planFor(t, exportRegion))
	if len(got) != 3 || !strings.Contains(got[0], "outside") || !strings.Contains(got[1], "overlap") || !strings.Contains(got[2], "rows") {
		t.Errorf("problems: %q", got)
	}
}

func TestGanttSVGStructure(t *testing.T) {
	all := append(append(builtinPlans(t, "twente"), builtinPlans(t, "achterhoek")...), builtinPlans(t, "drenthe")...)
	d := func(s string) date.Date {
		v, err := date.Parse(s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// One milestone: the axis is one month; a plan over decades: years
	// only where they fit.
	oneDay := `version: 1
region: {id: one, name: One, municipalities: [Aalten]}
tenders:
  t:
    name: T
    procedure: national
    milestones:
      a: {kind: publication, on: 2026-03-02}
`
	decades := oneDay + "      b: {kind: contract-end, on: 2061-12-31}\n"
	tests := []struct {
		name  string
		plans []Plan
		opts  Options
		today bool
	}{
		{"twente", builtinPlans(t, "twente"), Options{Lang: "en", Today: d("2018-03-15")}, true},
		{"achterhoek nl", builtinPlans(t, "achterhoek"), Options{Lang: "nl", Today: d("2021-05-03")}, true},
		{"drenthe", builtinPlans(t, "drenthe"), Options{Lang: "en", Today: d("2030-01-01")}, false},
		{"all built-ins", all, Options{Lang: "nl", Today: d("2020-01-01")}, true},
		{"demo and infeasible", append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...), Options{Today: d("2026-04-30")}, true},
		{"infeasible only", planFor(t, infeasibleRegion), Options{}, false},
		{"none", nil, Options{}, false},
		{"large", planFor(t, largeRegion(3, 80)), Options{Today: d("2027-01-01")}, true},
		{"one day", planFor(t, oneDay), Options{Today: d("2026-03-31")}, true},
		{"decades", planFor(t, decades), Options{Today: d("2040-06-01")}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg := GanttSVG(tt.plans, tt.opts)
			f := checkSVG(t, svg, tt.plans)
			if f.today != tt.today {
				t.Errorf("today line drawn: %v, want %v", f.today, tt.today)
			}
			if again := GanttSVG(tt.plans, tt.opts); again != svg {
				t.Errorf("two calls give different bytes")
			}
			for _, banned := range []string{"<script", "href", "@import", "url(http", "<image", "<foreignObject"} {
				if strings.Contains(svg, banned) {
					t.Errorf("the picture contains %q: it must load nothing", banned)
				}
			}
		})
	}
}

// TestGanttSVGGeometry checks positions worked out by hand for exportRegion.
//
// The axis runs from the first of the month of the earliest date (1 Jan
// 2026) to the first of the month after the latest (1 May): 31 + 28 + 31 +
// 30 = 120 days. At the preferred 8 px a day that is 960 px, more than the
// 860 px maximum, so a day is 860/120 px. The longest name, "Publicatie; 1e
// ronde", has 20 characters: the name column is 20 × 7.2 = 144 px from
// x = 16 + 4 + 6 = 26; the date column ("Tue 2026-01-13", 14 × 7.2 =
// 100.8 px) ends at 26 + 144 + 12 + 100.8 = 282.8; the chart starts 16 px
// further, at 298.8. Publication on 10 Feb is day 40 of the axis: its day
// runs from 40 × 860/120 = 286.6 to 41 × 860/120 = 293.8 (rounded down to a
// tenth), so its diamond is centred at 298.8 + 290.2 = 589, and its top
// point is 6 px above the row's middle.
func TestGanttSVGGeometry(t *testing.T) {
	svg := GanttSVG(planFor(t, exportRegion), Options{Lang: "en"})
	for _, want := range []string{
		`width="1174.8"`, // 298.8 + 860 + 16
		`<clipPath id="gantt-names"><rect x="26" y="0" width="144"`,
		`<text x="282.8" y="`, // the dates end at 282.8
		`data-id="publication">`,
		`<path d="M589 `,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %q in the picture", want)
		}
	}
	// Full month names fit: February is 28 × 860/120 ≈ 200 px wide.
	for _, m := range []string{">January<", ">February<", ">March<", ">April<", ">2026<"} {
		if !strings.Contains(svg, m) {
			t.Errorf("no axis label %s", m)
		}
	}
	// A week is 50 px: ISO week numbers are shown. 1 Jan 2026 is a
	// Thursday in ISO week 1; the first full week, from Monday 5 Jan, is
	// week 2.
	if !strings.Contains(svg, `font-size="9" text-anchor="middle" fill="#64748b">2</text>`) {
		t.Errorf("no week number 2")
	}
}

func TestGanttSVGGolden(t *testing.T) {
	plans := append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...)
	today, _ := date.Parse("2026-03-02")
	var b bytes.Buffer
	if err := PlanSVG(&b, plans, Options{Lang: "en", Today: today}); err != nil {
		t.Fatal(err)
	}
	golden(t, "plan-demo.svg", b.String())
}

func TestGanttSVGDutch(t *testing.T) {
	svg := GanttSVG(planFor(t, exportRegion), Options{Lang: "nl", Today: date.New(2026, time.March, 2)})
	for _, want := range []string{">januari<", ">februari<", ">Naam<", ">Datum<", ">di 2026-02-10<", "vandaag, ma 2 mrt 2026", ">kritiek pad<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("no %q in the Dutch picture", want)
		}
	}
}

func TestTextFitting(t *testing.T) {
	if got := textWidth("abc", 12, false); got != 216 {
		t.Errorf("textWidth = %d deci, want 3 × 7.2 px = 216", got)
	}
	if got := fitText("abcdef", 4*72, 12, false); got != "abc…" {
		t.Errorf("fitText = %q, want abc… (four characters of 7.2 px)", got)
	}
	if got := fitText("abcdef", 5, 12, false); got != "" {
		t.Errorf("fitText in 0.5 px = %q, want nothing", got)
	}
	if got := fitText("ab", 1000, 12, false); got != "ab" {
		t.Errorf("fitText = %q", got)
	}
	for v, want := range map[int]string{0: "0", 5: "0.5", 10: "1", 1234: "123.4", -15: "-1.5"} {
		if got := dx(v); got != want {
			t.Errorf("dx(%d) = %q, want %q", v, got, want)
		}
	}
	if got := xmlText("a<b>&\"c'\x01\td"); got != "a&lt;b&gt;&amp;&#34;c&#39; d" {
		t.Errorf("xmlText = %q", got)
	}
}

func TestPlanHTML(t *testing.T) {
	plans := append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...)
	today, _ := date.Parse("2026-03-02")
	var b bytes.Buffer
	if err := PlanHTML(&b, plans, Options{Lang: "en", Today: today}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	golden(t, "plan-demo.html", page)

	// The page is well-formed XML too, and its picture passes the checks
	// of a standalone one.
	dec := xml.NewDecoder(strings.NewReader(page))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the page is not well-formed: %v", err)
		}
	}
	i, j := strings.Index(page, "<svg"), strings.Index(page, "</svg>")
	if i < 0 || j < 0 {
		t.Fatal("no picture in the page")
	}
	checkSVG(t, page[i:j+len("</svg>")], plans)

	for _, want := range []string{
		"<!DOCTYPE html>", `<html lang="en">`, `<meta charset="utf-8"/>`, "<style>",
		"<title>Tender plan</title>",
		`<h2>Demo — Demo: A|B #1</h2>`,
		`<td class="date">Tue 2026-02-10</td><td>publication</td><td>Publicatie; 1e ronde</td>`,
		`<p class="infeasible">`,
		"Contract start: <strong>Mon 27 Apr 2026</strong>",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("no %q in the page", want)
		}
	}
	for _, banned := range []string{"<script", "<link", "src=", "href=", "@import", "http://", "https://"} {
		if strings.Contains(strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, ""), banned) {
			t.Errorf("the page contains %q: it must be self-contained", banned)
		}
	}
}

// TestGanttSVGHuge draws 20,000 milestones: no panic, linear size.
func TestGanttSVGHuge(t *testing.T) {
	if testing.Short() {
		t.Skip("large")
	}
	r, err := region.Load("huge.yaml", []byte(largeRegion(4, 5000)))
	if err != nil {
		t.Fatal(err)
	}
	var plans []Plan
	for _, tn := range r.Tenders {
		res, err := (&timeline.Planner{}).Plan(r, tn, timeline.Options{})
		if err != nil {
			t.Fatal(err)
		}
		plans = append(plans, Plan{Region: r, Tender: tn, Result: res})
	}
	start := time.Now()
	svg := GanttSVG(plans, Options{})
	if n := strings.Count(svg, `<g class="row`); n != 20000 {
		t.Errorf("%d rows, want 20000", n)
	}
	t.Logf("20,000 milestones: %d bytes in %v", len(svg), time.Since(start))
}

// A region that works Monday to Thursday: its Fridays are weekdays off,
// shaded like the weekend and named in the reader's language.
func TestGanttSVGNamesTheWeekdayOff(t *testing.T) {
	const src = `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
calendar:
  workdays: [mon, tue, wed, thu]
tenders:
  t1:
    name: Vier dagen
    procedure: national
    milestones:
      a:
        kind: decision
        done: 2026-01-05
      b:
        kind: other
        after: a + 10d
`
	// Friday 9 January 2026 is not a working weekday; Saturday 10 and
	// Sunday 11 are the weekend, one shaded stretch.
	for lang, want := range map[string][]string{
		"en": {"<title>non-working weekday (2026-01-09)</title>", "<title>weekend (2026-01-10 – 2026-01-11)</title>"},
		"nl": {"<title>vrije dag (2026-01-09)</title>", "<title>weekend (2026-01-10 – 2026-01-11)</title>"},
	} {
		svg := GanttSVG(planFor(t, src), Options{Lang: lang})
		for _, w := range want {
			if !strings.Contains(svg, w) {
				t.Errorf("%s: no %s in the picture", lang, w)
			}
		}
	}
}
