package render

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/tender-nl/tender/pkg/calendar"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The Gantt picture (tender plan -o svg, and the picture of -o html).
//
// Layout is integer arithmetic in tenths of a pixel ("deci"), printed with
// one decimal: floating point could round differently where the compiler
// fuses a multiply and an add (arm64 does, amd64 does not), and the same
// plan must give the same bytes everywhere.
//
// Text is never measured by a font (there is none at render time): a
// character is taken to be 0.6 em wide (0.65 em in bold), which is the
// advance of the common monospace fonts and more than the average of the
// proportional ones. Every label is placed in a box of that estimated size
// that overlaps no other label and stays inside the canvas: milestone names
// and dates in a column of their own left of the chart (names longer than
// ganttMaxName characters are cut with an ellipsis, the full name is in the
// row's tooltip, and the column is clipped so a wide font cannot spill
// over), axis labels only where they fit their year, month or week, the
// today label in a strip of its own under the rows, and the legend wrapped
// to the canvas width.
const (
	ganttMargin     = 160 // canvas margin
	ganttFont       = 12  // px: names, dates, legend
	ganttTitleFont  = 16
	ganttSectFont   = 13
	ganttAxisFont   = 11
	ganttWeekFont   = 9
	ganttTitleH     = 360
	ganttBandH      = 180 // year and month bands of the axis
	ganttWeekBandH  = 160
	ganttRowH       = 220
	ganttSectionH   = 260
	ganttSectionGap = 80
	ganttStripH     = 220 // the today strip and each legend row
	ganttMaxName    = 40  // characters of a name before it is cut
	ganttMinName    = 12
	ganttMarkW      = 40 // the critical mark left of a name
	ganttDayPref    = 80 // preferred width of a day…
	ganttChartMin   = 4800
	ganttChartMax   = 8600 // …within these chart widths
	ganttWeekMin    = 50   // narrower weeks get no week band
	ganttWeekendMin = 40   // narrower days get no weekend shading
	ganttGridMin    = 30   // narrower months get no month grid lines
	ganttBottomAxis = 30   // more rows than this repeat the axis under them
)

// Colours of the picture.
const (
	colInk      = "#0f172a"
	colMuted    = "#475569"
	colFaint    = "#64748b"
	colBlue     = "#2563eb"
	colWindow   = "#bfdbfe"
	colRed      = "#dc2626"
	colRedDark  = "#991b1b"
	colCritWin  = "#fecaca"
	colDone     = "#94a3b8"
	colHoliday  = "#fcd34d"
	colClosed   = "#c4b5fd"
	colWeekend  = "#e2e8f0"
	colToday    = "#ea580c"
	colGrid     = "#e2e8f0"
	colYearGrid = "#94a3b8"
	colStripe   = "#f8fafc"
	colSection  = "#e2e8f0"
)

