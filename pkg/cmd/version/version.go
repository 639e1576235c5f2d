// Package version is `tender version`: the version, commit and Go version
// of this build.
package version

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender version`.
type Options struct {
	cmdutil.ReportOptions
	// Version and Commit are what the root command found (linker flags,
	// else the build info).
	Version, Commit string
}

// Info describes a build.
type Info struct {
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

// NewCmdVersion builds the command; runF replaces the run in tests.
func NewCmdVersion(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f), Version: f.Version, Commit: f.Commit}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print the version, commit and Go version of this build",
		Long: `Prints the version of tender, the git commit it was built from and the Go
version that built it. Release builds carry the version and commit given to
the linker; a build from source (go install ./cmd/tender) says "dev" and
the commit when Go recorded it. tender --version prints the version alone.`,
		Example: `  tender version
  tender version -o json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	return cmd
}

// BuildInfo describes this build, with the version and commit the root
// command found (linker flags, else the build info).
func BuildInfo(version, commit string) Info {
	info := Info{Version: version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
	if info.Version == "" {
		info.Version = "dev"
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.GoVersion != "" {
		info.Go = bi.GoVersion
	}
	if commit != "" {
		info.Commit = &commit
	}
	return info
}

// printers are the output formats of `tender version`; text is for
// people, so -q silences it.
var printers = cmdutil.Printers[Info]{
	{Format: "text", ForPeople: true, Print: printText},
	{Format: "json", Print: func(w io.Writer, info Info, _ cmdutil.PrintOptions) error {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(info)
	}},
}

func run(opts *Options) error {
	return printers.Report(opts.ReportOptions, BuildInfo(opts.Version, opts.Commit), opts.Print())
}

func printText(w io.Writer, info Info, o cmdutil.PrintOptions) error {
	l := o.Lang
	commit := render.T(l, "version.unknown")
	if info.Commit != nil {
		commit = *info.Commit
	}
	rows := [][2]string{
		{render.T(l, "version.commit"), commit},
		{render.T(l, "version.go"), info.Go},
		{render.T(l, "version.platform"), info.Platform},
	}
	width := 0
	for _, r := range rows {
		width = max(width, len([]rune(r[0])))
	}
	fmt.Fprintln(w, render.T(l, "version.title", info.Version))
	for _, r := range rows {
		fmt.Fprintf(w, "%-*s %s\n", width+1, r[0]+":", r[1])
	}
	return nil
}
