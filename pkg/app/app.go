// Package app is tender's application layer: one use-case per command,
// each a function of the App that takes a request and returns a report
// (Plan, Check, Compare, Reschedule, Risk, Overview, Calendar, CalendarAdd,
// CalendarBetween, Regions, Diff, Report), and the one selector of
// regions, tenders, scenarios, milestones, moves and keeps, with its typed
// errors (UnknownError, UsageError).
//
// It sits between the front ends (the commands of pkg/cmd and tender
// serve's pkg/server, which call the same use-cases) and the domain
// packages (region, timeline, rules, risk, change, baseline): it knows no
// cobra, no flags, no terminal and no output format. A
// front end builds a request from what the user gave, calls the use-case
// and hands the report to a printer (pkg/render); the report holds
// everything a printer needs, and whether the answer is "no" (an
// infeasible plan, failing findings).
//
// The App has no language. The use-cases write no words: the planner's
// conflicts, the findings (a message key and its arguments), the causes
// of a diff, a --set left out of a plan and what a --write did are
// structure, and only the printers put them into English or Dutch
// (render.Options.Lang). So one App serves every language: a command's
// printer takes --lang, and tender serve picks the language of each
// request for its printers alone, on the one App it shares between
// requests. Its errors (UnknownError, UsageError, a file's mistakes) are
// English in both languages, as the README says of usage and input
// errors.
package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/region/syntax"
	"github.com/tender-nl/tender/pkg/rules"
	"github.com/tender-nl/tender/pkg/source"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Finder finds the regions that command-line arguments name (a file, a
// directory, -, an id); no arguments is the default set. source.Finder is
// the one of the command line; FSFinder serves tests and servers.
type Finder interface {
	Find(args []string) ([]*region.Region, error)
}

// App holds what every use-case needs. Build it with New; it is safe for
// concurrent use once built (a server shares one).
type App struct {
	Finder Finder
	// Planner plans every use-case's tenders and keeps their calendars
	// for the App's life; the rules and the simulation use it, and the
	// printers and the server's pages are handed it
	// (render.Options.Calendars), so that a calendar is built once. New
	// makes it; timeline has no planner of its own to fall back on.
	Planner *timeline.Planner
	// Today is the reference date of status and of the "past" rules.
	Today date.Date
	// Files edits region files (Reschedule's write): the write lock and
	// the atomic write, through its file system.
	Files source.Files

	policy    *region.Policy // the config file's, parsed once, when valid
	policyErr error
}

// Config is what New needs besides the finder.
type Config struct {
	Today date.Date
	// Policy is the config file's policy: section as plain values (nil:
	// none) and ConfigFile the file it came from, for its error.
	Policy     map[string]any
	ConfigFile string
	// ConfigFields are where the config file writes each key, for the
	// position of a mistake in its policy (cmdutil.Settings.Fields); nil
	// names the file only.
	ConfigFields []syntax.Field
	// Files is where writes go (the zero value: the computer's file
	// system, tender's lock wait). A test wraps its FS to stand between
	// tender and the disk.
	Files source.Files
}

// New builds an App. The config file's policy is checked once here; a bad
// one is kept and returned by the use-cases that run the rules (CheckPolicy),
// at the point where each of them meets it.
func New(finder Finder, c Config) *App {
	a := &App{Finder: finder, Planner: &timeline.Planner{}, Today: c.Today, Files: c.Files}
	p, err := rules.ParseConfigPolicy(c.Policy)
	a.policy = p
	if err != nil {
		a.policyErr = policyError(c, err)
	}
	return a
}

// policyError places the config file's policy error err at the key or
// value it is about (c.ConfigFields), as the file's other mistakes are:
// file:line:column: policy: .... Without that position it names the file.
func policyError(c Config, err error) error {
	var pe *rules.PolicyError
	if errors.As(err, &pe) && c.ConfigFile != "" {
		key := append([]string{"policy"}, pe.Key...)
		for _, f := range c.ConfigFields {
			if !slices.Equal(f.Path, key) {
				continue
			}
			pos := f.ValuePos
			if pe.AtKey {
				pos = f.KeyPos
			}
			return region.ErrorList{{File: c.ConfigFile, Pos: pos, Msg: err.Error()}}
		}
	}
	file := c.ConfigFile
	if file == "" {
		file = "the config file"
	}
	return fmt.Errorf("config file %s: %w", file, err)
}

// CheckPolicy returns the error of an invalid policy: section in the config
// file, naming the file, or nil. A bad policy would change every finding,
// so the use-cases that run the rules stop on it.
func (a *App) CheckPolicy() error { return a.policyErr }

// RulesOptions are the options of the rules: today, the config file's
// policy (parsed by New; a use-case calls CheckPolicy first) and the
// planner.
func (a *App) RulesOptions() rules.Options {
	return rules.Options{Today: a.Today, Planner: a.Planner, Config: a.policy}
}

// plan plans one tender with the App's planner.
func (a *App) plan(r *region.Region, t *region.Tender, o timeline.Options) (*timeline.Result, error) {
	return a.Planner.Plan(r, t, o)
}

// FSFinder finds regions in a file system: an argument is a file of it or
// the id of a file ID.yaml at its root; no arguments are all *.yaml files
// at the root, in name order. For tests (fstest.MapFS) and for servers
// that hold regions in memory.
type FSFinder struct{ FS fs.FS }

// Find loads the regions args name; load errors of every file come back
// together as a region.ErrorList.
func (f FSFinder) Find(args []string) ([]*region.Region, error) {
	names := args
	if len(names) == 0 {
		all, err := fs.Glob(f.FS, "*.yaml")
		if err != nil {
			return nil, err
		}
		sort.Strings(all)
		names = all
	}
	var out []*region.Region
	var errs region.ErrorList
	for _, name := range names {
		file := name
		if _, err := fs.Stat(f.FS, file); err != nil {
			file = name + ".yaml"
		}
		src, err := fs.ReadFile(f.FS, file)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, Unknown("region", name, f.ids(), "", "")
		}
		if err != nil {
			return nil, err
		}
		r, err := region.Load(file, src)
		var el region.ErrorList
		switch {
		case errors.As(err, &el):
			errs = append(errs, el...)
			continue
		case err != nil:
			return nil, err
		}
		r.Source = file
		out = append(out, r)
	}
	if len(errs) > 0 {
		return out, errs
	}
	return out, nil
}

func (f FSFinder) ids() []string {
	all, _ := fs.Glob(f.FS, "*.yaml")
	var ids []string
	for _, n := range all {
		ids = append(ids, strings.TrimSuffix(path.Base(n), ".yaml"))
	}
	slices.Sort(ids)
	return ids
}
