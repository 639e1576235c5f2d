package render

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/rules"
)

// The JSON shape of `tender diff -o json`: dates YYYY-MM-DD or null, a
// line null on the side that lacks the input. "cause" (the change that
// binds a milestone's shift) and the files are additions.
type diffJSON struct {
	Diffs []diffEntryJSON `json:"diffs"`
}

type diffEntryJSON struct {
	Region        string                `json:"region"`
	Tender        string                `json:"tender"`
	OldFile       *string               `json:"old_file"`
	NewFile       string                `json:"new_file"`
	ContractStart diffPairJSON          `json:"contract_start"`
	Milestones    []diffMilestoneJSON   `json:"milestones"`
	Causes        []diffCauseJSON       `json:"causes"`
	Findings      diffFindingsJSON      `json:"findings"`
	Consequences  []diffConsequenceJSON `json:"consequences"`
}

type diffPairJSON struct {
	Old *date.Date `json:"old"`
	New *date.Date `json:"new"`
}

type diffMilestoneJSON struct {
	ID            string     `json:"id"`
	Old           *date.Date `json:"old"`
	New           *date.Date `json:"new"`
	ShiftDays     *int       `json:"shift_days"`
	ShiftWorkdays *int       `json:"shift_workdays"`
	State         string     `json:"state"`
	Cause         *string    `json:"cause"`
}

type diffCauseJSON struct {
	What    string   `json:"what"`
	OldLine *int     `json:"old_line"`
	NewLine *int     `json:"new_line"`
	Moved   []string `json:"moved"`
}

type diffFindingsJSON struct {
	Appeared    []findingJSON `json:"appeared"`
	Disappeared []findingJSON `json:"disappeared"`
}

type diffConsequenceJSON struct {
	Milestone string `json:"milestone"`
	What      string `json:"what"`
	Reference string `json:"reference"`
}

func lineOrNull(n int) *int {
	if n <= 0 {
		return nil
	}
	return &n
}

// DiffJSON writes the diffs as one JSON object, the findings' messages in
// lang; a cause's "what" is its English text (CauseText) in every
// language, as it always was, so that scripts can read it.
func DiffJSON(w io.Writer, diffs []*change.Diff, lang string) error {
	out := diffJSON{Diffs: []diffEntryJSON{}}
	for _, d := range diffs {
		e := diffEntryJSON{Region: d.Region, Tender: d.Tender, NewFile: d.NewFile,
			ContractStart: diffPairJSON{Old: d.ContractStart.Old, New: d.ContractStart.New},
			Milestones:    []diffMilestoneJSON{}, Causes: []diffCauseJSON{},
			Findings:     diffFindingsJSON{Appeared: findingsJSON(lang, d.Appeared), Disappeared: findingsJSON(lang, d.Disappeared)},
			Consequences: []diffConsequenceJSON{}}
		if d.OldFile != "" {
			f := d.OldFile
			e.OldFile = &f
		}
		for _, m := range d.Milestones {
			mj := diffMilestoneJSON{ID: m.ID, Old: m.Old, New: m.New, ShiftDays: m.ShiftDays, ShiftWorkdays: m.ShiftWorkdays, State: string(m.State)}
			if m.Cause >= 0 {
				w := CauseText("en", d.Causes[m.Cause])
				mj.Cause = &w
			}
			e.Milestones = append(e.Milestones, mj)
		}
		for _, c := range d.Causes {
			e.Causes = append(e.Causes, diffCauseJSON{What: CauseText("en", c), OldLine: lineOrNull(c.OldLine), NewLine: lineOrNull(c.NewLine), Moved: c.Moved})
		}
		for _, c := range d.Consequences {
			e.Consequences = append(e.Consequences, diffConsequenceJSON(c))
		}
		out.Diffs = append(out.Diffs, e)
	}
	return writeJSON(w, out)
}

