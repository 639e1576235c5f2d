package baseline

import (
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// The git program, not a Go library: it reads every repository git can
// (packs, worktrees, submodules, partial clones, the user's own
// configuration) without some forty more modules in the build, and
// git:REV is the one place tender starts a program (TestSourceHygiene
// allows this file alone).

// gitShow reads the current region file at revision REV with the git
// program, in the directory of the file, so the file is found at its path
// in that revision wherever the repository's root is.
func gitShow(src Source) ([]byte, string, error) {
	rev := strings.TrimPrefix(src.Arg, "git:")
	if rev == "" {
		return nil, "", &Error{Arg: src.Arg, Msg: "no revision: write git:REV, such as git:HEAD~1 or git:a-tag"}
	}
	if strings.HasPrefix(rev, "-") {
		return nil, "", &Error{Arg: src.Arg, Msg: "a revision does not start with -: write git:REV, such as git:HEAD~1 or git:a-tag"}
	}
	if src.BuiltIn || src.Current == "" || src.Current == "-" {
		return nil, "", &Error{Arg: src.Arg, Msg: "git:REV needs a region file in a git repository (a built-in region or standard input has no history): `tender init --from ID` writes one"}
	}
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, "", &Error{Arg: src.Arg, Msg: "the git program is not installed: save the earlier version as a file and give its path"}
	}
	dir, base := filepath.Split(src.Current)
	if dir == "" {
		dir = "."
	}
	var out, errb bytes.Buffer
	// --end-of-options: nothing the user wrote is read as an option.
	cmd := exec.Command(git, "-C", dir, "show", "--end-of-options", rev+":./"+base)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(errb.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		msg = strings.TrimPrefix(msg, "fatal: ")
		if msg == "" {
			msg = err.Error()
		}
		return nil, "", &Error{Arg: src.Arg, Msg: fmt.Sprintf("git show %s:%s: %s", rev, src.Current, msg)}
	}
	return out.Bytes(), src.Arg + ":" + src.Current, nil
}
