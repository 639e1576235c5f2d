package region

import (
	"strings"
	"testing"
)

// TestLoadIDsUniqueAndKeysKnown: ids are unique within their map (bodies,
// tenders, scenarios; milestones are in TestLoadBad), unknown keys are an
// error at their line and column in every section, and align:
// meeting:BODY is by: BODY, so giving both with two bodies is an error.
// Each case has its passing twin: the same file without the fault loads.
func TestLoadIDsUniqueAndKeysKnown(t *testing.T) {
	const good = `version: 1
region: { id: nl, name: N, municipalities: [Tiel] }
calendar: { workdays: [mon, tue], holidays: nl }
bodies:
  pho: { name: P, meets: weekly tue }
  raad: { name: R, meets: weekly wed }
tenders:
  t:
    name: T
    procedure: open
    milestones:
      a: { kind: publication, on: 2027-03-01, by: pho, align: "meeting:pho" }
    scenarios:
      s: { milestones: { a: { on: 2027-03-02 } } }
  u:
    name: U
    procedure: open
    milestones:
      a: { kind: publication, on: 2027-03-01 }
`
	if _, err := Load("f.yaml", []byte(good)); err != nil {
		t.Fatalf("the good file: %v", err)
	}
	// Columns counted by hand: "calendar: { workdays: [mon, tue], " is 34
	// characters, "region: { id: nl, name: N, municipalities: [Tiel], " 51.
	tests := []struct{ name, old, new, want string }{
		{"body twice", "  raad: { name: R", "  pho: { name: R",
			"f.yaml:6:3: body 'pho' is defined twice (first at line 5)"},
		{"tender twice", "  u:\n", "  t:\n",
			"f.yaml:15:3: tender 't' is defined twice (first at line 8)"},
		{"scenario twice", "      s: { milestones: { a: { on: 2027-03-02 } } }\n",
			"      s: { milestones: { a: { on: 2027-03-02 } } }\n      s: { milestones: { a: { on: 2027-03-03 } } }\n",
			"f.yaml:15:7: scenario 's' is defined twice in tender 't' (first at line 14)"},
		{"unknown key in region", "municipalities: [Tiel] }", "municipalities: [Tiel], colour: red }",
			"f.yaml:2:52: unknown key 'colour' in region: the keys are id, name, lead, municipalities, school-region, notes"},
		{"unknown key in calendar", "holidays: nl }", "holdays: nl }",
			"f.yaml:3:35: unknown key 'holdays' in calendar (did you mean 'holidays'?)"},
		{"unknown key in a body", "meets: weekly tue }", "meets: weekly tue, meet: x }",
			"f.yaml:5:38: unknown key 'meet' in body 'pho' (did you mean 'meets'?)"},
		{"by and align with two bodies", `align: "meeting:pho"`, `align: "meeting:raad"`,
			"f.yaml:12:47: milestone 'a' has by: pho and align: meeting:raad, two different bodies: keep one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(good, tt.old, tt.new, 1)
			if src == good {
				t.Fatalf("%q is not in the file", tt.old)
			}
			_, err := Load("f.yaml", []byte(src))
			if err == nil || strings.Split(err.Error(), "\n")[0] != tt.want {
				t.Errorf("Load:\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}
