package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/rules"
)

// The JSON shape of `tender check -o json` (README, "tender check"): the
// findings, the input errors and a summary.
type checkJSON struct {
	Findings []findingJSON    `json:"findings"`
	Errors   []inputErrorJSON `json:"errors"`
	Summary  checkSummaryJSON `json:"summary"`
}

// findingJSON is a finding as every JSON output writes it (check's
// findings, reschedule's findings_added and findings_removed, diff's
// appeared and disappeared): the finding's fields, and its message in the
// words of --lang (FindingText).
type findingJSON struct {
	Rule      string         `json:"rule"`
	Severity  rules.Severity `json:"severity"`
	Region    string         `json:"region"`
	Tender    string         `json:"tender"`
	Scenario  *string        `json:"scenario"`
	Milestone *string        `json:"milestone"`
	Message   string         `json:"message"`
	Reference string         `json:"reference"`
	File      string         `json:"file"`
	Line      int            `json:"line"`
	Column    int            `json:"column"`
}

// findingsJSON words findings for JSON; never nil, so that an empty list
// says [] rather than null.
func findingsJSON(lang string, fs []rules.Finding) []findingJSON {
	out := make([]findingJSON, 0, len(fs))
	for _, f := range fs {
		out = append(out, findingJSON{Rule: f.Rule, Severity: f.Severity, Region: f.Region, Tender: f.Tender,
			Scenario: f.Scenario, Milestone: f.Milestone, Message: FindingText(lang, f.Message),
			Reference: f.Reference, File: f.File, Line: f.Line, Column: f.Column})
	}
	return out
}

// inputErrorJSON is one input error of a file that did not load; line and
// column are 0 when the error has no position (an unreadable file), as
// in a finding.
type inputErrorJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type checkSummaryJSON struct {
	Regions  int `json:"regions"`
	Tenders  int `json:"tenders"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	// InputErrors counts the "errors" array; "errors" above stays the
	// count of findings of severity error.
	InputErrors int `json:"input_errors"`
}

// CheckJSON writes the one JSON object of the README: every finding (infos
// too) in run order, base before its scenarios, the input errors of the
// files that did not load ([] when every file loaded), and the counts of
// errors and warnings over all runs and of the input errors. Messages are
// in lang.
func CheckJSON(w io.Writer, rep *CheckReport, lang string) error {
	out := checkJSON{Findings: []findingJSON{}, Errors: []inputErrorJSON{}}
	for _, run := range rep.Runs {
		out.Findings = append(out.Findings, findingsJSON(lang, run.Findings)...)
	}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, inputErrorJSON{File: e.File, Line: e.Pos.Line, Column: e.Pos.Column, Message: e.Msg})
	}
	e, wn, _ := rep.Count()
	out.Summary = checkSummaryJSON{Regions: rep.Regions, Tenders: rep.Tenders, Errors: e, Warnings: wn, InputErrors: len(out.Errors)}
	return writeJSON(w, out)
}
