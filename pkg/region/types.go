package region

import (
	"slices"
	"strings"
	"time"

	"github.com/tender-nl/tender/pkg/date"
)

// Version is the only region format version this build reads.
const Version = 1

// Region is one loaded region file.
type Region struct {
	// Source is the file the region was read from, as the user named it, or
	// "built-in/ID.yaml" for the regions compiled into the binary.
	Source  string `yaml:"-" json:"-"`
	BuiltIn bool   `yaml:"-" json:"-"`
	// SHA256 is the hex SHA-256 of the file's bytes as read, "" for a
	// built-in region: what a writer compares to see that the file has not
	// changed since (tender serve's write).
	SHA256 string `yaml:"-" json:"-"`

	Version        int            `yaml:"version"`
	ID             string         `yaml:"id"`
	Name           string         `yaml:"name"`
	Lead           string         `yaml:"lead,omitempty"`
	Municipalities []Municipality `yaml:"municipalities"`
	SchoolRegion   SchoolRegion   `yaml:"school-region,omitempty"`
	Notes          string         `yaml:"notes,omitempty"`
	Calendar       CalendarSpec   `yaml:"calendar,omitempty"`
	Bodies         []*Body        `yaml:"bodies,omitempty"`
	Policy         *Policy        `yaml:"policy,omitempty"`
	Contracts      []*Contract    `yaml:"contracts,omitempty"`
	Tenders        []*Tender      `yaml:"tenders"`

	IDPos Pos `yaml:"-" json:"-"` // the region id's value
}

// Municipality is a member municipality, with its own school holiday region
// where it differs from the region's.
type Municipality struct {
	Name         string       `yaml:"name"`
	SchoolRegion SchoolRegion `yaml:"school-region,omitempty"`
}

// CalendarSpec is the calendar: section.
type CalendarSpec struct {
	// Workdays are the working weekdays in the order written, read once
	// by the loader; nil means mon … fri. Weekdays gives them in week
	// order with the default filled in.
	Workdays []time.Weekday `yaml:"workdays,omitempty"`
	// Holidays is "nl" (the Algemene termijnenwet calendar, the default) or "none".
	Holidays Holidays `yaml:"holidays,omitempty"`
	Closed   []Period `yaml:"closed,omitempty"`
	Quiet    []Period `yaml:"quiet,omitempty"`
	Pos      Pos      `yaml:"-" json:"-"`
}

// Weekdays are the working weekdays, Monday first as people read a week;
// Monday to Friday when none are listed.
func (c CalendarSpec) Weekdays() []time.Weekday {
	if len(c.Workdays) == 0 {
		return []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday}
	}
	out := slices.Clone(c.Workdays)
	slices.SortFunc(out, func(a, b time.Weekday) int { return (int(a)+6)%7 - (int(b)+6)%7 })
	return out
}

// WorkdayNames are the working weekdays as written (mon … sun), nil when
// none are listed.
func (c CalendarSpec) WorkdayNames() []string {
	if c.Workdays == nil {
		return nil
	}
	out := make([]string, len(c.Workdays))
	for i, w := range c.Workdays {
		out[i] = date.WeekdayName(w)
	}
	return out
}

// Period is a named range of dates, both ends inclusive.
type Period struct {
	Name string    `yaml:"name"`
	From date.Date `yaml:"from"`
	To   date.Date `yaml:"to"`
	Pos  Pos       `yaml:"-" json:"-"`
}

// Body is a governing body whose meetings take decisions.
type Body struct {
	ID   string `yaml:"-"`
	Name string `yaml:"name"`
	// Exactly one of Dates and Rule is set.
	Dates []date.Date       `yaml:"-"`
	Rule  *date.MeetingRule `yaml:"-"`
	Meets string            `yaml:"meets"` // the rule as written, or "" for a list
	// Recess lists the periods in which the body does not meet, both ends
	// inclusive: a rule's meetings inside them do not take place, and a
	// listed meeting date inside them is an input error.
	Recess []Period `yaml:"recess,omitempty"`
	Pos    Pos      `yaml:"-" json:"-"`
}

// Policy holds thresholds of the practical rules (README, "Policy"). Nil
// fields were not written.
type Policy struct {
	ImplementationPeriod *date.Duration     `yaml:"implementation-period,omitempty"`
	AnswersMargin        *date.Duration     `yaml:"answers-margin,omitempty"`
	MinTenderPeriod      *date.Duration     `yaml:"min-tender-period,omitempty"`
	NationalStandstill   *date.Duration     `yaml:"national-standstill,omitempty"`
	ContractOverlap      *date.Duration     `yaml:"contract-overlap,omitempty"`
	Summer               Summer             `yaml:"summer,omitempty"`
	Disable              []string           `yaml:"disable,omitempty"`
	Severity             []SeverityOverride `yaml:"severity,omitempty"`
	Pos                  Pos                `yaml:"-" json:"-"`
}

