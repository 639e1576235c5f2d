package gentest

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/tender-nl/tender/pkg/region"
)

// kind draws a milestone kind of the format, from region's one list of
// them (the model holds the words as written).
func (g *Gen) kind() string { return string(region.Kinds[g.intn(len(region.Kinds))]) }

// ids are the milestone ids the generator draws from: short ones, ones
// with dashes (award-decision-2w must read as award-decision - 2w), and
// ones that end in digits.
var ids = []string{"pub", "sub", "nvi", "award-decision", "standstill-end", "award", "start",
	"info", "decision", "q1", "sign", "impl", "p2", "contract-start"}

// names are display names, some of which need quoting in YAML.
var names = []string{"Publicatie aanbesteding", "Sluiting inschrijving", "Nota van inlichtingen: ronde 1",
	"Gunningsbeslissing (voorlopige gunning)", "Start # contract", "Besluit college — B&W", "'t Contract", "Ja"}

// Gen draws random valid files. Each draw* method is one part of the
// format; a new key of the format is one more method, called where its
// section is drawn (see the package documentation).
type Gen struct {
	r      *rand.Rand
	center Day // the dates of a file cluster around it
	f      *File
}

// NewGen returns a generator for the seed: the same seed gives the same file.
func NewGen(seed uint64) *Gen {
	return &Gen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *Gen) chance(p float64) bool { return g.r.Float64() < p }
func (g *Gen) intn(n int) int        { return g.r.IntN(n) }
func (g *Gen) between(a, b int) int  { return a + g.r.IntN(b-a+1) }
func (g *Gen) dayNear(a, b int) Day  { return g.center + Day(g.between(a, b)) }

// File draws one file.
func (g *Gen) File() *File {
	g.center = MakeDay(2026, time.January, 1) + Day(g.intn(730))
	f := &File{TenderID: "t"}
	g.f = f
	f.Calendar = g.drawCalendar()
	f.Bodies = g.drawBodies()
	switch {
	case g.chance(0.2):
		f.Schedule = string(region.ScheduleALAP)
	case g.chance(0.1):
		f.Schedule = string(region.ScheduleASAP)
	}
	n := g.between(1, 7)
	pool := slices.Clone(ids)
	g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	msIDs := pool[:n]
	noFixed := g.chance(0.3) // then only dated afters can anchor the tender
	for i, id := range msIDs {
		m := Milestone{ID: id, Kind: g.kind()}
		if g.chance(0.3) {
			m.Name = names[g.intn(len(names))]
		}
		g.drawDates(&m, i, msIDs, !noFixed)
		f.Milestones = append(f.Milestones, m)
	}
	if !anchored(f.Milestones) {
		m := &f.Milestones[g.intn(n)]
		m.After = append(m.After, g.drawDated())
	}
	for k := range g.between(0, 2) * boolInt(g.chance(0.6)) {
		if s, ok := g.drawScenario(k, msIDs); ok {
			f.Scenarios = append(f.Scenarios, s)
		}
	}
	g.drawContract()
	return f
}

// contractUnits are the units of a contract's durations: calendar time,
// never working days.
var contractUnits = []Unit{Days, Weeks, Months, Years}

