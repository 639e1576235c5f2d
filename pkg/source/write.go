package source

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"
)

// Snapshot is what a file held when it was read for editing: WriteAtomic
// replaces it only if it still holds exactly that.
type Snapshot struct {
	// Path is the file as the user named it; Target is the file that is
	// replaced (symbolic links resolved, so that a link stays a link).
	Path, Target string
	Size         int64
	ModTime      time.Time
	Mode         fs.FileMode
	Sum          [sha256.Size]byte
	// UID and GID own the file, where the system has owners (HasOwner).
	UID, GID int
	HasOwner bool
}

// ChangedError means the file changed on disk between reading and writing
// (an editor saved it, git checked out another version): nothing was
// written, and the command should be run again.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("%s changed on disk since tender read it; nothing was written (run the command again)", e.Path)
}

// ReadForEdit reads a region file that is to be edited and written back
// with WriteAtomic.
func ReadForEdit(path string) ([]byte, *Snapshot, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, nil, fileError(path, err)
	}
	src, st, err := readRegular(path, target)
	if err != nil {
		return nil, nil, err
	}
	snap := &Snapshot{Path: path, Target: target, Size: st.Size(), ModTime: st.ModTime(), Mode: st.Mode(),
		Sum: sha256.Sum256(src)}
	snap.UID, snap.GID, snap.HasOwner = fileOwner(st)
	return src, snap, nil
}

// WriteAtomic replaces the file of snap with data, so that a reader sees
// either the old or the new file, never a half-written one, and a crash
// leaves one of the two:
//
//  1. a temporary file is created in the same directory (so that the
//     rename cannot cross file systems), written, given the original
//     file's owner and permission bits, synced and closed;
//  2. the original is read again: if its size, modification time or
//     content differ from snap, the temporary file is removed and a
//     *ChangedError returned;
//  3. the temporary file is renamed over the original, and the directory
//     is synced so that the rename itself survives a crash.
//
// The temporary file is removed on every error. Only a process killed
// outright (SIGKILL, Task Manager, power loss) can leave it behind; the
// next OpenEdit of the file removes it.
// An interrupt (Ctrl-C, SIGTERM) while writing is held until the temporary
// file is dealt with: before the rename it cancels the write (the file is
// left as it was), after it the write is complete.
//
// The owner and group are kept where the writer may set them (root
// rescheduling a colleague's file must not take it from her; keepOwner).
// A writer who may not (an ordinary user in a group-writable directory)
// becomes the owner, as with any editor that saves by renaming.
func WriteAtomic(snap *Snapshot, data []byte) error { return writeAtomic(OS{}, snap, data) }

// writeAtomic is WriteAtomic through the file-system calls of fsys.
func writeAtomic(fsys FS, snap *Snapshot, data []byte) (err error) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	dir, base := filepath.Split(snap.Target)
	if dir == "" {
		dir = "."
	}
	tmp, err := fsys.CreateTemp(dir, tempPattern(base))
	if err != nil {
		return writeError(snap.Path, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			fsys.Remove(tmpName)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return writeError(snap.Path, err)
	}
	// Owner and mode before the sync, so that it makes them durable with
	// the bytes: after a crash the file is never in place with the
	// temporary file's owner or mode.
	keepOwner(tmp, snap)
	if err = tmp.Chmod(snap.Mode.Perm()); err != nil {
		return writeError(snap.Path, err)
	}
	if err = tmp.Sync(); err != nil {
		return writeError(snap.Path, err)
	}
	if err = tmp.Close(); err != nil {
		return writeError(snap.Path, err)
	}
	if err = unchanged(snap); err != nil {
		return err
	}
	select {
	case <-sigs:
		err = fmt.Errorf("%s: interrupted; nothing was written", snap.Path)
		return err
	default:
	}
	if err = fsys.Rename(tmpName, snap.Target); err != nil {
		return writeError(snap.Path, err)
	}
	// Not every system can sync a directory (Windows cannot); the rename
	// has happened either way, so a failure here is not reported.
	_ = fsys.SyncDir(dir)
	return nil
}

// keepOwner gives the temporary file the original's owner and group, as
// far as the writer may: both (root), else the group alone (a member of
// the file's group), else neither. It is best effort: a refusal (EPERM),
// or an owner the system cannot map (EINVAL, as in a user namespace, where
// a file of an unmapped user shows as 65534), must not stop a write that
// worked before the file changed hands.
func keepOwner(tmp TempFile, snap *Snapshot) {
	if !snap.HasOwner || snap.UID == os.Geteuid() && snap.GID == os.Getegid() {
		return
	}
	if tmp.Chown(snap.UID, snap.GID) != nil {
		_ = tmp.Chown(-1, snap.GID)
	}
}

// writeError is a failure before the rename: the file is as it was.
func writeError(path string, err error) error {
	err = unwrapPath(err)
	var le *os.LinkError
	if errors.As(err, &le) {
		err = le.Err
	}
	if heldOpen(runtime.GOOS, err) {
		return fmt.Errorf("%s: cannot write it: %v; another program (Excel, an editor, a sync client such as OneDrive) may have it open: close it there and run the command again; the file was left unchanged", path, err)
	}
	return fmt.Errorf("%s: cannot write it: %v; the file was left unchanged", path, err)
}

// heldOpen says err is how Windows (goos) refuses to open, replace or
// remove a file that another program has open: "Access is denied."
// (ERROR_ACCESS_DENIED, 5, which is also what replacing a file open
// without delete sharing gives), a sharing or lock violation (32, 33).
func heldOpen(goos string, err error) bool {
	if goos != "windows" {
		return false
	}
	var en syscall.Errno
	return errors.As(err, &en) && (en == 5 || en == 32 || en == 33)
}

