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
	var b strings.Builder
	pr := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	// The canvas grows with the lines of the legend under the plot; the
	// header is written last, when its height is known.
	height := riskH
	focus := rep.Focus()
	name := rep.Tender.Name
	if name == "" {
		name = rep.Tender.ID
	}
	title := rep.Region.Name + " — " + name
	pr(`<title id="risk-title">%s</title>`+"\n", xmlText(title+": "+T(lang, "risk.svg.title")))
	pr(`<text x="%d" y="28" font-size="16" font-weight="bold" fill="%s">%s</text>`+"\n", riskLeft, colInk,
		xmlText(fitText(title, (riskW-riskLeft-riskRight)*10, 16, true)))
	what := T(lang, "risk.svg.none")
	if focus != nil {
		what = focus.Milestone.DisplayName() + " (" + focus.Milestone.ID + ")"
	}
	sub := T(lang, "risk.svg.sub", what, runsPhrase(lang, rep.Runs), strconv.FormatUint(rep.Seed, 10))
	pr(`<text x="%d" y="48" fill="%s">%s</text>`+"\n", riskLeft, colMuted,
		xmlText(fitText(sub, (riskW-riskLeft-riskRight)*10, riskFont, false)))
	if focus == nil || len(focus.Dist.Counts) == 0 {
		pr(`<text x="%d" y="%d" fill="%s">%s</text>`+"\n", riskLeft, riskTop+40, colRed, xmlText(T(lang, "risk.svg.empty")))
		return writeRiskSVG(w, &b, height)
	}

	// The range of dates: the runs, the planned date and the fixed dates.
	lo, hi := focus.Dist.First, focus.Dist.Last()
	var marks []riskMark
	if focus.Planned != nil {
		marks = append(marks, riskMark{d: *focus.Planned, label: T(lang, "risk.svg.planned"), color: colFaint})
	}
	for _, f := range rep.Fixed {
		if f.Milestone == focus.Milestone {
			marks = append(marks, riskMark{d: f.Date, color: colRed, fixed: true,
				label: T(lang, "risk.kind."+f.Kind) + " " + f.Date.String() + ": " + percent(lang, f.Holds, rep.Runs)})
		}
	}
	// Percentiles on the same date share one mark, "P50 = P80", so that
	// their labels are not drawn on top of each other.
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
	for _, m := range marks {
		lo, hi = min(lo, m.d), max(hi, m.d)
	}
	bin := 1
	switch span := int(hi-lo) + 1; {
	case span <= riskDailyBars:
	case span <= 7*riskMaxBars:
		bin = 7
		lo -= date.Date((int(lo.Weekday()) + 6) % 7) // back to Monday
	default:
		bin = (span + riskMaxBars - 1) / riskMaxBars
	}
	nbins := (int(hi-lo))/bin + 1
	counts := make([]int, nbins)
	top := 0
	for k, c := range focus.Dist.Counts {
		i := int(focus.Dist.First+date.Date(k)-lo) / bin
		counts[i] += c
		top = max(top, counts[i])
	}

	plotW, plotH := riskW-riskLeft-riskRight, riskH-riskTop-riskBottom
	// The legend, and the note on runs without a schedule, wrapped to the
	// plot's width.
	legend := T(lang, "risk.svg.legend")
	if bin == 7 {
		legend = T(lang, "risk.svg.legend.week")
	} else if bin > 7 {
		legend = T(lang, "risk.svg.legend.days", bin)
	}
	lines := wrapText(legend, plotW*10, riskFont)
	nlegend := len(lines)
	if rep.Unscheduled > 0 {
		lines = append(lines, wrapText(T(lang, "risk.unscheduled", groupDigits(lang, rep.Unscheduled), groupDigits(lang, rep.Runs)), plotW*10, riskFont)...)
	}
	height = riskTop + plotH + 36 + 15*len(lines)
	x := func(d date.Date) int { return riskLeft + int(d-lo)*plotW/(nbins*bin) }
	barW := max(1, plotW/nbins)
	base := riskTop + plotH

	// The y axis: the share of runs in tenths of a percent, up to a round
	// number with at most five grid steps.
	topShare := (top*1000 + rep.Runs - 1) / rep.Runs
	step := 1000
	for _, st := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500} {
		if topShare <= 5*st {
			step = st
			break
		}
	}
	axisTop := max(step, (topShare+step-1)/step*step)
	for v := 0; v <= axisTop; v += step {
		y := base - v*plotH/axisTop
		pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", riskLeft, y, riskLeft+plotW, y, colGrid)
		pr(`<text x="%d" y="%d" text-anchor="end" font-size="10" fill="%s">%s</text>`+"\n", riskLeft-6, y+4, colFaint, xmlText(percent(lang, v, 1000)))
	}
	// The bars, with the number of runs in each tooltip.
	for i, c := range counts {
		if c == 0 {
			continue
		}
		from := lo + date.Date(i*bin)
		h := max(1, c*1000*plotH/(rep.Runs*axisTop))
		tip := from.String()
		if bin > 1 {
			tip += " – " + (from + date.Date(bin-1)).String()
		}
		tip += ": " + T(lang, "risk.svg.runs", groupDigits(lang, c), percent(lang, c, rep.Runs))
		pr(`<rect x="%d" y="%d" width="%d" height="%d" fill="%s"><title>%s</title></rect>`+"\n",
			x(from), base-h, max(1, barW-1), h, colWindow, xmlText(tip))
	}
	// The date axis: a tick at every month start that leaves room for its
	// label.
	pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", riskLeft, base, riskLeft+plotW, base, colMuted)
	last := -1000
	for d := lo.FirstOfMonth(); d <= lo+date.Date(nbins*bin); d = d.AddMonths(1) {
		if d < lo {
			continue
		}
		px := x(d)
		y, m, _ := d.YMD()
		label := monthShort[langOr(lang)][m-time.January] + " " + strconv.Itoa(y)
		if px-last < textWidth(label, 10, false)/10+12 {
			continue
		}
		last = px
		pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`+"\n", px, base, px, base+5, colMuted)
		pr(`<text x="%d" y="%d" font-size="10" fill="%s">%s</text>`+"\n", px+2, base+16, colMuted, xmlText(label))
	}
	// The marks, with their labels in rows above the plot so that none
	// overlaps another.
	sort.SliceStable(marks, func(i, j int) bool { return marks[i].d < marks[j].d })
	rowEnd := []int{-1000, -1000, -1000}
	for _, m := range marks {
		// The middle of the mark's day.
		px := riskLeft + (2*int(m.d-lo)+1)*plotW/(2*nbins*bin)
		dash := ""
		if m.dashed {
			dash = ` stroke-dasharray="4 3"`
		}
		width := 1
		if m.fixed {
			width = 2
		}
		pr(`<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s" stroke-width="%d"%s/>`+"\n", px, riskTop-4, px, base, m.color, width, dash)
		lw := textWidth(m.label, 11, m.fixed)/10 + 8
		// The first row free at px, else the one that frees up first.
		row := 0
		for r := range rowEnd {
			if rowEnd[r] <= px {
				row = r
				break
			}
			if rowEnd[r] < rowEnd[row] {
				row = r
			}
		}
		anchor, tx := "start", px+3
		if px+lw > riskW-4 {
			anchor, tx = "end", px-3
		}
		rowEnd[row] = px + lw
		weight := ""
		if m.fixed {
			weight = ` font-weight="bold"`
		}
		pr(`<text x="%d" y="%d" text-anchor="%s" font-size="11" fill="%s"%s>%s</text>`+"\n",
			tx, riskTop-10-row*14, anchor, m.color, weight, xmlText(m.label))
	}
	for i, l := range lines {
		color := colMuted
		if i >= nlegend {
			color = colRed // the runs without a schedule
		}
		pr(`<text x="%d" y="%d" fill="%s">%s</text>`+"\n", riskLeft, base+36+i*15, color, xmlText(l))
	}
	return writeRiskSVG(w, &b, height)
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

// percent formats n/total as a percentage with one decimal, in the
// language's notation: 87.1% or 87,1%.
// runsPhrase is "1 run" or "10,000 runs" (grouped as lang groups digits).
func runsPhrase(lang string, n int) string {
	if n == 1 {
		return T(lang, "risk.runs.one")
	}
	return T(lang, "risk.runs.many", groupDigits(lang, n))
}

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
