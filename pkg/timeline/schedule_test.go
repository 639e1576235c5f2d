package timeline

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// asapAlap: s done Mon 4 Jan 2021; pub ≥ s + 1w = Mon 11 Jan; sub ≥ pub +
// 35d = Mon 15 Feb, and ≤ Mon 15 Mar; award ≥ sub + 1w, unbounded.
// Backward: sub ≤ 15 Mar (a working day), pub ≤ 15 Mar − 35d = Mon 8 Feb.
// Slack of pub and sub: 8 Feb − 11 Jan = 15 Mar − 15 Feb = 28 days.
func asapAlap(schedule region.Schedule) *region.Region {
	t := tender(
		ms("s", "1 done: 2021-01-04"),
		ms("pub", "3 after: s + 1w", "4 align: workday"),
		ms("sub", "6 after: pub + 35d", "7 align: workday", "8 before: 2021-03-15"),
		ms("award", "10 after: sub + 1w"),
	)
	t.Schedule = schedule
	return nl(t)
}

func TestASAPAndALAP(t *testing.T) {
	asap := []string{
		"s 2021-01-04 2021-01-04 2021-01-04 0 CFD",
		"pub 2021-01-11 2021-01-11 2021-02-08 28",
		"sub 2021-02-15 2021-02-15 2021-03-15 28",
		"award 2021-02-22 2021-02-22 - -",
	}
	// Under alap the unbounded award follows sub's planned date, 15 Mar +
	// 1w = 22 Mar, not its own earliest date 22 Feb (which would put it
	// before the sub it must follow).
	alap := []string{
		"s 2021-01-04 2021-01-04 2021-01-04 0 CFD",
		"pub 2021-02-08 2021-01-11 2021-02-08 28",
		"sub 2021-03-15 2021-02-15 2021-03-15 28",
		"award 2021-03-22 2021-02-22 - -",
	}
	tests := []struct {
		name                                 string
		tenderSchedule, option, wantSchedule region.Schedule
		want                                 []string
		start, end                           string
	}{
		{"default", "", "", "asap", asap, "2021-01-04", "2021-02-22"},
		{"tender alap", "alap", "", "alap", alap, "2021-01-04", "2021-03-22"},
		{"option alap", "", "alap", "alap", alap, "2021-01-04", "2021-03-22"},
		{"option asap beats tender", "alap", "asap", "asap", asap, "2021-01-04", "2021-02-22"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := plan(t, asapAlap(tt.tenderSchedule), Options{Schedule: tt.option})
			if diff := cmp.Diff(tt.want, rows(res)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if res.Schedule != tt.wantSchedule || !res.Feasible || res.Conflict != nil {
				t.Errorf("schedule %q feasible %v", res.Schedule, res.Feasible)
			}
			if res.Start != d(tt.start) || res.End != d(tt.end) {
				t.Errorf("span %s … %s, want %s … %s", res.Start, res.End, tt.start, tt.end)
			}
		})
	}
	if _, err := (&Planner{}).Plan(asapAlap(""), asapAlap("").Tenders[0], Options{Schedule: "soon"}); err == nil {
		t.Errorf("schedule soon: no error")
	}
}

