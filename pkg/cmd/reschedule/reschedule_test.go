package reschedule

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/source/sourcetest"
)

// TestNewCmdReschedule checks how arguments and flags become Options.
func TestNewCmdReschedule(t *testing.T) {
	cmdtest.Parse(t, NewCmdReschedule, []cmdtest.ParseCase[Options]{
		{Args: []string{"r.yaml", "a=2026-01-02"}, Want: Options{Region: "r.yaml", Moves: []string{"a=2026-01-02"}, ReportOptions: cmdtest.Output("table")}},
		{
			Args: []string{"r.yaml", "a=2026-01-02", "b=2026-02-03", "--tender", "t", "--scenario", "s", "--keep", "c", "--keep", "d",
				"--set", "e=2026-03-04", "--write", "-o", "json"},
			Want: Options{Region: "r.yaml", Moves: []string{"a=2026-01-02", "b=2026-02-03"}, Tender: "t", Scenario: "s",
				Keeps: []string{"c", "d"}, Sets: []string{"e=2026-03-04"}, Write: true, ReportOptions: cmdtest.Output("json")},
		},
		{Args: nil, WantErr: "give the region and at least one move: tender reschedule REGION ID=DATE..."},
		{Args: []string{"r.yaml"}, WantErr: "give at least one move ID=DATE after the region, e.g. tender reschedule r.yaml publication=2026-03-02"},
		{Args: []string{"a=2026-01-02", "r.yaml"}, WantErr: "give the region first: tender reschedule REGION a=2026-01-02 r.yaml"},
		{Args: []string{"r.yaml", "a=2026-01-02", "-o", "csv"}, WantErr: `invalid --output "csv" for reschedule: use table, json`},
	})
}

// demoFile is a small region file with a BOM and CRLF line ends. By hand:
// decision done Tue 2026-01-13, publication + 4w = Tue 02-10.
const demoFile = "\ufeff# demo\r\nversion: 1\r\nregion:\r\n  id: demo\r\n  name: Demo\r\n  municipalities: [Aalten]\r\n" +
	"tenders:\r\n  t:\r\n    name: T\r\n    procedure: national\r\n    milestones:\r\n" +
	"      decision: {kind: decision, done: 2026-01-13}\r\n" +
	"      publication:\r\n        kind: publication\r\n        after: decision + 4w\r\n"

func newOptions(file string, moves ...string) *Options {
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en", Today: date.New(2026, 2, 1)}}
	ro := cmdutil.NewReportOptions(f)
	ro.Output = "json"
	return &Options{ReportOptions: ro, Region: file, Moves: moves, Write: true}
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteKeepsBOMAndCRLF(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.yaml")
	if err := os.WriteFile(p, []byte(demoFile), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := newOptions(p, "publication=2026-03-02")
	if err := run(opts); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := strings.Replace(demoFile, "        kind: publication\r\n", "        kind: publication\r\n        on: 2026-03-02\r\n", 1)
	if diff := cmp.Diff(want, string(got)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"demo.yaml"}, files(t, dir)); diff != "" {
		t.Errorf("files in the directory (-want +got):\n%s", diff)
	}
}

// TestWriteRefusesChangedFile changes the file after tender read and
// planned it: the write is refused, the other writer's bytes stay, and no
// temporary file is left.
func TestWriteRefusesChangedFile(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.yaml")
	if err := os.WriteFile(p, []byte(demoFile), 0o644); err != nil {
		t.Fatal(err)
	}
	theirs := demoFile + "# edited meanwhile\r\n"
	opts := newOptions(p, "publication=2026-03-02")
	// Another writer saves between tender's read and its rename.
	f := &cmdutil.Factory{IOStreams: opts.IO, Settings: &cmdutil.Settings{Lang: "en", Today: date.New(2026, 2, 1)},
		Files: source.Files{FS: sourcetest.BeforeRename(func() {
			if err := os.WriteFile(p, []byte(theirs), 0o644); err != nil {
				t.Error(err)
			}
		})}}
	opts.App = f.App
	err := run(opts)
	var ce *source.ChangedError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want a ChangedError", err)
	}
	if got, _ := os.ReadFile(p); string(got) != theirs {
		t.Errorf("file holds %q", got)
	}
	if diff := cmp.Diff([]string{"demo.yaml"}, files(t, dir)); diff != "" {
		t.Errorf("files in the directory (-want +got):\n%s", diff)
	}
}

// TestWriteNothingWhenInfeasible: publication must be on or after
// decision + 4w = 02-10, so 02-02 leaves no schedule.
func TestWriteNothingWhenInfeasible(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "demo.yaml")
	if err := os.WriteFile(p, []byte(demoFile), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := newOptions(p, "publication=2026-02-02")
	if err := run(opts); !errors.Is(err, cmdutil.ErrNo) {
		t.Fatalf("err = %v, want ErrNo", err)
	}
	if got, _ := os.ReadFile(p); string(got) != demoFile {
		t.Errorf("file changed to %q", got)
	}
	if diff := cmp.Diff([]string{"demo.yaml"}, files(t, dir)); diff != "" {
		t.Errorf("files in the directory (-want +got):\n%s", diff)
	}
}
