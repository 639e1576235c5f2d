// Package risk is the Monte Carlo engine of tender risk (README, "Region file format":
// "Risks"): how late do a tender's milestones really land when the things
// that may delay them happen?
//
// Simulate plans the tender once as usual (the planned dates) and then runs
// it many times. In each run every risk of every milestone happens with its
// probability and, when it happens, adds a delay drawn uniformly, in whole
// units, from its range (0w..3w: 0, 1, 2 or 3 weeks) to the largest lower
// bound of its milestone, before alignment; the on dates of milestones that
// are not done become lower bounds and dated befores are set aside, so that
// a run shows how late things land instead of failing (timeline.RiskModel).
// A run's date of a milestone is its earliest date in that run.
//
// The report gives, per milestone, the P50, P80 and P95 dates (nearest
// rank: P80 is the earliest date on or before which at least 80% of the runs
// fall) and, for every on date and dated before of a milestone that is not
// done, the share of runs in which it still holds (the milestone falls on or
// before the date).
//
// # Edge cases
//
// A run may have no schedule even with the bounds relaxed: a delay pushes a
// milestone past a done milestone that must follow it, past the last
// meeting of a body with a list of meeting dates, or beyond 2199. Such a run
// counts as later than every date: it holds no fixed date, and a percentile
// that falls among those runs has no date (nil). Report.Unscheduled counts
// them.
//
// A done milestone happened: risks on it are ignored and its own on and
// before dates are not reported. A tender without any risk: entries gives
// the same dates in every run (the relaxed earliest dates). A delay of a
// milestone in a cycle of constraints (a question round at least 4 weeks
// before the closing date that is itself delayed) is added once, not at
// every round of the cycle (pkg/timeline, "Risk runs").
//
// # Speed
//
// The tender is turned into the planner's problem once
// (timeline.Planner.PrepareRisk); a run only draws its delays and solves the lower
// bounds again with a per-goroutine timeline.RiskRunner (under a
// microsecond and at most one small allocation per run). Dates are counted in dense histograms, not stored per run, so
// memory does not grow with the number of runs: 10,000 runs of a
// 17-milestone tender take a few milliseconds.
//
// # Reproducibility
//
// Every run draws from its own random stream, derived from the seed and the
// run's number alone (SplitMix64), and draws the same number of values
// whatever happens (two per risk: whether it happens, and its delay). Runs
// are spread over GOMAXPROCS goroutines, and what each goroutine counts is
// summed, so the same seed gives the same report on every machine, whatever
// the number of cores, and changing one risk's probability does not change
// the delays drawn for the others.
package risk

