// Package server is `tender serve`'s HTTP side: the security layer every
// request passes, the embedded assets, the live reload of the region files
// (fsnotify, pushed to the pages as Server-Sent Events), the pages and the
// JSON API. It computes nothing itself: what it shows comes from the same
// use-cases and printers as the commands.
//
// The server only ever serves the regions it was started with: a request
// names a region and a tender by id, never a path, and every id is looked
// up among the regions loaded from the start arguments.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/source"
)

// Options configure a Server.
type Options struct {
	// Args are the region arguments the server was started with: files,
	// directories, ids looked up in the paths directories, or none for
	// the paths directories or else the built-in regions.
	Args []string
	// Finder returns a fresh finder for each (re)load.
	Finder func() *source.Finder
	// Token is the run's secret for requests that write (NewToken).
	Token string
	// ReadOnly refuses every write to a region file.
	ReadOnly bool
	// Lang is the pages' default language: "en" or "nl".
	Lang string
	// Today is the reference date of plans and rules.
	Today date.Date
	// Debounce is how long the watcher waits for an editor's burst of
	// events to end before it reloads (default 25ms).
	Debounce time.Duration
	// App configures the use-cases (the config file's policy); its Today
	// is the server's. The use-cases have no language: the pages and
	// answers pick theirs per request, for the printers only.
	App app.Config
	// Log receives one line per notable event (a reload, a write, an
	// internal error); nil discards them.
	Log io.Writer
}

// Server serves one set of regions.
type Server struct {
	opts       Options
	mux        *http.ServeMux
	hub        *hub
	listenHost string   // the host of the listen address, lower case
	port       string   // the port of the listen address, "" before Listen
	app        *app.App // the use-cases, for every language

	mu sync.RWMutex
	st *state
}

// state is one load of the start arguments.
type state struct {
	version int64
	regions []*region.Region
	err     error // the load error: a region.ErrorList, or another error
}

// New loads the regions and returns a server for them. A load error is not
// fatal: the pages show it until the files are fixed. Only arguments that
// name nothing loadable at all (an unknown id) fail.
func New(opts Options) (*Server, error) {
	if opts.Lang == "" {
		opts.Lang = "en"
	}
	if opts.Debounce == 0 {
		opts.Debounce = 25 * time.Millisecond
	}
	s := &Server{opts: opts, hub: newHub()}
	s.newApp()
	st := s.load(0)
	var unknown *source.UnknownIDError
	if errors.As(st.err, &unknown) {
		return nil, st.err
	}
	s.st = st
	s.routes()
	return s, nil
}

// load runs the finder on the start arguments.
func (s *Server) load(version int64) *state {
	regions, err := s.opts.Finder().Find(s.opts.Args)
	return &state{version: version, regions: regions, err: err}
}

// current returns the latest load.
func (s *Server) current() *state {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.st
}

// reload loads the regions again and tells the open pages.
func (s *Server) reload() {
	s.mu.Lock()
	st := s.load(s.st.version + 1)
	s.st = st
	s.mu.Unlock()
	if st.err != nil {
		s.logf("reloaded: %v", firstLine(st.err.Error()))
	} else {
		s.logf("reloaded %d region(s)", len(st.regions))
	}
	s.hub.publish(event{name: "reload", data: fmt.Sprintf(`{"version":%d,"ok":%t}`, st.version, st.err == nil)})
}

func (s *Server) logf(format string, args ...any) {
	if s.opts.Log != nil {
		fmt.Fprintf(s.opts.Log, "tender serve: "+format+"\n", args...)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// Handler returns the server's handler, with its security layer.
func (s *Server) Handler() http.Handler { return s.secure(s.mux) }

// SetAddr tells the server the address it listens on, for the Host check
// and the URLs it prints. Serve calls it; tests with httptest call it with
// the test server's address.
func (s *Server) SetAddr(addr string) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	s.listenHost = strings.ToLower(host)
	s.port = port
}

// baseURL is the server's address as a URL without the token.
func (s *Server) baseURL() string {
	host := s.listenHost
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, s.port) + "/"
}

// URL is the address to open: the base URL with the run's token.
func (s *Server) URL() string { return s.baseURL() + "?token=" + s.opts.Token }

// Serve answers on ln until ctx is cancelled, then shuts down: it stops
// accepting, closes the live-reload streams and waits (up to five seconds)
// for the requests under way. It watches the region files meanwhile.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.SetAddr(ln.Addr().String())
	w, err := s.watch()
	if err != nil {
		return err
	}
	defer w.Close()
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second, // lifted for the event stream
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    MaxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return ctx },
		ErrorLog:          nil,
	}
	srv.RegisterOnShutdown(s.hub.close)
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// errorBody is every error answer of the API.
type errorBody struct {
	Error string `json:"error"`
	// Known lists the ids that exist, with a 404 for an unknown one.
	Known []string `json:"known,omitempty"`
	// Errors are the positioned errors of a file that does not load.
	Errors []positioned `json:"errors,omitempty"`
	// Reschedule is what /api/reschedule would answer, with a write that
	// was refused for what the move does (the conflict chain is in it).
	Reschedule json.RawMessage `json:"reschedule,omitempty"`
}

// positioned is one error of a region file, at its line and column.
type positioned struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
}

// positions lists the positioned errors of err (a region.ErrorList), or
// one error without a position.
func positions(err error) []positioned {
	var el region.ErrorList
	if !errors.As(err, &el) {
		return []positioned{{Message: err.Error()}}
	}
	out := make([]positioned, 0, len(el))
	for _, e := range el {
		out = append(out, positioned{File: e.File, Line: e.Pos.Line, Column: e.Pos.Column, Message: e.Msg})
	}
	return out
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, errorBody{Error: msg})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}
