package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// leftovers lists the files of dir other than want.
func leftovers(t *testing.T, dir string, want ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
outer:
	for _, e := range entries {
		for _, w := range want {
			if e.Name() == w {
				continue outer
			}
		}
		out = append(out, e.Name())
	}
	return out
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.yaml")
	if err := os.WriteFile(p, []byte("old\r\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	src, snap, err := ReadForEdit(p)
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != "old\r\n" {
		t.Fatalf("read %q", src)
	}
	if err := WriteAtomic(snap, []byte("new\r\n")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if string(got) != "new\r\n" {
		t.Errorf("file holds %q", got)
	}
	st, _ := os.Stat(p)
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640 as before", st.Mode().Perm())
	}
	if l := leftovers(t, dir, "r.yaml"); len(l) > 0 {
		t.Errorf("files left behind: %v", l)
	}
}

func TestWriteAtomicRefusesChangedFile(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(p string)
	}{
		// Same size, so only the content (or the time) tells.
		{"content", func(p string) { os.WriteFile(p, []byte("OLD\n"), 0o644) }},
		{"removed", func(p string) { os.Remove(p) }},
		{"longer", func(p string) { os.WriteFile(p, []byte("old and more\n"), 0o644) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "r.yaml")
			os.WriteFile(p, []byte("old\n"), 0o644)
			_, snap, err := ReadForEdit(p)
			if err != nil {
				t.Fatal(err)
			}
			err = writeAtomic(beforeRename(func() { tc.change(p) }), snap, []byte("new\n"))
			var ce *ChangedError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a ChangedError", err)
			}
			if got, err := os.ReadFile(p); err == nil && string(got) == "new\n" {
				t.Errorf("the file was written")
			}
			if l := leftovers(t, dir, "r.yaml"); len(l) > 0 {
				t.Errorf("files left behind: %v", l)
			}
		})
	}
}

func TestWriteAtomicFollowsSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	real := filepath.Join(dir, "real.yaml")
	link := filepath.Join(dir, "link.yaml")
	os.WriteFile(real, []byte("old\n"), 0o644)
	if err := os.Symlink("real.yaml", link); err != nil {
		t.Fatal(err)
	}
	_, snap, err := ReadForEdit(link)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteAtomic(snap, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(real); string(got) != "new\n" {
		t.Errorf("target holds %q", got)
	}
}

func TestWriteAtomicUnwritableDirectory(t *testing.T) {
	if runtime.GOOS == "windows" || os.Getuid() == 0 {
		t.Skip("needs a directory the test cannot write (not as root)")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "r.yaml")
	os.WriteFile(p, []byte("old\n"), 0o644)
	_, snap, err := ReadForEdit(p)
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	if err := WriteAtomic(snap, []byte("new\n")); err == nil {
		t.Fatal("no error")
	}
	if got, _ := os.ReadFile(p); string(got) != "old\n" {
		t.Errorf("file holds %q", got)
	}
}

func TestReadForEditErrors(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := ReadForEdit(filepath.Join(dir, "none.yaml")); err == nil || err.Error() != filepath.Join(dir, "none.yaml")+": no such file" {
		t.Errorf("err = %v", err)
	}
	if _, _, err := ReadForEdit(dir); err == nil {
		t.Errorf("a directory was read")
	}
}

// TestWriteAtomicInterrupted: an interrupt before the rename cancels the
// write and leaves neither a changed file nor a temporary one.
func TestWriteAtomicInterrupted(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "r.yaml")
	os.WriteFile(p, []byte("old\n"), 0o644)
	_, snap, err := ReadForEdit(p)
	if err != nil {
		t.Fatal(err)
	}
	err = writeAtomic(beforeRename(func() {
		self, _ := os.FindProcess(os.Getpid())
		if err := self.Signal(os.Interrupt); err != nil {
			t.Skipf("cannot interrupt this process here: %v", err)
		}
		time.Sleep(500 * time.Millisecond) // signals arrive asynchronously
	}), snap, []byte("new\n"))
	if err == nil || !strings.Contains(err.Error(), "interrupted; nothing was written") {
		t.Fatalf("err = %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != "old\n" {
		t.Errorf("file holds %q", got)
	}
	if l := leftovers(t, dir, "r.yaml"); len(l) > 0 {
		t.Errorf("files left behind: %v", l)
	}
}

