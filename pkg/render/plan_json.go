package render

import (
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// The JSON shape of `tender plan -o json` (README). Field order is the
// documented order; null where the README says null.
type planJSON struct {
	Plans []planEntryJSON `json:"plans" yaml:"plans"`
}

type planEntryJSON struct {
	Region     string          `json:"region" yaml:"region"`
	Tender     string          `json:"tender" yaml:"tender"`
	Scenario   *string         `json:"scenario" yaml:"scenario"`
	Schedule   region.Schedule `json:"schedule" yaml:"schedule"`
	Feasible   bool            `json:"feasible" yaml:"feasible"`
	Conflict   *conflictJSON   `json:"conflict" yaml:"conflict"`
	Milestones []milestoneJSON `json:"milestones" yaml:"milestones"`
	// Municipalities are the participating municipalities.
	Municipalities []string `json:"municipalities" yaml:"municipalities"`
	// Contract is the contract the tender replaces, or null.
	Contract *contractJSON `json:"contract" yaml:"contract"`
}

// contractJSON is the contract a plan's tender replaces: its start, its
// current end (with the options taken) and the notice deadline of its next
// option (null when none is left).
type contractJSON struct {
	ID               string     `json:"id" yaml:"id"`
	Start            date.Date  `json:"start" yaml:"start"`
	End              date.Date  `json:"end" yaml:"end"`
	NextOptionNotice *date.Date `json:"next_option_notice" yaml:"next_option_notice"`
}

// newContractJSON is the JSON of the contract r replaces, or nil.
func newContractJSON(r *timeline.Result) *contractJSON {
	c := r.Contract
	if c == nil {
		return nil
	}
	j := &contractJSON{ID: c.ID, Start: c.Start, End: c.End()}
	if ns := c.Notices(); len(ns) > 0 {
		d := ns[0].Deadline
		j.NextOptionNotice = &d
	}
	return j
}

type conflictJSON struct {
	Message string     `json:"message" yaml:"message"`
	Chain   []linkJSON `json:"chain" yaml:"chain"`
}

type linkJSON struct {
	Milestone  string `json:"milestone" yaml:"milestone"`
	Constraint string `json:"constraint" yaml:"constraint"`
	File       string `json:"file" yaml:"file"`
	Line       int    `json:"line" yaml:"line"`
}

type milestoneJSON struct {
	ID       string      `json:"id" yaml:"id"`
	Name     string      `json:"name" yaml:"name"`
	Kind     region.Kind `json:"kind" yaml:"kind"`
	Date     date.Date   `json:"date" yaml:"date"`
	Earliest date.Date   `json:"earliest" yaml:"earliest"`
	Latest   *date.Date  `json:"latest" yaml:"latest"`
	Slack    *int        `json:"slack" yaml:"slack"`
	Critical bool        `json:"critical" yaml:"critical"`
	Fixed    bool        `json:"fixed" yaml:"fixed"`
	Done     bool        `json:"done" yaml:"done"`
	By       *string     `json:"by" yaml:"by"`
	Bodies   *[]string   `json:"bodies" yaml:"bodies"`
	// Baseline and VarianceDays are there with --baseline only (the
	// outer pointer), null when the baseline lacks the milestone.
	Baseline     **date.Date `json:"baseline,omitempty" yaml:"baseline,omitempty"`
	VarianceDays **int       `json:"variance_days,omitempty" yaml:"variance_days,omitempty"`
}

// PlanJSON writes plans as the one JSON object of the README.
//
// It is written by hand, not by encoding/json: at 100,000 milestones the
// reflective encoder with indentation took more time than loading and
// planning together (testdata/bench.sh). The bytes are exactly those
// writeJSON(w, planJSON{…}) gives; TestPlanJSONMatchesEncodingJSON keeps it
// so, and planJSON stays the documented shape (-o yaml uses it). lang is
// the language of the conflict's message and of the names of derived
// milestones, the JSON's only words.
func PlanJSON(w io.Writer, plans []Plan, lang string) error {
	j := jsonWriter{w: w, b: make([]byte, 0, 64<<10), lang: lang}
	if len(plans) == 0 {
		j.raw("{\n  \"plans\": []\n}\n")
		return j.flush()
	}
	j.raw("{\n  \"plans\": [\n")
	for i, p := range plans {
		if i > 0 {
			j.raw(",\n")
		}
		j.plan(p.Result, p.Baseline)
		if j.err != nil {
			return j.err
		}
	}
	j.raw("\n  ]\n}\n")
	return j.flush()
}

// jsonWriter appends JSON to a buffer and writes it out in large pieces.
type jsonWriter struct {
	w   io.Writer
	b   []byte
	err error
	// lang is the language of the conflict's message and of the names of
	// derived milestones (the only words of the JSON).
	lang string
}

func (j *jsonWriter) raw(s string) { j.b = append(j.b, s...) }

func (j *jsonWriter) flush() error {
	if j.err == nil && len(j.b) > 0 {
		_, j.err = j.w.Write(j.b)
	}
	j.b = j.b[:0]
	return j.err
}

// key writes indent, "key": and a space.
func (j *jsonWriter) key(indent, k string) {
	j.b = append(j.b, indent...)
	j.b = append(j.b, '"')
	j.b = append(j.b, k...)
	j.b = append(j.b, '"', ':', ' ')
}

func (j *jsonWriter) str(s string) { j.b = appendJSONString(j.b, s) }

func (j *jsonWriter) strOrNull(s string) {
	if s == "" {
		j.raw("null")
		return
	}
	j.str(s)
}

// strings writes a list of strings as encoding/json indents it inside an
// object whose keys are at indent, or null for a nil list.
func (j *jsonWriter) strings(indent string, list []string) {
	if list == nil {
		j.raw("null")
		return
	}
	if len(list) == 0 {
		j.raw("[]")
		return
	}
	j.raw("[\n")
	for k, s := range list {
		if k > 0 {
			j.raw(",\n")
		}
		j.raw(indent + "  ")
		j.str(s)
	}
	j.raw("\n" + indent + "]")
}

func (j *jsonWriter) boolean(v bool) {
	if v {
		j.raw("true")
	} else {
		j.raw("false")
	}
}

func (j *jsonWriter) date(d date.Date) {
	j.b = append(j.b, '"')
	j.b = appendDate(j.b, d)
	j.b = append(j.b, '"')
}

// dateOrNull writes *d, or null where d is nil.
func (j *jsonWriter) dateOrNull(d *date.Date) {
	if d == nil {
		j.raw("null")
		return
	}
	j.date(*d)
}

// next writes the comma and line break that end the field before, then
// indent, "key": and a space.
func (j *jsonWriter) next(indent, k string) {
	j.raw(",\n")
	j.key(indent, k)
}

func (j *jsonWriter) int(n int) { j.b = strconv.AppendInt(j.b, int64(n), 10) }

// intOrNull writes *n, or null where n is nil.
func (j *jsonWriter) intOrNull(n *int) {
	if n == nil {
		j.raw("null")
		return
	}
	j.int(*n)
}

func (j *jsonWriter) plan(r *timeline.Result, base *Baseline) {
	const in = "      "
	j.raw("    {\n")
	j.key(in, "region")
	j.str(r.Region)
	j.next(in, "tender")
	j.str(r.Tender)
	j.next(in, "scenario")
	j.strOrNull(r.Scenario)
	j.next(in, "schedule")
	j.str(string(r.Schedule))
	j.next(in, "feasible")
	j.boolean(r.Feasible)
	j.next(in, "conflict")
	j.conflict(r.Conflict)
	j.next(in, "milestones")
	if len(r.Milestones) == 0 {
		j.raw("[]")
		j.planTail(r)
		return
	}
	j.raw("[\n")
	for k := range r.Milestones {
		if k > 0 {
			j.raw(",\n")
		}
		j.milestone(&r.Milestones[k], base)
		if len(j.b) >= 32<<10 && j.flush() != nil {
			return
		}
	}
	j.raw("\n      ]")
	j.planTail(r)
}

// milestone writes one planned milestone of a plan's list, with its
// baseline and variance when base is set.
func (j *jsonWriter) milestone(m *timeline.Planned, base *Baseline) {
	const mi = "          "
	j.raw("        {\n")
	j.key(mi, "id")
	j.str(m.Milestone.ID)
	j.next(mi, "name")
	j.str(MilestoneName(j.lang, m.Milestone))
	j.next(mi, "kind")
	j.str(string(m.Milestone.Kind))
	j.next(mi, "date")
	j.date(m.Date)
	j.next(mi, "earliest")
	j.date(m.Earliest)
	j.next(mi, "latest")
	j.dateOrNull(m.Latest)
	j.next(mi, "slack")
	j.intOrNull(m.Slack)
	j.next(mi, "critical")
	j.boolean(m.Critical)
	j.next(mi, "fixed")
	j.boolean(m.Fixed)
	j.next(mi, "done")
	j.boolean(m.Done)
	j.next(mi, "by")
	j.strOrNull(m.By)
	j.next(mi, "bodies")
	j.strings(mi, m.Bodies)
	if base != nil {
		d, v, ok := base.Variance(m.Milestone.ID, m.Date)
		j.next(mi, "baseline")
		if ok {
			j.date(d)
		} else {
			j.raw("null")
		}
		j.next(mi, "variance_days")
		if ok {
			j.int(v)
		} else {
			j.raw("null")
		}
	}
	j.raw("\n        }")
}

// planTail writes the fields that follow a plan's milestones, and closes
// the plan.
func (j *jsonWriter) planTail(r *timeline.Result) {
	const in = "      "
	j.next(in, "municipalities")
	if len(r.Municipalities) == 0 {
		j.raw("[]") // never null
	} else {
		j.strings(in, r.Municipalities)
	}
	j.next(in, "contract")
	if c := newContractJSON(r); c == nil {
		j.raw("null")
	} else {
		const ci = "        "
		j.raw("{\n")
		j.key(ci, "id")
		j.str(c.ID)
		j.next(ci, "start")
		j.date(c.Start)
		j.next(ci, "end")
		j.date(c.End)
		j.next(ci, "next_option_notice")
		j.dateOrNull(c.NextOptionNotice)
		j.raw("\n      }")
	}
	j.raw("\n    }")
}

func (j *jsonWriter) conflict(c *timeline.Conflict) {
	if c == nil {
		j.raw("null")
		return
	}
	const in = "        "
	j.raw("{\n")
	j.key(in, "message")
	j.str(ConflictMessage(j.lang, c))
	j.next(in, "chain")
	if len(c.Chain) == 0 {
		j.raw("[]\n      }")
		return
	}
	j.raw("[\n")
	const li = "            "
	for k, l := range c.Chain {
		if k > 0 {
			j.raw(",\n")
		}
		j.raw("          {\n")
		j.key(li, "milestone")
		j.str(l.Milestone)
		j.next(li, "constraint")
		j.str(LinkConstraint(&l))
		j.next(li, "file")
		j.str(l.File)
		j.next(li, "line")
		j.int(l.Line)
		j.raw("\n          }")
	}
	j.raw("\n        ]\n      }")
}

// appendDate appends d as YYYY-MM-DD, as Date.MarshalText does, without
// allocating.
func appendDate(b []byte, d date.Date) []byte {
	if !d.InRange() {
		return append(b, d.String()...)
	}
	y, m, day := d.YMD()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+day/10), byte('0'+day%10))
}

