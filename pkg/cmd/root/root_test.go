package root

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

// TestExamplesIndented: every line under "Examples:" in every command's
// help is indented by two spaces, the first one too, as cobra prints the
// rest of the help.
func TestExamplesIndented(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en"}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for i, line := range strings.Split(c.Example, "\n") {
			if line != "" && !strings.HasPrefix(line, "  ") {
				t.Errorf("%s: line %d of Examples is not indented: %q", c.CommandPath(), i+1, line)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// TestEveryRegionArgumentCompletes: a command whose usage takes a REGION
// completes its arguments, and one with --tender, --scenario, --set or
// --keep completes those flags. Each command wires this itself, so a new
// command that forgets it fails here rather than in a user's shell.
func TestEveryRegionArgumentCompletes(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en"}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if strings.Contains(c.Use, "REGION") && c.ValidArgsFunction == nil {
			t.Errorf("%s: takes a REGION but completes no arguments", c.CommandPath())
		}
		for _, name := range []string{"tender", "scenario", "set", "keep"} {
			fl := c.LocalFlags().Lookup(name)
			if fl == nil || fl.Value.Type() == "bool" {
				continue
			}
			if _, ok := c.GetFlagCompletionFunc(name); !ok {
				t.Errorf("%s: --%s has no completion", c.CommandPath(), name)
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, name := range []string{"lang", "config", "today"} {
		if _, ok := root.GetFlagCompletionFunc(name); !ok {
			t.Errorf("--%s has no completion", name)
		}
	}
}
