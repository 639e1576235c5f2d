package iostreams

import (
	"errors"
	"testing"
)

func TestTerminalWidth(t *testing.T) {
	size := func(w int, err error) func() (int, error) { return func() (int, error) { return w, err } }
	noSize := errors.New("inappropriate ioctl for device")
	tests := []struct {
		name    string
		tty     bool
		size    func() (int, error)
		columns string
		want    int
	}{
		{"a terminal of 180 columns", true, size(180, nil), "", 180},
		{"the terminal's size beats COLUMNS", true, size(180, nil), "80", 180},
		{"a terminal that cannot tell its size: COLUMNS", true, size(0, noSize), "132", 132},
		{"a terminal that says 0: COLUMNS", true, size(0, nil), "132", 132},
		{"a terminal that cannot tell, no COLUMNS", true, size(0, noSize), "", 0},
		{"a pipe with COLUMNS", false, size(180, nil), "200", 200},
		{"a pipe with COLUMNS and spaces", false, nil, " 90 ", 90},
		{"a pipe", false, size(180, nil), "", 0},
		{"COLUMNS=0", false, nil, "0", 0},
		{"COLUMNS=-5", false, nil, "-5", 0},
		{"COLUMNS=wide", false, nil, "wide", 0},
		{"COLUMNS=1", false, nil, "1", 1},
	}
	for _, tt := range tests {
		s := &IOStreams{stdoutTTY: tt.tty, ttyWidth: tt.size, columns: tt.columns}
		if got := s.TerminalWidth(); got != tt.want {
			t.Errorf("%s: TerminalWidth() = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestTestStreamsWidth(t *testing.T) {
	ios, _, _, _ := Test()
	if got := ios.TerminalWidth(); got != 0 {
		t.Errorf("Test streams: TerminalWidth() = %d, want 0", got)
	}
	ios.SetTerminalWidth(200)
	if got := ios.TerminalWidth(); got != 200 {
		t.Errorf("after SetTerminalWidth(200): %d", got)
	}
}
