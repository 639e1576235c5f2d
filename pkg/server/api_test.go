package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/cmd/root"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/server"
	"github.com/tender-nl/tender/pkg/source"
)

const today = "2026-11-22"

// cli runs tender with args (and --today) in process and returns stdout.
func cli(t *testing.T, args ...string) string {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	code := root.Main(ios, append(args, "--today", today))
	if code != 0 && code != 1 {
		t.Fatalf("tender %v: exit %d: %s", args, code, errOut)
	}
	return out.String()
}

func start(t *testing.T, args []string) *httptest.Server {
	t.Helper()
	d, _ := date.Parse(today)
	s, err := server.New(server.Options{Args: args, Finder: func() *source.Finder { return &source.Finder{} }, Token: token, Today: d})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	s.SetAddr(ts.Listener.Addr().String())
	return ts
}

func fetch(t *testing.T, ts *httptest.Server, path string) (int, string) {
	t.Helper()
	res, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q", path, ct)
	}
	return res.StatusCode, string(b)
}

// The API answers what the commands print with -o json, byte for byte:
// the same use-cases and the same printers.
func TestAPIAnswersAsTheCommandsJSON(t *testing.T) {
	ts := start(t, nil)
	for path, cmd := range map[string][]string{
		"/api/regions":                                      {"regions", "-o", "json"},
		"/api/plan?region=twente":                           {"plan", "twente", "-o", "json"},
		"/api/plan?region=twente&tender=almelo-2019":        {"plan", "twente", "--tender", "almelo-2019", "-o", "json"},
		"/api/plan":                                         {"plan", "-o", "json"},
		"/api/check?region=achterhoek":                      {"check", "achterhoek", "-o", "json"},
		"/api/check?region=twente&tender=twents-model-2019": {"check", "twente", "--tender", "twents-model-2019", "-o", "json"},
		"/api/overview":                                     {"overview", "-o", "json"},
		"/api/risk?region=twente&tender=almelo-2019&runs=200&seed=7": {"risk", "twente", "--tender", "almelo-2019", "--runs", "200", "--seed", "7", "-o", "json"},
	} {
		code, body := fetch(t, ts, path)
		if code != 200 {
			t.Errorf("%s: status %d: %s", path, code, body)
			continue
		}
		if want := cli(t, cmd...); body != want {
			t.Errorf("%s differs from tender %s", path, strings.Join(cmd, " "))
		}
	}
}

func TestAPIScenario(t *testing.T) {
	ts := start(t, nil)
	code, body := fetch(t, ts, "/api/plan?region=achterhoek&scenario=original-plan")
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	if want := cli(t, "plan", "achterhoek", "--scenario", "original-plan", "-o", "json"); body != want {
		t.Error("a scenario's plan differs from tender plan --scenario")
	}
}

type apiErr struct {
	Error  string   `json:"error"`
	Known  []string `json:"known"`
	Errors []struct {
		File         string
		Line, Column int
		Message      string
	} `json:"errors"`
}

func decodeErr(t *testing.T, body string) apiErr {
	t.Helper()
	var e apiErr
	if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
		t.Fatalf("not an error answer: %s", body)
	}
	return e
}

func TestAPIUnknownIDsAnswer404WithTheKnownOnes(t *testing.T) {
	ts := start(t, nil)
	code, body := fetch(t, ts, "/api/plan?region=twnete")
	e := decodeErr(t, body)
	if code != http.StatusNotFound || strings.Join(e.Known, ",") != "twente,achterhoek,drenthe" || !strings.Contains(e.Error, `did you mean "twente"`) {
		t.Errorf("unknown region: %d %s", code, body)
	}
	code, body = fetch(t, ts, "/api/plan?region=twente&tender=almelo")
	e = decodeErr(t, body)
	if code != http.StatusNotFound || !strings.Contains(strings.Join(e.Known, ","), "almelo-2019") || !strings.Contains(e.Error, `did you mean "almelo-2019"`) {
		t.Errorf("unknown tender: %d %s", code, body)
	}
	code, body = fetch(t, ts, "/api/plan?region=achterhoek&scenario=nope")
	if code != http.StatusNotFound {
		t.Errorf("unknown scenario: %d %s", code, body)
	}
	// A path is not an id: the server never reads a file a request names.
	code, body = fetch(t, ts, "/api/plan?region=/etc/passwd")
	if code != http.StatusNotFound || !strings.Contains(body, "unknown region") {
		t.Errorf("a path: %d %s", code, body)
	}
	code, _ = fetch(t, ts, "/api/nothing")
	if code != http.StatusNotFound {
		t.Errorf("unknown route: %d", code)
	}
}

func TestAPIBadRequestsAnswer400(t *testing.T) {
	ts := start(t, nil)
	for _, path := range []string{
		"/api/plan?region=twente&region=drenthe",
		"/api/risk?region=twente&tender=almelo-2019&runs=many",
		"/api/risk?region=twente&tender=almelo-2019&runs=0",
		"/api/risk?region=twente&tender=almelo-2019&seed=-1",
		"/api/risk?region=twente", // three tenders: which?
	} {
		code, body := fetch(t, ts, path)
		decodeErr(t, body)
		if code != http.StatusBadRequest {
			t.Errorf("%s: status %d: %s", path, code, body)
		}
	}
}

func TestAPIABrokenFileAnswersItsPositionedErrors(t *testing.T) {
	dir := t.TempDir()
	src, _ := examples.FS.ReadFile("twente.yaml")
	if err := os.WriteFile(filepath.Join(dir, "twente.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(dir, "broken.yaml")
	if err := os.WriteFile(broken, []byte("version: 1\nregion:\n  id: broken\n  name: Broken\n  municipalities: [A]\ntenders:\n  t:\n    procedure: nope\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ts := start(t, []string{dir})
	code, body := fetch(t, ts, "/api/plan?region=broken")
	e := decodeErr(t, body)
	if code != http.StatusBadRequest || len(e.Errors) == 0 || e.Errors[0].File != broken || e.Errors[0].Line == 0 {
		t.Errorf("status %d: %s", code, body)
	}
	// The file that loads is still served.
	if code, _ := fetch(t, ts, "/api/plan?region=twente"); code != 200 {
		t.Errorf("the good file: status %d", code)
	}
}
