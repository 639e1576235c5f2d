package region

import (
	"errors"
	"slices"
	"testing"
)

// drentheHead is a region of three municipalities, one with its own school
// holiday region, in 8 lines; a tender written after it starts at line 9.
const drentheHead = `version: 1
region:
  id: drenthe
  name: Drenthe
  municipalities:
    - Assen
    - {name: Emmen, school-region: noord}
    - Tynaarlo
`

func TestParticipants(t *testing.T) {
	src := drentheHead + `tenders:
  alle:
    name: Alle gemeenten
    procedure: open
    milestones:
      a: {kind: publication, on: 2025-03-06}
  twee:
    name: Twee gemeenten
    procedure: open
    municipalities: [Tynaarlo, Assen]
    milestones:
      a: {kind: publication, on: 2025-03-06}
`
	r, err := Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	// No municipalities: key: all of the region, in its order.
	if got := r.ParticipantNames(r.Tender("alle")); !slices.Equal(got, []string{"Assen", "Emmen", "Tynaarlo"}) {
		t.Errorf("default participants = %v, want all three", got)
	}
	// A subset comes back in the region's order, not the tender's, and
	// keeps each municipality's own school region.
	twee := r.Tender("twee")
	if got := r.ParticipantNames(twee); !slices.Equal(got, []string{"Assen", "Tynaarlo"}) {
		t.Errorf("participants = %v, want [Assen Tynaarlo]", got)
	}
	if !slices.Equal(twee.Municipalities, []string{"Tynaarlo", "Assen"}) {
		t.Errorf("Municipalities as written = %v", twee.Municipalities)
	}
}

func TestParticipantsBad(t *testing.T) {
	tender := func(list string) string {
		return drentheHead + `tenders:
  t:
    name: T
    procedure: open
    municipalities: ` + list + `
    milestones:
      a: {kind: publication, on: 2025-03-06}
`
	}
	// The list is at line 13, its [ at column 21.
	for _, tt := range []struct{ list, want string }{
		{"[assen]", `f.yaml:13:22: unknown municipality 'assen' in tender 't' (did you mean 'Assen'?)`},
		{"[Zwolle]", `f.yaml:13:22: unknown municipality 'Zwolle' in tender 't': the region's municipalities are Assen, Emmen, Tynaarlo`},
		{"[Assen, Assen]", `f.yaml:13:29: municipality 'Assen' is listed twice in tender 't' (first at line 13)`},
		{"[]", `f.yaml:13:21: municipalities of tender 't' is empty: list the participating municipalities of the region, or leave the key out for all of them`},
		{"Assen", `f.yaml:13:21: municipalities of tender 't' must be a list, not "Assen": list the participating municipalities of the region, or leave the key out for all of them`},
	} {
		_, err := Load("f.yaml", []byte(tender(tt.list)))
		var list ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("%s: want one error, got %v", tt.list, err)
			continue
		}
		if got := list[0].Error(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.list, got, tt.want)
		}
	}
}
