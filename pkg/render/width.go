package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Optional name columns. The plan table always has a NAME column; the
// tables of risk, compare and overview are made to fit 100 columns
// without one and get it only on a terminal (or with COLUMNS) that leaves
// room for it: at least minNameWidth columns next to the others. On a pipe
// (Options.Width 0) they are as they always were.

// withColumn returns header and rows with a column inserted before index
// at: title over it and cells[i] in row i. The rows are copies.
func withColumn(header []string, rows [][]string, at int, title string, cells []string) ([]string, [][]string) {
	h := insertAt(header, at, title)
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = insertAt(r, at, cells[i])
	}
	return h, out
}

// withoutColumn returns header without the column at index i.
func withoutColumn(header []string, i int) []string {
	return slices.Delete(slices.Clone(header), i, i+1)
}

// withoutColumns returns copies of rows without the column at index i.
func withoutColumns(rows [][]string, i int) [][]string {
	out := make([][]string, len(rows))
	for j, r := range rows {
		out[j] = withoutColumn(r, i)
	}
	return out
}

// tableWidth is the width writeTable gives header and rows: the widest
// cell of each column and two spaces between columns.
func tableWidth(header []string, rows [][]string) int {
	n := 2 * (len(header) - 1)
	for _, w := range columnWidths(header, rows) {
		n += w
	}
	return n
}

func insertAt(ss []string, at int, s string) []string {
	out := make([]string, 0, len(ss)+1)
	out = append(out, ss[:at]...)
	out = append(out, s)
	return append(out, ss[at:]...)
}

// nameRoom is the room a terminal of opts' width leaves for a name column
// inserted before index at, or 0 when there is no terminal width or the
// room is less than minNameWidth.
func nameRoom(header []string, rows [][]string, at int, opts Options) int {
	if opts.Width <= 0 {
		return 0
	}
	h, rs := withColumn(header, rows, at, "", make([]string, len(rows)))
	if r := room(h, rs, at, opts.Width); r >= minNameWidth {
		return r
	}
	return 0
}

// note writes a line of text under a table, indented by two spaces. On a
// terminal (opts.Width set) it wraps at spaces to fit the width, each
// further line indented the same; a word longer than the width stays
// whole. On a pipe it is one line, as always.
func note(w io.Writer, text string, opts Options) {
	if opts.Width <= 0 {
		fmt.Fprintln(w, "  "+text)
		return
	}
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && 2+displayWidth(line)+1+displayWidth(word) > opts.Width {
			fmt.Fprintln(w, "  "+line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	fmt.Fprintln(w, "  "+line)
}
