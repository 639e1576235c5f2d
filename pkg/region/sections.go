package region

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
)

// top reads the root mapping. Sections are read in dependency order
// (bodies before tenders), whatever order the file gives them in; errors are
// sorted by position at the end anyway.
func (l *loader) top(root *yaml.Node) {
	r := &Region{Source: l.file}
	l.r = r
	o := owner{what: "the file"}
	if root.Kind != yaml.MappingNode {
		l.errorf(root, "a region file is a mapping with version:, region: and tenders:, not %s", describe(root))
		return
	}
	var versionV, regionK, regionV, calendarK, calendarV, bodiesV, policyK, policyV, contractsV, tendersV *yaml.Node
	seen := l.fields(root, fileKeys, o, func(key string, k, v *yaml.Node) {
		switch key {
		case "version":
			versionV = v
		case "region":
			regionK, regionV = k, v
		case "calendar":
			calendarK, calendarV = k, v
		case "bodies":
			bodiesV = v
		case "policy":
			policyK, policyV = k, v
		case "contracts":
			contractsV = v
		case "tenders":
			tendersV = v
		}
	})
	if versionV != nil && !l.version(versionV) {
		// Another version's file would only produce noise: report that alone.
		l.errs = l.errs[len(l.errs)-1:]
		return
	}
	l.required(&seen, fileKeys.required, fileKeys, pos(root), o)
	if regionV != nil {
		l.regionHeader(regionK, regionV)
	}
	r.Calendar.Holidays = HolidaysNL
	if calendarV != nil {
		l.calendar(calendarK, calendarV)
	}
	if bodiesV != nil {
		l.bodies(bodiesV)
	}
	if policyV != nil {
		r.Policy = l.policy(policyK, policyV, owner{what: "the region's policy"})
	}
	if contractsV != nil {
		l.contracts(contractsV)
	}
	if tendersV != nil {
		l.tenders(tendersV)
	}
	l.validate(&l.notes)
}

// version reports false when the file is of a version this build cannot
// read (the error is then the last one recorded).
func (l *loader) version(v *yaml.Node) bool {
	if v.Kind == yaml.ScalarNode && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		if _, err := strconv.Atoi(v.Value); err == nil {
			// version: "1": the quotes make it text.
			l.errorf(v, "version must be the number %d, not the text %s: remove the quotes (version: %d)", Version, describe(v), Version)
			return true
		}
	}
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
		l.errorf(v, "version must be the number %d, not %s: write version: %d", Version, describe(v), Version)
		return true
	}
	n, err := strconv.Atoi(strings.TrimPrefix(v.Value, "+"))
	if err != nil {
		l.errorf(v, "version must be the number %d, not %s", Version, describe(v))
		return true
	}
	if n != Version {
		l.errorf(v, "unsupported version %d: this tender reads version %d", n, Version)
		return false
	}
	l.r.Version = n
	return true
}

func (l *loader) regionHeader(k, v *yaml.Node) {
	r := l.r
	o := owner{what: "region"}
	if !l.mapping(v, "region", owner{what: "the file"}, "give id, name and municipalities under it") {
		return
	}
	seen := l.fields(v, regionKeys, o, func(key string, k, v *yaml.Node) {
		switch key {
		case "id":
			if s, ok := l.word(v, key, o); ok {
				r.IDPos = pos(v)
				if len(s) > MaxIDLength {
					l.errorf(v, "region id is %d bytes long, more than the limit of %d: use a short id (the name: key holds the full name)", len(s), MaxIDLength)
				} else if !validID(s) {
					l.errorf(v, "invalid region id %s: ids are lower-case letters, digits and '-', starting with a letter or digit%s", strconv.Quote(s), slugHint(s))
				} else {
					r.ID = s
				}
			}
		case "name":
			r.Name, _ = l.name(v, key, o)
		case "lead":
			r.Lead, _ = l.word(v, key, o)
		case "municipalities":
			l.municipalities(v, o)
		case "school-region":
			r.SchoolRegion, _ = oneOf(l, v, key, o, SchoolRegions)
		case "notes":
			r.Notes, _ = l.text(v, key, o)
		}
	})
	l.required(&seen, regionKeys.required, regionKeys, pos(k), o)
}

