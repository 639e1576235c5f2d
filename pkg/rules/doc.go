// Package rules is the rule engine of tender check: the legal and practical
// rules of the README ("The rules"), applied to a tender and its plan. It knows
// nothing of commands, flags or output formats.
//
// # The table
//
// Every rule is one entry of a table (rules.go): its id, its reference
// (exactly as in the README ("The rules")), the procedures it applies to,
// whether it judges planned dates, and one small function that returns
// Issues; whether it is legal and its default severity come from
// region.Rules, the one list the loader checks policy ids against. Check
// runs the table and turns issues into Findings with the rule's metadata,
// the severity after the policy, and the position. Adding a rule is adding
// one entry, its function and its tests, and its id, legality and severity
// to region.Rules (a test keeps the two lists in the same order).
//
// Kinds, procedures and severities are package region's types (Severity
// here is an alias of region.Severity: the file format's policy.severity
// names the same words), and the rules name them by region's constants.
//
// # Counting
//
// A period of N days after an event starts the day after it: "B is at least
// N days after A" means B ≥ A + N. A statutory minimum period
// (tender-period, requests-period, invitation-period, standstill) whose day
// N is a Saturday, Sunday or Atw holiday (Good Friday and the days equated
// by decree included) runs on to the next working day of calendar.Legal():
// never the region's closed days, which are the region's business and not
// the law's. So an award decision sent on Monday 12 October 2020 has day
// 20 on Sunday 1 November, the standstill runs to Monday 2 November, and
// the award may follow from Tuesday 3 November.
//
// Backward limits (answers-lead: answers ≤ submission − 10d) and the award
// notice's upper limits are never rolled: rolling only ever moves a limit
// later, which for an upper limit would be more lenient than the law.
// Practical periods (the policy's) are counted in the region's calendar, so
// that a policy may say 15wd, and are not rolled either: they are good
// practice, not statute.
//
// # Which milestones a rule compares
//
// Tenders may have several milestones of a kind (question rounds, lots,
// a corrected notice). A period runs from its event to each milestone that
// closes it, and the event is the last milestone of its kind on or before
// that milestone (the first one when none is): each submission counts from
// the notice before it, each award from the award decision before it.
// Answers relate to the first submission on or after them (the last
// submission when none is); answers-margin judges only the last answers
// before each submission, answers-lead every round. The summer rule looks at
// the whole tender period, from the first publication to the last
// submission, and reports once, at that submission. The order rule compares
// each milestone with the first milestone of every earlier kind, so
// several rounds of questions and answers interleave freely; it reports one
// finding per milestone, naming the latest milestone it should follow.
//
// Rules judge the planned date of each milestone (under schedule: alap, the
// latest dates). When the plan is infeasible, Check reports the infeasible
// finding (the planner's explanation, at the first link of the chain that
// has a line) and skips the rules that need dates (Rule.Dated); threshold,
// done-in-future and missing-milestones judge the file as written and still
// run.
//
// # Decisions where the rules leave room
//
//   - deadline-day also reports a fixed date (on, done, a move) that its
//     align: does not allow (a contract start fixed on the 15th with align:
//     month-start): the README ("Region file format") sends such dates to tender check, and the
//     planner does not move them.
//   - meeting judges every milestone with by: or align: meeting:BODY, not
//     only decisions: a user who writes by: means a meeting date.
//   - done-in-future and overdue are off when Options.Today is zero.
//   - missing-milestones is one info per tender, listing the kinds missing.
//   - threshold reports at the tender's key (there is no separate position
//     for estimated-value).
//   - award-notice uses the signature (or the award) before the notice, and
//     for social services the end of that milestone's calendar quarter.
//
// # Policy
//
// ParseConfigPolicy reads the config file's policy (as viper returns it)
// once, where the application is built; EffectivePolicy lays it
// (Options.Config), the region's and the tender's over the defaults of the
// README ("The rules"): scalar keys override, disable lists add up,
// severity merges per rule. Legal rules cannot be disabled or downgraded
// (setting one to error is allowed and changes nothing); the loader
// refuses that in region files and ParseConfigPolicy in the config file (a
// *PolicyError, exit 2). summer: off switches the summer rule off. A severity override applies to a rule's
// ordinary findings; an issue with a fixed severity keeps it (the summer
// rule's "no data" info, the threshold rule's warning for an open house).
//
// # School summer holidays
//
// The summer holidays are data: school-summer.txt, embedded, one "YEAR
// REGION FROM TO SOURCE" line per holiday, 2017 to 2029, each line naming
// its source (the file's header says which are primary). The regions that apply are the region's
// school-region and its municipalities' own; calendar.quiet periods are
// added to them. The overlap with the tender period is counted in calendar
// days, both ends inclusive, over the union of all these periods, so a day
// in two holidays counts once. A year the data does not have gives an info
// finding per school region, never a guess, but only when the tender
// period reaches into that year's summer window (1 July – 15 September)
// and no quiet period covers part of that window (then the user has given
// the dates).
//
// # Positions and languages
//
// A finding about a milestone points at the milestone's key; for a
// milestone the scenario under check changed, at its key inside the
// scenario. Tender-level findings point at the tender's key.
// Finding.Scenario is nil for the base.
//
// The rules speak no language. A finding's Message is a catalogue key and
// typed arguments (dates, numbers of days, amounts, kinds, procedures,
// planned milestones, nested parts of the sentence; Message lists them),
// and NotRun's reasons are Skip keys; the printers put both into English
// or Dutch (render.FindingText, render.SkipText, with the catalogues in
// pkg/render/finding_catalogue.go), JSON's "message" included. Findings
// are compared by key and arguments (Message.Equal), never by their
// words. The tests here read messages in English through the printers'
// words (words_test.go sets Say, as render imports this package).
//
// # Speed
//
// Check groups the planned milestones by kind once and answers "the event
// before this milestone" by binary search, so a tender of 100,000
// milestones is checked in well under 100 ms (BenchmarkCheck).
package rules
