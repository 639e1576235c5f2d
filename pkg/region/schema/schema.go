package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"

	"github.com/invopop/jsonschema"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// Draft is the JSON Schema version of JSON's schema.
const Draft = "http://json-schema.org/draft-07/schema#"

// ID is the $id of JSON's schema.
const ID = "https://github.com/tender-nl/tender/region-v1.schema.json"

// Patterns of the values the loader parses, as JSON Schema (ECMA 262)
// regular expressions that Go's regexp also accepts.
const (
	idPattern           = `^[a-z0-9][a-z0-9-]{0,99}$` // at most MaxIDLength (100) characters
	datePart            = `(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])`
	datePattern         = `^` + datePart + `$`
	alignMeetingPattern = `^\s*meeting:[a-z0-9][a-z0-9-]*\s*$`
)

// Patterns built from the lists of package date, so that a word added to
// a list is in the schema too.
var (
	durationPart    = `[0-9]+` + alternatives(date.UnitSuffixes())
	durationPattern = `^\s*` + durationPart + `\s*$`
	// contractDurationPattern: a contract's term and options run in
	// calendar time, not in working days.
	contractDurationPattern = `^\s*[0-9]+` + alternatives(slices.DeleteFunc(date.UnitSuffixes(), func(u string) bool { return u == date.Workdays.Suffix() })) + `\s*$`
	rangePattern            = `^\s*` + durationPart + `(\s*\.\.\s*` + durationPart + `)?\s*$`
	exprPattern             = `^\s*(` + datePart + `|[a-z0-9][a-z0-9-]*)(\s*[+-]\s*` + durationPart + `)?\s*$`
	weekdayPart             = alternatives(date.WeekdayNames)
	meetingPattern          = `^\s*(weekly\s+` + weekdayPart + `|biweekly\s+` + weekdayPart + `\s+from\s+` + datePart +
		`|monthly\s+` + alternatives(date.MeetingPositions) + `\s+` + weekdayPart + `)\s*$`
)

// alternatives is a regular expression group of words: (a|b|c). The words
// of the format's lists need no escaping.
func alternatives(words []string) string { return "(" + strings.Join(words, "|") + ")" }

