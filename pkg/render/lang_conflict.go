package render

// The words of a conflict explanation (ConflictMessage, WhyLines) and of
// the decisions the planner derives from a contract (MilestoneName), in
// English and Dutch. Both have the same keys and arguments
// (TestConflictCatalogues). Ids, dates, file names and the constraints as
// written ("after: award + 3mo") stay as they are in the file; the chain
// of a conflict (its links) is never translated, so that scripts can read
// it whatever the language.
var conflictWords = catalogueSet{"en": conflictEN, "nl": conflictNL}

var conflictEN = catalogue{
	"infeasible": "infeasible: ",
	"builtin":    "built-in/%s.yaml",
	"and":        ", and",

	"at.cmdline": "(on the command line)",
	"at.keep":    "(--keep)",
	"at.line":    "(line %d)",

	"head.after":           "but must be on or after %s %s",
	"head.before":          "%s must be on or before %s %s",
	"head.but":             "but %s",
	"head.noaligned":       "%s has no date that %s allows",
	"head.noaligned.after": "%s has no date that %s allows on or after %s",
	"head.cycle":           "a cycle of constraints pushes itself later forever",
	"head.fall":            "%s would fall",
	"head.fall.on":         "%s would fall on %s",
	"head.outside":         "%s, outside %s … %s",

	"bound.push":  "%s, to leave room for %s",
	"bound.start": "%s, the tender's start (%s's earliest date), as it reaches no dated bound",

	"line.done":         "%s is done on %s %s",
	"line.moved":        "%s is moved to %s %s",
	"line.held":         "%s is held at %s %s",
	"line.fixed":        "%s is fixed at %s %s",
	"line.noaligned":    "%s has no date that %s allows %s",
	"line.aligned":      "%s moves to %s to fit %s %s",
	"line.meeting":      "%s moves to %s, the meeting of %s, the last of %s to decide %s",
	"line.nomeeting":    "%s has no date that %s allows: %s has no meeting left %s",
	"head.nomeeting":    ", as %s has no meeting left",
	"line.delay":        "%s moves to %s by its risk delays %s",
	"line.cycle":        "%s ≥ %s %s",
	"line.because":      "%s ≥ %s because %s %s",
	"line.room":         "%s must leave room for %s %s",
	"line.room.bound":   "%s ≥ %s to leave room for %s %s",
	"line.start":        "%s ≥ %s, the tender's start (%s's earliest date), as it reaches no dated bound %s",
	"line.upper":        "%s ≤ %s because before: %s %s",
	"line.contract":     "%s ≤ %s, the day after contract %s ends (replaces:) %s",
	"line.other":        "%s: %s %s",
	"why.start":         "%s ≥ %s because tender start %s",
	"why.start.nobound": "%s: tender start %s",

	"derived.name": "Decide on extension option %d (%s) of contract %s (derived)",
}

var conflictNL = catalogue{
	"infeasible": "geen planning mogelijk: ",
	"builtin":    "ingebouwd/%s.yaml",
	"and":        ", en",

	"at.cmdline": "(op de opdrachtregel)",
	"at.keep":    "(--keep)",
	"at.line":    "(regel %d)",

	"head.after":           "maar moet vallen op of na %s %s",
	"head.before":          "%s moet vallen op of vóór %s %s",
	"head.but":             "maar %s",
	"head.noaligned":       "%s heeft geen datum die %s toestaat",
	"head.noaligned.after": "%[1]s heeft op of na %[3]s geen datum die %[2]s toestaat",
	"head.cycle":           "een kringverwijzing: de voorwaarden duwen elkaar steeds verder naar later",
	"head.fall":            "%s zou vallen",
	"head.fall.on":         "%s zou vallen op %s",
	"head.outside":         "%s, buiten %s … %s",

	"bound.push":  "%s, om ruimte te laten voor %s",
	"bound.start": "%s, de start van de aanbesteding (de vroegste datum van %s), omdat de keten geen vaste datum bereikt",

	"line.done":         "%s is afgerond op %s %s",
	"line.moved":        "%s is verplaatst naar %s %s",
	"line.held":         "%s wordt vastgehouden op %s %s",
	"line.fixed":        "%s staat vast op %s %s",
	"line.noaligned":    "%s heeft geen datum die %s toestaat %s",
	"line.aligned":      "%s schuift naar %s vanwege %s %s",
	"line.meeting":      "%s schuift naar %s, de vergadering van %s, de laatste van %s die besluit %s",
	"line.nomeeting":    "%s heeft geen datum die %s toestaat: %s vergadert daarna niet meer %s",
	"head.nomeeting":    ", want %s vergadert daarna niet meer",
	"line.delay":        "%s schuift naar %s door risicovertragingen %s",
	"line.cycle":        "%s ≥ %s %s",
	"line.because":      "%s ≥ %s vanwege %s %s",
	"line.room":         "%s moet ruimte laten voor %s %s",
	"line.room.bound":   "%s ≥ %s om ruimte te laten voor %s %s",
	"line.start":        "%s ≥ %s, de start van de aanbesteding (de vroegste datum van %s), omdat de keten geen vaste datum bereikt %s",
	"line.upper":        "%s ≤ %s vanwege before: %s %s",
	"line.contract":     "%s ≤ %s, de dag nadat contract %s afloopt (replaces:) %s",
	"line.other":        "%s: %s %s",
	"why.start":         "%s ≥ %s vanwege de start van de aanbesteding %s",
	"why.start.nobound": "%s: de start van de aanbesteding %s",

	"derived.name": "Besluit over verlengingsoptie %d (%s) van contract %s (afgeleid)",
}
