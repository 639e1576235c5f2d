package edit

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// fileForm is how a region file's bytes are stored, as far as an edit must
// keep it.
type fileForm struct {
	order  binary.ByteOrder // UTF-16 in this byte order (with its BOM); nil for UTF-8
	crOnly bool             // line ends are a lone \r
}

// name is the form for a message: "UTF-16 (little endian)", "UTF-8 with
// line ends of a lone CR (carriage return)".
func (f fileForm) name() string {
	enc := "UTF-8"
	switch f.order {
	case binary.LittleEndian:
		enc = "UTF-16 (little endian, Notepad's \"Unicode\")"
	case binary.BigEndian:
		enc = "UTF-16 (big endian, Notepad's \"Unicode big endian\")"
	}
	if f.crOnly {
		enc += " with line ends of a lone CR (carriage return, as on classic Mac OS)"
	}
	return enc
}

// plain says the file is UTF-8 with \n or \r\n line ends: SetOn edits it
// as it is.
func (f fileForm) plain() bool { return f.order == nil && !f.crOnly }

// detectForm tells the form of src from its byte order mark and line ends.
func detectForm(src []byte) fileForm {
	var f fileForm
	switch {
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(src, []byte{0xFF, 0xFE, 0, 0}):
		f.order = binary.LittleEndian
	case bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		f.order = binary.BigEndian
	}
	text := src
	if f.order != nil {
		// A lone \r of UTF-16 is \r followed (LE) or preceded (BE) by 0.
		if u, err := f.decodeUTF16(src); err == nil {
			text = u
		}
	}
	f.crOnly = bytes.IndexByte(text, '\r') >= 0 && bytes.IndexByte(text, '\n') < 0
	return f
}

// toUTF8 converts src from form f to UTF-8 with \n line ends, and checks
// that fromUTF8 gives src back byte for byte.
func (f fileForm) toUTF8(src []byte) ([]byte, error) {
	out := src
	if f.order != nil {
		var err error
		if out, err = f.decodeUTF16(src); err != nil {
			return nil, err
		}
	}
	if f.crOnly {
		out = bytes.ReplaceAll(out, []byte{'\r'}, []byte{'\n'})
	}
	if back, err := f.fromUTF8(out); err != nil || !bytes.Equal(back, src) {
		return nil, errNotRoundTrip
	}
	return out, nil
}

var errNotRoundTrip = fmt.Errorf("converting it to UTF-8 and back does not give the same bytes")

// fromUTF8 converts UTF-8 text with \n line ends to form f.
func (f fileForm) fromUTF8(text []byte) ([]byte, error) {
	out := text
	if f.crOnly {
		out = bytes.ReplaceAll(out, []byte{'\n'}, []byte{'\r'})
	}
	if f.order == nil {
		return out, nil
	}
	if !utf8.Valid(out) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	units := utf16.Encode([]rune(string(out)))
	b := make([]byte, 2+2*len(units))
	f.order.PutUint16(b, 0xFEFF)
	for i, u := range units {
		f.order.PutUint16(b[2+2*i:], u)
	}
	return b, nil
}

// decodeUTF16 decodes UTF-16 with its byte order mark into UTF-8 without
// one. Unpaired surrogates become U+FFFD, which toUTF8's check refuses.
func (f fileForm) decodeUTF16(src []byte) ([]byte, error) {
	if len(src)%2 != 0 {
		return nil, fmt.Errorf("an odd number of bytes")
	}
	units := make([]uint16, 0, len(src)/2-1)
	for i := 2; i+1 < len(src); i += 2 {
		units = append(units, f.order.Uint16(src[i:]))
	}
	return []byte(string(utf16.Decode(units))), nil
}

// EncodingError is a region file that SetOn cannot edit in its own
// encoding or line ends: nothing was written.
type EncodingError struct {
	File string
	Form string // the encoding, as detectForm names it
	Why  string
}

func (e *EncodingError) Error() string {
	return fmt.Sprintf("%s: the file is %s, and %s; nothing was written. Save it as UTF-8 (in Notepad: File > Save as, Encoding: UTF-8; in VS Code: click the encoding in the status bar, Save with Encoding, UTF-8) and run the command again", e.File, e.Form, e.Why)
}
