package render

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The fuzz targets of this file load any bytes as a region file, plan and
// check every tender and scenario that loads, and write the result in every
// output format. No renderer may panic, and each output must parse with a
// real parser of its format (JSON, YAML, CSV, iCalendar, XML for SVG, HTML
// and JUnit) or, where Go has none (Markdown tables, Mermaid, GitHub
// workflow commands), match the grammar the consumer reads.

// fuzzSeeds adds the built-in regions and every region file of the usage
// scripts, once in English and once in Dutch, with different reference
// dates.
func fuzzSeeds(f *testing.F) {
	var srcs [][]byte
	names, err := fs.Glob(examples.FS, "*.yaml")
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		b, err := examples.FS.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		srcs = append(srcs, b)
	}
	scripts, err := filepath.Glob("../../testdata/script/*.txtar")
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range scripts {
		a, err := txtar.ParseFile(name)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range a.Files {
			if strings.HasSuffix(file.Name, ".yaml") || strings.HasSuffix(file.Name, ".yml") {
				srcs = append(srcs, file.Data)
			}
		}
	}
	srcs = append(srcs, []byte(exportRegion), []byte(infeasibleRegion), []byte(tableRegion))
	for i, b := range srcs {
		f.Add(b, i%2 == 0, uint16(i*97))
	}
}

// fuzzPlans loads src and plans and checks every tender and scenario; it
// returns nothing when the file does not load.
func fuzzPlans(t *testing.T, src []byte, nl bool, day uint16) ([]Plan, *CheckReport, Options) {
	opts := Options{Lang: "en", Today: date.New(2020, 1, 1) + date.Date(day%4000)}
	if nl {
		opts.Lang = "nl"
	}
	r, err := region.Load("f.yaml", src)
	if err != nil {
		return nil, nil, opts
	}
	rep := &CheckReport{Regions: 1, Strict: day%2 == 1}
	var plans []Plan
	for _, tn := range r.Tenders {
		rep.Tenders++
		for _, s := range append([]string{""}, tn.ScenarioIDs()...) {
			st, err := tn.WithScenario(s)
			if err != nil {
				t.Fatal(err)
			}
			res, err := (&timeline.Planner{}).Plan(r, st, timeline.Options{})
			if err != nil {
				var re *region.Error
				var rl region.ErrorList
				if !errors.As(err, &re) && !errors.As(err, &rl) {
					t.Fatalf("planning %s/%s: %T %v", tn.ID, s, err, err)
				}
				continue
			}
			ropts := rules.Options{Today: opts.Today}
			findings := rules.Check(r, st, res, ropts)
			notRun := rules.NotRun(r, st, res, ropts)
			e, w, i := rules.Count(findings)
			plans = append(plans, Plan{Region: r, Tender: st, Result: res, Findings: &FindingCounts{e, w, i}})
			rep.Runs = append(rep.Runs, CheckRun{Region: r, Tender: st, Findings: findings, NotRun: notRun})
		}
	}
	return plans, rep, opts
}

func FuzzPlanOutputs(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte, nl bool, day uint16) {
		plans, _, opts := fuzzPlans(t, src, nl, day)
		if len(plans) == 0 {
			return
		}
		out := func(name string, write func(w io.Writer) error) string {
			var b bytes.Buffer
			if err := write(&b); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			return b.String()
		}
		_ = out("table", func(w io.Writer) error { return PlanTable(w, plans, opts) })

		var v any
		if err := json.Unmarshal([]byte(out("json", func(w io.Writer) error { return PlanJSON(w, plans, opts.Lang) })), &v); err != nil {
			t.Fatalf("json: %v", err)
		}
		if err := region.UnmarshalYAML([]byte(out("yaml", func(w io.Writer) error { return PlanYAML(w, plans, opts.Lang) })), &v); err != nil {
			t.Fatalf("yaml: %v", err)
		}
		for _, sep := range []rune{',', ';', '\t'} {
			r := csv.NewReader(strings.NewReader(out("csv", func(w io.Writer) error { return PlanCSV(w, plans, sep, opts.Lang) })))
			r.Comma = sep
			if _, err := r.ReadAll(); err != nil {
				t.Fatalf("csv %q: %v", sep, err)
			}
		}
		checkMarkdownTables(t, out("markdown", func(w io.Writer) error { return PlanMarkdown(w, plans, opts) }))
		if _, err := ics.ParseCalendar(strings.NewReader(out("ics", func(w io.Writer) error { return PlanICS(w, plans, opts) }))); err != nil {
			t.Fatalf("ics: %v", err)
		}
		checkMermaid(t, out("mermaid", func(w io.Writer) error { return PlanMermaid(w, plans, opts) }))
		checkXML(t, "svg", out("svg", func(w io.Writer) error { return PlanSVG(w, plans, opts) }))
		checkXML(t, "html", out("html", func(w io.Writer) error { return PlanHTML(w, plans, opts) }))
	})
}

