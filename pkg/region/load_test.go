package region

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/tender-nl/tender/pkg/date"
)

// goodFile uses every key of the format once. Line numbers are on the
// right of the test's expectations, counted by hand.
const goodFile = `version: 1
region:
  id: achterhoek
  name: Achterhoek
  lead: Doetinchem
  municipalities:
    - Aalten
    - {name: Montferland, school-region: zuid}
  school-region: midden
  notes: Jeugd en Wmo
calendar:
  workdays: [mon, tue, wed, thu, fri]
  holidays: nl
  closed:
    - {name: Kerstreces, from: 2021-12-24, to: 2022-01-02}
  quiet:
    - {name: Zomer, from: "2021-07-24", to: 2021-09-05}
bodies:
  pho:
    name: Portefeuillehoudersoverleg
    meets: [2020-11-05, 2020-07-09]
  colleges:
    {name: Colleges van B&W, meets: monthly last wed,
     recess: [{name: Zomerreces, from: 2021-07-19, to: 2021-08-27}]}
policy:
  implementation-period: 3mo
  answers-margin: 10d
  min-tender-period: 30d
  national-standstill: 20d
  summer: warn
  disable: [deadline-day]
  severity: {implementation-period: error, order: error}
tenders:
  inkoop-2022:
    name: Inkoop 2022
    domains: [jeugdhulp, wmo]
    procedure: social-services
    electronic: false
    accelerated: true
    agreed-period: false
    prior-notice: true
    documents-online: false
    estimated-value: 120_000_000
    bid-validity: 90d
    notes: Spoed door nieuwe wet
    policy: {summer: off,
      contract-overlap: 1mo}
    schedule: alap
    milestones:
      principles:
        name: Uitgangspunten vastgesteld
        kind: decision
        by: pho
        done: 2020-11-05
      publication:
        kind: publication
        after: [principles + 4w, 2021-01-04]
        before: 2021-04-01
        align: workday
      submission:
        kind: submission
        after: publication+35d
        align: meeting:colleges
        risk:
          - {name: Vragen, delay: 0wd..2wd}
          - name: Kort geding
            probability: 0.15
            delay: 6w..12w
        notes: sluiting
      contract-start:
        kind: contract-start
        on: 2022-01-01
        after: submission + 3mo
    scenarios:
      late:
        description: Publicatie later
        milestones:
          publication: {on: 2021-02-01}
          contract-start: {name: Start, notes: later}
          info: {kind: information, after: publication + 2w}
        contracts: {jeugd-2018: {extended: 2}}
    replaces: jeugd-2018
contracts:
  jeugd-2018:
    name: Jeugdhulp 2018
    start: 2018-01-01
    term: 3y
    options:
      - {length: 1y, notice: 6mo}
      - {length: 1y, notice: 6mo}
    extended: 1
    municipalities: [Aalten]
    annual-value: 30_000_000
`

func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }
func dur(n int, u date.Unit) date.Duration     { return date.Duration{N: n, Unit: u} }
func durp(n int, u date.Unit) *date.Duration {
	x := dur(n, u)
	return &x
}

