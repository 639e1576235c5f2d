// Package cmdutil holds what the commands share: the Factory of
// dependencies, the settings (one typed Settings, loaded once: flag >
// environment > config file > default, config errors at file:line:column),
// the error types that decide the exit code, ReportOptions (the streams,
// the App, -o and --out that every command's Options embed), the printer
// registry (Printers, one line a format: Table, Document, Data, DataIn,
// CSV), and the flags with their completion (TenderFlag, TendersFlag,
// ScenarioFlag, SetFlag, CompleteRegionArg).
package cmdutil

import (
	"errors"

	"github.com/tender-nl/tender/pkg/app"
)

// Exit codes (README, "Exit codes").
const (
	ExitOK    = 0 // success
	ExitNo    = 1 // the command ran and its answer is "no": infeasible, failing findings
	ExitError = 2 // the command could not run: usage, unreadable or invalid input
)

// UsageError is a mistake in how the command was called. It exits 2 and
// points at --help. It is the application layer's (app.UsageError), so
// that what a use-case refuses is a usage error on the command line.
type UsageError = app.UsageError

// UsageErrorf makes a UsageError.
func UsageErrorf(format string, args ...any) error { return app.Usagef(format, args...) }

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
