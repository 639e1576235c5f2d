package rules

import (
	"slices"
	"sort"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Rule is one rule of the README ("The rules"): its metadata, and the small function that
// applies it. Adding a rule is adding one entry to the table and its id,
// legality and default severity to region.Rules, which the loader checks
// policies against (a test keeps the two in the same order).
type Rule struct {
	ID       string
	Severity Severity // the default severity
	// Legal rules cannot be disabled or downgraded.
	Legal bool
	// Reference is printed with every finding, exactly as in the README ("The rules").
	Reference string
	// Procedures are the procedures the rule applies to; nil means all.
	Procedures []region.Procedure
	// Dated rules judge planned dates; they do not run when the tender has
	// no schedule.
	Dated bool
	check func(c *ctx) []Issue
}

// Issue is what a rule function reports; Check turns it into a Finding.
type Issue struct {
	// Milestone is the milestone the issue is about, or nil for the tender.
	Milestone *region.Milestone
	Message   Message
	// Severity fixes the severity of this issue (the summer rule's "no data"
	// info, the threshold rule's warning for open-house); "" takes the
	// rule's severity after the policy's overrides.
	Severity Severity
	// Pos overrides the position (the infeasible rule points at the first
	// link of the conflict chain); zero takes the milestone's or tender's.
	Pos region.Pos
	// Reference overrides the rule's reference for this issue (the rules
	// that cite the article of the tender's procedure); "" takes the rule's.
	Reference string
}

// The groups of procedures of the README ("The rules").
var (
	euProcedures = []region.Procedure{region.ProcedureOpen, region.ProcedureRestricted, region.ProcedureNegotiated, region.ProcedureDialogue}
	euAndSAS     = []region.Procedure{region.ProcedureOpen, region.ProcedureRestricted, region.ProcedureNegotiated, region.ProcedureDialogue, region.ProcedureSocialServices}
)

// table is every rule, legal rules first, in the order of the README ("The rules").
// Whether a rule is legal and its default severity are region.Rules',
// the one list of them that the loader checks policies against; withInfo
// copies them in.
var table = withInfo([]Rule{
	{ID: "tender-period", Reference: "Aw 2.71 lid 1, 5 and 6, 2.72, 2.74 and 2.74b",
		Procedures: []region.Procedure{region.ProcedureOpen}, Dated: true, check: tenderPeriod},
	{ID: "requests-period", Reference: "Aw 2.71 lid 2 and 3, 2.74",
		Procedures: []region.Procedure{region.ProcedureRestricted, region.ProcedureNegotiated, region.ProcedureDialogue}, Dated: true, check: requestsPeriod},
	{ID: "invitation-period", Reference: "Aw 2.71 lid 4, 5 and 6, 2.72, 2.74, 2.74a and 2.74b",
		Procedures: []region.Procedure{region.ProcedureRestricted, region.ProcedureNegotiated}, Dated: true, check: invitationPeriod},
	{ID: "answers-lead", Reference: "Aw 2.54 (10 days since 1 July 2016, was 6; the directive's 6 days, art. 47(3) and 53(2), is only the EU floor)",
		Procedures: euProcedures, Dated: true, check: answersLead},
	{ID: "standstill", Reference: "Aw 2.127",
		Procedures: euAndSAS, Dated: true, check: standstill},
	{ID: "award-notice", Reference: "Aw 2.134; Dir. art. 50, 75(2)",
		Procedures: euAndSAS, Dated: true, check: awardNotice},
	{ID: "threshold", Reference: "Aw 2.38; Dir. art. 4(d)",
		Procedures: []region.Procedure{region.ProcedureNational, region.ProcedureOpenHouse}, check: threshold},
	{ID: "order", Reference: "Aw 2.71–2.127 (the sequence of the procedure)",
		Dated: true, check: order},
	{ID: "infeasible", Reference: "README, \"Scheduling semantics\"",
		check: infeasible},
	{ID: "done-in-future", Reference: "",
		check: doneInFuture},

	{ID: "reasonable-period", Reference: "Aw 2.39, 1.10; Gids Proportionaliteit 3.6",
		Procedures: []region.Procedure{region.ProcedureSocialServices, region.ProcedureNational}, Dated: true, check: reasonablePeriod},
	{ID: "answers-margin", Reference: "Gids Proportionaliteit 3.6 (2022)",
		Dated: true, check: answersMargin},
	{ID: "national-standstill", Reference: "Gids Proportionaliteit; Aw 1.10",
		Procedures: []region.Procedure{region.ProcedureNational}, Dated: true, check: nationalStandstill},
	{ID: "implementation-period", Reference: "Norm voor Opdrachtgeverschap",
		Dated: true, check: implementationPeriod},
	{ID: "deadline-day", Reference: "Atw art. 1; Reg. 1182/71 art. 3(4)",
		Dated: true, check: deadlineDay},
	{ID: "summer", Reference: "Gids Proportionaliteit 3.6 (holidays)",
		Dated: true, check: summer},
	{ID: "meeting", Reference: "",
		Dated: true, check: meeting},
	{ID: "overdue", Reference: "",
		Dated: true, check: overdue},
	{ID: "missing-milestones", Reference: "the article of the procedure: Aw 2.26 (open), 2.27 (restricted), 2.28 ff. (dialogue), Dir. 2014/24 art. 29 (negotiated), Aw 2.38–2.39 (social-services)",
		Procedures: euAndSAS, check: missingMilestones},
	{ID: "bid-validity", Reference: "ARW 2016 (gestanddoeningstermijn)",
		Dated: true, check: bidValidity},
	{ID: "award-notice-missing", Reference: "Aw 2.134; social-services: Aw 2.39, 2.134 lid 3 (grouped per quarter)",
		Procedures: euAndSAS, check: awardNoticeMissing},
	{ID: "contract-gap", Reference: "",
		check: contractGap},
	{ID: "contract-overlap", Reference: "",
		Dated: true, check: contractOverlap},
	{ID: "extension-notice", Reference: "Dir. 2014/24 art. 72(1)(a) (options in the contract)",
		check: extensionNotice},
})

// withInfo sets each rule's Legal and Severity from region.Rules. An id
// that region does not know is a mistake in this package, found when the
// program starts.
func withInfo(rs []Rule) []Rule {
	for i := range rs {
		info, ok := region.Rule(rs[i].ID)
		if !ok {
			panic("rules: rule " + rs[i].ID + " is not in region.Rules")
		}
		rs[i].Legal, rs[i].Severity = info.Legal, info.Severity
	}
	return rs
}

// Rules returns the rule table, in the order of the README ("The rules").
func Rules() []Rule { return slices.Clone(table) }

// Lookup returns the rule with the given id.
func Lookup(id string) (Rule, bool) {
	for _, r := range table {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}

// AppliesTo reports whether the rule applies to a procedure.
func (r Rule) AppliesTo(procedure region.Procedure) bool {
	return r.Procedures == nil || slices.Contains(r.Procedures, procedure)
}

// Check applies every rule to tender t of region r (with its scenario, if
// any, already applied: t.Scenario names it) and its plan res. When the
// plan is infeasible it reports the infeasible finding, with the conflict's
// explanation, and skips the rules that judge planned dates. Findings come
// in line and column order, then in the order of the rule table.
func Check(r *region.Region, t *region.Tender, res *timeline.Result, opts Options) []Finding {
	c := newContext(r, t, res, opts.policy(r, t), opts)
	var out []Finding
	order := map[string]int{}
	for i := range table {
		rule := &table[i]
		order[rule.ID] = i
		if c.skip(rule) != "" {
			continue
		}
		for _, is := range rule.check(c) {
			out = append(out, c.finding(rule, is))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return order[a.Rule] < order[b.Rule]
	})
	return out
}

// Skip is why a rule did not run on a tender (NotRun): a key of the
// findings catalogue, which the printers put into words
// (render.SkipText: "does not apply to the procedure").
type Skip string

// The reasons a rule does not run.
const (
	SkipDisabled     Skip = "skip.disabled"   // disabled by the policy
	SkipProcedure    Skip = "skip.procedure"  // not for the tender's procedure
	SkipInfeasible   Skip = "skip.infeasible" // no schedule to judge
	SkipSummerPolicy Skip = "skip.summer"     // summer: off in the policy
)

// NotRun says, for each rule that Check would not run on this tender, why:
// disabled by the policy, not for this procedure, or no schedule to judge.
// Rules that run are not in the map. (tender check -o junit marks them
// skipped.)
func NotRun(r *region.Region, t *region.Tender, res *timeline.Result, opts Options) map[string]Skip {
	c := &ctx{Tender: t, Result: res, Policy: opts.policy(r, t)}
	out := map[string]Skip{}
	for i := range table {
		if why := c.skip(&table[i]); why != "" {
			out[table[i].ID] = why
		}
	}
	return out
}

// skip returns why the rule does not run on this tender, or "".
func (c *ctx) skip(rule *Rule) Skip {
	switch {
	case !rule.Legal && c.Policy.Disabled[rule.ID]:
		return SkipDisabled
	case rule.ID == "summer" && c.Policy.Summer == region.SummerOff:
		return SkipSummerPolicy
	case !rule.AppliesTo(c.Tender.Procedure):
		return SkipProcedure
	case rule.Dated && (c.Result == nil || !c.Result.Feasible):
		return SkipInfeasible
	}
	return ""
}

// Count returns the number of findings of each severity.
func Count(fs []Finding) (errors, warnings, infos int) {
	for _, f := range fs {
		switch f.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		case Info:
			infos++
		}
	}
	return errors, warnings, infos
}

// Fails reports whether a finding fails the run: an error, or a warning
// with --strict.
func Fails(f Finding, strict bool) bool {
	return f.Severity == Error || (strict && f.Severity == Warning)
}

// ctx is what a rule function sees: the tender, its plan, the effective
// policy and the calendars, with the planned milestones grouped by kind.
type ctx struct {
	Region *region.Region
	Tender *region.Tender
	Result *timeline.Result
	Policy Policy
	Today  date.Date
	Cal    *calendar.Calendar // the region's calendar (closed days included)
	Legal  *calendar.Calendar // the Atw calendar, for statutory periods
	kinds  map[region.Kind][]timeline.Planned
}

func newContext(r *region.Region, t *region.Tender, res *timeline.Result, pol Policy, opts Options) *ctx {
	c := &ctx{Region: r, Tender: t, Result: res, Policy: pol, Today: opts.Today,
		Cal: opts.planner().RegionCalendar(r), Legal: calendar.Legal(), kinds: map[region.Kind][]timeline.Planned{}}
	if res != nil {
		// Result.Milestones are in planned date order, so each kind's list
		// is too. Counted first, so that each list is allocated once.
		n := map[region.Kind]int{}
		for _, pl := range res.Milestones {
			n[pl.Milestone.Kind]++
		}
		for k, v := range n {
			c.kinds[k] = make([]timeline.Planned, 0, v)
		}
		for _, pl := range res.Milestones {
			c.kinds[pl.Milestone.Kind] = append(c.kinds[pl.Milestone.Kind], pl)
		}
	}
	return c
}

// all returns the planned milestones of a kind, in date order.
func (c *ctx) all(kind region.Kind) []timeline.Planned { return c.kinds[kind] }

// first returns the earliest planned milestone of a kind.
func (c *ctx) first(kind region.Kind) (timeline.Planned, bool) {
	if l := c.kinds[kind]; len(l) > 0 {
		return l[0], true
	}
	return timeline.Planned{}, false
}

// anchor returns the event a period of the milestone on d runs from: the
// last milestone of the kind on or before d, or, when none is, the first
// one. So with two publications (a correction, a second notice) a
// submission counts from the notice before it.
func (c *ctx) anchor(kind region.Kind, d date.Date) (timeline.Planned, bool) {
	l := c.kinds[kind]
	if len(l) == 0 {
		return timeline.Planned{}, false
	}
	i := sort.Search(len(l), func(i int) bool { return l[i].Date > d })
	if i == 0 {
		return l[0], true
	}
	return l[i-1], true
}

// following returns the milestone of a kind a milestone on d leads up to:
// the first one on or after d, or, when none is, the last one.
func (c *ctx) following(kind region.Kind, d date.Date) (timeline.Planned, bool) {
	l := c.kinds[kind]
	if len(l) == 0 {
		return timeline.Planned{}, false
	}
	i := sort.Search(len(l), func(i int) bool { return l[i].Date >= d })
	if i == len(l) {
		return l[len(l)-1], true
	}
	return l[i], true
}

// finding turns an issue of a rule into a Finding.
func (c *ctx) finding(rule *Rule, is Issue) Finding {
	sev := rule.Severity
	if s, ok := c.Policy.Severity[rule.ID]; ok && !rule.Legal {
		sev = s
	}
	if is.Severity != "" {
		sev = is.Severity
	}
	f := Finding{Rule: rule.ID, Severity: sev, Region: c.Region.ID, Tender: c.Tender.ID,
		Message: is.Message, Reference: rule.Reference, File: c.Region.Source}
	if is.Reference != "" {
		f.Reference = is.Reference
	}
	if c.Tender.Scenario != "" {
		s := c.Tender.Scenario
		f.Scenario = &s
	}
	pos := is.Pos
	if is.Milestone != nil {
		id := is.Milestone.ID
		f.Milestone = &id
		if pos.IsZero() {
			pos = c.milestonePos(is.Milestone)
		}
	}
	if pos.IsZero() {
		pos = c.Tender.Pos
	}
	f.Line, f.Column = pos.Line, pos.Column
	return f
}

// milestonePos is where a finding about m points: the milestone's key, or,
// for a milestone the scenario under check changed, its key inside the
// scenario, where the change that matters was written.
func (c *ctx) milestonePos(m *region.Milestone) region.Pos {
	if s := c.Tender.Scenario; s != "" && m.Scenario == s {
		for _, sc := range c.Tender.Scenarios {
			if sc.ID != s {
				continue
			}
			for _, ov := range sc.Overlays {
				if ov.Milestone != nil && ov.Milestone.ID == m.ID && !ov.Milestone.Pos.IsZero() {
					return ov.Milestone.Pos
				}
			}
		}
	}
	return m.Pos
}