// schemaDocs are the descriptions of the schema: "Type" for a type,
// "Type.Field" (Go names) for a key, of package region's types.
var schemaDocs = map[string]string{
	"File":           "A tender region file, format version 1: one region of municipalities, its calendar, governing bodies, policy and tenders.",
	"File.Version":   "The format version. Required; this tender reads version 1.",
	"File.Region":    "The region: its id, name and municipalities. Required.",
	"File.Calendar":  "The region's working days: workdays, holidays, closed and quiet periods. Default: Monday to Friday with the Dutch legal holidays.",
	"File.Bodies":    "Governing bodies whose meetings take decisions, keyed by id (used by by: and align: meeting:ID).",
	"File.Policy":    "Thresholds of the practical rules of tender check for every tender of the region (a tender's own policy overrides them).",
	"File.Tenders":   "The procurements of the region, keyed by tender id. Required, at least one.",
	"File.Contracts": "The running contracts of the region, keyed by contract id: the frame a tender replaces (tender key replaces).",

	"Contract":                "A running contract (raamovereenkomsten): its start, initial term and extension options. Its end is start + term + the options taken, minus one day.",
	"Contract.Name":           "Display name of the contract. Required.",
	"Contract.Start":          "The first day of the contract, YYYY-MM-DD. Required.",
	"Contract.Term":           "The initial term, in d, w, mo or y, e.g. 4y (from 2022-01-01 it ends 2025-12-31). Required.",
	"Contract.Options":        "The extension options, in the order they can be taken: each {length, notice}.",
	"Contract.Extended":       "How many options have been taken (default 0). A scenario may change it.",
	"Contract.Municipalities": "The municipalities the contract is for, a subset of the region's (default: all of them).",
	"Contract.AnnualValue":    "The value in euro a year, a whole number; over the term and all options it is checked against the EU threshold for a tender that replaces the contract and gives no estimated-value.",

	"ContractOption":        "One extension option.",
	"ContractOption.Length": "How long the option extends the contract, e.g. 1y.",
	"ContractOption.Notice": "How long before the current end the option must be decided, e.g. 6mo (end 2025-12-31: decide by 2025-06-30).",

	"ContractOverlay":          "The scenario's change of the contract the tender replaces.",
	"ContractOverlay.Extended": "How many options are taken in this scenario, e.g. 1 to compare extending with tendering now.",

	"RegionHeader":                "The region: its id, name and municipalities.",
	"RegionHeader.ID":             "What users type: tender plan ID. Lower-case letters, digits and '-'. Required.",
	"RegionHeader.Name":           "Display name of the region. Required.",
	"RegionHeader.Lead":           "The lead municipality (centrumgemeente, penvoerder). Free text.",
	"RegionHeader.Municipalities": "The member municipalities: a name, or {name, school-region} for one whose school holiday region differs. Required, at least one.",
	"RegionHeader.SchoolRegion":   "School holiday region (noord, midden or zuid), used by the summer rule.",
	"RegionHeader.Notes":          "Free text.",

	"Municipality":              "A member municipality: its name, or {name, school-region}.",
	"Municipality.Name":         "The municipality's name.",
	"Municipality.SchoolRegion": "Its own school holiday region (noord, midden or zuid), where it differs from the region's.",

	"CalendarSpec":          "The region's working days.",
	"CalendarSpec.Workdays": "The working weekdays (mon … sun). Default: [mon, tue, wed, thu, fri].",
	"CalendarSpec.Holidays": "nl (default): the Dutch legal holidays of the Algemene termijnenwet and the days equated to them; none: no holidays.",
	"CalendarSpec.Closed":   "Extra non-working periods (a Christmas closure), both ends inclusive, listed by from date.",
	"CalendarSpec.Quiet":    "Working days when providers are hard to reach (school holidays), used by the summer rule.",

	"Period":      "A named period, both ends inclusive.",
	"Period.Name": "What the period is, e.g. Kerstsluiting 2026.",
	"Period.From": "The first day, YYYY-MM-DD.",
	"Period.To":   "The last day, YYYY-MM-DD (on or after from).",

	"Body":        "A governing body whose meetings take decisions.",
	"Body.Name":   "Display name of the body.",
	"Body.Meets":  `Its meeting dates: a list of dates (YYYY-MM-DD), or a rule: "weekly tue", "biweekly thu from 2027-01-07", "monthly 1st thu", "monthly last wed". A rule-based meeting on a non-working day does not take place.`,
	"Body.Recess": "Periods in which the body does not meet (a summer recess), both ends inclusive: no meeting of its rule takes place in them, and a listed meeting date may not fall in them.",

	"Policy":                      "Thresholds of the practical rules of tender check (README, \"Policy\"). A tender's policy overrides the region's, which overrides the config file's.",
	"Policy.ImplementationPeriod": "Minimum time from award to contract start (default 3mo).",
	"Policy.AnswersMargin":        "Minimum time from the last nota van inlichtingen to the submission deadline (default 10d).",
	"Policy.MinTenderPeriod":      "Minimum tender period for social-services and national procedures (default 30d).",
	"Policy.NationalStandstill":   "Standstill period of national procedures (default 20d).",
	"Policy.ContractOverlap":      "How long the new contracts may run next to the contract the tender replaces (default 0d: they start the day after it ends).",
	"Policy.Summer":               "warn (default): warn when the tender period overlaps the school summer holidays; off: do not.",
	"Policy.Disable":              "Ids of practical rules not to run (legal rules cannot be disabled).",
	"Policy.Severity":             "A severity per rule id: error, warning or info (legal rules cannot be downgraded).",

	"Tender":                 "One procurement of the region.",
	"Tender.Name":            "Display name of the tender. Required.",
	"Tender.Domains":         "Free list of the domains procured, e.g. [jeugdhulp, wmo-begeleiding, beschermd-wonen].",
	"Tender.Procedure":       "The procedure, which decides the legal rules that apply. Required.",
	"Tender.Replaces":        "The id of the contract (contracts:) this tender replaces: its contract-start must be on or before the day after that contract ends, and the decisions on its remaining extension options show in the plan.",
	"Tender.Municipalities":  "The municipalities that take part, a subset of the region's (default: all of them). The summer rule takes their school holiday regions.",
	"Tender.Electronic":      "Tenders are submitted electronically (default true): shortens the open procedure's minimum period by 5 days.",
	"Tender.Accelerated":     "Accelerated procedure because of urgency (default false); needs the justification in notes.",
	"Tender.AgreedPeriod":    "Restricted or negotiated procedure: the tender period was agreed with all candidates (default false).",
	"Tender.PriorNotice":     "A prior information notice (vooraankondiging) meeting the conditions of Aw 2.71 lid 6 was published, at least 52 days and at most 12 months before the contract notice (default false): the minimum tender period of the open procedure, and of the restricted and negotiated procedure after the invitation, is 29 days (Aw 2.71 lid 5).",
	"Tender.DocumentsOnline": "The procurement documents are online, in full and free of charge, from the publication (default true); false adds 5 days to the tender periods (Aw 2.72; Dir. art. 53(1)), except when accelerated.",
	"Tender.EstimatedValue":  "Estimated value in euro, a whole number; checked against the EU threshold.",
	"Tender.BidValidity":     "How long tenders stay valid (gestanddoeningstermijn), e.g. 90d; award must fall within it.",
	"Tender.Notes":           "Free text; required when accelerated is true (the justification).",
	"Tender.Policy":          "Thresholds of the practical rules for this tender; override the region's policy.",
	"Tender.Schedule":        "Which date is the planned one: asap (default, the earliest) or alap (the latest).",
	"Tender.Milestones":      "The dated events of the tender, keyed by milestone id. Required, at least one; at least one needs on, done or a dated after.",
	"Tender.Scenarios":       "Named what-if overlays on this tender, keyed by scenario id (tender plan --scenario ID).",

	"Milestone":        "One dated event of a tender.",
	"Milestone.Name":   "Display name; default: the id.",
	"Milestone.Kind":   "What the milestone is; the kinds carry the legal and practical rules. Required.",
	"Milestone.On":     "A fixed date, YYYY-MM-DD: the milestone must happen on it. Not together with done.",
	"Milestone.Done":   "It happened on this date, YYYY-MM-DD: fixed, and shown as done. Not together with on.",
	"Milestone.After":  "Lower bound(s): on or after each expression. An expression is DATE, ID, ID + DUR, ID - DUR, DATE + DUR or DATE - DUR; DUR is Nd, Nw, Nwd (working days), Nmo or Ny.",
	"Milestone.Before": "Upper bound(s): on or before each expression (DATE, ID, ID ± DUR, DATE ± DUR).",
	"Milestone.Align":  "The dates the milestone may fall on: workday, month-start, quarter-start, year-start, a weekday (mon … sun) or meeting:BODY.",
	"Milestone.By":     "A decision of this body: the milestone falls on one of its meeting dates. A list of bodies: every one of them decides, each at one of its meetings on or after the milestone's lower bounds, and the milestone falls on the last of those meetings.",
	"Milestone.Risks":  "What may delay the milestone, for tender risk (Monte Carlo).",
	"Milestone.Notes":  "Free text.",

	"Risk":             "Something that may delay a milestone.",
	"Risk.Name":        "What may happen, e.g. Kort geding. Required.",
	"Risk.Probability": "The chance it happens in a run, from 0 (never: the risk is switched off) to 1 (default: always).",
	"Risk.Delay":       "The delay it adds: a range LO..HI with both ends in one unit, e.g. 0w..3w or 5d..20d, drawn uniformly in whole units. Required.",

	"Scenario":             "A named overlay on the tender: it replaces or adds milestone keys; everything it does not mention stays as in the base.",
	"Scenario.Description": "What the scenario is about.",
	"Scenario.Overlays":    "Milestones to change or add, keyed by milestone id. Giving on, done, after, before or align replaces that milestone's date constraints as a whole; a new milestone needs kind.",
	"Scenario.Contracts":   "The contract the tender replaces, changed for this scenario, keyed by its id: only extended.",
}

