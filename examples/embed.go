// Package examples holds the built-in regions, the region files compiled
// into the tender binary so that `tender plan` works on a fresh machine.
package examples

import "embed"

// FS holds the built-in region files, one per region, named ID.yaml.
//
//go:embed *.yaml
var FS embed.FS

// IDs are the built-in region ids, in the order `tender plan` prints them.
var IDs = []string{"twente", "achterhoek", "drenthe"}
