package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeCompareScenarios runs the command of the README's sample of
// examples/compare-scenarios.sh, as written there (with its pinned
// --today, so that the counts of the "past" rules cannot drift with the
// clock), and compares its output with the sample line by line. It needs
// sh and jq, as the script does.
func TestReadmeCompareScenarios(t *testing.T) {
	for _, prog := range []string{"sh", "jq"} {
		if _, err := exec.LookPath(prog); err != nil {
			t.Skipf("%s is not installed", prog)
		}
	}
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	const prompt = "$ TENDER_FLAGS=\"--today "
	text := string(readme)
	i := strings.Index(text, prompt)
	if i < 0 {
		t.Fatalf("README.md has no sample starting %q", prompt)
	}
	block, _, ok := strings.Cut(text[i:], "\n```")
	if !ok {
		t.Fatal("the README's sample does not end")
	}
	cmdLine, want, _ := strings.Cut(block, "\n")
	// $ TENDER_FLAGS="--today 2026-11-22" examples/compare-scenarios.sh achterhoek
	flags, rest, _ := strings.Cut(strings.TrimPrefix(cmdLine, "$ TENDER_FLAGS=\""), "\" ")
	args := strings.Fields(rest)
	if len(args) == 0 || args[0] != "examples/compare-scenarios.sh" {
		t.Fatalf("unexpected sample command %q", cmdLine)
	}

	// tender on the PATH is this test binary, which runs tender's main
	// when runMainEnv is set (TestMain).
	bin := t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(self, filepath.Join(bin, "tender")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	cmd := exec.Command("sh", append([]string{filepath.Join("..", "..", args[0])}, args[1:]...)...)
	cmd.Env = []string{runMainEnv + "=1", "PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"HOME=" + dir, "XDG_CONFIG_HOME=" + dir + "/.config", "NO_COLOR=1", "TENDER_FLAGS=" + flags}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", cmdLine, err, out)
	}
	if got := strings.TrimRight(string(out), "\n"); got != strings.TrimRight(want, "\n") {
		t.Errorf("%s prints\n%s\nbut the README shows\n%s", cmdLine, got, want)
	}
}

// TestReadmeDiffAndReport runs the README's examples of tender diff and
// tender report (the Achterhoek's original plan saved as the baseline,
// with a pinned --today) and compares their output with the README: the
// diff whole, the report up to the README's "…".
func TestReadmeDiffAndReport(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	run := func(line string) string {
		t.Helper()
		args := strings.Fields(strings.TrimPrefix(line, "$ tender "))
		out := ""
		if n := len(args); n >= 2 && args[n-2] == ">" {
			out, args = args[n-1], args[:n-2]
		}
		cmd := exec.Command(self, args...)
		cmd.Dir = dir
		cmd.Env = []string{runMainEnv + "=1", "HOME=" + dir, "XDG_CONFIG_HOME=" + dir + "/.config", "NO_COLOR=1"}
		b, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if out != "" {
			if err := os.WriteFile(filepath.Join(dir, out), b, 0o644); err != nil {
				t.Fatal(err)
			}
			return ""
		}
		return string(b)
	}
	block := func(first string) (cmds []string, want string) {
		t.Helper()
		i := strings.Index(string(readme), first)
		if i < 0 {
			t.Fatalf("README.md has no example starting %q", first)
		}
		text, _, _ := strings.Cut(string(readme)[i:], "\n```")
		lines := strings.Split(text, "\n")
		k := 0
		for k < len(lines) && strings.HasPrefix(lines[k], "$ ") {
			k++
		}
		return lines[:k], strings.Join(lines[k:], "\n")
	}
	cmds, want := block("$ tender plan achterhoek --scenario original-plan -o json > original-plan.json")
	var got string
	for _, c := range cmds {
		got = run(c)
	}
	if strings.TrimRight(got, "\n") != want {
		t.Errorf("%s prints\n%s\nbut the README shows\n%s", cmds[len(cmds)-1], got, want)
	}
	cmds, want = block("$ tender report achterhoek --baseline original-plan.json")
	got = run(cmds[0])
	want = strings.TrimSuffix(want, "\n…")
	if !strings.HasPrefix(got, want+"\n") {
		t.Errorf("%s prints\n%s\nbut the README shows\n%s", cmds[0], got, want)
	}
}
