// Package source finds and reads region files for the commands: paths,
// directories, standard input, region ids looked up in the `paths`
// directories, and the built-in regions compiled into the binary (README,
// "Finding regions"). It is the only place that reads region files from
// disk; parsing and validation are pkg/region's.
//
// # Write safety: how it is tested
//
// The README's "Write safety" promises that `tender reschedule --write` and
// `tender init` never leave a half-written file and that several writers
// never lose each other's updates. These tests hold the promises:
//
// Several writers. `go test ./cmd/tender -run TestConcurrentWriters`
// starts eight real tender processes at once, each moving a milestone of its
// own tender in the same file, with a pause before each rename so that
// without the lock they would overlap (they do: with the lock switched off the
// test fails with lost updates). Every process that reported a write finds its
// move in the final file; with a lock wait shorter than one write, the others
// are refused with exit 2 and wrote nothing. TestSaveBeforeRename saves the
// file, as an editor would, in the moment before tender's rename: tender
// exits 2 and the editor's bytes stay. The pause and the save are no hook
// of tender's: the test binary, running as tender, gives the application
// layer its own [Files] (root.Run with cmdutil.Factory.Files), whose FS
// is sourcetest.BeforeRename, and its LockWait for the short wait. The
// tender binary has the zero Files: the computer's file system and
// DefaultLockWait.
//
// Fault injection. Both writers (WriteAtomic for reschedule --write, WriteNew
// for init) do every file-system step through a small interface, [FS]
// (create temporary file, write, sync, chmod, close, link, rename, remove,
// sync directory). TestWriteAtomicFaults and
// TestWriteNewFaults give them one (as a [Files] does: no package variable
// is swapped) that makes step N fail, for every
// N, with ENOSPC (after writing half the bytes, as a full disk does), EROFS
// and EACCES, and with a simulated crash (step N and every later step,
// cleanup included, do nothing), and check after each that the file holds
// exactly the old or the new bytes, that a reported failure left the old
// bytes and no temporary file, and that the message is one line naming the
// file.
//
// Killing the writer. TestKillDuringWrite (cmd/tender) runs the real
// binary, `tender reschedule --write` on a 1 MB file, and kills it with
// SIGKILL at random moments near the end of the run: afterwards the file
// is always exactly the old or the new one.
//
// # The corpus of mistakes
//
// testdata/bad/ (at the repository root) holds small realistic region
// files, each with one mistake, and the exact first error line beside each
// in NAME.want; TestBadCorpus (go test ./pkg/source -run TestBadCorpus)
// keeps those messages from changing by accident.
package source