func FuzzCheckOutputs(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte, nl bool, day uint16) {
		_, rep, opts := fuzzPlans(t, src, nl, day)
		if rep == nil {
			return
		}
		for _, quiet := range []bool{false, true} {
			var b bytes.Buffer
			if err := CheckText(&b, rep, opts, quiet); err != nil {
				t.Fatal(err)
			}
			b.Reset()
			if err := CheckGitHub(&b, rep, opts, quiet); err != nil {
				t.Fatal(err)
			}
			checkGitHub(t, b.String(), quiet)
		}
		var b bytes.Buffer
		if err := CheckJSON(&b, rep, opts.Lang); err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(b.Bytes(), &v); err != nil {
			t.Fatalf("json: %v", err)
		}
		b.Reset()
		if err := CheckJUnit(&b, rep, opts.Lang); err != nil {
			t.Fatal(err)
		}
		checkXML(t, "junit", b.String())
		var suites struct {
			Suites []struct {
				Cases []struct {
					Name string `xml:"name,attr"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(b.Bytes(), &suites); err != nil {
			t.Fatalf("junit: %v", err)
		}
		if len(suites.Suites) != len(rep.Runs) {
			t.Fatalf("junit: %d suites for %d runs", len(suites.Suites), len(rep.Runs))
		}
	})
}

// checkXML: s is well-formed XML (encoding/xml reads it to the end).
func checkXML(t *testing.T, name, s string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed: %v\n%s", name, err, s)
		}
	}
}

// checkMarkdownTables: the rows of each table (consecutive lines starting
// with '|') have as many cells as its header; a '|' inside a cell is
// escaped (\|), so only unescaped ones separate cells.
func checkMarkdownTables(t *testing.T, s string) {
	t.Helper()
	want := -1
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if want < 0 {
			want = n
		} else if n != want {
			t.Fatalf("markdown row with %d separators, the header has %d: %q\n%s", n, want, line, s)
		}
	}
}

var (
	mermaidMilestone = regexp.MustCompile(`^    [^:;%]+ :milestone, (done, )?(crit, )?[a-z0-9.-]+, \d{4}-\d\d-\d\d, 0d$`)
	mermaidPhase     = regexp.MustCompile(`^    [^:;%]+ :(done, )?(crit, )?\d{4}-\d\d-\d\d, \d{4}-\d\d-\d\d$`)
	mermaidHeading   = regexp.MustCompile(`^    (title|section) [^:;%]*$`)
	mermaidEntity    = regexp.MustCompile(`#[0-9]+;`)
)

// checkMermaid: every line is one of the statements PlanMermaid writes, and
// names hold no character Mermaid would read as syntax.
func checkMermaid(t *testing.T, s string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) < 3 || lines[0] != "gantt" || lines[2] != "    dateFormat YYYY-MM-DD" {
		t.Fatalf("mermaid header:\n%s", s)
	}
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, "    %% ") || line == "    dateFormat YYYY-MM-DD" {
			continue
		}
		if strings.Contains(mermaidEntity.ReplaceAllString(line, ""), "#") {
			t.Fatalf("mermaid: a bare # in %q", line)
		}
		plain := mermaidEntity.ReplaceAllString(line, "E")
		if !mermaidMilestone.MatchString(plain) && !mermaidPhase.MatchString(plain) && !mermaidHeading.MatchString(plain) {
			t.Fatalf("mermaid: %q is no statement", line)
		}
	}
}

var githubCommand = regexp.MustCompile(`^::(error|warning|notice) file=[^,:]*(,line=[1-9][0-9]*(,col=[1-9][0-9]*)?)?,title=[^,:]*::.*$`)

// checkGitHub: each line is a workflow command whose properties and
// message are escaped, then (unless quiet) one summary line.
func checkGitHub(t *testing.T, s string, quiet bool) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if !quiet {
		if len(lines) == 0 || strings.HasPrefix(lines[len(lines)-1], "::") {
			t.Fatalf("github: no summary line:\n%s", s)
		}
		lines = lines[:len(lines)-1]
	}
	for _, line := range lines {
		if line == "" && quiet && s == "" {
			continue
		}
		if !githubCommand.MatchString(line) || strings.Contains(line, "\r") {
			t.Fatalf("github: %q is no workflow command", line)
		}
	}
}
