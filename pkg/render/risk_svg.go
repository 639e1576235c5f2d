package render

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/risk"
)

// The picture of tender risk -o svg: a histogram of the runs' dates of the
// contract start (risk.Report.Focus), with its fixed dates marked in red,
// the planned date in grey and P50, P80 and P95 as dashed lines.
//
// Everything is whole pixels and integer arithmetic, so the same report
// gives the same bytes on every machine. Bars are one day wide when the
// dates span at most 45 days, else one week (Monday to Sunday) up to 100
// weeks, else about a hundredth of the span. The y axis is the share of
// runs, with grid lines at round percentages.
const (
	riskW         = 760
	riskH         = 420
	riskLeft      = 64
	riskRight     = 28
	riskTop       = 96
	riskBottom    = 84 // the date axis and two lines of legend
	riskFont      = 12
	riskMaxBars   = 100
	riskDailyBars = 45 // more days than this get weekly bars
)

// RiskSVG draws the distribution of the contract start of a risk report.
func RiskSVG(w io.Writer, rep *risk.Report, opts Options) error {
	lang := opts.Lang
	var b svgBuf
	focus := rep.Focus()
	riskHeading(&b, rep, focus, lang)
	if focus == nil || len(focus.Dist.Counts) == 0 {
		b.pr(`<text x="%d" y="%d" fill="%s">%s</text>`+"\n", riskLeft, riskTop+40, colRed, xmlText(T(lang, "risk.svg.empty")))
		return writeRiskSVG(w, &b.Builder, riskH)
	}
	marks := riskMarks(rep, focus, lang)
	p := newRiskPlot(focus, marks, rep.Runs, lang)
	// The legend, and the note on runs without a schedule, wrapped to the
	// plot's width. The canvas grows with its lines; the header is
	// written last, when its height is known.
	lines, nlegend := p.legendLines(rep.Unscheduled)
	height := riskTop + p.plotH + 36 + 15*len(lines)
	p.yAxis(&b)
	p.bars(&b)
	p.dateAxis(&b)
	p.marks(&b, marks)
	for i, l := range lines {
		color := colMuted
		if i >= nlegend {
			color = colRed // the runs without a schedule
		}
		b.pr(`<text x="%d" y="%d" fill="%s">%s</text>`+"\n", riskLeft, p.base+36+i*15, color, xmlText(l))
	}
	return writeRiskSVG(w, &b.Builder, height)
}

// svgBuf is the body of an SVG picture being written.
type svgBuf struct{ strings.Builder }

func (b *svgBuf) pr(format string, args ...any) { fmt.Fprintf(&b.Builder, format, args...) }

// riskHeading writes the title of the picture and the line under it: the
// milestone, the number of runs and the seed.
func riskHeading(b *svgBuf, rep *risk.Report, focus *risk.Milestone, lang string) {
	title := tenderTitle(rep.Region, rep.Tender)
	b.pr(`<title id="risk-title">%s</title>`+"\n", xmlText(title+": "+T(lang, "risk.svg.title")))
	b.pr(`<text x="%d" y="28" font-size="16" font-weight="bold" fill="%s">%s</text>`+"\n", riskLeft, colInk,
		xmlText(fitText(title, (riskW-riskLeft-riskRight)*10, 16, true)))
	what := T(lang, "risk.svg.none")
	if focus != nil {
		what = MilestoneName(lang, focus.Milestone) + " (" + focus.Milestone.ID + ")"
	}
	sub := T(lang, "risk.svg.sub", what, runsPhrase(lang, rep.Runs), strconv.FormatUint(rep.Seed, 10))
	b.pr(`<text x="%d" y="48" fill="%s">%s</text>`+"\n", riskLeft, colMuted,
		xmlText(fitText(sub, (riskW-riskLeft-riskRight)*10, riskFont, false)))
}

// riskMarks are the vertical lines of the picture: the planned date, the
// fixed dates of the focus milestone with the share of runs that hold
// them, and the percentiles. Percentiles on the same date share one mark,
// "P50 = P80", so that their labels are not drawn on top of each other.
func riskMarks(rep *risk.Report, focus *risk.Milestone, lang string) []riskMark {
	var marks []riskMark
	if focus.Planned != nil {
		marks = append(marks, riskMark{d: *focus.Planned, label: T(lang, "risk.svg.planned"), color: colFaint})
	}
	for _, f := range rep.Fixed {
		if f.Milestone == focus.Milestone {
			marks = append(marks, riskMark{d: f.Date, color: colRed, fixed: true,
				label: FixedKindName(lang, f.Kind) + " " + f.Date.String() + ": " + percent(lang, f.Holds, rep.Runs)})
		}
	}
	for _, p := range []struct {
		d    *date.Date
		name string
	}{{focus.P50, "P50"}, {focus.P80, "P80"}, {focus.P95, "P95"}} {
		if p.d == nil {
			continue
		}
		if n := len(marks); n > 0 && marks[n-1].dashed && marks[n-1].d == *p.d {
			marks[n-1].label += " = " + p.name
			continue
		}
		marks = append(marks, riskMark{d: *p.d, label: p.name, color: colBlue, dashed: true})
	}
	return marks
}

