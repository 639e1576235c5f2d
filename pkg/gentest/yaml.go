package gentest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

var weekdayNames = [7]string{"sun", "mon", "tue", "wed", "thu", "fri", "sat"}

// Write writes f as the text of a region file. The same model can be
// written in many ways (flow or block mappings, a bound or a list of one,
// quoted or bare dates and expressions, with or without spaces around + and
// -); style picks among them, so that the loader is tested on the ways
// people write, while the meaning stays the model's.
func Write(f *File, style uint64) string {
	w := &writer{r: rand.New(rand.NewPCG(style, 1))}
	b := &w.b
	b.WriteString("version: 1\nregion:\n  id: gen\n  name: Generated\n  municipalities: [Tiel]\n")
	w.calendar(f.Calendar)
	w.bodies(f.Bodies)
	w.contract(f.Contract)
	fmt.Fprintf(b, "tenders:\n  %s:\n    name: Generated tender\n    procedure: social-services\n", f.TenderID)
	if f.Replaces {
		b.WriteString("    replaces: c\n")
	}
	if f.Schedule != "" {
		fmt.Fprintf(b, "    schedule: %s\n", f.Schedule)
	}
	b.WriteString("    milestones:\n")
	for _, m := range f.Milestones {
		w.milestone(m, true, true, "      ")
	}
	w.scenarios(f.Scenarios)
	return b.String()
}

type writer struct {
	r *rand.Rand
	b strings.Builder
}

func (w *writer) chance(p float64) bool { return w.r.Float64() < p }

// bodies writes the bodies section, if there are bodies.
func (w *writer) bodies(bodies []Body) {
	if len(bodies) == 0 {
		return
	}
	b := &w.b
	b.WriteString("bodies:\n")
	for _, bd := range bodies {
		fmt.Fprintf(b, "  %s:\n    name: Body %s\n", bd.ID, bd.ID)
		if bd.Rule != nil {
			fmt.Fprintf(b, "    meets: %s\n", rule(bd.Rule))
		} else {
			ds := make([]string, len(bd.Meets))
			for i, d := range bd.Meets {
				ds[i] = w.date(d)
			}
			fmt.Fprintf(b, "    meets: [%s]\n", strings.Join(ds, ", "))
		}
		for i, p := range bd.Recess {
			if i == 0 {
				b.WriteString("    recess:\n")
			}
			fmt.Fprintf(b, "      - { name: Reces %d, from: %s, to: %s }\n", i+1, w.date(p.From), w.date(p.To))
		}
	}
}

// contract writes the contracts section, if there is a contract.
func (w *writer) contract(c *Contract) {
	if c == nil {
		return
	}
	b := &w.b
	fmt.Fprintf(b, "contracts:\n  c:\n    name: Contract c\n    start: %s\n    term: %s\n", w.date(c.Start), c.Term)
	for i, o := range c.Options {
		if i == 0 {
			b.WriteString("    options:\n")
		}
		fmt.Fprintf(b, "      - { length: %s, notice: %s }\n", o.Length, o.Notice)
	}
	if c.Extended > 0 || w.chance(0.3) {
		fmt.Fprintf(b, "    extended: %d\n", c.Extended)
	}
}

// scenarios writes the tender's scenarios, if it has any.
func (w *writer) scenarios(scenarios []Scenario) {
	if len(scenarios) == 0 {
		return
	}
	b := &w.b
	b.WriteString("    scenarios:\n")
	for _, s := range scenarios {
		fmt.Fprintf(b, "      %s:\n        description: Scenario %s\n        milestones:\n", s.ID, s.ID)
		for _, ov := range s.Overlays {
			w.milestone(ov.Milestone, ov.Kind != "", ov.HasDates, "          ")
		}
		if s.Extended != nil {
			fmt.Fprintf(b, "        contracts: {c: {extended: %d}}\n", *s.Extended)
		}
	}
}

