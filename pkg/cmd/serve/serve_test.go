package serve

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
	"github.com/tender-nl/tender/pkg/iostreams"
)

func TestFlags(t *testing.T) {
	cmdtest.Parse(t, NewCmdServe, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{Addr: "127.0.0.1:8317"}},
		{Args: []string{"regions/", "--open", "--read-only", "--addr", "0.0.0.0:9000"},
			Want: Options{Args: []string{"regions/"}, Addr: "0.0.0.0:9000", Open: true, ReadOnly: true}},
	})
}

// serve runs tender serve --open with opts until the test's page fetch is
// done: the test is the browser that --open starts, so it learns the
// address as a browser would (open, when given, sees it first).
func serve(t *testing.T, addr string, open func(url string) error, visit func(url string)) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts := newOptions(&cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en"}})
	opts.Addr = addr
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	opts.ctx = ctx
	opts.Open, opts.openBrowser = true, func(url string) error {
		go func() {
			defer cancel()
			visit(url)
		}()
		if open != nil {
			return open(url)
		}
		return nil
	}
	done := make(chan error, 1)
	go func() { done <- run(opts) }()
	select {
	case err = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("tender serve did not stop within 10 s of the cancel")
	}
	return out.String(), errOut.String(), err
}

func TestServePrintsTheAddressWithTheTokenAndStopsCleanly(t *testing.T) {
	var page string
	var opened string
	open := func(u string) error { opened = u; return nil }
	stdout, stderr, err := serve(t, "127.0.0.1:0", open, func(url string) {
		res, err := http.Get(url)
		if err != nil {
			t.Error(err)
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		page = string(b)
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, "Open http://127.0.0.1:") || !strings.Contains(stdout, "/?token=") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stdout, "Ctrl-C") {
		t.Errorf("stdout does not say how to stop:\n%s", stdout)
	}
	if opened == "" || !strings.Contains(stdout, opened) {
		t.Errorf("--open opened %q", opened)
	}
	if !strings.Contains(page, "twente") {
		t.Errorf("the page does not show the built-in regions")
	}
	if strings.Contains(stderr, "warning") || !strings.Contains(stderr, "Stopped.") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestServeWarnsWhenReachableFromOtherMachines(t *testing.T) {
	_, stderr, err := serve(t, "0.0.0.0:0", nil, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "warning: 0.0.0.0:0 is reachable from other machines") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestServeRefusesStdinAndABadAddress(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-"}, "tender serve follows files and cannot read standard input (-): name a region file or directory"},
		{[]string{"regions/", "--addr", "8317"}, `invalid --addr "8317": use host:port, as 127.0.0.1:8317`},
	} {
		ios, _, _, _ := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en"}}
		cmd := NewCmdServe(f, func(*Options) error { t.Fatalf("%v: ran", tt.args); return nil })
		cmd.SetArgs(tt.args)
		cmd.SetOut(ios.Out)
		cmd.SetErr(ios.ErrOut)
		err := cmd.Execute()
		if err == nil || err.Error() != tt.want || cmdutil.ExitCode(err) != 2 {
			t.Errorf("%v: %v (exit %d), want %q (exit 2)", tt.args, err, cmdutil.ExitCode(err), tt.want)
		}
	}
}

// TestServeRefusesAnUnknownRegion: the arguments reach the server, which
// refuses a region it cannot find before it listens.
func TestServeRefusesAnUnknownRegion(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	opts := newOptions(&cmdutil.Factory{IOStreams: ios, Settings: &cmdutil.Settings{Lang: "en"}})
	opts.Args, opts.Addr, opts.ctx = []string{"nowhere"}, "127.0.0.1:0", context.Background()
	err := run(opts)
	if err == nil || !strings.Contains(err.Error(), `unknown region "nowhere"`) {
		t.Errorf("error %v, want unknown region", err)
	}
	if out.Len() != 0 {
		t.Errorf("printed an address for nothing:\n%s", out)
	}
}
