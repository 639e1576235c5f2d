package change

import (
	"slices"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Compare compares the old and the new version of one tender. The new
// version must have a Region, Tender and Result; the old one may be a
// saved plan (then there are no causes). replan is called for changes of
// the calendar and schedule; nil leaves them without moved milestones.
func Compare(old, cur Side, wd Workdays, replan Replan) (*Diff, error) {
	d := &Diff{}
	if cur.Region != nil {
		d.Region, d.NewFile = cur.Region.ID, cur.Region.Source
	}
	if cur.Tender != nil {
		d.Tender = cur.Tender.ID
	}
	if old.Region != nil {
		d.OldFile = old.Region.Source
	}
	d.rows(old, cur, wd)
	d.ContractStart = Pair{Old: firstOfKind(old, region.KindContractStart), New: firstOfKind(cur, region.KindContractStart)}
	if old.Tender != nil && cur.Tender != nil {
		d.Causes = causes(old, cur)
		if err := d.attribute(old, cur, replan); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func firstOfKind(s Side, kind region.Kind) *date.Date {
	for _, m := range s.Dates {
		if m.Kind == kind {
			x := m.Date
			return &x
		}
	}
	return nil
}

// rows fills the milestones: the new version's in its order, then the
// removed ones.
func (d *Diff) rows(old, cur Side, wd Workdays) {
	for _, n := range cur.Dates {
		m := Milestone{ID: n.ID, Kind: n.Kind, Cause: -1, State: New}
		nd := n.Date
		m.New = &nd
		if o := old.find(n.ID); o != nil {
			od := o.Date
			m.Old = &od
			days := int(nd - od)
			m.ShiftDays = &days
			w := days
			if wd != nil {
				w = wd(od, nd)
			}
			m.ShiftWorkdays = &w
			switch {
			case n.Done && !o.Done:
				m.State = Done
			case days != 0:
				m.State = Moved
			default:
				m.State = Unchanged
			}
		}
		d.Milestones = append(d.Milestones, m)
	}
	for _, o := range old.Dates {
		if cur.find(o.ID) != nil {
			continue
		}
		od := o.Date
		d.Milestones = append(d.Milestones, Milestone{ID: o.ID, Kind: o.Kind, Old: &od, State: Removed, Cause: -1})
	}
}

// causes lists the inputs that differ between the versions, in the new
// file's order (milestone inputs first, then the tender's schedule and
// policy, then the region's calendar, bodies and policy).
func causes(old, cur Side) []Cause {
	var out []Cause
	ot, nt := old.Tender, cur.Tender
	oin, nin := byMilestone(timeline.Inputs(old.Region, ot)), byMilestone(timeline.Inputs(cur.Region, nt))
	for _, m := range nt.Milestones {
		om := milestoneOf(ot, m.ID)
		if om == nil {
			c := Cause{Kind: MilestoneAdded, Subject: m.ID, NewLine: m.Pos.Line,
				newLines: map[int]bool{m.Pos.Line: true}}
			for _, in := range nin[m.ID] {
				c.newLines[in.Pos.Line] = true
			}
			out = append(out, c)
			continue
		}
		out = append(out, inputChanges(m.ID, oin[m.ID], nin[m.ID])...)
	}
	for _, m := range ot.Milestones {
		if milestoneOf(nt, m.ID) != nil {
			continue
		}
		c := Cause{Kind: MilestoneRemoved, Subject: m.ID, OldLine: m.Pos.Line,
			oldLines: map[int]bool{m.Pos.Line: true}}
		for _, in := range oin[m.ID] {
			c.oldLines[in.Pos.Line] = true
		}
		out = append(out, c)
	}
	if ot.Schedule != nt.Schedule {
		out = append(out, Cause{Kind: ScheduleChanged, Old: string(orDefault(ot.Schedule, region.ScheduleASAP)), New: string(orDefault(nt.Schedule, region.ScheduleASAP)),
			OldLine: ot.Pos.Line, NewLine: nt.Pos.Line,
			revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) {
				c := *t
				c.Schedule = ot.Schedule
				return r, &c
			}})
	}
	out = append(out, policyChanges(TenderPolicy, nt.ID, ot.Policy, nt.Policy)...)
	out = append(out, calendarChanges(old.Region, cur.Region)...)
	out = append(out, policyChanges(RegionPolicy, "", old.Region.Policy, cur.Region.Policy)...)
	return out
}

func orDefault[T ~string](s, def T) T {
	if s == "" {
		return def
	}
	return s
}

func milestoneOf(t *region.Tender, id string) *region.Milestone {
	for _, m := range t.Milestones {
		if m.ID == id {
			return m
		}
	}
	return nil
}

func byMilestone(ins []timeline.Input) map[string][]timeline.Input {
	out := map[string][]timeline.Input{}
	for _, in := range ins {
		out[in.Milestone] = append(out[in.Milestone], in)
	}
	return out
}

// inputChanges compares one milestone's inputs key by key. Single keys
// (on, done, align, by) change in place; after and before pair their
// expressions by what they refer to (a milestone, or a date), so a
// changed duration reads "after: publication + 6w → publication + 8w".
func inputChanges(id string, old, cur []timeline.Input) []Cause {
	var out []Cause
	used := make([]bool, len(old))
	for _, n := range cur {
		k := -1
		for i, o := range old {
			if !used[i] && o.Key == n.Key && refOf(o) == refOf(n) {
				k = i
				break
			}
		}
		if k < 0 {
			out = append(out, Cause{Kind: InputAdded, Subject: id, Key: n.Key, New: n.Text, NewLine: n.Pos.Line,
				newLines: map[int]bool{n.Pos.Line: true}})
			continue
		}
		used[k] = true
		o := old[k]
		if o.Text == n.Text {
			continue
		}
		out = append(out, Cause{Kind: InputChanged, Subject: id, Key: n.Key, Old: o.Text, New: n.Text, OldLine: o.Pos.Line, NewLine: n.Pos.Line,
			oldLines: map[int]bool{o.Pos.Line: true}, newLines: map[int]bool{n.Pos.Line: true}})
	}
	for i, o := range old {
		if !used[i] {
			out = append(out, Cause{Kind: InputRemoved, Subject: id, Key: o.Key, Old: o.Text, OldLine: o.Pos.Line,
				oldLines: map[int]bool{o.Pos.Line: true}})
		}
	}
	return out
}

// refOf is what pairs two inputs of one key: the milestone an after or
// before refers to ("" for a dated one); on, done, align and by have one
// value each.
func refOf(in timeline.Input) string {
	if in.Key != "after" && in.Key != "before" {
		return ""
	}
	t := strings.TrimSpace(in.Text)
	if i := strings.IndexAny(t, " +-"); i > 0 && !(t[0] >= '0' && t[0] <= '9') {
		return t[:i]
	}
	if len(t) > 0 && t[0] >= '0' && t[0] <= '9' {
		return ""
	}
	return t
}

// calendarChanges are the changes of the region's calendar and bodies;
// each can be undone in a copy of the new region.
func calendarChanges(old, cur *region.Region) []Cause {
	var out []Cause
	oc, nc := old.Calendar, cur.Calendar
	if !slices.Equal(oc.Workdays, nc.Workdays) {
		out = append(out, Cause{Kind: WorkdaysChanged, Old: "[" + strings.Join(oc.WorkdayNames(), ", ") + "]", New: "[" + strings.Join(nc.WorkdayNames(), ", ") + "]",
			OldLine: oc.Pos.Line, NewLine: nc.Pos.Line,
			revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) {
				c := *r
				c.Calendar.Workdays = oc.Workdays
				return &c, t
			}})
	}
	if oc.Holidays != nc.Holidays {
		out = append(out, Cause{Kind: HolidaysChanged, Old: string(orDefault(oc.Holidays, region.HolidaysNL)), New: string(orDefault(nc.Holidays, region.HolidaysNL)),
			OldLine: oc.Pos.Line, NewLine: nc.Pos.Line,
			revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) {
				c := *r
				c.Calendar.Holidays = oc.Holidays
				return &c, t
			}})
	}
	out = append(out, periodChanges("closed", oc.Closed, nc.Closed, func(c *region.Region) *[]region.Period { return &c.Calendar.Closed })...)
	out = append(out, periodChanges("quiet", oc.Quiet, nc.Quiet, func(c *region.Region) *[]region.Period { return &c.Calendar.Quiet })...)
	for _, nb := range cur.Bodies {
		var ob *region.Body
		for _, b := range old.Bodies {
			if b.ID == nb.ID {
				ob = b
			}
		}
		if ob == nil {
			continue // a new body moves nothing until a milestone names it (that milestone's by: changed)
		}
		if bodyMeets(ob) != bodyMeets(nb) || !slices.EqualFunc(ob.Recess, nb.Recess, samePeriod) {
			kind, was, now := BodyMeets, bodyMeets(ob), bodyMeets(nb)
			if was == now {
				kind, was, now = BodyRecess, periods(ob.Recess), periods(nb.Recess)
			}
			id, keep := nb.ID, ob
			out = append(out, Cause{Kind: kind, Subject: nb.ID, Old: was, New: now, OldLine: ob.Pos.Line, NewLine: nb.Pos.Line,
				revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) {
					c := *r
					c.Bodies = slices.Clone(r.Bodies)
					for i, b := range c.Bodies {
						if b.ID == id {
							c.Bodies[i] = keep
						}
					}
					return &c, t
				}})
		}
	}
	return out
}

