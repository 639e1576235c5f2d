package app

import (
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tender-nl/tender/pkg/baseline"
	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/timeline"
)

// DiffRequest asks what changed between two versions of one region. Old
// and New are each a region file, -, a saved `tender plan -o json`, a
// region id, or git:REV (the other one's file at revision REV).
type DiffRequest struct {
	Old, New string
	Tenders  []string // only these tenders (none: all)
	Stdin    io.Reader
}

// DiffReport is the change of every tender of the region, in the new
// version's order, then the tenders only the old one has.
type DiffReport struct {
	Old, New string
	Diffs    []*change.Diff
}

// version is one side of a diff: a region (planned again) or saved plans.
type version struct {
	region *region.Region
	saved  *baseline.Baseline
}

// Diff compares two versions of a region: dates, causes, findings and
// the consequences of each change on a.Today.
func (a *App) Diff(req DiffRequest) (*DiffReport, error) {
	if req.Old == "-" && req.New == "-" {
		return nil, Usagef("OLD and NEW cannot both be - (standard input)")
	}
	if isGit(req.Old) && isGit(req.New) {
		return nil, Usagef("OLD and NEW cannot both be git:REV: name the region file as one of them (tender diff git:HEAD~1 regions/oost.yaml)")
	}
	var old, cur version
	var err error
	// The git:REV side is the other side's file at REV: load that first.
	if isGit(req.Old) {
		if cur, err = a.version(req.New, req.Stdin, nil); err != nil {
			return nil, err
		}
		old, err = a.version(req.Old, req.Stdin, cur.region)
	} else {
		if old, err = a.version(req.Old, req.Stdin, nil); err != nil {
			return nil, err
		}
		cur, err = a.version(req.New, req.Stdin, old.region)
	}
	if err != nil {
		return nil, err
	}
	if cur.region == nil {
		return nil, Usagef("NEW is a saved plan: give the region file (or git:REV) as NEW, so its inputs can be compared")
	}
	if err := a.CheckPolicy(); err != nil {
		return nil, err
	}
	rep := &DiffReport{Old: req.Old, New: req.New}
	tenders := append([]*region.Tender(nil), cur.region.Tenders...)
	if len(req.Tenders) > 0 {
		sel, err := SelectTenders([]*region.Region{cur.region}, req.Tenders, "")
		if err != nil {
			return nil, err
		}
		tenders = tendersOf(sel)
	}
	for _, t := range tenders {
		d, err := a.diffTender(old, cur.region, t)
		if err != nil {
			return nil, err
		}
		d.OldName, d.NewName = req.Old, req.New
		rep.Diffs = append(rep.Diffs, d)
	}
	return rep, nil
}

func isGit(arg string) bool { return strings.HasPrefix(arg, "git:") }

// version loads one side: git:REV of other's file, a file or - (a saved
// plan or a region file, by content), else a region id.
func (a *App) version(arg string, stdin io.Reader, other *region.Region) (version, error) {
	src := baseline.Source{Arg: arg, Stdin: stdin}
	if other != nil {
		src.Current, src.BuiltIn = other.Source, other.BuiltIn
	}
	if _, err := os.Stat(arg); err != nil && arg != "-" && !isGit(arg) {
		rs, err := a.Finder.Find([]string{arg})
		if err != nil {
			return version{}, err
		}
		if len(rs) != 1 {
			return version{}, Usagef("%s holds %d regions: give one region file", arg, len(rs))
		}
		return version{region: rs[0]}, nil
	}
	b, err := baseline.Load(src)
	if err != nil {
		return version{}, err
	}
	if b.Region != nil {
		return version{region: b.Region}, nil
	}
	return version{saved: b}, nil
}

// side plans tender t of r with the chains that bind each date, and
// runs the rules on it.
func (a *App) side(r *region.Region, t *region.Tender) (change.Side, []rules.Finding, error) {
	res, err := a.plan(r, t, timeline.Options{Explain: true})
	if err != nil {
		return change.Side{}, nil, PlanError(err)
	}
	var fs []rules.Finding
	if res.Feasible {
		fs = rules.Check(r, t, res, a.RulesOptions())
	}
	return change.FromResult(r, t, res), fs, nil
}

