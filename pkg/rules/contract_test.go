package rules

import (
	"strings"
	"testing"
)

// contractRegion is a region with contract jeugd-2022: from Sat 2022-01-01
// for 4 years, so it ends Wed 2025-12-31; option 1 (1y, 6 months' notice)
// must be decided by Mon 2025-06-30 (2025-12-31 - 6mo, clamped to June's
// 30th) and runs it to Thu 2026-12-31; option 2 then by Wed 2026-06-30 and
// to Fri 2027-12-31. The tender replaces it and publishes on Mon
// 2025-03-03. Lines: the tender's replaces: is line 17.
func contractRegion(procedure, extended, annual, start string, tenderKeys ...string) string {
	return `version: 1
region:
  id: oost
  name: Oost
  municipalities: [Aalten]
contracts:
  jeugd-2022:
    name: Jeugdhulp 2022
    start: 2022-01-01
    term: 4y
    options: [{length: 1y, notice: 6mo}, {length: 1y, notice: 6mo}]
    extended: ` + extended + `
    annual-value: ` + annual + `
tenders:
  t:
    name: T
    replaces: jeugd-2022
    procedure: ` + procedure + `
` + strings.Join(tenderKeys, "") + `    milestones:
      pub: {kind: publication, on: 2025-03-03}
      start: {kind: contract-start, ` + start + `}
`
}

func contractFindings(t *testing.T, src, today string) []Finding {
	t.Helper()
	return checkSrc(t, src, "", today, nil)
}

func TestContractGap(t *testing.T) {
	// On 2026-01-01, the day after the end: no gap, and the plan is feasible.
	fs := contractFindings(t, contractRegion("national", "0", "100000", "on: 2026-01-01"), "2025-01-01")
	if g := of(fs, "contract-gap"); len(g) != 0 || len(of(fs, "infeasible")) != 0 {
		t.Errorf("start the day after the end: %+v", fs)
	}
	// One day later: infeasible (the bound of replaces:), and a gap of one
	// day, Thu 2026-01-01, with option 1 to take by Mon 2025-06-30.
	fs = contractFindings(t, contractRegion("national", "0", "100000", "on: 2026-01-02"), "2025-01-01")
	g := of(fs, "contract-gap")
	if len(g) != 1 || g[0].Severity != Error ||
		text(g[0]) != "start falls on Fri 2026-01-02 at the earliest, but contract jeugd-2022 ends on Wed 2025-12-31: 1 calendar day without a contract, a gap in care; take option 1 (1y) by its notice deadline Mon 2025-06-30, which runs the contract to Thu 2026-12-31, or start the new contracts earlier" {
		t.Errorf("contract-gap: %+v", g)
	}
	inf := of(fs, "infeasible")
	if len(inf) != 1 || !strings.Contains(text(inf[0]), "start must be on or before end(jeugd-2022) + 1d = 2026-01-01 (test.yaml:7)") {
		t.Errorf("infeasible does not name the contract and its line: %+v", inf)
	}
	// Both options taken: it ends Fri 2027-12-31. Starting Mon 2028-01-03
	// leaves Sat 1 and Sun 2 January uncovered, and no option is left.
	fs = contractFindings(t, contractRegion("national", "2", "100000", "on: 2028-01-03"), "2025-01-01")
	g = of(fs, "contract-gap")
	if len(g) != 1 || !strings.Contains(text(g[0]), "ends on Fri 2027-12-31: 2 calendar days without a contract, a gap in care; the contract has no extension option left") {
		t.Errorf("contract-gap without options: %+v", g)
	}
	// A start that follows from the award rather than a fixed date: the
	// gap is measured from its earliest date. pub 2025-03-03 + 11mo =
	// 2026-02-03, 34 days after the end (1 Jan … 2 Feb 2026 uncovered:
	// 33 days).
	fs = contractFindings(t, contractRegion("national", "0", "100000", "after: pub + 11mo"), "2025-01-01")
	if g := of(fs, "contract-gap"); len(g) != 1 || !strings.Contains(text(g[0]), "start falls on Tue 2026-02-03 at the earliest") ||
		!strings.Contains(text(g[0]), "33 calendar days without a contract") {
		t.Errorf("contract-gap from after: %+v", g)
	}
}

