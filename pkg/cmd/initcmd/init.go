// Package initcmd is `tender init`: write a commented starter region file,
// or a copy of a built-in region, to edit. (The package is not called init,
// which Go reserves.) The starter file comes in two languages, the
// language of the settings picking one: template.yaml (English) and
// template_nl.yaml (Dutch) hold the same YAML with the comments in their
// language, so they load to the same region (a test compares them).
package initcmd

import (
	"bytes"
	_ "embed"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/examples"
	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/i18n"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/source"
)

// Template is the starter region file, with English comments. It loads,
// plans, passes tender check and validates against tender schema (the
// tests check all four).
//
//go:embed template.yaml
var Template []byte

// TemplateNL is Template with Dutch comments: the same keys and values.
//
//go:embed template_nl.yaml
var TemplateNL []byte

// templateFor is the starter file whose comments are in lang.
func templateFor(lang string) []byte {
	if i18n.Lang(lang) == "nl" {
		return TemplateNL
	}
	return Template
}

// DefaultFile is where tender init writes without a FILE argument.
const DefaultFile = "region.yaml"

// templateID is the region id in Template, replaced by one taken from the
// file name (regions/noord-veluwe.yaml gets id noord-veluwe).
const templateID = "mijn-regio"

// Options are the inputs of `tender init`.
type Options struct {
	IO   *iostreams.IOStreams
	Lang func() string // the language of the settings
	Env  cmdutil.Env   // which shell the user is in (windowsShell)
	File string        // "" for the default, "-" for standard output
	From string        // a built-in region id, or ""
}

// NewCmdInit builds the command; runF replaces the run in tests.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Lang: f.Lang, Env: f.Env}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter region file, or a copy of a built-in region",
		Long: `Writes a region file to edit: a starter file that explains every key in
comments (in the language of --lang) and plans as it is, or with --from ID a byte-for-byte copy of a
built-in region (twente, achterhoek, drenthe), comments and all.

FILE defaults to region.yaml, or ID.yaml with --from; - writes to standard
output. The region id of the starter file is taken from FILE's name when
that is a valid id (regions/noord-veluwe.yaml gets id noord-veluwe).
Missing directories are created.

tender init never overwrites a file: when FILE exists it stops with exit
code 2. The file is written atomically (a temporary file in the same
directory, flushed to disk, then moved into place), so it is either
complete or absent.`,
		Example: `  tender init
  tender init regions/noord-veluwe.yaml
  tender init --from achterhoek
  tender init - --from twente | less`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.File = args[0]
			}
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	cmd.Flags().StringVar(&opts.From, "from", "", "copy this built-in region instead: "+strings.Join(examples.IDs, ", "))
	_ = cmd.RegisterFlagCompletionFunc("from", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return examples.IDs, cobra.ShellCompDirectiveNoFileComp
	})
	cmd.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return []string{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
	}
	return cmd
}

func run(opts *Options) error {
	file := opts.File
	var content []byte
	if opts.From != "" {
		src, err := source.BuiltInSource(opts.From)
		if err != nil {
			hint := ""
			if s := app.Suggest(opts.From, examples.IDs); s != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", s)
			}
			return cmdutil.UsageErrorf("--from %q: not a built-in region%s (the built-in regions are %s); to copy a region file, use cp",
				opts.From, hint, strings.Join(examples.IDs, ", "))
		}
		content = src
		if file == "" {
			file = opts.From + ".yaml"
		}
	} else {
		if file == "" {
			file = DefaultFile
		}
		content = Starter(file, opts.Lang())
	}
	ios := opts.IO
	if file == "-" {
		_, err := ios.Out.Write(content)
		return err
	}
	if err := source.WriteNew(file, content); err != nil {
		return err
	}
	lang := opts.Lang()
	done := render.T(lang, "init.wrote", file)
	if opts.From != "" {
		done = render.T(lang, "init.copied", file, opts.From)
	}
	cmdutil.Notice(ios, done, render.T(lang, "init.next", quoteFor(file, windowsShell(runtime.GOOS, opts.Env))))
	return nil
}

var (
	validID   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	dateLike  = regexp.MustCompile(`^[0-9]+-[0-9]+-[0-9]+$`)
	plainWord = regexp.MustCompile(`^[A-Za-z0-9_./+-]+$`)
)

// Starter returns the starter file with comments in lang (Template or
// TemplateNL) for a file at path: the region id comes from the file name
// when that is a valid id (and not "region", which says nothing), and the
// example commands in the comments name the file.
func Starter(path, lang string) []byte {
	out := templateFor(lang)
	if path == "-" {
		return out
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if validID.MatchString(base) && base != "region" && !looksLikeDate(base) {
		out = bytes.ReplaceAll(out, []byte("id: "+templateID+" "), []byte("id: "+base+" "))
	}
	if w := shellWord(path); w != DefaultFile {
		out = bytes.ReplaceAll(out, []byte(" "+DefaultFile), []byte(" "+w))
	}
	return out
}

// looksLikeDate reports ids such as 2027-01-01, which the loader refuses as
// milestone ids; a region id like that would only confuse.
func looksLikeDate(s string) bool {
	return dateLike.MatchString(s)
}

// shellWord quotes path for the commands shown to the user when it holds
// characters a shell would split or expand, as a POSIX shell reads it.
func shellWord(path string) string { return quoteFor(path, false) }

// quoteFor quotes path for a command line when it holds characters a
// shell would split or expand: in single quotes for a POSIX shell (and
// PowerShell), in double quotes for cmd.exe and PowerShell on Windows
// (win), which both take them; cmd.exe has no single quotes. A Windows
// file name cannot contain a double quote.
func quoteFor(path string, win bool) string {
	if plainWord.MatchString(path) {
		return path
	}
	if win {
		return `"` + path + `"`
	}
	return "'" + strings.ReplaceAll(path, "'", `'\''`) + "'"
}

// windowsShell says the user is in cmd.exe or PowerShell: tender runs on
// Windows, outside Git Bash, MSYS2 or Cygwin (which set SHELL or MSYSTEM
// and read POSIX quotes).
func windowsShell(goos string, env cmdutil.Env) bool {
	if goos != "windows" {
		return false
	}
	if env == nil {
		return true
	}
	for _, k := range []string{"SHELL", "MSYSTEM"} {
		if v, ok := env(k); ok && v != "" {
			return false
		}
	}
	return true
}
