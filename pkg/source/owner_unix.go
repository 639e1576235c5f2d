//go:build unix

package source

import (
	"io/fs"
	"syscall"
)

// fileOwner returns the user and group that own the file st describes.
func fileOwner(st fs.FileInfo) (uid, gid int, ok bool) {
	s, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(s.Uid), int(s.Gid), true
}
