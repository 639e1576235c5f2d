package timeline_test

import (
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The tests of package timeline word conflicts and derived milestones as
// the printers do (export_test.go).
func init() {
	timeline.ConflictWords = render.ConflictMessage
	timeline.MilestoneWords = render.MilestoneName
	timeline.LinkWords = render.LinkConstraint
}