func (w *writer) calendar(c Calendar) {
	def := c.Holidays && len(c.Closed) == 0
	for wd, on := range c.Workdays {
		def = def && on == (wd >= 1 && wd <= 5)
	}
	if def && w.chance(0.5) {
		return // the defaults, by leaving the section out
	}
	b := &w.b
	b.WriteString("calendar:\n")
	var days []string
	for _, wd := range []time.Weekday{1, 2, 3, 4, 5, 6, 0} {
		if c.Workdays[wd] {
			days = append(days, weekdayNames[wd])
		}
	}
	fmt.Fprintf(b, "  workdays: [%s]\n", strings.Join(days, ", "))
	if c.Holidays {
		b.WriteString("  holidays: nl\n")
	} else {
		b.WriteString("  holidays: none\n")
	}
	if len(c.Closed) > 0 {
		b.WriteString("  closed:\n")
		for i, p := range c.Closed {
			fmt.Fprintf(b, "    - { name: Dicht %d, from: %s, to: %s }\n", i+1, w.date(p.From), w.date(p.To))
		}
	}
}

func rule(r *MeetRule) string {
	switch r.Kind {
	case "biweekly":
		return fmt.Sprintf("biweekly %s from %s", weekdayNames[r.Weekday], r.From)
	case "monthly":
		nth := "last"
		if r.Nth > 0 {
			nth = []string{"1st", "2nd", "3rd", "4th", "5th"}[r.Nth-1]
		}
		return fmt.Sprintf("monthly %s %s", nth, weekdayNames[r.Weekday])
	}
	return "weekly " + weekdayNames[r.Weekday]
}

// date writes a date bare (YAML reads it as a timestamp) or quoted.
func (w *writer) date(d Day) string {
	switch {
	case w.chance(0.1):
		return `"` + d.String() + `"`
	case w.chance(0.05):
		return "'" + d.String() + "'"
	}
	return d.String()
}

func (w *writer) expr(e Expr) string {
	s := e.Ref
	if e.Dated() {
		s = e.Date.String()
	}
	if e.Sign != 0 {
		op := " + "
		if e.Sign < 0 {
			op = " - "
		}
		if w.chance(0.2) {
			op = strings.TrimSpace(op)
		}
		s += op + e.Dur.String()
	}
	if e.Dated() && e.Sign == 0 {
		return w.date(e.Date)
	}
	if w.chance(0.1) {
		return strconv.Quote(s)
	}
	return s
}

func (w *writer) exprs(es []Expr) string {
	if len(es) == 1 && w.chance(0.7) {
		return w.expr(es[0])
	}
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = w.expr(e)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func alignText(a *Align) string {
	switch a.Kind {
	case AlignWeekday:
		return weekdayNames[a.Weekday]
	case AlignMeeting:
		return "meeting:" + a.Body
	}
	return string(a.Kind)
}

// milestone writes m under indent: as a flow mapping on one line or as a
// block, its keys in a random order. withKind and withDates leave out the
// keys a scenario's overlay does not give.
func (w *writer) milestone(m Milestone, withKind, withDates bool, indent string) {
	var kv [][2]string
	if m.Name != "" {
		kv = append(kv, [2]string{"name", strconv.Quote(m.Name)})
	}
	if withKind {
		kv = append(kv, [2]string{"kind", m.Kind})
	}
	if withDates {
		if m.On != nil {
			kv = append(kv, [2]string{"on", w.date(*m.On)})
		}
		if m.Done != nil {
			kv = append(kv, [2]string{"done", w.date(*m.Done)})
		}
		if len(m.After) > 0 {
			kv = append(kv, [2]string{"after", w.exprs(m.After)})
		}
		if len(m.Before) > 0 {
			kv = append(kv, [2]string{"before", w.exprs(m.Before)})
		}
		if m.Align != nil {
			kv = append(kv, [2]string{"align", alignText(m.Align)})
		}
		if m.By != "" {
			kv = append(kv, [2]string{"by", m.By})
		}
		if len(m.ByAll) > 0 {
			kv = append(kv, [2]string{"by", "[" + strings.Join(m.ByAll, ", ") + "]"})
		}
	}
	if w.chance(0.3) {
		w.r.Shuffle(len(kv), func(i, j int) { kv[i], kv[j] = kv[j], kv[i] })
	}
	b := &w.b
	if w.chance(0.5) {
		parts := make([]string, len(kv))
		for i, p := range kv {
			parts[i] = p[0] + ": " + p[1]
		}
		fmt.Fprintf(b, "%s%s: { %s }\n", indent, m.ID, strings.Join(parts, ", "))
		return
	}
	fmt.Fprintf(b, "%s%s:\n", indent, m.ID)
	for _, p := range kv {
		fmt.Fprintf(b, "%s  %s: %s\n", indent, p[0], p[1])
	}
}
