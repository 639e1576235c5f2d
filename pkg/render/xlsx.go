package render

import (
	"io"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tender-nl/tender/pkg/date"
)

// The Excel workbooks (-o xlsx), written with excelize: real date cells
// (numbers with a date format, Dutch day-month-year under --lang nl), a
// frozen header row, an autofilter over the table, column widths that fit
// the longest cell, and the critical rows marked.

// xcell is one cell of a sheet: text, a date, a whole number, a boolean,
// or empty.
type xcell struct {
	text  string
	date  *date.Date
	num   *int
	flag  *bool
	empty bool
}

func xtext(s string) xcell { return xcell{text: s} }
func xdate(d date.Date) xcell {
	return xcell{date: &d}
}
func xdateOr(d *date.Date) xcell {
	if d == nil {
		return xcell{empty: true}
	}
	return xdate(*d)
}
func xint(n int) xcell { return xcell{num: &n} }
func xintOr(n *int) xcell {
	if n == nil {
		return xcell{empty: true}
	}
	return xint(*n)
}
func xbool(b bool) xcell { return xcell{flag: &b} }

// xsheet is one table: a header and rows; marked rows (the critical path,
// a moved milestone) are bold on a light red fill.
type xsheet struct {
	name   string
	header []string
	rows   [][]xcell
	marked []bool
}

// xbook builds a workbook of sheets. today stamps the document's
// properties, so the same input gives the same file.
type xbook struct {
	f     *excelize.File
	lang  string
	today date.Date
	first bool

	head, dateStyle, mark, markDate int
}

func newXBook(opts Options) (*xbook, error) {
	b := &xbook{f: excelize.NewFile(), lang: langOr(opts.Lang), today: opts.Today, first: true}
	stamp := time.Date(opts.Today.Year(), opts.Today.Month(), opts.Today.Day(), 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	if err := b.f.SetDocProps(&excelize.DocProperties{Creator: "tender", Created: stamp, Modified: stamp}); err != nil {
		return nil, err
	}
	dateFmt := "yyyy-mm-dd"
	if b.lang == "nl" {
		dateFmt = "dd-mm-yyyy"
	}
	red := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FDE2E2"}}
	if err := b.newStyles([]xstyle{
		{&b.head, &excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E2E8F0"}}}},
		{&b.dateStyle, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&b.mark, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "991B1B"}, Fill: red}},
		{&b.markDate, &excelize.Style{CustomNumFmt: &dateFmt, Font: &excelize.Font{Bold: true, Color: "991B1B"}, Fill: red}},
	}); err != nil {
		return nil, err
	}
	return b, nil
}

// xstyle is a style to add to the workbook and where to keep its id.
type xstyle struct {
	dst *int
	s   *excelize.Style
}

// newStyles adds the styles to the workbook in order (their ids, and so
// the file's bytes, follow the order).
func (b *xbook) newStyles(styles []xstyle) error {
	for _, s := range styles {
		var err error
		if *s.dst, err = b.f.NewStyle(s.s); err != nil {
			return err
		}
	}
	return nil
}

// sheet returns the name of a new sheet (the first renames Sheet1).
func (b *xbook) sheet(name string) (string, error) {
	if b.first {
		b.first = false
		return name, b.f.SetSheetName("Sheet1", name)
	}
	_, err := b.f.NewSheet(name)
	return name, err
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// table writes s as a sheet with its header frozen and an autofilter.
func (b *xbook) table(s xsheet) error {
	name, err := b.sheet(s.name)
	if err != nil {
		return err
	}
	f := b.f
	widths := make([]int, len(s.header))
	for c, h := range s.header {
		if err := f.SetCellStr(name, cellName(c+1, 1), h); err != nil {
			return err
		}
		widths[c] = utf8.RuneCountInString(h)
	}
	if err := f.SetCellStyle(name, "A1", cellName(len(s.header), 1), b.head); err != nil {
		return err
	}
	for r, row := range s.rows {
		marked := r < len(s.marked) && s.marked[r]
		for c, x := range row {
			if x.empty {
				continue
			}
			w, err := b.cell(name, cellName(c+1, r+2), x, marked)
			if err != nil {
				return err
			}
			if c < len(widths) {
				widths[c] = max(widths[c], w)
			}
		}
	}
	for c, w := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(name, col, col, float64(min(w, 60)+2)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	last := max(len(s.rows)+1, 2)
	return f.AutoFilter(name, "A1:"+cellName(len(s.header), last), nil)
}

// cell writes x (not empty) at ref, in the marked style when marked, and
// returns its width in characters.
func (b *xbook) cell(name, ref string, x xcell, marked bool) (int, error) {
	w, err := b.value(name, ref, x)
	if err != nil {
		return 0, err
	}
	st := -1
	switch {
	case x.date != nil && marked:
		st = b.markDate
	case x.date != nil:
		st = b.dateStyle
	case marked:
		st = b.mark
	}
	if st >= 0 {
		if err := b.f.SetCellStyle(name, ref, ref, st); err != nil {
			return 0, err
		}
	}
	return w, nil
}

// value writes x's value at ref and returns its width in characters.
func (b *xbook) value(name, ref string, x xcell) (int, error) {
	f := b.f
	switch {
	case x.date != nil:
		return 10, f.SetCellValue(name, ref, x.date.Time())
	case x.num != nil:
		return len(fmtInt(*x.num)), f.SetCellInt(name, ref, int64(*x.num))
	case x.flag != nil:
		return 5, f.SetCellBool(name, ref, *x.flag)
	default:
		return utf8.RuneCountInString(x.text), f.SetCellStr(name, ref, x.text)
	}
}

func fmtInt(n int) string {
	if n < 0 {
		return "-" + fmtInt(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return fmtInt(n/10) + string(rune('0'+n%10))
}

// write writes the workbook to w.
func (b *xbook) write(w io.Writer) error {
	defer b.f.Close()
	_, err := b.f.WriteTo(w)
	return err
}
