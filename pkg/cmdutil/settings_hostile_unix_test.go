//go:build unix

// FIFOs and /dev/zero are Unix files.

package cmdutil

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

// TestHostileConfigFile: a config file that is a FIFO, a device, a
// directory or hundreds of megabytes is refused at once, unread.
func TestHostileConfigFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	huge := filepath.Join(dir, "huge.yaml")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(300 << 20) // sparse
	f.Close()
	for _, c := range []struct{ path, want string }{
		{fifo, "config file " + fifo + ": not a regular file (a pipe, socket or device); a config file is a small YAML file"},
		{"/dev/zero", "config file /dev/zero: not a regular file (a pipe, socket or device); a config file is a small YAML file"},
		{dir, "config file " + dir + ": is a directory; a config file is a small YAML file"},
		{huge, "config file " + huge + ": larger than 1 MiB, the limit for a config file"},
	} {
		flags := pflag.NewFlagSet("t", pflag.ContinueOnError)
		flags.String("config", "", "")
		if err := flags.Set("config", c.path); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() {
			_, err := LoadSettings(flags, func(string) (string, bool) { return "", false }, time.Now)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || err.Error() != c.want {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: LoadSettings blocked", c.path)
		}
	}
}
