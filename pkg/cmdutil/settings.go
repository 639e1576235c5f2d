package cmdutil

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/syntax"
)

// Where a setting's value came from, in order of precedence.
const (
	FromFlag    = "flag"
	FromEnv     = "env"
	FromConfig  = "config"
	FromDefault = "default"
)

// Settings are the effective settings of one run (README, "Settings"),
// loaded once by LoadSettings.
//
// Each exported field before ConfigFile is one setting, and its tags are
// all there is to know about it: its key in the config file (setting), its
// flag, its environment variable, its default, what it means (help, shown
// by tender config), and, where they apply, the values it may take
// (oneof, for text), that relative paths in the config file are relative to the
// file (relative), that any value of its environment variable means true
// (envany), what an empty value means to people (unset, a catalogue key)
// and what its default is when that is not a constant (note). Its Go type
// says how it is decoded (decodeHook: a date.Date, a strict bool, a list).
// Adding a setting is adding a field here, say
//
//	Week string `setting:"week" flag:"week" env:"TENDER_WEEK" default:"iso" oneof:"iso us" help:"how weeks are numbered"`
//
// and, if it has a flag, the flag where the commands define it. LoadSettings,
// the config file's known keys, tender config and its JSON follow.
type Settings struct {
	Output  string         `setting:"output" flag:"output" env:"TENDER_OUTPUT" unset:"config.unset" help:"output format of the command"`
	Lang    string         `setting:"lang" flag:"lang" env:"TENDER_LANG" default:"en" oneof:"en nl" help:"language of labels, kind names and dates (en, nl)"`
	Today   date.Date      `setting:"today" flag:"today" env:"TENDER_TODAY" note:"config.systemdate" help:"reference date for status and the \"past\" rules"`
	NoColor bool           `setting:"no-color" flag:"no-color" env:"NO_COLOR" envany:"true" help:"no ANSI colour"`
	Quiet   bool           `setting:"quiet" flag:"quiet" help:"only errors"`
	Paths   []string       `setting:"paths" env:"TENDER_PATHS" default:"regions" relative:"true" help:"directories searched for region ids (default ./regions when it exists)"`
	Policy  map[string]any `setting:"policy" unset:"config.nopolicy" help:"rule thresholds and overrides for every region (README, \"Policy\")"`

	// ConfigFile is the config file that was read, or "".
	ConfigFile string
	// ConfigFrom says what named the config file: "--config",
	// "TENDER_CONFIG", or "" when it was found by searching.
	ConfigFrom string
	// Searched is where a config file was looked for, as a user writes it
	// on this system, when none was found.
	Searched []string
	// Sources maps each key to FromFlag, FromEnv, FromConfig or FromDefault.
	Sources map[string]string
	// Fields are where the config file writes each key and value, for the
	// position of a mistake found later: in the policy, which the
	// application layer parses (app.Config.ConfigFields).
	Fields []syntax.Field
}

// Setting describes one setting: a field of Settings and its tags.
type Setting struct {
	Key     string // in the config file
	Flag    string // the flag name, "" if none
	Env     string // the environment variable, "" if none
	Default string // as text, decoded like any other value; "" if none
	Help    string
	// OneOf are the values it may take, or nil for any.
	OneOf []string
	// EnvAny: any non-empty value of Env means true (NO_COLOR, as
	// no-color.org says).
	EnvAny bool
	// Relative: relative paths in the config file are relative to the
	// file, not to wherever tender runs.
	Relative bool
	// Unset is the catalogue key of what an empty value means to people
	// (tender config); Note the one of a default that is not a constant.
	Unset, Note string

	index int // of the field in Settings
}

// KnownSettings are every setting tender reads, in the order `tender config`
// prints them: the fields of Settings. The config file may hold exactly
// these keys.
var KnownSettings = settingsOf(reflect.TypeFor[Settings]())

func settingsOf(t reflect.Type) []Setting {
	var out []Setting
	for i := range t.NumField() {
		tag := t.Field(i).Tag
		key, ok := tag.Lookup("setting")
		if !ok {
			continue
		}
		out = append(out, Setting{Key: key, Flag: tag.Get("flag"), Env: tag.Get("env"), Default: tag.Get("default"),
			Help: tag.Get("help"), OneOf: strings.Fields(tag.Get("oneof")), EnvAny: tag.Get("envany") == "true",
			Relative: tag.Get("relative") == "true", Unset: tag.Get("unset"), Note: tag.Get("note"), index: i})
	}
	return out
}

