package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ExistsError is a file WriteNew will not overwrite. tender init is
// WriteNew's one caller, so the message names it.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string {
	return fmt.Sprintf("%s already exists: tender init never overwrites a file (choose another name, or remove %s first)", e.Path, e.Path)
}

// WriteNew writes data to a new file at path, atomically, with mode 0644:
// a temporary file in the same directory is written, flushed to disk and
// then linked into place, which fails rather than replace a file that
// appeared in the meantime. On file systems without hard links it is
// renamed into place instead, after checking that path does not exist.
// Missing directories are created. An existing path is an *ExistsError.
func WriteNew(path string, data []byte) error { return Files{}.WriteNew(path, data) }

// WriteNew is WriteNew through f's FS.
func (f Files) WriteNew(path string, data []byte) (err error) {
	fsys := f.fs()
	if _, err := os.Lstat(path); err == nil {
		return &ExistsError{Path: path}
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("%s: cannot create the directory: %v", path, unwrapLink(err))
	}
	tmp, err := fsys.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in %s: %v", path, dir, unwrapLink(err))
	}
	defer func() {
		tmp.Close()
		fsys.Remove(tmp.Name()) // after a link, the name is a second link; after a rename, gone
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	switch err := fsys.Link(tmp.Name(), path); {
	case err == nil:
	case errors.Is(err, fs.ErrExist):
		return &ExistsError{Path: path}
	default:
		if _, serr := os.Lstat(path); serr == nil {
			return &ExistsError{Path: path}
		}
		if err := fsys.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("%s: %v", path, unwrapLink(err))
		}
	}
	// Where the system cannot sync a directory, the file is in place all
	// the same: not an error.
	_ = fsys.SyncDir(dir)
	return nil
}

// unwrapLink is unwrapPath that also unwraps an *os.LinkError (link,
// rename).
func unwrapLink(err error) error {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return unwrapPath(err)
}
