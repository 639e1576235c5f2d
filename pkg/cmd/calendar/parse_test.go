package calendar

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdCalendar checks how the listing's arguments and flags become
// Options; the dates are the use-case's to read.
func TestNewCmdCalendar(t *testing.T) {
	cmdtest.Parse(t, NewCmdCalendar, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{ReportOptions: cmdtest.Output("table")}},
		{Args: []string{"achterhoek", "--from", "2021-01-01", "--to", "today", "--weekends", "-o", "json"},
			Want: Options{ReportOptions: cmdtest.Output("json"), Region: "achterhoek", From: "2021-01-01", To: "today", Weekends: true}},
		{Args: []string{"twente", "drenthe"}, WantErr: `"twente" is not a subcommand of tender calendar (use add or between), and the listing takes one REGION`},
		{Args: []string{"-o", "csv"}, WantErr: `invalid --output "csv" for calendar: use table, json`},
	})
}

// TestNewCmdAdd: a negative DUR is an argument wherever it stands, not
// the flag -5 (cmdutil.AllowNegativeArgs).
func TestNewCmdAdd(t *testing.T) {
	cmdtest.Parse(t, newCmdAdd, []cmdtest.ParseCase[AddOptions]{
		{Args: []string{"2026-04-24", "+5wd"}, Want: AddOptions{ReportOptions: cmdtest.Output("text"), Date: "2026-04-24", Duration: "+5wd"}},
		{Args: []string{"2026-05-04", "-5wd", "achterhoek", "-o", "json"},
			Want: AddOptions{ReportOptions: cmdtest.Output("json"), Date: "2026-05-04", Duration: "-5wd", Region: "achterhoek"}},
		{Args: []string{"-o", "json", "today", "-1mo"}, Want: AddOptions{ReportOptions: cmdtest.Output("json"), Date: "today", Duration: "-1mo"}},
		{Args: []string{"2026-05-04", "--", "-1w"}, Want: AddOptions{ReportOptions: cmdtest.Output("text"), Date: "2026-05-04", Duration: "-1w"}},
		{Args: []string{"2026-05-04", "-5wd", "-3d"}, WantErr: "give one DUR, not -5wd and -3d"},
		{Args: []string{"2026-05-04"}, WantErr: "tender calendar add takes DATE DUR [REGION], not 1 argument"},
	})
}

func TestNewCmdBetween(t *testing.T) {
	cmdtest.Parse(t, newCmdBetween, []cmdtest.ParseCase[BetweenOptions]{
		{Args: []string{"2026-04-24", "2026-05-04"}, Want: BetweenOptions{ReportOptions: cmdtest.Output("text"), From: "2026-04-24", To: "2026-05-04"}},
		{Args: []string{"today", "2027-01-01", "achterhoek", "-o", "json"},
			Want: BetweenOptions{ReportOptions: cmdtest.Output("json"), From: "today", To: "2027-01-01", Region: "achterhoek"}},
		{Args: []string{"2026-04-24"}, WantErr: "accepts between 2 and 3 arg(s), received 1"},
	})
}
