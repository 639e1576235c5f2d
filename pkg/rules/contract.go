package rules

import (
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// The rules about the contract a tender replaces (tender key replaces).
// The plan bounds the contract start by the contract's end + 1 day, so a
// feasible plan never leaves a gap; contract-gap explains an infeasible
// one in the words a board needs: how long the gap in care would be, and
// which option could still close it.

// contractStart is the contract start the rules judge: the first planned
// contract-start of a feasible plan, or, when the plan is infeasible
// because of the contract, the earliest one without its bound (GapStart).
// ok is false when there is none.
func (c *ctx) contractStart() (m *region.Milestone, d date.Date, ok bool) {
	res := c.Result
	if res == nil || res.Contract == nil {
		return nil, 0, false
	}
	if res.Feasible {
		if pl, ok := c.first(region.KindContractStart); ok {
			return pl.Milestone, pl.Date, true
		}
		return nil, 0, false
	}
	if res.GapStart == 0 {
		return nil, 0, false
	}
	for _, m := range c.Tender.Milestones {
		if m.Kind == region.KindContractStart {
			return m, res.GapStart, true
		}
	}
	return nil, 0, false
}

// contractGap: the new contracts would start after the replaced contract's
// end + 1 day: a gap in care. It runs on infeasible plans too, where the
// gap is what makes them infeasible.
func contractGap(c *ctx) []Issue {
	m, start, ok := c.contractStart()
	if !ok || c.Result.Feasible {
		return nil
	}
	k := c.Result.Contract
	end := k.End()
	days := int(start) - int(end) - 1
	next := msg("contract-gap.none")
	if ns := k.Notices(); len(ns) > 0 {
		next = msg("contract-gap.next", ns[0].Option, ns[0].Length.String(), ns[0].Deadline, ns[0].NewEnd)
	}
	return []Issue{{Milestone: m, Message: msg("contract-gap", m.ID, start, k.ID, end, CalendarDays(days), next)}}
}

// contractOverlap: the new contracts start more than the policy's overlap
// (default 0d) before the replaced contract ends.
func contractOverlap(c *ctx) []Issue {
	m, start, ok := c.contractStart()
	if !ok {
		return nil
	}
	k := c.Result.Contract
	end := k.End()
	allowed := c.Cal.Shift(end.AddDays(1), -1, c.Policy.ContractOverlap)
	if start >= allowed {
		return nil
	}
	days := int(end) - int(start) + 1
	return []Issue{{Milestone: m, Message: msg("contract-overlap", m.ID, start, k.ID, end,
		CalendarDays(days), c.Policy.ContractOverlap.String(), allowed)}}
}

// extensionNotice: on --today the next option's notice deadline has passed
// while the new contracts start after the contract's current end: the
// option can no longer be taken in time (unless it was, and the file does
// not say so).
func extensionNotice(c *ctx) []Issue {
	if c.Today == 0 {
		return nil
	}
	_, start, ok := c.contractStart()
	if !ok {
		return nil
	}
	k := c.Result.Contract
	ns := k.Notices()
	if len(ns) == 0 || ns[0].Deadline >= c.Today || start <= k.End() {
		return nil
	}
	n := ns[0]
	return []Issue{{Pos: c.Tender.ReplacesPos, Message: msg("extension-notice", n.Option, k.ID, n.Deadline,
		c.Today, start, k.End(), n.Option)}}
}
