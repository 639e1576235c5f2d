package timeline

import (
	"github.com/tender-nl/tender/pkg/date"
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
	// LinkWords is a link's constraint as the JSON chain writes it.
	LinkWords func(l *Link) string
)

// message is the explanation of c in lang, as the printers word it.
func message(c *Conflict, lang string) string { return ConflictWords(lang, c) }

// wantLink is a link as a conflict chain shows it in JSON (the milestone,
// the constraint as written, file, line and bound), not the structure the
// printers word it from.
type wantLink struct {
	Milestone, Constraint, File string
	Line                        int
	Bound                       *date.Date
}

// asWritten is a chain as JSON shows it.
func asWritten(chain []Link) []wantLink {
	out := make([]wantLink, len(chain))
	for i := range chain {
		l := &chain[i]
		out[i] = wantLink{Milestone: l.Milestone, Constraint: LinkWords(l), File: l.File, Line: l.Line, Bound: l.Bound}
	}
	return out
}
