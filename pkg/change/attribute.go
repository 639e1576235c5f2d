package change

import (
	"github.com/tender-nl/tender/pkg/timeline"
)

// attribute names the causes of every shifted milestone. The binding
// cause is the first changed input on the chain that binds the new date
// (Planned.Why); when the new chain holds none (a constraint loosened or
// removed), the first on the old date's chain. A change that is on the old
// chain only while another binds the new date did not move it. A change of the calendar
// or the schedule is in no chain: the milestones it moved are those whose
// date differs when that change alone is undone, and it binds where no
// chain named another cause. Every cause lists all the milestones whose
// new chains it is on, so a milestone moved by two changes on one chain
// (an on and the duration after it) is under both.
func (d *Diff) attribute(old, cur Side, replan Replan) error {
	moved := movedBy{}
	d.attributeChains(why(old.Result), why(cur.Result), moved)
	if replan != nil {
		if err := d.attributeReverts(cur, replan, moved); err != nil {
			return err
		}
	}
	for _, m := range d.Milestones {
		for c := range d.Causes {
			if moved[m.ID][c] {
				d.Causes[c].Moved = append(d.Causes[c].Moved, m.ID)
			}
		}
	}
	for c := range d.Causes {
		if d.Causes[c].Moved == nil {
			d.Causes[c].Moved = []string{}
		}
	}
	return nil
}

// movedBy is, per milestone, the causes that moved it.
type movedBy map[string]map[int]bool

func (mv movedBy) mark(id string, c int) {
	if mv[id] == nil {
		mv[id] = map[int]bool{}
	}
	mv[id][c] = true
}

// attributeChains marks the causes on the chain of each shifted
// milestone's new date, or where none is, on its old date's chain, and
// makes the first of them the milestone's Cause.
func (d *Diff) attributeChains(oldWhy, newWhy map[string][]timeline.Link, moved movedBy) {
	for i := range d.Milestones {
		m := &d.Milestones[i]
		if !m.Shifted() {
			continue
		}
		first := d.markChain(moved, m.ID, newWhy[m.ID], (*Cause).onNew, d.NewFile)
		if first < 0 {
			// Nothing changed on the new chain: what held the old date
			// was loosened or removed.
			first = d.markChain(moved, m.ID, oldWhy[m.ID], (*Cause).onOld, d.OldFile)
		}
		m.Cause = first
	}
}

// markChain marks every cause on one of the links as moving milestone
// id, and returns the first (-1: none).
func (d *Diff) markChain(moved movedBy, id string, links []timeline.Link, on func(*Cause, timeline.Link, string) bool, file string) int {
	first := -1
	for _, l := range links {
		for c := range d.Causes {
			if on(&d.Causes[c], l, file) {
				moved.mark(id, c)
				if first < 0 {
					first = c
				}
			}
		}
	}
	return first
}

// attributeReverts plans again with each change that is in no chain (the
// calendar, the schedule) undone: the shifted milestones whose date then
// differs are moved by it, and it binds those that no chain gave a cause.
func (d *Diff) attributeReverts(cur Side, replan Replan, moved movedBy) error {
	for c := range d.Causes {
		cs := &d.Causes[c]
		if cs.revert == nil {
			continue
		}
		res, err := replan(cs.revert(cur.Region, cur.Tender))
		if err != nil {
			return err
		}
		for i := range d.Milestones {
			m := &d.Milestones[i]
			if !m.Shifted() || m.New == nil {
				continue
			}
			if pl := res.Milestone(m.ID); pl != nil && pl.Date == *m.New {
				continue
			}
			moved.mark(m.ID, c)
			if m.Cause < 0 {
				m.Cause = c
			}
		}
	}
	return nil
}

func why(res *timeline.Result) map[string][]timeline.Link {
	out := map[string][]timeline.Link{}
	if res == nil {
		return out
	}
	for _, pl := range res.Milestones {
		out[pl.Milestone.ID] = pl.Why
	}
	return out
}

// onNew says link l of a new chain is this change: one of its lines in the
// new file, or a step through a milestone it added.
func (c *Cause) onNew(l timeline.Link, file string) bool {
	if c.Kind == MilestoneAdded && l.Milestone == c.Subject {
		return true
	}
	return l.File == file && l.Line > 0 && c.newLines[l.Line] && sameInput(l, c.written(c.New))
}

// written is an input's value v as a chain's link writes the input
// ("after: pub + 45d"), for an input on a line it shares with others
// (after: [pub + 45d, 2027-10-01]); "" for the other causes, whose lines
// match whole.
func (c *Cause) written(v string) string {
	switch c.Kind {
	case InputAdded, InputChanged, InputRemoved:
		return c.Key + ": " + v
	}
	return ""
}

// sameInput says link l is the input written text ("" : any on its line),
// also where it is written at another milestone (vragen's before: sub -
// 10d bounds sub). A move is written in no file.
func sameInput(l timeline.Link, text string) bool {
	return text == "" || !l.Moved && l.Written() == text
}

// onOld is onNew for a link of an old chain.
func (c *Cause) onOld(l timeline.Link, file string) bool {
	if c.Kind == MilestoneRemoved && l.Milestone == c.Subject {
		return true
	}
	return l.File == file && l.Line > 0 && c.oldLines[l.Line] && sameInput(l, c.written(c.Old))
}
