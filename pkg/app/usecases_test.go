package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/source"
)

// The dates of rs.yaml, by hand: decision is done on Tue 2026-01-13;
// publication is decision + 4w = Tue 2026-02-10, a working day. Scenario
// late publishes on Wed 2026-04-01.
//
// From 02-10 to 04-01 is 50 days (18 to 28 Feb, 31 in March, 1 in April),
// and the working days in (02-10, 04-01] are Wed 11 to Fri 13 Feb (3),
// six whole weeks from 16 Feb to 27 Mar (30) and Mon 30 Mar to Wed 1 Apr
// (3): 36, no holiday among them (Good Friday is 3 Apr 2026).

func TestCheck(t *testing.T) {
	fsys := fstest.MapFS{
		"rs.yaml":  {Data: []byte(rsYAML)},
		"two.yaml": {Data: []byte(twoYAML)},
		"bad.yaml": {Data: []byte("version: 1\nregion: [\n")},
	}
	a := app.New(app.FSFinder{FS: fsys}, app.Config{Today: mustDate(t, "2026-01-20")})
	tests := []struct {
		name              string
		req               app.CheckRequest
		runs, tenders     int
		inputErrors       bool
		unknown           string // the What of an UnknownError, or ""
		nothingChecked    bool
		firstRunScenarios []string
	}{
		{name: "base and every scenario", req: app.CheckRequest{Args: []string{"rs"}}, runs: 2, tenders: 1,
			firstRunScenarios: []string{"", "late"}},
		{name: "one scenario", req: app.CheckRequest{Args: []string{"rs"}, Scenario: "late"}, runs: 2, tenders: 1,
			firstRunScenarios: []string{"", "late"}},
		{name: "the base alone", req: app.CheckRequest{Args: []string{"rs"}, Scenario: "base"}, runs: 1, tenders: 1,
			firstRunScenarios: []string{""}},
		{name: "two regions", req: app.CheckRequest{Args: []string{"rs", "two"}}, runs: 4, tenders: 3},
		{name: "a broken file beside a good one", req: app.CheckRequest{Args: []string{"rs", "bad"}}, runs: 2, tenders: 1,
			inputErrors: true},
		{name: "an unknown tender where a file is broken: its errors are the answer",
			req: app.CheckRequest{Args: []string{"rs", "bad"}, Tenders: []string{"nope"}}, inputErrors: true, nothingChecked: true},
		{name: "an unknown tender", req: app.CheckRequest{Args: []string{"rs"}, Tenders: []string{"nope"}}, unknown: "tender"},
		{name: "an unknown scenario", req: app.CheckRequest{Args: []string{"rs"}, Scenario: "lte"}, unknown: "scenario"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := a.Check(tt.req)
			if tt.unknown != "" {
				var ue *app.UnknownError
				if !errors.As(err, &ue) || ue.What != tt.unknown {
					t.Fatalf("err = %v, want an unknown %s", err, tt.unknown)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Runs) != tt.runs || rep.Tenders != tt.tenders {
				t.Errorf("runs %d, tenders %d; want %d, %d", len(rep.Runs), rep.Tenders, tt.runs, tt.tenders)
			}
			if got := rep.InputErrors() != nil; got != tt.inputErrors {
				t.Errorf("input errors: %v, want %v", rep.InputErrors(), tt.inputErrors)
			}
			if rep.NothingChecked() != tt.nothingChecked {
				t.Errorf("NothingChecked = %v", rep.NothingChecked())
			}
			for i, sc := range tt.firstRunScenarios {
				if got := rep.Runs[i].Tender.Scenario; got != sc {
					t.Errorf("run %d is of scenario %q, want %q", i, got, sc)
				}
			}
		})
	}
}

