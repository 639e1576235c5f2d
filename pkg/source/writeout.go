package source

import (
	"fmt"
	"os"
	"path/filepath"
)

// WriteOut writes data to path atomically, replacing a file that is
// there: a temporary file in the same directory is written, flushed to
// disk and renamed over path, so a reader (or a spreadsheet that has the
// file open) sees the old file or the new one, never half of one. For
// --out (tender plan -o xlsx --out plan.xlsx).
func WriteOut(path string, data []byte) error { return Files{}.WriteOut(path, data) }

// WriteOut is WriteOut through f's FS.
func (f Files) WriteOut(path string, data []byte) (err error) {
	fsys := f.fs()
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file: give a file name for --out", path)
	}
	tmp, err := fsys.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write in %s: %v", path, dir, unwrapLink(err))
	}
	defer func() {
		tmp.Close()
		if err != nil {
			fsys.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err = tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	if err = fsys.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %v", path, unwrapLink(err))
	}
	_ = fsys.SyncDir(dir)
	return nil
}
