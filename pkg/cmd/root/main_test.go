package root

import (
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/iostreams"
)

// TestMainExitCodes: what the commands return becomes one exit code and
// at most one message, in one place: 0 with the answer; 1 for "no" (the
// command said why already); 2 for usage and input errors, with a pointer
// to the help of the command that was run.
func TestMainExitCodes(t *testing.T) {
	t.Chdir(t.TempDir()) // no ./.tender.yaml
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	for _, tt := range []struct {
		args       []string
		code       int
		stdout     string // a prefix
		stderr     string // a prefix
		stderrLast string // the last line
	}{
		// Fri 2026-04-24 to Mon 05-04: 10 days; working days Tue 28 Apr
		// to Fri 1 May and Mon 4 May (Mon 27 Apr is King's Day): 5.
		{[]string{"calendar", "between", "2026-04-24", "2026-05-04"}, 0, "10d 5wd\n", "", ""},
		// Achterhoek's gunning must be on or before 2021-10-01: publicatie
		// two weeks later leaves no schedule, which is the answer "no".
		{[]string{"reschedule", "achterhoek", "publicatie=2021-04-15"}, 1, "", "", ""},
		{[]string{"regions", "-o", "csv"}, 2, "", `tender: invalid --output "csv" for tender regions: use table, json`,
			"Run 'tender regions --help' for usage."},
		{[]string{"plan", "nowhere"}, 2, "", `tender: unknown region "nowhere"`, "Run 'tender plan --help' for usage."},
		{[]string{"frobnicate"}, 2, "", `tender: unknown command "frobnicate" for "tender"`, "Run 'tender --help' for usage."},
		{[]string{"plan", "--asap", "--alap"}, 2, "", "tender: --asap and --alap exclude each other", "Run 'tender plan --help' for usage."},
	} {
		ios, _, out, errOut := iostreams.Test()
		code := Main(ios, tt.args)
		lines := strings.Split(strings.TrimRight(errOut.String(), "\n"), "\n")
		switch {
		case code != tt.code:
			t.Errorf("%v: exit %d, want %d; stderr:\n%s", tt.args, code, tt.code, errOut)
		case !strings.HasPrefix(out.String(), tt.stdout):
			t.Errorf("%v: stdout %q, want %q", tt.args, out, tt.stdout)
		case !strings.HasPrefix(errOut.String(), tt.stderr):
			t.Errorf("%v: stderr %q, want %q first", tt.args, errOut, tt.stderr)
		case tt.stderrLast != "" && lines[len(lines)-1] != tt.stderrLast:
			t.Errorf("%v: stderr ends %q, want %q", tt.args, lines[len(lines)-1], tt.stderrLast)
		case tt.code == 1 && strings.Contains(errOut.String(), "tender: "):
			t.Errorf("%v: a \"no\" also printed an error:\n%s", tt.args, errOut)
		}
	}
}
