package report

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdReport checks how flags become Options, without a report.
func TestNewCmdReport(t *testing.T) {
	cmdtest.Parse(t, NewCmdReport, []cmdtest.ParseCase[Options]{
		{Args: []string{"oost"}, Want: Options{Region: "oost", ReportOptions: cmdtest.Output("markdown")}},
		{Args: []string{"oost.yaml", "--baseline", "git:ab", "--tender", "j", "-o", "html", "--out", "r.html"},
			Want: Options{Region: "oost.yaml", Baseline: "git:ab", Tenders: []string{"j"}, ReportOptions: cmdutil.ReportOptions{Output: "html", Out: "r.html"}}},
		{Args: []string{"-", "--baseline", "-"}, WantErr: "--baseline - and REGION - both read standard input: give one of them as a file"},
		{Args: []string{"oost", "-o", "pdf"}, WantErr: `invalid --output "pdf" for report: use markdown, html`},
	})
}
