package region

import "github.com/tender-nl/tender/pkg/date"

// The closed vocabularies of the region file format: each is a type, its
// constants, and one list of its allowed values. The loader's checks, the
// JSON schema's enums, the rules and the printers' catalogue keys all read
// these lists; code that means one value names it by its constant. The
// types are strings, so they marshal to JSON, YAML and CSV exactly as the
// words they are.

// Kind is the kind of a milestone (kind:; README, "Region file format":
// "Kinds").
type Kind string

// The kinds of milestone, in procedure order.
const (
	KindConsultation   Kind = "consultation"
	KindInformation    Kind = "information"
	KindDecision       Kind = "decision"
	KindPublication    Kind = "publication"
	KindRequests       Kind = "requests"
	KindInvitation     Kind = "invitation"
	KindQuestions      Kind = "questions"
	KindAnswers        Kind = "answers"
	KindSubmission     Kind = "submission"
	KindAwardDecision  Kind = "award-decision"
	KindStandstillEnd  Kind = "standstill-end"
	KindAward          Kind = "award"
	KindSignature      Kind = "signature"
	KindAwardNotice    Kind = "award-notice"
	KindImplementation Kind = "implementation"
	KindContractStart  Kind = "contract-start"
	KindContractEnd    Kind = "contract-end"
	KindOther          Kind = "other"
)

// KindExtensionDecision is the kind of the milestones the planner derives
// from the contract a tender replaces: the deadline to decide on an
// extension option. It is not written in files, so it is not in Kinds.
const KindExtensionDecision Kind = "extension-decision"

// Kinds are the kinds a file may write, in procedure order: the one list
// of kinds.
var Kinds = []Kind{
	KindConsultation, KindInformation, KindDecision, KindPublication, KindRequests,
	KindInvitation, KindQuestions, KindAnswers, KindSubmission, KindAwardDecision,
	KindStandstillEnd, KindAward, KindSignature, KindAwardNotice, KindImplementation,
	KindContractStart, KindContractEnd, KindOther,
}

// Procedure is a tender's procedure: (README, "The rules").
type Procedure string

// The procedures.
const (
	ProcedureOpen           Procedure = "open"            // openbare procedure
	ProcedureRestricted     Procedure = "restricted"      // niet-openbare procedure
	ProcedureNegotiated     Procedure = "negotiated"      // mededingingsprocedure met onderhandeling
	ProcedureDialogue       Procedure = "dialogue"        // concurrentiegerichte dialoog
	ProcedureSocialServices Procedure = "social-services" // sociale en andere specifieke diensten (the light regime)
	ProcedureOpenHouse      Procedure = "open-house"      // open house: admission of every provider that qualifies
	ProcedureNational       Procedure = "national"        // a national procedure below the EU threshold
)

// Procedures are the values of procedure:: the one list of procedures.
var Procedures = []Procedure{
	ProcedureOpen, ProcedureRestricted, ProcedureNegotiated, ProcedureDialogue,
	ProcedureSocialServices, ProcedureOpenHouse, ProcedureNational,
}

// Schedule is a tender's schedule: (and plan's --asap and --alap).
type Schedule string

// The schedules.
const (
	ScheduleASAP Schedule = "asap"
	ScheduleALAP Schedule = "alap"
)

// Schedules are the values of schedule:, the default first.
var Schedules = []Schedule{ScheduleASAP, ScheduleALAP}

// Severity is the severity of a rule's findings: a rule's default, a
// policy.severity override, a finding's.
//
// It lives here, not in package rules, because the file format names it
// (policy.severity) and the loader checks it; package rules, which imports
// region, gives findings this type (rules.Severity is an alias of it).
type Severity string

// The severities, most severe first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Severities lists the values of policy.severity, most severe first.
var Severities = []Severity{SeverityError, SeverityWarning, SeverityInfo}

// Holidays is calendar.holidays: which legal holidays are not working days.
type Holidays string

// The holiday calendars.
const (
	HolidaysNL   Holidays = "nl"   // the Algemene termijnenwet's (the default)
	HolidaysNone Holidays = "none" // none
)

// HolidayCalendars are the values of calendar.holidays, the default first.
var HolidayCalendars = []Holidays{HolidaysNL, HolidaysNone}

// Summer is policy.summer: whether the summer rule warns.
type Summer string

// The values of policy.summer.
const (
	SummerWarn Summer = "warn" // the default
	SummerOff  Summer = "off"
)

// Summers are the values of policy.summer, the default first.
var Summers = []Summer{SummerWarn, SummerOff}

// SchoolRegion is a school holiday region of the Netherlands
// (school-region:; README, "The rules": "School summer holidays").
type SchoolRegion string

// The school holiday regions.
const (
	SchoolNoord  SchoolRegion = "noord"
	SchoolMidden SchoolRegion = "midden"
	SchoolZuid   SchoolRegion = "zuid"
)

// SchoolRegions are the values of school-region, north to south.
var SchoolRegions = []SchoolRegion{SchoolNoord, SchoolMidden, SchoolZuid}

// AlignWords are the words of align: without a body (meeting:BODY is the
// other form); package date reads and writes them.
var AlignWords = date.AlignWords

// words returns the values of a vocabulary as strings, for messages,
// suggestions and the schema's enums.
func words[T ~string](values []T) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = string(v)
	}
	return out
}
