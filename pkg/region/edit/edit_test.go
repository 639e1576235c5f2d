package edit

import (
	"encoding/binary"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/tender-nl/tender/examples"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/internal/seeds"
)

// editHead is the top of every test file of SetOn: the region and the
// start of one tender, t, whose milestones the cases write.
const editHead = `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
tenders:
  t:
    name: T
    procedure: national
`

// editBlock is a block-style tender with comments, blank lines, a quoted
// date, an indentless list and a notes block scalar.
const editBlock = editHead + `    milestones:
      # The decision happened.
      start:
        kind: decision
        done: 2026-01-13   # minutes of the meeting

      pub:
        name: Publicatie
        kind: publication    # TenderNed
        after: start + 4w

      sub:
        kind: submission
        on: "2026-04-01"
        after: pub + 35d
      award:
        kind: award
        on: '2026-06-01'
        after: sub + 6w
      cs:
        kind: contract-start
        after: award + 1mo
        notes: |
          free text
          # not a comment
    # the scenarios
    scenarios:
      late:
        description: later
        milestones:
          pub:
            after: start + 8w
            risk:
            - {name: delay, delay: 0w..2w}
          # the end
      named:
        milestones:
          pub: {name: Publicatie later}
      empty:
        description: no milestones yet
`

func TestSetOn(t *testing.T) {
	d := date.New(2026, 3, 2)
	tests := []struct {
		name, file, milestone, scenario string
		// The whole expected result is the file with from replaced by to,
		// once: exactly one line changed or added.
		from, to string
		lines    int // lines changed, when not 1
	}{
		{
			// No on: the new line goes right after kind:, comment and all,
			// at the indentation of the other keys.
			name: "block insert after kind", file: editBlock, milestone: "pub",
			from: "        kind: publication    # TenderNed\n",
			to:   "        kind: publication    # TenderNed\n        on: 2026-03-02\n",
		},
		{
			name: "double-quoted date keeps its quotes", file: editBlock, milestone: "sub",
			from: `        on: "2026-04-01"`, to: `        on: "2026-03-02"`,
		},
		{
			name: "single-quoted date keeps its quotes", file: editBlock, milestone: "award",
			from: `        on: '2026-06-01'`, to: `        on: '2026-03-02'`,
		},
		{
			// cs has no on and ends in a block scalar whose last line looks
			// like a comment; kind: is on one line, so on: goes after it.
			name: "block with block scalar", file: editBlock, milestone: "cs",
			from: "        kind: contract-start\n",
			to:   "        kind: contract-start\n        on: 2026-03-02\n",
		},
		{
			// The overlay gives after: (its own date constraints): on: is
			// added after its last value, the indentless risk list, and
			// before the comment that follows at a shallower indentation.
			name: "scenario overlay with dates", file: editBlock, milestone: "pub", scenario: "late",
			from: "            - {name: delay, delay: 0w..2w}\n",
			to:   "            - {name: delay, delay: 0w..2w}\n            on: 2026-03-02\n",
		},
		{
			// The overlay gives only a name: on: alone would drop the base's
			// after: in this scenario, so it is copied along.
			name: "scenario overlay without dates", file: editBlock, milestone: "pub", scenario: "named",
			from: "pub: {name: Publicatie later}", to: "pub: {name: Publicatie later, on: 2026-03-02, after: start + 4w}",
		},
		{
			// No overlay for sub in late: a new flow entry at the end of
			// the scenario's milestones, after the list of pub.
			name: "scenario without overlay", file: editBlock, milestone: "sub", scenario: "late",
			from: "            - {name: delay, delay: 0w..2w}\n",
			to:   "            - {name: delay, delay: 0w..2w}\n          sub: {on: 2026-03-02, after: pub + 35d}\n",
		},
		{
			// No milestones: at all: it is created, indented like the rest.
			name: "scenario without milestones", file: editBlock, milestone: "pub", scenario: "empty",
			from:  "        description: no milestones yet\n",
			to:    "        description: no milestones yet\n        milestones:\n          pub: {on: 2026-03-02, after: start + 4w}\n",
			lines: 2, // milestones: and the overlay
		},
		{
			name: "flow insert", file: editHead + "    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: {kind: publication, after: a + 4w}\n",
			milestone: "b", from: "{kind: publication, after: a + 4w}", to: "{kind: publication, after: a + 4w, on: 2026-03-02}",
		},
		{
			name: "flow insert with spaces and trailing comma", file: editHead + "    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: { kind: publication, after: a + 4w, }  # c\n",
			milestone: "b", from: "{ kind: publication, after: a + 4w, }", to: "{ kind: publication, after: a + 4w, on: 2026-03-02 }",
		},
		{
			name: "flow over lines with a comment", file: editHead + "    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: {kind: publication,\n          after: a + 4w   # why\n         }\n",
			milestone: "b", from: "after: a + 4w   # why", to: "after: a + 4w, on: 2026-03-02   # why",
		},
		{
			name: "flow replace", file: editHead + "    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: {kind: publication, on: 2026-04-01, after: a}\n",
			milestone: "b", from: "on: 2026-04-01", to: "on: 2026-03-02",
		},
		{
			// Columns count runes: "ëëë" is 6 bytes before the date.
			name: "multibyte before the value", file: editHead + "    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: {name: ëëë, kind: publication, on: 2026-04-01}\n",
			milestone: "b", from: "on: 2026-04-01", to: "on: 2026-03-02",
		},
		{
			name: "tagged value", file: editHead + "    milestones:\n      a:\n        kind: publication\n        on: !!str 2026-04-01\n",
			milestone: "a", from: "!!str 2026-04-01", to: "!!str 2026-03-02",
		},
		{
			name:      "CRLF",
			file:      strings.ReplaceAll(editHead+"    milestones:\n      a:\n        kind: decision\n        done: 2026-01-13\n      b:\n        kind: publication\n        after: a + 4w\n", "\n", "\r\n"),
			milestone: "b", from: "        kind: publication\r\n", to: "        kind: publication\r\n        on: 2026-03-02\r\n",
		},
		{
			name:      "BOM and no final newline",
			file:      "\ufeff" + editHead + "    milestones:\n      a:\n        kind: decision\n        done: 2026-01-13\n      b:\n        after: a + 4w\n        kind: publication",
			milestone: "b", from: "        kind: publication", to: "        kind: publication\n        on: 2026-03-02",
			lines: 2, // the last line gains the line ending it lacked
		},
		{
			// kind: continues on the next line: on: goes after the last line.
			name:      "no usable kind line",
			file:      editHead + "    milestones:\n      a:\n        kind: decision\n        done: 2026-01-13\n      b:\n        kind:\n          publication\n        after: a + 4w\n\n# end\n",
			milestone: "b", from: "        after: a + 4w\n", to: "        after: a + 4w\n        on: 2026-03-02\n",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := region.Load("f.yaml", []byte(tc.file)); err != nil {
				t.Fatalf("the test file does not load: %v", err)
			}
			if strings.Count(tc.file, tc.from) != 1 {
				t.Fatalf("from %q occurs %d times in the file", tc.from, strings.Count(tc.file, tc.from))
			}
			want := strings.Replace(tc.file, tc.from, tc.to, 1)
			got, err := SetOn([]byte(tc.file), "f.yaml", "t", tc.milestone, d, tc.scenario)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, string(got)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if n := changedLines(tc.file, string(got)); n != max(tc.lines, 1) {
				t.Errorf("%d lines changed, want %d", n, max(tc.lines, 1))
			}
		})
	}
}

