package gentest

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
)

// Planned is one milestone of a plan, as the reference computes it: the
// fields of tender plan -o json. Latest and Slack are nil when unbounded;
// By is "" for null.
type Planned struct {
	ID, Name, Kind string
	Date, Earliest Day
	Latest         *Day
	Slack          *int
	Critical       bool
	Fixed, Done    bool
	By             string
	Bodies         []string // nil for null
}

// Result is the reference's plan of one tender: feasible or not and, when
// feasible, the milestones in planned date order (file order on ties).
type Result struct {
	Feasible   bool
	Schedule   string
	Milestones []Planned
	// Contract is the contract the tender replaces, as the plan's
	// "contract" shows it, or nil.
	Contract *ContractView
}

// ContractView is the "contract" of a plan: the contract's start, its end
// with the options taken, and the next option's notice deadline (nil when
// none is left).
type ContractView struct {
	ID         string
	Start, End Day
	NextNotice *Day
}

// Move is --set ID=DATE: the milestone's on becomes Date; its after,
// before, align and by stay.
type Move struct {
	ID   string
	Date Day
}

// Plan plans the tender of f, in a scenario ("" for the base), with the
// schedule override ("" keeps the file's) and moves, from the abstract
// model alone. It reads FORMAT's scheduling semantics literally:
//
//   - constraints: on/done/moves fix a date (never moved by alignment);
//     after: X gives X as a lower bound, before: X an upper one; ID ± DUR
//     is evaluated forward only (the reference never inverts a duration:
//     "the smallest B with B − DUR ≥ A" is found by trying B = A − k, …,
//     A + k one by one); align and by allow only some dates;
//   - reach: a milestone reaches a date when it is fixed, has a dated
//     after, or has a lower bound (an after, or the push of another's
//     relative before) from a milestone that reaches one;
//   - start: the smallest earliest date among the reaching milestones,
//     computed with the others left out; every other milestone gets it as a
//     lower bound;
//   - earliest: the least fixpoint of all lower bounds, each moved to the
//     first date its alignment allows (fixed dates stay);
//   - feasible: that fixpoint exists in the window and satisfies every
//     constraint;
//   - latest: the greatest fixpoint of the upper bounds (fixed dates, dated
//     befores, relative befores, the limits that others' relative afters
//     set, and the last date of a list of meeting dates, after which the
//     milestone cannot fall), each moved back to the last allowed date;
//     none when no upper bound reaches the milestone;
//   - slack, critical, and the date: earliest (asap) or latest (alap); under
//     alap a milestone without a latest gets the earliest date that the
//     others, held at their planned dates, allow.
func Plan(f *File, scenario, schedule string, moves []Move) (Result, error) {
	ms := f.Tender(scenario)
	var contractEnd *Day
	var view *ContractView
	aside := 0 // the derived decisions, at the end of ms
	if c := f.Contract; c != nil && f.Replaces {
		ext := c.Extended
		for _, s := range f.Scenarios {
			if s.ID == scenario && s.Extended != nil {
				ext = *s.Extended
			}
		}
		end := contractEndAfter(c, ext)
		contractEnd = &end
		view = &ContractView{ID: "c", Start: c.Start, End: end}
		if ext < len(c.Options) {
			d := calShift(end, -1, c.Options[ext].Notice)
			view.NextNotice = &d
		}
		// The decision on each remaining option: by the end before it
		// minus its notice (each later one assumes the earlier taken).
		for k := ext; k < len(c.Options); k++ {
			d := calShift(contractEndAfter(c, k), -1, c.Options[k].Notice)
			ms = append(ms, Milestone{ID: fmt.Sprintf("c-option-%d", k+1), Kind: "extension-decision", On: &d,
				Name: fmt.Sprintf("Decide on extension option %d (%s) of contract c (derived)", k+1, c.Options[k].Length)})
			aside++
		}
	}
	if schedule == "" {
		schedule = f.Schedule
	}
	if schedule == "" {
		schedule = "asap"
	}
	p := newProblem(f, ms, moves)
	if contractEnd != nil {
		// contract-start ≤ end + 1 day, a dated upper bound on every
		// contract start of the tender (not on the derived decisions)
		for i := range p.n - aside {
			if ms[i].Kind == "contract-start" {
				p.uppers[i] = append(p.uppers[i], *contractEnd+1)
			}
		}
	}
	res := Result{Schedule: schedule, Contract: view}

	// Pass 1: the start, from the reaching milestones alone.
	e1, def1, ok := p.lfp(p.reach, nil, nil)
	if !ok {
		return res, nil
	}
	var start *Day
	for i := range p.n - aside { // the derived decisions do not set the start
		if p.reach[i] && def1[i] && (start == nil || e1[i] < *start) {
			d := e1[i]
			start = &d
		}
	}
	if start == nil {
		return res, fmt.Errorf("reference: no milestone reaches a date, yet the generator wrote the file")
	}
	// Pass 2: everything, with the start.
	all := make([]bool, p.n)
	for i := range all {
		all[i] = true
	}
	e, def, ok := p.lfp(all, start, nil)
	if !ok {
		return res, nil
	}
	for i := range p.n {
		if !def[i] {
			return res, fmt.Errorf("reference: %s has no earliest date in pass 2", p.ms[i].ID)
		}
	}
	if !p.satisfied(e, true) {
		return res, nil
	}
	res.Feasible = true

	l, ldef := p.gfp()
	for i := range p.n {
		if ldef[i] && l[i] < e[i] {
			return res, fmt.Errorf("reference: %s has latest %s before earliest %s", p.ms[i].ID, l[i], e[i])
		}
	}
	planned := e
	if schedule == "alap" {
		hold := map[int]Day{}
		for i := range p.n {
			if ldef[i] {
				hold[i] = l[i]
			}
		}
		var ok bool
		planned, _, ok = p.lfp(all, start, hold)
		if !ok {
			return res, fmt.Errorf("reference: the alap forward pass failed")
		}
	}
	for i, m := range p.ms {
		pl := Planned{ID: m.ID, Name: m.Name, Kind: m.Kind, Date: planned[i], Earliest: e[i],
			Fixed: p.fixed[i], Done: m.Done != nil && !p.moved[i], By: m.By}
		if pl.Name == "" {
			pl.Name = m.ID
		}
		if pl.By == "" && m.Align != nil && m.Align.Kind == AlignMeeting {
			pl.By = m.Align.Body
		}
		if pl.By != "" {
			pl.Bodies = []string{pl.By}
		}
		if len(m.ByAll) > 0 {
			// by names the body whose meeting it is: the first in the
			// list that meets on the date
			pl.Bodies, pl.By = m.ByAll, m.ByAll[0]
			for _, b := range m.ByAll {
				if p.meets(b, pl.Date) {
					pl.By = b
					break
				}
			}
		}
		if ldef[i] {
			d, s := l[i], int(l[i]-e[i])
			pl.Latest, pl.Slack, pl.Critical = &d, &s, s == 0
		}
		res.Milestones = append(res.Milestones, pl)
	}
	sort.SliceStable(res.Milestones, func(a, b int) bool { return res.Milestones[a].Date < res.Milestones[b].Date })
	return res, nil
}

