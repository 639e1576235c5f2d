package server

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/i18n/i18ntest"
	"github.com/tender-nl/tender/pkg/source"
)

const testToken = "test-token-0123456789"

// regionDir writes the built-in twente region into a fresh directory, as a
// user's region directory, and returns the directory and the file.
func regionDir(t *testing.T) (dir, file string) {
	t.Helper()
	src, err := examples.FS.ReadFile("twente.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	file = filepath.Join(dir, "twente.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// newServer starts a server on the arguments behind httptest.
func newServer(t *testing.T, args []string, mod func(*Options)) (*Server, *httptest.Server) {
	t.Helper()
	opts := Options{Args: args, Finder: func() *source.Finder { return &source.Finder{} }, Token: testToken, Lang: "en"}
	if mod != nil {
		mod(&opts)
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	s.SetAddr(ts.Listener.Addr().String())
	return s, ts
}

func do(t *testing.T, ts *httptest.Server, req *http.Request) (*http.Response, string) {
	t.Helper()
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func get(t *testing.T, ts *httptest.Server, path string, mod func(*http.Request)) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if mod != nil {
		mod(req)
	}
	return do(t, ts, req)
}

func post(t *testing.T, ts *httptest.Server, path, body string, mod func(*http.Request)) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(TokenHeader, testToken)
	req.Header.Set("Origin", ts.URL)
	if mod != nil {
		mod(req)
	}
	return do(t, ts, req)
}

func TestPortfolioListsTheRegionsWithLinks(t *testing.T) {
	_, ts := newServer(t, nil, nil) // no arguments: the built-in regions
	res, body := get(t, ts, "/", nil)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for _, want := range []string{`<html lang="en">`, "twente", "achterhoek", "drenthe", `href="/region/twente/tender/`, `src="/assets/app.js"`} {
		if !strings.Contains(body, want) {
			t.Errorf("portfolio lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, "<style>") || strings.Contains(body, " style=") {
		t.Error("inline script or style: the CSP would block it")
	}
	_, nl := get(t, ts, "/?lang=nl", nil)
	if !strings.Contains(nl, `<html lang="nl">`) || !strings.Contains(nl, "Portefeuille") {
		t.Error("?lang=nl does not give the Dutch page")
	}
}

func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	for _, path := range []string{"/", "/assets/app.js", "/nope", "/api/nope"} {
		res, _ := get(t, ts, path, nil)
		h := res.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no X-Content-Type-Options: nosniff", path)
		}
		if h.Get("Referrer-Policy") != "no-referrer" {
			t.Errorf("%s: the token could leak through the referrer", path)
		}
	}
}

func TestRefusesARebindingHost(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	_, port, _ := net.SplitHostPort(ts.Listener.Addr().String())
	for host, want := range map[string]int{
		"attacker.example:" + port: http.StatusMisdirectedRequest, // a DNS name pointed at 127.0.0.1
		"attacker.example":         http.StatusMisdirectedRequest,
		"127.0.0.1:1":              http.StatusMisdirectedRequest, // another port
		"localhost:" + port:        http.StatusOK,
		"127.0.0.1:" + port:        http.StatusOK,
		"[::1]:" + port:            http.StatusOK,
	} {
		res, body := get(t, ts, "/", func(r *http.Request) { r.Host = host })
		if res.StatusCode != want {
			t.Errorf("Host %s: status %d, want %d", host, res.StatusCode, want)
		}
		if want != 200 && !strings.Contains(body, `"error"`) {
			t.Errorf("Host %s: %s", host, body)
		}
	}
}

func TestRefusesAWriteFromAnotherOrigin(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	res, body := post(t, ts, "/api/reschedule", `{}`, func(r *http.Request) { r.Header.Set("Origin", "http://attacker.example") })
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "origin") {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
	res, _ = post(t, ts, "/api/reschedule", `{}`, func(r *http.Request) { r.Header.Set("Origin", "null") })
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("Origin null: status %d", res.StatusCode)
	}
	res, _ = post(t, ts, "/api/reschedule", `{}`, func(r *http.Request) {
		r.Header.Del("Origin")
		r.Header.Set("Sec-Fetch-Site", "cross-site")
	})
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("Sec-Fetch-Site cross-site: status %d", res.StatusCode)
	}
	// A link from another site to a page opens it: reading writes nothing.
	res, _ = get(t, ts, "/", func(r *http.Request) {
		r.Header.Set("Sec-Fetch-Site", "cross-site")
		r.Header.Set("Sec-Fetch-Mode", "navigate")
	})
	if res.StatusCode != http.StatusOK {
		t.Errorf("a cross-site link: status %d", res.StatusCode)
	}
}

