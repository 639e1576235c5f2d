package timeline

import (
	"fmt"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// synthetic builds a feasible problem of n nodes in 40 layers: layer 0 is
// fixed or has dated afters; every later node follows one to three nodes of
// the layer before (fan-ins) by 0d, 3d, 2w, 5wd, 10wd or 1mo; nodes carry
// workday, month-start, weekday and meeting alignments; every 25th leaves
// room for a node of the next layer with a relative before; the last layer
// has dated befores, so the backward pass has work; and every 500th node
// forms a zero cycle with its neighbour.
func synthetic(n int) *Problem {
	const layers = 40
	width := (n + layers - 1) / layers
	seed := uint64(1)
	rnd := func(k int) int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int((seed >> 33) % uint64(k))
	}
	durs := []date.Duration{{N: 0, Unit: date.Days}, {N: 3, Unit: date.Days}, {N: 2, Unit: date.Weeks},
		{N: 5, Unit: date.Workdays}, {N: 10, Unit: date.Workdays}, {N: 1, Unit: date.Months}}
	aligns := []date.Alignment{{}, {Kind: date.AlignWorkday}, {}, {Kind: date.AlignWorkday}, {Kind: date.AlignWeekday, Weekday: time.Tuesday},
		{}, {Kind: date.AlignMeeting, Body: "colleges"}, {}, {Kind: date.AlignMonthStart}}
	p := &Problem{Nodes: make([]Node, n)}
	start := date.New(2021, time.January, 4)
	src := 0
	next := func() int { src++; return src }
	for i := range n {
		layer := i / width
		nd := &p.Nodes[i]
		if layer == 0 {
			if i%2 == 0 {
				nd.Fixed, nd.Date, nd.FixedSrc = true, start+date.Date(i%30), next()
			} else {
				p.Bounds = append(p.Bounds, Bound{Node: i, Date: start + date.Date(i%20), Src: next()})
			}
			continue
		}
		if a := aligns[i%len(aligns)]; a.Kind != date.AlignNone && i%len(aligns) != 8 || i%97 == 0 {
			nd.Align, nd.AlignSrc = a, next()
		}
		lo := (layer - 1) * width
		for k := 0; k < 1+rnd(3); k++ {
			p.Edges = append(p.Edges, Edge{Node: i, Ref: lo + rnd(width), Sign: 1, Dur: durs[rnd(len(durs))], Src: next()})
		}
		if i%25 == 0 && (layer+1)*width < n {
			ref := min(n-1, (layer+1)*width+rnd(width))
			p.Edges = append(p.Edges, Edge{Node: i, Ref: ref, Before: true, Sign: -1, Dur: date.Duration{N: 2, Unit: date.Workdays}, Src: next()})
		}
		if i%500 == 0 && i+1 < n && (i+1)/width == layer {
			p.Edges = append(p.Edges, Edge{Node: i, Ref: i + 1, Sign: 1, Src: next()}, Edge{Node: i + 1, Ref: i, Sign: 1, Src: next()})
		}
		if layer == layers-1 {
			p.Bounds = append(p.Bounds, Bound{Node: i, Upper: true, Date: date.New(2030, time.January, 1), Src: next()})
		}
	}
	return p
}

func benchCalendar() *calendar.Calendar {
	rule, _ := date.ParseMeetingRule("weekly tue")
	return calendar.New(calendar.Spec{Holidays: true, Bodies: map[string]calendar.Meetings{"colleges": {Rule: &rule}}})
}

func TestSyntheticFeasible(t *testing.T) {
	for _, alap := range []bool{false, true} {
		p := synthetic(10_000)
		p.ALAP = alap
		sol, err := Solve(p, benchCalendar())
		if err != nil || sol.Conflict != nil {
			t.Fatalf("alap %v: %v %+v", alap, err, sol.Conflict)
		}
		bounded := 0
		for i := range sol.Earliest {
			if sol.Latest[i] != Unbounded {
				bounded++
				if sol.Latest[i] < sol.Earliest[i] {
					t.Fatalf("node %d: latest %s < earliest %s", i, sol.Latest[i], sol.Earliest[i])
				}
			}
			if sol.Date[i] < sol.Earliest[i] || sol.Latest[i] != Unbounded && sol.Date[i] > sol.Latest[i] {
				t.Fatalf("node %d: date %s outside %s … %s", i, sol.Date[i], sol.Earliest[i], sol.Latest[i])
			}
		}
		if bounded < 1000 {
			t.Errorf("only %d bounded nodes", bounded)
		}
		checkSchedule(t, p, benchCalendar(), sol.Date)
		checkSchedule(t, p, benchCalendar(), sol.Earliest)
	}
}

