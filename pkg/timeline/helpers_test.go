package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// The tests build regions in Go with a small notation: a milestone is an id
// and constraints written "LINE key: value", e.g.
//
//	ms("submission", "46 after: publication + 35d", "47 align: workday")
//
// so that every constraint has the line a chain must name.

const testFile = "test.yaml"

// d parses YYYY-MM-DD, also outside the years a region file may name.
func d(s string) date.Date {
	var y, m, dd int
	if n, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &dd); n != 3 || err != nil || !date.IsValid(y, time.Month(m), dd) {
		panic("bad test date " + s)
	}
	return date.New(y, time.Month(m), dd)
}

func dp(s string) *date.Date { x := d(s); return &x }

func ms(id string, cons ...string) *region.Milestone {
	m := &region.Milestone{ID: id, Kind: "other"}
	for _, c := range cons {
		lineText, rest, _ := strings.Cut(c, " ")
		line, err := strconv.Atoi(lineText)
		if err != nil {
			panic(c)
		}
		key, val, ok := strings.Cut(rest, ": ")
		if !ok {
			panic(c)
		}
		pos := region.Pos{Line: line, Column: 7}
		switch key {
		case "on", "done":
			f := &region.Fixed{Date: d(val), Pos: pos, KeyPos: pos}
			if key == "on" {
				m.On = f
			} else {
				m.Done = f
			}
		case "after", "before":
			e := parseExpr(val)
			e.Pos = pos
			if key == "after" {
				m.After = append(m.After, e)
			} else {
				m.Before = append(m.Before, e)
			}
		case "align":
			a, err := date.ParseAlignment(val)
			if err != nil {
				panic(err)
			}
			m.Align = &region.Align{Alignment: a, Text: val, Pos: pos}
		case "by":
			m.By = &region.BodyRef{Body: val, Pos: pos}
		case "kind":
			m.Kind = region.Kind(val)
		default:
			panic("unknown key " + key)
		}
	}
	return m
}

func parseExpr(s string) region.Expr {
	e := region.Expr{Text: s}
	f := strings.Fields(s)
	if x, err := date.Parse(f[0]); err == nil {
		e.Date = x
	} else {
		e.Ref = f[0]
	}
	if len(f) == 3 {
		e.Sign = 1
		if f[1] == "-" {
			e.Sign = -1
		}
		dur, err := date.ParseDuration(f[2])
		if err != nil {
			panic(err)
		}
		e.Dur = dur
	}
	return e
}

// nl is a region with the default calendar (Mon–Fri, Dutch holidays).
func nl(t *region.Tender) *region.Region {
	t.ID = "t"
	t.Pos = region.Pos{Line: 10, Column: 3}
	return &region.Region{ID: "r", Source: testFile, Tenders: []*region.Tender{t}}
}

func tender(ms ...*region.Milestone) *region.Tender {
	return &region.Tender{Milestones: ms}
}

// plan plans the tender and fails the test on an error.
func plan(tb testing.TB, r *region.Region, opts Options) *Result {
	tb.Helper()
	res, err := (&Planner{}).Plan(r, r.Tenders[0], opts)
	if err != nil {
		tb.Fatalf("Plan: %v", err)
	}
	return res
}

// byID returns the planned milestone with the id.
func byID(res *Result, id string) *Planned {
	for i := range res.Milestones {
		if res.Milestones[i].Milestone.ID == id {
			return &res.Milestones[i]
		}
	}
	return nil
}

// row is a compact view of a planned milestone for comparisons:
// "id date earliest latest slack flags".
func row(p *Planned) string {
	l, s := "-", "-"
	if p.Latest != nil {
		l, s = p.Latest.String(), strconv.Itoa(*p.Slack)
	}
	flags := ""
	if p.Critical {
		flags += "C"
	}
	if p.Fixed {
		flags += "F"
	}
	if p.Done {
		flags += "D"
	}
	return fmt.Sprintf("%s %s %s %s %s %s", p.Milestone.ID, p.Date, p.Earliest, l, s, flags)
}

func rows(res *Result) []string {
	out := make([]string, len(res.Milestones))
	for i := range res.Milestones {
		out[i] = strings.TrimSpace(row(&res.Milestones[i]))
	}
	return out
}
