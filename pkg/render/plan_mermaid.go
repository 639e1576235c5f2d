package render

import (
	"fmt"
	"io"
	"strings"
)

// PlanMermaid writes the plans as one Mermaid gantt chart, which GitHub,
// GitLab and many wikis draw from a ```mermaid block: a section per tender,
// a milestone per milestone (":milestone, ID, DATE, 0d") and a task for
// each phase between consecutive milestones (in date order, phases of zero
// days left out). Critical milestones, and phases between two critical
// ones, are tagged crit; done milestones, and the phases that end in one,
// are tagged done.
//
// Task ids are TENDER.MILESTONE (REGION.TENDER.MILESTONE when two plans
// share a tender id), unique in the chart and never one of Mermaid's tag
// words. Mermaid reads ':' as the start of a task's data, '#' as the start
// of an entity, ';' as the end of a statement and "%%" as a comment, so
// names write those characters as entities (#58; #35; #59; #37;), which
// Mermaid shows as the characters. An infeasible plan is a comment line.
func PlanMermaid(w io.Writer, plans []Plan, opts Options) error {
	lang := opts.Lang
	var b strings.Builder
	b.WriteString("gantt\n")
	fmt.Fprintf(&b, "    title %s\n", mermaidText(chartTitle(plans, lang)))
	b.WriteString("    dateFormat YYYY-MM-DD\n")
	qualify := sharedTenderIDs(plans)
	oneRegion := singleRegion(plans)
	for _, p := range plans {
		r := p.Result
		section := sectionTitle(p, oneRegion)
		if !r.Feasible {
			// A comment runs to the end of the line: only line breaks matter.
			fmt.Fprintf(&b, "    %%%% %s: %s\n", oneLine(section), oneLine(T(lang, "gantt.infeasible")))
			continue
		}
		fmt.Fprintf(&b, "    section %s\n", mermaidText(section))
		prefix := r.Tender + "."
		if qualify[r.Tender] {
			prefix = r.Region + "." + prefix
		}
		for i, m := range r.Milestones {
			if i > 0 {
				prev := r.Milestones[i-1]
				if m.Date > prev.Date {
					tags := mermaidTags(false, m.Done, prev.Critical && m.Critical)
					fmt.Fprintf(&b, "    %s :%s%s, %s\n", mermaidText(prev.Milestone.ID+" → "+m.Milestone.ID), tags, prev.Date, m.Date)
				}
			}
			tags := mermaidTags(true, m.Done, m.Critical)
			fmt.Fprintf(&b, "    %s :%s%s%s, %s, 0d\n", mermaidText(MilestoneName(lang, m.Milestone)), tags, prefix, m.Milestone.ID, m.Date)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaidTags is the tag list of a task, each followed by ", ".
func mermaidTags(milestone, done, crit bool) string {
	var s string
	if milestone {
		s += "milestone, "
	}
	if done {
		s += "done, "
	}
	if crit {
		s += "crit, "
	}
	return s
}

var mermaidEscaper = strings.NewReplacer("#", "#35;", ":", "#58;", ";", "#59;", "%", "#37;", "\r\n", " ", "\n", " ", "\r", " ")

var lineBreaks = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ")

func oneLine(s string) string { return lineBreaks.Replace(s) }

// mermaidText makes s safe as a title, section or task name.
func mermaidText(s string) string { return strings.TrimSpace(mermaidEscaper.Replace(s)) }

// chartTitle is the title of a chart: "Region — Tender" for one plan, the
// region's name for one region, else a generic title.
func chartTitle(plans []Plan, lang string) string {
	switch {
	case len(plans) == 1:
		return tenderTitle(plans[0].Region, plans[0].Tender)
	case singleRegion(plans):
		return plans[0].Region.Name
	}
	return T(lang, "gantt.title")
}

// sectionTitle is a plan's section: the tender's name, with the region's in
// front when the chart holds more than one region, and the scenario after.
func sectionTitle(p Plan, oneRegion bool) string {
	s := p.Tender.Name
	if s == "" {
		s = p.Tender.ID
	}
	if !oneRegion {
		s = p.Region.Name + " — " + s
	}
	if p.Result.Scenario != "" {
		s += " (" + p.Result.Scenario + ")"
	}
	return s
}

// singleRegion reports whether every plan is of the same region (and
// there is at least one).
func singleRegion(plans []Plan) bool {
	if len(plans) == 0 {
		return false
	}
	for _, p := range plans[1:] {
		if p.Region.ID != plans[0].Region.ID {
			return false
		}
	}
	return true
}

// sharedTenderIDs returns the tender ids that occur in more than one plan.
func sharedTenderIDs(plans []Plan) map[string]bool {
	n := map[string]int{}
	for _, p := range plans {
		n[p.Result.Tender]++
	}
	out := map[string]bool{}
	for id, c := range n {
		if c > 1 {
			out[id] = true
		}
	}
	return out
}
