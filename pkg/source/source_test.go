package source

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/tender-nl/tender/pkg/region"
)

const good = `version: 1
region:
  id: %s
  name: N
  municipalities: [Borne]
tenders:
  t:
    name: T
    procedure: national
    milestones:
      p: {kind: publication, on: 2026-03-02}
`

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ids(rs []*region.Region) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.ID)
	}
	return strings.Join(s, ",")
}

func TestFindNoArgs(t *testing.T) {
	// No paths directory: the built-in regions, in their fixed order.
	f := &Finder{Paths: []string{filepath.Join(t.TempDir(), "none")}}
	rs, err := f.Find(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(rs); got != "twente,achterhoek,drenthe" {
		t.Errorf("built-ins = %s", got)
	}
	for _, r := range rs {
		if !r.BuiltIn || r.Source != "built-in/"+r.ID+".yaml" {
			t.Errorf("%s: BuiltIn %v, Source %q", r.ID, r.BuiltIn, r.Source)
		}
	}

	// A paths directory with region files replaces them, in name order;
	// YAML files without a region: key are skipped.
	dir := t.TempDir()
	write(t, dir, "b.yaml", strings.Replace(good, "%s", "bee", 1))
	write(t, dir, "a.yml", strings.Replace(good, "%s", "ay", 1))
	write(t, dir, "other.yaml", "title: not a region\n")
	write(t, dir, "readme.txt", "x")
	f = &Finder{Paths: []string{dir}}
	rs, err = f.Find(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(rs); got != "ay,bee" {
		t.Errorf("paths dir = %s", got)
	}
}

func TestFindByID(t *testing.T) {
	dir := t.TempDir()
	// The file name need not match the id.
	write(t, dir, "x.yaml", strings.Replace(good, "%s", "mine", 1))
	f := &Finder{Paths: []string{dir}}
	rs, err := f.Find([]string{"mine", "drenthe"})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(rs); got != "mine,drenthe" {
		t.Errorf("ids = %s", got)
	}
	_, err = f.Find([]string{"nowhere"})
	var u *UnknownIDError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), "mine, twente, achterhoek, drenthe") {
		t.Errorf("unknown id: %v", err)
	}
}

func TestFindErrors(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "bad.yaml", "version: 1\nregion: {id: Bad}\n")
	f := &Finder{}
	_, err := f.Find([]string{bad})
	var el region.ErrorList
	if !errors.As(err, &el) || !strings.Contains(el.Error(), bad+`:2:14: invalid region id "Bad"`) {
		t.Errorf("bad file: %v", err)
	}
	_, err = f.Find([]string{filepath.Join(dir, "missing.yaml")})
	if err == nil || !strings.HasSuffix(err.Error(), "missing.yaml: no such file") {
		t.Errorf("missing file: %v", err)
	}
	big := write(t, dir, "big.yaml", strings.Repeat("#", MaxFileSize+1))
	_, err = f.Find([]string{big})
	if err == nil || !strings.Contains(err.Error(), "larger than 16 MiB") {
		t.Errorf("big file: %v", err)
	}
	_, err = f.Find([]string{"-"})
	if err == nil || !strings.Contains(err.Error(), "standard input is not available") {
		t.Errorf("no stdin: %v", err)
	}
	f.Stdin = strings.NewReader(strings.Replace(good, "%s", "piped", 1))
	rs, err := f.Find([]string{"-"})
	if err != nil || ids(rs) != "piped" || rs[0].Source != "-" {
		t.Errorf("stdin: %v %v", rs, err)
	}
}

// TestReadAll: the size from stat is only where reading starts. A file
// that grew or shrank since the stat is read as it is now, and one that
// grew past the limit is refused.
func TestReadAll(t *testing.T) {
	content := strings.Repeat("region: x\n", 1000) // 10,000 bytes
	for _, hint := range []int64{0, 1, 9_999, 10_000, 10_001, 1 << 20, -1} {
		got, err := readAll("f.yaml", iotest.OneByteReader(strings.NewReader(content)), hint)
		if err != nil || string(got) != content {
			t.Errorf("size %d: %d bytes, %v; want the 10,000 bytes", hint, len(got), err)
		}
	}
	_, err := readAll("big.yaml", io.LimitReader(zeros{}, MaxFileSize+2), 100)
	if err == nil || !strings.Contains(err.Error(), "big.yaml: file is larger than 16 MiB") {
		t.Errorf("a file that grew past the limit: %v", err)
	}
	_, err = readAll("bad.yaml", iotest.ErrReader(errors.New("input/output error")), 100)
	if err == nil || err.Error() != "bad.yaml: input/output error" {
		t.Errorf("a read error: %v", err)
	}
}

