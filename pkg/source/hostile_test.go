package source

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// base is a small valid region file; the hostile cases change one thing.
const base = `version: 1
region:
  id: test
  name: Test
  municipalities: [A]
tenders:
  t:
    name: T
    procedure: open
    milestones:
      pub:
        name: Pub
        kind: publication
        on: 2027-03-01
      close:
        name: Close
        kind: submission
        after: pub + 45d
`

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestHostileInput loads files no one should write and checks that each
// is refused, quickly, with one first line naming the file (and the line
// and column where there is one).
func TestHostileInput(t *testing.T) {
	for _, c := range []struct {
		name string
		make func(t *testing.T, dir string) string // returns the argument
		want string                                // the first line of the error, after "DIR/"
	}{
		{"empty", func(t *testing.T, d string) string { return writeFile(t, d, "r.yaml", "") },
			`r.yaml:1:1: the file is empty: a region file starts with "version: 1", then region: and tenders: (tender init writes a starter file)`},
		{"binary", func(t *testing.T, d string) string {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = byte(i*7 + i/13) // 0x00 first: not text
			}
			return writeFile(t, d, "r.yaml", string(b))
		}, `r.yaml:1:1: invalid YAML: control characters are not allowed`},
		{"invalid UTF-8", func(t *testing.T, d string) string {
			// line 4, after "  name: Te" (10 characters): column 11
			return writeFile(t, d, "r.yaml", strings.Replace(base, "name: Test", "name: Te\xff\xfest", 1))
		}, `r.yaml:4:11: invalid YAML: invalid leading UTF-8 octet (the file is not UTF-8, probably ANSI/Latin-1 from an older Windows editor: save it as UTF-8, in Notepad with File > Save as, Encoding: UTF-8)`},
		{"alias bomb", func(t *testing.T, d string) string {
			// Each level merges the one below ten times: 10^14 pairs.
			var b strings.Builder
			b.WriteString("version: 1\nanchors:\n  x0: &a0 {name: Pub, kind: publication}\n")
			for i := 1; i < 15; i++ {
				fmt.Fprintf(&b, "  x%d: &a%d {<<: [%s]}\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
			}
			b.WriteString(strings.Replace(strings.TrimPrefix(base, "version: 1\n"), "        name: Pub\n        kind: publication\n", "        <<: *a14\n", 1))
			return writeFile(t, d, "r.yaml", b.String())
		}, `r.yaml:2:1: unknown key 'anchors' in the file: the keys are version, region, calendar, bodies, policy, contracts, tenders`},
		{"alias bomb message", func(t *testing.T, d string) string {
			var b strings.Builder
			b.WriteString("version: 1\nregion: {id: t, name: T, municipalities: [A]}\ntenders:\n  t:\n    name: T\n    procedure: open\n    milestones:\n      m: &a0 {name: Pub, kind: publication, on: 2027-03-01}\n")
			for i := 1; i < 15; i++ {
				// line 8+i, the value starts at column 10
				fmt.Fprintf(&b, "      m%d: &a%d {<<: [%s]}\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
			}
			return writeFile(t, d, "r.yaml", b.String())
		}, ""}, // checked below: the walk stops at the budget
		{"deep nesting", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", "version: 1\nregion: "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n")
		}, `r.yaml:2:108: nesting deeper than 100 levels: a region file needs far fewer; check the indentation`},
		{"multi-megabyte line", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "pub + 45d", "pub + "+strings.Repeat("9", 3<<20)+"d", 1))
		}, `r.yaml:18:16: after of milestone 'close': expression "pub + 9999999999999999999999999999999999999999…(3145671 bytes left out)…99999999999999999d": duration "999999999999999999999999999999999999999…(3145671 bytes left out)…999999999999999999d" is too large (at most 1000000)`},
		{"file of hundreds of megabytes", func(t *testing.T, d string) string {
			// Sparse: no disk space used; refused by its size, unread.
			p := filepath.Join(d, "r.yaml")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if err := f.Truncate(300 << 20); err != nil {
				t.Fatal(err)
			}
			return p
		}, `r.yaml: file is larger than 16 MiB, the limit for a region file; a region file is a few kilobytes (is this the right file?)`},
		{"huge duration", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "pub + 45d", "pub + 9999999d", 1))
		}, `r.yaml:18:16: after of milestone 'close': expression "pub + 9999999d": duration "9999999d" is too large (at most 1000000)`},
		{"year 1", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "2027-03-01", "0001-01-01", 1))
		}, `r.yaml:14:13: on of milestone 'pub': year 1 of "0001-01-01" is outside 1900–2199`},
		{"year 2200", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "2027-03-01", "2200-01-01", 1))
		}, `r.yaml:14:13: on of milestone 'pub': year 2200 of "2200-01-01" is outside 1900–2199`},
		{"very long id", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "  t:\n", "  "+strings.Repeat("t", 101)+":\n", 1))
		}, `r.yaml:7:3: tender id is 101 bytes long, more than the limit of 100: use a short id (the name: key holds the full name)`},
		{"very long region id", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "id: test", "id: "+strings.Repeat("x", 3<<20), 1))
		}, `r.yaml:3:7: region id is 3145728 bytes long, more than the limit of 100: use a short id (the name: key holds the full name)`},
		{"id -x", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "close:", "-x:", 1))
		}, `r.yaml:15:7: invalid milestone id "-x": ids are lower-case letters, digits and '-', starting with a letter or digit (e.g. x)`},
		{"id ~", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "close:", "~:", 1))
		}, `r.yaml:15:7: invalid milestone id "~": ids are lower-case letters, digits and '-', starting with a letter or digit`},
		{"id .inf", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "close:", ".inf:", 1))
		}, `r.yaml:15:7: invalid milestone id ".inf": ids are lower-case letters, digits and '-', starting with a letter or digit (e.g. inf)`},
		{"id unicode", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "close:", "pübliek:", 1))
		}, `r.yaml:15:7: invalid milestone id "pübliek": ids are lower-case letters, digits and '-', starting with a letter or digit (e.g. p-bliek)`},
		{"region id null", func(t *testing.T, d string) string {
			return writeFile(t, d, "r.yaml", strings.Replace(base, "id: test", "id: null", 1))
		}, ""}, // checked below
		{"directory with thousands of files", func(t *testing.T, d string) string {
			sub := filepath.Join(d, "many")
			os.Mkdir(sub, 0o755)
			for i := range 5000 {
				writeFile(t, sub, fmt.Sprintf("f%04d.yaml", i), "a: 1\n")
			}
			return sub
		}, `many: no region files in this directory (a region file is a *.yaml or *.yml file with a top-level region: key)`},
		{"directory with too many files", func(t *testing.T, d string) string {
			sub := filepath.Join(d, "many")
			os.Mkdir(sub, 0o755)
			for i := range MaxDirFiles + 1 {
				f, err := os.Create(filepath.Join(sub, fmt.Sprintf("f%05d.yml", i)))
				if err != nil {
					t.Fatal(err)
				}
				f.Close()
			}
			return sub
		}, `many: more than 10000 *.yaml/*.yml files in this directory (the limit); point tender at the directory that holds the region files`},
		{"symlink loop", func(t *testing.T, d string) string {
			os.Symlink("b.yaml", filepath.Join(d, "a.yaml"))
			os.Symlink("a.yaml", filepath.Join(d, "b.yaml"))
			return filepath.Join(d, "a.yaml")
		}, `a.yaml: too many levels of symbolic links`},
		{"directory symlink loop", func(t *testing.T, d string) string {
			sub := filepath.Join(d, "regions")
			os.Mkdir(sub, 0o755)
			os.Symlink("../regions", filepath.Join(sub, "loop"))
			os.Symlink("loop", filepath.Join(sub, "x.yaml")) // a link to a directory, named like a file
			writeFile(t, sub, "r.yaml", base)
			return sub
		}, ""}, // loads r.yaml: links in a directory are not followed
		{"directory as file", func(t *testing.T, d string) string {
			os.Mkdir(filepath.Join(d, "r.yaml"), 0o755)
			return filepath.Join(d, "r.yaml")
		}, `r.yaml: no region files in this directory (a region file is a *.yaml or *.yml file with a top-level region: key)`},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			arg := c.make(t, dir)
			var m0 runtime.MemStats
			runtime.ReadMemStats(&m0)
			start := time.Now()
			rs, err := (&Finder{}).Find([]string{arg})
			// A guard against hangs and runaway work, not a timing: on an
			// idle machine each case takes milliseconds, and speed goals
			// live in the benchmarks.
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %v", d)
			}
			var m1 runtime.MemStats
			runtime.ReadMemStats(&m1)
			if alloc := m1.TotalAlloc - m0.TotalAlloc; alloc > 256<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			switch c.name {
			case "directory symlink loop":
				if err != nil || len(rs) != 1 {
					t.Fatalf("got %d regions, %v", len(rs), err)
				}
				return
			case "alias bomb message":
				if err == nil || !strings.Contains(err.Error(), "the file expands to too many values through aliases (*name): more than 1000000 beyond what it holds; write the repeated parts out") {
					t.Fatalf("got %v", err)
				}
				return
			case "region id null":
				if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, "r.yaml")+":3:") {
					t.Fatalf("got %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			first, _, _ := strings.Cut(err.Error(), "\n")
			if want := filepath.Join(dir, c.want); first != want {
				t.Errorf("first line\n got %s\nwant %s", first, want)
			}
		})
	}
}