// ganttFontFamily uses the fonts of the system: the picture loads nothing.
const ganttFontFamily = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`

// textWidth is the estimated width in deci of s at size px.
func textWidth(s string, size int, bold bool) int {
	n := utf8.RuneCountInString(s)
	if bold {
		return (n*size*65 + 9) / 10
	}
	return n * size * 6
}

// fitText cuts s (with an ellipsis) to fit max deci at size px, or returns
// "" when not even one character and the ellipsis fit.
func fitText(s string, max, size int, bold bool) string {
	if textWidth(s, size, bold) <= max {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		t := strings.TrimRight(string(rs[:n]), " ") + "…"
		if textWidth(t, size, bold) <= max {
			return t
		}
	}
	return ""
}

// dx prints a deci value as pixels: 1234 → "123.4", 1230 → "123".
func dx(v int) string {
	if v%10 == 0 {
		return strconv.Itoa(v / 10)
	}
	if v < 0 {
		return "-" + dx(-v)
	}
	return strconv.Itoa(v/10) + "." + strconv.Itoa(v%10)
}

// xmlText escapes s for XML text and attributes and drops the control
// characters XML 1.0 cannot hold (a YAML "\x01" could bring one in).
func xmlText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
			return -1
		}
		return r
	}, s)
	return html.EscapeString(s)
}

// ganttPlan is one section of the picture.
type ganttPlan struct {
	Plan
	title string // the tender's name
	meta  string // its id, procedure and schedule
	cal   *calendar.Calendar
	top   int // the section header's top
	rows  int // the y of the first row
	end   int // below the last row
}

// gantt holds the layout of one picture.
type gantt struct {
	b    strings.Builder
	lang string
	cals *timeline.Planner // the regions' calendars

	w, h                           int
	nameX, nameW, dateEnd, cx0     int
	cw                             int
	hasAxis                        bool
	start, end                     date.Date // the axis: [start, end)
	days                           int
	axisTop, weekTop, axisEnd      int
	rowsTop, rowsEnd               int
	showWeeks, showWeekend         bool
	monthForm                      int // see chooseMonthForm
	today                          date.Date
	showToday                      bool
	sections                       []ganttPlan
	title                          string
	withTitle                      bool
	weekForm                       bool // week numbers fit
	bottomAxis                     int  // the top of the repeated axis, or 0
	anyOpen, anyHoliday, anyClosed bool
}

// PlanSVG writes the plans as one standalone SVG Gantt picture (see
// GanttSVG) with an XML declaration.
func PlanSVG(w io.Writer, plans []Plan, opts Options) error {
	_, err := io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"+GanttSVG(plans, opts))
	return err
}

// GanttSVG draws the plans as a Gantt picture and returns the <svg>
// element: a title; a time axis with years, months and ISO weeks (labelled
// where they fit); a section per tender with a row per milestone, holding
// the milestone's earliest–latest window (faded to the end of the axis
// when it has no latest date), the phase from the previous milestone, and
// a diamond on its planned date; the critical path in red; the holidays and
// closed periods of the tender's region shaded (weekends too, when a day is
// wide enough to see them); a line at opts.Today when it falls inside the
// axis; and a legend. Names and month names follow opts.Lang. It draws with
// SVG alone: no scripts, no external fonts, images or style sheets.
func GanttSVG(plans []Plan, opts Options) string { return ganttSVG(plans, opts, true) }

// ganttSVG draws the picture, with or without its title line (an HTML page
// has its own heading).
func ganttSVG(plans []Plan, opts Options, withTitle bool) string {
	g := &gantt{lang: langOr(opts.Lang), cals: opts.calendars(), today: opts.Today, withTitle: withTitle}
	g.layout(plans)
	g.draw()
	return g.b.String()
}

// ganttTitle is the title of a picture or page: the region's name when all
// plans are of one region, else a generic title.
func ganttTitle(plans []Plan, lang string) string {
	if singleRegion(plans) {
		return plans[0].Region.Name
	}
	return T(lang, "gantt.title")
}

func (g *gantt) layout(plans []Plan) {
	g.title = ganttTitle(plans, g.lang)
	nameRunes, dateW, lo, hi, rows := g.measure(plans)
	g.nameW = nameRunes * ganttFont * 6
	g.nameX = ganttMargin + ganttMarkW + 60
	g.dateEnd = g.nameX + g.nameW + 120 + dateW
	g.cx0 = g.dateEnd + 160
	g.cw = ganttChartMin
	if g.hasAxis {
		g.scale(lo, hi)
	}
	g.w = g.cx0 + g.cw + ganttMargin
	g.h = g.stack(rows) + ganttMargin
}

// measure makes the sections of the plans and finds the widest name (in
// runes, within ganttMinName and ganttMaxName) and date label, the span of
// the dates to draw (earliest, latest and baseline dates; hasAxis is set
// when there is one) and the number of milestone rows.
func (g *gantt) measure(plans []Plan) (nameRunes, dateW int, lo, hi date.Date, rows int) {
	lang := g.lang
	oneRegion := singleRegion(plans)
	nameRunes, dateW = ganttMinName, textWidth(titleCase(T(lang, "col.date")), ganttFont, true)
	nameRunes = max(nameRunes, utf8.RuneCountInString(titleCase(T(lang, "col.name"))))
	for _, p := range plans {
		rows += len(p.Result.Milestones)
		s := ganttPlan{Plan: p, title: sectionTitle(p, oneRegion)}
		s.meta = T(lang, "plan.tender", p.Tender.ID, ProcedureName(lang, p.Tender.Procedure), ScheduleName(lang, p.Result.Schedule))
		for _, m := range p.Result.Milestones {
			nameRunes = max(nameRunes, min(utf8.RuneCountInString(MilestoneName(lang, m.Milestone)), ganttMaxName))
			dateW = max(dateW, textWidth(g.dateLabel(m.Date), ganttFont, false))
			first, last := min(m.Earliest, m.Date), m.Date
			if m.Latest != nil {
				last = max(last, *m.Latest)
			} else {
				g.anyOpen = true
			}
			if !g.hasAxis {
				lo, hi, g.hasAxis = first, last, true
			}
			lo, hi = min(lo, first), max(hi, last)
			if p.Baseline != nil {
				if bd, _, ok := p.Baseline.Variance(m.Milestone.ID, m.Date); ok {
					lo, hi = min(lo, bd), max(hi, bd)
				}
			}
		}
		if len(p.Result.Milestones) > 0 {
			s.cal = g.cals.RegionCalendar(p.Region)
		}
		g.sections = append(g.sections, s)
	}
	return nameRunes, dateW, lo, hi, rows
}

// scale sets the axis to whole months around [lo, hi], the chart's width
// and what fits in it: week numbers, weekends, the month labels' form.
func (g *gantt) scale(lo, hi date.Date) {
	g.start = lo.FirstOfMonth()
	g.end = hi.FirstOfMonth().AddMonths(1)
	g.days = int(g.end - g.start)
	g.cw = min(max(g.days*ganttDayPref, ganttChartMin), ganttChartMax)
	g.showWeeks = g.cw*7/g.days >= ganttWeekMin
	g.showWeekend = g.cw/g.days >= ganttWeekendMin
	g.showToday = g.today >= g.start && g.today < g.end
	g.monthForm = g.chooseMonthForm()
	g.weekForm = textWidth("52", ganttWeekFont, false)+30 <= g.cw*7/g.days
}

// stack places the parts from the top: the title, the axis, each section
// with its rows, the repeated axis when there are more than
// ganttBottomAxis rows, the today strip and the legend; it returns the y
// below them.
func (g *gantt) stack(rows int) int {
	y := ganttMargin
	if g.withTitle {
		y += ganttTitleH
	}
	g.axisTop = y
	y += 2 * ganttBandH
	g.weekTop = y
	if g.showWeeks {
		y += ganttWeekBandH
	}
	g.axisEnd = y
	y += 40
	g.rowsTop = y
	for i := range g.sections {
		s := &g.sections[i]
		s.top = y
		y += ganttSectionH
		s.rows = y
		n := len(s.Result.Milestones)
		if !s.Result.Feasible || n == 0 {
			n = 1 // the note row
		}
		y += n * ganttRowH
		s.end = y
		y += ganttSectionGap
	}
	g.rowsEnd = y
	if g.hasAxis && rows > ganttBottomAxis {
		g.bottomAxis = y
		y += 2 * ganttBandH
	}
	if g.showToday {
		y += ganttStripH
	}
	return y + g.legend(y, false)
}

// xd is the x of the start of day d on the chart.
func (g *gantt) xd(d date.Date) int {
	return g.cx0 + int(int64(d-g.start)*int64(g.cw)/int64(g.days))
}

// mid is the x of the middle of day d.
func (g *gantt) mid(d date.Date) int { return (g.xd(d) + g.xd(d+1)) / 2 }

func (g *gantt) dateLabel(d date.Date) string { return WeekdayDate(g.lang, d) }

func (g *gantt) printf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

// text writes a <text> element; anchor is start, middle or end.
func (g *gantt) text(x, y, size int, bold bool, anchor, fill, s string, extra string) {
	g.printf(`<text x="%s" y="%s" font-size="%d"`, dx(x), dx(y), size)
	if bold {
		g.b.WriteString(` font-weight="bold"`)
	}
	if anchor != "start" {
		g.printf(` text-anchor="%s"`, anchor)
	}
	g.printf(` fill="%s"%s>%s</text>`+"\n", fill, extra, xmlText(s))
}

func (g *gantt) rect(x, y, w, h int, fill, extra string) {
	g.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"%s/>`+"\n", dx(x), dx(y), dx(w), dx(h), fill, extra)
}

