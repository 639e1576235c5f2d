package region

import (
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/tender-nl/tender/pkg/date"
)

// contracts reads the top-level contracts: section, keyed by contract id.
func (l *loader) contracts(v *yaml.Node) {
	const example = "write ID: {name: …, start: YYYY-MM-DD, term: 4y} per contract"
	if isNull(v) {
		return
	}
	if !l.mapping(v, "contracts", owner{what: "the file"}, example) {
		return
	}
	l.eachID(v, "contract", "contract '%s' is defined twice", nil, func(id string, k, cv *yaml.Node) {
		c, cn := l.contract(id, k, cv)
		l.r.Contracts = append(l.r.Contracts, c)
		l.notes.contracts = append(l.notes.contracts, cn)
	})
}

// contract reads one contract, with what the validation pass needs to
// know of it.
func (l *loader) contract(id string, k, v *yaml.Node) (*Contract, contractNotes) {
	c := &Contract{ID: id, Pos: pos(k)}
	var cn contractNotes
	o := owner{what: "contract", id: id}
	if !l.mapping(v, "contract", o, "give name, start and term") {
		return c, cn
	}
	good := true
	seen := l.fields(v, contractKeys, o, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			c.Name, _ = l.word(v, key, o)
		case "start":
			var ok bool
			c.Start, ok = l.date(v, key, o)
			good = good && ok
		case "term":
			var ok bool
			c.Term, ok = l.contractDuration(v, key, o)
			if ok && c.Term.N == 0 {
				l.errorf(v, "term of %s is %s: a contract runs at least a day; write its initial term, e.g. 4y", o, c.Term)
				ok = false
			}
			good = good && ok
		case "options":
			var ok bool
			c.Options, ok = l.options(v, o)
			good = good && ok
		case "extended":
			cn.extended = pos(v)
			n, ok := l.wholeNumber(v, key, o, "1 (the number of options taken)")
			c.Extended = int(min(n, 1000))
			good = good && ok
		case "municipalities":
			c.Municipalities, cn.participants = l.participants(v, o)
		case "annual-value":
			if n, ok := l.wholeNumber(v, key, o, "40000000 (euro a year)"); ok {
				c.AnnualValue = &n
			}
		}
	})
	l.required(&seen, contractKeys.required, contractKeys, pos(k), o)
	if seen[contractKeys.index["start"]] == nil || seen[contractKeys.index["term"]] == nil {
		good = false
	}
	cn.good = good
	return c, cn
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// maxContractMonths bounds a contract's term and each option (100 years),
// so that the date arithmetic stays far inside its range.
const maxContractMonths = 1200

// contractDuration is a duration in days, weeks, months or years, of at
// most 100 years. Working days are no unit of a contract's term.
func (l *loader) contractDuration(v *yaml.Node, key string, o owner) (date.Duration, bool) {
	d, ok := l.duration(v, key, o)
	if !ok {
		return d, false
	}
	months := d.N
	switch d.Unit {
	case date.Workdays:
		l.errorf(v, "%s of %s is in working days (%s): a contract runs in calendar time, write d, w, mo or y", key, o, d)
		return d, false
	case date.Days:
		months = d.N / 31
	case date.Weeks:
		months = d.N / 4
	case date.Years:
		months = d.N * 12
	}
	if months > maxContractMonths {
		l.errorf(v, "%s of %s is %s, more than 100 years: write the contract's real term", key, o, d)
		return d, false
	}
	return d, true
}

// options reads a contract's options: a list of {length, notice}.
func (l *loader) options(v *yaml.Node, o owner) ([]ContractOption, bool) {
	if isNull(v) {
		return nil, true
	}
	const example = "write - {length: 1y, notice: 6mo} per option, in the order they can be taken"
	items, ok := l.list(v, "options", o, example)
	if !ok {
		return nil, false
	}
	out := make([]ContractOption, 0, len(items))
	good := true
	for i, it := range items {
		oo := owner{what: "option " + strconv.Itoa(i+1) + " of " + o.String()}
		if it.Kind != yaml.MappingNode {
			l.errorf(it, "an option is {length: …, notice: …}, not %s: %s", describe(it), example)
			good = false
			continue
		}
		opt := ContractOption{Pos: pos(it)}
		seen := l.fields(it, optionKeys, oo, func(key string, k, v *yaml.Node) {
			var d date.Duration
			var ok bool
			d, ok = l.contractDuration(v, key, oo)
			if ok && key == "length" && d.N == 0 {
				l.errorf(v, "length of %s is %s: an option extends the contract by at least a day, e.g. 1y", oo, d)
				ok = false
			}
			good = good && ok
			if key == "length" {
				opt.Length = d
			} else {
				opt.Notice = d
			}
		})
		for _, key := range optionKeys.names {
			if seen[optionKeys.index[key]] == nil {
				good = false
			}
		}
		l.required(&seen, optionKeys.required, optionKeys, pos(it), oo)
		out = append(out, opt)
	}
	return out, good
}

// contractOverlays reads a scenario's contracts: ID: {extended: N},
// whatever contract they name: the validation pass checks that it is the
// one the tender replaces, and holds the errors of the value until then.
func (l *loader) contractOverlays(s *Scenario, v *yaml.Node, sn *scenarioNotes, so owner) {
	const example = "write ID: {extended: N} for the contract the tender replaces"
	if isNull(v) {
		return
	}
	if !l.mapping(v, "contracts", so, example) {
		return
	}
	l.eachID(v, "contract", "contract '%s' is given twice in %s", []any{so}, func(id string, k, cv *yaml.Node) {
		cn := contractOverlayNotes{id: id, key: pos(k)}
		start := len(l.errs)
		if ov, ok := l.contractOverlay(id, k, cv, &cn, so); ok {
			s.Contracts = append(s.Contracts, ov)
		}
		if !l.w.Halted() && len(l.errs) > start {
			cn.held = append(ErrorList(nil), l.errs[start:]...)
			l.errs = l.errs[:start]
		}
		sn.contracts = append(sn.contracts, cn)
	})
}

// contractOverlay reads the value of a scenario's contract id (node k);
// ok when it gives extended.
func (l *loader) contractOverlay(id string, k, cv *yaml.Node, cn *contractOverlayNotes, so owner) (ov ContractOverlay, ok bool) {
	const example = "write ID: {extended: N} for the contract the tender replaces"
	ov = ContractOverlay{ID: id}
	co := owner{what: "contract", id: id}
	if !l.mapping(cv, "contract", co, example) {
		return ov, false
	}
	var extV *yaml.Node
	before := len(l.errs)
	seen := l.fields(cv, overlayKeys, owner{what: "contract '" + id + "' in " + so.String()}, func(key string, k, v *yaml.Node) {
		extV = v
		n, ok := l.wholeNumber(v, key, co, "1 (the number of options taken)")
		if ok {
			ov.Extended = int(min(n, 1000))
		}
	})
	if len(l.errs) == before { // a misspelt key says enough
		l.required(&seen, overlayKeys.required, overlayKeys, pos(k), owner{what: "contract '" + id + "' in " + so.String()})
	}
	if extV == nil {
		return ov, false
	}
	cn.extended, cn.value = pos(extV), ov.Extended
	return ov, true
}