// rel is a relative bound written at milestone x on milestone y:
// x ≥ y ± dur (after) or x ≤ y ± dur (before).
type rel struct {
	x, y   int
	sign   int
	dur    Dur
	before bool
}

type problem struct {
	f      *File
	ms     []Milestone
	n      int
	fixed  []bool
	moved  []bool
	fix    []Day
	lowers [][]Day // dated afters, evaluated
	uppers [][]Day // dated befores, evaluated
	rels   []rel
	reach  []bool
	lo, hi Day // the window
}

func newProblem(f *File, ms []Milestone, moves []Move) *problem {
	p := &problem{f: f, ms: ms, n: len(ms)}
	p.fixed, p.moved, p.fix = make([]bool, p.n), make([]bool, p.n), make([]Day, p.n)
	p.lowers, p.uppers = make([][]Day, p.n), make([][]Day, p.n)
	p.window()
	for i, m := range ms {
		switch {
		case m.On != nil:
			p.fixed[i], p.fix[i] = true, *m.On
		case m.Done != nil:
			p.fixed[i], p.fix[i] = true, *m.Done
		}
		for _, mv := range moves {
			if mv.ID == m.ID {
				p.fixed[i], p.moved[i], p.fix[i] = true, true, mv.Date
			}
		}
		for _, e := range m.After {
			if e.Dated() {
				p.lowers[i] = append(p.lowers[i], p.shift(e.Date, e.Sign, e.Dur))
			} else {
				p.rels = append(p.rels, rel{x: i, y: indexOf(ms, e.Ref), sign: e.Sign, dur: e.Dur})
			}
		}
		for _, e := range m.Before {
			if e.Dated() {
				p.uppers[i] = append(p.uppers[i], p.shift(e.Date, e.Sign, e.Dur))
			} else {
				p.rels = append(p.rels, rel{x: i, y: indexOf(ms, e.Ref), sign: e.Sign, dur: e.Dur, before: true})
			}
		}
	}
	// Reach: fixed or dated after, then through lower bounds: x after y
	// gives x a bound from y; x before y pushes y from x.
	p.reach = make([]bool, p.n)
	for i := range p.n {
		p.reach[i] = p.fixed[i] || len(p.lowers[i]) > 0
	}
	for changed := true; changed; {
		changed = false
		for _, r := range p.rels {
			from, to := r.y, r.x
			if r.before {
				from, to = r.x, r.y
			}
			if p.reach[from] && !p.reach[to] {
				p.reach[to], changed = true, true
			}
		}
	}
	return p
}