import (
	"fmt"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Defaults and limits of Options.
const (
	DefaultRuns = 10_000
	DefaultSeed = 1
	// MaxRuns bounds Runs: a million runs already give percentiles far
	// more exact than any delay estimate.
	MaxRuns = 1_000_000
)

// Options control a simulation.
type Options struct {
	// Runs is the number of runs, 1 … MaxRuns.
	Runs int
	// Seed chooses the random streams; the same seed gives the same report.
	Seed uint64
	// Workers is the number of goroutines; 0 means GOMAXPROCS. It never
	// changes the report, only the time it takes.
	Workers int
	// Planner plans and keeps the calendars (the application's, so that
	// they are built once). nil gives each Simulate a planner of its own:
	// the same report, the calendar built again; there is no package
	// default.
	Planner *timeline.Planner
}

// Report is the answer of Simulate.
type Report struct {
	Region *region.Region
	Tender *region.Tender
	Runs   int
	Seed   uint64
	// Plan is the tender's normal plan (no delays, nothing relaxed), which
	// gives the planned dates; when it is infeasible the runs still run,
	// and Planned is nil everywhere.
	Plan *timeline.Result
	// Milestones are in planned date order (file order on ties), or in
	// file order when the plan is infeasible.
	Milestones []Milestone
	// Fixed are the on dates and dated befores of the milestones that are
	// not done, in the order of Milestones, on first, befores as written.
	Fixed []Fixed
	// Unscheduled is the number of runs without a schedule.
	Unscheduled int
	// Risks is the number of risk: entries the runs drew from.
	Risks int
}

// Milestone is the outcome of one milestone over all runs.
type Milestone struct {
	Milestone *region.Milestone
	// Planned is the planned date, nil when the plan is infeasible.
	Planned *date.Date
	// P50, P80 and P95 are nil when that share of the runs has no
	// schedule.
	P50, P80, P95 *date.Date
	// Dist is how many runs fell on each date.
	Dist Distribution
}

// Distribution counts the runs per date: Counts[k] runs fell on First + k.
// Runs without a schedule are not in it.
type Distribution struct {
	First  date.Date
	Counts []int
}

// Total is the number of runs in the distribution.
func (d Distribution) Total() int {
	n := 0
	for _, c := range d.Counts {
		n += c
	}
	return n
}

// Last is the last date with a count; First when there is none.
func (d Distribution) Last() date.Date {
	if len(d.Counts) == 0 {
		return d.First
	}
	return d.First + date.Date(len(d.Counts)-1)
}

// AtMost is the number of runs on or before x.
func (d Distribution) AtMost(x date.Date) int {
	n := 0
	for k, c := range d.Counts {
		if d.First+date.Date(k) > x {
			break
		}
		n += c
	}
	return n
}

// FixedKind says which date of a milestone a Fixed is.
type FixedKind string

// The kinds of Fixed (also the word of risk -o json's "kind").
const (
	FixedOn       FixedKind = "on"       // on: DATE
	FixedBefore   FixedKind = "before"   // a dated before:
	FixedReplaces FixedKind = "replaces" // the day after the replaced contract ends
)

// FixedKinds are the kinds of Fixed, the one list of them.
var FixedKinds = []FixedKind{FixedOn, FixedBefore, FixedReplaces}

// Fixed is one on date or dated before and the share of runs it holds in.
type Fixed struct {
	Milestone *region.Milestone
	Kind      FixedKind
	Date      date.Date
	// Holds is the number of runs in which the milestone falls on or before
	// Date; Share is Holds / Runs.
	Holds int
	Share float64
	// Pos is where the date is written.
	Pos region.Pos
}

// Focus returns the milestone whose distribution tells the story of the
// tender: its contract start (the first of kind contract-start in file
// order), or else the milestone whose runs reach the latest date (the first
// in planned date order on ties), or nil when there are no milestones.
func (r *Report) Focus() *Milestone {
	for _, m := range r.Tender.Milestones {
		if m.Kind == region.KindContractStart {
			for i := range r.Milestones {
				if r.Milestones[i].Milestone == m {
					return &r.Milestones[i]
				}
			}
		}
	}
	var best *Milestone
	for i := range r.Milestones {
		m := &r.Milestones[i]
		if best == nil || m.Dist.Last() > best.Dist.Last() {
			best = m
		}
	}
	return best
}

// Simulate runs tender t of region r (with any scenario applied) opts.Runs
// times. Errors are input errors of the tender (as timeline.Planner.Plan's) and
// options out of range.
func Simulate(r *region.Region, t *region.Tender, opts Options) (*Report, error) {
	if opts.Runs < 1 || opts.Runs > MaxRuns {
		return nil, fmt.Errorf("runs must be between 1 and %d, not %d", MaxRuns, opts.Runs)
	}
	if opts.Planner == nil {
		opts.Planner = &timeline.Planner{} // one for this call: see Options.Planner
	}
	plan, err := opts.Planner.Plan(r, t, timeline.Options{})
	if err != nil {
		return nil, err
	}
	model, err := opts.Planner.PrepareRisk(r, t)
	if err != nil {
		return nil, err
	}
	risks, nrisks := riskLists(t)
	total, err := simulateRuns(model, risks, opts)
	if err != nil {
		return nil, err
	}
	return report(r, t, plan, opts, total, nrisks), nil
}

// riskLists are the risks of each milestone of t (none for one that is
// done), and how many there are.
func riskLists(t *region.Tender) (risks [][]region.Risk, n int) {
	risks = make([][]region.Risk, len(t.Milestones))
	for i, m := range t.Milestones {
		if m.Done == nil {
			risks[i] = m.Risks
			n += len(m.Risks)
		}
	}
	return risks, n
}

// simulateRuns does opts.Runs runs of model on opts.Workers goroutines
// (GOMAXPROCS when 0), each with its own runner, and adds up their
// counts. Runs are handed out in blocks, so that the workers share the
// work evenly without contending for every run. A worker's panic is
// raised again on the caller's goroutine.
func simulateRuns(model *timeline.RiskModel, risks [][]region.Risk, opts Options) (*tally, error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	const block = 64
	blocks := (opts.Runs + block - 1) / block
	workers = max(1, min(workers, blocks))

	total := newTally(len(risks))
	var mu sync.Mutex
	var next atomic.Int64
	var wg sync.WaitGroup
	var firstErr error
	var panicked any
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					mu.Lock()
					if panicked == nil {
						panicked = p
					}
					mu.Unlock()
				}
			}()
			runner, err := model.NewRunner()
			if err != nil {
				mu.Lock()
				firstErr = err
				mu.Unlock()
				return
			}
			w := newWorker(runner, risks)
			for {
				b := int(next.Add(1)) - 1
				if b >= blocks {
					break
				}
				for run := b * block; run < min(opts.Runs, (b+1)*block); run++ {
					w.run(opts.Seed, uint64(run))
				}
			}
			mu.Lock()
			total.add(&w.tally)
			mu.Unlock()
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
	return total, firstErr
}

