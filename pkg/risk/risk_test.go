package risk

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

func load(t testing.TB, src string) *region.Region {
	t.Helper()
	r, err := region.Load("test.yaml", []byte(strings.TrimLeft(src, "\n")))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const header = `
version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
tenders:
  t:
    name: T
    procedure: social-services
    milestones:
`

func mustDate(s string) date.Date {
	d, err := date.Parse(s)
	if err != nil {
		panic(err)
	}
	return d
}

func byID(rep *Report, id string) *Milestone {
	for i := range rep.Milestones {
		if rep.Milestones[i].Milestone.ID == id {
			return &rep.Milestones[i]
		}
	}
	return nil
}

// A certain 2-week delay of publication moves publication and everything
// after it by exactly 14 days at every percentile, and nothing before it.
//
// decision done Tue 13 Jan 2026; publication = + 4w = Tue 10 Feb, delayed
// Tue 24 Feb; submission = publication + 45d = Fri 27 Mar (Feb 2026 has 28
// days), delayed Fri 10 Apr; award = + 6w = Fri 8 May, delayed 22 May;
// contract start = award + 3mo = Sat 8 Aug, delayed Sat 22 Aug.
func TestCertainDelayShiftsDownstream(t *testing.T) {
	r := load(t, header+`
      decision: {kind: decision, done: 2026-01-13}
      publication:
        kind: publication
        after: decision + 4w
        risk:
          - {name: Besluit later, delay: 2w..2w}
      submission: {kind: submission, after: publication + 45d}
      award: {kind: award, after: submission + 6w}
      contract-start: {kind: contract-start, after: award + 3mo}
`)
	rep, err := Simulate(r, r.Tenders[0], Options{Runs: 1000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"decision":       {"2026-01-13", "2026-01-13"},
		"publication":    {"2026-02-10", "2026-02-24"},
		"submission":     {"2026-03-27", "2026-04-10"},
		"award":          {"2026-05-08", "2026-05-22"},
		"contract-start": {"2026-08-08", "2026-08-22"},
	}
	for id, w := range want {
		m := byID(rep, id)
		got := [4]string{m.Planned.String(), m.P50.String(), m.P80.String(), m.P95.String()}
		if diff := cmp.Diff([4]string{w[0], w[1], w[1], w[1]}, got); diff != "" {
			t.Errorf("%s planned, P50, P80, P95 (-want +got):\n%s", id, diff)
		}
		if id != "decision" && *m.P50-*m.Planned != 14 {
			t.Errorf("%s moved %d days, want 14", id, *m.P50-*m.Planned)
		}
	}
	if rep.Unscheduled != 0 || rep.Risks != 1 {
		t.Errorf("unscheduled %d, risks %d", rep.Unscheduled, rep.Risks)
	}
}

// A one-month delay that happens in half of the runs breaks the on date and
// the dated before in about half of them.
//
// b = Tue 13 Jan 2026 + 4w = Tue 10 Feb, which holds its before (20 Feb);
// delayed a month, Tue 10 Mar does not. c = b + 1w: Tue 17 Feb holds its on
// date (1 Mar, a lower bound in the runs); Tue 17 Mar does not.
func TestHalfChanceHoldsHalf(t *testing.T) {
	r := load(t, header+`
      a: {kind: decision, done: 2026-01-13}
      b:
        kind: publication
        after: a + 4w
        before: 2026-02-20
        risk:
          - {name: Kort geding, probability: 0.5, delay: 1mo..1mo}
      c: {kind: contract-start, on: 2026-03-01, after: b + 1w}
`)
	rep, err := Simulate(r, r.Tenders[0], Options{Runs: 10_000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Fixed) != 2 {
		t.Fatalf("fixed: %+v", rep.Fixed)
	}
	for _, f := range rep.Fixed {
		// 10,000 runs: the standard deviation of the share is 0.005.
		if math.Abs(f.Share-0.5) > 0.03 {
			t.Errorf("%s %s %s holds in %.3f of the runs, want about 0.5", f.Milestone.ID, f.Kind, f.Date, f.Share)
		}
	}
	if f := rep.Fixed[0]; f.Milestone.ID != "b" || f.Kind != "before" || f.Date != mustDate("2026-02-20") {
		t.Errorf("first fixed: %s %s %s", f.Milestone.ID, f.Kind, f.Date)
	}
	if f := rep.Fixed[1]; f.Milestone.ID != "c" || f.Kind != "on" || f.Date != mustDate("2026-03-01") {
		t.Errorf("second fixed: %s %s %s", f.Milestone.ID, f.Kind, f.Date)
	}
	// P50 is the earliest date on or before which half the runs fall: the
	// undelayed date when the delay happened in at most half the runs.
	b := byID(rep, "b")
	if b.Dist.Counts[0] < 5000 && b.P50.String() != "2026-03-10" || b.Dist.Counts[0] >= 5000 && b.P50.String() != "2026-02-10" {
		t.Errorf("b P50 %s with %d undelayed runs", b.P50, b.Dist.Counts[0])
	}
	if b.P95.String() != "2026-03-10" {
		t.Errorf("b P95 %s, want 2026-03-10", b.P95)
	}
}

// The same seed gives the same report whatever the number of workers, and
// another seed another one.
func TestReproducible(t *testing.T) {
	src, err := examples.FS.ReadFile("achterhoek.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, err := region.Load("achterhoek.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	view := func(rep *Report) []string {
		var out []string
		for _, m := range rep.Milestones {
			out = append(out, m.Milestone.ID+" "+m.P50.String()+" "+m.P80.String()+" "+m.P95.String()+" "+m.Dist.First.String())
			for _, c := range m.Dist.Counts {
				out[len(out)-1] += " " + strconv.Itoa(c)
			}
		}
		for _, f := range rep.Fixed {
			out = append(out, f.Milestone.ID+" "+string(f.Kind)+" "+f.Date.String()+" "+strconv.Itoa(f.Holds))
		}
		return out
	}
	var first []string
	for _, workers := range []int{1, 2, 3, 8} {
		rep, err := Simulate(r, r.Tenders[0], Options{Runs: 3001, Seed: 42, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		v := view(rep)
		if first == nil {
			first = v
			continue
		}
		if diff := cmp.Diff(first, v); diff != "" {
			t.Errorf("%d workers differ from 1 (-1 +%d):\n%s", workers, workers, diff)
		}
	}
	other, err := Simulate(r, r.Tenders[0], Options{Runs: 3001, Seed: 43})
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Equal(first, view(other)) {
		t.Errorf("seeds 42 and 43 give the same report")
	}
}

// A delay of 0w..3w takes each of its four values in about a quarter of the
// runs, in whole weeks.
func TestUniformWholeUnits(t *testing.T) {
	r := load(t, header+`
      a: {kind: publication, on: 2026-01-05}
      b:
        kind: submission
        after: a
        risk:
          - {name: Uitloop, delay: 0w..3w}
`)
	rep, err := Simulate(r, r.Tenders[0], Options{Runs: 8000, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b := byID(rep, "b")
	if b.Dist.First != mustDate("2026-01-05") || len(b.Dist.Counts) != 22 {
		t.Fatalf("b from %s over %d days", b.Dist.First, len(b.Dist.Counts))
	}
	for k, c := range b.Dist.Counts {
		if k%7 != 0 {
			if c != 0 {
				t.Errorf("%d runs %d days late: not a whole number of weeks", c, k)
			}
			continue
		}
		if c < 1800 || c > 2200 {
			t.Errorf("%d runs %d weeks late, want about 2000", c, k/7)
		}
	}
}

// A run without a schedule counts as later than every date.
func TestUnscheduledRuns(t *testing.T) {
	// b's delay of 5 or 6 weeks (half the runs) pushes it past the done
	// milestone c that must follow it: those runs have no schedule.
	r := load(t, header+`
      a: {kind: decision, done: 2026-01-13}
      b:
        kind: publication
        after: a + 1w
        risk:
          - {name: Uitloop, delay: 3w..6w}
      c: {kind: other, done: 2026-02-24, after: b}
`)
	rep, err := Simulate(r, r.Tenders[0], Options{Runs: 4000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// Tue 13 Jan + 1w = Tue 20 Jan; + 3w = 10 Feb, + 4w = 17 Feb, + 5w =
	// 24 Feb (still on the done date: allowed), + 6w = 3 Mar (after it).
	if rep.Unscheduled < 800 || rep.Unscheduled > 1200 {
		t.Errorf("%d of 4000 runs without a schedule, want about 1000", rep.Unscheduled)
	}
	b := byID(rep, "b")
	if b.P50 == nil || b.P95 != nil {
		t.Errorf("b P50 %v, P95 %v: want a date and none", b.P50, b.P95)
	}
	if len(rep.Fixed) != 0 {
		t.Errorf("done milestones reported as fixed: %+v", rep.Fixed)
	}
}

func TestPercentileNearestRank(t *testing.T) {
	// Ten runs on days 0, 1, 1, 2, 2, 2, 3, 3, 3, 3 after First (and two
	// unscheduled, so twelve runs). Ranks: P50 = ceil(6) = 6th → day 2;
	// P80 = ceil(9.6) = 10th → day 3; P95 = ceil(11.4) = 12th → none.
	first := mustDate("2026-03-02")
	d := Distribution{First: first, Counts: []int{1, 2, 3, 4}}
	got := []*date.Date{percentile(d, 12, 50), percentile(d, 12, 80), percentile(d, 12, 95)}
	if got[0] == nil || *got[0] != first+2 || got[1] == nil || *got[1] != first+3 || got[2] != nil {
		t.Errorf("P50, P80, P95 = %v %v %v", got[0], got[1], got[2])
	}
	// One run: every percentile is its date.
	one := Distribution{First: first, Counts: []int{1}}
	if p := percentile(one, 1, 95); p == nil || *p != first {
		t.Errorf("one run: P95 %v", p)
	}
}

func TestStream(t *testing.T) {
	// SplitMix64's published first output for state 0 is 0xe220a8397b1dcdaf.
	r := stream{s: 0}
	if got := r.next(); got != 0xe220a8397b1dcdaf {
		t.Errorf("splitmix64: %#x", got)
	}
	a, b := newStream(1, 5), newStream(1, 5)
	for range 10 {
		if a.next() != b.next() {
			t.Fatal("same seed and run, different stream")
		}
	}
	if newStream(1, 5) == newStream(1, 6) || newStream(1, 5) == newStream(2, 5) {
		t.Error("streams of different runs or seeds start alike")
	}
}

func TestRunsOutOfRange(t *testing.T) {
	r := load(t, header+"      a: {kind: publication, on: 2026-01-05}\n")
	for _, n := range []int{0, -1, MaxRuns + 1} {
		if _, err := Simulate(r, r.Tenders[0], Options{Runs: n}); err == nil {
			t.Errorf("runs %d: no error", n)
		}
	}
}

// BenchmarkSimulate is the goal of issue 6: 10,000 runs of a 12-milestone
// tender (achterhoek's base has 17) well under a second.
func BenchmarkSimulate(b *testing.B) {
	src, err := examples.FS.ReadFile("achterhoek.yaml")
	if err != nil {
		b.Fatal(err)
	}
	r, err := region.Load("achterhoek.yaml", src)
	if err != nil {
		b.Fatal(err)
	}
	p := &timeline.Planner{} // one for every round, as an App keeps one
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Simulate(r, r.Tenders[0], Options{Runs: DefaultRuns, Seed: DefaultSeed, Planner: p}); err != nil {
			b.Fatal(err)
		}
	}
}

// A risk with probability 0 is switched off: no run moves anything. (By
// hand: publication = Tue 13 Jan + 4w = Tue 10 Feb 2026 in every run.)
func TestZeroProbabilityNeverHappens(t *testing.T) {
	r := load(t, header+`
      decision: {kind: decision, done: 2026-01-13}
      publication:
        kind: publication
        after: decision + 4w
        risk:
          - {name: Uitgezet, probability: 0, delay: 4w..8w}
`)
	rep, err := Simulate(r, r.Tenders[0], Options{Runs: 1000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	m := byID(rep, "publication")
	if got := [3]string{m.P50.String(), m.P80.String(), m.P95.String()}; got != [3]string{"2026-02-10", "2026-02-10", "2026-02-10"} {
		t.Errorf("P50, P80, P95 = %v, want 2026-02-10 each", got)
	}
}
