package timeline

import (
	"encoding/json"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// The JSON forms are those of tender plan -o json (README): a Result is one
// element of "plans". Conflict and Link carry their tags directly; a link
// also has "bound" (the date it gave, or null), which the README does not list.

type planJSON struct {
	Region     string          `json:"region"`
	Tender     string          `json:"tender"`
	Scenario   *string         `json:"scenario"`
	Schedule   region.Schedule `json:"schedule"`
	Feasible   bool            `json:"feasible"`
	Conflict   *Conflict       `json:"conflict"`
	Milestones []Planned       `json:"milestones"`
	// Municipalities are the participants (issue of December 2026).
	Municipalities []string `json:"municipalities"`
	// Contract is the contract the tender replaces, or null.
	Contract *contractJSON `json:"contract"`
}

type contractJSON struct {
	ID               string     `json:"id"`
	Start            date.Date  `json:"start"`
	End              date.Date  `json:"end"`
	NextOptionNotice *date.Date `json:"next_option_notice"`
}

type plannedJSON struct {
	ID       string      `json:"id"`
	Name     string      `json:"name"`
	Kind     region.Kind `json:"kind"`
	Date     date.Date   `json:"date"`
	Earliest date.Date   `json:"earliest"`
	Latest   *date.Date  `json:"latest"`
	Slack    *int        `json:"slack"`
	Critical bool        `json:"critical"`
	Fixed    bool        `json:"fixed"`
	Done     bool        `json:"done"`
	By       *string     `json:"by"`
	Bodies   []string    `json:"bodies"`
}

// MarshalJSON writes the plan as in the README: scenario null for the base,
// milestones [] when infeasible.
func (r *Result) MarshalJSON() ([]byte, error) {
	p := planJSON{Region: r.Region, Tender: r.Tender, Schedule: r.Schedule, Feasible: r.Feasible,
		Conflict: r.Conflict, Milestones: r.Milestones, Municipalities: r.Municipalities}
	if p.Municipalities == nil {
		p.Municipalities = []string{}
	}
	if c := r.Contract; c != nil {
		p.Contract = &contractJSON{ID: c.ID, Start: c.Start, End: c.End()}
		if ns := c.Notices(); len(ns) > 0 {
			p.Contract.NextOptionNotice = &ns[0].Deadline
		}
	}
	if r.Scenario != "" {
		p.Scenario = &r.Scenario
	}
	if p.Milestones == nil {
		p.Milestones = []Planned{}
	}
	return json.Marshal(p)
}

// MarshalJSON writes one milestone of a plan as in the README.
func (p Planned) MarshalJSON() ([]byte, error) {
	j := plannedJSON{Date: p.Date, Earliest: p.Earliest, Latest: p.Latest, Slack: p.Slack,
		Critical: p.Critical, Fixed: p.Fixed, Done: p.Done}
	if m := p.Milestone; m != nil {
		j.ID, j.Name, j.Kind = m.ID, m.DisplayName(), m.Kind
	}
	if p.By != "" {
		j.By = &p.By
	}
	j.Bodies = p.Bodies
	return json.Marshal(j)
}
