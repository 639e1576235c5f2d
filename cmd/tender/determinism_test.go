package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runMainEnv makes the test binary run tender itself (see TestMain), so
// that a test can start it again with other environment variables: the
// time zone (TZ) is read once per process, and GOMAXPROCS at start-up.
const runMainEnv = "TENDER_TEST_RUN_MAIN"

// TestDeterminism runs every output of every command in other processes
// with other time zones and core counts, and compares the bytes with a run
// in UTC on one core. Tender works on civil dates and never reads the
// clock (the one exception is the default of --today, given here), and it
// plans on all cores, so none of this may change a byte: not even the
// zones at the date line (Pacific/Kiritimati is UTC+14, America/Adak
// UTC-10/-9 with DST, so that midnight there is another day in UTC).
func TestDeterminism(t *testing.T) {
	if testing.Short() {
		t.Skip("starts tender a few hundred times")
	}
	commands := [][]string{{"regions"}, {"regions", "-o", "json"}, {"schema"}}
	for _, o := range []string{"table", "json", "yaml", "csv", "markdown", "ics", "mermaid", "svg", "html"} {
		commands = append(commands, []string{"plan", "-o", o})
	}
	commands = append(commands, []string{"plan", "twente", "--alap", "-o", "json"}, []string{"plan", "--lang", "nl", "-o", "html"})
	for _, o := range []string{"text", "json", "github", "junit"} {
		commands = append(commands, []string{"check", "-o", o}, []string{"check", "--strict", "-o", o})
	}
	for _, o := range []string{"table", "json", "csv", "markdown"} {
		commands = append(commands, []string{"compare", "achterhoek", "-o", o}, []string{"overview", "-o", o})
	}
	for _, o := range []string{"table", "json", "svg"} {
		commands = append(commands, []string{"risk", "drenthe", "--tender", "jeugdhulp-2026", "--runs", "2000", "-o", o})
	}
	commands = append(commands,
		[]string{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07"},
		[]string{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07", "-o", "json"},
		[]string{"calendar", "twente", "--from", "2026-01-01", "--to", "2026-12-31"},
		[]string{"calendar", "add", "2026-04-24", "3wd"},
		[]string{"calendar", "between", "2026-01-01", "2026-12-31"},
	)
	// Every place the clock could hide: a plain run in UTC on one core,
	// then again (across runs) on 2 and 8 cores, and in the date-line zones.
	type setting struct{ tz, procs string }
	ref := setting{"UTC", "1"}
	others := []setting{{"UTC", "8"}, {"Pacific/Kiritimati", "2"}, {"America/Adak", "8"}}
	dir := t.TempDir()
	for _, args := range commands {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			want := runTender(t, dir, ref.tz, ref.procs, args)
			if want.code == 2 || len(want.stdout) == 0 {
				t.Fatalf("tender %s: exit %d, %d bytes:\n%s", strings.Join(args, " "), want.code, len(want.stdout), want.stderr)
			}
			for _, s := range others {
				got := runTender(t, dir, s.tz, s.procs, args)
				if diff := cmp.Diff(want, got, cmp.AllowUnexported(tenderRun{})); diff != "" {
					t.Errorf("TZ=%s GOMAXPROCS=%s differs from TZ=%s GOMAXPROCS=%s (-want +got):\n%s", s.tz, s.procs, ref.tz, ref.procs, diff)
				}
			}
		})
	}
}

type tenderRun struct {
	stdout, stderr string
	code           int
}

// runTender runs tender ARGS in dir with only the built-in regions, a fixed
// reference date, and the given time zone and core count.
func runTender(t *testing.T, dir, tz, procs string, args []string) tenderRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = []string{runMainEnv + "=1", "PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir + "/.config",
		"NO_COLOR=1", "TENDER_TODAY=2026-11-22", "TZ=" + tz, "GOMAXPROCS=" + procs}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return tenderRun{stdout: stdout.String(), stderr: stderr.String(), code: code}
}