// TestFindByIDBrokenFileShadows: a file in the paths directories that does
// not load may be the region asked for, so its errors are the answer, not
// the built-in region of the same id (which would plan the old version and
// let tender check pass a broken file) nor "unknown id".
func TestFindByIDBrokenFileShadows(t *testing.T) {
	broken := strings.Replace(strings.Replace(good, "%s", "achterhoek", 1), "national", "socal-services", 1)
	for _, name := range []string{"achterhoek.yaml", "mine.yaml"} { // named after the id, or not
		dir := t.TempDir()
		p := write(t, dir, name, broken)
		f := &Finder{Paths: []string{dir}}
		for _, id := range []string{"achterhoek", "nowhere"} {
			rs, err := f.Find([]string{id})
			var el region.ErrorList
			if !errors.As(err, &el) || !strings.HasPrefix(el.Error(), p+":9:16: unknown procedure") {
				t.Errorf("%s, id %s: %v, %v; want the file's error", name, id, ids(rs), err)
			}
		}
	}
}

// TestFindDuplicateIDs: two files of one directory with the same region id
// (a copy not renamed) are an error at the second one's id, for a
// directory argument, the paths directories and a lookup by id; the first
// still loads. Files named one by one may share an id.
func TestFindDuplicateIDs(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.yaml", strings.Replace(good, "%s", "same", 1))
	b := write(t, dir, "b.yaml", strings.Replace(good, "%s", "same", 1))
	want := b + `:3:7: region id "same" is also the id of ` + a + " (line 3): give each region file of a directory its own id"
	for _, c := range []struct {
		name  string
		f     *Finder
		args  []string
		loads string
	}{
		{"directory", &Finder{}, []string{dir}, "same"},
		{"paths", &Finder{Paths: []string{dir}}, nil, "same"},
		{"id", &Finder{Paths: []string{dir}}, []string{"same"}, ""},
	} {
		rs, err := c.f.Find(c.args)
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", c.name, err, want)
		}
		if got := ids(rs); got != c.loads {
			t.Errorf("%s: loaded %q, want %q", c.name, got, c.loads)
		}
	}
	rs, err := (&Finder{}).Find([]string{a, b})
	if err != nil || ids(rs) != "same,same" {
		t.Errorf("two files named one by one: %v, %v", ids(rs), err)
	}
}

// TestFindDirectoryWithBrokenFile: the regions that loaded come back with
// the errors of the one that did not, so that tender check can print their
// findings next to the errors.
func TestFindDirectoryWithBrokenFile(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", strings.Replace(good, "%s", "first", 1))
	bad := write(t, dir, "b.yaml", "version: 1\nregion: {id: Bad}\n")
	write(t, dir, "c.yaml", strings.Replace(good, "%s", "third", 1))
	rs, err := (&Finder{}).Find([]string{dir})
	var el region.ErrorList
	if !errors.As(err, &el) || !strings.Contains(el.Error(), bad+":2:14: invalid region id") {
		t.Errorf("error: %v", err)
	}
	if got := ids(rs); got != "first,third" {
		t.Errorf("loaded %q, want first,third", got)
	}
}

// TestFindSameDirectoryTwice: a directory named twice (as an argument, or
// twice in paths) gives its regions twice, as a file named twice does; its
// files are not copies of each other.
func TestFindSameDirectoryTwice(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", strings.Replace(good, "%s", "one", 1))
	rs, err := (&Finder{}).Find([]string{dir, dir})
	if err != nil || ids(rs) != "one,one" {
		t.Errorf("argument twice: %v, %v", ids(rs), err)
	}
	rs, err = (&Finder{Paths: []string{dir, dir}}).Find(nil)
	if err != nil || ids(rs) != "one,one" {
		t.Errorf("paths twice: %v, %v", ids(rs), err)
	}
}

// TestFindBrokenPathsFileOnce: a broken file of the paths directories that
// every id lookup reports is said once.
func TestFindBrokenPathsFileOnce(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "zz.yaml", "version: 1\nregion: {id: Bad}\n")
	_, err := (&Finder{Paths: []string{dir}}).Find([]string{"twente", "drenthe"})
	var el region.ErrorList
	if !errors.As(err, &el) || strings.Count(el.Error(), `invalid region id "Bad"`) != 1 {
		t.Errorf("%v", err)
	}
}

// TestFindByIDReadsPathsOnce: one Finder reads a paths directory once for
// all the ids it looks up (tender check finds its arguments one by one):
// a file removed after the first lookup is still found by the second.
func TestFindByIDReadsPathsOnce(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "x.yaml", strings.Replace(good, "%s", "first", 1))
	write(t, dir, "y.yaml", strings.Replace(good, "%s", "second", 1))
	f := &Finder{Paths: []string{dir}}
	if rs, err := f.Find([]string{"first"}); err != nil || ids(rs) != "first" {
		t.Fatalf("first: %v, %v", ids(rs), err)
	}
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	if rs, err := f.Find([]string{"second", "first"}); err != nil || ids(rs) != "second,first" {
		t.Errorf("second, first: %v, %v", ids(rs), err)
	}
}
