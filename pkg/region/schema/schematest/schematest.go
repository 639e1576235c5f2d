// Package schematest checks region files against the JSON Schema of the
// region format with a validator independent of the generator
// (santhosh-tekuri/jsonschema), for tests only: the schema package's own
// tests and tender schema's, which check the bytes the command prints.
package schematest

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/tender-nl/tender/pkg/region/syntax"
)

// Compile compiles the schema src, failing the test when it is not JSON or
// not a schema.
func Compile(t testing.TB, src []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatalf("the schema is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("region.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("region.schema.json")
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

// Validate checks the region file src against sch, as an editor would:
// the YAML read into the values JSON has (syntax.ToJSONValue). A file that
// is not YAML fails the test.
func Validate(t testing.TB, sch *jsonschema.Schema, src []byte) error {
	t.Helper()
	v, err := syntax.ToJSONValue(src)
	if err != nil {
		t.Fatalf("ToJSONValue: %v", err)
	}
	return sch.Validate(v)
}
