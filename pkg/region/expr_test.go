package region

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
)

func TestParseExpr(t *testing.T) {
	tests := []struct {
		in      string
		want    Expr
		wantErr string
	}{
		{in: "publication", want: Expr{Ref: "publication", Text: "publication"}},
		{in: "  publication  ", want: Expr{Ref: "publication", Text: "publication"}},
		{in: "publication + 4w", want: Expr{Ref: "publication", Sign: 1, Dur: date.Duration{N: 4, Unit: date.Weeks}, Text: "publication + 4w"}},
		{in: "publication+4w", want: Expr{Ref: "publication", Sign: 1, Dur: date.Duration{N: 4, Unit: date.Weeks}, Text: "publication+4w"}},
		{in: "publication +4w", want: Expr{Ref: "publication", Sign: 1, Dur: date.Duration{N: 4, Unit: date.Weeks}, Text: "publication +4w"}},
		{in: "submission - 10d", want: Expr{Ref: "submission", Sign: -1, Dur: date.Duration{N: 10, Unit: date.Days}, Text: "submission - 10d"}},
		{in: "submission-10d", want: Expr{Ref: "submission", Sign: -1, Dur: date.Duration{N: 10, Unit: date.Days}, Text: "submission-10d"}},
		{in: "submission -3wd", want: Expr{Ref: "submission", Sign: -1, Dur: date.Duration{N: 3, Unit: date.Workdays}, Text: "submission -3wd"}},
		{in: "award-decision-3wd", want: Expr{Ref: "award-decision", Sign: -1, Dur: date.Duration{N: 3, Unit: date.Workdays}, Text: "award-decision-3wd"}},
		{in: "award-decision - 0wd", want: Expr{Ref: "award-decision", Sign: -1, Dur: date.Duration{N: 0, Unit: date.Workdays}, Text: "award-decision - 0wd"}},
		{in: "award + 3mo", want: Expr{Ref: "award", Sign: 1, Dur: date.Duration{N: 3, Unit: date.Months}, Text: "award + 3mo"}},
		{in: "start + 1y", want: Expr{Ref: "start", Sign: 1, Dur: date.Duration{N: 1, Unit: date.Years}, Text: "start + 1y"}},
		// "-2" is not a duration (no unit), so phase-2 is an id.
		{in: "phase-2", want: Expr{Ref: "phase-2", Text: "phase-2"}},
		{in: "phase-2 + 1d", want: Expr{Ref: "phase-2", Sign: 1, Dur: date.Duration{N: 1, Unit: date.Days}, Text: "phase-2 + 1d"}},
		{in: "2021-04-01", want: Expr{Date: date.New(2021, 4, 1), Text: "2021-04-01"}},
		{in: "2021-04-01 + 3d", want: Expr{Date: date.New(2021, 4, 1), Sign: 1, Dur: date.Duration{N: 3, Unit: date.Days}, Text: "2021-04-01 + 3d"}},
		{in: "2021-04-01-3d", want: Expr{Date: date.New(2021, 4, 1), Sign: -1, Dur: date.Duration{N: 3, Unit: date.Days}, Text: "2021-04-01-3d"}},
		{in: "2021-04-01 - 1mo", want: Expr{Date: date.New(2021, 4, 1), Sign: -1, Dur: date.Duration{N: 1, Unit: date.Months}, Text: "2021-04-01 - 1mo"}},

		{in: "", wantErr: "empty expression: " + exprHint},
		{in: "+ 4w", wantErr: `expression "+ 4w" has nothing before +: ` + exprHint},
		{in: "publication +", wantErr: `expression "publication +" has no duration after +: ` + exprHint},
		{in: "publication + 4", wantErr: `expression "publication + 4": duration "4" has no unit: add d, w, wd, mo or y (e.g. 4d)`},
		{in: "publication + 4m", wantErr: `expression "publication + 4m": unknown unit "m" in duration "4m": use d, w, wd, mo or y (months are written mo: 4mo)`},
		{in: "publication + 4w + 1d", wantErr: `expression "publication + 4w + 1d" is not understood: ` + exprHint},
		{in: "a - b - 1d", wantErr: `expression "a - b - 1d" is not understood: ` + exprHint},
		{in: "Publication", wantErr: `expression "Publication": "Publication" is not a milestone id or a date (ids are lower-case): ` + exprHint},
		{in: "publicatie_1", wantErr: `expression "publicatie_1": "publicatie_1" is not a milestone id or a date: ` + exprHint},
		{in: "1-4-2021", wantErr: `expression "1-4-2021": "1-4-2021" is not a date in the form YYYY-MM-DD (did you mean 2021-04-01?)`},
		{in: "2021-02-29 + 1d", wantErr: `expression "2021-02-29 + 1d": "2021-02-29" is not a day of the calendar: February 2021 has 28 days`},
		{in: "2021-04-01T10:00:00+01:00", wantErr: `expression "2021-04-01T10:00:00+01:00": "2021-04-01T10:00:00+01:00" has a time part: write just the date, 2021-04-01`},
		{in: "2021-04-01 10:00", wantErr: `expression "2021-04-01 10:00": "2021-04-01 10:00" has a time part: write just the date, 2021-04-01`},
	}
	for _, tt := range tests {
		got, err := ParseExpr(tt.in)
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ParseExpr(%q) error:\n got %v\nwant %s", tt.in, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseExpr(%q): %v", tt.in, err)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("ParseExpr(%q) (-want +got):\n%s", tt.in, diff)
		}
		// String gives the canonical form, which parses to the same value.
		again, err := ParseExpr(got.String())
		again.Text = got.Text
		if err != nil || again != got {
			t.Errorf("ParseExpr(%q).String() = %q does not round-trip: %v", tt.in, got.String(), err)
		}
	}
}

