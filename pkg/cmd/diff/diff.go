// Package diff is `tender diff`: what changed between two versions of a
// region, and why.
package diff

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/change"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/render"
)

// Options are the inputs of `tender diff`.
type Options struct {
	cmdutil.ReportOptions
	Old, New   string
	Tenders    []string
	FailOnSlip int
	Milestone  string
}

// NewCmdDiff builds the command; runF replaces the run in tests.
func NewCmdDiff(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{ReportOptions: cmdutil.NewReportOptions(f), FailOnSlip: -1}
	cmd := &cobra.Command{
		Use:   "diff OLD NEW",
		Short: "What changed between two versions of a region, and why",
		Long: `Compares two versions of one region: per tender and milestone the old and
the new date, the shift in calendar and working days, and its state
(moved, unchanged, new, removed, now done); the contract start then and
now; the findings of tender check that appeared and disappeared.

And the causes: every input that changed between the two files (an on, a
done, an after or before and its duration, an align or by, a milestone
added or removed, a closure, a body's meetings, the schedule, a policy
key), as written, with its line in each file, and the milestones it
moved. Where several changes move one milestone, the BECAUSE column names
the one that binds: the first changed input on the chain of constraints
that gives the milestone its date (the chain tender plan shows for a
conflict). A change of the calendar is in no chain: what it moved is
found by planning again with that change alone undone.

Then the legal consequences on --today of each changed milestone: once
the tender is published, a later submission deadline needs a
rectification notice and a nota van inlichtingen (Dir. 2014/24 art.
47(3)); a deadline that has passed cannot move; a new or moved award
decision starts a new standstill of 20 days (Aw 2.127); answers less than
10 days before the deadline break Aw 2.54; otherwise the change is
internal only.

OLD and NEW are each a region file, - for standard input, a region id, a
saved tender plan -o json (dates only: no causes), or git:REV: the other
one's file at revision REV of its git repository (read with the git
program).

Exit 0; with --fail-on-slip N, exit 1 when the contract start (or
--milestone ID) is more than N days later in NEW, for CI.`,
		Example: `  tender diff git:HEAD~1 regions/oost.yaml
  tender diff baselines/2026-03-12.json regions/oost.yaml -o markdown > memo.md
  tender diff git:ab-2026-03-12 regions/oost.yaml --fail-on-slip 0
  tender diff old.yaml new.yaml --milestone publication --fail-on-slip 14 -o json`,
		Args: cobra.ExactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			opts.Old, opts.New = args[0], args[1]
			if opts.Milestone != "" && opts.FailOnSlip < 0 {
				return cmdutil.UsageErrorf("--milestone names what --fail-on-slip watches: give --fail-on-slip N too")
			}
			return cmdutil.Run(f, c, &opts.Output, opts, runF, run)
		},
	}
	printers.AddFlag(cmd)
	cmdutil.OutFlag(cmd, &opts.Out)
	cmdutil.TendersFlag(cmd, f, &opts.Tenders)
	cmd.Flags().IntVar(&opts.FailOnSlip, "fail-on-slip", -1, "exit 1 when the contract start (or --milestone) is more than N days later")
	cmd.Flags().StringVar(&opts.Milestone, "milestone", "", "the milestone --fail-on-slip watches (default: the contract start)")
	return cmd
}

// printers are the output formats of `tender diff`.
var printers = cmdutil.Printers[*app.DiffReport]{
	cmdutil.Table("table", diffs, render.DiffTable),
	cmdutil.DataIn("json", diffs, render.DiffJSON),
	cmdutil.Document("markdown", diffs, render.DiffMarkdown),
	cmdutil.Document("html", diffs, render.DiffHTML),
	cmdutil.Document("xlsx", diffs, render.DiffXLSX),
}

func diffs(r *app.DiffReport) []*change.Diff { return r.Diffs }

func run(opts *Options) error {
	rep, err := opts.App().Diff(app.DiffRequest{Old: opts.Old, New: opts.New, Tenders: opts.Tenders, Stdin: opts.IO.In})
	if err != nil {
		return err
	}
	if err := printers.Report(opts.ReportOptions, rep, opts.Print()); err != nil {
		return err
	}
	if opts.FailOnSlip < 0 {
		return nil
	}
	slip, err := rep.FailOnSlip(opts.Milestone, opts.FailOnSlip)
	if err != nil || slip == nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, render.SlipText(opts.Print().Lang, slip.Milestone, slip.Days, opts.Old, slip.Limit))
	return cmdutil.ErrNo
}
