package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestForPanics: a panic on a worker reaches the caller, where the
// command's recover can report it, instead of ending the process.
func TestForPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != "boom" {
			t.Errorf("recovered %v, want boom", r)
		}
	}()
	For(100, func(i int) {
		if i == 57 {
			panic("boom")
		}
	})
	t.Error("no panic")
}

// TestForCallsEachIndexOnce on one core and on several.
func TestForCallsEachIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 8} {
		old := runtime.GOMAXPROCS(procs)
		var calls [1000]atomic.Int32
		For(len(calls), func(i int) { calls[i].Add(1) })
		runtime.GOMAXPROCS(old)
		for i := range calls {
			if n := calls[i].Load(); n != 1 {
				t.Fatalf("GOMAXPROCS %d: index %d called %d times", procs, i, n)
			}
		}
	}
}
