package cmdutil

import (
	"fmt"
	"io"
	"testing"

	"github.com/tender-nl/tender/pkg/iostreams"
	"github.com/tender-nl/tender/pkg/render"
)

// TestPrinterKinds: each kind hands the printer what the report holds and
// what the settings say, and only a table is silenced by -q.
func TestPrinterKinds(t *testing.T) {
	type report struct{ n int }
	num := func(r report) int { return r.n }
	withOpts := func(w io.Writer, n int, o render.Options) error {
		_, err := fmt.Fprintf(w, "%d %s", n, o.Lang)
		return err
	}
	ps := Printers[report]{
		Table("table", num, withOpts),
		Document("markdown", num, withOpts),
		Data("json", num, func(w io.Writer, n int) error { _, err := fmt.Fprint(w, n); return err }),
		DataIn("junit", num, func(w io.Writer, n int, lang string) error { _, err := fmt.Fprintf(w, "%d %s", n, lang); return err }),
		CSV(num, func(w io.Writer, n int, sep rune, lang string) error {
			_, err := fmt.Fprintf(w, "%d%c%d%c%s", n, sep, n, sep, lang)
			return err
		}),
	}
	for _, tt := range []struct {
		format string
		quiet  bool
		want   string
	}{
		{"table", false, "7 nl"},
		{"table", true, ""},
		{"markdown", true, "7 nl"},
		{"json", true, "7"},
		{"junit", false, "7 nl"},
		{"csv", true, UTF8BOM + "7;7;nl"},
	} {
		ios, _, out, _ := iostreams.Test()
		o := PrintOptions{Options: render.Options{Lang: "nl"}, Quiet: tt.quiet, CSVSep: ';', CSVBOM: true}
		if err := ps.Print(ios, tt.format, report{7}, o); err != nil {
			t.Fatal(err)
		}
		if out.String() != tt.want {
			t.Errorf("-o %s, quiet %v: %q, want %q", tt.format, tt.quiet, out.String(), tt.want)
		}
	}
}
