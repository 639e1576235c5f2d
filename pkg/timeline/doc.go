// Package timeline is the planner: it computes the earliest, latest and
// planned date of every milestone of a tender, or explains why there is no
// schedule (README, "Region file format": scheduling semantics).
//
// It has two layers. Solve works on a plain graph (Problem: nodes, dated
// bounds, relative edges, with opaque source numbers) and knows nothing of
// region files; Planner.Plan builds that graph from a region's tender, solves it in
// the region's calendar and fills a Result with what tender plan prints,
// including the conflict chain with each constraint's key, value, file and
// line.
//
// The package has no words. A Conflict is structure: its Kind, the
// milestone where it shows, and the chain of Links, each with its role
// (fixed, after, a push of a before, the tender's start, an alignment, …),
// the key and value as written and its line; Planned.Why (Options.Explain)
// is a chain of the same Links. The extension decisions derived from a
// replaced contract carry their origin (region.Milestone.Derived and
// Option), not a name. Printers (pkg/render: ConflictMessage, WhyLines,
// MilestoneName) put them into English or Dutch; the chain goes into JSON
// as written, whatever the language (render.LinkConstraint writes each
// link's constraint: "after: award + 3mo", "on: DATE (moved)", "tender
// start").
//
// # Semantics
//
// A milestone's lower bounds are its on or done date, its dated afters
// (after: DATE ± DUR, evaluated once in the region's calendar), its relative
// afters (after: B ± DUR gives B ± DUR), and the pushes of relative befores
// written at other milestones: A before: B ± DUR gives B the smallest date
// with B ± DUR on or after A (computed exactly with Calendar.ShiftCeil, never
// by subtracting: with A on 31 Jan 2021 and before: B - 1mo, B is 1 Mar,
// since 28 Feb - 1mo is 28 Jan).
//
// Earliest is the least fixpoint: the largest lower bound, moved by the
// milestone's align: and by: to the first date they allow. A milestone with
// both takes only dates both allow. A decision of several bodies
// (Node.ByAll) moves from lower bound L to the largest of the bodies' first
// meetings on or after L, and from there on to a date that align: allows
// and that is a meeting of one of them; in the backward pass it gives what
// precedes it not its latest date D but the smallest of the bodies' last
// meetings on or before D (solver.opening), so that every body still meets
// between the lower bound and D. On and done dates (and moves) are never
// moved by alignment; a lower bound after them is a conflict. A fixed date
// that does not fit its alignment is not a conflict (tender check reports
// it).
//
// Latest is the greatest fixpoint of the upper bounds: fixed dates, dated
// befores, A before: B ± DUR (A ≤ latest(B) ± DUR), and A after: B ± DUR,
// which limits B to the largest date with B ± DUR ≤ latest(A)
// (Calendar.ShiftFloor: for A fixed on 28 Feb 2021 and + 1mo, 31 Jan; for a
// Monday and + 1wd, the Sunday before), then moved back to the last date
// the alignment allows. A milestone at the meetings of a body with a list
// of meeting dates (by: or align: meeting:) can fall no later than the last
// of them, so that date is one of its upper bounds (Node.AlignEnds); a
// meeting rule goes on. A decision of several bodies, one of which has a
// list, leaves that body a meeting after its lower bound even when the
// decision has no latest date (Node.ByAllEnds). A milestone that nothing limits has no latest
// (Unbounded, nil in a Result). A latest after 2199-12-31 is 2199-12-31: no
// milestone can be later.
//
// Slack is latest − earliest in calendar days; a milestone with slack 0 is
// critical. The planned date is earliest under asap and latest under alap.
// Under alap, a milestone with no latest is planned on the earliest date
// that the planned dates of the milestones it follows allow (a forward pass
// with every bounded milestone held at its latest date). The README ("Region file format") says
// "earliest where latest is unbounded"; taken literally, a milestone after
// an alap-planned one could be planned before it, which no procurement
// officer would accept, so this refinement is the reading used.
//
// # The tender's start
//
// A milestone reaches a date when it is fixed, has a dated after, or has a
// lower bound from a milestone that reaches a date (through afters and the
// pushes of befores). The tender's start is the smallest earliest date among
// the milestones that reach a date, and every milestone that reaches none
// gets the start as a lower bound.
//
// Where a reaching milestone also follows a non-reaching one (c after: a and
// after: y, with y reaching no date), the start is computed in a first pass
// in which the non-reaching milestones have no date and contribute nothing:
// the start is the earliest date that the dated bounds alone give. The
// second pass solves everything with the start in place, and c may end up
// later than in the first pass; the start is not recomputed from it
// (recomputing could push the start later forever: y = start, c ≥ y + 1d,
// start = c, …). A tender in which nothing reaches a date is an input error.
//
// # Conflicts
//
// There is no schedule when a lower bound falls after a fixed date
// (BeforeFixed), the earliest date falls after a dated before (AboveUpper,
// also through the push of a relative before, and for a fixed date after its
// own before), no date on or after the lower bound fits the alignment (a
// meeting list ran out: NoAlignedDate), a cycle of constraints pushes itself
// later forever (Cycle), or a date falls outside 1900-01-01 … 2199-12-31
// (OutOfRange). Every milestone remembers which constraint last raised its
// lower bound; the explanation walks those reasons back from the conflict to
// a dated origin (an on, a done, a dated after, or the tender's start and
// then the chain of the milestone that sets it), naming each constraint and
// the bound it gave. For a cycle, the chain is the cycle.
//
// # Cycles and speed
//
// The graph is split into strongly connected components (Tarjan's algorithm,
// iteratively: plans may be 100,000 milestones deep), solved in topological
// order forwards and in reverse order backwards; a node pulls the bounds of
// its in-arcs once. Inside a cyclic component a FIFO worklist pushes until
// nothing changes. Monthly and working-day shifts are not constant, so a
// cycle may need many rounds to settle (A after: B + 1mo, B after: A - 30d
// climbs a day a round until B is 29 Jan and A 28 Feb), and the number of
// rounds is no proof of a positive cycle. A component is declared to rise
// forever when (a) after 2, 4, 8, … rounds its reasons close a loop in which
// every constraint gives a date at least its source's, one a later one,
// whatever the dates (after: X + N, before: X - N, N > 0; alignment only
// moves later): such a loop can never hold; or (b) a date passes
// 2199-12-31; or (c) it used max(400 rounds, 2^20) updates. The backward pass
// of a feasible plan always settles (every latest date is at least the
// earliest one); should it exceed the same budget it keeps the earliest
// dates as the latest for that component, which is a schedule.
//
// Dates are int32 day numbers; the calendar is called only for working
// days, months, years and alignments; no maps or allocations in the inner
// loops. About half a microsecond per milestone: 100,000 milestones in some
// 50 ms (BenchmarkSolve).
//
// # Risk runs
//
// Options.Delays and Options.Relax (Node.Delays in a Problem) serve tender
// risk: delays are added to the largest lower bound before alignment, on
// dates that are not done become lower bounds, and dated befores are set
// aside.
//
// In a cycle of constraints a delay is added once. One of a milestone's
// lower bounds may come around a cycle from the milestone itself (a second
// question round at least 4 weeks before the closing date, its answers 2
// weeks before it); that bound already carries the delay, and adding the
// delay to it again at every round would push the cycle later forever, so
// that a 3-week delay of the closing date made the tender infeasible. A
// cyclic component with delays is therefore solved with its own delays held
// back first; each delayed milestone then gets the largest lower bound
// found that way plus its delays as a dated lower bound, and the component
// is solved again. Outside cycles this is the same as adding the delays to
// the largest lower bound.
//
// PrepareRisk and RiskRunner do the runs of tender risk without building
// the problem again for every run; PlanAll plans many tenders on all cores.
//
// # No package state
//
// Plan, PlanAll, PrepareRisk and RegionCalendar are methods of a Planner,
// which keeps the calendars it builds (a region's calendar holds every
// meeting date of its bodies, and building it is a large part of planning
// one tender). The package keeps no planner and no cache of its own: the
// caller owns the planner, and the planner's lifetime is the cache's.
// pkg/app holds one per App (one per command, one for the life of tender
// serve) and hands it to the printers (render.Options.Calendars), the rules
// (rules.Options.Planner) and the simulation (risk.Options.Planner), so
// they draw in the calendars the plans were made in. Those options may be
// left nil: each call then uses a planner of its own, which gives the same
// answer and builds the calendars again. A test (TestNoPackagePlanner)
// keeps package-level planners out of this package.
package timeline
