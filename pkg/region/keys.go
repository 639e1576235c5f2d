package region

import (
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"
)

// File is the shape of a region file as written. Region flattens the
// region: section into itself; File keeps the nesting, so that the loader's
// key sets and the JSON schema (tender schema) can both be derived from yaml
// tags and cannot disagree. Maps keyed by id in the file (bodies, tenders,
// milestones, scenarios) are slices in Go.
type File struct {
	Version   int          `yaml:"version"`
	Region    RegionHeader `yaml:"region"`
	Calendar  CalendarSpec `yaml:"calendar,omitempty"`
	Bodies    []*Body      `yaml:"bodies,omitempty"`
	Policy    *Policy      `yaml:"policy,omitempty"`
	Contracts []*Contract  `yaml:"contracts,omitempty"`
	Tenders   []*Tender    `yaml:"tenders"`
}

// RegionHeader is the region: section of a region file.
type RegionHeader struct {
	ID             string         `yaml:"id"`
	Name           string         `yaml:"name"`
	Lead           string         `yaml:"lead,omitempty"`
	Municipalities []Municipality `yaml:"municipalities"`
	SchoolRegion   SchoolRegion   `yaml:"school-region,omitempty"`
	Notes          string         `yaml:"notes,omitempty"`
}

// maxKeys bounds the keys of one mapping type, so that the keys seen in a
// mapping fit in a bit set and an array on the stack.
const maxKeys = 24

// keySet is the keys allowed in one kind of mapping, read once from the yaml
// tags of a struct. A tag without omitempty marks a required key.
type keySet struct {
	names    []string // in declaration order, for messages
	index    map[string]int
	required uint32 // bit i: names[i] is required
}

func keysOf(v any) *keySet {
	t := reflect.TypeOf(v)
	ks := &keySet{index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		tag, ok := t.Field(i).Tag.Lookup("yaml")
		if !ok {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		if len(ks.names) == maxKeys {
			panic("region: too many yaml keys in " + t.Name()) // a programming error, caught by any test
		}
		if !strings.Contains(","+opts+",", ",omitempty,") {
			ks.required |= 1 << len(ks.names)
		}
		ks.index[name] = len(ks.names)
		ks.names = append(ks.names, name)
	}
	return ks
}

func (ks *keySet) has(key string) bool { _, ok := ks.index[key]; return ok }

// The key sets of every mapping of the format.
var (
	fileKeys         = keysOf(File{})
	regionKeys       = keysOf(RegionHeader{})
	municipalityKeys = keysOf(Municipality{})
	calendarKeys     = keysOf(CalendarSpec{})
	periodKeys       = keysOf(Period{})
	bodyKeys         = keysOf(Body{})
	policyKeys       = keysOf(Policy{})
	tenderKeys       = keysOf(Tender{})
	milestoneKeys    = keysOf(Milestone{})
	riskKeys         = keysOf(Risk{})
	scenarioKeys     = keysOf(Scenario{})
	contractKeys     = keysOf(Contract{})
	optionKeys       = keysOf(ContractOption{})
	overlayKeys      = keysOf(ContractOverlay{})
)

// dateKeys are the milestone keys that make up its date constraints: a
// scenario that gives any of them replaces all of them.
var dateKeys = []string{"on", "done", "after", "before", "align", "by"}

// key returns the text of a mapping key, which must be a scalar.
func (l *loader) key(k *yaml.Node) (string, bool) {
	if k.Kind != yaml.ScalarNode {
		l.errorf(k, "a key must be a plain word, not %s", describe(k))
		return "", false
	}
	return k.Value, true
}

// fields walks a mapping whose keys must come from ks: an unknown key or a
// repeated key is an error at the key; f is called for the first occurrence
// of each known key. It returns the key node of each key seen, by index.
func (l *loader) fields(n *yaml.Node, ks *keySet, o owner, f func(key string, k, v *yaml.Node)) (seen [maxKeys]*yaml.Node) {
	l.pairs(n, func(k, v *yaml.Node) {
		key, ok := l.key(k)
		if !ok {
			return
		}
		i, ok := ks.index[key]
		if !ok {
			l.unknownKey(k, key, ks, o)
			return
		}
		if first := seen[i]; first != nil {
			l.errorf(k, "%s is given twice in %s (first at line %d): keep one", key, o, first.Line)
			return
		}
		seen[i] = k
		f(key, k, v)
	})
	return seen
}

// keyHints names, for keys that are common in the wrong place, where they
// belong.
var keyHints = map[*keySet][]struct {
	set  *keySet
	hint string
}{
	fileKeys:      {{regionKeys, "it belongs under region:"}},
	regionKeys:    {{fileKeys, "it belongs at the top level, not under region:"}},
	tenderKeys:    {{milestoneKeys, "milestone keys go under milestones: ID:"}},
	milestoneKeys: {{tenderKeys, "it is a tender key, not a milestone key"}},
}

func (l *loader) unknownKey(k *yaml.Node, key string, ks *keySet, o owner) {
	if s := Suggest(key, ks.names); s != "" {
		l.errorf(k, "unknown key '%s' in %s (did you mean '%s'?)", key, o, s)
		return
	}
	for _, h := range keyHints[ks] {
		if h.set.has(key) {
			l.errorf(k, "unknown key '%s' in %s: %s", key, o, h.hint)
			return
		}
	}
	l.errorf(k, "unknown key '%s' in %s: the keys are %s", key, o, strings.Join(ks.names, ", "))
}

// missingHints say how to add a required key.
var missingHints = map[string]string{
	"version":        `add "version: 1" at the top of the file`,
	"region":         "add region: with id, name and municipalities",
	"tenders":        "add tenders: with at least one tender",
	"id":             "add id: with a lower-case id such as achterhoek",
	"municipalities": "add municipalities: with at least one name, e.g. [Aalten, Berkelland]",
	"procedure":      "add procedure: one of " + strings.Join(words(Procedures), ", "),
	"milestones":     "add milestones: with at least one milestone",
	"kind":           "add kind: one of " + strings.Join(words(Kinds), ", "),
	"from":           "add from: YYYY-MM-DD",
	"to":             "add to: YYYY-MM-DD",
	"meets":          `add meets: with a list of dates, or a rule such as "weekly tue"`,
	"delay":          "add delay: LO..HI, e.g. 0d..3w",
	"start":          "add start: YYYY-MM-DD, the first day of the contract",
	"term":           "add term: the initial term, e.g. 4y",
	"length":         "add length: how long the option extends the contract, e.g. 1y",
	"notice":         "add notice: how long before the current end the option must be decided, e.g. 6mo",
	"extended":       "add extended: the number of options taken",
}

// required reports the keys of mask (bits of ks) that were not seen, at at.
func (l *loader) required(seen *[maxKeys]*yaml.Node, mask uint32, ks *keySet, at Pos, o owner) {
	for i, name := range ks.names {
		if mask&(1<<i) == 0 || seen[i] != nil {
			continue
		}
		hint := missingHints[name]
		if hint == "" {
			hint = "add " + name + ":"
		}
		l.errorAt(at, "%s has no %s: %s", o, name, hint)
	}
}