// appendJSONString appends s as a JSON string exactly as encoding/json does
// with SetEscapeHTML(false): quote, backslash and control characters
// escaped (\b \f \n \r \t by name, others as \u00XX), invalid UTF-8 as
// \ufffd, and U+2028 and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

func planEntry(r *timeline.Result, lang string) planEntryJSON {
	e := planEntryJSON{
		Region:         r.Region,
		Tender:         r.Tender,
		Scenario:       nullable(r.Scenario),
		Schedule:       r.Schedule,
		Feasible:       r.Feasible,
		Conflict:       conflict(lang, r.Conflict),
		Milestones:     make([]milestoneJSON, 0, len(r.Milestones)),
		Municipalities: append([]string{}, r.Municipalities...),
		Contract:       newContractJSON(r),
	}
	for _, m := range r.Milestones {
		e.Milestones = append(e.Milestones, milestoneJSON{
			ID:       m.Milestone.ID,
			Name:     MilestoneName(lang, m.Milestone),
			Kind:     m.Milestone.Kind,
			Date:     m.Date,
			Earliest: m.Earliest,
			Latest:   m.Latest,
			Slack:    m.Slack,
			Critical: m.Critical,
			Fixed:    m.Fixed,
			Done:     m.Done,
			By:       nullable(m.By),
			Bodies:   nullableList(m.Bodies),
		})
	}
	return e
}

