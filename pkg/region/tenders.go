package region

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
)

// tenders reads the tenders: section, keyed by tender id: each tender,
// its milestones and their keys (scenarios: in overlays.go).
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
		t, tn := l.tender(id, k, tv)
		l.r.Tenders = append(l.r.Tenders, t)
		l.notes.tenders = append(l.notes.tenders, tn)
	})
}

// tender reads one tender, with what the validation pass needs to know
// of it.
func (l *loader) tender(id string, k, v *yaml.Node) (*Tender, tenderNotes) {
	t := &Tender{ID: id, Pos: pos(k), Electronic: true, DocumentsOnline: true, Schedule: ScheduleASAP}
	var tn tenderNotes
	o := owner{what: "tender", id: id}
	if !l.mapping(v, "tender", o, "give name, procedure and milestones") {
		return t, tn
	}
	var later tenderNodes
	seen := l.fields(v, tenderKeys, o, func(key string, k, v *yaml.Node) {
		l.tenderField(t, &tn, &later, key, k, v, o)
	})
	l.required(&seen, tenderKeys.required, tenderKeys, pos(k), o)
	if later.milestones == nil {
		return t, tn
	}
	l.milestones(t, &tn, later.milestones)
	if later.scenarios != nil && tn.ids != nil {
		l.scenarios(t, &tn, later.scenarios)
	}
	return t, tn
}

// tenderNodes are the values of a tender's keys that are read after its
// other keys.
type tenderNodes struct {
	milestones, scenarios *yaml.Node
}

// tenderField reads the value v of a tender's key (node k).
func (l *loader) tenderField(t *Tender, tn *tenderNotes, later *tenderNodes, key string, k, v *yaml.Node, o owner) {
	switch key {
	case "name":
		t.Name, _ = l.name(v, key, o)
	case "domains":
		t.Domains = l.domains(v, key, o)
	case "procedure":
		t.Procedure, _ = oneOf(l, v, key, o, Procedures)
	case "municipalities":
		t.Municipalities, tn.participants = l.participants(v, o)
	case "replaces":
		if id, ok := l.word(v, key, o); ok {
			t.Replaces, t.ReplacesPos = id, pos(v)
		}
	case "electronic", "accelerated", "agreed-period", "prior-notice", "documents-online":
		l.tenderFlag(t, key, v, o)
		if key == "accelerated" {
			tn.accelerated = pos(v)
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

// milestones reads a tender's milestones: and notes the index of each id
// (tn.ids, left nil when the section could not be read).
func (l *loader) milestones(t *Tender, tn *tenderNotes, v *yaml.Node) {
	const example = "write ID: {kind: …, after: …} per milestone"
	o := owner{what: "tender", id: t.ID}
	if v.Kind == yaml.SequenceNode {
		l.errorf(v, "milestones of %s must be a mapping keyed by milestone id, not a list: %s", o, example)
		return
	}
	if !l.mapping(v, "milestones", o, example) {
		return
	}
	n := len(v.Content) / 2
	if n == 0 {
		l.errorf(v, "%s has no milestones: add at least one (%s)", o, example)
		return
	}
	// One allocation for all milestones of the tender.
	store := make([]Milestone, 0, n)
	ids := make(map[string]int, n)
	t.Milestones = make([]*Milestone, 0, n)
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
		info := l.milestone(m, mv, owner{what: "milestone", id: id}, false)
		tn.tried = tn.tried || info.anchors()
		tn.refs = info.noteRefs(m, tn.refs)
		ids[id] = len(t.Milestones)
		t.Milestones = append(t.Milestones, m)
	})
	tn.ids = ids
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
	byItems  []*yaml.Node        // the items of a by: list, of By.Bodies
	byBad    bool                // some item of by: could not be read
}

func (mi *milestoneInfo) has(key string) bool { return mi.given[milestoneKeys.index[key]] != nil }

// noteRefs appends m to refs when it names bodies (in by: or align:
// meeting:BODY), for the validation pass.
func (mi *milestoneInfo) noteRefs(m *Milestone, refs []milestoneRefs) []milestoneRefs {
	if m.By == nil && (m.Align == nil || m.Align.Kind != date.AlignMeeting) {
		return refs
	}
	return append(refs, milestoneRefs{m: m,
		alignKey: mi.given[milestoneKeys.index["align"]], byKey: mi.given[milestoneKeys.index["by"]],
		byItems: mi.byItems, byBad: mi.byBad})
}

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
		m.By = l.by(v, info, o)
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
	return &Align{Alignment: a, Text: s, Pos: pos(v)}
}

// by reads by: one body id, or a list of them that must all decide. The
// items of a list, and whether one could not be read, go to info (the
// validation pass checks that they are bodies of the file, each once).
func (l *loader) by(v *yaml.Node, info *milestoneInfo, o owner) *BodyRef {
	const example = "name at least one body, e.g. by: [college-a, college-b]"
	if v.Kind != yaml.SequenceNode {
		s, ok := l.word(v, "by", o)
		if !ok {
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
	for _, it := range items {
		s, ok := l.word(it, "by", o)
		if !ok {
			info.byBad = true
			continue
		}
		ref.Bodies = append(ref.Bodies, s)
		info.byItems = append(info.byItems, it)
	}
	if len(ref.Bodies) == 0 {
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