func TestContractOverlap(t *testing.T) {
	// The day after the end: no overlap (the default allows none).
	if fs := of(contractFindings(t, contractRegion("national", "0", "100000", "on: 2026-01-01"), "2025-01-01"), "contract-overlap"); len(fs) != 0 {
		t.Errorf("no overlap: %+v", fs)
	}
	// On the last day of the old contract: one day of overlap.
	fs := of(contractFindings(t, contractRegion("national", "0", "100000", "on: 2025-12-31"), "2025-01-01"), "contract-overlap")
	if len(fs) != 1 || fs[0].Severity != Warning ||
		text(fs[0]) != "start falls on Wed 2025-12-31, while contract jeugd-2022 runs to Wed 2025-12-31: both run for 1 calendar day, more than the policy's contract-overlap of 0d allows (start on Thu 2026-01-01 or later)" {
		t.Errorf("one day of overlap: %+v", fs)
	}
	// A policy of 1mo allows a start from 2026-01-01 - 1mo = Mon
	// 2025-12-01, not the day before.
	pol := "    policy: {contract-overlap: 1mo}\n"
	if fs := of(contractFindings(t, contractRegion("national", "0", "100000", "on: 2025-12-01", pol), "2025-01-01"), "contract-overlap"); len(fs) != 0 {
		t.Errorf("within the policy's overlap: %+v", fs)
	}
	fs = of(contractFindings(t, contractRegion("national", "0", "100000", "on: 2025-11-30", pol), "2025-01-01"), "contract-overlap")
	if len(fs) != 1 || !strings.Contains(text(fs[0]), "both run for 32 calendar days, more than the policy's contract-overlap of 1mo allows (start on Mon 2025-12-01 or later)") {
		t.Errorf("beyond the policy's overlap: %+v", fs)
	}
}

func TestExtensionNotice(t *testing.T) {
	src := contractRegion("national", "0", "100000", "on: 2026-01-01")
	// On the deadline itself (Mon 2025-06-30) it has not passed.
	if fs := of(contractFindings(t, src, "2025-06-30"), "extension-notice"); len(fs) != 0 {
		t.Errorf("on the deadline: %+v", fs)
	}
	// The day after, with the new contracts starting after the end.
	fs := of(contractFindings(t, src, "2025-07-01"), "extension-notice")
	if len(fs) != 1 || fs[0].Severity != Warning || fs[0].Line != 17 ||
		text(fs[0]) != "the notice deadline of option 1 of contract jeugd-2022 was Mon 2025-06-30 and has passed (today Tue 2025-07-01), while the new contracts start on Thu 2026-01-01, after its end on Wed 2025-12-31: the option can no longer be taken in time, so the contract ends then; if it was taken, record it with extended: 1" {
		t.Errorf("the day after the deadline: %+v", fs)
	}
	// New contracts that start before the end need no option.
	if fs := of(contractFindings(t, contractRegion("national", "0", "100000", "on: 2025-12-31"), "2025-07-01"), "extension-notice"); len(fs) != 0 {
		t.Errorf("start before the end: %+v", fs)
	}
	// With option 1 taken, the next deadline is option 2's, Tue 2026-06-30.
	if fs := of(contractFindings(t, contractRegion("national", "1", "100000", "on: 2027-01-01"), "2026-07-01"), "extension-notice"); len(fs) != 1 ||
		!strings.Contains(text(fs[0]), "option 2 of contract jeugd-2022 was Tue 2026-06-30") {
		t.Errorf("option 2: %+v", fs)
	}
}

func TestThresholdFromContract(t *testing.T) {
	// 4y + 1y + 1y = 6 years. 124,999 a year is 749,994: below 750,000.
	if fs := of(contractFindings(t, contractRegion("national", "0", "124999", "on: 2026-01-01"), "2025-01-01"), "threshold"); len(fs) != 0 {
		t.Errorf("below the threshold: %+v", fs)
	}
	// 125,000 a year is exactly 750,000: at the threshold, an error.
	fs := of(contractFindings(t, contractRegion("national", "0", "125000", "on: 2026-01-01"), "2025-01-01"), "threshold")
	if len(fs) != 1 || fs[0].Severity != Error || !strings.Contains(text(fs[0]), "contract jeugd-2022, which this tender replaces, is worth 750,000 euro over its term and options") {
		t.Errorf("at the threshold: %+v", fs)
	}
	// An open house: a warning.
	fs = of(contractFindings(t, contractRegion("open-house", "0", "125000", "on: 2026-01-01"), "2025-01-01"), "threshold")
	if len(fs) != 1 || fs[0].Severity != Warning {
		t.Errorf("open house: %+v", fs)
	}
	// The tender's own estimated-value wins over the contract's.
	fs = of(contractFindings(t, contractRegion("national", "0", "125000", "on: 2026-01-01", "    estimated-value: 700000\n"), "2025-01-01"), "threshold")
	if len(fs) != 0 {
		t.Errorf("with its own estimated-value: %+v", fs)
	}
}
