package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/region"
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
	title := c.Region.Name + " — " + c.Tender.Name
	if c.Tender.Name == "" {
		title = c.Region.Name + " — " + c.Tender.ID
	}
	fmt.Fprintln(w, style(opts.Color, ansiBold, title))
	subtitle := T(lang, "compare.subtitle", c.Tender.ID, len(c.Columns)-1)
	if len(c.Columns) == 2 {
		subtitle = T(lang, "compare.subtitle.one", c.Tender.ID)
	}
	fmt.Fprintln(w, dim(subtitle+" · "+regionSource(c.Region)))
	fmt.Fprintln(w)

	header := []string{T(lang, "compare.milestone")}
	for i, col := range c.Columns {
		if i == 0 {
			header = append(header, T(lang, "compare.base"))
		} else {
			header = append(header, col.Name)
		}
	}
	// Each logical row is a line of dates and, where something moved, a
	// line of shifts under it.
	var rows [][]string
	var shiftLine []bool // rows[i] is a line of shifts
	var names []string   // the milestone's name on its line of dates
	add := func(first, second []string) {
		rows, shiftLine = append(rows, first), append(shiftLine, false)
		if !allEmpty(second) {
			rows, shiftLine = append(rows, second), append(shiftLine, true)
		}
	}
	// The table shows a cell's shift (or "new") on the line under its date.
	lines := func(l compareLine) ([]string, []string) {
		first, second := []string{l.ID + l.Label}, []string{""}
		for _, cell := range l.Cells {
			a, b := cell.Text, strings.Join(cell.Shift, " ")
			if cell.Mark {
				a = dim(a)
			}
			if cell.New {
				b = T(lang, "compare.new")
			}
			first, second = append(first, a), append(second, b)
		}
		return first, second
	}
	milestones, summary := compareLines(c, lang)
	for _, l := range milestones {
		names = append(names, l.Name)
		add(lines(l))
		for len(names) < len(rows) {
			names = append(names, "")
		}
	}
	rows, shiftLine = append(rows, make([]string, len(header))), append(shiftLine, false)
	for _, l := range summary {
		add(lines(l))
	}
	for len(names) < len(rows) {
		names = append(names, "")
	}
	fixed := 2 // the milestone and base columns, in every block
	if limit := nameRoom(header, rows, 1, opts); limit > 0 {
		header, rows, shiftLine = withNames(header, rows, shiftLine, names, T(lang, "col.name"), limit)
		fixed = 3
	}

	for bi, cols := range compareBlocks(header, rows, fixed, opts.width()) {
		if bi > 0 {
			fmt.Fprintln(w)
		}
		h := pick(header, cols)
		var br [][]string
		for i, r := range rows {
			p := pick(r, cols)
			// A line of shifts with nothing in this block is left out.
			if shiftLine[i] && allEmpty(p) {
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

	fmt.Fprintln(w)
	for _, l := range strings.Split(T(lang, "compare.legend", markSame, markMissing), "\n") {
		fmt.Fprintln(w, "  "+dim(l))
	}
	width := 0
	for _, col := range c.Columns[1:] {
		width = max(width, displayWidth(col.Name))
	}
	described := false
	for _, col := range c.Columns[1:] {
		if col.Description == "" {
			continue
		}
		if !described {
			fmt.Fprintln(w)
			described = true
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, col.Name, col.Description)
	}
	for _, col := range c.Columns {
		name := col.Name
		if name == region.BaseScenario {
			name = T(lang, "compare.base")
		}
		for _, n := range col.Notes {
			fmt.Fprintf(w, "\n  %s: %s\n", name, n)
		}
		if !col.Result.Feasible && col.Result.Conflict != nil {
			// The explanation starts "infeasible: …" itself.
			lines := strings.Split(col.Result.Conflict.Message, "\n")
			fmt.Fprintf(w, "\n  %s: %s\n", name, style(opts.Color, ansiRed, lines[0]))
			for _, l := range lines[1:] {
				fmt.Fprintln(w, "  "+l)
			}
		}
	}
	return nil
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