// DurationField returns the field that holds policy key k when its value
// is a duration ("answers-margin" → &p.AnswersMargin), else nil. The loader
// and the config file's policy (package rules) both set them through it.
func (p *Policy) DurationField(k string) **date.Duration {
	switch k {
	case "implementation-period":
		return &p.ImplementationPeriod
	case "answers-margin":
		return &p.AnswersMargin
	case "min-tender-period":
		return &p.MinTenderPeriod
	case "national-standstill":
		return &p.NationalStandstill
	case "contract-overlap":
		return &p.ContractOverlap
	}
	return nil
}

// PolicyKeys returns the keys of a policy: section, in the order of
// README, "Policy".
func PolicyKeys() []string { return slices.Clone(policyKeys.names) }

// SeverityOverride is one entry of policy.severity, in file order.
type SeverityOverride struct {
	Rule     string
	Severity Severity
}

// Tender is one procurement of a region.
type Tender struct {
	ID        string    `yaml:"-"`
	Name      string    `yaml:"name"`
	Domains   []string  `yaml:"domains,omitempty"`
	Procedure Procedure `yaml:"procedure"`
	// Replaces is the id of the contract whose successors this tender
	// procures, or "" (see Region.Replaced).
	Replaces string `yaml:"replaces,omitempty"`
	// Municipalities are the participants as written (a subset of the
	// region's); nil means all of the region. Participants resolves them.
	Municipalities []string `yaml:"municipalities,omitempty"`
	Electronic     bool     `yaml:"electronic,omitempty"` // default true
	Accelerated    bool     `yaml:"accelerated,omitempty"`
	AgreedPeriod   bool     `yaml:"agreed-period,omitempty"`
	// PriorNotice: a prior information notice (vooraankondiging) that
	// meets the conditions of Aw 2.71 lid 6 was published, which shortens
	// the open procedure's and the invitation's minimum periods to 29 days
	// (Aw 2.71 lid 5).
	PriorNotice bool `yaml:"prior-notice,omitempty"`
	// DocumentsOnline: the procurement documents are online, in full and
	// free of charge, from the publication (default true); when not, the
	// tender periods are 5 days longer.
	DocumentsOnline bool           `yaml:"documents-online,omitempty"` // default true
	EstimatedValue  *int64         `yaml:"estimated-value,omitempty"`
	BidValidity     *date.Duration `yaml:"bid-validity,omitempty"`
	Notes           string         `yaml:"notes,omitempty"`
	Policy          *Policy        `yaml:"policy,omitempty"`
	Schedule        Schedule       `yaml:"schedule,omitempty"` // asap (default) | alap
	Milestones      []*Milestone   `yaml:"milestones"`
	Scenarios       []*Scenario    `yaml:"scenarios,omitempty"`

	// Scenario is the name of the scenario applied by WithScenario, or "".
	Scenario string `yaml:"-" json:"-"`

	// ReplacesPos is the position of the replaces: value.
	ReplacesPos Pos `yaml:"-" json:"-"`
	// Extended is the number of options of the replaced contract taken,
	// as the applied scenario sets it (contracts: ID: extended:); nil
	// keeps the contract's own.
	Extended *int `yaml:"-" json:"-"`

	Pos Pos `yaml:"-" json:"-"` // the tender's key
}

// Milestone is one dated event of a tender.
type Milestone struct {
	ID     string   `yaml:"-"`
	Name   string   `yaml:"name,omitempty"` // defaults to the id
	Kind   Kind     `yaml:"kind"`
	On     *Fixed   `yaml:"on,omitempty"`
	Done   *Fixed   `yaml:"done,omitempty"`
	After  []Expr   `yaml:"after,omitempty"`
	Before []Expr   `yaml:"before,omitempty"`
	Align  *Align   `yaml:"align,omitempty"`
	By     *BodyRef `yaml:"by,omitempty"`
	Risks  []Risk   `yaml:"risk,omitempty"`
	Notes  string   `yaml:"notes,omitempty"`

	Pos     Pos `yaml:"-" json:"-"` // the milestone's key
	KindPos Pos `yaml:"-" json:"-"`
	// Scenario names the scenario that added or changed this milestone.
	Scenario string `yaml:"-" json:"-"`
	// Derived is the id of the contract whose extension decision this
	// milestone is (kind extension-decision), made by the planner and
	// never written in a file; "" for the milestones of the file.
	Derived string `yaml:"-" json:"-"`
	// Option is, for such a decision, the option of contract Derived it
	// decides on (its number and length): a derived milestone has no
	// name, and printers name it from this in their language.
	Option *Notice `yaml:"-" json:"-"`
}

// Fixed is an on: or done: date with where it was written.
type Fixed struct {
	Date date.Date
	Pos  Pos // the value's position
	// KeyPos is the position of the on:/done: key, used by reschedule --write.
	KeyPos Pos
}

// Expr is a constraint expression: DATE | ID | ID ± DUR | DATE ± DUR.
type Expr struct {
	Ref  string    // the milestone id, or "" for a dated expression
	Date date.Date // when Ref is ""
	Sign int       // +1 or -1 when Dur applies, 0 when there is no duration
	Dur  date.Duration
	Text string // as written
	Pos  Pos
}

