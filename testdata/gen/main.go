// Command gen writes synthetic region files for measuring tender at national
// scale (testdata/bench.sh). It is not part of the binary.
//
//	go run ./testdata/gen -milestones 100000 -out /tmp/portfolio
//
// The portfolio is made of region files of -tenders tenders each (20, as in
// the TaskJuggler comparison in testdata/BENCHMARKS.md: 42 regions × 20 tenders × 12
// items ≈ 10,000); every tender has the 12 milestones of a real social-services
// procurement, written the way the built-in regions write them: working-day
// periods, calendar months, workday and meeting alignments, a relative
// before (answers before the closing date), dated befores, a fixed
// contract start, done decisions, a Christmas closure per year, and three
// governing bodies (a weekly college, a monthly portfolio-holders' meeting,
// a board with an explicit list of meeting dates). A few tenders plan alap.
// Decisions before 22 November 2026 (the tests' TENDER_TODAY) are done, so
// tender check finds what a real portfolio has: overdue milestones of old
// tenders, not impossible ones.
// Every tender has a schedule (no conflicts), and the output is the same
// for the same flags: the generator uses a fixed pseudo-random sequence.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// perTender is the number of milestones every generated tender has.
const perTender = 12

func main() {
	total := flag.Int("milestones", 10_000, "approximate total number of milestones (rounded up to whole tenders)")
	tenders := flag.Int("tenders", 20, "tenders per region file")
	out := flag.String("out", "", "directory to write the region files to (created)")
	flag.Parse()
	if *out == "" || *total < 1 || *tenders < 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./testdata/gen -milestones N [-tenders T] -out DIR")
		os.Exit(2)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	nTenders := (*total + perTender - 1) / perTender
	nRegions := (nTenders + *tenders - 1) / *tenders
	g := &gen{seed: 1}
	written := 0
	for r := range nRegions {
		k := min(*tenders, nTenders-r**tenders)
		path := filepath.Join(*out, fmt.Sprintf("region-%04d.yaml", r+1))
		if err := g.writeRegion(path, r+1, k); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		written += k * perTender
	}
	fmt.Printf("%d region files, %d tenders, %d milestones in %s\n", nRegions, nTenders, written, *out)
}

type gen struct{ seed uint64 }

// intn is a small LCG: deterministic on every platform and Go version.
func (g *gen) intn(n int) int {
	g.seed = g.seed*6364136223846793005 + 1442695040888963407
	return int((g.seed >> 33) % uint64(n))
}

var schoolRegions = []string{"noord", "midden", "zuid"}