// schemaDoc is the Reflector's LookupComment: the description of type t, or
// of its field.
func schemaDoc(t reflect.Type, field string) string {
	if t.PkgPath() != regionPkg {
		return ""
	}
	if field == "" {
		return schemaDocs[t.Name()]
	}
	return schemaDocs[t.Name()+"."+field]
}

var regionPkg = reflect.TypeFor[region.File]().PkgPath()

// JSON returns the JSON Schema of the region format, indented, with a
// final newline.
func JSON() ([]byte, error) {
	s := reflectType(reflect.TypeFor[region.File]())
	s.Version = Draft
	s.ID = ID
	s.Title = "tender region file, version 1"
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// reflectType is the schema of t, written out (no $ref), with its
// hand-written parts: the reflector's schema of the struct, then the
// extension of its definition name (extensions), each type under it the
// same way through the Mapper.
func reflectType(t reflect.Type) *jsonschema.Schema {
	r := &jsonschema.Reflector{
		FieldNameTag:   "yaml",
		DoNotReference: true,
		ExpandedStruct: true,
		Anonymous:      true,
		LookupComment:  schemaDoc,
		Mapper:         func(u reflect.Type) *jsonschema.Schema { return mapType(u, t) },
	}
	s := r.ReflectFromType(t)
	s.Version, s.ID, s.Definitions = "", "", nil
	if extend := extensions[t.Name()]; extend != nil && t.PkgPath() == regionPkg {
		extend(s)
	}
	return s
}

// mapType is the reflector's Mapper while reflecting type self: the
// schemas written by hand as a whole (whole), and the types of package
// region with an extension, reflected and extended by reflectType. Other
// types, and self itself, the reflector reflects.
func mapType(t, self reflect.Type) *jsonschema.Schema {
	if s := whole(t); s != nil {
		return s
	}
	if t == self || t.PkgPath() != regionPkg || extensions[t.Name()] == nil {
		return nil
	}
	return reflectType(t)
}

// whole is the schema of t when it is written by hand as a whole: package
// date's value types, and the region types whose Go form is not what the
// file writes; nil for the others.
func whole(t reflect.Type) *jsonschema.Schema {
	switch t {
	case reflect.TypeFor[date.Date](), reflect.TypeFor[region.Fixed](): // Fixed: an on: or done: date
		return dateSchema()
	case reflect.TypeFor[date.Duration]():
		return &jsonschema.Schema{Type: "string", Pattern: durationPattern, Examples: []any{"10d", "6w", "3wd", "3mo", "1y"}}
	case reflect.TypeFor[region.Expr]():
		return exprSchema()
	case reflect.TypeFor[region.Align]():
		return alignSchema()
	case reflect.TypeFor[region.BodyRef]():
		return bodyRefSchema()
	case reflect.TypeFor[region.SeverityOverride]():
		return severityOverrideSchema()
	case reflect.TypeFor[region.Overlay]():
		return overlaySchema()
	}
	return nil
}

// extensions write the hand-written parts of the region types' reflected
// schemas, by definition name (the type's name).
var extensions = map[string]func(*jsonschema.Schema){
	"File":            extendFile,
	"RegionHeader":    extendRegionHeader,
	"Municipality":    extendMunicipality,
	"CalendarSpec":    extendCalendarSpec,
	"Period":          extendPeriod,
	"Body":            extendBody,
	"Policy":          extendPolicy,
	"Tender":          extendTender,
	"Contract":        extendContract,
	"ContractOption":  extendContractOption,
	"ContractOverlay": extendContractOverlay,
	"Milestone":       extendMilestone,
	"Risk":            extendRisk,
	"Scenario":        extendScenario,
}

func dateSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Pattern: datePattern, Examples: []any{"2027-01-04"}}
}

