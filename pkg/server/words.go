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
		"title":           "tender: planning room",
		"portfolio":       "Portfolio",
		"regions":         "Regions",
		"region":          "Region",
		"name":            "Name",
		"tenders":         "Tenders",
		"source":          "Source",
		"builtin":         "built-in",
		"language":        "Language",
		"errors.title":    "A region file does not load",
		"errors.hint":     "Fix the file and save it: this page updates by itself.",
		"live":            "Live: the page follows the region files.",
		"offline":         "The server is not reachable: the page shows what it last knew.",
		"readonly":        "Read-only: this server writes nothing.",
		"noregions":       "No regions.",
		"skip":            "Skip to the content",
		"notfound":        "Not found",
		"back":            "Back to the portfolio",
		"tender":          "Tender",
		"procedure":       "Procedure",
		"errors":          "Errors",
		"warnings":        "Warnings",
		"next":            "Next milestone",
		"base":            "base (the tender as it is)",
		"scenario":        "Scenario",
		"show":            "Show",
		"noschedule":      "No schedule",
		"gantt":           "Gantt chart of the plan",
		"findings":        "Findings",
		"milestones":      "Milestones",
		"milestones.hint": "Point at or tab to a milestone in the picture or the table for its dates, its constraints and why it lands on its date.",
		"constraints":     "Constraints as written",
		"why":             "Why on this date",
		"line":            "line",
		"whatif":          "What if",
		"whatif.move":     "Move milestone",
		"whatif.date":     "to",
		"whatif.ask":      "Show what moves",
		"whatif.keep":     "Keep at their current dates",
		"write":           "Write the move to",
		"write.builtin":   "A built-in region is never written: copy it with tender init --from ID and serve the copy.",
		"write.js":        "Writing needs JavaScript (it sends the run's token).",
		"write.done":      "Written to %s; the page follows the file.",
		"write.failed":    "Not written: %s",
		"compare":         "Scenarios side by side",
		"risk":            "Risk",
		"detail.date":     "date",
		"detail.earliest": "earliest",
		"detail.latest":   "latest",
		"detail.slack":    "slack",
		"open":            "open",
		"serve.url":       "Open %s",
		"serve.stop":      "The pages follow the region files. Ctrl-C stops the server.",
		"serve.exposed":   "warning: %s is reachable from other machines: whoever reaches it reads the plans (writes still need the token); use 127.0.0.1 to serve this machine only",
		"serve.noopen":    "cannot open the browser: %v (open the address yourself)",
		"serve.stopped":   "Stopped.",
		"serve.stdin":     "tender serve follows files and cannot read standard input (-): name a region file or directory",
	},
	"nl": {
		"title":           "tender: planningskamer",
		"portfolio":       "Portefeuille",
		"regions":         "Regio's",
		"region":          "Regio",
		"name":            "Naam",
		"tenders":         "Aanbestedingen",
		"source":          "Bron",
		"builtin":         "ingebouwd",
		"language":        "Taal",
		"errors.title":    "Een regiobestand laadt niet",
		"errors.hint":     "Herstel het bestand en sla het op: deze pagina werkt zichzelf bij.",
		"live":            "Live: de pagina volgt de regiobestanden.",
		"offline":         "De server is niet bereikbaar: de pagina toont wat hij het laatst wist.",
		"readonly":        "Alleen lezen: deze server schrijft niets.",
		"noregions":       "Geen regio's.",
		"skip":            "Naar de inhoud",
		"notfound":        "Niet gevonden",
		"back":            "Terug naar de portefeuille",
		"tender":          "Aanbesteding",
		"procedure":       "Procedure",
		"errors":          "Fouten",
		"warnings":        "Waarschuwingen",
		"next":            "Volgende mijlpaal",
		"base":            "basis (de aanbesteding zoals ze is)",
		"scenario":        "Scenario",
		"show":            "Toon",
		"noschedule":      "Geen planning mogelijk",
		"gantt":           "Gantt-diagram van de planning",
		"findings":        "Bevindingen",
		"milestones":      "Mijlpalen",
		"milestones.hint": "Wijs een mijlpaal aan of tab ernaartoe, in de figuur of de tabel, voor zijn data, zijn voorwaarden en waarom hij op zijn datum valt.",
		"constraints":     "Voorwaarden zoals geschreven",
		"why":             "Waarom op deze datum",
		"line":            "regel",
		"whatif":          "Wat als",
		"whatif.move":     "Verplaats mijlpaal",
		"whatif.date":     "naar",
		"whatif.ask":      "Toon wat verschuift",
		"whatif.keep":     "Houd op hun huidige datum",
		"write":           "Schrijf de verplaatsing naar",
		"write.builtin":   "Een ingebouwde regio wordt nooit geschreven: kopieer hem met tender init --from ID en open de kopie.",
		"write.js":        "Schrijven vraagt JavaScript (het stuurt het token van deze sessie mee).",
		"write.done":      "Geschreven naar %s; de pagina volgt het bestand.",
		"write.failed":    "Niet geschreven: %s",
		"compare":         "Scenario's naast elkaar",
		"risk":            "Risico",
		"detail.date":     "datum",
		"detail.earliest": "vroegst",
		"detail.latest":   "uiterlijk",
		"detail.slack":    "speling",
		"open":            "open",
		"serve.url":       "Open %s",
		"serve.stop":      "De pagina's volgen de regiobestanden. Ctrl-C stopt de server.",
		"serve.exposed":   "waarschuwing: %s is bereikbaar vanaf andere machines: wie hem bereikt, leest de planningen (schrijven vraagt nog steeds het token); gebruik 127.0.0.1 om alleen deze machine te bedienen",
		"serve.noopen":    "kan de browser niet openen: %v (open het adres zelf)",
		"serve.stopped":   "Gestopt.",
		"serve.stdin":     "tender serve volgt bestanden en kan geen standaardinvoer (-) lezen: noem een regiobestand of map",
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
