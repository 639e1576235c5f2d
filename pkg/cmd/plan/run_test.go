package plan

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/cmdutil"
	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
)

const demo = `version: 1
region:
  id: demo
  name: Demo
  municipalities: [Aalten]
tenders:
  t:
    name: T
    procedure: national
    milestones:
      decision: {kind: decision, done: 2026-01-13}
      publication: {kind: publication, after: decision + 4w}
`

// runPlan runs tender plan's run on an in-memory region, with no
// Factory: the streams, an App over an fstest.MapFS and printer options.
func runPlan(t *testing.T, opts Options) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	if opts.IO != nil {
		ios.Quiet = opts.IO.Quiet
	}
	opts.IO = ios
	opts.App = func() *app.App {
		return app.New(app.FSFinder{FS: fstest.MapFS{"demo.yaml": {Data: []byte(demo)}}}, app.Config{})
	}
	opts.Print = func() cmdutil.PrintOptions {
		return cmdutil.PrintOptions{Options: render.Options{Lang: "en"}, Quiet: opts.IO.Quiet}
	}
	err = run(&opts)
	return out.String(), errOut.String(), err
}

func TestRun(t *testing.T) {
	// publication: decision (Tue 2026-01-13) + 4w = Tue 2026-02-10.
	out, _, err := runPlan(t, Options{ReportOptions: cmdtest.Output("csv"), Args: []string{"demo"}})
	if err != nil || !strings.Contains(out, "publication") || !strings.Contains(out, "2026-02-10") {
		t.Errorf("csv: err %v, output:\n%s", err, out)
	}
	// --set before the lower bound leaves no schedule: the conflict on
	// stderr, and the answer "no".
	_, errOut, err := runPlan(t, Options{ReportOptions: cmdtest.Output("json"), Args: []string{"demo"}, Sets: []string{"publication=2026-02-02"}})
	if !errors.Is(err, cmdutil.ErrNo) || !strings.HasPrefix(errOut, "demo/t: ") {
		t.Errorf("infeasible: err %v, stderr %q", err, errOut)
	}
	// -q silences the table, not the data formats.
	ios, _, _, _ := iostreams.Test()
	ios.Quiet = true
	out, _, err = runPlan(t, Options{ReportOptions: cmdutil.ReportOptions{IO: ios, Output: "table"}, Args: []string{"demo"}})
	if err != nil || out != "" {
		t.Errorf("-q table: err %v, output %q", err, out)
	}
}
