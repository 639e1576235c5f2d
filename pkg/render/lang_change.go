package render

import "github.com/tender-nl/tender/pkg/change"

// The words of a diff's causes (change.Cause), in English and Dutch:
// CauseText and CauseShort speak them. Each kind has an entry KIND (the
// whole change) and KIND.short (the input without its values, for the
// BECAUSE column); KIND takes the names and the values of causeArgs,
// KIND.short the names only. Ids, keys of the file (on, after, closed, workdays,
// policy, …) and values stay as written in the file; the JSON's "what" is
// the English text in every language, as scripts read it.
var causeWords = catalogueSet{"en": causesEN, "nl": causesNL}

var causesEN = catalogue{
	"none": "(none)",

	string(change.MilestoneAdded):              "milestone %s added",
	string(change.MilestoneAdded) + ".short":   "milestone %s added",
	string(change.MilestoneRemoved):            "milestone %s removed",
	string(change.MilestoneRemoved) + ".short": "milestone %s removed",
	string(change.ScheduleChanged):             "schedule: %s → %s",
	string(change.ScheduleChanged) + ".short":  "schedule",
	string(change.InputAdded):                  "%s %s: %s added",
	string(change.InputAdded) + ".short":       "%s %s",
	string(change.InputChanged):                "%s %s: %s → %s",
	string(change.InputChanged) + ".short":     "%s %s",
	string(change.InputRemoved):                "%s %s: %s removed",
	string(change.InputRemoved) + ".short":     "%s %s",
	string(change.WorkdaysChanged):             "calendar workdays: %s → %s",
	string(change.WorkdaysChanged) + ".short":  "calendar workdays",
	string(change.HolidaysChanged):             "calendar holidays: %s → %s",
	string(change.HolidaysChanged) + ".short":  "calendar holidays",
	string(change.PeriodAdded):                 "%s %s: %s added",
	string(change.PeriodAdded) + ".short":      "%s %s",
	string(change.PeriodChanged):               "%s %s: %s → %s",
	string(change.PeriodChanged) + ".short":    "%s %s",
	string(change.PeriodRemoved):               "%s %s: %s removed",
	string(change.PeriodRemoved) + ".short":    "%s %s",
	string(change.BodyMeets):                   "body %s meets: %s → %s",
	string(change.BodyMeets) + ".short":        "body %s meets",
	string(change.BodyRecess):                  "body %s recess: %s → %s",
	string(change.BodyRecess) + ".short":       "body %s recess",
	string(change.TenderPolicy):                "tender %s policy %s: %s → %s",
	string(change.TenderPolicy) + ".short":     "tender %s policy %s",
	string(change.RegionPolicy):                "policy %s: %s → %s",
	string(change.RegionPolicy) + ".short":     "policy %s",
}

var causesNL = catalogue{
	"none": "(geen)",

	string(change.MilestoneAdded):              "mijlpaal %s toegevoegd",
	string(change.MilestoneAdded) + ".short":   "mijlpaal %s toegevoegd",
	string(change.MilestoneRemoved):            "mijlpaal %s verwijderd",
	string(change.MilestoneRemoved) + ".short": "mijlpaal %s verwijderd",
	string(change.ScheduleChanged):             "schedule: %s → %s",
	string(change.ScheduleChanged) + ".short":  "schedule",
	string(change.InputAdded):                  "%s %s: %s toegevoegd",
	string(change.InputAdded) + ".short":       "%s %s",
	string(change.InputChanged):                "%s %s: %s → %s",
	string(change.InputChanged) + ".short":     "%s %s",
	string(change.InputRemoved):                "%s %s: %s verwijderd",
	string(change.InputRemoved) + ".short":     "%s %s",
	string(change.WorkdaysChanged):             "calendar workdays: %s → %s",
	string(change.WorkdaysChanged) + ".short":  "calendar workdays",
	string(change.HolidaysChanged):             "calendar holidays: %s → %s",
	string(change.HolidaysChanged) + ".short":  "calendar holidays",
	string(change.PeriodAdded):                 "%s %s: %s toegevoegd",
	string(change.PeriodAdded) + ".short":      "%s %s",
	string(change.PeriodChanged):               "%s %s: %s → %s",
	string(change.PeriodChanged) + ".short":    "%s %s",
	string(change.PeriodRemoved):               "%s %s: %s verwijderd",
	string(change.PeriodRemoved) + ".short":    "%s %s",
	string(change.BodyMeets):                   "orgaan %s meets: %s → %s",
	string(change.BodyMeets) + ".short":        "orgaan %s meets",
	string(change.BodyRecess):                  "orgaan %s recess: %s → %s",
	string(change.BodyRecess) + ".short":       "orgaan %s recess",
	string(change.TenderPolicy):                "aanbesteding %s policy %s: %s → %s",
	string(change.TenderPolicy) + ".short":     "aanbesteding %s policy %s",
	string(change.RegionPolicy):                "policy %s: %s → %s",
	string(change.RegionPolicy) + ".short":     "policy %s",
}

// causeArgs are the arguments of a cause's entries, in the order the
// entries take them: the names of the input (what it belongs to and its
// key), which KIND.short takes, then its values then and now, which KIND
// takes after the names (a policy key not set is "(none)").
func causeArgs(lang string, c change.Cause) (names, values []any) {
	none := func(s string) string {
		if s == "" {
			return causeWords.text(lang, "none")
		}
		return s
	}
	switch c.Kind {
	case change.MilestoneAdded, change.MilestoneRemoved:
		return []any{c.Subject}, nil
	case change.ScheduleChanged, change.WorkdaysChanged, change.HolidaysChanged:
		return nil, []any{c.Old, c.New}
	case change.InputAdded:
		return []any{c.Subject, c.Key}, []any{c.New}
	case change.InputChanged:
		return []any{c.Subject, c.Key}, []any{c.Old, c.New}
	case change.InputRemoved:
		return []any{c.Subject, c.Key}, []any{c.Old}
	case change.PeriodAdded:
		return []any{c.Key, c.Subject}, []any{c.New}
	case change.PeriodChanged:
		return []any{c.Key, c.Subject}, []any{c.Old, c.New}
	case change.PeriodRemoved:
		return []any{c.Key, c.Subject}, []any{c.Old}
	case change.BodyMeets, change.BodyRecess:
		return []any{c.Subject}, []any{c.Old, c.New}
	case change.TenderPolicy:
		return []any{c.Subject, c.Key}, []any{none(c.Old), none(c.New)}
	case change.RegionPolicy:
		return []any{c.Key}, []any{none(c.Old), none(c.New)}
	}
	return nil, nil
}

// CauseText is a cause in lang as written: "pub on: 2027-09-06 →
// 2027-09-13", "milestone vragen added", "closed herfst: 2027-10-21..
// 2027-10-22 added".
func CauseText(lang string, c change.Cause) string {
	names, values := causeArgs(langOr(lang), c)
	return causeWords.text(langOr(lang), string(c.Kind), append(names, values...)...)
}

// CauseShort names a cause's input without its values: "pub on",
// "milestone vragen added", "closed herfst".
func CauseShort(lang string, c change.Cause) string {
	names, _ := causeArgs(langOr(lang), c)
	return causeWords.text(langOr(lang), string(c.Kind)+".short", names...)
}
