package render

import (
	"strconv"
	"strings"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/rules"
)

// CheckRun is the outcome of tender check on one tender: its base, or one
// of its scenarios.
type CheckRun struct {
	Region *region.Region
	// Tender has the scenario applied; Tender.Scenario names it ("" for the base).
	Tender   *region.Tender
	Findings []rules.Finding
	// NotRun maps each rule that did not run to why (rules.NotRun); only
	// -o junit needs it.
	NotRun map[string]rules.Skip
}

// CheckReport is everything tender check prints.
type CheckReport struct {
	Runs []CheckRun
	// Regions and Tenders are the numbers checked; a tender's scenarios
	// count once, under their tender.
	Regions, Tenders int
	// Strict: warnings fail the run too (--strict).
	Strict bool
	// Errors are the input errors of the files that did not load (and of
	// tenders that could not be planned for another reason than their
	// constraints), at most region.MaxErrors per file as the loader gives
	// them. They make the exit code 2; the CI formats report them at
	// their line next to the findings of the files that did load.
	Errors region.ErrorList
}

// BrokenFiles lists the files of the input errors, each once, in order.
func (r *CheckReport) BrokenFiles() []string {
	var files []string
	seen := map[string]bool{}
	for _, e := range r.Errors {
		if !seen[e.File] {
			seen[e.File] = true
			files = append(files, e.File)
		}
	}
	return files
}

// Count adds up the findings of every run.
func (r *CheckReport) Count() (errors, warnings, infos int) {
	for _, run := range r.Runs {
		e, w, i := rules.Count(run.Findings)
		errors, warnings, infos = errors+e, warnings+w, infos+i
	}
	return errors, warnings, infos
}

// Fails reports whether any finding fails the run.
func (r *CheckReport) Fails() bool {
	for _, run := range r.Runs {
		for _, f := range run.Findings {
			if rules.Fails(f, r.Strict) {
				return true
			}
		}
	}
	return false
}

// plural picks the label KEY.one or KEY.many for n (catalogueSet.plural).
func plural(lang, key string, n int) string { return catalogues.plural(lang, key, n) }

// FindingsSummary says how many findings of each severity there are, for
// people: "1 error, 2 warnings", "none". Infos are named only when there
// are some.
func FindingsSummary(lang string, errors, warnings, infos int) string {
	if errors == 0 && warnings == 0 && infos == 0 {
		return T(lang, "check.none")
	}
	parts := []string{plural(lang, "check.errors", errors), plural(lang, "check.warnings", warnings)}
	if infos > 0 {
		parts = append(parts, plural(lang, "check.infos", infos))
	}
	return strings.Join(parts, ", ")
}

// checkSummary is the one-line summary under the text and github outputs.
func checkSummary(rep *CheckReport, lang string) string {
	e, w, i := rep.Count()
	verdict := T(lang, "check.ok")
	if rep.Fails() || len(rep.Errors) > 0 {
		verdict = T(lang, "check.fail")
	}
	found := FindingsSummary(lang, e, w, i)
	if n := len(rep.BrokenFiles()); n > 0 {
		found += "; " + plural(lang, "check.broken", n)
	}
	s := T(lang, "check.summary", plural(lang, "check.regions", rep.Regions), plural(lang, "check.tenders", rep.Tenders),
		found, verdict)
	if rep.Strict {
		s += " " + T(lang, "check.strict")
	}
	return s
}

// runTitle names a run for people: "Achterhoek — Inkoop 2022 · inkoop-2022
// · scenario original-plan".
func runTitle(run CheckRun, lang string) string {
	t := run.Tender
	title := run.Region.Name + " — "
	if t.Name != "" {
		title += t.Name + " · " + t.ID
	} else {
		title += t.ID
	}
	if t.Scenario != "" {
		title += " · " + T(lang, "plan.scenario", t.Scenario)
	}
	return title
}

// where formats a finding's position: file:line:column.
func where(f rules.Finding) string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Line > 0 {
		b.WriteString(":" + strconv.Itoa(f.Line))
		if f.Column > 0 {
			b.WriteString(":" + strconv.Itoa(f.Column))
		}
	}
	return b.String()
}

// severityRank orders severities errors first.
func severityRank(s rules.Severity) int {
	switch s {
	case rules.Error:
		return 0
	case rules.Warning:
		return 1
	}
	return 2
}
