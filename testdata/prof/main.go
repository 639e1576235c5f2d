// Command prof runs one tender command in-process under the CPU profiler,
// for testdata/bench.sh (PROFILE=1). It is not part of the binary.
//
//	go run ./testdata/prof -prof cpu.prof plan DIR -o json
//	go tool pprof -top -cum cpu.prof
//
// The command's output goes to /dev/null; -n repeats it (a warm process, no
// start-up cost). Run it with GOGC=200 to match the binary's setting
// (cmd/tender/main.go).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/tender-nl/tender/pkg/cmd/root"
	"github.com/tender-nl/tender/pkg/iostreams"
)

func main() {
	prof := flag.String("prof", "cpu.prof", "file to write the CPU profile to")
	n := flag.Int("n", 1, "number of times to run the command")
	flag.Parse()
	f, err := os.Create(*prof)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	null, err := os.Create(os.DevNull)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	ios := iostreams.System()
	ios.Out = null
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	start := time.Now()
	code := 0
	for range *n {
		code = root.Main(ios, flag.Args())
	}
	pprof.StopCPUProfile()
	fmt.Fprintf(os.Stderr, "%v per run, exit code %d\n", time.Since(start)/time.Duration(*n), code)
}
