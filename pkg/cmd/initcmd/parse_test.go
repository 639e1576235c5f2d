package initcmd

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdInit checks how FILE and --from become Options.
func TestNewCmdInit(t *testing.T) {
	cmdtest.Parse(t, NewCmdInit, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{}},
		{Args: []string{"regions/noord-veluwe.yaml"}, Want: Options{File: "regions/noord-veluwe.yaml"}},
		{Args: []string{"-", "--from", "twente"}, Want: Options{File: "-", From: "twente"}},
		{Args: []string{"a.yaml", "b.yaml"}, WantErr: "accepts at most 1 arg(s), received 2"},
	})
}
