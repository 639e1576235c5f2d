package render

import (
	"encoding/xml"
	"io"
	"strings"

	"github.com/tender-nl/tender/pkg/rules"
)

// The JUnit XML of tender check -o junit, in the common (Jenkins, GitLab,
// Azure, the junit-report actions) dialect: <testsuites> of <testsuite>
// of <testcase>, each with <failure>s, <skipped> or <system-out>.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string          `xml:"name,attr"`
	Tests    int             `xml:"tests,attr"`
	Failures int             `xml:"failures,attr"`
	Errors   int             `xml:"errors,attr"`
	Skipped  int             `xml:"skipped,attr"`
	Time     string          `xml:"time,attr"`
	Props    *junitProps     `xml:"properties,omitempty"`
	Cases    []junitTestCase `xml:"testcase"`
}

type junitProps struct {
	Props []junitProp `xml:"property"`
}

type junitProp struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitTestCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Time      string         `xml:"time,attr"`
	File      string         `xml:"file,attr,omitempty"`
	Line      int            `xml:"line,attr,omitempty"`
	Skipped   *junitSkipped  `xml:"skipped,omitempty"`
	Error     *junitFailure  `xml:"error,omitempty"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// CheckJUnit writes one test suite per tender and scenario, and in it one
// test case per rule of the table (the suite's properties name the file
// and the scenario): a rule that did not run (disabled, not
// for the procedure, no schedule) is skipped; a rule with findings that
// fail the run (errors, and warnings with --strict) has a <failure> per
// such finding; other findings go to the case's <system-out>. The case of
// a failing rule carries the file and line of its first failure. The XML is
// UTF-8; characters XML cannot hold are replaced.
//
// The files that did not load come first, in a suite "input": one test
// case per file, named after it, with one <error> whose message is the
// first problem and whose text lists every problem as file:line:column:
// message; the case carries the file and the line of the first.
func CheckJUnit(w io.Writer, rep *CheckReport, lang string) error {
	out := junitSuites{Name: "tender check", Time: "0"}
	if len(rep.Errors) > 0 {
		suite := junitInputSuite(rep)
		out.Tests += suite.Tests
		out.Errors += suite.Errors
		out.Suites = append(out.Suites, suite)
	}
	for _, run := range rep.Runs {
		suite := junitRunSuite(run, rep.Strict, lang)
		out.Tests += suite.Tests
		out.Failures += suite.Failures
		out.Skipped += suite.Skipped
		out.Suites = append(out.Suites, suite)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitInputSuite is the suite "input": a case per file that did not load.
func junitInputSuite(rep *CheckReport) junitSuite {
	suite := junitSuite{Name: "input", Time: "0"}
	for _, file := range rep.BrokenFiles() {
		tc := junitTestCase{Name: file, Classname: "tender.input", Time: "0", File: file}
		var lines []string
		for _, e := range rep.Errors {
			if e.File != file {
				continue
			}
			if tc.Error == nil {
				tc.Line = e.Pos.Line
				msg, _, _ := strings.Cut(e.Msg, "\n")
				tc.Error = &junitFailure{Message: msg, Type: "input"}
			}
			lines = append(lines, e.Error())
		}
		tc.Error.Text = strings.Join(lines, "\n")
		suite.Tests++
		suite.Errors++
		suite.Cases = append(suite.Cases, tc)
	}
	return suite
}

// junitRunSuite is the suite of one tender or scenario: a case per rule.
func junitRunSuite(run CheckRun, strict bool, lang string) junitSuite {
	suite := junitSuite{Name: run.Region.ID + "/" + run.Tender.ID, Time: "0",
		Props: &junitProps{Props: []junitProp{{Name: "file", Value: run.Region.Source}}}}
	class := "tender." + run.Region.ID + "." + run.Tender.ID
	if s := run.Tender.Scenario; s != "" {
		suite.Name += " (scenario " + s + ")"
		class += "." + s
		suite.Props.Props = append(suite.Props.Props, junitProp{Name: "scenario", Value: s})
	}
	byRule := map[string][]rules.Finding{}
	for _, f := range run.Findings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for _, rule := range rules.Rules() {
		tc := junitRuleCase(rule.ID, class, byRule[rule.ID], strict, lang)
		if why, ok := run.NotRun[rule.ID]; ok {
			tc.Skipped = &junitSkipped{Message: SkipText(lang, why)}
			suite.Skipped++
		}
		if len(tc.Failures) > 0 {
			suite.Failures++
		}
		suite.Tests++
		suite.Cases = append(suite.Cases, tc)
	}
	return suite
}

// junitRuleCase is the case of one rule: a <failure> per finding that
// fails the run, the other findings in <system-out>, messages in lang.
func junitRuleCase(rule, class string, fs []rules.Finding, strict bool, lang string) junitTestCase {
	tc := junitTestCase{Name: rule, Classname: class, Time: "0"}
	var out []string
	for _, f := range fs {
		message := FindingText(lang, f.Message)
		text := where(f) + ": " + message
		if f.Reference != "" {
			text += "\n" + f.Reference
		}
		if !rules.Fails(f, strict) {
			out = append(out, string(f.Severity)+": "+text)
			continue
		}
		if len(tc.Failures) == 0 {
			tc.File, tc.Line = f.File, f.Line
		}
		msg, _, _ := strings.Cut(message, "\n")
		tc.Failures = append(tc.Failures, junitFailure{Message: msg, Type: string(f.Severity), Text: text})
	}
	if len(out) > 0 {
		tc.SystemOut = strings.Join(out, "\n")
	}
	return tc
}
