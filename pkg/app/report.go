package app

import (
	"io"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/risk"
)

// ReportRequest asks for the progress report of one region (tender
// report): the status on a.Today, the contract start and whether it
// holds, what changed since a baseline and why, the open findings, the
// Gantt picture and the scenarios.
type ReportRequest struct {
	Region   string   // one region file or id
	Tenders  []string // only these (none: all)
	Baseline string   // "": no section on changes
	Stdin    io.Reader
}

// ReportReport is the report's content, every number from the use-cases
// of the commands: Plan (with WithBaseline), Check, Risk, Diff, Compare.
type ReportReport struct {
	*render.Report
}

// Report gathers the report of one region.
func (a *App) Report(req ReportRequest) (*ReportReport, error) {
	args := []string{req.Region}
	plans, err := a.Plan(PlanRequest{Args: args, Tenders: req.Tenders, Findings: true})
	if err != nil {
		return nil, err
	}
	if len(plans.Plans) == 0 {
		return nil, Usagef("%s has no tenders to report on", req.Region)
	}
	var diffs *DiffReport
	if req.Baseline != "" {
		if err := a.WithBaseline(plans, BaselineRequest{Arg: req.Baseline, Stdin: req.Stdin}); err != nil {
			return nil, err
		}
		if diffs, err = a.Diff(DiffRequest{Old: req.Baseline, New: req.Region, Tenders: req.Tenders, Stdin: req.Stdin}); err != nil {
			return nil, err
		}
	}
	check, err := a.Check(CheckRequest{Args: args, Tenders: req.Tenders, Scenario: region.BaseScenario})
	if err != nil {
		return nil, err
	}
	if err := check.InputErrors(); err != nil {
		return nil, err
	}
	rep := &render.Report{Region: plans.Plans[0].Region, Today: a.Today, Baseline: req.Baseline}
	for _, p := range plans.Plans {
		rt := render.ReportTender{Plan: p}
		for _, run := range check.Runs {
			if run.Tender.ID == p.Tender.ID && run.Tender.Scenario == "" {
				rt.Findings = run.Findings
			}
		}
		if diffs != nil {
			for _, d := range diffs.Diffs {
				if d.Tender == p.Tender.ID {
					rt.Diff = d
				}
			}
		}
		if hasRisks(p.Tender) && p.Result.Feasible {
			rr, err := a.Risk(RiskRequest{Args: args, Tender: p.Tender.ID, Runs: risk.DefaultRuns, Seed: risk.DefaultSeed})
			if err != nil {
				return nil, err
			}
			rt.Risk = rr.Report
		}
		if len(p.Tender.ScenarioIDs()) > 0 {
			c, err := a.Compare(CompareRequest{Args: args, Tender: p.Tender.ID})
			if err != nil {
				return nil, err
			}
			rt.Scenarios = c.Comparison
		}
		rep.Tenders = append(rep.Tenders, rt)
	}
	return &ReportReport{rep}, nil
}

func hasRisks(t *region.Tender) bool {
	for _, m := range t.Milestones {
		if len(m.Risks) > 0 {
			return true
		}
	}
	return false
}
