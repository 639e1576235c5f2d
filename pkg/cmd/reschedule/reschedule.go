// Package reschedule is `tender reschedule`: what happens when milestones
// move, and writing the move into the region file.
package reschedule

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Options are the inputs of `tender reschedule`.
type Options struct {
	Factory  *cmdutil.Factory
	Region   string
	Moves    []string // ID=DATE
	Tender   string
	Scenario string
	Keeps    []string
	Sets     []string
	Write    bool
	Output   string
	// AllowScenarioBreaks writes a move that leaves a scenario without a
	// schedule (--allow-scenario-breaks).
	AllowScenarioBreaks bool

	// beforeWrite, when set, runs after the file was read and planned and
	// before it is written (tests change the file there).
	beforeWrite func()
}

// Formats are the -o values of `tender reschedule`; the first is the default.
var Formats = []string{"table", "json"}

// NewCmdReschedule builds the command; runF replaces the run in tests.
func NewCmdReschedule(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{Factory: f}
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
		Args: func(c *cobra.Command, args []string) error {
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
		},
		RunE: func(c *cobra.Command, args []string) error {
			opts.Region, opts.Moves = args[0], args[1:]
			out, err := f.Output(c)
			if err != nil {
				return err
			}
			opts.Output = out
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	cmdutil.OutputFlag(cmd, Formats...)
	cmd.Flags().StringVar(&opts.Tender, "tender", "", "the tender (needed when the region has several and the moves do not tell)")
	cmd.Flags().StringVar(&opts.Scenario, "scenario", "", "move within this scenario (and write into its overlay)")
	cmd.Flags().StringArrayVar(&opts.Keeps, "keep", nil, "hold this milestone at its current planned date (repeatable)")
	cmd.Flags().StringArrayVar(&opts.Sets, "set", nil, "fix milestone ID at DATE for this run, before and after: ID=YYYY-MM-DD (repeatable; not written)")
	cmd.Flags().BoolVar(&opts.Write, "write", false, "write the moves into the region file as on: DATE")
	cmd.Flags().BoolVar(&opts.AllowScenarioBreaks, "allow-scenario-breaks", false, "with --write: write even when the move leaves a scenario that had a schedule without one")
	return cmd
}

func run(opts *Options) error {
	f := opts.Factory
	ios := f.IOStreams
	moves, err := cmdutil.ParseMoves(opts.Moves, "move")
	if err != nil {
		return err
	}
	sets, err := cmdutil.ParseMoves(opts.Sets, "--set")
	if err != nil {
		return err
	}
	regions, err := f.Finder().Find([]string{opts.Region})
	if err != nil {
		return err
	}
	sel, err := pickTender(regions, opts.Tender, opts.Scenario, moves)
	if err != nil {
		return err
	}
	r, t := sel.Region, sel.Tender

	// For --write, plan what is on disk now, and remember what that was.
	// The write lock is held from this read to the rename (source.Edit):
	// another tender writing the file waits, then plans on what this one
	// wrote.
	var src []byte
	var edit *source.Edit
	if opts.Write {
		switch {
		case r.BuiltIn:
			return cmdutil.UsageErrorf("%s is a built-in region and cannot be written: copy it with 'tender init --from %s' and reschedule the copy", r.ID, r.ID)
		case r.Source == "-":
			return cmdutil.UsageErrorf("--write cannot write to standard input: give the region file's path")
		}
		if src, edit, err = source.OpenEdit(r.Source); err != nil {
			return err
		}
		defer edit.Close()
		fresh, err := region.Load(r.Source, src)
		if err != nil {
			return err
		}
		fresh.Source = r.Source
		r, t = fresh, fresh.Tender(t.ID)
		if t == nil {
			return &source.ChangedError{Path: r.Source}
		}
	}
	if opts.Scenario != "" {
		if t, err = app.WithScenario(t, opts.Scenario); err != nil {
			return err
		}
	}

	lang := f.RenderOptions().Lang
	before, err := timeline.Plan(r, t, timeline.Options{Set: sets, Lang: lang})
	if err != nil {
		return cmdutil.PlanError(err)
	}
	keeps, err := keepMoves(t, before, opts.Keeps, moves)
	if err != nil {
		return err
	}
	set := append(append(withoutMoved(sets, moves), moves...), keeps...)
	after, err := timeline.Plan(r, t, timeline.Options{Set: set, Lang: lang})
	if err != nil {
		return cmdutil.PlanError(err)
	}
	ruleOpts := f.RulesOptions()
	rs, err := Build(r, t, moves, opts.Keeps, before, after, ruleOpts)
	if err != nil {
		return err
	}

	if !after.Feasible {
		if err := output(opts, rs); err != nil {
			return err
		}
		cmdutil.PrintConflict(ios.ErrOut, cmdutil.Selected{Region: r, Tender: t}, after.Conflict)
		if opts.Write {
			fmt.Fprintln(ios.ErrOut, render.T(lang, "reschedule.notwritten"))
		}
		return cmdutil.ErrNo
	}

	// A move in the base moves every scenario that does not give the
	// milestone's dates itself: replan them all.
	if opts.Scenario == "" {
		if rs.Scenarios, err = replanScenarios(r, t, moves, opts.Keeps, sets, lang, ruleOpts); err != nil {
			return err
		}
	}
	broken := rs.Broken()
	var brokenIDs []string
	for _, sc := range broken {
		brokenIDs = append(brokenIDs, sc.ID)
	}
	if opts.Write && len(broken) > 0 && !opts.AllowScenarioBreaks {
		if err := output(opts, rs); err != nil {
			return err
		}
		for _, sc := range broken {
			cmdutil.PrintConflict(ios.ErrOut, cmdutil.Selected{Region: r, Tender: sc.Tender}, sc.After.Conflict)
		}
		fmt.Fprintln(ios.ErrOut, render.T(lang, "reschedule.scenariobreaks", strings.Join(brokenIDs, ", ")))
		return cmdutil.ErrNo
	}

	if opts.Write {
		out := src
		for _, mv := range moves {
			if out, err = region.SetOn(out, r.Source, t.ID, mv.Milestone, mv.Date, t.Scenario); err != nil {
				return err
			}
		}
		if opts.beforeWrite != nil {
			opts.beforeWrite()
		}
		if !bytes.Equal(out, src) {
			if err := edit.Replace(out); err != nil {
				return err
			}
			rs.Written = r.Source
		}
	}
	if err := output(opts, rs); err != nil {
		return err
	}
	for _, sc := range broken {
		cmdutil.PrintConflict(ios.ErrOut, cmdutil.Selected{Region: r, Tender: sc.Tender}, sc.After.Conflict)
	}
	if opts.Write && len(broken) > 0 && rs.Written != "" {
		fmt.Fprintln(ios.ErrOut, render.T(lang, "reschedule.scenariobroken", strings.Join(brokenIDs, ", ")))
	}
	if opts.Write && !ios.Quiet {
		var what []string
		for _, mv := range moves {
			what = append(what, mv.Milestone+" on: "+mv.Date.String())
		}
		where := r.Source
		if t.Scenario != "" {
			where = render.T(lang, "reschedule.inscenario", where, t.Scenario)
		}
		if rs.Written != "" {
			fmt.Fprintln(ios.ErrOut, render.T(lang, "reschedule.wrote", strings.Join(what, ", "), where))
		} else {
			fmt.Fprintln(ios.ErrOut, render.T(lang, "reschedule.already", where, strings.Join(what, ", ")))
		}
		if len(opts.Keeps) > 0 || len(opts.Sets) > 0 {
			fmt.Fprintln(ios.ErrOut, render.T(lang, "reschedule.runonly"))
		}
	}
	return nil
}

func output(opts *Options, rs *render.Reschedule) error {
	f := opts.Factory
	ios := f.IOStreams
	if opts.Output == "json" {
		return render.RescheduleJSON(ios.Out, rs)
	}
	if ios.Quiet {
		return nil
	}
	return render.RescheduleTable(ios.Out, rs, f.RenderOptions())
}

// pickTender finds the tender the moves are about: --tender, the region's
// only tender, or the only one that has every moved milestone.
func pickTender(regions []*region.Region, id, scenario string, moves []timeline.Move) (cmdutil.Selected, error) {
	if len(regions) != 1 {
		var ids []string
		for _, r := range regions {
			ids = append(ids, r.ID)
		}
		return cmdutil.Selected{}, cmdutil.UsageErrorf("reschedule works on one region, and this names %d (%s): give one region file or id", len(regions), strings.Join(ids, ", "))
	}
	r := regions[0]
	var all []string
	for _, t := range r.Tenders {
		all = append(all, t.ID)
	}
	if id != "" {
		if t := r.Tender(id); t != nil {
			return cmdutil.Selected{Region: r, Tender: t}, nil
		}
		return cmdutil.Selected{}, app.Unknown("tender", id, all, "region "+r.ID, "")
	}
	if len(r.Tenders) == 1 {
		return cmdutil.Selected{Region: r, Tender: r.Tenders[0]}, nil
	}
	var fits []*region.Tender
	for _, t := range r.Tenders {
		tc := t
		if scenario != "" {
			var err error
			if tc, err = t.WithScenario(scenario); err != nil {
				continue
			}
		}
		ok := true
		for _, mv := range moves {
			ok = ok && tc.Milestone(mv.Milestone) != nil
		}
		if ok {
			fits = append(fits, t)
		}
	}
	if len(fits) == 1 {
		return cmdutil.Selected{Region: r, Tender: fits[0]}, nil
	}
	return cmdutil.Selected{}, cmdutil.UsageErrorf("region %s has %d tenders (%s): choose one with --tender", r.ID, len(r.Tenders), strings.Join(all, ", "))
}

// replanScenarios plans every scenario of t before and after moves made in
// the base. In a scenario that gives a moved milestone's dates itself (its
// overlay has on, done, after, before, align or by), the base's on: does
// not reach it, so that move is left out there; --keep holds a milestone
// at its date in that scenario's plan before the move; --set holds in
// every plan.
func replanScenarios(r *region.Region, t *region.Tender, moves []timeline.Move, kept []string, sets []timeline.Move, lang string, ruleOpts rules.Options) ([]render.RescheduleScenario, error) {
	var out []render.RescheduleScenario
	for _, sc := range t.Scenarios {
		ts, err := t.WithScenario(sc.ID)
		if err != nil {
			return nil, err
		}
		var inherited []timeline.Move
		for _, mv := range moves {
			if !slices.ContainsFunc(sc.Overlays, func(o region.Overlay) bool { return o.HasDates && o.Milestone.ID == mv.Milestone }) {
				inherited = append(inherited, mv)
			}
		}
		before, err := timeline.Plan(r, ts, timeline.Options{Set: sets, Lang: lang})
		if err != nil {
			return nil, cmdutil.PlanError(err)
		}
		var keeps []timeline.Move
		if before.Feasible {
			if keeps, err = keepMoves(ts, before, kept, moves); err != nil {
				return nil, err
			}
		}
		after, err := timeline.Plan(r, ts, timeline.Options{Set: append(append(withoutMoved(sets, inherited), inherited...), keeps...), Lang: lang})
		if err != nil {
			return nil, cmdutil.PlanError(err)
		}
		s := render.RescheduleScenario{ID: sc.ID, Tender: ts, Before: before, After: after}
		if before.Feasible && after.Feasible {
			fb, err := rules.Check(r, ts, before, ruleOpts)
			if err != nil {
				return nil, err
			}
			fa, err := rules.Check(r, ts, after, ruleOpts)
			if err != nil {
				return nil, err
			}
			s.Added, s.Removed = diffFindings(fb, fa), diffFindings(fa, fb)
		}
		out = append(out, s)
	}
	return out, nil
}

// keepMoves turns --keep ids into moves to their planned date before.
// A done milestone is fixed anyway and needs no move.
func keepMoves(t *region.Tender, before *timeline.Result, keeps []string, moves []timeline.Move) ([]timeline.Move, error) {
	var out []timeline.Move
	for _, id := range keeps {
		m := t.Milestone(id)
		if m == nil {
			var known []string
			for _, x := range t.Milestones {
				known = append(known, x.ID)
			}
			return nil, app.Unknown("milestone", id, known, "tender "+t.ID, "--keep")
		}
		if slices.ContainsFunc(moves, func(mv timeline.Move) bool { return mv.Milestone == id }) {
			return nil, cmdutil.UsageErrorf("--keep %s: %s is also moved; keep it or move it", id, id)
		}
		if m.Done != nil {
			continue
		}
		if !before.Feasible {
			return nil, cmdutil.UsageErrorf("--keep %s: the plan before the move has no schedule, so %s has no current date to keep", id, id)
		}
		out = append(out, timeline.Move{Milestone: id, Date: before.Milestone(id).Date, Held: true})
	}
	return out, nil
}

// withoutMoved drops the --set entries of milestones that are moved: the
// move is the later word.
func withoutMoved(sets, moves []timeline.Move) []timeline.Move {
	var out []timeline.Move
	for _, s := range sets {
		if !slices.ContainsFunc(moves, func(mv timeline.Move) bool { return mv.Milestone == s.Milestone }) {
			out = append(out, s)
		}
	}
	return out
}

// Build lays out the plans before and after the moves: a row per milestone
// with both dates and the shift (calendar days, and working days in
// (before, after] of the region's calendar), and the findings of the rules
// that appear and disappear (compared by rule, milestone and message; a
// finding whose message changes counts as one of each).
func Build(r *region.Region, t *region.Tender, moves []timeline.Move, kept []string, before, after *timeline.Result, ruleOpts rules.Options) (*render.Reschedule, error) {
	rs := &render.Reschedule{Region: r, Tender: t, Kept: kept, Before: before, After: after}
	for _, mv := range moves {
		m := render.RescheduleMove{Milestone: mv.Milestone, To: mv.Date}
		if pl := before.Milestone(mv.Milestone); pl != nil {
			d := pl.Date
			m.From = &d
		}
		rs.Moves = append(rs.Moves, m)
	}
	if !after.Feasible {
		return rs, nil
	}
	cal := timeline.RegionCalendar(r)
	for _, pl := range after.Milestones {
		m := pl.Milestone
		row := render.RescheduleRow{ID: m.ID, Name: m.DisplayName(), Kind: m.Kind, Done: pl.Done,
			Moved: slices.ContainsFunc(moves, func(mv timeline.Move) bool { return mv.Milestone == m.ID }),
			Kept:  slices.Contains(kept, m.ID)}
		a := pl.Date
		row.After = &a
		if b := before.Milestone(m.ID); b != nil {
			bd := b.Date
			row.Before = &bd
			row.Shift = &render.Shift{Days: int(a - bd), Workdays: cal.WorkdaysBetween(bd, a)}
		}
		rs.Rows = append(rs.Rows, row)
	}
	for i := range rs.Rows {
		if rs.Rows[i].Kind == "contract-start" {
			rs.ContractStart = &rs.Rows[i]
			break
		}
	}
	fb, err := rules.Check(r, t, before, ruleOpts)
	if err != nil {
		return nil, err
	}
	fa, err := rules.Check(r, t, after, ruleOpts)
	if err != nil {
		return nil, err
	}
	rs.Added, rs.Removed = diffFindings(fb, fa), diffFindings(fa, fb)
	return rs, nil
}

// diffFindings returns the findings of b that a does not have, counting
// repeats: two equal findings in b and one in a leave one.
func diffFindings(a, b []rules.Finding) []rules.Finding {
	key := func(f rules.Finding) string {
		m := ""
		if f.Milestone != nil {
			m = *f.Milestone
		}
		return f.Rule + "\x00" + m + "\x00" + f.Message
	}
	have := map[string]int{}
	for _, f := range a {
		have[key(f)]++
	}
	var out []rules.Finding
	for _, f := range b {
		k := key(f)
		if have[k] > 0 {
			have[k]--
			continue
		}
		out = append(out, f)
	}
	return out
}