func bodyMeets(b *region.Body) string {
	if b.Meets != "" {
		return b.Meets
	}
	s := make([]string, len(b.Dates))
	for i, d := range b.Dates {
		s[i] = d.String()
	}
	return "[" + strings.Join(s, ", ") + "]"
}

func samePeriod(a, b region.Period) bool { return a.Name == b.Name && a.From == b.From && a.To == b.To }

func periodText(p region.Period) string { return p.From.String() + ".." + p.To.String() }

func periods(ps []region.Period) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = periodText(p)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// periodChanges pairs closed (or quiet) periods by name.
func periodChanges(key string, old, cur []region.Period, field func(*region.Region) *[]region.Period) []Cause {
	var out []Cause
	find := func(ps []region.Period, name string) int {
		return slices.IndexFunc(ps, func(p region.Period) bool { return p.Name == name })
	}
	set := func(r *region.Region, name string, p *region.Period) *region.Region {
		c := *r
		ps := slices.Clone(*field(r))
		i := find(ps, name)
		switch {
		case p == nil && i >= 0:
			ps = slices.Delete(ps, i, i+1)
		case p != nil && i >= 0:
			ps[i] = *p
		case p != nil:
			ps = append(ps, *p)
		}
		*field(&c) = ps
		return &c
	}
	for _, n := range cur {
		i := find(old, n.Name)
		name := n.Name
		if i < 0 {
			out = append(out, Cause{Kind: PeriodAdded, Key: key, Subject: n.Name, New: periodText(n), NewLine: n.Pos.Line,
				revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) { return set(r, name, nil), t }})
			continue
		}
		o := old[i]
		if samePeriod(o, n) {
			continue
		}
		out = append(out, Cause{Kind: PeriodChanged, Key: key, Subject: n.Name, Old: periodText(o), New: periodText(n), OldLine: o.Pos.Line, NewLine: n.Pos.Line,
			revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) { return set(r, name, &o), t }})
	}
	for _, o := range old {
		if find(cur, o.Name) >= 0 {
			continue
		}
		o := o
		out = append(out, Cause{Kind: PeriodRemoved, Key: key, Subject: o.Name, Old: periodText(o), OldLine: o.Pos.Line,
			revert: func(r *region.Region, t *region.Tender) (*region.Region, *region.Tender) {
				return set(r, o.Name, &o), t
			}})
	}
	return out
}