// SettingEnvs are the environment variables of the settings and of the
// config file, for a test that wants none of them.
func SettingEnvs() []string {
	out := []string{"TENDER_CONFIG"}
	for _, k := range KnownSettings {
		if k.Env != "" {
			out = append(out, k.Env)
		}
	}
	return out
}

// Value is the effective value of setting k, as `tender config` shows it:
// nil for an empty value that has a word (Unset), a date as text.
func (s *Settings) Value(k Setting) any {
	f := reflect.ValueOf(s).Elem().Field(k.index)
	switch {
	case k.Unset != "" && f.IsZero():
		return nil
	case f.Kind() == reflect.Slice:
		return reflect.AppendSlice(reflect.MakeSlice(f.Type(), 0, f.Len()), f).Interface() // a copy
	}
	if st, ok := f.Interface().(fmt.Stringer); ok {
		return st.String()
	}
	return f.Interface()
}

// Env looks up an environment variable. The settings' own variables
// (TENDER_*, NO_COLOR) are read by viper from the process environment;
// Env serves what decides where files are (HOME, XDG_CONFIG_HOME,
// APPDATA), and tests replace it.
type Env func(key string) (string, bool)

// LoadSettings resolves the settings once, through viper and in viper's
// precedence: flag > environment > config file > default. flags are the
// executing command's flags (bound late, so persistent and local flags are
// both seen). Every setting is bound to its flag, its variable and its
// default, the config file is read, and each value is decoded once into
// its field (decodeHook), so that what YAML makes of a value (a timestamp
// for an unquoted date, a number, yes as a string) is decided in one place.
//
// A mistake in the config file (an unknown key, a value that does not
// decode) is a region.ErrorList at its file:line:column, every mistake of
// the file at once; a bad flag or variable a UsageError naming it. The
// policy is kept as written: the application layer parses it (app.New).
func LoadSettings(flags *pflag.FlagSet, env Env, now func() time.Time) (*Settings, error) {
	v := viper.New()
	s := &Settings{Sources: map[string]string{}}
	var explicit bool
	s.ConfigFile, explicit, s.ConfigFrom, s.Searched = findConfig(v, flags, env)
	var fileErrs region.ErrorList // the config file's mistakes, all of them
	if s.ConfigFile != "" {
		var err error
		if s.Fields, fileErrs, err = readSettings(v, s.ConfigFile, explicit); err != nil {
			return nil, err
		}
	}
	// Defaults that are not constants; the others are in the tags.
	defaults := map[string]any{"today": date.FromTime(now())}
	for _, k := range KnownSettings {
		dflt := defaults[k.Key]
		if k.Default != "" {
			dflt = k.Default
		}
		if fl := flags.Lookup(k.Flag); k.Flag != "" && fl != nil {
			_ = v.BindPFlag(k.Key, fl)
		}
		if k.Env != "" {
			_ = v.BindEnv(k.Key, k.Env)
		}
		if dflt != nil {
			v.SetDefault(k.Key, dflt)
		}
		src := sourceOf(v, flags, k)
		s.Sources[k.Key] = src
		if err := s.set(k, v.Get(k.Key), dflt, src); err != nil {
			if src != FromConfig {
				return nil, &UsageError{Err: fmt.Errorf("invalid %s %q: %s", origin(k, src, ""), fmt.Sprint(v.Get(k.Key)), err)}
			}
			f := field(s.Fields, k.Key)
			fileErrs = append(fileErrs, &region.Error{File: s.ConfigFile, Pos: f.ValuePos,
				Msg: fmt.Sprintf("invalid %s %q: %s", k.Key, written(f, v.Get(k.Key)), err)})
		}
	}
	if len(fileErrs) > 0 {
		fileErrs.Sort()
		return nil, fileErrs
	}
	return s, nil
}

