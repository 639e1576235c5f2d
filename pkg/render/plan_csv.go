package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"
)

// CSVHeader is the header row of `tender plan -o csv`. Like JSON keys, it
// does not change with --lang: scripts read these names.
var CSVHeader = []string{"region", "tender", "scenario", "id", "name", "kind", "date", "earliest", "latest", "slack", "critical"}

// ValidCSVSeparator checks a --csv-sep value: exactly one character that
// can separate fields (not a quote, a line break or the Unicode
// replacement character). "\t" and "tab" stand for a tab, which is hard to
// type in a shell.
func ValidCSVSeparator(s string) (rune, error) {
	switch s {
	case `\t`, "tab":
		return '\t', nil
	}
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || n != len(s) || r == utf8.RuneError {
		return 0, fmt.Errorf("--csv-sep %q: give exactly one character, such as , or ; (or tab)", s)
	}
	if r == '"' || r == '\r' || r == '\n' {
		return 0, fmt.Errorf("--csv-sep %q: a quote or line break cannot separate fields", s)
	}
	return r, nil
}

// PlanCSV writes one RFC 4180 record per milestone (CRLF line ends, fields
// quoted only where needed) under the CSVHeader row, with sep between
// fields (0 means a comma; Dutch Excel wants ';'). latest and slack are
// empty when unbounded, scenario is empty for the base plan, critical is
// true or false. An infeasible plan has no milestones and so no records;
// the header is always written, so an empty result is still a valid file.
// lang names the milestones the planner derives (MilestoneName).
func PlanCSV(w io.Writer, plans []Plan, sep rune, lang string) error {
	cw := csv.NewWriter(w)
	if sep != 0 {
		cw.Comma = sep
	}
	cw.UseCRLF = true
	header := CSVHeader
	withBaseline := slices.ContainsFunc(plans, func(p Plan) bool { return p.Baseline != nil })
	if withBaseline {
		header = append(slices.Clone(CSVHeader), "baseline", "variance_days")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, p := range plans {
		r := p.Result
		for _, m := range r.Milestones {
			latest, slack := "", ""
			if m.Latest != nil {
				latest = m.Latest.String()
			}
			if m.Slack != nil {
				slack = strconv.Itoa(*m.Slack)
			}
			rec := []string{r.Region, r.Tender, r.Scenario, m.Milestone.ID, MilestoneName(lang, m.Milestone), string(m.Milestone.Kind),
				m.Date.String(), m.Earliest.String(), latest, slack, strconv.FormatBool(m.Critical)}
			if withBaseline {
				b, v := "", ""
				if p.Baseline != nil {
					b, v = p.Baseline.csvCells(m.Milestone.ID, m.Date)
				}
				rec = append(rec, b, v)
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
