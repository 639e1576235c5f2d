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

// note writes a line of text under a table, indented by two spaces,
// wrapped to the width (see wrapped).
func note(w io.Writer, text string, opts Options) {
	for _, l := range wrapped(text, " ", opts.Width, "  ", "  ") {
		fmt.Fprintln(w, l)
	}
}

// wrapped breaks text after each sep (" " between words, ", " in a list)
// into lines of at most width columns, the first starting with first and
// the others with rest; a part longer than the width stays whole. Width 0
// (a pipe) gives one line, as always.
func wrapped(text, sep string, width int, first, rest string) []string {
	if width <= 0 {
		return []string{first + text}
	}
	var lines []string
	line, prefix := "", first
	for _, part := range strings.SplitAfter(text, sep) {
		if part == "" || part == sep && line == "" {
			continue
		}
		if line != "" && displayWidth(prefix+strings.TrimRight(line+part, " ")) > width {
			lines = append(lines, prefix+strings.TrimRight(line, " "))
			line, prefix = "", rest
		}
		line += part
	}
	return append(lines, prefix+strings.TrimRight(line, " "))
}
