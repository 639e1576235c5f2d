package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/server"
	"github.com/tender-nl/tender/pkg/source"
)

const token = "write-test-token"

// twenteCopy writes the built-in twente region into a fresh directory.
func twenteCopy(t *testing.T) (dir, file string) {
	t.Helper()
	src, _ := examples.FS.ReadFile("twente.yaml")
	dir = t.TempDir()
	file = filepath.Join(dir, "twente.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

func startWith(t *testing.T, args []string, readOnly bool) *httptest.Server {
	t.Helper()
	d, _ := date.Parse(today)
	s, err := server.New(server.Options{Args: args, Finder: func() *source.Finder { return &source.Finder{} }, Token: token, Today: d, ReadOnly: readOnly})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	s.SetAddr(ts.Listener.Addr().String())
	return ts
}

func send(t *testing.T, ts *httptest.Server, path string, body any) (int, string) {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case string:
		r = strings.NewReader(b)
	case io.Reader:
		r = b
	default:
		j, _ := json.Marshal(b)
		r = bytes.NewReader(j)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, r)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(server.TokenHeader, token)
	req.Header.Set("Origin", ts.URL)
	res, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out)
}

// shaOf is the file's sha256 as GET /api/regions gives it.
func shaOf(t *testing.T, ts *httptest.Server, id string) string {
	t.Helper()
	_, body := fetch(t, ts, "/api/regions")
	var rs struct {
		Regions []struct {
			ID     string  `json:"id"`
			SHA256 *string `json:"sha256"`
		} `json:"regions"`
	}
	if err := json.Unmarshal([]byte(body), &rs); err != nil {
		t.Fatal(err)
	}
	for _, r := range rs.Regions {
		if r.ID == id && r.SHA256 != nil {
			return *r.SHA256
		}
	}
	t.Fatalf("no sha256 for %s in %s", id, body)
	return ""
}

// Publicatie of almelo-2019 is planned on Tue 2018-06-05 with latest
// 2018-06-12 (tender plan twente --tender almelo-2019): a move to its
// latest date is feasible, one to 2018-07-02 is not.
var move = map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}}

func TestRescheduleAnswersAsTheCommand(t *testing.T) {
	ts := start(t, nil)
	code, body := send(t, ts, "/api/reschedule", move)
	if code != 200 {
		t.Fatalf("status %d: %s", code, body)
	}
	if want := cli(t, "reschedule", "twente", "publicatie=2018-06-12", "--tender", "almelo-2019", "-o", "json"); body != want {
		t.Errorf("differs from tender reschedule -o json:\n%s\nwant:\n%s", body, want)
	}
	kept := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "keep": []string{"vragen"}}
	code, body = send(t, ts, "/api/reschedule", kept)
	if want := cli(t, "reschedule", "twente", "publicatie=2018-06-12", "--tender", "almelo-2019", "--keep", "vragen", "-o", "json"); code != 200 || body != want {
		t.Errorf("with keep: status %d, differs from tender reschedule --keep", code)
	}
	// Infeasible: answered, not refused; the conflict chain is in it.
	late := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-07-02"}}
	code, body = send(t, ts, "/api/reschedule", late)
	if code != 200 || !strings.Contains(body, `"feasible": false`) || !strings.Contains(body, `"chain"`) {
		t.Errorf("infeasible: status %d: %s", code, body)
	}
}

func TestWriteIsRescheduleWriteByteForByte(t *testing.T) {
	dir, file := twenteCopy(t)
	_, cliFile := twenteCopy(t)
	ts := startWith(t, []string{dir}, false)
	body := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": shaOf(t, ts, "twente")}
	code, answer := send(t, ts, "/api/write", body)
	if code != 200 {
		t.Fatalf("status %d: %s", code, answer)
	}
	wantAnswer := cli(t, "reschedule", cliFile, "publicatie=2018-06-12", "--tender", "almelo-2019", "--write", "-o", "json")
	if strings.ReplaceAll(answer, file, "FILE") != strings.ReplaceAll(wantAnswer, cliFile, "FILE") {
		t.Errorf("the answer differs from reschedule --write -o json:\n%s\nwant:\n%s", answer, wantAnswer)
	}
	got, _ := os.ReadFile(file)
	want, _ := os.ReadFile(cliFile)
	if !bytes.Equal(got, want) {
		t.Error("the file differs from what tender reschedule --write writes")
	}
	orig, _ := examples.FS.ReadFile("twente.yaml")
	if bytes.Equal(got, orig) {
		t.Error("nothing was written")
	}
}

func TestWriteRefusesAFileChangedSinceThePageReadIt(t *testing.T) {
	dir, file := twenteCopy(t)
	ts := startWith(t, []string{dir}, false)
	sha := shaOf(t, ts, "twente")
	// A colleague's edit, saved after the page computed the move.
	edited := append(must(os.ReadFile(file)), []byte("# a colleague's note\n")...)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	body := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": sha}
	code, answer := send(t, ts, "/api/write", body)
	if code != http.StatusConflict || !strings.Contains(answer, "changed on disk") {
		t.Errorf("status %d: %s", code, answer)
	}
	if got, _ := os.ReadFile(file); !bytes.Equal(got, edited) {
		t.Error("the colleague's edit was lost")
	}
}

