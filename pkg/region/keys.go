package region

import (
	"reflect"
	"strings"
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
	SchoolRegion   string         `yaml:"school-region,omitempty"`
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
