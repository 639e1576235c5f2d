package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// The JSON shape of `tender overview -o json`:
//
//	{"today": "2026-11-22",
//	 "tenders": [{"region", "tender", "procedure", "feasible",
//	              "publication", "submission", "award", "contract_start",
//	              "slack", "errors", "warnings",
//	              "next": {"id", "kind", "date"} or null,
//	              "municipalities": [names of the participants]}],
//	 "summary": {"regions", "tenders", "infeasible", "errors", "warnings"}}
//
// Rows in the order of the table (by contract start); dates are
// YYYY-MM-DD or null (the tender has no milestone of that kind, or no
// schedule); slack is the contract start's slack in days, null when it has
// none or is unbounded.
type overviewJSON struct {
	Today   date.Date            `json:"today"`
	Tenders []overviewTenderJSON `json:"tenders"`
	Summary overviewSummaryJSON  `json:"summary"`
}

type overviewTenderJSON struct {
	Region        string            `json:"region"`
	Tender        string            `json:"tender"`
	Procedure     region.Procedure  `json:"procedure"`
	Feasible      bool              `json:"feasible"`
	Publication   *date.Date        `json:"publication"`
	Submission    *date.Date        `json:"submission"`
	Award         *date.Date        `json:"award"`
	ContractStart *date.Date        `json:"contract_start"`
	Slack         *int              `json:"slack"`
	Errors        int               `json:"errors"`
	Warnings      int               `json:"warnings"`
	Next          *overviewNextJSON `json:"next"`
	// Municipalities are the participating municipalities (all of the
	// region's unless the tender names them).
	Municipalities []string `json:"municipalities"`
}

type overviewNextJSON struct {
	ID   string      `json:"id"`
	Kind region.Kind `json:"kind"`
	Date date.Date   `json:"date"`
}

type overviewSummaryJSON struct {
	Regions    int `json:"regions"`
	Tenders    int `json:"tenders"`
	Infeasible int `json:"infeasible"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
}

// OverviewJSON writes the portfolio as one JSON object (shape above).
func OverviewJSON(w io.Writer, o *Overview) error {
	out := overviewJSON{Today: o.Today, Tenders: make([]overviewTenderJSON, 0, len(o.Rows))}
	for i := range o.Rows {
		r := &o.Rows[i]
		e := overviewTenderJSON{Region: r.Region.ID, Tender: r.Tender.ID, Procedure: r.Tender.Procedure,
			Feasible:    r.Result != nil && r.Result.Feasible,
			Publication: plannedDate(r.Publication), Submission: plannedDate(r.Submission),
			Award: plannedDate(r.Award), ContractStart: plannedDate(r.ContractStart),
			Slack: r.Slack(), Errors: r.Errors, Warnings: r.Warnings,
			Municipalities: append([]string{}, r.Region.ParticipantNames(r.Tender)...)}
		if r.Next != nil {
			e.Next = &overviewNextJSON{ID: r.Next.Milestone.ID, Kind: r.Next.Milestone.Kind, Date: r.Next.Date}
		}
		out.Tenders = append(out.Tenders, e)
	}
	infeasible, errs, warns := o.Totals()
	out.Summary = overviewSummaryJSON{Regions: o.Regions, Tenders: len(o.Rows), Infeasible: infeasible, Errors: errs, Warnings: warns}
	return writeJSON(w, out)
}
