package region

import (
	"testing"

	"github.com/tender-nl/tender/pkg/date"
)

// TestIsDuration: isDuration accepts exactly what date.ParseDuration
// accepts, so that splitOperator reads every expression as before.
func TestIsDuration(t *testing.T) {
	cases := []string{"", "d", "3", "3d", "3w", "3wd", "3mo", "3y", "0d", "03d", "3D", "3 d", "3dd", "3m", "3mon",
		"1000000d", "1000001d", "9999999d", "10000000d", "0000001w", "00000001w", "31", "12-31", "end", "decision",
		"2021-04-01", "-3d", "+3d", "3d ", "٣d", "1e3d"}
	for _, s := range cases {
		_, err := date.ParseDuration(s)
		if got, want := isDuration(s), err == nil; got != want {
			t.Errorf("isDuration(%q) = %v, ParseDuration says %v", s, got, want)
		}
	}
}

func FuzzIsDuration(f *testing.F) {
	for _, s := range []string{"3wd", "12-31", "1000000d", "07mo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, err := date.ParseDuration(s)
		if got, want := isDuration(s), err == nil; got != want {
			t.Errorf("isDuration(%q) = %v, ParseDuration says %v", s, got, want)
		}
	})
}
