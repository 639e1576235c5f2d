package risk

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
	"github.com/tender-nl/tender/pkg/risk"
)

// TestNewCmdRisk checks how arguments and flags become Options; the
// number of runs is the use-case's to check.
func TestNewCmdRisk(t *testing.T) {
	cmdtest.Parse(t, NewCmdRisk, []cmdtest.ParseCase[Options]{
		{Args: []string{"achterhoek"}, Want: Options{Args: []string{"achterhoek"}, Runs: risk.DefaultRuns, Seed: risk.DefaultSeed, ReportOptions: cmdtest.Output("table")}},
		{
			Args: []string{"drenthe", "--tender", "t", "--scenario", "s", "--runs", "500", "--seed", "7", "-o", "svg"},
			Want: Options{Args: []string{"drenthe"}, Tender: "t", Scenario: "s", Runs: 500, Seed: 7, ReportOptions: cmdtest.Output("svg")},
		},
		{Args: nil, WantErr: "risk takes one REGION (a region file or id), not 0: e.g. tender risk achterhoek"},
		{Args: []string{"a", "b"}, WantErr: "risk takes one REGION (a region file or id), not 2: e.g. tender risk achterhoek"},
		{Args: []string{"a", "-o", "csv"}, WantErr: `invalid --output "csv" for risk: use table, json, svg`},
	})
}
