package rules

import (
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The legal rules (README, "The rules"). Each is one small function of
// the table in rules.go; the counting is in period and statutory.

// statutory returns the end of a statutory minimum period of n days after
// the event on from (Algemene termijnenwet; README, "The rules"): day n is from + n (the period
// starts the day after the event), and when day n is a Saturday, Sunday or
// Atw holiday the period runs on to the next working day of the Dutch legal
// calendar (never the region's closed days).
func (c *ctx) statutory(n int) func(from date.Date) (raw, end date.Date) {
	return func(from date.Date) (date.Date, date.Date) {
		raw := from.AddDays(n)
		return raw, c.Legal.NextWorkday(raw)
	}
}

// until formats the end of a period and, when day n was not a working
// day, the note that explains the roll-on (appended after the date).
func until(raw, end date.Date, n int) (date.Date, Message) {
	if raw == end {
		return end, Message{}
	}
	return end, msg("rolled", n, raw)
}

// period checks that every milestone of kind target falls on or after the
// end of a period that runs from its anchor (of kind from). need describes
// the minimum ("40 days (45, minus 5 …)"), periodKey names the period, n
// is the number of days of the period, for the roll-on explanation.
func (c *ctx) period(target, from region.Kind, n int, endOf func(date.Date) (date.Date, date.Date), need any, periodKey string, periodArgs ...any) []Issue {
	var out []Issue
	for _, pl := range c.all(target) {
		a, ok := c.anchor(from, pl.Date)
		if !ok {
			return nil
		}
		raw, end := endOf(a.Date)
		if pl.Date >= end {
			continue
		}
		earliest, note := until(raw, end, n)
		what := msg("what." + string(from))
		period := msg(periodKey, periodArgs...)
		m := msg("period.neg", at(pl), what, ref(from, a), period, need, msg("what."+string(target)), earliest, note)
		if pl.Date >= a.Date {
			m = msg("period.short", at(pl), Days(int(pl.Date-a.Date)), what, ref(from, a), period, need, msg("what."+string(target)), earliest, note)
		}
		out = append(out, Issue{Milestone: pl.Milestone, Message: m})
	}
	return out
}

// tenderPeriod: open procedure, submission ≥ publication + 45d (Aw 2.71
// lid 1), −5d when electronic (Aw 2.74b: 40d on TenderNed); accelerated
// 15d without the electronic reduction (Aw 2.74 onderdeel a). After a
// prior information notice 29d (Aw 2.71 lid 5 and 6). When the documents
// are not online, in full and free of charge, from the publication, 5 days
// more (Aw 2.72 with 2.66 lid 3 and 4; Dir. art. 53(1)), but not when
// accelerated (Aw 2.72 lid 2).
func tenderPeriod(c *ctx) []Issue {
	n, need := c.tenderMinimum(45, 29, 15, "why.pin.open")
	return c.period(region.KindSubmission, region.KindPublication, n, c.statutory(n), need, "tender-period.period")
}

// tenderMinimum is the minimum tender period of a tender: base days, less
// 5 when electronic (Aw 2.74b); pin days after a prior information notice
// (Aw 2.71 lid 5: "inkorten tot 29 dagen, maar in geen geval tot minder
// dan 22 dagen"), without the electronic reduction: whether Aw 2.74b's
// five days come off the shortened period too is not settled, and a legal
// error must never pass a plan on the lenient reading (README, "Tender keys
// the rules read"); accel days when accelerated (Aw 2.74); 5 more when the
// documents are not online, except when accelerated (Aw 2.72). need
// describes the sum for the message.
func (c *ctx) tenderMinimum(base, pin, accel int, pinKey string) (int, Message) {
	t := c.Tender
	if t.Accelerated {
		return accel, msg("accelerated", accel)
	}
	var n int
	var why Comma
	switch {
	case t.PriorNotice:
		n, why = pin, Comma{msg(pinKey, pin)}
	case t.Electronic:
		n, why = base-5, Comma{msg("why.electronic", base)}
	default:
		n, why = base, Comma{msg("why.base", base)}
	}
	if !t.DocumentsOnline {
		n += 5
		why = append(why, msg("why.offline"))
	}
	if len(why) == 1 && !t.PriorNotice && !t.Electronic {
		return n, msg("days", n)
	}
	return n, msg("need", n, why)
}

// requestsPeriod: restricted, negotiated and dialogue, requests ≥
// publication + 30d (Aw 2.71 lid 2 and 3); accelerated 15d, but not for
// the dialogue (Aw 2.74 onderdeel b names the restricted and the
// negotiated procedure only). A prior information notice does not shorten
// it (Aw 2.71 lid 5 names the tender periods of lid 1 and 4 only).
func requestsPeriod(c *ctx) []Issue {
	n, need := 30, msg("days", 30)
	if c.Tender.Accelerated && c.Tender.Procedure != region.ProcedureDialogue {
		n, need = 15, msg("accelerated", 15)
	}
	return c.period(region.KindRequests, region.KindPublication, n, c.statutory(n), need, "requests-period.period")
}

// invitationPeriod: restricted and negotiated, submission ≥ invitation +
// 40d (Aw 2.71 lid 4), −5d when electronic (Aw 2.74b); accelerated 10d
// (Aw 2.74 onderdeel c); not when the period was agreed with all
// candidates (Aw 2.74a lid 1). After a prior information notice 29d (Aw
// 2.71 lid 5 and 6); 5 days more when the documents are not online (Aw
// 2.72).
func invitationPeriod(c *ctx) []Issue {
	if c.Tender.AgreedPeriod {
		return nil
	}
	n, need := c.tenderMinimum(40, 29, 10, "why.pin.invitation")
	return c.period(region.KindSubmission, region.KindInvitation, n, c.statutory(n), need, "invitation-period.period")
}

// answersLead: every answers ≤ submission − 10d (4d when accelerated),
// counted back from the submission it leads up to, and not rolled: a
// backward limit never moves later. Aw 2.54 lid 1 ("uiterlijk tien dagen
// voor de uiterste datum voor het indienen van de inschrijvingen", since
// 1 July 2016; it was six, the directive's floor of art. 47(3) and 53(2)),
// lid 2: four days under the accelerated procedure of Aw 2.74.
func answersLead(c *ctx) []Issue {
	n := 10
	if c.Tender.Accelerated {
		n = 4
	}
	var out []Issue
	for _, a := range c.all(region.KindAnswers) {
		s, ok := c.following(region.KindSubmission, a.Date)
		if !ok {
			return nil
		}
		limit := s.Date.AddDays(-n)
		if a.Date <= limit {
			continue
		}
		m := msg("answers-lead", at(a), Days(int(s.Date-a.Date)), ref(region.KindSubmission, s), n, limit)
		if a.Date > s.Date {
			m = msg("answers-lead.after", at(a), ref(region.KindSubmission, s), n, limit)
		}
		out = append(out, Issue{Milestone: a.Milestone, Message: m})
	}
	return out
}

// standstill: E = award-decision + 20d, rolled to the next legal working
// day; standstill-end ≥ E, award and signature ≥ E + 1d (Aw 2.127).
func standstill(c *ctx) []Issue {
	var out []Issue
	endOf := c.statutory(20)
	for _, kind := range []region.Kind{region.KindStandstillEnd, region.KindAward, region.KindSignature} {
		for _, pl := range c.all(kind) {
			ad, ok := c.anchor(region.KindAwardDecision, pl.Date)
			if !ok {
				return nil
			}
			raw, end := endOf(ad.Date)
			need := end
			if kind != region.KindStandstillEnd {
				need = end + 1
			}
			if pl.Date >= need {
				continue
			}
			days := Days(int(pl.Date - ad.Date))
			until, note := until(raw, end, 20)
			m := msg("standstill.end", at(pl), days, ref(region.KindAwardDecision, ad), until, note)
			if kind != region.KindStandstillEnd {
				m = msg("standstill.award", at(pl), days, ref(region.KindAwardDecision, ad), until, note, msg("kind."+string(kind)), need)
			}
			out = append(out, Issue{Milestone: pl.Milestone, Message: m})
		}
	}
	return out
}

// awardNotice: EU procedures, award-notice ≤ signature + 30d; social
// services, award-notice ≤ the end of the signature's quarter + 30d; award
// where there is no signature (Aw 2.134; Dir. art. 50, 75(2)).
func awardNotice(c *ctx) []Issue {
	var out []Issue
	for _, n := range c.all(region.KindAwardNotice) {
		base, ok := c.anchor(region.KindSignature, n.Date)
		what := "what.signature"
		if !ok {
			if base, ok = c.anchor(region.KindAward, n.Date); !ok {
				return nil
			}
			what = "what.award"
		}
		if c.Tender.Procedure == region.ProcedureSocialServices {
			qEnd := quarterEnd(base.Date)
			limit := qEnd.AddDays(30)
			if n.Date > limit {
				out = append(out, Issue{Milestone: n.Milestone, Message: msg("award-notice.sas",
					at(n), limit, msg(what), ref(base.Milestone.Kind, base), qEnd)})
			}
			continue
		}
		limit := base.Date.AddDays(30)
		if n.Date > limit {
			out = append(out, Issue{Milestone: n.Milestone, Message: msg("award-notice.eu",
				at(n), Days(int(n.Date-base.Date)), msg(what), ref(base.Milestone.Kind, base), limit)})
		}
	}
	return out
}

// quarterEnd returns the last day of d's calendar quarter.
func quarterEnd(d date.Date) date.Date {
	y, m, _ := d.YMD()
	last := time.Month((int(m)-1)/3*3 + 3)
	return date.New(y, last, date.DaysIn(y, last))
}

// SASThreshold is the EU threshold for social and other specific services
// (Dir. 2014/24 art. 4(d)), in euro. It is fixed in the directive and not
// revised every two years like the other thresholds.
const SASThreshold = 750_000

// threshold: national or open-house with an estimated value at or above
// the threshold: an error for national, a warning for open-house, which is
// not a public contract (Aw 2.38; Dir. art. 4(d)).
func threshold(c *ctx) []Issue {
	v := c.Tender.EstimatedValue
	if v == nil {
		// A tender that replaces a contract with an annual-value and gives
		// no estimate of its own is judged by that contract's value over
		// its term and all its options (Dir. 2014/24 art. 5(1)).
		k := c.Region.Replaced(c.Tender)
		if k == nil {
			return nil
		}
		kv, ok := k.Value()
		if !ok || kv < SASThreshold {
			return nil
		}
		if c.Tender.Procedure == region.ProcedureOpenHouse {
			return []Issue{{Message: msg("threshold.open-house.contract", k.ID, Euro(kv), Euro(SASThreshold)), Severity: Warning}}
		}
		return []Issue{{Message: msg("threshold.national.contract", k.ID, Euro(kv), Euro(SASThreshold))}}
	}
	if *v < SASThreshold {
		return nil
	}
	if c.Tender.Procedure == region.ProcedureOpenHouse {
		return []Issue{{Message: msg("threshold.open-house", Euro(*v), Euro(SASThreshold)), Severity: Warning}}
	}
	return []Issue{{Message: msg("threshold.national", Euro(*v), Euro(SASThreshold))}}
}

// procedureOrder is the order of the order rule (README, "The rules"). le marks the kinds
// that may fall on the same day as the kind before them (≤ rather than <).
var procedureOrder = []struct {
	kind region.Kind
	le   bool
}{
	{region.KindConsultation, false}, {region.KindPublication, false}, {region.KindRequests, false}, {region.KindInvitation, false},
	{region.KindQuestions, false}, {region.KindAnswers, false}, {region.KindSubmission, false}, {region.KindAwardDecision, false},
	{region.KindStandstillEnd, true}, {region.KindAward, false}, {region.KindSignature, true}, {region.KindContractStart, true},
	{region.KindContractEnd, false},
}

// order: each milestone of a kind in the order falls after (or, where only
// ≤ lies between the kinds, on or after) the first milestone of every
// earlier kind present. The first of each kind is the yardstick, so several
// rounds of questions and answers interleave freely. One finding per
// milestone, naming the latest milestone it should follow.
func order(c *ctx) []Issue {
	var out []Issue
	for i, k := range procedureOrder {
		for _, pl := range c.all(k.kind) {
			var worst timeline.Planned
			found, worstStrict, strict := false, false, false
			for j := i - 1; j >= 0; j-- {
				strict = strict || !procedureOrder[j+1].le
				f, ok := c.first(procedureOrder[j].kind)
				if !ok {
					continue
				}
				if pl.Date > f.Date || (!strict && pl.Date == f.Date) {
					continue
				}
				if !found || f.Date > worst.Date {
					worst, found, worstStrict = f, true, strict
				}
			}
			if !found {
				continue
			}
			key := "order.onafter"
			if worstStrict {
				key = "order.after"
			}
			m, w := pl.Milestone, worst.Milestone
			out = append(out, Issue{Milestone: m, Message: msg(key,
				m.ID, KindWord(m.Kind), pl.Date, w.ID, KindWord(w.Kind), worst.Date,
				KindWord(m.Kind), KindWord(w.Kind))})
		}
	}
	return out
}

// infeasible: the constraints have no solution; the message is the
// planner's explanation, and the finding points at the first link of the
// chain that has a line (README, "Region file format": scheduling semantics).
func infeasible(c *ctx) []Issue {
	res := c.Result
	if res == nil || res.Feasible || res.Conflict == nil {
		return nil
	}
	is := Issue{Message: msg("infeasible", *res.Conflict)}
	for _, l := range res.Conflict.Chain {
		if l.Line <= 0 {
			continue
		}
		is.Milestone = c.Tender.Milestone(l.Milestone)
		is.Pos = c.posOnLine(l.Line)
		break
	}
	return []Issue{is}
}

// posOnLine finds the position written on a line of the tender (a
// constraint's value, a milestone's key), for the column of a chain link;
// column 1 when nothing of the tender starts on it.
func (c *ctx) posOnLine(line int) region.Pos {
	best := region.Pos{Line: line, Column: 1}
	found := false
	try := func(p region.Pos) {
		if p.Line == line && (!found || p.Column < best.Column) {
			best, found = p, true
		}
	}
	for _, m := range c.Tender.Milestones {
		try(m.Pos)
		try(m.KindPos)
		if m.On != nil {
			try(m.On.Pos)
		}
		if m.Done != nil {
			try(m.Done.Pos)
		}
		for _, e := range m.After {
			try(e.Pos)
		}
		for _, e := range m.Before {
			try(e.Pos)
		}
		if m.Align != nil {
			try(m.Align.Pos)
		}
		if m.By != nil {
			try(m.By.Pos)
		}
	}
	try(c.Tender.Pos)
	try(c.Tender.ReplacesPos)
	if c.Region != nil && c.Tender.Replaces != "" {
		// The bound of a replaced contract is written at the contract's key.
		if ct := c.Region.Contract(c.Tender.Replaces); ct != nil {
			try(ct.Pos)
		}
	}
	return best
}

// doneInFuture: a done date is not after today. It judges the dates as
// written, so it runs on tenders without a schedule too. A zero Today
// (not given) switches it off.
func doneInFuture(c *ctx) []Issue {
	if c.Today == 0 {
		return nil
	}
	var out []Issue
	for _, m := range c.Tender.Milestones {
		if m.Done != nil && m.Done.Date > c.Today {
			out = append(out, Issue{Milestone: m, Message: msg("done-in-future", m.ID, m.Done.Date, c.Today)})
		}
	}
	return out
}
