// Package root builds the tender command tree and maps what the commands
// return to exit codes and messages, in one place.
package root

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"

	calendarCmd "github.com/tender-nl/tender/pkg/cmd/calendar"
	checkCmd "github.com/tender-nl/tender/pkg/cmd/check"
	compareCmd "github.com/tender-nl/tender/pkg/cmd/compare"
	configCmd "github.com/tender-nl/tender/pkg/cmd/config"
	diffCmd "github.com/tender-nl/tender/pkg/cmd/diff"
	docsCmd "github.com/tender-nl/tender/pkg/cmd/docs"
	initCmd "github.com/tender-nl/tender/pkg/cmd/initcmd"
	overviewCmd "github.com/tender-nl/tender/pkg/cmd/overview"
	planCmd "github.com/tender-nl/tender/pkg/cmd/plan"
	regionsCmd "github.com/tender-nl/tender/pkg/cmd/regions"
	reportCmd "github.com/tender-nl/tender/pkg/cmd/report"
	rescheduleCmd "github.com/tender-nl/tender/pkg/cmd/reschedule"
	riskCmd "github.com/tender-nl/tender/pkg/cmd/risk"
	schemaCmd "github.com/tender-nl/tender/pkg/cmd/schema"
	serveCmd "github.com/tender-nl/tender/pkg/cmd/serve"
	versionCmd "github.com/tender-nl/tender/pkg/cmd/version"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/source"
)

// Set by the linker in release builds (-X); otherwise read from build info.
var (
	version = ""
	commit  = ""
)

// Main runs tender with the given arguments and returns the exit code. It
// never panics outward: a bug becomes an "internal error" message, exit 2.
func Main(ios *iostreams.IOStreams, args []string) int {
	return Run(&cmdutil.Factory{IOStreams: ios, Now: time.Now, Env: os.LookupEnv}, args)
}

// Run is Main with the dependencies given: the streams, the clock, the
// environment, and where region files are written (Factory.Files; the
// test binary of cmd/tender, which runs as tender, stands between tender
// and the disk there). The version and commit are this build's.
func Run(f *cmdutil.Factory, args []string) (code int) {
	ios := f.IOStreams
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(ios.ErrOut, "tender: internal error: %v (please report this with the command and file that caused it)\n", r)
			code = cmdutil.ExitError
		}
	}()
	f.Version, f.Commit = buildVersion()
	cmd := NewCmdRoot(f)
	cmd.SetArgs(args)
	cmd.SetIn(ios.In)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	executed, err := cmd.ExecuteC()
	if err == nil {
		return cmdutil.ExitOK
	}
	printError(ios, executed, err)
	return cmdutil.ExitCode(err)
}

// NewCmdRoot builds the command tree.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tender <command> [flags]",
		Short: "Plan and check procurement timelines of Dutch regions",
		Long: strings.TrimSpace(`
tender plans the procurement of youth care (Jeugdhulp), Wmo support and
Beschermd Wonen by Dutch regions of municipalities. It reads region files
(YAML), computes every milestone's date with Dutch working days, holidays and
board meetings, and explains with line numbers why a plan cannot exist.

With no files, tender uses its built-in regions: twente, achterhoek, drenthe.`),
		Example: `  tender plan achterhoek
  tender plan regions/ -o json
  tender plan achterhoek --scenario publish-23-sep`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       f.Version,
		PersistentPreRunE: func(c *cobra.Command, _ []string) error {
			s, err := cmdutil.LoadSettings(c.Flags(), f.Env, f.Now)
			if err != nil {
				return err
			}
			f.Settings = s
			f.IOStreams.SetColorDisabled(s.NoColor)
			f.IOStreams.Quiet = s.Quiet
			return nil
		},
	}
	cmd.SetVersionTemplate("tender {{.Version}}\n")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &cmdutil.UsageError{Err: err}
	})
	pf := cmd.PersistentFlags()
	pf.String("lang", "", "language of labels, kind names and dates: en, nl (default en)")
	pf.String("today", "", "reference date YYYY-MM-DD for status and the \"past\" rules (default: the system date)")
	pf.String("config", "", "config file (default ./.tender.yaml, then $XDG_CONFIG_HOME/tender/config.yaml, then the system's user config directory: see tender config --help)")
	pf.Bool("no-color", false, "no ANSI colour (also NO_COLOR)")
	pf.BoolP("quiet", "q", false, "print only errors")

	cmd.AddCommand(planCmd.NewCmdPlan(f, nil))
	cmd.AddCommand(regionsCmd.NewCmdRegions(f, nil))
	cmd.AddCommand(checkCmd.NewCmdCheck(f, nil))
	cmd.AddCommand(initCmd.NewCmdInit(f, nil))
	cmd.AddCommand(calendarCmd.NewCmdCalendar(f, nil))
	cmd.AddCommand(schemaCmd.NewCmdSchema(f, nil))
	cmd.AddCommand(versionCmd.NewCmdVersion(f, nil))
	cmd.AddCommand(configCmd.NewCmdConfig(f, nil))
	cmd.AddCommand(docsCmd.NewCmdDocs(f, nil))
	cmd.AddCommand(compareCmd.NewCmdCompare(f, nil))
	cmd.AddCommand(rescheduleCmd.NewCmdReschedule(f, nil))
	cmd.AddCommand(riskCmd.NewCmdRisk(f, nil))
	cmd.AddCommand(overviewCmd.NewCmdOverview(f, nil))
	cmd.AddCommand(serveCmd.NewCmdServe(f, nil))
	cmd.AddCommand(diffCmd.NewCmdDiff(f, nil))
	cmd.AddCommand(reportCmd.NewCmdReport(f, nil))
	cmdutil.RegisterGlobalFlagCompletions(cmd)
	return cmd
}

// printError prints err for people: input errors as their file:line:column
// lines, usage errors with a pointer to --help, "no" answers not at all
// (the command printed them already).
func printError(ios *iostreams.IOStreams, cmd *cobra.Command, err error) {
	if errors.Is(err, cmdutil.ErrNo) {
		return
	}
	var el region.ErrorList
	if errors.As(err, &el) {
		fmt.Fprintln(ios.ErrOut, el.Error())
		return
	}
	var ue *cmdutil.UsageError
	var unknown *source.UnknownIDError
	if errors.As(err, &unknown) {
		ue = &cmdutil.UsageError{Err: err}
	}
	if ue != nil || errors.As(err, &ue) {
		fmt.Fprintf(ios.ErrOut, "tender: %s\n", ue.Err)
		if cmd != nil {
			fmt.Fprintf(ios.ErrOut, "Run '%s --help' for usage.\n", cmd.CommandPath())
		}
		return
	}
	if strings.HasPrefix(err.Error(), "unknown command") {
		fmt.Fprintf(ios.ErrOut, "tender: %s\nRun 'tender --help' for usage.\n", err)
		return
	}
	fmt.Fprintf(ios.ErrOut, "tender: %s\n", err)
}

func buildVersion() (string, string) {
	v, c := version, commit
	if info, ok := debug.ReadBuildInfo(); ok {
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && c == "" {
				c = s.Value
			}
		}
	}
	if v == "" {
		v = "dev"
	}
	return v, c
}