// window sets lo and hi to the range of dates of the format, 1900–2199:
// a plan with a date outside has no schedule, and a fixpoint that climbs
// past 2199 climbs forever.
func (p *problem) window() {
	p.lo, p.hi = MakeDay(1900, time.January, 1), MakeDay(2199, time.December, 31)
}

// guess is a step for looking for a date where a shift by d crosses a
// given date; it need not be exact (the search widens until it is safe).
func guess(d Dur) Day {
	n := Day(d.N)
	switch d.Unit {
	case Weeks:
		return 7*n + 1
	case Workdays:
		return 2*n + 10
	case Months:
		return 31*n + 3
	case Years:
		return 366*n + 3
	}
	return n + 1
}

// epoch is 1970-01-01 as a pkg/date day number, to look up the holiday
// list, the one thing the reference takes from pkg/calendar.
var epoch = date.New(1970, time.January, 1)

// working: the weekday is a workday, not an Atw holiday (with holidays:
// nl), not closed.
func (p *problem) working(d Day) bool {
	c := &p.f.Calendar
	if !c.Workdays[d.Weekday()] {
		return false
	}
	if c.Holidays {
		if _, hol := calendar.Legal().Holiday(epoch + date.Date(d)); hol {
			return false
		}
	}
	for _, cp := range c.Closed {
		if d >= cp.From && d <= cp.To {
			return false
		}
	}
	return true
}

// shift is d ± dur, forward, by the definitions of the units.
func (p *problem) shift(d Day, sign int, dur Dur) Day {
	if sign == 0 || dur.N == 0 {
		return d
	}
	switch dur.Unit {
	case Days:
		return d + Day(sign*dur.N)
	case Weeks:
		return d + Day(7*sign*dur.N)
	case Workdays:
		// the N-th working day strictly after (before) d
		for k := 0; ; {
			d += Day(sign)
			if p.working(d) {
				if k++; k == dur.N {
					return d
				}
			}
		}
	case Months:
		return addMonths(d, sign*dur.N)
	case Years:
		return addMonths(d, 12*sign*dur.N)
	}
	panic("unknown unit " + string(dur.Unit))
}

// calShift is d ± dur in calendar time (a contract's units: no working
// days).
func calShift(d Day, sign int, dur Dur) Day {
	switch dur.Unit {
	case Weeks:
		return d + Day(7*sign*dur.N)
	case Months:
		return addMonths(d, sign*dur.N)
	case Years:
		return addMonths(d, 12*sign*dur.N)
	}
	return d + Day(sign*dur.N)
}

// contractEndAfter is the last day of contract c with its first k options
// taken: start + term + their lengths, minus one day.
func contractEndAfter(c *Contract, k int) Day {
	d := calShift(c.Start, 1, c.Term)
	for _, o := range c.Options[:k] {
		d = calShift(d, 1, o.Length)
	}
	return d - 1
}

