package timeline

import (
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tender-nl/tender/pkg/region"
)

// The planner has no words: the printers (render) word its conflicts and
// name its derived milestones. The tests of this package check those
// words next to the plans that give them, through these hooks, which
// words_test.go (package timeline_test, which may import render) sets
// before any test runs.
var (
	ConflictWords  func(lang string, c *Conflict) string
	MilestoneWords func(lang string, m *region.Milestone) string
)

// message is the explanation of c in lang, as the printers word it.
func message(c *Conflict, lang string) string { return ConflictWords(lang, c) }

// asWritten compares links by what a conflict chain shows in JSON (the
// milestone, the constraint as written, file, line and bound), not by the
// structure the printers word them from.
var asWritten = cmpopts.IgnoreFields(Link{}, "Role", "Key", "Text", "At", "Moved", "Held", "Body", "Contract")
