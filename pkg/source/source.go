package source

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/parallel"
	"github.com/tender-nl/tender/pkg/region"
)

// Limits on what is read, so that a mistaken argument (a log file, a disk
// image, a home directory) fails fast instead of eating memory or time.
const (
	// MaxFileSize bounds a region file. Real files are a few kilobytes. The
	// size is checked before reading where the system reports it.
	MaxFileSize = 16 << 20
	// MaxDirFiles bounds the *.yaml and *.yml files read from one
	// directory. Listing stops once it is passed.
	MaxDirFiles = 10_000
)

// Finder resolves region arguments.
type Finder struct {
	Paths []string  // directories searched for ids, in order
	Stdin io.Reader // for "-"
	// StdinIsTerminal refuses "-" when standard input is a terminal:
	// tender would wait for typed YAML, which looks like a hang.
	StdinIsTerminal bool

	// pathsDirs keeps each paths directory as loaded by a lookup by id, so
	// that the ids of one command line (tender plan twente drenthe, or
	// tender check's argument-by-argument Finds) read it once.
	pathsDirs map[string]loadedDir
}

type loadedDir struct {
	regions []*region.Region
	err     error
}

// UnknownIDError is an argument that is neither a file nor a known id.
type UnknownIDError struct {
	ID    string
	Known []string
}

func (e *UnknownIDError) Error() string {
	hint := ""
	if s := region.SuggestID(e.ID, e.Known); s != "" {
		hint = fmt.Sprintf(" (did you mean %q?)", s)
	}
	return fmt.Sprintf("unknown region %q%s: not a file, and not a region id (known ids: %s)", e.ID, hint, strings.Join(e.Known, ", "))
}

// Find loads the regions the arguments name, in argument order. With no
// arguments: every region in the Paths directories, or the built-in regions
// when there are none. Load errors of every file are collected and returned
// together as a region.ErrorList.
//
// Files are read and parsed in parallel (at most GOMAXPROCS at a time), but
// the result is what loading them one by one in argument order gives: the
// regions in that order, the load errors in that order, and of the other
// errors (an unreadable file) the first in that order.
func (f *Finder) Find(args []string) ([]*region.Region, error) {
	units := f.units(args)
	loadUnits(units, func(u *unit) {
		switch u.kind {
		case unitFile:
			r, err := LoadFile(u.path)
			u.regions, u.err = oneOrNone(r, err), err
		case unitDirFile:
			u.regions, u.err = loadDirFile(u.path)
		}
	})
	g := gather{ids: idChecker{}}
	dirStart := 0 // g.n() where the current directory argument began
	for i := range units {
		u := &units[i]
		switch u.kind {
		case unitDirStart:
			dirStart = g.n()
			continue
		case unitDirEnd:
			if g.n() == dirStart {
				return nil, fmt.Errorf("%s: no region files in this directory (a region file is a *.yaml or *.yml file with a top-level region: key)", u.path)
			}
			continue
		case unitStdin:
			u.regions, u.err = f.loadStdin()
		case unitID:
			u.regions, u.err = f.byID(u.path)
		}
		if err := g.add(u); err != nil {
			return nil, err
		}
	}
	if len(g.errs) > 0 {
		// What loaded is returned too: tender check prints its findings
		// next to the errors, so that one broken file does not hide the
		// others. A broken file of the paths directories is reported by
		// every id looked up there, but said once.
		return g.out, uniqueErrors(g.errs)
	}
	if len(args) == 0 && len(g.out) == 0 {
		return BuiltIns()
	}
	return g.out, nil
}

