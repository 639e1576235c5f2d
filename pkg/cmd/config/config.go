// Package config is `tender config`: the effective settings and where each
// one came from.
package config

import (
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender config`.
type Options struct {
	Factory *cmdutil.Factory
	Output  string
	// ConfigFlag is true when --config was given.
	ConfigFlag bool
}

// NewCmdConfig builds the command; runF replaces the run in tests.
func NewCmdConfig(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective settings and where each one came from",
		Long: `Prints every setting tender reads, its effective value, and where that value
came from: a flag, an environment variable, the config file, or the
default. A flag beats the environment, which beats the config file, which
beats the default.

The config file is --config FILE or TENDER_CONFIG when given (it must
exist); otherwise the first that exists of ./.tender.yaml, then
$XDG_CONFIG_HOME/tender/config.yaml (~/.config/tender/config.yaml when
XDG_CONFIG_HOME is not set), then the system's own place for user
settings:

  Linux    ~/.config/tender/config.yaml (the one above)
  macOS    ~/Library/Application Support/tender/config.yaml
  Windows  %APPDATA%\tender\config.yaml (C:\Users\NAME\AppData\Roaming)

When there is none, the last line of the output lists the places looked
at on this computer. The file holds the settings by their names below,
for example:

  lang: nl
  paths: [regions, ../shared/regions]
  policy:
    implementation-period: 3mo

Relative paths in a config file are relative to the file.`,
		Example: `  tender config
  tender config --lang nl
  TENDER_OUTPUT=json tender config`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			if fl := c.Flags().Lookup("config"); fl != nil {
				opts.ConfigFlag = fl.Changed
			}
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	printers.AddFlag(cmd)
	return cmd
}

// View builds what tender config shows from the effective settings.
func View(s *cmdutil.Settings, configFlag bool, env cmdutil.Env) render.ConfigView {
	v := render.ConfigView{ConfigFile: s.ConfigFile}
	if env != nil && s.ConfigFile == "" {
		v.Searched = cmdutil.ConfigSearchNames(env)
	}
	if s.ConfigFile != "" {
		switch {
		case configFlag:
			v.ConfigFrom = "--config"
		case env != nil:
			if p, ok := env("TENDER_CONFIG"); ok && p != "" {
				v.ConfigFrom = "TENDER_CONFIG"
			}
		}
	}
	for _, k := range cmdutil.KnownSettings {
		sv := render.SettingView{Key: k.Key, Source: s.Sources[k.Key]}
		switch sv.Source {
		case cmdutil.FromFlag:
			sv.Origin = "--" + k.Flag
		case cmdutil.FromEnv:
			sv.Origin = k.Env
		case cmdutil.FromConfig:
			sv.Origin = s.ConfigFile
		case "":
			sv.Source = cmdutil.FromDefault
		}
		switch k.Key {
		case "output":
			sv.Empty = "config.unset"
			if s.Output != "" {
				sv.Value = s.Output
			}
		case "lang":
			sv.Value = s.Lang
		case "today":
			sv.Value = s.Today.String()
			if sv.Source == cmdutil.FromDefault {
				sv.Note = "config.systemdate"
			}
		case "no-color":
			sv.Value = s.NoColor
		case "quiet":
			sv.Value = s.Quiet
		case "paths":
			sv.Value = append([]string{}, s.Paths...)
		case "policy":
			sv.Empty = "config.nopolicy"
			if s.Policy != nil {
				sv.Value = s.Policy
			}
		default:
			// A setting added to cmdutil.KnownSettings later: its text.
			if val, ok := s.Values[k.Key]; ok && val != "" {
				sv.Value = val
			}
		}
		v.Settings = append(v.Settings, sv)
	}
	return v
}

func run(opts *Options) error {
	f := opts.Factory
	s := f.Settings
	if s == nil {
		var err error
		if s, err = cmdutil.LoadSettings(pflag.NewFlagSet("config", pflag.ContinueOnError), f.Env, f.Now); err != nil {
			return err
		}
	}
	if f.Settings != nil {
		if err := f.CheckPolicy(); err != nil {
			return err
		}
	}
	v := View(s, opts.ConfigFlag, f.Env)
	o := cmdutil.PrintOptions{Options: f.RenderOptions(), Quiet: f.IOStreams.Quiet}
	return printers.Print(f.IOStreams, opts.Output, v, o)
}

// printers are the output formats of `tender config`; the table is for
// people, so -q silences it.
var printers = cmdutil.Printers[render.ConfigView]{
	{Format: "table", ForPeople: true, Print: func(w io.Writer, v render.ConfigView, o cmdutil.PrintOptions) error {
		return render.ConfigTable(w, v, o.Options)
	}},
	{Format: "json", Print: func(w io.Writer, v render.ConfigView, _ cmdutil.PrintOptions) error {
		return render.ConfigJSON(w, v)
	}},
}
