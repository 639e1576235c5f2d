package cmdutil

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/iostreams"
)

var outPrinters = Printers[string]{
	{Format: "table", ForPeople: true, Print: func(w io.Writer, r string, _ PrintOptions) error { _, err := io.WriteString(w, r); return err }},
	{Format: "xlsx", Print: func(w io.Writer, r string, _ PrintOptions) error { _, err := io.WriteString(w, "PK"+r); return err }},
}

// A binary format is refused on a terminal, with the hint; to a pipe it
// is written; --out writes it to the file whatever stdout is, and
// replaces a file that is there.
func TestPrintOut(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	ios.SetStdoutTTY(true)
	err := PrintOut(ios, outPrinters, "xlsx", "", "x", PrintOptions{})
	if err == nil || !strings.Contains(err.Error(), "redirect it (> plan.xlsx) or give --out FILE") || out.Len() != 0 {
		t.Fatalf("xlsx on a terminal: err %v, wrote %q", err, out.String())
	}
	if err := PrintOut(ios, outPrinters, "table", "", "t", PrintOptions{}); err != nil || out.String() != "t" {
		t.Fatalf("table on a terminal: err %v, wrote %q", err, out.String())
	}
	ios.SetStdoutTTY(false)
	out.Reset()
	if err := PrintOut(ios, outPrinters, "xlsx", "", "x", PrintOptions{}); err != nil || out.String() != "PKx" {
		t.Fatalf("xlsx to a pipe: err %v, wrote %q", err, out.String())
	}
	ios.SetStdoutTTY(true)
	out.Reset()
	file := filepath.Join(t.TempDir(), "plan.xlsx")
	for _, body := range []string{"first", "second"} {
		if err := PrintOut(ios, outPrinters, "xlsx", file, body, PrintOptions{Quiet: true}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(file)
		if err != nil || string(b) != "PK"+body {
			t.Fatalf("--out: %q (%v), want PK%s", b, err, body)
		}
	}
	if out.Len() != 0 {
		t.Errorf("--out also wrote to stdout: %q", out.String())
	}
	entries, _ := os.ReadDir(filepath.Dir(file))
	if len(entries) != 1 {
		t.Errorf("--out left %d files (a temporary one?)", len(entries))
	}
}
