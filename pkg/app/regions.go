package app

import "github.com/tender-nl/tender/pkg/region"

// RegionsReport is the regions found, in the order found.
type RegionsReport struct {
	Regions []*region.Region
}

// Regions finds the regions the arguments name (none: the default set).
func (a *App) Regions(args []string) (*RegionsReport, error) {
	rs, err := a.Finder.Find(args)
	if err != nil {
		return nil, err
	}
	return &RegionsReport{Regions: rs}, nil
}
