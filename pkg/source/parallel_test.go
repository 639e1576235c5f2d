package source

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/region"
)

// TestFindParallelOrder: files are loaded in parallel, but the regions and
// the errors come in argument order and, within a directory, in name order,
// whatever the number of cores.
func TestFindParallelOrder(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	var wantIDs, wantErrs []string
	for i := range 40 {
		// Ids run backwards, so that name order and id order differ.
		name := fmt.Sprintf("r%02d.yaml", i)
		switch {
		case i%9 == 4:
			write(t, dir, name, strings.Replace(fmt.Sprintf(good, "x"), "kind: publication", "kind: publicaton", 1))
			wantErrs = append(wantErrs, name)
		case i%13 == 6:
			write(t, dir, name, "not: a region\n") // no region: key: skipped
		default:
			id := fmt.Sprintf("id-%02d", 40-i)
			write(t, dir, name, fmt.Sprintf(good, id))
			wantIDs = append(wantIDs, id)
		}
	}
	single := write(t, other, "single.yaml", fmt.Sprintf(good, "single"))
	prev := runtime.GOMAXPROCS(0)
	defer runtime.GOMAXPROCS(prev)
	for _, procs := range []int{1, 2, 8} {
		runtime.GOMAXPROCS(procs)
		f := &Finder{}
		_, err := f.Find([]string{single, dir})
		var el region.ErrorList
		if !errors.As(err, &el) {
			t.Fatalf("GOMAXPROCS %d: %v, want an ErrorList", procs, err)
		}
		var files []string
		for _, e := range el {
			files = append(files, e.File[strings.LastIndexByte(e.File, '/')+1:])
		}
		if diff := cmp.Diff(wantErrs, files); diff != "" {
			t.Errorf("GOMAXPROCS %d: errors (-want +got):\n%s", procs, diff)
		}

		// Without the broken files: every region, in order.
		good := &Finder{}
		var args []string
		args = append(args, single)
		for i := range 40 {
			if i%9 != 4 && i%13 != 6 {
				args = append(args, fmt.Sprintf("%s/r%02d.yaml", dir, i))
			}
		}
		args = append(args, single)
		rs, err := good.Find(args)
		if err != nil {
			t.Fatal(err)
		}
		want := "single," + strings.Join(wantIDs, ",") + ",single"
		if got := ids(rs); got != want {
			t.Errorf("GOMAXPROCS %d: regions %s, want %s", procs, got, want)
		}
	}
}

// TestFindFirstHardError: of the errors that are not load errors (a missing
// file, a directory that cannot be listed), the first in argument order is
// returned, as if the arguments were loaded one by one.
func TestFindFirstHardError(t *testing.T) {
	dir := t.TempDir()
	ok := write(t, dir, "ok.yaml", fmt.Sprintf(good, "ok"))
	bad := write(t, dir, "bad.yaml", "version: 1\nregion: [\n")
	f := &Finder{}
	_, err := f.Find([]string{ok, bad, dir + "/missing-1.yaml", dir + "/missing-2.yaml"})
	if err == nil || !strings.Contains(err.Error(), "missing-1.yaml: no such file") {
		t.Errorf("got %v, want the first missing file", err)
	}
}

// BenchmarkFindDir loads a directory of 42 regions of 240 milestones each
// (about 10,000): the load layer of testdata/bench.sh.
func BenchmarkFindDir(b *testing.B) {
	dir := b.TempDir()
	var body strings.Builder
	body.WriteString(fmt.Sprintf(good, "big"))
	for i := range 240 {
		fmt.Fprintf(&body, "      m%d: {kind: other, after: p + %dwd, align: workday}\n", i, i+1)
	}
	for i := range 42 {
		src := strings.Replace(body.String(), "id: big", fmt.Sprintf("id: r%02d", i), 1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("r%02d.yaml", i)), []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	f := &Finder{}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.Find([]string{dir}); err != nil {
			b.Fatal(err)
		}
	}
}
