package gentest

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/cmd/root"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

// planJSON is what tender plan -o json prints: every field of a plan and a
// milestone that the model decides.
type planJSON struct {
	Plans []struct {
		Region         string          `json:"region"`
		Municipalities []string        `json:"municipalities"`
		Tender         string          `json:"tender"`
		Scenario       *string         `json:"scenario"`
		Schedule       string          `json:"schedule"`
		Feasible       bool            `json:"feasible"`
		Conflict       json.RawMessage `json:"conflict"`
		Contract       *struct {
			ID               string  `json:"id"`
			Start            string  `json:"start"`
			End              string  `json:"end"`
			NextOptionNotice *string `json:"next_option_notice"`
		} `json:"contract"`
		Milestones []struct {
			ID       string    `json:"id"`
			Name     string    `json:"name"`
			Kind     string    `json:"kind"`
			Date     string    `json:"date"`
			Earliest string    `json:"earliest"`
			Latest   *string   `json:"latest"`
			Slack    *int      `json:"slack"`
			Critical bool      `json:"critical"`
			Fixed    bool      `json:"fixed"`
			Done     bool      `json:"done"`
			By       *string   `json:"by"`
			Bodies   *[]string `json:"bodies"`
		} `json:"milestones"`
	} `json:"plans"`
}

// tender runs tender in this process with the file text on standard input
// and nothing from the environment or a config file.
func tender(text string, args ...string) (stdout, stderr string, code int) {
	ios, in, out, errOut := iostreams.Test()
	in.WriteString(text)
	f := &cmdutil.Factory{
		IOStreams: ios,
		Now:       func() time.Time { return time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC) },
		Env:       func(string) (string, bool) { return "", false },
	}
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(args)
	cmd.SetIn(in)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	err := cmd.Execute()
	if err != nil {
		fmt.Fprintln(errOut, err)
	}
	return out.String(), errOut.String(), cmdutil.ExitCode(err)
}

// run is one call of tender plan on a generated file.
type run struct {
	scenario string
	schedule string // --asap/--alap, or "" for the file's
	moves    []Move
}

func (r run) args() []string {
	a := []string{"plan", "-", "-o", "json"}
	if r.scenario != "" {
		a = append(a, "--scenario", r.scenario)
	}
	if r.schedule != "" {
		a = append(a, "--"+r.schedule)
	}
	for _, m := range r.moves {
		a = append(a, "--set", m.ID+"="+m.Date.String())
	}
	return a
}

// runs are the calls made for a file: the base, each scenario, and now and
// then another schedule or a move.
func runs(f *File, seed uint64) []run {
	g := NewGen(seed ^ 0x5bd1e995)
	out := []run{{}}
	for _, s := range f.Scenarios {
		out = append(out, run{scenario: s.ID})
	}
	for i := range out {
		if g.chance(0.2) {
			out[i].schedule = []string{"asap", "alap"}[g.intn(2)]
		}
	}
	if g.chance(0.3) {
		r := out[g.intn(len(out))]
		ms := f.Tender(r.scenario)
		m := ms[g.intn(len(ms))]
		if m.Done == nil {
			g.center = MakeDay(2026, time.January, 1) + Day(g.intn(730))
			r.moves = []Move{{ID: m.ID, Date: g.dayNear(-30, 200)}}
			out = append(out, r)
		}
	}
	return out
}