func TestCompare(t *testing.T) {
	a := testApp(t)
	rep, err := a.Compare(app.CompareRequest{Args: []string{"rs"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Columns) != 2 || rep.Columns[0].Name != "base" || rep.Columns[1].Name != "late" {
		t.Fatalf("columns %+v", rep.Columns)
	}
	for _, row := range rep.Rows {
		if row.ID != "publication" {
			continue
		}
		c := row.Cells[1]
		if c.Date != mustDate(t, "2026-04-01") || c.Shift == nil || c.Shift.Days != 50 || c.Shift.Workdays != 36 {
			t.Errorf("publication in late: %s %+v, want 2026-04-01 +50d +36wd", c.Date, c.Shift)
		}
	}
	// Several tenders: the request must name one.
	if _, err := a.Compare(app.CompareRequest{Args: []string{"two"}}); err == nil || !strings.Contains(err.Error(), "choose one with --tender") {
		t.Errorf("two tenders: err = %v", err)
	}
	_, err = a.Compare(app.CompareRequest{Args: []string{"rs"}, Scenarios: []string{"lte"}})
	var ue *app.UnknownError
	if !errors.As(err, &ue) || ue.Suggestion() != "late" {
		t.Errorf("scenario typo: err = %v", err)
	}
}

// TestSameTypoSameWords: the typo publicaton gets the same suggestion in
// the same words from --set (plan, compare), --keep and a move
// (reschedule), but for the flag that named it.
func TestSameTypoSameWords(t *testing.T) {
	a := testApp(t)
	const rest = `unknown milestone "publicaton" (did you mean "publication"?) (milestones of tender t2026: decision, publication, submission, award-decision, standstill-end, award, contract-start)`
	_, errPlan := a.Plan(app.PlanRequest{Args: []string{"rs"}, Sets: []string{"publicaton=2026-03-02"}})
	_, errCompare := a.Compare(app.CompareRequest{Args: []string{"rs"}, Sets: []string{"publicaton=2026-03-02"}})
	_, errKeep := a.Reschedule(app.RescheduleRequest{Region: "rs", Moves: []string{"submission=2026-04-01"}, Keeps: []string{"publicaton"}})
	_, errMove := a.Reschedule(app.RescheduleRequest{Region: "rs", Moves: []string{"publicaton=2026-03-02"}})
	for _, c := range []struct {
		err  error
		want string
	}{{errPlan, "--set: " + rest}, {errCompare, "--set: " + rest}, {errKeep, "--keep: " + rest}, {errMove, rest}} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("got  %v\nwant %s", c.err, c.want)
		}
	}
}

