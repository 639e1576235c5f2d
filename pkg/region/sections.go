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
		r.Pos = pos(regionK)
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
}

// version reports false when the file is of a version this build cannot
// read (the error is then the last one recorded).
func (l *loader) version(v *yaml.Node) bool {
	l.r.VersionPos = pos(v)
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
		m := Municipality{Pos: pos(it)}
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
		var meetsV *yaml.Node
		seen := l.fields(bv, bodyKeys, o, func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				b.Name, _ = l.name(v, key, o)
			case "meets":
				l.meets(b, v, o)
				meetsV = v
			case "recess":
				b.Recess = l.periods(v, "recess", o, false)
			}
		})
		l.required(&seen, bodyKeys.required, bodyKeys, pos(k), o)
		l.meetingsInRecess(b, meetsV, o)
	})
}

// meetingsInRecess reports the listed meeting dates of b that fall in one
// of its recess periods: the file says both that the body meets and that
// it does not.
func (l *loader) meetingsInRecess(b *Body, meetsV *yaml.Node, o owner) {
	if len(b.Recess) == 0 || meetsV == nil || meetsV.Kind != yaml.SequenceNode {
		return
	}
	for _, c := range meetsV.Content {
		it := l.deref(c)
		if it.Kind != yaml.ScalarNode {
			continue
		}
		d, msg := parseDateText(it.Value)
		if msg != "" {
			continue
		}
		for _, p := range b.Recess {
			if p.From <= d && d <= p.To {
				l.errorf(it, "meeting date %s of %s falls in its recess '%s' (%s … %s), when it does not meet: remove the date, or end the recess before it",
					d, o, p.Name, p.From, p.To)
				break
			}
		}
	}
}

// meets reads a list of meeting dates (sorted, no repeats) or a rule.
func (l *loader) meets(b *Body, v *yaml.Node, o owner) {
	const example = `write a list of dates, or a rule such as "weekly tue", "biweekly thu from 2021-01-07", "monthly 1st thu" or "monthly last wed"`
	switch v.Kind {
	case yaml.SequenceNode:
		items, _ := l.list(v, "meets", o, example)
		if len(items) == 0 {
			l.errorf(v, "%s has no meeting dates: %s", o, example)
			return
		}
		firstLine := make(map[date.Date]int, len(items))
		dates := make([]date.Date, 0, len(items))
		for _, it := range items {
			d, ok := l.date(it, "meets", o)
			if !ok {
				continue
			}
			if !once(l, firstLine, d, it, "meeting date %s of %s is listed twice", d, o) {
				continue
			}
			dates = append(dates, d)
		}
		slices.Sort(dates)
		b.Dates = dates
	case yaml.ScalarNode:
		s, ok := l.word(v, "meets", o)
		if !ok {
			return
		}
		rule, err := date.ParseMeetingRule(s)
		if err != nil {
			hint := ""
			if looksLikeDate(strings.TrimSpace(s)) {
				hint = " (a single meeting date is written as a list: [" + strings.TrimSpace(s) + "])"
			}
			l.errorf(v, "meets of %s: %v%s", o, err, hint)
			return
		}
		b.Meets = s
		b.Rule = &rule
	default:
		l.errorf(v, "meets of %s must be a list of dates or a rule, not %s: %s", o, describe(v), example)
	}
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
		out = append(out, SeverityOverride{Rule: id, Severity: sev, Pos: pos(k)})
	})
	return out
}

// participants reads the municipalities: of a tender or a contract: a
// non-empty list of the region's municipalities, each at most once. Names
// that are not the region's are errors at the name, with a suggestion.
func (l *loader) participants(v *yaml.Node, o owner) ([]string, []Pos) {
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
	known := make([]string, len(l.r.Municipalities))
	for i, m := range l.r.Municipalities {
		known[i] = m.Name
	}
	var names []string
	var ps []Pos
	firstLine := make(map[string]int, len(items))
	for _, it := range items {
		s, ok := l.word(it, "municipalities", o)
		if !ok {
			continue
		}
		if len(known) > 0 && !slices.Contains(known, s) {
			if hint := l.suggest(s, known); hint != "" {
				l.errorf(it, "unknown municipality '%s' in %s%s", s, o, hint)
			} else {
				l.errorf(it, "unknown municipality '%s' in %s: the region's municipalities are %s", s, o, strings.Join(known, ", "))
			}
			continue
		}
		if !once(l, firstLine, s, it, "municipality '%s' is listed twice in %s", s, o) {
			continue
		}
		names = append(names, s)
		ps = append(ps, pos(it))
	}
	return names, ps
}

