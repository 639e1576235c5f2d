package timeline

import (
	"fmt"
	"math"

	"github.com/tender-nl/tender/pkg/date"
)

// Sentinels of the per-node day numbers. Real dates are far from both.
const (
	unset   int32 = math.MinInt32 // no lower bound yet (earliest not known)
	unbound int32 = math.MaxInt32 // no upper bound (latest unbounded)
)

// Codes of why[v], the constraint that last raised a node's lower bound:
// an edge index (>= 0), or one of these, or whyBound-k for dated bound k.
const (
	whyNone  int32 = -1
	whyStart int32 = -2
	whyBound int32 = -3
)

var (
	minDay = int32(date.Min)
	maxDay = int32(date.Max)
)

// arc is an edge in the direction lower bounds flow: from the node that
// gives the bound to the node that gets it. An after edge (to after: from)
// flows Ref → Node; a before edge (from before: to) pushes Node → Ref.
type arc struct {
	from, to int32
	// days is the signed shift in calendar days for d and w (calendar is
	// false); otherwise n, unit and sign are the duration the calendar
	// shifts by.
	days     int32
	n        int32
	sign     int8
	unit     date.Unit
	calendar bool
	before   bool
	// rise says how the bound compares with the tail's date, for every
	// date: riseStrict (always later: after + N, before − N, N > 0),
	// riseSame (the same: ± 0), or riseAny (may be earlier).
	rise uint8
}

const (
	riseAny uint8 = iota
	riseSame
	riseStrict
)

func (a *arc) dur() date.Duration { return date.Duration{N: int(a.n), Unit: a.unit} }

// solver holds the flattened graph and the per-node state of one Solve.
// Everything is indexed by node or edge number; nothing allocates per edge.
type solver struct {
	p   *Problem
	cal Calendar
	n   int

	arcs              []arc
	outStart, outArcs []int32 // CSR by arc.from
	inStart, inArcs   []int32 // CSR by arc.to

	comp      []int32 // component of each node, numbered in topological order
	order     []int32 // nodes grouped by component, components in topological order
	compStart []int32 // order[compStart[c]:compStart[c+1]] is component c
	cyclic    []bool  // per component: has a cycle (more than one node, or a self-loop)

	fixedAt []int32 // the fixed date of each node, or unset
	plain   []bool  // the node has no alignment and no delays
	ends    []bool  // the node's allowed dates end (Node.AlignEnds)

	loInit, whyInit []int32 // the dated lower bounds
	up              []int32 // the smallest dated upper bound, or unbound
	upWhy           []int32 // its Bound index, or -1

	lo, why, early []int32 // forward pass: max lower bound, its reason, earliest
	hi, late       []int32 // backward pass: min upper bound, latest

	queue []int32 // ring buffer of a component's worklist
	inq   []bool

	mark   []int32 // visit stamps for chain walks
	seqPos []int32
	stamp  int32

	start      int32
	startChain []Step
}

// Solve computes the earliest, latest and planned date of every node of p,
// or explains why there is none (Solution.Conflict). It returns an error only
// for a malformed problem (an index out of range) or ErrNoDatedBound.
func Solve(p *Problem, cal Calendar) (*Solution, error) {
	s, err := newSolver(p, cal)
	if err != nil {
		return nil, err
	}
	hasOrigin := false
	for i := range p.Nodes {
		if !p.Nodes[i].Aside && (p.Nodes[i].Fixed || s.loInit[i] != unset) {
			hasOrigin = true
			break
		}
	}
	if !hasOrigin {
		return nil, ErrNoDatedBound
	}

	// Pass 1: only the nodes whose lower bounds reach a date get a value;
	// the others stay unset and contribute nothing. The smallest earliest
	// date found is the tender's start.
	if cf := s.forward(nil); cf != nil {
		return &Solution{Conflict: cf, StartNode: -1}, nil
	}
	startNode, allReach := s.findStart()
	sol := &Solution{Start: date.Date(s.start), StartNode: startNode}

	// Pass 2: every node that reaches no date gets the start as a lower
	// bound; the whole problem is solved again.
	if !allReach {
		s.startChain = s.chainFrom(int32(startNode), false, nil)
		s.giveStart()
		if cf := s.forward(nil); cf != nil {
			sol.Conflict = cf
			return sol, nil
		}
	}
	sol.Earliest = toDates(s.early)
	if p.Explain {
		sol.Why = make([][]Step, s.n)
		for v := range s.n {
			sol.Why[v] = s.chainFrom(int32(v), false, nil)
		}
	}

	s.backward()
	sol.Latest = toDates(s.late)

	sol.Date = sol.Earliest
	if p.ALAP {
		sol.Date = s.alapDates(sol)
	}
	return sol, nil
}

