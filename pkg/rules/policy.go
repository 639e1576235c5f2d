package rules

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Policy is the effective policy of one tender: the defaults of the README ("The rules"),
// then the config file's policy, the region's and the tender's, each over
// the one before (README, "Policy").
type Policy struct {
	ImplementationPeriod date.Duration // implementation-period (3mo)
	AnswersMargin        date.Duration // answers-margin (10d)
	MinTenderPeriod      date.Duration // min-tender-period (30d)
	NationalStandstill   date.Duration // national-standstill (20d)
	ContractOverlap      date.Duration // contract-overlap (0d)
	Summer               region.Summer // summer: warn | off (warn)
	// Disabled holds the practical rules not to run.
	Disabled map[string]bool
	// Severity holds the severity overrides per rule.
	Severity map[string]Severity
}

// DefaultPolicy returns the defaults of the practical rules table of the README ("The rules").
func DefaultPolicy() Policy {
	return Policy{
		ImplementationPeriod: date.Duration{N: 3, Unit: date.Months},
		AnswersMargin:        date.Duration{N: 10, Unit: date.Days},
		MinTenderPeriod:      date.Duration{N: 30, Unit: date.Days},
		NationalStandstill:   date.Duration{N: 20, Unit: date.Days},
		ContractOverlap:      date.Duration{N: 0, Unit: date.Days},
		Summer:               region.SummerWarn,
		Disabled:             map[string]bool{},
		Severity:             map[string]Severity{},
	}
}

// apply lays p over the policy: scalar keys override, disable lists add
// up, severity merges per rule.
func (pol *Policy) apply(p *region.Policy) {
	if p == nil {
		return
	}
	set := func(dst *date.Duration, src *date.Duration) {
		if src != nil {
			*dst = *src
		}
	}
	set(&pol.ImplementationPeriod, p.ImplementationPeriod)
	set(&pol.AnswersMargin, p.AnswersMargin)
	set(&pol.MinTenderPeriod, p.MinTenderPeriod)
	set(&pol.NationalStandstill, p.NationalStandstill)
	set(&pol.ContractOverlap, p.ContractOverlap)
	if p.Summer != "" {
		pol.Summer = p.Summer
	}
	for _, id := range p.Disable {
		pol.Disabled[id] = true
	}
	for _, s := range p.Severity {
		pol.Severity[s.Rule] = s.Severity
	}
}

// EffectivePolicy lays the config file's policy (parsed by
// ParseConfigPolicy, nil for none), the region's and the tender's over the
// defaults, each over the one before.
func EffectivePolicy(r *region.Region, t *region.Tender, config *region.Policy) Policy {
	pol := DefaultPolicy()
	pol.apply(config)
	pol.apply(r.Policy)
	pol.apply(t.Policy)
	return pol
}

// planner is the planner of one call: Options.Planner, or a new one.
func (o Options) planner() *timeline.Planner {
	if o.Planner != nil {
		return o.Planner
	}
	return &timeline.Planner{}
}

// policy is the effective policy of tender t under these options.
func (o Options) policy(r *region.Region, t *region.Tender) Policy {
	return EffectivePolicy(r, t, o.Config)
}

// ParseConfigPolicy reads the policy: section of the config file as viper
// returns it (map[string]any, with strings, lists and maps as values). It
// holds it to the rules the loader holds region files to: known keys,
// durations, summer warn|off, known rule ids, legal rules neither disabled
// nor downgraded. A nil map is no policy. The error is a *PolicyError.
func ParseConfigPolicy(m map[string]any) (*region.Policy, error) {
	if m == nil {
		return nil, nil
	}
	p := &region.Policy{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys) // one error, always the same one
	for _, k := range keys {
		v := m[k]
		if field := p.DurationField(k); field != nil {
			d, err := configDuration(k, v)
			if err != nil {
				return nil, err
			}
			*field = &d
			continue
		}
		switch k {
		case "summer":
			s, err := configSummer(v)
			if err != nil {
				return nil, err
			}
			p.Summer = s
		case "disable":
			ids, err := configDisable(v)
			if err != nil {
				return nil, err
			}
			p.Disable = ids
		case "severity":
			sev, err := configSeverity(v)
			if err != nil {
				return nil, err
			}
			p.Severity = sev
		default:
			return nil, policyErrorAt([]string{k}, true, "unknown key %q%s: the keys are %s", k, region.DidYouMean(k, policyKeys), strings.Join(policyKeys, ", "))
		}
	}
	return p, nil
}

