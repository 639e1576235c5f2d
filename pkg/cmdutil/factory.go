package cmdutil

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/source"
)

// Factory carries the dependencies of the commands. The root command fills
// Settings before any command runs.
type Factory struct {
	IOStreams *iostreams.IOStreams
	Now       func() time.Time
	Env       Env
	Settings  *Settings
	Version   string
	Commit    string
	// Files is where commands write region files (reschedule --write):
	// the zero value is the computer's file system; the tests of
	// cmd/tender wrap its FS in the real binary.
	Files source.Files

	app *app.App // built by App
}

// Finder returns the region finder for the current settings.
func (f *Factory) Finder() *source.Finder {
	var paths []string
	if f.Settings != nil {
		paths = f.Settings.Paths
	}
	return &source.Finder{Paths: paths, Stdin: f.IOStreams.In, StdinIsTerminal: f.IOStreams.IsStdinTTY()}
}

// RenderOptions returns the renderer options of the current settings.
func (f *Factory) RenderOptions() render.Options {
	o := render.Options{Lang: "en", Color: f.IOStreams.ColorEnabled(), Width: f.IOStreams.TerminalWidth()}
	if f.Settings != nil {
		o.Lang = f.Settings.Lang
		o.Today = f.Settings.Today
	}
	return o
}

// Lang is the language of the current settings (RenderOptions.Lang), for
// a command that prints no report (tender init, tender docs).
func (f *Factory) Lang() string { return f.RenderOptions().Lang }

// CheckPolicy returns the error of an invalid policy: section in the config
// file, naming the file, or nil (app.App.CheckPolicy).
func (f *Factory) CheckPolicy() error { return f.App().CheckPolicy() }

// OutputFlag registers -o/--output with the formats a command supports; the
// first is the default. Shell completion offers exactly these, and the flag
// itself carries them (outputValue), for Output.
func OutputFlag(cmd *cobra.Command, formats ...string) {
	cmd.Flags().VarP(&outputValue{formats: formats}, "output", "o", fmt.Sprintf("output format: %s (default %s)", strings.Join(formats, ", "), formats[0]))
	_ = cmd.RegisterFlagCompletionFunc("output", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return formats, cobra.ShellCompDirectiveNoFileComp
	})
}

// outputValue is the value of -o/--output: what was given, and the formats
// of the command it belongs to, the default first. It takes any word;
// Output checks it, so that the message names the command's formats.
type outputValue struct {
	val     string
	formats []string
}

func (v *outputValue) String() string     { return v.val }
func (v *outputValue) Set(s string) error { v.val = s; return nil }
func (v *outputValue) Type() string       { return "string" }

// formatsOf returns the formats of cmd's -o flag, or none when it has none.
func formatsOf(cmd *cobra.Command) []string {
	if fl := cmd.Flags().Lookup("output"); fl != nil {
		if v, ok := fl.Value.(*outputValue); ok {
			return v.formats
		}
	}
	return nil
}

// Output returns the output format of the executing command: the flag, or
// TENDER_OUTPUT / the config file's output when this command supports that
// format, else the command's default. Only a bad flag value is an error: an
// environment or config value meant for another command is not.
func (f *Factory) Output(cmd *cobra.Command) (string, error) {
	formats := formatsOf(cmd)
	if len(formats) == 0 {
		return "", nil // a command without -o
	}
	val := ""
	if f.Settings != nil {
		val = f.Settings.Output
	}
	if fl := cmd.Flags().Lookup("output"); fl != nil && fl.Changed {
		val = fl.Value.String()
		if !slices.Contains(formats, val) {
			return "", UsageErrorf("invalid --output %q for %s: use %s", val, cmd.CommandPath(), strings.Join(formats, ", "))
		}
		return val, nil
	}
	if slices.Contains(formats, val) {
		return val, nil
	}
	return formats[0], nil
}
