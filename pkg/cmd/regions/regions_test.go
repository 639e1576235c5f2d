package regions

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdRegions checks how arguments and flags become Options.
func TestNewCmdRegions(t *testing.T) {
	cmdtest.Parse(t, NewCmdRegions, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{ReportOptions: cmdtest.Output("table")}},
		{Args: []string{"regions/", "twente", "-o", "json"}, Want: Options{Args: []string{"regions/", "twente"}, ReportOptions: cmdtest.Output("json")}},
		{Args: []string{"-o", "csv"}, WantErr: `invalid --output "csv" for regions: use table, json`},
	})
}
