package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter/tw"
)

// Marks of the comparison table.
const (
	markSame    = "·" // the same date as the base
	markMissing = "—" // the milestone is not in this plan
)

// CompareTable writes a comparison made for a board memo: a row per
// milestone, a column per plan (the base first). The base shows its dates;
// a scenario shows a date only where it differs from the base, with the
// shift in calendar and working days on the line under it, and a quiet ·
// where it does not. Milestones that only a scenario has are marked new;
// — is a milestone the plan does not have. Under the milestones: the
// contract start, the implementation period (award to contract start) and
// the number of errors and warnings of each plan. Then a legend, the
// scenarios' descriptions, and for each plan without a schedule its
// conflict.
//
// The table fits the width of Options: when the scenarios do not fit next
// to each other, it is printed in several blocks, each repeating the
// milestone and base columns.
func CompareTable(w io.Writer, c *Comparison, opts Options) error {
	lang := opts.Lang
	dim := func(s string) string { return style(opts.Color, ansiDim, s) }
	fmt.Fprintln(w, style(opts.Color, ansiBold, tenderTitle(c.Region, c.Tender)))
	subtitle := T(lang, "compare.subtitle", c.Tender.ID, len(c.Columns)-1)
	if len(c.Columns) == 2 {
		subtitle = T(lang, "compare.subtitle.one", c.Tender.ID)
	}
	fmt.Fprintln(w, dim(subtitle+" · "+regionSource(c.Region)))
	fmt.Fprintln(w)

	header := append([]string{T(lang, "compare.milestone")}, compareHeads(c, lang)...)
	g := compareTableGrid(c, opts, len(header))
	fixed := 2 // the milestone and base columns, in every block
	if limit := nameRoom(header, g.rows, 1, opts); limit > 0 {
		header, g.rows, g.shiftLine = withNames(header, g.rows, g.shiftLine, g.names, T(lang, "col.name"), limit)
		fixed = 3
	}
	if err := writeCompareBlocks(w, header, g, fixed, opts.width()); err != nil {
		return err
	}

	fmt.Fprintln(w)
	for _, l := range strings.Split(T(lang, "compare.legend", markSame, markMissing), "\n") {
		fmt.Fprintln(w, "  "+dim(l))
	}
	// The scenarios' descriptions, their names padded to the widest.
	width := 0
	for _, col := range c.Columns[1:] {
		width = max(width, displayWidth(col.Name))
	}
	compareDescriptions(w, c.Columns[1:], func(col ComparisonColumn) string {
		return fmt.Sprintf("  %-*s  %s", width, col.Name, col.Description)
	})
	for _, r := range compareRemarks(c, lang) {
		for _, n := range r.notes {
			fmt.Fprintf(w, "\n  %s: %s\n", r.label, n)
		}
		if r.infeasible {
			lines := strings.Split(r.conflict, "\n")
			fmt.Fprintf(w, "\n  %s: %s\n", r.label, style(opts.Color, ansiRed, lines[0]))
			for _, l := range lines[1:] {
				fmt.Fprintln(w, "  "+l)
			}
		}
	}
	return nil
}

// compareGrid is the body of a comparison table: each logical row is a
// line of dates and, where something moved, a line of shifts under it.
type compareGrid struct {
	rows      [][]string
	shiftLine []bool   // rows[i] is a line of shifts
	names     []string // the milestone's name on its line of dates
}

// add appends a logical row: its line of dates, and its line of shifts
// unless that is empty.
func (g *compareGrid) add(first, second []string) {
	g.rows, g.shiftLine = append(g.rows, first), append(g.shiftLine, false)
	if !allEmpty(second) {
		g.rows, g.shiftLine = append(g.rows, second), append(g.shiftLine, true)
	}
}

// compareTableGrid lays the cells of compareLines out for the table: the
// milestones, an empty line of width columns, then the summary lines.
func compareTableGrid(c *Comparison, opts Options, width int) *compareGrid {
	var g compareGrid
	milestones, summary := compareLines(c, opts.Lang)
	for _, l := range milestones {
		g.names = append(g.names, l.Name)
		g.add(compareTableLines(l, opts))
		for len(g.names) < len(g.rows) {
			g.names = append(g.names, "")
		}
	}
	g.rows, g.shiftLine = append(g.rows, make([]string, width)), append(g.shiftLine, false)
	for _, l := range summary {
		g.add(compareTableLines(l, opts))
	}
	for len(g.names) < len(g.rows) {
		g.names = append(g.names, "")
	}
	return &g
}

