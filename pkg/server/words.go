package server

import (
	"fmt"

	"github.com/tender-nl/tender/pkg/i18n"
)

// words are the pages' own words, English and Dutch. What the pages show
// of a plan, a finding or a comparison comes from the printers, in the
// language asked for.
var words = map[string]map[string]string{
	"en": {
		"title":         "tender: planning room",
		"portfolio":     "Portfolio",
		"regions":       "Regions",
		"region":        "Region",
		"name":          "Name",
		"tenders":       "Tenders",
		"source":        "Source",
		"builtin":       "built-in",
		"language":      "Language",
		"errors.title":  "A region file does not load",
		"errors.hint":   "Fix the file and save it: this page updates by itself.",
		"live":          "Live: the page follows the region files.",
		"offline":       "The server is not reachable: the page shows what it last knew.",
		"readonly":      "Read-only: this server writes nothing.",
		"noregions":     "No regions.",
		"skip":          "Skip to the content",
		"notfound":      "Not found",
		"back":          "Back to the portfolio",
		"serve.url":     "Open %s",
		"serve.stop":    "The pages follow the region files. Ctrl-C stops the server.",
		"serve.exposed": "warning: %s is reachable from other machines: whoever reaches it reads the plans (writes still need the token); use 127.0.0.1 to serve this machine only",
		"serve.noopen":  "cannot open the browser: %v (open the address yourself)",
		"serve.stopped": "Stopped.",
		"serve.stdin":   "tender serve follows files and cannot read standard input (-): name a region file or directory",
	},
	"nl": {
		"title":         "tender: planningskamer",
		"portfolio":     "Portefeuille",
		"regions":       "Regio's",
		"region":        "Regio",
		"name":          "Naam",
		"tenders":       "Aanbestedingen",
		"source":        "Bron",
		"builtin":       "ingebouwd",
		"language":      "Taal",
		"errors.title":  "Een regiobestand laadt niet",
		"errors.hint":   "Herstel het bestand en sla het op: deze pagina werkt zichzelf bij.",
		"live":          "Live: de pagina volgt de regiobestanden.",
		"offline":       "De server is niet bereikbaar: de pagina toont wat hij het laatst wist.",
		"readonly":      "Alleen lezen: deze server schrijft niets.",
		"noregions":     "Geen regio's.",
		"skip":          "Naar de inhoud",
		"notfound":      "Niet gevonden",
		"back":          "Terug naar de portefeuille",
		"serve.url":     "Open %s",
		"serve.stop":    "De pagina's volgen de regiobestanden. Ctrl-C stopt de server.",
		"serve.exposed": "waarschuwing: %s is bereikbaar vanaf andere machines: wie hem bereikt, leest de planningen (schrijven vraagt nog steeds het token); gebruik 127.0.0.1 om alleen deze machine te bedienen",
		"serve.noopen":  "kan de browser niet openen: %v (open het adres zelf)",
		"serve.stopped": "Gestopt.",
		"serve.stdin":   "tender serve volgt bestanden en kan geen standaardinvoer (-) lezen: noem een regiobestand of map",
	},
}

// Word returns the word key in lang (English when lang is unknown),
// formatted with args.
func Word(lang, key string, args ...any) string {
	w, ok := words[i18n.Lang(lang)][key]
	if !ok {
		w = words["en"][key]
	}
	if len(args) > 0 {
		return fmt.Sprintf(w, args...)
	}
	return w
}

func word(lang, key string) string { return Word(lang, key) }
