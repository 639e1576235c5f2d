package cmdutil

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/i18n"
)

// Where a setting's value came from, in order of precedence.
const (
	FromFlag    = "flag"
	FromEnv     = "env"
	FromConfig  = "config"
	FromDefault = "default"
)

// Setting describes one setting of the table in the README ("Settings").
type Setting struct {
	Key  string // in the config file
	Flag string // the flag name, "" if none
	Env  string // the environment variable, "" if none
	Help string
}

// KnownSettings are every setting tender reads, in the order `tender config`
// prints them. The config file may hold exactly these keys (plus policy).
var KnownSettings = []Setting{
	{Key: "output", Flag: "output", Env: "TENDER_OUTPUT", Help: "output format of the command"},
	{Key: "lang", Flag: "lang", Env: "TENDER_LANG", Help: "language of labels, kind names and dates (en, nl)"},
	{Key: "today", Flag: "today", Env: "TENDER_TODAY", Help: "reference date for status and the \"past\" rules"},
	{Key: "no-color", Flag: "no-color", Env: "NO_COLOR", Help: "no ANSI colour"},
	{Key: "quiet", Flag: "quiet", Help: "only errors"},
	{Key: "paths", Env: "TENDER_PATHS", Help: "directories searched for region ids (default ./regions when it exists)"},
	{Key: "policy", Help: "rule thresholds and overrides for every region (README, \"Policy\")"},
}

// Settings are the effective settings of one run.
type Settings struct {
	Output  string
	Lang    string
	Today   date.Date
	NoColor bool
	Quiet   bool
	Paths   []string
	// Policy is the config file's policy: section as plain values, or nil.
	Policy map[string]any
	// ConfigFile is the config file that was read, or "".
	ConfigFile string
	// Sources maps each key to FromFlag, FromEnv, FromConfig or FromDefault.
	Sources map[string]string
	// Values maps each key to its effective value as text, for `tender config`.
	Values map[string]string
}

// Env looks up an environment variable; tests replace it.
type Env func(key string) (string, bool)

