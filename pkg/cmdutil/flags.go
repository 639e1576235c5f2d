package cmdutil

import "github.com/spf13/cobra"

// The flags that name a tender, a scenario or a milestone, each registered
// with its completion in one call (as cli/cli's StringEnumFlag does), so
// that no command has the flag without the completion. The usage, which
// says what the flag does in that command, is the command's.

// TenderFlag registers --tender ID: the one tender the command is about.
func TenderFlag(cmd *cobra.Command, f *Factory, p *string, usage string) {
	cmd.Flags().StringVar(p, "tender", "", usage)
	RegisterTenderFlagCompletion(cmd, f, "tender")
}

// TendersFlag registers the repeatable --tender ID: only these tenders.
func TendersFlag(cmd *cobra.Command, f *Factory, p *[]string) {
	cmd.Flags().StringArrayVar(p, "tender", nil, "only this tender (repeatable)")
	RegisterTenderFlagCompletion(cmd, f, "tender")
}

// ScenarioFlag registers --scenario NAME.
func ScenarioFlag(cmd *cobra.Command, f *Factory, p *string, usage string) {
	cmd.Flags().StringVar(p, "scenario", "", usage)
	RegisterScenarioFlagCompletion(cmd, f, "scenario")
}

// SetFlag registers the repeatable --set ID=DATE.
func SetFlag(cmd *cobra.Command, f *Factory, p *[]string, usage string) {
	cmd.Flags().StringArrayVar(p, "set", nil, usage)
	RegisterMilestoneFlagCompletion(cmd, f, "set", true)
}
