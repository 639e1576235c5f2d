// Package gentest tests the planner at the level of the file text: a
// generator (Gen) draws random but valid region files as an abstract model
// (File), Write writes the model as YAML text in one of many styles, and
// Plan, a brute-force reference written from the format's scheduling
// semantics, plans the model. The test (TestGeneratedFiles, a few thousand
// files; FuzzGeneratedFiles, for as long as the fuzzer runs) runs tender
// plan -o json in this process on the text, for the base, every scenario,
// --asap/--alap and a --set move, and compares every field of every
// milestone, the order, the schedule and feasibility with the reference;
// for a file with scenarios it also runs tender compare -o json and checks
// every plan's feasibility, dates and order, and each milestone's shift
// against the base in days and working days.
//
// The model covers every expression form (DATE, ID, ID ± DUR, DATE ± DUR,
// in lists and alone, bare and quoted, with and without spaces), every
// unit (d, w, wd, mo, y, and N = 0), every align (workday, month-start,
// quarter-start, year-start, a weekday, meeting:BODY), by: one body or a
// list of bodies, with meeting rules (weekly, biweekly from, monthly Nth
// and last) or lists of meeting dates and recess periods, on, done, dated and relative befores, cycles, workdays other than
// Monday to Friday, holidays nl and none, closed periods, schedule: alap and
// scenarios that replace a milestone's dates, rename it or add milestones,
// and a contract (term, options, extended) that a quarter of the tenders
// replace (replaces:), with scenarios that change its extended: the
// reference bounds each contract start by the contract's end + 1 day and
// adds the derived extension decisions, which take no part in the start.
// A third of the files have no on or done, so that dated afters alone
// anchor the tender.
//
// # Independence
//
// The reference shares no code with pkg/timeline or pkg/calendar: it has
// its own day numbers and arithmetic (on the time package), its own
// working days, alignments and meetings, and finds bounds by trying dates
// one by one, evaluating durations only forward (never an inverse such as
// "the largest A with A + 1mo <= B"). The one thing it takes from
// pkg/calendar is the list of Dutch legal holidays (Calendar.Holiday). It
// does not read the loader's types either: it works on the model the
// generator wrote. It is slow and simple on purpose. The generator (not
// the reference) draws kinds and schedules from package region's lists, so
// that a kind added to the format is drawn without a second list here.
//
// # Adding a form
//
// A new form of the format is added in four places, each a small function
// or case, without rewriting the rest:
//
//  1. model.go: the field in the model (File, Milestone or a new type);
//  2. generate.go: a draw function, called where its section is drawn, that
//     fills the field so that the file stays valid;
//  3. yaml.go: writing the field (writer.milestone for milestone keys,
//     Write for sections and tender keys);
//  4. reference.go: what it means, as constraints of the problem
//     (newProblem: a dated lower bound in lowers, a dated upper bound in
//     uppers, a relative bound in rels, or a milestone's allowed dates in
//     allowed, next and prev).
//
// Two forms, as examples:
//
//   - replaces: CONTRACT on a tender, with a top-level contracts: section,
//     was added this way: Contract and File.Contract, File.Replaces and
//     Scenario.Extended (model.go); drawContract (generate.go); the
//     contracts: section, replaces: and a scenario's contracts: (yaml.go);
//     in Plan (reference.go) the contract's end plus one day (end = start +
//     term + taken options - 1d, with the reference's own calShift) in
//     uppers of every milestone of kind contract-start, and the derived
//     extension-decision milestones added to the model's milestones, fixed,
//     and left out of the start. The plan's "contract" is compared too.
//   - by: as a list of bodies was added this way, and is the worked
//     example: Milestone.ByAll (model.go); a branch in drawDates that picks
//     two or more bodies, and drawRecess for the bodies' recess periods
//     (generate.go); "by: [a, b]" and recess: (yaml.go); and in
//     reference.go: next(i, L) is the last of the bodies' first meetings
//     on or after L (the decision falls when every body has met), allowed
//     is a meeting of any body (so prev, the latest, is the last such
//     meeting), lastMeeting covers a list of lists, and gfp limits the
//     milestones before the decision with largestWith (the largest date
//     whose lower bound still gives the decision a date, tried date by
//     date). by and bodies in the JSON follow.
//
// The reference returns an error, which fails the test, when its own
// results are inconsistent (a latest before an earliest, an alap plan it
// cannot build); a difference with tender is reported with the seed, the
// file, the command and both outputs. TestGeneratedFiles logs how many
// plans were feasible and fails when either kind is too rare to test.
package gentest
