package timeline

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoPackagePlanner keeps the package free of a planner of its own: no
// package-level variable of the production files holds a Planner (by its
// type, or by its value: Planner{}, &Planner{}, new(Planner)). The caller
// owns the planner and its calendars (see the package doc, "No package
// state"); a package default would be state shared by every App.
func TestNoPackagePlanner(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				v := s.(*ast.ValueSpec)
				holds := mentionsPlanner(v.Type)
				for _, e := range v.Values {
					holds = holds || mentionsPlanner(e)
				}
				if holds {
					t.Errorf("%s: package-level variable %s holds a Planner; let the caller own it", fset.Position(v.Pos()), v.Names[0].Name)
				}
			}
		}
	}
}

// mentionsPlanner reports whether the expression names the type Planner
// anywhere (a type, a composite literal, new(Planner)).
func mentionsPlanner(e ast.Expr) bool {
	if e == nil {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && id.Name == "Planner" {
			found = true
		}
		return !found
	})
	return found
}
