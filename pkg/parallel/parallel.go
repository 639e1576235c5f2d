// Package parallel runs independent pieces of work on all cores: loading
// region files, planning tenders, running the rules. Results stay in index
// order, so output never depends on scheduling.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(0) … f(n-1) on up to GOMAXPROCS goroutines and returns
// when all have returned. Indices are handed out in order from a shared
// counter, so uneven work keeps every goroutine busy; f must only write to
// what belongs to its index.
func For(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var panicked any
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A panic is handed to the caller's goroutine, where the
			// command's recover turns it into an error message; on a
			// worker it would end the process.
			defer func() {
				if p := recover(); p != nil {
					once.Do(func() { panicked = p })
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