func (l *loader) tenders(v *yaml.Node) {
	const example = "write ID: {name: …, procedure: …, milestones: …} per tender"
	if !l.mapping(v, "tenders", owner{what: "the file"}, example) {
		return
	}
	if len(v.Content) == 0 {
		l.errorf(v, "tenders is empty: add at least one tender (%s)", example)
		return
	}
	l.eachID(v, "tender", "tender '%s' is defined twice", nil, func(id string, k, tv *yaml.Node) {
		t := l.tender(id, k, tv)
		if t != nil {
			l.r.Tenders = append(l.r.Tenders, t)
		}
	})
}

func (l *loader) tender(id string, k, v *yaml.Node) *Tender {
	t := &Tender{ID: id, Pos: pos(k), Electronic: true, DocumentsOnline: true, Schedule: ScheduleASAP}
	o := owner{what: "tender", id: id}
	if !l.mapping(v, "tender", o, "give name, procedure and milestones") {
		return t
	}
	var later tenderNodes
	seen := l.fields(v, tenderKeys, o, func(key string, k, v *yaml.Node) {
		l.tenderField(t, &later, key, k, v, o)
	})
	l.required(&seen, tenderKeys.required, tenderKeys, pos(k), o)
	l.checkAccelerated(t, later.accelerated, o)
	if later.milestones == nil {
		return t
	}
	ids := l.milestones(t, k, later.milestones)
	l.checkReplaces(t, ids, o)
	if later.scenarios != nil && ids != nil {
		l.scenarios(t, later.scenarios, ids)
	}
	return t
}

// tenderNodes are the values of a tender's keys that are read, or checked,
// after its other keys.
type tenderNodes struct {
	accelerated, milestones, scenarios *yaml.Node
}

// tenderField reads the value v of a tender's key (node k).
func (l *loader) tenderField(t *Tender, later *tenderNodes, key string, k, v *yaml.Node, o owner) {
	switch key {
	case "name":
		t.Name, _ = l.name(v, key, o)
	case "domains":
		t.Domains = l.domains(v, key, o)
	case "procedure":
		t.Procedure, _ = oneOf(l, v, key, o, Procedures)
	case "municipalities":
		t.Municipalities, t.MunicipalitiesPos = l.participants(v, o)
	case "replaces":
		if id, ok := l.word(v, key, o); ok && l.contractExists(v, id, o) {
			t.Replaces, t.ReplacesPos = id, pos(v)
		}
	case "electronic", "accelerated", "agreed-period", "prior-notice", "documents-online":
		l.tenderFlag(t, key, v, o)
		if key == "accelerated" {
			later.accelerated = v
		}
	case "estimated-value":
		if n, ok := l.wholeNumber(v, key, o, "1200000 (euro)"); ok {
			t.EstimatedValue = &n
		}
	case "bid-validity":
		if d, ok := l.duration(v, key, o); ok {
			t.BidValidity = &d
		}
	case "notes":
		t.Notes, _ = l.text(v, key, o)
	case "policy":
		t.Policy = l.policy(k, v, owner{what: "the policy of tender", id: t.ID})
	case "schedule":
		if s, ok := oneOf(l, v, key, o, Schedules); ok {
			t.Schedule = s
		}
	case "milestones":
		later.milestones = v
	case "scenarios":
		later.scenarios = v
	}
}

