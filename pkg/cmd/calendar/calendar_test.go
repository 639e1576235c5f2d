package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/iostreams"
)

// output are the report options of f with -o format.
func output(f *cmdutil.Factory, format string) cmdutil.ReportOptions {
	o := cmdutil.NewReportOptions(f)
	o.Output = format
	return o
}

func newFactory() (*cmdutil.Factory, *iostreams.IOStreams, *bytes.Buffer) {
	ios, _, out, _ := iostreams.Test()
	f := &cmdutil.Factory{
		IOStreams: ios,
		Now:       func() time.Time { return time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC) },
		Settings:  &cmdutil.Settings{Lang: "en", Today: date.New(2026, 11, 22)},
	}
	return f, ios, out
}

// TestAddThroughCobra runs tender calendar add as the shell calls it, so
// that a negative DUR (which the flag parser reads as -5 with the value
// wd) reaches the command as an argument.
func TestAddThroughCobra(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		// Fri 24 Apr 2026 + 5wd: 27 Apr is King's Day: 28, 29, 30 Apr, 1, 4 May.
		{[]string{"add", "2026-04-24", "+5wd"}, "2026-05-04\n"},
		{[]string{"add", "2026-05-04", "-5wd"}, "2026-04-24\n"},
		{[]string{"add", "2026-05-04", "-12d", "-o", "json"}, `"result": "2026-04-22"`},
		{[]string{"add", "-o", "text", "2026-03-31", "-1mo"}, "2026-02-28\n"},
		{[]string{"add", "2026-05-04", "--", "-1w"}, "2026-04-27\n"},
		// Sunday 22 Nov 2026 (today) - 1wd is Friday 20 Nov.
		{[]string{"add", "today", "-1wd"}, "2026-11-20\n"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, out := newFactory()
			cmd := NewCmdCalendar(f, nil)
			cmd.SetArgs(tt.args)
			cmd.SetOut(out)
			if err := cmd.Execute(); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(out.String(), tt.want) {
				t.Errorf("stdout %q, want %q", out, tt.want)
			}
		})
	}
}

func TestAddUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"add", "2026-05-04", "-5wd", "-3d"}, "give one DUR, not -5wd and -3d"},
		{[]string{"add", "-5wd"}, "not 1 argument"},
		{[]string{"add", "2026-05-04"}, "not 1 argument"},
		{[]string{"add", "2026-05-04", "+1d", "a", "b"}, "not 4 arguments"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			f, _, _ := newFactory()
			cmd := NewCmdCalendar(f, nil)
			cmd.SetArgs(tt.args)
			cmd.SilenceErrors, cmd.SilenceUsage = true, true
			err := cmd.Execute()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want %q", err, tt.want)
			}
			if cmdutil.ExitCode(err) != cmdutil.ExitError {
				t.Errorf("exit code %d, want 2", cmdutil.ExitCode(err))
			}
		})
	}
}

// TestColour: the title is bold on a terminal, and plain when colour is off
// (--no-color, NO_COLOR) or stdout is not a terminal.
func TestColour(t *testing.T) {
	for _, tt := range []struct {
		name      string
		tty, off  bool
		wantColor bool
	}{
		{"terminal", true, false, true},
		{"terminal with NO_COLOR", true, true, false},
		{"pipe", false, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f, ios, out := newFactory()
			ios.SetStdoutTTY(tt.tty)
			ios.SetColorDisabled(tt.off)
			err := runList(&Options{ReportOptions: output(f, "table"), From: "2026-12-24", To: "2026-12-26"})
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(out.String(), "\x1b["); got != tt.wantColor {
				t.Errorf("colour = %v, want %v:\n%q", got, tt.wantColor, out)
			}
		})
	}
}

// TestListFitsHundredColumns lists a year of the built-in regions.
func TestListFitsHundredColumns(t *testing.T) {
	for _, id := range []string{"twente", "achterhoek", "drenthe"} {
		for _, lang := range []string{"en", "nl"} {
			f, _, out := newFactory()
			f.Settings.Lang = lang
			if err := runList(&Options{ReportOptions: output(f, "table"), Region: id, From: "2021-01-01", To: "2021-12-31", Weekends: true}); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(out.String(), "\n") {
				if n := len([]rune(line)); n > 100 {
					t.Errorf("%s %s: line of %d columns: %q", id, lang, n, line)
				}
			}
		}
	}
}

func TestQuiet(t *testing.T) {
	f, ios, out := newFactory()
	ios.Quiet = true
	if err := runList(&Options{ReportOptions: output(f, "table")}); err != nil {
		t.Fatal(err)
	}
	if err := runAdd(&AddOptions{ReportOptions: output(f, "text"), Date: "2026-01-01", Duration: "+1d"}); err != nil {
		t.Fatal(err)
	}
	if err := runBetween(&BetweenOptions{ReportOptions: output(f, "text"), From: "2026-01-01", To: "2026-01-02"}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff("", out.String()); diff != "" {
		t.Errorf("-q printed:\n%s", diff)
	}
}