// TestCritical: with sub ≤ Mon 15 Feb, the chain s → pub → sub has no slack.
func TestCritical(t *testing.T) {
	r := nl(tender(
		ms("s", "1 done: 2021-01-04"),
		ms("pub", "3 after: s + 1w", "4 align: workday"),
		ms("sub", "6 after: pub + 35d", "7 align: workday", "8 before: 2021-02-15"),
	))
	want := []string{
		"s 2021-01-04 2021-01-04 2021-01-04 0 CFD",
		"pub 2021-01-11 2021-01-11 2021-01-11 0 C",
		"sub 2021-02-15 2021-02-15 2021-02-15 0 C",
	}
	if diff := cmp.Diff(want, rows(plan(t, r, Options{}))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestTenderStart: a done 1 Mar 2021 and b ≥ a − 2w = 15 Feb reach a date;
// x and y do not. The start is the smallest earliest date among a and b,
// 15 Feb, so x = 15 Feb and y = x + 1w = 22 Feb. c reaches a date through a
// but also follows y: c = max(1 Mar, 22 Feb + 3w = 15 Mar) = 15 Mar, and
// the start stays 15 Feb (it is computed without the nodes that reach no
// date). x and b tie on 15 Feb: file order.
func TestTenderStart(t *testing.T) {
	r := nl(tender(
		ms("x"),
		ms("y", "2 after: x + 1w"),
		ms("a", "3 done: 2021-03-01"),
		ms("b", "4 after: a - 2w"),
		ms("c", "5 after: a", "6 after: y + 3w"),
	))
	res := plan(t, r, Options{})
	want := []string{
		"x 2021-02-15 2021-02-15 - -",
		"b 2021-02-15 2021-02-15 - -",
		"y 2021-02-22 2021-02-22 - -",
		"a 2021-03-01 2021-03-01 2021-03-01 0 CFD",
		"c 2021-03-15 2021-03-15 - -",
	}
	if diff := cmp.Diff(want, rows(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if res.TenderStart != d("2021-02-15") {
		t.Errorf("tender start %s", res.TenderStart)
	}
}

// TestTenderStartAligned: a milestone that reaches no date gets the start
// as its lower bound before its own alignment: start Wed 3 Mar 2021, so
// x with align: mon is Mon 8 Mar.
func TestTenderStartAligned(t *testing.T) {
	r := nl(tender(ms("a", "1 done: 2021-03-03"), ms("x", "2 align: mon")))
	if got := byID(plan(t, r, Options{}), "x"); got.Earliest != d("2021-03-08") {
		t.Errorf("x = %s", got.Earliest)
	}
}

func TestNoDatedBound(t *testing.T) {
	r := nl(tender(ms("a"), ms("b", "2 after: a + 1w", "3 before: 2021-01-01")))
	_, err := (&Planner{}).Plan(r, r.Tenders[0], Options{})
	var re *region.Error
	if !errors.As(err, &re) || re.Pos.Line != 10 || !strings.Contains(err.Error(), "give at least one on, done or dated after") {
		t.Errorf("err = %v", err)
	}
}

// TestBeforePushesChain: answers ≤ sub − 10d pushes sub, and sub's push
// goes on to award: s done Mon 4 Jan; answers ≥ s + 1w = 11 Jan; sub ≥ 11
// Jan + 10d = 21 Jan; award ≥ sub + 1d = 22 Jan. Backward: award ≤ 1 Feb,
// so sub ≤ 31 Jan and answers ≤ 21 Jan.
func TestBeforePushesChain(t *testing.T) {
	r := nl(tender(
		ms("s", "1 done: 2021-01-04"),
		ms("answers", "3 after: s + 1w", "4 before: sub - 10d"),
		ms("sub"),
		ms("award", "7 after: sub + 1d", "8 before: 2021-02-01"),
	))
	want := []string{
		"s 2021-01-04 2021-01-04 2021-01-04 0 CFD",
		"answers 2021-01-11 2021-01-11 2021-01-21 10",
		"sub 2021-01-21 2021-01-21 2021-01-31 10",
		"award 2021-01-22 2021-01-22 2021-02-01 10",
	}
	if diff := cmp.Diff(want, rows(plan(t, r, Options{}))); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMoves: --set replaces only the on date and keeps the after.
func TestMoves(t *testing.T) {
	mk := func() *region.Region {
		return nl(tender(
			ms("s", "1 done: 2021-01-04"),
			ms("pub", "3 on: 2021-02-01", "4 after: s + 4w"),
			ms("sub", "6 after: pub + 35d"),
			ms("extra", "8 after: s"),
		))
	}
	res := plan(t, mk(), Options{Set: []Move{{Milestone: "pub", Date: d("2021-03-01")}, {Milestone: "extra", Date: d("2021-01-05")}}})
	want := []string{
		"s 2021-01-04 2021-01-04 2021-01-04 0 CFD",
		"extra 2021-01-05 2021-01-05 2021-01-05 0 CF",
		"pub 2021-03-01 2021-03-01 2021-03-01 0 CF",
		"sub 2021-04-05 2021-04-05 - -",
	}
	if diff := cmp.Diff(want, rows(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// Moving pub before s + 4w = 1 Feb breaks its after.
	res = plan(t, mk(), Options{Set: []Move{{Milestone: "pub", Date: d("2021-01-20")}}})
	if res.Feasible {
		t.Fatalf("move before the after: feasible")
	}
	wantChain := []wantLink{
		{Milestone: "pub", Constraint: "on: 2021-01-20 (moved)", File: "", Line: 0, Bound: dp("2021-01-20")},
		{Milestone: "pub", Constraint: "after: s + 4w", File: testFile, Line: 4, Bound: dp("2021-02-01")},
		{Milestone: "s", Constraint: "done: 2021-01-04", File: testFile, Line: 1, Bound: dp("2021-01-04")},
	}
	if diff := cmp.Diff(wantChain, asWritten(res.Conflict.Chain)); diff != "" {
		t.Errorf("chain (-want +got):\n%s", diff)
	}
	wantMsg := `infeasible: pub is moved to 2021-01-20 (on the command line)
  but must be on or after s + 4w = 2021-02-01 (test.yaml:4), and
  s is done on 2021-01-04 (line 1)`
	if diff := cmp.Diff(wantMsg, message(res.Conflict, "en")); diff != "" {
		t.Errorf("message (-want +got):\n%s", diff)
	}

	// Held (reschedule --keep) rather than moved, in Dutch.
	res = plan(t, mk(), Options{Set: []Move{{Milestone: "pub", Date: d("2021-01-20"), Held: true}}})
	wantMsg = `geen planning mogelijk: pub wordt vastgehouden op 2021-01-20 (--keep)
  maar moet vallen op of na s + 4w = 2021-02-01 (test.yaml:4), en
  s is afgerond op 2021-01-04 (regel 1)`
	if diff := cmp.Diff(wantMsg, message(res.Conflict, "nl")); diff != "" {
		t.Errorf("held, in Dutch: message (-want +got):\n%s", diff)
	}

	// A done milestone cannot move; an unknown one gets a suggestion.
	tests := []struct {
		move Move
		want MoveError
		text string
	}{
		{Move{Milestone: "s", Date: d("2021-01-05")}, MoveError{Tender: "t", Milestone: "s", Done: true, DoneDate: d("2021-01-04")},
			"milestone s of tender t is done (2021-01-04) and cannot be moved"},
		{Move{Milestone: "pubb", Date: d("2021-01-05")}, MoveError{Tender: "t", Milestone: "pubb", Suggest: "pub", Known: []string{"s", "pub", "sub", "extra"}},
			`tender t has no milestone "pubb"; did you mean pub?`},
		{Move{Milestone: "contract", Date: d("2021-01-05")}, MoveError{Tender: "t", Milestone: "contract", Known: []string{"s", "pub", "sub", "extra"}},
			`tender t has no milestone "contract"; its milestones are s, pub, sub, extra`},
	}
	for _, tt := range tests {
		r := mk()
		_, err := (&Planner{}).Plan(r, r.Tenders[0], Options{Set: []Move{tt.move}})
		var me *MoveError
		if !errors.As(err, &me) {
			t.Fatalf("%v: err = %v", tt.move, err)
		}
		if diff := cmp.Diff(tt.want, *me); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.move, diff)
		}
		if err.Error() != tt.text {
			t.Errorf("%v: %q", tt.move, err.Error())
		}
	}
	r := mk()
	if _, err := (&Planner{}).Plan(r, r.Tenders[0], Options{Set: []Move{{Milestone: "pub", Date: d("2021-03-01")}, {Milestone: "pub", Date: d("2021-03-02")}}}); err == nil {
		t.Errorf("moved twice: no error")
	}
}

// TestRiskRun: Relax turns on dates that are not done into lower bounds and
// drops dated upper bounds; Delays are added before alignment. a ≥ 1 Mar
// 2021 + 2w = 15 Mar; b ≥ a + 1w = 22 Mar, + 3wd = Thu 25 Mar, aligned to
// Mon 29 Mar.
func TestRiskRun(t *testing.T) {
	r := nl(tender(
		ms("a", "1 on: 2021-03-01"),
		ms("b", "2 after: a + 1w", "3 before: 2021-03-10", "4 align: mon"),
	))
	res := plan(t, r, Options{Relax: true, Delays: map[string][]date.Duration{
		"a": {{N: 2, Unit: date.Weeks}},
		"b": {{N: 3, Unit: date.Workdays}},
	}})
	want := []string{
		"a 2021-03-15 2021-03-15 - -",
		"b 2021-03-29 2021-03-29 - -",
	}
	if diff := cmp.Diff(want, rows(res)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestCalendarShared: tenders of regions with the same calendar share it,
// within one planner; two planners share nothing (there is no package
// cache).
func TestCalendarShared(t *testing.T) {
	p := &Planner{}
	a, b := asapAlap(""), asapAlap("")
	if p.RegionCalendar(a) != p.RegionCalendar(b) {
		t.Errorf("two calendars for one spec")
	}
	if p.RegionCalendar(a) == (&Planner{}).RegionCalendar(a) {
		t.Errorf("two planners share a calendar")
	}
	b.Calendar.Holidays = "none"
	if p.RegionCalendar(a) == p.RegionCalendar(b) {
		t.Errorf("one calendar for two specs")
	}
}
