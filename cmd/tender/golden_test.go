package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/tender-nl/tender/pkg/cmd/root"
	"github.com/tender-nl/tender/pkg/iostreams"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden/cmd/*.txtar from tender's output")

// goldenCases are the commands whose every byte of output (stdout, stderr
// and exit code) TestGolden pins: every format of every command on the
// built-in regions, in English and in Dutch, and the common mistakes (an
// unknown region, tender, scenario or milestone, a bad -o). It is the net
// under refactoring: a change of code that is meant to leave the output
// alone must leave these files alone.
//
// A change that is meant to change output regenerates them:
//
//	go test ./cmd/tender -run TestGolden -update-golden
//
// and the diff of testdata/golden/cmd is then part of the commit, where a
// reviewer sees exactly which bytes changed.
var goldenCases = [][]string{
	{"regions"},
	{"regions", "-o", "json"},
	{"regions", "--lang", "nl"},
	{"schema"},
	{"config"},
	{"config", "-o", "json"},

	{"plan", "achterhoek"},
	{"plan", "achterhoek", "-o", "json"},
	{"plan", "achterhoek", "-o", "yaml"},
	{"plan", "achterhoek", "-o", "csv"},
	{"plan", "achterhoek", "-o", "csv", "--csv-sep", ";"},
	{"plan", "achterhoek", "-o", "markdown"},
	{"plan", "achterhoek", "-o", "ics"},
	{"plan", "achterhoek", "-o", "mermaid"},
	{"plan", "achterhoek", "-o", "svg"},
	{"plan", "achterhoek", "-o", "html"},
	{"plan", "achterhoek", "--lang", "nl"},
	{"plan", "achterhoek", "--lang", "nl", "-o", "markdown"},
	{"plan", "achterhoek", "--scenario", "publish-23-sep"},
	{"plan", "achterhoek", "--scenario", "publish-23-sep", "-o", "json"},
	{"plan", "achterhoek", "--scenario", "base"},
	{"plan", "achterhoek", "--alap"},
	{"plan", "achterhoek", "--set", "publicatie=2021-04-08"},
	{"plan", "drenthe", "--tender", "jeugdhulp-2026"},
	{"plan", "drenthe", "--tender", "jeugdhulp-2026", "-o", "json"},
	{"plan", "twente"},
	{"plan"},
	{"plan", "-q"},
	{"plan", "nope"},
	{"plan", "achterhoek", "--scenario", "nope"},
	{"plan", "achterhoek", "--scenario", "publish-23"},
	{"plan", "drenthe", "--tender", "nope"},
	{"plan", "drenthe", "--tender", "jeugdhulp"},
	{"plan", "achterhoek", "--set", "pub=2021-04-08"},
	{"plan", "achterhoek", "--set", "publicatie"},
	{"plan", "achterhoek", "-o", "pdf"},

	{"check"},
	{"check", "-o", "json"},
	{"check", "-o", "github"},
	{"check", "-o", "junit"},
	{"check", "--strict"},
	{"check", "--lang", "nl"},
	{"check", "achterhoek", "--scenario", "publish-23-sep"},
	{"check", "achterhoek", "--scenario", "base", "-o", "json"},
	{"check", "achterhoek", "--scenario", "nope"},
	{"check", "drenthe", "--tender", "nope"},
	{"check", "-q"},
	{"check", "bad.yaml"},
	{"check", "bad.yaml", "-o", "json"},
	{"check", "bad.yaml", "-o", "github"},
	{"check", "bad.yaml", "-o", "junit"},
	{"plan", "bad.yaml"},

	{"compare", "achterhoek"},
	{"compare", "achterhoek", "-o", "json"},
	{"compare", "achterhoek", "-o", "csv"},
	{"compare", "achterhoek", "-o", "markdown"},
	{"compare", "achterhoek", "--lang", "nl"},
	{"compare", "achterhoek", "--lang", "nl", "-o", "markdown"},
	{"compare", "achterhoek", "--scenario", "publish-23-sep,start-postponed"},
	{"compare", "achterhoek", "--scenario", "nope"},
	{"compare", "drenthe"},
	{"compare", "drenthe", "--tender", "jeugdhulp-2026"},
	{"compare", "drenthe", "--tender", "nope"},

	{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07"},
	{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07", "-o", "json"},
	{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07", "--lang", "nl"},
	{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07", "--keep", "gunning"},
	{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluit=2024-11-07"},
	{"reschedule", "drenthe", "--tender", "jeugdhulp-2026", "sluiting=2024-11-07", "--keep", "gun"},
	{"reschedule", "drenthe", "sluiting=2024-11-07"},
	{"reschedule", "achterhoek", "sluiting=2021-06-24"},
	{"reschedule", "achterhoek", "sluiting=2021-06-24", "--scenario", "publish-23-sep"},
	{"reschedule", "achterhoek", "sluiting=2021-06-24", "--scenario", "nope"},

	{"risk", "drenthe", "--tender", "jeugdhulp-2026", "--runs", "2000"},
	{"risk", "drenthe", "--tender", "jeugdhulp-2026", "--runs", "2000", "-o", "json"},
	{"risk", "drenthe", "--tender", "jeugdhulp-2026", "--runs", "2000", "-o", "svg"},
	{"risk", "drenthe", "--tender", "jeugdhulp-2026", "--runs", "2000", "--lang", "nl"},
	{"risk", "achterhoek", "--runs", "2000", "--scenario", "publish-23-sep"},
	{"risk", "drenthe", "--runs", "2000"},
	{"risk", "drenthe", "--tender", "nope", "--runs", "2000"},

	{"overview"},
	{"overview", "-o", "json"},
	{"overview", "-o", "csv"},
	{"overview", "-o", "markdown"},
	{"overview", "--lang", "nl"},

	{"calendar"},
	{"calendar", "-o", "json"},
	{"calendar", "twente", "--from", "2026-01-01", "--to", "2026-12-31"},
	{"calendar", "drenthe", "--from", "2026-01-01", "--to", "2026-12-31", "-o", "json"},
	{"calendar", "achterhoek", "--from", "2026-01-01", "--to", "2026-03-31", "--weekends", "--lang", "nl"},
	{"calendar", "add", "2026-04-24", "3wd"},
	{"calendar", "add", "2026-04-24", "3wd", "achterhoek"},
	{"calendar", "between", "2026-01-01", "2026-12-31"},
	{"calendar", "between", "2026-01-01", "2026-12-31", "twente"},
}

// goldenBad is a region file with a mistake, for the input-error output of
// check's formats.
const goldenBad = `region:
  id: bad
  name: Bad
tenders:
  t:
    procedure: open
    milestones:
      publicatie:
        kind: publicaton
        on: 2026-03-02
`

// TestGolden runs every command of goldenCases in this process on the
// built-in regions with --today 2026-11-22, no config file and no TENDER_
// variables, and compares stdout, stderr and the exit code with
// testdata/golden/cmd/NAME.txtar (see goldenCases for -update-golden).
func TestGolden(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("bad.yaml", []byte(goldenBad), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "TENDER_") || k == "COLUMNS" {
			t.Setenv(k, "") // restored after the test
			os.Unsetenv(k)
		}
	}
	t.Setenv("NO_COLOR", "1")
	t.Setenv("HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, ".config"))

	// The working directory is dir now: find the repository's files from
	// the test's own package directory.
	goldenDir := filepath.Join(pkgDir, "..", "..", "testdata", "golden", "cmd")
	if *updateGolden {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]bool{}
	for _, args := range goldenCases {
		name := goldenName(args)
		if seen[name] {
			t.Fatalf("two cases are named %s", name)
		}
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			full := append([]string{}, args...)
			full = append(full, "--today", "2026-11-22")
			ios, _, stdout, stderr := iostreams.Test()
			code := root.Main(ios, full)
			got := txtar.Format(&txtar.Archive{
				Comment: fmt.Appendf(nil, "tender %s\nexit %d\n", strings.Join(args, " "), code),
				Files: []txtar.File{
					{Name: "stdout", Data: endLine(stdout.Bytes())},
					{Name: "stderr", Data: endLine(stderr.Bytes())},
				},
			})
			file := filepath.Join(goldenDir, name+".txtar")
			if *updateGolden {
				if err := os.WriteFile(file, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update-golden to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("tender %s: output differs from %s (run with -update-golden if the change is meant):\n%s",
					strings.Join(args, " "), file, lineDiff(string(want), string(got)))
			}
		})
	}
	if !*updateGolden {
		files, _ := filepath.Glob(filepath.Join(goldenDir, "*.txtar"))
		for _, f := range files {
			if !seen[strings.TrimSuffix(filepath.Base(f), ".txtar")] {
				t.Errorf("%s belongs to no case of goldenCases: remove it", f)
			}
		}
	}
}

// pkgDir is the directory of this package, where go test starts.
var pkgDir = func() string {
	d, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return d
}()

var unsafeName = regexp.MustCompile(`[^a-z0-9.=-]+`)

// goldenName is the file name of a case: its arguments joined by "_".
func goldenName(args []string) string {
	s := strings.ToLower(strings.Join(args, "_"))
	s = unsafeName.ReplaceAllString(s, "_")
	return strings.Trim(s, "_")
}

// endLine ends non-empty output with a newline, so that txtar keeps it
// readable; output without a final newline gets a marker line instead.
func endLine(b []byte) []byte {
	if len(b) == 0 || b[len(b)-1] == '\n' {
		return b
	}
	return append(append([]byte{}, b...), "\n[no final newline]\n"...)
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 12; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  -%s\n  +%s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}
