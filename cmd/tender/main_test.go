package main

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/tender-nl/tender/pkg/cmd/root"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

var update = flag.Bool("update", false, "rewrite the expected output sections of testdata/script/*.txtar")

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		// TestDeterminism starts the test binary as tender.
		os.Exit(root.Main(iostreams.System(), os.Args[1:]))
	}
	testscript.Main(m, map[string]func(){
		// testscript.Main exits 0 after the function returns, so the
		// function must exit with tender's own code.
		"tender": func() {
			f := &cmdutil.Factory{IOStreams: iostreams.System(), Now: time.Now, Env: os.LookupEnv, Files: testFiles()}
			os.Exit(root.Run(f, os.Args[1:]))
		},
	})
}

// TestScript runs the usage scripts of testdata/script: each one is a
// small story of how a user calls tender, with the exact output expected.
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "../../testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("NO_COLOR", "1")
			e.Setenv("TZ", "Europe/Amsterdam")
			e.Setenv("XDG_CONFIG_HOME", e.WorkDir+"/.config")
			e.Setenv("HOME", e.WorkDir+"/home")
			// A fixed reference date keeps the "past" rules stable.
			e.Setenv("TENDER_TODAY", "2026-11-22")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": exitcodeCmd,
			"sleep":    sleepCmd,
		},
	})
}

// sleepCmd waits, for a program started in the background with & to get
// going (tender serve, before kill -INT):
//
//	sleep 1s
func sleepCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: sleep DURATION")
	}
	d, err := time.ParseDuration(args[0])
	if err != nil {
		ts.Fatalf("sleep: %v", err)
	}
	time.Sleep(d)
}

// exitcodeCmd runs a program and asserts its exact exit code:
//
//	exitcode 2 tender plan bad.yaml
//
// testscript's own "! exec" only asserts "non-zero", and tender's contract
// distinguishes 1 (the answer is no) from 2 (could not run).
func exitcodeCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode CODE program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode: bad code %q", args[0])
	}
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exitcode: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}
