package render

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tender-nl/tender/pkg/rules"
)

const ansiYellow = "\x1b[33m"

// CheckText writes the findings for people (tender check -o text): a block
// per tender and scenario with findings, errors first, each as
//
//	file:line:col: severity [rule] message
//	    reference
//
// (the first line is what editors and CI logs jump to), then a one-line
// summary. With Quiet only the findings that fail the run are printed, and
// no summary.
func CheckText(w io.Writer, rep *CheckReport, opts Options, quiet bool) error {
	lang := opts.Lang
	first := true
	for _, run := range rep.Runs {
		fs := slices.Clone(run.Findings)
		if quiet {
			fs = slices.DeleteFunc(fs, func(f rules.Finding) bool { return !rules.Fails(f, rep.Strict) })
		}
		if len(fs) == 0 {
			continue
		}
		// Errors first, then warnings, then infos; line order within each.
		slices.SortStableFunc(fs, func(a, b rules.Finding) int { return severityRank(a.Severity) - severityRank(b.Severity) })
		if !first {
			fmt.Fprintln(w)
		}
		first = false
		fmt.Fprintln(w, style(opts.Color, ansiBold, runTitle(run, lang)))
		for _, f := range fs {
			msg := strings.ReplaceAll(FindingText(lang, f.Message), "\n", "\n      ")
			fmt.Fprintf(w, "  %s: %s [%s] %s\n", where(f), severityWord(f.Severity, lang, opts.Color), f.Rule, msg)
			if f.Reference != "" {
				fmt.Fprintf(w, "      %s\n", style(opts.Color, ansiDim, f.Reference))
			}
		}
	}
	if quiet {
		return nil
	}
	if !first {
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintln(w, checkSummary(rep, lang))
	return err
}

// severityWord is the severity for people, coloured when allowed.
func severityWord(s rules.Severity, lang string, color bool) string {
	word := SeverityName(lang, s)
	switch s {
	case rules.Error:
		return style(color, ansiRed+ansiBold, word)
	case rules.Warning:
		return style(color, ansiYellow, word)
	}
	return style(color, ansiDim, word)
}