func (g *gantt) line(x1, y1, x2, y2 int, stroke string, width int, extra string) {
	g.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s" stroke-width="%s"%s/>`+"\n",
		dx(x1), dx(y1), dx(x2), dx(y2), stroke, dx(width), extra)
}

// diamond draws a milestone marker centred on (x, y).
func (g *gantt) diamond(x, y, r int, fill, stroke string, strokeW int) {
	g.printf(`<path d="M%s %sL%s %sL%s %sL%s %sZ" fill="%s"`, dx(x), dx(y-r), dx(x+r), dx(y), dx(x), dx(y+r), dx(x-r), dx(y), fill)
	if stroke != "" {
		g.printf(` stroke="%s" stroke-width="%s"`, stroke, dx(strokeW))
	}
	g.b.WriteString("/>\n")
}

func (g *gantt) draw() {
	g.printf(`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="%d" role="img" aria-labelledby="gantt-title">`+"\n",
		dx(g.w), dx(g.h), dx(g.w), dx(g.h), ganttFontFamily, ganttFont)
	g.printf("<title id=\"gantt-title\">%s</title>\n", xmlText(g.title))
	g.b.WriteString("<defs>\n")
	g.printf(`<linearGradient id="gantt-open" x1="0" x2="1" y1="0" y2="0"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="%s" stop-opacity="0"/></linearGradient>`+"\n", colWindow, colWindow)
	g.printf(`<clipPath id="gantt-names"><rect x="%s" y="0" width="%s" height="%s"/></clipPath>`+"\n", dx(g.nameX), dx(g.nameW), dx(g.h))
	g.b.WriteString("</defs>\n")
	g.rect(0, 0, g.w, g.h, "#ffffff", "")
	if g.withTitle {
		g.text(ganttMargin, ganttMargin+220, ganttTitleFont, true, "start", colInk,
			fitText(g.title, g.w-2*ganttMargin, ganttTitleFont, true), ` class="title"`)
	}
	g.axis()
	for i := range g.sections {
		g.section(&g.sections[i])
	}
	if g.bottomAxis > 0 {
		g.bands(g.bottomAxis+ganttBandH, g.bottomAxis)
	}
	y := g.rowsEnd
	if g.bottomAxis > 0 {
		y = g.bottomAxis + 2*ganttBandH
	}
	if g.showToday {
		g.todayLine(y)
		y += ganttStripH
	}
	g.legend(y, true)
	g.b.WriteString("</svg>\n")
}