// wantGood is goodFile as loaded. Columns count characters from 1: for
// "        kind: decision" the value starts after 8 spaces and "kind: " (6),
// so at column 15.
func wantGood() *Region {
	value := int64(120000000)
	principles := &Milestone{
		ID: "principles", Name: "Uitgangspunten vastgesteld", Kind: "decision",
		By:   &BodyRef{Body: "pho", Bodies: []string{"pho"}, Pos: Pos{Line: 53, Column: 13}},
		Done: &Fixed{Date: d(2020, 11, 5), Pos: Pos{Line: 54, Column: 15}, KeyPos: Pos{Line: 54, Column: 9}},
		Pos:  Pos{Line: 50, Column: 7}, KindPos: Pos{Line: 52, Column: 15},
	}
	publication := &Milestone{
		ID: "publication", Kind: "publication",
		After: []Expr{
			// "        after: [" is 16 characters; "principles + 4w" is 15, then ", ".
			{Ref: "principles", Sign: 1, Dur: dur(4, date.Weeks), Text: "principles + 4w", Pos: Pos{Line: 57, Column: 17}},
			{Date: d(2021, 1, 4), Text: "2021-01-04", Pos: Pos{Line: 57, Column: 34}},
		},
		Before: []Expr{{Date: d(2021, 4, 1), Text: "2021-04-01", Pos: Pos{Line: 58, Column: 17}}},
		Align:  &Align{Alignment: date.Alignment{Kind: date.AlignWorkday}, Text: "workday", Pos: Pos{Line: 59, Column: 16}},
		Pos:    Pos{Line: 55, Column: 7}, KindPos: Pos{Line: 56, Column: 15},
	}
	submission := &Milestone{
		ID: "submission", Kind: "submission",
		After: []Expr{{Ref: "publication", Sign: 1, Dur: dur(35, date.Days), Text: "publication+35d", Pos: Pos{Line: 62, Column: 16}}},
		Align: &Align{Alignment: date.Alignment{Kind: date.AlignMeeting, Body: "colleges"}, Text: "meeting:colleges", Pos: Pos{Line: 63, Column: 16}},
		Risks: []Risk{
			{Name: "Vragen", Probability: 1, Delay: "0wd..2wd", Lo: dur(0, date.Workdays), Hi: dur(2, date.Workdays), Pos: Pos{Line: 65, Column: 13}},
			{Name: "Kort geding", Probability: 0.15, Delay: "6w..12w", Lo: dur(6, date.Weeks), Hi: dur(12, date.Weeks), Pos: Pos{Line: 66, Column: 13}},
		},
		Notes: "sluiting",
		Pos:   Pos{Line: 60, Column: 7}, KindPos: Pos{Line: 61, Column: 15},
	}
	contractStart := &Milestone{
		ID: "contract-start", Kind: "contract-start",
		On:    &Fixed{Date: d(2022, 1, 1), Pos: Pos{Line: 72, Column: 13}, KeyPos: Pos{Line: 72, Column: 9}},
		After: []Expr{{Ref: "submission", Sign: 1, Dur: dur(3, date.Months), Text: "submission + 3mo", Pos: Pos{Line: 73, Column: 16}}},
		Pos:   Pos{Line: 70, Column: 7}, KindPos: Pos{Line: 71, Column: 15},
	}
	late := &Scenario{
		ID: "late", Description: "Publicatie later",
		Overlays: []Overlay{
			{
				// "          publication: {on: " is 28 characters.
				Milestone: &Milestone{ID: "publication", Pos: Pos{Line: 78, Column: 11},
					On: &Fixed{Date: d(2021, 2, 1), Pos: Pos{Line: 78, Column: 29}, KeyPos: Pos{Line: 78, Column: 25}}},
				HasDates: true,
			},
			{
				Milestone: &Milestone{ID: "contract-start", Name: "Start", Notes: "later", Pos: Pos{Line: 79, Column: 11}},
				HasName:   true, HasNotes: true,
			},
			{
				// "          info: {kind: " is 23 characters; "information, " 13 more, "after: " 7.
				Milestone: &Milestone{ID: "info", Kind: "information", KindPos: Pos{Line: 80, Column: 24}, Pos: Pos{Line: 80, Column: 11},
					After: []Expr{{Ref: "publication", Sign: 1, Dur: dur(2, date.Weeks), Text: "publication + 2w", Pos: Pos{Line: 80, Column: 44}}}},
				HasKind: true, HasDates: true,
			},
		},
		// "        contracts: {" is 20 characters.
		Contracts: []ContractOverlay{{ID: "jeugd-2018", Extended: 2}},
	}
	annual := int64(30000000)
	return &Region{
		Source:  "good.yaml",
		Version: 1, ID: "achterhoek", Name: "Achterhoek", Lead: "Doetinchem",
		Municipalities: []Municipality{
			{Name: "Aalten"},
			{Name: "Montferland", SchoolRegion: "zuid"},
		},
		SchoolRegion: "midden",
		Notes:        "Jeugd en Wmo",
		Calendar: CalendarSpec{
			Workdays: []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday},
			Holidays: "nl",
			Closed:   []Period{{Name: "Kerstreces", From: d(2021, 12, 24), To: d(2022, 1, 2), Pos: Pos{Line: 15, Column: 7}}},
			Quiet:    []Period{{Name: "Zomer", From: d(2021, 7, 24), To: d(2021, 9, 5), Pos: Pos{Line: 17, Column: 7}}},
			Pos:      Pos{Line: 11, Column: 1},
		},
		Bodies: []*Body{
			// Meeting dates are sorted: 9 July before 5 November.
			{ID: "pho", Name: "Portefeuillehoudersoverleg", Dates: []date.Date{d(2020, 7, 9), d(2020, 11, 5)}, Pos: Pos{Line: 19, Column: 3}},
			{ID: "colleges", Name: "Colleges van B&W", Meets: "monthly last wed",
				Rule: &date.MeetingRule{Kind: date.MeetMonthly, Weekday: time.Wednesday, Nth: -1}, Pos: Pos{Line: 22, Column: 3},
				// "     recess: [" is 14 characters: the period's { is at column 15.
				Recess: []Period{{Name: "Zomerreces", From: d(2021, 7, 19), To: d(2021, 8, 27), Pos: Pos{Line: 24, Column: 15}}}},
		},
		Policy: &Policy{
			ImplementationPeriod: durp(3, date.Months),
			AnswersMargin:        durp(10, date.Days),
			MinTenderPeriod:      durp(30, date.Days),
			NationalStandstill:   durp(20, date.Days),
			Summer:               "warn",
			Disable:              []string{"deadline-day"},
			// "  severity: {" is 13 characters; "implementation-period: error, " 30 more.
			Severity: []SeverityOverride{
				{Rule: "implementation-period", Severity: "error"},
				{Rule: "order", Severity: "error"},
			},
			Pos: Pos{Line: 25, Column: 1},
		},
		Tenders: []*Tender{{
			ID: "inkoop-2022", Name: "Inkoop 2022",
			Domains:        []string{"jeugdhulp", "wmo"},
			Procedure:      "social-services",
			Electronic:     false,
			Accelerated:    true,
			PriorNotice:    true,
			EstimatedValue: &value,
			BidValidity:    durp(90, date.Days),
			Notes:          "Spoed door nieuwe wet",
			Policy:         &Policy{Summer: "off", ContractOverlap: durp(1, date.Months), Pos: Pos{Line: 46, Column: 5}},
			Schedule:       "alap",
			Milestones:     []*Milestone{principles, publication, submission, contractStart},
			Scenarios:      []*Scenario{late},
			Replaces:       "jeugd-2018",
			ReplacesPos:    Pos{Line: 82, Column: 15},
			Pos:            Pos{Line: 34, Column: 3},
		}},
		Contracts: []*Contract{{
			ID: "jeugd-2018", Name: "Jeugdhulp 2018", Start: d(2018, 1, 1), Term: dur(3, date.Years),
			Options: []ContractOption{
				{Length: dur(1, date.Years), Notice: dur(6, date.Months), Pos: Pos{Line: 89, Column: 9}},
				{Length: dur(1, date.Years), Notice: dur(6, date.Months), Pos: Pos{Line: 90, Column: 9}},
			},
			Extended:       1,
			Municipalities: []string{"Aalten"},
			AnnualValue:    &annual,
			Pos:            Pos{Line: 84, Column: 3},
		}},
		IDPos: Pos{Line: 3, Column: 7},
	}
}

func TestLoadGood(t *testing.T) {
	r, err := Load("good.yaml", []byte(goodFile))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff(wantGood(), r); diff != "" {
		t.Errorf("Load mismatch (-want +got):\n%s", diff)
	}
}

// TestGoodFileUsesEveryKey keeps goodFile honest: every key the types allow
// appears in it, so TestLoadGood covers the whole loader.
func TestGoodFileUsesEveryKey(t *testing.T) {
	for _, ks := range []*keySet{fileKeys, regionKeys, municipalityKeys, calendarKeys, periodKeys, bodyKeys,
		policyKeys, tenderKeys, milestoneKeys, riskKeys, scenarioKeys, contractKeys, optionKeys, overlayKeys} {
		for _, k := range ks.names {
			if !strings.Contains(goodFile, k+":") {
				t.Errorf("goodFile does not use key %q", k)
			}
		}
	}
}

