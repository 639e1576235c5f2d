package region

import "github.com/tender-nl/tender/pkg/region/syntax"

// Pos is a position in a region file: 1-based line and column (in runes, as
// yaml.v3 counts them). The zero Pos means "not written in the file".
type Pos = syntax.Pos

// Error is one problem in a region file, at a position; it prints as
// file:line:column: message.
type Error = syntax.Error

// ErrorList is every problem found in one or more files, in file and line
// order. Each line of its Error text is one problem.
type ErrorList = syntax.ErrorList
