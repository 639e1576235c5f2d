package region_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/schema"
)

// TestSchemaKeysMatchLoader checks that the schema's keys are exactly the
// loader's key sets: both come from the yaml tags.
func TestSchemaKeysMatchLoader(t *testing.T) {
	src, err := schema.JSON()
	if err != nil {
		t.Fatal(err)
	}
	var root struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
	}
	if err := json.Unmarshal(src, &root); err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range root.Properties {
		got = append(got, k)
	}
	want := append([]string(nil), region.FileKeyNames...)
	if diff := cmp.Diff(want, got, cmpSorted); diff != "" {
		t.Errorf("top-level keys (-loader +schema):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"version", "region", "tenders"}, root.Required, cmpSorted); diff != "" {
		t.Errorf("required (-want +got):\n%s", diff)
	}
}

var cmpSorted = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
})
