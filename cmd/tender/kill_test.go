package main

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// killRegion is a region file that tender reschedule --write changes in
// one line; a large comment block makes the write take long enough to be
// interrupted in the middle.
func killRegion() []byte {
	var b bytes.Buffer
	b.WriteString(`version: 1
region:
  id: oost
  name: Regio Oost
  municipalities: [Almelo, Borne]
tenders:
  jeugd-2027:
    name: "Jeugd 2027"
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
`)
	line := "# " + strings.Repeat("padding that makes the file large ", 3) + "\n"
	for b.Len() < 1<<20 {
		b.WriteString(line)
	}
	return b.Bytes()
}

// TestKillDuringWrite runs the real binary, tender reschedule --write on
// a 1 MB file, and kills it (SIGKILL, no chance to clean up) at random
// moments: afterwards the file holds exactly the old or the new bytes.
// The proof for every step is TestWriteAtomicFaults (pkg/source); this
// checks the same with a real process and a real kill.
func TestKillDuringWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	tender, err := exec.LookPath("tender") // put in PATH by testscript.Main
	if err != nil {
		t.Skip("no tender command:", err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "region.yaml")
	old := killRegion()
	args := []string{"reschedule", path, "publicatie=2026-03-02", "--write", "-q"}
	env := append(os.Environ(), "TENDER_TODAY=2026-02-01", "NO_COLOR=1", "HOME="+dir, "XDG_CONFIG_HOME="+dir)

	// A full run gives the new bytes and how long a run takes.
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(tender, args...)
	cmd.Env = env
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("full run: %v\n%s", err, out)
	}
	full := time.Since(start)
	new, _ := os.ReadFile(path)
	if bytes.Equal(new, old) {
		t.Fatal("the full run changed nothing")
	}

	rng := rand.New(rand.NewPCG(1, 2))
	counts := map[string]int{}
	for i := 0; i < 12; i++ {
		if err := os.WriteFile(path, old, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(tender, args...)
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Most kills land near the end of a run, where the write is.
		time.Sleep(time.Duration(float64(full) * (0.6 + 0.6*rng.Float64())))
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		got, err := os.ReadFile(path)
		switch {
		case err != nil:
			t.Fatalf("kill %d: the file is gone: %v", i, err)
		case bytes.Equal(got, old):
			counts["old"]++
		case bytes.Equal(got, new):
			counts["new"]++
		default:
			t.Fatalf("kill %d: the file holds %d bytes, neither the old (%d) nor the new (%d) content", i, len(got), len(old), len(new))
		}
		// A killed writer may leave its hidden temporary file, and only that.
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			switch {
			case e.Name() == "region.yaml":
			case strings.HasPrefix(e.Name(), ".region.yaml.tender-"):
				counts["temporary file left"]++
				os.Remove(filepath.Join(dir, e.Name()))
			default:
				t.Fatalf("kill %d: unexpected file %s", i, e.Name())
			}
		}
	}
	t.Logf("full run %v; after the kills: %v", full, counts)
}
