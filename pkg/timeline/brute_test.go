package timeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
)

// TestAgainstBruteForce compares Solve with an exhaustive search on small
// random problems. With monotone constraints the solutions are closed under
// componentwise min and max, so earliest must be the componentwise minimum
// of all solutions and latest the maximum. Every node has a dated after at
// the window's start and a dated before at its end, so that all solutions
// lie in the window (and the start rule does not apply).
//
// Some nodes are decisions of several bodies (ByAll), one of which has a
// recess in the window; the search checks them from the definition, with
// its own table of meeting days: the node is a meeting of one of the
// bodies, and every lower bound L of it (a dated after, an after edge, the
// push of a before edge) leaves every body a meeting in [L, date].
func TestAgainstBruteForce(t *testing.T) {
	cal := bruteCalendar()
	const nodes, window = 3, 75
	w0 := date.New(2021, time.January, 20) // the window covers Feb (short) and Easter 2021
	durs := []date.Duration{{N: 0, Unit: date.Days}, {N: 4, Unit: date.Days}, {N: 1, Unit: date.Weeks},
		{N: 3, Unit: date.Workdays}, {N: 1, Unit: date.Workdays}, {N: 1, Unit: date.Months}}
	aligns := []date.Alignment{{}, {}, {}, {Kind: date.AlignWorkday}, {Kind: date.AlignWeekday, Weekday: time.Monday},
		{Kind: date.AlignMeeting, Body: "colleges"}, {Kind: date.AlignMonthStart}}
	meet := func(b string) date.Alignment { return date.Alignment{Kind: date.AlignMeeting, Body: b} }
	byAlls := [][]date.Alignment{
		{meet("colleges"), meet("raad")},
		{meet("pho"), meet("colleges")},
		{meet("raad"), meet("pho"), meet("colleges")},
	}
	seed := uint64(7)
	rnd := func(k int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(k))
	}
	runs := 400
	if testing.Short() {
		runs = 50
	}
	feasible := 0
	for run := range runs {
		p := &Problem{Nodes: make([]Node, nodes)}
		for v := range nodes {
			p.Bounds = append(p.Bounds, Bound{Node: v, Date: w0 + date.Date(rnd(20))},
				Bound{Node: v, Upper: true, Date: w0 + window - 1 - date.Date(rnd(20))})
			if rnd(3) == 0 {
				p.Nodes[v].Align = aligns[rnd(len(aligns))]
			}
			if rnd(4) == 0 {
				p.Nodes[v].ByAll = byAlls[rnd(len(byAlls))]
			}
			if rnd(8) == 0 {
				p.Nodes[v].Fixed, p.Nodes[v].Date = true, w0+date.Date(rnd(window))
			}
		}
		for range 1 + rnd(4) {
			sign := 1
			if rnd(3) == 0 {
				sign = -1
			}
			p.Edges = append(p.Edges, Edge{Node: rnd(nodes), Ref: rnd(nodes), Before: rnd(3) == 0, Sign: sign, Dur: durs[rnd(len(durs))]})
		}
		sol, err := Solve(p, cal)
		if err != nil {
			t.Fatal(err)
		}
		lo, hi, ok := brute(p, cal, w0, window)
		desc := fmt.Sprintf("run %d: %+v", run, p)
		if ok != (sol.Conflict == nil) {
			t.Fatalf("%s\nbrute feasible %v, solver conflict %+v", desc, ok, sol.Conflict)
		}
		if !ok {
			continue
		}
		feasible++
		for v := range nodes {
			if sol.Earliest[v] != lo[v] || sol.Latest[v] != hi[v] {
				t.Fatalf("%s\nnode %d: solver %s … %s, brute %s … %s", desc, v, sol.Earliest[v], sol.Latest[v], lo[v], hi[v])
			}
		}
	}
	t.Logf("%d of %d feasible", feasible, runs)
	if feasible < runs/5 || feasible == runs {
		t.Errorf("%d of %d feasible: the generator tests too little", feasible, runs)
	}
}

