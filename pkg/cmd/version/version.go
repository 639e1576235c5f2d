// Package version is `tender version`: the version, commit and Go version
// of this build.
package version

import (
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
func BuildInfo(version, commit string) render.VersionInfo {
	info := render.VersionInfo{Version: version, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH}
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
var printers = cmdutil.Printers[render.VersionInfo]{
	cmdutil.Table("text", cmdutil.Whole[render.VersionInfo], render.VersionText),
	cmdutil.Data("json", cmdutil.Whole[render.VersionInfo], render.VersionJSON),
}

func run(opts *Options) error {
	return printers.Report(opts.ReportOptions, BuildInfo(opts.Version, opts.Commit), opts.Print())
}
