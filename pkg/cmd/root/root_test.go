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

// TestExamplesRunOnBuiltInRegions: every example of every command's help
// that needs no file of the reader's (no path, no pipe, no git revision)
// runs on the built-in regions without a usage or input error, so that a
// new user who copies one gets an answer. (plan's example once set
// publication on achterhoek, whose milestone is called publicatie.)
func TestExamplesRunOnBuiltInRegions(t *testing.T) {
	t.Chdir(t.TempDir()) // no ./regions, no ./.tender.yaml
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	ios, _, _, _ := iostreams.Test()
	root := NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en"}})
	skip := map[string]bool{"serve": true, "completion": true, "docs": true, "init": true}
	ran := 0
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, line := range strings.Split(c.Example, "\n") {
			args := strings.Fields(strings.TrimSpace(line))
			if len(args) < 2 || args[0] != "tender" || skip[args[1]] || needsFiles(args) {
				continue
			}
			args = args[1:]
			for i := range args {
				if i > 0 && args[i-1] == "--runs" {
					args[i] = "200" // the same answer's shape, sooner
				}
			}
			ios, _, _, errOut := iostreams.Test()
			if code := Main(ios, append(args, "--today", "2026-03-01")); code == cmdutil.ExitError {
				t.Errorf("%s: the example %q exits %d:\n%s", c.CommandPath(), strings.TrimSpace(line), code, errOut)
			}
			ran++
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if ran < 10 {
		t.Errorf("ran %d examples, want at least 10", ran)
	}
}

// needsFiles reports whether an example reads or writes files of its own:
// a path, standard input, a pipe or redirection, a git revision.
func needsFiles(args []string) bool {
	for _, a := range args {
		if a == "-" || a == "|" || a == ">" || a == "<" || strings.ContainsAny(a, "/`") ||
			strings.HasPrefix(a, "git:") || strings.HasSuffix(a, ".yaml") || strings.HasSuffix(a, ".json") {
			return true
		}
	}
	return false
}
