package date

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// AlignKind says which dates an Alignment allows.
type AlignKind uint8

// The alignments of the region format.
const (
	AlignNone         AlignKind = iota // any date
	AlignWorkday                       // workday: a working day of the region's calendar
	AlignMonthStart                    // month-start: the 1st of a month
	AlignQuarterStart                  // quarter-start: 1 Jan, 1 Apr, 1 Jul, 1 Oct
	AlignYearStart                     // year-start: 1 Jan
	AlignWeekday                       // mon … sun
	AlignMeeting                       // meeting:BODY (or by: BODY)
)

// Alignment narrows the dates a milestone may take.
type Alignment struct {
	Kind    AlignKind
	Weekday time.Weekday // for AlignWeekday
	Body    string       // for AlignMeeting
}

// alignNames are the words of the alignments that are one word, the one
// list String and ParseAlignment read; weekdays and meeting:BODY have
// their own forms.
var alignNames = [...]string{
	AlignWorkday:      "workday",
	AlignMonthStart:   "month-start",
	AlignQuarterStart: "quarter-start",
	AlignYearStart:    "year-start",
}

// AlignWords lists the words of an alignment other than meeting:BODY:
// workday, month-start, quarter-start, year-start, then mon … sun.
var AlignWords = slices.Concat(alignNames[AlignWorkday:], WeekdayNames)

// String formats the alignment as written in region files.
func (a Alignment) String() string {
	switch a.Kind {
	case AlignWeekday:
		return WeekdayName(a.Weekday)
	case AlignMeeting:
		return "meeting:" + a.Body
	case AlignNone:
		return ""
	}
	return alignNames[a.Kind]
}

// ParseAlignment reads workday, month-start, quarter-start, year-start,
// mon … sun, or meeting:BODY. It does not check that BODY exists.
func ParseAlignment(s string) (Alignment, error) {
	for k, name := range alignNames {
		if name != "" && s == name {
			return Alignment{Kind: AlignKind(k)}, nil
		}
	}
	if w, err := ParseWeekday(s); err == nil {
		return Alignment{Kind: AlignWeekday, Weekday: w}, nil
	}
	if body, ok := strings.CutPrefix(s, "meeting:"); ok {
		if body == "" {
			return Alignment{}, fmt.Errorf("alignment %q names no body: write meeting:BODY", s)
		}
		return Alignment{Kind: AlignMeeting, Body: body}, nil
	}
	return Alignment{}, fmt.Errorf("unknown alignment %q: use workday, month-start, quarter-start, year-start, a weekday (mon … sun) or meeting:BODY", s)
}

// MeetingKind is the shape of a meeting rule.
type MeetingKind uint8

// The meeting rules of the region format.
const (
	MeetWeekly   MeetingKind = iota // weekly DAY
	MeetBiweekly                    // biweekly DAY from DATE
	MeetMonthly                     // monthly Nth DAY, monthly last DAY
)

// MeetingRule generates a body's meeting dates.
type MeetingRule struct {
	Kind    MeetingKind
	Weekday time.Weekday
	From    Date // biweekly: the first meeting; it must fall on Weekday
	Nth     int  // monthly: 1 to 5, or -1 for last
}

// MeetingPositions are the positions of monthly Nth DAY, as written: 1st
// to 5th (Nth 1 to 5), then last (Nth -1).
var MeetingPositions = []string{"1st", "2nd", "3rd", "4th", "5th", "last"}

// position reads a word of MeetingPositions as an Nth.
func position(s string) (int, bool) {
	switch i := slices.Index(MeetingPositions, s); {
	case i < 0:
		return 0, false
	case i == len(MeetingPositions)-1:
		return -1, true
	default:
		return i + 1, true
	}
}

// positionName is the word of MeetingPositions for an Nth, "" for none.
func positionName(nth int) string {
	switch {
	case nth == -1:
		return MeetingPositions[len(MeetingPositions)-1]
	case nth >= 1 && nth < len(MeetingPositions):
		return MeetingPositions[nth-1]
	}
	return ""
}

// String formats the rule as written in region files.
func (r MeetingRule) String() string {
	switch r.Kind {
	case MeetBiweekly:
		return fmt.Sprintf("biweekly %s from %s", WeekdayName(r.Weekday), r.From)
	case MeetMonthly:
		if p := positionName(r.Nth); p != "" {
			return fmt.Sprintf("monthly %s %s", p, WeekdayName(r.Weekday))
		}
	}
	return "weekly " + WeekdayName(r.Weekday)
}

const meetingHint = `write "weekly tue", "biweekly thu from 2021-01-07", "monthly 1st thu" or "monthly last wed"`

// ParseMeetingRule reads weekly DAY, biweekly DAY from DATE, monthly Nth DAY
// (1st to 5th) or monthly last DAY.
func ParseMeetingRule(s string) (MeetingRule, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return MeetingRule{}, fmt.Errorf("empty meeting rule: %s", meetingHint)
	}
	bad := func(why string) (MeetingRule, error) {
		return MeetingRule{}, fmt.Errorf("meeting rule %q %s: %s", s, why, meetingHint)
	}
	switch f[0] {
	case "weekly":
		if len(f) != 2 {
			return bad("has the wrong number of words")
		}
		w, err := ParseWeekday(f[1])
		if err != nil {
			return bad("has an unknown weekday")
		}
		return MeetingRule{Kind: MeetWeekly, Weekday: w}, nil
	case "biweekly":
		if len(f) != 4 || f[2] != "from" {
			return bad("needs a first date")
		}
		w, err := ParseWeekday(f[1])
		if err != nil {
			return bad("has an unknown weekday")
		}
		from, err := Parse(f[3])
		if err != nil {
			return bad("has a bad first date")
		}
		if from.Weekday() != w {
			back := (int(from.Weekday()) - int(w) + 7) % 7 // days back to the weekday
			return MeetingRule{}, fmt.Errorf("meeting rule %q starts on %s, which is not a %s: start on the %s before or after it (%s or %s)",
				s, from, WeekdayName(w), WeekdayName(w), from.AddDays(-back), from.AddDays(7-back))
		}
		return MeetingRule{Kind: MeetBiweekly, Weekday: w, From: from}, nil
	case "monthly":
		if len(f) != 3 {
			return bad("has the wrong number of words")
		}
		n, ok := position(f[1])
		if !ok {
			return bad("has an unknown position (use 1st, 2nd, 3rd, 4th, 5th or last)")
		}
		w, err := ParseWeekday(f[2])
		if err != nil {
			return bad("has an unknown weekday")
		}
		return MeetingRule{Kind: MeetMonthly, Weekday: w, Nth: n}, nil
	}
	return bad("is not a known rule")
}