// findStart sets s.start to the smallest earliest date of pass 1 and
// returns the node that has it (-1 when none does) and whether every node
// reached a date.
func (s *solver) findStart() (startNode int, allReach bool) {
	startNode, allReach = -1, true
	for v, e := range s.early {
		if e == unset {
			allReach = false
			continue
		}
		if s.p.Nodes[v].Aside {
			continue
		}
		if startNode < 0 || e < s.start {
			s.start, startNode = e, v
		}
	}
	return startNode, allReach
}

// giveStart makes the tender's start the lower bound of every node that
// reached no date in pass 1, for pass 2.
func (s *solver) giveStart() {
	for v, e := range s.early {
		if e == unset {
			s.loInit[v], s.whyInit[v] = s.start, whyStart
		}
	}
}

func toDates(v []int32) []date.Date {
	d := make([]date.Date, len(v))
	for i, x := range v {
		d[i] = date.Date(x)
	}
	return d
}

// alapDates plans bounded nodes at their latest date and every unbounded one
// at the earliest date the planned dates of the nodes it follows allow (a
// third forward pass with the bounded nodes pinned). Taking the global
// earliest for them instead could plan one before a node it must follow.
func (s *solver) alapDates(sol *Solution) []date.Date {
	pin := make([]int32, s.n)
	someUnbounded := false
	for v, l := range s.late {
		pin[v] = l
		someUnbounded = someUnbounded || l == unbound
	}
	if !someUnbounded {
		return sol.Latest
	}
	if cf := s.forward(pin); cf != nil {
		// Cannot happen for a consistent calendar: the latest dates satisfy
		// every constraint. Fall back to what is certainly valid.
		out := make([]date.Date, s.n)
		copy(out, sol.Latest)
		for v, l := range s.late {
			if l == unbound {
				out[v] = sol.Earliest[v]
			}
		}
		return out
	}
	return toDates(s.early)
}

func newSolver(p *Problem, cal Calendar) (*solver, error) {
	n := len(p.Nodes)
	if n >= math.MaxInt32/2 || len(p.Edges) >= math.MaxInt32/2 {
		return nil, fmt.Errorf("timeline: problem too large")
	}
	s := &solver{p: ownNodes(p), cal: cal, n: n}
	s.arcs = make([]arc, len(p.Edges))
	for i, e := range p.Edges {
		if e.Node < 0 || e.Node >= n || e.Ref < 0 || e.Ref >= n {
			return nil, fmt.Errorf("timeline: edge %d refers to a node out of range", i)
		}
		s.arcs[i] = newArc(e)
	}
	s.outStart, s.outArcs = csr(n, s.arcs, func(a *arc) int32 { return a.from })
	s.inStart, s.inArcs = csr(n, s.arcs, func(a *arc) int32 { return a.to })
	s.nodes(p)
	if err := s.bounds(p); err != nil {
		return nil, err
	}
	s.lo = make([]int32, n)
	s.why = make([]int32, n)
	s.early = make([]int32, n)
	s.hi = make([]int32, n)
	s.late = make([]int32, n)
	s.queue = make([]int32, n+1)
	s.inq = make([]bool, n)
	s.mark = make([]int32, n)
	s.components()
	return s, nil
}

// ownNodes is p, or a copy with nodes of its own when a node has delays:
// a cycle with delays holds them back for a while (forwardCycleDelayed),
// which changes its nodes.
func ownNodes(p *Problem) *Problem {
	for i := range p.Nodes {
		if len(p.Nodes[i].Delays) > 0 {
			own := *p
			own.Nodes = append([]Node(nil), p.Nodes...)
			return &own
		}
	}
	return p
}

