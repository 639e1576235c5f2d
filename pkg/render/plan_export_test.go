package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// exportRegion is small enough to check every output by hand. The tender's
// name has the characters Markdown (|, #) and Mermaid (:, #) must escape;
// the publication's name has a ';' (escaped in ICS and Mermaid, quoted in
// CSV with --csv-sep ';').
//
// By hand, from the calendar of 2026:
//   - decision is done on Tue 13 Jan: fixed, so earliest = latest, slack 0,
//     critical.
//   - publication ≥ 13 Jan + 4w = Tue 10 Feb, a working day.
//   - submission ≥ 10 Feb + 45d: 18 days to 28 Feb, 27 more to Fri 27 Mar.
//     Its deadline is 10 Apr, so latest 10 Apr and slack 14 days.
//   - publication's latest is 10 Apr − 45d: 10 days back to 31 Mar, 31 to
//     28 Feb, 4 more to Tue 24 Feb, a working day: slack 14.
//   - contract-start ≥ 27 Mar + 1mo = Mon 27 Apr; nothing bounds it from
//     above, so latest and slack are unbounded.
const exportRegion = `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
tenders:
  t1:
    name: "Demo: A|B #1"
    procedure: national
    milestones:
      decision:
        kind: decision
        done: 2026-01-13
      publication:
        name: "Publicatie; 1e ronde"
        kind: publication
        after: decision + 4w
        align: workday
      submission:
        kind: submission
        after: publication + 45d
        before: 2026-04-10
      contract-start:
        kind: contract-start
        after: submission + 1mo
`

// infeasibleRegion cannot be planned: b must be a day after a, which is
// fixed on 2 Mar, but b is fixed on 1 Mar.
const infeasibleRegion = `version: 1
region:
  id: bad
  name: Bad
  municipalities: [Borne]
tenders:
  t:
    name: Bad
    procedure: national
    milestones:
      a:
        kind: publication
        on: 2026-03-02
      b:
        kind: submission
        on: 2026-03-01
        after: a + 1d
`

func render(t *testing.T, f func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := f(&b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestPlanCSV(t *testing.T) {
	plans := planFor(t, exportRegion)
	tests := []struct {
		sep  rune
		want string
	}{
		{0, "region,tender,scenario,id,name,kind,date,earliest,latest,slack,critical\r\n" +
			"demo,t1,,decision,decision,decision,2026-01-13,2026-01-13,2026-01-13,0,true\r\n" +
			"demo,t1,,publication,Publicatie; 1e ronde,publication,2026-02-10,2026-02-10,2026-02-24,14,false\r\n" +
			"demo,t1,,submission,submission,submission,2026-03-27,2026-03-27,2026-04-10,14,false\r\n" +
			"demo,t1,,contract-start,contract-start,contract-start,2026-04-27,2026-04-27,,,false\r\n"},
		// Dutch Excel: the name with a ';' is quoted.
		{';', "region;tender;scenario;id;name;kind;date;earliest;latest;slack;critical\r\n" +
			"demo;t1;;decision;decision;decision;2026-01-13;2026-01-13;2026-01-13;0;true\r\n" +
			"demo;t1;;publication;\"Publicatie; 1e ronde\";publication;2026-02-10;2026-02-10;2026-02-24;14;false\r\n" +
			"demo;t1;;submission;submission;submission;2026-03-27;2026-03-27;2026-04-10;14;false\r\n" +
			"demo;t1;;contract-start;contract-start;contract-start;2026-04-27;2026-04-27;;;false\r\n"},
	}
	for _, tt := range tests {
		got := render(t, func(b *bytes.Buffer) error { return PlanCSV(b, plans, tt.sep, "en") })
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("sep %q (-want +got):\n%s", tt.sep, diff)
		}
		r := csv.NewReader(strings.NewReader(got))
		if tt.sep != 0 {
			r.Comma = tt.sep
		}
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("sep %q: encoding/csv cannot read it back: %v", tt.sep, err)
		}
		if len(recs) != 5 || recs[2][4] != "Publicatie; 1e ronde" || recs[4][8] != "" {
			t.Errorf("sep %q: read back %q", tt.sep, recs)
		}
	}
}

