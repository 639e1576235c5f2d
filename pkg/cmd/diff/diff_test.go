package diff

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdDiff checks how flags become Options, without running a diff.
func TestNewCmdDiff(t *testing.T) {
	cmdtest.Parse(t, NewCmdDiff, []cmdtest.ParseCase[Options]{
		{Args: []string{"git:HEAD~1", "oost.yaml"}, Want: Options{Old: "git:HEAD~1", New: "oost.yaml", FailOnSlip: -1, ReportOptions: cmdtest.Output("table")}},
		{Args: []string{"a.json", "b.yaml", "--fail-on-slip", "14", "--milestone", "publicatie", "-o", "json"},
			Want: Options{Old: "a.json", New: "b.yaml", FailOnSlip: 14, Milestone: "publicatie", ReportOptions: cmdtest.Output("json")}},
		{Args: []string{"a.yaml", "b.yaml", "-o", "xlsx", "--out", "d.xlsx"}, Want: Options{Old: "a.yaml", New: "b.yaml", FailOnSlip: -1, ReportOptions: cmdutil.ReportOptions{Output: "xlsx", Out: "d.xlsx"}}},
		{Args: []string{"a.yaml", "b.yaml", "--milestone", "p"}, WantErr: "--milestone names what --fail-on-slip watches: give --fail-on-slip N too"},
		{Args: []string{"a.yaml"}, WantErr: "accepts 2 arg(s), received 1"},
		{Args: []string{"a.yaml", "b.yaml", "-o", "csv"}, WantErr: `invalid --output "csv" for diff: use table, json, markdown, html, xlsx`},
	})
}