// compareTableLines dresses a line of cells for the table: the marks
// dimmed, and a cell's shift (or "new") on the line under its date.
func compareTableLines(l compareLine, opts Options) (first, second []string) {
	first, second = []string{l.ID + l.Label}, []string{""}
	for _, cell := range l.Cells {
		a, b := cell.Text, strings.Join(cell.Shift, " ")
		if cell.Mark {
			a = style(opts.Color, ansiDim, a)
		}
		if cell.New {
			b = T(opts.Lang, "compare.new")
		}
		first, second = append(first, a), append(second, b)
	}
	return first, second
}

// writeCompareBlocks writes the grid in blocks of columns that fit width
// (see compareBlocks), each block leaving out the lines of shifts that
// have nothing in it.
func writeCompareBlocks(w io.Writer, header []string, g *compareGrid, fixed, width int) error {
	for bi, cols := range compareBlocks(header, g.rows, fixed, width) {
		if bi > 0 {
			fmt.Fprintln(w)
		}
		h := pick(header, cols)
		var br [][]string
		for i, r := range g.rows {
			p := pick(r, cols)
			if g.shiftLine[i] && allEmpty(p) {
				continue
			}
			br = append(br, p)
		}
		align := make([]tw.Align, len(h))
		for i := range align {
			align[i] = left
		}
		if err := writeTable(w, h, br, align); err != nil {
			return err
		}
	}
	return nil
}

// compareDescriptions writes line(scenario) for each scenario with a
// description, after an empty line (nothing when none has one).
func compareDescriptions(w io.Writer, scenarios []ComparisonColumn, line func(ComparisonColumn) string) {
	first := true
	for _, col := range scenarios {
		if col.Description == "" {
			continue
		}
		if first {
			fmt.Fprintln(w)
			first = false
		}
		fmt.Fprintln(w, line(col))
	}
}

// withNames inserts a name column after the milestone column: a
// milestone's name on its line of dates, wrapped at limit onto its line of
// shifts (a line is added when it has none) and then cut.
func withNames(header []string, rows [][]string, shiftLine []bool, names []string, title string, limit int) ([]string, [][]string, []bool) {
	h := insertAt(header, 1, title)
	var out [][]string
	var shifts []bool
	for i, r := range rows {
		if shiftLine[i] {
			continue // written with its line of dates
		}
		lines := wrapWords(names[i], limit)
		if names[i] == "" {
			lines = []string{""}
		}
		out, shifts = append(out, insertAt(r, 1, lines[0])), append(shifts, false)
		second := ""
		if len(lines) > 1 {
			second = lines[1]
		}
		switch {
		case i+1 < len(rows) && shiftLine[i+1]:
			out, shifts = append(out, insertAt(rows[i+1], 1, second)), append(shifts, true)
		case second != "":
			extra := make([]string, len(h))
			extra[1] = second
			out, shifts = append(out, extra), append(shifts, true)
		}
	}
	return h, out, shifts
}

// compareBlocks splits the columns of a comparison into blocks that fit
// limit columns: each has the first fixed columns (the milestone,
// its name if shown, and the base) and as many scenario columns as fit (at
// least one).
func compareBlocks(header []string, rows [][]string, fixed, limit int) [][]int {
	width := columnWidths(header, rows)
	first, used0 := make([]int, fixed), 0
	for i := range fixed {
		first[i] = i
		used0 += width[i] + 2
	}
	var blocks [][]int
	cur, used := slices.Clone(first), used0
	for i := fixed; i < len(width); i++ {
		if len(cur) > fixed && used+width[i] > limit {
			blocks = append(blocks, cur)
			cur, used = slices.Clone(first), used0
		}
		cur = append(cur, i)
		used += width[i] + 2
	}
	return append(blocks, cur)
}

func pick(row []string, cols []int) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = row[c]
	}
	return out
}

func allEmpty(ss []string) bool {
	for _, s := range ss {
		if s != "" {
			return false
		}
	}
	return true
}