// axis draws the axis above the rows: years, months, ISO weeks, and the
// headings of the name and date columns.
func (g *gantt) axis() {
	lang := g.lang
	base := g.axisEnd - 50
	g.text(g.nameX, base, ganttFont, true, "start", colMuted, titleCase(T(lang, "col.name")), "")
	g.text(g.dateEnd, base, ganttFont, true, "end", colMuted, titleCase(T(lang, "col.date")), "")
	if !g.hasAxis {
		return
	}
	g.rect(g.cx0, g.axisTop, g.cw, g.axisEnd-g.axisTop, "#f1f5f9", "")
	g.bands(g.axisTop, g.axisTop+ganttBandH)
	if !g.showWeeks {
		return
	}
	// ISO weeks, from Monday to Sunday.
	cx1 := g.cx0 + g.cw
	g.line(g.cx0, g.weekTop, cx1, g.weekTop, colGrid, 10, "")
	first := g.start
	for first.Weekday() != time.Monday {
		first--
	}
	for d := first; d < g.end; d += 7 {
		from, to := max(d, g.start), min(d+7, g.end)
		x1, x2 := g.xd(from), g.xd(to)
		if d > g.start {
			g.line(x1, g.weekTop, x1, g.axisEnd, colDone, 5, "")
		}
		if !g.weekForm {
			continue
		}
		_, wk := d.Time().ISOWeek()
		label := strconv.Itoa(wk)
		if w := textWidth(label, ganttWeekFont, false); w+30 <= x2-x1 {
			g.text((x1+x2)/2, g.weekTop+115, ganttWeekFont, false, "middle", colFaint, label, "")
		}
	}
}