// diffView is what the table, markdown and html of a diff show: one cell
// model, laid out three ways.
type diffView struct {
	title, sub   string
	header       []string
	rows         [][]string
	shifted      []bool
	contract     string
	causes       []string
	consequences []string
	appeared     []rules.Finding
	disappeared  []rules.Finding
}

func diffDate(lang string, d *date.Date) string {
	if d == nil {
		return markMissing
	}
	return WeekdayDate(lang, *d)
}

// causeText is a cause as a reason: "contract-start on: 2022-01-01 →
// 2022-07-01 (line 61)", with the line in each file.
func causeText(lang string, c change.Cause) string {
	what := CauseText(lang, c)
	switch {
	case c.OldLine > 0 && c.NewLine > 0 && c.OldLine != c.NewLine:
		return what + " (" + T(lang, "diff.lines", c.OldLine, c.NewLine) + ")"
	case c.NewLine > 0:
		return what + " (" + T(lang, "diff.line", c.NewLine) + ")"
	case c.OldLine > 0:
		return what + " (" + T(lang, "diff.oldline", c.OldLine) + ")"
	}
	return what
}

func newDiffView(d *change.Diff, lang string) diffView {
	v := diffView{title: d.Region + " — " + d.Tender}
	v.sub = T(lang, "diff.files", d.OldName, d.NewName)
	v.header = []string{T(lang, "col.id"), T(lang, "diff.old"), T(lang, "diff.new"), T(lang, "reschedule.shift"),
		T(lang, "reschedule.workdays"), T(lang, "col.status"), T(lang, "diff.because")}
	for _, m := range d.Milestones {
		days, wd := "", ""
		if m.ShiftDays != nil {
			days, wd = markSame, markSame
			if *m.ShiftDays != 0 {
				days, wd = signed(*m.ShiftDays, "d"), signed(*m.ShiftWorkdays, "wd")
			}
		}
		because := ""
		if m.Cause >= 0 {
			c := d.Causes[m.Cause]
			because = CauseShort(lang, c)
			switch {
			case c.NewLine > 0:
				because += " (" + T(lang, "diff.line", c.NewLine) + ")"
			case c.OldLine > 0:
				because += " (" + T(lang, "diff.oldline", c.OldLine) + ")"
			}
		}
		v.rows = append(v.rows, []string{m.ID, diffDate(lang, m.Old), diffDate(lang, m.New), days, wd, T(lang, "diff.state."+string(m.State)), because})
		v.shifted = append(v.shifted, m.Shifted())
	}
	cs := d.ContractStart
	switch {
	case cs.Old == nil && cs.New == nil:
	case cs.Old == nil || cs.New == nil:
		v.contract = T(lang, "diff.contract", diffDate(lang, cs.Old), diffDate(lang, cs.New), "")
	case *cs.Old == *cs.New:
		v.contract = T(lang, "diff.contract.same", LongDate(lang, *cs.New))
	default:
		v.contract = T(lang, "diff.contract", LongDate(lang, *cs.Old), LongDate(lang, *cs.New), " ("+signed(int(*cs.New-*cs.Old), "d")+")")
	}
	for _, c := range d.Causes {
		moved := T(lang, "diff.moved.none")
		if len(c.Moved) > 0 {
			moved = T(lang, "diff.moved", strings.Join(c.Moved, ", "))
		}
		v.causes = append(v.causes, causeText(lang, c)+"\n  "+moved)
	}
	v.consequences = consequenceLines(lang, d.Consequences)
	v.appeared, v.disappeared = d.Appeared, d.Disappeared
	return v
}

