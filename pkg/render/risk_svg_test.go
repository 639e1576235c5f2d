package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/risk"
)

const riskRegion = `version: 1
region:
  id: demo
  name: Demo & <Co>
  municipalities: [Aalten]
tenders:
  t:
    name: T
    procedure: social-services
    milestones:
      a: {kind: decision, done: 2026-01-13}
      b:
        kind: award
        after: a + 4w
        risk:
          - {name: Kort geding, probability: 0.5, delay: 1w..%s}
      c: {kind: contract-start, on: 2026-03-01, after: b + 1w}
      d: {kind: other, done: 2026-04-01, after: %s}
`

// simulate runs riskRegion with b's delay up to hi; d follows b only when
// dAfterB, so that long delays leave runs without a schedule.
func simulate(t *testing.T, hi string, dAfterB bool) *risk.Report {
	t.Helper()
	ref := "a"
	if dAfterB {
		ref = "b"
	}
	r, err := region.Load("demo.yaml", []byte(fmt.Sprintf(riskRegion, hi, ref)))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := risk.Simulate(r, r.Tenders[0], risk.Options{Runs: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// wellFormed parses the whole document as XML.
func wellFormed(t *testing.T, b []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, b)
		}
	}
}

// The picture is well-formed, escapes names, marks the on date with its
// share, and says how many runs had no schedule: b + 1w..12w runs past the
// done milestone d (1 Apr) in some runs (b is 10 Feb + up to 12 weeks), and
// bars are days or weeks depending on the span.
func TestRiskSVG(t *testing.T) {
	for _, tc := range []struct {
		hi, lang string
		dAfterB  bool
		want     []string
	}{
		{"2w", "en", true, []string{"Demo &amp; &lt;Co&gt;", "on 2026-03-01: ", "P50", "P95", "each day"}},
		{"12w", "en", true, []string{"runs had no schedule", "they count as later than any date", "each day"}},
		{"60w", "en", false, []string{"each week (Monday to Sunday)", "P80"}},
		{"12w", "nl", true, []string{"op 2026-03-01: ", "runs hadden geen planning", "0,0%", "mrt 2026"}},
	} {
		var b bytes.Buffer
		if err := RiskSVG(&b, simulate(t, tc.hi, tc.dAfterB), Options{Lang: tc.lang}); err != nil {
			t.Fatal(err)
		}
		wellFormed(t, b.Bytes())
		out := b.String()
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %s: no %q in\n%s", tc.hi, tc.lang, w, out)
			}
		}
		if strings.Contains(out, "%!") {
			t.Errorf("formatting error in\n%s", out)
		}
	}
}

func TestPercentAndDigits(t *testing.T) {
	for _, tc := range []struct {
		n, total int
		en, nl   string
	}{
		{0, 10, "0.0%", "0,0%"}, {1, 3, "33.3%", "33,3%"}, {2, 3, "66.7%", "66,7%"},
		{9999, 10000, ">99.9%", ">99,9%"}, {10000, 10000, "100.0%", "100,0%"}, {9994, 10000, "99.9%", "99,9%"},
		{1, 10000, "<0.1%", "<0,1%"}, {5, 10000, "0.1%", "0,1%"}, {1, 0, "—", "—"},
	} {
		if got := percent("en", tc.n, tc.total); got != tc.en {
			t.Errorf("percent(%d, %d) = %s, want %s", tc.n, tc.total, got, tc.en)
		}
		if got := percent("nl", tc.n, tc.total); got != tc.nl {
			t.Errorf("nl percent(%d, %d) = %s, want %s", tc.n, tc.total, got, tc.nl)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 10000: "10,000", 1234567: "1,234,567", -1000: "-1,000"} {
		if got := groupDigits("en", n); got != want {
			t.Errorf("groupDigits(%d) = %s, want %s", n, got, want)
		}
	}
	if got := groupDigits("nl", 10000); got != "10.000" {
		t.Errorf("nl groupDigits = %s", got)
	}
}

// When P50 and P80 fall on the same date their labels share one mark,
// "P50 = P80", rather than two labels at the same x and y; no two labels of
// the picture are drawn at the same place, even with the planned date, an
// on date and the percentiles all on one day. Here b is 13 Jan + 4w = Tue
// 10 Feb, delayed by exactly 1w in half the runs (17 Feb); c, fixed on
// 1 March, needs b + 1w (24 Feb at the latest), so every run has c on
// 1 March: planned, "on", P50, P80 and P95 are one date.
func TestRiskSVGEqualPercentiles(t *testing.T) {
	var b bytes.Buffer
	if err := RiskSVG(&b, simulate(t, "1w", false), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, ">P50 = P80 = P95</text>") {
		t.Errorf("no merged percentile label in\n%s", out)
	}
	seen := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "<text ") {
			continue
		}
		var x, y int
		if _, err := fmt.Sscanf(line, `<text x="%d" y="%d"`, &x, &y); err != nil {
			continue
		}
		at := fmt.Sprint(x, ",", y)
		if prev, ok := seen[at]; ok {
			t.Errorf("two labels at %s:\n%s\n%s", at, prev, line)
		}
		seen[at] = line
	}
}
