package server_test

// Tests in a real browser: the system's Chromium, driven by chromedp over
// the DevTools protocol. Without a Chromium they skip (go test ./... passes
// on a fresh machine); TENDER_BROWSER_TESTS=require (as .ci/run sets it)
// turns the skip into a failure.

import (
	"bytes"
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/server"
	"github.com/tender-nl/tender/pkg/source"
)

// chromium finds the system's Chromium or Chrome, or skips the test.
func chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium found (chromium, chromium-browser, google-chrome on PATH): the browser tests need one (apt-get install chromium)"
	if os.Getenv("TENDER_BROWSER_TESTS") == "require" {
		t.Fatal(msg + "; TENDER_BROWSER_TESTS=require makes this a failure")
	}
	t.Skip(msg + "; skipped")
	return ""
}

// newBrowser starts a headless Chromium with a fresh profile and returns a
// tab's context.
func newBrowser(t testing.TB) context.Context {
	t.Helper()
	path := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 800),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })
	// The first action starts the browser, bound to that action's context
	// for its whole life: a time limit goes through a timer, not through
	// a context that would end the browser with the action.
	guard := time.AfterFunc(hang, cancelTab)
	defer guard.Stop()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// serveLive runs a real server (listener and watcher) on args and returns
// its address with the token.
func serveLive(t testing.TB, args []string, lang string) (url string) {
	t.Helper()
	d, _ := date.Parse(today)
	s, err := server.New(server.Options{Args: args, Finder: func() *source.Finder { return &source.Finder{} },
		Token: token, Today: d, Lang: lang, Debounce: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.SetAddr(ln.Addr().String())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() { cancel(); <-done })
	return s.URL()
}

// hang is the time limit of one browser step: a guard against a test that
// would hang, not a speed goal. It is generous, since a step waits for a
// condition and returns as soon as it holds: on a loaded two-core machine
// a Chromium can take many seconds to start, lay out or run a script.
const hang = 2 * time.Minute

// run runs browser actions with a time limit.
func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, hang)
	defer cancel()
	if err := chromedp.Do(tctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// value runs one browser action that answers a value, with a time limit.
func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, hang)
	defer cancel()
	v, err := chromedp.Run(tctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// open navigates to url and waits until the page follows the server: its
// script ran (the token is kept, the rows are focusable) and the live
// stream said hello (any refresh it asked for is done), so no refresh
// replaces the content under the test's next step.
func open(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	run(t, ctx, chromedp.Navigate(url), chromedp.WaitReady(`body[data-live="ready"]`))
}

// poll waits until the expression is truthy in the page and answers it.
func poll[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	return value(t, ctx, chromedp.Poll[T](expr, chromedp.WithPollingTimeout(hang)))
}

func TestBrowser(t *testing.T) {
	ctx := newBrowser(t)
	dir, file := twenteCopy(t)
	base := serveLive(t, []string{dir}, "en")
	root := strings.Split(base, "?")[0]

	t.Run("portfolio", func(t *testing.T) {
		open(t, ctx, base)
		run(t, ctx, chromedp.WaitVisible(`table.overview`))
		text := value(t, ctx, chromedp.Text(`table.overview`))
		loc := value(t, ctx, chromedp.Evaluate[string](`location.href`))
		kept := value(t, ctx, chromedp.Evaluate[string](`localStorage.getItem("tender-token")`))
		for _, want := range []string{"twents-model-2019", "almelo-2019", "2019-01-01"} {
			if !strings.Contains(text, want) {
				t.Errorf("the portfolio lacks %q:\n%s", want, text)
			}
		}
		if strings.Contains(loc, "token") || kept != token {
			t.Errorf("the token should leave the address bar for the page's storage: %s, kept %q", loc, kept)
		}
	})

	t.Run("tender shows every milestone in the Gantt", func(t *testing.T) {
		open(t, ctx, root)
		run(t, ctx,
			chromedp.WaitVisible(`a[href="/region/twente/tender/almelo-2019"]`),
			chromedp.Click(`a[href="/region/twente/tender/almelo-2019"]`),
			chromedp.WaitReady(`body[data-live="ready"] #gantt g.row[data-id="publicatie"][tabindex]`),
		)
		title := value(t, ctx, chromedp.Title())
		ids := value(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#gantt g.row[data-id]")).map(g => g.dataset.id)`))
		// The ten milestones of almelo-2019, in date order (tender plan
		// twente --tender almelo-2019).
		want := "collegebrief raadsvergadering publicatie vragen nvi sluiting beoordeling standstill-end gunning contract-start"
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("Gantt rows:\n%s\nwant\n%s", got, want)
		}
		if !strings.Contains(title, "Almelo") {
			t.Errorf("title %q", title)
		}
		// Focus the row in the page, and read the details once they show
		// publicatie: one condition, retried, so a refresh that replaced
		// the row in between is focused again instead of failing.
		detail := poll[string](t, ctx, `(() => {
			const g = document.querySelector('#gantt g.row[data-id="publicatie"][tabindex]');
			if (!g) { return ""; }
			if (document.activeElement !== g) { g.focus(); }
			const d = document.getElementById("detail"), row = document.getElementById("ms-publicatie");
			return d && !d.hidden && row && row.classList.contains("hl") ? d.textContent : "";
		})()`)
		for _, want := range []string{"Tue 2018-06-05", "2018-06-12", "7d", "after:", "line",
			// why it lands on its date, the chain back to its dated origin
			"publicatie ≥ 2018-06-05 because after: raadsvergadering + 16w (line 278); raadsvergadering is done on 2018-02-13 (line 272)"} {
			if !strings.Contains(detail, want) {
				t.Errorf("the details of publicatie lack %q: %s", want, detail)
			}
		}
	})

	t.Run("dragging a diamond picks the what-if date", func(t *testing.T) {
		open(t, ctx, root+"/region/twente/tender/almelo-2019")
		// Drag vragen's diamond (Tue 2018-06-19, 21 days of slack) onto
		// the column of nvi's (Tue 2018-06-26): 7 days later, snapped to
		// the day.
		run(t, ctx,
			chromedp.WaitReady(`#gantt svg[data-drag]`),
			chromedp.DragAndDrop(`#gantt g.row[data-id="vragen"] path.draggable`, `#gantt g.row[data-id="nvi"] path.draggable`),
		)
		field := poll[string](t, ctx, `document.getElementById("move").value === "vragen" && document.getElementById("date").value`)
		if field != "2018-06-26" {
			t.Errorf("the date field after the drag: %q, want 2018-06-26", field)
		}
		answer := poll[string](t, ctx, `(() => {
			const a = document.querySelector("#whatif-result pre.answer");
			return a && a.textContent.includes("2018-06-26 (") ? a.textContent : "";
		})()`)
		// 7 calendar days, 5 working days (Wed 20 … Tue 26 June 2018, no
		// holiday).
		if want := "vragen  Tue 2018-06-19 → Tue 2018-06-26 (+7d, +5wd)"; !strings.Contains(answer, want) {
			t.Errorf("the answer after the drag lacks %q:\n%s", want, answer)
		}
	})

	t.Run("what-if shows the shifts, write equals reschedule --write", func(t *testing.T) {
		open(t, ctx, root+"/region/twente/tender/almelo-2019")
		run(t, ctx,
			chromedp.WaitVisible(`#whatif-form`),
			chromedp.SetValue(`#move`, "publicatie"),
			chromedp.SetValue(`#date`, "2018-06-12"),
			chromedp.Click(`#whatif-form button[type=submit]`),
		)
		// Read the answer in the page (a change of the form may ask too,
		// and replace the answer's node under a node-based query). Wait
		// for the answer to this move and for its write button.
		answer := poll[string](t, ctx, `(() => {
			const a = document.querySelector("#whatif-result pre.answer");
			return a && a.textContent.includes("2018-06-12") && document.getElementById("write") ? a.textContent : "";
		})()`)
		// publicatie Tue 2018-06-05 → Tue 2018-06-12: 7 calendar days,
		// 5 working days (Wed 6 … Tue 12, no holiday that week); vragen
		// (publicatie + 2 weeks) follows from 06-19 to 06-26.
		for _, want := range []string{"publicatie  Tue 2018-06-05 → Tue 2018-06-12 (+7d, +5wd)", "vragen            Tue 2018-06-19  Tue 2018-06-26    +7d      +5wd"} {
			if !strings.Contains(answer, want) {
				t.Errorf("the answer lacks %q:\n%s", want, answer)
			}
		}
		// Click the button in the page, once: the node chromedp found
		// could be replaced by a refresh before its click lands.
		run(t, ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("write").click()`))
		status := poll[string](t, ctx, `(() => {
			const s = document.getElementById("status");
			return s.classList.contains("ok") || s.classList.contains("error") ? s.textContent : "";
		})()`)
		if ok := value(t, ctx, chromedp.Evaluate[bool](`document.getElementById("status").classList.contains("ok")`)); !ok {
			t.Fatalf("the write failed: %s", status)
		}
		if !strings.Contains(status, file) {
			t.Errorf("status %q", status)
		}
		_, cliFile := twenteCopy(t)
		cli(t, "reschedule", cliFile, "publicatie=2018-06-12", "--tender", "almelo-2019", "--write")
		got, _ := os.ReadFile(file)
		want, _ := os.ReadFile(cliFile)
		if !bytes.Equal(got, want) {
			t.Error("the file written from the page differs from what tender reschedule --write writes")
		}
	})

	t.Run("an edit on disk updates the page, a broken file shows the overlay", func(t *testing.T) {
		open(t, ctx, root+"/region/twente/tender/almelo-2019")
		run(t, ctx, chromedp.WaitVisible(`#gantt svg`))
		src, _ := os.ReadFile(file)
		edited := strings.Replace(string(src), "name: Twente (Samen14)", "name: Twente edited", 1)
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		h := poll[string](t, ctx, `(document.querySelector("#gantt svg title") || {textContent: ""}).textContent.includes("Twente edited") && document.querySelector("#gantt svg title").textContent`)
		if !strings.Contains(h, "Twente edited") {
			t.Errorf("the page did not follow the edit: %q", h)
		}
		if err := os.WriteFile(file, []byte("version: 1\nregion:\n  id: twente\n  name: [broken\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// The overlay of this file's error: a save that the watcher saw
		// half-written may show another error first.
		overlay := poll[string](t, ctx, `(() => {
			const o = document.getElementById("overlay");
			return o && !o.hidden && o.textContent.includes("invalid YAML") ? o.textContent : "";
		})()`)
		if !strings.Contains(overlay, file+":3:3 invalid YAML") || !strings.Contains(overlay, "does not load") {
			t.Errorf("overlay:\n%s", overlay)
		}
		if err := os.WriteFile(file, src, 0o644); err != nil {
			t.Fatal(err)
		}
		poll[bool](t, ctx, `(() => { const o = document.getElementById("overlay"); return !o || o.hidden; })()`)
	})
}

// TestBrowserScreenshots writes the README's pictures of tender serve when
// TENDER_SCREENSHOTS names a directory (testdata/screenshot.sh sets it):
// the portfolio, a tender page, and a what-if in Dutch. Otherwise it skips.
func TestBrowserScreenshots(t *testing.T) {
	out := os.Getenv("TENDER_SCREENSHOTS")
	if out == "" {
		t.Skip("TENDER_SCREENSHOTS is not set")
	}
	ctx := newBrowser(t)
	base := serveLive(t, nil, "en") // the built-in regions
	root := strings.Split(base, "?")[0]
	dir, _ := twenteCopy(t)
	ownRoot := strings.Split(serveLive(t, []string{dir}, "en"), "?")[0]
	shot := func(name string) {
		png := value(t, ctx, chromedp.CaptureScreenshot())
		if err := os.WriteFile(filepath.Join(out, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	open(t, ctx, base)
	run(t, ctx, chromedp.WaitVisible(`table.overview`))
	shot("serve-portfolio.png")
	open(t, ctx, root+"/region/achterhoek/tender/inkoop-2022")
	poll[bool](t, ctx, `!!document.querySelector('#gantt g.row[tabindex]') && (document.querySelector('#gantt g.row[data-id="publicatie"]').dispatchEvent(new Event("mouseenter")), true)`)
	shot("serve-tender.png")
	open(t, ctx, ownRoot+"/region/twente/tender/almelo-2019?lang=nl&move=publicatie&date=2018-06-12#whatif")
	run(t, ctx, chromedp.WaitVisible(`#whatif-result pre.answer`), chromedp.ScrollIntoView(`#whatif`))
	shot("serve-whatif-nl.png")
}
