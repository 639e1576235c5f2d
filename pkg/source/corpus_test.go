package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadCorpus loads every testdata/bad/NAME.yaml, each a small realistic
// mistake, and checks the first line of the error against NAME.want, so
// that messages and positions change only on purpose. The positions were
// worked out by hand: e.g. "        on: " is 12 characters, so a bad date
// there is column 13.
func TestBadCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "bad")
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 40 {
		t.Fatalf("only %d files in %s", len(files), dir)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, name+".want"))
			if err != nil {
				t.Fatalf("no .want file beside %s", f)
			}
			_, err = LoadFile(f)
			if err == nil {
				t.Fatal("loaded without error")
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if got, want := strings.TrimPrefix(first, dir+string(filepath.Separator)), strings.TrimSpace(string(want)); got != want {
				t.Errorf("first error line\n got %s\nwant %s", got, want)
			}
		})
	}
}
