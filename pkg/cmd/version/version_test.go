package version

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
)

func TestBuildInfo(t *testing.T) {
	info := BuildInfo("", "")
	if info.Version != "dev" || info.Commit != nil {
		t.Errorf("unstamped build: %+v, want version dev and no commit", info)
	}
	if !strings.HasPrefix(info.Go, "go") || info.Platform != runtime.GOOS+"/"+runtime.GOARCH {
		t.Errorf("go %q, platform %q", info.Go, info.Platform)
	}
	info = BuildInfo("v1.2.3", "abc123")
	if info.Version != "v1.2.3" || info.Commit == nil || *info.Commit != "abc123" {
		t.Errorf("release build: %+v", info)
	}
}

func TestRun(t *testing.T) {
	for _, tt := range []struct {
		output, lang string
		want         []string
	}{
		{"text", "en", []string{"tender v1.2.3\n", "commit:   abc123\n", "platform: "}},
		{"text", "nl", []string{"tender v1.2.3\n", "revisie:  abc123\n"}},
		{"json", "nl", []string{`"version": "v1.2.3"`, `"commit": "abc123"`}},
	} {
		ios, _, out, _ := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Version: "v1.2.3", Commit: "abc123", Settings: &cmdutil.Settings{Lang: tt.lang}}
		ro := cmdutil.NewReportOptions(f)
		ro.Output = tt.output
		if err := run(&Options{ReportOptions: ro, Version: f.Version, Commit: f.Commit}); err != nil {
			t.Fatal(err)
		}
		for _, w := range tt.want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s %s: missing %q in\n%s", tt.output, tt.lang, w, out)
			}
		}
		if tt.output == "json" {
			var v map[string]any
			if err := json.Unmarshal(out.Bytes(), &v); err != nil || len(v) != 4 {
				t.Errorf("JSON %v (%v), want 4 fields", v, err)
			}
		}
	}
}
