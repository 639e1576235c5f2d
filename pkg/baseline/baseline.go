// Package baseline reads a baseline: what a board was shown, to compare a
// plan with (tender plan --baseline, tender diff). A baseline is a saved
// `tender plan -o json`, or an earlier version of the region file (which
// is planned again), told apart by content; from a path, standard input
// (-), or git:REV, the same region file at revision REV of the git
// repository it is in (read with the git program).
package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

// Baseline is one loaded baseline: a region (a region file, planned again
// by the caller) or the plans of a saved plan JSON.
type Baseline struct {
	// Name is the baseline as the user named it (a path, -, git:REV).
	Name string
	// Region is set for a region file; Plans for a plan JSON.
	Region *region.Region
	Plans  []Plan
}

// Plan is one tender of a saved plan JSON: its milestones' dates.
type Plan struct {
	Region, Tender string
	Scenario       *string
	Feasible       bool
	Milestones     []Milestone
}

// Milestone is one milestone of a saved plan.
type Milestone struct {
	ID   string
	Kind region.Kind
	Date date.Date
	Done bool
}

// Date returns the date of milestone id and whether the plan has it.
func (p *Plan) Date(id string) (date.Date, bool) {
	for _, m := range p.Milestones {
		if m.ID == id {
			return m.Date, true
		}
	}
	return 0, false
}

// Plan returns the saved plan of tender in region (nil when it has none).
// A saved plan of a scenario counts too when it is the only plan of the
// tender.
func (b *Baseline) Plan(regionID, tender string) *Plan {
	var found *Plan
	for i := range b.Plans {
		p := &b.Plans[i]
		if p.Region != regionID || p.Tender != tender {
			continue
		}
		if p.Scenario == nil {
			return p
		}
		if found == nil {
			found = p
		}
	}
	return found
}

// Source says where a baseline comes from.
type Source struct {
	// Arg is the baseline as given: a path, -, or git:REV.
	Arg string
	// Stdin is read for -.
	Stdin io.Reader
	// Current is the file of the region the baseline belongs to, for
	// git:REV ("" or a built-in region: git:REV is refused).
	Current string
	// BuiltIn says the current region is compiled into the binary.
	BuiltIn bool
}

// Error is a baseline that cannot be read; it is a usage or input error.
type Error struct {
	Arg string
	Msg string
}

func (e *Error) Error() string { return e.Arg + ": " + e.Msg }

// Load reads the baseline src names. A region file's errors come back as
// the loader's (file:line:column).
func Load(src Source) (*Baseline, error) {
	var (
		data []byte
		name = src.Arg
		err  error
	)
	switch {
	case src.Arg == "-":
		if src.Stdin == nil {
			return nil, &Error{Arg: src.Arg, Msg: "standard input is not available"}
		}
		data, err = io.ReadAll(src.Stdin)
		name = "<stdin>"
	case strings.HasPrefix(src.Arg, "git:"):
		data, name, err = gitShow(src)
	default:
		data, err = os.ReadFile(src.Arg)
		if err != nil {
			var pe *os.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, &Error{Arg: src.Arg, Msg: err.Error() + ": give a saved `tender plan -o json`, a region file, - or git:REV"}
		}
	}
	if err != nil {
		return nil, err
	}
	return Parse(src.Arg, name, data)
}

// Parse tells a plan JSON from a region file by content and reads it; name
// is the file as errors and lines name it.
func Parse(arg, name string, data []byte) (*Baseline, error) {
	if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
		var pj struct {
			Plans *[]struct {
				Region     string  `json:"region"`
				Tender     string  `json:"tender"`
				Scenario   *string `json:"scenario"`
				Feasible   bool    `json:"feasible"`
				Milestones []struct {
					ID   string      `json:"id"`
					Kind region.Kind `json:"kind"`
					Date string      `json:"date"`
					Done bool        `json:"done"`
				} `json:"milestones"`
			} `json:"plans"`
		}
		if err := json.Unmarshal(t, &pj); err == nil && pj.Plans != nil {
			b := &Baseline{Name: arg}
			for _, p := range *pj.Plans {
				bp := Plan{Region: p.Region, Tender: p.Tender, Scenario: p.Scenario, Feasible: p.Feasible}
				for _, m := range p.Milestones {
					d, err := date.Parse(m.Date)
					if err != nil {
						return nil, &Error{Arg: arg, Msg: fmt.Sprintf("tender %s, milestone %s: %v: give the output of `tender plan -o json` unchanged", p.Tender, m.ID, err)}
					}
					bp.Milestones = append(bp.Milestones, Milestone{ID: m.ID, Kind: m.Kind, Date: d, Done: m.Done})
				}
				b.Plans = append(b.Plans, bp)
			}
			return b, nil
		}
	}
	r, err := region.Load(name, data)
	if err != nil {
		return nil, err
	}
	r.Source = name
	return &Baseline{Name: arg, Region: r}, nil
}