func TestLoadAcceptsDocumentMarkers(t *testing.T) {
	for _, src := range []string{"---\n" + valid, valid + "---\n", valid + "...\n", "\xef\xbb\xbf" + valid} {
		if _, err := Load("f.yaml", []byte(src)); err != nil {
			t.Errorf("Load(%q): %v", src, err)
		}
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	legal := 0
	for _, r := range Rules {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Legal {
			legal++
			if r.Severity != SeverityError {
				t.Errorf("legal rule %s has severity %s", r.ID, r.Severity)
			}
		}
	}
	// the README ("The rules"): eight legal rules in its table, plus infeasible and
	// done-in-future; ten practical ones, plus award-notice-missing, and
	// the three of the replaced contract (contract-gap, contract-overlap,
	// extension-notice).
	if legal != 10 || len(Rules) != 24 {
		t.Errorf("%d rules, %d legal; want 24 and 10", len(Rules), legal)
	}
}

func TestLoadDefaults(t *testing.T) {
	src := head + `tenders:
  t:
    name: T
    procedure: open
    milestones:
      a: {kind: publication, on: 2021-04-01}
`
	r, err := Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tn := r.Tenders[0]
	if !tn.Electronic || tn.Schedule != "asap" || r.Calendar.Holidays != "nl" || r.Calendar.Workdays != nil || r.Policy != nil {
		t.Errorf("defaults: electronic %v, schedule %q, holidays %q, workdays %v, policy %v",
			tn.Electronic, tn.Schedule, r.Calendar.Holidays, r.Calendar.Workdays, r.Policy)
	}
	// The documents are online unless the file says otherwise, and there
	// was no prior information notice.
	if !tn.DocumentsOnline || tn.PriorNotice {
		t.Errorf("defaults: documents-online %v, prior-notice %v", tn.DocumentsOnline, tn.PriorNotice)
	}
	if got := tn.Milestones[0].DisplayName(); got != "a" {
		t.Errorf("DisplayName = %q, want the id", got)
	}
}

// head is a valid region: section of 5 lines.
const head = `version: 1
region:
  id: r
  name: R
  municipalities: [A]
`

// tail is a valid tenders: section; after head it takes lines 6–13.
const tail = `tenders:
  t:
    name: T
    procedure: open
    milestones:
      a:
        kind: publication
        on: 2021-04-01
`

// tender1 is head and a tender up to milestones:, so that the milestones
// written after it start at line 11.
const tender1 = head + `tenders:
  t:
    name: T
    procedure: open
    milestones:
`

// ok11 is a valid milestone a at lines 11–13 (after tender1).
const ok11 = `      a:
        kind: publication
        on: 2021-04-01
`

// pub11 is a valid milestone publication at lines 11–13 (after tender1).
const pub11 = `      publication:
        kind: publication
        on: 2021-04-01
`

// valid is a complete file of 13 lines; sections appended start at line 14.
const valid = head + tail

const kindList = "consultation, information, decision, publication, requests, invitation, questions, answers, submission, " +
	"award-decision, standstill-end, award, signature, award-notice, implementation, contract-start, contract-end"

const meetingHint = `write "weekly tue", "biweekly thu from 2021-01-07", "monthly 1st thu" or "monthly last wed"`

func TestLoadBad(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the first error line
		more bool   // more errors than this one are expected
	}{
		// The file as a whole.
		{name: "empty file", src: "",
			want: `f.yaml:1:1: the file is empty: a region file starts with "version: 1", then region: and tenders: (tender init writes a starter file)`},
		{name: "only a comment", src: "# nothing\n",
			want: `f.yaml:1:1: the file is empty: a region file starts with "version: 1", then region: and tenders: (tender init writes a starter file)`},
		{name: "not a mapping", src: "- a\n- b\n",
			want: `f.yaml:1:1: a region file is a mapping with version:, region: and tenders:, not a list`},
		// valid has 13 lines, so the --- is line 14.
		{name: "two documents", src: valid + "---\nversion: 1\n",
			want: `f.yaml:14:1: a second YAML document starts here: a region file holds exactly one (remove this --- line, or put each region in its own file)`},
		// A tab in the indentation is named, at the tab's own column
		// (columns count characters, a tab is one): yaml.v3 says either
		// "tab character" or, for a tab starting a block line, "cannot
		// start any token", which alone does not say why.
		{name: "tab indentation", src: "version: 1\n\tregion: x\n",
			want: `f.yaml:2:1: invalid YAML: found a tab character that violates indentation (a tab in the indentation: indent with spaces, not tabs)`},
		{name: "tab at column 1 of a block", src: "version: 1\nregion:\n\tid: x\n",
			want: `f.yaml:3:1: invalid YAML: found character that cannot start any token (a tab in the indentation: indent with spaces, not tabs)`},
		// Two spaces, then the tab: column 3.
		{name: "tab after spaces", src: "version: 1\nregion:\n  id: x\n  name: X\n  municipalities: [A]\ntenders:\n  t:\n  \t  a: 1\n",
			want: `f.yaml:8:3: invalid YAML: found character that cannot start any token (a tab in the indentation: indent with spaces, not tabs)`},
		// "  -" then the tab: column 4.
		{name: "tab after a dash", src: "version: 1\nregion:\n  id: x\n  name: X\n  municipalities:\n  -\tA\n",
			want: `f.yaml:6:4: invalid YAML: found character that cannot start any token (a tab in the indentation: indent with spaces, not tabs)`},
		{name: "tab on line 1", src: "\tversion: 1\n",
			want: `f.yaml:1:1: invalid YAML: found character that cannot start any token (a tab in the indentation: indent with spaces, not tabs)`},
		// "b: " is 3 characters, so the bad byte is column 4.
		{name: "invalid UTF-8", src: "version: 1\nb: \xff\n",
			want: `f.yaml:2:4: invalid YAML: invalid leading UTF-8 octet (the file is not UTF-8, probably ANSI/Latin-1 from an older Windows editor: save it as UTF-8, in Notepad with File > Save as, Encoding: UTF-8)`},
		// "region: " is 8 characters, so *nope is at column 9.
		{name: "unknown anchor", src: "version: 1\nregion: *nope\n",
			want: `f.yaml:2:9: invalid YAML: unknown anchor 'nope' referenced`},

		// Top level.
		{name: "version missing", src: "region:\n  id: r\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:1:1: the file has no version: add "version: 1" at the top of the file`},
		// "version: " is 9 characters. Only this error is reported, not the unknown key.
		{name: "version 2", src: "version: 2\nregion: {}\nfoo: 1\n",
			want: `f.yaml:1:10: unsupported version 2: this tender reads version 1`},
		{name: "version text", src: "version: one\nregion:\n  id: r\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:1:10: version must be the number 1, not "one": write version: 1`},
		// Quoted, 1 is text: the message says to remove the quotes.
		{name: "version quoted", src: "version: \"1\"\nregion:\n  id: r\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:1:10: version must be the number 1, not the text "1": remove the quotes (version: 1)`},
		{name: "version single-quoted", src: "version: '1'\nregion:\n  id: r\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:1:10: version must be the number 1, not the text "1": remove the quotes (version: 1)`},
		{name: "version 1.0", src: "version: 1.0\nregion:\n  id: r\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:1:10: version must be the number 1, not "1.0": write version: 1`},
		{name: "unknown key with suggestion", src: valid + "tender: x\n",
			want: `f.yaml:14:1: unknown key 'tender' in the file (did you mean 'tenders'?)`},
		{name: "region key at the top", src: valid + "lead: X\n",
			want: `f.yaml:14:1: unknown key 'lead' in the file: it belongs under region:`},
		{name: "unknown key listing the keys", src: valid + "colour: red\n",
			want: `f.yaml:14:1: unknown key 'colour' in the file: the keys are version, region, calendar, bodies, policy, contracts, tenders`},
		{name: "key that is a list", src: valid + "? [a, b]\n: 1\n",
			want: `f.yaml:14:3: a key must be a plain word, not a list`},
		{name: "duplicate key", src: valid + "version: 1\n",
			want: `f.yaml:14:1: version is given twice in the file (first at line 1): keep one`},
		{name: "tenders missing", src: head,
			want: `f.yaml:1:1: the file has no tenders: add tenders: with at least one tender`},
		{name: "region missing", src: "version: 1\n" + tail,
			want: `f.yaml:1:1: the file has no region: add region: with id, name and municipalities`},

		// region:
		{name: "region id missing", src: "version: 1\nregion:\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:2:1: region has no id: add id: with a lower-case id such as achterhoek`},
		// "  id: " is 6 characters.
		{name: "region id invalid", src: "version: 1\nregion:\n  id: Mijn Regio\n  name: R\n  municipalities: [A]\n" + tail,
			want: `f.yaml:3:7: invalid region id "Mijn Regio": ids are lower-case letters, digits and '-', starting with a letter or digit (e.g. mijn-regio)`},
		{name: "region name missing", src: "version: 1\nregion:\n  id: r\n  municipalities: [A]\n" + tail,
			want: `f.yaml:2:1: region has no name: add name:`},
		// "  municipalities: " is 18 characters.
		{name: "municipalities empty", src: "version: 1\nregion:\n  id: r\n  name: R\n  municipalities: []\n" + tail,
			want: `f.yaml:5:19: region has no municipalities: list at least one, e.g. [Aalten, Berkelland]`},
		{name: "municipalities not a list", src: "version: 1\nregion:\n  id: r\n  name: R\n  municipalities: Aalten\n" + tail,
			want: `f.yaml:5:19: municipalities of region must be a list, not "Aalten": list at least one, e.g. [Aalten, Berkelland]`},
		// '[' is column 19, the first A 20, the second 23.
		{name: "municipality twice", src: "version: 1\nregion:\n  id: r\n  name: R\n  municipalities: [A, A]\n" + tail,
			want: `f.yaml:5:23: municipality 'A' is listed twice (first at line 5)`},
		// '[' 19, '{' 20, "name: A, " from 21 to 29, "region" at 30.
		{name: "municipality unknown key", src: "version: 1\nregion:\n  id: r\n  name: R\n  municipalities: [{name: A, region: zuid}]\n" + tail,
			want: `f.yaml:5:30: unknown key 'region' in municipality: the keys are name, school-region`},
		// With a sixth head line the tail starts at line 7; "  school-region: " is 17 characters.
		{name: "school-region unknown", src: head + "  school-region: west\n" + tail,
			want: `f.yaml:6:18: unknown school-region 'west' in region: use noord, midden or zuid`},

		// calendar: (line 14), its keys on line 15. "  workdays: [" is 13 characters.
		{name: "workday twice", src: valid + "calendar:\n  workdays: [mon, mon]\n",
			want: `f.yaml:15:19: workday 'mon' is listed twice (first at line 15)`},
		{name: "workday unknown", src: valid + "calendar:\n  workdays: [monday]\n",
			want: `f.yaml:15:14: unknown weekday "monday": use mon, tue, wed, thu, fri, sat or sun (did you mean 'mon'?)`},
		{name: "workday in Dutch", src: valid + "calendar:\n  workdays: [ma]\n",
			want: `f.yaml:15:14: unknown weekday "ma": use mon, tue, wed, thu, fri, sat or sun (did you mean 'mon'?)`},
		{name: "workday capitalised", src: valid + "calendar:\n  workdays: [Mon]\n",
			want: `f.yaml:15:14: unknown weekday "Mon": use mon, tue, wed, thu, fri, sat or sun (did you mean 'mon'?)`},
		// "notes: a" is 8 characters; the control character is the 9th.
		{name: "control character", src: valid + "notes: a\x01b\n",
			want: `f.yaml:14:9: invalid YAML: control characters are not allowed`},
		{name: "workdays empty", src: valid + "calendar:\n  workdays: []\n",
			want: `f.yaml:15:13: calendar has no workdays: list at least one, e.g. [mon, tue, wed, thu, fri]`},
		{name: "holidays unknown", src: valid + "calendar:\n  holidays: be\n",
			want: `f.yaml:15:13: unknown holidays 'be' in calendar: use nl or none`},
		// "    - {name: X, from: " is 22 characters, "2021-01-05, to: " 16 more.
		{name: "closed period backwards", src: valid + "calendar:\n  closed:\n    - {name: X, from: 2021-01-05, to: 2021-01-02}\n",
			want: `f.yaml:16:39: closed period 'X' ends on 2021-01-02, before it starts on 2021-01-05: swap from and to`},
		{name: "closed periods out of order", src: valid + "calendar:\n  closed:\n" +
			"    - {name: Kerst, from: 2021-12-24, to: 2022-01-02}\n" +
			"    - {name: Zomer, from: 2021-07-01, to: 2021-07-02}\n",
			want: `f.yaml:17:7: closed period 'Zomer' (from 2021-07-01) is out of order: it starts before 'Kerst' (from 2021-12-24, line 16); list closed periods by their from date`},
		{name: "closed period impossible day", src: valid + "calendar:\n  closed:\n    - {name: X, from: 2021-02-30, to: 2021-03-01}\n",
			want: `f.yaml:16:23: from of closed period 1: "2021-02-30" is not a day of the calendar: February 2021 has 28 days`},
		{name: "closed period without to", src: valid + "calendar:\n  closed:\n    - {name: X, from: 2021-01-01}\n",
			want: `f.yaml:16:7: closed period 'X' has no to: add to: YYYY-MM-DD`},

		// bodies: (line 14), a body key on line 15. "    meets: " is 11 characters.
		{name: "body id invalid", src: valid + "bodies:\n  PHO:\n    name: P\n    meets: weekly tue\n",
			want: `f.yaml:15:3: invalid body id "PHO": ids are lower-case letters, digits and '-', starting with a letter or digit (e.g. pho)`},
		{name: "meeting rule unknown weekday", src: valid + "bodies:\n  pho:\n    name: P\n    meets: weekly tues\n",
			want: `f.yaml:17:12: meets of body 'pho': meeting rule "weekly tues" has an unknown weekday: ` + meetingHint},
		{name: "meeting date not in a list", src: valid + "bodies:\n  pho:\n    name: P\n    meets: 2021-01-05\n",
			want: `f.yaml:17:12: meets of body 'pho': meeting rule "2021-01-05" is not a known rule: ` + meetingHint + ` (a single meeting date is written as a list: [2021-01-05])`},
		{name: "body without meets", src: valid + "bodies:\n  pho:\n    name: P\n",
			want: `f.yaml:15:3: body 'pho' has no meets: add meets: with a list of dates, or a rule such as "weekly tue"`},

		// policy: (line 14), its keys on line 15. "  disable: [" is 12 characters.
		{name: "disable unknown rule", src: valid + "policy:\n  disable: [deadline-days]\n",
			want: `f.yaml:15:13: unknown rule 'deadline-days' in the region's policy (did you mean 'deadline-day'?)`},
		{name: "disable legal rule", src: valid + "policy:\n  disable: [standstill]\n",
			want: `f.yaml:15:13: rule 'standstill' is a legal rule and cannot be disabled (README, "The rules"); only practical rules can`},
		// "  severity: {" is 13 characters, "standstill: " 12 more.
		{name: "downgrade legal rule", src: valid + "policy:\n  severity: {standstill: warning}\n",
			want: `f.yaml:15:26: rule 'standstill' is a legal rule and cannot be downgraded to warning (README, "The rules"); its severity stays error`},
		{name: "severity unknown", src: valid + "policy:\n  severity: {summer: fatal}\n",
			want: `f.yaml:15:22: unknown severity 'fatal' in rule 'summer': use error, warning or info`},
		// "  answers-margin: " is 18 characters.
		{name: "policy duration", src: valid + "policy:\n  answers-margin: 10 days\n",
			want: `f.yaml:15:19: answers-margin of the region's policy: unknown unit " days" in duration "10 days": use d, w, wd, mo or y (days are written d: 10d)`},
		{name: "summer value", src: valid + "policy:\n  summer: on\n",
			want: `f.yaml:15:11: unknown summer 'on' in the region's policy: use warn or off`},
		{name: "policy key misspelt", src: valid + "policy:\n  answer-margin: 10d\n",
			want: `f.yaml:15:3: unknown key 'answer-margin' in the region's policy (did you mean 'answers-margin'?)`},

		// tenders: (line 6). "tenders: " is 9 characters.
		{name: "tenders empty", src: head + "tenders: {}\n",
			want: `f.yaml:6:10: tenders is empty: add at least one tender (write ID: {name: …, procedure: …, milestones: …} per tender)`},
		{name: "procedure missing", src: head + "tenders:\n  t:\n    name: T\n    milestones:\n" + ok11,
			want: `f.yaml:7:3: tender 't' has no procedure: add procedure: one of open, restricted, negotiated, dialogue, social-services, open-house, national`},
		// "    procedure: " is 15 characters.
		{name: "procedure misspelt", src: head + "tenders:\n  t:\n    name: T\n    procedure: opn\n    milestones:\n" + ok11,
			want: `f.yaml:9:16: unknown procedure 'opn' in tender 't' (did you mean 'open'?): use open, restricted, negotiated, dialogue, social-services, open-house or national`},
		// Line 10 is the extra tender key; "    accelerated: " is 17 characters.
		{name: "accelerated without notes", src: tender1[:len(tender1)-len("    milestones:\n")] + "    accelerated: true\n    milestones:\n" + ok11,
			want: `f.yaml:10:18: accelerated: true needs its justification (the urgency) in notes of tender 't': add notes: …`},
		{name: "estimated-value negative", src: tender1[:len(tender1)-len("    milestones:\n")] + "    estimated-value: -5\n    milestones:\n" + ok11,
			want: `f.yaml:10:22: estimated-value of tender 't' must not be negative: write a whole number such as 1200000 (euro)`},
		{name: "estimated-value not whole", src: tender1[:len(tender1)-len("    milestones:\n")] + "    estimated-value: 1.5e6\n    milestones:\n" + ok11,
			want: `f.yaml:10:22: estimated-value of tender 't' must be a whole number such as 1200000 (euro), not "1.5e6"`},
		{name: "bid-validity without unit", src: tender1[:len(tender1)-len("    milestones:\n")] + "    bid-validity: 90\n    milestones:\n" + ok11,
			want: `f.yaml:10:19: bid-validity of tender 't': duration "90" has no unit: add d, w, wd, mo or y (e.g. 90d)`},
		{name: "schedule unknown", src: tender1[:len(tender1)-len("    milestones:\n")] + "    schedule: late\n    milestones:\n" + ok11,
			want: `f.yaml:10:15: unknown schedule 'late' in tender 't': use asap or alap`},
		{name: "electronic yes", src: tender1[:len(tender1)-len("    milestones:\n")] + "    electronic: yes\n    milestones:\n" + ok11,
			want: `f.yaml:10:17: electronic of tender 't' must be true or false, not "yes"`},
		// "    prior-notice: " is 18 characters, "    documents-online: " 22.
		{name: "prior-notice yes", src: tender1[:len(tender1)-len("    milestones:\n")] + "    prior-notice: yes\n    milestones:\n" + ok11,
			want: `f.yaml:10:19: prior-notice of tender 't' must be true or false, not "yes"`},
		{name: "prior-notice a date", src: tender1[:len(tender1)-len("    milestones:\n")] + "    prior-notice: 2026-01-05\n    milestones:\n" + ok11,
			want: `f.yaml:10:19: prior-notice of tender 't' must be true or false, not "2026-01-05"`},
		{name: "prior-notice misspelt", src: tender1[:len(tender1)-len("    milestones:\n")] + "    prior-notise: true\n    milestones:\n" + ok11,
			want: `f.yaml:10:5: unknown key 'prior-notise' in tender 't' (did you mean 'prior-notice'?)`},
		{name: "documents-online no", src: tender1[:len(tender1)-len("    milestones:\n")] + "    documents-online: no\n    milestones:\n" + ok11,
			want: `f.yaml:10:23: documents-online of tender 't' must be true or false, not "no"`},
		{name: "documents-online misspelt", src: tender1[:len(tender1)-len("    milestones:\n")] + "    documents-onlin: false\n    milestones:\n" + ok11,
			want: `f.yaml:10:5: unknown key 'documents-onlin' in tender 't' (did you mean 'documents-online'?)`},
		{name: "milestone key in a tender", src: tender1[:len(tender1)-len("    milestones:\n")] + "    kind: open\n    milestones:\n" + ok11,
			want: `f.yaml:10:5: unknown key 'kind' in tender 't': milestone keys go under milestones: ID:`},
		// "    milestones: " is 16 characters.
		{name: "milestones empty", src: tender1[:len(tender1)-1] + " {}\n",
			want: `f.yaml:10:17: tender 't' has no milestones: add at least one (write ID: {kind: …, after: …} per milestone)`},
		{name: "milestones as a list", src: tender1 + "      - a\n",
			want: `f.yaml:11:7: milestones of tender 't' must be a mapping keyed by milestone id, not a list: write ID: {kind: …, after: …} per milestone`},

		// Milestones from line 11. "        kind: " is 14 characters, "        on: " 12, "        after: " 15.
		{name: "kind missing", src: tender1 + "      a:\n        on: 2021-04-01\n",
			want: `f.yaml:11:7: milestone 'a' has no kind: add kind: one of ` + kindList + `, other`},
		{name: "kind misspelt", src: tender1 + "      a:\n        kind: publicaton\n        on: 2021-04-01\n",
			want: `f.yaml:12:15: unknown kind 'publicaton' in milestone 'a' (did you mean 'publication'?): use ` + kindList + ` or other`},
		{name: "unknown milestone", src: tender1 + pub11 + "      submission:\n        kind: submission\n        after: publicaton + 35d\n",
			want: `f.yaml:16:16: unknown milestone 'publicaton' (did you mean 'publication'?)`},
		{name: "refers to itself", src: tender1 + pub11 + "      submission:\n        kind: submission\n        after: [publication, submission + 1d]\n",
			want: `f.yaml:16:30: milestone 'submission' refers to itself in after: submission + 1d`},
		{name: "on and done", src: tender1 + ok11 + "        done: 2021-04-01\n",
			want: `f.yaml:14:9: milestone 'a' has both on and done: give done when it happened, on when it must happen; remove on or done`},
		{name: "timestamp with a time", src: tender1 + "      a:\n        kind: publication\n        on: 2021-04-01T10:00:00\n",
			want: `f.yaml:13:13: on of milestone 'a': "2021-04-01T10:00:00" has a time part: write just the date, 2021-04-01`},
		{name: "impossible day", src: tender1 + "      a:\n        kind: publication\n        on: 2021-02-30\n",
			want: `f.yaml:13:13: on of milestone 'a': "2021-02-30" is not a day of the calendar: February 2021 has 28 days`},
		{name: "Dutch date order", src: tender1 + "      a:\n        kind: publication\n        on: 1-4-2021\n",
			want: `f.yaml:13:13: on of milestone 'a': "1-4-2021" is not a date in the form YYYY-MM-DD (did you mean 2021-04-01?)`},
		{name: "year out of range", src: tender1 + "      a:\n        kind: publication\n        on: 2300-01-01\n",
			want: `f.yaml:13:13: on of milestone 'a': year 2300 of "2300-01-01" is outside 1900–2199`},
		{name: "quoted bad date", src: tender1 + "      a:\n        kind: publication\n        done: \"2021-4-1\"\n",
			want: `f.yaml:13:15: done of milestone 'a': "2021-4-1" is not a date in the form YYYY-MM-DD (did you mean 2021-04-01?)`},
		// "        align: " is 15 characters.
		{name: "align unknown", src: tender1 + ok11 + "        align: workdays\n",
			want: `f.yaml:14:16: align of milestone 'a': unknown alignment "workdays": use workday, month-start, quarter-start, year-start, a weekday (mon … sun) or meeting:BODY (did you mean 'workday'?)`},
		{name: "align meeting without bodies", src: tender1 + ok11 + "        align: meeting:pho\n",
			want: `f.yaml:14:16: unknown body 'pho' in align: the file defines no bodies; add it under bodies:`},
		// "        by: " is 12 characters; bodies: follows at line 15.
		{name: "by unknown body", src: tender1 + ok11 + "        by: phoo\nbodies:\n  pho:\n    name: P\n    meets: weekly tue\n",
			want: `f.yaml:14:13: unknown body 'phoo' in by (did you mean 'pho'?): the bodies are pho`},
		// Several bodies without the brackets of a list: one string.
		{name: "by several bodies without brackets", src: tender1 + ok11 + "        by: pho, raad\nbodies:\n  pho:\n    name: P\n    meets: weekly tue\n  raad:\n    name: R\n    meets: weekly thu\n",
			want: `f.yaml:14:13: 'pho, raad' in by names several bodies: write them as a list, by: [pho, raad]`},
		{name: "no dated milestone", src: tender1 + "      a:\n        kind: publication\n        after: b\n      b:\n        kind: submission\n        before: 2021-04-01\n",
			want: "f.yaml:7:3: tender 't' has no dated milestone: give at least one `on`, `done` or dated `after` (e.g. after: 2021-01-04), so the plan has a start"},
		{name: "bad duration in an expression", src: tender1 + ok11 + "      b:\n        kind: submission\n        after: a + 4 weeks\n",
			want: `f.yaml:16:16: after of milestone 'b': expression "a + 4 weeks": unknown unit " weeks" in duration "4 weeks": use d, w, wd, mo or y (weeks are written w: 4w)`},
		{name: "expression with an upper-case id", src: tender1 + ok11 + "      b:\n        kind: submission\n        after: A + 1d\n",
			want: `f.yaml:16:16: after of milestone 'b': expression "A + 1d": "A" is not a milestone id or a date (ids are lower-case): ` + exprHint},
		{name: "milestone key misspelt", src: tender1 + ok11 + "        afer: 2021-01-01\n",
			want: `f.yaml:14:9: unknown key 'afer' in milestone 'a' (did you mean 'after'?)`},
		{name: "tender key in a milestone", src: tender1 + ok11 + "        procedure: open\n",
			want: `f.yaml:14:9: unknown key 'procedure' in milestone 'a': it is a tender key, not a milestone key`},
		{name: "duplicate key in a milestone", src: tender1 + ok11 + "        kind: submission\n",
			want: `f.yaml:14:9: kind is given twice in milestone 'a' (first at line 12): keep one`},
		{name: "milestone defined twice", src: tender1 + ok11 + ok11,
			want: `f.yaml:14:7: milestone 'a' is defined twice in tender 't' (first at line 11)`},
		{name: "milestone id like a date", src: tender1 + ok11 + "      2021-04-02:\n        kind: other\n        after: a\n",
			want: `f.yaml:14:7: milestone id '2021-04-02' reads as a date in expressions: choose an id with a letter in it`},
		{name: "after is a mapping", src: tender1 + ok11 + "        before: {a: 1}\n",
			want: `f.yaml:14:17: before of milestone 'a' must be an expression or a list of them, not a mapping`},

		// Risks: "        risk:" at line 14, the item at 15. "          - {" is 13 characters, "name: R, " 9 more.
		// yaml.v3 takes no key of more than 1,024 characters; the error says so.
		{name: "key over 1,024 characters", src: tender1 + ok11 + "      " + strings.Repeat("a", 2000) + ": {kind: other, after: a}\n",
			want: `f.yaml:14:7: invalid YAML: could not find expected ':' (a key on this line is longer than 1,024 characters, YAML's limit; ids are at most 100)`},
		// "      p4:" is 9 characters: the missing value is at column 10.
		{name: "empty milestone", src: tender1 + ok11 + "      p4:\n",
			want: `f.yaml:14:10: milestone 'p4' is empty: give at least kind: and a date constraint (on, after, …)`},
		{name: "risk probability above 1", src: tender1 + ok11 + "        risk:\n          - {name: R, probability: 1.5, delay: 1w}\n",
			want: `f.yaml:15:36: probability of risk 1 of milestone 'a' must be between 0 and 1, not 1.5`},
		{name: "risk probability negative", src: tender1 + ok11 + "        risk:\n          - {name: R, probability: -0.1, delay: 1w}\n",
			want: `f.yaml:15:36: probability of risk 1 of milestone 'a' must be between 0 and 1, not -0.1`},
		{name: "risk probability percent", src: tender1 + ok11 + "        risk:\n          - {name: R, probability: 15%, delay: 1w}\n",
			want: `f.yaml:15:36: probability of risk 1 of milestone 'a' must be a number between 0 and 1, not "15%" (write 0.15 for 15%)`},
		{name: "risk range backwards", src: tender1 + ok11 + "        risk:\n          - {name: R, delay: 3w..1w}\n",
			want: `f.yaml:15:30: delay of risk 1 of milestone 'a': range "3w..1w" runs backwards: write the smaller end first`},
		{name: "risk without delay", src: tender1 + ok11 + "        risk:\n          - {name: R}\n",
			want: `f.yaml:15:13: risk 1 of milestone 'a' has no delay: add delay: LO..HI, e.g. 0d..3w`},

		// Scenarios: scenarios: line 14, s: 15, milestones: 16, entries from 17.
		// "          " is 10 characters, so an entry's id is at column 11.
		{name: "new milestone without kind", src: tender1 + ok11 + "    scenarios:\n      s:\n        milestones:\n          extra: {after: a + 1w}\n",
			want: `f.yaml:17:11: new milestone 'extra' in scenario 's' has no kind: add kind: one of ` + kindList + `, other`},
		{name: "scenario changes a missing milestone", src: tender1 + pub11 + "    scenarios:\n      s:\n        milestones:\n          publicaton: {on: 2021-05-01}\n",
			want: `f.yaml:17:11: scenario 's' changes milestone 'publicaton', which tender 't' does not have (did you mean 'publication'?)`},
		// "          a: {after: " is 21 characters.
		{name: "scenario refers to an unknown milestone", src: tender1 + ok11 + "    scenarios:\n      s:\n        milestones:\n          a: {after: b + 1w, on: 2021-05-03}\n",
			want: `f.yaml:17:22: unknown milestone 'b'`},
		{name: "scenario id base", src: tender1 + ok11 + "    scenarios:\n      base:\n        milestones: {}\n",
			want: `f.yaml:15:7: scenario id 'base' is reserved for the tender without a scenario: choose another id`},
		{name: "scenario key misspelt", src: tender1 + ok11 + "    scenarios:\n      s:\n        milestone: {}\n",
			want: `f.yaml:16:9: unknown key 'milestone' in scenario 's' (did you mean 'milestones'?)`},
		// "          a: {on: " is 18 characters.
		{name: "scenario with a bad date", src: tender1 + ok11 + "    scenarios:\n      s:\n        milestones:\n          a: {on: 2021-02-30}\n",
			want: `f.yaml:17:19: on of milestone 'a': "2021-02-30" is not a day of the calendar: February 2021 has 28 days`},
		{name: "scenario removes the start", src: tender1 + ok11 + "    scenarios:\n      s:\n        milestones:\n          a: {before: 2021-05-01}\n",
			want: "f.yaml:15:7: scenario 's' leaves tender 't' without a dated milestone: give at least one `on`, `done` or dated `after`"},
	}
	if len(tests) < 40 {
		t.Fatalf("only %d bad inputs", len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Load("f.yaml", []byte(tt.src))
			if err == nil {
				t.Fatalf("Load succeeded, want %s", tt.want)
			}
			if r != nil {
				t.Errorf("Load returned a region with an error")
			}
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error is %T, want a non-empty ErrorList", err)
			}
			if got := list[0].Error(); got != tt.want {
				t.Errorf("first error:\n got %s\nwant %s", got, tt.want)
			}
			if len(list) > 1 && !tt.more {
				t.Errorf("%d errors, want 1:\n%v", len(list), err)
			}
		})
	}
}

// TestLoadReportsEveryError checks that all problems of a file come back,
// sorted by position, whatever order the loader found them in (tenders are
// read after bodies, which here come later in the file).
func TestLoadReportsEveryError(t *testing.T) {
	src := head + `tenders:
  t:
    name: T
    procedure: opn
    milestones:
      a:
        kind: publication
        on: 2021-02-30
        by: pho
bodies:
  pho:
    name: P
    meets: weekly tues
colour: red
`
	_, err := Load("f.yaml", []byte(src))
	want := strings.Join([]string{
		`f.yaml:9:16: unknown procedure 'opn' in tender 't' (did you mean 'open'?): use open, restricted, negotiated, dialogue, social-services, open-house or national`,
		`f.yaml:13:13: on of milestone 'a': "2021-02-30" is not a day of the calendar: February 2021 has 28 days`,
		`f.yaml:18:12: meets of body 'pho': meeting rule "weekly tues" has an unknown weekday: ` + meetingHint,
		`f.yaml:19:1: unknown key 'colour' in the file: the keys are version, region, calendar, bodies, policy, contracts, tenders`,
	}, "\n")
	if err == nil || err.Error() != want {
		t.Errorf("Load errors:\n%v\nwant:\n%s", err, want)
	}
}

func TestLoadAliasesAndMerges(t *testing.T) {
	src := head + `tenders:
  t:
    name: T
    procedure: open
    milestones:
      a: &pub
        kind: publication
        on: 2021-04-01
        align: workday
      b:
        <<: *pub
        kind: other
        on: 2021-05-03
      c: *pub
`
	r, err := Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ms := r.Tenders[0].Milestones
	got := fmt.Sprintf("%s %s %s %s | %s %s %s %s | %s %s %s",
		ms[0].ID, ms[0].Kind, ms[0].On.Date, ms[0].Align.Text,
		ms[1].ID, ms[1].Kind, ms[1].On.Date, ms[1].Align.Text,
		ms[2].ID, ms[2].Kind, ms[2].On.Date)
	// b merges a's keys but its own kind and on win; c is a copy of a.
	want := "a publication 2021-04-01 workday | b other 2021-05-03 workday | c publication 2021-04-01"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// c's values are a's nodes, so they keep a's positions; c's own key is line 19.
	if ms[2].Pos != (Pos{Line: 19, Column: 7}) || ms[2].On.Pos != (Pos{Line: 13, Column: 13}) {
		t.Errorf("alias positions: milestone %v, on %v", ms[2].Pos, ms[2].On.Pos)
	}
}

// aliasBomb is a tender t0 of 10 milestones, each with the same list of
// 10 risks, written once and then aliased 20,000 times: some 12 million
// values to visit, from a file of 20,000 short lines. m0 gives the keys
// m0keys besides.
func aliasBomb(m0keys string) string {
	var b strings.Builder
	b.WriteString(head + "tenders:\n  t0: &t0\n    name: T\n    procedure: open\n    milestones:\n")
	b.WriteString("      m0: {kind: other, on: 2021-01-01, " + m0keys + "risk: &r [" + strings.Repeat("{name: R, delay: 1d}, ", 9) + "{name: R, delay: 1d}]}\n")
	for j := 1; j < 10; j++ {
		fmt.Fprintf(&b, "      m%d: {kind: other, on: 2021-01-01, risk: *r}\n", j)
	}
	for i := 1; i < 20000; i++ {
		fmt.Fprintf(&b, "  t%d: *t0\n", i)
	}
	return b.String()
}

func TestLoadAliasBomb(t *testing.T) {
	_, err := Load("f.yaml", []byte(aliasBomb("")))
	if err == nil || !strings.Contains(err.Error(), "expands to too many values through aliases") {
		t.Errorf("want the alias limit, got %.300v", err)
	}
}

func TestLoadDepthLimit(t *testing.T) {
	src := valid + "notes: " + strings.Repeat("[", 150) + strings.Repeat("]", 150) + "\n"
	_, err := Load("f.yaml", []byte(src))
	// The first [ is at column 8 of line 14, after "notes: ". The root
	// mapping is level 1, so the 100th list, at column 8 + 99 = 107, is
	// level 101.
	want := "f.yaml:14:107: nesting deeper than 100 levels: a region file needs far fewer; check the indentation"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestOneLine: the lines of a block-scalar name joined with single spaces;
// a name without a line break is kept byte for byte (double spaces too).
func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"Regio N\n":                 "Regio N",
		"Inkoop\n  en Wmo\n\n":      "Inkoop en Wmo",
		"a\r\nb":                    "a b",
		"Regio  N":                  "Regio  N",
		"  Regio N  ":               "  Regio N  ",
		"Publicatie aanbesteding\n": "Publicatie aanbesteding",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLoadSuggestionsAfterDecoding: the validation pass runs after the whole
// file is decoded, so a reference error is the 201st problem when decoding
// found 200, and gets no "did you mean" (the first 200 problems do), however
// early in the file it is. The unknown keys are problems of decoding.
func TestLoadSuggestionsAfterDecoding(t *testing.T) {
	file := func(problems int) string {
		var b strings.Builder
		b.WriteString(head + "bodies:\n  pho: {name: P, meets: weekly thu}\ntenders:\n  t:\n    name: T\n    procedure: open\n    milestones:\n")
		b.WriteString("      a: {kind: publication, on: 2021-01-04, by: phoo}\n")
		for i := 0; i < problems; i++ {
			fmt.Fprintf(&b, "      m%d: {kind: other, after: a, colour: red}\n", i)
		}
		return b.String()
	}
	for _, tt := range []struct {
		problems int
		hint     string
	}{
		{199, " (did you mean 'pho'?)"},
		{200, ""},
	} {
		_, err := Load("f.yaml", []byte(file(tt.problems)))
		if err == nil {
			t.Fatalf("%d problems: no error", tt.problems)
		}
		first, _, _ := strings.Cut(err.Error(), "\n")
		want := "unknown body 'phoo' in by" + tt.hint + ": the bodies are pho"
		if !strings.Contains(first, want) {
			t.Errorf("%d problems before it: first error\n%s\nwant it to say\n%s", tt.problems, first, want)
		}
	}
}

// TestLoadSamePlace: an alias makes one node the value of two keys; its
// problem of decoding (b's kind) comes before its problem of meaning (a's
// by), whatever order the milestones are in, because validation runs after
// decoding.
func TestLoadSamePlace(t *testing.T) {
	src := head + `bodies:
  pho: {name: P, meets: weekly thu}
tenders:
  t:
    name: T
    procedure: open
    milestones:
      a: {kind: publication, on: 2021-01-04, by: &x phoo}
      b: {kind: *x, after: a}
`
	_, err := Load("f.yaml", []byte(src))
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "unknown kind 'phoo'") || !strings.Contains(lines[1], "unknown body 'phoo' in by") {
		t.Fatalf("want the kind, then the body, at one place; got\n%v", err)
	}
	if p0, _, _ := strings.Cut(lines[0], ": "); !strings.HasPrefix(lines[1], p0+": ") {
		t.Errorf("not at one place:\n%v", err)
	}
}

// TestLoadHaltedNoMeaning: a walk halted by the alias limit reports what
// decoding found up to then, and nothing of meaning (the unknown body).
func TestLoadHaltedNoMeaning(t *testing.T) {
	_, err := Load("f.yaml", []byte(aliasBomb("by: nope, ")))
	if err == nil || !strings.Contains(err.Error(), "expands to too many values through aliases") || strings.Contains(err.Error(), "unknown body") {
		t.Errorf("want the alias limit alone, got %.300v", err)
	}
}