// TestUnreadable: a file that cannot be read says why, in words. The
// errors of the system are given to fileError, which Find's read passes
// them through (tests often run as root, whom permission bits do not
// stop); a real unreadable file is tried too where they do.
func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "r.yaml", base)
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: p, Err: syscall.EACCES}, p + ": permission denied (check the file's permissions)"},
		{&fs.PathError{Op: "open", Path: p, Err: syscall.EIO}, p + ": input/output error"},
	} {
		if err := fileError(p, c.err); err.Error() != c.want {
			t.Errorf("got %v, want %s", err, c.want)
		}
	}
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := os.ReadFile(p); err == nil {
		return // root, or a system without permission bits
	}
	if _, err := (&Finder{}).Find([]string{p}); err == nil || err.Error() != p+": permission denied (check the file's permissions)" {
		t.Errorf("got %v", err)
	}
}

type failingReader struct{ err error }

func (r failingReader) Read([]byte) (int, error) { return 0, r.err }

// TestStdin: "-" with a terminal, a closed or failing, and an empty
// standard input.
func TestStdin(t *testing.T) {
	for _, c := range []struct {
		name string
		f    Finder
		want string
	}{
		{"terminal", Finder{Stdin: strings.NewReader(""), StdinIsTerminal: true},
			"-: standard input is a terminal; pipe or redirect a region file into it (tender plan - < region.yaml)"},
		{"closed", Finder{Stdin: failingReader{&fs.PathError{Op: "read", Path: "/dev/stdin", Err: os.ErrClosed}}},
			"-: cannot read standard input: file already closed"},
		{"bad descriptor", Finder{Stdin: failingReader{&fs.PathError{Op: "read", Path: "/dev/stdin", Err: syscall.EBADF}}},
			"-: cannot read standard input: bad file descriptor"},
		{"empty", Finder{Stdin: strings.NewReader("")},
			`-:1:1: the file is empty: a region file starts with "version: 1", then region: and tenders: (tender init writes a starter file)`},
		{"none", Finder{}, "-: standard input is not available"},
		{"endless", Finder{Stdin: zeros{}},
			"-: file is larger than 16 MiB, the limit for a region file; a region file is a few kilobytes (is this the right file?)"},
	} {
		_, err := c.f.Find([]string{"-"})
		if err == nil || err.Error() != c.want {
			t.Errorf("%s: got %v, want %s", c.name, err, c.want)
		}
	}
}

// zeros is an endless standard input (tender plan - < /dev/zero).
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}