func (l *loader) municipalities(v *yaml.Node, o owner) {
	items, ok := l.list(v, "municipalities", o, "list at least one, e.g. [Aalten, Berkelland]")
	if !ok {
		return
	}
	if len(items) == 0 {
		l.errorf(v, "region has no municipalities: list at least one, e.g. [Aalten, Berkelland]")
		return
	}
	firstLine := make(map[string]int, len(items))
	for _, it := range items {
		var m Municipality
		mo := owner{what: "municipality"}
		switch it.Kind {
		case yaml.ScalarNode:
			m.Name, _ = l.name(it, "name", mo)
		case yaml.MappingNode:
			seen := l.fields(it, municipalityKeys, mo, func(key string, k, v *yaml.Node) {
				switch key {
				case "name":
					m.Name, _ = l.name(v, key, mo)
				case "school-region":
					m.SchoolRegion, _ = oneOf(l, v, key, owner{what: "municipality", id: m.Name}, SchoolRegions)
				}
			})
			l.required(&seen, municipalityKeys.required, municipalityKeys, pos(it), mo)
		default:
			l.errorf(it, "a municipality is a name or {name: …, school-region: …}, not %s", describe(it))
			continue
		}
		if m.Name == "" {
			continue
		}
		if !once(l, firstLine, m.Name, it, "municipality '%s' is listed twice", m.Name) {
			continue
		}
		l.r.Municipalities = append(l.r.Municipalities, m)
	}
}

func (l *loader) calendar(k, v *yaml.Node) {
	c := &l.r.Calendar
	c.Pos = pos(k)
	o := owner{what: "calendar"}
	if isNull(v) {
		return // calendar: with nothing under it is the default calendar
	}
	if !l.mapping(v, "calendar", owner{what: "the file"}, "give workdays, holidays, closed or quiet under it") {
		return
	}
	l.fields(v, calendarKeys, o, func(key string, k, v *yaml.Node) {
		switch key {
		case "workdays":
			l.workdays(v, o)
		case "holidays":
			if s, ok := oneOf(l, v, key, o, HolidayCalendars); ok {
				c.Holidays = s
			}
		case "closed":
			c.Closed = l.periods(v, key, o, true)
		case "quiet":
			c.Quiet = l.periods(v, key, o, false)
		}
	})
}

func (l *loader) workdays(v *yaml.Node, o owner) {
	const example = "e.g. [mon, tue, wed, thu, fri]"
	items, ok := l.list(v, "workdays", o, example)
	if !ok {
		return
	}
	if len(items) == 0 {
		l.errorf(v, "calendar has no workdays: list at least one, %s", example)
		return
	}
	var line [7]int
	days := make([]time.Weekday, 0, len(items))
	for _, it := range items {
		s, ok := l.word(it, "workdays", o)
		if !ok {
			continue
		}
		w, err := date.ParseWeekday(s)
		if err != nil {
			l.errorf(it, "%v%s", err, weekdayHint(s))
			continue
		}
		if line[w] != 0 {
			l.errorf(it, "workday '%s' is listed twice (first at line %d)", s, line[w])
			continue
		}
		line[w] = it.Line
		days = append(days, w)
	}
	l.r.Calendar.Workdays = days
}

// weekdayNames maps whole English and Dutch day names and the Dutch
// abbreviations to the format's weekday words, for hints.
var weekdayNames = map[string]string{
	"monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu", "friday": "fri", "saturday": "sat", "sunday": "sun",
	"maandag": "mon", "dinsdag": "tue", "woensdag": "wed", "donderdag": "thu", "vrijdag": "fri", "zaterdag": "sat", "zondag": "sun",
	"ma": "mon", "di": "tue", "wo": "wed", "do": "thu", "vr": "fri", "za": "sat", "zo": "sun",
}

func weekdayHint(s string) string {
	if w, ok := weekdayNames[strings.ToLower(strings.TrimSpace(s))]; ok {
		return " (did you mean '" + w + "'?)"
	}
	return didYouMean(s, date.WeekdayNames) // Mon → mon

}

