package timeline_test

import (
	"fmt"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// A Planner is made by its caller and kept as long as its calendars are
// useful: one per App in tender (pkg/app), handed on to the printers, the
// rules and the simulation (render.Options.Calendars, rules.Options.Planner,
// risk.Options.Planner). The package has no planner of its own.
func ExamplePlanner() {
	src := `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Borne]
  school-region: noord
tenders:
  t:
    name: T
    procedure: open
    milestones:
      publication: {kind: publication, on: 2026-03-02}
      submission: {kind: submission, after: publication + 6w}
      award: {kind: award, after: submission + 2wd}
`
	r, err := region.Load("demo.yaml", []byte(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	p := &timeline.Planner{} // the zero value is ready to use
	res, err := p.Plan(r, r.Tenders[0], timeline.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res.Milestones {
		fmt.Println(m.Milestone.ID, m.Date)
	}
	// Mon 2026-03-02 + 6 weeks is Mon 2026-04-13 (Easter Monday is the
	// week before); 2 working days later is Wed 2026-04-15.

	// Output:
	// publication 2026-03-02
	// submission 2026-04-13
	// award 2026-04-15
}
