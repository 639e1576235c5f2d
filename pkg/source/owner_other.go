//go:build !unix

package source

import "io/fs"

// fileOwner: files have no numeric owner here (Windows, Plan 9, wasm), so
// WriteAtomic has none to keep.
func fileOwner(fs.FileInfo) (uid, gid int, ok bool) { return 0, 0, false }