// TestLoadResolvesIDsWithDashes: without spaces, "phase-2w" is phase - 2w
// unless the tender has a milestone phase-2w and no milestone phase.
func TestLoadResolvesIDsWithDashes(t *testing.T) {
	src := tender1 + ok11 + `      phase-2w:
        kind: other
        after: a
      b:
        kind: other
        after: phase-2w
`
	r, err := Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := r.Tenders[0].Milestone("b").After[0]
	want := Expr{Ref: "phase-2w", Text: "phase-2w", Pos: Pos{Line: 19, Column: 16}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	ambiguous := src + "      phase:\n        kind: other\n        after: a\n"
	_, err = Load("f.yaml", []byte(ambiguous))
	wantErr := `f.yaml:19:16: "phase-2w" is ambiguous: milestone 'phase-2w', or 'phase' - 2w; write spaces around the - for the second`
	if err == nil || err.Error() != wantErr {
		t.Errorf("got %v\nwant %s", err, wantErr)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		word  string
		known []string
		want  string
	}{
		{"publicaton", words(Kinds), "publication"},
		{"kidn", []string{"name", "kind", "on"}, "kind"}, // a transposition is one step
		{"afer", milestoneKeys.names, "after"},
		{"Publication", []string{"publication"}, "publication"},
		{"award", []string{"award-decision", "award"}, ""}, // exact matches are not suggestions
		{"awrd", []string{"award-notice", "award"}, "award"},
		{"xyz", words(Kinds), ""},
		{"b", []string{"a"}, ""}, // one letter off a one-letter id is noise
		{"", words(Kinds), ""},
		{"standstil", []string{"standstill-end", "standstill"}, "standstill"},
	}
	for _, tt := range tests {
		if got := Suggest(tt.word, tt.known); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestHasRegionKey(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want bool
	}{
		{"region file", goodFile, true},
		{"region first", "region:\n  id: x\n", true},
		{"CRLF", "version: 1\r\nregion:\r\n  id: x\r\n", true},
		{"BOM", "\xef\xbb\xbfregion: {id: x}\n", true},
		{"quoted key", "\"region\": {id: x}\n", true},
		{"flow mapping", "{version: 1, region: {id: x}}\n", true},
		{"flow mapping after comment", "# a region\n--- {version: 1, region: {id: x}}\n", true},
		{"flow mapping without region", "{version: 1, tenders: {}}\n", false},
		{"config file", "output: json\nlang: nl\n", false},
		{"nested region key", "tender:\n  region: x\n", false},
		{"prefix of another key", "regions: [a]\n", false},
		{"not YAML", "\x00\x01{{{", false},
		{"flow not YAML", "{region: [", false},
		{"empty", "", false},
		{"list", "- region: x\n", false},
	}
	for _, tt := range tests {
		if got := HasRegionKey([]byte(tt.src)); got != tt.want {
			t.Errorf("%s: HasRegionKey = %v, want %v", tt.name, got, tt.want)
		}
	}
}