// withBaseline gives each milestone of e its baseline and variance.
func withBaseline(e planEntryJSON, base *Baseline, r *timeline.Result) planEntryJSON {
	if base == nil {
		return e
	}
	for k := range e.Milestones {
		m := &e.Milestones[k]
		var bd *date.Date
		var vd *int
		if d, v, ok := base.Variance(m.ID, r.Milestones[k].Date); ok {
			bd, vd = &d, &v
		}
		m.Baseline, m.VarianceDays = &bd, &vd
	}
	return e
}

// conflict is the JSON of a conflict: its message in lang and its chain.
func conflict(lang string, c *timeline.Conflict) *conflictJSON {
	if c == nil {
		return nil
	}
	out := &conflictJSON{Message: ConflictMessage(lang, c), Chain: make([]linkJSON, 0, len(c.Chain))}
	for _, l := range c.Chain {
		out.Chain = append(out.Chain, linkJSON{Milestone: l.Milestone, Constraint: LinkConstraint(&l), File: l.File, Line: l.Line})
	}
	return out
}

// nullableList is nil for a nil list, so that YAML writes null as JSON does.
func nullableList(s []string) *[]string {
	if s == nil {
		return nil
	}
	return &s
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// writeJSON writes v indented, with a final newline, and without HTML
// escaping (names like "B&W" stay readable).
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