// check generates the file of seed, plans it with tender and with the
// reference, and reports every difference.
func check(t testing.TB, seed uint64) (feasible, infeasible int) {
	f := NewGen(seed).File()
	text := Write(f, seed)
	if len(f.Scenarios) > 0 {
		checkCompare(t, seed, f, text)
	}
	for _, r := range runs(f, seed) {
		want, err := Plan(f, r.scenario, r.schedule, r.moves)
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, text)
		}
		stdout, stderr, code := tender(text, r.args()...)
		fail := func(format string, a ...any) {
			t.Helper()
			t.Fatalf("seed %d, tender %s:\n%s\n--- file:\n%s--- stdout:\n%s--- stderr:\n%s", seed, strings.Join(r.args(), " "), fmt.Sprintf(format, a...), text, stdout, stderr)
		}
		wantCode := 0
		if !want.Feasible {
			wantCode = 1
		}
		if code != wantCode {
			fail("exit %d, want %d (reference: feasible %v)", code, wantCode, want.Feasible)
		}
		var got planJSON
		if err := json.Unmarshal([]byte(stdout), &got); err != nil {
			fail("JSON: %v", err)
		}
		if len(got.Plans) != 1 {
			fail("%d plans, want 1", len(got.Plans))
		}
		p := got.Plans[0]
		wantScenario := (*string)(nil)
		if r.scenario != "" {
			wantScenario = &r.scenario
		}
		if !cmp.Equal(p.Municipalities, []string{"Tiel"}) {
			fail("municipalities %v, want the region's, [Tiel]", p.Municipalities)
		}
		if p.Region != "gen" || p.Tender != f.TenderID || !cmp.Equal(p.Scenario, wantScenario) || p.Schedule != want.Schedule {
			fail("plan header region %q tender %q scenario %v schedule %q, want gen %s %v %s", p.Region, p.Tender, p.Scenario, p.Schedule, f.TenderID, wantScenario, want.Schedule)
		}
		if c := want.Contract; (c == nil) != (p.Contract == nil) ||
			c != nil && (p.Contract.ID != c.ID || p.Contract.Start != c.Start.String() || p.Contract.End != c.End.String() ||
				(c.NextNotice == nil) != (p.Contract.NextOptionNotice == nil) ||
				c.NextNotice != nil && *p.Contract.NextOptionNotice != c.NextNotice.String()) {
			fail("contract %+v, want %+v", p.Contract, want.Contract)
		}
		if p.Feasible != want.Feasible || (string(p.Conflict) == "null") != want.Feasible {
			fail("feasible %v, conflict %s; reference: feasible %v", p.Feasible, p.Conflict, want.Feasible)
		}
		if !want.Feasible {
			infeasible++
			if len(p.Milestones) != 0 {
				fail("an infeasible plan lists %d milestones, want none", len(p.Milestones))
			}
			continue
		}
		feasible++
		type row struct {
			ID, Name, Kind, Date, Earliest string
			Latest                         *string
			Slack                          *int
			Critical, Fixed, Done          bool
			By                             *string
			Bodies                         []string // null, or the one body of by
		}
		var gotRows, wantRows []row
		for _, m := range p.Milestones {
			gotRows = append(gotRows, row{m.ID, m.Name, m.Kind, m.Date, m.Earliest, m.Latest, m.Slack, m.Critical, m.Fixed, m.Done, m.By, derefList(m.Bodies)})
		}
		for _, m := range want.Milestones {
			rw := row{ID: m.ID, Name: m.Name, Kind: m.Kind, Date: m.Date.String(), Earliest: m.Earliest.String(),
				Slack: m.Slack, Critical: m.Critical, Fixed: m.Fixed, Done: m.Done}
			if m.Latest != nil {
				s := m.Latest.String()
				rw.Latest = &s
			}
			if m.By != "" {
				by := m.By
				rw.By, rw.Bodies = &by, m.Bodies
			}
			wantRows = append(wantRows, rw)
		}
		if diff := cmp.Diff(wantRows, gotRows); diff != "" {
			fail("milestones differ from the reference (-reference +tender):\n%s", diff)
		}
	}
	return feasible, infeasible
}

// compareJSON is what tender compare -o json prints, the fields the model
// decides.
type compareJSON struct {
	Scenarios []struct {
		Name       string `json:"name"`
		Feasible   bool   `json:"feasible"`
		Milestones []struct {
			ID            string `json:"id"`
			Date          string `json:"date"`
			ShiftDays     *int   `json:"shift_days"`
			ShiftWorkdays *int   `json:"shift_workdays"`
		} `json:"milestones"`
	} `json:"scenarios"`
}

