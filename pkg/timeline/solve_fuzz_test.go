package timeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
)

// FuzzSolve builds a random constraint graph from the fuzzer's bytes and
// solves it. The first byte picks the shape:
//
//   - even: three nodes, each bounded inside a 75-day window, compared with
//     the exhaustive search of TestAgainstBruteForce: the same feasibility,
//     and earliest and latest equal to the componentwise minimum and
//     maximum of all solutions;
//   - odd: up to 12 nodes over a year, some with no dated bound of their
//     own, where only the properties are checked: the earliest dates (and
//     the latest, when every node is bounded) satisfy every constraint, and
//     every planned date lies between its earliest and latest.
func FuzzSolve(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{1, 11, 7, 3, 200, 31, 4, 5, 9, 17, 8, 1, 0, 6, 2})
	f.Add([]byte{2, 19, 0, 0, 1, 5, 7, 3, 3, 3, 0, 2, 1, 1, 5, 6, 1, 0})
	f.Add([]byte{3, 255, 254, 253, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	cal := benchCalendar()
	f.Fuzz(func(t *testing.T, data []byte) {
		pos := 0
		next := func(k int) int {
			if pos >= len(data) {
				return 0
			}
			pos++
			return int(data[pos-1]) % k
		}
		if next(2) == 0 {
			p := fuzzProblem(next, 3, 75, true)
			checkAgainstBrute(t, p, cal)
			return
		}
		p := fuzzProblem(next, 1+next(12), 366, false)
		p.ALAP = next(2) == 1
		sol, err := Solve(p, cal)
		if err != nil {
			if err == ErrNoDatedBound {
				return
			}
			t.Fatalf("%+v: %v", p, err)
		}
		if sol.Conflict != nil {
			if c := sol.Conflict; c.Node < 0 || c.Node >= len(p.Nodes) || len(c.Chain) == 0 {
				t.Fatalf("%+v: conflict %+v without an explanation", p, c)
			}
			return
		}
		if bad := violated(p, cal, sol.Earliest); bad != "" {
			t.Fatalf("%+v\nearliest %v violates %s", p, sol.Earliest, bad)
		}
		allBounded := true
		for v := range p.Nodes {
			if sol.Latest[v] == Unbounded {
				allBounded = false
			} else if sol.Latest[v] < sol.Earliest[v] {
				t.Fatalf("%+v\nnode %d: latest %s < earliest %s", p, v, sol.Latest[v], sol.Earliest[v])
			}
			if sol.Date[v] < sol.Earliest[v] || sol.Latest[v] != Unbounded && sol.Date[v] > sol.Latest[v] {
				t.Fatalf("%+v\nnode %d: date %s outside %s … %s", p, v, sol.Date[v], sol.Earliest[v], sol.Latest[v])
			}
		}
		if allBounded {
			if bad := violated(p, cal, sol.Latest); bad != "" {
				t.Fatalf("%+v\nlatest %v violates %s", p, sol.Latest, bad)
			}
		}
	})
}

var (
	fuzzDurs = []date.Duration{{N: 0, Unit: date.Days}, {N: 4, Unit: date.Days}, {N: 1, Unit: date.Weeks},
		{N: 3, Unit: date.Workdays}, {N: 1, Unit: date.Workdays}, {N: 1, Unit: date.Months}, {N: 2, Unit: date.Months},
		{N: 1, Unit: date.Years}, {N: 10, Unit: date.Workdays}, {N: 45, Unit: date.Days}}
	fuzzAligns = []date.Alignment{{Kind: date.AlignWorkday}, {Kind: date.AlignWeekday, Weekday: time.Monday},
		{Kind: date.AlignWeekday, Weekday: time.Saturday}, {Kind: date.AlignMeeting, Body: "colleges"},
		{Kind: date.AlignMonthStart}, {Kind: date.AlignQuarterStart}, {Kind: date.AlignYearStart}}
	fuzzW0 = date.New(2021, time.January, 20) // the window covers Feb (short) and Easter 2021
)

// fuzzProblem reads a problem of n nodes in a window of the given length
// starting at fuzzW0. With bounded, every node has a dated lower and upper
// bound inside the window (as brute requires); otherwise only some have.
func fuzzProblem(next func(int) int, n, window int, bounded bool) *Problem {
	p := &Problem{Nodes: make([]Node, n)}
	for v := range n {
		if bounded || next(3) == 0 {
			p.Bounds = append(p.Bounds, Bound{Node: v, Date: fuzzW0 + date.Date(next(window/4+1))})
		}
		if bounded || next(3) == 0 {
			p.Bounds = append(p.Bounds, Bound{Node: v, Upper: true, Date: fuzzW0 + date.Date(window-1-next(window/4+1))})
		}
		if next(3) == 0 {
			p.Nodes[v].Align = fuzzAligns[next(len(fuzzAligns))]
		}
		if next(6) == 0 {
			p.Nodes[v].By = fuzzAligns[next(len(fuzzAligns))]
		}
		if next(8) == 0 {
			p.Nodes[v].Fixed, p.Nodes[v].Date = true, fuzzW0+date.Date(next(window))
		}
	}
	for range 1 + next(2*n+2) {
		sign := 1
		if next(3) == 0 {
			sign = -1
		}
		p.Edges = append(p.Edges, Edge{Node: next(n), Ref: next(n), Before: next(3) == 0, Sign: sign, Dur: fuzzDurs[next(len(fuzzDurs))]})
	}
	return p
}

func checkAgainstBrute(t *testing.T, p *Problem, cal *calendar.Calendar) {
	t.Helper()
	sol, err := Solve(p, cal)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi, ok := brute(p, cal, fuzzW0, 75)
	desc := fmt.Sprintf("%+v", p)
	if ok != (sol.Conflict == nil) {
		t.Fatalf("%s\nbrute feasible %v, solver conflict %+v", desc, ok, sol.Conflict)
	}
	if !ok {
		return
	}
	for v := range p.Nodes {
		if sol.Earliest[v] != lo[v] || sol.Latest[v] != hi[v] {
			t.Fatalf("%s\nnode %d: solver %s … %s, brute %s … %s", desc, v, sol.Earliest[v], sol.Latest[v], lo[v], hi[v])
		}
	}
}

// violated returns the first constraint of p that the dates x break, or "".
func violated(p *Problem, cal *calendar.Calendar, x []date.Date) string {
	for v, nd := range p.Nodes {
		switch {
		case nd.Fixed && x[v] != nd.Date:
			return fmt.Sprintf("node %d fixed at %s", v, nd.Date)
		case !nd.Fixed && nd.Align.Kind != date.AlignNone && !cal.Allowed(x[v], nd.Align):
			return fmt.Sprintf("node %d align %v", v, nd.Align)
		case !nd.Fixed && nd.By.Kind != date.AlignNone && !cal.Allowed(x[v], nd.By):
			return fmt.Sprintf("node %d by %v", v, nd.By)
		}
	}
	for _, b := range p.Bounds {
		if b.Upper && x[b.Node] > b.Date || !b.Upper && x[b.Node] < b.Date {
			return fmt.Sprintf("bound %+v", b)
		}
	}
	for _, e := range p.Edges {
		sign := e.Sign
		if sign == 0 {
			sign = 1
		}
		y := cal.Shift(x[e.Ref], sign, e.Dur)
		if e.Before && x[e.Node] > y || !e.Before && x[e.Node] < y {
			return fmt.Sprintf("edge %+v", e)
		}
	}
	return ""
}
