package source

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// faultFS is an FS that makes step failAt of a write fail: with err (the
// step has no effect, except that a failing Write writes half its bytes
// first, as a full disk does), or, with crash, as if the process died
// there: that step and every later one do nothing, cleanup included.
type faultFS struct {
	inner  FS
	failAt int // 1-based; 0 never fails
	err    error
	crash  bool
	steps  []string
}

// step records a call and says whether it is to fail.
func (f *faultFS) step(name string) bool {
	f.steps = append(f.steps, name)
	n := len(f.steps)
	return f.failAt > 0 && (n == f.failAt || f.crash && n > f.failAt)
}

func (f *faultFS) CreateTemp(dir, pattern string) (TempFile, error) {
	if f.step("CreateTemp") {
		return nil, &fs.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: f.err}
	}
	t, err := f.inner.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{f: f, t: t}, nil
}

func (f *faultFS) Link(o, n string) error {
	if f.step("Link") {
		return &os.LinkError{Op: "link", Old: o, New: n, Err: f.err}
	}
	return f.inner.Link(o, n)
}

func (f *faultFS) Rename(o, n string) error {
	if f.step("Rename") {
		return &os.LinkError{Op: "rename", Old: o, New: n, Err: f.err}
	}
	return f.inner.Rename(o, n)
}

func (f *faultFS) Remove(name string) error {
	if f.step("Remove") {
		return &fs.PathError{Op: "remove", Path: name, Err: f.err}
	}
	return f.inner.Remove(name)
}

func (f *faultFS) SyncDir(dir string) error {
	if f.step("SyncDir") {
		return f.err
	}
	return f.inner.SyncDir(dir)
}

type faultFile struct {
	f *faultFS
	t TempFile
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
			t.t.Close() // the descriptor is gone even when close reports an error
		}
		return &fs.PathError{Op: "close", Path: t.t.Name(), Err: t.f.err}
	}
	return t.t.Close()
}

var errCrash = errors.New("crashed")

// faults are the ways each step of a write is made to fail: a full disk, a
// read-only file system, a permission error, and a crash.
var faults = []struct {
	name  string
	err   error
	crash bool
}{
	{"ENOSPC", syscall.ENOSPC, false},
	{"EROFS", syscall.EROFS, false},
	{"EACCES", syscall.EACCES, false},
	{"crash", errCrash, true},
}

// cleanSteps runs a write with no fault and checks that it wrote data and
// took the steps want; it returns them, for the runs that fail each one.
func cleanSteps(t *testing.T, run func(*testing.T, *faultFS) (dir, path string, err error), data []byte, want string) []string {
	t.Helper()
	clean := &faultFS{inner: OS{}}
	if _, path, err := run(t, clean); err != nil {
		t.Fatal(err)
	} else if got, _ := os.ReadFile(path); !bytes.Equal(got, data) {
		t.Fatal("clean write: wrong content")
	}
	if got := strings.Join(clean.steps, " "); got != want {
		t.Fatalf("steps = %s, want %s", got, want)
	}
	return clean.steps
}

// othersIn lists the entries of dir other than name: temporary files a
// write left behind.
func othersIn(dir, name string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		if e.Name() != name {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestWriteAtomicFaults makes every step of WriteAtomic fail in turn, with
// a full disk, a read-only file system, a permission error, and as a
// crash, and checks that the file then holds exactly the old or the new
// bytes, that a failure leaves the old ones and no temporary file, and
// that the error is one line naming the file.
func TestWriteAtomicFaults(t *testing.T) {
	old := bytes.Repeat([]byte("old: 1\n"), 10000) // 70 kB: a torn write would show
	new := bytes.Repeat([]byte("new: 22\n"), 12000)

	run := func(t *testing.T, ffs *faultFS) (dir, path string, err error) {
		dir = t.TempDir()
		path = filepath.Join(dir, "region.yaml")
		if err := os.WriteFile(path, old, 0o640); err != nil {
			t.Fatal(err)
		}
		_, snap, err := ReadForEdit(path)
		if err != nil {
			t.Fatal(err)
		}
		return dir, path, writeAtomic(ffs, snap, new)
	}

	steps := cleanSteps(t, run, new, "CreateTemp Write Chmod Sync Close Rename SyncDir")
	renameStep := 6

	for n := 1; n <= len(steps); n++ {
		for _, c := range faults {
			ffs := &faultFS{inner: OS{}, failAt: n, err: c.err, crash: c.crash}
			dir, path, err := run(t, ffs)
			step := steps[n-1]
			got, rerr := os.ReadFile(path)
			if rerr != nil {
				t.Fatalf("%s at step %d (%s): the file is gone: %v", c.name, n, step, rerr)
			}
			isOld, isNew := bytes.Equal(got, old), bytes.Equal(got, new)
			if !isOld && !isNew {
				t.Fatalf("%s at step %d (%s): the file holds %d bytes, neither the old nor the new content", c.name, n, step, len(got))
			}
			if st, _ := os.Stat(path); st.Mode().Perm() != 0o640 {
				t.Errorf("%s at step %d (%s): mode %v, want 0640", c.name, n, step, st.Mode().Perm())
			}
			extra := othersIn(dir, "region.yaml")
			switch {
			case c.crash:
				// A crash before the rename leaves the old file; the
				// temporary file may remain, hidden, as after any crash.
				if n <= renameStep && !isOld {
					t.Errorf("crash at step %d (%s): the new content is in place before the rename", n, step)
				}
				for _, e := range extra {
					if !strings.HasPrefix(e, ".region.yaml.tender-") {
						t.Errorf("crash at step %d (%s): unexpected file %s", n, step, e)
					}
				}
			case n == len(steps):
				// Syncing the directory comes after the rename: its
				// failure is not reported, and the new file is there.
				if err != nil || !isNew || len(extra) > 0 {
					t.Errorf("%s at step %d (%s): err %v, new %v, extra files %v", c.name, n, step, err, isNew, extra)
				}
			default:
				if err == nil || !isOld || len(extra) > 0 {
					t.Fatalf("%s at step %d (%s): err %v, old content kept %v, extra files %v", c.name, n, step, err, isOld, extra)
				}
				msg := err.Error()
				if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, path+": cannot write it: ") || !strings.HasSuffix(msg, "; the file was left unchanged") {
					t.Errorf("%s at step %d (%s): message %q", c.name, n, step, msg)
				}
			}
		}
	}
}

// TestWriteAtomicErrorText shows the messages a user sees.
func TestWriteAtomicErrorText(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{syscall.ENOSPC, "cannot write it: no space left on device; the file was left unchanged"},
		{syscall.EROFS, "cannot write it: read-only file system; the file was left unchanged"},
		{syscall.EACCES, "cannot write it: permission denied; the file was left unchanged"},
	} {
		dir := t.TempDir()
		path := filepath.Join(dir, "r.yaml")
		os.WriteFile(path, []byte("a: 1\n"), 0o644)
		_, snap, err := ReadForEdit(path)
		if err != nil {
			t.Fatal(err)
		}
		err = writeAtomic(&faultFS{inner: OS{}, failAt: 1, err: c.err}, snap, []byte("a: 2\n"))
		if err == nil || err.Error() != path+": "+c.want {
			t.Errorf("got %v, want %s: %s", err, path, c.want)
		}
	}
}
