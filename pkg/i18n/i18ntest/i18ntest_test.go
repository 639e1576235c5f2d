package i18ntest

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestVerbs(t *testing.T) {
	for _, c := range []struct{ format, want string }{
		{"no arguments, 100%% sure", ""},
		{"%s has %d days", "1:s 2:d"},
		{"%[2]d dagen in %[1]s", "1:s 2:d"},
		{"%-12s|%5.1f|%+d", "1:s 2:f 3:d"},
		{"%[3]s, %s", "3:s 4:s"}, // after %[3], the next argument is the 4th
		{"%v%%", "1:v"},
		{"%[1]s %[1]d", "1:d 1:s"}, // one argument, two verbs: differs from "%d"
		{"%*d|%-*.*f", "bad"},
		{"%[2]*[1]d", "bad"},
		{"100%", "bad"},
		{"%6.2f", "1:f"},
		{"%[", "bad"},
		{"%[x]s", "bad"},
		{"%[0]s", "bad"},
	} {
		if got := Verbs(c.format); got != c.want {
			t.Errorf("Verbs(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}

func TestCompare(t *testing.T) {
	en := map[string]string{"a": "%s is %d days", "b": "fine", "c": "%s and %s", "only.en": "x"}
	nl := map[string]string{"a": "%[2]d dagen: %[1]s", "b": "goed", "c": "%s en %d", "only.nl": "y"}
	want := []string{
		"c: arguments 1:s 2:s in the first catalogue, 1:s 2:d in the second",
		"only.en: only in the first catalogue",
		"only.nl: only in the second catalogue",
	}
	if diff := cmp.Diff(want, Compare(en, nl)); diff != "" {
		t.Errorf("Compare (-want +got):\n%s", diff)
	}
	if got := Compare(en, en); got != nil {
		t.Errorf("a catalogue against itself: %v", got)
	}
}

func TestCheckCatalogues(t *testing.T) {
	good := map[string]map[string]string{"en": {"a": "%d days"}, "nl": {"a": "%d dagen"}}
	if got := CheckCatalogues(good); got != nil {
		t.Errorf("good catalogues: %v", got)
	}
	bad := map[string]map[string]string{"en": {"a": "%d days", "b": "x"}, "de": {"a": "%d Tage"}}
	want := []string{"--lang nl has no catalogue"}
	if diff := cmp.Diff(want, CheckCatalogues(bad)); diff != "" {
		t.Errorf("no Dutch (-want +got):\n%s", diff)
	}
	bad["nl"] = map[string]string{"a": "%s dagen"}
	want = []string{"en vs nl: a: arguments 1:d in the first catalogue, 1:s in the second", "en vs nl: b: only in the first catalogue"}
	if diff := cmp.Diff(want, CheckCatalogues(bad)); diff != "" {
		t.Errorf("a wrong Dutch (-want +got):\n%s", diff)
	}
}