// bruteCalendar is benchCalendar with two more bodies for the decisions of
// several bodies: raad meets on listed days, pho on Thursdays except in
// its recess of 15 February to 5 March 2021.
func bruteCalendar() *calendar.Calendar {
	tue, _ := date.ParseMeetingRule("weekly tue")
	thu, _ := date.ParseMeetingRule("weekly thu")
	var raad []date.Date
	for _, s := range []string{"2021-01-21", "2021-02-04", "2021-02-25", "2021-03-11", "2021-03-12", "2021-03-29"} {
		d, _ := date.Parse(s)
		raad = append(raad, d)
	}
	from, _ := date.Parse("2021-02-15")
	to, _ := date.Parse("2021-03-05")
	return calendar.New(calendar.Spec{Holidays: true, Bodies: map[string]calendar.Meetings{
		"colleges": {Rule: &tue},
		"raad":     {Dates: raad},
		"pho":      {Rule: &thu, Recess: []calendar.Period{{Name: "reces", From: from, To: to}}},
	}})
}

// brute enumerates every assignment of dates in the window.
func brute(p *Problem, cal *calendar.Calendar, w0 date.Date, window int) (lo, hi []date.Date, ok bool) {
	n := len(p.Nodes)
	lo, hi = make([]date.Date, n), make([]date.Date, n)
	x := make([]date.Date, n)
	// count[body][i] is the number of meetings on days t0 … t0+i-1, for
	// the days around the window that bounds may reach.
	t0, span := w0-400, window+800
	count := map[string][]int{}
	for _, b := range []string{"colleges", "raad", "pho"} {
		c := make([]int, span+1)
		for i := range span {
			c[i+1] = c[i]
			if cal.IsMeeting(b, t0+date.Date(i)) {
				c[i+1]++
			}
		}
		count[b] = c
	}
	// leaves reports whether lower bound l of node v leaves room for its
	// date: for a decision of several bodies, every body meets in [l, x[v]].
	leaves := func(v int, l date.Date) bool {
		nd := &p.Nodes[v]
		if l > x[v] {
			return false
		}
		if nd.Fixed || len(nd.ByAll) == 0 {
			return true
		}
		for _, a := range nd.ByAll {
			c := count[a.Body]
			i, j := max(0, int(l-t0)), int(x[v]-t0)+1
			if c[j]-c[i] == 0 {
				return false
			}
		}
		return true
	}
	allowed := func(v int, d date.Date) bool {
		nd := &p.Nodes[v]
		if nd.Fixed {
			return d == nd.Date
		}
		some := len(nd.ByAll) == 0
		for _, a := range nd.ByAll {
			some = some || cal.IsMeeting(a.Body, d)
		}
		return some && (nd.Align.Kind == date.AlignNone || cal.Allowed(d, nd.Align)) &&
			(nd.By.Kind == date.AlignNone || cal.Allowed(d, nd.By))
	}
	holds := func() bool {
		for _, b := range p.Bounds {
			if b.Upper && x[b.Node] > b.Date || !b.Upper && !leaves(b.Node, b.Date) {
				return false
			}
		}
		for _, e := range p.Edges {
			sign := e.Sign
			if sign == 0 {
				sign = 1
			}
			y := cal.Shift(x[e.Ref], sign, e.Dur)
			if e.Before && x[e.Node] > y || !e.Before && !leaves(e.Node, y) {
				return false
			}
			// The push of a before: the smallest date of Ref that leaves
			// room for Node is a lower bound of Ref.
			if e.Before && !leaves(e.Ref, cal.ShiftCeil(x[e.Node], sign, e.Dur)) {
				return false
			}
		}
		return true
	}
	var rec func(v int)
	rec = func(v int) {
		if v == n {
			if holds() {
				for i := range n {
					if !ok || x[i] < lo[i] {
						lo[i] = x[i]
					}
					if !ok || x[i] > hi[i] {
						hi[i] = x[i]
					}
				}
				if !ok {
					copy(lo, x)
					copy(hi, x)
				}
				ok = true
			}
			return
		}
		for k := range window {
			if d := w0 + date.Date(k); allowed(v, d) {
				x[v] = d
				rec(v + 1)
			}
		}
	}
	rec(0)
	return lo, hi, ok
}
