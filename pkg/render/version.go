package render

import (
	"fmt"
	"io"
)

// VersionInfo describes a build of tender (tender version).
type VersionInfo struct {
	// Version is the release version (set by the linker in release builds,
	// else the module version from the build info), or "dev".
	Version string `json:"version"`
	// Commit is the git commit, or nil when the build does not know it
	// (go build with -buildvcs=false, go run, go test).
	Commit *string `json:"commit"`
	// Go is the Go version that built the binary.
	Go string `json:"go"`
	// Platform is GOOS/GOARCH.
	Platform string `json:"platform"`
}

// VersionText writes the version on the first line, then the commit, the
// Go version and the platform, one labelled line each.
func VersionText(w io.Writer, info VersionInfo, opts Options) error {
	l := opts.Lang
	commit := T(l, "version.unknown")
	if info.Commit != nil {
		commit = *info.Commit
	}
	rows := [][2]string{
		{T(l, "version.commit"), commit},
		{T(l, "version.go"), info.Go},
		{T(l, "version.platform"), info.Platform},
	}
	width := 0
	for _, r := range rows {
		width = max(width, len([]rune(r[0])))
	}
	fmt.Fprintln(w, T(l, "version.title", info.Version))
	for _, r := range rows {
		fmt.Fprintf(w, "%-*s %s\n", width+1, r[0]+":", r[1])
	}
	return nil
}

// VersionJSON writes {"version", "commit", "go", "platform"}.
func VersionJSON(w io.Writer, info VersionInfo) error { return writeJSON(w, info) }