// LoadSettings resolves the settings with the precedence flag > environment
// > config file > default, through viper. flags are the executing command's
// flags (bound late, so persistent and local flags are both seen).
func LoadSettings(flags *pflag.FlagSet, env Env, now func() time.Time) (*Settings, error) {
	v := viper.New()
	cfg, explicit, err := configFile(flags, env)
	if err != nil {
		return nil, err
	}
	if cfg != "" {
		v.SetConfigType("yaml")
		src, err := readConfig(cfg)
		if err == nil {
			err = v.ReadConfig(bytes.NewReader(src))
		}
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) && explicit {
				return nil, fmt.Errorf("config file %s: %v (check --config or TENDER_CONFIG)", cfg, pe.Err)
			}
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("config file %s: %v", cfg, strings.TrimPrefix(err.Error(), "While parsing config: "))
		}
		if err := checkConfigKeys(cfg, v.AllKeys()); err != nil {
			return nil, err
		}
	}
	s := &Settings{ConfigFile: cfg, Sources: map[string]string{}, Values: map[string]string{}}
	for _, k := range KnownSettings {
		src := FromDefault
		switch {
		case k.Flag != "" && flags.Lookup(k.Flag) != nil && flags.Changed(k.Flag):
			src = FromFlag
			_ = v.BindPFlag(k.Key, flags.Lookup(k.Flag))
		case k.Env != "" && envSet(env, k.Env):
			src = FromEnv
			val, _ := env(k.Env)
			v.Set(k.Key, val)
		case v.InConfig(k.Key):
			src = FromConfig
		}
		s.Sources[k.Key] = src
	}

	s.Output = v.GetString("output")
	s.Lang = v.GetString("lang")
	if s.Lang == "" {
		s.Lang = "en"
	}
	if !slices.Contains(i18n.Languages, s.Lang) {
		return nil, settingError(s, "lang", s.Lang, "use en or nl")
	}
	// A config file's yes/no/on/off are strings to YAML 1.2, which viper
	// would quietly read as false: refused, as in region files.
	for _, key := range []string{"no-color", "quiet"} {
		if s.Sources[key] != FromConfig {
			continue
		}
		if raw := v.Get(key); !isBool(raw) {
			return nil, settingError(s, key, fmt.Sprint(raw), "use true or false")
		}
	}
	switch s.Sources["no-color"] {
	case FromEnv:
		s.NoColor = true // NO_COLOR with any non-empty value
	default:
		s.NoColor = v.GetBool("no-color")
	}
	s.Quiet = v.GetBool("quiet")
	if s.Sources["paths"] == FromEnv {
		val, _ := env("TENDER_PATHS")
		s.Paths = filepath.SplitList(val)
	} else {
		s.Paths = v.GetStringSlice("paths")
	}
	if s.Sources["paths"] == FromConfig && cfg != "" {
		// Relative paths in a config file are relative to that file, not
		// to wherever tender happens to run.
		for i, p := range s.Paths {
			if !filepath.IsAbs(p) {
				s.Paths[i] = filepath.Join(filepath.Dir(cfg), p)
			}
		}
	}
	if len(s.Paths) == 0 {
		s.Paths = []string{"regions"}
	}
	today := v.GetString("today")
	if t, ok := v.Get("today").(time.Time); ok {
		// An unquoted date in the config file, which YAML makes a
		// timestamp: the date as written, or an error for a time of day.
		if h, m, sec := t.Clock(); h != 0 || m != 0 || sec != 0 || t.Nanosecond() != 0 {
			return nil, settingError(s, "today", t.Format(time.RFC3339), "give a date YYYY-MM-DD, without a time")
		}
		today = t.Format("2006-01-02")
	}
	if today == "" {
		s.Today = date.FromTime(now())
	} else {
		d, err := date.Parse(today)
		if err != nil {
			return nil, settingError(s, "today", today, err.Error())
		}
		s.Today = d
	}
	if p := v.Get("policy"); p != nil {
		m, ok := p.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("config file %s: policy must be a mapping (see the README, \"Policy\")", cfg)
		}
		s.Policy = m
	}
	s.Values["output"] = s.Output
	s.Values["lang"] = s.Lang
	s.Values["today"] = s.Today.String()
	s.Values["no-color"] = fmt.Sprint(s.NoColor)
	s.Values["quiet"] = fmt.Sprint(s.Quiet)
	s.Values["paths"] = strings.Join(s.Paths, string(filepath.ListSeparator))
	if s.Policy != nil {
		s.Values["policy"] = "(set)"
	}
	return s, nil
}

// envSet reports whether an environment variable is set to a value. An
// empty variable counts as unset, as no-color.org says of NO_COLOR and as
// people expect of "TENDER_LANG= tender plan".
func envSet(env Env, key string) bool {
	v, ok := env(key)
	return ok && v != ""
}

// settingError names where a bad value came from, so the user knows what to fix.
// isBool reports whether a config file value is a YAML boolean (or a
// flag's "true"/"false").
func isBool(v any) bool {
	switch v := v.(type) {
	case bool:
		return true
	case string:
		return v == "true" || v == "false"
	}
	return false
}

func settingError(s *Settings, key, val, why string) error {
	where := ""
	for _, k := range KnownSettings {
		if k.Key != key {
			continue
		}
		switch s.Sources[key] {
		case FromFlag:
			where = "--" + k.Flag
		case FromEnv:
			where = k.Env
		case FromConfig:
			where = key + " in " + s.ConfigFile
		}
	}
	return &UsageError{Err: fmt.Errorf("invalid %s %q: %s", where, val, why)}
}

// configFile finds the config file: --config or TENDER_CONFIG (explicit: it
// must exist), else the first of ConfigSearch that exists.
func configFile(flags *pflag.FlagSet, env Env) (path string, explicit bool, err error) {
	if f := flags.Lookup("config"); f != nil && f.Changed {
		return f.Value.String(), true, nil
	}
	if p, ok := env("TENDER_CONFIG"); ok && p != "" {
		return p, true, nil
	}
	for _, p := range ConfigSearch(env) {
		if fileExists(p) {
			return p, false, nil
		}
	}
	return "", false, nil
}

