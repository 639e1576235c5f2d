package i18n

import "testing"

func TestLang(t *testing.T) {
	for in, want := range map[string]string{"en": "en", "nl": "nl", "": "en", "de": "en", "NL": "en"} {
		if got := Lang(in); got != want {
			t.Errorf("Lang(%q) = %q, want %q", in, got, want)
		}
	}
}