// tenderFlag reads one of a tender's booleans. electronic and
// documents-online given with no value keep their default, true.
func (l *loader) tenderFlag(t *Tender, key string, v *yaml.Node, o owner) {
	b, _ := l.boolean(v, key, o)
	switch key {
	case "electronic":
		t.Electronic = b || isNull(v)
	case "accelerated":
		t.Accelerated = b
	case "agreed-period":
		t.AgreedPeriod = b
	case "prior-notice":
		t.PriorNotice = b
	case "documents-online":
		t.DocumentsOnline = b || isNull(v)
	}
}

// domains reads a tender's domains: a list of words, or nothing.
func (l *loader) domains(v *yaml.Node, key string, o owner) []string {
	if isNull(v) {
		return nil
	}
	items, ok := l.list(v, key, o, "e.g. [jeugdhulp, wmo-begeleiding]")
	if !ok {
		return nil
	}
	var out []string
	for _, it := range items {
		if s, ok := l.word(it, key, o); ok {
			out = append(out, s)
		}
	}
	return out
}

// milestones reads a tender's milestones: and returns the index of each id
// (nil when the section could not be read).
func (l *loader) milestones(t *Tender, tk, v *yaml.Node) map[string]int {
	const example = "write ID: {kind: …, after: …} per milestone"
	o := owner{what: "tender", id: t.ID}
	if v.Kind == yaml.SequenceNode {
		l.errorf(v, "milestones of %s must be a mapping keyed by milestone id, not a list: %s", o, example)
		return nil
	}
	if !l.mapping(v, "milestones", o, example) {
		return nil
	}
	n := len(v.Content) / 2
	if n == 0 {
		l.errorf(v, "%s has no milestones: add at least one (%s)", o, example)
		return nil
	}
	// One allocation for all milestones of the tender.
	store := make([]Milestone, 0, n)
	ids := make(map[string]int, n)
	t.Milestones = make([]*Milestone, 0, n)
	anchored := false
	l.pairs(v, func(k, mv *yaml.Node) {
		id, ok := l.milestoneID(k)
		if !ok {
			return
		}
		if i, dup := ids[id]; dup {
			l.errorf(k, "milestone '%s' is defined twice in %s (first at line %d)", id, o, t.Milestones[i].Pos.Line)
			return
		}
		var m *Milestone
		if len(store) < cap(store) {
			store = store[:len(store)+1]
			m = &store[len(store)-1]
		} else {
			m = new(Milestone) // only when merge keys added milestones
		}
		m.ID, m.Pos = id, pos(k)
		if info := l.milestone(m, mv, owner{what: "milestone", id: id}, false); info.anchors() || datedLower(m) {
			anchored = true
		}
		ids[id] = len(t.Milestones)
		t.Milestones = append(t.Milestones, m)
	})
	var known []string // the ids in order, built for the first unknown id
	knownIDs := func() []string {
		if known == nil {
			known = milestoneIDs(t.Milestones, nil)
		}
		return known
	}
	for _, m := range t.Milestones {
		l.resolve(m, ids, nil, knownIDs)
	}
	if !anchored && len(t.Milestones) > 0 {
		l.errorf(tk, "%s has no dated milestone: give at least one `on`, `done` or dated `after` (e.g. after: 2021-01-04), so the plan has a start", o)
	}
	return ids
}

// milestoneID reads a milestone id. Ids that read as dates are refused,
// because an expression naming them would be read as a date.
func (l *loader) milestoneID(k *yaml.Node) (string, bool) {
	id, ok := l.id(k, "milestone")
	if ok && looksLikeDate(id) {
		l.errorf(k, "milestone id '%s' reads as a date in expressions: choose an id with a letter in it", id)
		return "", false
	}
	return id, ok
}

// milestoneInfo is what the loader needs to know about a milestone's keys
// beyond the Milestone itself.
type milestoneInfo struct {
	given    [maxKeys]*yaml.Node // the key nodes given, by milestoneKeys index
	badAfter bool                // an after: expression did not parse
}

func (mi *milestoneInfo) has(key string) bool { return mi.given[milestoneKeys.index[key]] != nil }

