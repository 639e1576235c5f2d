package region

import "github.com/tender-nl/tender/pkg/date"

// Contract is a running contract of the region (top-level contracts:):
// the frame a procurement replaces. Its dates follow from start, term and
// the options taken.
type Contract struct {
	ID    string        `yaml:"-"`
	Name  string        `yaml:"name"`
	Start date.Date     `yaml:"start"`
	Term  date.Duration `yaml:"term"`
	// Options are the extension options, in the order they can be taken.
	Options []ContractOption `yaml:"options,omitempty"`
	// Extended is the number of options taken (0 … len(Options)).
	Extended       int      `yaml:"extended,omitempty"`
	Municipalities []string `yaml:"municipalities,omitempty"`
	// AnnualValue is the value in euro per year, if given.
	AnnualValue *int64 `yaml:"annual-value,omitempty"`

	Pos Pos `yaml:"-" json:"-"` // the contract's key
}

// ContractOption is one extension option: its length, and how long before
// the current end it must be decided (the notice).
type ContractOption struct {
	Length date.Duration `yaml:"length"`
	Notice date.Duration `yaml:"notice"`
	Pos    Pos           `yaml:"-" json:"-"` // the list item
}

// Contract returns the contract with the given id, or nil.
func (r *Region) Contract(id string) *Contract {
	for _, c := range r.Contracts {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// Replaced returns the contract tender t replaces, with the number of
// options taken as t's scenario sets it, or nil when t replaces none. The
// result is a copy: changing it changes nothing in r.
func (r *Region) Replaced(t *Tender) *Contract {
	if t.Replaces == "" {
		return nil
	}
	c := r.Contract(t.Replaces)
	if c == nil {
		return nil
	}
	cp := *c
	if t.Extended != nil {
		cp.Extended = *t.Extended
	}
	return &cp
}

// addDuration is d + dur in calendar arithmetic (days, weeks, months and
// years clamped at the month's end, as everywhere in tender). Working days
// are not a unit of contracts: the loader refuses them.
func addDuration(d date.Date, sign int, dur date.Duration) date.Date {
	n := sign * dur.N
	switch dur.Unit {
	case date.Weeks:
		return d.AddDays(7 * n)
	case date.Months:
		return d.AddMonths(n)
	case date.Years:
		return d.AddMonths(12 * n)
	}
	return d.AddDays(n)
}

// EndAfter returns the last day of the contract when the first n options
// are taken: start + term + the n options' lengths − 1 day
// (2022-01-01 + 4y → 2025-12-31). n is clamped to 0 … len(Options).
func (c *Contract) EndAfter(n int) date.Date {
	n = max(0, min(n, len(c.Options)))
	next := addDuration(c.Start, 1, c.Term)
	for _, o := range c.Options[:n] {
		next = addDuration(next, 1, o.Length)
	}
	return next.AddDays(-1)
}

// End returns the last day of the contract with its Extended options taken.
func (c *Contract) End() date.Date { return c.EndAfter(c.Extended) }

// FullEnd returns the last day of the contract with every option taken.
func (c *Contract) FullEnd() date.Date { return c.EndAfter(len(c.Options)) }

// Notice is the decision on one remaining option: by Deadline, the end
// before it minus its notice.
type Notice struct {
	// Option is the option's number, 1-based, in the order of Options.
	Option int
	// End is the contract's end before the option is taken; Deadline is
	// End minus the option's notice; NewEnd the end once it is taken.
	End, Deadline, NewEnd date.Date
	Length                date.Duration
	Pos                   Pos // the option's list item
}

// Notices returns the decisions on the options not yet taken, in order:
// the first is on the next option; each later one assumes the ones before
// it are taken.
func (c *Contract) Notices() []Notice {
	var out []Notice
	for i := max(0, c.Extended); i < len(c.Options); i++ {
		o := c.Options[i]
		end := c.EndAfter(i)
		out = append(out, Notice{Option: i + 1, End: end, Deadline: addDuration(end, -1, o.Notice),
			NewEnd: c.EndAfter(i + 1), Length: o.Length, Pos: o.Pos})
	}
	return out
}

// Value returns the contract's value over its term and all its options, in
// euro: the annual value times the years from start to FullEnd (whole
// months exactly, the remaining days as a share of 365). ok is false when
// the contract has no annual value.
func (c *Contract) Value() (value int64, ok bool) {
	if c.AnnualValue == nil {
		return 0, false
	}
	end := c.FullEnd().AddDays(1) // the day after: a whole term of 4y is 48 months
	sy, sm, _ := c.Start.YMD()
	ey, em, _ := end.YMD()
	months := (ey-sy)*12 + int(em-sm)
	if c.Start.AddMonths(months) > end {
		months--
	}
	days := int64(end - c.Start.AddMonths(months))
	a := *c.AnnualValue
	return a*int64(months)/12 + a*days/365, true
}
