package render

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// overviewCells are a row's cells for people: dates, slack, counts and the
// next milestone; a tender without a schedule says so under contract start.
// The procedure is its id, as in the region file and the plan table: the
// Dutch names are too long for a table of 40 regions.
func overviewCells(lang string, r *OverviewRow, color bool) []string {
	none := T(lang, "overview.nothing")
	day := func(p *timeline.Planned) string {
		if p == nil {
			return none
		}
		return p.Date.String()
	}
	start := day(r.ContractStart)
	if r.Result == nil || !r.Result.Feasible {
		start = style(color, ansiRed+ansiBold, T(lang, "overview.noschedule"))
	}
	slack := none
	if s := r.Slack(); s != nil {
		slack = T(lang, "slack.days", *s)
	}
	next := none
	if r.Next != nil {
		next = r.Next.Date.String() + " " + r.Next.Milestone.ID
	}
	errs := strconv.Itoa(r.Errors)
	if r.Errors > 0 {
		errs = style(color, ansiRed+ansiBold, errs)
	}
	return []string{r.Region.ID, tenderCell(r.Region, r.Tender), ProcedureShort(lang, r.Tender.Procedure), day(r.Publication), day(r.Submission),
		day(r.Award), start, slack, errs, strconv.Itoa(r.Warnings), next}
}

// tenderCell is a tender's id, with "(n/N)" after it when it is the
// tender of n of the region's N municipalities (tender key
// municipalities:); a tender of the whole region is its id alone.
func tenderCell(r *region.Region, t *region.Tender) string {
	n, all := len(r.Participants(t)), len(r.Municipalities)
	if len(t.Municipalities) == 0 || n >= all {
		return t.ID
	}
	return t.ID + " (" + strconv.Itoa(n) + "/" + strconv.Itoa(all) + ")"
}

// overviewKeys name the columns of overviewCells, in order.
var overviewKeys = []string{"region", "tender", "procedure", "publication", "submission", "award", "contractstart",
	"slack", "errors", "warnings", "next"}

// overviewLeaveOut are the columns the table leaves out, in this order,
// when it is wider than the terminal: the dates before the award can be
// read from tender plan, the errors and the contract start cannot wait.
var overviewLeaveOut = []string{"procedure", "submission", "publication", "award", "warnings"}

func overviewHeader(lang string) []string {
	var h []string
	for _, k := range overviewKeys {
		h = append(h, T(lang, "overview."+k))
	}
	return h
}

// overviewSummary is "3 regions, 7 tenders · 1 error, 4 warnings", with the
// tenders without a schedule when there are any.
func overviewSummary(lang string, o *Overview) string {
	infeasible, errs, warns := o.Totals()
	s := plural(lang, "overview.regions", o.Regions) + ", " + plural(lang, "overview.tenders", len(o.Rows)) +
		" · " + FindingsSummary(lang, errs, warns, 0)
	if infeasible > 0 {
		s += " · " + T(lang, "overview.infeasible", infeasible)
	}
	return s
}

// OverviewTable writes the portfolio as one table for the terminal: a
// title with the reference date, a summary line, a row per tender and a
// legend.
func OverviewTable(w io.Writer, o *Overview, opts Options) error {
	lang := opts.Lang
	fmt.Fprintln(w, style(opts.Color, ansiBold, T(lang, "overview.title", LongDate(lang, o.Today))))
	fmt.Fprintln(w, style(opts.Color, ansiDim, overviewSummary(lang, o)))
	fmt.Fprintln(w)
	rows := make([][]string, 0, len(o.Rows))
	names := make([]string, 0, len(o.Rows))
	for i := range o.Rows {
		rows = append(rows, overviewCells(lang, &o.Rows[i], opts.Color))
		names = append(names, o.Rows[i].Tender.Name)
		if names[i] == "" {
			names[i] = o.Rows[i].Tender.ID
		}
	}
	header, keys := overviewHeader(lang), slices.Clone(overviewKeys)
	var leftOut []string
	if limit := nameRoom(header, rows, 2, opts); limit > 0 {
		// A terminal with room: the tenders' names after their ids, one
		// line each (a portfolio is read down the rows).
		for i := range names {
			names[i] = truncate(strings.Join(strings.Fields(names[i]), " "), limit)
		}
		header, rows = withColumn(header, rows, 2, T(lang, "col.name"), names)
		keys = insertAt(keys, 2, "name")
	} else if opts.Width > 0 {
		for _, k := range overviewLeaveOut {
			if tableWidth(header, rows) <= opts.Width {
				break
			}
			i := slices.Index(keys, k)
			leftOut = append(leftOut, header[i])
			header, rows, keys = withoutColumn(header, i), withoutColumns(rows, i), slices.Delete(keys, i, i+1)
		}
	}
	align := make([]tw.Align, len(keys))
	for i, k := range keys {
		align[i] = left
		if k == "slack" || k == "errors" || k == "warnings" {
			align[i] = right
		}
	}
	if err := writeTable(w, header, rows, align); err != nil {
		return err
	}
	fmt.Fprintln(w)
	note(w, T(lang, "overview.legend", o.Today.String()), opts)
	if len(leftOut) > 0 {
		note(w, T(lang, "overview.leftout", opts.Width, strings.Join(leftOut, ", ")), opts)
	}
	return nil
}

// OverviewMarkdown writes the portfolio as a GitHub-flavoured Markdown
// table for a memo or wiki page, with the title and summary above it.
func OverviewMarkdown(w io.Writer, o *Overview, opts Options) error {
	lang := opts.Lang
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", mdEscape(T(lang, "overview.title", LongDate(lang, o.Today))), mdEscape(overviewSummary(lang, o)))
	header := overviewHeader(lang)
	for i, h := range header {
		header[i] = titleCase(h)
	}
	mdRow(&b, header)
	b.WriteString("|---|---|---|---|---|---|---|--:|--:|--:|---|\n")
	for i := range o.Rows {
		cells := overviewCells(lang, &o.Rows[i], false)
		cells[0], cells[1] = "`"+cells[0]+"`", "`"+cells[1]+"`"
		for k := 2; k < len(cells); k++ {
			cells[k] = mdEscape(cells[k])
		}
		mdRow(&b, cells)
	}
	b.WriteString("\n" + mdEscape(T(lang, "overview.legend", o.Today.String())) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
