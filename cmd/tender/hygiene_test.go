package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestSourceHygiene reads tender's own Go source (not its tests) and holds
// the promises of the README's security notes:
//
//   - no network, no programs started, no templates or plugins: nothing
//     imports net/..., os/exec, plugin, text/template or html/template
//     (region files are data: nothing in them is executed or expanded);
//     only pkg/source uses syscall (write.go to hold signals during a
//     write, owner_unix.go to read a file's owner) and nothing uses unsafe;
//   - no wall clock: time.Now, time.Since and time.Until appear only in
//     pkg/cmd/root, as the default of --today, so that every output
//     depends on its input and --today alone (TestDeterminism).
//
// tender serve is the one exception, and only in its own two packages: the
// server (pkg/server) listens on the network (net, net/http), fills its
// pages' layout with html/template and keeps time for its timeouts, the
// watcher's debounce and the event stream's keep-alive; the command
// (pkg/cmd/serve) listens, catches SIGTERM (syscall) and opens the browser
// through github.com/cli/browser. A baseline or diff side git:REV runs
// `git show` (pkg/baseline/git.go alone), with --end-of-options. What the pages and the API show still
// comes from the commands' packages, which none of this reaches.
func TestSourceHygiene(t *testing.T) {
	banned := []string{"net", "os/exec", "plugin", "text/template", "html/template", "unsafe", "syscall"}
	allowedImports := map[string][]string{"syscall": {"pkg/source/write.go", "pkg/source/owner_unix.go", "pkg/cmd/serve/serve.go"},
		// git:REV reads an earlier version of a region file with the git
		// program (tender diff, plan --baseline).
		"os/exec": {"pkg/baseline/git.go"}}
	serveDirs := []string{"pkg/server/", "pkg/cmd/serve/"}
	inServe := func(rel string) bool {
		return slices.ContainsFunc(serveDirs, func(d string) bool { return strings.HasPrefix(rel, d) })
	}
	serveImports := []string{"net", "html/template"}
	clock := []string{"Now", "Since", "Until", "Tick", "NewTicker", "NewTimer", "After", "AfterFunc", "Sleep"}
	allowedClock := []string{"pkg/cmd/root/root.go"}
	files := 0
	for _, top := range []string{"cmd", "pkg", "examples"} {
		err := filepath.WalkDir(filepath.Join("..", "..", top), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
				return nil
			}
			rel := filepath.ToSlash(strings.TrimPrefix(path, filepath.Join("..", "..")+string(filepath.Separator)))
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			files++
			timeName := ""
			for _, imp := range f.Imports {
				p, _ := strconv.Unquote(imp.Path.Value)
				for _, b := range banned {
					if inServe(rel) && slices.Contains(serveImports, b) {
						continue
					}
					if (p == b || strings.HasPrefix(p, b+"/")) && !slices.Contains(allowedImports[b], rel) {
						t.Errorf("%s imports %s", rel, p)
					}
				}
				if p == "time" {
					timeName = "time"
					if imp.Name != nil {
						timeName = imp.Name.Name
					}
				}
			}
			if timeName == "" || slices.Contains(allowedClock, rel) || inServe(rel) {
				return nil
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == timeName && slices.Contains(clock, sel.Sel.Name) {
						t.Errorf("%s reads the clock: time.%s", rel, sel.Sel.Name)
					}
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if files < 50 {
		t.Fatalf("read only %d files", files)
	}
}