// newArc is edge e as the solver follows it: from the node that gives the
// bound to the node that gets it, its shift with a sign of ±1 and a
// non-negative amount (at most date.MaxAmount), a shift in days where the
// unit has a fixed length, and how it rises around a cycle.
func newArc(e Edge) arc {
	sign, dur := 1, e.Dur
	if e.Sign < 0 {
		sign = -1
	}
	if dur.N < 0 {
		dur.N, sign = -dur.N, -sign
	}
	if dur.N > date.MaxAmount {
		dur.N = date.MaxAmount // far beyond any date; keeps int32 arithmetic safe
	}
	a := arc{sign: int8(sign), n: int32(dur.N), unit: dur.Unit, before: e.Before}
	if k, ok := fixedDays(dur); ok {
		a.days = int32(k) * int32(sign)
	} else {
		a.calendar = dur.N != 0
	}
	switch {
	case dur.N == 0:
		a.rise = riseSame
	case (sign > 0) != e.Before: // after: X + N, or before: X - N
		a.rise = riseStrict
	}
	if e.Before {
		a.from, a.to = int32(e.Node), int32(e.Ref)
	} else {
		a.from, a.to = int32(e.Ref), int32(e.Node)
	}
	return a
}

// nodes notes what the solver asks of every node: its fixed date, whether
// its alignment runs out, and whether it is plain (no alignment, no
// delays).
func (s *solver) nodes(p *Problem) {
	s.fixedAt = fill(s.n, unset)
	s.plain = make([]bool, s.n)
	s.ends = make([]bool, s.n)
	for i := range p.Nodes {
		nd := &p.Nodes[i]
		if nd.Fixed {
			s.fixedAt[i] = int32(nd.Date)
		}
		s.ends[i] = nd.AlignEnds && !nd.Fixed
		s.plain[i] = !nd.aligned() && len(nd.Delays) == 0
	}
}

// bounds keeps each node's largest dated lower bound and smallest dated
// upper bound, with the bound that gives it.
func (s *solver) bounds(p *Problem) error {
	s.loInit = fill(s.n, unset)
	s.whyInit = fill(s.n, whyNone)
	s.up = fill(s.n, unbound)
	s.upWhy = fill(s.n, -1)
	for k, b := range p.Bounds {
		if b.Node < 0 || b.Node >= s.n {
			return fmt.Errorf("timeline: bound %d refers to a node out of range", k)
		}
		d := int32(b.Date)
		if b.Upper {
			if d < s.up[b.Node] {
				s.up[b.Node], s.upWhy[b.Node] = d, int32(k)
			}
		} else if s.loInit[b.Node] == unset || d > s.loInit[b.Node] {
			s.loInit[b.Node], s.whyInit[b.Node] = d, whyBound-int32(k)
		}
	}
	return nil
}

func fill(n int, x int32) []int32 {
	v := make([]int32, n)
	for i := range v {
		v[i] = x
	}
	return v
}

// csr groups arc indices by key(arc) in compressed sparse row form.
func csr(n int, arcs []arc, key func(*arc) int32) (start, list []int32) {
	start = make([]int32, n+1)
	for i := range arcs {
		start[key(&arcs[i])+1]++
	}
	for v := range n {
		start[v+1] += start[v]
	}
	list = make([]int32, len(arcs))
	pos := make([]int32, n)
	copy(pos, start[:n])
	for i := range arcs {
		k := key(&arcs[i])
		list[pos[k]] = int32(i)
		pos[k]++
	}
	return start, list
}

