// Package calendar is the calendar of a region: which days are working
// days, the Dutch legal holidays, closed periods, the meeting dates of
// governing bodies, and date arithmetic in those terms (README, "Region file format":
// "Calendar", "Bodies", "Expressions", "Alignment"; the Algemene termijnenwet).
//
// # Working days
//
// A working day is a day whose weekday is a working weekday (Spec.Workdays,
// Monday to Friday when none is marked), that is not a holiday (when
// Spec.Holidays is on) and that is not inside a closed period.
//
// Legal returns the calendar of the Algemene termijnenwet (Atw), in which
// statutory periods are counted: Monday to Friday, the Atw holidays and the
// days equated to them, and no region's closed days.
//
// # Holidays
//
// Spec.Holidays is "holidays: nl": the holidays of Atw art. 3, computed for
// every year by github.com/rickar/cal/v2/nl: Nieuwjaarsdag, Goede Vrijdag
// (equated by art. 3 lid 2), Tweede Paasdag, Koningsdag (27 April, or
// Saturday 26 April when the 27th is a Sunday), Bevrijdingsdag (5 May,
// every year: the five-yearly day off is a CAO custom, not the Atw),
// Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede Kerstdag. Easter
// Sunday and Whit Sunday are Sundays and need no entry. Today's rules apply
// to every year, with one exception: before 2014 the day is Koninginnedag,
// 30 April, or Saturday 29 April when the 30th is a Sunday. (This ignores
// older history, such as 31 August before 1949, a Sunday 30 April moving to
// 1 May before 1980, and the Atw itself dating from 1964; plans never reach
// back that far.)
//
// The days equated to a holiday by Royal Decree (Atw art. 3 lid 3, the
// "Besluiten gelijkstelling", such as the Friday after Ascension Day) are
// not a rule but data: the file atw-equated.txt in this package, embedded
// in the binary, one "YYYY-MM-DD note" per line. Holiday names them
// EquatedName. The list runs to 2028; later years have only the computed
// holidays until a new decree is added.
//
// Holiday reports a holiday on any weekday, also when it falls on a
// Saturday or Sunday. When two holidays fall on one day (Hemelvaartsdag on
// 5 May, as in 2005) Holiday joins their names with " / ".
//
// # Closed periods
//
// Closed periods are inclusive at both ends, may overlap and may be given
// in any order; a period whose From is after its To is empty and ignored.
// Where periods overlap, Closed returns the name of the first one listed.
// Closed periods make working days non-working; they never make a weekend
// or holiday a working day.
//
// # Range
//
// A Calendar knows the days from First (1800-01-01) to Last (2400-12-31),
// far beyond the years a region file may name (1900–2199). Outside that
// range no day is a working day, a holiday or closed. Every method is total:
// dates outside the range are clamped to it, computed dates are always
// inside it (only AlignNone and explicitly listed meeting dates pass through
// as given), and nothing panics or loops for long, whatever the input (N up
// to date.MaxAmount and beyond, any int32 date). Where an answer does not
// exist inside the range, the methods return the nearest end of the range:
// NextWorkday returns Last when no working day follows, PrevWorkday returns
// First, Shift saturates at First and Last. The planner reports any date
// outside 1900–2199 as out of range, so these ends never reach a plan.
//
// # Durations
//
// Shift(d, sign, dur) is d + dur for sign ≥ 0 and d − dur for sign < 0 (a
// negative dur.N turns the direction round):
//
//   - Nd and Nw are N and 7·N calendar days.
//   - Nwd is the N-th working day strictly after d (d − Nwd: strictly
//     before d). d itself does not count, whether or not it is a working
//     day; 0wd is d itself, even on a non-working day. Friday + 1wd is the
//     next Monday; Saturday + 1wd is also that Monday.
//   - Nmo and Ny are N calendar months or years, clamped to the last day of
//     the target month: 2021-01-31 + 1mo = 2021-02-28, 2021-03-31 − 1mo =
//     2021-02-28, 2020-02-29 + 1y = 2021-02-28, 2024-02-29 − 12mo =
//     2023-02-28. Month arithmetic is not reversible: 2021-02-28 − 1mo is
//     2021-01-28, not the 31st.
//
// Shift is monotone (non-decreasing) in d for every unit and sign: several
// dates may map to one result (29, 30 and 31 January 2021 + 1mo are all
// 28 February; Friday, Saturday and Sunday + 1wd are all the next Monday),
// but the order is never reversed.
//
// Because Shift is monotone, the planner's bounds between milestones are
// exact inverses instead of subtracting a duration (README, "Region file format": "Scheduling
// semantics"). ShiftFloor(limit, sign, dur) is the largest b with
// Shift(b, sign, dur) ≤ limit: for limit 2021-02-28 and +1mo that is
// 2021-01-31 (not 2021-01-28); for a Monday and +1wd it is the Sunday before,
// because Sunday + 1wd is that Monday. ShiftCeil(limit, sign, dur) is the
// smallest b with Shift(b, sign, dur) ≥ limit. When no such b exists in the
// range, ShiftFloor returns First and ShiftCeil returns Last.
//
// Working-day arithmetic does not depend on the distance: each calendar
// with the same working weekdays and holiday setting shares one table with
// a working-day count per day and the list of working days, so the N-th
// working day after d is two lookups, corrected for the closed periods by a
// binary search over them. A table costs about 1.5 MB and 1 ms to build, once
// per distinct pair in the process (the holiday names another 0.2 MB, once).
// A region calendar holds only its own closed periods and bodies, so a
// thousand region calendars cost little more than one.
//
// # Alignment
//
// NextAligned returns the first date on or after d that an alignment
// allows, PrevAligned the last one on or before d. AlignNone allows every
// date (also outside the range); workday allows working days; month-start
// the 1st of a month; quarter-start 1 January, April, July and October;
// year-start 1 January; a weekday that weekday, working day or not; and
// meeting:BODY the meeting dates of the body. They report false (returning
// d unchanged) when no date qualifies: an explicit meeting list has no more
// dates in that direction, the body is unknown, the alignment is malformed
// (an unknown kind or weekday), or the answer would leave First … Last.
//
// # Meetings
//
// A body's meetings are an explicit list of dates, a rule, or both (then
// the union). Listed dates are kept as given, even on a non-working day or
// outside the range: the user says the meeting happens. Rule dates are only
// the working days among them: "a rule-based meeting on a non-working day
// does not take place" (a holiday, a closed period, or a weekday that is not
// a working weekday); it is not moved to another day. The rules:
//
//   - weekly DAY: every DAY.
//   - biweekly DAY from DATE: DATE and every 14th day after it. There are no
//     meetings before DATE: the first date is where the series starts. A
//     DATE that is not a DAY makes the rule empty.
//   - monthly Nth DAY (1st … 5th): the Nth DAY of every month; a month
//     without a 5th DAY has no meeting that month.
//   - monthly last DAY: the last DAY of every month.
//
// A body's recess periods (Meetings.Recess) take out every meeting inside
// them, listed or by rule (the region loader refuses a listed date inside
// a recess, so only a caller in Go meets that case). Periods may overlap
// and come in any order; they are merged once, and Recess returns them
// merged.
//
// Finding the next meeting is arithmetic: a rule's next date is computed,
// not searched, and a non-working candidate moves the search past the
// holiday or past the whole closed period, a candidate in a recess past the
// recess; explicit lists are searched by bisection.
//
// # Concurrency
//
// A Calendar is immutable once New returns and safe for concurrent use. The
// shared tables are built once, on first use, under sync.Once.
//
// # Time zones
//
// Dates are civil dates (package date) and never pass through a time zone.
// rickar/cal computes holidays at midnight in cal.DefaultLoc (time.Local),
// which does not exist in zones where DST starts at 00:00; the calendar
// therefore uses only rickar's holiday definitions and date functions, reads
// their dates at noon, and applies the Sunday rule of Koningsdag to the civil
// date itself, so the holidays are the same in every zone (the tests check a
// dozen such zones).
package calendar