// periods reads closed: or quiet:. Closed periods must be listed by start
// date, so that a reader (and a diff) sees them in calendar order.
func (l *loader) periods(v *yaml.Node, key string, o owner, ordered bool) []Period {
	what := key + " period"
	if isNull(v) {
		return nil
	}
	items, ok := l.list(v, key, o, "write - {name: …, from: YYYY-MM-DD, to: YYYY-MM-DD}")
	if !ok {
		return nil
	}
	out := make([]Period, 0, len(items))
	var prev *Period
	in := ""
	if key == "recess" {
		in = o.String() // every body may have a recess 1: say whose
	}
	for i, it := range items {
		po := owner{what: what + " " + strconv.Itoa(i+1), in: in}
		if it.Kind != yaml.MappingNode {
			l.errorf(it, "a %s is {name: …, from: YYYY-MM-DD, to: YYYY-MM-DD}, not %s", what, describe(it))
			continue
		}
		p := Period{Pos: pos(it)}
		okFrom, okTo := false, false
		var toV *yaml.Node
		seen := l.fields(it, periodKeys, po, func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				p.Name, _ = l.name(v, key, po)
			case "from":
				p.From, okFrom = l.date(v, key, po)
			case "to":
				p.To, okTo = l.date(v, key, po)
				toV = v
			}
		})
		if p.Name != "" {
			po = owner{what: what, id: p.Name, in: in}
		}
		l.required(&seen, periodKeys.required, periodKeys, pos(it), po)
		if !okFrom || !okTo {
			continue
		}
		if p.To < p.From {
			l.errorf(toV, "%s ends on %s, before it starts on %s: swap from and to", po, p.To, p.From)
			continue
		}
		if ordered && prev != nil && p.From < prev.From {
			l.errorf(it, "%s (from %s) is out of order: it starts before '%s' (from %s, line %d); list closed periods by their from date",
				po, p.From, prev.Name, prev.From, prev.Pos.Line)
		}
		out = append(out, p)
		prev = &out[len(out)-1]
	}
	return out
}

func (l *loader) bodies(v *yaml.Node) {
	if isNull(v) {
		return
	}
	if !l.mapping(v, "bodies", owner{what: "the file"}, "write ID: {name: …, meets: …} per body") {
		return
	}
	l.eachID(v, "body", "body '%s' is defined twice", nil, func(id string, k, bv *yaml.Node) {
		b := &Body{ID: id, Pos: pos(k)}
		o := owner{what: "body", id: id}
		l.r.Bodies = append(l.r.Bodies, b)
		if !l.mapping(bv, "body", o, "give name: and meets:") {
			return
		}
		var meetings []meeting
		seen := l.fields(bv, bodyKeys, o, func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				b.Name, _ = l.name(v, key, o)
			case "meets":
				meetings = l.meets(b, v, o)
			case "recess":
				b.Recess = l.periods(v, "recess", o, false)
			}
		})
		l.required(&seen, bodyKeys.required, bodyKeys, pos(k), o)
		if len(meetings) > 0 && len(b.Recess) > 0 {
			l.notes.bodies = append(l.notes.bodies, bodyNotes{b: b, meetings: meetings})
		}
	})
}

// meets reads a list of meeting dates (sorted, no repeats) or a rule. It
// returns the listed dates as written, repeats included, with where.
func (l *loader) meets(b *Body, v *yaml.Node, o owner) []meeting {
	const example = `write a list of dates, or a rule such as "weekly tue", "biweekly thu from 2021-01-07", "monthly 1st thu" or "monthly last wed"`
	switch v.Kind {
	case yaml.SequenceNode:
		items, _ := l.list(v, "meets", o, example)
		if len(items) == 0 {
			l.errorf(v, "%s has no meeting dates: %s", o, example)
			return nil
		}
		firstLine := make(map[date.Date]int, len(items))
		dates := make([]date.Date, 0, len(items))
		written := make([]meeting, 0, len(items))
		for _, it := range items {
			d, ok := l.date(it, "meets", o)
			if !ok {
				continue
			}
			written = append(written, meeting{d, pos(it)})
			if !once(l, firstLine, d, it, "meeting date %s of %s is listed twice", d, o) {
				continue
			}
			dates = append(dates, d)
		}
		slices.Sort(dates)
		b.Dates = dates
		return written
	case yaml.ScalarNode:
		s, ok := l.word(v, "meets", o)
		if !ok {
			return nil
		}
		rule, err := date.ParseMeetingRule(s)
		if err != nil {
			hint := ""
			if looksLikeDate(strings.TrimSpace(s)) {
				hint = " (a single meeting date is written as a list: [" + strings.TrimSpace(s) + "])"
			}
			l.errorf(v, "meets of %s: %v%s", o, err, hint)
			return nil
		}
		b.Meets = s
		b.Rule = &rule
	default:
		l.errorf(v, "meets of %s must be a list of dates or a rule, not %s: %s", o, describe(v), example)
	}
	return nil
}

