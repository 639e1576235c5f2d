package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/tender-nl/tender/pkg/rules"
)

// CheckGitHub writes each finding as a GitHub Actions workflow command,
// which the runner shows as an annotation on the file and line:
//
//	::error file=regions/achterhoek.yaml,line=57,col=9,title=standstill · achterhoek/inkoop-2022::message (Aw 2.127)
//
// Errors are ::error, warnings ::warning, infos ::notice. Values are
// escaped as the runner unescapes them: % CR LF in the message, and also
// : and , in the properties. The summary follows as a plain line. With
// quiet only the findings that fail the run are written.
//
// Input errors (files that did not load) come first, one ::error per
// error at its file, line and column, without a title, as quiet leaves
// them too: they always fail the run.
//
//	::error file=regions/broken.yaml,line=11,col=36::invalid date ...
func CheckGitHub(w io.Writer, rep *CheckReport, opts Options, quiet bool) error {
	lang := opts.Lang
	for _, e := range rep.Errors {
		props := []string{"file=" + escapeProperty(e.File)}
		if e.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", e.Pos.Line))
			if e.Pos.Column > 0 {
				props = append(props, fmt.Sprintf("col=%d", e.Pos.Column))
			}
		}
		if _, err := fmt.Fprintf(w, "::error %s::%s\n", strings.Join(props, ","), escapeData(e.Msg)); err != nil {
			return err
		}
	}
	for _, run := range rep.Runs {
		for _, f := range run.Findings {
			if quiet && !rules.Fails(f, rep.Strict) {
				continue
			}
			cmd := "notice"
			switch f.Severity {
			case rules.Error:
				cmd = "error"
			case rules.Warning:
				cmd = "warning"
			}
			title := f.Rule + " · " + f.Region + "/" + f.Tender
			if f.Scenario != nil {
				title += " · " + T(lang, "plan.scenario", *f.Scenario)
			}
			props := []string{"file=" + escapeProperty(f.File)}
			if f.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", f.Line))
				if f.Column > 0 {
					props = append(props, fmt.Sprintf("col=%d", f.Column))
				}
			}
			props = append(props, "title="+escapeProperty(title))
			msg := FindingText(lang, f.Message)
			if f.Reference != "" {
				msg += " (" + f.Reference + ")"
			}
			if _, err := fmt.Fprintf(w, "::%s %s::%s\n", cmd, strings.Join(props, ","), escapeData(msg)); err != nil {
				return err
			}
		}
	}
	if quiet {
		return nil
	}
	_, err := fmt.Fprintln(w, checkSummary(rep, lang))
	return err
}

// escapeData escapes a workflow command's message (actions/toolkit,
// command.ts escapeData).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value
// (actions/toolkit, command.ts escapeProperty).
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
