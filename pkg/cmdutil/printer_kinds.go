package cmdutil

import (
	"io"

	"github.com/tender-nl/tender/pkg/render"
)

// The kinds of printer a registry lists, one line a format: of picks from
// the report what the printer of pkg/render takes; print is that printer.
// A printer that needs more (check's text, which reads -q itself) is
// written out as a Printer.

// Whole is the of of a printer that takes the whole report.
func Whole[R any](r R) R { return r }

// Table is a format for people (a table, text): -q silences it.
func Table[R, V any](format string, of func(R) V, print func(io.Writer, V, render.Options) error) Printer[R] {
	return Printer[R]{Format: format, ForPeople: true, Print: func(w io.Writer, r R, o PrintOptions) error {
		return print(w, of(r), o.Options)
	}}
}

// Document is a format that is asked for to be kept or shown elsewhere
// (markdown, html, svg, ics, xlsx): in the language, colours and width of
// the settings, and printed with -q too.
func Document[R, V any](format string, of func(R) V, print func(io.Writer, V, render.Options) error) Printer[R] {
	return Printer[R]{Format: format, Print: func(w io.Writer, r R, o PrintOptions) error {
		return print(w, of(r), o.Options)
	}}
}

// Data is a format for programs (json, yaml) that depends on nothing but
// the report.
func Data[R, V any](format string, of func(R) V, print func(io.Writer, V) error) Printer[R] {
	return Printer[R]{Format: format, Print: func(w io.Writer, r R, _ PrintOptions) error {
		return print(w, of(r))
	}}
}

// DataIn is Data whose messages are in the language of the settings
// (the messages of findings and conflicts); its keys are the same in
// every language.
func DataIn[R, V any](format string, of func(R) V, print func(io.Writer, V, string) error) Printer[R] {
	return Printer[R]{Format: format, Print: func(w io.Writer, r R, o PrintOptions) error {
		return print(w, of(r), o.Lang)
	}}
}

// CSV is -o csv: the separator of --csv-sep, after the byte order mark
// when PrintOptions.CSVBOM says so (WriteCSV), and the language of the
// settings for the names of the milestones the planner derives.
func CSV[R, V any](of func(R) V, print func(io.Writer, V, rune, string) error) Printer[R] {
	return Printer[R]{Format: "csv", Print: func(w io.Writer, r R, o PrintOptions) error {
		return WriteCSV(w, o, func(w io.Writer, sep rune) error { return print(w, of(r), sep, o.Lang) })
	}}
}
