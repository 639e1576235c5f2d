// Package cmdutil holds what the commands share: the Factory of
// dependencies, the settings (flag > environment > config file > default),
// the error types that decide the exit code, and flag helpers.
package cmdutil

import (
	"errors"
	"fmt"
)

// Exit codes (CLI.md, "Errors").
const (
	ExitOK    = 0 // success
	ExitNo    = 1 // the command ran and its answer is "no": infeasible, failing findings
	ExitError = 2 // the command could not run: usage, unreadable or invalid input
)

// UsageError is a mistake in how the command was called. It exits 2 and
// points at --help.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// UsageErrorf makes a UsageError.
func UsageErrorf(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// ErrNo means the command has already printed its answer, and that answer is
// "no" (an infeasible plan, findings that fail the run): exit 1, print
// nothing more.
var ErrNo = errors.New("answer is no")

// ExitCode maps an error returned by a command to the process exit code.
func ExitCode(err error) int {
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, ErrNo):
		return ExitNo
	}
	return ExitError
}
