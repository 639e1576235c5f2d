package render

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/tender-nl/tender/pkg/date"
)

// OverviewCSVHeader is the header row of `tender overview -o csv`. Like JSON
// keys, it does not change with --lang.
var OverviewCSVHeader = []string{"region", "tender", "procedure", "feasible", "publication", "submission", "award",
	"contract_start", "slack", "errors", "warnings", "next_id", "next_kind", "next_date"}

// OverviewCSV writes the portfolio as RFC 4180 records (CRLF line ends,
// fields quoted only where needed), one per tender in the order of the
// table; a date or slack that does not exist is an empty field.
func OverviewCSV(w io.Writer, o *Overview) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(OverviewCSVHeader); err != nil {
		return err
	}
	day := func(d *date.Date) string {
		if d == nil {
			return ""
		}
		return d.String()
	}
	for i := range o.Rows {
		r := &o.Rows[i]
		slack, nextID, nextKind, nextDate := "", "", "", ""
		if s := r.Slack(); s != nil {
			slack = strconv.Itoa(*s)
		}
		if r.Next != nil {
			nextID, nextKind, nextDate = r.Next.Milestone.ID, string(r.Next.Milestone.Kind), r.Next.Date.String()
		}
		rec := []string{r.Region.ID, r.Tender.ID, string(r.Tender.Procedure), strconv.FormatBool(r.Result != nil && r.Result.Feasible),
			day(plannedDate(r.Publication)), day(plannedDate(r.Submission)), day(plannedDate(r.Award)), day(plannedDate(r.ContractStart)),
			slack, strconv.Itoa(r.Errors), strconv.Itoa(r.Warnings), nextID, nextKind, nextDate}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
