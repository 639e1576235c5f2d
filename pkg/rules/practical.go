package rules

import (
	"slices"
	"strings"
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// The practical rules (README, "The rules"). Their periods come
// from the policy and are counted in the region's calendar (so a policy may
// say 15wd), and never rolled on: they are good practice, not statute.

// reasonablePeriod: social services and national, submission ≥
// publication + min-tender-period (Aw 2.39, 1.10; Gids Proportionaliteit).
func reasonablePeriod(c *ctx) []Issue {
	dur := c.Policy.MinTenderPeriod
	endOf := func(from date.Date) (date.Date, date.Date) {
		end := c.Cal.Shift(from, 1, dur)
		return end, end
	}
	return c.period(region.KindSubmission, region.KindPublication, dur.N, endOf, dur.String(), "reasonable-period.period", string(c.Tender.Procedure))
}

// answersMargin: the last answers before each submission is at least
// answers-margin before it (Gids Proportionaliteit 3.6).
func answersMargin(c *ctx) []Issue {
	margin := c.Policy.AnswersMargin
	var out []Issue
	answers := c.all(region.KindAnswers)
	for k, a := range answers {
		s, ok := c.following(region.KindSubmission, a.Date)
		if !ok {
			return nil
		}
		// Only the last answers leading up to s.
		if k+1 < len(answers) {
			if next, _ := c.following(region.KindSubmission, answers[k+1].Date); next.Milestone == s.Milestone {
				continue
			}
		}
		limit := c.Cal.Shift(s.Date, -1, margin)
		if a.Date <= limit {
			continue
		}
		m := msg("answers-margin", ref(region.KindAnswers, a), Days(int(s.Date-a.Date)), ref(region.KindSubmission, s), margin.String(), c.answersFloor(), limit)
		if a.Date > s.Date {
			m = msg("answers-margin.after", ref(region.KindAnswers, a), ref(region.KindSubmission, s), margin.String(), limit)
		}
		out = append(out, Issue{Milestone: a.Milestone, Message: m})
	}
	return out
}

// answersFloor is the note of answers-margin on the legal floor: the
// 10 days of Aw 2.54 for the EU procedures, none for the others.
func (c *ctx) answersFloor() Message {
	if slices.Contains(euProcedures, c.Tender.Procedure) {
		return msg("answers-margin.eu")
	}
	return msg("answers-margin.none", ProcedureWord(c.Tender.Procedure))
}

// nationalStandstill: national, award ≥ award-decision + national-standstill
// + 1d, not rolled on (Gids Proportionaliteit; Aw 1.10).
func nationalStandstill(c *ctx) []Issue {
	dur := c.Policy.NationalStandstill
	var out []Issue
	for _, aw := range c.all(region.KindAward) {
		ad, ok := c.anchor(region.KindAwardDecision, aw.Date)
		if !ok {
			return nil
		}
		need := c.Cal.Shift(ad.Date, 1, dur) + 1
		if aw.Date >= need {
			continue
		}
		out = append(out, Issue{Milestone: aw.Milestone, Message: msg("national-standstill",
			at(aw), Days(int(aw.Date-ad.Date)), ref(region.KindAwardDecision, ad), dur.String(), need)})
	}
	return out
}

// implementationPeriod: contract-start ≥ award + implementation-period
// (Norm voor Opdrachtgeverschap).
func implementationPeriod(c *ctx) []Issue {
	dur := c.Policy.ImplementationPeriod
	var out []Issue
	for _, cs := range c.all(region.KindContractStart) {
		aw, ok := c.anchor(region.KindAward, cs.Date)
		if !ok {
			return nil
		}
		need := c.Cal.Shift(aw.Date, 1, dur)
		if cs.Date >= need {
			continue
		}
		out = append(out, Issue{Milestone: cs.Milestone, Message: msg("implementation-period",
			at(cs), Days(int(cs.Date-aw.Date)), ref(region.KindAward, aw), dur.String(), need)})
	}
	return out
}

// deadlineKinds are the kinds deadline-day wants on working days.
var deadlineKinds = []region.Kind{region.KindPublication, region.KindQuestions, region.KindAnswers, region.KindSubmission, region.KindAwardDecision}

// deadlineDay: publication, questions, answers, submission and
// award-decision fall on working days of the region's calendar; and a fixed
// date (on, done, a move) fits its align:, which the planner does not
// enforce on fixed dates (README, "Region file format": "Alignment").
func deadlineDay(c *ctx) []Issue {
	var out []Issue
	for _, pl := range c.Result.Milestones {
		m := pl.Milestone
		if slices.Contains(deadlineKinds, m.Kind) && !c.Cal.IsWorkday(pl.Date) {
			out = append(out, Issue{Milestone: m, Message: msg("deadline-day", m.ID, pl.Date, c.whyClosed(pl.Date))})
			continue
		}
		if a := m.Align; pl.Fixed && a != nil && a.Kind != date.AlignNone && a.Kind != date.AlignMeeting && !c.Cal.Allowed(pl.Date, a.Alignment) {
			out = append(out, Issue{Milestone: m, Message: msg("deadline-day.align", m.ID, pl.Date, a.Alignment.String())})
		}
	}
	return out
}

// whyClosed says why d is not a working day: the holiday, the closed
// period, the weekend.
func (c *ctx) whyClosed(d date.Date) any {
	if name, ok := c.Cal.Holiday(d); ok {
		return name
	}
	if name, ok := c.Cal.Closed(d); ok {
		return msg("reason.closed", name)
	}
	if w := d.Weekday(); w == time.Saturday || w == time.Sunday {
		return msg("reason.weekend")
	}
	return msg("reason.weekday")
}

// summer: the period from the first publication to the last submission
// overlaps the school summer holidays that apply (the region's
// school-region, its municipalities' and calendar.quiet): a warning with
// the overlap in calendar days, both ends inclusive, over the union of the
// periods. A summer the data does not know gives an info, never a guess.
func summer(c *ctx) []Issue {
	pub, ok1 := c.first(region.KindPublication)
	subs := c.all(region.KindSubmission)
	if !ok1 || len(subs) == 0 {
		return nil
	}
	sub := subs[len(subs)-1]
	from, to := pub.Date, sub.Date
	if to < from {
		return nil
	}
	var spans []span
	quietIn := func(a, b date.Date) bool {
		for _, q := range c.Region.Calendar.Quiet {
			if q.From <= b && q.To >= a {
				return true
			}
		}
		return false
	}
	var out []Issue
	for y := from.Year(); y <= to.Year(); y++ {
		wFrom, wTo := summerWindow(y)
		for _, sr := range c.schoolRegions() {
			if h, ok := SchoolSummer(y, sr); ok {
				spans = append(spans, span{h.From, h.To, string(sr) + " " + h.From.String() + "–" + h.To.String()})
				continue
			}
			if from <= wTo && to >= wFrom && !quietIn(wFrom, wTo) {
				out = append(out, Issue{Milestone: sub.Milestone, Severity: Info, Message: msg("summer.nodata", y, string(sr))})
			}
		}
	}
	for _, q := range c.Region.Calendar.Quiet {
		spans = append(spans, span{q.From, q.To, msg("summer.quiet", q.Name, q.From.String()+"–"+q.To.String())})
	}
	days := overlapDays(from, to, spans)
	if days == 0 {
		return out
	}
	var labels And
	for _, s := range spans {
		if s.from <= to && s.to >= from {
			labels = append(labels, s.label)
		}
	}
	return append(out, Issue{Milestone: sub.Milestone, Message: msg("summer",
		at(pub), at(sub), And(labels), CalendarDays(days), Days(days))})
}

// schoolRegions are the school holiday regions that apply to the tender,
// in the order noord, midden, zuid. For a tender of the whole region: the
// region's own and its municipalities'. For a tender that names its
// participating municipalities: each participant's own, or the region's
// for a participant without one.
func (c *ctx) schoolRegions() []region.SchoolRegion {
	set := map[region.SchoolRegion]bool{}
	if len(c.Tender.Municipalities) == 0 {
		if c.Region.SchoolRegion != "" {
			set[c.Region.SchoolRegion] = true
		}
		for _, m := range c.Region.Municipalities {
			if m.SchoolRegion != "" {
				set[m.SchoolRegion] = true
			}
		}
	} else {
		for _, m := range c.Region.Participants(c.Tender) {
			switch {
			case m.SchoolRegion != "":
				set[m.SchoolRegion] = true
			case c.Region.SchoolRegion != "":
				set[c.Region.SchoolRegion] = true
			}
		}
	}
	var out []region.SchoolRegion
	for _, sr := range region.SchoolRegions {
		if set[sr] {
			out = append(out, sr)
		}
	}
	return out
}

// meeting: a milestone taken at a body's meetings (by:, align:
// meeting:BODY) whose date is not a meeting date of that body, or, for a
// decision of several bodies, not a meeting date of any of them (the
// decision falls on the last of their meetings). Planned dates are always
// meeting dates; on, done and moved dates may not be. A date in the body's
// recess says so.
func meeting(c *ctx) []Issue {
	var out []Issue
	for _, pl := range c.Result.Milestones {
		bodies := pl.Milestone.Meetings()
		if len(bodies) == 0 || slices.ContainsFunc(bodies, func(b string) bool { return c.Cal.IsMeeting(b, pl.Date) }) {
			continue
		}
		id, day := pl.Milestone.ID, pl.Date
		if len(bodies) > 1 {
			out = append(out, Issue{Milestone: pl.Milestone, Message: msg("meeting.none", id, day, strings.Join(bodies, ", "))})
			continue
		}
		body := bodies[0]
		name := body
		if b := c.Region.Body(body); b != nil && b.Name != "" {
			name = b.Name + " (" + body + ")"
		}
		m := msg("meeting", id, day, name)
		for _, p := range c.Cal.Recess(body) {
			if p.From <= pl.Date && pl.Date <= p.To {
				m = msg("meeting.recess", id, day, name, p.Name, p.From, p.To)
			}
		}
		out = append(out, Issue{Milestone: pl.Milestone, Message: m})
	}
	return out
}

// overdue: a milestone planned before today that is not done. A zero
// Today (not given) switches it off.
func overdue(c *ctx) []Issue {
	if c.Today == 0 {
		return nil
	}
	var out []Issue
	for _, pl := range c.Result.Milestones {
		// A passed extension decision derived from a contract is
		// extension-notice's business, not a milestone to record as done.
		if pl.Done || pl.Date >= c.Today || pl.Milestone.Derived != "" {
			continue
		}
		out = append(out, Issue{Milestone: pl.Milestone, Message: msg("overdue", pl.Milestone.ID, pl.Date, c.Today)})
	}
	return out
}

// requiredKinds are the milestones every EU and social-services tender has.
var requiredKinds = []region.Kind{region.KindPublication, region.KindSubmission, region.KindAwardDecision, region.KindAward, region.KindContractStart}

// procedureArticle is the article that lays down the steps of each EU
// procedure and of the light regime, which missing-milestones cites.
var procedureArticle = map[region.Procedure]string{
	region.ProcedureOpen:           "Aw 2.26",
	region.ProcedureRestricted:     "Aw 2.27",
	region.ProcedureDialogue:       "Aw 2.28 ff.",
	region.ProcedureNegotiated:     "Dir. 2014/24 art. 29",
	region.ProcedureSocialServices: "Aw 2.38–2.39",
}

// missingMilestones: EU and social-services tenders have a publication,
// submission, award-decision, award and contract-start; the finding cites
// the article of the tender's procedure. Judged on the tender as written,
// so it runs without a schedule too.
func missingMilestones(c *ctx) []Issue {
	var missing And
	for _, k := range requiredKinds {
		if !c.written(k) {
			missing = append(missing, KindWord(k))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return []Issue{{Message: msg("missing-milestones", ProcedureWord(c.Tender.Procedure), And(missing)),
		Reference: procedureArticle[c.Tender.Procedure]}}
}

// written reports whether the tender has a milestone of the kind.
func (c *ctx) written(kind region.Kind) bool {
	return slices.ContainsFunc(c.Tender.Milestones, func(m *region.Milestone) bool { return m.Kind == kind })
}

// awardNoticeMissing: an EU or social-services tender without an
// award-notice milestone. The notice is mandatory: within 30 days of the
// contract's conclusion (Aw 2.134), for social services grouped per
// quarter if the authority wishes (Aw 2.39, 2.134 lid 3). A warning, at the
// tender's key; judged on the tender as written.
func awardNoticeMissing(c *ctx) []Issue {
	if c.written(region.KindAwardNotice) {
		return nil
	}
	if c.Tender.Procedure == region.ProcedureSocialServices {
		return []Issue{{Message: msg("award-notice-missing.sas"), Reference: "Aw 2.39, 2.134 lid 3"}}
	}
	return []Issue{{Message: msg("award-notice-missing.eu", ProcedureWord(c.Tender.Procedure)), Reference: "Aw 2.134"}}
}

// bidValidity: when the tender sets bid-validity, award ≤ submission +
// bid-validity (ARW 2016, gestanddoeningstermijn).
func bidValidity(c *ctx) []Issue {
	bv := c.Tender.BidValidity
	if bv == nil {
		return nil
	}
	var out []Issue
	for _, aw := range c.all(region.KindAward) {
		s, ok := c.anchor(region.KindSubmission, aw.Date)
		if !ok {
			return nil
		}
		limit := c.Cal.Shift(s.Date, 1, *bv)
		if aw.Date <= limit {
			continue
		}
		out = append(out, Issue{Milestone: aw.Milestone, Message: msg("bid-validity",
			at(aw), Days(int(aw.Date-s.Date)), ref(region.KindSubmission, s), bv.String(), limit)})
	}
	return out
}
