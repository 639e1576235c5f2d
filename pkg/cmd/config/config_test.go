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
		ConfigFile: "conf/tender.yaml",
		Sources: map[string]string{
			"output": cmdutil.FromFlag, "lang": cmdutil.FromConfig, "today": cmdutil.FromDefault,
			"no-color": cmdutil.FromEnv, "quiet": cmdutil.FromDefault, "paths": cmdutil.FromDefault,
			"policy": cmdutil.FromConfig,
		},
	}
	env := func(k string) (string, bool) {
		if k == "TENDER_CONFIG" {
			return "conf/tender.yaml", true
		}
		return "", false
	}
	got := View(s, false, env)
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
	// --config wins over TENDER_CONFIG in the explanation, as in the lookup.
	if v := View(s, true, env); v.ConfigFrom != "--config" {
		t.Errorf("ConfigFrom = %q, want --config", v.ConfigFrom)
	}
}