func TestWriteRefusesAnInfeasibleMoveWithTheChain(t *testing.T) {
	dir, file := twenteCopy(t)
	ts := startWith(t, []string{dir}, false)
	before, _ := os.ReadFile(file)
	body := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-07-02"}, "sha256": shaOf(t, ts, "twente")}
	code, answer := send(t, ts, "/api/write", body)
	var e struct {
		Error      string `json:"error"`
		Reschedule struct {
			Feasible bool `json:"feasible"`
			Conflict struct {
				Chain []struct {
					Milestone, Constraint string
					Line                  int
				} `json:"chain"`
			} `json:"conflict"`
		} `json:"reschedule"`
	}
	if err := json.Unmarshal([]byte(answer), &e); err != nil {
		t.Fatal(err)
	}
	if code != http.StatusUnprocessableEntity || e.Error == "" || e.Reschedule.Feasible || len(e.Reschedule.Conflict.Chain) == 0 {
		t.Errorf("status %d: %s", code, answer)
	}
	if after, _ := os.ReadFile(file); !bytes.Equal(before, after) {
		t.Error("an infeasible move was written")
	}
}

func TestWriteRefusals(t *testing.T) {
	dir, file := twenteCopy(t)
	ts := startWith(t, []string{dir}, false)
	sha := shaOf(t, ts, "twente")
	ok := func(m map[string]any) map[string]any {
		out := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": sha}
		for k, v := range m {
			out[k] = v
		}
		return out
	}
	for name, c := range map[string]struct {
		body any
		code int
		says string
	}{
		"no sha256":      {ok(map[string]any{"sha256": ""}), 400, "sha256 missing"},
		"unknown tender": {ok(map[string]any{"tender": "almelo"}), 404, `did you mean \"almelo-2019\"`},
		"unknown region": {ok(map[string]any{"region": "../../etc/passwd"}), 404, "unknown region"},
		"unknown move":   {ok(map[string]any{"moves": map[string]string{"pub": "2018-06-12"}}), 404, "unknown milestone"},
		"bad date":       {ok(map[string]any{"moves": map[string]string{"publicatie": "12-06-2018"}}), 400, "publicatie"},
		"no moves":       {ok(map[string]any{"moves": map[string]string{}}), 400, "moves missing"},
		"not JSON":       {"publicatie=2018-06-12", 400, "not a move"},
		"unknown field":  {`{"region":"twente","moves":{"publicatie":"2018-06-12"},"force":true}`, 400, "force"},
		"two values":     {`{"region":"twente","moves":{"publicatie":"2018-06-12"}} {}`, 400, "more than one"},
		"10 MB chunked":  {io.MultiReader(strings.NewReader(`{"region":"`), strings.NewReader(strings.Repeat("x", 10<<20))), 413, "larger than"},
	} {
		code, answer := send(t, ts, "/api/write", c.body)
		if code != c.code || !strings.Contains(answer, c.says) || !strings.Contains(answer, `"error"`) {
			t.Errorf("%s: status %d: %.300s", name, code, answer)
		}
	}
	orig, _ := examples.FS.ReadFile("twente.yaml")
	if got, _ := os.ReadFile(file); !bytes.Equal(got, orig) {
		t.Error("a refused write changed the file")
	}
}

func TestWriteNeverWritesABuiltInRegion(t *testing.T) {
	ts := start(t, nil)
	body := map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": "0"}
	code, answer := send(t, ts, "/api/write", body)
	if code != 400 || !strings.Contains(answer, "built-in region and cannot be written") {
		t.Errorf("status %d: %s", code, answer)
	}
}

func TestWriteReadOnly(t *testing.T) {
	dir, _ := twenteCopy(t)
	ts := startWith(t, []string{dir}, true)
	code, answer := send(t, ts, "/api/write", map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": "x"})
	if code != http.StatusForbidden || !strings.Contains(answer, "read-only") {
		t.Errorf("status %d: %s", code, answer)
	}
	// The what-if still answers.
	if code, _ := send(t, ts, "/api/reschedule", move); code != 200 {
		t.Errorf("reschedule on a read-only server: status %d", code)
	}
}

// The server takes the same lock as tender reschedule --write: while
// another writer holds it, the write waits and then refuses.
func TestWriteTakesTheLockOfRescheduleWrite(t *testing.T) {
	dir, file := twenteCopy(t)
	d, _ := date.Parse(today)
	s, err := server.New(server.Options{Args: []string{dir}, Finder: func() *source.Finder { return &source.Finder{} }, Token: token, Today: d,
		App: app.Config{Files: source.Files{LockWait: 100 * time.Millisecond}}})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	s.SetAddr(ts.Listener.Addr().String())
	sha := shaOf(t, ts, "twente")
	l, err := source.Lock(file, file)
	if err != nil {
		t.Fatal(err)
	}
	code, answer := send(t, ts, "/api/write", map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": sha})
	if code != http.StatusConflict || !strings.Contains(answer, "another tender process") {
		t.Errorf("status %d: %s", code, answer)
	}
	_ = l.Unlock()
	if code, answer := send(t, ts, "/api/write", map[string]any{"region": "twente", "tender": "almelo-2019", "moves": map[string]string{"publicatie": "2018-06-12"}, "sha256": sha}); code != 200 {
		t.Errorf("after the unlock: status %d: %s", code, answer)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
