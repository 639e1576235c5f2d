package calendar

import (
	"github.com/tender-nl/tender/pkg/date"
)

// Shift returns d + dur when sign ≥ 0 and d − dur when sign < 0:
//
//   - d, w: N or 7·N calendar days;
//   - wd: the N-th working day strictly after (before) d; 0wd is d itself,
//     even when d is not a working day;
//   - mo, y: N calendar months or years, clamped to the end of the month
//     (2021-01-31 + 1mo = 2021-02-28, 2020-02-29 + 1y = 2021-02-28).
//
// The date d and the result are clamped to First … Last; a negative N counts
// in the other direction, and an unknown unit leaves d unchanged. Shift is
// monotone: b ≤ b' implies Shift(b) ≤ Shift(b') for the same sign and dur.
func (c *Calendar) Shift(d date.Date, sign int, dur date.Duration) date.Date {
	back, n := normalise(sign, dur.N)
	return dateAt(c.shift(index(d), back, n, dur.Unit))
}

// normalise turns sign and N into a direction and an amount in 0 …
// date.MaxAmount (more than the table holds in any unit).
func normalise(sign, n int) (back bool, amount int) {
	back = sign < 0
	if n < 0 {
		back, n = !back, -n
		if n < 0 { // -MinInt
			n = date.MaxAmount
		}
	}
	return back, min(n, date.MaxAmount)
}

// shift is Shift on day indices; i is in the table and 0 ≤ n ≤ MaxAmount.
func (c *Calendar) shift(i int, back bool, n int, unit date.Unit) int {
	if n == 0 {
		return i
	}
	switch unit {
	case date.Days, date.Weeks:
		if unit == date.Weeks {
			n *= 7
		}
		if back {
			return clampIndex(i - n)
		}
		return clampIndex(i + n)
	case date.Workdays:
		if back {
			k := c.rank(i-1) - n + 1
			if k < 1 {
				return 0
			}
			return c.kth(k)
		}
		k := c.rank(i) + n
		if k > c.total {
			return tableDays - 1
		}
		return c.kth(k)
	case date.Months, date.Years:
		if unit == date.Years {
			n *= 12
		}
		if back {
			n = -n
		}
		// In the table and with |n| ≤ 12·MaxAmount, the result stays far
		// inside int32 day numbers.
		return index(dateAt(i).AddMonths(n))
	}
	return i
}

// ShiftFloor returns the largest b with Shift(b, sign, dur) ≤ limit: the
// latest date from which dur still lands on or before limit. For limit
// 2021-02-28 and +1mo it is 2021-01-31; for a Monday limit and +1wd it is
// the Sunday before. Dates are clamped to First … Last: when even
// Shift(First) > limit, it returns First.
func (c *Calendar) ShiftFloor(limit date.Date, sign int, dur date.Duration) date.Date {
	if limit < First {
		return First
	}
	back, n := normalise(sign, dur.N)
	l := index(limit)
	return dateAt(c.floor(l, c.guess(l, back, n, dur.Unit, false), back, n, dur.Unit))
}

// ShiftCeil returns the smallest b with Shift(b, sign, dur) ≥ limit: the
// earliest date from which dur lands on or after limit. Dates are clamped
// to First … Last: when even Shift(Last) < limit, it returns Last.
func (c *Calendar) ShiftCeil(limit date.Date, sign int, dur date.Duration) date.Date {
	if limit > Last {
		return Last
	}
	back, n := normalise(sign, dur.N)
	l := index(limit)
	return dateAt(c.ceil(l, c.guess(l, back, n, dur.Unit, true), back, n, dur.Unit))
}

// guess returns a day index at or next to the answer of ShiftFloor (or
// ShiftCeil) for limit index l. floor and ceil verify and correct it, so a
// guess only has to be close for speed, never right for correctness.
func (c *Calendar) guess(l int, back bool, n int, unit date.Unit, ceil bool) int {
	switch unit {
	case date.Days, date.Weeks, date.Months, date.Years:
		// Undo the shift; month clamping leaves it up to 3 days off.
		return c.shift(l, !back, n, unit)
	case date.Workdays:
		switch {
		case !back && !ceil:
			// b + n wd ≤ l  ⇔  (b, l] holds n working days  ⇔  b is
			// before the n-th working day counted back from l+1.
			return c.shift(clampIndex(l+1), true, n, unit) - 1
		case back && !ceil:
			// b − n wd ≤ l  ⇔  (l, b) holds fewer than n working days.
			return c.shift(l, false, n, unit)
		case !back && ceil:
			// b + n wd ≥ l  ⇔  (b, l) holds fewer than n working days.
			return c.shift(l, true, n, unit)
		default:
			// b − n wd ≥ l  ⇔  [l, b) holds n working days.
			return c.shift(clampIndex(l-1), false, n, unit) + 1
		}
	}
	return l
}

// floor returns the largest index b with shift(b) ≤ l, starting from guess g
// and galloping away from it, so a good guess costs two shifts. shift is
// monotone, which makes the answer unique; if no index qualifies it
// returns 0.
func (c *Calendar) floor(l, g int, back bool, n int, unit date.Unit) int {
	g = clampIndex(g)
	last := tableDays - 1
	var lo, hi int // shift(lo) ≤ l < shift(hi)
	if c.shift(g, back, n, unit) <= l {
		lo = g
		for step := 1; ; step *= 2 {
			if lo == last {
				return last
			}
			hi = min(lo+step, last)
			if c.shift(hi, back, n, unit) > l {
				break
			}
			lo = hi
		}
	} else {
		hi = g
		for step := 1; ; step *= 2 {
			if hi == 0 {
				return 0
			}
			lo = max(hi-step, 0)
			if c.shift(lo, back, n, unit) <= l {
				break
			}
			hi = lo
		}
	}
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if c.shift(m, back, n, unit) <= l {
			lo = m
		} else {
			hi = m
		}
	}
	return lo
}

// ceil returns the smallest index b with shift(b) ≥ l, like floor; if no
// index qualifies it returns the last index.
func (c *Calendar) ceil(l, g int, back bool, n int, unit date.Unit) int {
	g = clampIndex(g)
	last := tableDays - 1
	var lo, hi int // shift(lo) < l ≤ shift(hi)
	if c.shift(g, back, n, unit) >= l {
		hi = g
		for step := 1; ; step *= 2 {
			if hi == 0 {
				return 0
			}
			lo = max(hi-step, 0)
			if c.shift(lo, back, n, unit) < l {
				break
			}
			hi = lo
		}
	} else {
		lo = g
		for step := 1; ; step *= 2 {
			if lo == last {
				return last
			}
			hi = min(lo+step, last)
			if c.shift(hi, back, n, unit) >= l {
				break
			}
			lo = hi
		}
	}
	for hi-lo > 1 {
		m := int(uint(lo+hi) >> 1)
		if c.shift(m, back, n, unit) >= l {
			hi = m
		} else {
			lo = m
		}
	}
	return hi
}
