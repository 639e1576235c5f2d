package timeline

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/region"
)

// TestMeetingListEnds: a body with a list of meeting dates meets no more
// after the last one, so a decision taken at its meetings can fall no later
// than that, even with nothing downstream, and what must come before the
// decision is limited by it. Found by the generative test (pkg/gentest):
// the latest of sign was its own deadline, 2026-10-28, at which no meeting
// is left for the decision, and under alap the plan put sign on 10-28 and
// the decision, which must follow it by 36 days, on 06-26.
//
// By hand: sign after 2026-03-30 + 5w = Mon 05-04; decision after sign +
// 36d = Tue 06-09, at a pho meeting: Fri 06-26, the last one. So decision's
// latest is 06-26 (slack 0) and sign's the largest date with sign + 36d <=
// 06-26: 06-26 - 36d = Thu 05-21 (slack 17).
//
// With a meeting rule (weekly thu) the meetings go on: decision has no
// latest, sign keeps its deadline 10-28 as latest, and under alap the
// decision is on the first Thursday on or after 10-28 + 36d = Thu 12-03.
func TestMeetingListEnds(t *testing.T) {
	const src = `version: 1
region: {id: r, name: R, municipalities: [A]}
bodies:
  pho: {name: P, meets: [2026-01-26, 2026-04-16, 2026-04-30, 2026-06-26]}
  colleges: {name: C, meets: weekly thu}
  raad: {name: R, meets: [2026-04-20, 2026-06-30]}
tenders:
  t:
    name: T
    procedure: social-services
    milestones:
      sign: {kind: signature, after: 2026-03-30 + 5w, before: 2026-10-28}
      decision: {kind: decision, after: sign + 36d, by: %s}
`
	tests := []struct {
		body     string
		schedule region.Schedule
		want     []string
	}{
		{"pho", "asap", []string{"sign 2026-05-04 2026-05-04 2026-05-21 17", "decision 2026-06-26 2026-06-26 2026-06-26 0 C"}},
		{"pho", "alap", []string{"sign 2026-05-21 2026-05-04 2026-05-21 17", "decision 2026-06-26 2026-06-26 2026-06-26 0 C"}},
		{"colleges", "asap", []string{"sign 2026-05-04 2026-05-04 2026-10-28 177", "decision 2026-06-11 2026-06-11 - -"}},
		{"colleges", "alap", []string{"sign 2026-10-28 2026-05-04 2026-10-28 177", "decision 2026-12-03 2026-06-11 - -"}},
		// Two lists: raad meets on 04-20 and 06-30. From 06-09 the first
		// meetings are pho 06-26 and raad 06-30, so the decision is on
		// 06-30, the last meeting of either (latest, slack 0); sign + 36d
		// must leave both a meeting: at most 06-26, so sign <= 05-21.
		{"[pho, raad]", "asap", []string{"sign 2026-05-04 2026-05-04 2026-05-21 17", "decision 2026-06-30 2026-06-30 2026-06-30 0 C"}},
		// A list and a rule: colleges meets on, so the decision has no
		// latest, but pho must still meet on or after sign + 36d: sign <=
		// 05-21 again. Under alap sign is 05-21; from 06-26 the first
		// meetings are pho 06-26 and colleges Thu 07-02: the decision is on
		// 07-02 (asap: from 06-09, pho 06-26 and colleges 06-11: 06-26).
		{"[pho, colleges]", "asap", []string{"sign 2026-05-04 2026-05-04 2026-05-21 17", "decision 2026-06-26 2026-06-26 - -"}},
		{"[pho, colleges]", "alap", []string{"sign 2026-05-21 2026-05-04 2026-05-21 17", "decision 2026-07-02 2026-06-26 - -"}},
		{"[pho, raad]", "alap", []string{"sign 2026-05-21 2026-05-04 2026-05-21 17", "decision 2026-06-30 2026-06-30 2026-06-30 0 C"}},
	}
	for _, tt := range tests {
		t.Run(tt.body+" "+string(tt.schedule), func(t *testing.T) {
			r, err := region.Load("f.yaml", fmt.Appendf(nil, src, tt.body))
			if err != nil {
				t.Fatal(err)
			}
			res, err := (&Planner{}).Plan(r, r.Tenders[0], Options{Schedule: tt.schedule})
			if err != nil || !res.Feasible {
				t.Fatalf("Plan: %v, feasible %v", err, res != nil && res.Feasible)
			}
			if diff := cmp.Diff(tt.want, rows(res)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
