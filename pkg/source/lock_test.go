package source

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A second lock on the same file waits, and gives up after its wait with a
// *LockedError; once the first is released it is taken.
func TestLockExcludes(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oost.yaml")
	if err := os.WriteFile(path, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := Lock(path, path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = lock("oost.yaml", path, 50*time.Millisecond)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second Lock: %v, want a *LockedError", err)
	}
	if want := "oost.yaml: another tender process has been writing it for 50ms; nothing was written (run the command again when it is done)"; err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if err := a.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(LockPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the lock file is still there after Unlock: %v", err)
	}
	b, err := Lock(path, path)
	if err != nil {
		t.Fatalf("Lock after Unlock: %v", err)
	}
	b.Unlock()
	if err := b.Unlock(); err != nil {
		t.Errorf("a second Unlock: %v", err)
	}
}

// Two names of one file (a symbolic link) share its lock.
func TestLockFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oost.yaml")
	link := filepath.Join(dir, "link.yaml")
	if err := os.WriteFile(path, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(path, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	a, err := Lock(path, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Unlock()
	var le *LockedError
	if _, err := lock(link, link, 20*time.Millisecond); !errors.As(err, &le) {
		t.Errorf("Lock through the link: %v, want a *LockedError", err)
	}
}

// OpenEdit removes the temporary files of this file's killed writes, and
// nothing else; Replace after Close is refused.
func TestOpenEditRemovesStaleTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "oost [kopie].yaml")
	if err := os.WriteFile(path, []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stale := []string{".oost [kopie].yaml.tender-123456.tmp", ".oost [kopie].yaml.tender-9.tmp"}
	keep := []string{".oost [kopie].yaml.tmp-123", ".other.yaml.tender-1.tmp", "oost.yaml", ".oost [kopie].yaml.tender-.tmp"}
	for _, n := range append(slices.Clone(stale), keep...) {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, e, err := OpenEdit(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(src) != "version: 1\n" {
		t.Errorf("read %q", src)
	}
	if err := e.Replace([]byte("version: 1 # edited\n")); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if err := e.Replace([]byte("again\n")); err == nil {
		t.Error("Replace after Close wrote")
	}
	entries, _ := os.ReadDir(dir)
	var got []string
	for _, en := range entries {
		got = append(got, en.Name())
	}
	want := append([]string{"oost [kopie].yaml"}, keep...)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("the directory holds\n %q\nwant\n %q", got, want)
	}
	if b, _ := os.ReadFile(path); string(b) != "version: 1 # edited\n" {
		t.Errorf("file %q", b)
	}
}

// On Windows, a file that another program has open cannot be replaced
// ("Access is denied.") or opened (a sharing violation): the message says
// so, on Windows only.
func TestHeldOpenMessage(t *testing.T) {
	denied := &os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.Errno(5)}
	if !heldOpen("windows", denied) || !heldOpen("windows", &os.PathError{Op: "open", Path: "a", Err: syscall.Errno(32)}) {
		t.Error("access denied and a sharing violation are not seen as held open on Windows")
	}
	if heldOpen("linux", denied) || heldOpen("windows", syscall.Errno(2)) {
		t.Error("held open on Linux, or for file not found")
	}
	if runtime.GOOS == "windows" {
		got := writeError("oost.yaml", denied).Error()
		if !strings.Contains(got, "another program (Excel, an editor, a sync client such as OneDrive) may have it open") {
			t.Errorf("message %q", got)
		}
	}
}