// bands draws a year band and a month band (at any order of yearTop and
// monthTop), with a label in each year and month where it fits.
func (g *gantt) bands(yearTop, monthTop int) {
	top := min(yearTop, monthTop)
	g.rect(g.cx0, top, g.cw, 2*ganttBandH, "#f1f5f9", "")
	g.line(g.cx0, max(yearTop, monthTop), g.cx0+g.cw, max(yearTop, monthTop), colGrid, 10, "")
	for y := g.start.Year(); y <= (g.end - 1).Year(); y++ {
		from := max(date.New(y, time.January, 1), g.start)
		to := min(date.New(y+1, time.January, 1), g.end)
		x1, x2 := g.xd(from), g.xd(to)
		if from > g.start {
			g.line(x1, top, x1, top+2*ganttBandH, colYearGrid, 10, "")
		}
		label := strconv.Itoa(y)
		if w := textWidth(label, ganttAxisFont, true); w+40 <= x2-x1 {
			g.text((x1+x2)/2, yearTop+130, ganttAxisFont, true, "middle", colInk, label, "")
		}
	}
	for m := g.start; m < g.end; m = m.AddMonths(1) {
		x1, x2 := g.xd(m), g.xd(m.AddMonths(1))
		if m > g.start && m.Month() != time.January {
			g.line(x1, monthTop, x1, monthTop+ganttBandH, colDone, 5, "")
		}
		if g.monthForm < 0 {
			continue
		}
		label := g.monthLabels(m)[g.monthForm]
		if w := textWidth(label, ganttAxisFont, false); w+40 <= x2-x1 {
			g.text((x1+x2)/2, monthTop+130, ganttAxisFont, false, "middle", colMuted, label, "")
		}
	}
}

// chooseMonthForm picks one form of month label for the whole axis (full
// names, short names or initials; -1 for none): the longest form in which
// every month's label fits the narrowest month, February, so that the axis
// does not mix "July" and "Sep".
func (g *gantt) chooseMonthForm() int {
	feb := g.cw * 28 / g.days
	for form := 0; form < 3; form++ {
		fits := true
		for m := time.January; m <= time.December; m++ {
			if textWidth(g.monthLabels(date.New(2001, m, 1))[form], ganttAxisFont, false)+40 > feb {
				fits = false
				break
			}
		}
		if fits {
			return form
		}
	}
	return -1
}

// monthLabels are the labels of month m, longest first.
func (g *gantt) monthLabels(m date.Date) []string {
	full := T(g.lang, "month."+strconv.Itoa(int(m.Month())))
	short := monthShort[g.lang][m.Month()-time.January]
	first, _ := utf8.DecodeRuneInString(short)
	return []string{full, short, strings.ToUpper(string(first))}
}

// section draws one tender: header, stripes, shading, grid and rows.
func (g *gantt) section(s *ganttPlan) {
	lang := g.lang
	x0, x1 := ganttMargin, g.w-ganttMargin
	g.printf("<g class=\"section\" data-region=\"%s\" data-tender=\"%s\">\n", xmlText(s.Result.Region), xmlText(s.Result.Tender))
	g.rect(x0, s.top+20, x1-x0, ganttSectionH-40, colSection, ` rx="3"`)
	title := fitText(s.title, x1-x0-120, ganttSectFont, true)
	g.text(x0+60, s.top+175, ganttSectFont, true, "start", colInk, title, "")
	if mx := x0 + 60 + textWidth(title, ganttSectFont, true) + 200; title == s.title && mx+textWidth(s.meta, ganttFont, false) <= x1-60 {
		g.text(mx, s.top+175, ganttFont, false, "start", colMuted, s.meta, "")
	}
	ms := s.Result.Milestones
	if !s.Result.Feasible || len(ms) == 0 {
		note := T(lang, "gantt.empty")
		fill := colMuted
		if !s.Result.Feasible {
			note, fill = T(lang, "gantt.infeasible"), colRedDark
		}
		g.text(g.nameX, s.rows+155, ganttFont, false, "start", fill, fitText(note, x1-g.nameX, ganttFont, false), ` class="note"`)
		g.b.WriteString("</g>\n")
		return
	}
	for i := range ms {
		if i%2 == 1 {
			g.rect(x0, s.rows+i*ganttRowH, x1-x0, ganttRowH, colStripe, "")
		}
	}
	g.shade(s)
	g.grid(s.rows, s.end)
	for i, m := range ms {
		var prev *timeline.Planned
		if i > 0 {
			prev = &ms[i-1]
		}
		g.row(s.rows+i*ganttRowH, m, prev, s.Baseline)
	}
	g.b.WriteString("</g>\n")
}

