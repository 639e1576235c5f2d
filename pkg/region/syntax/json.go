package syntax

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"gopkg.in/yaml.v3"
)

// ToJSONValue decodes a YAML document into the values JSON has:
// map[string]any, []any, string, int64 or float64, bool and nil, for
// checking it against a JSON Schema (package region/schema). Unlike
// decoding into any with yaml.v3, dates stay the text they were written as
// (yaml.v3 would make an unquoted date a time.Time, which no schema accepts
// as a string), and so does every other timestamp. Aliases
// and merge keys (<<) are resolved as the loader resolves them; keys are
// their text. Numbers that JSON cannot hold (.inf, .nan, integers beyond
// 64 bits) are kept as their text.
//
// src must hold one YAML document. The same limits as a Walker's apply to
// nesting (MaxDepth) and to alias expansion (MaxAliasExpansion);
// ToJSONValue never panics.
func ToJSONValue(src []byte) (v any, err error) {
	defer func() {
		if p := recover(); p != nil {
			v, err = nil, fmt.Errorf("cannot read the YAML (internal error: %v)", p)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil && !(len(next.Content) == 1 && IsNull(next.Content[0]) && next.Content[0].Value == "") {
		return nil, fmt.Errorf("line %d: a second YAML document: a region file holds exactly one", next.Line)
	}
	c := &jsonConverter{budget: 2*countNodes(&doc) + MaxAliasExpansion}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return c.value(doc.Content[0], 1)
}

type jsonConverter struct {
	budget int
}

func countNodes(n *yaml.Node) int {
	count := 1
	for _, c := range n.Content {
		count += countNodes(c)
	}
	return count
}

func (c *jsonConverter) value(n *yaml.Node, depth int) (any, error) {
	c.budget--
	if c.budget < 0 {
		return nil, fmt.Errorf("line %d: the document expands to too many values through aliases", n.Line)
	}
	if depth > MaxDepth {
		return nil, fmt.Errorf("line %d: nesting deeper than %d levels", n.Line, MaxDepth)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, fmt.Errorf("line %d: unknown alias", n.Line)
		}
		return c.value(n.Alias, depth+1)
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for _, it := range n.Content {
			v, err := c.value(it, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	case yaml.MappingNode:
		out := make(map[string]any, len(n.Content)/2)
		if err := c.mapping(n, out, depth, map[string]bool{}); err != nil {
			return nil, err
		}
		return out, nil
	case yaml.ScalarNode:
		return scalarValue(n), nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}

// mapping fills out with the pairs of n: its own keys first (they win over
// merged ones), then the merged mappings in order, the first one winning.
func (c *jsonConverter) mapping(n *yaml.Node, out map[string]any, depth int, taken map[string]bool) error {
	if depth > MaxDepth {
		return fmt.Errorf("line %d: nesting deeper than %d levels", n.Line, MaxDepth)
	}
	var merges []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		for k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind == yaml.ScalarNode && k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		key := k.Value
		if taken[key] {
			continue // a repeated key: the loader reports it; the first wins here
		}
		taken[key] = true
		val, err := c.value(v, depth+1)
		if err != nil {
			return err
		}
		out[key] = val
	}
	for _, m := range merges {
		sources := []*yaml.Node{m}
		if m.Kind == yaml.SequenceNode {
			sources = m.Content
		}
		for _, src := range sources {
			c.budget--
			for src.Kind == yaml.AliasNode && src.Alias != nil && c.budget > 0 {
				src = src.Alias
				c.budget--
			}
			if c.budget < 0 {
				return fmt.Errorf("line %d: the document expands to too many values through aliases", n.Line)
			}
			if src.Kind != yaml.MappingNode {
				return fmt.Errorf("line %d: a merge key (<<) takes a mapping", src.Line)
			}
			if err := c.mapping(src, out, depth+1, taken); err != nil {
				return err
			}
		}
	}
	return nil
}

func scalarValue(n *yaml.Node) any {
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
			return i
		}
		var i int64
		if n.Decode(&i) == nil {
			return i
		}
	case "!!float":
		var f float64
		if n.Decode(&f) == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f
		}
	}
	return n.Value
}
