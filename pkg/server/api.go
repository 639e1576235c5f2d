package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/risk"
)

// stateFinder is the use-cases' finder: it answers from the regions the
// server loaded from its start arguments, by id, and never reads a path
// that a request names. No arguments are all the served regions.
type stateFinder struct{ s *Server }

func (f stateFinder) Find(args []string) ([]*region.Region, error) {
	st := f.s.current()
	if len(args) == 0 {
		return st.regions, st.err
	}
	out := make([]*region.Region, 0, len(args))
	for _, id := range args {
		r, err := st.findRegion(id)
		if err != nil {
			if st.err != nil {
				// The id may be that of the file that no longer loads:
				// its errors are the answer, as for the commands.
				return nil, st.err
			}
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// newApp builds the use-cases' App on the server's finder: one for every
// request and language (the App has none; only the printers do), so one
// planner cache and the config policy, parsed once.
func (s *Server) newApp() {
	c := s.opts.App
	c.Today = s.opts.Today
	s.app = app.New(stateFinder{s}, c)
}

// renderOptions are the printers' options for a page or an answer; the
// pictures draw in the App's calendars, those the plans were made in.
func (s *Server) renderOptions(lang string) render.Options {
	return render.Options{Lang: lang, Today: s.opts.Today, Width: 132, Calendars: s.app.Planner}
}

// apiError answers err as {"error": ...}: an id that names nothing 404
// with the ids that exist, a file that does not load 400 with its
// positioned errors, anything else the request got wrong 400. Never 500.
func apiError(w http.ResponseWriter, err error) {
	var unknown *app.UnknownError
	var el region.ErrorList
	switch {
	case errors.As(err, &unknown):
		writeJSON(w, http.StatusNotFound, errorBody{Error: unknown.Error(), Known: unknown.Known})
	case errors.As(err, &el):
		writeJSON(w, http.StatusBadRequest, errorBody{Error: firstLine(el.Error()), Errors: positions(el)})
	default:
		writeJSON(w, http.StatusBadRequest, errorBody{Error: err.Error()})
	}
}

// printJSON answers with what a printer writes.
func printJSON(w http.ResponseWriter, print func(io.Writer) error) {
	var b bytes.Buffer
	if err := print(&b); err != nil {
		apiError(w, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = b.WriteTo(w)
}

// answerJSON writes the JSON that print makes of a use-case's report, or
// the API error of the use-case.
func answerJSON[R any](w http.ResponseWriter, rep R, err error, print func(io.Writer, R) error) {
	if err != nil {
		apiError(w, err)
		return
	}
	printJSON(w, func(out io.Writer) error { return print(out, rep) })
}

// query reads the query's parameters; a parameter given twice is an error.
func query(r *http.Request, names ...string) (map[string]string, error) {
	q := r.URL.Query()
	out := map[string]string{}
	for _, n := range names {
		switch v := q[n]; len(v) {
		case 0:
		case 1:
			out[n] = v[0]
		default:
			return nil, app.Usagef("%s given %d times: give it once", n, len(v))
		}
	}
	return out, nil
}

func args(id string) []string {
	if id == "" {
		return nil
	}
	return []string{id}
}

func tenders(id string) []string {
	if id == "" {
		return nil
	}
	return []string{id}
}

// handleRegions is GET /api/regions: as tender regions -o json.
func (s *Server) handleRegions(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	printJSON(w, func(out io.Writer) error { return render.RegionsJSON(out, st.regions) })
}

// handlePlan is GET /api/plan?region=ID[&tender=ID][&scenario=NAME]: as
// tender plan -o json.
func (s *Server) handlePlan(w http.ResponseWriter, r *http.Request) {
	q, err := query(r, "region", "tender", "scenario")
	if err != nil {
		apiError(w, err)
		return
	}
	rep, err := s.app.Plan(app.PlanRequest{Args: args(q["region"]), Tenders: tenders(q["tender"]), Scenario: q["scenario"]})
	answerJSON(w, rep, err, func(out io.Writer, rep *app.PlanReport) error { return render.PlanJSON(out, rep.Plans, s.lang(r)) })
}

// handleCheck is GET /api/check?region=ID[&tender=ID][&scenario=NAME]: as
// tender check -o json.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	q, err := query(r, "region", "tender", "scenario")
	if err != nil {
		apiError(w, err)
		return
	}
	rep, err := s.app.Check(app.CheckRequest{Args: args(q["region"]), Tenders: tenders(q["tender"]), Scenario: q["scenario"]})
	answerJSON(w, rep, err, func(out io.Writer, rep *app.CheckReport) error {
		return render.CheckJSON(out, rep.CheckReport, s.lang(r))
	})
}

// handleOverview is GET /api/overview: as tender overview -o json.
func (s *Server) handleOverview(w http.ResponseWriter, r *http.Request) {
	rep, err := s.app.Overview(app.OverviewRequest{})
	answerJSON(w, rep, err, func(out io.Writer, rep *app.OverviewReport) error { return render.OverviewJSON(out, rep.Overview) })
}

// riskRequest reads the risk query: region, tender, scenario, runs, seed.
func riskRequest(r *http.Request) (app.RiskRequest, error) {
	q, err := query(r, "region", "tender", "scenario", "runs", "seed")
	if err != nil {
		return app.RiskRequest{}, err
	}
	req := app.RiskRequest{Args: args(q["region"]), Tender: q["tender"], Scenario: q["scenario"], Runs: risk.DefaultRuns, Seed: risk.DefaultSeed}
	if v, ok := q["runs"]; ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			return req, app.Usagef("invalid runs %q: give a number of runs from 1 to %d", v, risk.MaxRuns)
		}
		req.Runs = n
	}
	if v, ok := q["seed"]; ok {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return req, app.Usagef("invalid seed %q: give a whole number", v)
		}
		req.Seed = n
	}
	return req, nil
}

// handleRisk is GET /api/risk?region=ID&tender=ID[&scenario=][&runs=][&seed=]:
// as tender risk -o json.
func (s *Server) handleRisk(w http.ResponseWriter, r *http.Request) {
	req, err := riskRequest(r)
	if err != nil {
		apiError(w, err)
		return
	}
	rep, err := s.app.Risk(req)
	answerJSON(w, rep, err, func(out io.Writer, rep *app.RiskReport) error { return render.RiskJSON(out, rep.Report) })
}

// handleCompare is GET /api/compare?region=ID&tender=ID[&scenario=NAME...]:
// as tender compare -o json.
func (s *Server) handleCompare(w http.ResponseWriter, r *http.Request) {
	q, err := query(r, "region", "tender")
	if err != nil {
		apiError(w, err)
		return
	}
	rep, err := s.app.Compare(app.CompareRequest{Args: args(q["region"]), Tender: q["tender"], Scenarios: r.URL.Query()["scenario"]})
	answerJSON(w, rep, err, func(out io.Writer, rep *app.CompareReport) error {
		return render.CompareJSON(out, rep.Comparison, s.lang(r))
	})
}