// drawContract gives a quarter of the files a contract c, and most of
// those a tender that replaces it (with a contract-start milestone, which
// the loader requires) and scenarios that change its extended. The
// contract ends around the plan's dates, so that the bound it sets on the
// contract start sometimes holds and sometimes does not.
func (g *Gen) drawContract() {
	if !g.chance(0.25) {
		return
	}
	f := g.f
	dur := func(minN, maxN int) Dur {
		u := contractUnits[g.intn(len(contractUnits))]
		n := g.between(minN, maxN)
		switch u {
		case Days:
			n *= 90
		case Weeks:
			n *= 13
		case Months:
			n *= 3
		}
		return Dur{N: n, Unit: u}
	}
	c := &Contract{Term: dur(1, 4)} // a term or an option of nothing is refused
	for range g.between(0, 3) {
		c.Options = append(c.Options, Option{Length: dur(1, 2), Notice: dur(0, 2)})
	}
	c.Extended = g.between(0, len(c.Options))
	// start + term lands within about two years of the centre
	c.Start = g.dayNear(-400, 300) - Day(guess(c.Term))
	f.Contract = c
	if !g.chance(0.8) {
		return
	}
	f.Replaces = true
	if !slices.ContainsFunc(f.Milestones, func(m Milestone) bool { return m.Kind == string(region.KindContractStart) }) {
		f.Milestones[g.intn(len(f.Milestones))].Kind = string(region.KindContractStart)
	}
	for i := range f.Scenarios {
		if g.chance(0.5) {
			n := g.between(0, len(c.Options))
			f.Scenarios[i].Extended = &n
		}
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (g *Gen) drawCalendar() Calendar {
	var c Calendar
	if g.chance(0.8) {
		for w := time.Monday; w <= time.Friday; w++ {
			c.Workdays[w] = true
		}
	} else {
		for w := range c.Workdays {
			c.Workdays[w] = g.chance(0.6)
		}
		c.Workdays[g.intn(7)] = true
	}
	c.Holidays = g.chance(0.85)
	from := g.dayNear(-60, 200)
	for range g.between(0, 2) {
		p := Period{From: from, To: from + Day(g.between(0, 20))}
		c.Closed = append(c.Closed, p)
		from = p.From + Day(g.between(0, 120))
	}
	return c
}

func (g *Gen) drawBodies() []Body {
	var out []Body
	for k := range g.between(0, 3) {
		b := Body{ID: []string{"pho", "colleges", "raad"}[k]}
		if g.chance(0.5) {
			d := g.dayNear(-30, 60)
			for range g.between(1, 8) {
				b.Meets = append(b.Meets, d)
				d += Day(g.between(1, 90))
			}
		} else {
			r := &MeetRule{Weekday: time.Weekday(g.intn(7))}
			switch g.intn(3) {
			case 0:
				r.Kind = "weekly"
			case 1:
				r.Kind = "biweekly"
				r.From = g.dayNear(-40, 40)
				for r.From.Weekday() != r.Weekday {
					r.From++
				}
			case 2:
				r.Kind, r.Nth = "monthly", g.between(1, 5)
				if g.chance(0.3) {
					r.Nth = -1
				}
			}
			if g.chance(0.7) { // meetings mostly on working days
				r.Weekday = time.Weekday(g.between(1, 5))
				if r.Kind == "biweekly" {
					for r.From.Weekday() != r.Weekday {
						r.From++
					}
				}
			}
			b.Rule = r
		}
		g.drawRecess(&b)
		out = append(out, b)
	}
	return out
}

// drawRecess gives a body now and then a recess: for a rule anywhere near
// the plan, for a list in a gap between two of its dates (a listed date in
// a recess is an input error).
func (g *Gen) drawRecess(b *Body) {
	if !g.chance(0.3) {
		return
	}
	if b.Rule != nil {
		from := g.dayNear(-30, 200)
		b.Recess = []Period{{From: from, To: from + Day(g.between(0, 40))}}
		return
	}
	for i := 1; i < len(b.Meets); i++ {
		if gap := int(b.Meets[i] - b.Meets[i-1]); gap >= 3 {
			from := b.Meets[i-1] + 1 + Day(g.intn(gap-2))
			b.Recess = []Period{{From: from, To: from + Day(g.intn(int(b.Meets[i]-from)))}}
			return
		}
	}
}

// drawDates draws the date keys of milestone i: on or done, afters,
// befores, align and by. others are the ids it may refer to (i's own is
// skipped).
func (g *Gen) drawDates(m *Milestone, i int, others []string, fixedOK bool) {
	if fixedOK {
		switch {
		case g.chance(0.12):
			d := g.dayNear(-60, 240)
			m.On = &d
		case g.chance(0.08):
			d := g.dayNear(-120, 120)
			m.Done = &d
		}
	}
	ref := func(later bool) (string, bool) { return g.drawRef(m.ID, i, others, later) }
	na := []int{0, 1, 1, 1, 2}[g.intn(5)]
	for range na {
		if e, ok := g.drawAfter(ref); ok {
			m.After = append(m.After, e)
		}
	}
	if g.chance(0.45) {
		if e, ok := g.drawBefore(ref); ok {
			m.Before = append(m.Before, e)
		}
	}
	if g.chance(0.25) {
		m.Align = g.drawAlign()
	}
	g.drawBy(m)
}

// drawRef draws a milestone of others other than id to refer to: one
// before index i, or with later one after it; false when there is none.
func (g *Gen) drawRef(id string, i int, others []string, later bool) (string, bool) {
	var cand []string
	for j, o := range others {
		if o != id && (j < i) != later {
			cand = append(cand, o)
		}
	}
	if len(cand) == 0 {
		return "", false
	}
	return cand[g.intn(len(cand))], true
}

// drawAfter draws one after: bound, a dated one or REF (+ DUR), now and
// then a reference forward (a cycle); false when there was no milestone
// to refer to.
func (g *Gen) drawAfter(ref func(later bool) (string, bool)) (Expr, bool) {
	if g.chance(0.35) {
		return g.drawDated(), true
	}
	id, ok := ref(g.chance(0.12)) // now and then a cycle
	if !ok {
		return Expr{}, false
	}
	e := Expr{Ref: id}
	if g.chance(0.8) {
		e.Sign, e.Dur = 1, g.drawDur()
		if g.chance(0.15) {
			e.Sign = -1
		}
	}
	return e, true
}

// drawBefore draws one before: bound, DATE (- DUR) or REF (- DUR), most
// often to a later milestone; false when there was no milestone to refer
// to.
func (g *Gen) drawBefore(ref func(later bool) (string, bool)) (Expr, bool) {
	if g.chance(0.5) {
		e := Expr{Date: g.dayNear(30, 500)}
		if g.chance(0.3) {
			e.Sign, e.Dur = -1, g.drawDur()
		}
		return e, true
	}
	id, ok := ref(!g.chance(0.2))
	if !ok {
		return Expr{}, false
	}
	e := Expr{Ref: id}
	if g.chance(0.8) {
		e.Sign, e.Dur = -1, g.drawDur()
		if g.chance(0.15) {
			e.Sign = 1
		}
	}
	return e, true
}

// drawBy draws the body or bodies that decide m, now and then.
func (g *Gen) drawBy(m *Milestone) {
	switch {
	case len(g.f.Bodies) >= 2 && g.chance(0.1):
		// a decision of several bodies, in a random order
		for _, k := range g.r.Perm(len(g.f.Bodies))[:g.between(2, len(g.f.Bodies))] {
			m.ByAll = append(m.ByAll, g.f.Bodies[k].ID)
		}
		m.Align = nil // the reference leaves by: a list with align: undecided
	case len(g.f.Bodies) > 0 && g.chance(0.15):
		m.By = g.f.Bodies[g.intn(len(g.f.Bodies))].ID
		if m.Align != nil && m.Align.Kind == AlignMeeting {
			m.Align.Body = m.By // by and align: meeting: name the same body
		}
	}
}

// drawDated is a dated bound: DATE or DATE ± DUR.
func (g *Gen) drawDated() Expr {
	e := Expr{Date: g.dayNear(-90, 120)}
	if g.chance(0.5) {
		e.Sign, e.Dur = 1, g.drawDur()
		if g.chance(0.4) {
			e.Sign = -1
		}
	}
	return e
}

func (g *Gen) drawDur() Dur {
	u := Units[g.intn(len(Units))]
	max := map[Unit]int{Days: 60, Weeks: 8, Workdays: 25, Months: 6, Years: 1}[u]
	d := Dur{Unit: u, N: g.between(1, max)}
	if g.chance(0.08) {
		d.N = 0
	}
	return d
}

func (g *Gen) drawAlign() *Align {
	kinds := []AlignKind{AlignWorkday, AlignMonthStart, AlignQuarterStart, AlignYearStart, AlignWeekday}
	if len(g.f.Bodies) > 0 {
		kinds = append(kinds, AlignMeeting)
	}
	a := &Align{Kind: kinds[g.intn(len(kinds))]}
	switch a.Kind {
	case AlignWeekday:
		a.Weekday = time.Weekday(g.intn(7))
	case AlignMeeting:
		a.Body = g.f.Bodies[g.intn(len(g.f.Bodies))].ID
	}
	return a
}

// drawScenario draws scenario k: changes to one or two milestones and
// perhaps a new one. ok is false when ten tries left the tender without a
// dated lower bound.
func (g *Gen) drawScenario(k int, base []string) (Scenario, bool) {
	for range 10 {
		s := Scenario{ID: []string{"later", "earlier", "x"}[k]}
		all := slices.Clone(base)
		if g.chance(0.3) {
			all = append(all, "n"+string(rune('a'+k)))
		}
		touched := map[string]bool{}
		for range g.between(1, 2) {
			j := g.intn(len(all))
			id := all[j]
			if touched[id] {
				continue
			}
			touched[id] = true
			s.Overlays = append(s.Overlays, g.drawOverlay(id, j, j >= len(base), all))
		}
		// a new milestone that no overlay wrote is not in the scenario
		g.f.Scenarios = append(g.f.Scenarios, s)
		ms := g.f.Tender(s.ID)
		g.f.Scenarios = g.f.Scenarios[:len(g.f.Scenarios)-1]
		if anchored(ms) && refsKnown(ms) {
			return s, true
		}
	}
	return Scenario{}, false
}

// drawOverlay draws a scenario's overlay of milestone id (index j of
// all): a whole milestone when it is new, else a new name, kind or dates.
// Overlaid dates always have a bound.
func (g *Gen) drawOverlay(id string, j int, isNew bool, all []string) Overlay {
	ov := Overlay{Milestone: Milestone{ID: id}}
	if isNew {
		ov.Kind, ov.HasDates = g.kind(), true
		g.drawDates(&ov.Milestone, j, all, true)
	} else {
		if g.chance(0.2) {
			ov.Name = names[g.intn(len(names))]
		}
		if g.chance(0.1) {
			ov.Kind = g.kind()
		}
		if ov.HasDates = g.chance(0.8) || (ov.Name == "" && ov.Kind == ""); ov.HasDates {
			g.drawDates(&ov.Milestone, j, all, true)
		}
	}
	if ov.HasDates && ov.On == nil && ov.Done == nil && ov.After == nil && ov.Before == nil && ov.Align == nil && ov.By == "" && ov.ByAll == nil {
		ov.After = []Expr{g.drawDated()}
	}
	return ov
}

// refsKnown reports whether every relative bound names a milestone of ms.
func refsKnown(ms []Milestone) bool {
	for _, m := range ms {
		for _, e := range append(slices.Clone(m.After), m.Before...) {
			if !e.Dated() && indexOf(ms, e.Ref) < 0 {
				return false
			}
		}
	}
	return true
}