// checkSchedule verifies that dates satisfy every constraint of p.
func checkSchedule(t *testing.T, p *Problem, cal Calendar, dates []date.Date) {
	t.Helper()
	for _, b := range p.Bounds {
		if x := dates[b.Node]; b.Upper && x > b.Date || !b.Upper && x < b.Date {
			t.Fatalf("bound %+v broken by %s", b, x)
		}
	}
	for _, e := range p.Edges {
		sign := e.Sign
		if sign == 0 {
			sign = 1
		}
		x, y := dates[e.Node], cal.Shift(dates[e.Ref], sign, e.Dur)
		if e.Before && x > y || !e.Before && x < y {
			t.Fatalf("edge %+v broken: %s vs %s", e, x, y)
		}
	}
	// A decision of several bodies: every lower bound leaves each body a
	// meeting between it and the date, and the date is one of theirs.
	c, _ := cal.(*calendar.Calendar)
	leaves := func(v int, l date.Date) {
		nd := &p.Nodes[v]
		if nd.Fixed || len(nd.ByAll) == 0 || c == nil {
			return
		}
		some := false
		for _, a := range nd.ByAll {
			some = some || c.IsMeeting(a.Body, dates[v])
			if l <= dates[v] && len(c.MeetingsIn(a.Body, l, dates[v])) == 0 {
				t.Fatalf("node %d on %s: %s does not meet on or after its lower bound %s", v, dates[v], a.Body, l)
			}
		}
		if !some {
			t.Fatalf("node %d on %s: no meeting of %v", v, dates[v], nd.ByAll)
		}
	}
	for _, b := range p.Bounds {
		if !b.Upper {
			leaves(b.Node, b.Date)
		}
	}
	for _, e := range p.Edges {
		sign := e.Sign
		if sign == 0 {
			sign = 1
		}
		if e.Before {
			leaves(e.Ref, cal.ShiftCeil(dates[e.Node], sign, e.Dur))
		} else {
			leaves(e.Node, cal.Shift(dates[e.Ref], sign, e.Dur))
		}
	}
	for i, nd := range p.Nodes {
		if nd.Fixed && dates[i] != nd.Date {
			t.Fatalf("fixed node %d moved", i)
		}
		for _, a := range []date.Alignment{nd.Align, nd.By} {
			if !nd.Fixed && a.Kind != date.AlignNone {
				if c, ok := cal.(*calendar.Calendar); ok && !c.Allowed(dates[i], a) {
					t.Fatalf("node %d on %s breaks %v", i, dates[i], a)
				}
			}
		}
	}
}

func BenchmarkSolve(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		for _, alap := range []bool{false, true} {
			name := fmt.Sprintf("n=%d/asap", n)
			if alap {
				name = fmt.Sprintf("n=%d/alap", n)
			}
			b.Run(name, func(b *testing.B) {
				p := synthetic(n)
				p.ALAP = alap
				cal := benchCalendar()
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					sol, err := Solve(p, cal)
					if err != nil || sol.Conflict != nil {
						b.Fatal(err, sol.Conflict)
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/milestone")
			})
		}
	}
}

// syntheticRegion is synthetic(n) as a region, for the whole of Plan.
func syntheticRegion(n int) *region.Region {
	p := synthetic(n)
	ms := make([]*region.Milestone, n)
	for i, nd := range p.Nodes {
		m := &region.Milestone{ID: fmt.Sprintf("m%d", i), Kind: "other", Pos: region.Pos{Line: i + 1, Column: 3}}
		if nd.Fixed {
			m.On = &region.Fixed{Date: nd.Date, Pos: m.Pos}
		}
		if nd.Align.Kind != date.AlignNone {
			m.Align = &region.Align{Alignment: nd.Align, Text: nd.Align.String(), Pos: m.Pos}
		}
		ms[i] = m
	}
	for _, b := range p.Bounds {
		e := region.Expr{Date: b.Date, Text: b.Date.String(), Pos: ms[b.Node].Pos}
		if b.Upper {
			ms[b.Node].Before = append(ms[b.Node].Before, e)
		} else {
			ms[b.Node].After = append(ms[b.Node].After, e)
		}
	}
	for _, e := range p.Edges {
		x := region.Expr{Ref: ms[e.Ref].ID, Sign: e.Sign, Dur: e.Dur, Pos: ms[e.Node].Pos}
		x.Text = exprText(x)
		if e.Before {
			ms[e.Node].Before = append(ms[e.Node].Before, x)
		} else {
			ms[e.Node].After = append(ms[e.Node].After, x)
		}
	}
	rule, _ := date.ParseMeetingRule("weekly tue")
	t := &region.Tender{ID: "big", Milestones: ms}
	return &region.Region{ID: "big", Source: "big.yaml", Tenders: []*region.Tender{t},
		Bodies: []*region.Body{{ID: "colleges", Rule: &rule, Meets: "weekly tue"}}}
}

func BenchmarkPlan(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			r := syntheticRegion(n)
			p := &Planner{} // one for all the rounds, as an App keeps one
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res, err := p.Plan(r, r.Tenders[0], Options{})
				if err != nil || !res.Feasible {
					b.Fatal(err, res.Conflict)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/milestone")
		})
	}
}
