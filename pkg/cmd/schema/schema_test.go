package schema

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/cmd/initcmd"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/schema/schematest"
)

// printed runs tender schema and returns what it prints.
func printed(t *testing.T) []byte {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	cmd := NewCmdSchema(&cmdutil.Factory{IOStreams: ios}, nil)
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func compile(t *testing.T, src []byte) *jsonschema.Schema {
	t.Helper()
	return schematest.Compile(t, src)
}

func check(t *testing.T, sch *jsonschema.Schema, name string, src []byte) {
	t.Helper()
	if err := schematest.Validate(t, sch, src); err != nil {
		t.Errorf("%s does not match the schema:\n%v", name, err)
	}
}

// TestExamplesMatchSchema validates every built-in region and the init
// template against the schema exactly as tender schema prints it.
func TestExamplesMatchSchema(t *testing.T) {
	sch := compile(t, printed(t))
	entries, err := examples.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		src, err := examples.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		check(t, sch, "examples/"+e.Name(), src)
		n++
	}
	if n < 3 {
		t.Errorf("checked %d examples, want at least 3", n)
	}
	check(t, sch, "the init template", initcmd.Template)
	check(t, sch, "the Dutch init template", initcmd.TemplateNL)
}

// TestScriptRegionsMatchSchema checks every region file of the usage
// scripts (testdata/script/*.txtar) that tender loads: the schema must not
// flag a file the loader accepts.
func TestScriptRegionsMatchSchema(t *testing.T) {
	sch := compile(t, printed(t))
	files, err := filepath.Glob("../../../testdata/script/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		a, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range a.Files {
			if !strings.HasSuffix(f.Name, ".yaml") && !strings.HasSuffix(f.Name, ".yml") {
				continue
			}
			if !region.HasRegionKey(f.Data) {
				continue
			}
			if _, err := region.Load(f.Name, f.Data); err != nil {
				continue // an input error on purpose
			}
			check(t, sch, filepath.Base(name)+": "+f.Name, f.Data)
			checked++
		}
	}
	if checked == 0 {
		t.Error("found no region files in the scripts")
	}
}

func TestSchemaIsForEditors(t *testing.T) {
	var s struct {
		Schema string `json:"$schema"`
		Title  string `json:"title"`
	}
	if err := json.Unmarshal(printed(t), &s); err != nil {
		t.Fatal(err)
	}
	// The YAML language server implements draft-07.
	if s.Schema != "http://json-schema.org/draft-07/schema#" || s.Title == "" {
		t.Errorf("$schema %q, title %q", s.Schema, s.Title)
	}
}
