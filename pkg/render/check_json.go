package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/rules"
)

// The JSON shape of `tender check -o json` (CLI.md): the findings as
// rules.Finding marshals them, and a summary.
type checkJSON struct {
	Findings []rules.Finding  `json:"findings"`
	Summary  checkSummaryJSON `json:"summary"`
}

type checkSummaryJSON struct {
	Regions  int `json:"regions"`
	Tenders  int `json:"tenders"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

// CheckJSON writes the one JSON object of CLI.md: every finding (infos
// too) in run order, base before its scenarios, and the counts of errors
// and warnings over all runs.
func CheckJSON(w io.Writer, rep *CheckReport) error {
	out := checkJSON{Findings: []rules.Finding{}}
	for _, run := range rep.Runs {
		out.Findings = append(out.Findings, run.Findings...)
	}
	e, wn, _ := rep.Count()
	out.Summary = checkSummaryJSON{Regions: rep.Regions, Tenders: rep.Tenders, Errors: e, Warnings: wn}
	return writeJSON(w, out)
}
