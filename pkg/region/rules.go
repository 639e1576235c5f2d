package region

// RuleInfo describes one rule of tender check (README, "The rules"): its id, whether it
// is a legal rule, and its default severity.
type RuleInfo struct {
	ID       string
	Legal    bool // legal rules cannot be disabled or downgraded
	Severity Severity
}

// Rules lists every rule id that tender check knows, legal rules first, in
// the order of the README ("The rules"). It is the one list policy.disable and
// policy.severity are checked against.
var Rules = []RuleInfo{
	{"tender-period", true, SeverityError},
	{"requests-period", true, SeverityError},
	{"invitation-period", true, SeverityError},
	{"answers-lead", true, SeverityError},
	{"standstill", true, SeverityError},
	{"award-notice", true, SeverityError},
	{"threshold", true, SeverityError},
	{"order", true, SeverityError},
	{"infeasible", true, SeverityError},
	{"done-in-future", true, SeverityError},

	{"reasonable-period", false, SeverityWarning},
	{"answers-margin", false, SeverityWarning},
	{"national-standstill", false, SeverityWarning},
	{"implementation-period", false, SeverityWarning},
	{"deadline-day", false, SeverityWarning},
	{"summer", false, SeverityWarning},
	{"meeting", false, SeverityWarning},
	{"overdue", false, SeverityWarning},
	{"missing-milestones", false, SeverityInfo},
	{"bid-validity", false, SeverityError},
	{"award-notice-missing", false, SeverityWarning},
	{"contract-gap", false, SeverityError},
	{"contract-overlap", false, SeverityWarning},
	{"extension-notice", false, SeverityWarning},
}

// Rule returns the rule with the given id.
func Rule(id string) (RuleInfo, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}

// RuleIDs returns the ids of Rules, in order.
func RuleIDs() []string {
	ids := make([]string, len(Rules))
	for i, r := range Rules {
		ids[i] = r.ID
	}
	return ids
}
