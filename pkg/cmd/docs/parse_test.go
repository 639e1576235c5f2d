package docs

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdDocs checks how the subcommand and DIR become Options.
func TestNewCmdDocs(t *testing.T) {
	cmdtest.Parse(t, NewCmdDocs, []cmdtest.ParseCase[Options]{
		{Args: []string{"man", "build/man"}, Want: Options{Format: "man", Dir: "build/man"}},
		{Args: []string{"markdown", "build/docs"}, Want: Options{Format: "markdown", Dir: "build/docs"}},
		{Args: nil, WantErr: "say which pages: tender docs man DIR, or tender docs markdown DIR"},
		{Args: []string{"man"}, WantErr: "accepts 1 arg(s), received 0"},
	})
}
