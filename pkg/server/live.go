package server

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tender-nl/tender/pkg/region"
)

// event is one Server-Sent Event.
type event struct {
	name, data string
}

// hub fans events out to the open event streams.
type hub struct {
	mu     sync.Mutex
	subs   map[chan event]struct{}
	closed bool
}

func newHub() *hub { return &hub{subs: map[chan event]struct{}{}} }

// subscribe returns a channel of the events from now on; it is closed when
// the server shuts down. cancel ends the subscription.
func (h *hub) subscribe() (ch chan event, cancel func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	ch = make(chan event, 8)
	if h.closed {
		close(ch)
		return ch, func() {}
	}
	h.subs[ch] = struct{}{}
	return ch, func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if _, ok := h.subs[ch]; ok {
			delete(h.subs, ch)
			close(ch)
		}
	}
}

// publish sends e to every stream. A stream too slow to take it misses
// it: the next reload event brings it up to date anyway.
func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for ch := range h.subs {
		select {
		case ch <- e:
		default:
		}
	}
}

// close ends every stream, so that a shutdown does not wait for them.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for ch := range h.subs {
		delete(h.subs, ch)
		close(ch)
	}
}

// subscribers is the number of open streams (for tests).
func (h *hub) subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.subs)
}

// handleEvents is GET /events: a stream that says "reload" with the new
// version whenever the region files changed, and a comment every 20
// seconds so that proxies and the browser keep it open.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Time{}) // the stream outlives the server's WriteTimeout
	ch, cancel := s.hub.subscribe()
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 1000\nevent: hello\ndata: {\"version\":%d}\n\n", s.current().version)
	if rc.Flush() != nil {
		return
	}
	tick := time.NewTicker(20 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// watcher watches the directories of the region files and reloads the
// regions when a region file in them changes.
type watcher struct {
	fw   *fsnotify.Watcher
	s    *Server
	mu   sync.Mutex
	dirs map[string]bool
	done chan struct{}
}

// watch starts watching. Editors save by writing a new file and renaming it
// over the old one, which a watch on the file itself would lose: the
// directories are watched, and an event counts when its file is a region
// file (*.yaml, *.yml) or one of the loaded files.
func (s *Server) watch() (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("cannot watch the region files: %w", err)
	}
	w := &watcher{fw: fw, s: s, dirs: map[string]bool{}, done: make(chan struct{})}
	w.sync(s.current())
	go w.loop()
	return w, nil
}

// Close stops watching.
func (w *watcher) Close() error {
	err := w.fw.Close()
	<-w.done
	return err
}

// sync watches the directories st needs: those of its regions' files,
// those of the files that failed, the directories among the arguments and
// the paths directories. A directory added later (a file moved in) is
// picked up at the next reload.
func (w *watcher) sync(st *state) {
	want := w.wanted(st)
	w.mu.Lock()
	defer w.mu.Unlock()
	for d := range want {
		if !w.dirs[d] {
			if err := w.fw.Add(d); err == nil {
				w.dirs[d] = true
			}
		}
	}
}

// wanted are the directories sync watches for st, as absolute paths where
// they can be made so.
func (w *watcher) wanted(st *state) map[string]bool {
	want := map[string]bool{}
	add := func(dir string) {
		if dir == "" {
			return
		}
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		want[dir] = true
	}
	for _, r := range st.regions {
		if !r.BuiltIn && r.Source != "" && r.Source != "-" {
			add(filepath.Dir(r.Source))
		}
	}
	for _, f := range failedFiles(st.err) {
		add(filepath.Dir(f))
	}
	for _, a := range w.s.opts.Args {
		if fi, err := os.Stat(a); err == nil {
			if fi.IsDir() {
				add(a)
			} else {
				add(filepath.Dir(a))
			}
		}
	}
	for _, p := range w.s.opts.Finder().Paths {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			add(p)
		}
	}
	return want
}

// failedFiles are the files on disk named by the load errors of err.
func failedFiles(err error) []string {
	var el region.ErrorList
	if !errors.As(err, &el) {
		return nil
	}
	var files []string
	for _, e := range el {
		if e.File != "" && e.File != "-" && !strings.HasPrefix(e.File, "built-in/") {
			files = append(files, e.File)
		}
	}
	return files
}

func (w *watcher) loop() {
	defer close(w.done)
	var timer *time.Timer
	fire := make(chan struct{}, 1)
	for {
		select {
		case ev, ok := <-w.fw.Events:
			if !ok {
				if timer != nil {
					timer.Stop()
				}
				return
			}
			if !relevant(ev.Name) {
				continue
			}
			if timer == nil {
				timer = time.AfterFunc(w.s.opts.Debounce, func() {
					select {
					case fire <- struct{}{}:
					default:
					}
				})
			} else {
				timer.Reset(w.s.opts.Debounce)
			}
		case <-fire:
			w.s.reload()
			w.sync(w.s.current())
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.s.logf("watching: %v", err)
		}
	}
}

// relevant reports whether an event on name may change a region: a YAML
// file, not an editor's or tender's own temporary file.
func relevant(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	return ext == ".yaml" || ext == ".yml"
}
