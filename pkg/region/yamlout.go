package region

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// MarshalYAML encodes v as one YAML document with two-space indentation,
// the way the tender commands print YAML (tender plan -o yaml). It honours
// yaml struct tags and encoding.TextMarshaler (so a date.Date prints as
// "2021-04-01"); nil pointers print as null. It lives here because every
// YAML call of tender does (see the package comment).
func MarshalYAML(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnmarshalYAML decodes one YAML document into v by yaml.v3's reflection
// rules. It is for reading back what MarshalYAML wrote (tests, tools), not
// for region files: Load reads those node by node, with positions.
func UnmarshalYAML(data []byte, v any) error {
	return yaml.Unmarshal(data, v)
}
