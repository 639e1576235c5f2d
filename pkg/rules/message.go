package rules

import (
	"reflect"

	"github.com/tender-nl/tender/pkg/date"
	"github.com/tender-nl/tender/pkg/region"
	"github.com/tender-nl/tender/pkg/timeline"
)

// Message is what a finding says, without words: a key of the findings
// catalogue and its arguments. The printers put it into English or Dutch
// (render.FindingText); the rules never do. The zero Message says nothing
// (an optional part of a sentence that does not apply).
//
// An argument is one of:
//   - string: an id, a name or a duration as the file writes it, printed
//     as it is;
//   - int: a number printed as it is (a day number, an option, a year);
//   - date.Date: a date with its weekday ("Thu 2021-09-23");
//   - Days, CalendarDays: a number of days with its plural ("1 day");
//   - Euro: an amount with the language's thousands separator;
//   - KindWord, ProcedureWord: a kind or procedure in the language's
//     words (English keeps the id);
//   - At, Ref: a planned milestone with its date;
//   - Message: a part of the sentence, itself put into words;
//   - And, Comma: lists of arguments ("a, b and c"; "a, b");
//   - timeline.Conflict: the planner's explanation of an infeasible plan.
type Message struct {
	Key  string
	Args []any
}

// Equal reports whether two messages say the same: the same key and equal
// arguments, whatever the language they are put into. (Findings that
// appear and disappear are compared by it.)
func (m Message) Equal(o Message) bool {
	return m.Key == o.Key && reflect.DeepEqual(m.Args, o.Args)
}

// msg builds a Message.
func msg(key string, args ...any) Message { return Message{Key: key, Args: args} }

// The argument types of a Message that the printers word per language.
type (
	// Days is a number of days: "1 day", "12 dagen".
	Days int
	// CalendarDays is a number of calendar days: "1 calendar day".
	CalendarDays int
	// Euro is a whole amount: 750,000 (en), 750.000 (nl).
	Euro int64
	// KindWord is a milestone kind in the words of the language
	// ("definitieve gunning"); English keeps the id, as the file writes it.
	KindWord string
	// ProcedureWord is a procedure in the words of the language; English
	// keeps the id.
	ProcedureWord string
	// And lists its arguments: "a", "a and b", "a, b and c".
	And []any
	// Comma joins its arguments with ", ".
	Comma []any
)

// At is a planned milestone with its date: "gunning (Thu 2021-09-23)".
type At struct {
	ID   string
	Date date.Date
}

// Ref is a planned milestone after a phrase that names its kind ("the
// submission %s"): its id and date, or only the date in brackets when the
// id is the kind itself (or the language's word for it), so that no
// message says "the submission submission".
type Ref struct {
	Kind region.Kind
	ID   string
	Date date.Date
}

// at names a planned milestone with its date.
func at(pl timeline.Planned) At { return At{ID: pl.Milestone.ID, Date: pl.Date} }

// ref names a planned milestone of kind after a phrase that names the kind.
func ref(kind region.Kind, pl timeline.Planned) Ref {
	return Ref{Kind: kind, ID: pl.Milestone.ID, Date: pl.Date}
}