// anchors reports whether the milestone tried to give a dated lower bound:
// an on or a done (even a bad one), or an after that did not parse. A bad
// date is reported once, not again as a missing anchor. A valid dated after
// (after: 2027-03-01, DATE ± DUR, in a list or quoted) is not seen here but
// by datedLower, on the milestone as read.
func (mi *milestoneInfo) anchors() bool {
	return mi.has("on") || mi.has("done") || mi.badAfter
}

// milestone reads one milestone (partial: a scenario's overlay, where kind
// may be left out). The caller has set ID and Pos.
func (l *loader) milestone(m *Milestone, v *yaml.Node, o owner, partial bool) (info milestoneInfo) {
	if isNull(v) && partial {
		return info
	}
	if !l.mapping(v, "milestone", o, "give at least kind: and a date constraint (on, after, …)") {
		info.badAfter = true // do not also complain that the tender has no start
		return info
	}
	info.given = l.fields(v, milestoneKeys, o, func(key string, k, v *yaml.Node) {
		l.milestoneField(m, &info, key, k, v, o)
	})
	if !partial {
		l.required(&info.given, milestoneKeys.required, milestoneKeys, m.Pos, o)
	}
	l.checkByAlign(m, &info, o)
	return info
}

// milestoneField reads the value v of a milestone's key (node k).
func (l *loader) milestoneField(m *Milestone, info *milestoneInfo, key string, k, v *yaml.Node, o owner) {
	switch key {
	case "name":
		m.Name, _ = l.text(v, key, o)
		m.Name = oneLine(m.Name)
	case "kind":
		m.Kind, _ = oneOf(l, v, key, o, Kinds)
		m.KindPos = pos(v)
	case "on", "done":
		l.fixed(m, key, k, v, o)
	case "after":
		var bad bool
		m.After, bad = l.exprs(v, key, o)
		info.badAfter = info.badAfter || bad
	case "before":
		m.Before, _ = l.exprs(v, key, o)
	case "align":
		m.Align = l.align(v, key, o)
	case "by":
		m.By = l.by(v, o)
	case "risk":
		m.Risks = l.risks(v, o)
	case "notes":
		m.Notes, _ = l.text(v, key, o)
	}
}

// fixed reads on: or done: (key, at node k) of a milestone, which exclude
// each other: the second is an error at its key.
func (l *loader) fixed(m *Milestone, key string, k, v *yaml.Node, o owner) {
	other := "done"
	if key == "done" {
		other = "on"
	}
	if m.On != nil || m.Done != nil {
		l.errorf(k, "%s has both on and done: give done when it happened, on when it must happen; remove %s or %s", o, other, key)
		return
	}
	d, ok := l.date(v, key, o)
	if !ok {
		return
	}
	f := &Fixed{Date: d, Pos: pos(v), KeyPos: pos(k)}
	if key == "on" {
		m.On = f
	} else {
		m.Done = f
	}
}

// align reads align: a word of AlignWords or meeting:BODY of a body of the
// file.
func (l *loader) align(v *yaml.Node, key string, o owner) *Align {
	s, ok := l.word(v, key, o)
	if !ok {
		return nil
	}
	a, err := date.ParseAlignment(strings.TrimSpace(s))
	if err != nil {
		l.errorf(v, "align of %s: %v%s", o, err, l.suggest(s, AlignWords))
		return nil
	}
	if a.Kind == date.AlignMeeting && !l.bodyExists(v, a.Body, "align") {
		return nil
	}
	return &Align{Alignment: a, Text: s, Pos: pos(v)}
}

