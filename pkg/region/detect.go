package region

import (
	"bytes"

	"gopkg.in/yaml.v3"
)

// HasRegionKey reports whether src looks like a region file: a YAML mapping
// with a top-level region: key. It is used to pick region files out of a
// directory, so it is cheap and never fails loudly: anything that is not
// YAML, or not a mapping, is simply false.
//
// A block-style file (the normal case) is recognised by a line that starts
// with region: in the first column, without parsing; only a file whose
// first content is a flow mapping ({version: 1, region: …}) is parsed.
func HasRegionKey(src []byte) bool {
	all := src
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	flow := false
	first := true
	for len(src) > 0 {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if isRegionKeyLine(line) {
			return true
		}
		if first {
			t := bytes.TrimSpace(line)
			switch {
			case len(t) == 0 || t[0] == '#' || t[0] == '%' || bytes.Equal(t, []byte("---")):
			default:
				first = false
				flow = t[0] == '{' || bytes.HasPrefix(t, []byte("--- {"))
			}
		}
	}
	return flow && flowHasRegionKey(all)
}

func isRegionKeyLine(line []byte) bool {
	for _, k := range [][]byte{[]byte("region:"), []byte(`"region":`), []byte(`'region':`)} {
		if rest, ok := bytes.CutPrefix(line, k); ok {
			return len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t'
		}
	}
	return false
}

func flowHasRegionKey(src []byte) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 {
		return false
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "region" {
			return true
		}
	}
	return false
}