// policyKeys are the keys of a policy: section (README, "Policy"), as
// the loader knows them.
var policyKeys = region.PolicyKeys()

// PolicyError is a mistake in the config file's policy: section. The
// command reports it at its place in the config file and exits 2.
type PolicyError struct {
	Msg string
	// Key is where in the policy: section the mistake is, as keys:
	// ["disable"], ["severity", "order"]. AtKey says the key itself is
	// wrong (an unknown key, an unknown rule id as a key); else its value.
	Key   []string
	AtKey bool
}

func (e *PolicyError) Error() string { return "policy: " + e.Msg }

// policyErrorAt is a PolicyError about key (at the key when atKey, else at
// its value).
func policyErrorAt(key []string, atKey bool, format string, args ...any) error {
	return &PolicyError{Msg: fmt.Sprintf(format, args...), Key: key, AtKey: atKey}
}

func configDuration(key string, v any) (date.Duration, error) {
	s, ok := v.(string)
	if !ok {
		return date.Duration{}, policyErrorAt([]string{key}, false, "%s must be a duration such as 10d, 6w or 3mo, not %v", key, v)
	}
	d, err := date.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return date.Duration{}, policyErrorAt([]string{key}, false, "%s: %v", key, err)
	}
	return d, nil
}

func configSummer(v any) (region.Summer, error) {
	switch x := v.(type) {
	case string:
		if slices.Contains(region.Summers, region.Summer(x)) {
			return region.Summer(x), nil
		}
	case bool:
		// A YAML 1.1 reader may have turned off into false.
		if x {
			return region.SummerWarn, nil
		}
		return region.SummerOff, nil
	}
	return "", policyErrorAt([]string{"summer"}, false, "summer must be warn or off, not %v", v)
}

// strings lists the strings of a YAML value that may be one string or a
// list of them.
func configStrings(key string, v any) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{x}, nil
	case []string:
		return x, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, it := range x {
			s, ok := it.(string)
			if !ok {
				return nil, policyErrorAt([]string{key}, false, "%s must list rule ids, not %v", key, it)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, policyErrorAt([]string{key}, false, "%s must be a list of rule ids, e.g. [deadline-day], not %v", key, v)
}

// configRule is the rule id names, under key: in disable's list, or as a
// key of severity's mapping.
func configRule(key, id string) (region.RuleInfo, error) {
	info, ok := region.Rule(id)
	if !ok {
		hint := region.DidYouMean(id, region.RuleIDs())
		if hint == "" {
			hint = ": the rules are " + strings.Join(region.RuleIDs(), ", ")
		}
		at, atKey := []string{key}, false // an item of disable's list
		if key == "severity" {
			at, atKey = []string{key, id}, true
		}
		return info, policyErrorAt(at, atKey, "unknown rule %q in %s%s", id, key, hint)
	}
	return info, nil
}

func configDisable(v any) ([]string, error) {
	ids, err := configStrings("disable", v)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, id := range ids {
		info, err := configRule("disable", id)
		if err != nil {
			return nil, err
		}
		if info.Legal {
			return nil, policyErrorAt([]string{"disable"}, false, "rule %q is a legal rule and cannot be disabled (README, \"The rules\"); only practical rules can", id)
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

func configSeverity(v any) ([]region.SeverityOverride, error) {
	m := map[string]any{}
	switch x := v.(type) {
	case nil:
		return nil, nil
	case map[string]any:
		m = x
	case map[any]any:
		for k, val := range x {
			m[fmt.Sprint(k)] = val
		}
	default:
		return nil, policyErrorAt([]string{"severity"}, false, "severity must map rule ids to error, warning or info, e.g. {implementation-period: error}, not %v", v)
	}
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []region.SeverityOverride
	for _, id := range ids {
		info, err := configRule("severity", id)
		if err != nil {
			return nil, err
		}
		s, ok := m[id].(string)
		sev := region.Severity(s)
		if !ok || !slices.Contains(region.Severities, sev) {
			return nil, policyErrorAt([]string{"severity", id}, false, "the severity of rule %q must be error, warning or info, not %v", id, m[id])
		}
		if info.Legal && sev != region.SeverityError {
			return nil, policyErrorAt([]string{"severity", id}, false, "rule %q is a legal rule and cannot be downgraded to %s (README, \"The rules\"); its severity stays error", id, sev)
		}
		out = append(out, region.SeverityOverride{Rule: id, Severity: sev})
	}
	return out, nil
}
