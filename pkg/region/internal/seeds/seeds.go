// Package seeds gives the fuzz targets of package region and its
// subpackages their starting files. It is for tests only.
package seeds

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/tender-nl/tender/examples"
)

// Regions returns the built-in regions and every region file of the
// usage scripts (testdata/script/*.txtar), good and bad alike: the fuzz
// targets start from real files. It is called from a package directory of
// the module, whose root it finds by its go.mod.
func Regions(tb testing.TB) [][]byte {
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
	scripts, err := filepath.Glob(filepath.Join(moduleRoot(tb), "testdata", "script", "*.txtar"))
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

// moduleRoot is the directory of go.mod, from the working directory up.
func moduleRoot(tb testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}
