// Package sourcetest stands between tender and the disk in tests: a
// source.FS that does something at one moment of a write, given to the
// application layer as source.Files{FS: ...} (app.Config.Files,
// cmdutil.Factory.Files).
package sourcetest

import "github.com/tender-nl/tender/pkg/source"

// BeforeRename is the computer's file system (source.OS), except that do
// runs when a write has closed its temporary file: the last step before
// the write checks once more that the file is unchanged and renames the
// temporary file over it. A test that changes the file there is an editor
// saving at the worst moment; one that pauses there widens the window in
// which two writers without the lock would overlap.
func BeforeRename(do func()) source.FS { return closeHookFS{do: do} }

type closeHookFS struct {
	source.OS
	do func()
}

func (f closeHookFS) CreateTemp(dir, pattern string) (source.TempFile, error) {
	t, err := f.OS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return closeHookFile{t, f.do}, nil
}

type closeHookFile struct {
	source.TempFile
	do func()
}

func (c closeHookFile) Close() error {
	err := c.TempFile.Close()
	c.do()
	return err
}
