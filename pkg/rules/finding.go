package rules

import (
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Severity of a finding. error and (with --strict) warning fail a run.
// The vocabulary is the file format's (policy.severity names it), so it
// is region's type; these are its names in this package.
type Severity = region.Severity

// The severities of the README ("The rules").
const (
	Error   = region.SeverityError
	Warning = region.SeverityWarning
	Info    = region.SeverityInfo
)

// Finding is one result of a rule on one tender. The printers show it
// (render: JSON's shape is render's findingJSON, the README's "tender
// check -o json").
type Finding struct {
	Rule      string
	Severity  Severity
	Region    string
	Tender    string
	Scenario  *string // nil for the base
	Milestone *string // nil for a finding about the tender
	// Message is what the finding says, without words: the printers put
	// it into a language (render.FindingText).
	Message   Message
	Reference string // the rule's, or the issue's own
	File      string
	Line      int
	Column    int
}

// Options are what the rules depend on besides the plan.
type Options struct {
	// Today is the reference date of the "past" rules (--today).
	Today date.Date
	// Config is the config file's policy: section (lowest precedence),
	// parsed once by ParseConfigPolicy, or nil for none.
	Config *region.Policy
	// Planner gives the regions' calendars: the planner that planned the
	// result, so that they are built once. nil gives each Check a planner
	// of its own (the same findings, the calendar built again); there is
	// no package default.
	Planner *timeline.Planner
}