// TestWriteAtomicKeepsOwner: a file of another user keeps its owner and
// group when the writer may set them (root, as in CI). When the writer may
// not set the owner (EPERM) it still keeps the group where it may; when it
// may set neither, or the system cannot map the owner (EINVAL in a user
// namespace), the write still happens. Only root can give a file away, so
// the test needs it; the refusals are injected at the chown steps.
func TestWriteAtomicKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	const uid, gid = 4321, 8765
	setup := func(t *testing.T) (string, *Snapshot) {
		p := filepath.Join(t.TempDir(), "region.yaml")
		if err := os.WriteFile(p, []byte("old\n"), 0o640); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(p, uid, gid); err != nil {
			t.Fatal(err)
		}
		_, snap, err := ReadForEdit(p)
		if err != nil {
			t.Fatal(err)
		}
		if !snap.HasOwner || snap.UID != uid || snap.GID != gid {
			t.Fatalf("snapshot owner %d:%d (%v)", snap.UID, snap.GID, snap.HasOwner)
		}
		return p, snap
	}
	for _, c := range []struct {
		name   string
		refuse map[int]error // chown call (1, 2) → its error
		want   string
	}{
		{"root keeps both", nil, "4321:8765"},
		{"the owner refused, the group kept", map[int]error{1: syscall.EPERM}, "0:8765"},
		{"both refused", map[int]error{1: syscall.EPERM, 2: syscall.EPERM}, "0:0"},
		{"an unmapped owner", map[int]error{1: syscall.EINVAL, 2: syscall.EINVAL}, "0:0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, snap := setup(t)
			if err := writeAtomic(&chownFS{refuse: c.refuse}, snap, []byte("new\n")); err != nil {
				t.Fatal(err)
			}
			got, _ := os.ReadFile(p)
			st, err := os.Stat(p)
			if err != nil {
				t.Fatal(err)
			}
			u, g, _ := fileOwner(st)
			if owner := fmt.Sprintf("%d:%d", u, g); string(got) != "new\n" || owner != c.want || st.Mode().Perm() != 0o640 {
				t.Errorf("file %q owned by %s, mode %v; want \"new\\n\" owned by %s, mode -rw-r-----", got, owner, st.Mode().Perm(), c.want)
			}
		})
	}
}

// chownFS is the real file system whose temporary files refuse the n-th
// Chown call with refuse[n].
type chownFS struct {
	OS
	refuse map[int]error
	calls  int
}

func (f *chownFS) CreateTemp(dir, pattern string) (TempFile, error) {
	t, err := f.OS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &chownFile{TempFile: t, fs: f}, nil
}

type chownFile struct {
	TempFile
	fs *chownFS
}

func (t *chownFile) Chown(uid, gid int) error {
	t.fs.calls++
	if err := t.fs.refuse[t.fs.calls]; err != nil {
		return &fs.PathError{Op: "chown", Path: t.Name(), Err: err}
	}
	return t.TempFile.Chown(uid, gid)
}

// beforeRename is sourcetest.BeforeRename (which this package's own
// tests cannot import): do runs when a write closes its temporary file,
// just before the check that the file is unchanged and the rename.
func beforeRename(do func()) FS { return closeHookFS{do: do} }

type closeHookFS struct {
	OS
	do func()
}

func (f closeHookFS) CreateTemp(dir, pattern string) (TempFile, error) {
	t, err := f.OS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return closeHookFile{t, f.do}, nil
}

type closeHookFile struct {
	TempFile
	do func()
}

func (c closeHookFile) Close() error {
	err := c.TempFile.Close()
	c.do()
	return err
}
