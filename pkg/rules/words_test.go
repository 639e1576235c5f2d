package rules_test

import (
	"github.com/tender-nl/tender/pkg/render"
	"github.com/tender-nl/tender/pkg/rules"
)

// The rules' tests read findings in the printers' words (rules.Say).
func init() { rules.Say = render.FindingText }
