//go:build linux || darwin || freebsd

package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/creack/pty"
)

// TestPlanOnAWideTerminal runs tender plan as a user at a terminal of 200
// columns does: standard output is a real pseudo-terminal, whose size
// tender asks for itself. Every milestone name of the built-in regions is
// then shown whole on one line, and no line is wider than the terminal.
// COLUMNS=80 is set too: the terminal's own size comes first.
func TestPlanOnAWideTerminal(t *testing.T) {
	dir := t.TempDir()
	env := []string{runMainEnv + "=1", "PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir + "/.config",
		"NO_COLOR=1", "TENDER_TODAY=2026-11-22", "TZ=UTC"}

	// The names, from the JSON on a pipe.
	cmd := exec.Command(os.Args[0], "plan", "-o", "json")
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tender plan -o json: %v", err)
	}
	var doc struct {
		Plans []struct {
			Tender     string
			Milestones []struct{ ID, Name string }
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}

	cmd = exec.Command(os.Args[0], "plan")
	cmd.Dir, cmd.Env = dir, append(env, "COLUMNS=80")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	ptmx, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 200, Rows: 50})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer ptmx.Close()
	var tty bytes.Buffer
	// Reading ends with an error (EIO on Linux) once tender has exited.
	_, _ = io.Copy(&tty, ptmx)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("tender plan on a terminal: %v\n%s", err, stderr.String())
	}
	// The terminal turns each \n into \r\n.
	text := strings.ReplaceAll(tty.String(), "\r\n", "\n")
	lines := strings.Split(text, "\n")

	names := 0
	for _, p := range doc.Plans {
		for _, m := range p.Milestones {
			names++
			found := false
			for _, l := range lines {
				if strings.Contains(l, "  "+m.ID+"  ") && strings.Contains(l, "  "+m.Name+"  ") {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("%s: milestone %s: no line with its full name %q", p.Tender, m.ID, m.Name)
			}
		}
	}
	if names < 50 {
		t.Fatalf("only %d milestones in the built-in regions' plans", names)
	}
	for _, l := range lines {
		if n := utf8.RuneCountInString(l); n > 200 {
			t.Errorf("line of %d columns on a terminal of 200: %q", n, l)
		}
	}
	if t.Failed() {
		t.Logf("output on the terminal:\n%s", text)
	}
}
