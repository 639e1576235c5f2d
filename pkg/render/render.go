// Package render turns plans, findings and comparisons into the output
// formats of the CLI: one file per format. Renderers write to an io.Writer
// and never read the clock, the environment or the terminal: everything
// they need (language, colour, today, the terminal's width) comes in
// Options, so the same input gives the same bytes.
//
// Only the printers speak English or Dutch: the labels are in
// lang_en.go and lang_nl.go (T), the rules' findings, which carry a
// message key and typed arguments, in finding_catalogue.go (FindingText,
// SkipText), and the planner's conflicts, why-chains and derived
// decisions, which are structure, in lang_conflict.go (ConflictMessage,
// WhyLines, MilestoneName); they come as KEY.one and KEY.many where a
// number decides.
//
// Where one report has several formats for people, what they say is
// decided once and each format only dresses it: compareLines holds every
// cell of tender compare's table and Markdown (compareHeads the headings,
// the workbook's too), planFacts the summary under a plan in the table,
// the Markdown and the HTML, compareRemarks what is said under a
// comparison, ReportTender.statusLines a report's status, and diffView
// what a diff's table, Markdown and HTML show.
package render

import (
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Plan is one tender's plan with the region and tender it came from.
type Plan struct {
	Region *region.Region
	Tender *region.Tender
	Result *timeline.Result
	// Findings counts the tender's findings by severity, or is nil when
	// the rules were not run. The printers say it in words
	// (FindingsSummary: "2 errors, 1 warning").
	Findings *FindingCounts
	// Baseline is what the plan is compared with (--baseline), or nil.
	Baseline *Baseline
}

// FindingCounts are the numbers of findings of each severity.
type FindingCounts struct{ Errors, Warnings, Infos int }

// Summary is FindingsSummary of the counts.
func (c FindingCounts) Summary(lang string) string {
	return FindingsSummary(lang, c.Errors, c.Warnings, c.Infos)
}

// Options are what a renderer may depend on besides its data.
type Options struct {
	Lang  string    // "en" (default) or "nl": words meant for people only
	Color bool      // ANSI colour allowed
	Today date.Date // the reference date (--today)
	// Width is the number of columns the text tables may use: the
	// terminal's width, or COLUMNS. 0 means no width is known (a pipe, a
	// file, a CI log): the tables are laid out for DefaultWidth, and no
	// column is added or left out for the width.
	Width int
	// Calendars gives the regions' calendars for the pictures (weekends,
	// holidays): the planner that planned them, so that the calendars are
	// not built twice. nil gives each call a planner of its own (the same
	// picture, the calendars built again); there is no package default.
	Calendars *timeline.Planner
}

// calendars is the planner of one call: Calendars, or a new one.
func (o Options) calendars() *timeline.Planner {
	if o.Calendars != nil {
		return o.Calendars
	}
	return &timeline.Planner{}
}

// DefaultWidth is the width the tables are laid out for when Options.Width
// is 0.
const DefaultWidth = 100

// width is the number of columns the text tables may use.
func (o Options) width() int {
	if o.Width > 0 {
		return o.Width
	}
	return DefaultWidth
}

// tenderTitle is the title of one tender's output: "Region — Tender", the
// tender's id where it has no name.
func tenderTitle(r *region.Region, t *region.Tender) string {
	if t.Name == "" {
		return r.Name + " — " + t.ID
	}
	return r.Name + " — " + t.Name
}
