package date

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Unit is the unit of a Duration.
type Unit uint8

// The units of the region format.
const (
	Days     Unit = iota // d: calendar days
	Weeks                // w: 7 calendar days
	Workdays             // wd: working days of the region's calendar
	Months               // mo: calendar months, clamped at month end
	Years                // y: calendar years, clamped at month end
)

// unitSuffix is the one list of the units as written, in Unit order.
var unitSuffix = [...]string{Days: "d", Weeks: "w", Workdays: "wd", Months: "mo", Years: "y"}

// Suffix returns the unit as written in region files (d, w, wd, mo, y).
func (u Unit) Suffix() string { return unitSuffix[u] }

// UnitSuffixes lists the units as written: d, w, wd, mo, y.
func UnitSuffixes() []string { return slices.Clone(unitSuffix[:]) }

// MaxAmount bounds N in a Duration. It is far beyond any real plan (about
// 2,700 years in days) and keeps all arithmetic inside int32 day numbers.
const MaxAmount = 1_000_000

// Duration is N units: 3wd, 6w, 3mo.
type Duration struct {
	N    int
	Unit Unit
}

// String formats the duration as written in region files.
func (d Duration) String() string { return fmt.Sprintf("%d%s", d.N, d.Unit.Suffix()) }

// IsZero reports whether the duration is zero in any unit.
func (d Duration) IsZero() bool { return d.N == 0 }

// ParseDuration reads Nd, Nw, Nwd, Nmo or Ny with N a whole number ≥ 0.
func ParseDuration(s string) (Duration, error) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return Duration{}, fmt.Errorf("%q is not a duration: write a whole number and a unit (d, w, wd, mo, y), e.g. 6w", s)
	}
	if i > 7 {
		return Duration{}, fmt.Errorf("duration %q is too large (at most %d)", s, MaxAmount)
	}
	n, _ := digits(s[:i])
	if n > MaxAmount {
		return Duration{}, fmt.Errorf("duration %q is too large (at most %d)", s, MaxAmount)
	}
	u := slices.Index(unitSuffix[:], s[i:])
	switch {
	case u >= 0:
		return Duration{N: n, Unit: Unit(u)}, nil
	case s[i:] == "":
		return Duration{}, fmt.Errorf("duration %q has no unit: add d, w, wd, mo or y (e.g. %sd)", s, s)
	default:
		// The hint shows the duration as it is written: "6 weken" is 6w.
		hint, unit := "", strings.ToLower(strings.TrimSpace(s[i:]))
		switch unit {
		case "m", "mon", "month", "months", "mnd", "maand", "maanden":
			hint, unit = "months are written mo", "mo"
		case "day", "days", "dag", "dagen":
			hint, unit = "days are written d", "d"
		case "week", "weeks", "weken", "wk", "wkn":
			hint, unit = "weeks are written w", "w"
		case "werkdag", "werkdagen", "wdays", "workday", "workdays", "bd":
			hint, unit = "working days are written wd", "wd"
		case "year", "years", "jaar", "jaren", "yr":
			hint, unit = "years are written y", "y"
		default:
			if slices.Contains(unitSuffix[:], unit) {
				hint = "without a space"
			}
		}
		if hint != "" {
			hint = fmt.Sprintf(" (%s: %s%s)", hint, s[:i], unit)
		}
		return Duration{}, fmt.Errorf("unknown unit %q in duration %q: use d, w, wd, mo or y%s", s[i:], s, hint)
	}
}

// ParseDurationRange reads a risk delay range LO..HI such as 0d..3w. Both
// ends must use the same unit, and LO ≤ HI.
func ParseDurationRange(s string) (lo, hi Duration, err error) {
	a, b, ok := strings.Cut(s, "..")
	if !ok {
		d, err := ParseDuration(s)
		return d, d, err
	}
	if lo, err = ParseDuration(strings.TrimSpace(a)); err != nil {
		return
	}
	if hi, err = ParseDuration(strings.TrimSpace(b)); err != nil {
		return
	}
	if lo.Unit != hi.Unit {
		err = fmt.Errorf("both ends of %q must use the same unit (e.g. %d%s..%d%s)", s, lo.N, hi.Unit.Suffix(), hi.N, hi.Unit.Suffix())
		return
	}
	if lo.N > hi.N {
		err = fmt.Errorf("range %q runs backwards: write the smaller end first", s)
	}
	return
}

// WeekdayNames lists the weekday words of the format, Monday first.
var WeekdayNames = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// ParseWeekday reads mon … sun.
func ParseWeekday(s string) (time.Weekday, error) {
	if i := slices.Index(WeekdayNames, s); i >= 0 {
		return time.Weekday((i + 1) % 7), nil
	}
	return 0, fmt.Errorf("unknown weekday %q: use mon, tue, wed, thu, fri, sat or sun", s)
}

// WeekdayName returns mon … sun.
func WeekdayName(w time.Weekday) string { return WeekdayNames[(int(w)+6)%7] }
