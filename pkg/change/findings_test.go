package change

import (
	"testing"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// TestFindingsDelta: findings are the same when rule, milestone and
// message (key and arguments, not words) are; repeats count.
func TestFindingsDelta(t *testing.T) {
	aw := "aw"
	f := func(rule string, key string, args ...any) rules.Finding {
		return rules.Finding{Rule: rule, Milestone: &aw, Message: rules.Message{Key: key, Args: args}}
	}
	day := date.New(2027, 9, 1)
	bound := func() *date.Date { d := day; return &d }
	// Two plans give two conflicts with equal chains whose bounds are
	// different pointers to the same date: the same finding.
	conflict := func() timeline.Conflict {
		return timeline.Conflict{Kind: timeline.Cycle, Milestone: "aw", Chain: []timeline.Link{{Milestone: "aw", Bound: bound()}}}
	}
	before := []rules.Finding{
		f("overdue", "overdue", "aw", day, day),
		f("overdue", "overdue", "aw", day, day),
		f("bid-validity", "bid-validity", rules.At{ID: "aw", Date: day}, rules.Days(12)),
		f("infeasible", "infeasible", conflict()),
	}
	after := []rules.Finding{
		f("overdue", "overdue", "aw", day, day),
		// One more day: another finding (it disappears and appears).
		f("bid-validity", "bid-validity", rules.At{ID: "aw", Date: day}, rules.Days(13)),
		f("infeasible", "infeasible", conflict()),
	}
	gone, came := FindingsDelta(after, before), FindingsDelta(before, after)
	if len(gone) != 2 || gone[0].Rule != "overdue" || gone[1].Message.Args[1] != rules.Days(12) {
		t.Errorf("disappeared: %+v", gone)
	}
	if len(came) != 1 || came[0].Message.Args[1] != rules.Days(13) {
		t.Errorf("appeared: %+v", came)
	}
}
