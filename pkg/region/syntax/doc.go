// Package syntax is the YAML layer under the region loader: parsing one
// document into a yaml.Node tree with positions, walking it by hand
// (aliases, merge keys, the limits on both), and turning yaml.v3's syntax
// errors into positioned errors. It knows nothing of what a region file
// means; package region builds its loader on it, and Fields gives any YAML
// mapping (a config file) the same file:line:column positions.
//
// # Positions and errors
//
// Pos is a 1-based line and column. Columns count characters (runes), as
// yaml.v3 does and as editors show them, not bytes: in "ëëë: 2026-01-01"
// the value is at column 6. Code that splices bytes must convert. Error
// prints as file:line:column: message; ErrorList is several, one a line.
//
// # Parsing
//
// Parse reads exactly one document: a leading ---, a trailing --- or ...
// are fine, a second document with content is an error at its ---. Syntax
// errors come from yaml.v3 as "yaml: line N: msg" and become
// file:N:C: invalid YAML: msg (SyntaxError), where C is the first
// non-blank character of the line (yaml.v3 gives no column, and its line
// is sometimes the start of the enclosing block rather than the exact
// place), or the tab itself for a tab in the indentation. Problems for
// which yaml.v3 gives no line (invalid UTF-8, control characters, an
// unknown anchor) are located by looking at the bytes. Common causes get a
// hint: a tab in the indentation, an unquoted ": " in a value, a key
// longer than YAML's 1,024 characters, a file saved as ANSI/Latin-1.
//
// # Walking
//
// A Walker resolves anchors and aliases (&a, *a) while walking: an aliased
// value behaves as if written out, and keeps the positions of the anchored
// text. Merge keys (<<: *a, <<: [*a, *b]) are expanded: the mapping's own
// keys win over merged ones, and earlier merged mappings over later ones.
// To stop alias bombs, a walk visits at most MaxAliasExpansion nodes beyond
// twice the number written in the file, and nesting is limited to MaxDepth
// levels; either limit halts the walk with a positioned error.
//
// # JSON values
//
// ToJSONValue decodes a document into the values JSON has, dates kept as
// the text they were written as, for checking a file against the JSON
// Schema of the region format (tender schema) in tests and tools.
//
// gopkg.in/yaml.v3 is imported only here and in package region (and its
// other subpackages).
package syntax
