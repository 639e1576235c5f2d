package cmdutil

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/source"
)

// Shell completion (tender completion bash|zsh|fish|powershell) asks the
// binary for candidates through cobra's hidden __complete command. These
// helpers answer for tender's arguments and flags: region ids and files for
// REGION, tender ids for --tender, scenario names for --scenario, milestone
// ids for --set (as ID=) and --keep.
//
// Completion runs without the root command's PersistentPreRunE, so the
// helpers load the settings themselves (the paths setting decides where
// region ids are found), and they never read standard input. A region file
// that does not load is left out rather than reported: completion must
// never print errors into the user's command line.
//
// Each command wires its own completion in its NewCmdX, where its
// arguments and flags are declared: ValidArgsFunction from
// CompleteRegionArg or CompleteRegionThenMoves, and the flags through
// RegisterTenderFlagCompletion, RegisterScenarioFlagCompletion and
// RegisterMilestoneFlagCompletion. The root command wires its persistent
// flags with RegisterGlobalFlagCompletions.

// RegisterGlobalFlagCompletions completes the root command's persistent
// flags: --lang with the languages, --config with YAML files, --today with
// nothing (a date is the user's).
func RegisterGlobalFlagCompletions(root *cobra.Command) {
	registerFlag(root, "lang", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"en\tEnglish", "nl\tNederlands"}, cobra.ShellCompDirectiveNoFileComp
	})
	registerFlag(root, "config", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	})
	registerFlag(root, "today", noFiles)
}

// registerFlag registers fn for flag on c unless the flag is missing or
// already has a completion.
func registerFlag(c *cobra.Command, flag string, fn cobra.CompletionFunc) {
	if c.Flag(flag) == nil {
		return
	}
	if _, ok := c.GetFlagCompletionFunc(flag); ok {
		return
	}
	_ = c.RegisterFlagCompletionFunc(flag, fn)
}

