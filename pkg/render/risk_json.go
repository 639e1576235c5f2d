package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/risk"
)

// The JSON shape of `tender risk -o json` (README), keys in that order.
type riskJSON struct {
	Region     string              `json:"region"`
	Tender     string              `json:"tender"`
	Runs       int                 `json:"runs"`
	Seed       uint64              `json:"seed"`
	Milestones []riskMilestoneJSON `json:"milestones"`
	Fixed      []riskFixedJSON     `json:"fixed"`
}

type riskMilestoneJSON struct {
	ID      string     `json:"id"`
	Planned *date.Date `json:"planned"`
	P50     *date.Date `json:"p50"`
	P80     *date.Date `json:"p80"`
	P95     *date.Date `json:"p95"`
}

type riskFixedJSON struct {
	ID    string         `json:"id"`
	Kind  risk.FixedKind `json:"kind"`
	Date  date.Date      `json:"date"`
	Holds float64        `json:"holds"`
}

// RiskJSON writes a risk report as the one JSON object of the README:
// milestones in planned date order with null where a date does not exist
// (planned: the plan is infeasible; a percentile: that share of the runs
// has no schedule), and for each on date and dated before the fraction of
// runs in which it holds.
func RiskJSON(w io.Writer, rep *risk.Report) error {
	out := riskJSON{Region: rep.Region.ID, Tender: rep.Tender.ID, Runs: rep.Runs, Seed: rep.Seed,
		Milestones: make([]riskMilestoneJSON, 0, len(rep.Milestones)), Fixed: make([]riskFixedJSON, 0, len(rep.Fixed))}
	for _, m := range rep.Milestones {
		out.Milestones = append(out.Milestones, riskMilestoneJSON{ID: m.Milestone.ID, Planned: m.Planned, P50: m.P50, P80: m.P80, P95: m.P95})
	}
	for _, f := range rep.Fixed {
		out.Fixed = append(out.Fixed, riskFixedJSON{ID: f.Milestone.ID, Kind: f.Kind, Date: f.Date, Holds: f.Share})
	}
	return writeJSON(w, out)
}
