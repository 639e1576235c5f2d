//go:build unix

package source

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFIFO: a named pipe with no writer would block open(2) for ever; it is
// refused by its type before it is opened.
func TestFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "r.yaml")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := LoadFile(p); done <- err }()
	select {
	case err := <-done:
		want := p + ": not a regular file (a named pipe); tender reads region files, not pipes or devices (use - and redirect standard input instead)"
		if err == nil || err.Error() != want {
			t.Errorf("got %v, want %s", err, want)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("LoadFile blocked on a FIFO")
	}
}