// worker holds what one goroutine needs to do runs: its own solver state,
// delay lists and counts.
type worker struct {
	runner *timeline.RiskRunner
	risks  [][]region.Risk
	delays [][]date.Duration
	dates  []date.Date
	tally  tally
}

func newWorker(runner *timeline.RiskRunner, risks [][]region.Risk) *worker {
	n := len(risks)
	w := &worker{runner: runner, risks: risks, delays: make([][]date.Duration, n),
		dates: make([]date.Date, n), tally: *newTally(n)}
	for i, rs := range risks {
		if len(rs) > 0 {
			w.delays[i] = make([]date.Duration, 0, len(rs))
		}
	}
	return w
}

// run does run number run: draws its delays from the run's own stream,
// solves, and counts the dates.
func (w *worker) run(seed, run uint64) {
	rng := newStream(seed, run)
	for i, rs := range w.risks {
		if len(rs) == 0 {
			continue
		}
		d := w.delays[i][:0]
		for k := range rs {
			rk := &rs[k]
			// Two draws per risk, always, so that the stream does not
			// depend on what happened.
			happens := rng.float() < rk.Probability
			lo, hi := rk.Lo.N, rk.Hi.N
			if hi < lo {
				lo, hi = hi, lo
			}
			amount := lo + int(rng.below(uint64(hi-lo)+1))
			if happens && amount > 0 {
				d = append(d, date.Duration{N: amount, Unit: rk.Lo.Unit})
			}
		}
		w.delays[i] = d
	}
	if !w.runner.Run(w.delays, w.dates) {
		w.tally.unscheduled++
		return
	}
	for i, x := range w.dates {
		w.tally.hist[i].add(x)
	}
}

// tally is what runs count: a histogram of dates per milestone.
type tally struct {
	hist        []histogram
	unscheduled int
}

func newTally(n int) *tally { return &tally{hist: make([]histogram, n)} }

func (t *tally) add(o *tally) {
	t.unscheduled += o.unscheduled
	for i := range t.hist {
		t.hist[i].merge(&o.hist[i])
	}
}

// histogram counts dates in a dense slice that grows to cover the dates
// seen: the dates of one milestone over all runs span weeks or months, not
// centuries.
type histogram struct {
	first  int32
	counts []int32
}

func (h *histogram) add(d date.Date) { h.addN(int32(d), 1) }

func (h *histogram) addN(x, n int32) {
	if len(h.counts) == 0 {
		h.first = x
		h.counts = append(h.counts, n)
		return
	}
	if x < h.first {
		grow := int(h.first - x)
		h.counts = append(make([]int32, grow, grow+len(h.counts)), h.counts...)
		h.first = x
	}
	k := int(x - h.first)
	if k >= len(h.counts) {
		h.counts = append(h.counts, make([]int32, k+1-len(h.counts))...)
	}
	h.counts[k] += n
}

func (h *histogram) merge(o *histogram) {
	for k, c := range o.counts {
		if c != 0 {
			h.addN(o.first+int32(k), c)
		}
	}
}

func (h *histogram) distribution() Distribution {
	d := Distribution{First: date.Date(h.first), Counts: make([]int, len(h.counts))}
	for k, c := range h.counts {
		d.Counts[k] = int(c)
	}
	return d
}

