package initcmd

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tender-nl/tender/pkg/source"
)

// faultFS makes step failAt of WriteNew fail with err (a failing Write
// writes half its bytes first, as a full disk does), or, with crash, stop
// there as if the process died: that step and every later one do nothing.
type faultFS struct {
	failAt int
	err    error
	crash  bool
	steps  []string
}

func (f *faultFS) step(name string) bool {
	f.steps = append(f.steps, name)
	n := len(f.steps)
	return f.failAt > 0 && (n == f.failAt || f.crash && n > f.failAt)
}

func (f *faultFS) CreateTemp(dir, pattern string) (source.TempFile, error) {
	if f.step("CreateTemp") {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: f.err}
	}
	t, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{f: f, t: t}, nil
}

func (f *faultFS) Link(o, n string) error {
	if f.step("Link") {
		return &os.LinkError{Op: "link", Old: o, New: n, Err: f.err}
	}
	return os.Link(o, n)
}

func (f *faultFS) Rename(o, n string) error {
	if f.step("Rename") {
		return &os.LinkError{Op: "rename", Old: o, New: n, Err: f.err}
	}
	return os.Rename(o, n)
}

func (f *faultFS) Remove(name string) error {
	if f.step("Remove") {
		return &fs.PathError{Op: "remove", Path: name, Err: f.err}
	}
	return os.Remove(name)
}

func (f *faultFS) SyncDir(dir string) error {
	if f.step("SyncDir") {
		return f.err
	}
	return source.OS{}.SyncDir(dir)
}

type faultFile struct {
	f *faultFS
	t *os.File
}

func (t *faultFile) Name() string { return t.t.Name() }

func (t *faultFile) Write(p []byte) (int, error) {
	if t.f.step("Write") {
		if t.f.crash {
			return 0, t.f.err
		}
		n, _ := t.t.Write(p[:len(p)/2])
		return n, &fs.PathError{Op: "write", Path: t.t.Name(), Err: t.f.err}
	}
	return t.t.Write(p)
}

func (t *faultFile) Sync() error {
	if t.f.step("Sync") {
		return &fs.PathError{Op: "sync", Path: t.t.Name(), Err: t.f.err}
	}
	return t.t.Sync()
}

func (t *faultFile) Chown(uid, gid int) error {
	if t.f.step("Chown") {
		return &fs.PathError{Op: "chown", Path: t.t.Name(), Err: t.f.err}
	}
	return t.t.Chown(uid, gid)
}

func (t *faultFile) Chmod(m fs.FileMode) error {
	if t.f.step("Chmod") {
		return &fs.PathError{Op: "chmod", Path: t.t.Name(), Err: t.f.err}
	}
	return t.t.Chmod(m)
}

func (t *faultFile) Close() error {
	if t.f.step("Close") {
		if !t.f.crash {
			t.t.Close()
		}
		return &fs.PathError{Op: "close", Path: t.t.Name(), Err: t.f.err}
	}
	return t.t.Close()
}

// TestWriteNewFaults makes every step of WriteNew fail in turn (full disk,
// read-only file system, and a crash) and checks that the file is then
// either absent or complete, never partial, and that a reported failure
// leaves no file and no temporary file behind.
func TestWriteNewFaults(t *testing.T) {
	data := bytes.Repeat([]byte("# line of a starter file\n"), 4000) // 100 kB

	run := func(t *testing.T, ffs *faultFS) (dir, path string, err error) {
		dir = t.TempDir()
		path = filepath.Join(dir, "region.yaml")
		saved := writeFS
		writeFS = ffs
		defer func() { writeFS = saved }()
		return dir, path, WriteNew(path, data)
	}
	clean := &faultFS{}
	if _, path, err := run(t, clean); err != nil {
		t.Fatal(err)
	} else if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Fatal("clean write: wrong content")
	}
	want := "CreateTemp Write Chmod Sync Close Link SyncDir Close Remove"
	if got := strings.Join(clean.steps, " "); got != want {
		t.Fatalf("steps = %s, want %s", got, want)
	}
	const linkStep = 6

	for n := 1; n <= len(clean.steps); n++ {
		for _, c := range []struct {
			name  string
			err   error
			crash bool
		}{
			{"ENOSPC", syscall.ENOSPC, false},
			{"EROFS", syscall.EROFS, false},
			{"crash", errors.New("crashed"), true},
		} {
			ffs := &faultFS{failAt: n, err: c.err, crash: c.crash}
			dir, path, err := run(t, ffs)
			step := clean.steps[n-1]
			got, rerr := os.ReadFile(path)
			present := rerr == nil
			if present && !bytes.Equal(got, data) {
				t.Fatalf("%s at step %d (%s): the file holds %d of %d bytes", c.name, n, step, len(got), len(data))
			}
			entries, _ := os.ReadDir(dir)
			var extra []string
			for _, e := range entries {
				if e.Name() != "region.yaml" {
					extra = append(extra, e.Name())
				}
			}
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
