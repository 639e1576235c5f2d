package cmdutil

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/spf13/pflag"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/i18n"
)

// The user's config file per system: $XDG_CONFIG_HOME (or ~/.config)
// everywhere, as before, then the system's own place.
func TestUserConfigDirs(t *testing.T) {
	env := func(m map[string]string) Env {
		return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
	}
	for _, c := range []struct {
		goos string
		env  map[string]string
		want []string
	}{
		{"linux", map[string]string{"HOME": "/home/an"}, []string{filepath.Join("/home/an", ".config")}},
		{"linux", map[string]string{"HOME": "/home/an", "XDG_CONFIG_HOME": "/x"}, []string{"/x"}},
		{"linux", map[string]string{}, nil},
		{"darwin", map[string]string{"HOME": "/Users/an"}, []string{filepath.Join("/Users/an", ".config"), filepath.Join("/Users/an", "Library", "Application Support")}},
		// Windows without HOME (cmd.exe, PowerShell): only %APPDATA%.
		{"windows", map[string]string{"APPDATA": `C:\Users\an\AppData\Roaming`}, []string{`C:\Users\an\AppData\Roaming`}},
		// Git Bash sets HOME; XDG_CONFIG_HOME still comes first.
		{"windows", map[string]string{"APPDATA": `C:\A`, "HOME": "/c/Users/an", "XDG_CONFIG_HOME": `C:\x`}, []string{`C:\x`, `C:\A`}},
	} {
		var got []string
		for _, d := range userConfigDirs(env(c.env), c.goos) {
			got = append(got, d.Path)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %v: got %q, want %q", c.goos, c.env, got, c.want)
		}
	}
}

// loadWith loads the settings with a config file holding conf (none when
// ""), the flags given as --name=value, and the variables of env (every
// other setting's variable unset), in a fresh directory.
func loadWith(t *testing.T, conf string, env map[string]string, flags ...string) (*Settings, error) {
	t.Helper()
	for _, k := range SettingEnvs() {
		t.Setenv(k, env[k])
	}
	dir := t.TempDir()
	t.Chdir(dir)
	fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
	fs.String("config", "", "")
	fs.StringP("output", "o", "", "")
	fs.String("lang", "", "")
	fs.String("today", "", "")
	fs.Bool("no-color", false, "")
	fs.BoolP("quiet", "q", false, "")
	if conf != "" {
		if err := os.WriteFile(filepath.Join(dir, "conf.yaml"), []byte(conf), 0o644); err != nil {
			t.Fatal(err)
		}
		flags = append(flags, "--config=conf.yaml")
	}
	if err := fs.Parse(flags); err != nil {
		t.Fatal(err)
	}
	noHome := func(string) (string, bool) { return "", false }
	return LoadSettings(fs, noHome, func() time.Time { return time.Date(2026, 3, 4, 23, 30, 0, 0, time.UTC) })
}