func TestReschedule(t *testing.T) {
	a := testApp(t)
	// publication from Tue 02-10 to Mon 03-02: +20 days; the working days
	// in (02-10, 03-02] are 11–13 Feb (3), two whole weeks (10) and 2 Mar.
	rep, err := a.Reschedule(app.RescheduleRequest{Region: "rs", Moves: []string{"publication=2026-03-02"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Infeasible || rep.Blocked || rep.Written != "" {
		t.Fatalf("infeasible %v, blocked %v, written %q", rep.Infeasible, rep.Blocked, rep.Written)
	}
	for _, row := range rep.Rows {
		if row.ID == "publication" && (row.Shift == nil || row.Shift.Days != 20 || row.Shift.Workdays != 14) {
			t.Errorf("publication shift %+v, want +20d +14wd", row.Shift)
		}
	}
	// The scenario late gives publication its own date: the base's move
	// does not reach it, and it stays feasible.
	if len(rep.Scenarios) != 1 || len(rep.Conflicts()) != 0 {
		t.Errorf("scenarios %d, conflicts %d; want 1, 0", len(rep.Scenarios), len(rep.Conflicts()))
	}
	// Before decision + 4w there is no schedule: an answer, not an error.
	rep, err = a.Reschedule(app.RescheduleRequest{Region: "rs", Moves: []string{"publication=2026-02-02"}})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Infeasible || len(rep.Conflicts()) != 1 {
		t.Errorf("infeasible %v, conflicts %d; want true, 1", rep.Infeasible, len(rep.Conflicts()))
	}
	// Two tenders, and the move's milestone is in both: name one.
	_, err = a.Reschedule(app.RescheduleRequest{Region: "two", Moves: []string{"publication=2026-03-09"}})
	if err == nil || !strings.Contains(err.Error(), "choose one with --tender") {
		t.Errorf("err = %v", err)
	}
	_, err = a.Reschedule(app.RescheduleRequest{Region: "two", Tender: "c", Moves: []string{"publication=2026-03-09"}})
	if err == nil || err.Error() != `unknown tender "c" (tenders of region two: a, b)` {
		t.Errorf("err = %v", err)
	}
}

// TestRescheduleWrite writes a move into a file on disk and reads back the
// on: it put there.
func TestRescheduleWrite(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "rs.yaml")
	if err := os.WriteFile(p, []byte(rsYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	a := app.New(&source.Finder{}, app.Config{Today: mustDate(t, "2026-01-20")})
	rep, err := a.Reschedule(app.RescheduleRequest{Region: p, Moves: []string{"publication=2026-03-02"}, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Written != p {
		t.Fatalf("Written = %q, want %q", rep.Written, p)
	}
	src, _ := os.ReadFile(p)
	r, err := region.Load(p, src)
	if err != nil {
		t.Fatal(err)
	}
	if on := r.Tenders[0].Milestone("publication").On; on == nil || on.Date != mustDate(t, "2026-03-02") {
		t.Errorf("publication on: %+v, want 2026-03-02", on)
	}
	// Built-in regions cannot be written.
	_, err = a.Reschedule(app.RescheduleRequest{Region: "achterhoek", Moves: []string{"publicatie=2021-04-08"}, Write: true})
	var ue *app.UsageError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "built-in region") {
		t.Errorf("built-in: err = %v", err)
	}
}

func TestRisk(t *testing.T) {
	a := testApp(t)
	if _, err := a.Risk(app.RiskRequest{Args: []string{"rs"}, Runs: 0}); err == nil {
		t.Error("0 runs is no error")
	}
	rep, err := a.Risk(app.RiskRequest{Args: []string{"rs"}, Runs: 100, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// rs.yaml has no risks: every run is the plan.
	for _, m := range rep.Milestones {
		if m.Milestone.ID == "publication" && (m.P50 == nil || *m.P50 != mustDate(t, "2026-02-10")) {
			t.Errorf("publication P50 %v, want 2026-02-10", m.P50)
		}
	}
	if _, err := a.Risk(app.RiskRequest{Args: []string{"two"}, Runs: 100}); err == nil {
		t.Error("two tenders and no --tender is no error")
	}
}

func TestOverview(t *testing.T) {
	rep, err := testApp(t).Overview(app.OverviewRequest{})
	if err != nil {
		t.Fatal(err)
	}
	// t2026 has a contract start (2027-01-01); a and b have none and come
	// last, by region and tender id.
	var ids []string
	for _, r := range rep.Overview.Rows {
		ids = append(ids, r.Tender.ID)
	}
	if strings.Join(ids, " ") != "t2026 a b" {
		t.Errorf("rows %v, want [t2026 a b]", ids)
	}
}

func TestCalendar(t *testing.T) {
	a := testApp(t) // today is Tue 2026-01-20
	span, err := a.CalendarBetween(app.CalendarBetweenRequest{From: "2026-02-10", To: "2026-04-01"})
	if err != nil {
		t.Fatal(err)
	}
	if span.Days != 50 || span.WorkingDays != 36 || span.Region != nil {
		t.Errorf("between: %+v, want 50d 36wd in the default calendar", span)
	}
	// today to Tue 2026-01-27: 7 days, 5 working days.
	span, err = a.CalendarBetween(app.CalendarBetweenRequest{From: "today", To: "2026-01-27"})
	if err != nil || span.From.String() != "2026-01-20" || span.WorkingDays != 5 {
		t.Errorf("between today: %+v, %v", span, err)
	}
	tests := []struct {
		name     string
		req      app.CalendarRequest
		from, to string // the range listed
		err      string
	}{
		{"a range", app.CalendarRequest{Region: "rs", From: "2026-01-01", To: "2026-12-31"}, "2026-01-01", "2026-12-31", ""},
		{"the default: today and a year", app.CalendarRequest{}, "2026-01-20", "2027-01-20", ""},
		{"a year from --from", app.CalendarRequest{From: "2026-03-31"}, "2026-03-31", "2027-03-31", ""},
		{"--to today", app.CalendarRequest{From: "2026-01-01", To: "today"}, "2026-01-01", "2026-01-20", ""},
		{"--to before --from", app.CalendarRequest{From: "2026-02-01", To: "2026-01-01"}, "", "", "--to 2026-01-01 is before --from 2026-02-01"},
		{"a bad --from", app.CalendarRequest{From: "2026-02-30"}, "", "", `invalid --from "2026-02-30"`},
		{"a bad --to", app.CalendarRequest{To: "tomorrow"}, "", "", `invalid --to "tomorrow"`},
	}
	for _, tt := range tests {
		rep, err := a.Calendar(tt.req)
		if tt.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		v := rep.Views[0]
		if len(rep.Views) != 1 || v.From.String() != tt.from || v.To.String() != tt.to {
			t.Errorf("%s: %d views, the first %s to %s, want one %s to %s", tt.name, len(rep.Views), v.From, v.To, tt.from, tt.to)
		}
	}
}

// TestCalendarAdd: DATE and DUR as typed; Fri 2026-04-24 + 5wd skips
// King's Day (Mon 04-27): 28, 29, 30 Apr, 1 May, Mon 4 May.
func TestCalendarAdd(t *testing.T) {
	a := testApp(t)
	tests := []struct {
		date, dur, want, err string
	}{
		{"2026-04-24", "+5wd", "2026-05-04", ""},
		{"2026-05-04", "-5wd", "2026-04-24", ""},
		{"today", "−1wd", "2026-01-19", ""}, // Tue 01-20 less a working day
		{"2026-13-01", "+1d", "", `invalid DATE "2026-13-01"`},
		{"2026-04-24", "5 weeks", "", `invalid DUR "5 weeks"`},
		{"2199-12-31", "+1d", "", "2199-12-31 +1d is outside the years 1900–2199"},
	}
	for _, tt := range tests {
		sum, err := a.CalendarAdd(app.CalendarAddRequest{Date: tt.date, Duration: tt.dur})
		if tt.err != "" {
			if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
				t.Errorf("%s %s: error %v, want %q", tt.date, tt.dur, err, tt.err)
			}
			continue
		}
		if err != nil || sum.Result.String() != tt.want {
			t.Errorf("%s %s = %v, %v; want %s", tt.date, tt.dur, sum, err, tt.want)
		}
	}
}

// TestParseSignedDuration: a DUR of tender calendar add: an optional
// sign, the minus sign of word processors too, and a duration.
func TestParseSignedDuration(t *testing.T) {
	tests := []struct {
		in      string
		sign    int
		want    date.Duration
		wantErr string
	}{
		{"+3wd", 1, date.Duration{N: 3, Unit: date.Workdays}, ""},
		{"3wd", 1, date.Duration{N: 3, Unit: date.Workdays}, ""},
		{"-1mo", -1, date.Duration{N: 1, Unit: date.Months}, ""},
		{"−2w", -1, date.Duration{N: 2, Unit: date.Weeks}, ""}, // U+2212
		{" + 20d ", 1, date.Duration{N: 20, Unit: date.Days}, ""},
		{"+0wd", 1, date.Duration{N: 0, Unit: date.Workdays}, ""},
		{"+1y", 1, date.Duration{N: 1, Unit: date.Years}, ""},
		{"+3", 0, date.Duration{}, "no unit"},
		{"3 weeks", 0, date.Duration{}, "unknown unit"},
		{"--3d", 0, date.Duration{}, "not a duration"},
		{"", 0, date.Duration{}, "not a duration"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			sign, d, err := app.ParseSignedDuration(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || sign != tt.sign || d != tt.want {
				t.Errorf("= %d, %v, %v; want %d, %v", sign, d, err, tt.sign, tt.want)
			}
		})
	}
}
