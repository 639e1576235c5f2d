package main

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// specDocs are the documents the project was built from, which a user of
// this repository does not have: what the user reads (the README, the
// messages, help texts, schema descriptions and rule references, the
// starter files of tender init) cites the law or a README section instead.
var specDocs = regexp.MustCompile(`\b(FORMAT|CLI|RULES|DOMAIN|ANCHORS)\.md\b`)

// TestNoSpecDocsForUsers: no string literal in tender's Go source (not its
// tests, not its comments), no line of the README and none of the region
// files tender init writes (the starter files, the built-in regions of
// --from) names one of them.
func TestNoSpecDocsForUsers(t *testing.T) {
	files := []string{"README.md", "pkg/cmd/initcmd/template.yaml", "pkg/cmd/initcmd/template_nl.yaml"}
	builtin, err := filepath.Glob(filepath.Join("..", "..", "examples", "*.yaml"))
	if err != nil || len(builtin) == 0 {
		t.Fatalf("no built-in regions: %v", err)
	}
	for _, b := range builtin {
		files = append(files, filepath.ToSlash(strings.TrimPrefix(b, filepath.Join("..", "..")+string(filepath.Separator))))
	}
	for _, name := range files {
		text, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(text), "\n") {
			if specDocs.MatchString(line) {
				t.Errorf("%s:%d names %s: %s", name, i+1, specDocs.FindString(line), line)
			}
		}
	}
	for _, top := range []string{"cmd", "pkg"} {
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
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				return err
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && specDocs.MatchString(lit.Value) {
					t.Errorf("%s: a string names %s: %s", fset.Position(lit.Pos()), specDocs.FindString(lit.Value), lit.Value)
				}
				return true
			})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestNoSpecDocsInCode: no line of any text file in the repository (Go
// code, comments and tests alike, but for this file, which must name them
// to look for them; the usage scripts, which read as documentation; shell
// scripts, Markdown notes, YAML, the server's assets, golden files) sends
// the next contributor to a document the repository does not have; they
// cite the README's sections or the law. Binary files (a NUL byte) are
// passed over.
func TestNoSpecDocsInCode(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "fuzz") {
			return filepath.SkipDir
		}
		if d.IsDir() || !d.Type().IsRegular() || filepath.Base(path) == "docrefs_test.go" {
			return nil
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.IndexByte(text, 0) >= 0 {
			return nil // binary
		}
		for i, line := range strings.Split(string(text), "\n") {
			if specDocs.MatchString(line) {
				t.Errorf("%s:%d names %s: %s", path, i+1, specDocs.FindString(line), strings.TrimSpace(line))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
