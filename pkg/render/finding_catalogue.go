package render

// The words of the rules' findings (rules.Message) and skip reasons
// (rules.Skip), in English and Dutch (--lang): FindingText and SkipText
// speak them. Both have the same keys (a test checks it, and that each
// pair takes the same arguments). Ids and dates stay as written in the
// file; the plurals are KEY.one and KEY.many (plural).
var findingCatalogues = catalogueSet{"en": findingsEN, "nl": findingsNL}

var findingsEN = catalogue{
	// Why a rule did not run (NotRun; the skipped test cases of JUnit).
	"skip.disabled":   "disabled by policy",
	"skip.procedure":  "does not apply to the procedure",
	"skip.infeasible": "the tender has no schedule",
	"skip.summer":     "summer: off in the policy",

	// Shared phrases.
	"rolled":             " (day %d, %s, is not a working day, so the period runs on to the next working day)",
	"days":               "%d days",
	"days.one":           "1 day",
	"days.many":          "%d days",
	"caldays.one":        "1 calendar day",
	"caldays.many":       "%d calendar days",
	"need":               "%d days (%s)",
	"why.base":           "%d",
	"why.electronic":     "%d, minus 5 for electronic submission",
	"why.pin.open":       "%d after a prior information notice, Aw 2.71 lid 5",
	"why.pin.invitation": "%d after a prior information notice, Aw 2.71 lid 5",
	"why.offline":        "plus 5 because the documents are not online in full and free of charge from the publication, Aw 2.72",
	"accelerated":        "%d days (accelerated)",
	"period.short":       "%s is %s after %s %s: %s is at least %s, so %s is on %s at the earliest%s",
	"period.neg":         "%s is before %s %s: %s is at least %s, so %s is on %s at the earliest%s",

	"what.publication": "the publication",
	"what.invitation":  "the invitation",
	"what.submission":  "the submission",
	"what.award":       "the award",
	"what.requests":    "the deadline for requests",
	"what.signature":   "the signature",

	"tender-period.period":     "the tender period of the open procedure",
	"requests-period.period":   "the period for requests to participate",
	"invitation-period.period": "the tender period after the invitation",

	"answers-lead":       "%s is %s before the submission %s: answers to questions must be given at least %d days before the closing date, so by %s",
	"answers-lead.after": "%s comes after the submission %s: answers to questions must be given at least %d days before the closing date, so by %s",

	"standstill.end":   "%s is %s after the award decision %s: the standstill period is at least 20 calendar days and runs to %s%s",
	"standstill.award": "%s is %s after the award decision %s: the standstill period is at least 20 calendar days and runs to %s%s, so the %s may follow from %s",
	"kind.award":       "award",
	"kind.signature":   "signature",

	"award-notice.eu":  "%s is %s after %s %s: the award notice is due within 30 days of the contract's conclusion, so by %s",
	"award-notice.sas": "%s is after %s: for social services the award notices may be grouped per quarter, due within 30 days after the quarter of %s %s ends on %s",

	"contract-gap":                  "%s falls on %s at the earliest, but contract %s ends on %s: %s without a contract, a gap in care; %s",
	"contract-gap.next":             "take option %d (%s) by its notice deadline %s, which runs the contract to %s, or start the new contracts earlier",
	"contract-gap.none":             "the contract has no extension option left, so the new contracts must start earlier",
	"contract-overlap":              "%s falls on %s, while contract %s runs to %s: both run for %s, more than the policy's contract-overlap of %s allows (start on %s or later)",
	"extension-notice":              "the notice deadline of option %d of contract %s was %s and has passed (today %s), while the new contracts start on %s, after its end on %s: the option can no longer be taken in time, so the contract ends then; if it was taken, record it with extended: %d",
	"threshold.national.contract":   "contract %s, which this tender replaces, is worth %s euro over its term and options (annual-value; options count, Dir. 2014/24 art. 5(1)), at or above the %s euro threshold for social and other specific services: tender its successor with social-services or an EU procedure, not a national one, or give the tender its own estimated-value",
	"threshold.open-house.contract": "contract %s, which this tender replaces, is worth %s euro over its term and options (annual-value; options count, Dir. 2014/24 art. 5(1)), at or above the %s euro threshold for social and other specific services: fine for an open house that selects no providers (not a public contract), but if the municipality steers the choice it becomes one and must be tendered",
	"threshold.national":            "the estimated value of %s euro is at or above the %s euro threshold for social and other specific services: the contract must be tendered with social-services or an EU procedure, not a national one",
	"threshold.open-house":          "the estimated value of %s euro is at or above the %s euro threshold for social and other specific services: fine for an open house that selects no providers (not a public contract), but if the municipality steers the choice it becomes one and must be tendered",

	"order.after":   "%s (%s, %s) must come after %s (%s, %s): %s follows %s in the procedure",
	"order.onafter": "%s (%s, %s) must not come before %s (%s, %s): %s follows %s in the procedure",

	"done-in-future": "%s is marked done on %s, after today (%s): done is for what has happened; write on: for a planned date",

	"reasonable-period.period": "the tender period the policy asks for (there is no statutory minimum for %s)",

	"answers-margin":       "the last answers %s are %s before the submission %s: the policy asks for at least %s%s, so by %s",
	"answers-margin.eu":    " (the 10 days of Aw 2.54 are the legal floor, not good practice)",
	"answers-margin.none":  " (the %s procedure has no statutory period for answers)",
	"answers-margin.after": "the last answers %s come after the submission %s: the policy asks for them at least %s before it, so by %s",

	"national-standstill": "%s is %s after the award decision %s: the policy's standstill for national procedures is %s, so the award may follow from %s",

	"implementation-period": "%s is %s after the award %s: providers and clients need time to switch, and the policy's implementation period is %s, so the contract starts on %s at the earliest",

	"deadline-day":       "%s falls on %s, not a working day of the region's calendar (%s)",
	"deadline-day.align": "%s is fixed on %s, a date that its align: %s does not allow",
	"reason.weekend":     "weekend",
	"reason.weekday":     "not a working weekday",
	"reason.closed":      "closed: %s",
	"summer":             "the tender period %s → %s overlaps the school summer holidays (%s) by %s: consider extending it by %s",
	"summer.nodata":      "tender has no school summer holiday dates for %d (region %s), so the summer rule could not judge that summer: add the holiday under calendar.quiet, or the year to the data",
	"summer.quiet":       "quiet: %s %s",
	"meeting":            "%s is on %s, which is not a meeting date of %s",
	"meeting.recess":     "%s is on %s, in the recess of %s ('%s', %s … %s), when it does not meet",
	"meeting.none":       "%s is on %s, which is not a meeting date of any of its bodies (%s): a decision of several bodies falls on the last of their meetings",
	"overdue":            "%s was planned for %s, before today (%s), and is not done: record what happened with done:, or plan it anew",
	"missing-milestones": "a tender under the %s procedure has a publication, submission, award-decision, award and contract-start; this one has no %s",
	"bid-validity":       "%s is %s after the submission %s, beyond the bid validity of %s: the bids bind only up to %s",

	"award-notice-missing.eu":  "the tender has no award-notice milestone: under the %s procedure the award notice is mandatory, within 30 days of the contract's conclusion; add a milestone of kind award-notice",
	"award-notice-missing.sas": "the tender has no award-notice milestone: for social services the award notice is mandatory, though the notices may be grouped per quarter and sent within 30 days after the quarter ends; add a milestone of kind award-notice",
	"list.and":                 "%s and %s",

	// The planner's explanation of an infeasible plan (timeline.Conflict).
	"infeasible": "%s",
}

