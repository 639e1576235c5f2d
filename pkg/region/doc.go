// Package region is the region file format, version 1 (README, "Region file format"):
// its types, its loader and its validation. Its subpackages do the other
// jobs: syntax is the YAML layer (parsing with positions, aliases and merge
// keys, syntax errors), edit the byte-exact editor (reschedule --write),
// schema the JSON Schema (tender schema). Every YAML call of tender lives
// in this package and its subpackages, so moving from gopkg.in/yaml.v3 to
// its maintained fork go.yaml.in/yaml/v3 is a change of import lines only.
//
// # Loading
//
// Load takes the bytes of one file and the name to use in messages (it never
// opens files). It returns the Region, or nil and an ErrorList holding every
// problem found in the file, not just the first, sorted by line and column
// (problems at the same place keep the order they were found in). Each
// error prints as
//
//	file:line:column: what is wrong: what would fix it
//
// Lines and columns are 1-based. Columns count characters (runes), as
// yaml.v3 does and as editors show them, not bytes: in "ëëë: 2026-01-01"
// the value is at column 6. Code that splices bytes (reschedule --write)
// must convert. Pos, Error and ErrorList are package syntax's, under the
// same names here.
//
// Files are parsed into a yaml.Node tree (package syntax, the YAML layer)
// and walked by hand, never decoded by reflection, so every value keeps its
// position and 100,000 milestones load in about a second (yaml.v3's parser
// takes some 85% of that time).
//
// Loading is two passes. The first, decoding, walks the tree and reads each
// key's value with its position, reporting the problems of syntax and of
// single values (a wrong type, a bad date, an unknown or missing key):
// load.go (the loader and its errors), keys.go (the key sets and unknown,
// repeated and missing keys), values.go (single values), sections.go (the
// file's top level, region:, calendar:, bodies:, policy:), tenders.go
// (tenders and their milestones), overlays.go (scenarios) and
// contract_load.go (contracts). The second, validation (validate.go), runs
// over the decoded model once the whole file is read and reports the
// problems of meaning: what an id refers to (the milestones of expressions,
// the bodies of by: and align:, the contract of replaces:, the
// municipalities of a tender or contract, the contract a scenario changes),
// which keys of one thing require or exclude each other (accelerated and
// notes, by and align, replaces and contract-start, a contract's extended
// and options, a body's listed meetings and its recess, a scenario's new
// milestone and kind) and whether a tender or scenario has a dated anchor.
// What a single key's value or a list's items say of themselves (from ≤ to
// in a period, closed periods in order, a repeated item, on beside done)
// is decoding's. What it needs beyond the model (the
// position of a key the model does not keep, whether a key was tried) the
// decoder writes down beside the model, in notes, rather than in the
// model's types.
//
// Three consequences of the two passes, chosen and tested: problems at the
// very same place (possible only through an alias or merge key, which
// shares a node) come decoding's first; the "did you mean" hints go to the
// first 200 problems found, and decoding's are found first, so in a file
// with 200 or more problems of decoding a reference gets the list of ids
// without the hint; and a walk halted by a limit (an alias bomb, too deep
// a nesting) reports no problems of meaning. The errors in the value of a
// scenario's contracts: ID are held until validation has checked ID: when
// the scenario may not change that contract, that error alone is reported.
//
// # Keys
//
// Keys are strict everywhere: an unknown key is an error at the key, with a
// "did you mean" when a known key is close (Suggest), a note when the key
// belongs elsewhere (id at the top level belongs under region:, kind under
// a tender belongs to a milestone), or else the list of allowed keys. A key
// given twice in one mapping is an error at the second.
//
// The allowed keys of each mapping are read once, at start-up, from the
// yaml tags of File, RegionHeader, Municipality, CalendarSpec, Period, Body,
// Policy, Tender, Milestone, Risk and Scenario; a tag without omitempty
// marks a required key. The JSON schema (tender schema, package
// region/schema) is generated from the same types, so the two cannot
// disagree on names. File and RegionHeader exist for that purpose: Region
// flattens the region: section. The types carry no schema code.
//
// # Values
//
// Dates are strict ISO YYYY-MM-DD with years 1900–2199 (date.Parse). An
// unquoted date is a !!timestamp node in yaml.v3; the loader reads the
// node's text, never a decoded time.Time, so no time zone can shift it.
// Quoted dates are accepted too. A timestamp with a time part
// (2021-04-01T10:00:00), an impossible day (2021-02-30) and other layouts
// (1-4-2021, with the hint "did you mean 2021-04-01?") are errors at the
// value.
//
// Booleans are true or false (also True, TRUE, False, FALSE). yes, no, on
// and off are YAML 1.1 and are refused rather than guessed. version is the
// integer 1; another number is reported alone ("unsupported version 2: this
// tender reads version 1"), since the rest of another version's file would
// only produce noise. estimated-value is a whole, non-negative number of
// euros in decimal; underscores may group digits (120_000_000).
// probability is a number with 0 < p ≤ 1; "15%" gets the hint "write 0.15".
//
// A key with no value (calendar:, policy:, notes:, ~) means "not given" for
// optional sections and free text, and is an error where a value is
// required (kind:, after:, a name).
//
// Defaults filled in by the loader: electronic true, schedule asap,
// calendar.holidays nl, risk probability 1. Not filled in: calendar.workdays
// (nil means mon … fri), policies (nil or partial: policies merge across
// config, region and tender, see the README ("The rules")), milestone names (DisplayName
// falls back to the id).
//
// # Ids and references
//
// Ids (region, bodies, tenders, milestones, scenarios) match
// ^[a-z0-9][a-z0-9-]*$ and are unique within their map; a bad id gets a
// suggested one ("Mijn Regio" → mijn-regio). A milestone id made only of
// digits and two separators (2021-04-02) is refused, because expressions
// would read it as a date. The scenario id "base" is reserved for the tender
// without a scenario (BaseScenario).
//
// Expressions (ParseExpr) are DATE | ID | ID ± DUR | DATE ± DUR, with spaces
// around + and - optional. Since ids and dates contain '-', a '-' with no
// space on either side is the operator only when a valid duration follows:
// submission-10d is submission - 10d, phase-2 is an id, 2021-04-01 a date.
// When a tender has a milestone phase-2w and none called phase, after:
// phase-2w names it; when it has both, the expression is ambiguous and an
// error.
//
// Every id in an expression must be a milestone of the same tender ("unknown
// milestone 'publicaton' (did you mean 'publication'?)"); a milestone may
// not refer to itself. Longer cycles are the planner's business: it
// explains them as infeasible chains. by: BODY and align: meeting:BODY must
// name a body of the file; when a milestone gives both, they must name the
// same body. on and done exclude each other (the error is at the second).
//
// Each tender needs a dated anchor: at least one milestone with on, done, or
// an after that is a date (README, "Region file format": scheduling semantics). Bounds
// between milestones only pass dates on, so that is exactly the condition
// for some lower bound to reach a date. A milestone whose date failed to
// parse counts as an anchor, so one mistake gives one error.
//
// # Sections
//
// region: municipalities are names or {name, school-region}; a name listed
// twice is an error. school-region is noord, midden or zuid. lead is free
// text and not checked against the municipalities.
//
// calendar: workdays is a non-empty list of mon … sun without repeats
// (Dutch and English day names get a hint). holidays is nl or none. closed
// and quiet are lists of {name, from, to}, both ends inclusive, from ≤ to;
// closed periods must be listed by from date (the error names the period out
// of order and the one it should follow); quiet periods may overlap and come
// in any order.
//
// bodies: meets is a list of dates, stored sorted (their written order
// carries no meaning; a date listed twice is an error), or a rule:
// weekly DAY, biweekly DAY from DATE, monthly Nth DAY, monthly last DAY
// (date.ParseMeetingRule). A single date written without brackets gets the
// hint to write it as a list. recess is a list of {name, from, to} like
// quiet (any order, overlaps allowed, from ≤ to); a listed meeting date
// inside a recess is an error at the date.
//
// by: is a body id, or a list of them (BodyRef.List; an empty list, an
// unknown body and a body listed twice are errors at the item). A list of
// one body is that body. align: meeting:BODY beside a list of several is an
// error at align (the date is the last of their meetings, not BODY's).
//
// policy: (the region's, and each tender's) takes the keys of the README ("The rules"),
// "Policy". Rule ids in disable and severity must be ids of Rules, the one
// list of rule ids in tender. Legal rules cannot be disabled or downgraded
// (setting a legal rule's severity to error is allowed, and changes
// nothing). disable also takes a single id; repeats in it are dropped.
//
// tenders: procedure is one of Procedures; kind one of Kinds;
// accelerated: true requires notes (the justification); electronic,
// agreed-period, prior-notice and documents-online are booleans
// (electronic and documents-online default to true); bid-validity and
// the policy periods are durations (date.ParseDuration); risk delays are
// LO..HI ranges in one unit (date.ParseDurationRange).
//
// # Vocabularies
//
// The closed vocabularies of the format are types with constants and one
// list of their values each, in vocab.go: Kind (Kinds), Procedure
// (Procedures), Schedule (Schedules), Severity (Severities), Holidays
// (HolidayCalendars), Summer (Summers), SchoolRegion (SchoolRegions). The loader
// checks a value against the list (with "did you mean"), the schema's
// enums are the lists, and code elsewhere names a value by its constant
// rather than by a string literal. The words that package date reads are
// date's lists, which ParseX and String both use and the schema's patterns
// are built from: the words of align: (AlignWords), the weekday names
// (WeekdayNames), the duration units (UnitSuffixes) and the positions of
// a monthly meeting rule (MeetingPositions). Rule ids, their legality and
// default severity are one list too, Rules, which package rules' table
// takes them from.
//
// Severity lives here rather than in package rules because the file
// format names it (policy.severity) and the loader checks it; rules
// imports region, and its Severity is an alias of this one, so a finding's
// severity and an override's are one type.
//
// Workdays are parsed once, by the loader, into CalendarSpec.Workdays
// ([]time.Weekday, as written); nothing parses them again.
//
// # Scenarios
//
// A scenario's milestones: are partial milestones. For an existing milestone
// any subset of keys may be given; a new milestone must give kind (an id
// close to an existing one gets "did you mean" instead, as it is more likely
// a typo than a new milestone). Ids in a scenario's expressions may name the
// base's milestones and the scenario's new ones. Overlay records which keys
// were given. Each scenario must leave its tender a dated anchor, like the
// base. WithScenario applies a scenario; see its documentation.
//
// # Positions
//
// The model keeps the positions that code after the loader reads (rules,
// the planner's explanations, the editor, compare, the server); the
// positions only validation needs stay beside the model, in the loader's
// notes. Region.IDPos is the region id's value. Tender.Pos, Body.Pos,
// Contract.Pos and Milestone.Pos are the id keys (for a scenario's
// milestone, the key inside the scenario; WithScenario keeps the base's Pos
// for milestones it changes). Milestone.KindPos, Fixed.Pos, Align.Pos,
// BodyRef.Pos and Tender.ReplacesPos are the values; Fixed.KeyPos is the
// on:/done: key. Expr.Pos is the expression's scalar, each item's own in a
// list. Risk.Pos, Period.Pos and ContractOption.Pos are the list items.
// Policy.Pos and CalendarSpec.Pos are the policy:/calendar: keys.
//
// # YAML
//
// The file is one YAML document; a leading ---, a trailing --- or ... are
// fine, a second document with content is an error at its ---. An empty
// file and a file of comments only are errors at 1:1; a file that is not a
// mapping is an error where its content starts. A UTF-8 byte order mark is
// accepted.
//
// Syntax errors, anchors, aliases and merge keys, and the limits on nesting
// (MaxDepth) and alias expansion (MaxAliasExpansion) are the YAML layer's,
// package syntax; its documentation says how each is located and handled.
//
// Load never panics: the walk is written not to, and a recover turns a
// parser bug into an error rather than a crash (FuzzLoad checks both).
//
// # Finding region files
//
// HasRegionKey reports whether bytes look like a region file (a top-level
// region: key) without parsing block-style files, and without failing on
// anything that is not YAML; it is for picking region files out of a
// directory.
//
// Maps keyed by id (bodies, tenders, milestones, scenarios) are kept as
// slices in the order they were written: that order is the tie-break
// wherever two things would otherwise print in an arbitrary order.
package region
