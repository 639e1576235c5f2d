// Package regions is `tender regions`: the regions tender finds.
package regions

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender regions`.
type Options struct {
	cmdutil.ReportOptions
	Args []string
}

// NewCmdRegions builds the command; runF replaces the run in tests.
func NewCmdRegions(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "regions [REGION...]",
		Short: "List the regions found: id, name, municipalities, tenders, source",
		Example: `  tender regions
  tender regions regions/ -o json`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, true)
	return cmd
}

// printers are the output formats of `tender regions`.
var printers = cmdutil.Printers[*app.RegionsReport]{
	cmdutil.Table("table", regions, render.RegionsTable),
	cmdutil.Data("json", regions, render.RegionsJSON),
}

func regions(r *app.RegionsReport) []*region.Region { return r.Regions }

func run(opts *Options) error {
	rep, err := opts.App().Regions(opts.Args)
	if err != nil {
		return err
	}
	return printers.Report(opts.ReportOptions, rep, opts.Print())
}