// ---- hand-written parts -------------------------------------------------

// idMap is an object keyed by id whose values are item: how the format
// writes the maps that Go keeps as slices (bodies, tenders, milestones,
// scenarios).
func idMap(item *jsonschema.Schema, description string, minProperties uint64) *jsonschema.Schema {
	s := &jsonschema.Schema{
		Type:                 "object",
		Description:          description,
		PatternProperties:    map[string]*jsonschema.Schema{idPattern: item},
		AdditionalProperties: jsonschema.FalseSchema,
		PropertyNames:        &jsonschema.Schema{Pattern: idPattern},
	}
	if minProperties > 0 {
		s.MinProperties = &minProperties
	}
	return s
}

// keyedByID makes key of s, a list in Go, an object keyed by id (idMap).
func keyedByID(s *jsonschema.Schema, key string, minProperties uint64) {
	p := prop(s, key)
	s.Properties.Set(key, idMap(p.Items, p.Description, minProperties))
}

func prop(s *jsonschema.Schema, key string) *jsonschema.Schema {
	p, ok := s.Properties.Get(key)
	if !ok {
		panic("schema: no key " + key) // a programming error, caught by any test
	}
	return p
}

// nullable lets key also be null, as the loader reads "key:" with nothing
// as "not given".
func nullable(s *jsonschema.Schema, key string) {
	p := prop(s, key)
	s.Properties.Set(key, &jsonschema.Schema{
		Description: p.Description,
		AnyOf:       []*jsonschema.Schema{p, {Type: "null"}},
	})
}

