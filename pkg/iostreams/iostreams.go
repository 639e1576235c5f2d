// Package iostreams carries the standard streams of a command and what is
// known about the terminal behind them, so that commands never touch os.Stdout
// directly and tests can swap in buffers.
package iostreams

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams are a command's input, output and error streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	stdoutTTY bool
	stdinTTY  bool

	// ttyWidth returns the columns of the terminal behind Out, or an
	// error; columns is the value of COLUMNS when the streams were made.
	ttyWidth func() (int, error)
	columns  string
	// width, when positive, is the width set by a test.
	width int

	// colorDisabled is set by --no-color or NO_COLOR.
	colorDisabled bool
	// Quiet suppresses everything but errors.
	Quiet bool
}

// System returns the process's own streams.
func System() *IOStreams {
	return &IOStreams{
		In:        os.Stdin,
		Out:       os.Stdout,
		ErrOut:    os.Stderr,
		stdoutTTY: isTerminal(os.Stdout),
		stdinTTY:  isTerminal(os.Stdin),
		ttyWidth: func() (int, error) {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			return w, err
		},
		columns: os.Getenv("COLUMNS"),
	}
}

func isTerminal(f *os.File) bool {
	return isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
}

// Test returns streams backed by buffers: in, out and errOut.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// IsStdoutTTY reports whether standard output is a terminal.
func (s *IOStreams) IsStdoutTTY() bool { return s.stdoutTTY }

// IsStdinTTY reports whether standard input is a terminal.
func (s *IOStreams) IsStdinTTY() bool { return s.stdinTTY }

// SetStdoutTTY is for tests.
func (s *IOStreams) SetStdoutTTY(v bool) { s.stdoutTTY = v }

// SetColorDisabled turns colour off (--no-color, NO_COLOR).
func (s *IOStreams) SetColorDisabled(v bool) { s.colorDisabled = v }

// ColorEnabled reports whether ANSI colour may be written to Out: only on a
// terminal, and never with --no-color or NO_COLOR.
func (s *IOStreams) ColorEnabled() bool { return s.stdoutTTY && !s.colorDisabled }

// TerminalWidth is the number of columns a table on Out may use: the size
// of the terminal when Out is one, else COLUMNS when it holds a positive
// number, else 0: nothing is known (a pipe, a file), and the caller lays
// out for its default width. A terminal that cannot tell its size (a
// serial console reports 0) counts as no terminal.
func (s *IOStreams) TerminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	if s.stdoutTTY && s.ttyWidth != nil {
		if w, err := s.ttyWidth(); err == nil && w > 0 {
			return w
		}
	}
	if n, err := strconv.Atoi(strings.TrimSpace(s.columns)); err == nil && n > 0 {
		return n
	}
	return 0
}

// SetTerminalWidth fixes the width TerminalWidth reports; for tests.
func (s *IOStreams) SetTerminalWidth(n int) { s.width = n }
