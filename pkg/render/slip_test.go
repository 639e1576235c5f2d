package render

import "testing"

// TestSlipText: tender diff's --fail-on-slip answer, the contract start
// when no milestone is named, one day in the singular, in both languages.
func TestSlipText(t *testing.T) {
	for _, tt := range []struct {
		lang, milestone string
		days, limit     int
		want            string
	}{
		{"en", "", 7, 6, "the contract start is 7 days later than in old.yaml (more than --fail-on-slip 6)"},
		{"en", "sub", 1, 0, "sub is 1 day later than in old.yaml (more than --fail-on-slip 0)"},
		{"nl", "", 7, 6, "de ingangsdatum van het contract ligt 7 dagen later dan in old.yaml (meer dan --fail-on-slip 6)"},
		{"nl", "sub", 1, 0, "sub ligt 1 dag later dan in old.yaml (meer dan --fail-on-slip 0)"},
	} {
		if got := SlipText(tt.lang, tt.milestone, tt.days, "old.yaml", tt.limit); got != tt.want {
			t.Errorf("%s %q %d: %q, want %q", tt.lang, tt.milestone, tt.days, got, tt.want)
		}
	}
}