// policyChanges are the policy keys that differ; they move no date (the
// rules read them), so they have no revert.
func policyChanges(kind CauseKind, tender string, old, cur *region.Policy) []Cause {
	var out []Cause
	line := func(p *region.Policy) int {
		if p == nil {
			return 0
		}
		return p.Pos.Line
	}
	val := func(p *region.Policy, k string) string {
		if p == nil {
			return ""
		}
		if f := p.DurationField(k); f != nil {
			if *f == nil {
				return ""
			}
			return (*f).String()
		}
		switch k {
		case "summer":
			return string(p.Summer)
		case "disable":
			if len(p.Disable) == 0 {
				return ""
			}
			return "[" + strings.Join(p.Disable, ", ") + "]"
		case "severity":
			var s []string
			for _, o := range p.Severity {
				s = append(s, o.Rule+": "+string(o.Severity))
			}
			if len(s) == 0 {
				return ""
			}
			return "{" + strings.Join(s, ", ") + "}"
		}
		return ""
	}
	for _, k := range region.PolicyKeys() {
		a, b := val(old, k), val(cur, k)
		if a == b {
			continue
		}
		c := Cause{Kind: kind, Subject: tender, Key: k, Old: a, New: b}
		if a != "" {
			c.OldLine = line(old)
		}
		if b != "" {
			c.NewLine = line(cur)
		}
		out = append(out, c)
	}
	return out
}
