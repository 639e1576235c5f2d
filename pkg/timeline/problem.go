package timeline

import (
	"errors"
	"math"

	"github.com/tender-nl/tender/pkg/date"
)

// Calendar is the date arithmetic the solver needs. *calendar.Calendar
// satisfies it; tests use small fakes.
//
// Shift, ShiftFloor and ShiftCeil must be monotone and adjoint: for every
// b, Shift(b, s, d) <= x exactly when b <= ShiftFloor(x, s, d), and
// Shift(b, s, d) >= x exactly when b >= ShiftCeil(x, s, d).
type Calendar interface {
	// Shift returns d + dur (sign > 0) or d - dur (sign < 0).
	Shift(d date.Date, sign int, dur date.Duration) date.Date
	// ShiftFloor returns the largest b with Shift(b, sign, dur) <= limit.
	ShiftFloor(limit date.Date, sign int, dur date.Duration) date.Date
	// ShiftCeil returns the smallest b with Shift(b, sign, dur) >= limit.
	ShiftCeil(limit date.Date, sign int, dur date.Duration) date.Date
	// NextAligned returns the smallest date >= d that a allows.
	NextAligned(d date.Date, a date.Alignment) (date.Date, bool)
	// PrevAligned returns the largest date <= d that a allows.
	PrevAligned(d date.Date, a date.Alignment) (date.Date, bool)
}

// Problem is a scheduling problem on a plain graph of nodes (milestones),
// with no region types: what the solver sees. Node indices are positions in
// Nodes; Src fields are opaque numbers the caller chooses to find the source
// of a constraint again (its text, file and line) when explaining a conflict.
type Problem struct {
	Nodes []Node
	// Bounds are the dated lower and upper bounds (after: DATE ± DUR and
	// before: DATE ± DUR, already evaluated to a date).
	Bounds []Bound
	// Edges are the relative constraints between nodes.
	Edges []Edge
	// ALAP plans every node at its latest date (schedule: alap) instead of
	// its earliest.
	ALAP bool
	// Explain asks for Solution.Why: the chain of every node's earliest
	// date.
	Explain bool
}

// Node is one milestone.
type Node struct {
	// Fixed nodes (on, done, --set) take exactly Date: no bound or
	// alignment moves them, and a lower bound after it is infeasible.
	Fixed    bool
	Date     date.Date
	FixedSrc int

	// Align and By narrow the dates the node may take (align: and by:);
	// a node with both may only take dates both allow. AlignNone is no
	// narrowing. They are ignored for fixed nodes.
	Align    date.Alignment
	AlignSrc int
	By       date.Alignment
	BySrc    int
	// ByAll, when not empty, replaces By for a decision of several bodies
	// (by: a list), each an AlignMeeting: every body must meet on or after
	// the node's lower bounds, and the node falls on the last of those
	// meetings. Given a lower bound L, the node may take exactly the dates
	// D that are a meeting of some body and on or after every body's first
	// meeting on or after L; its earliest is the largest of those first
	// meetings. A lower bound L leaves room for D when every body meets in
	// [L, D]: L ≤ the smallest of the bodies' last meetings on or before D,
	// which is what the backward pass gives the node's predecessors.
	ByAll []date.Alignment
	// AlignEnds says that the dates Align and By allow come to an end (a
	// body with a list of meeting dates): the last of them is then an upper
	// bound of the node's latest date, even where nothing downstream limits
	// it, because no later date exists for it. With ByAll, when every
	// body has a list.
	AlignEnds bool
	// ByAllEnds says that some body of ByAll has a list of meeting dates:
	// whatever the node's latest date, its lower bound must leave that
	// body a meeting, so it is at most the body's last meeting.
	ByAllEnds bool

	// Aside marks a node that takes no part in the tender's start: a fixed
	// date derived from outside the tender (a contract's extension
	// decision), which must not pull the start of the milestones that
	// reach no date to itself. Such a node has no edges.
	Aside bool

	// Delays are added, in order, to the maximum of the node's lower bounds
	// before alignment (a Monte Carlo run of tender risk), once, also in a
	// cycle (see the package doc). Ignored for fixed nodes.
	Delays []date.Duration
}

// Bound is a dated bound on a node: Node >= Date, or Node <= Date when
// Upper.
type Bound struct {
	Node  int
	Upper bool
	Date  date.Date
	Src   int
}