var findingsNL = catalogue{
	"skip.disabled":   "uitgezet in het beleid",
	"skip.procedure":  "geldt niet voor deze procedure",
	"skip.infeasible": "de aanbesteding heeft geen planning",
	"skip.summer":     "summer: uit in het beleid",

	"rolled":             " (dag %d, %s, is geen werkdag, dus de termijn loopt door tot de volgende werkdag)",
	"days":               "%d dagen",
	"days.one":           "1 dag",
	"days.many":          "%d dagen",
	"caldays.one":        "1 kalenderdag",
	"caldays.many":       "%d kalenderdagen",
	"need":               "%d dagen (%s)",
	"why.base":           "%d",
	"why.electronic":     "%d, min 5 voor elektronische inschrijving",
	"why.pin.open":       "%d na een vooraankondiging, Aw 2.71 lid 5",
	"why.pin.invitation": "%d na een vooraankondiging, Aw 2.71 lid 5",
	"why.offline":        "plus 5 omdat de aanbestedingsstukken niet vanaf de publicatie volledig en kosteloos online staan, Aw 2.72",
	"accelerated":        "%d dagen (versneld)",
	"period.short":       "%s ligt %s na %s %s: %s is minstens %s, dus %s valt op zijn vroegst op %s%s",
	"period.neg":         "%s ligt vóór %s %s: %s is minstens %s, dus %s valt op zijn vroegst op %s%s",

	"what.publication": "de publicatie",
	"what.invitation":  "de uitnodiging",
	"what.submission":  "de sluiting",
	"what.award":       "de gunning",
	"what.requests":    "de sluiting van de verzoeken",
	"what.signature":   "de ondertekening",

	"tender-period.period":     "de inschrijvingstermijn van de openbare procedure",
	"requests-period.period":   "de termijn voor verzoeken tot deelneming",
	"invitation-period.period": "de inschrijvingstermijn na de uitnodiging",

	"answers-lead":       "%s ligt %s vóór de sluiting %s: vragen moeten minstens %d dagen vóór de sluiting beantwoord zijn, dus uiterlijk %s",
	"answers-lead.after": "%s ligt na de sluiting %s: vragen moeten minstens %d dagen vóór de sluiting beantwoord zijn, dus uiterlijk %s",

	"standstill.end":   "%s ligt %s na de gunningsbeslissing %s: de opschortende termijn is minstens 20 kalenderdagen en loopt tot %s%s",
	"standstill.award": "%s ligt %s na de gunningsbeslissing %s: de opschortende termijn is minstens 20 kalenderdagen en loopt tot %s%s, dus de %s mag vanaf %s",
	"kind.award":       "gunning",
	"kind.signature":   "ondertekening",

	"award-notice.eu":  "%s ligt %s na %s %s: de aankondiging van de gegunde opdracht moet binnen 30 dagen na het sluiten van de overeenkomst, dus uiterlijk %s",
	"award-notice.sas": "%s ligt na %s: voor sociale en andere specifieke diensten mogen de aankondigingen per kwartaal gebundeld worden, binnen 30 dagen na het einde van het kwartaal van %s %s op %s",

	"contract-gap":                  "%s valt op zijn vroegst op %s, maar contract %s loopt af op %s: %s zonder contract, een gat in de zorg; %s",
	"contract-gap.next":             "licht optie %d (%s) uiterlijk %s, het einde van de opzegtermijn, dan loopt het contract tot %s, of laat de nieuwe contracten eerder ingaan",
	"contract-gap.none":             "het contract heeft geen verlengingsoptie meer, dus de nieuwe contracten moeten eerder ingaan",
	"contract-overlap":              "%s valt op %s, terwijl contract %s loopt tot %s: beide lopen %s naast elkaar, meer dan de contract-overlap van %s in het beleid toestaat (start op %s of later)",
	"extension-notice":              "de uiterste datum om optie %d van contract %s te lichten was %s en is verstreken (vandaag %s), terwijl de nieuwe contracten ingaan op %s, na het einde op %s: de optie kan niet meer op tijd worden gelicht, dus het contract loopt dan af; is ze wel gelicht, leg dat vast met extended: %d",
	"threshold.national.contract":   "contract %s, dat deze aanbesteding vervangt, is over looptijd en opties %s euro waard (annual-value; opties tellen mee, Richtl. 2014/24 art. 5 lid 1), op of boven de drempel van %s euro voor sociale en andere specifieke diensten: besteed de opvolger aan met social-services of een Europese procedure, niet nationaal, of geef de aanbesteding een eigen estimated-value",
	"threshold.open-house.contract": "contract %s, dat deze aanbesteding vervangt, is over looptijd en opties %s euro waard (annual-value; opties tellen mee, Richtl. 2014/24 art. 5 lid 1), op of boven de drempel van %s euro voor sociale en andere specifieke diensten: goed voor een open house zonder selectie (geen overheidsopdracht), maar stuurt de gemeente de keuze, dan wordt het er een en moet er aanbesteed worden",
	"threshold.national":            "de geraamde waarde van %s euro ligt op of boven de drempel van %s euro voor sociale en andere specifieke diensten: aanbesteden met social-services of een Europese procedure, niet nationaal",
	"threshold.open-house":          "de geraamde waarde van %s euro ligt op of boven de drempel van %s euro voor sociale en andere specifieke diensten: goed voor een open house zonder selectie (geen overheidsopdracht), maar stuurt de gemeente de keuze, dan wordt het er een en moet er aanbesteed worden",

	"order.after":   "%s (%s, %s) moet na %s (%s, %s) komen: %s volgt in de procedure op %s",
	"order.onafter": "%s (%s, %s) mag niet vóór %s (%s, %s) liggen: %s volgt in de procedure op %s",

	"done-in-future": "%s is als gedaan gemarkeerd op %s, na vandaag (%s): done is voor wat gebeurd is; schrijf on: voor een geplande datum",

	"reasonable-period.period": "de inschrijvingstermijn die het beleid vraagt (voor %s is er geen wettelijke minimumtermijn)",

	"answers-margin":       "de laatste nota van inlichtingen %s ligt %s vóór de sluiting %s: het beleid vraagt minstens %s%s, dus uiterlijk %s",
	"answers-margin.eu":    " (de 10 dagen van Aw 2.54 zijn de wettelijke ondergrens, geen goede praktijk)",
	"answers-margin.none":  " (de procedure %s kent geen wettelijke termijn voor de nota van inlichtingen)",
	"answers-margin.after": "de laatste nota van inlichtingen %s ligt na de sluiting %s: het beleid vraagt minstens %s ervoor, dus uiterlijk %s",

	"national-standstill": "%s ligt %s na de gunningsbeslissing %s: de opschortende termijn van het beleid voor nationale procedures is %s, dus gunnen kan vanaf %s",

	"implementation-period": "%s ligt %s na de gunning %s: aanbieders en cliënten hebben tijd nodig om over te stappen, en de implementatieperiode van het beleid is %s, dus het contract gaat op zijn vroegst in op %s",

	"deadline-day":       "%s valt op %s, geen werkdag in de kalender van de regio (%s)",
	"deadline-day.align": "%s staat vast op %s, een datum die align: %s niet toelaat",
	"reason.weekend":     "weekend",
	"reason.weekday":     "geen werkdag van de week",
	"reason.closed":      "gesloten: %s",
	"summer":             "de inschrijvingstermijn %s → %s overlapt %[4]s met de zomervakantie (%[3]s): overweeg hem met %[5]s te verlengen",
	"summer.nodata":      "tender kent de zomervakantie van %d (regio %s) niet, dus de zomerregel kon die zomer niet beoordelen: zet de vakantie onder calendar.quiet, of voeg het jaar toe aan de gegevens",
	"summer.quiet":       "stil: %s %s",
	"meeting":            "%s valt op %s, geen vergaderdatum van %s",
	"meeting.recess":     "%s valt op %s, in het reces van %s ('%s', %s … %s), als het niet vergadert",
	"meeting.none":       "%s valt op %s, geen vergaderdatum van een van zijn organen (%s): een besluit van meer organen valt op de laatste van hun vergaderingen",
	"overdue":            "%s was gepland op %s, vóór vandaag (%s), en is niet gedaan: leg met done: vast wat er gebeurde, of plan het opnieuw",
	"missing-milestones": "een aanbesteding (%s) heeft een publicatie, sluiting inschrijving, gunningsbeslissing, definitieve gunning en ingangsdatum contract; deze heeft geen %s",
	"bid-validity":       "%s ligt %s na de sluiting %s, voorbij de gestanddoeningstermijn van %s: de inschrijvingen binden maar tot %s",

	"award-notice-missing.eu":  "de aanbesteding heeft geen mijlpaal award-notice: bij de %s is de aankondiging van de gegunde opdracht verplicht, binnen 30 dagen na het sluiten van de overeenkomst; voeg een mijlpaal van soort award-notice toe",
	"award-notice-missing.sas": "de aanbesteding heeft geen mijlpaal award-notice: voor sociale en andere specifieke diensten is de aankondiging van de gegunde opdracht verplicht, al mogen de aankondigingen per kwartaal gebundeld worden, binnen 30 dagen na het einde van het kwartaal; voeg een mijlpaal van soort award-notice toe",
	"list.and":                 "%s en %s",

	"infeasible": "%s",
}