// components finds the strongly connected components with Tarjan's
// algorithm, iteratively (graphs may be 100,000 nodes deep), and numbers
// them in topological order (number).
func (s *solver) components() {
	n := s.n
	index, low := make([]int32, n), make([]int32, n) // index 0: not visited; else the visit's number
	onStack, stack := make([]bool, n), make([]int32, 0, 64)
	type frame struct{ v, next int32 }
	call := make([]frame, 0, 64)
	emitted := make([]int32, 0, n) // nodes, components in reverse topological order
	ends := make([]int32, 0, 16)   // end of each emitted component in emitted
	counter := int32(0)
	visit := func(v int32) {
		counter++
		index[v], low[v] = counter, counter
		stack = append(stack, v)
		onStack[v] = true
		call = append(call, frame{v, s.outStart[v]})
	}
	// leave ends the visit of v, the top of the call stack: its caller
	// takes its low, and v's component is popped when v is its root.
	leave := func(v int32) {
		top := len(call) - 1
		call = call[:top]
		if top > 0 {
			if u := call[top-1].v; low[v] < low[u] {
				low[u] = low[v]
			}
		}
		if low[v] != index[v] {
			return
		}
		for w := int32(-1); w != v; {
			w = stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			emitted = append(emitted, w)
		}
		ends = append(ends, int32(len(emitted)))
	}
	for root := range int32(n) {
		if index[root] == 0 {
			visit(root) // else the call stack is empty
		}
		for len(call) > 0 {
			top := len(call) - 1
			v, i := call[top].v, call[top].next
			if i == s.outStart[v+1] {
				leave(v)
				continue
			}
			call[top].next++
			if w := s.arcs[s.outArcs[i]].to; index[w] == 0 {
				visit(w)
			} else if onStack[w] && index[w] < low[v] {
				low[v] = index[w]
			}
		}
	}
	s.number(emitted, ends)
}

// number numbers the components Tarjan's algorithm emitted in topological order (the
// reverse of theirs), keeping node order inside a component ascending, so
// that worklists run in file order; a component is cyclic when it has
// several nodes or an arc from a node to itself.
func (s *solver) number(emitted, ends []int32) {
	n, nc := s.n, len(ends)
	s.comp = make([]int32, n)
	s.order = make([]int32, 0, n)
	s.compStart = make([]int32, nc+1)
	s.cyclic = make([]bool, nc)
	for c := range nc {
		k := nc - 1 - c // emitted component k becomes component c
		from := int32(0)
		if k > 0 {
			from = ends[k-1]
		}
		s.compStart[c] = int32(len(s.order))
		part := emitted[from:ends[k]]
		sortInt32(part)
		for _, v := range part {
			s.comp[v] = int32(c)
			s.order = append(s.order, v)
		}
		s.cyclic[c] = len(part) > 1
	}
	s.compStart[nc] = int32(len(s.order))
	for i := range s.arcs {
		if a := &s.arcs[i]; a.from == a.to {
			s.cyclic[s.comp[a.from]] = true
		}
	}
}

// sortInt32 sorts a component's nodes; components are usually tiny.
func sortInt32(v []int32) {
	if len(v) < 2 {
		return
	}
	if len(v) > 16 {
		quickSort(v)
		return
	}
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j] < v[j-1]; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

func quickSort(v []int32) {
	for len(v) > 16 {
		p := v[len(v)/2]
		i, j := 0, len(v)-1
		for i <= j {
			for v[i] < p {
				i++
			}
			for v[j] > p {
				j--
			}
			if i <= j {
				v[i], v[j] = v[j], v[i]
				i++
				j--
			}
		}
		if j+1 < len(v)-i {
			quickSort(v[:j+1])
			v = v[i:]
		} else {
			quickSort(v[i:])
			v = v[:j+1]
		}
	}
	sortInt32(v)
}

// budget bounds the updates inside one cyclic component. Monthly and
// working-day shifts are not constant, so a cycle that settles may need
// many rounds (A after: B + 1mo, B after: A - 30d takes about fifteen); a
// cycle that keeps rising passes 2199-12-31 first for small components,
// and large ones are cut off after 400 rounds.
func budget(size int) int {
	return max(400*size, 1<<20)
}

// forward computes the least fixpoint of the lower bounds into early, in
// topological order of the components: each node pulls the bounds of its
// in-arcs, whose tails are final by then; a cyclic component then pushes
// inside itself until it settles. The tender's start is already in loInit
// for the nodes that reach no date (pass 2 and 3). pin, if not nil, fixes
// every node whose pin is not unbound at that date (pass 3: pinned nodes
// need no work, as the pins are a schedule).
func (s *solver) forward(pin []int32) *Infeasibility {
	for i := range s.early {
		s.early[i] = unset
	}
	for c := range s.cyclic {
		nodes := s.order[s.compStart[c]:s.compStart[c+1]]
		if !s.cyclic[c] {
			v := nodes[0]
			if pin != nil && pin[v] != unbound {
				s.early[v] = pin[v]
				continue
			}
			s.pull(v)
			if cf := s.settle(v, pin, false); cf != nil {
				return cf
			}
			continue
		}
		if cf := s.forwardCycleDelayed(int32(c), nodes, pin); cf != nil {
			return cf
		}
	}
	return nil
}