// by reads by: one body id, or a list of them that must all decide.
func (l *loader) by(v *yaml.Node, o owner) *BodyRef {
	const example = "name at least one body, e.g. by: [college-a, college-b]"
	if v.Kind != yaml.SequenceNode {
		s, ok := l.word(v, "by", o)
		if !ok || !l.bodyExists(v, s, "by") {
			return nil
		}
		return &BodyRef{Body: s, Bodies: []string{s}, Pos: pos(v)}
	}
	items, _ := l.list(v, "by", o, example)
	if len(items) == 0 {
		l.errorf(v, "by of %s is an empty list: %s", o, example)
		return nil
	}
	ref := &BodyRef{List: true, Pos: pos(v)}
	firstLine := make(map[string]int, len(items))
	bad := false
	for _, it := range items {
		s, ok := l.word(it, "by", o)
		if !ok || !l.bodyExists(it, s, "by") {
			bad = true
			continue
		}
		if !once(l, firstLine, s, it, "body '%s' is listed twice in by of %s: name each body once", s, o) {
			bad = true
			continue
		}
		ref.Bodies = append(ref.Bodies, s)
	}
	if bad {
		return nil
	}
	ref.Body = ref.Bodies[0]
	return ref
}

// exprs reads after: or before:, one expression or a list of them. bad
// reports that some expression did not parse.
func (l *loader) exprs(v *yaml.Node, key string, o owner) (out []Expr, bad bool) {
	var items []*yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		items = []*yaml.Node{v}
		if isNull(v) {
			l.errorf(v, "%s of %s is empty: %s", key, o, exprHint)
			return nil, true
		}
	case yaml.SequenceNode:
		items, _ = l.list(v, key, o, "")
	default:
		l.errorf(v, "%s of %s must be an expression or a list of them, not %s", key, o, describe(v))
		return nil, true
	}
	out = make([]Expr, 0, len(items))
	for _, it := range items {
		s, ok := l.word(it, key, o)
		if !ok {
			bad = true
			continue
		}
		e, err := ParseExpr(s)
		if err != nil {
			l.errorf(it, "%s of %s: %v", key, o, err)
			bad = true
			continue
		}
		e.Pos = pos(it)
		out = append(out, e)
	}
	if len(out) == 0 {
		out = nil // after: [] gives no bound, like leaving the key out
	}
	return out, bad
}

func (l *loader) risks(v *yaml.Node, o owner) []Risk {
	if isNull(v) {
		return nil
	}
	items, ok := l.list(v, "risk", o, "write - {name: …, probability: 0.2, delay: 0d..3w}")
	if !ok {
		return nil
	}
	out := make([]Risk, 0, len(items))
	for i, it := range items {
		ro := owner{what: "risk " + strconv.Itoa(i+1) + " of " + o.String()}
		if it.Kind != yaml.MappingNode {
			l.errorf(it, "a risk is {name: …, probability: …, delay: LO..HI}, not %s", describe(it))
			continue
		}
		r := Risk{Probability: 1, Pos: pos(it)}
		ok := true
		seen := l.fields(it, riskKeys, ro, func(key string, k, v *yaml.Node) {
			switch key {
			case "name":
				r.Name, _ = l.name(v, key, ro)
			case "probability":
				p, good := l.probability(v, ro)
				r.Probability, ok = p, ok && good
			case "delay":
				s, good := l.word(v, key, ro)
				if !good {
					ok = false
					return
				}
				lo, hi, err := date.ParseDurationRange(strings.TrimSpace(s))
				if err != nil {
					l.errorf(v, "delay of %s: %v", ro, err)
					ok = false
					return
				}
				r.Delay, r.Lo, r.Hi = s, lo, hi
			}
		})
		l.required(&seen, riskKeys.required, riskKeys, pos(it), ro)
		if ok {
			out = append(out, r)
		}
	}
	return out
}

func (l *loader) probability(v *yaml.Node, o owner) (float64, bool) {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!float" || v.Tag == "!!int") {
		if p, err := strconv.ParseFloat(v.Value, 64); err == nil {
			// 0 is allowed: a risk switched off without deleting it.
			if p >= 0 && p <= 1 {
				return p, true
			}
			l.errorf(v, "probability of %s must be between 0 and 1, not %s", o, v.Value)
			return 1, false
		}
	}
	hint := ""
	if s, ok := strings.CutSuffix(strings.TrimSpace(v.Value), "%"); ok && v.Kind == yaml.ScalarNode {
		if p, err := strconv.ParseFloat(s, 64); err == nil {
			hint = " (write " + strconv.FormatFloat(p/100, 'g', -1, 64) + " for " + v.Value + ")"
		}
	}
	l.errorf(v, "probability of %s must be a number between 0 and 1, not %s%s", o, describe(v), hint)
	return 1, false
}

