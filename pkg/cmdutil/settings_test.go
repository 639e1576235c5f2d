package cmdutil

import (
	"path/filepath"
	"slices"
	"testing"
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
			got = append(got, d.Dir)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %v: got %q, want %q", c.goos, c.env, got, c.want)
		}
	}
}
