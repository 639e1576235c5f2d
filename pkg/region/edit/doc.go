// Package edit changes a region file in place, byte for byte: SetOn moves
// one milestone (tender reschedule --write) by splicing the new text into
// the original bytes, never by re-encoding the YAML, so comments, key
// order, quoting, flow or block style, blank lines, line endings and a
// byte order mark stay as they were. It parses the file into a yaml.Node
// tree only to find positions; package region loads the file before and
// after, and the edit is refused unless the loaded region differs in
// exactly the move (verifySetOn).
//
// yaml.Node columns count runes, not bytes, and do not count a leading
// byte order mark; the editor converts them to byte offsets.
//
// # Encodings
//
// A region file is edited as UTF-8 with \n or \r\n line ends. Two other
// forms that editors on Windows and old Macs write are read by the loader,
// and SetOn edits them in their own form, converted to UTF-8 and back:
// UTF-16 with a byte order mark (Notepad's "Unicode" and "Unicode big
// endian") and line ends of a lone \r (classic Mac OS). The conversion is
// used only when converting the original back gives exactly its bytes, so
// that every byte SetOn does not change stays as it was; otherwise SetOn
// refuses with an *EncodingError that names the encoding and how to save
// the file as UTF-8.
package edit