func TestRefusesAWriteWithoutTheToken(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	res, body := post(t, ts, "/api/write", `{}`, func(r *http.Request) { r.Header.Del(TokenHeader) })
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "missing X-Tender-Token") {
		t.Errorf("no token: status %d: %s", res.StatusCode, body)
	}
	res, body = post(t, ts, "/api/write", `{}`, func(r *http.Request) { r.Header.Set(TokenHeader, "guess") })
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "wrong X-Tender-Token") {
		t.Errorf("wrong token: status %d: %s", res.StatusCode, body)
	}
}

func TestReadOnlyRefusesTheWrite(t *testing.T) {
	_, ts := newServer(t, nil, func(o *Options) { o.ReadOnly = true })
	res, body := post(t, ts, "/api/write", `{}`, nil)
	if res.StatusCode != http.StatusForbidden || !strings.Contains(body, "read-only") {
		t.Errorf("status %d: %s", res.StatusCode, body)
	}
}

func TestRefusesABigBody(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	big := strings.Repeat("x", 10<<20) // 10 MB
	res, body := post(t, ts, "/api/reschedule", big, nil)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"error"`) {
		t.Errorf("status %d: %.200s", res.StatusCode, body)
	}
}

func TestRefusesOtherMethods(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	for _, m := range []string{http.MethodPut, http.MethodDelete, http.MethodOptions, "PROPFIND"} {
		req, _ := http.NewRequest(m, ts.URL+"/", nil)
		res, _ := do(t, ts, req)
		if res.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d", m, res.StatusCode)
		}
	}
}

func TestServesOnlyItsRegionsNeverAPath(t *testing.T) {
	dir, _ := regionDir(t)
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	src, _ := examples.FS.ReadFile("drenthe.yaml")
	if err := os.WriteFile(outside, src, 0o644); err != nil {
		t.Fatal(err)
	}
	_, ts := newServer(t, []string{dir}, nil)
	for _, path := range []string{
		"/region/twente/tender/" + "nope",
		"/region/drenthe/tender/wmo-2019", // built-in, but not among the arguments
		"/region/" + strings.ReplaceAll(outside, "/", "%2F") + "/tender/x",
		"/region/..%2F..%2Fetc%2Fpasswd/tender/x",
		"/../../etc/passwd",
	} {
		res, body := get(t, ts, path, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d", path, res.StatusCode)
		}
		if strings.Contains(body, "drenthe") && !strings.Contains(body, "unknown region") {
			t.Errorf("%s: serves a region outside the arguments", path)
		}
	}
	_, body := get(t, ts, "/region/nope/tender/x", nil)
	if !strings.Contains(body, "(regions: twente)") {
		t.Errorf("an unknown region does not list the known ones: %s", body)
	}
}

func TestNoDirectoryListing(t *testing.T) {
	_, ts := newServer(t, nil, nil)
	for _, path := range []string{"/assets/", "/assets", "/assets/templates", "/assets/..%2Fserver.go", "/assets/templates%2Flayout.html", "/assets/.hidden"} {
		res, body := get(t, ts, path, nil)
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d", path, res.StatusCode)
		}
		if strings.Contains(body, `href="app.js"`) || strings.Contains(body, "{{define") || strings.Contains(body, "package server") {
			t.Errorf("%s lists or leaks files: %.200s", path, body)
		}
	}
	res, _ := get(t, ts, "/assets/app.css", nil)
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("app.css: Content-Type %q", ct)
	}
}

func TestLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8317": true, "localhost:8317": true, "[::1]:8317": true, "127.1.2.3:80": true,
		"0.0.0.0:8317": false, ":8317": false, "192.168.1.10:8317": false, "[::]:8317": false, "example.org:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestTokenIsRandom(t *testing.T) {
	a, _ := NewToken()
	b, _ := NewToken()
	if len(a) != 64 || a == b {
		t.Errorf("tokens %q %q", a, b)
	}
}

// live starts a real server (listener, watcher) on the arguments.
func live(t *testing.T, args []string) (*Server, string, context.CancelFunc, chan error) {
	t.Helper()
	s, err := New(Options{Args: args, Finder: func() *source.Finder { return &source.Finder{} }, Token: testToken, Debounce: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return s, "http://" + ln.Addr().String(), cancel, done
}

// events opens the event stream and returns its events' names and data.
func events(t *testing.T, base string) <-chan string {
	t.Helper()
	res, err := http.Get(base + "/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	ch := make(chan string, 16)
	go func() {
		defer res.Body.Close()
		defer close(ch)
		sc := bufio.NewScanner(res.Body)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				ch <- name + " " + strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return ch
}

func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case e := <-ch:
		return e
	case <-time.After(5 * time.Second):
		t.Fatal("no event within 5 s")
	}
	return ""
}

func TestSavedFileReloadsAndABrokenFileShowsItsErrors(t *testing.T) {
	dir, file := regionDir(t)
	_, base, _, _ := live(t, []string{dir})
	ch := events(t, base)
	if e := next(t, ch); !strings.HasPrefix(e, "hello ") {
		t.Fatalf("first event %q", e)
	}
	src, _ := os.ReadFile(file)
	// An editor's save: a new file renamed over the old one.
	renamed := strings.Replace(string(src), "name: Twente (Samen14)", "name: Twente renamed", 1)
	tmp := filepath.Join(dir, ".twente.yaml.swp")
	if err := os.WriteFile(tmp, []byte(renamed), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	if e := next(t, ch); !strings.HasPrefix(e, `reload {"version":1,"ok":true}`) {
		t.Fatalf("after a save: %q", e)
	}
	res, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), "Twente renamed") {
		t.Error("the page does not show the saved file")
	}

	// Broken: a tab where YAML wants spaces, on line 2 of a file.
	if err := os.WriteFile(file, []byte("version: 1\nregion:\n\tid: twente\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if e := next(t, ch); !strings.HasPrefix(e, `reload {"version":2,"ok":false}`) {
		t.Fatalf("after breaking the file: %q", e)
	}
	res, _ = http.Get(base + "/")
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	page := string(body)
	if !strings.Contains(page, `id="overlay"`) || strings.Contains(page, `aria-labelledby="overlay-title" hidden`) {
		t.Fatal("no error overlay")
	}
	if !strings.Contains(page, `<code class="pos">`+file+":3") {
		t.Errorf("the overlay does not name the file and line:\n%s", page)
	}

	// Fixed again: the overlay goes.
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	if e := next(t, ch); !strings.HasPrefix(e, `reload {"version":3,"ok":true}`) {
		t.Fatalf("after fixing the file: %q", e)
	}
}

func TestCtrlCStopsCleanlyWithAnOpenStream(t *testing.T) {
	dir, _ := regionDir(t)
	s, base, cancel, done := live(t, []string{dir})
	ch := events(t, base)
	next(t, ch)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
		done <- nil // for the cleanup
	case <-time.After(3 * time.Second):
		t.Fatal("Serve did not return within 3 s of the cancel")
	}
	if n := s.hub.subscribers(); n != 0 {
		t.Errorf("%d streams still open", n)
	}
}

func TestCataloguesStandInForEachOther(t *testing.T) {
	if problems := i18ntest.Compare(words["en"], words["nl"]); len(problems) > 0 {
		t.Errorf("the Dutch words differ from the English:\n%s", strings.Join(problems, "\n"))
	}
}

// TestPagesUseTheAppsPlanner: the pictures of a page are drawn in the
// calendars of the App that planned them (one planner for the server's
// life), not in a package default nor a planner of each page's own.
func TestPagesUseTheAppsPlanner(t *testing.T) {
	s, _ := newServer(t, nil, nil)
	if s.app.Planner == nil {
		t.Fatal("the App has no planner")
	}
	for _, lang := range []string{"en", "nl"} {
		if got := s.renderOptions(lang).Calendars; got != s.app.Planner {
			t.Errorf("renderOptions(%q).Calendars = %p, want the App's planner %p", lang, got, s.app.Planner)
		}
	}
}
