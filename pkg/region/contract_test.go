package region

import (
	"errors"
	"strings"
	"testing"

	"github.com/tender-nl/tender/pkg/date"
)

// TestContractDates works the dates of a contract out by hand.
func TestContractDates(t *testing.T) {
	c := &Contract{Start: d(2022, 1, 1), Term: dur(4, date.Years),
		Options: []ContractOption{{Length: dur(1, date.Years), Notice: dur(6, date.Months)}, {Length: dur(1, date.Years), Notice: dur(3, date.Months)}}}
	// 2022-01-01 + 4y = 2026-01-01, minus one day: 2025-12-31.
	if got := c.End(); got != d(2025, 12, 31) {
		t.Errorf("End = %s, want 2025-12-31", got)
	}
	// Option 1: decided 6 months before 2025-12-31: 2025-06-30 (June has
	// no 31st, so the month arithmetic clamps). It extends to 2026-12-31.
	// Option 2 (3 months' notice), once option 1 is taken: 2026-12-31 -
	// 3mo = 2026-09-30 (clamped again); it extends to 2027-12-31.
	ns := c.Notices()
	if len(ns) != 2 ||
		ns[0] != (Notice{Option: 1, End: d(2025, 12, 31), Deadline: d(2025, 6, 30), NewEnd: d(2026, 12, 31), Length: dur(1, date.Years)}) ||
		ns[1] != (Notice{Option: 2, End: d(2026, 12, 31), Deadline: d(2026, 9, 30), NewEnd: d(2027, 12, 31), Length: dur(1, date.Years)}) {
		t.Errorf("Notices = %+v", ns)
	}
	// One option taken: the end is a year later and one decision is left.
	c.Extended = 1
	if got := c.End(); got != d(2026, 12, 31) {
		t.Errorf("End with 1 option = %s, want 2026-12-31", got)
	}
	if ns := c.Notices(); len(ns) != 1 || ns[0].Option != 2 || ns[0].Deadline != d(2026, 9, 30) {
		t.Errorf("Notices with 1 option taken = %+v", ns)
	}
	c.Extended = 2
	if ns := c.Notices(); len(ns) != 0 {
		t.Errorf("Notices with every option taken = %+v", ns)
	}
	// The value runs over the term and both options: 2022-01-01 …
	// 2027-12-31, 72 months, 6 years of 40 M: 240 M.
	v := int64(40_000_000)
	c.AnnualValue = &v
	if got, ok := c.Value(); !ok || got != 240_000_000 {
		t.Errorf("Value = %d, %v; want 240000000", got, ok)
	}
	// A term of 18 months and no options: 1.5 years, 60 M.
	c = &Contract{Start: d(2022, 7, 1), Term: dur(18, date.Months), AnnualValue: &v}
	if got, _ := c.Value(); got != 60_000_000 {
		t.Errorf("Value of 18mo = %d, want 60000000", got)
	}
	// 2w from Wed 2022-01-05: the 19th is the first day after, so it ends
	// Tue 2022-01-18; 30d: 2022-02-03.
	c = &Contract{Start: d(2022, 1, 5), Term: dur(2, date.Weeks)}
	if got := c.End(); got != d(2022, 1, 18) {
		t.Errorf("End of 2w = %s", got)
	}
	c.Term = dur(30, date.Days)
	if got := c.End(); got != d(2022, 2, 3) {
		t.Errorf("End of 30d = %s", got)
	}
}

// contractFile is head (5 lines), contracts: from line 6 with the given
// lines of contract c (line 8 on), and a tender that replaces c.
func contractFile(contract string, tender ...string) string {
	return head + "contracts:\n  c:\n" + contract + `tenders:
  t:
    name: T
    procedure: open
` + strings.Join(tender, "") + `    milestones:
      a: {kind: publication, on: 2021-04-01}
      start: {kind: contract-start, on: 2022-01-01}
`
}

const okContract = "    name: C\n    start: 2018-01-01\n    term: 3y\n    options: [{length: 1y, notice: 6mo}]\n"

