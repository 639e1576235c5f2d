package region

import (
	"regexp"
	"testing"
)

// Each vocabulary's list holds distinct words of the format's shape, and
// the words the loader fills in when a key is left out come first.
func TestVocabularyLists(t *testing.T) {
	word := regexp.MustCompile(`^[a-z][a-z0-9-]*$`)
	lists := map[string][]string{
		"Kinds": words(Kinds), "Procedures": words(Procedures), "Schedules": words(Schedules),
		"Severities": words(Severities), "HolidayCalendars": words(HolidayCalendars),
		"Summers": words(Summers), "SchoolRegions": words(SchoolRegions),
	}
	for name, l := range lists {
		if len(l) == 0 {
			t.Errorf("%s is empty", name)
		}
		seen := map[string]bool{}
		for _, w := range l {
			if !word.MatchString(w) {
				t.Errorf("%s: %q is not a word of the format", name, w)
			}
			if seen[w] {
				t.Errorf("%s lists %q twice", name, w)
			}
			seen[w] = true
		}
	}
	for _, k := range Kinds {
		if k == KindExtensionDecision {
			t.Errorf("Kinds lists %s, which the planner derives and files never write", k)
		}
	}
	if Schedules[0] != ScheduleASAP || HolidayCalendars[0] != HolidaysNL || Summers[0] != SummerWarn {
		t.Errorf("the defaults are not first: %v %v %v", Schedules, HolidayCalendars, Summers)
	}
}

// A file that leaves out schedule: and holidays: gets the first word of
// their lists; one that writes a word outside a list is refused at the
// value, with the list.
func TestVocabularyInFiles(t *testing.T) {
	const head = "version: 1\nregion: {id: r, name: R, municipalities: [A]}\n"
	r, err := Load("f.yaml", []byte(head+"tenders:\n  t:\n    name: T\n    procedure: open\n    milestones:\n      pub: {kind: publication, on: 2026-03-02}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tn := r.Tenders[0]
	if tn.Schedule != Schedules[0] || r.Calendar.Holidays != HolidayCalendars[0] || tn.Procedure != ProcedureOpen || tn.Milestones[0].Kind != KindPublication {
		t.Errorf("schedule %q, holidays %q, procedure %q, kind %q", tn.Schedule, r.Calendar.Holidays, tn.Procedure, tn.Milestones[0].Kind)
	}
	_, err = Load("f.yaml", []byte(head+"tenders:\n  t:\n    name: T\n    procedure: opne\n    milestones:\n      pub: {kind: publication, on: 2026-03-02}\n"))
	const want = "f.yaml:6:16: unknown procedure 'opne' in tender 't' (did you mean 'open'?): use open, restricted, negotiated, dialogue, social-services, open-house or national"
	if err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
