package source

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteNewFaults makes every step of WriteNew fail in turn (faults) and checks that the file is then
// either absent or complete, never partial, and that a reported failure
// leaves no file and no temporary file behind.
func TestWriteNewFaults(t *testing.T) {
	data := bytes.Repeat([]byte("# line of a starter file\n"), 4000) // 100 kB

	run := func(t *testing.T, ffs *faultFS) (dir, path string, err error) {
		dir = t.TempDir()
		path = filepath.Join(dir, "region.yaml")
		return dir, path, Files{FS: ffs}.WriteNew(path, data)
	}
	steps := cleanSteps(t, run, data, "CreateTemp Write Chmod Sync Close Link SyncDir Close Remove")
	const linkStep = 6

	for n := 1; n <= len(steps); n++ {
		for _, c := range faults {
			ffs := &faultFS{inner: OS{}, failAt: n, err: c.err, crash: c.crash}
			dir, path, err := run(t, ffs)
			step := steps[n-1]
			got, rerr := os.ReadFile(path)
			present := rerr == nil
			if present && !bytes.Equal(got, data) {
				t.Fatalf("%s at step %d (%s): the file holds %d of %d bytes", c.name, n, step, len(got), len(data))
			}
			extra := othersIn(dir, "region.yaml")
			switch {
			case c.crash:
				if n <= linkStep && present {
					t.Errorf("crash at step %d (%s): the file is in place before the link", n, step)
				}
				for _, e := range extra {
					if !strings.HasPrefix(e, ".region.yaml.tmp-") {
						t.Errorf("crash at step %d (%s): unexpected file %s", n, step, e)
					}
				}
			case step == "Link":
				// Not every file system has hard links: WriteNew renames
				// instead, and the file is written.
				if err != nil || !present || len(extra) > 0 {
					t.Errorf("%s at step %d (%s): err %v, present %v, extra %v", c.name, n, step, err, present, extra)
				}
			case n > linkStep:
				// After the link the file is complete; a failing clean-up
				// is not reported (a failed Remove leaves the hidden second
				// name of the file).
				if err != nil || !present || (len(extra) > 0 && step != "Remove") {
					t.Errorf("%s at step %d (%s): err %v, present %v, extra %v", c.name, n, step, err, present, extra)
				}
			default:
				if err == nil || present || len(extra) > 0 {
					t.Fatalf("%s at step %d (%s): err %v, present %v, extra %v", c.name, n, step, err, present, extra)
				}
				if msg := err.Error(); strings.Contains(msg, "\n") || !strings.HasPrefix(msg, path+": ") {
					t.Errorf("%s at step %d (%s): message %q", c.name, n, step, msg)
				}
			}
		}
	}
}
