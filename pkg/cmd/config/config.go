// Package config is `tender config`: the effective settings and where each
// one came from.
package config

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender config`.
type Options struct {
	cmdutil.ReportOptions
	// Settings are the effective settings, as the root command loaded
	// them; CheckPolicy is the config file's policy's error.
	Settings    func() (*cmdutil.Settings, error)
	CheckPolicy func() error
}

// NewCmdConfig builds the command; runF replaces the run in tests.
func NewCmdConfig(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f), Settings: func() (*cmdutil.Settings, error) { return settings(f) },
		CheckPolicy: f.CheckPolicy}
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
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	return cmd
}

// View builds what tender config shows from the effective settings: each
// setting's value and where it came from, in the order of
// cmdutil.KnownSettings.
func View(s *cmdutil.Settings) render.ConfigView {
	v := render.ConfigView{ConfigFile: s.ConfigFile, ConfigFrom: s.ConfigFrom, Searched: s.Searched}
	for _, k := range cmdutil.KnownSettings {
		sv := render.SettingView{Key: k.Key, Value: s.Value(k), Source: s.Sources[k.Key], Origin: s.Origin(k), Empty: k.Unset}
		if sv.Source == "" {
			sv.Source = cmdutil.FromDefault
		}
		if sv.Source == cmdutil.FromDefault {
			sv.Note = k.Note
		}
		v.Settings = append(v.Settings, sv)
	}
	return v
}

func run(opts *Options) error {
	s, err := opts.Settings()
	if err != nil {
		return err
	}
	if err := opts.CheckPolicy(); err != nil {
		return err
	}
	return printers.Report(opts.ReportOptions, View(s), opts.Print())
}

// settings are the root command's settings, or loaded here when the
// command runs without the root (a test).
func settings(f *cmdutil.Factory) (*cmdutil.Settings, error) {
	if f.Settings != nil {
		return f.Settings, nil
	}
	return cmdutil.LoadSettings(pflag.NewFlagSet("config", pflag.ContinueOnError), f.Env, f.Now)
}

// printers are the output formats of `tender config`; the table is for
// people, so -q silences it.
var printers = cmdutil.Printers[render.ConfigView]{
	cmdutil.Table("table", cmdutil.Whole[render.ConfigView], render.ConfigTable),
	cmdutil.Data("json", cmdutil.Whole[render.ConfigView], render.ConfigJSON),
}
