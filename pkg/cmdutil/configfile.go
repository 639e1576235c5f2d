package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// findConfig finds the config file: --config or TENDER_CONFIG, through v
// (bound to both, so the flag wins), which must exist (explicit, and from
// says which named it); else the first of configSearch that exists, and
// when none does, searched is where tender looked, as a user writes it.
func findConfig(v *viper.Viper, flags *pflag.FlagSet, env Env) (path string, explicit bool, from string, searched []string) {
	if fl := flags.Lookup("config"); fl != nil {
		_ = v.BindPFlag("config", fl)
	}
	_ = v.BindEnv("config", "TENDER_CONFIG")
	if path = v.GetString("config"); path != "" {
		from = "TENDER_CONFIG"
		if fl := flags.Lookup("config"); fl != nil && fl.Changed {
			from = "--config"
		}
		return path, true, from, nil
	}
	places := configSearch(env)
	for _, p := range places {
		if fileExists(p.Path) {
			return p.Path, false, "", nil
		}
	}
	for _, p := range places {
		searched = append(searched, p.Name)
	}
	return "", false, "", searched
}

// configPlace is a config file or directory: Path is the path, Name how
// a user writes it on this system, with the variable it comes from
// ($XDG_CONFIG_HOME/tender/config.yaml, %APPDATA%\tender\config.yaml).
type configPlace struct{ Path, Name string }

// configSearch is where tender looks for a config file when neither
// --config nor TENDER_CONFIG names one, in order: ./.tender.yaml, then the
// user's config directory (userConfigDirs). The Names are what tender
// config says it looked for.
func configSearch(env Env) []configPlace {
	sep := string(filepath.Separator)
	out := []configPlace{{".tender.yaml", "." + sep + ".tender.yaml"}}
	for _, d := range userConfigDirs(env, runtime.GOOS) {
		out = append(out, configPlace{filepath.Join(d.Path, "tender", "config.yaml"), d.Name + sep + "tender" + sep + "config.yaml"})
	}
	return out
}

// userConfigDirs are the user's config directories on system goos, as
// os.UserConfigDir finds them, read through env so that tests can set
// them: $XDG_CONFIG_HOME when set, else $HOME/.config when HOME is set
// (both on every system, as before; Git Bash sets HOME on Windows); then
// on macOS $HOME/Library/Application Support, and on Windows %APPDATA%
// (C:\Users\NAME\AppData\Roaming).
func userConfigDirs(env Env, goos string) []configPlace {
	var out []configPlace
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
		out = append(out, configPlace{xdg, "$XDG_CONFIG_HOME"})
	case home != "":
		out = append(out, configPlace{filepath.Join(home, ".config"), "~" + string(filepath.Separator) + ".config"})
	}
	switch goos {
	case "windows":
		// Windows reads environment variable names in any case.
		if appData := get("APPDATA"); appData != "" {
			out = append(out, configPlace{appData, "%APPDATA%"})
		}
	case "darwin", "ios":
		if home != "" {
			out = append(out, configPlace{filepath.Join(home, "Library", "Application Support"), "~/Library/Application Support"})
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
