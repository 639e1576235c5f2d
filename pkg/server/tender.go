package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/url"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/risk"
	"github.com/tender-nl/tender/pkg/timeline"
)

// tenderView is what the tender page shows. Every part comes from a
// use-case and, where the commands print it, the command's printer.
type tenderView struct {
	RegionID, TenderID, Name, Source string
	BuiltIn                          bool
	SHA256                           string
	Scenario                         string // "" for the base
	Scenarios                        []option
	Conflict                         string // the plan has no schedule
	Gantt                            template.HTML
	Milestones                       []milestoneView
	Findings                         string
	Compare                          string
	Risk                             template.HTML
	RiskTable                        string
	WhatIf                           whatIfView
}

type option struct {
	Value, Label string
	Selected     bool
}

// milestoneView is one milestone's details: its dates and its constraints
// as written, with their lines.
type milestoneView struct {
	ID, Name, Kind, Date, Earliest, Latest, Slack string
	Critical, Done, Fixed                         bool
	Constraints                                   []constraintView
	// Why is the chain that binds the earliest date, as a conflict
	// chain's lines (render.WhyLines).
	Why []string
}

type constraintView struct {
	Text string
	Line int
}

// whatIfView is the what-if form and, once asked, reschedule's answer.
type whatIfView struct {
	Asked    bool
	Move     string // the milestone moved
	Date     string
	Keep     map[string]bool
	Answer   string // render.RescheduleTable
	Error    string
	Feasible bool
	Moves    []option
	Keeps    []option
	Body     string // the JSON body of the move for the write button
}

// handleTender is GET /region/ID/tender/ID[?scenario=][&move=&date=&keep=]:
// one tender's plan, findings, scenarios, risk and the what-if.
func (s *Server) handleTender(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	rg, t, err := st.findTender(r.PathValue("region"), r.PathValue("tender"))
	if err != nil {
		s.notFound(w, r, err.Error())
		return
	}
	lang := s.lang(r)
	p := s.newPage(r, st, rg.Name+" · "+displayName(t))
	v, err := s.tenderView(r, lang, rg, t)
	if err != nil {
		var unknown *app.UnknownError
		if errors.As(err, &unknown) {
			s.notFound(w, r, err.Error())
			return
		}
		p.Message = err.Error()
	}
	p.Tender = v
	s.render(w, http.StatusOK, "tender", p)
}

func displayName(t *region.Tender) string {
	if t.Name != "" {
		return t.Name
	}
	return t.ID
}

// tenderView runs the use-cases the tender page shows.
func (s *Server) tenderView(r *http.Request, lang string, rg *region.Region, t *region.Tender) (*tenderView, error) {
	a := s.app
	q := r.URL.Query()
	scenario := q.Get("scenario")
	if scenario == "base" {
		scenario = ""
	}
	v := &tenderView{RegionID: rg.ID, TenderID: t.ID, Name: displayName(t), Source: rg.Source, BuiltIn: rg.BuiltIn, SHA256: rg.SHA256, Scenario: scenario}
	v.Scenarios = scenarioOptions(lang, t, scenario)
	ropts := s.renderOptions(lang)
	plan, err := a.Plan(app.PlanRequest{Args: []string{rg.ID}, Tenders: []string{t.ID}, Scenario: scenario, Findings: true, Explain: true})
	if err != nil {
		return v, err
	}
	pl := plan.Plans[0]
	if pl.Result.Feasible {
		v.Gantt = template.HTML(render.GanttSVG(plan.Plans, ropts)) // the printer's SVG: escaped, well-formed XML
	} else if pl.Result.Conflict != nil {
		v.Conflict = render.ConflictMessage(lang, pl.Result.Conflict)
	}
	v.Milestones = milestoneViews(lang, pl)
	v.Findings = findingsText(a, rg, t, scenario, ropts)
	if len(t.Scenarios) > 0 {
		v.Compare = compareText(a, rg, t, ropts)
	}
	v.Risk, v.RiskTable = riskViews(a, rg, t, scenario, ropts)
	s.whatIf(a, q, v, pl, ropts)
	return v, nil
}

// scenarioOptions are the choices of the scenario menu: the base, then
// each scenario with its description; scenario ("" for the base) is
// selected.
func scenarioOptions(lang string, t *region.Tender, scenario string) []option {
	opts := []option{{Value: "base", Label: word(lang, "base"), Selected: scenario == ""}}
	for _, sc := range t.Scenarios {
		label := sc.ID
		if sc.Description != "" {
			label += ": " + sc.Description
		}
		opts = append(opts, option{Value: sc.ID, Label: label, Selected: sc.ID == scenario})
	}
	return opts
}

// milestoneViews are the rows of the milestones table: the planned
// milestones, or without a schedule the tender's milestones as written.
func milestoneViews(lang string, pl render.Plan) []milestoneView {
	var out []milestoneView
	for _, m := range pl.Result.Milestones {
		out = append(out, milestoneOf(lang, m))
	}
	if len(pl.Result.Milestones) == 0 {
		for _, m := range pl.Tender.Milestones {
			out = append(out, milestoneView{ID: m.ID, Name: m.DisplayName(), Kind: render.KindName(lang, m.Kind), Constraints: constraints(m)})
		}
	}
	return out
}

