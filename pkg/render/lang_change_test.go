package render

import (
	"testing"

	"github.com/tender-nl/tender/pkg/change"
)

// TestCauseText: each kind of change is worded as tender diff has always
// written it in English (the JSON's "what", the table's causes and its
// BECAUSE column), and in Dutch with the file's ids, keys and values as
// written. The texts are the README's diff section's, written by hand.
func TestCauseText(t *testing.T) {
	tests := []struct {
		c                 change.Cause
		en, short, nl, ns string
	}{
		{change.Cause{Kind: change.MilestoneAdded, Subject: "vragen"},
			"milestone vragen added", "milestone vragen added", "mijlpaal vragen toegevoegd", "mijlpaal vragen toegevoegd"},
		{change.Cause{Kind: change.MilestoneRemoved, Subject: "vragen"},
			"milestone vragen removed", "milestone vragen removed", "mijlpaal vragen verwijderd", "mijlpaal vragen verwijderd"},
		{change.Cause{Kind: change.ScheduleChanged, Old: "asap", New: "alap"},
			"schedule: asap → alap", "schedule", "schedule: asap → alap", "schedule"},
		{change.Cause{Kind: change.InputAdded, Subject: "sub", Key: "after", New: "2027-10-01"},
			"sub after: 2027-10-01 added", "sub after", "sub after: 2027-10-01 toegevoegd", "sub after"},
		{change.Cause{Kind: change.InputChanged, Subject: "pub", Key: "on", Old: "2027-09-06", New: "2027-09-13"},
			"pub on: 2027-09-06 → 2027-09-13", "pub on", "pub on: 2027-09-06 → 2027-09-13", "pub on"},
		{change.Cause{Kind: change.InputRemoved, Subject: "sub", Key: "before", Old: "start - 8w"},
			"sub before: start - 8w removed", "sub before", "sub before: start - 8w verwijderd", "sub before"},
		{change.Cause{Kind: change.WorkdaysChanged, Old: "[]", New: "[mon, tue]"},
			"calendar workdays: [] → [mon, tue]", "calendar workdays", "calendar workdays: [] → [mon, tue]", "calendar workdays"},
		{change.Cause{Kind: change.HolidaysChanged, Old: "nl", New: "none"},
			"calendar holidays: nl → none", "calendar holidays", "calendar holidays: nl → none", "calendar holidays"},
		{change.Cause{Kind: change.PeriodAdded, Key: "closed", Subject: "herfst", New: "2027-10-21..2027-10-22"},
			"closed herfst: 2027-10-21..2027-10-22 added", "closed herfst", "closed herfst: 2027-10-21..2027-10-22 toegevoegd", "closed herfst"},
		{change.Cause{Kind: change.PeriodChanged, Key: "quiet", Subject: "zomer", Old: "2027-07-01..2027-08-31", New: "2027-07-15..2027-08-31"},
			"quiet zomer: 2027-07-01..2027-08-31 → 2027-07-15..2027-08-31", "quiet zomer", "quiet zomer: 2027-07-01..2027-08-31 → 2027-07-15..2027-08-31", "quiet zomer"},
		{change.Cause{Kind: change.PeriodRemoved, Key: "closed", Subject: "kerst", Old: "2027-12-24..2028-01-01"},
			"closed kerst: 2027-12-24..2028-01-01 removed", "closed kerst", "closed kerst: 2027-12-24..2028-01-01 verwijderd", "closed kerst"},
		{change.Cause{Kind: change.BodyMeets, Subject: "raad", Old: "[2027-10-07]", New: "[2027-10-14]"},
			"body raad meets: [2027-10-07] → [2027-10-14]", "body raad meets", "orgaan raad meets: [2027-10-07] → [2027-10-14]", "orgaan raad meets"},
		{change.Cause{Kind: change.BodyRecess, Subject: "raad", Old: "[]", New: "[2027-07-01..2027-08-31]"},
			"body raad recess: [] → [2027-07-01..2027-08-31]", "body raad recess", "orgaan raad recess: [] → [2027-07-01..2027-08-31]", "orgaan raad recess"},
		{change.Cause{Kind: change.TenderPolicy, Subject: "t", Key: "standstill", New: "20d"},
			"tender t policy standstill: (none) → 20d", "tender t policy standstill", "aanbesteding t policy standstill: (geen) → 20d", "aanbesteding t policy standstill"},
		{change.Cause{Kind: change.RegionPolicy, Key: "disable", Old: "[summer]"},
			"policy disable: [summer] → (none)", "policy disable", "policy disable: [summer] → (geen)", "policy disable"},
	}
	seen := map[change.CauseKind]bool{}
	for _, tt := range tests {
		seen[tt.c.Kind] = true
		for _, got := range []struct{ lang, got, want string }{
			{"en", CauseText("en", tt.c), tt.en}, {"en", CauseShort("en", tt.c), tt.short},
			{"nl", CauseText("nl", tt.c), tt.nl}, {"nl", CauseShort("nl", tt.c), tt.ns},
		} {
			if got.got != got.want {
				t.Errorf("%s %s: %q, want %q", got.lang, tt.c.Kind, got.got, got.want)
			}
		}
	}
	for _, k := range change.CauseKinds {
		if !seen[k] {
			t.Errorf("no case for %s", k)
		}
		for lang, c := range causeWords {
			if c[string(k)] == "" || c[string(k)+".short"] == "" {
				t.Errorf("%s has no words for %s", lang, k)
			}
		}
	}
}
