// Command yamlfloor measures the floor under `tender plan DIR`: a process
// that does nothing but read every *.yaml file of DIR and parse it into a
// yaml.Node tree with gopkg.in/yaml.v3, one file per core at a time, as
// tender's loader does, and then exits. No region model, no plan, no
// output. testdata/bench.sh times it next to tender; whatever tender takes
// above it is tender's own work and start-up. It is not part of the binary,
// and it calls yaml.v3 directly only because measuring yaml.v3 alone is its
// purpose (tender itself keeps every YAML call in pkg/region).
//
//	go run ./testdata/yamlfloor DIR
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"gopkg.in/yaml.v3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: yamlfloor DIR")
		os.Exit(2)
	}
	debug.SetGCPercent(200) // as tender (pkg/cmd/root/gc.go)
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.yaml"))
	if err != nil || len(files) == 0 {
		fmt.Fprintln(os.Stderr, "yamlfloor: no *.yaml files in", os.Args[1])
		os.Exit(2)
	}
	var next atomic.Int64
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(files) {
					return
				}
				src, err := os.ReadFile(files[i])
				var doc yaml.Node
				if err == nil {
					err = yaml.Unmarshal(src, &doc)
				}
				if err != nil {
					fmt.Fprintln(os.Stderr, "yamlfloor:", files[i], err)
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	if failed.Load() {
		os.Exit(1)
	}
}
