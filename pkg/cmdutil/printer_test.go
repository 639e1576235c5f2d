package cmdutil

import (
	"io"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/tender-nl/tender/pkg/iostreams"
)

// TestPrinters: the formats come in the registry's order, the first the
// default; -q silences only the formats for people; an unknown format is
// an error, never a silent default.
func TestPrinters(t *testing.T) {
	ps := Printers[string]{
		{Format: "table", ForPeople: true, Print: func(w io.Writer, r string, _ PrintOptions) error {
			_, err := io.WriteString(w, "table:"+r)
			return err
		}},
		{Format: "json", Print: func(w io.Writer, r string, _ PrintOptions) error {
			_, err := io.WriteString(w, "json:"+r)
			return err
		}},
	}
	if got := strings.Join(ps.Formats(), ","); got != "table,json" {
		t.Errorf("Formats = %s", got)
	}
	for _, tt := range []struct {
		format string
		quiet  bool
		want   string
	}{
		{"table", false, "table:x"},
		{"table", true, ""},
		{"json", true, "json:x"},
	} {
		ios, _, out, _ := iostreams.Test()
		if err := ps.Print(ios, tt.format, "x", PrintOptions{Quiet: tt.quiet}); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("-o %s, quiet %v: %q, want %q", tt.format, tt.quiet, out.String(), tt.want)
		}
	}
	ios, _, _, _ := iostreams.Test()
	if err := ps.Print(ios, "pdf", "x", PrintOptions{}); err == nil {
		t.Error("-o pdf printed")
	}
	// The -o flag AddFlag registers knows the formats: the first is the
	// default, the others are taken, another is a usage error naming them.
	f := &Factory{}
	for _, tt := range []struct{ args, want, err string }{
		{"", "table", ""},
		{"-o json", "json", ""},
		{"-o table", "table", ""},
		{"-o pdf", "", `invalid --output "pdf" for x: use table, json`},
	} {
		cmd := &cobra.Command{Use: "x"}
		ps.AddFlag(cmd)
		if err := cmd.ParseFlags(strings.Fields(tt.args)); err != nil {
			t.Fatal(err)
		}
		got, err := f.Output(cmd)
		if got != tt.want || (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("%q: %q, %v; want %q, %s", tt.args, got, err, tt.want, tt.err)
		}
	}
}
