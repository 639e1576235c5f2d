package server_test

// Speed of tender serve (README, "tender serve", Speed). Run with
//
//	go test ./pkg/server -run '^$' -bench . -benchtime 200x
//
// The what-if benchmarks call the handler in process (no network), as the
// server does for a request: decode, the Reschedule use-case, the printer.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/server"
	"github.com/tender-nl/tender/pkg/source"
)

func benchServer(b *testing.B, args []string) *server.Server {
	b.Helper()
	d, _ := date.Parse(today)
	s, err := server.New(server.Options{Args: args, Finder: func() *source.Finder { return &source.Finder{} }, Token: token, Today: d})
	if err != nil {
		b.Fatal(err)
	}
	s.SetAddr("127.0.0.1:8317")
	return s
}

// whatIf posts one what-if to the handler and fails on anything but 200.
func whatIf(b *testing.B, h http.Handler, body string) {
	req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1:8317/api/reschedule", strings.NewReader(body))
	req.Header.Set(server.TokenHeader, token)
	req.Header.Set("Origin", "http://127.0.0.1:8317")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		b.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
}

// BenchmarkWhatIfBuiltIn: a what-if on a built-in tender (goal: 20 ms).
// The Achterhoek's inkoop-2022 has 17 milestones and 2 scenarios, all
// replanned: publicatie a week earlier.
func BenchmarkWhatIfBuiltIn(b *testing.B) {
	h := benchServer(b, nil).Handler()
	body := `{"region":"achterhoek","tender":"inkoop-2022","moves":{"publicatie":"2021-03-25"}}`
	whatIf(b, h, body)
	b.ReportAllocs()
	for b.Loop() {
		whatIf(b, h, body)
	}
}

// portfolio writes 40 region files of 20 tenders of 12 milestones
// (testdata/gen) and returns the directory.
func portfolio(b *testing.B) string {
	b.Helper()
	dir := b.TempDir()
	out, err := exec.Command("go", "run", "../../testdata/gen", "-milestones", "9600", "-out", dir).CombinedOutput()
	if err != nil {
		b.Fatalf("testdata/gen: %v\n%s", err, out)
	}
	return dir
}

// BenchmarkWhatIfPortfolio: a what-if on one tender of a server that
// serves 40 regions, 800 tenders, 9,600 milestones (goal: 100 ms).
func BenchmarkWhatIfPortfolio(b *testing.B) {
	s := benchServer(b, []string{portfolio(b)})
	h := s.Handler()
	body := `{"region":"gen-0020","tender":"t010","moves":{"publicatie":"` + publicatieWeekLater(b, h, "gen-0020", "t010") + `"}}`
	whatIf(b, h, body)
	b.ReportAllocs()
	for b.Loop() {
		whatIf(b, h, body)
	}
}

// publicatieWeekLater is the tender's publicatie a week after its planned
// date, from GET /api/plan.
func publicatieWeekLater(b *testing.B, h http.Handler, region, tender string) string {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8317/api/plan?region="+region+"&tender="+tender, nil))
	var plan struct {
		Plans []struct {
			Milestones []struct {
				ID   string `json:"id"`
				Date string `json:"date"`
			} `json:"milestones"`
		} `json:"plans"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &plan); err != nil || len(plan.Plans) == 0 {
		b.Fatalf("plan: %v %s", err, rec.Body)
	}
	for _, m := range plan.Plans[0].Milestones {
		if m.ID == "publicatie" {
			d, err := date.Parse(m.Date)
			if err != nil {
				b.Fatal(err)
			}
			return (d + 7).String()
		}
	}
	b.Fatal("no publicatie")
	return ""
}

// BenchmarkWhatIfMemory reports the live heap (after a GC) before and
// after its what-ifs: run it with -benchtime 10000x, and the heap must stay
// flat, whatever the number of requests (no cache or subscriber that grows
// per request). From 1,000 requests on, a growth of more than 4 MiB fails.
func BenchmarkWhatIfMemory(b *testing.B) {
	h := benchServer(b, nil).Handler()
	body := `{"region":"achterhoek","tender":"inkoop-2022","moves":{"publicatie":"2021-03-25"}}`
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	for range 500 { // warm up: the planner's caches, the pools
		whatIf(b, h, body)
	}
	before := heap()
	n := 0
	for b.Loop() {
		whatIf(b, h, body)
		n++
	}
	after := heap()
	b.ReportMetric(float64(before)/(1<<20), "MiB-heap-before")
	b.ReportMetric(float64(after)/(1<<20), "MiB-heap-after")
	if n >= 1000 && after > before+4<<20 {
		b.Errorf("the heap grew from %d to %d bytes over %d what-ifs", before, after, n)
	}
}

// BenchmarkSavedFileToPage: a region file saved in an editor reaches an
// open page: the watcher sees the write, the server reloads the regions,
// tells the page (Server-Sent Events), and the page fetches itself again
// (which plans, checks and draws the tender). Goal: 300 ms.
func BenchmarkSavedFileToPage(b *testing.B) {
	dir := b.TempDir()
	src, _ := os.ReadFile("../../examples/achterhoek.yaml")
	file := filepath.Join(dir, "achterhoek.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		b.Fatal(err)
	}
	d, _ := date.Parse(today)
	s, err := server.New(server.Options{Args: []string{dir}, Finder: func() *source.Finder { return &source.Finder{} }, Token: token, Today: d})
	if err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	s.SetAddr(ln.Addr().String())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { cancel(); <-done }()
	base := "http://" + ln.Addr().String()
	res, err := http.Get(base + "/events")
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(res.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: reload") {
				events <- sc.Text()
			}
		}
	}()
	page := base + "/region/achterhoek/tender/inkoop-2022"
	i := 0
	for b.Loop() {
		i++
		// An editor's save: a new name, renamed over the file.
		body := strings.Replace(string(src), "name: Achterhoek", fmt.Sprintf("name: Achterhoek %d", i), 1)
		tmp := filepath.Join(dir, ".achterhoek.yaml.swp")
		if err := os.WriteFile(tmp, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			b.Fatal(err)
		}
		select {
		case <-events:
		case <-time.After(5 * time.Second):
			b.Fatal("no reload event within 5 s")
		}
		r, err := http.Get(page)
		if err != nil {
			b.Fatal(err)
		}
		buf := make([]byte, 1<<20)
		n, _ := r.Body.Read(buf)
		for n > 0 {
			var m int
			m, _ = r.Body.Read(buf)
			n = m
		}
		r.Body.Close()
	}
}
