// Package schema is `tender schema`: the JSON Schema of the region file
// format, for editors.
package schema

import (
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
	regionschema "github.com/tender-nl/tender/pkg/region/schema"
)

// Options are the inputs of `tender schema`.
type Options struct {
	IO *iostreams.IOStreams
}

// NewCmdSchema builds the command; runF replaces the run in tests.
func NewCmdSchema(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the region file format, for editors",
		Long: `Prints the JSON Schema (draft-07) of region files, version 1. Editors with
the YAML language server (VS Code with the YAML extension, Neovim, Helix,
JetBrains IDEs) use it to complete keys and values, show what each key
means, and flag mistakes while you type.

Save it next to your region files and point to it from the first line of
each file:

  tender schema > regions/region.schema.json

  # yaml-language-server: $schema=region.schema.json
  version: 1
  ...

The path is relative to the region file. Or map it once for a whole
directory in VS Code's settings.json:

  "yaml.schemas": { "./regions/region.schema.json": "regions/*.yaml" }

The schema is generated from the same definitions as tender's own
loader, so it knows the same keys. tender's checks go further (references
between milestones, the order of closed periods, rules that cannot be
disabled), so tender plan and tender check stay the final word.`,
		Example: `  tender schema > region.schema.json`,
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	return cmd
}

func run(opts *Options) error {
	src, err := regionschema.JSON()
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(src)
	return err
}