// findingsText is tender check's text for the tender in scenario ("" for
// the base), or "" when it cannot be had.
func findingsText(a *app.App, rg *region.Region, t *region.Tender, scenario string, ropts render.Options) string {
	if scenario == "" {
		scenario = "base"
	}
	chk, err := a.Check(app.CheckRequest{Args: []string{rg.ID}, Tenders: []string{t.ID}, Scenario: scenario})
	if err != nil {
		return ""
	}
	var b bytes.Buffer
	if render.CheckText(&b, chk.CheckReport, ropts, false) != nil {
		return ""
	}
	return b.String()
}

// compareText is tender compare's table of the tender, or "" when it
// cannot be had.
func compareText(a *app.App, rg *region.Region, t *region.Tender, ropts render.Options) string {
	cmp, err := a.Compare(app.CompareRequest{Args: []string{rg.ID}, Tender: t.ID})
	if err != nil {
		return ""
	}
	var b bytes.Buffer
	if render.CompareTable(&b, cmp.Comparison, ropts) != nil {
		return ""
	}
	return b.String()
}

// riskViews are tender risk's picture and table of the tender in scenario,
// when it has risks.
func riskViews(a *app.App, rg *region.Region, t *region.Tender, scenario string, ropts render.Options) (svg template.HTML, table string) {
	rk, err := a.Risk(app.RiskRequest{Args: []string{rg.ID}, Tender: t.ID, Scenario: scenario, Runs: risk.DefaultRuns, Seed: risk.DefaultSeed})
	if err != nil || rk.Risks == 0 {
		return "", ""
	}
	var sb, tb bytes.Buffer
	if render.RiskSVG(&sb, rk.Report, ropts) == nil {
		svg = template.HTML(sb.String()) // the printer's SVG
	}
	if render.RiskTable(&tb, rk.Report, ropts) == nil {
		table = tb.String()
	}
	return svg, table
}

// whatIf fills the what-if form and, when a move is asked, reschedule's
// answer, as tender reschedule prints it.
func (s *Server) whatIf(a *app.App, q url.Values, v *tenderView, pl render.Plan, ropts render.Options) {
	wi := &v.WhatIf
	wi.Move, wi.Date = q.Get("move"), q.Get("date")
	wi.Keep = map[string]bool{}
	for _, k := range q["keep"] {
		wi.Keep[k] = true
	}
	for _, m := range pl.Tender.Milestones {
		label := m.ID
		if pm := pl.Result.Milestone(m.ID); pm != nil && pl.Result.Feasible {
			label += " (" + pm.Date.String() + ")"
		}
		wi.Moves = append(wi.Moves, option{Value: m.ID, Label: label, Selected: m.ID == wi.Move})
		wi.Keeps = append(wi.Keeps, option{Value: m.ID, Label: m.ID, Selected: wi.Keep[m.ID]})
	}
	if wi.Move == "" || wi.Date == "" {
		return
	}
	wi.Asked = true
	var keeps []string
	for _, k := range q["keep"] {
		if k != wi.Move {
			keeps = append(keeps, k)
		}
	}
	body := moveBody{Region: v.RegionID, Tender: v.TenderID, Scenario: v.Scenario, Moves: map[string]string{wi.Move: wi.Date}, Keep: keeps, SHA256: v.SHA256}
	rep, err := a.Reschedule(body.request(false))
	if err != nil {
		wi.Error = err.Error()
		return
	}
	var b bytes.Buffer
	if err := render.RescheduleTable(&b, rep.Reschedule, ropts); err != nil {
		wi.Error = err.Error()
		return
	}
	wi.Answer = b.String()
	if !rep.Infeasible {
		wi.Feasible = true
	} else if len(rep.Conflicts()) > 0 && rep.Conflicts()[0].Conflict != nil {
		wi.Answer += "\n" + render.ConflictMessage(ropts.Lang, rep.Conflicts()[0].Conflict)
	}
	wi.Body = body.json()
}

func (b moveBody) json() string {
	out, _ := json.Marshal(b)
	return string(out)
}

// milestoneOf lays out one planned milestone's details.
func milestoneOf(lang string, m timeline.Planned) milestoneView {
	mv := milestoneView{ID: m.Milestone.ID, Name: render.MilestoneName(lang, m.Milestone), Kind: render.KindName(lang, m.Milestone.Kind),
		Date: render.WeekdayDate(lang, m.Date), Earliest: m.Earliest.String(),
		Critical: m.Critical, Done: m.Done, Fixed: m.Fixed, Constraints: constraints(m.Milestone)}
	mv.Why = render.WhyLines(lang, m.Why)
	if m.Latest != nil {
		mv.Latest = m.Latest.String()
	}
	if m.Slack != nil {
		mv.Slack = render.T(lang, "slack.days", *m.Slack)
	}
	return mv
}

// constraints are the milestone's date constraints as written in the
// file, with their lines.
func constraints(m *region.Milestone) []constraintView {
	var out []constraintView
	fixed := func(key string, f *region.Fixed) {
		if f != nil {
			out = append(out, constraintView{Text: key + ": " + f.Date.String(), Line: f.KeyPos.Line})
		}
	}
	fixed("done", m.Done)
	fixed("on", m.On)
	for _, e := range m.After {
		out = append(out, constraintView{Text: "after: " + e.Text, Line: e.Pos.Line})
	}
	for _, e := range m.Before {
		out = append(out, constraintView{Text: "before: " + e.Text, Line: e.Pos.Line})
	}
	if m.Align != nil {
		out = append(out, constraintView{Text: "align: " + m.Align.Text, Line: m.Align.Pos.Line})
	}
	if m.By != nil {
		out = append(out, constraintView{Text: "by: " + m.By.Text(), Line: m.By.Pos.Line})
	}
	return out
}