// riskPlot is the histogram's geometry: bins of bin days from lo, the
// runs counted per bin, and the plot's place on the canvas.
type riskPlot struct {
	lang         string
	runs         int
	lo           date.Date
	bin, nbins   int
	counts       []int
	top          int // the largest count
	axisTop      int // the y axis's top, in tenths of a percent of the runs
	step         int // its grid step
	plotW, plotH int
	base         int // the y of the date axis
}

// newRiskPlot bins the runs' dates of focus over the range that also holds
// every mark: one day a bar up to riskDailyBars days, one week (from
// Monday) up to riskMaxBars weeks, else a hundredth of the span.
func newRiskPlot(focus *risk.Milestone, marks []riskMark, runs int, lang string) *riskPlot {
	lo, hi := focus.Dist.First, focus.Dist.Last()
	for _, m := range marks {
		lo, hi = min(lo, m.d), max(hi, m.d)
	}
	bin := 1
	switch span := int(hi-lo) + 1; {
	case span <= riskDailyBars:
	case span <= 7*riskMaxBars:
		bin = 7
		lo = monday(lo)
	default:
		bin = (span + riskMaxBars - 1) / riskMaxBars
	}
	p := &riskPlot{lang: lang, runs: runs, lo: lo, bin: bin, nbins: (int(hi-lo))/bin + 1,
		plotW: riskW - riskLeft - riskRight, plotH: riskH - riskTop - riskBottom}
	p.base = riskTop + p.plotH
	p.counts = make([]int, p.nbins)
	for k, c := range focus.Dist.Counts {
		i := int(focus.Dist.First+date.Date(k)-lo) / bin
		p.counts[i] += c
		p.top = max(p.top, p.counts[i])
	}
	p.axisTop, p.step = riskAxis(p.top, runs)
	return p
}

// x is the left edge of day d.
func (p *riskPlot) x(d date.Date) int { return riskLeft + int(d-p.lo)*p.plotW/(p.nbins*p.bin) }

// legendLines are the legend's lines and, after the first nlegend, the
// note on the runs without a schedule.
func (p *riskPlot) legendLines(unscheduled int) (lines []string, nlegend int) {
	legend := T(p.lang, "risk.svg.legend")
	if p.bin == 7 {
		legend = T(p.lang, "risk.svg.legend.week")
	} else if p.bin > 7 {
		legend = T(p.lang, "risk.svg.legend.days", p.bin)
	}
	lines = wrapText(legend, p.plotW*10, riskFont)
	nlegend = len(lines)
	if unscheduled > 0 {
		lines = append(lines, wrapText(T(p.lang, "risk.unscheduled", groupDigits(p.lang, unscheduled), groupDigits(p.lang, p.runs)), p.plotW*10, riskFont)...)
	}
	return lines, nlegend
}

// riskAxis is the top of the y axis for the largest count top of runs:
// the share of runs in tenths of a percent up to a round number, with at
// most five grid steps of step.
func riskAxis(top, runs int) (axisTop, step int) {
	topShare := (top*1000 + runs - 1) / runs
	step = 1000
	for _, st := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500} {
		if topShare <= 5*st {
			step = st
			break
		}
	}
	return max(step, (topShare+step-1)/step*step), step
}

// yAxis writes the grid lines with their percentages.
func (p *riskPlot) yAxis(b *svgBuf) {
	for v := 0; v <= p.axisTop; v += p.step {
		y := p.base - v*p.plotH/p.axisTop
		b.pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", riskLeft, y, riskLeft+p.plotW, y, colGrid)
		b.pr(`<text x="%d" y="%d" text-anchor="end" font-size="10" fill="%s">%s</text>`+"\n", riskLeft-6, y+4, colFaint, xmlText(percent(p.lang, v, 1000)))
	}
}

// bars writes the bars, with the number of runs in each tooltip.
func (p *riskPlot) bars(b *svgBuf) {
	barW := max(1, p.plotW/p.nbins)
	for i, c := range p.counts {
		if c == 0 {
			continue
		}
		from := p.lo + date.Date(i*p.bin)
		h := max(1, c*1000*p.plotH/(p.runs*p.axisTop))
		tip := from.String()
		if p.bin > 1 {
			tip += " – " + (from + date.Date(p.bin-1)).String()
		}
		tip += ": " + T(p.lang, "risk.svg.runs", groupDigits(p.lang, c), percent(p.lang, c, p.runs))
		b.pr(`<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s</title></rect>`+"\n",
			p.x(from), p.base-h, max(1, barW-1), h, colWindow, xmlText(tip))
	}
}