// Flag beats environment beats config file beats default, for every kind
// of setting, and each says where it came from.
func TestLoadSettingsPrecedence(t *testing.T) {
	// Without a config file: where tender looked (no HOME here).
	searched := []string{"." + string(filepath.Separator) + ".tender.yaml"}
	conf := "output: json\nlang: nl\ntoday: 2025-01-01\nquiet: true\npaths: [a, /abs]\npolicy: {summer: off}\n"
	for _, tc := range []struct {
		name  string
		env   map[string]string
		flags []string
		want  Settings
	}{
		{"defaults", nil, nil, Settings{Lang: "en", Today: date.New(2026, 3, 4), Paths: []string{"regions"}, Searched: searched,
			Sources: map[string]string{"output": FromDefault, "lang": FromDefault, "today": FromDefault, "no-color": FromDefault, "quiet": FromDefault, "paths": FromDefault, "policy": FromDefault}}},
		{"env", map[string]string{"TENDER_OUTPUT": "csv", "TENDER_LANG": "nl", "TENDER_TODAY": "2027-02-03", "NO_COLOR": "0", "TENDER_PATHS": "x" + string(filepath.ListSeparator) + "y"}, nil,
			Settings{Output: "csv", Lang: "nl", Today: date.New(2027, 2, 3), NoColor: true, Paths: []string{"x", "y"}, Searched: searched,
				Sources: map[string]string{"output": FromEnv, "lang": FromEnv, "today": FromEnv, "no-color": FromEnv, "quiet": FromDefault, "paths": FromEnv, "policy": FromDefault}}},
		{"flags beat env", map[string]string{"TENDER_LANG": "nl", "NO_COLOR": "1"}, []string{"--lang=en", "--no-color=false", "-o", "yaml", "--today=2024-05-06", "-q"},
			Settings{Output: "yaml", Lang: "en", Today: date.New(2024, 5, 6), Quiet: true, Paths: []string{"regions"}, Searched: searched,
				Sources: map[string]string{"output": FromFlag, "lang": FromFlag, "today": FromFlag, "no-color": FromFlag, "quiet": FromFlag, "paths": FromDefault, "policy": FromDefault}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := loadWith(t, "", tc.env, tc.flags...)
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(&tc.want, got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	t.Run("config file", func(t *testing.T) {
		got, err := loadWith(t, conf, map[string]string{"TENDER_OUTPUT": "table"}, "--lang=en")
		if err != nil {
			t.Fatal(err)
		}
		want := &Settings{Output: "table", Lang: "en", Today: date.New(2025, 1, 1), Quiet: true,
			// Relative to the config file, which is in the current directory.
			Paths:      []string{"a", "/abs"},
			Policy:     map[string]any{"summer": "off"},
			ConfigFile: "conf.yaml", ConfigFrom: "--config",
			Sources: map[string]string{"output": FromEnv, "lang": FromFlag, "today": FromConfig, "no-color": FromDefault, "quiet": FromConfig, "paths": FromConfig, "policy": FromConfig}}
		// The file's positions are region/syntax's, tested there.
		if len(got.Fields) != 7 {
			t.Errorf("%d fields of the config file, want 7", len(got.Fields))
		}
		if d := cmp.Diff(want, got, cmpopts.IgnoreFields(Settings{}, "Fields")); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
}

// What YAML makes of a value is decided in one decode step: an unquoted
// date is a timestamp (a date, unless it has a time of day), yes is a
// string (refused for a bool), a number is text for a string setting, an
// empty value is the default.
func TestLoadSettingsDecoding(t *testing.T) {
	for _, tc := range []struct{ conf, want string }{
		{"today: 2025-01-01", "today=2025-01-01"},
		{"today: \"2025-01-01\"", "today=2025-01-01"},
		{"today: 2025-01-01T10:00:00Z", `conf.yaml:1:8: invalid today "2025-01-01T10:00:00Z": give a date YYYY-MM-DD, without a time`},
		{"today: 2025-01-01T00:00:00Z", "today=2025-01-01"},
		{"today:", "today=2026-03-04"},
		{"lang: \"\"", "lang=en"},
		{"output: 12", "output=12"},
		{"quiet: yes", `conf.yaml:1:8: invalid quiet "yes": use true or false`},
		{"quiet: 1", `conf.yaml:1:8: invalid quiet "1": use true or false`},
		{"quiet: \"true\"", "quiet=true"},
		{"paths: []", "paths=[regions]"},
		{"paths: sub", "paths=[sub]"},
	} {
		t.Run(tc.conf, func(t *testing.T) {
			s, err := loadWith(t, tc.conf, nil)
			got := ""
			switch {
			case err != nil:
				got = err.Error()
			default:
				got = fmt.Sprintf("today=%s", s.Today)
				switch strings.SplitN(tc.conf, ":", 2)[0] {
				case "lang":
					got = "lang=" + s.Lang
				case "output":
					got = "output=" + s.Output
				case "quiet":
					got = fmt.Sprintf("quiet=%v", s.Quiet)
				case "paths":
					got = fmt.Sprintf("paths=%v", s.Paths)
				}
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

// A setting's allowed values are its tag's; lang's are the languages of
// the catalogues.
func TestKnownSettings(t *testing.T) {
	var keys []string
	for _, k := range KnownSettings {
		keys = append(keys, k.Key)
		if k.Key == "lang" && !slices.Equal(k.OneOf, i18n.Languages) {
			t.Errorf("lang takes %v, the catalogues are %v", k.OneOf, i18n.Languages)
		}
	}
	if want := []string{"output", "lang", "today", "no-color", "quiet", "paths", "policy"}; !slices.Equal(keys, want) {
		t.Errorf("keys %v, want %v", keys, want)
	}
}

// A list of lists is no list of paths: one line, at the value.
func TestLoadSettingsNestedList(t *testing.T) {
	_, err := loadWith(t, "paths: [[a]]", nil)
	if want := `conf.yaml:1:8: invalid paths "[[a]]": give a list, such as [regions, ../shared/regions]`; err == nil || err.Error() != want {
		t.Errorf("got %v\nwant %s", err, want)
	}
}
