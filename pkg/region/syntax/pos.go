package syntax

import (
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Pos is a position in a YAML file: 1-based line and column (in runes, as
// yaml.v3 counts them). The zero Pos means "not written in the file".
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.Line == 0 }

// NodePos is the position of a node: where its text (or its tag or
// anchor) starts.
func NodePos(n *yaml.Node) Pos { return Pos{Line: n.Line, Column: n.Column} }

// Error is one problem in a file, at a position.
type Error struct {
	File string
	Pos  Pos
	Msg  string // what is wrong, and what would fix it where that is known
}

// Error formats the problem as file:line:column: message.
func (e *Error) Error() string {
	switch {
	case e.Pos.Line > 0 && e.Pos.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Pos.Line, e.Pos.Column, e.Msg)
	case e.Pos.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Pos.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// ErrorList is every problem found in one or more files, in file and line
// order. Each line of its Error text is one problem.
type ErrorList []*Error

// Sort puts the problems in line and column order; problems at the same
// place keep their order.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Column < b.Column
	})
}

// Error prints one problem per line.
func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