// pull sets lo[v] to the largest of v's dated lower bounds and the bounds
// its in-arcs give from the tails that have an earliest date.
func (s *solver) pull(v int32) {
	lo, why := s.loInit[v], s.whyInit[v]
	for i := s.inStart[v]; i < s.inStart[v+1]; i++ {
		e := s.inArcs[i]
		a := &s.arcs[e]
		x := s.early[a.from]
		if x == unset {
			continue
		}
		if b := s.lowerVia(a, x); lo == unset || b > lo {
			lo, why = b, e
		}
	}
	s.lo[v], s.why[v] = lo, why
}

// forwardCycle iterates a cyclic component with a FIFO worklist until no
// lower bound rises, or declares a cycle that rises forever.
func (s *solver) forwardCycle(c int32, nodes []int32, pin []int32) *Infeasibility {
	head, tail, size := 0, 0, len(s.queue)
	for _, v := range nodes {
		s.pull(v)
		s.queue[tail] = v
		tail++
		s.inq[v] = true
	}
	updates, limit, check := 0, budget(len(nodes)), 2*len(nodes)
	for head != tail {
		v := s.queue[head]
		if head++; head == size {
			head = 0
		}
		s.inq[v] = false
		old := s.early[v]
		if cf := s.settle(v, pin, true); cf != nil {
			s.drain(head, tail)
			return cf
		}
		if s.early[v] == old || s.early[v] == unset {
			continue
		}
		if updates++; updates > limit {
			s.drain(head, tail)
			return s.cycleConflict(v)
		}
		if updates == check {
			// Every so often (after 2, 4, 8, … rounds) look for a proof
			// that the component rises forever, so that the usual
			// positive cycles are found long before the budget runs out.
			check *= 2
			if cf := s.findCycle(v, true); cf != nil {
				s.drain(head, tail)
				return cf
			}
		}
		for i := s.outStart[v]; i < s.outStart[v+1]; i++ {
			e := s.outArcs[i]
			a := &s.arcs[e]
			if s.comp[a.to] != c {
				continue // later components pull
			}
			b := s.lowerVia(a, s.early[v])
			if s.lo[a.to] != unset && b <= s.lo[a.to] {
				continue
			}
			s.lo[a.to], s.why[a.to] = b, e
			if !s.inq[a.to] {
				s.inq[a.to] = true
				s.queue[tail] = a.to
				if tail++; tail == size {
					tail = 0
				}
			}
		}
	}
	return nil
}

// drain clears the in-queue marks of an abandoned worklist.
func (s *solver) drain(head, tail int) {
	for head != tail {
		s.inq[s.queue[head]] = false
		if head++; head == len(s.queue) {
			head = 0
		}
	}
}

// lowerVia is the lower bound arc a gives a.to when a.from is at x.
func (s *solver) lowerVia(a *arc, x int32) int32 {
	if !a.calendar {
		if a.before {
			return x - a.days
		}
		return x + a.days
	}
	if a.before {
		return s.shiftCeil(x, int(a.sign), a.dur())
	}
	return s.shift(x, int(a.sign), a.dur())
}

// settle computes early[v] from lo[v], checking every way v can fail.
func (s *solver) settle(v int32, pin []int32, inCycle bool) *Infeasibility {
	f := s.fixedAt[v]
	if pin != nil && pin[v] != unbound {
		f = pin[v]
	}
	if f != unset {
		s.early[v] = f
		if s.lo[v] != unset && s.lo[v] > f {
			return s.conflict(BeforeFixed, v)
		}
		if f > s.up[v] {
			return s.conflict(AboveUpper, v)
		}
		return nil
	}
	x := s.lo[v]
	if x == unset {
		return nil
	}
	if s.plain[v] {
		if x > maxDay || x < minDay {
			return s.rangeConflict(v, x, inCycle)
		}
		s.early[v] = x
		if x > s.up[v] {
			return s.conflict(AboveUpper, v)
		}
		return nil
	}
	if x > maxDay {
		return s.rangeConflict(v, x, inCycle)
	}
	nd := &s.p.Nodes[v]
	for _, d := range nd.Delays {
		x = s.shift(x, 1, d)
	}
	if x > maxDay {
		return s.rangeConflict(v, x, inCycle)
	}
	x, ok, _ := s.alignUp(nd, x)
	if !ok {
		s.early[v] = unset
		return s.conflict(NoAlignedDate, v)
	}
	if x > maxDay || x < minDay {
		return s.rangeConflict(v, x, inCycle)
	}
	s.early[v] = x
	if x > s.up[v] {
		return s.conflict(AboveUpper, v)
	}
	return nil
}