// dateAxis writes the date axis: a tick at every month start that leaves
// room for its label.
func (p *riskPlot) dateAxis(b *svgBuf) {
	b.pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", riskLeft, p.base, riskLeft+p.plotW, p.base, colMuted)
	last := -1000
	for d := p.lo.FirstOfMonth(); d <= p.lo+date.Date(p.nbins*p.bin); d = d.AddMonths(1) {
		if d < p.lo {
			continue
		}
		px := p.x(d)
		y, m, _ := d.YMD()
		label := monthShort[langOr(p.lang)][m-time.January] + " " + strconv.Itoa(y)
		if px-last < textWidth(label, 10, false)/10+12 {
			continue
		}
		last = px
		b.pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", px, p.base, px, p.base+5, colMuted)
		b.pr(`<text x="%d" y="%d" font-size="10" fill="%s">%s</text>`+"\n", px+2, p.base+16, colMuted, xmlText(label))
	}
}

// marks writes the marks, in date order, with their labels in rows above
// the plot so that none overlaps another.
func (p *riskPlot) marks(b *svgBuf, marks []riskMark) {
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].d < marks[j].d })
	rowEnd := []int{-1000, -1000, -1000}
	for _, m := range marks {
		// The middle of the mark's day.
		px := riskLeft + (2*int(m.d-p.lo)+1)*p.plotW/(2*p.nbins*p.bin)
		dash := ""
		if m.dashed {
			dash = ` stroke-dasharray="4 3"`
		}
		width, weight := 1, ""
		if m.fixed {
			width, weight = 2, ` font-weight="bold"`
		}
		b.pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="%d"%s/>`+"\n", px, riskTop-4, px, p.base, m.color, width, dash)
		lw := textWidth(m.label, 11, m.fixed)/10 + 8
		row := freeRow(rowEnd, px)
		anchor, tx := "start", px+3
		if px+lw > riskW-4 {
			anchor, tx = "end", px-3
		}
		rowEnd[row] = px + lw
		b.pr(`<text x="%d" y="%d" text-anchor="%s" font-size="11" fill="%s"%s>%s</text>`+"\n",
			tx, riskTop-10-row*14, anchor, m.color, weight, xmlText(m.label))
	}
}

// freeRow is the first row whose end is at or before px, else the one
// that frees up first.
func freeRow(rowEnd []int, px int) int {
	row := 0
	for r := range rowEnd {
		if rowEnd[r] <= px {
			return r
		}
		if rowEnd[r] < rowEnd[row] {
			row = r
		}
	}
	return row
}

// writeRiskSVG writes the svg element of the given height around body.
func writeRiskSVG(w io.Writer, body *strings.Builder, height int) error {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="%s" font-size="%d" role="img" aria-labelledby="risk-title">`+"\n",
		riskW, height, riskW, height, ganttFontFamily, riskFont)
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", riskW, height)
	b.WriteString(body.String())
	b.WriteString("</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

type riskMark struct {
	d      date.Date
	label  string
	color  string
	dashed bool
	fixed  bool
}

// wrapText breaks s at spaces into lines of at most width deci at size px
// (a word longer than that is cut).
func wrapText(s string, width, size int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		try := word
		if line != "" {
			try = line + " " + word
		}
		if textWidth(try, size, false) <= width || line == "" {
			line = fitText(try, width, size, false)
			continue
		}
		lines = append(lines, line)
		line = fitText(word, width, size, false)
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// runsPhrase is "1 run" or "10,000 runs" (grouped as lang groups digits).
func runsPhrase(lang string, n int) string {
	if n == 1 {
		return T(lang, "risk.runs.one")
	}
	return T(lang, "risk.runs.many", groupDigits(lang, n))
}

// percent formats n/total as a percentage with one decimal, in the
// language's notation: 87.1% or 87,1%.
func percent(lang string, n, total int) string {
	if total <= 0 {
		return "—"
	}
	// Integer rounding to tenths: the same bytes everywhere. Rounding never
	// says "always" or "never" when some run says otherwise: 9,999 of
	// 10,000 is ">99.9%", not "100.0%".
	tenths := (n*1000*2 + total) / (2 * total)
	s := strconv.Itoa(tenths/10) + "." + strconv.Itoa(tenths%10) + "%"
	switch {
	case tenths == 1000 && n < total:
		s = ">99.9%"
	case tenths == 0 && n > 0:
		s = "<0.1%"
	}
	if langOr(lang) == "nl" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
