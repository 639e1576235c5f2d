package syntax

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestToJSONValue(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want any
	}{
		{"dates stay text", "on: 2027-03-01\nq: '2027-03-02'\nts: 2027-03-01T10:00:00Z", map[string]any{"on": "2027-03-01", "q": "2027-03-02", "ts": "2027-03-01T10:00:00Z"}},
		{"scalars", "i: 12\nu: 120_000_000\nf: 0.15\nb: true\nn: ~\ne:\ns: text\ninf: .inf", map[string]any{
			"i": int64(12), "u": int64(120000000), "f": 0.15, "b": true, "n": nil, "e": nil, "s": "text", "inf": ".inf"}},
		{"lists", "l: [a, 1, [b]]", map[string]any{"l": []any{"a", int64(1), []any{"b"}}}},
		{"aliases", "a: &x {k: v}\nb: *x", map[string]any{"a": map[string]any{"k": "v"}, "b": map[string]any{"k": "v"}}},
		{"merge keys: own keys win, then the first merged",
			"a: &a {k: 1, m: 1}\nb: &b {k: 2, n: 2}\nc: {<<: [*a, *b], k: 3}",
			map[string]any{"a": map[string]any{"k": int64(1), "m": int64(1)}, "b": map[string]any{"k": int64(2), "n": int64(2)},
				"c": map[string]any{"k": int64(3), "m": int64(1), "n": int64(2)}}},
		{"numeric keys are text", "1: one\n2027-03-01: d", map[string]any{"1": "one", "2027-03-01": "d"}},
		{"empty", "", nil},
		{"trailing document marker", "a: 1\n---\n", map[string]any{"a": int64(1)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ToJSONValue([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestToJSONValueErrors(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i, prev := 'b', 'a'; i <= 'j'; i, prev = i+1, i {
		bomb += string(i) + ": &" + string(i) + " [" + strings.Repeat("*"+string(prev)+", ", 9) + "*" + string(prev) + "]\n"
	}
	tests := []struct{ name, src, want string }{
		{"syntax", "a: [1, 2\n", "yaml"},
		{"two documents", "a: 1\n---\nb: 2\n", "second YAML document"},
		{"alias bomb", bomb, "too many values"},
		{"deep", strings.Repeat("[", MaxDepth+5) + strings.Repeat("]", MaxDepth+5), "nesting"},
		{"merge of a scalar", "a: {<<: 1}", "merge key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ToJSONValue([]byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func FuzzToJSONValue(f *testing.F) {
	f.Add([]byte("version: 1\nregion: {id: r, name: R, municipalities: [A]}\ntenders: {}\n"))
	f.Add([]byte("a: &a {<<: *a}"))
	f.Add([]byte("a: &a [*a]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, _ = ToJSONValue(src) // must not panic or hang
	})
}