// DiffTable writes each tender's diff for people: the milestones then and
// now with their shift, state and the change that binds it, the contract
// start, the causes with their lines and what they moved, the legal
// consequences, and the findings that appear and disappear.
func DiffTable(w io.Writer, diffs []*change.Diff, opts Options) error {
	lang := opts.Lang
	for i, d := range diffs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		v := newDiffView(d, lang)
		fmt.Fprintln(w, style(opts.Color, ansiBold, v.title))
		fmt.Fprintln(w, style(opts.Color, ansiDim, v.sub))
		fmt.Fprintln(w)
		if err := writeTable(w, v.header, v.rows, []tw.Align{left, left, left, right, right, left, left}); err != nil {
			return err
		}
		fmt.Fprintln(w)
		if v.contract != "" {
			fmt.Fprintf(w, "  %s\n", v.contract)
		}
		list := func(title string, items []string) {
			if len(items) == 0 {
				return
			}
			fmt.Fprintf(w, "  %s\n", title)
			for _, s := range items {
				fmt.Fprintf(w, "    %s\n", strings.ReplaceAll(s, "\n", "\n    "))
			}
		}
		if len(v.causes) == 0 {
			fmt.Fprintf(w, "  %s\n", T(lang, "diff.nocauses"))
		}
		list(T(lang, "diff.causes", len(v.causes)), v.causes)
		list(T(lang, "diff.consequences"), v.consequences)
		findingList(w, lang, T(lang, "reschedule.added", len(v.appeared)), v.appeared)
		findingList(w, lang, T(lang, "reschedule.removed", len(v.disappeared)), v.disappeared)
		switch {
		case d.OldUnknown:
			fmt.Fprintf(w, "  %s\n", T(lang, "diff.findings.unknown"))
		case len(v.appeared) == 0 && len(v.disappeared) == 0:
			fmt.Fprintf(w, "  %s\n", T(lang, "reschedule.nofindings"))
		}
	}
	return nil
}

// DiffMarkdown writes each tender's diff as a memo section.
func DiffMarkdown(w io.Writer, diffs []*change.Diff, opts Options) error {
	var b strings.Builder
	diffMarkdown(&b, diffs, opts.Lang, "##")
	_, err := io.WriteString(w, b.String())
	return err
}

func diffMarkdown(b *strings.Builder, diffs []*change.Diff, lang, h string) {
	for i, d := range diffs {
		if i > 0 {
			b.WriteString("\n")
		}
		v := newDiffView(d, lang)
		fmt.Fprintf(b, "%s %s\n\n%s\n\n", h, mdEscape(v.title), mdEscape(v.sub))
		header := make([]string, len(v.header))
		for j, x := range v.header {
			header[j] = titleCase(x)
		}
		mdRow(b, header)
		b.WriteString("|---|---|---|--:|--:|---|---|\n")
		for j, r := range v.rows {
			cells := make([]string, len(r))
			for k, c := range r {
				cells[k] = mdEscape(c)
			}
			if v.shifted[j] {
				cells[0] = "**" + cells[0] + "**"
			}
			mdRow(b, cells)
		}
		b.WriteString("\n")
		if v.contract != "" {
			fmt.Fprintf(b, "- %s\n", mdEscape(v.contract))
		}
		if len(v.causes) == 0 {
			fmt.Fprintf(b, "- %s\n", mdEscape(T(lang, "diff.nocauses")))
		}
		for _, l := range v.lists(lang) {
			fmt.Fprintf(b, "\n**%s**\n\n", mdEscape(l.title))
			for _, s := range l.items {
				fmt.Fprintf(b, "- %s\n", mdEscape(s))
			}
		}
	}
}

// titledList is a list under a heading.
type titledList struct {
	title string
	items []string
}

// lists are the lists under a tender's diff, for the Markdown and the
// HTML: its causes, the consequences, the findings that appeared and those
// that disappeared; those without items are left out. Their titles lose
// the colon the table puts after them.
func (v *diffView) lists(lang string) []titledList {
	all := []titledList{
		{T(lang, "diff.causes", len(v.causes)), causesOneLine(v.causes)},
		{T(lang, "diff.consequences"), v.consequences},
		{T(lang, "reschedule.added", len(v.appeared)), findingLines(lang, v.appeared)},
		{T(lang, "reschedule.removed", len(v.disappeared)), findingLines(lang, v.disappeared)},
	}
	var out []titledList
	for _, l := range all {
		if len(l.items) > 0 {
			out = append(out, titledList{strings.TrimSuffix(l.title, ":"), l.items})
		}
	}
	return out
}