// oneOrList makes key accept one value of its item schema, or a list.
func oneOrList(s *jsonschema.Schema, key string) {
	p := prop(s, key)
	item := p.Items
	s.Properties.Set(key, &jsonschema.Schema{
		Description: p.Description,
		AnyOf:       []*jsonschema.Schema{item, {Type: "array", Items: item}},
	})
}

func enum[T ~string](values []T) []any {
	out := make([]any, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}

func setEnum[T ~string](s *jsonschema.Schema, values []T) {
	s.Type = "string"
	s.Enum = enum(values)
}

func minLen(s *jsonschema.Schema) {
	one := uint64(1)
	s.MinLength = &one
}

func minItems(s *jsonschema.Schema) {
	one := uint64(1)
	s.MinItems = &one
}

// extendFile writes the top level's hand-written parts.
func extendFile(s *jsonschema.Schema) {
	v := prop(s, "version")
	v.Const = region.Version
	keyedByID(s, "tenders", 1)
	keyedByID(s, "bodies", 0)
	nullable(s, "bodies")
	keyedByID(s, "contracts", 0)
	nullable(s, "contracts")
	nullable(s, "calendar")
	nullable(s, "policy")
}

// extendRegionHeader writes the region: section's hand-written parts.
func extendRegionHeader(s *jsonschema.Schema) {
	prop(s, "id").Pattern = idPattern
	minLen(prop(s, "name"))
	minLen(prop(s, "lead"))
	minItems(prop(s, "municipalities"))
	setEnum(prop(s, "school-region"), region.SchoolRegions)
	nullable(s, "notes")
}

// extendMunicipality makes a municipality a name or {name, school-region}.
func extendMunicipality(s *jsonschema.Schema) {
	minLen(prop(s, "name"))
	setEnum(prop(s, "school-region"), region.SchoolRegions)
	object := *s
	description := object.Description
	object.Description = ""
	*s = jsonschema.Schema{
		Description: description,
		AnyOf:       []*jsonschema.Schema{{Type: "string", MinLength: object.Properties.Value("name").MinLength}, &object},
	}
}

// extendCalendarSpec writes the calendar: section's hand-written parts.
func extendCalendarSpec(s *jsonschema.Schema) {
	w := prop(s, "workdays")
	minItems(w)
	w.UniqueItems = true
	setEnum(w.Items, date.WeekdayNames)
	setEnum(prop(s, "holidays"), region.HolidayCalendars)
	nullable(s, "closed")
	nullable(s, "quiet")
}

// extendPeriod writes a period's hand-written parts.
func extendPeriod(s *jsonschema.Schema) {
	minLen(prop(s, "name"))
}

// extendBody makes meets a list of dates or a rule.
func extendBody(s *jsonschema.Schema) {
	minLen(prop(s, "name"))
	nullable(s, "recess")
	m := prop(s, "meets")
	one := uint64(1)
	s.Properties.Set("meets", &jsonschema.Schema{
		Description: m.Description,
		AnyOf: []*jsonschema.Schema{
			{Type: "array", Items: dateSchema(), MinItems: &one, UniqueItems: true},
			{Type: "string", Pattern: meetingPattern, Examples: []any{"weekly tue", "biweekly thu from 2027-01-07", "monthly 1st thu", "monthly last wed"}},
		},
	})
}

// extendPolicy writes a policy's hand-written parts: rule ids, and
// severity as a map from rule id to severity.
func extendPolicy(s *jsonschema.Schema) {
	setEnum(prop(s, "summer"), region.Summers)
	var practical []string
	for _, r := range region.Rules {
		if !r.Legal {
			practical = append(practical, r.ID)
		}
	}
	d := prop(s, "disable")
	setEnum(d.Items, practical)
	oneOrList(s, "disable")
	nullable(s, "disable")
	sev := prop(s, "severity")
	s.Properties.Set("severity", &jsonschema.Schema{
		Description:          sev.Description,
		Type:                 "object",
		PropertyNames:        &jsonschema.Schema{Enum: enum(region.RuleIDs())},
		AdditionalProperties: severityOverrideSchema(),
	})
	nullable(s, "severity")
}

// severityOverrideSchema is the schema of one policy.severity entry's
// value: the values of Policy's severity map, and what the reflector is
// given for the Go struct SeverityOverride, which that map replaces as a
// whole (so that the reflector does not describe the struct).
func severityOverrideSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: enum(region.Severities)}
}