func (g *gen) writeRegion(path string, n, tenders int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	id := fmt.Sprintf("gen-%04d", n)
	fmt.Fprintf(w, "# Synthetic region %d, written by testdata/gen for benchmarks.\nversion: 1\n\n", n)
	fmt.Fprintf(w, "region:\n  id: %s\n  name: Synthetische regio %d\n  lead: Gemeente %d-1\n", id, n, n)
	fmt.Fprintf(w, "  municipalities: [Gemeente %d-1, Gemeente %d-2, Gemeente %d-3, {name: Gemeente %d-4, school-region: noord}]\n", n, n, n, n)
	fmt.Fprintf(w, "  school-region: %s\n\n", schoolRegions[n%3])
	w.WriteString("calendar:\n  closed:\n")
	for y := 2024; y <= 2031; y++ {
		fmt.Fprintf(w, "    - { name: Kerstsluiting %d, from: %d-12-24, to: %d-01-01 }\n", y, y, y+1)
	}
	w.WriteString("  quiet:\n    - { name: Zomervakantie, from: 2026-07-04, to: 2026-08-16 }\n\n")
	w.WriteString("bodies:\n")
	w.WriteString("  colleges:\n    name: Colleges van B&W\n    meets: weekly tue\n")
	w.WriteString("  pho:\n    name: Portefeuillehoudersoverleg Sociaal Domein\n    meets: monthly 1st thu\n")
	w.WriteString("  ab:\n    name: Algemeen bestuur\n    meets: [")
	// The board meets every six weeks, on a Wednesday, from 2024 to 2032.
	var board []time.Time
	d := time.Date(2024, time.January, 10, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 7*g.intn(3))
	for i := 0; d.Year() < 2032; i++ {
		if i > 0 {
			w.WriteString(", ")
		}
		w.WriteString(d.Format("2006-01-02"))
		board = append(board, d)
		d = d.AddDate(0, 0, 42)
	}
	w.WriteString("]\n\npolicy:\n  implementation-period: 3mo\n  answers-margin: 10d\n\ntenders:\n")
	for t := range tenders {
		g.writeTender(w, t+1, board)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

var procedures = []string{"social-services", "social-services", "open", "social-services", "restricted"}

// today is the reference date of the bench (TENDER_TODAY of the tests):
// decisions before it are done, later ones planned.
var today = time.Date(2026, time.November, 22, 0, 0, 0, 0, time.UTC)

func (g *gen) writeTender(w *bufio.Writer, t int, board []time.Time) {
	// Start at a board meeting in 2025–2027; the contract starts on the
	// first 1 January at least 16 months later, so every plan is feasible.
	start := board[0]
	for start.Year() < 2025 {
		start = start.AddDate(0, 0, 42)
	}
	start = start.AddDate(0, 0, 42*g.intn(3*365/42))
	contract := time.Date(start.AddDate(0, 16, 0).Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	proc := procedures[t%len(procedures)]
	fmt.Fprintf(w, "  t%03d:\n    name: Inkoop %d, perceel %d (jeugdhulp en Wmo)\n", t, contract.Year(), t)
	fmt.Fprintf(w, "    domains: [jeugdhulp, wmo-begeleiding]\n    procedure: %s\n", proc)
	fmt.Fprintf(w, "    estimated-value: %d\n", 1_000_000*(1+g.intn(150)))
	if t%7 == 0 {
		w.WriteString("    schedule: alap\n")
	}
	w.WriteString("    milestones:\n")
	fixed := "done"
	if !start.Before(today) {
		fixed = "on"
	}
	fmt.Fprintf(w, "      kaders:\n        name: Kaders vastgesteld\n        kind: decision\n        by: ab\n        %s: %s\n", fixed, day(start))
	fmt.Fprintf(w, "      consultatie:\n        name: Marktconsultatie\n        kind: consultation\n        after: kaders + %dwd\n        align: workday\n", 10+g.intn(10))
	w.WriteString("      uitgangspunten:\n        name: Uitgangspunten vastgesteld\n        kind: decision\n        by: pho\n        after: consultatie + 2w\n")
	fmt.Fprintf(w, "      publicatie:\n        name: Publicatie aanbesteding\n        kind: publication\n        after: uitgangspunten + %dw\n        before: %s\n        align: workday\n",
		3+g.intn(4), day(contract.AddDate(0, -8, 0)))
	w.WriteString("      vragen:\n        name: Sluiting vragen\n        kind: questions\n        after: publicatie + 14d\n        align: workday\n")
	w.WriteString("      nvi:\n        name: Nota van inlichtingen\n        kind: answers\n        after: vragen + 5wd\n        before: sluiting - 10d\n        align: workday\n")
	fmt.Fprintf(w, "      sluiting:\n        name: Sluiting inschrijving\n        kind: submission\n        after: publicatie + %dd\n        align: workday\n", 45+7*g.intn(3))
	w.WriteString("      gunningsbeslissing:\n        name: Gunningsbeslissing\n        kind: award-decision\n        after: sluiting + 6w\n        align: meeting:colleges\n")
	w.WriteString("        risk:\n          - { name: Beoordeling loopt uit, delay: 0w..3w }\n")
	w.WriteString("      standstill-end:\n        name: Einde opschortende termijn\n        kind: standstill-end\n        after: gunningsbeslissing + 20d\n        align: workday\n")
	fmt.Fprintf(w, "      gunning:\n        name: Definitieve gunning\n        kind: award\n        after: standstill-end + 1d\n        before: %s\n", day(contract.AddDate(0, -3, 0)))
	w.WriteString("        risk:\n          - { name: Kort geding, probability: 0.1, delay: 6w..12w }\n")
	w.WriteString("      ondertekening:\n        name: Ondertekening overeenkomsten\n        kind: signature\n        after: gunning + 1wd\n")
	fmt.Fprintf(w, "      contract-start:\n        name: Ingang contracten\n        kind: contract-start\n        on: %s\n        after: gunning + 3mo\n", day(contract))
}
