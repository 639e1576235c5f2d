package plan

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdPlan checks how flags become Options, without running a plan.
func TestNewCmdPlan(t *testing.T) {
	cmdtest.Parse(t, NewCmdPlan, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{ReportOptions: cmdtest.Output("table"), CSV: cmdutil.CSVOptions{Sep: ","}}},
		{Args: []string{"achterhoek", "-o", "json"}, Want: Options{Args: []string{"achterhoek"}, ReportOptions: cmdtest.Output("json"), CSV: cmdutil.CSVOptions{Sep: ","}}},
		{
			Args: []string{"a.yaml", "b.yaml", "--tender", "x", "--tender", "y", "--scenario", "s", "--alap", "--set", "p=2026-01-02"},
			Want: Options{Args: []string{"a.yaml", "b.yaml"}, Tenders: []string{"x", "y"}, Scenario: "s", ALAP: true, Sets: []string{"p=2026-01-02"}, ReportOptions: cmdtest.Output("table"), CSV: cmdutil.CSVOptions{Sep: ","}},
		},
		{Args: []string{"--asap", "--alap"}, WantErr: "--asap and --alap exclude each other"},
		{Args: []string{"-o", "xml"}, WantErr: `invalid --output "xml" for plan: use table, json, yaml, csv, markdown, ics, mermaid, svg, html, xlsx`},
		{Args: []string{"-o", "csv", "--csv-sep", ";"}, Want: Options{ReportOptions: cmdtest.Output("csv"), CSV: cmdutil.CSVOptions{Sep: ";"}}},
		{Args: []string{"-o", "csv", "--csv-bom=false"}, Want: Options{ReportOptions: cmdtest.Output("csv"), CSV: cmdutil.CSVOptions{Sep: ",", BOMSet: true}}},
		{Args: []string{"--baseline", "old.json"}, Want: Options{ReportOptions: cmdtest.Output("table"), Baseline: "old.json", CSV: cmdutil.CSVOptions{Sep: ","}}},
		{Args: []string{"-", "--baseline", "-"}, WantErr: "--baseline - and REGION - both read standard input: give one of them as a file"},
		{Args: []string{"--csv-sep", ";;"}, WantErr: `--csv-sep ";;": give exactly one character, such as , or ; (or tab)`},
	})
}
