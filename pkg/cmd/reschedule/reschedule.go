// Package reschedule is `tender reschedule`: what happens when milestones
// move, and writing the move into the region file.
package reschedule

import (
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender reschedule`.
type Options struct {
	cmdutil.ReportOptions
	Region   string
	Moves    []string // ID=DATE
	Tender   string
	Scenario string
	Keeps    []string
	Sets     []string
	Write    bool
	// AllowScenarioBreaks writes a move that leaves a scenario without a
	// schedule (--allow-scenario-breaks).
	AllowScenarioBreaks bool
}

// NewCmdReschedule builds the command; runF replaces the run in tests.
func NewCmdReschedule(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f)}
	cmd := &cobra.Command{
		Use:   "reschedule REGION ID=DATE... [--tender ID]",
		Short: "Show what moving milestones does to the plan, and write the move",
		Long: `"What if this milestone moves?": fixes each named milestone at its new date
(replacing only its on:, keeping its after, before, align and by), replans,
and shows every milestone before and after with its shift in calendar days
and in working days of the region's calendar, the new contract start, and
the findings of the rules that appear and disappear.

--keep ID holds a milestone at its current planned date, to ask whether a
move can be made without moving it. When the moves leave no schedule, the
conflict is explained on stderr and the exit code is 1.

--write puts each move into the region file as on: DATE (replacing an
existing on:), changing nothing else in the file: comments, key order,
quoting, flow or block style, blank lines and line endings stay byte for
byte. The file is written atomically (a temporary file, then a rename),
and only when the plan is feasible and the file did not change on disk
since it was read. Two tender processes writing the same file take turns
(a lock per file): the second plans on what the first wrote.

A move in the base reaches every scenario that does not give the milestone
dates of its own, so each scenario is replanned too; the changes are listed
under "Scenarios". --write refuses (exit 1, with the scenario's conflict) a
move that leaves a scenario that had a schedule without one, unless
--allow-scenario-breaks. With --scenario the move goes into the scenario's
overlay for that milestone. --keep and --set are for this run only and are
not written. Built-in regions and standard input cannot be written.`,
		Example: `  tender reschedule achterhoek publicatie=2021-04-15
  tender reschedule regions/oost.yaml publication=2026-03-02 --keep contract-start
  tender reschedule regions/oost.yaml publication=2026-03-02 --write
  tender reschedule achterhoek publicatie=2020-10-07 --scenario publish-23-sep -o json`,
		Args: regionThenMoves,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Region, opts.Moves = args[0], args[1:]
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.TenderFlag(cmd, f, &opts.Tender, "the tender (needed when the region has several and the moves do not tell)")
	cmdutil.ScenarioFlag(cmd, f, &opts.Scenario, "move within this scenario (and write into its overlay)")
	cmd.Flags().StringArrayVar(&opts.Keeps, "keep", nil, "hold this milestone at its current planned date (repeatable)")
	cmdutil.RegisterMilestoneFlagCompletion(cmd, f, "keep", false)
	cmdutil.SetFlag(cmd, f, &opts.Sets, "fix milestone ID at DATE for this run, before and after: ID=YYYY-MM-DD (repeatable; not written)")
	cmd.Flags().BoolVar(&opts.Write, "write", false, "write the moves into the region file as on: DATE")
	cmd.Flags().BoolVar(&opts.AllowScenarioBreaks, "allow-scenario-breaks", false, "with --write: write even when the move leaves a scenario that had a schedule without one")
	cmd.ValidArgsFunction = cmdutil.CompleteRegionThenMoves(f)
	return cmd
}

// regionThenMoves checks the arguments: the region first, then at least
// one move.
func regionThenMoves(_ *cobra.Command, args []string) error {
	if len(args) == 0 {
		return cmdutil.UsageErrorf("give the region and at least one move: tender reschedule REGION ID=DATE...")
	}
	if strings.Contains(args[0], "=") {
		if _, err := os.Stat(args[0]); err != nil {
			return cmdutil.UsageErrorf("give the region first: tender reschedule REGION %s", strings.Join(args, " "))
		}
	}
	if len(args) == 1 {
		return cmdutil.UsageErrorf("give at least one move ID=DATE after the region, e.g. tender reschedule %s publication=2026-03-02", args[0])
	}
	return nil
}

// printers are the output formats of `tender reschedule`.
var printers = cmdutil.Printers[*app.RescheduleReport]{
	cmdutil.Table("table", rescheduled, render.RescheduleTable),
	cmdutil.DataIn("json", rescheduled, render.RescheduleJSON),
}

func rescheduled(r *app.RescheduleReport) *render.Reschedule { return r.Reschedule }

func run(opts *Options) error {
	rep, err := opts.App().Reschedule(app.RescheduleRequest{
		Region: opts.Region, Moves: opts.Moves, Tender: opts.Tender, Scenario: opts.Scenario, Keeps: opts.Keeps, Sets: opts.Sets,
		Write: opts.Write, AllowScenarioBreaks: opts.AllowScenarioBreaks,
	})
	if err != nil {
		return err
	}
	po := opts.Print()
	if err := printers.Report(opts.ReportOptions, rep, po); err != nil {
		return err
	}
	noConflict := cmdutil.PrintConflicts(opts.IO.ErrOut, po.Lang, rep.Conflicts())
	writeNotes(opts.IO, rep, po.Lang)
	if rep.Infeasible || rep.Blocked {
		return noConflict
	}
	return nil
}

// writeNotes says on stderr what became of --write: not written (no
// schedule, or scenarios it would break), written or already there, and
// that --keep and --set were for this run only. What did not happen is
// always said; what did is a notice for people, which -q silences.
func writeNotes(ios *iostreams.IOStreams, rep *app.RescheduleReport, lang string) {
	w := ios.ErrOut
	switch {
	case !rep.Write:
		return
	case rep.Infeasible:
		fmt.Fprintln(w, render.T(lang, "reschedule.notwritten"))
		return
	case rep.Blocked:
		fmt.Fprintln(w, render.T(lang, "reschedule.scenariobreaks", strings.Join(rep.BrokenIDs(), ", ")))
		return
	}
	if len(rep.Broken()) > 0 && rep.Written != "" {
		fmt.Fprintln(w, render.T(lang, "reschedule.scenariobroken", strings.Join(rep.BrokenIDs(), ", ")))
	}
	cmdutil.Notice(ios, writtenNotes(rep, lang)...)
}

// writtenNotes are the lines that say what --write did.
func writtenNotes(rep *app.RescheduleReport, lang string) []string {
	var what []string
	for _, mv := range rep.Moves {
		what = append(what, mv.Milestone+" on: "+mv.Date.String())
	}
	where, scenario := rep.Where()
	if scenario != "" {
		where = render.T(lang, "reschedule.inscenario", where, scenario)
	}
	notes := []string{render.T(lang, "reschedule.already", where, strings.Join(what, ", "))}
	if rep.Written != "" {
		notes[0] = render.T(lang, "reschedule.wrote", strings.Join(what, ", "), where)
	}
	if rep.RunOnly {
		notes = append(notes, render.T(lang, "reschedule.runonly"))
	}
	return notes
}
