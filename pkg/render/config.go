package render

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/olekukonko/tablewriter/tw"
)

// ConfigView is what tender config shows: every setting, its value and
// where the value came from.
type ConfigView struct {
	// ConfigFile is the config file that was read, or "".
	ConfigFile string
	// ConfigFrom says how the file was chosen: "--config", "TENDER_CONFIG",
	// or "" when it was found by searching.
	ConfigFrom string
	// Searched is where a config file was looked for, in order, on this
	// system (shown when none was found).
	Searched []string
	Settings []SettingView
}

// SettingView is one setting.
type SettingView struct {
	Key string
	// Value is the effective value as JSON shows it: a string, bool, list
	// of strings, a mapping (policy), or nil when the setting has none (an
	// output format left to each command, no policy).
	Value any
	// Source is flag, env, config or default (cmdutil.FromFlag …).
	Source string
	// Origin names the flag (--lang), the environment variable
	// (TENDER_LANG) or the config file; "" for a default.
	Origin string
	// Note explains a default whose value is not fixed, e.g. the system
	// date for today; a catalogue key, or "".
	Note string
	// Empty is the catalogue key of what a nil Value means to people.
	Empty string
}

type configJSON struct {
	ConfigFile *string       `json:"config_file"`
	Settings   []settingJSON `json:"settings"`
}

type settingJSON struct {
	Key    string  `json:"key"`
	Value  any     `json:"value"`
	Source string  `json:"source"`
	Origin *string `json:"origin"`
}

// ConfigJSON writes {"config_file": …, "settings": [...]}.
func ConfigJSON(w io.Writer, v ConfigView) error {
	out := configJSON{ConfigFile: orNull(v.ConfigFile), Settings: make([]settingJSON, 0, len(v.Settings))}
	for _, s := range v.Settings {
		out.Settings = append(out.Settings, settingJSON{Key: s.Key, Value: s.Value, Source: s.Source, Origin: orNull(s.Origin)})
	}
	return writeJSON(w, out)
}

// ConfigTable writes one row per setting (one per key for policy), and
// under it the config file.
func ConfigTable(w io.Writer, v ConfigView, opts Options) error {
	l := opts.Lang
	var rows [][]string
	for _, s := range v.Settings {
		src := T(l, "source."+s.Source)
		if s.Origin != "" {
			src += " " + s.Origin
		}
		if s.Note != "" {
			src += " (" + T(l, s.Note) + ")"
		}
		if m, ok := s.Value.(map[string]any); ok && len(m) > 0 {
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				rows = append(rows, []string{s.Key + "." + k, settingText(l, m[k]), src})
			}
			continue
		}
		text := settingText(l, s.Value)
		if s.Value == nil && s.Empty != "" {
			text = T(l, s.Empty)
		}
		rows = append(rows, []string{s.Key, text, src})
	}
	header := []string{T(l, "col.setting"), T(l, "col.value"), T(l, "col.source")}
	clipColumn(header, rows, 1, opts.width())
	if err := writeTable(w, header, rows, []tw.Align{left, left, left}); err != nil {
		return err
	}
	fmt.Fprintln(w)
	switch {
	case v.ConfigFile == "":
		fmt.Fprintln(w, T(l, "config.nofile", strings.Join(v.Searched, T(l, "config.then"))))
	case v.ConfigFrom != "":
		fmt.Fprintln(w, T(l, "config.file.from", v.ConfigFile, v.ConfigFrom))
	default:
		fmt.Fprintln(w, T(l, "config.file", v.ConfigFile))
	}
	return nil
}

// settingText formats a setting's value for the table, in YAML's flow
// style (the way a config file would write it), with words for people.
func settingText(lang string, v any) string {
	switch x := v.(type) {
	case nil:
		return T(lang, "config.unset")
	case bool:
		if x {
			return T(lang, "value.true")
		}
		return T(lang, "value.false")
	case string:
		return x
	case []string:
		return strings.Join(x, ", ")
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = flowText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return flowText(v)
}

func flowText(v any) string {
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + flowText(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = flowText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case nil:
		return "~"
	}
	return fmt.Sprint(v)
}

// orNull is nil for "", for JSON's null.
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
