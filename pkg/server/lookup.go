package server

import (
	"github.com/tender-nl/tender/pkg/app"
	"github.com/tender-nl/tender/pkg/region"
)

// findRegion returns the served region with the id: only the regions
// loaded from the start arguments, never a path from the request. An
// unknown id is app's UnknownError, in the commands' words.
func (st *state) findRegion(id string) (*region.Region, error) {
	known := make([]string, 0, len(st.regions))
	for _, r := range st.regions {
		if r.ID == id {
			return r, nil
		}
		known = append(known, r.ID)
	}
	return nil, app.Unknown("region", id, known, "", "")
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
	return nil, nil, app.Unknown("tender", tenderID, known, "region "+r.ID, "")
}
