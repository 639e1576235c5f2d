package render

import (
	"encoding/json"
	"io"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The JSON shape of `tender plan -o json` (CLI.md). Field order is the
// documented order; null where CLI.md says null.
type planJSON struct {
	Plans []planEntryJSON `json:"plans"`
}

type planEntryJSON struct {
	Region     string          `json:"region"`
	Tender     string          `json:"tender"`
	Scenario   *string         `json:"scenario"`
	Schedule   string          `json:"schedule"`
	Feasible   bool            `json:"feasible"`
	Conflict   *conflictJSON   `json:"conflict"`
	Milestones []milestoneJSON `json:"milestones"`
}

type conflictJSON struct {
	Message string     `json:"message"`
	Chain   []linkJSON `json:"chain"`
}

type linkJSON struct {
	Milestone  string `json:"milestone"`
	Constraint string `json:"constraint"`
	File       string `json:"file"`
	Line       int    `json:"line"`
}

type milestoneJSON struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Kind     string     `json:"kind"`
	Date     date.Date  `json:"date"`
	Earliest date.Date  `json:"earliest"`
	Latest   *date.Date `json:"latest"`
	Slack    *int       `json:"slack"`
	Critical bool       `json:"critical"`
	Fixed    bool       `json:"fixed"`
	Done     bool       `json:"done"`
	By       *string    `json:"by"`
}

// PlanJSON writes plans as the one JSON object of CLI.md.
func PlanJSON(w io.Writer, plans []Plan) error {
	out := planJSON{Plans: make([]planEntryJSON, 0, len(plans))}
	for _, p := range plans {
		out.Plans = append(out.Plans, planEntry(p.Result))
	}
	return writeJSON(w, out)
}

func planEntry(r *timeline.Result) planEntryJSON {
	e := planEntryJSON{
		Region:     r.Region,
		Tender:     r.Tender,
		Scenario:   nullable(r.Scenario),
		Schedule:   r.Schedule,
		Feasible:   r.Feasible,
		Conflict:   conflict(r.Conflict),
		Milestones: make([]milestoneJSON, 0, len(r.Milestones)),
	}
	for _, m := range r.Milestones {
		e.Milestones = append(e.Milestones, milestoneJSON{
			ID:       m.Milestone.ID,
			Name:     m.Milestone.DisplayName(),
			Kind:     m.Milestone.Kind,
			Date:     m.Date,
			Earliest: m.Earliest,
			Latest:   m.Latest,
			Slack:    m.Slack,
			Critical: m.Critical,
			Fixed:    m.Fixed,
			Done:     m.Done,
			By:       nullable(m.By),
		})
	}
	return e
}

func conflict(c *timeline.Conflict) *conflictJSON {
	if c == nil {
		return nil
	}
	out := &conflictJSON{Message: c.Message, Chain: make([]linkJSON, 0, len(c.Chain))}
	for _, l := range c.Chain {
		out.Chain = append(out.Chain, linkJSON{Milestone: l.Milestone, Constraint: l.Constraint, File: l.File, Line: l.Line})
	}
	return out
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// writeJSON writes v indented, with a final newline, and without HTML
// escaping (names like "B&W" stay readable).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