// set decodes raw, the value viper found for k in src, into its field: an
// empty value is the default dflt, a relative path from the config file
// is relative to the file.
func (s *Settings) set(k Setting, raw, dflt any, src string) error {
	f := reflect.ValueOf(s).Elem().Field(k.index)
	if src == FromEnv && k.EnvAny {
		raw = true
	}
	if err := decode(raw, f); err != nil {
		return err
	}
	if f.IsZero() || (f.Kind() == reflect.Slice || f.Kind() == reflect.Map) && f.Len() == 0 {
		if err := decode(dflt, f); err != nil {
			return err
		}
	}
	if len(k.OneOf) > 0 && !slices.Contains(k.OneOf, f.String()) {
		return fmt.Errorf("use %s", strings.Join(k.OneOf, " or "))
	}
	if paths, ok := f.Interface().([]string); ok && k.Relative && src == FromConfig {
		for i, p := range paths {
			if !filepath.IsAbs(p) {
				paths[i] = filepath.Join(filepath.Dir(s.ConfigFile), p)
			}
		}
	}
	return nil
}

// decode decodes raw into the field f, through decodeHook; nil leaves f
// as it is.
func decode(raw any, f reflect.Value) error {
	if raw == nil {
		return nil
	}
	d, err := mapstructure.NewDecoder(&mapstructure.DecoderConfig{
		DecodeHook: decodeHook, WeaklyTypedInput: true, Result: f.Addr().Interface()})
	if err != nil {
		return err
	}
	if err := d.Decode(raw); err != nil {
		var hookErr *hookError
		if errors.As(err, &hookErr) {
			return hookErr
		}
		// mapstructure's own words span lines; one line is the rule.
		return errors.New(strings.Join(strings.Fields(err.Error()), " "))
	}
	return nil
}

var dateType = reflect.TypeFor[date.Date]()

// hookError is what decodeHook says of a value it refuses: what would fix
// it.
type hookError struct{ why string }

func (e *hookError) Error() string { return e.why }

// decodeHook turns what viper gives (a flag's or variable's text, what
// YAML made of the config file's value) into a setting's type, where a
// plain conversion would be wrong:
//
//   - a date.Date from YYYY-MM-DD, or from the timestamp YAML makes of an
//     unquoted date, which must have no time of day;
//   - a bool from true or false only: yes, no, on and off are strings to
//     YAML 1.2 and would quietly be false, so they are refused, as in
//     region files (1 and 0 too);
//   - a list of strings from a list, or from text: a path list,
//     separated as the system separates PATH (: or ;), as TENDER_PATHS is;
//   - a mapping only from a mapping.
func decodeHook(_ reflect.Type, to reflect.Type, data any) (any, error) {
	switch {
	case to == dateType:
		return decodeDate(data)
	case to.Kind() == reflect.Bool:
		if x, ok := data.(bool); ok {
			return x, nil
		}
		if x, ok := data.(string); ok && (x == "true" || x == "false") {
			return x == "true", nil
		}
		return nil, &hookError{"use true or false"}
	case to.Kind() == reflect.Slice:
		switch x := data.(type) {
		case string:
			return filepath.SplitList(x), nil
		case []string:
			return x, nil
		case []any:
			if !slices.ContainsFunc(x, isCollection) {
				return x, nil
			}
		}
		return nil, &hookError{"give a list, such as [regions, ../shared/regions]"}
	case to.Kind() == reflect.Map:
		if _, ok := data.(map[string]any); !ok {
			return nil, &hookError{"give a mapping of keys to values"}
		}
	}
	return data, nil
}

// isCollection reports whether v is a list or a mapping, which a list of
// texts may not hold.
func isCollection(v any) bool {
	switch v.(type) {
	case []any, map[string]any, map[any]any:
		return true
	}
	return false
}

// decodeDate is decodeHook's date: "" is the default (the zero Date).
func decodeDate(data any) (any, error) {
	switch x := data.(type) {
	case date.Date:
		return x, nil
	case time.Time:
		if h, m, sec := x.Clock(); h != 0 || m != 0 || sec != 0 || x.Nanosecond() != 0 {
			return nil, &hookError{"give a date YYYY-MM-DD, without a time"}
		}
		return date.New(x.Year(), x.Month(), x.Day()), nil
	case string:
		if x == "" {
			return date.Date(0), nil
		}
	}
	d, err := date.Parse(fmt.Sprint(data))
	if err != nil {
		return nil, &hookError{err.Error()}
	}
	return d, nil
}

