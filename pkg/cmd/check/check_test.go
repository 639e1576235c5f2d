package check

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdCheck checks how arguments and flags become Options.
func TestNewCmdCheck(t *testing.T) {
	cmdtest.Parse(t, NewCmdCheck, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{ReportOptions: cmdtest.Output("text")}},
		{
			Args: []string{"a.yaml", "regions/", "--tender", "t1", "--tender", "t2", "--scenario", "late", "--strict", "-o", "junit"},
			Want: Options{Args: []string{"a.yaml", "regions/"}, Tenders: []string{"t1", "t2"}, Scenario: "late", Strict: true, ReportOptions: cmdtest.Output("junit")},
		},
		{Args: []string{"-o", "github"}, Want: Options{ReportOptions: cmdtest.Output("github")}},
		{Args: []string{"-o", "table"}, WantErr: `invalid --output "table" for check: use text, json, github, junit, xlsx`},
	})
}