// addMonths adds k months, clamping the day to the month's last day.
func addMonths(d Day, k int) Day {
	y, m, dd := d.Civil()
	t := y*12 + int(m) - 1 + k
	ny := t / 12
	if t < 0 && t%12 != 0 {
		ny--
	}
	nm := time.Month(t - ny*12 + 1)
	last := time.Date(ny, nm+1, 0, 12, 0, 0, 0, time.UTC).Day()
	if dd > last {
		dd = last
	}
	return MakeDay(ny, nm, dd)
}

// allowed reports whether milestone i may fall on d: its align and its by.
func (p *problem) allowed(i int, d Day) bool {
	m := &p.ms[i]
	if m.By != "" && !p.meets(m.By, d) {
		return false
	}
	if len(m.ByAll) > 0 && !slices.ContainsFunc(m.ByAll, func(b string) bool { return p.meets(b, d) }) {
		return false
	}
	if a := m.Align; a != nil {
		_, mo, dd := d.Civil()
		switch a.Kind {
		case AlignWorkday:
			return p.working(d)
		case AlignMonthStart:
			return dd == 1
		case AlignQuarterStart:
			return dd == 1 && (mo-1)%3 == 0
		case AlignYearStart:
			return dd == 1 && mo == time.January
		case AlignWeekday:
			return d.Weekday() == a.Weekday
		case AlignMeeting:
			return p.meets(a.Body, d)
		}
	}
	return true
}

// meets: an explicit meeting date as given; a rule's date only when it is
// a working day of the region.
func (p *problem) meets(body string, d Day) bool {
	b := p.f.Body(body)
	if b.Rule == nil {
		return slices.Contains(b.Meets, d)
	}
	r := b.Rule
	if d.Weekday() != r.Weekday || !p.working(d) {
		return false
	}
	for _, rc := range b.Recess {
		if d >= rc.From && d <= rc.To {
			return false
		}
	}
	y, m, dd := d.Civil()
	switch r.Kind {
	case "weekly":
		return true
	case "biweekly":
		return d >= r.From && (d-r.From)%14 == 0
	case "monthly":
		if r.Nth < 0 {
			return dd+7 > time.Date(y, m+1, 0, 12, 0, 0, 0, time.UTC).Day()
		}
		return (dd-1)/7+1 == r.Nth
	}
	panic("unknown rule " + r.Kind)
}

// lastMeeting is the last date of the list of meeting dates that milestone
// i's by or align: meeting: names, if one does: its dates end there. (A
// meeting rule goes on.)
func (p *problem) lastMeeting(i int) (Day, bool) {
	m := &p.ms[i]
	if len(m.ByAll) > 0 {
		// a meeting of some body: the last date of all, when every body
		// has a list
		last := Day(0)
		for _, body := range m.ByAll {
			b := p.f.Body(body)
			if b.Rule != nil {
				return 0, false
			}
			last = max(last, slices.Max(b.Meets))
		}
		return last, true
	}
	last, ok := Day(0), false
	for _, body := range []string{m.By, alignBody(m.Align)} {
		if b := p.f.Body(body); b != nil && b.Rule == nil {
			d := slices.Max(b.Meets)
			if !ok || d < last {
				last, ok = d, true
			}
		}
	}
	return last, ok
}

func alignBody(a *Align) string {
	if a != nil && a.Kind == AlignMeeting {
		return a.Body
	}
	return ""
}

func (p *problem) aligned(i int) bool {
	return p.ms[i].By != "" || p.ms[i].Align != nil || len(p.ms[i].ByAll) > 0
}

// next is the first date on or after d that milestone i may take.
func (p *problem) next(i int, d Day) (Day, bool) {
	if !p.aligned(i) {
		return d, true
	}
	if bodies := p.ms[i].ByAll; len(bodies) > 0 {
		// a decision of several bodies: when every body has met on or
		// after d, the last of their first meetings
		last := d
		for _, b := range bodies {
			m := d
			for ; m <= p.hi && !p.meets(b, m); m++ {
			}
			if m > p.hi {
				return 0, false
			}
			last = max(last, m)
		}
		return last, true
	}
	for ; d <= p.hi; d++ {
		if p.allowed(i, d) {
			return d, true
		}
	}
	return 0, false
}