// Edge is a relative constraint between two nodes:
//
//	Node after:  Ref ± Dur   (Before false): Node >= Shift(Ref, Sign, Dur)
//	Node before: Ref ± Dur   (Before true):  Node <= Shift(Ref, Sign, Dur)
//
// A before edge is also a lower bound on Ref: Ref >= ShiftCeil(Node, Sign,
// Dur), the smallest Ref that leaves room for Node.
type Edge struct {
	Node, Ref int
	Before    bool
	Sign      int // +1 or -1; 0 is read as +1 (a zero duration)
	Dur       date.Duration
	Src       int
}

// Unbounded is the Latest of a node that nothing limits from above.
const Unbounded date.Date = math.MaxInt32

// Solution is the answer of Solve. When Conflict is not nil there is no
// schedule and only Conflict and Start are meaningful.
type Solution struct {
	// Earliest, Latest and Date are indexed like Problem.Nodes. Latest is
	// Unbounded where nothing limits a node from above. Date is Earliest,
	// or under ALAP Latest where that is bounded (see the package doc for
	// the nodes that are not). Date may share its storage with Earliest
	// or Latest.
	Earliest, Latest, Date []date.Date
	// Start is the tender's start (see the package doc) and StartNode the
	// node that sets it: the first, in node order, of those with the
	// smallest earliest date among the nodes whose lower bounds reach a
	// date.
	Start     date.Date
	StartNode int
	Conflict  *Infeasibility
	// Why is, with Problem.Explain, the chain of each node's earliest
	// date: the constraint that binds it, then the one that binds the
	// node that gave it, back to a dated origin; the same walk as a
	// conflict's chain (for a fixed node: its fixed step alone).
	Why [][]Step
}

// Slack returns Latest - Earliest of node i in calendar days, and false when
// the node is unbounded.
func (s *Solution) Slack(i int) (int, bool) {
	if s.Latest[i] == Unbounded {
		return 0, false
	}
	return int(s.Latest[i] - s.Earliest[i]), true
}

// ConflictKind says why a problem has no schedule.
type ConflictKind uint8

// The kinds of infeasibility.
const (
	// BeforeFixed: a lower bound falls after a fixed date.
	BeforeFixed ConflictKind = iota + 1
	// AboveUpper: the earliest date falls after a dated upper bound (or a
	// fixed date does).
	AboveUpper
	// NoAlignedDate: no date on or after the lower bound fits the node's
	// alignment (a meeting list ran out).
	NoAlignedDate
	// Cycle: a cycle of constraints pushes itself later forever.
	Cycle
	// OutOfRange: a computed date falls outside 1900-01-01 … 2199-12-31.
	OutOfRange
)

// Infeasibility explains why there is no schedule: the chain of
// constraints that conflict, from the node where the conflict shows back
// to the dated origin of its lower bound (for a Cycle: around the cycle).
type Infeasibility struct {
	Kind  ConflictKind
	Node  int
	Chain []Step
}

// Role says what a Step of a chain is.
type Role uint8

// The roles of a step.
const (
	// RoleFixed: the node is fixed at Bound (Src is Node.FixedSrc).
	RoleFixed Role = iota + 1
	// RoleLower: a dated lower bound gives the node Bound (Src of the Bound).
	RoleLower
	// RoleUpper: a dated upper bound limits the node to Bound.
	RoleUpper
	// RoleAfter: the node is at least Bound because of Edge (an after edge
	// of the node; From is its Ref).
	RoleAfter
	// RolePush: the node is at least Bound because of Edge, a before edge of
	// node From that leaves room for From.
	RolePush
	// RoleStart: the node has no dated lower bound and gets the tender's
	// start, Bound. The chain goes on with the start node's own chain.
	RoleStart
	// RoleAlign, RoleBy: the node's align: or by: moved it to Bound, or, when
	// HasBound is false, allows no date on or after its lower bound. For a
	// decision of several bodies, Step.Body names the body whose meeting
	// binds (or that has no meeting left).
	RoleAlign
	RoleBy
	// RoleDelay: risk delays moved the node to Bound.
	RoleDelay
)

// Step is one link of a conflict chain.
type Step struct {
	Node int
	Role Role
	// Src is the opaque source of the constraint, -1 for RoleStart.
	Src int
	// Edge and From are set for RoleAfter and RolePush (else -1).
	Edge, From int
	// Bound is the date the constraint gives the node, when HasBound.
	Bound    date.Date
	HasBound bool
	// Body is, for RoleBy of a node with ByAll, the body whose meeting is
	// Bound (the last to decide), or the one with no meeting on or after
	// the lower bound; else "".
	Body string
}

// ErrNoDatedBound is returned by Solve when no lower bound of any node
// reaches a date: there is nothing to start the plan from.
var ErrNoDatedBound = errors.New("no milestone has an on, done or dated after: give at least one on, done or dated after")
