package region

import (
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/tender-nl/tender/examples"
)

// regionSeeds returns the built-in regions and every region file of the
// usage scripts (testdata/script/*.txtar), good and bad alike: the fuzz
// targets start from real files.
func regionSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	var out [][]byte
	names, err := fs.Glob(examples.FS, "*.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	for _, n := range names {
		b, err := examples.FS.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	scripts, err := filepath.Glob("../../testdata/script/*.txtar")
	if err != nil {
		tb.Fatal(err)
	}
	for _, name := range scripts {
		a, err := txtar.ParseFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		for _, f := range a.Files {
			if strings.HasSuffix(f.Name, ".yaml") || strings.HasSuffix(f.Name, ".yml") {
				out = append(out, f.Data)
			}
		}
	}
	if len(out) < 10 {
		tb.Fatalf("found only %d seed files", len(out))
	}
	return out
}