// prev is the last date on or before d that milestone i may take.
func (p *problem) prev(i int, d Day) (Day, bool) {
	if !p.aligned(i) {
		return d, true
	}
	for ; d >= p.lo; d-- {
		if p.allowed(i, d) {
			return d, true
		}
	}
	return 0, false
}

// leastWith is the smallest x > floor with x ± dur ≥ a, tried date by
// date from below (floor: a date known to be too small).
func (p *problem) leastWith(r rel, a, floor Day) Day {
	g := guess(r.dur)
	x := max(a-g, floor+1)
	for x > floor+1 && p.shift(x, r.sign, r.dur) >= a {
		x = max(x-g, floor+1)
	}
	for p.shift(x, r.sign, r.dur) < a {
		x++
	}
	return x
}

// mostWith is the largest x with x ± dur ≤ b, tried date by date from above.
func (p *problem) mostWith(r rel, b Day) Day {
	g := guess(r.dur)
	x := b + g
	for p.shift(x, r.sign, r.dur) <= b {
		x += g
	}
	for p.shift(x, r.sign, r.dur) > b {
		x--
	}
	return x
}

// lfp is the least fixpoint of the lower bounds over the active
// milestones: fixed ones (and hold, for alap) keep their date; the others
// take the first allowed date on or after their largest lower bound. A
// milestone without any lower bound stays undefined. ok is false when a date
// climbs past the window or no allowed date is left.
func (p *problem) lfp(active []bool, start *Day, hold map[int]Day) (e []Day, def []bool, ok bool) {
	e, def = make([]Day, p.n), make([]bool, p.n)
	held := func(i int) (Day, bool) {
		if d, ok := hold[i]; ok {
			return d, true
		}
		return p.fix[i], p.fixed[i]
	}
	for i := range p.n {
		if d, ok := held(i); ok && active[i] {
			e[i], def[i] = d, true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range p.n {
			if _, ok := held(i); ok || !active[i] {
				continue
			}
			var lb Day
			have := false
			raise := func(d Day) {
				if !have || d > lb {
					lb, have = d, true
				}
			}
			for _, d := range p.lowers[i] {
				raise(d)
			}
			if start != nil && !p.reach[i] {
				raise(*start)
			}
			for _, r := range p.rels {
				switch {
				case !r.before && r.x == i && active[r.y] && def[r.y]:
					raise(p.shift(e[r.y], r.sign, r.dur))
				case r.before && r.y == i && active[r.x] && def[r.x]:
					// x ≤ i ± dur pushes i to the smallest date with i ± dur ≥ x.
					floor := p.lo
					if def[i] && len(p.ms[i].ByAll) == 0 {
						// (for a decision of several bodies the push is a
						// lower bound that matters below its date too)
						if p.shift(e[i], r.sign, r.dur) >= e[r.x] {
							continue
						}
						floor = e[i]
					}
					raise(p.leastWith(r, e[r.x], floor))
				}
			}
			if !have {
				continue
			}
			nd, ok := p.next(i, lb)
			if !ok || nd > p.hi {
				return nil, nil, false
			}
			if !def[i] || nd > e[i] {
				e[i], def[i], changed = nd, true, true
			}
		}
	}
	return e, def, true
}

// satisfied reports whether the dates e keep every constraint: fixed
// dates, dated and relative bounds both ways, and (for the milestones that
// are not fixed) their alignment.
func (p *problem) satisfied(e []Day, checkAlign bool) bool {
	for i := range p.n {
		if p.fixed[i] && e[i] != p.fix[i] {
			return false
		}
		for _, d := range p.lowers[i] {
			if e[i] < d {
				return false
			}
		}
		for _, d := range p.uppers[i] {
			if e[i] > d {
				return false
			}
		}
		if checkAlign && !p.fixed[i] && p.aligned(i) && !p.allowed(i, e[i]) {
			return false
		}
	}
	for _, r := range p.rels {
		v := p.shift(e[r.y], r.sign, r.dur)
		if (!r.before && e[r.x] < v) || (r.before && e[r.x] > v) {
			return false
		}
	}
	return true
}

// minListLast is the earliest last meeting among the bodies of z's by:
// list that have a list of dates (p.hi when none has).
func (p *problem) minListLast(z int) Day {
	last := p.hi
	for _, body := range p.ms[z].ByAll {
		if b := p.f.Body(body); b.Rule == nil {
			last = min(last, slices.Max(b.Meets))
		}
	}
	return last
}

// largestWith is the largest x with snap(f(x)) defined and, when z has a
// latest date (zdef), at most zl: the limit a decision of several bodies z
// sets on milestone i, whose date x gives z the lower bound f(x). It is
// found by trying dates downwards from start(), which is not below the
// answer. ok is false when z sets no limit: no latest date and every body
// meets by a rule.
func (p *problem) largestWith(i, z int, zdef bool, zl Day, f func(Day) Day, start func() Day) (Day, bool) {
	if !zdef && p.minListLast(z) == p.hi {
		return 0, false
	}
	for x := start(); x >= p.lo; x-- {
		if d, ok := p.next(z, f(x)); ok && (!zdef || d <= zl) {
			return x, true
		}
	}
	return p.lo, true
}

// gfp is the greatest fixpoint of the upper bounds; ldef is false where no
// upper bound reaches.
func (p *problem) gfp() (l []Day, ldef []bool) {
	l, ldef = make([]Day, p.n), make([]bool, p.n)
	for i := range p.n {
		if p.fixed[i] {
			l[i], ldef[i] = p.fix[i], true
		}
	}
	for changed := true; changed; {
		changed = false
		for i := range p.n {
			if p.fixed[i] {
				continue
			}
			var ub Day
			have := false
			lower := func(d Day) {
				if !have || d < ub {
					ub, have = d, true
				}
			}
			for _, d := range p.uppers[i] {
				lower(d)
			}
			if d, ok := p.lastMeeting(i); ok {
				lower(d) // no later date exists for it
			}
			for _, r := range p.rels {
				if z := r.y; r.before && r.x == i && len(p.ms[z].ByAll) > 0 && !p.fixed[z] {
					// i before: z ± dur pushes z to push(i); z then falls on
					// snap(push(i)), which must exist and be <= z's latest.
					push := func(x Day) Day { return p.leastWith(r, x, p.lo) }
					if d, ok := p.largestWith(i, z, ldef[z], l[z], push, func() Day {
						if ldef[z] {
							return p.shift(l[z], r.sign, r.dur)
						}
						return p.shift(p.minListLast(z), r.sign, r.dur)
					}); ok {
						lower(d)
					}
				}
				if z := r.x; !r.before && r.y == i && len(p.ms[z].ByAll) > 0 && !p.fixed[z] {
					// z after: i ± dur: z falls on snap(i ± dur), which must
					// exist and be <= z's latest.
					f := func(x Day) Day { return p.shift(x, r.sign, r.dur) }
					if d, ok := p.largestWith(i, z, ldef[z], l[z], f, func() Day {
						if ldef[z] {
							return p.mostWith(r, l[z])
						}
						return p.mostWith(r, p.minListLast(z))
					}); ok {
						lower(d)
					}
				}
				switch {
				case r.before && r.x == i && ldef[r.y]:
					lower(p.shift(l[r.y], r.sign, r.dur))
				case !r.before && r.y == i && ldef[r.x]:
					// x ≥ i ± dur limits i to the largest date with i ± dur ≤ x.
					if ldef[i] && p.shift(l[i], r.sign, r.dur) <= l[r.x] {
						continue
					}
					lower(p.mostWith(r, l[r.x]))
				}
			}
			if !have {
				continue
			}
			nd, ok := p.prev(i, ub)
			if !ok {
				nd = p.lo
			}
			if !ldef[i] || nd < l[i] {
				l[i], ldef[i], changed = nd, true, true
			}
			if nd <= p.lo {
				return l, ldef // below the window: the caller reports it (latest < earliest)
			}
		}
	}
	return l, ldef
}

// WorkdaysBetween is the number of working days of f's calendar in (a, b],
// negative (minus those in (b, a]) when b is before a: the shift in
// working days that compare and reschedule print.
func WorkdaysBetween(f *File, a, b Day) int {
	p := &problem{f: f}
	sign := 1
	if b < a {
		a, b, sign = b, a, -1
	}
	n := 0
	for d := a + 1; d <= b; d++ {
		if p.working(d) {
			n++
		}
	}
	return sign * n
}
