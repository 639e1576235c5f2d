package edit

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/tender-nl/tender/pkg/date"
)

const formRegion = "# Regio Oost — één inkoop\nversion: 1\nregion:\n  id: oost\n  name: Regio Oost\n  municipalities: [Almelo]\ntenders:\n  t:\n    name: T\n    procedure: open\n    milestones:\n      pub:\n        kind: publication\n        after: 2026-03-02\n      close:\n        kind: submission\n        after: pub + 45d\n"

func utf16Bytes(s string, order binary.ByteOrder) []byte {
	units := utf16.Encode([]rune(s))
	b := make([]byte, 2+2*len(units))
	order.PutUint16(b, 0xFEFF)
	for i, u := range units {
		order.PutUint16(b[2+2*i:], u)
	}
	return b
}

// A file that Notepad saved as "Unicode" (UTF-16 LE, with CRLF), "Unicode
// big endian", or with classic Mac line ends is edited in its own form:
// the result is the UTF-8 edit, in that form, byte for byte.
func TestSetOnKeepsEncoding(t *testing.T) {
	on := date.New(2026, time.March, 9)
	want8, err := SetOn([]byte(formRegion), "f.yaml", "t", "pub", on, "")
	if err != nil {
		t.Fatal(err)
	}
	crlf := strings.ReplaceAll(formRegion, "\n", "\r\n")
	wantCRLF, err := SetOn([]byte(crlf), "f.yaml", "t", "pub", on, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		src, want []byte
	}{
		{"UTF-16 LE, CRLF (Notepad)", utf16Bytes(crlf, binary.LittleEndian), utf16Bytes(string(wantCRLF), binary.LittleEndian)},
		{"UTF-16 LE, LF", utf16Bytes(formRegion, binary.LittleEndian), utf16Bytes(string(want8), binary.LittleEndian)},
		{"UTF-16 BE", utf16Bytes(formRegion, binary.BigEndian), utf16Bytes(string(want8), binary.BigEndian)},
		{"CR only", []byte(strings.ReplaceAll(formRegion, "\n", "\r")), bytes.ReplaceAll(want8, []byte("\n"), []byte("\r"))},
		{"UTF-16 LE, CR only", utf16Bytes(strings.ReplaceAll(formRegion, "\n", "\r"), binary.LittleEndian),
			utf16Bytes(strings.ReplaceAll(string(want8), "\n", "\r"), binary.LittleEndian)},
	} {
		got, err := SetOn(c.src, "f.yaml", "t", "pub", on, "")
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if !bytes.Equal(got, c.want) {
			t.Errorf("%s: the edit is not the UTF-8 edit in the file's own form:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
	if !bytes.Contains(want8, []byte("on: 2026-03-09")) {
		t.Fatalf("the UTF-8 edit has no on: %s", want8)
	}
}

// What cannot be converted back byte for byte is refused, naming the
// encoding and how to save the file as UTF-8.
func TestSetOnRefusesWhatItCannotKeep(t *testing.T) {
	on := date.New(2026, time.March, 9)
	le := utf16Bytes(formRegion, binary.LittleEndian)
	// An unpaired surrogate in the comment (D800 alone) decodes to U+FFFD.
	lone := append(bytes.Clone(le[:4]), append([]byte{0x00, 0xD8}, le[4:]...)...)
	for _, c := range []struct {
		name string
		src  []byte
		want string
	}{
		{"unpaired surrogate", lone, `f.yaml: the file is UTF-16 (little endian, Notepad's "Unicode"), and tender cannot edit it in place: converting it to UTF-8 and back does not give the same bytes; nothing was written. Save it as UTF-8 (in Notepad: File > Save as, Encoding: UTF-8; in VS Code: click the encoding in the status bar, Save with Encoding, UTF-8) and run the command again`},
		{"odd length", append(bytes.Clone(le), 'x'), `f.yaml: the file is UTF-16 (little endian, Notepad's "Unicode"), and tender cannot edit it in place: an odd number of bytes; nothing was written.`},
	} {
		_, err := SetOn(c.src, "f.yaml", "t", "pub", on, "")
		var ee *EncodingError
		if !errors.As(err, &ee) {
			t.Errorf("%s: %v, want an *EncodingError", c.name, err)
			continue
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s:\n got %s\nwant %s", c.name, err, c.want)
		}
	}
}

// A UTF-8 file (with or without BOM, LF or CRLF) is not converted at all.
func TestDetectForm(t *testing.T) {
	for _, c := range []struct {
		src   string
		plain bool
	}{
		{"a: 1\n", true}, {"a: 1\r\n", true}, {"\xEF\xBB\xBFa: 1\n", true}, {"a: 1", true},
		{"a: 1\r", false}, {"\xFF\xFEa\x00", false}, {"\xFE\xFF\x00a", false},
	} {
		if got := detectForm([]byte(c.src)).plain(); got != c.plain {
			t.Errorf("%q: plain %v, want %v", c.src, got, c.plain)
		}
	}
}