// FS is the file-system calls with which WriteAtomic and WriteNew write,
// one method per step, so that tests can make any single step fail (a full disk, a
// read-only directory) or stop there as a crash would.
type FS interface {
	CreateTemp(dir, pattern string) (TempFile, error)
	Link(oldpath, newpath string) error // WriteNew only
	Rename(oldpath, newpath string) error
	Remove(name string) error
	SyncDir(dir string) error
}

// TempFile is the temporary file of an atomic write.
type TempFile interface {
	Name() string
	Write(p []byte) (int, error)
	Sync() error
	Chown(uid, gid int) error
	Chmod(mode fs.FileMode) error
	Close() error
}

// OS is FS on the operating system's file system.
type OS struct{}

func (OS) CreateTemp(dir, pattern string) (TempFile, error) { return os.CreateTemp(dir, pattern) }
func (OS) Link(oldpath, newpath string) error               { return os.Link(oldpath, newpath) }
func (OS) Rename(oldpath, newpath string) error             { return os.Rename(oldpath, newpath) }
func (OS) Remove(name string) error                         { return os.Remove(name) }

// SyncDir flushes a directory to disk, so that a rename in it survives a
// crash.
func (OS) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// unchanged checks that the file still is what snap says.
func unchanged(snap *Snapshot) error {
	st, err := os.Stat(snap.Target)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &ChangedError{Path: snap.Path}
		}
		return fileError(snap.Path, err)
	}
	if st.Size() != snap.Size || !st.ModTime().Equal(snap.ModTime) {
		return &ChangedError{Path: snap.Path}
	}
	src, err := os.ReadFile(snap.Target)
	if err != nil {
		return fileError(snap.Path, err)
	}
	if sum := sha256.Sum256(src); !bytes.Equal(sum[:], snap.Sum[:]) {
		return &ChangedError{Path: snap.Path}
	}
	return nil
}

// Edit is a region file read for editing by a process that holds its
// write lock (FileLock): Replace writes the change, Close releases the
// lock. Every command that changes a region file, and a server that would,
// edits through it:
//
//	src, e, err := source.OpenEdit(path)
//	if err != nil { ... }
//	defer e.Close()
//	... compute the new bytes from src ...
//	err = e.Replace(out)
//
// Between two tender processes no update is lost: the second waits for
// the first's Close and then reads the bytes the first wrote. Against an
// editor, which takes no lock, Replace checks once more that the file is
// unchanged just before the rename; an editor's save that falls between
// that check and the rename itself is lost.
type Edit struct {
	Snapshot *Snapshot
	lock     *FileLock
	fs       FS
}

// Files edits region files on the computer's file system: the write lock
// (Lock) from the read to the rename, and the atomic write (WriteAtomic).
// The zero value is what tender uses. The application layer is given one
// (app.Config.Files), which is how a front end decides where its writes
// go, and how a test stands between tender and the disk: its FS makes
// every file-system step of a write, and a test's FS may pause at or
// change the file at any step (cmd/tender's concurrency tests do, in the
// real binary).
type Files struct {
	// FS makes the file-system calls of a write (nil: OS).
	FS FS
	// LockWait is how long OpenEdit waits for another tender process that
	// writes the same file (0: DefaultLockWait).
	LockWait time.Duration
}

// OpenEdit takes the write lock of the file at path (Lock), reads it
// (ReadForEdit), and removes the temporary files that a write of the same
// file left behind when its process was killed: under the lock no other
// write of this file is under way, so every file of that name pattern in
// the directory is such a leftover.
func (f Files) OpenEdit(path string) ([]byte, *Edit, error) {
	wait := f.LockWait
	if wait <= 0 {
		wait = DefaultLockWait
	}
	fsys := f.fs()
	lock, err := lock(path, path, wait)
	if err != nil {
		return nil, nil, err
	}
	src, snap, err := ReadForEdit(path)
	if err != nil {
		lock.Unlock()
		return nil, nil, err
	}
	removeStaleTemps(fsys, snap.Target)
	return src, &Edit{Snapshot: snap, lock: lock, fs: fsys}, nil
}

// fs is the FS of f's writes: OS unless a test gave its own.
func (f Files) fs() FS {
	if f.FS == nil {
		return OS{}
	}
	return f.FS
}

// OpenEdit is Files{}.OpenEdit: the computer's file system, the default
// wait for the lock.
func OpenEdit(path string) ([]byte, *Edit, error) { return Files{}.OpenEdit(path) }

// Replace writes data in place of the file (WriteAtomic, through the FS
// of the Files that opened it), under the lock.
func (e *Edit) Replace(data []byte) error {
	if e.lock == nil || e.lock.fl == nil {
		return fmt.Errorf("%s: not locked for editing", e.Snapshot.Path)
	}
	return writeAtomic(e.fs, e.Snapshot, data)
}

// Close releases the write lock; a second Close does nothing.
func (e *Edit) Close() error {
	if e == nil {
		return nil
	}
	return e.lock.Unlock()
}

// tempPattern is the name of WriteAtomic's temporary file for a file named
// base, for os.CreateTemp (the * is random).
func tempPattern(base string) string { return "." + base + ".tender-*.tmp" }

// removeStaleTemps removes what a killed WriteAtomic of target left: files
// named by tempPattern in its directory. Best effort: one that cannot be
// removed is left.
func removeStaleTemps(fsys FS, target string) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	prefix, suffix, _ := strings.Cut(tempPattern(base), "*")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		n := e.Name()
		if e.Type().IsRegular() && len(n) > len(prefix)+len(suffix) && strings.HasPrefix(n, prefix) && strings.HasSuffix(n, suffix) {
			_ = fsys.Remove(filepath.Join(dir, n))
		}
	}
}
