package schema

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/schema/schematest"
)

// compileSchema compiles the schema that JSON generates.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := JSON()
	if err != nil {
		t.Fatal(err)
	}
	return schematest.Compile(t, src)
}

func validate(t *testing.T, sch *jsonschema.Schema, src string) error {
	t.Helper()
	return schematest.Validate(t, sch, []byte(src))
}

// The built-in regions and the init template are checked against the
// schema as tender schema prints it, in pkg/cmd/schema.

// minimal is the smallest region file; cases add lines to it.
const minimal = `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
tenders:
  t1:
    name: Demo
    procedure: national
    milestones:
      publication:
        kind: publication
        on: 2027-03-01
`

// TestSchemaAgreesWithLoader checks the schema against the loader on files
// that exercise each hand-written part: what the loader accepts, the schema
// must accept; most of what the loader refuses, the schema refuses too.
func TestSchemaAgreesWithLoader(t *testing.T) {
	sch := compileSchema(t)
	tests := []struct {
		name      string
		src       string
		schemaOK  bool // the loader agrees unless loaderOK says otherwise
		loaderOK  *bool
		wantInErr string
	}{
		{name: "minimal", src: minimal, schemaOK: true},
		{name: "municipality forms", schemaOK: true, src: strings.Replace(minimal, "[Aalten]", "[Aalten, {name: Montferland, school-region: zuid}]", 1)},
		{name: "bad school region", src: strings.Replace(minimal, "[Aalten]", "[{name: Montferland, school-region: west}]", 1), wantInErr: "school-region"},
		{name: "unknown top-level key", src: minimal + "extra: 1\n", wantInErr: "extra"},
		{name: "bad region id", src: strings.Replace(minimal, "id: demo", "id: Demo Regio", 1), wantInErr: "/region/id"},
		{name: "bad tender id", src: strings.Replace(minimal, "  t1:", "  T1:", 1), wantInErr: "T1"},
		{name: "version 2", src: strings.Replace(minimal, "version: 1", "version: 2", 1), wantInErr: "/version"},
		{name: "unknown kind", src: strings.Replace(minimal, "kind: publication", "kind: publish", 1), wantInErr: "/kind"},
		{name: "unknown procedure", src: strings.Replace(minimal, "procedure: national", "procedure: europees", 1), wantInErr: "/procedure"},
		{name: "date with time", src: strings.Replace(minimal, "on: 2027-03-01", "on: 2027-03-01T10:00:00", 1), wantInErr: "/on"},
		{name: "Dutch date", src: strings.Replace(minimal, "on: 2027-03-01", "on: 1-3-2027", 1), wantInErr: "/on"},
		{name: "on and done", src: minimal + "        done: 2027-03-01\n", wantInErr: "publication"},
		{name: "quoted date", schemaOK: true, src: strings.Replace(minimal, "on: 2027-03-01", `on: "2027-03-01"`, 1)},
		{name: "after one expression", schemaOK: true, src: minimal + "      submission: {kind: submission, after: publication + 45d, align: workday}\n"},
		{name: "after a list", schemaOK: true, src: minimal + "      submission: {kind: submission, after: [publication+45d, 2027-04-01 - 2wd], before: 2027-06-01}\n"},
		{name: "bad duration unit", src: minimal + "      submission: {kind: submission, after: publication + 45 days}\n", wantInErr: "after"},
		{name: "align meeting", schemaOK: true, src: strings.Replace(minimal, "tenders:", "bodies:\n  pho: {name: PHO, meets: [2027-02-04, 2027-03-04]}\ntenders:", 1) +
			"      decision: {kind: decision, after: 2027-01-01, align: 'meeting:pho'}\n"},
		{name: "by a list", schemaOK: true, src: strings.Replace(minimal, "tenders:", "bodies:\n  a: {name: A, meets: weekly tue}\n  b: {name: B, meets: weekly thu}\ntenders:", 1) +
			"      decision: {kind: decision, after: 2027-01-01, by: [a, b]}\n"},
		{name: "by an empty list", src: strings.Replace(minimal, "tenders:", "bodies:\n  a: {name: A, meets: weekly tue}\ntenders:", 1) +
			"      decision: {kind: decision, after: 2027-01-01, by: []}\n", wantInErr: "by"},
		{name: "by a body twice", src: strings.Replace(minimal, "tenders:", "bodies:\n  a: {name: A, meets: weekly tue}\ntenders:", 1) +
			"      decision: {kind: decision, after: 2027-01-01, by: [a, a]}\n", wantInErr: "by"},
		{name: "recess", schemaOK: true, src: strings.Replace(minimal, "tenders:", "bodies:\n  a: {name: A, meets: weekly tue, recess: [{name: Zomerreces, from: 2027-07-19, to: 2027-08-13}]}\ntenders:", 1)},
		{name: "recess without to", src: strings.Replace(minimal, "tenders:", "bodies:\n  a: {name: A, meets: weekly tue, recess: [{name: Zomerreces, from: 2027-07-19}]}\ntenders:", 1), wantInErr: "recess"},
		{name: "bad align", src: minimal + "      x: {kind: other, after: publication, align: weekday}\n", wantInErr: "align"},
		{name: "meets rule", schemaOK: true, src: strings.Replace(minimal, "tenders:", "bodies:\n  colleges: {name: Colleges, meets: biweekly tue from 2027-01-05}\n  b2: {name: B2, meets: monthly last wed}\ntenders:", 1)},
		{name: "bad meets rule", src: strings.Replace(minimal, "tenders:", "bodies:\n  colleges: {name: Colleges, meets: every tuesday}\ntenders:", 1), wantInErr: "meets"},
		{name: "policy", schemaOK: true, src: minimal + "policy:\n  implementation-period: 3mo\n  disable: deadline-day\n  severity: {implementation-period: error, summer: info}\n  summer: off\n"},
		{name: "legal rule disabled", src: minimal + "policy:\n  disable: [standstill]\n", wantInErr: "disable"},
		{name: "unknown rule severity", src: minimal + "policy:\n  severity: {standstil: error}\n", wantInErr: "severity"},
		{name: "empty sections", schemaOK: true, src: strings.Replace(minimal, "tenders:", "calendar:\npolicy:\nbodies:\ntenders:", 1)},
		{name: "calendar", schemaOK: true, src: strings.Replace(minimal, "tenders:", "calendar:\n  workdays: [mon, tue, wed, thu]\n  holidays: none\n  closed:\n    - {name: Kerst, from: 2027-12-24, to: 2028-01-02}\ntenders:", 1)},
		{name: "workday in Dutch", src: strings.Replace(minimal, "tenders:", "calendar:\n  workdays: [ma, di]\ntenders:", 1), wantInErr: "workdays"},
		{name: "risk", schemaOK: true, src: minimal + "        risk:\n          - {name: Kort geding, probability: 0.15, delay: 6w..12w}\n"},
		{name: "risk percentage", src: minimal + "        risk:\n          - {name: Kort geding, probability: 15%, delay: 6w..12w}\n", wantInErr: "probability"},
		{name: "scenario", schemaOK: true, src: minimal + "    scenarios:\n      later:\n        description: Later\n        milestones:\n          publication: {on: 2027-04-01}\n          extra: {kind: information, after: publication + 2w}\n"},
		{name: "estimated value", schemaOK: true, src: strings.Replace(minimal, "procedure: national", "procedure: national\n    estimated-value: 120_000_000\n    bid-validity: 90d", 1)},
		{name: "negative value", src: strings.Replace(minimal, "procedure: national", "procedure: national\n    estimated-value: -5", 1), wantInErr: "estimated-value"},
		{name: "merge keys", schemaOK: true, src: minimal + "      a: &base {kind: other, after: publication}\n      b: {<<: *base, name: B}\n"},
		{name: "no tenders", src: "version: 1\nregion: {id: x, name: X, municipalities: [A]}\ntenders: {}\n", wantInErr: "tenders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := validate(t, sch, tt.src)
			if (err == nil) != tt.schemaOK {
				t.Fatalf("schema: valid = %v, want %v (error: %v)", err == nil, tt.schemaOK, err)
			}
			if err != nil && !strings.Contains(err.Error(), tt.wantInErr) {
				t.Errorf("schema error does not mention %q:\n%v", tt.wantInErr, err)
			}
			loaderOK := tt.schemaOK
			if tt.loaderOK != nil {
				loaderOK = *tt.loaderOK
			}
			_, lerr := region.Load("case.yaml", []byte(tt.src))
			if (lerr == nil) != loaderOK {
				t.Errorf("loader: valid = %v, want %v (error: %v)", lerr == nil, loaderOK, lerr)
			}
		})
	}
}