func TestContractBad(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"contracts a list", head + "contracts: [a]\n" + tail,
			`f.yaml:6:12: contracts of the file must be a mapping, not a list: write ID: {name: …, start: YYYY-MM-DD, term: 4y} per contract`},
		{"no start", contractFile("    name: C\n    term: 3y\n"),
			`f.yaml:7:3: contract 'c' has no start: add start: YYYY-MM-DD, the first day of the contract`},
		{"term in working days", contractFile("    name: C\n    start: 2018-01-01\n    term: 60wd\n"),
			`f.yaml:10:11: term of contract 'c' is in working days (60wd): a contract runs in calendar time, write d, w, mo or y`},
		{"term of nothing", contractFile("    name: C\n    start: 2018-01-01\n    term: 0y\n"),
			`f.yaml:10:11: term of contract 'c' is 0y: a contract runs at least a day; write its initial term, e.g. 4y`},
		{"option of nothing", contractFile("    name: C\n    start: 2018-01-01\n    term: 3y\n    options: [{length: 0d, notice: 1mo}]\n"),
			`f.yaml:11:24: length of option 1 of contract 'c' is 0d: an option extends the contract by at least a day, e.g. 1y`},
		{"term of 200 years", contractFile("    name: C\n    start: 2018-01-01\n    term: 200y\n"),
			`f.yaml:10:11: term of contract 'c' is 200y, more than 100 years: write the contract's real term`},
		{"option without notice", contractFile("    name: C\n    start: 2018-01-01\n    term: 3y\n    options: [{length: 1y}]\n"),
			`f.yaml:11:15: option 1 of contract 'c' has no notice: add notice: how long before the current end the option must be decided, e.g. 6mo`},
		{"option a duration", contractFile("    name: C\n    start: 2018-01-01\n    term: 3y\n    options: [1y]\n"),
			`f.yaml:11:15: an option is {length: …, notice: …}, not "1y": write - {length: 1y, notice: 6mo} per option, in the order they can be taken`},
		{"extended beyond the options", contractFile(okContract + "    extended: 2\n"),
			`f.yaml:12:15: extended of contract 'c' is 2, but it has 1 option: extended counts the options already taken, 0 to 1`},
		{"annual value negative", contractFile(okContract + "    annual-value: -5\n"),
			`f.yaml:12:19: annual-value of contract 'c' must not be negative: write a whole number such as 40000000 (euro a year)`},
		{"contract municipality unknown", contractFile(okContract + "    municipalities: [Ab]\n"),
			`f.yaml:12:22: unknown municipality 'Ab' in contract 'c': the region's municipalities are A`},
		{"replaces an unknown contract", contractFile(okContract, "    replaces: d\n"),
			`f.yaml:16:15: unknown contract 'd' in replaces of tender 't': the contracts are c`},
		{"replaces a typo", strings.Replace(contractFile(okContract, "    replaces: jeugd-2081\n"), "  c:\n", "  jeugd-2018:\n", 1),
			`f.yaml:16:15: unknown contract 'jeugd-2081' in replaces of tender 't' (did you mean 'jeugd-2018'?)`},
		{"replaces without contracts", valid[:len(valid)-len("    milestones:\n      a:\n        kind: publication\n        on: 2021-04-01\n")] + "    replaces: c\n    milestones:\n      a: {kind: contract-start, on: 2021-04-01}\n",
			`f.yaml:10:15: tender 't' replaces contract 'c', but the file defines no contracts: add it under contracts: (name, start, term)`},
		{"replaces without a contract start", strings.Replace(contractFile(okContract, "    replaces: c\n"), "      start: {kind: contract-start, on: 2022-01-01}\n", "", 1),
			`f.yaml:16:15: tender 't' replaces contract 'c' but has no contract-start milestone: add one, the start of the new contracts (it must be on or before the day after the old ones end)`},
		{"a milestone id of a derived decision", strings.Replace(contractFile(okContract, "    replaces: c\n"), "      a: {", "      c-option-1: {", 1),
			`f.yaml:18:7: milestone id 'c-option-1' is kept for the extension decisions tender 't' derives from contract 'c': choose another id`},
		{"scenario changes another contract", contractFile(okContract, "    replaces: c\n    scenarios:\n      s:\n        contracts: {x: {extended: 1}}\n"),
			`f.yaml:19:21: scenario 's' changes contract 'x', but tender 't' replaces 'c': a scenario may change only the contract its tender replaces`},
		{"scenario of a tender that replaces nothing", contractFile(okContract, "    scenarios:\n      s:\n        contracts: {c: {extended: 1}}\n"),
			`f.yaml:18:21: scenario 's' changes contract 'c', but tender 't' replaces no contract: add replaces: to the tender, or remove this`},
		{"scenario extends beyond the options", contractFile(okContract, "    replaces: c\n    scenarios:\n      s:\n        contracts: {c: {extended: 3}}\n"),
			`f.yaml:19:35: extended of contract 'c' in scenario 's' is 3, but the contract has 1 option: 0 to 1`},
		{"scenario contract key typo", contractFile(okContract, "    replaces: c\n    scenarios:\n      s:\n        contracts: {c: {extend: 1}}\n"),
			`f.yaml:19:25: unknown key 'extend' in contract 'c' in scenario 's' (did you mean 'extended'?)`},
	} {
		_, err := Load("f.yaml", []byte(tt.src))
		var list ErrorList
		if !errors.As(err, &list) {
			t.Errorf("%s: loaded, want %s", tt.name, tt.want)
			continue
		}
		if got := list[0].Error(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s\n(all: %v)", tt.name, got, tt.want, err)
		}
	}
}

func TestContractScenario(t *testing.T) {
	src := contractFile(okContract+"    extended: 0\n", "    replaces: c\n    scenarios:\n      verlengd:\n        contracts: {c: {extended: 1}}\n")
	r, err := Load("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	base := r.Tenders[0]
	// 2018-01-01 + 3y - 1d = 2020-12-31; with the option, 2021-12-31.
	if c := r.Replaced(base); c == nil || c.End() != d(2020, 12, 31) {
		t.Fatalf("base contract %+v", c)
	}
	s, err := base.WithScenario("verlengd")
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Replaced(s); c.End() != d(2021, 12, 31) || len(c.Notices()) != 0 {
		t.Errorf("scenario contract ends %s with %d notices, want 2021-12-31 and none", c.End(), len(c.Notices()))
	}
	if r.Contract("c").Extended != 0 {
		t.Errorf("the scenario changed the region's contract")
	}
}