func (s *solver) rangeConflict(v, x int32, inCycle bool) *Infeasibility {
	s.early[v] = x
	if inCycle {
		if cf := s.findCycle(v, false); cf != nil {
			return cf
		}
	}
	return s.conflict(OutOfRange, v)
}

// aligned reports whether align: or by: narrow the node's dates.
func (nd *Node) aligned() bool {
	return nd.Align.Kind != date.AlignNone || nd.By.Kind != date.AlignNone || len(nd.ByAll) > 0
}

// allMeet returns, for a decision of several bodies, the last of the
// bodies' first meetings on or after x (the earliest date on which all have
// decided) and the index in ByAll of the first body that meets then; or
// false and the index of the first body with no meeting on or after x.
func (s *solver) allMeet(nd *Node, x int32) (int32, bool, int) {
	last, binds := int32(0), -1
	for k, a := range nd.ByAll {
		d, ok := s.cal.NextAligned(date.Date(x), a)
		if !ok {
			return x, false, k
		}
		if binds < 0 || int32(d) > last {
			last, binds = int32(d), k
		}
	}
	return last, true, binds
}

// nextBy returns the smallest date >= y that by: allows: a meeting of its
// body, or of any of its bodies.
func (s *solver) nextBy(nd *Node, y int32) (int32, bool) {
	if len(nd.ByAll) == 0 {
		d, ok := s.cal.NextAligned(date.Date(y), nd.By)
		return int32(d), ok
	}
	best, found := int32(0), false
	for _, a := range nd.ByAll {
		if d, ok := s.cal.NextAligned(date.Date(y), a); ok && (!found || int32(d) < best) {
			best, found = int32(d), true
		}
	}
	return best, found
}

// prevBy returns the largest date <= y that by: allows.
func (s *solver) prevBy(nd *Node, y int32) (int32, bool) {
	if len(nd.ByAll) == 0 {
		d, ok := s.cal.PrevAligned(date.Date(y), nd.By)
		return int32(d), ok
	}
	best, found := int32(0), false
	for _, a := range nd.ByAll {
		if d, ok := s.cal.PrevAligned(date.Date(y), a); ok && (!found || int32(d) > best) {
			best, found = int32(d), true
		}
	}
	return best, found
}

// opening is the latest lower bound that node v at its latest date leaves
// room for: the latest date itself, or for a decision of several bodies
// the smallest of the bodies' last meetings on or before it (every body
// must meet between the lower bound and the decision).
func (s *solver) opening(v int32) int32 {
	y := s.late[v]
	nd := &s.p.Nodes[v]
	if len(nd.ByAll) == 0 || s.fixedAt[v] != unset {
		return y
	}
	if y == unbound {
		if !nd.ByAllEnds {
			return unbound
		}
		// No latest date (a body with a rule meets on), but a body with a
		// list of dates must still meet on or after the lower bound.
		y = maxDay
	}
	open := y
	for _, a := range nd.ByAll {
		d, ok := s.cal.PrevAligned(date.Date(y), a)
		if !ok {
			// Not for a feasible problem: every body meets between the
			// lower bound and the earliest date, which is at most y.
			return s.lo[v]
		}
		open = min(open, int32(d))
	}
	return open
}