func TestPlanCSVInfeasibleHasHeaderOnly(t *testing.T) {
	got := render(t, func(b *bytes.Buffer) error { return PlanCSV(b, planFor(t, infeasibleRegion), 0, "en") })
	if want := strings.Join(CSVHeader, ",") + "\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestValidCSVSeparator(t *testing.T) {
	tests := []struct {
		in      string
		want    rune
		wantErr bool
	}{
		{",", ',', false},
		{";", ';', false},
		{"|", '|', false},
		{`\t`, '\t', false},
		{"tab", '\t', false},
		{"\t", '\t', false},
		{"§", '§', false},
		{"", 0, true},
		{";;", 0, true},
		{`"`, 0, true},
		{"\n", 0, true},
		{"\r", 0, true},
		{"\xff", 0, true},
	}
	for _, tt := range tests {
		got, err := ValidCSVSeparator(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ValidCSVSeparator(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestPlanYAML(t *testing.T) {
	plans := planFor(t, exportRegion)
	got := render(t, func(b *bytes.Buffer) error { return PlanYAML(b, plans, "en") })
	// Dates are quoted: a plain 2026-01-13 would read back as a timestamp.
	want := `plans:
  - region: demo
    tender: t1
    scenario: null
    schedule: asap
    feasible: true
    conflict: null
    milestones:
      - id: decision
        name: decision
        kind: decision
        date: "2026-01-13"
        earliest: "2026-01-13"
        latest: "2026-01-13"
        slack: 0
        critical: true
        fixed: true
        done: true
        by: null
        bodies: null
      - id: publication
        name: Publicatie; 1e ronde
        kind: publication
        date: "2026-02-10"
        earliest: "2026-02-10"
        latest: "2026-02-24"
        slack: 14
        critical: false
        fixed: false
        done: false
        by: null
        bodies: null
      - id: submission
        name: submission
        kind: submission
        date: "2026-03-27"
        earliest: "2026-03-27"
        latest: "2026-04-10"
        slack: 14
        critical: false
        fixed: false
        done: false
        by: null
        bodies: null
      - id: contract-start
        name: contract-start
        kind: contract-start
        date: "2026-04-27"
        earliest: "2026-04-27"
        latest: null
        slack: null
        critical: false
        fixed: false
        done: false
        by: null
        bodies: null
    municipalities:
      - Aalten
    contract: null
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestPlanYAMLHasTheShapeOfJSON reads the YAML and the JSON of the same
// plans back into plain values and compares them: same keys, same nulls,
// same values, also for an infeasible plan with its conflict and for the
// awkward strings of plan_json_test.go.
func TestPlanYAMLHasTheShapeOfJSON(t *testing.T) {
	plans := append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...)
	for i, s := range awkward {
		if strings.ContainsAny(s, "\x00\x01\x1f\x7f\b\f\u2028\ufffd") || !utf8.ValidString(s) {
			continue // YAML cannot hold control characters or invalid UTF-8 as plain text
		}
		m := *plans[0].Result.Milestones[i%4].Milestone
		m.Name = s
		plans[0].Result.Milestones[i%4].Milestone = &m
	}
	var fromJSON, fromYAML any
	if err := json.Unmarshal([]byte(render(t, func(b *bytes.Buffer) error { return PlanJSON(b, plans, "en") })), &fromJSON); err != nil {
		t.Fatal(err)
	}
	y := render(t, func(b *bytes.Buffer) error { return PlanYAML(b, plans, "en") })
	if err := region.UnmarshalYAML([]byte(y), &fromYAML); err != nil {
		t.Fatalf("the YAML does not parse: %v\n%s", err, y)
	}
	// JSON numbers decode as float64, YAML integers as int.
	if diff := cmp.Diff(fromJSON, fromYAML, cmp.FilterValues(func(a, b any) bool { return isNumber(a) && isNumber(b) }, cmp.Comparer(func(a, b any) bool { return toFloat(a) == toFloat(b) }))); diff != "" {
		t.Errorf("YAML differs from JSON (-json +yaml):\n%s", diff)
	}
	if !strings.Contains(y, "feasible: false") || !strings.Contains(y, "milestones: []") || !strings.Contains(y, "chain:") {
		t.Errorf("the infeasible plan is missing from:\n%s", y)
	}
}

func isNumber(v any) bool {
	switch v.(type) {
	case int, float64:
		return true
	}
	return false
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case float64:
		return n
	}
	return 0
}

func TestPlanMarkdown(t *testing.T) {
	plans := append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...)
	got := render(t, func(b *bytes.Buffer) error { return PlanMarkdown(b, plans, Options{Lang: "en"}) })
	want := "## Demo — Demo: A\\|B \\#1\n" +
		"\n" +
		"tender `t1` · national · asap · demo.yaml\n" +
		"\n" +
		"| | Date | ID | Name | Kind | Earliest | Latest | Slack |\n" +
		"|---|---|---|---|---|---|---|--:|\n" +
		"| \\*✓ | Tue 2026-01-13 | decision | decision | decision | 2026-01-13 | 2026-01-13 | 0d |\n" +
		"| | Tue 2026-02-10 | publication | Publicatie; 1e ronde | publication | 2026-02-10 | 2026-02-24 | 14d |\n" +
		"| | Fri 2026-03-27 | submission | submission | submission | 2026-03-27 | 2026-04-10 | 14d |\n" +
		"| | Mon 2026-04-27 | contract-start | contract-start | contract start | 2026-04-27 | — | — |\n" +
		"\n" +
		mdEscape(T("en", "plan.legend")) + "\n" +
		"\n" +
		"- Span: Tue 13 Jan 2026 → Mon 27 Apr 2026 (104 days)\n" +
		"- Contract start: Mon 27 Apr 2026\n" +
		"\n" +
		"## Bad — Bad\n" +
		"\n" +
		"tender `t` · national · asap · demo.yaml\n" +
		"\n" +
		"**" + T("en", "plan.infeasible") + "**\n"
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestMdEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a|b", `a\|b`},
		{"*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"},
		{"<b> [link](x) #1", `\<b\> \[link\](x) \#1`},
		{`back\slash`, `back\\slash`},
		{"two\nlines", "two lines"},
	}
	for _, tt := range tests {
		if got := mdEscape(tt.in); got != tt.want {
			t.Errorf("mdEscape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPlanICS(t *testing.T) {
	plans := planFor(t, exportRegion)
	got := render(t, func(b *bytes.Buffer) error {
		return PlanICS(b, plans, Options{Lang: "en", Today: date.New(2026, time.November, 22)})
	})
	want := strings.ReplaceAll(`BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//tender-nl//tender//EN
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:Demo — Demo: A|B #1
BEGIN:VEVENT
UID:decision.t1.demo@tender
DTSTAMP:20261122T000000Z
SEQUENCE:20779
DTSTART;VALUE=DATE:20260113
DTEND;VALUE=DATE:20260114
SUMMARY:decision (t1)
DESCRIPTION:Kind: decision\nEarliest: Tue 13 Jan 2026\nLatest: Tue 13 Jan
  2026\nSlack: 0d\nCritical: yes\nStatus: done\nRegion: Demo\nTender: Demo:
  A|B #1 (t1)\nSource: demo.yaml
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:publication.t1.demo@tender
DTSTAMP:20261122T000000Z
SEQUENCE:20779
DTSTART;VALUE=DATE:20260210
DTEND;VALUE=DATE:20260211
SUMMARY:Publicatie\; 1e ronde (t1)
DESCRIPTION:Kind: publication\nEarliest: Tue 10 Feb 2026\nLatest: Tue 24
  Feb 2026\nSlack: 14d\nCritical: no\nRegion: Demo\nTender: Demo: A|B #1
  (t1)\nSource: demo.yaml
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:submission.t1.demo@tender
DTSTAMP:20261122T000000Z
SEQUENCE:20779
DTSTART;VALUE=DATE:20260327
DTEND;VALUE=DATE:20260328
SUMMARY:submission (t1)
DESCRIPTION:Kind: submission\nEarliest: Fri 27 Mar 2026\nLatest: Fri 10 Apr
  2026\nSlack: 14d\nCritical: no\nRegion: Demo\nTender: Demo: A|B #1
  (t1)\nSource: demo.yaml
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:contract-start.t1.demo@tender
DTSTAMP:20261122T000000Z
SEQUENCE:20779
DTSTART;VALUE=DATE:20260427
DTEND;VALUE=DATE:20260428
SUMMARY:contract-start (t1)
DESCRIPTION:Kind: contract start\nEarliest: Mon 27 Apr 2026\nLatest: none
  (unbounded)\nSlack: none (unbounded)\nCritical: no\nRegion: Demo\nTender:
  Demo: A|B #1 (t1)\nSource: demo.yaml
TRANSP:TRANSPARENT
END:VEVENT
END:VCALENDAR
`, "\n", "\r\n")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for i, l := range strings.Split(strings.TrimSuffix(got, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets, RFC 5545 allows 75: %q", i+1, len(l), l)
		}
		if strings.Contains(l, "\n") {
			t.Errorf("line %d has a bare LF", i+1)
		}
	}

	cal, err := ics.ParseCalendar(strings.NewReader(got))
	if err != nil {
		t.Fatalf("golang-ical cannot parse it: %v", err)
	}
	events := cal.Events()
	if len(events) != 4 {
		t.Fatalf("%d events, want 4", len(events))
	}
	// The publication, parsed back: its all-day date, the next day as the
	// exclusive end, the unescaped summary and the unfolded description.
	e := events[1]
	if id := e.Id(); id != "publication.t1.demo@tender" {
		t.Errorf("UID %q", id)
	}
	start, err := e.GetAllDayStartAt()
	if err != nil || start.Format("2006-01-02") != "2026-02-10" {
		t.Errorf("start %v, %v; want 2026-02-10", start, err)
	}
	end, err := e.GetAllDayEndAt()
	if err != nil || end.Format("2006-01-02") != "2026-02-11" {
		t.Errorf("end %v, %v; want 2026-02-11", end, err)
	}
	if s := ics.FromText(e.GetProperty(ics.ComponentPropertySummary).Value); s != "Publicatie; 1e ronde (t1)" {
		t.Errorf("summary %q", s)
	}
	desc := ics.FromText(e.GetProperty(ics.ComponentPropertyDescription).Value)
	if !strings.Contains(desc, "Latest: Tue 24 Feb 2026\nSlack: 14d\n") {
		t.Errorf("description %q", desc)
	}
	for _, p := range []ics.Property{ics.PropertyProductId, ics.PropertyVersion, ics.PropertyMethod, ics.PropertyXWRCalName} {
		found := false
		for _, cp := range cal.CalendarProperties {
			found = found || cp.IANAToken == string(p)
		}
		if !found {
			t.Errorf("calendar has no %s", p)
		}
	}
}

func TestPlanICSDutchAndInfeasible(t *testing.T) {
	plans := append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...)
	got := render(t, func(b *bytes.Buffer) error { return PlanICS(b, plans, Options{Lang: "nl"}) })
	cal, err := ics.ParseCalendar(strings.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(cal.Events()); n != 4 {
		t.Errorf("%d events, want 4: an infeasible plan adds none", n)
	}
	// Two regions: the calendar is named after both.
	if !strings.Contains(got, "X-WR-CALNAME:Demo\\, Bad\r\n") {
		t.Errorf("calendar name:\n%s", got[:200])
	}
	desc := ics.FromText(cal.Events()[1].GetProperty(ics.ComponentPropertyDescription).Value)
	if !strings.HasPrefix(desc, "Soort: publicatie\nVroegst: di 10 feb 2026\nLaatst: di 24 feb 2026\nSpeling: 14d\nKritiek: nee\n") {
		t.Errorf("Dutch description %q", desc)
	}
}

func TestEventUID(t *testing.T) {
	if got := EventUID("achterhoek", "inkoop-2022", "", "publicatie"); got != "publicatie.inkoop-2022.achterhoek@tender" {
		t.Errorf("base: %q", got)
	}
	if got := EventUID("achterhoek", "inkoop-2022", "publish-23-sep", "publicatie"); got != "publicatie.publish-23-sep.inkoop-2022.achterhoek@tender" {
		t.Errorf("scenario: %q", got)
	}
}

func TestPlanMermaid(t *testing.T) {
	plans := append(planFor(t, exportRegion), planFor(t, infeasibleRegion)...)
	got := render(t, func(b *bytes.Buffer) error { return PlanMermaid(b, plans, Options{Lang: "en"}) })
	// Two regions: a generic title, sections with the region's name. Only
	// decision is critical, so no phase is; the first phase ends in a
	// milestone that is not done.
	want := `gantt
    title Tender plan
    dateFormat YYYY-MM-DD
    section Demo — Demo#58; A|B #35;1
    decision :milestone, done, crit, t1.decision, 2026-01-13, 0d
    decision → publication :2026-01-13, 2026-02-10
    Publicatie#59; 1e ronde :milestone, t1.publication, 2026-02-10, 0d
    publication → submission :2026-02-10, 2026-03-27
    submission :milestone, t1.submission, 2026-03-27, 0d
    submission → contract-start :2026-03-27, 2026-04-27
    contract-start :milestone, t1.contract-start, 2026-04-27, 0d
    %% Bad — Bad: no schedule: the constraints of this tender conflict
`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPlanMermaidSharedTenderIDs(t *testing.T) {
	// The same tender id in two regions: ids get the region in front.
	a := planFor(t, exportRegion)
	b := planFor(t, strings.ReplaceAll(exportRegion, "id: demo", "id: other"))
	got := render(t, func(w *bytes.Buffer) error { return PlanMermaid(w, append(a, b...), Options{}) })
	for _, id := range []string{"demo.t1.decision,", "other.t1.decision,"} {
		if !strings.Contains(got, id) {
			t.Errorf("no task id %s in:\n%s", id, got)
		}
	}
}

func TestMermaidText(t *testing.T) {
	if got, want := mermaidText("a: b #c; 50% %%x\nnext"), "a#58; b #35;c#59; 50#37; #37;#37;x next"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestPlanICSMovedIsNewer: the publication moves from Tue 10 Feb (decision
// 13 Jan + 4w) to Tue 17 Feb 2026 (+ 5w; the submission, 17 Feb + 45d =
// 3 Apr, still meets its 10 April deadline) and the calendar is exported
// again a day later (--today 23 instead of 22 November). A calendar client
// takes the re-imported event as the newer one when its SEQUENCE is
// greater, or equal with a later DTSTAMP (RFC 5546, 2.1.5); it is, so the
// old date does not stay in Outlook. The same day gives the same bytes.
func TestPlanICSMovedIsNewer(t *testing.T) {
	export := func(src string, today date.Date) *ics.VEvent {
		t.Helper()
		var b bytes.Buffer
		if err := PlanICS(&b, planFor(t, src), Options{Lang: "en", Today: today}); err != nil {
			t.Fatal(err)
		}
		cal, err := ics.ParseCalendar(&b)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range cal.Events() {
			if e.Id() == "publication.t1.demo@tender" {
				return e
			}
		}
		t.Fatalf("no publication event in\n%s", b.String())
		return nil
	}
	revision := func(e *ics.VEvent) (int, time.Time, string) {
		t.Helper()
		seq := 0 // SEQUENCE absent is 0 (RFC 5545, 3.8.7.4)
		if p := e.GetProperty(ics.ComponentPropertySequence); p != nil {
			var err error
			if seq, err = strconv.Atoi(p.Value); err != nil {
				t.Fatal(err)
			}
		}
		stamp, err := e.GetDtStampTime()
		if err != nil {
			t.Fatal(err)
		}
		return seq, stamp, e.GetProperty(ics.ComponentPropertyDtStart).Value
	}
	moved := strings.Replace(exportRegion, "after: decision + 4w", "after: decision + 5w", 1)
	oldSeq, oldStamp, oldStart := revision(export(exportRegion, date.New(2026, time.November, 22)))
	newSeq, newStamp, newStart := revision(export(moved, date.New(2026, time.November, 23)))
	if oldStart != "20260210" || newStart != "20260217" {
		t.Fatalf("DTSTART %s → %s, want 20260210 → 20260217", oldStart, newStart)
	}
	if !(newSeq > oldSeq || newSeq == oldSeq && newStamp.After(oldStamp)) {
		t.Errorf("the moved event (SEQUENCE %d, DTSTAMP %s) is not newer than the old one (SEQUENCE %d, DTSTAMP %s)",
			newSeq, newStamp, oldSeq, oldStamp)
	}
	againSeq, againStamp, _ := revision(export(moved, date.New(2026, time.November, 23)))
	if againSeq != newSeq || !againStamp.Equal(newStamp) {
		t.Errorf("the same plan on the same day changed its revision")
	}
}
