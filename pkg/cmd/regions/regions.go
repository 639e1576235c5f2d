// Package regions is `tender regions`: the regions tender finds.
package regions

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender regions`.
type Options struct {
	Factory *cmdutil.Factory
	Args    []string
	Output  string
}

// NewCmdRegions builds the command; runF replaces the run in tests.
func NewCmdRegions(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "regions [REGION...]",
		Short: "List the regions found: id, name, municipalities, tenders, source",
		Example: `  tender regions
  tender regions regions/ -o json`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	cmdutil.OutputFlag(cmd, "table", "json")
	return cmd
}

func run(opts *Options) error {
	f := opts.Factory
	regions, err := f.Finder().Find(opts.Args)
	if err != nil {
		return err
	}
	if opts.Output == "json" {
		return render.RegionsJSON(f.IOStreams.Out, regions)
	}
	if f.IOStreams.Quiet {
		return nil
	}
	return render.RegionsTable(f.IOStreams.Out, regions, f.RenderOptions())
}