// percentile returns the nearest-rank percentile p (0 < p ≤ 100) of runs
// runs, of which the distribution holds the scheduled ones: the earliest
// date on or before which at least p% of all runs fall, or nil when the
// runs without a schedule are needed to reach p%.
func percentile(d Distribution, runs, p int) *date.Date {
	rank := (p*runs + 99) / 100 // ceil(p/100 · runs), at least 1
	rank = max(rank, 1)
	seen := 0
	for k, c := range d.Counts {
		seen += c
		if seen >= rank {
			x := d.First + date.Date(k)
			return &x
		}
	}
	return nil
}

func report(r *region.Region, t *region.Tender, plan *timeline.Result, opts Options, total *tally, nrisks int) *Report {
	rep := &Report{Region: r, Tender: t, Runs: opts.Runs, Seed: opts.Seed, Plan: plan,
		Unscheduled: total.unscheduled, Risks: nrisks}
	index := make(map[*region.Milestone]int, len(t.Milestones))
	for i, m := range t.Milestones {
		index[m] = i
	}
	order := make([]*region.Milestone, 0, len(t.Milestones))
	planned := make(map[*region.Milestone]date.Date, len(t.Milestones))
	if plan.Feasible {
		for _, p := range plan.Milestones {
			if p.Milestone.Derived != "" {
				continue // a decision derived from the replaced contract: not simulated
			}
			order = append(order, p.Milestone)
			planned[p.Milestone] = p.Date
		}
	} else {
		order = append(order, t.Milestones...)
	}
	cal := opts.Planner.RegionCalendar(r)
	replaced := r.Replaced(t)
	for _, m := range order {
		dist := total.hist[index[m]].distribution()
		out := Milestone{Milestone: m, Dist: dist,
			P50: percentile(dist, opts.Runs, 50),
			P80: percentile(dist, opts.Runs, 80),
			P95: percentile(dist, opts.Runs, 95)}
		if d, ok := planned[m]; ok {
			out.Planned = &d
		}
		rep.Milestones = append(rep.Milestones, out)
		if m.Done != nil {
			continue
		}
		if m.On != nil {
			rep.Fixed = append(rep.Fixed, fixed(m, FixedOn, m.On.Date, m.On.Pos, dist, opts.Runs))
		}
		for _, e := range m.Before {
			if !e.Dated() {
				continue
			}
			// The bound as the planner evaluates it: before: 2021-10-01 - 2wd
			// is the date two working days before 1 October.
			x := e.Date
			if e.Sign != 0 && e.Dur.N != 0 {
				x = cal.Shift(e.Date, e.Sign, e.Dur)
			}
			rep.Fixed = append(rep.Fixed, fixed(m, FixedBefore, x, e.Pos, dist, opts.Runs))
		}
		if replaced != nil && m.Kind == region.KindContractStart {
			// The new contracts start by the day after the old ones end:
			// the share of runs in which there is no gap in care.
			rep.Fixed = append(rep.Fixed, fixed(m, FixedReplaces, replaced.End().AddDays(1), t.ReplacesPos, dist, opts.Runs))
		}
	}
	return rep
}

func fixed(m *region.Milestone, kind FixedKind, d date.Date, pos region.Pos, dist Distribution, runs int) Fixed {
	holds := dist.AtMost(d)
	return Fixed{Milestone: m, Kind: kind, Date: d, Pos: pos, Holds: holds, Share: float64(holds) / float64(runs)}
}

// stream is SplitMix64 (Steele, Lea and Flood 2014): tiny, fast, and good
// enough for drawing delays; every run gets its own.
type stream struct{ s uint64 }

const golden = 0x9e3779b97f4a7c15

// mix is SplitMix64's output function, a bijection of uint64.
func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// newStream starts the stream of one run: its state depends on the seed and
// the run's number only.
func newStream(seed, run uint64) stream {
	return stream{s: mix(mix(seed+golden) ^ run)}
}

func (r *stream) next() uint64 {
	r.s += golden
	return mix(r.s)
}

// float is uniform in [0, 1) with 53 bits.
func (r *stream) float() float64 {
	return float64(r.next()>>11) * (1.0 / (1 << 53))
}

// below is uniform in [0, n), n > 0 (Lemire's multiply-shift; the bias is
// below 2^-50 for the small ranges of delays).
func (r *stream) below(n uint64) uint64 {
	hi, _ := bits.Mul64(r.next(), n)
	return hi
}