// findingLines are findings one per line, for lists: "warning summer: sub:
// MESSAGE (REFERENCE)", the message in lang on one line.
func findingLines(lang string, fs []rules.Finding) []string {
	var out []string
	for _, f := range fs {
		s := string(f.Severity) + " " + f.Rule + ": "
		if f.Milestone != nil {
			s += *f.Milestone + ": "
		}
		s += strings.ReplaceAll(FindingText(lang, f.Message), "\n", " ")
		if f.Reference != "" {
			s += " (" + f.Reference + ")"
		}
		out = append(out, s)
	}
	return out
}

// DiffHTML writes the diffs as one self-contained page (the plan page's
// style sheet).
func DiffHTML(w io.Writer, diffs []*change.Diff, opts Options) error {
	lang := langOr(opts.Lang)
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n",
		lang, html.EscapeString(T(lang, "diff.title")), htmlStyle)
	fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(T(lang, "diff.title")))
	diffHTMLBody(&b, diffs, lang)
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func diffHTMLBody(b *strings.Builder, diffs []*change.Diff, lang string) {
	e := html.EscapeString
	for _, d := range diffs {
		v := newDiffView(d, lang)
		fmt.Fprintf(b, "<h2>%s</h2>\n<p class=\"meta\">%s</p>\n<table>\n<tr>", e(v.title), e(v.sub))
		for _, h := range v.header {
			fmt.Fprintf(b, "<th>%s</th>", e(h))
		}
		b.WriteString("</tr>\n")
		for j, r := range v.rows {
			class := ""
			if v.shifted[j] {
				class = " class=\"critical\""
			}
			fmt.Fprintf(b, "<tr%s>", class)
			for k, c := range r {
				cl := ""
				switch k {
				case 1, 2:
					cl = " class=\"date\""
				case 3, 4:
					cl = " class=\"num\""
				}
				fmt.Fprintf(b, "<td%s>%s</td>", cl, e(c))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n<ul class=\"summary\">\n")
		if v.contract != "" {
			fmt.Fprintf(b, "<li>%s</li>\n", e(v.contract))
		}
		b.WriteString("</ul>\n")
		if len(v.causes) == 0 {
			fmt.Fprintf(b, "<p>%s</p>\n", e(T(lang, "diff.nocauses")))
		}
		for _, l := range v.lists(lang) {
			fmt.Fprintf(b, "<h3>%s</h3>\n<ul class=\"summary\">\n", e(l.title))
			for _, s := range l.items {
				fmt.Fprintf(b, "<li>%s</li>\n", e(s))
			}
			b.WriteString("</ul>\n")
		}
	}
}

// consequenceLines say each consequence in words, with its reference; the
// milestones whose change is internal only share one line.
func consequenceLines(lang string, cs []change.Consequence) []string {
	var out, internal []string
	for _, c := range cs {
		if c.What == change.ConsequenceInternal {
			internal = append(internal, c.Milestone)
			continue
		}
		s := c.Milestone + ": " + T(lang, "consequence."+c.What)
		if c.Reference != "" {
			s += " (" + c.Reference + ")"
		}
		out = append(out, s)
	}
	if len(internal) > 0 {
		out = append(out, T(lang, "consequence.internal.list", strings.Join(internal, ", ")))
	}
	return out
}

// causesOneLine puts the lines of each item on one line (a cause and what it
// moved: two lines in the terminal, one in a memo).
func causesOneLine(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = strings.ReplaceAll(s, "\n  ", ": ")
	}
	return out
}

// SlipText is tender diff's answer when --fail-on-slip fails: milestone
// (the contract start when "") is days later than in the old version old,
// more than limit.
func SlipText(lang, milestone string, days int, old string, limit int) string {
	what := milestone
	if what == "" {
		what = T(lang, "diff.slip.contract")
	}
	return T(lang, "diff.slip", what, plural(lang, "diff.slip.days", days), old, limit)
}
