package region

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// generated returns a region file with one tender of n milestones, each
// with a name, a kind, an after and (every third) an align, like a real file.
func generated(n int) []byte {
	var b strings.Builder
	b.Grow(n * 110)
	b.WriteString(head + "bodies:\n  pho: {name: P, meets: weekly thu}\ntenders:\n  t:\n    name: T\n    procedure: open\n    milestones:\n")
	b.WriteString("      m0:\n        kind: publication\n        on: 2021-01-04\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "      m%d:\n        name: Milestone %d\n        kind: other\n        after: m%d + 1wd\n", i, i, i-1)
		if i%3 == 0 {
			b.WriteString("        align: workday\n")
		}
		if i%7 == 0 {
			fmt.Fprintf(&b, "        before: [m%d + 3mo, 2199-12-31]\n", i-1)
		}
	}
	return []byte(b.String())
}

func benchmarkLoad(b *testing.B, n int) {
	src := generated(n)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Load("bench.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/milestone")
}

func BenchmarkLoad1000(b *testing.B)  { benchmarkLoad(b, 1000) }
func BenchmarkLoad10000(b *testing.B) { benchmarkLoad(b, 10000) }

// TestLoadLarge loads 100,000 milestones; the goal is 100,000 a second.
// The time limit here is generous (slow CI machines, -race); the benchmark
// is the measurement.
func TestLoadLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	src := generated(100_000)
	start := time.Now()
	r, err := Load("large.yaml", src)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(r.Tenders[0].Milestones); n != 100_000 {
		t.Fatalf("%d milestones", n)
	}
	t.Logf("100,000 milestones in %v", elapsed)
	if elapsed > 30*time.Second { // a hang guard, not a timing
		t.Errorf("Load took %v", elapsed)
	}
}
