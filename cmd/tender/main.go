// Command tender plans and checks procurement timelines of Dutch regions.
package main

import (
	"os"

	"github.com/tender-nl/tender/pkg/cmd/root"
	"github.com/tender-nl/tender/pkg/iostreams"
)

func main() {
	root.TuneGC()
	os.Exit(root.Main(iostreams.System(), os.Args[1:]))
}