// sourceOf is where viper takes the value of k from, asked in viper's own
// order: a flag the user gave, a variable set to something (empty is
// unset, as no-color.org says of NO_COLOR and as people expect of
// "TENDER_LANG= tender plan"), the config file, else the default.
func sourceOf(v *viper.Viper, flags *pflag.FlagSet, k Setting) string {
	switch fl := flags.Lookup(k.Flag); {
	case k.Flag != "" && fl != nil && fl.Changed:
		return FromFlag
	case k.Env != "" && os.Getenv(k.Env) != "":
		return FromEnv
	case v.InConfig(k.Key):
		return FromConfig
	}
	return FromDefault
}

// origin names where a value of k came from: --lang, TENDER_LANG, the
// config file; "" for a default.
func origin(k Setting, src, file string) string {
	switch src {
	case FromFlag:
		return "--" + k.Flag
	case FromEnv:
		return k.Env
	case FromConfig:
		return file
	}
	return ""
}

// Origin names where the value of setting k came from, for tender config.
func (s *Settings) Origin(k Setting) string { return origin(k, s.Sources[k.Key], s.ConfigFile) }

// readSettings reads the config file into v, and lists its keys with
// their positions. An unknown key is a mistake at the key, with the
// setting it most likely means; the file is read all the same, so that
// its values are checked too. A file that cannot be read or is not YAML is
// the error.
func readSettings(v *viper.Viper, file string, explicit bool) ([]syntax.Field, region.ErrorList, error) {
	src, err := readConfig(file)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) && explicit {
			return nil, nil, fmt.Errorf("config file %s: %v (check --config or TENDER_CONFIG)", file, pe.Err)
		}
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, fmt.Errorf("config file %s: %v", file, err)
	}
	fields, err := syntax.Fields(file, src)
	if err != nil {
		return nil, nil, err
	}
	var keys []string
	for _, k := range KnownSettings {
		keys = append(keys, k.Key)
	}
	if r := field(fields, "region"); r.Path != nil && (field(fields, "tenders").Path != nil || field(fields, "version").Path != nil) {
		// A region file given as the config file (--config regions/x.yaml):
		// one mistake, not one unknown setting per section.
		return nil, region.ErrorList{&region.Error{File: file, Pos: r.KeyPos, Msg: fmt.Sprintf(
			"this is a region file, not a config file: give it as a REGION argument (tender plan %s); a config file sets %s",
			file, strings.Join(keys, ", "))}}, nil
	}
	var errs region.ErrorList
	for _, f := range fields {
		if len(f.Path) != 1 || slices.Contains(keys, f.Path[0]) {
			continue
		}
		msg := fmt.Sprintf("unknown setting %q: the settings are %s", f.Path[0], strings.Join(keys, ", "))
		if hint := region.DidYouMean(f.Path[0], keys); hint != "" {
			msg = fmt.Sprintf("unknown setting %q%s", f.Path[0], hint)
		}
		errs = append(errs, &region.Error{File: file, Pos: f.KeyPos, Msg: msg})
	}
	v.SetConfigType("yaml")
	if err := v.ReadConfig(bytes.NewReader(src)); err != nil {
		// A key YAML allows and settings do not (? [a, b]): viper's words,
		// on one line.
		msg := strings.Join(strings.Fields(strings.TrimPrefix(err.Error(), "While parsing config: ")), " ")
		return nil, nil, fmt.Errorf("config file %s: %s", file, msg)
	}
	return fields, errs, nil
}

// field is the config file's top-level key, or the zero Field.
func field(fields []syntax.Field, key string) syntax.Field {
	for _, f := range fields {
		if len(f.Path) == 1 && f.Path[0] == key {
			return f
		}
	}
	return syntax.Field{}
}

// written is a value as the config file writes it: the scalar's text, or
// what YAML made of a list or mapping.
func written(f syntax.Field, raw any) string {
	if f.Value != "" {
		return f.Value
	}
	return fmt.Sprint(raw)
}
