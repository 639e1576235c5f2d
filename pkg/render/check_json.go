package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/rules"
)

// The JSON shape of `tender check -o json` (README, "tender check"): the findings as
// rules.Finding marshals them, and a summary.
type checkJSON struct {
	Findings []rules.Finding  `json:"findings"`
	Errors   []inputErrorJSON `json:"errors"`
	Summary  checkSummaryJSON `json:"summary"`
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
// errors and warnings over all runs and of the input errors.
func CheckJSON(w io.Writer, rep *CheckReport) error {
	out := checkJSON{Findings: []rules.Finding{}, Errors: []inputErrorJSON{}}
	for _, run := range rep.Runs {
		out.Findings = append(out.Findings, run.Findings...)
	}
	for _, e := range rep.Errors {
		out.Errors = append(out.Errors, inputErrorJSON{File: e.File, Line: e.Pos.Line, Column: e.Pos.Column, Message: e.Msg})
	}
	e, wn, _ := rep.Count()
	out.Summary = checkSummaryJSON{Regions: rep.Regions, Tenders: rep.Tenders, Errors: e, Warnings: wn, InputErrors: len(out.Errors)}
	return writeJSON(w, out)
}