// changedLines counts the lines of b that are not in a at the same place
// from either end: 1 for one changed or one added line.
func changedLines(a, b string) int {
	x, y := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	i := 0
	for i < len(x) && i < len(y) && x[i] == y[i] {
		i++
	}
	j := 0
	for j < len(x)-i && j < len(y)-i && x[len(x)-1-j] == y[len(y)-1-j] {
		j++
	}
	return len(y) - i - j
}

func TestSetOnRefuses(t *testing.T) {
	d := date.New(2026, 3, 2)
	tests := []struct {
		name, file, milestone, scenario, want string
	}{
		{"done", editBlock, "start", "", "f.yaml:14:9: milestone start is done (2026-01-13) and cannot be moved"},
		{"unknown milestone", editBlock, "nope", "", `tender t has no milestone "nope"`},
		{"unknown scenario", editBlock, "pub", "nope", "unknown scenario 'nope'"},
		{
			// b and c share one mapping through an anchor: setting b's on
			// would set c's too.
			"shared anchor",
			editHead + "    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: &x {kind: other, after: a}\n      c: *x\n",
			"b", "", "would change more than that date",
		},
		{
			"alias",
			editHead + "    milestones:\n      a: &x {kind: decision, on: 2026-01-13}\n      b: *x\n",
			"b", "", "is an alias",
		},
		{
			"merge key",
			editHead + "    milestones:\n      a: &x {kind: decision, on: 2026-01-13}\n      b:\n        <<: *x\n        kind: other\n",
			"b", "", "merge key",
		},
		{
			"block scalar date",
			editHead + "    milestones:\n      a:\n        kind: decision\n        on: >-\n          2026-01-13\n",
			"a", "", "write it as a plain date",
		},
		{"not a region", "version: 1\n", "a", "", "f.yaml:1:1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := SetOn([]byte(tc.file), "f.yaml", "t", tc.milestone, d, tc.scenario)
			if err == nil {
				t.Fatalf("no error; got\n%s", got)
			}
			if got != nil {
				t.Errorf("bytes returned with the error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

// TestSetOnBuiltIn edits a copy of a real region: the Achterhoek file's
// scenario overlays are flow mappings with comments after them.
func TestSetOnAchterhoek(t *testing.T) {
	src := achterhoekSource(t)
	// publish-23-sep gives publicatie on: 2020-09-23: replaced in place.
	got, err := SetOn(src, "a.yaml", "inkoop-2022", "publicatie", date.New(2020, 9, 30), "publish-23-sep")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Replace(string(src), "publicatie: { on: 2020-09-23, align: workday }   # [seed 004]\n          sluiting: { after: publicatie + 45d, align: workday }\n          beoordeling: { after: sluiting + 6w, align: workday }\n          contract-start: { on: 2021-04-01, after: gunning + 2mo }",
		"publicatie: { on: 2020-09-30, align: workday }   # [seed 004]\n          sluiting: { after: publicatie + 45d, align: workday }\n          beoordeling: { after: sluiting + 6w, align: workday }\n          contract-start: { on: 2021-04-01, after: gunning + 2mo }", 1)
	if want == string(src) {
		t.Fatal("the test's from text is not in the file")
	}
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// In what-happened, sluiting has an overlay with after and align: on is
	// added inside the braces.
	got, err = SetOn(src, "a.yaml", "inkoop-2022", "sluiting", date.New(2021, 12, 1), "what-happened")
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(string(src), "sluiting: { after: nieuwe-planning + 6w, align: workday }",
		"sluiting: { after: nieuwe-planning + 6w, align: workday, on: 2021-12-01 }", 1)
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// In the base, gunning has no on: a line after its kind.
	got, err = SetOn(src, "a.yaml", "inkoop-2022", "gunning", date.New(2021, 9, 28), "")
	if err != nil {
		t.Fatal(err)
	}
	want = strings.Replace(string(src), "        kind: award\n", "        kind: award\n        on: 2021-09-28\n", 1)
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func achterhoekSource(t *testing.T) []byte {
	t.Helper()
	src, err := examples.FS.ReadFile("achterhoek.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// FuzzSetOn: SetOn never panics, and whatever it returns loads, has the
// new date, and differs from the input only where the move is:
//
//   - in bytes: one line replaced or added (in a scenario, up to two lines
//     added: an overlay and the milestones: key above it; one more when the
//     last line lacked its line ending), all other bytes equal;
//   - in the model: in the base, only the milestone's on; in a scenario,
//     only that scenario's overlays.
//
// The seeds are the test files above, the built-in regions and every region
// file of the usage scripts, with moves of their own milestones.
func FuzzSetOn(f *testing.F) {
	f.Add(editBlock, "t", "pub", "", uint16(0))
	f.Add(editBlock, "t", "pub", "late", uint16(1))
	f.Add(editBlock, "t", "sub", "named", uint16(2))
	f.Add(editBlock, "t", "pub", "empty", uint16(3))
	f.Add(editHead+"    milestones:\n      a: {kind: decision, done: 2026-01-13}\n      b: { kind: publication, after: a + 4w, }  # c\n", "t", "b", "", uint16(4))
	f.Add(strings.ReplaceAll(editBlock, "\n", "\r\n"), "t", "cs", "", uint16(5))
	f.Add(strings.ReplaceAll(editBlock, "\n", "\r"), "t", "pub", "", uint16(6))
	f.Add(string(utf16Bytes(strings.ReplaceAll(editBlock, "\n", "\r\n"), binary.LittleEndian)), "t", "pub", "late", uint16(7))
	for i, src := range seeds.Regions(f) {
		r, err := region.Load("f.yaml", src)
		if err != nil {
			continue
		}
		for _, tn := range r.Tenders {
			for j, m := range tn.Milestones {
				if j%3 == i%3 {
					f.Add(string(src), tn.ID, m.ID, "", uint16(i*7+j))
					for _, sc := range tn.Scenarios {
						f.Add(string(src), tn.ID, m.ID, sc.ID, uint16(i*5+j))
					}
				}
			}
		}
	}
	f.Fuzz(func(t *testing.T, src, tender, milestone, scenario string, day uint16) {
		d := date.New(2020, 1, 1) + date.Date(day%4000)
		out, err := SetOn([]byte(src), "f.yaml", tender, milestone, d, scenario)
		if err != nil {
			if out != nil {
				t.Fatal("bytes with an error")
			}
			return
		}
		r, err := region.Load("f.yaml", out)
		if err != nil {
			t.Fatalf("the result does not load: %v", err)
		}
		tt, err := r.Tender(tender).WithScenario(scenario)
		if err != nil {
			t.Fatal(err)
		}
		if m := tt.Milestone(milestone); m == nil || m.On == nil || m.On.Date != d {
			t.Fatalf("%s has no on: %s", milestone, d)
		}

		if f := detectForm([]byte(src)); !f.plain() {
			// UTF-16 or lone-CR line ends: compare the lines in UTF-8.
			s8, err := f.toUTF8([]byte(src))
			if err != nil {
				t.Fatalf("SetOn edited a file it cannot convert: %v", err)
			}
			o8, err := f.toUTF8(out)
			if err != nil {
				t.Fatalf("the result is not in the file's form: %v", err)
			}
			src, out = string(s8), o8
		}
		removed, added := lineDiff(src, string(out))
		maxAdded := 1
		if scenario != "" && scenario != region.BaseScenario {
			maxAdded = 2
		}
		if !strings.HasSuffix(src, "\n") {
			maxAdded++ // the last line gains the line ending it lacked
		}
		if removed > 1 || added > maxAdded || added < removed {
			t.Fatalf("%d lines replaced by %d:\n%s\n---\n%s", removed, added, src, out)
		}

		before, err := region.Load("f.yaml", []byte(src))
		if err != nil {
			t.Fatalf("SetOn edited a file that does not load: %v", err)
		}
		forget := func(r *region.Region) {
			tn := r.Tender(tender)
			if scenario == "" || scenario == region.BaseScenario {
				if m := tn.Milestone(milestone); m != nil {
					m.On = nil
				}
				return
			}
			for _, s := range tn.Scenarios {
				if s.ID == scenario {
					s.Overlays = nil
				}
			}
		}
		forget(before)
		forget(r)
		if diff := cmp.Diff(before, r, cmpopts.IgnoreTypes(region.Pos{}), cmp.Exporter(func(reflect.Type) bool { return true })); diff != "" {
			t.Fatalf("more than the move changed (-before +after):\n%s", diff)
		}
	})
}

// lineDiff compares a and b line by line after their common head and
// tail: how many lines of a were replaced by how many of b.
func lineDiff(a, b string) (removed, added int) {
	la, lb := strings.SplitAfter(a, "\n"), strings.SplitAfter(b, "\n")
	for len(la) > 0 && len(lb) > 0 && la[0] == lb[0] {
		la, lb = la[1:], lb[1:]
	}
	for len(la) > 0 && len(lb) > 0 && la[len(la)-1] == lb[len(lb)-1] {
		la, lb = la[:len(la)-1], lb[:len(lb)-1]
	}
	return len(la), len(lb)
}