// TestSchemaDescribesEveryKey checks that every property of the schema has
// a description, so a new key cannot be added without one.
func TestSchemaDescribesEveryKey(t *testing.T) {
	src, err := JSON()
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := json.Unmarshal(src, &root); err != nil {
		t.Fatal(err)
	}
	count := 0
	var walk func(path string, s map[string]any)
	walk = func(path string, s map[string]any) {
		if props, ok := s["properties"].(map[string]any); ok {
			for k, p := range props {
				ps := p.(map[string]any)
				count++
				if d, _ := ps["description"].(string); d == "" {
					t.Errorf("%s/%s has no description", path, k)
				}
				walk(path+"/"+k, ps)
			}
		}
		for _, key := range []string{"items", "additionalProperties"} {
			if sub, ok := s[key].(map[string]any); ok {
				walk(path+"/"+key, sub)
			}
		}
		if pp, ok := s["patternProperties"].(map[string]any); ok {
			for _, sub := range pp {
				walk(path+"/*", sub.(map[string]any))
			}
		}
		for _, key := range []string{"anyOf", "oneOf", "allOf"} {
			if list, ok := s[key].([]any); ok {
				for _, sub := range list {
					walk(path, sub.(map[string]any))
				}
			}
		}
	}
	walk("", root)
	// Every struct field with a yaml key: 7 top-level, 6 region, 2
	// municipality, 4 calendar, 3 period ×3 (closed, quiet, recess), 3
	// body, 8 policy ×2 (region, tender), 17 tender, 10 milestone ×2 (base,
	// scenario), 3 risk ×2, 3 scenario, 7 contract, 2 option, 1 scenario
	// contract.
	if want := 7 + 6 + 2 + 4 + 3*3 + 3 + 8*2 + 17 + 10*2 + 3*2 + 3 + 7 + 2 + 1; count != want {
		t.Errorf("walked %d properties, want %d: a key was added or lost", count, want)
	}
	if root["$schema"] != Draft || root["title"] == nil {
		t.Errorf("$schema = %v, title = %v", root["$schema"], root["title"])
	}
}
