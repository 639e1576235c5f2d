package cmdutil

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/iostreams"
)

const demoRegion = `version: 1
region:
  id: demo
  name: Demo Regio
  municipalities: [Aalten]
tenders:
  t1:
    name: Eerste
    procedure: national
    milestones:
      publicatie: {kind: publication, on: 2027-02-01}
      sluiting: {kind: submission, after: publicatie + 30d}
    scenarios:
      later:
        description: Later publiceren
        milestones:
          publicatie: {on: 2027-03-01}
          extra: {kind: information, after: publicatie + 1w}
`

// tree builds a command tree shaped like tender's and wires it as the
// commands do, each its own.
func tree(t *testing.T) *cobra.Command {
	t.Helper()
	ios, _, _, _ := iostreams.Test()
	f := &Factory{IOStreams: ios, Now: time.Now, Env: func(string) (string, bool) { return "", false }}
	root := &cobra.Command{Use: "tender"}
	root.PersistentFlags().String("lang", "", "")
	root.PersistentFlags().String("config", "", "")
	plan := &cobra.Command{Use: "plan [REGION...]", Run: func(*cobra.Command, []string) {}}
	plan.Flags().StringArray("tender", nil, "")
	plan.Flags().String("scenario", "", "")
	plan.Flags().StringArray("set", nil, "")
	plan.ValidArgsFunction = CompleteRegionArg(f, 0, true)
	RegisterTenderFlagCompletion(plan, f, "tender")
	RegisterScenarioFlagCompletion(plan, f, "scenario")
	RegisterMilestoneFlagCompletion(plan, f, "set", true)
	resched := &cobra.Command{Use: "reschedule REGION ID=DATE...", Run: func(*cobra.Command, []string) {}}
	resched.Flags().StringArray("keep", nil, "")
	resched.ValidArgsFunction = CompleteRegionThenMoves(f)
	RegisterMilestoneFlagCompletion(resched, f, "keep", false)
	root.AddCommand(plan, resched)
	RegisterGlobalFlagCompletions(root)
	return root
}

// complete runs cobra's __complete as the shell scripts do and returns the
// candidates and the directive line.
func complete(t *testing.T, root *cobra.Command, args ...string) []string {
	t.Helper()
	var out []string
	w := &lineWriter{lines: &out}
	root.SetOut(w)
	root.SetErr(&lineWriter{lines: new([]string)})
	root.SetArgs(append([]string{cobra.ShellCompRequestCmd}, args...))
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	return out
}

type lineWriter struct {
	lines *[]string
	buf   []byte
}

func (w *lineWriter) Write(p []byte) (int, error) {
	w.buf = append(w.buf, p...)
	for {
		i := indexByte(w.buf, '\n')
		if i < 0 {
			return len(p), nil
		}
		*w.lines = append(*w.lines, string(w.buf[:i]))
		w.buf = w.buf[i+1:]
	}
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func TestCompletions(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.MkdirAll("regions", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("regions", "demo.yaml"), []byte(demoRegion), 0o644); err != nil {
		t.Fatal(err)
	}
	os.WriteFile("notes.txt", nil, 0o644)
	os.WriteFile("local.yml", []byte("x: 1"), 0o644)
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"region ids, files and directories", []string{"plan", "d"},
			[]string{"demo\tDemo Regio", "drenthe\tJeugdhulpregio Drenthe", ":4"}},
		{"files next to the word", []string{"plan", "l"}, []string{"local.yml", ":4"}},
		{"only a directory: no space", []string{"plan", "reg"}, []string{"regions/", ":6"}},
		{"a path: the shell completes files", []string{"plan", "regions/"}, []string{"yaml", "yml", ":8"}},
		{"tenders of the named region", []string{"plan", "demo", "--tender", ""}, []string{"t1\tEerste (demo)", ":4"}},
		{"scenarios", []string{"plan", "demo", "--scenario", ""}, []string{"later\tLater publiceren (t1)", ":4"}},
		{"--set as ID=", []string{"plan", "demo", "--set", "p"}, []string{"publicatie=\tpublicatie (t1)", ":6"}},
		{"--set after =: the date is the user's", []string{"plan", "demo", "--set", "publicatie="}, []string{":4"}},
		{"a scenario's new milestone", []string{"plan", "demo", "--scenario", "later", "--set", "e"}, []string{"extra=\textra (t1)", ":6"}},
		{"unknown tender: nothing", []string{"plan", "demo", "--tender", "t9", "--set", ""}, []string{":6"}},
		{"reschedule: REGION first", []string{"reschedule", "de"}, []string{"demo\tDemo Regio", ":4"}},
		{"reschedule: then ID=", []string{"reschedule", "demo", "s"}, []string{"sluiting=\tsluiting (t1)", ":6"}},
		{"reschedule --keep", []string{"reschedule", "demo", "--keep", "s"}, []string{"sluiting\tsluiting (t1)", ":4"}},
		{"--lang", []string{"plan", "--lang", ""}, []string{"en\tEnglish", "nl\tNederlands", ":4"}},
		{"--config: yaml files", []string{"plan", "--config", ""}, []string{"yaml", "yml", ":8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := complete(t, tree(t), tt.args...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}
