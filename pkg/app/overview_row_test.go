package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/render"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

func overviewRow(regionID, tenderID string, feasible bool, ms ...timeline.Planned) render.OverviewRow {
	r := &region.Region{ID: regionID}
	t := &region.Tender{ID: tenderID}
	res := &timeline.Result{Feasible: feasible, Milestones: ms}
	return app.NewOverviewRow(r, t, res, 0, 0, date.New(2026, time.November, 22))
}

func planned(id string, kind region.Kind, d date.Date, done bool) timeline.Planned {
	return timeline.Planned{Milestone: &region.Milestone{ID: id, Kind: kind}, Date: d, Done: done}
}

// The first milestone of a kind in planned date order is the one shown; the
// next milestone is the first on or after today (today included) that is
// not done.
func TestNewOverviewRow(t *testing.T) {
	d := func(m time.Month, day int) date.Date { return date.New(2026, m, day) }
	row := overviewRow("r", "t", true,
		planned("p1", "publication", d(time.March, 2), true),
		planned("late", "decision", d(time.November, 22), true), // done: not next
		planned("p2", "publication", d(time.November, 22), false),
		planned("s", "submission", d(time.December, 1), false),
		planned("c", "contract-start", d(time.December, 31), false),
	)
	if row.Publication.Milestone.ID != "p1" || row.Submission.Milestone.ID != "s" || row.Award != nil || row.ContractStart.Milestone.ID != "c" {
		t.Errorf("kinds: %+v", row)
	}
	if row.Next == nil || row.Next.Milestone.ID != "p2" {
		t.Errorf("next: %+v", row.Next)
	}
	if row.Slack() != nil {
		t.Errorf("slack of an unbounded contract start: %v", *row.Slack())
	}
	if r := overviewRow("r", "t", false); r.Next != nil || r.ContractStart != nil {
		t.Errorf("infeasible row: %+v", r)
	}
}

// Sorted by contract start, ties by region id then tender id, rows without a
// contract start last (also sorted by region and tender).
func TestSortOverview(t *testing.T) {
	jan := date.New(2027, time.January, 1)
	cs := func(d date.Date) timeline.Planned { return planned("c", "contract-start", d, false) }
	rows := []render.OverviewRow{
		overviewRow("west", "b", true),
		overviewRow("west", "a", true, cs(jan)),
		overviewRow("oost", "z", true, cs(jan)),
		overviewRow("oost", "a", false),
		overviewRow("zuid", "a", true, cs(jan-1)),
		overviewRow("oost", "y", true, cs(jan)),
	}
	app.SortOverview(rows)
	var got []string
	for _, r := range rows {
		got = append(got, r.Region.ID+"/"+r.Tender.ID)
	}
	want := []string{"zuid/a", "oost/y", "oost/z", "west/a", "oost/a", "west/b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	o := &render.Overview{Rows: rows, Regions: 3}
	if inf, _, _ := o.Totals(); inf != 1 {
		t.Errorf("%d infeasible, want 1", inf)
	}
	var b strings.Builder
	if err := render.OverviewCSV(&b, o); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\r\n"); n != 7 {
		t.Errorf("%d CSV records, want 7:\n%s", n, b.String())
	}
}