// Dated reports whether the expression is anchored on a date.
func (e Expr) Dated() bool { return e.Ref == "" }

// Align is an align: value with its position.
type Align struct {
	date.Alignment
	Text string
	Pos  Pos
}

// BodyRef is a by: value with its position: one body (by: BODY), or a list
// of bodies that must all decide (by: [A, B]): the decision is taken at the
// last of their meetings on or after the milestone's lower bounds.
type BodyRef struct {
	// Body is the first body named: the only one of by: BODY.
	Body string
	// Bodies are all the bodies, in the order written; one for by: BODY.
	Bodies []string
	// List says by: was written as a list (also a list of one body).
	List bool
	Pos  Pos
}

// Text is the by: value as written in a flow: "pho" or "[a, b]".
func (b *BodyRef) Text() string {
	if !b.List {
		return b.Body
	}
	return "[" + strings.Join(b.All(), ", ") + "]"
}

// All returns the bodies; a BodyRef built in Go with only Body set is that
// one body.
func (b *BodyRef) All() []string {
	if len(b.Bodies) == 0 {
		return []string{b.Body}
	}
	return b.Bodies
}

// Several reports whether more than one body must decide.
func (b *BodyRef) Several() bool { return len(b.Bodies) > 1 }

// Risk is one entry of a milestone's risk: list (README, "Region file format": "Risks").
type Risk struct {
	Name        string        `yaml:"name"`
	Probability float64       `yaml:"probability,omitempty"` // default 1
	Delay       string        `yaml:"delay"`                 // LO..HI as written
	Lo, Hi      date.Duration `yaml:"-"`
	Pos         Pos           `yaml:"-" json:"-"` // the list item
}

// Scenario is a named overlay on one tender.
type Scenario struct {
	ID          string `yaml:"-"`
	Description string `yaml:"description,omitempty"`
	// Overlays are the scenario's milestones: key, in file order. In the
	// file each is a partial milestone keyed by id (any milestone keys).
	Overlays []Overlay `yaml:"milestones,omitempty"`
	// Contracts change contracts of the region for this scenario: only
	// extended, and only of the contract the tender replaces.
	Contracts []ContractOverlay `yaml:"contracts,omitempty"`
}

// ContractOverlay is a scenario's change of one contract, keyed by its id
// in the file.
type ContractOverlay struct {
	ID       string `yaml:"-"`
	Extended int    `yaml:"extended"`
}

// Overlay records which keys a scenario gave for one milestone, so that
// WithScenario can replace the base's date constraints as a whole.
type Overlay struct {
	Milestone *Milestone // the keys given; zero values where not given
	HasName   bool
	HasKind   bool
	HasDates  bool // any of on, done, after, before, align, by
	HasRisks  bool
	HasNotes  bool
}

// Tender returns the tender with the given id, or nil.
func (r *Region) Tender(id string) *Tender {
	for _, t := range r.Tenders {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// Participants returns the municipalities that take part in tender t: the
// ones it names (tender key municipalities:), in the region's order, or,
// when it names none, all of the region's.
func (r *Region) Participants(t *Tender) []Municipality {
	if len(t.Municipalities) == 0 {
		return r.Municipalities
	}
	out := make([]Municipality, 0, len(t.Municipalities))
	for _, m := range r.Municipalities {
		if slices.Contains(t.Municipalities, m.Name) {
			out = append(out, m)
		}
	}
	return out
}

// ParticipantNames returns the names of Participants(t).
func (r *Region) ParticipantNames(t *Tender) []string {
	ps := r.Participants(t)
	out := make([]string, len(ps))
	for i, m := range ps {
		out[i] = m.Name
	}
	return out
}

// Body returns the body with the given id, or nil.
func (r *Region) Body(id string) *Body {
	for _, b := range r.Bodies {
		if b.ID == id {
			return b
		}
	}
	return nil
}

// Milestone returns the milestone with the given id, or nil.
func (t *Tender) Milestone(id string) *Milestone {
	for _, m := range t.Milestones {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// DisplayName returns the name, or the id when no name was given.
func (m *Milestone) DisplayName() string {
	if m.Name != "" {
		return m.Name
	}
	return m.ID
}

// Fixed returns the on or done date, if any.
func (m *Milestone) FixedDate() (date.Date, bool) {
	if m.Done != nil {
		return m.Done.Date, true
	}
	if m.On != nil {
		return m.On.Date, true
	}
	return 0, false
}

// Meetings returns the bodies whose meetings decide the milestone: those of
// by:, or the body of align: meeting:BODY, or nil.
func (m *Milestone) Meetings() []string {
	if m.By != nil {
		return m.By.All()
	}
	if m.Align != nil && m.Align.Kind == date.AlignMeeting {
		return []string{m.Align.Body}
	}
	return nil
}

// Meeting returns the body whose meetings the milestone must fall on: by:
// (its first body when it lists several), or align: meeting:BODY.
func (m *Milestone) Meeting() string {
	if m.By != nil {
		return m.By.Body
	}
	if m.Align != nil && m.Align.Kind == date.AlignMeeting {
		return m.Align.Body
	}
	return ""
}
