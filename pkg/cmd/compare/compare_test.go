package compare

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdCompare checks how arguments and flags become Options.
func TestNewCmdCompare(t *testing.T) {
	cmdtest.Parse(t, NewCmdCompare, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{ReportOptions: cmdtest.Output("table"), CSV: cmdutil.CSVOptions{Sep: ","}}},
		{
			Args: []string{"r.yaml", "--tender", "t", "--scenario", "a,b", "--scenario", "c", "--set", "p=2026-01-02", "-o", "csv", "--csv-sep", ";"},
			Want: Options{Args: []string{"r.yaml"}, Tender: "t", Scenarios: []string{"a", "b", "c"}, Sets: []string{"p=2026-01-02"}, ReportOptions: cmdtest.Output("csv"), CSV: cmdutil.CSVOptions{Sep: ";"}},
		},
		{Args: []string{"a.yaml", "b.yaml"}, WantErr: "accepts at most 1 arg(s), received 2"},
		{Args: []string{"-o", "yaml"}, WantErr: `invalid --output "yaml" for compare: use table, json, csv, markdown, xlsx`},
		{Args: []string{"--csv-sep", ";;"}, WantErr: `--csv-sep ";;": give exactly one character, such as , or ; (or tab)`},
	})
}