// shade draws the region's holidays and closed periods (and weekends when
// days are wide enough) behind the rows of a section.
func (g *gantt) shade(s *ganttPlan) {
	if s.cal == nil {
		return
	}
	days := s.cal.NonWorkdaysIn(g.start, g.end-1)
	top, h := s.rows, s.end-s.rows
	for i := 0; i < len(days); {
		d := days[i]
		j := i + 1
		for j < len(days) && days[j].Date == days[j-1].Date+1 && days[j].Kind == d.Kind && days[j].Name == d.Name {
			j++
		}
		last := days[j-1].Date
		i = j
		var fill string
		switch d.Kind {
		case calendar.KindHoliday:
			fill = colHoliday
			g.anyHoliday = true
		case calendar.KindClosed:
			fill = colClosed
			g.anyClosed = true
		default:
			if !g.showWeekend {
				continue
			}
			fill = colWeekend
		}
		x1, x2 := g.xd(d.Date), g.xd(last+1)
		if x2-x1 < 10 {
			x2 = x1 + 10
		}
		when := d.Date.String()
		if last > d.Date {
			when += " – " + last.String()
		}
		name := d.Name
		if d.Kind.Weekly() {
			name = T(g.lang, "gantt.shade."+DayKindID(d))
		}
		g.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" fill-opacity="0.55"><title>%s</title></rect>`+"\n",
			dx(x1), dx(top), dx(x2-x1), dx(h), fill, xmlText(name+" ("+when+")"))
	}
}

// grid draws the month and year lines between y1 and y2.
func (g *gantt) grid(y1, y2 int) {
	monthW := g.cw * 28 / g.days
	for m := g.start.AddMonths(1); m < g.end; m = m.AddMonths(1) {
		x := g.xd(m)
		switch {
		case m.Month() == time.January:
			g.line(x, y1, x, y2, colYearGrid, 10, "")
		case monthW >= ganttGridMin:
			g.line(x, y1, x, y2, colGrid, 10, "")
		}
	}
}

// row draws one milestone: mark, name, date, window, phase and diamond.
func (g *gantt) row(top int, m timeline.Planned, prev *timeline.Planned, base *Baseline) {
	cy := top + ganttRowH/2
	var bd date.Date
	var v int
	var hasBase bool
	if base != nil {
		bd, v, hasBase = base.Variance(m.Milestone.ID, m.Date)
	}
	class := "row"
	if m.Critical {
		class += " critical"
	}
	g.printf("<g class=\"%s\" data-id=\"%s\"><title>%s</title>\n", class, xmlText(m.Milestone.ID), xmlText(g.rowTip(m, bd, v, hasBase)))
	g.rowLabels(top, m)
	g.window(top, m)
	if prev != nil && m.Date > prev.Date {
		g.phase(cy, m, *prev)
	}
	fill, stroke := colBlue, ""
	switch {
	case m.Done:
		fill = colDone
	case m.Critical:
		fill = colRed
	}
	if m.Fixed && !m.Done {
		stroke = colInk
	}
	if hasBase {
		g.baselineMark(cy, bd, m.Date)
	}
	g.diamond(g.mid(m.Date), cy, 60, fill, stroke, 15)
	g.b.WriteString("</g>\n")
}

