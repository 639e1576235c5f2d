package overview

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdOverview checks how arguments and flags become Options.
func TestNewCmdOverview(t *testing.T) {
	cmdtest.Parse(t, NewCmdOverview, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{ReportOptions: cmdtest.Output("table")}},
		{Args: []string{"regions/", "twente", "-o", "csv"}, Want: Options{ReportOptions: cmdtest.Output("csv"), Args: []string{"regions/", "twente"}}},
		{Args: []string{"-o", "xlsx", "--out", "portfolio.xlsx"}, Want: Options{ReportOptions: cmdutil.ReportOptions{Output: "xlsx", Out: "portfolio.xlsx"}}},
		{Args: []string{"-o", "html"}, WantErr: `invalid --output "html" for overview: use table, json, csv, markdown, xlsx`},
	})
}
