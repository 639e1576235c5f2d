package render

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// referencePlanJSON is what PlanJSON wrote before it was hand-written: the
// documented types through encoding/json.
func referencePlanJSON(t *testing.T, plans []Plan) []byte {
	t.Helper()
	out := planJSON{Plans: make([]planEntryJSON, 0, len(plans))}
	for _, p := range plans {
		out.Plans = append(out.Plans, withBaseline(planEntry(p.Result, "en"), p.Baseline, p.Result))
	}
	var b bytes.Buffer
	if err := writeJSON(&b, out); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// awkward strings: every escape encoding/json knows, invalid UTF-8, the
// JavaScript line separators, HTML characters (not escaped) and non-ASCII.
var awkward = []string{
	"", "plain", `quote " and \ backslash`, "tab\tnew\nline\rcr\bbs\fff", "\x00\x01\x1f\x7f",
	"B&W <colleges>", "Ëëë café – “quotes”", "bad \xff utf8 \xc3", "sep \u2028 and \u2029", "emoji 🎉",
}

func TestPlanJSONMatchesEncodingJSON(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	pick := func() string { return awkward[rnd.IntN(len(awkward))] }
	var plans [][]Plan
	plans = append(plans, nil, []Plan{})
	for round := range 50 {
		var ps []Plan
		for range rnd.IntN(4) {
			r := &timeline.Result{Region: pick(), Tender: pick(), Scenario: pick(), Schedule: "asap",
				Feasible: rnd.IntN(3) > 0, Milestones: []timeline.Planned{}}
			if !r.Feasible {
				// A cycle: its message quotes every link's milestone and text.
				r.Conflict = &timeline.Conflict{Kind: timeline.Cycle, Milestone: pick()}
				for range rnd.IntN(3) {
					r.Conflict.Chain = append(r.Conflict.Chain, timeline.Link{Milestone: pick(), File: pick(),
						Line: rnd.IntN(1000), Role: timeline.RoleAfter, Key: pick(), Text: pick()})
				}
			} else {
				for range rnd.IntN(5) {
					d := date.New(1900+rnd.IntN(300), time.Month(1+rnd.IntN(12)), 1+rnd.IntN(28))
					m := &region.Milestone{ID: pick(), Name: pick(), Kind: region.Kind(pick())}
					pl := timeline.Planned{Milestone: m, Date: d, Earliest: d - date.Date(rnd.IntN(40)),
						Critical: rnd.IntN(2) == 0, Fixed: rnd.IntN(2) == 0, Done: rnd.IntN(2) == 0, By: pick()}
					if rnd.IntN(2) == 0 {
						l, s := d+date.Date(rnd.IntN(90)), rnd.IntN(90)-round
						pl.Latest, pl.Slack = &l, &s
					}
					r.Milestones = append(r.Milestones, pl)
				}
			}
			p := Plan{Result: r}
			if rnd.IntN(2) == 0 {
				// --baseline: some milestones in it, some not.
				p.Baseline = &Baseline{Dates: map[string]date.Date{}}
				for _, m := range r.Milestones {
					if rnd.IntN(3) > 0 {
						p.Baseline.Dates[m.Milestone.ID] = m.Date - date.Date(rnd.IntN(60)-20)
					}
				}
			}
			ps = append(ps, p)
		}
		plans = append(plans, ps)
	}
	for i, ps := range plans {
		var got bytes.Buffer
		if err := PlanJSON(&got, ps, "en"); err != nil {
			t.Fatal(err)
		}
		if want := referencePlanJSON(t, ps); !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("case %d differs from encoding/json (-want +got):\n%s", i, cmp.Diff(string(want), got.String()))
		}
	}
}

func TestAppendJSONStringEveryByte(t *testing.T) {
	var all strings.Builder
	for b := range 256 {
		all.WriteByte(byte(b))
	}
	for _, s := range append(awkward, all.String()) {
		var ref bytes.Buffer
		if err := writeJSON(&ref, s); err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSuffix(ref.String(), "\n")
		if got := string(appendJSONString(nil, s)); got != want {
			t.Errorf("%q: got %s, want %s", s, got, want)
		}
	}
}

// BenchmarkPlanJSON writes 10,000 planned milestones (100 tenders of 100):
// the render layer of testdata/bench.sh.
func BenchmarkPlanJSON(b *testing.B) {
	var plans []Plan
	for t := range 100 {
		r := &timeline.Result{Region: "gen-0001", Tender: fmt.Sprintf("t%03d", t), Schedule: "asap", Feasible: true}
		for i := range 100 {
			d := date.New(2026, time.March, 2) + date.Date(i)
			m := &region.Milestone{ID: fmt.Sprintf("m%d", i), Name: fmt.Sprintf("Mijlpaal %d", i), Kind: "other"}
			pl := timeline.Planned{Milestone: m, Date: d, Earliest: d}
			if i%2 == 0 {
				l, s := d+3, 3
				pl.Latest, pl.Slack = &l, &s
			}
			r.Milestones = append(r.Milestones, pl)
		}
		plans = append(plans, Plan{Result: r})
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := PlanJSON(io.Discard, plans, "en"); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10_000, "ns/milestone")
}