func noFiles(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// CompleteRegions completes a REGION argument: the region ids of the paths
// directories and the built-in ones (with their names), and the region
// files and directories next to what is typed. Once the word has a path
// separator, the shell completes file names (*.yaml, *.yml, directories).
func CompleteRegions(f *Factory) cobra.CompletionFunc {
	return func(c *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if strings.ContainsAny(toComplete, `/\`) || strings.HasPrefix(toComplete, ".") || strings.HasPrefix(toComplete, "~") {
			return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		}
		var out []string
		seen := map[string]bool{}
		for _, r := range knownRegions(f, c) {
			if strings.HasPrefix(r.ID, toComplete) && !seen[r.ID] {
				seen[r.ID] = true
				out = append(out, r.ID+"\t"+r.Name)
			}
		}
		onlyDirs := true
		entries, _ := os.ReadDir(".")
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(name, toComplete) || strings.HasPrefix(name, ".") {
				continue
			}
			switch {
			case e.IsDir():
				out = append(out, name+string(filepath.Separator))
			case isYAML(name):
				out = append(out, name)
				onlyDirs = false
			}
		}
		directive := cobra.ShellCompDirectiveNoFileComp
		if len(seen) == 0 && onlyDirs && len(out) > 0 {
			// Only directories: leave the cursor after the separator.
			directive |= cobra.ShellCompDirectiveNoSpace
		}
		return out, directive
	}
}

// CompleteRegionArg completes the REGION argument at position pos (and, if
// variadic, every argument after it); other positions get no completion.
func CompleteRegionArg(f *Factory, pos int, variadic bool) cobra.CompletionFunc {
	regions := CompleteRegions(f)
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) == pos || (variadic && len(args) > pos) {
			return regions(c, args, toComplete)
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
}

// CompleteRegionThenMoves completes REGION ID=DATE...: a region first, then
// the milestone ids of that region's tenders, as ID=.
func CompleteRegionThenMoves(f *Factory) cobra.CompletionFunc {
	regions := CompleteRegions(f)
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) == 0 {
			return regions(c, args, toComplete)
		}
		return milestoneCandidates(f, c, args[:1], toComplete, true)
	}
}

// RegisterTenderFlagCompletion completes flag with the tender ids of the
// regions named by the arguments typed so far (all regions when none).
func RegisterTenderFlagCompletion(cmd *cobra.Command, f *Factory, flag string) {
	registerFlag(cmd, flag, func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		seen := map[string]bool{}
		for _, r := range argRegions(f, c, args) {
			for _, t := range r.Tenders {
				if strings.HasPrefix(t.ID, toComplete) && !seen[t.ID] {
					seen[t.ID] = true
					out = append(out, t.ID+"\t"+describe(t.Name, r.ID))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// RegisterScenarioFlagCompletion completes flag with the scenario names of
// the selected tenders (--tender, when given).
func RegisterScenarioFlagCompletion(cmd *cobra.Command, f *Factory, flag string) {
	registerFlag(cmd, flag, func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		seen := map[string]bool{}
		for _, s := range selectedTenders(f, c, args) {
			for _, sc := range s.Tender.Scenarios {
				if strings.HasPrefix(sc.ID, toComplete) && !seen[sc.ID] {
					seen[sc.ID] = true
					out = append(out, sc.ID+"\t"+describe(sc.Description, s.Tender.ID))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
}

// RegisterMilestoneFlagCompletion completes flag with the milestone ids of
// the selected tenders (--tender and --scenario, when given); with assign,
// as ID= for ID=DATE flags such as --set.
func RegisterMilestoneFlagCompletion(cmd *cobra.Command, f *Factory, flag string, assign bool) {
	registerFlag(cmd, flag, func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		return milestoneCandidates(f, c, args, toComplete, assign)
	})
}

func milestoneCandidates(f *Factory, c *cobra.Command, args []string, toComplete string, assign bool) ([]string, cobra.ShellCompDirective) {
	if assign && strings.Contains(toComplete, "=") {
		return nil, cobra.ShellCompDirectiveNoFileComp // the date is the user's
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range selectedTenders(f, c, args) {
		for _, m := range s.Tender.Milestones {
			if !strings.HasPrefix(m.ID, toComplete) || seen[m.ID] {
				continue
			}
			seen[m.ID] = true
			word := m.ID
			if assign {
				word += "="
			}
			out = append(out, word+"\t"+describe(m.DisplayName(), s.Tender.ID))
		}
	}
	directive := cobra.ShellCompDirectiveNoFileComp
	if assign {
		directive |= cobra.ShellCompDirectiveNoSpace
	}
	return out, directive
}

// describe is a completion's description: text, and where it comes from.
func describe(text, from string) string {
	text = strings.Join(strings.Fields(text), " ") // no tabs or newlines
	if text == "" {
		return from
	}
	return text + " (" + from + ")"
}

// completionFinder is Factory.Finder for completion: it loads the settings
// when the root command has not (cobra's __complete skips it), and never
// reads standard input.
func (f *Factory) completionFinder(c *cobra.Command) *source.Finder {
	s := f.Settings
	if s == nil {
		env := f.Env
		if env == nil {
			env = os.LookupEnv
		}
		flags := c.Flags()
		if flags == nil {
			flags = pflag.NewFlagSet("complete", pflag.ContinueOnError)
		}
		now := f.Now
		if now == nil {
			return &source.Finder{Paths: []string{"regions"}}
		}
		if loaded, err := LoadSettings(flags, env, now); err == nil {
			s = loaded
		}
	}
	if s == nil {
		return &source.Finder{Paths: []string{"regions"}}
	}
	return &source.Finder{Paths: s.Paths}
}

// knownRegions are the regions an id may name: those of the paths
// directories that load, then the built-in ones.
func knownRegions(f *Factory, c *cobra.Command) []*region.Region {
	var out []*region.Region
	for _, dir := range f.completionFinder(c).Paths {
		entries, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !isYAML(e.Name()) {
				continue
			}
			if r, err := source.LoadFile(filepath.Join(dir, e.Name())); err == nil {
				out = append(out, r)
			}
		}
	}
	for _, id := range examples.IDs {
		if r, err := source.BuiltIn(id); err == nil {
			out = append(out, r)
		}
	}
	return out
}

// argRegions loads the regions named by the REGION arguments typed so far
// (all of Find's defaults when there are none); arguments that do not load
// are skipped, and so is "-".
func argRegions(f *Factory, c *cobra.Command, args []string) []*region.Region {
	finder := f.completionFinder(c)
	var named []string
	for _, a := range args {
		if a != "-" && !strings.Contains(a, "=") {
			named = append(named, a)
		}
	}
	if len(named) == 0 {
		rs, _ := finder.Find(nil)
		return rs
	}
	var out []*region.Region
	for _, a := range named {
		if rs, err := finder.Find([]string{a}); err == nil {
			out = append(out, rs...)
		}
	}
	return out
}

// selectedTenders are the tenders of the argument regions that --tender
// names (all when it is not given), with --scenario applied where the
// tender has it.
func selectedTenders(f *Factory, c *cobra.Command, args []string) []Selected {
	tenders := flagValues(c, "tender")
	scenario := ""
	if fl := c.Flags().Lookup("scenario"); fl != nil {
		scenario = fl.Value.String()
	}
	var out []Selected
	for _, r := range argRegions(f, c, args) {
		for _, t := range r.Tenders {
			if len(tenders) > 0 && !slices.Contains(tenders, t.ID) {
				continue
			}
			if scenario != "" && slices.Contains(t.ScenarioIDs(), scenario) {
				if st, err := t.WithScenario(scenario); err == nil {
					t = st
				}
			}
			out = append(out, Selected{Region: r, Tender: t})
		}
	}
	return out
}

// flagValues returns the values of a string, string slice or string array
// flag, or nil.
func flagValues(c *cobra.Command, name string) []string {
	fl := c.Flags().Lookup(name)
	if fl == nil || !fl.Changed {
		return nil
	}
	if sv, ok := fl.Value.(pflag.SliceValue); ok {
		return sv.GetSlice()
	}
	return []string{fl.Value.String()}
}

func isYAML(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".yaml" || ext == ".yml"
}
