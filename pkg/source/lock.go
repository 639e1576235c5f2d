package source

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/gofrs/flock"
)

// DefaultLockWait is how long Lock (and Files.OpenEdit, unless its
// LockWait says otherwise) waits for another tender process to finish
// writing the same file. A write holds the lock for as long as it takes
// to read, plan and replace one file: well under a second.
const DefaultLockWait = 10 * time.Second

// lockRetry is how often Lock tries again while another process holds the
// lock.
const lockRetry = 10 * time.Millisecond

// FileLock is the write lock of one region file: an advisory lock (flock
// on Unix, LockFileEx on Windows, through github.com/gofrs/flock) on a lock
// file next to it, ".NAME.tender-lock". Every tender process that writes a
// region file holds it from the read that its change is computed on until
// the rename that puts the change in place, so two tender processes never
// write the same file at once, and neither computes its change from bytes
// that the other is about to replace. Editors take no such lock; against
// them the check of WriteAtomic just before the rename is what protects.
//
// The lock is the file's, not the path's: two paths to one file (a
// symbolic link, ./a.yaml and a.yaml) give one lock. The operating system
// releases it when the process ends, however it ends, so a crashed
// process leaves no stale lock; at most a lock file, which the next writer
// reuses.
type FileLock struct {
	fl   *flock.Flock
	path string // the lock file
}

// LockedError means another process held the write lock of the file for
// longer than the writer would wait: nothing was written.
type LockedError struct {
	Path string // the region file as the user named it
	Wait time.Duration
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s: another tender process has been writing it for %s; nothing was written (run the command again when it is done)", e.Path, e.Wait)
}

// LockPath is the lock file of the region file target (symbolic links
// already resolved).
func LockPath(target string) string {
	dir, base := filepath.Split(target)
	return filepath.Join(dir, "."+base+".tender-lock")
}

// Lock takes the write lock of the region file at path (name is the path
// as the user gave it, for messages), waiting at most DefaultLockWait for
// another process to release it (then a *LockedError). Unlock releases it.
func Lock(name, path string) (*FileLock, error) { return lock(name, path, DefaultLockWait) }

func lock(name, path string, wait time.Duration) (*FileLock, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return nil, fileError(name, err)
	}
	lp := LockPath(target)
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	for {
		fl := flock.New(lp, flock.SetPermissions(0o644))
		ok, err := fl.TryLockContext(ctx, lockRetry)
		if err != nil {
			if errors.Is(err, context.DeadlineExceeded) {
				return nil, &LockedError{Path: name, Wait: wait}
			}
			return nil, writeError(name, err)
		}
		if !ok {
			return nil, &LockedError{Path: name, Wait: wait}
		}
		// The holder before us may have removed the lock file after we
		// opened it (Unlock does): then we hold a lock on a file that no
		// longer has the name, and a third process may lock a new file of
		// that name. Only the lock on the file that has the name counts.
		held, herr := fl.Stat()
		now, nerr := os.Stat(lp)
		if herr == nil && nerr == nil && os.SameFile(held, now) {
			return &FileLock{fl: fl, path: lp}, nil
		}
		_ = fl.Unlock()
		if ctx.Err() != nil {
			return nil, &LockedError{Path: name, Wait: wait}
		}
	}
}

// Unlock removes the lock file and releases the lock. Removing first is
// what keeps the lock file from staying behind; a process that opened it
// in the meantime sees that it no longer has the name and opens the new
// one (Lock). Where an open file cannot be removed (Windows, when another
// process waits for the lock) the file stays, and the next writer reuses
// it.
func (l *FileLock) Unlock() error {
	if l == nil || l.fl == nil {
		return nil
	}
	_ = os.Remove(l.path)
	err := l.fl.Unlock()
	l.fl = nil
	if runtime.GOOS == "windows" {
		// Windows removes no file that is open, ours included; now that
		// it is closed, the removal fails only if another process has it
		// open, which is the case that must keep it.
		_ = os.Remove(l.path)
	}
	return err
}
