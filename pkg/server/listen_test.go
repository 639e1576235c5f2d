package server

import (
	"net"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/source"
)

// TestListen: the server listens where it was asked, with a fresh token in
// its URL; a port another program holds is said in words a user can act
// on.
func TestListen(t *testing.T) {
	opts := Options{Finder: func() *source.Finder { return &source.Finder{} }, Token: "ignored"}
	srv, ln, err := Listen("127.0.0.1:0", opts)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	url := srv.URL()
	if !strings.HasPrefix(url, "http://127.0.0.1:"+port+"/?token=") || strings.HasSuffix(url, "ignored") || len(url) < 64 {
		t.Errorf("URL %q", url)
	}
	_, _, err = Listen(ln.Addr().String(), opts)
	want := "cannot listen on " + ln.Addr().String() + ": "
	if err == nil || !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(), "(is another tender serve running? choose another port with --addr)") {
		t.Errorf("a taken port: %v", err)
	}
}
