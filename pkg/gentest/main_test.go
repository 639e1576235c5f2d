package gentest

import (
	"os"
	"testing"

	"github.com/tender-nl/tender/pkg/cmdutil"
)

// TestMain unsets the settings' environment variables, which viper reads
// from the process: tender runs in this process with nothing from the
// environment (see tender), whatever the shell that runs the tests has set.
func TestMain(m *testing.M) {
	for _, k := range cmdutil.SettingEnvs() {
		os.Unsetenv(k)
	}
	os.Exit(m.Run())
}
