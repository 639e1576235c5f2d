package server

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/i18n"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/timeline"
)

// assets are the pages' style sheet, script and templates, compiled into
// the binary: the pages load nothing from anywhere else.
//
//go:embed assets
var assets embed.FS

// page is what every page's layout needs.
type page struct {
	Lang      string
	Title     string
	Version   int64
	ReadOnly  bool
	Errors    []positioned
	LangQuery string // "?lang=nl" when the page's language is not the server's
	Langs     []langLink
	Message   string
	Regions   []regionRow
	Tender    *tenderView
	Overview  []overviewRow
}

type langLink struct {
	Code, Label, Href string
	Current           bool
}

type regionRow struct {
	ID, Name, Source string
	Tenders          []tenderLink
}

type tenderLink struct {
	ID, Href string
}

// templates are parsed once per page: the layout and the page's content.
var templates = map[string]*template.Template{}

func init() {
	for _, name := range []string{"portfolio", "tender", "notfound"} {
		t := template.New(name).Funcs(template.FuncMap{"w": func(string) string { return "" }, "t": func(string) string { return "" }, "title": title})
		templates[name] = template.Must(t.ParseFS(assets, "assets/templates/layout.html", "assets/templates/"+name+".html"))
	}
}

// lang is the page's language: ?lang= when it names one, else the server's.
func (s *Server) lang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l != "" {
		return i18n.Lang(l)
	}
	return i18n.Lang(s.opts.Lang)
}

// newPage fills the layout's part of a page.
func (s *Server) newPage(r *http.Request, st *state, title string) *page {
	lang := s.lang(r)
	p := &page{Lang: lang, Title: title, Version: st.version, ReadOnly: s.opts.ReadOnly}
	if lang != i18n.Lang(s.opts.Lang) {
		p.LangQuery = "?lang=" + lang
	}
	for _, l := range i18n.Languages {
		q := r.URL.Query()
		q.Set("lang", l)
		p.Langs = append(p.Langs, langLink{Code: l, Label: strings.ToUpper(l), Href: r.URL.Path + "?" + q.Encode(), Current: l == lang})
	}
	if st.err != nil {
		p.Errors = positions(st.err)
	}
	return p
}

// render writes page p with the template name; the page's words are in its
// language.
func (s *Server) render(w http.ResponseWriter, code int, name string, p *page) {
	t, err := templates[name].Clone()
	if err == nil {
		t = t.Funcs(template.FuncMap{
			"w": func(k string) string { return word(p.Lang, k) },
			"t": func(k string) string { return render.T(p.Lang, k) }, // the printers' own words
		})
		var b bytes.Buffer
		if err = t.ExecuteTemplate(&b, "layout", p); err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(code)
			_, _ = b.WriteTo(w)
			return
		}
	}
	s.logf("page %s: %v", name, err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// withLang appends the page's language to a link when it is not the
// server's.
func withLang(href, langQuery string) string {
	if langQuery == "" {
		return href
	}
	if strings.Contains(href, "?") {
		return href + "&" + strings.TrimPrefix(langQuery, "?")
	}
	return href + langQuery
}

// tenderHref is the address of a tender's page.
func tenderHref(regionID, tenderID string) string {
	return "/region/" + url.PathEscape(regionID) + "/tender/" + url.PathEscape(tenderID)
}

// handlePortfolio is GET /: the overview of every tender, each a link to
// its page; the regions that load, when another file does not.
func (s *Server) handlePortfolio(w http.ResponseWriter, r *http.Request) {
	st := s.current()
	lang := s.lang(r)
	p := s.newPage(r, st, word(lang, "title"))
	ids := make([]string, 0, len(st.regions))
	for _, rg := range st.regions {
		ids = append(ids, rg.ID)
		row := regionRow{ID: rg.ID, Name: rg.Name, Source: rg.Source}
		if rg.BuiltIn {
			row.Source = word(lang, "builtin")
		}
		p.Regions = append(p.Regions, row)
	}
	if len(ids) > 0 {
		// By id, among the regions that loaded: one broken file does not
		// hide the others' tenders (the overlay shows its errors).
		rep, err := s.app.Overview(app.OverviewRequest{Args: ids})
		if err != nil {
			p.Message = err.Error()
		} else {
			p.Overview = overviewRows(lang, rep.Overview, p.LangQuery)
		}
	}
	s.render(w, http.StatusOK, "portfolio", p)
}

// overviewRow is one tender of the portfolio, as tender overview shows it.
type overviewRow struct {
	Region, RegionName, Tender, Name, Href, Procedure string
	Publication, Submission, Award, ContractStart     string
	Slack, Next                                       string
	Errors, Warnings                                  int
	Feasible                                          bool
}

func overviewRows(lang string, o *render.Overview, langQuery string) []overviewRow {
	day := func(p *timeline.Planned) string {
		if p == nil {
			return "—"
		}
		return p.Date.String()
	}
	out := make([]overviewRow, 0, len(o.Rows))
	for i := range o.Rows {
		r := &o.Rows[i]
		row := overviewRow{Region: r.Region.ID, RegionName: r.Region.Name, Tender: r.Tender.ID, Name: displayName(r.Tender),
			Href: withLang(tenderHref(r.Region.ID, r.Tender.ID), langQuery), Procedure: render.ProcedureName(lang, r.Tender.Procedure),
			Publication: day(r.Publication), Submission: day(r.Submission), Award: day(r.Award), ContractStart: day(r.ContractStart),
			Errors: r.Errors, Warnings: r.Warnings, Feasible: r.Result.Feasible, Slack: "—", Next: "—"}
		if sl := r.Slack(); sl != nil {
			row.Slack = render.T(lang, "slack.days", *sl)
		}
		if r.Next != nil {
			row.Next = r.Next.Milestone.ID + " " + render.WeekdayDate(lang, r.Next.Date)
		}
		out = append(out, row)
	}
	return out
}

// notFound answers a page that does not exist.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	st := s.current()
	p := s.newPage(r, st, word(s.lang(r), "notfound"))
	p.Message = msg
	s.render(w, http.StatusNotFound, "notfound", p)
}

// handleAsset is GET /assets/NAME: one embedded file by its exact name.
// There is no listing, and no name reaches outside the embedded files.
func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		writeError(w, http.StatusNotFound, "no asset "+name)
		return
	}
	data, err := fs.ReadFile(assets, "assets/"+name)
	if err != nil {
		writeError(w, http.StatusNotFound, "no asset "+name)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(data)
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.handlePortfolio)
	m.HandleFunc("GET /assets/{name}", s.handleAsset)
	m.HandleFunc("GET /events", s.handleEvents)
	m.HandleFunc("GET /region/{region}/tender/{tender}", s.handleTender)
	m.HandleFunc("GET /api/regions", s.handleRegions)
	m.HandleFunc("GET /api/plan", s.handlePlan)
	m.HandleFunc("GET /api/check", s.handleCheck)
	m.HandleFunc("GET /api/overview", s.handleOverview)
	m.HandleFunc("GET /api/risk", s.handleRisk)
	m.HandleFunc("GET /api/compare", s.handleCompare)
	m.HandleFunc("POST /api/reschedule", s.handleReschedule)
	m.HandleFunc("POST /api/write", s.handleWrite)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "no API route "+r.Method+" "+r.URL.Path)
	})
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.notFound(w, r, "no page "+r.URL.Path)
	})
	s.mux = m
}

// title writes a column heading of the printers' words as a heading of a
// page: "SLACK" and "contract start" become "Slack" and "Contract start".
func title(s string) string {
	if s == "" {
		return s
	}
	r := []rune(strings.ToLower(s))
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
