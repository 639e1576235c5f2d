package docs

import (
	"testing"
	"time"
)

func TestHeaderDate(t *testing.T) {
	for _, tt := range []struct {
		epoch   string
		want    time.Time
		wantErr bool
	}{
		{"", DefaultDate, false},
		// 1767225600 s after 1970-01-01 is 2026-01-01 00:00 UTC: 56 years
		// of 365 days (20440 days) plus 14 leap days = 20454 days × 86400 s.
		{"1767225600", time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"soon", time.Time{}, true},
	} {
		env := func(k string) (string, bool) {
			if k == "SOURCE_DATE_EPOCH" && tt.epoch != "" {
				return tt.epoch, true
			}
			return "", false
		}
		got, err := headerDate(env)
		if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
			t.Errorf("SOURCE_DATE_EPOCH=%q: %v, %v; want %v", tt.epoch, got, err, tt.want)
		}
	}
}
