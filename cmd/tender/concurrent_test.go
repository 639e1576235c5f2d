package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/source/sourcetest"
)

// Test-only settings of the test binary when it runs as tender (the
// "tender" command of testscript.Main, which the tests below start as real
// processes). The tender binary itself has none of them: the test binary
// gives tender the files it writes through (cmdutil.Factory.Files), as
// any front end of the application layer does, and these say what they
// do besides writing.
const (
	// lockWaitEnv sets how long a writer waits for the lock (a Go
	// duration; source.Files.LockWait).
	lockWaitEnv = "TENDER_TEST_LOCK_WAIT"
	// delayEnv makes every write pause just before its rename (a Go
	// duration), which widens the window in which writers could overlap.
	delayEnv = "TENDER_TEST_DELAY_BEFORE_RENAME"
	// saveEnv names a file whose bytes are saved over the region file just
	// before the rename, as an editor saving at that moment would.
	saveEnv = "TENDER_TEST_SAVE_BEFORE_RENAME"
)

// testFiles are the files of the test binary running as tender: the
// computer's, with the lock wait and the pause or save before the rename
// that the environment asks for.
func testFiles() source.Files {
	var files source.Files
	if d, err := time.ParseDuration(os.Getenv(lockWaitEnv)); err == nil {
		files.LockWait = d
	}
	delay, _ := time.ParseDuration(os.Getenv(delayEnv))
	save := os.Getenv(saveEnv)
	if delay == 0 && save == "" {
		return files
	}
	files.FS = sourcetest.BeforeRename(func() {
		time.Sleep(delay)
		if save == "" {
			return
		}
		data, err := os.ReadFile(save)
		if err != nil {
			panic(err)
		}
		// Saved in place, as Notepad does: same file, new bytes.
		target := os.Args[2]
		if err := os.WriteFile(target, data, 0o644); err != nil {
			panic(err)
		}
	})
	return files
}

// concurrentRegion has n tenders t1..tn with the same milestones, so that
// n writers can each move a milestone of their own tender in one file.
func concurrentRegion(n int) []byte {
	var b bytes.Buffer
	b.WriteString("version: 1\nregion:\n  id: oost\n  name: Regio Oost\n  municipalities: [Almelo, Borne]\ntenders:\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `  t%d:
    name: "Tender %d"
    procedure: social-services
    milestones:
      besluit: {kind: decision, done: 2026-01-13}
      publicatie:
        kind: publication
        after: besluit + 4w
        align: workday
      sluiting:
        kind: submission
        after: publicatie + 45d
        align: workday
`, i, i)
	}
	return b.Bytes()
}

// TestConcurrentWriters starts n real tender processes at once, each
// writing a move of its own tender into the same file. The write lock
// serialises them: whatever the order, every process that reported a
// write (exit 0) finds its move in the final file, and every other one
// was refused (exit 2, "another tender process") and wrote nothing. Each
// write pauses before its rename, so that without the lock the writers
// would overlap and lose each other's moves (they did: 39 runs in 200 of
// two writers). With the default wait every writer gets its turn; with a
// wait shorter than one write, some are refused.
func TestConcurrentWriters(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	tender, err := exec.LookPath("tender") // put in PATH by testscript.Main
	if err != nil {
		t.Skip("no tender command:", err)
	}
	const n = 8
	for _, tc := range []struct {
		name, wait string
	}{{"default wait", ""}, {"short wait", "30ms"}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "region.yaml")
			if err := os.WriteFile(path, concurrentRegion(n), 0o644); err != nil {
				t.Fatal(err)
			}
			env := append(os.Environ(), "TENDER_TODAY=2026-02-01", "NO_COLOR=1", "HOME="+dir, "XDG_CONFIG_HOME="+dir,
				delayEnv+"=50ms", lockWaitEnv+"="+tc.wait)
			// Writer i moves publicatie of tender ti to March i (all
			// workdays in 2026: Mon 2 .. Tue 10 without the weekend 7/8;
			// besluit + 4w is 02-10, so each is a feasible move).
			days := []int{2, 3, 4, 5, 6, 9, 10, 11}
			type result struct {
				code   int
				stderr string
			}
			results := make([]result, n)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range n {
				wg.Add(1)
				go func() {
					defer wg.Done()
					cmd := exec.Command(tender, "reschedule", path, fmt.Sprintf("publicatie=2026-03-%02d", days[i]),
						"--tender", fmt.Sprintf("t%d", i+1), "--write", "-q")
					cmd.Env = env
					var stderr bytes.Buffer
					cmd.Stderr = &stderr
					<-start
					err := cmd.Run()
					code := 0
					if ee, ok := err.(*exec.ExitError); ok {
						code = ee.ExitCode()
					} else if err != nil {
						code = -1
					}
					results[i] = result{code, stderr.String()}
				}()
			}
			close(start)
			wg.Wait()

			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err := region.Load(path, src)
			if err != nil {
				t.Fatalf("the final file does not load: %v", err)
			}
			wrote, refused := 0, 0
			for i, res := range results {
				m := r.Tender(fmt.Sprintf("t%d", i+1)).Milestone("publicatie")
				on := ""
				if m.On != nil {
					on = m.On.Date.String()
				}
				want := fmt.Sprintf("2026-03-%02d", days[i])
				switch res.code {
				case 0:
					wrote++
					if on != want {
						t.Errorf("writer %d reported its write, but t%d publicatie has on: %q, want %s (a lost update)", i+1, i+1, on, want)
					}
				case 2:
					refused++
					if !strings.Contains(res.stderr, "another tender process") {
						t.Errorf("writer %d exited 2 with %q, want the message that another tender process is writing", i+1, res.stderr)
					}
					if on != "" {
						t.Errorf("writer %d was refused, but t%d publicatie has on: %s", i+1, i+1, on)
					}
				default:
					t.Errorf("writer %d exited %d: %s", i+1, res.code, res.stderr)
				}
			}
			if tc.wait == "" && refused > 0 {
				t.Errorf("%d writers were refused with the default wait of 10s", refused)
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if e.Name() != "region.yaml" {
					t.Errorf("left behind: %s", e.Name())
				}
			}
			t.Logf("%d wrote, %d refused", wrote, refused)
		})
	}
}

// TestSaveBeforeRename saves the file (as an editor would) just before
// tender's rename, in a real process: the check under the lock sees it,
// tender writes nothing and exits 2, and the editor's bytes stay.
func TestSaveBeforeRename(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	tender, err := exec.LookPath("tender")
	if err != nil {
		t.Skip("no tender command:", err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "region.yaml")
	orig := concurrentRegion(1)
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	// The editor's version: a comment added at the end.
	saved := append(bytes.Clone(orig), "# note from a colleague\n"...)
	savedPath := filepath.Join(t.TempDir(), "saved.yaml")
	if err := os.WriteFile(savedPath, saved, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tender, "reschedule", path, "publicatie=2026-03-02", "--write")
	cmd.Env = append(os.Environ(), "TENDER_TODAY=2026-02-01", "NO_COLOR=1", "HOME="+dir, "XDG_CONFIG_HOME="+dir,
		saveEnv+"="+savedPath)
	out, err := cmd.CombinedOutput()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 {
		t.Fatalf("tender: %v, want exit 2\n%s", err, out)
	}
	if !strings.Contains(string(out), "changed on disk since tender read it; nothing was written") {
		t.Errorf("stderr %q does not say the file changed", out)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, saved) {
		t.Errorf("the file does not hold the editor's save:\n%s", got)
	}
}