// units are what Find loads for args, in order: with no arguments the
// files of the Paths directories; else per argument standard input, a
// directory's files (between a start and an end, so that a directory
// without region files is an error), a file or an id.
func (f *Finder) units(args []string) []unit {
	var units []unit
	if len(args) == 0 {
		for _, dir := range f.Paths {
			if !isDir(dir) {
				continue
			}
			units = append(units, dirUnitsOrFailed(dir)...)
		}
	}
	for _, arg := range args {
		switch {
		case arg == "-":
			units = append(units, unit{kind: unitStdin})
		case isDir(arg):
			units = append(units, unit{kind: unitDirStart})
			units = append(units, dirUnitsOrFailed(arg)...)
			units = append(units, unit{kind: unitDirEnd, path: arg})
		case exists(arg) || strings.ContainsAny(arg, `/\`) || hasYAMLExt(arg):
			units = append(units, unit{kind: unitFile, path: arg})
		default:
			units = append(units, unit{kind: unitID, path: arg})
		}
	}
	return units
}

// dirUnitsOrFailed is dirUnits with its error, if any, as a failed unit
// after the files listed: what comes before it is still loaded, so that an
// earlier hard error wins.
func dirUnitsOrFailed(dir string) []unit {
	us, err := dirUnits(dir)
	if err != nil {
		us = append(us, unit{kind: unitFailed, err: err})
	}
	return us
}

// gather collects the regions and the load errors of units in order.
type gather struct {
	out  []*region.Region
	errs region.ErrorList
	// ids, when not nil, checks that no two files of a directory have
	// one id.
	ids idChecker
}

// n is the number of regions and errors gathered.
func (g *gather) n() int { return len(g.out) + len(g.errs) }

// add takes u's regions, or its load errors; any other error of u is
// returned.
func (g *gather) add(u *unit) error {
	var el region.ErrorList
	switch {
	case errors.As(u.err, &el):
		g.errs = append(g.errs, el...)
		return nil
	case u.err != nil:
		return u.err
	}
	for _, r := range u.regions {
		if g.ids != nil && u.kind == unitDirFile {
			if e := g.ids.check(filepath.Dir(u.path), r); e != nil {
				g.errs = append(g.errs, e)
				continue
			}
		}
		g.out = append(g.out, r)
	}
	return nil
}

// uniqueErrors drops the repeats of an error, keeping the first.
func uniqueErrors(errs region.ErrorList) region.ErrorList {
	seen := map[string]bool{}
	out := errs[:0:0]
	for _, e := range errs {
		if k := e.Error(); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

// idChecker finds region ids given twice within one directory: by a copy
// made with tender init --from and not renamed, say. Looking the id up
// would pick one of the files at random, and their calendar events would
// share UIDs. (The same id in files the user named one by one is allowed:
// tender plan achterhoek my-achterhoek.yaml shows both.)
type idChecker map[string]map[string]*region.Region

// check returns an error when a region of dir already has r's id.
func (c idChecker) check(dir string, r *region.Region) *region.Error {
	seen := c[dir]
	if seen == nil {
		seen = map[string]*region.Region{}
		c[dir] = seen
	}
	first, ok := seen[r.ID]
	if !ok {
		seen[r.ID] = r
		return nil
	}
	if first.Source == r.Source {
		return nil // the directory was named twice: the same file, not a copy
	}
	return &region.Error{File: r.Source, Pos: r.IDPos, Msg: fmt.Sprintf(
		"region id %q is also the id of %s (line %d): give each region file of a directory its own id", r.ID, first.Source, first.IDPos.Line)}
}

// unit is one thing Find loads: a file named by an argument, a file of a
// directory, standard input or an id; loaded in parallel where it is a file.
type unit struct {
	kind    unitKind
	path    string
	regions []*region.Region
	err     error
}

type unitKind uint8

const (
	unitFile     unitKind = iota // a file argument: LoadFile
	unitDirFile                  // a file found in a directory: skipped unless it has a region: key
	unitStdin                    // "-"
	unitID                       // a region id
	unitFailed                   // err is already known
	unitDirStart                 // a directory argument's files follow
	unitDirEnd                   // they end: an error when none held a region
)

// loadUnits calls load for every unit, on at most GOMAXPROCS goroutines.
func loadUnits(units []unit, load func(*unit)) {
	parallel.For(len(units), func(i int) { load(&units[i]) })
}

func oneOrNone(r *region.Region, err error) []*region.Region {
	if err != nil {
		return nil
	}
	return []*region.Region{r}
}

func one(r *region.Region, err error) ([]*region.Region, error) {
	if err != nil {
		return nil, err
	}
	return []*region.Region{r}, nil
}

func (f *Finder) loadStdin() ([]*region.Region, error) {
	if f.Stdin == nil {
		return nil, fmt.Errorf("-: standard input is not available")
	}
	if f.StdinIsTerminal {
		return nil, fmt.Errorf("-: standard input is a terminal; pipe or redirect a region file into it (tender plan - < region.yaml)")
	}
	src, err := io.ReadAll(io.LimitReader(f.Stdin, MaxFileSize+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("-: cannot read standard input: %v", unwrapPath(err))
	case len(src) > MaxFileSize:
		return nil, tooLarge("-")
	}
	r, err := region.Load("-", src)
	if r != nil {
		r.SHA256 = Hash(src)
	}
	return one(r, err)
}

// byID looks the id up in the Paths directories, then in the built-ins.
func (f *Finder) byID(id string) ([]*region.Region, error) {
	var known []string
	var broken region.ErrorList
	for _, dir := range f.Paths {
		if !isDir(dir) {
			continue
		}
		// Fast path: a file named after the id is that region, and if it
		// does not load, its errors are the answer.
		if r, err := namedAfter(dir, id); r != nil || err != nil {
			return one(r, err)
		}
		rs, err := f.loadPathsDir(dir)
		var el region.ErrorList
		if errors.As(err, &el) {
			broken = append(broken, el...)
		} else if err != nil {
			return nil, err
		}
		match, others, err := withID(dir, id, rs)
		if match != nil || err != nil {
			return one(match, err)
		}
		known = append(known, others...)
	}
	if len(broken) > 0 {
		// The id may be that of a file that did not load (one being
		// edited, say): its errors, not a built-in region of the same id
		// or "unknown id", are the answer. A built-in would plan the old
		// version and let tender check pass on a broken file.
		return nil, broken
	}
	if slices.Contains(examples.IDs, id) {
		return one(BuiltIn(id))
	}
	known = append(known, examples.IDs...)
	return nil, &UnknownIDError{ID: id, Known: known}
}

// namedAfter loads dir/ID.yaml or dir/ID.yml, the first that exists and
// loads with that id; nil when there is none. A file named after the id
// that does not load is an error.
func namedAfter(dir, id string) (*region.Region, error) {
	for _, ext := range []string{".yaml", ".yml"} {
		p := filepath.Join(dir, id+ext)
		if !exists(p) {
			continue
		}
		r, err := LoadFile(p)
		switch {
		case err != nil:
			return nil, err
		case r.ID == id:
			return r, nil
		}
	}
	return nil, nil
}

// withID is the region of rs (loaded from dir) with the id, and the ids of
// the others; two with that id are an error.
func withID(dir, id string, rs []*region.Region) (match *region.Region, others []string, err error) {
	ids := idChecker{}
	for _, r := range rs {
		if r.ID != id {
			others = append(others, r.ID)
			continue
		}
		if e := ids.check(dir, r); e != nil {
			return nil, nil, region.ErrorList{e}
		}
		match = r
	}
	return match, others, nil
}

// loadPathsDir is loadDir, once per Finder for each directory.
func (f *Finder) loadPathsDir(dir string) ([]*region.Region, error) {
	if d, ok := f.pathsDirs[dir]; ok {
		return d.regions, d.err
	}
	rs, err := loadDir(dir)
	if f.pathsDirs == nil {
		f.pathsDirs = map[string]loadedDir{}
	}
	f.pathsDirs[dir] = loadedDir{rs, err}
	return rs, err
}

// LoadFile reads and loads one region file.
func LoadFile(path string) (*region.Region, error) {
	src, _, err := readRegular(path, path)
	if err != nil {
		return nil, err
	}
	r, err := region.Load(path, src)
	if err != nil {
		return nil, err
	}
	r.Source, r.SHA256 = path, Hash(src)
	return r, nil
}

// Hash is the hex SHA-256 of a file's bytes (region.Region.SHA256).
func Hash(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}

// readRegular reads the regular file at path (named name in messages). It
// looks at the file before opening it: opening a FIFO with no writer, or a
// device, can block for ever, and a file of hundreds of megabytes is
// refused by its size without reading it.
func readRegular(name, path string) ([]byte, fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	if err := checkRegular(name, st); err != nil {
		return nil, nil, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	defer fh.Close()
	// The file may have been replaced since the first look.
	if st, err = fh.Stat(); err != nil {
		return nil, nil, fileError(name, err)
	}
	if err := checkRegular(name, st); err != nil {
		return nil, nil, err
	}
	src, err := readAll(name, fh, st.Size())
	if err != nil {
		return nil, nil, err
	}
	return src, st, nil
}

func checkRegular(name string, st fs.FileInfo) error {
	switch m := st.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%s: is a directory, not a region file", name)
	case !m.IsRegular():
		return fmt.Errorf("%s: not a regular file (%s); tender reads region files, not pipes or devices (use - and redirect standard input instead)", name, fileType(m))
	case st.Size() > MaxFileSize:
		return tooLarge(name)
	}
	return nil
}

func fileType(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.Type().String()
}

func tooLarge(name string) error {
	return fmt.Errorf("%s: file is larger than %d MiB, the limit for a region file; a region file is a few kilobytes (is this the right file?)", name, MaxFileSize>>20)
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readAll reads r to its end, at most MaxFileSize bytes. size is what
// stat said: the buffer starts that large, so a file is read with one
// allocation instead of io.ReadAll's doubling from 512 bytes, which
// copied and page-faulted every 43 KB file of the 10,000-milestone
// portfolio several times. A file that grew since the stat is still read
// whole.
func readAll(name string, r io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, 0, min(max(size, 0), MaxFileSize)+1)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > MaxFileSize {
			return nil, tooLarge(name)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, fileError(name, err)
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file is longer than stat said
		}
	}
}

func fileError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", path)
	case heldOpen(runtime.GOOS, err):
		return fmt.Errorf("%s: %v: another program (Excel, an editor, a sync client such as OneDrive) may have it open; close it there and run the command again", path, err)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied (check the file's permissions)", path)
	}
	return fmt.Errorf("%s: %v", path, err)
}

// loadDir loads every *.yaml and *.yml file of dir (not its subdirectories)
// that has a top-level region: key, in name order, in parallel. Load errors
// of every file are collected; another error (an unreadable file) ends the
// load with the first such error in name order.
func loadDir(dir string) ([]*region.Region, error) {
	units, err := dirUnits(dir)
	if err != nil {
		return nil, err
	}
	loadUnits(units, func(u *unit) { u.regions, u.err = loadDirFile(u.path) })
	var g gather
	for i := range units {
		if err := g.add(&units[i]); err != nil {
			return nil, err
		}
	}
	if len(g.errs) > 0 {
		return g.out, g.errs
	}
	return g.out, nil
}

// dirUnits lists the *.yaml and *.yml files of dir in name order; more than
// MaxDirFiles of them is an error, found without listing the rest.
func dirUnits(dir string) ([]unit, error) {
	d, err := os.Open(dir)
	if err != nil {
		return nil, fileError(dir, err)
	}
	defer d.Close()
	var names []string
	for {
		entries, err := d.ReadDir(1024)
		for _, e := range entries {
			if e.Type().IsRegular() && hasYAMLExt(e.Name()) {
				names = append(names, e.Name())
			}
		}
		if len(names) > MaxDirFiles {
			return nil, fmt.Errorf("%s: more than %d *.yaml/*.yml files in this directory (the limit); point tender at the directory that holds the region files", dir, MaxDirFiles)
		}
		if errors.Is(err, io.EOF) || (err == nil && len(entries) == 0) {
			break
		}
		if err != nil {
			return nil, fileError(dir, err)
		}
	}
	sort.Strings(names)
	units := make([]unit, len(names))
	for i, n := range names {
		units[i] = unit{kind: unitDirFile, path: filepath.Join(dir, n)}
	}
	return units, nil
}

// loadDirFile loads one file found in a directory: none when it is too
// large (judged by its size, without reading it) or has no top-level
// region: key.
func loadDirFile(p string) ([]*region.Region, error) {
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Size() > MaxFileSize {
		return nil, nil
	}
	src, _, err := readRegular(p, p)
	if err != nil {
		return nil, err
	}
	if !region.HasRegionKey(src) {
		return nil, nil
	}
	r, err := region.Load(p, src)
	if err != nil {
		return nil, err
	}
	r.Source, r.SHA256 = p, Hash(src)
	return []*region.Region{r}, nil
}

// BuiltIns loads the regions compiled into the binary.
func BuiltIns() ([]*region.Region, error) {
	var out []*region.Region
	for _, id := range examples.IDs {
		r, err := BuiltIn(id)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// BuiltIn loads one built-in region.
func BuiltIn(id string) (*region.Region, error) {
	src, err := BuiltInSource(id)
	if err != nil {
		return nil, err
	}
	name := "built-in/" + id + ".yaml"
	r, err := region.Load(name, src)
	if err != nil {
		return nil, err
	}
	r.Source = name
	r.BuiltIn = true
	return r, nil
}

// BuiltInSource returns the bytes of a built-in region file.
func BuiltInSource(id string) ([]byte, error) {
	src, err := examples.FS.ReadFile(id + ".yaml")
	if err != nil {
		return nil, &UnknownIDError{ID: id, Known: examples.IDs}
	}
	return src, nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

func hasYAMLExt(p string) bool {
	ext := strings.ToLower(filepath.Ext(p))
	return ext == ".yaml" || ext == ".yml"
}
