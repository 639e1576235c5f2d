package cmdutil

import (
	"bytes"
	"io"
	"testing"
)

// The byte order mark is exactly EF BB BF, before the first byte of the
// CSV, and only when asked for.
func TestWriteCSVBOM(t *testing.T) {
	write := func(w io.Writer, sep rune) error {
		_, err := io.WriteString(w, "naam"+string(sep)+"één\r\n")
		return err
	}
	for _, c := range []struct {
		o    PrintOptions
		want []byte
	}{
		{PrintOptions{CSVSep: ';', CSVBOM: true}, []byte("\xEF\xBB\xBFnaam;\xC3\xA9\xC3\xA9n\r\n")},
		{PrintOptions{CSVSep: ','}, []byte("naam,\xC3\xA9\xC3\xA9n\r\n")},
	} {
		var b bytes.Buffer
		if err := WriteCSV(&b, c.o, write); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), c.want) {
			t.Errorf("%+v: % x, want % x", c.o, b.Bytes(), c.want)
		}
	}
}
