package main

import (
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
// starter file of tender init) cites the law or a README section instead.
var specDocs = regexp.MustCompile(`\b(FORMAT|CLI|RULES|DOMAIN|ANCHORS)\.md\b`)

// TestNoSpecDocsForUsers: no string literal in tender's Go source (not its
// tests, not its comments) and no line of the README names one of them.
func TestNoSpecDocsForUsers(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(readme), "\n") {
		if specDocs.MatchString(line) {
			t.Errorf("README.md:%d names %s: %s", i+1, specDocs.FindString(line), line)
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
