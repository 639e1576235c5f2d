package server

import (
	"fmt"
	"strings"

	"github.com/tender-nl/tender/pkg/region"
)

// notFoundError is an id the request names that the server does not serve,
// with the ids it does.
type notFoundError struct {
	What, ID string
	Known    []string
}

func (e *notFoundError) Error() string {
	return fmt.Sprintf("unknown %s %q (known: %s)", e.What, e.ID, strings.Join(e.Known, ", "))
}

// findRegion returns the served region with the id: only the regions
// loaded from the start arguments, never a path from the request.
func (st *state) findRegion(id string) (*region.Region, error) {
	known := make([]string, 0, len(st.regions))
	for _, r := range st.regions {
		if r.ID == id {
			return r, nil
		}
		known = append(known, r.ID)
	}
	return nil, &notFoundError{What: "region", ID: id, Known: known}
}

// findTender returns the served region and its tender with the ids.
func (st *state) findTender(regionID, tenderID string) (*region.Region, *region.Tender, error) {
	r, err := st.findRegion(regionID)
	if err != nil {
		return nil, nil, err
	}
	known := make([]string, 0, len(r.Tenders))
	for _, t := range r.Tenders {
		if t.ID == tenderID {
			return r, t, nil
		}
		known = append(known, t.ID)
	}
	return nil, nil, &notFoundError{What: "tender of " + r.ID, ID: tenderID, Known: known}
}
