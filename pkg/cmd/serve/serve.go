// Package serve is `tender serve`: the planning room in the browser.
package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"slices"
	"syscall"

	"github.com/cli/browser"
	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/server"
	"github.com/tender-nl/tender/pkg/source"
)

// DefaultAddr is where tender serve listens unless --addr says otherwise:
// this machine only, on a port no common tool uses.
const DefaultAddr = "127.0.0.1:8317"

// Options are the inputs of `tender serve`.
type Options struct {
	IO  *iostreams.IOStreams
	App func() *app.App
	// Server gives the server's options of the current settings.
	Server   func() server.Options
	Args     []string
	Addr     string
	Open     bool
	ReadOnly bool
	// ctx ends the server; run adds Ctrl-C and SIGTERM to it.
	ctx context.Context
	// openBrowser opens the page with --open once the server listens: the
	// system browser (tests are the browser, and so learn the address).
	openBrowser func(url string) error
}

// NewCmdServe builds the command; runF replaces the run in tests.
func NewCmdServe(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := newOptions(f)
	cmd := &cobra.Command{
		Use:   "serve [REGION...]",
		Short: "Serve the plans as live pages in the browser, with what-if and write",
		Long: `Serves the regions as pages in the browser: the portfolio, each tender's
Gantt picture with its findings, the scenarios, the comparison and the risk,
and a what-if that answers as tender reschedule does and can write the move
into the region file as reschedule --write does. The pages follow the region
files: save a file in an editor and the open pages show the new plan, or the
file's errors at their lines.

It listens on 127.0.0.1:8317 (this machine only) unless --addr says
otherwise, and prints the address to open, with a token that every write
must carry. Ctrl-C stops it. See the README, "tender serve", for the pages,
the JSON API and the security model.`,
		Example: `  tender serve
  tender serve regions/ --open
  tender serve achterhoek --read-only --addr 127.0.0.1:9000`,
		RunE: func(c *cobra.Command, args []string) error {
			opts.Args = args
			if err := validate(opts, f.Lang()); err != nil {
				return err
			}
			if opts.ctx == nil {
				opts.ctx = c.Context()
			}
			if runF != nil {
				return runF(opts)
			}
			return run(opts)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Addr, "addr", DefaultAddr, "address to listen on, host:port (another host than loopback is reachable from other machines)")
	fl.BoolVar(&opts.Open, "open", false, "open the address in the system's browser")
	fl.BoolVar(&opts.ReadOnly, "read-only", false, "never write a region file")
	cmd.ValidArgsFunction = cmdutil.CompleteRegionArg(f, 0, true)
	return cmd
}

// validate checks --addr and the arguments: serve follows files, so it
// cannot read standard input.
func validate(opts *Options, lang string) error {
	if _, _, err := net.SplitHostPort(opts.Addr); err != nil {
		return cmdutil.UsageErrorf("invalid --addr %q: use host:port, as %s", opts.Addr, DefaultAddr)
	}
	if slices.Contains(opts.Args, "-") {
		return cmdutil.UsageErrorf("%s", server.Word(lang, "serve.stdin"))
	}
	return nil
}

func run(opts *Options) error {
	// Ctrl-C from the start: one that comes while the regions load still
	// stops the server cleanly.
	ctx, stop := signal.NotifyContext(opts.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := opts.App().CheckPolicy(); err != nil {
		return err
	}
	so := opts.Server()
	so.Args, so.ReadOnly = opts.Args, opts.ReadOnly
	srv, ln, err := server.Listen(opts.Addr, so)
	if err != nil {
		return err
	}
	opts.announce(srv.URL(), so.Lang)
	if err := srv.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.ErrOut, server.Word(so.Lang, "serve.stopped"))
	return nil
}

// announce says where the server listens, with the token, and how to stop
// it; warns when other machines reach it; and opens it with --open.
func (opts *Options) announce(url, lang string) {
	ios := opts.IO
	if !server.IsLoopback(opts.Addr) {
		fmt.Fprintln(ios.ErrOut, server.Word(lang, "serve.exposed", opts.Addr))
	}
	fmt.Fprintln(ios.Out, server.Word(lang, "serve.url", url))
	fmt.Fprintln(ios.Out, server.Word(lang, "serve.stop"))
	if opts.Open && opts.openBrowser != nil {
		if err := opts.openBrowser(url); err != nil {
			fmt.Fprintln(ios.ErrOut, server.Word(lang, "serve.noopen", err))
		}
	}
}

// newOptions are the Options of f, before the flags.
func newOptions(f *cmdutil.Factory) *Options {
	return &Options{IO: f.IOStreams, App: f.App, Server: serverOptions(f), Addr: DefaultAddr, openBrowser: browser.OpenURL}
}

// serverOptions are the server's options of f's settings: the region
// finder, the language, today and the config file's policy.
func serverOptions(f *cmdutil.Factory) func() server.Options {
	return func() server.Options {
		ro := f.RenderOptions()
		return server.Options{
			Finder: func() *source.Finder { return f.Finder() },
			Lang:   ro.Lang,
			App:    f.AppConfig(), // its Today is the server's
			Today:  ro.Today,
			Log:    f.IOStreams.ErrOut,
		}
	}
}
