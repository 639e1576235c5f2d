package render

import (
	"encoding/csv"
	"io"
	"strconv"
)

// CompareCSVHeader is the header row of `tender compare -o csv`. Like JSON
// keys, it does not change with --lang.
var CompareCSVHeader = []string{"region", "tender", "scenario", "id", "name", "kind", "date", "shift_days", "shift_workdays"}

// CompareCSV writes a comparison in long form, one RFC 4180 record per plan
// and milestone (CRLF line ends, fields quoted only where needed), for
// spreadsheets and pivot tables: the base first (scenario "base"), then
// each scenario, each in its planned date order. shift_days and
// shift_workdays are empty where the base has no date for the milestone. A
// plan without a schedule has no records, as in tender plan -o csv. sep
// separates the fields (0 means a comma); lang names the milestones the
// planner derives (MilestoneName).
func CompareCSV(w io.Writer, c *Comparison, sep rune, lang string) error {
	cw := csv.NewWriter(w)
	if sep != 0 {
		cw.Comma = sep
	}
	cw.UseCRLF = true
	if err := cw.Write(CompareCSVHeader); err != nil {
		return err
	}
	for j, col := range c.Columns {
		cells := make(map[string]ComparisonCell, len(c.Rows))
		for _, r := range c.Rows {
			cells[r.ID] = r.Cells[j]
		}
		for _, pl := range col.Result.Milestones {
			m := pl.Milestone
			days, wd := "", ""
			if sh := cells[m.ID].Shift; sh != nil {
				days, wd = strconv.Itoa(sh.Days), strconv.Itoa(sh.Workdays)
			}
			if err := cw.Write([]string{c.Region.ID, c.Tender.ID, col.Name, m.ID, MilestoneName(lang, m), string(m.Kind), pl.Date.String(), days, wd}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
