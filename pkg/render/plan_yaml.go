package render

import (
	"io"

	"github.com/tender-nl/tender/pkg/region"
)

// PlanYAML writes plans as one YAML document with exactly the shape of
// PlanJSON: the same keys in the same order, null where the JSON has null,
// dates as "YYYY-MM-DD" strings. It encodes the very structs PlanJSON
// encodes (their yaml tags equal their json tags), through region's YAML
// helper, the one place tender calls yaml.v3.
func PlanYAML(w io.Writer, plans []Plan, lang string) error {
	out := planJSON{Plans: make([]planEntryJSON, 0, len(plans))}
	for _, p := range plans {
		out.Plans = append(out.Plans, withBaseline(planEntry(p.Result, lang), p.Baseline, p.Result))
	}
	b, err := region.MarshalYAML(out)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}