// extendTender writes a tender's hand-written parts.
func extendTender(s *jsonschema.Schema) {
	minLen(prop(s, "name"))
	setEnum(prop(s, "procedure"), region.Procedures)
	setEnum(prop(s, "schedule"), region.Schedules)
	prop(s, "estimated-value").Minimum = json.Number("0")
	nullable(s, "domains")
	nullable(s, "notes")
	nullable(s, "policy")
	prop(s, "replaces").Pattern = idPattern
	mu := prop(s, "municipalities")
	minItems(mu)
	mu.UniqueItems = true
	minLen(mu.Items)
	nullable(s, "municipalities")
	keyedByID(s, "milestones", 1)
	keyedByID(s, "scenarios", 0)
	nullable(s, "scenarios")
}

// extendContract writes a contract's hand-written parts.
func extendContract(s *jsonschema.Schema) {
	minLen(prop(s, "name"))
	prop(s, "extended").Minimum = json.Number("0")
	prop(s, "annual-value").Minimum = json.Number("0")
	for _, k := range []string{"term"} {
		prop(s, k).Pattern = contractDurationPattern
	}
	mu := prop(s, "municipalities")
	minItems(mu)
	mu.UniqueItems = true
	minLen(mu.Items)
	nullable(s, "options")
}

// extendContractOption writes an option's hand-written parts.
func extendContractOption(s *jsonschema.Schema) {
	prop(s, "length").Pattern = contractDurationPattern
	prop(s, "notice").Pattern = contractDurationPattern
}

// extendContractOverlay writes a scenario's contract change.
func extendContractOverlay(s *jsonschema.Schema) {
	prop(s, "extended").Minimum = json.Number("0")
}

// extendMilestone writes a milestone's hand-written parts.
func extendMilestone(s *jsonschema.Schema) {
	setEnum(prop(s, "kind"), region.Kinds)
	oneOrList(s, "after")
	oneOrList(s, "before")
	nullable(s, "name")
	nullable(s, "notes")
	nullable(s, "risk")
	// on and done exclude each other.
	s.Not = &jsonschema.Schema{Required: []string{"on", "done"}}
}

// exprSchema is a constraint expression.
func exprSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Pattern: exprPattern,
		Examples: []any{"publication + 35d", "submission - 10d", "award + 3mo", "2027-04-01"}}
}

// alignSchema is an align: value: a word of AlignWords or meeting:BODY.
func alignSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Type: "string", Enum: enum(region.AlignWords)},
		{Type: "string", Pattern: alignMeetingPattern},
	}}
}

// bodyRefSchema is a by: value: a body id, or a list of body ids that must
// all decide.
func bodyRefSchema() *jsonschema.Schema {
	one := uint64(1)
	id := &jsonschema.Schema{Type: "string", Pattern: idPattern}
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		id,
		{Type: "array", Items: &jsonschema.Schema{Type: "string", Pattern: idPattern}, MinItems: &one, UniqueItems: true},
	}}
}

// extendRisk writes a risk's hand-written parts.
func extendRisk(s *jsonschema.Schema) {
	minLen(prop(s, "name"))
	p := prop(s, "probability")
	p.Minimum = json.Number("0")
	p.Maximum = json.Number("1")
	prop(s, "delay").Pattern = rangePattern
}

// extendScenario writes a scenario's hand-written parts.
func extendScenario(s *jsonschema.Schema) {
	nullable(s, "description")
	keyedByID(s, "milestones", 0)
	nullable(s, "milestones")
	keyedByID(s, "contracts", 0)
	nullable(s, "contracts")
}

// overlaySchema is a scenario's milestone: any milestone keys, none
// required (kind is required for a new milestone, which a schema cannot
// tell from a changed one), or nothing at all.
func overlaySchema() *jsonschema.Schema {
	m := reflectType(reflect.TypeFor[region.Milestone]())
	m.Required = nil
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{m, {Type: "null"}}}
}
