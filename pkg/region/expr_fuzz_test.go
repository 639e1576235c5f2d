package region

import (
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/date"
)

// FuzzParseExpr: ParseExpr never panics, and what it accepts is well
// formed (a valid id or an in-range date, a sign exactly when there is a
// duration) and prints, by Expr.String, to text that parses to the same
// expression.
func FuzzParseExpr(f *testing.F) {
	for _, s := range []string{"2021-04-01", "publication", "publication + 4w", "submission-10d", "submission - 10d",
		"phase-2", "phase-2w", "2021-04-01 + 3mo", "2021-04-01-3d", "1-4-2021", "2021/04/01", "2021-04-01T10:00:00+01:00",
		"a - ", "+ 3d", "a +3d +4d", "A", "a-", "-a", "a - 1000000d", "a - 1000001d", " a\t+\t3wd "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseExpr(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if e.Text != strings.TrimSpace(s) {
			t.Fatalf("ParseExpr(%q).Text = %q", s, e.Text)
		}
		switch {
		case e.Sign != 0 && e.Sign != 1 && e.Sign != -1:
			t.Fatalf("ParseExpr(%q).Sign = %d", s, e.Sign)
		case e.Sign == 0 && e.Dur != (date.Duration{}):
			t.Fatalf("ParseExpr(%q) has a duration without a sign: %+v", s, e)
		case e.Ref == "" && !e.Date.InRange():
			t.Fatalf("ParseExpr(%q) has date %s out of range", s, e.Date)
		case e.Ref != "" && (!validID(e.Ref) || e.Date != 0):
			t.Fatalf("ParseExpr(%q) = %+v", s, e)
		case e.Dur.N < 0 || e.Dur.N > date.MaxAmount:
			t.Fatalf("ParseExpr(%q) has duration %v", s, e.Dur)
		}
		back, err := ParseExpr(e.String())
		if err != nil {
			t.Fatalf("ParseExpr(%q) prints as %q, which does not parse: %v", s, e.String(), err)
		}
		back.Text, e.Text = "", ""
		if back != e {
			t.Fatalf("ParseExpr(%q) = %+v prints as %q, which parses as %+v", s, e, e.String(), back)
		}
	})
}