// ConfigSearch is where tender looks for a config file when neither
// --config nor TENDER_CONFIG names one, in order: ./.tender.yaml, then the
// user's config directory (userConfigDirs).
func ConfigSearch(env Env) []string {
	out := []string{".tender.yaml"}
	for _, d := range userConfigDirs(env, runtime.GOOS) {
		out = append(out, filepath.Join(d.Dir, "tender", "config.yaml"))
	}
	return out
}

// ConfigSearchNames is ConfigSearch as a user would write it on this
// system, with the variable instead of its value
// ($XDG_CONFIG_HOME/tender/config.yaml, %APPDATA%\tender\config.yaml):
// what tender config says it looked for.
func ConfigSearchNames(env Env) []string {
	sep := string(filepath.Separator)
	out := []string{"." + sep + ".tender.yaml"}
	for _, d := range userConfigDirs(env, runtime.GOOS) {
		out = append(out, d.Name+sep+"tender"+sep+"config.yaml")
	}
	return out
}

// configDir is a user config directory: Dir is the path, Name how a user
// writes it (with the variable it comes from).
type configDir struct{ Dir, Name string }

// userConfigDirs are the user's config directories on system goos, as
// os.UserConfigDir finds them, read through env so that tests can set
// them: $XDG_CONFIG_HOME when set, else $HOME/.config when HOME is set
// (both on every system, as before; Git Bash sets HOME on Windows); then
// on macOS $HOME/Library/Application Support, and on Windows %APPDATA%
// (C:\Users\NAME\AppData\Roaming).
func userConfigDirs(env Env, goos string) []configDir {
	var out []configDir
	get := func(k string) string {
		v, ok := env(k)
		if !ok {
			return ""
		}
		return v
	}
	xdg, home := get("XDG_CONFIG_HOME"), get("HOME")
	switch {
	case xdg != "":
		out = append(out, configDir{xdg, "$XDG_CONFIG_HOME"})
	case home != "":
		out = append(out, configDir{filepath.Join(home, ".config"), "~" + string(filepath.Separator) + ".config"})
	}
	switch goos {
	case "windows":
		// Windows reads environment variable names in any case.
		if appData := get("APPDATA"); appData != "" {
			out = append(out, configDir{appData, "%APPDATA%"})
		}
	case "darwin", "ios":
		if home != "" {
			out = append(out, configDir{filepath.Join(home, "Library", "Application Support"), "~/Library/Application Support"})
		}
	}
	return out
}

// MaxConfigSize bounds a config file, which holds a few settings.
const MaxConfigSize = 1 << 20

// readConfig reads a config file, refusing what is not a regular file
// before opening it (a FIFO would block) and what is larger than
// MaxConfigSize before reading it.
func readConfig(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	switch {
	case st.IsDir():
		return nil, errors.New("is a directory; a config file is a small YAML file")
	case !st.Mode().IsRegular():
		return nil, errors.New("not a regular file (a pipe, socket or device); a config file is a small YAML file")
	}
	if st.Size() > MaxConfigSize {
		return nil, fmt.Errorf("larger than %d MiB, the limit for a config file", MaxConfigSize>>20)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, MaxConfigSize+1))
	if err != nil {
		return nil, err
	}
	if len(src) > MaxConfigSize {
		return nil, fmt.Errorf("larger than %d MiB, the limit for a config file", MaxConfigSize>>20)
	}
	return src, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

func checkConfigKeys(file string, keys []string) error {
	known := map[string]bool{}
	var names []string
	for _, k := range KnownSettings {
		known[k.Key] = true
		names = append(names, k.Key)
	}
	sort.Strings(keys)
	for _, k := range keys {
		top, _, _ := strings.Cut(k, ".")
		if !known[top] {
			return fmt.Errorf("config file %s: unknown setting %q: the settings are %s", file, top, strings.Join(names, ", "))
		}
	}
	return nil
}
