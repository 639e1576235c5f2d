// Package schema is the JSON Schema of the region format (tender schema).
// JSON generates it by reflection from region.File and the types under it,
// the same yaml tags the loader reads its key sets from, so the schema and
// the loader cannot disagree on names or on which keys are required.
//
// What reflection cannot see is written by hand here, and the region types
// carry no schema code: the reflector's Mapper gives the schemas written as
// a whole (whole: package date's values, and Fixed, Expr, Align, BodyRef,
// SeverityOverride and Overlay, whose Go form is not what the file writes),
// and each region struct's reflected schema is then extended by the
// function of its definition name (extensions: "Tender" → extendTender):
// maps keyed by id that Go keeps as slices, values that are "one thing or a
// list of them", null where the loader reads "key:" as not given, the enums
// of the region's vocabularies, and the text patterns of dates, durations,
// expressions and rules.
//
// The schema is draft-07 and has no $ref: every type is written out where
// it is used. Editors are its users, and the YAML language server (VS Code,
// Neovim, Helix, JetBrains) implements draft-07; it warns about 2020-12
// schemas, and in draft-07 a description next to a $ref is ignored, which
// would lose the hover texts. Written out, the schema is some 65 kB.
//
// The descriptions are the schemaDocs, written for the people who edit
// region files, not the Go doc comments (which are written for Go
// programmers, and which a released binary could not read anyway). A test
// checks that every key has one.
//
// The schema is for editors. The loader stays the authority: it checks what
// a schema cannot (references between milestones, the order of closed
// periods, legal rules that cannot be disabled) and reports file:line:col.
// Where the loader accepts a key with no value ("calendar:" alone), the
// schema accepts null too, so that it never flags a file the loader takes.
package schema