func (l *loader) scenarios(t *Tender, v *yaml.Node, ids map[string]int) {
	o := owner{what: "tender", id: t.ID}
	if isNull(v) {
		return
	}
	if !l.mapping(v, "scenarios", o, "write ID: {description: …, milestones: {…}} per scenario") {
		return
	}
	firstLine := map[string]int{}
	l.pairs(v, func(k, sv *yaml.Node) {
		id, ok := l.id(k, "scenario")
		if !ok {
			return
		}
		if id == BaseScenario {
			l.errorf(k, "scenario id '%s' is reserved for the tender without a scenario: choose another id", id)
			return
		}
		if !once(l, firstLine, id, k, "scenario '%s' is defined twice in %s", id, o) {
			return
		}
		s := &Scenario{ID: id, Pos: pos(k)}
		so := owner{what: "scenario", id: id}
		tried := false
		if l.mapping(sv, "scenario", so, "give description: and milestones:") {
			l.fields(sv, scenarioKeys, so, func(key string, k, v *yaml.Node) {
				switch key {
				case "description":
					s.Description, _ = l.text(v, key, so)
				case "milestones":
					tried = l.overlays(t, s, v, ids, so)
				case "contracts":
					s.Contracts = l.contractOverlays(t, v, so)
				}
			})
		}
		t.Scenarios = append(t.Scenarios, s)
		if !tried && !scenarioAnchored(t, s) && hasDatedLowerBound(t.Milestones) {
			l.errorf(k, "scenario '%s' leaves %s without a dated milestone: give at least one `on`, `done` or dated `after`", id, o)
		}
	})
}

// overlays reads a scenario's milestones: partial milestones for existing
// ids, whole ones (with kind) for new ids. tried reports that some overlay
// gave a dated lower bound that was reported as an error, so that the
// scenario is not also said to have no start.
func (l *loader) overlays(t *Tender, s *Scenario, v *yaml.Node, ids map[string]int, so owner) (tried bool) {
	if isNull(v) {
		return false
	}
	if !l.mapping(v, "milestones", so, "write ID: {on: …} per milestone to change or add") {
		return true
	}
	var newIDs map[string]int
	var newList []string
	firstLine := map[string]int{}
	l.pairs(v, func(k, mv *yaml.Node) {
		id, ok := l.milestoneID(k)
		if !ok {
			return
		}
		if !once(l, firstLine, id, k, "milestone '%s' is given twice in %s", id, so) {
			return
		}
		m := &Milestone{ID: id, Pos: pos(k)}
		mo := owner{what: "milestone", id: id}
		info := l.milestone(m, mv, mo, true)
		if info.anchors() && !datedLower(m) {
			tried = true
		}
		_, exists := ids[id]
		if !exists {
			l.checkNewOverlay(t, id, k, &info, so)
			if newIDs == nil {
				newIDs = map[string]int{}
			}
			newIDs[id] = len(newList)
			newList = append(newList, id)
		}
		s.Overlays = append(s.Overlays, newOverlay(m, &info))
	})
	var known []string
	knownIDs := func() []string {
		if known == nil {
			known = milestoneIDs(t.Milestones, newList)
		}
		return known
	}
	for _, ov := range s.Overlays {
		l.resolve(ov.Milestone, ids, newIDs, knownIDs)
	}
	return tried
}

// newOverlay is a scenario's milestone m, with which keys it gives.
func newOverlay(m *Milestone, info *milestoneInfo) Overlay {
	ov := Overlay{
		Milestone: m,
		HasName:   info.has("name"),
		HasKind:   info.has("kind"),
		HasRisks:  info.has("risk"),
		HasNotes:  info.has("notes"),
	}
	for _, dk := range dateKeys {
		ov.HasDates = ov.HasDates || info.has(dk)
	}
	return ov
}
