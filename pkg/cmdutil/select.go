package cmdutil

import (
	"fmt"
	"io"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Selected is one tender to work on (app.Selected).
type Selected = app.Selected

// Describe names a tender for messages: region/tender, with the scenario
// ("scenario" is the word in Dutch too).
func Describe(s Selected) string {
	d := s.Region.ID + "/" + s.Tender.ID
	if s.Tender.Scenario != "" {
		d += " (scenario " + s.Tender.Scenario + ")"
	}
	return d
}

// PrintConflict writes why the selected tender has no schedule in lang,
// for stderr: "achterhoek/inkoop-2022: infeasible: …", the explanation's
// further lines under it.
func PrintConflict(w io.Writer, lang string, s Selected, c *timeline.Conflict) {
	fmt.Fprintf(w, "%s: %s\n", Describe(s), render.ConflictMessage(lang, c))
}

// PrintConflicts writes each conflict in lang (PrintConflict) and answers
// "no" (ErrNo) when there is one.
func PrintConflicts(w io.Writer, lang string, conflicts []app.Conflict) error {
	for _, c := range conflicts {
		PrintConflict(w, lang, c.Selected, c.Conflict)
	}
	if len(conflicts) > 0 {
		return ErrNo
	}
	return nil
}
