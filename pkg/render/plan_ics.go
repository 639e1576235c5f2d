package render

import (
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// icsRevision gives an event its DTSTAMP and SEQUENCE from the reference
// date (--today), never from the clock, so that the same plan on the same
// day gives the same bytes. Calendar clients decide whether a re-imported
// event (same UID) is newer by SEQUENCE, then DTSTAMP (RFC 5546, 2.1.5):
// both grow with --today, so a file exported on a later day replaces what an
// earlier one put in the calendar. SEQUENCE is the day number of --today
// (days since 1970-01-01), DTSTAMP its midnight UTC.
func icsRevision(today date.Date) (time.Time, int) {
	return today.Time(), max(int(today), 0)
}

// ICSProductID is the PRODID of the calendars tender writes.
const ICSProductID = "-//tender-nl//tender//EN"

// PlanICS writes the plans as one iCalendar file (RFC 5545, CRLF line ends,
// lines folded at 75 octets) for Outlook, Google Calendar and Apple
// Calendar: one all-day event per milestone (DTSTART;VALUE=DATE, DTEND the
// next day), marked free (TRANSP:TRANSPARENT) so milestones do not block
// agendas, stamped with opts.Today (icsRevision).
//
// UIDs are built from the ids, most specific first:
// MILESTONE.TENDER.REGION@tender, or MILESTONE.SCENARIO.TENDER.REGION@tender
// for a scenario. Ids never contain dots (the README's id rule), so UIDs cannot
// collide, and importing the file again after a change updates the events
// instead of adding copies. The summary is "name (tender id)"; the
// description lists kind, earliest, latest, slack, critical, status, by,
// region and source, in the language of opts. An infeasible plan adds no
// events.
func PlanICS(w io.Writer, plans []Plan, opts Options) error {
	lang := opts.Lang
	cal := ics.NewCalendarFor("tender")
	cal.SetProductId(ICSProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(calendarName(plans, lang))
	stamp, seq := icsRevision(opts.Today)
	for _, p := range plans {
		r := p.Result
		for _, m := range r.Milestones {
			e := cal.AddEvent(EventUID(r.Region, r.Tender, r.Scenario, m.Milestone.ID))
			e.SetDtStampTime(stamp)
			e.SetSequence(seq)
			e.SetAllDayStartAt(m.Date.Time())
			e.SetAllDayEndAt(m.Date.AddDays(1).Time())
			summary := MilestoneName(lang, m.Milestone) + " (" + r.Tender
			if r.Scenario != "" {
				summary += ", " + r.Scenario
			}
			e.SetSummary(summary + ")")
			e.SetDescription(eventDescription(p, m.Milestone.Kind, m.Earliest, m.Latest, m.Slack, m.Critical, m.Done, m.Fixed, decidedBy(p, &m), lang))
			e.SetProperty(ics.ComponentPropertyTransp, "TRANSPARENT")
		}
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// EventUID is the stable UID of a milestone's event (see PlanICS).
func EventUID(region, tender, scenario, milestone string) string {
	parts := []string{milestone}
	if scenario != "" {
		parts = append(parts, scenario)
	}
	return strings.Join(append(parts, tender, region), ".") + "@tender"
}

// calendarName is X-WR-CALNAME, the name a subscribing calendar shows:
// "Region — Tender" for one plan, else the regions' names.
func calendarName(plans []Plan, lang string) string {
	if len(plans) == 1 {
		return tenderTitle(plans[0].Region, plans[0].Tender)
	}
	var names []string
	seen := map[string]bool{}
	for _, p := range plans {
		if !seen[p.Region.ID] {
			seen[p.Region.ID] = true
			names = append(names, p.Region.Name)
		}
	}
	if len(names) == 0 {
		return T(lang, "gantt.title")
	}
	return strings.Join(names, ", ")
}

func eventDescription(p Plan, kind region.Kind, earliest date.Date, latest *date.Date, slack *int, critical, done, fixed bool, by, lang string) string {
	var b strings.Builder
	line := func(key, value string) {
		if value != "" {
			b.WriteString(T(lang, key) + ": " + value + "\n")
		}
	}
	line("label.kind", KindName(lang, kind))
	line("label.earliest", LongDate(lang, earliest))
	if latest != nil {
		line("label.latest", LongDate(lang, *latest))
	} else {
		line("label.latest", T(lang, "label.unbounded"))
	}
	if slack != nil {
		line("label.slack", T(lang, "slack.days", *slack))
	} else {
		line("label.slack", T(lang, "label.unbounded"))
	}
	if critical {
		line("label.critical", T(lang, "word.yes"))
	} else {
		line("label.critical", T(lang, "word.no"))
	}
	line("label.status", milestoneStatus(lang, done, fixed))
	line("label.by", by)
	line("label.region", p.Region.Name)
	tender := p.Tender.ID
	if p.Tender.Name != "" {
		tender = p.Tender.Name + " (" + p.Tender.ID + ")"
	}
	line("label.tender", tender)
	line("label.scenario", p.Result.Scenario)
	line("label.source", p.Region.Source)
	return strings.TrimSuffix(b.String(), "\n")
}

// decidedBy names the body of a decision, or for a decision of several
// bodies all of them ("College A, College B"). Which of them decided last
// is in the plan's JSON ("by"): on a day when several meet, naming one as
// the last would say more than the file does.
func decidedBy(p Plan, m *timeline.Planned) string {
	if len(m.Bodies) < 2 {
		return bodyName(p, m.By)
	}
	names := make([]string, len(m.Bodies))
	for i, b := range m.Bodies {
		names[i] = bodyName(p, b)
	}
	return strings.Join(names, ", ")
}

// bodyName is the display name of body id, or the id when the region does
// not name it.
func bodyName(p Plan, id string) string {
	if id == "" {
		return ""
	}
	for _, b := range p.Region.Bodies {
		if b.ID == id && b.Name != "" {
			return b.Name
		}
	}
	return id
}