// checkCompare runs tender compare on the file: the base and every
// scenario side by side, each with the reference's feasibility, dates and
// order, and the shift against the base in days and working days.
func checkCompare(t testing.TB, seed uint64, f *File, text string) {
	stdout, stderr, code := tender(text, "compare", "-", "-o", "json")
	fail := func(format string, a ...any) {
		t.Helper()
		t.Fatalf("seed %d, tender compare - -o json:\n%s\n--- file:\n%s--- stdout:\n%s--- stderr:\n%s", seed, fmt.Sprintf(format, a...), text, stdout, stderr)
	}
	if code == 2 {
		fail("exit 2")
	}
	var got compareJSON
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		fail("JSON: %v", err)
	}
	names := []string{"base"}
	for _, s := range f.Scenarios {
		names = append(names, s.ID)
	}
	if len(got.Scenarios) != len(names) {
		fail("%d plans, want %d", len(got.Scenarios), len(names))
	}
	base, err := Plan(f, "", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	baseDate := map[string]Day{}
	for _, m := range base.Milestones {
		baseDate[m.ID] = m.Date
	}
	type cell struct {
		ID, Date       string
		Days, Workdays *int
	}
	for k, name := range names {
		sc := ""
		if k > 0 {
			sc = name
		}
		want, err := Plan(f, sc, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		g := got.Scenarios[k]
		if g.Name != name || g.Feasible != want.Feasible {
			fail("plan %d: %s feasible %v, want %s feasible %v", k, g.Name, g.Feasible, name, want.Feasible)
		}
		var gotCells, wantCells []cell
		for _, m := range g.Milestones {
			gotCells = append(gotCells, cell{m.ID, m.Date, m.ShiftDays, m.ShiftWorkdays})
		}
		for _, m := range want.Milestones {
			c := cell{ID: m.ID, Date: m.Date.String()}
			if b, ok := baseDate[m.ID]; ok {
				d, w := int(m.Date-b), WorkdaysBetween(f, b, m.Date)
				c.Days, c.Workdays = &d, &w
			}
			wantCells = append(wantCells, c)
		}
		if diff := cmp.Diff(wantCells, gotCells); diff != "" {
			fail("plan %s differs from the reference (-reference +tender):\n%s", name, diff)
		}
	}
}

// TestGeneratedFiles plans a few thousand generated files with tender and
// with the reference and compares every field of every milestone.
func TestGeneratedFiles(t *testing.T) {
	n := uint64(3000)
	if testing.Short() {
		n = 300
	}
	const parts = 4
	var mu sync.Mutex
	feasible, infeasible := 0, 0
	t.Run("files", func(t *testing.T) {
		for k := range uint64(parts) {
			t.Run(fmt.Sprint(k), func(t *testing.T) {
				t.Parallel()
				a, b := 0, 0
				for seed := k * n / parts; seed < (k+1)*n/parts; seed++ {
					x, y := check(t, seed)
					a, b = a+x, b+y
				}
				mu.Lock()
				feasible, infeasible = feasible+a, infeasible+b
				mu.Unlock()
			})
		}
	})
	t.Logf("%d files: %d feasible plans, %d infeasible", n, feasible, infeasible)
	if infeasible*10 < feasible || feasible*3 < infeasible {
		t.Errorf("%d feasible and %d infeasible plans: the generator tests too little of one side", feasible, infeasible)
	}
}

// FuzzGeneratedFiles is TestGeneratedFiles with the seed from the fuzzer
// (.ci/run runs it for a few seconds; longer with FUZZTIME).
func FuzzGeneratedFiles(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		check(t, seed)
	})
}

func derefList(p *[]string) []string {
	if p == nil {
		return nil
	}
	return *p
}