// alignUp returns the smallest date >= x that the node's align: and by: both
// allow, and which of them ran out when there is none. For a decision of
// several bodies the date is on or after every body's first meeting on or
// after x.
func (s *solver) alignUp(nd *Node, x int32) (int32, bool, Role) {
	a, b := nd.Align.Kind != date.AlignNone, nd.By.Kind != date.AlignNone || len(nd.ByAll) > 0
	if !a && !b {
		return x, true, 0
	}
	x = max(x, minDay-400) // keep the calendar in its years; the result is out of range anyway
	if len(nd.ByAll) > 0 {
		y, ok, _ := s.allMeet(nd, x)
		if !ok {
			return x, false, RoleBy
		}
		x = y
	}
	for range 1000 {
		y := x
		if a {
			d, ok := s.cal.NextAligned(date.Date(y), nd.Align)
			if !ok {
				return x, false, RoleAlign
			}
			y = int32(d)
		}
		if b {
			d, ok := s.nextBy(nd, y)
			if !ok {
				return x, false, RoleBy
			}
			y = d
		}
		if y == x || y > maxDay {
			return y, true, 0
		}
		x = y
	}
	return x, false, RoleAlign
}

// alignDown returns the largest date <= x that align: and by: both allow.
func (s *solver) alignDown(nd *Node, x int32) (int32, bool) {
	a, b := nd.Align.Kind != date.AlignNone, nd.By.Kind != date.AlignNone || len(nd.ByAll) > 0
	if !a && !b {
		return x, true
	}
	for range 1000 {
		y := x
		if a {
			d, ok := s.cal.PrevAligned(date.Date(y), nd.Align)
			if !ok {
				return x, false
			}
			y = int32(d)
		}
		if b {
			d, ok := s.prevBy(nd, y)
			if !ok {
				return x, false
			}
			y = d
		}
		if y == x {
			return y, true
		}
		if y < minDay {
			return y, false
		}
		x = y
	}
	return x, false
}

// backward computes the greatest fixpoint of the upper bounds into late, in
// reverse topological order, pulling over out-arcs as forward pulls over
// in-arcs. It runs only on a feasible problem, where the earliest dates are
// a schedule: every latest date is at least the earliest one, so the values
// only fall, and never below early.
func (s *solver) backward() {
	for i := range s.late {
		s.late[i] = unbound
	}
	for c := len(s.cyclic) - 1; c >= 0; c-- {
		nodes := s.order[s.compStart[c]:s.compStart[c+1]]
		if !s.cyclic[c] {
			v := nodes[0]
			s.pullBack(v)
			s.settleBack(v)
			continue
		}
		s.backwardCycle(int32(c), nodes)
	}
}

// pullBack sets hi[v] to the smallest of v's dated upper bounds and the
// bounds its out-arcs give from the heads that have a latest date.
func (s *solver) pullBack(v int32) {
	hi := s.up[v]
	if s.ends[v] {
		hi = min(hi, maxDay) // settleBack moves it to the last allowed date
	}
	for i := s.outStart[v]; i < s.outStart[v+1]; i++ {
		a := &s.arcs[s.outArcs[i]]
		y := s.opening(a.to)
		if y == unbound {
			continue
		}
		hi = min(hi, s.upperVia(a, y))
	}
	s.hi[v] = hi
}

func (s *solver) backwardCycle(c int32, nodes []int32) {
	head, tail, size := 0, 0, len(s.queue)
	for _, v := range nodes {
		s.pullBack(v)
		s.queue[tail] = v
		tail++
		s.inq[v] = true
	}
	updates, limit := 0, budget(len(nodes))
	for head != tail {
		v := s.queue[head]
		if head++; head == size {
			head = 0
		}
		s.inq[v] = false
		old := s.late[v]
		s.settleBack(v)
		if s.late[v] == old || s.late[v] == unbound {
			continue
		}
		if updates++; updates > limit {
			// Pathological (values are bounded below by the earliest dates,
			// so this always ends, but perhaps not soon): give the component
			// its earliest dates, which are certainly a schedule, and go on.
			s.drain(head, tail)
			for _, u := range nodes {
				s.late[u] = s.early[u]
			}
			return
		}
		y := s.opening(v)
		for i := s.inStart[v]; i < s.inStart[v+1]; i++ {
			a := &s.arcs[s.inArcs[i]]
			if s.comp[a.from] != c {
				continue // earlier components pull
			}
			b := s.upperVia(a, y)
			if b >= s.hi[a.from] {
				continue
			}
			s.hi[a.from] = b
			if !s.inq[a.from] {
				s.inq[a.from] = true
				s.queue[tail] = a.from
				if tail++; tail == size {
					tail = 0
				}
			}
		}
	}
}

