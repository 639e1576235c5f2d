package timeline

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWhy: with Options.Explain, a milestone's Why is the chain that binds
// its earliest date, as structure the printers word: each link's role,
// key and value as written, where it is written, and the date it gives.
func TestWhy(t *testing.T) {
	// s is done on Mon 4 Jan 2021. pub ≥ s + 1w = Mon 11 Jan, aligned to
	// the next Wednesday, 13 Jan; sub ≥ pub + 2d = Fri 15 Jan. x has no
	// constraint of its own; sub's before: x - 1d pushes it: x - 1d must
	// be on or after sub's 15 Jan, so x ≥ Sat 16 Jan.
	r := nl(tender(
		ms("s", "1 done: 2021-01-04"),
		ms("pub", "3 after: s + 1w", "4 align: wed"),
		ms("sub", "6 after: pub + 2d", "7 before: x - 1d"),
		ms("x"),
	))
	res := plan(t, r, Options{Explain: true})
	if !res.Feasible {
		t.Fatalf("infeasible: %s", message(res.Conflict, "en"))
	}
	mk := func(ms, cons string, line int, bound string, role Role, key, text, at string) Link {
		w := link(ms, cons, line, bound)
		l := Link{Milestone: ms, File: w.File, Line: line, Bound: w.Bound, Role: role, Key: key, Text: text, At: at}
		if got := LinkWords(&l); got != cons {
			t.Errorf("%s's link is written %q, want %q", ms, got, cons)
		}
		return l
	}
	done := mk("s", "done: 2021-01-04", 1, "2021-01-04", RoleFixed, "done", "2021-01-04", "")
	pub := []Link{
		mk("pub", "after: s + 1w", 3, "2021-01-11", RoleAfter, "after", "s + 1w", ""),
		mk("pub", "align: wed", 4, "2021-01-13", RoleAlign, "align", "wed", ""),
		done,
	}
	sub := append([]Link{mk("sub", "after: pub + 2d", 6, "2021-01-15", RoleAfter, "after", "pub + 2d", "")}, pub...)
	x := append([]Link{mk("x", "sub before: x - 1d", 7, "2021-01-16", RolePush, "before", "x - 1d", "sub")}, sub...)
	for id, want := range map[string][]Link{"s": {done}, "pub": pub, "sub": sub, "x": x} {
		if diff := cmp.Diff(want, res.Milestone(id).Why); diff != "" {
			t.Errorf("why %s (-want +got):\n%s", id, diff)
		}
	}
	// A fixed milestone is its own origin. Without Explain, no chains.
	if w := plan(t, r, Options{}).Milestone("sub").Why; w != nil {
		t.Errorf("why without Explain: %+v", w)
	}
}
