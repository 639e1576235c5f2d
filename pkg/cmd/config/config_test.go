package config

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/render"
)

func TestView(t *testing.T) {
	s := &cmdutil.Settings{
		Output: "json", Lang: "nl", Today: date.New(2026, 11, 22), NoColor: true, Paths: []string{"regions"},
		Policy:     map[string]any{"summer": "off"},
		ConfigFile: "conf/tender.yaml", ConfigFrom: "TENDER_CONFIG",
		Sources: map[string]string{
			"output": cmdutil.FromFlag, "lang": cmdutil.FromConfig, "today": cmdutil.FromDefault,
			"no-color": cmdutil.FromEnv, "quiet": cmdutil.FromDefault, "paths": cmdutil.FromDefault,
			"policy": cmdutil.FromConfig,
		},
	}
	got := View(s)
	want := render.ConfigView{
		ConfigFile: "conf/tender.yaml",
		ConfigFrom: "TENDER_CONFIG",
		Settings: []render.SettingView{
			{Key: "output", Value: "json", Source: "flag", Origin: "--output", Empty: "config.unset"},
			{Key: "lang", Value: "nl", Source: "config", Origin: "conf/tender.yaml"},
			{Key: "today", Value: "2026-11-22", Source: "default", Note: "config.systemdate"},
			{Key: "no-color", Value: true, Source: "env", Origin: "NO_COLOR"},
			{Key: "quiet", Value: false, Source: "default"},
			{Key: "paths", Value: []string{"regions"}, Source: "default"},
			{Key: "policy", Value: map[string]any{"summer": "off"}, Source: "config", Origin: "conf/tender.yaml", Empty: "config.nopolicy"},
		},
	}
	// KnownSettings may grow; the settings above must come first, as shown.
	if len(got.Settings) > len(want.Settings) {
		got.Settings = got.Settings[:len(want.Settings)]
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An empty output and no policy have no value: the words for them are
	// the printer's.
	s.Output, s.Policy, s.Sources["output"], s.Sources["policy"] = "", nil, cmdutil.FromDefault, cmdutil.FromDefault
	got = View(s)
	if o, p := got.Settings[0], got.Settings[6]; o.Value != nil || p.Value != nil || o.Origin != "" {
		t.Errorf("unset output %+v, no policy %+v", o, p)
	}
}