// upperVia is the upper bound arc a gives a.from when a.to is at y:
// for a.to after: a.from ± DUR the largest a.from with a.from ± DUR <= y;
// for a.from before: a.to ± DUR simply y ± DUR.
func (s *solver) upperVia(a *arc, y int32) int32 {
	if !a.calendar {
		if a.before {
			return y + a.days
		}
		return y - a.days
	}
	if a.before {
		return s.shift(y, int(a.sign), a.dur())
	}
	return s.shiftFloor(y, int(a.sign), a.dur())
}

func (s *solver) settleBack(v int32) {
	if f := s.fixedAt[v]; f != unset {
		s.late[v] = f
		return
	}
	x := s.hi[v]
	if x == unbound {
		s.late[v] = unbound
		return
	}
	x = min(x, maxDay) // no date after 2199-12-31 exists for a milestone
	ok := true
	if !s.plain[v] {
		x, ok = s.alignDown(&s.p.Nodes[v], x)
	}
	if !ok || x < s.early[v] {
		// Not for a consistent calendar: the earliest date is a schedule.
		x = s.early[v]
	}
	s.late[v] = x
}

// The shifts take the fast path for calendar days and weeks and guard the
// calendar against years it need not know: a shift of more than the whole
// range 1900–2199 lands out of range whatever the calendar says, so it is
// approximated by its smallest possible length (1 day per working day, 28
// per month, 365 per year), which is out of range too.

const farDays = 120_000 // more than 2199-12-31 − 1900-01-01, with margin

func (s *solver) shift(d int32, sign int, dur date.Duration) int32 {
	return shiftDay(s.cal, d, sign, dur)
}

func shiftDay(cal Calendar, d int32, sign int, dur date.Duration) int32 {
	if k, ok := fixedDays(dur); ok {
		return clampDay(int64(d) + int64(sign)*k)
	}
	if dur.N == 0 {
		return d
	}
	if k, far := farShift(d, dur); far {
		return clampDay(int64(d) + int64(sign)*k)
	}
	return int32(cal.Shift(date.Date(d), sign, dur))
}

func (s *solver) shiftFloor(limit int32, sign int, dur date.Duration) int32 {
	return s.shiftBack(limit, sign, dur, false)
}

func (s *solver) shiftCeil(limit int32, sign int, dur date.Duration) int32 {
	return s.shiftBack(limit, sign, dur, true)
}

// shiftBack inverts a shift: the latest day d with d + sign·dur on or
// before limit (ShiftFloor), or with ceil the earliest with it on or after
// limit (ShiftCeil). Whole calendar days and zero need no calendar.
func (s *solver) shiftBack(limit int32, sign int, dur date.Duration, ceil bool) int32 {
	if k, ok := fixedDays(dur); ok {
		return clampDay(int64(limit) - int64(sign)*k)
	}
	if dur.N == 0 {
		return limit
	}
	if k, far := farShift(limit, dur); far {
		return clampDay(int64(limit) - int64(sign)*k)
	}
	if ceil {
		return int32(s.cal.ShiftCeil(date.Date(limit), sign, dur))
	}
	return int32(s.cal.ShiftFloor(date.Date(limit), sign, dur))
}

// fixedDays returns the length of a duration in calendar days and units.
func fixedDays(dur date.Duration) (int64, bool) {
	switch dur.Unit {
	case date.Days:
		return int64(dur.N), true
	case date.Weeks:
		return 7 * int64(dur.N), true
	}
	return 0, false
}

// farShift reports whether shifting d by dur certainly leaves the range of
// dates (or d is already far outside it), with the smallest length dur can
// have in days.
func farShift(d int32, dur date.Duration) (int64, bool) {
	per := int64(1)
	switch dur.Unit {
	case date.Months:
		per = 28
	case date.Years:
		per = 365
	}
	k := int64(dur.N) * per
	return k, k > farDays || d < minDay-farDays/100 || d > maxDay+farDays/100
}

// clampDay keeps far-off values well inside int32 and away from the
// sentinels; they are out of range anyway.
func clampDay(x int64) int32 {
	const lim = 1 << 30
	return int32(max(-lim, min(lim, x)))
}