// rowTip is a row's tooltip: name, id, kind, date, earliest, latest,
// slack, status and the baseline date bd with its variance v (when
// hasBase).
func (g *gantt) rowTip(m timeline.Planned, bd date.Date, v int, hasBase bool) string {
	lang := g.lang
	tip := MilestoneName(lang, m.Milestone) + " (" + m.Milestone.ID + ") · " + KindName(lang, m.Milestone.Kind) + " · " + LongDate(lang, m.Date) +
		" · " + T(lang, "label.earliest") + " " + m.Earliest.String()
	if m.Latest != nil {
		tip += " · " + T(lang, "label.latest") + " " + m.Latest.String()
	}
	if m.Slack != nil {
		tip += " · " + T(lang, "label.slack") + " " + T(lang, "slack.days", *m.Slack)
	}
	if st := milestoneStatus(lang, m.Done, m.Fixed); st != "" {
		tip += " · " + st
	}
	if hasBase {
		tip += " · " + T(lang, "label.baseline") + " " + bd.String()
		if v != 0 {
			tip += " (" + signed(v, "d") + ")"
		}
	}
	return tip
}

// rowLabels draws a row's critical mark, name and date.
func (g *gantt) rowLabels(top int, m timeline.Planned) {
	nameFill := colInk
	switch {
	case m.Done:
		nameFill = colFaint
	case m.Critical:
		nameFill = colRedDark
	}
	if m.Critical {
		g.rect(ganttMargin+10, top+50, 30, ganttRowH-100, colRed, ` rx="1"`)
	}
	name := MilestoneName(g.lang, m.Milestone)
	g.text(g.nameX, top+155, ganttFont, false, "start", nameFill, fitText(name, g.nameW, ganttFont, false), ` clip-path="url(#gantt-names)"`)
	g.text(g.dateEnd, top+155, ganttFont, false, "end", nameFill, g.dateLabel(m.Date), "")
}

// window draws the window from earliest to latest, both days included;
// open to the chart's end when there is no latest.
func (g *gantt) window(top int, m timeline.Planned) {
	winFill := colWindow
	if m.Critical {
		winFill = colCritWin
	}
	x1 := g.xd(m.Earliest)
	if m.Latest != nil {
		x2 := max(g.xd(*m.Latest+1), x1+10)
		g.rect(x1, top+50, x2-x1, ganttRowH-100, winFill, ` rx="2" class="window"`)
	} else {
		g.rect(x1, top+50, g.cx0+g.cw-x1, ganttRowH-100, "url(#gantt-open)", ` class="window open"`)
	}
}

// phase draws the phase from the previous milestone to m.
func (g *gantt) phase(cy int, m, prev timeline.Planned) {
	fill := colBlue
	switch {
	case m.Done:
		fill = colDone
	case m.Critical && prev.Critical:
		fill = colRed
	}
	px1, px2 := g.mid(prev.Date), g.mid(m.Date)
	g.rect(px1, cy-25, px2-px1, 50, fill, ` class="phase"`)
}

// baselineMark draws the baseline: a thin grey line from the baseline
// date bd to the planned date d and a hollow diamond on bd.
func (g *gantt) baselineMark(cy int, bd, d date.Date) {
	bx, x := g.mid(bd), g.mid(d)
	if bx != x {
		g.rect(min(bx, x), cy+40, max(bx, x)-min(bx, x), 14, colMuted, ` class="baseline-shift"`)
	}
	g.printf(`<path class="baseline" d="M%s %sL%s %sL%s %sL%s %sZ" fill="none" stroke="%s" stroke-width="%s"/>`+"\n",
		dx(bx), dx(cy-45), dx(bx+45), dx(cy), dx(bx), dx(cy+45), dx(bx-45), dx(cy), colMuted, dx(12))
}

