package timeline

import (
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/date"

	"github.com/google/go-cmp/cmp"
	"github.com/tender-nl/tender/pkg/region"
)

func link(ms, cons string, line int, bound string) wantLink {
	l := wantLink{Milestone: ms, Constraint: cons, File: testFile, Line: line}
	if bound != "" {
		l.Bound = dp(bound)
	}
	return l
}

// TestInfeasible: every kind of conflict, with its whole chain. s is done
// on Mon 4 Jan 2021 throughout.
func TestInfeasible(t *testing.T) {
	tests := []struct {
		name  string
		r     *region.Region
		kind  ConflictKind
		chain []wantLink
		msg   string
		nl    string // the message in Dutch (--lang nl)
	}{
		{
			// pub ≥ s + 4w = 1 Feb, but ≤ 15 Jan.
			name: "dated before",
			r:    nl(tender(ms("s", "1 done: 2021-01-04"), ms("pub", "3 after: s + 4w", "4 before: 2021-01-15"))),
			kind: AboveUpper,
			chain: []wantLink{
				link("pub", "before: 2021-01-15", 4, "2021-01-15"),
				link("pub", "after: s + 4w", 3, "2021-02-01"),
				link("s", "done: 2021-01-04", 1, "2021-01-04"),
			},
			msg: `infeasible: pub must be on or before 2021-01-15 (test.yaml:4)
  but must be on or after s + 4w = 2021-02-01 (test.yaml:3), and
  s is done on 2021-01-04 (line 1)`,
			nl: `geen planning mogelijk: pub moet vallen op of vóór 2021-01-15 (test.yaml:4)
  maar moet vallen op of na s + 4w = 2021-02-01 (test.yaml:3), en
  s is afgerond op 2021-01-04 (regel 1)`,
		},
		{
			// pub ≥ s + 3d = Thu 7 Jan, aligned to Mon 11 Jan, but ≤ Fri 8 Jan.
			name: "alignment past a dated before",
			r:    nl(tender(ms("s", "1 done: 2021-01-04"), ms("pub", "3 after: s + 3d", "4 before: 2021-01-08", "5 align: mon"))),
			kind: AboveUpper,
			chain: []wantLink{
				link("pub", "before: 2021-01-08", 4, "2021-01-08"),
				link("pub", "after: s + 3d", 3, "2021-01-07"),
				link("pub", "align: mon", 5, "2021-01-11"),
				link("s", "done: 2021-01-04", 1, "2021-01-04"),
			},
			msg: `infeasible: pub must be on or before 2021-01-08 (test.yaml:4)
  but must be on or after s + 3d = 2021-01-07 (test.yaml:3), and
  pub moves to 2021-01-11 to fit align: mon (line 5),
  s is done on 2021-01-04 (line 1)`,
			nl: `geen planning mogelijk: pub moet vallen op of vóór 2021-01-08 (test.yaml:4)
  maar moet vallen op of na s + 3d = 2021-01-07 (test.yaml:3), en
  pub schuift naar 2021-01-11 vanwege align: mon (regel 5),
  s is afgerond op 2021-01-04 (regel 1)`,
		},
		{
			// answers ≥ s + 1w = 11 Jan and ≤ sub − 10d, which pushes sub to
			// 21 Jan, after its fixed 10 Jan.
			name: "relative before against a fixed date",
			r: nl(tender(ms("s", "1 done: 2021-01-04"), ms("answers", "3 after: s + 1w", "4 before: sub - 10d"),
				ms("sub", "6 on: 2021-01-10"))),
			kind: BeforeFixed,
			chain: []wantLink{
				link("sub", "on: 2021-01-10", 6, "2021-01-10"),
				link("sub", "answers before: sub - 10d", 4, "2021-01-21"),
				link("answers", "after: s + 1w", 3, "2021-01-11"),
				link("s", "done: 2021-01-04", 1, "2021-01-04"),
			},
			msg: `infeasible: sub is fixed at 2021-01-10 (test.yaml:6)
  but must be on or after 2021-01-21, to leave room for answers before: sub - 10d (test.yaml:4), and
  answers ≥ 2021-01-11 because s + 1w (line 3),
  s is done on 2021-01-04 (line 1)`,
			nl: `geen planning mogelijk: sub staat vast op 2021-01-10 (test.yaml:6)
  maar moet vallen op of na 2021-01-21, om ruimte te laten voor answers before: sub - 10d (test.yaml:4), en
  answers ≥ 2021-01-11 vanwege s + 1w (regel 3),
  s is afgerond op 2021-01-04 (regel 1)`,
		},
		{
			// The same push against a dated before of sub.
			name: "relative before against a dated before",
			r: nl(tender(ms("s", "1 done: 2021-01-04"), ms("answers", "3 after: s + 1w", "4 before: sub - 1w"),
				ms("sub", "6 before: 2021-01-15"))),
			kind: AboveUpper,
			chain: []wantLink{
				link("sub", "before: 2021-01-15", 6, "2021-01-15"),
				link("sub", "answers before: sub - 1w", 4, "2021-01-18"),
				link("answers", "after: s + 1w", 3, "2021-01-11"),
				link("s", "done: 2021-01-04", 1, "2021-01-04"),
			},
			msg: `infeasible: sub must be on or before 2021-01-15 (test.yaml:6)
  but must be on or after 2021-01-18, to leave room for answers before: sub - 1w (test.yaml:4), and
  answers ≥ 2021-01-11 because s + 1w (line 3),
  s is done on 2021-01-04 (line 1)`,
		},
		{
			name: "fixed date after its own before",
			r:    nl(tender(ms("a", "1 on: 2021-05-01", "2 before: 2021-04-01 - 1d"))),
			kind: AboveUpper,
			chain: []wantLink{
				link("a", "before: 2021-04-01 - 1d", 2, "2021-03-31"),
				link("a", "on: 2021-05-01", 1, "2021-05-01"),
			},
			msg: `infeasible: a must be on or before 2021-04-01 - 1d = 2021-03-31 (test.yaml:2)
  but is fixed at 2021-05-01 (test.yaml:1)`,
			nl: `geen planning mogelijk: a moet vallen op of vóór 2021-04-01 - 1d = 2021-03-31 (test.yaml:2)
  maar staat vast op 2021-05-01 (test.yaml:1)`,
		},
		{
			// pho's last meeting is 5 Nov 2020.
			name: "meeting list ran out",
			r:    withBodies(nl(tender(ms("s", "1 done: 2020-11-06"), ms("b", "2 after: s", "3 by: pho")))),
			kind: NoAlignedDate,
			chain: []wantLink{
				link("b", "by: pho", 3, ""),
				link("b", "after: s", 2, "2020-11-06"),
				link("s", "done: 2020-11-06", 1, "2020-11-06"),
			},
			msg: `infeasible: b has no date that by: pho allows on or after 2020-11-06 (test.yaml:3):
  b ≥ 2020-11-06 because s (line 2),
  s is done on 2020-11-06 (line 1)`,
			nl: `geen planning mogelijk: b heeft op of na 2020-11-06 geen datum die by: pho toestaat (test.yaml:3):
  b ≥ 2020-11-06 vanwege s (regel 2),
  s is afgerond op 2020-11-06 (regel 1)`,
		},
		{
			name: "out of range, dated",
			r:    nl(tender(ms("a", "1 after: 2199-12-01 + 2mo"))),
			kind: OutOfRange,
			chain: []wantLink{
				link("a", "after: 2199-12-01 + 2mo", 1, "2200-02-01"),
			},
			msg: `infeasible: a would fall on 2200-02-01, outside 1900-01-01 … 2199-12-31:
  a ≥ 2200-02-01 because after: 2199-12-01 + 2mo (line 1)`,
			nl: `geen planning mogelijk: a zou vallen op 2200-02-01, buiten 1900-01-01 … 2199-12-31:
  a ≥ 2200-02-01 vanwege after: 2199-12-01 + 2mo (regel 1)`,
		},
		{
			// 31 Dec 2199 is a Tuesday; Wed 1 Jan 2200 is New Year's Day, so
			// + 1wd is Thu 2 Jan 2200.
			name: "out of range, through a milestone",
			r:    nl(tender(ms("a", "1 done: 2199-12-31"), ms("b", "2 after: a + 1wd"))),
			kind: OutOfRange,
			chain: []wantLink{
				link("b", "after: a + 1wd", 2, "2200-01-02"),
				link("a", "done: 2199-12-31", 1, "2199-12-31"),
			},
		},
		{
			name:  "out of range, too early",
			r:     nl(tender(ms("a", "1 after: 1900-01-05 - 1w"))),
			kind:  OutOfRange,
			chain: []wantLink{link("a", "after: 1900-01-05 - 1w", 1, "1899-12-29")},
		},
		{
			// a reaches no date, so it gets the start: b ≥ c − 2w = 15 Feb.
			name: "through the tender start",
			r:    nl(tender(ms("a", "2 before: 2021-02-01"), ms("b", "4 after: c - 2w"), ms("c", "5 done: 2021-03-01"))),
			kind: AboveUpper,
			chain: []wantLink{
				link("a", "before: 2021-02-01", 2, "2021-02-01"),
				link("a", "tender start", 10, "2021-02-15"),
				link("b", "after: c - 2w", 4, "2021-02-15"),
				link("c", "done: 2021-03-01", 5, "2021-03-01"),
			},
			msg: `infeasible: a must be on or before 2021-02-01 (test.yaml:2)
  but must be on or after 2021-02-15, the tender's start (b's earliest date), as it reaches no dated bound (test.yaml:10), and
  b ≥ 2021-02-15 because c - 2w (line 4),
  c is done on 2021-03-01 (line 5)`,
			nl: `geen planning mogelijk: a moet vallen op of vóór 2021-02-01 (test.yaml:2)
  maar moet vallen op of na 2021-02-15, de start van de aanbesteding (de vroegste datum van b), omdat de keten geen vaste datum bereikt (test.yaml:10), en
  b ≥ 2021-02-15 vanwege c - 2w (regel 4),
  c is afgerond op 2021-03-01 (regel 5)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := plan(t, tt.r, Options{})
			if res.Feasible || res.Conflict == nil {
				t.Fatalf("feasible: %v", rows(res))
			}
			if diff := cmp.Diff(tt.chain, asWritten(res.Conflict.Chain)); diff != "" {
				t.Errorf("chain (-want +got):\n%s", diff)
			}
			if tt.msg != "" {
				if diff := cmp.Diff(tt.msg, message(res.Conflict, "en")); diff != "" {
					t.Errorf("message (-want +got):\n%s", diff)
				}
			}
			// In Dutch: the same chain, the message in Dutch.
			if tt.nl != "" {
				if diff := cmp.Diff(tt.nl, message(res.Conflict, "nl")); diff != "" {
					t.Errorf("message in Dutch (-want +got):\n%s", diff)
				}
			}
			// The kind, from the solver itself.
			cal := (&Planner{}).RegionCalendar(tt.r)
			prob, _, err := buildProblem(tt.r, tt.r.Tenders[0], cal, make([]*Move, len(tt.r.Tenders[0].Milestones)), &Options{})
			if err != nil {
				t.Fatal(err)
			}
			sol, err := Solve(prob, cal)
			if err != nil || sol.Conflict == nil || sol.Conflict.Kind != tt.kind {
				t.Errorf("kind: %+v, %v; want %d", sol.Conflict, err, tt.kind)
			}
		})
	}
}

// TestCycles: positive cycles are found (not looped on), zero and negative
// cycles are feasible, and a cycle of non-constant shifts settles.
func TestCycles(t *testing.T) {
	type key struct{ ms, cons string }
	positive := []struct {
		name string
		r    *region.Region
		want []key // the cycle, in any order and rotation
	}{
		{"two milestones",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "2 after: s", "3 after: b + 1d"), ms("b", "5 after: a + 1d"))),
			[]key{{"a", "after: b + 1d"}, {"b", "after: a + 1d"}}},
		{"three milestones, working days and months",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "2 after: c + 1mo"), ms("b", "3 after: a"), ms("c", "4 after: b - 1wd", "5 after: s + 1mo"))),
			[]key{{"a", "after: c + 1mo"}, {"b", "after: a"}, {"c", "after: b - 1wd"}}},
		{"itself",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "2 after: s", "3 after: a + 1w"))),
			[]key{{"a", "after: a + 1w"}}},
		{"through a relative before",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "2 after: s", "3 before: b - 1d", "4 after: b"), ms("b"))),
			[]key{{"b", "a before: b - 1d"}, {"a", "after: b"}}},
		{"reaching no date",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "3 after: b + 1d"), ms("b", "5 after: a + 1d"))),
			[]key{{"a", "after: b + 1d"}, {"b", "after: a + 1d"}}},
	}
	for _, tt := range positive {
		t.Run(tt.name, func(t *testing.T) {
			begin := time.Now()
			res := plan(t, tt.r, Options{})
			// A guard against a cycle that is looped on instead of found,
			// not a timing (BenchmarkSolve measures speed).
			if el := time.Since(begin); el > 30*time.Second {
				t.Errorf("took %v", el)
			}
			if res.Feasible {
				t.Fatalf("feasible: %v", rows(res))
			}
			var got []key
			for _, l := range res.Conflict.Chain {
				got = append(got, key{l.Milestone, LinkWords(&l)})
			}
			if len(got) != len(tt.want) || !cmp.Equal(sortedKeys(got), sortedKeys(tt.want)) {
				t.Errorf("cycle %v, want %v\n%s", got, tt.want, message(res.Conflict, "en"))
			}
			if tt.name == "two milestones" {
				want := `infeasible: a cycle of constraints pushes itself later forever:
  b ≥ a + 1d (line 5),
  a ≥ b + 1d (line 3)`
				if diff := cmp.Diff(want, message(res.Conflict, "en")); diff != "" {
					t.Errorf("message (-want +got):\n%s", diff)
				}
				want = `geen planning mogelijk: een kringverwijzing: de voorwaarden duwen elkaar steeds verder naar later:
  b ≥ a + 1d (regel 5),
  a ≥ b + 1d (regel 3)`
				if diff := cmp.Diff(want, message(res.Conflict, "nl")); diff != "" {
					t.Errorf("message in Dutch (-want +got):\n%s", diff)
				}
			}
		})
	}

	feasible := []struct {
		name string
		r    *region.Region
		want []string
	}{
		// a ≥ b and b ≥ a: both on s's date.
		{"zero cycle",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "2 after: s", "3 after: b"), ms("b", "4 after: a"))),
			[]string{"s 2021-01-04 2021-01-04 2021-01-04 0 CFD", "a 2021-01-04 2021-01-04 - -", "b 2021-01-04 2021-01-04 - -"}},
		// a ≥ b − 1d, b ≥ a − 1d: b takes the start (s's date), a = s.
		{"negative cycle",
			nl(tender(ms("s", "1 done: 2021-01-04"), ms("a", "2 after: s", "3 after: b - 1d"), ms("b", "4 after: a - 1d"))),
			[]string{"b 2021-01-03 2021-01-03 - -", "s 2021-01-04 2021-01-04 2021-01-04 0 CFD", "a 2021-01-04 2021-01-04 - -"}},
		// A ≥ B + 1mo, B ≥ A − 30d, A ≥ 1 Jan 2021. From A = 1 Jan, B = A −
		// 30d and A = B + 1mo rise a day a round until B = 29 Jan: then
		// A = 29 Jan + 1mo = 28 Feb (clamped) and 28 Feb − 30d = 29 Jan again.
		{"months against days settle",
			nl(tender(ms("s", "1 done: 2021-01-01"), ms("A", "2 after: s", "3 after: B + 1mo"), ms("B", "4 after: A - 30d"))),
			[]string{"s 2021-01-01 2021-01-01 2021-01-01 0 CFD", "B 2021-01-29 2021-01-29 - -", "A 2021-02-28 2021-02-28 - -"}},
		// The same cycle under a fixed A = 28 Feb: the backward pass settles
		// too (B ≤ the largest B with B + 1mo ≤ 28 Feb = 31 Jan; A ≤ B + 30d
		// holds for a fixed A), and s is 1 Jan.
		{"months against days, backward",
			nl(tender(ms("s", "1 done: 2021-01-01"), ms("A", "2 on: 2021-02-28", "3 after: B + 1mo"), ms("B", "4 after: A - 30d", "5 after: s"))),
			[]string{"s 2021-01-01 2021-01-01 2021-01-01 0 CFD", "B 2021-01-29 2021-01-29 2021-01-31 2", "A 2021-02-28 2021-02-28 2021-02-28 0 CF"}},
	}
	for _, tt := range feasible {
		t.Run(tt.name, func(t *testing.T) {
			res := plan(t, tt.r, Options{})
			if !res.Feasible {
				t.Fatalf("infeasible:\n%s", message(res.Conflict, "en"))
			}
			if diff := cmp.Diff(tt.want, rows(res)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func sortedKeys[K interface{ ~struct{ ms, cons string } }](v []K) []string {
	out := make([]string, len(v))
	for i, k := range v {
		s := struct{ ms, cons string }(k)
		out[i] = s.ms + "|" + s.cons
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// TestLargeCycle: a ring of n milestones found without walking it to
// 2199: one that certainly rises (+0d, …, +1wd) is proved at once; one with
// a month up and 27 days down rises too (a month has at least 28 days) but
// is only caught by the update budget.
func TestLargeCycle(t *testing.T) {
	for _, tt := range []struct {
		name string
		n    int
		last []Edge
	}{
		{"proved", 100_000, []Edge{{Sign: 1, Dur: date.Duration{N: 1, Unit: date.Workdays}}}},
		{"budget", 5_000, []Edge{{Sign: 1, Dur: date.Duration{N: 1, Unit: date.Months}}, {Sign: -1, Dur: date.Duration{N: 27, Unit: date.Days}}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.n
			p := &Problem{Nodes: make([]Node, n)}
			p.Bounds = []Bound{{Node: 0, Date: d("2021-01-04")}}
			for i := 1; i < n; i++ {
				p.Edges = append(p.Edges, Edge{Node: i, Ref: i - 1, Sign: 1, Src: i})
			}
			// The closing arcs: the first turns the ring back to node 0, the
			// second (if any) adds a node n-1 → n-2 hop.
			e := tt.last[0]
			e.Node, e.Ref, e.Src = 0, n-1, n
			p.Edges = append(p.Edges, e)
			if len(tt.last) > 1 {
				e := tt.last[1]
				e.Node, e.Ref, e.Src = n-1, n-2, n+1
				p.Edges[n-2] = e // replaces n-1 after n-2 + 0d
			}
			begin := time.Now()
			sol, err := Solve(p, (&Planner{}).RegionCalendar(nl(tender())))
			// A hang guard, not a timing, as above.
			if el := time.Since(begin); el > 30*time.Second {
				t.Errorf("took %v", el)
			}
			if err != nil || sol.Conflict == nil || sol.Conflict.Kind != Cycle {
				t.Fatalf("%v %+v", err, sol.Conflict)
			}
			if len(sol.Conflict.Chain) != n {
				t.Errorf("chain of %d steps, want %d", len(sol.Conflict.Chain), n)
			}
		})
	}
}

// TestConflictBuiltInFile: a conflict in a built-in region names its file
// as the tables do, in the message's language; the chain keeps the path.
func TestConflictBuiltInFile(t *testing.T) {
	r := nl(tender(ms("s", "1 done: 2021-01-04"), ms("pub", "3 after: s + 4w", "4 before: 2021-01-15")))
	r.ID, r.BuiltIn = "oost", true
	res := plan(t, r, Options{})
	for lang, want := range map[string]string{"en": "(built-in/oost.yaml:4)", "nl": "(ingebouwd/oost.yaml:4)"} {
		if first := strings.SplitN(message(res.Conflict, lang), "\n", 2)[0]; !strings.HasSuffix(first, want) {
			t.Errorf("%s: %q, want it to end in %s", lang, first, want)
		}
		if res.Conflict.Chain[0].File != testFile {
			t.Errorf("%s: chain file %q", lang, res.Conflict.Chain[0].File)
		}
	}
}
