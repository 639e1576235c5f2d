package app

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// UsageError is a mistake in how a use-case was asked: an unknown id, two
// options that exclude each other, a move that cannot be made. A front end
// shows it as a usage error (the command line: exit 2 and a pointer to
// --help; a server: 400).
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// Usagef makes a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...)}
}

// UnknownError is an id that names nothing: a region, tender, scenario or
// milestone. Every front end and every flag says it in the same words,
// with the same suggestion (Suggest) and the list of what exists:
//
//	unknown scenario "publish-32-sep" (did you mean "publish-23-sep"?) (scenarios: original-plan, publish-23-sep)
//	--keep: unknown milestone "gun" (did you mean "gunning"?) (milestones of tender jeugdhulp-2026: …)
//	unknown scenario "late": tender t2026 has no scenarios
type UnknownError struct {
	What  string   // tender, scenario, milestone
	Name  string   // what was asked for
	Known []string // what exists, in file order
	// In says where it was looked for ("tender t2026", "region two"), or
	// "" when that is clear from the command line.
	In string
	// Flag is the flag or argument that named it ("--set", "--keep",
	// "move"), or "" when that is clear.
	Flag string
}

func (e *UnknownError) Error() string {
	var b strings.Builder
	if e.Flag != "" {
		b.WriteString(e.Flag + ": ")
	}
	fmt.Fprintf(&b, "unknown %s %q", e.What, e.Name)
	if len(e.Known) == 0 {
		if e.In == "" {
			fmt.Fprintf(&b, ": the selected tenders have no %ss", e.What)
		} else {
			fmt.Fprintf(&b, ": %s has no %ss", e.In, e.What)
		}
		return b.String()
	}
	if s := e.Suggestion(); s != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", s)
	}
	of := ""
	if e.In != "" {
		of = " of " + e.In
	}
	fmt.Fprintf(&b, " (%ss%s: %s)", e.What, of, strings.Join(e.Known, ", "))
	return b.String()
}

// Suggestion is the known id closest to Name, or "" (see Suggest).
func (e *UnknownError) Suggestion() string { return Suggest(e.Name, e.Known) }

// Suggest is the one suggester of ids for every flag and argument
// (region.SuggestID: the closest known id, else one that the word of
// three or more letters begins: pub → publicatie).
func Suggest(word string, known []string) string { return region.SuggestID(word, known) }

// Unknown makes an UnknownError, as a usage error.
func Unknown(what, name string, known []string, in, flag string) error {
	return &UsageError{Err: &UnknownError{What: what, Name: name, Known: known, In: in, Flag: flag}}
}

// PlanError maps an error of the planner: a move that cannot be made is a
// usage error (an unknown milestone the UnknownError), anything else (an
// input error) passes through.
func PlanError(err error) error {
	var me *timeline.MoveError
	if !errors.As(err, &me) {
		return err
	}
	if !me.Done && !me.Twice {
		return Unknown("milestone", me.Milestone, me.Known, "tender "+me.Tender, "")
	}
	return &UsageError{Err: err}
}
