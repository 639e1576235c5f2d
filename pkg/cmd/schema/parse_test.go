package schema

import (
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil/cmdtest"
)

// TestNewCmdSchema: tender schema takes nothing.
func TestNewCmdSchema(t *testing.T) {
	cmdtest.Parse(t, NewCmdSchema, []cmdtest.ParseCase[Options]{
		{Args: nil, Want: Options{}},
		{Args: []string{"region.yaml"}, WantErr: `unknown command "region.yaml" for "schema"`},
	})
}