// diffTender compares tender t of the new region with the same tender of
// the old version.
func (a *App) diffTender(old version, r *region.Region, t *region.Tender) (*change.Diff, error) {
	cur, curFindings, err := a.side(r, t)
	if err != nil {
		return nil, err
	}
	var prev change.Side
	var prevFindings []rules.Finding
	switch {
	case old.region != nil:
		if ot := old.region.Tender(t.ID); ot != nil {
			if prev, prevFindings, err = a.side(old.region, ot); err != nil {
				return nil, err
			}
		}
	case old.saved != nil:
		p := old.saved.Plan(r.ID, t.ID)
		if p == nil {
			break
		}
		for _, m := range p.Milestones {
			prev.Dates = append(prev.Dates, change.Dated{ID: m.ID, Kind: m.Kind, Date: m.Date, Done: m.Done})
		}
		// A saved plan of a scenario that the new file still has, and
		// whose dates the scenario still gives: its inputs are the
		// scenario's, so the changes can be named line by line.
		if s, fs, ok := a.savedScenario(r, t, p); ok {
			prev, prevFindings = s, fs
		}
	}
	cal := a.Planner.RegionCalendar(r)
	replan := func(r *region.Region, t *region.Tender) (*timeline.Result, error) {
		return a.plan(r, t, timeline.Options{})
	}
	d, err := change.Compare(prev, cur, cal.WorkdaysBetween, replan)
	if err != nil {
		return nil, PlanError(err)
	}
	d.Region, d.Tender = r.ID, t.ID
	d.OldUnknown = prev.Region == nil
	d.Appeared = change.FindingsDelta(prevFindings, curFindings)
	d.Disappeared = change.FindingsDelta(curFindings, prevFindings)
	d.Consequences = change.Consequences(d, prev, cur, a.Today, t.Accelerated)
	return d, nil
}

// SlippedBy returns how many days later the contract start (or the
// milestone id) is in the new version than in the old: the most over
// every tender that has both dates, and whether one had.
func (r *DiffReport) SlippedBy(id string) (int, bool) {
	most, found := 0, false
	take := func(n int) {
		if !found || n > most {
			most, found = n, true
		}
	}
	for _, d := range r.Diffs {
		if id == "" {
			if d.ContractStart.Old != nil && d.ContractStart.New != nil {
				take(int(*d.ContractStart.New - *d.ContractStart.Old))
			}
			continue
		}
		for _, m := range d.Milestones {
			if m.ID == id && m.ShiftDays != nil {
				take(*m.ShiftDays)
			}
		}
	}
	return most, found
}

// Slip is the answer of --fail-on-slip when the watched milestone slipped
// too far: it is Days later in the new version, more than Limit.
type Slip struct {
	Milestone string // the milestone id, or "" for the contract start
	Days      int
	Limit     int
}

// FailOnSlip is the CI gate of tender diff --fail-on-slip: a Slip when the
// contract start (or the milestone id) is more than limit days later in
// the new version (SlippedBy), nil when it is not; a usage error when no
// tender has it in both versions.
func (r *DiffReport) FailOnSlip(id string, limit int) (*Slip, error) {
	what := "the contract start"
	if id != "" {
		what = id
	}
	days, ok := r.SlippedBy(id)
	if !ok {
		return nil, Usagef("--fail-on-slip: %s is not in both versions", what)
	}
	if days <= limit {
		return nil, nil
	}
	return &Slip{Milestone: id, Days: days, Limit: limit}, nil
}

// savedScenario replans the scenario a saved plan was made of, from the
// new file, and returns it when it gives every saved date.
func (a *App) savedScenario(r *region.Region, t *region.Tender, p *baseline.Plan) (change.Side, []rules.Finding, bool) {
	if p.Scenario == nil || !slices.Contains(t.ScenarioIDs(), *p.Scenario) {
		return change.Side{}, nil, false
	}
	st, err := t.WithScenario(*p.Scenario)
	if err != nil {
		return change.Side{}, nil, false
	}
	s, fs, err := a.side(r, st)
	if err != nil || len(s.Dates) != len(p.Milestones) {
		return change.Side{}, nil, false
	}
	for _, m := range p.Milestones {
		if d, ok := savedDate(s, m.ID); !ok || d != m.Date {
			return change.Side{}, nil, false
		}
	}
	return s, fs, true
}

func savedDate(s change.Side, id string) (date.Date, bool) {
	for _, d := range s.Dates {
		if d.ID == id {
			return d.Date, true
		}
	}
	return 0, false
}
