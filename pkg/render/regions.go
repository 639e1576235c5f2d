package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
)

type regionsJSON struct {
	Regions []regionJSON `json:"regions"`
}

type regionJSON struct {
	ID             string   `json:"id"`
	Name           string   `json:"name"`
	Municipalities []string `json:"municipalities"`
	Tenders        []string `json:"tenders"`
	Source         string   `json:"source"`
	// SHA256 is the hex SHA-256 of the file's bytes, null for a built-in
	// region.
	SHA256 *string `json:"sha256"`
	// Contracts are the region's contracts (top-level contracts:).
	Contracts []regionContractJSON `json:"contracts"`
}

// regionContractJSON is one contract of tender regions -o json: the
// fields of a plan's "contract", and what the file says of it.
type regionContractJSON struct {
	ID               string     `json:"id"`
	Name             string     `json:"name"`
	Start            date.Date  `json:"start"`
	End              date.Date  `json:"end"`
	NextOptionNotice *date.Date `json:"next_option_notice"`
	Extended         int        `json:"extended"`
	Options          int        `json:"options"`
	Municipalities   []string   `json:"municipalities"`
	AnnualValue      *int64     `json:"annual_value"`
}

// regionSource is the file a region came from, or "built-in".
func regionSource(r *region.Region) string {
	if r.BuiltIn {
		return "built-in"
	}
	return r.Source
}

// RegionsJSON writes {"regions": [...]} (README, tender regions).
func RegionsJSON(w io.Writer, regions []*region.Region) error {
	out := regionsJSON{Regions: make([]regionJSON, 0, len(regions))}
	for _, r := range regions {
		e := regionJSON{ID: r.ID, Name: r.Name, Source: regionSource(r), Municipalities: []string{}, Tenders: []string{}}
		if r.SHA256 != "" && !r.BuiltIn {
			sum := r.SHA256
			e.SHA256 = &sum
		}
		for _, m := range r.Municipalities {
			e.Municipalities = append(e.Municipalities, m.Name)
		}
		for _, t := range r.Tenders {
			e.Tenders = append(e.Tenders, t.ID)
		}
		e.Contracts = []regionContractJSON{}
		for _, c := range r.Contracts {
			j := regionContractJSON{ID: c.ID, Name: c.Name, Start: c.Start, End: c.End(), Extended: c.Extended,
				Options: len(c.Options), Municipalities: append([]string{}, c.Municipalities...), AnnualValue: c.AnnualValue}
			if len(c.Municipalities) == 0 {
				for _, m := range r.Municipalities {
					j.Municipalities = append(j.Municipalities, m.Name)
				}
			}
			if ns := c.Notices(); len(ns) > 0 {
				d := ns[0].Deadline
				j.NextOptionNotice = &d
			}
			e.Contracts = append(e.Contracts, j)
		}
		out.Regions = append(out.Regions, e)
	}
	return writeJSON(w, out)
}

// RegionsTable writes one row per region.
func RegionsTable(w io.Writer, regions []*region.Region, opts Options) error {
	l := opts.Lang
	rows := make([][]string, 0, len(regions))
	for _, r := range regions {
		var tenders []string
		for _, t := range r.Tenders {
			tenders = append(tenders, tenderCell(r, t))
		}
		src := r.Source
		if r.BuiltIn {
			src = T(l, "regions.builtin")
		}
		rows = append(rows, []string{r.ID, truncate(r.Name, 30), strconv.Itoa(len(r.Municipalities)),
			strings.Join(tenders, ", "), src})
	}
	header := []string{T(l, "regions.id"), T(l, "regions.name"), T(l, "regions.municipalities"),
		T(l, "regions.tenders"), T(l, "regions.source")}
	clipColumn(header, rows, 3, opts.width()) // the tender ids; -o json has them all
	return writeTable(w, header, rows, []tw.Align{left, left, right, left, left})
}
