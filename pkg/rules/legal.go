package rules

import (
	"strconv"
	"strings"
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
func (c *ctx) until(raw, end date.Date, n int) (string, string) {
	if raw == end {
		return c.day(end), ""
	}
	return c.day(end), c.msg("rolled", n, c.day(raw))
}

// period checks that every milestone of kind target falls on or after the
// end of a period that runs from its anchor (of kind from). need describes
// the minimum ("40 days (45, minus 5 …)"), periodKey names the period, n
// is the number of days of the period, for the roll-on explanation.
func (c *ctx) period(target, from region.Kind, n int, endOf func(date.Date) (date.Date, date.Date), need, periodKey string, periodArgs ...any) []Issue {
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
		earliest, note := c.until(raw, end, n)
		what := c.msg("what." + string(from))
		period := c.msg(periodKey, periodArgs...)
		var msg string
		if pl.Date >= a.Date {
			msg = c.msg("period.short", c.at(pl), c.count(int(pl.Date-a.Date)), what, c.ref(from, a), period, need, c.msg("what."+string(target)), earliest, note)
		} else {
			msg = c.msg("period.neg", c.at(pl), what, c.ref(from, a), period, need, c.msg("what."+string(target)), earliest, note)
		}
		out = append(out, Issue{Milestone: pl.Milestone, Message: msg})
	}
	return out
}

// tenderPeriod: open procedure, submission ≥ publication + 45d, −5d when
// electronic (40d on TenderNed); accelerated 15d without the electronic
// reduction (Aw 2.71, 2.74, 2.74a). After a prior information notice 15d
// (Dir. 2014/24 art. 27(2)). When the documents are not online, in full and
// free of charge, from the publication, 5 days more (Aw 2.72; Dir. art.
// 53(1)), but not when accelerated.
func tenderPeriod(c *ctx) []Issue {
	n, need := c.tenderMinimum(45, 15, 15, "why.pin.open")
	return c.period(region.KindSubmission, region.KindPublication, n, c.statutory(n), need, "tender-period.period")
}

// tenderMinimum is the minimum tender period of a tender: base days, less
// 5 when electronic; pin days after a prior information notice (no
// electronic reduction: it applies to the base period only, Dir. art.
// 27(4) and 28(5)); accel days when accelerated; 5 more when the documents
// are not online, except when accelerated (Dir. art. 53(1)). need
// describes the sum for the message.
func (c *ctx) tenderMinimum(base, pin, accel int, pinKey string) (int, string) {
	t := c.Tender
	if t.Accelerated {
		return accel, c.msg("accelerated", accel)
	}
	var n int
	var why []string
	switch {
	case t.PriorNotice:
		n, why = pin, []string{c.msg(pinKey, pin)}
	case t.Electronic:
		n, why = base-5, []string{c.msg("why.electronic", base)}
	default:
		n, why = base, []string{c.msg("why.base", base)}
	}
	if !t.DocumentsOnline {
		n += 5
		why = append(why, c.msg("why.offline"))
	}
	if len(why) == 1 && !t.PriorNotice && !t.Electronic {
		return n, c.msg("days", n)
	}
	return n, c.msg("need", n, strings.Join(why, ", "))
}

// requestsPeriod: restricted, negotiated and dialogue, requests ≥
// publication + 30d; accelerated 15d, but not for the dialogue (Aw 2.73).
func requestsPeriod(c *ctx) []Issue {
	n, need := 30, c.msg("days", 30)
	if c.Tender.Accelerated && c.Tender.Procedure != region.ProcedureDialogue {
		n, need = 15, c.msg("accelerated", 15)
	}
	return c.period(region.KindRequests, region.KindPublication, n, c.statutory(n), need, "requests-period.period")
}

// invitationPeriod: restricted and negotiated, submission ≥ invitation +
// 40d, −5d when electronic; accelerated 10d; not when the period was agreed
// with all candidates (Aw 2.74a). After a prior information notice 10d
// (Dir. art. 28(3), and 29(1) for the negotiated procedure); 5 days more
// when the documents are not online (Aw 2.72; Dir. art. 53(1)).
func invitationPeriod(c *ctx) []Issue {
	if c.Tender.AgreedPeriod {
		return nil
	}
	n, need := c.tenderMinimum(40, 10, 10, "why.pin.invitation")
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
		msg := c.msg("answers-lead", c.at(a), c.count(int(s.Date-a.Date)), c.ref(region.KindSubmission, s), n, c.day(limit))
		if a.Date > s.Date {
			msg = c.msg("answers-lead.after", c.at(a), c.ref(region.KindSubmission, s), n, c.day(limit))
		}
		out = append(out, Issue{Milestone: a.Milestone, Message: msg})
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
			days := c.count(int(pl.Date - ad.Date))
			until, note := c.until(raw, end, 20)
			var msg string
			if kind == region.KindStandstillEnd {
				msg = c.msg("standstill.end", c.at(pl), days, c.ref(region.KindAwardDecision, ad), until, note)
			} else {
				msg = c.msg("standstill.award", c.at(pl), days, c.ref(region.KindAwardDecision, ad), until, note, c.msg("kind."+string(kind)), c.day(need))
			}
			out = append(out, Issue{Milestone: pl.Milestone, Message: msg})
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
				out = append(out, Issue{Milestone: n.Milestone, Message: c.msg("award-notice.sas",
					c.at(n), c.day(limit), c.msg(what), c.ref(base.Milestone.Kind, base), c.day(qEnd))})
			}
			continue
		}
		limit := base.Date.AddDays(30)
		if n.Date > limit {
			out = append(out, Issue{Milestone: n.Milestone, Message: c.msg("award-notice.eu",
				c.at(n), c.count(int(n.Date-base.Date)), c.msg(what), c.ref(base.Milestone.Kind, base), c.day(limit))})
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
			return []Issue{{Message: c.msg("threshold.open-house.contract", k.ID, c.euro(kv), c.euro(SASThreshold)), Severity: Warning}}
		}
		return []Issue{{Message: c.msg("threshold.national.contract", k.ID, c.euro(kv), c.euro(SASThreshold))}}
	}
	if *v < SASThreshold {
		return nil
	}
	if c.Tender.Procedure == region.ProcedureOpenHouse {
		return []Issue{{Message: c.msg("threshold.open-house", c.euro(*v), c.euro(SASThreshold)), Severity: Warning}}
	}
	return []Issue{{Message: c.msg("threshold.national", c.euro(*v), c.euro(SASThreshold))}}
}

// euro formats a whole amount with thousands separators: 750,000 (en),
// 750.000 (nl).
func (c *ctx) euro(v int64) string {
	sep := ","
	if c.lang() == "nl" {
		sep = "."
	}
	s := strconv.FormatInt(v, 10)
	sign := ""
	if v < 0 {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return b.String()
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
			out = append(out, Issue{Milestone: m, Message: c.msg(key,
				m.ID, c.kindName(m.Kind), c.day(pl.Date), w.ID, c.kindName(w.Kind), c.day(worst.Date),
				c.kindName(m.Kind), c.kindName(w.Kind))})
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
	is := Issue{Message: res.Conflict.Message}
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
			out = append(out, Issue{Milestone: m, Message: c.msg("done-in-future", m.ID, c.day(m.Done.Date), c.day(c.Today))})
		}
	}
	return out
}
