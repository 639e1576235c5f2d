package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter/tw"

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
}

// regionSource is the file a region came from, or "built-in".
func regionSource(r *region.Region) string {
	if r.BuiltIn {
		return "built-in"
	}
	return r.Source
}

// RegionsJSON writes {"regions": [...]} (CLI.md, tender regions).
func RegionsJSON(w io.Writer, regions []*region.Region) error {
	out := regionsJSON{Regions: make([]regionJSON, 0, len(regions))}
	for _, r := range regions {
		e := regionJSON{ID: r.ID, Name: r.Name, Source: regionSource(r), Municipalities: []string{}, Tenders: []string{}}
		for _, m := range r.Municipalities {
			e.Municipalities = append(e.Municipalities, m.Name)
		}
		for _, t := range r.Tenders {
			e.Tenders = append(e.Tenders, t.ID)
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