// todayLine draws the line at today over the rows and its label in the
// strip below them, kept inside the canvas.
func (g *gantt) todayLine(strip int) {
	x := g.mid(g.today)
	g.line(x, g.axisTop, x, g.rowsEnd, colToday, 15, ` stroke-dasharray="4 3" class="today"`)
	label := T(g.lang, "gantt.today", LongDate(g.lang, g.today))
	w := textWidth(label, ganttFont, true)
	lx := min(max(x-w/2, ganttMargin), g.w-ganttMargin-w)
	g.text(lx, strip+150, ganttFont, true, "start", colToday, label, "")
}

// legend lays out (and, when draw is set, draws) the legend from y,
// wrapping to the canvas width, and returns its height.
func (g *gantt) legend(y int, draw bool) int {
	items := g.legendItems(draw)
	x0, x1 := ganttMargin, g.w-ganttMargin
	x, rows := x0, 1
	if draw {
		g.b.WriteString("<g class=\"legend\">\n")
	}
	for _, it := range items {
		label := T(g.lang, it.key)
		w := 140 + 60 + textWidth(label, ganttFont, false)
		if x > x0 && x+w > x1 {
			x, y, rows = x0, y+ganttStripH, rows+1
		}
		if draw {
			it.swatch(x, y)
			g.text(x+200, y+155, ganttFont, false, "start", colMuted, fitText(label, x1-x-200, ganttFont, false), "")
		}
		x += w + 200
	}
	if draw {
		g.b.WriteString("</g>\n")
	}
	return rows * ganttStripH
}

// legendItem is one entry of the legend: its label's key and a function
// that draws its swatch at x, y.
type legendItem struct {
	key    string
	swatch func(x, y int)
}

// legendItems are the legend's entries: the marks every picture has, then
// those that this one shows (open windows, holidays, closed days,
// weekends, today). On layout (draw unset) it first scans the sections'
// shading, which layout has not drawn yet.
func (g *gantt) legendItems(draw bool) []legendItem {
	bar := func(fill, extra string) func(x, y int) {
		return func(x, y int) { g.rect(x, y+70, 140, 80, fill, extra) }
	}
	dia := func(fill, stroke string) func(x, y int) {
		return func(x, y int) { g.diamond(x+70, y+110, 55, fill, stroke, 15) }
	}
	items := []legendItem{
		{"gantt.legend.milestone", dia(colBlue, "")},
		{"gantt.legend.fixed", dia(colBlue, colInk)},
		{"gantt.legend.done", dia(colDone, "")},
		{"gantt.legend.critical", func(x, y int) { g.rect(x, y+90, 140, 40, colRed, ""); g.diamond(x+70, y+110, 55, colRed, "", 0) }},
		{"gantt.legend.phase", func(x, y int) { g.rect(x, y+90, 140, 40, colBlue, "") }},
		{"gantt.legend.window", bar(colWindow, ` rx="2"`)},
	}
	if g.anyOpen {
		items = append(items, legendItem{"gantt.legend.open", bar("url(#gantt-open)", "")})
	}
	if g.hasAxis {
		// Holidays and closed days count only when a section shades
		// them.
		if !draw {
			g.scanShading()
		}
		if g.anyHoliday {
			items = append(items, legendItem{"gantt.legend.holiday", bar(colHoliday, ` fill-opacity="0.55"`)})
		}
		if g.anyClosed {
			items = append(items, legendItem{"gantt.legend.closed", bar(colClosed, ` fill-opacity="0.55"`)})
		}
		if g.showWeekend {
			items = append(items, legendItem{"gantt.legend.weekend", bar(colWeekend, ` fill-opacity="0.55"`)})
		}
	}
	if g.showToday {
		items = append(items, legendItem{"gantt.legend.today", func(x, y int) {
			g.line(x+70, y+40, x+70, y+180, colToday, 15, ` stroke-dasharray="4 3"`)
		}})
	}
	return items
}

// scanShading finds whether any section has holidays or closed days on
// the axis, for the legend.
func (g *gantt) scanShading() {
	for _, s := range g.sections {
		if s.cal == nil {
			continue
		}
		for _, d := range s.cal.NonWorkdaysIn(g.start, g.end-1) {
			switch d.Kind {
			case calendar.KindHoliday:
				g.anyHoliday = true
			case calendar.KindClosed:
				g.anyClosed = true
			}
		}
	}
}
