package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"strings"
)

// Limits of one request. A region file is a few kilobytes and a what-if
// body a few hundred bytes, so a megabyte is generous and still stops a
// client that sends a disk image.
const (
	MaxBodyBytes   = 1 << 20
	MaxHeaderBytes = 16 << 10
)

// TokenHeader is the header that carries the per-run token of a write.
const TokenHeader = "X-Tender-Token"

// NewToken returns a fresh random token: 32 bytes from the system's
// cryptographic source, hex.
func NewToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("no random token: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// IsLoopback reports whether the host of a listen address (host:port) is
// a loopback address or the name localhost.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// contentSecurityPolicy lets the page load its own scripts, styles and
// images and nothing else: no inline script, no other site, no frames,
// no plugins, and it may not be framed itself.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// secure wraps h with the checks every request passes: the Host header,
// the method, the security headers, the body limit, and for a request that
// may write (every POST) the Origin and the token.
func (s *Server) secure(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Cache-Control", "no-store")
		if !s.allowedHost(r.Host) {
			// A DNS-rebinding page reaches this server under its own
			// name; the browser sends that name as the Host.
			writeError(w, http.StatusMisdirectedRequest, fmt.Sprintf("host %q is not this server's: use %s", r.Host, s.baseURL()))
			return
		}
		switch r.Method {
		case http.MethodGet, http.MethodHead:
		case http.MethodPost:
			if msg := s.checkWrite(r); msg != "" {
				writeError(w, http.StatusForbidden, msg)
				return
			}
			if r.ContentLength > MaxBodyBytes {
				writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the body is larger than %d bytes", MaxBodyBytes))
				return
			}
			r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		default:
			hd.Set("Allow", "GET, HEAD, POST")
			writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s is not allowed", r.Method))
			return
		}
		defer func() {
			// A bug answers as an error and leaves the server running.
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logf("internal error on %s %s: %v", r.Method, r.URL.Path, v)
				writeError(w, http.StatusInternalServerError, "internal error (please report this with the request and file that caused it)")
			}
		}()
		h.ServeHTTP(w, r)
	})
}

// checkWrite returns why a POST is refused, or "": it must come from this
// server's own pages (Origin, when the client sends one) and carry the
// run's token.
func (s *Server) checkWrite(r *http.Request) string {
	// A link from another site to a page is fine (reading changes
	// nothing); a POST from another site is not.
	if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
		return "a request from another site is refused"
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return fmt.Sprintf("origin %q is not this server's: a write comes from this server's own page", o)
	}
	got := r.Header.Get(TokenHeader)
	if got == "" {
		return "missing " + TokenHeader + " header: open the address tender serve printed (it carries ?token=…)"
	}
	if subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) != 1 {
		return "wrong " + TokenHeader + ": the server was restarted? open the address it printed last"
	}
	if s.opts.ReadOnly && r.URL.Path == "/api/write" {
		return "this server is read-only (--read-only): nothing is written"
	}
	return ""
}

// allowedHost accepts the names a browser uses for this server: an IP
// address (a DNS-rebinding attack needs a name), localhost, and the host
// the server was told to listen on. The port must be the server's.
func (s *Server) allowedHost(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		return false
	}
	if s.port != "" && port != s.port {
		return false
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || net.ParseIP(host) != nil {
		return true
	}
	return host != "" && host == s.listenHost
}