// policy reads a policy: section (the region's or a tender's).
func (l *loader) policy(k, v *yaml.Node, o owner) *Policy {
	if isNull(v) {
		return nil
	}
	if !l.mapping(v, "policy", o, "see the README, \"Policy\"") {
		return nil
	}
	p := &Policy{Pos: pos(k)}
	l.fields(v, policyKeys, o, func(key string, k, v *yaml.Node) {
		if field := p.DurationField(key); field != nil {
			if d, ok := l.duration(v, key, o); ok {
				*field = &d
			}
			return
		}
		switch key {
		case "summer":
			p.Summer, _ = oneOf(l, v, key, o, Summers)
		case "disable":
			p.Disable = l.disable(v, o)
		case "severity":
			p.Severity = l.severity(v, o)
		}
	})
	return p
}

// ruleID checks a rule id named in a policy.
func (l *loader) ruleID(n *yaml.Node, id string, o owner) (RuleInfo, bool) {
	r, ok := Rule(id)
	if !ok {
		if hint := l.suggest(id, RuleIDs()); hint != "" {
			l.errorf(n, "unknown rule '%s' in %s%s", id, o, hint)
		} else {
			l.errorf(n, "unknown rule '%s' in %s: the rules are %s", id, o, strings.Join(RuleIDs(), ", "))
		}
	}
	return r, ok
}

func (l *loader) disable(v *yaml.Node, o owner) []string {
	var items []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		if isNull(v) {
			return nil
		}
		items = []*yaml.Node{v} // a single rule id stands for a list of one
	default:
		var ok bool
		if items, ok = l.list(v, "disable", o, "e.g. [deadline-day]"); !ok {
			return nil
		}
	}
	var out []string
	for _, it := range items {
		id, ok := l.word(it, "disable", o)
		if !ok {
			continue
		}
		r, ok := l.ruleID(it, id, o)
		if !ok {
			continue
		}
		if r.Legal {
			l.errorf(it, "rule '%s' is a legal rule and cannot be disabled (README, \"The rules\"); only practical rules can", id)
			continue
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (l *loader) severity(v *yaml.Node, o owner) []SeverityOverride {
	if isNull(v) {
		return nil
	}
	if !l.mapping(v, "severity", o, "write RULE: error|warning|info, e.g. {implementation-period: error}") {
		return nil
	}
	var out []SeverityOverride
	firstLine := map[string]int{}
	l.pairs(v, func(k, v *yaml.Node) {
		id, ok := l.key(k)
		if !ok {
			return
		}
		if !once(l, firstLine, id, k, "the severity of rule '%s' is given twice", id) {
			return
		}
		r, okRule := l.ruleID(k, id, o)
		sev, okSev := oneOf(l, v, "severity", owner{what: "rule", id: id}, Severities)
		if !okRule || !okSev {
			return
		}
		if r.Legal && sev != SeverityError {
			l.errorf(v, "rule '%s' is a legal rule and cannot be downgraded to %s (README, \"The rules\"); its severity stays error", id, sev)
			return
		}
		out = append(out, SeverityOverride{Rule: id, Severity: sev})
	})
	return out
}

// participants reads the municipalities: of a tender or a contract: a
// non-empty list of names, with the items they were written at (the
// validation pass checks that they are the region's, each once).
func (l *loader) participants(v *yaml.Node, o owner) ([]string, []*yaml.Node) {
	if isNull(v) {
		return nil, nil
	}
	const example = "list the participating municipalities of the region, or leave the key out for all of them"
	items, ok := l.list(v, "municipalities", o, example)
	if !ok {
		return nil, nil
	}
	if len(items) == 0 {
		l.errorf(v, "municipalities of %s is empty: %s", o, example)
		return nil, nil
	}
	var names []string
	var at []*yaml.Node
	for _, it := range items {
		if s, ok := l.word(it, "municipalities", o); ok {
			names = append(names, s)
			at = append(at, it)
		}
	}
	return names, at
}
