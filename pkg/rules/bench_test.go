package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// BenchmarkCheck checks a tender of 100,000 milestones: a chain of
// question and answer rounds between a publication and a submission (a
// day further every 50 milestones), so that every rule has work to do.
func BenchmarkCheck(b *testing.B) {
	const n = 100_000
	var src strings.Builder
	src.WriteString("version: 1\nregion:\n  id: big\n  name: Big\n  municipalities: [Borne]\n  school-region: noord\n")
	src.WriteString("tenders:\n  t:\n    name: T\n    procedure: open\n    milestones:\n")
	src.WriteString("      m0: {kind: publication, on: 2026-01-05}\n")
	kinds := []string{"questions", "answers"}
	for i := 1; i < n-1; i++ {
		step := "0d"
		if i%50 == 0 {
			step = "1d"
		}
		fmt.Fprintf(&src, "      m%d: {kind: %s, after: m%d + %s}\n", i, kinds[i%2], i-1, step)
	}
	fmt.Fprintf(&src, "      m%d: {kind: submission, after: m%d + 1d}\n", n-1, n-2)
	r, err := region.Load("big.yaml", []byte(src.String()))
	if err != nil {
		b.Fatal(err)
	}
	t := r.Tenders[0]
	p := &timeline.Planner{} // the planner that planned res gives its calendar
	res, err := p.Plan(r, t, timeline.Options{})
	if err != nil || !res.Feasible {
		b.Fatal(err)
	}
	opts := Options{Today: day(b, "2026-01-01"), Planner: p}
	b.ResetTimer()
	for range b.N {
		Check(r, t, res, opts)
	}
}
