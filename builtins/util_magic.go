package builtins

// A content classifier after libmagic 5.44 (file(1)), for the types agents
// meet: text in its encodings (ASCII, UTF-8, UTF-16, ISO-8859, extended
// ASCII, EBCDIC) with line terminators and long lines, scripts by their
// #! line, HTML, XML, SVG, PHP, some C, JSON, CSV, tar, gzip, bzip2, xz,
// zstd, Zip, PNG, GIF, JPEG (JFIF header), PDF, PostScript and ELF
// headers. Each result carries the description file prints, the MIME type
// of -i and the charset.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

const (
	// magicBytesMax is how much of a file libmagic reads (bytes_max).
	magicBytesMax = 7 * 1024 * 1024
	// magicEncodingMax is how much of it the text tests look at.
	magicEncodingMax = 64 * 1024
	// magicLineMax is the longest line text may have without "very long
	// lines".
	magicLineMax = 300
)

// magicResult is what file says about some content.
type magicResult struct {
	Desc    string // "ASCII text"
	Mime    string // "text/plain"
	Charset string // "us-ascii", or "binary"
}

// magicEncoding is the text encoding of a buffer, as libmagic's
// file_encoding finds it.
type magicEncoding struct {
	text bool
	code string // "ASCII", "Unicode text, UTF-8", ...
	mime string // "us-ascii", ...
	u    []rune // the text decoded
}

// Character classes of libmagic's text_chars table.
const (
	tcF = iota // never in text
	tcT        // plain ASCII text
	tcI        // ISO-8859 text
	tcX        // non-ISO extended ASCII
)

var textChars = func() [256]byte {
	var t [256]byte
	for c := 0; c < 256; c++ {
		switch {
		case c >= 7 && c <= 13, c == 27, c >= 0x20 && c < 0x7f, c == 0x85:
			t[c] = tcT
		case c >= 0x80 && c < 0xa0:
			t[c] = tcX
		case c >= 0xa0:
			t[c] = tcI
		}
	}
	return t
}()

// ebcdicToASCII is the EBCDIC table of the POSIX dd rationale, as
// libmagic has it.
var ebcdicToASCII = [256]byte{
	0, 1, 2, 3, 156, 9, 134, 127, 151, 141, 142, 11, 12, 13, 14, 15,
	16, 17, 18, 19, 157, 133, 8, 135, 24, 25, 146, 143, 28, 29, 30, 31,
	128, 129, 130, 131, 132, 10, 23, 27, 136, 137, 138, 139, 140, 5, 6, 7,
	144, 145, 22, 147, 148, 149, 150, 4, 152, 153, 154, 155, 20, 21, 158, 26,
	' ', 160, 161, 162, 163, 164, 165, 166, 167, 168, 213, '.', '<', '(', '+', '|',
	'&', 169, 170, 171, 172, 173, 174, 175, 176, 177, '!', '$', '*', ')', ';', '~',
	'-', '/', 178, 179, 180, 181, 182, 183, 184, 185, 203, ',', '%', '_', '>', '?',
	186, 187, 188, 189, 190, 191, 192, 193, 194, '`', ':', '#', '@', '\'', '=', '"',
	195, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 196, 197, 198, 199, 200, 201,
	202, 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', '^', 204, 205, 206, 207, 208,
	209, 229, 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 210, 211, 212, '[', 214, 215,
	216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, ']', 230, 231,
	'{', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 232, 233, 234, 235, 236, 237,
	'}', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 238, 239, 240, 241, 242, 243,
	'\\', 159, 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 244, 245, 246, 247, 248, 249,
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 250, 251, 252, 253, 254, 255,
}

// looksClass decodes buf byte for byte if every byte is of a class up to
// max.
func looksClass(buf []byte, max byte) ([]rune, bool) {
	u := make([]rune, len(buf))
	for i, c := range buf {
		t := textChars[c]
		if t == tcF || t > max {
			return nil, false
		}
		u[i] = rune(c)
	}
	return u, true
}

// looksUTF8 is libmagic's file_looks_utf8: -1 for invalid UTF-8, 0 for
// UTF-8 with control characters, 1 for 7-bit text, 2 for UTF-8 text with
// multibyte characters. A sequence cut by the end of buf ends the scan.
func looksUTF8(buf []byte) ([]rune, int) {
	var u []rune
	ctrl, gotone := false, false
	for i := 0; i < len(buf); {
		c := buf[i]
		if c < 0x80 {
			if textChars[c] != tcT {
				ctrl = true
			}
			u = append(u, rune(c))
			i++
			continue
		}
		r, n := utf8.DecodeRune(buf[i:])
		if r == utf8.RuneError && n <= 1 {
			if !utf8.FullRune(buf[i:]) && validPrefix(buf[i:]) {
				break
			}
			return nil, -1
		}
		u = append(u, r)
		gotone = true
		i += n
	}
	switch {
	case ctrl:
		return u, 0
	case gotone:
		return u, 2
	}
	return u, 1
}

// validPrefix reports whether b, a cut multibyte sequence, could still
// become valid UTF-8.
func validPrefix(b []byte) bool {
	for _, tail := range []string{"\x80", "\x80\x80", "\x80\x80\x80"} {
		x := append(append([]byte(nil), b...), tail...)
		if r, n := utf8.DecodeRune(x); r != utf8.RuneError && n == len(x) {
			return true
		}
	}
	return false
}

// looksUCS16 decodes UTF-16 text with a byte order mark: 1 little-endian,
// 2 big-endian, 0 not UTF-16 text.
func looksUCS16(buf []byte) ([]rune, int) {
	if len(buf) < 2 {
		return nil, 0
	}
	big := false
	switch {
	case buf[0] == 0xff && buf[1] == 0xfe:
	case buf[0] == 0xfe && buf[1] == 0xff:
		big = true
	default:
		return nil, 0
	}
	var u []rune
	for i := 2; i+1 < len(buf); i += 2 {
		var r rune
		if big {
			r = rune(buf[i+1]) + 256*rune(buf[i])
		} else {
			r = rune(buf[i]) + 256*rune(buf[i+1])
		}
		if r == 0xfffe || (r < 128 && textChars[r] != tcT) {
			return nil, 0
		}
		u = append(u, r)
	}
	if big {
		return u, 2
	}
	return u, 1
}

// detectEncoding is libmagic's file_encoding.
func detectEncoding(buf []byte) magicEncoding {
	if u, ok := looksClass(buf, tcT); ok {
		if len(buf) > 4 && buf[0] == '+' && buf[1] == '/' && buf[2] == 'v' && strings.IndexByte("89+/", buf[3]) >= 0 {
			return magicEncoding{true, "Unicode text, UTF-7", "utf-7", u}
		}
		return magicEncoding{true, "ASCII", "us-ascii", u}
	}
	if len(buf) > 3 && buf[0] == 0xef && buf[1] == 0xbb && buf[2] == 0xbf {
		if u, r := looksUTF8(buf[3:]); r > 0 {
			return magicEncoding{true, "Unicode text, UTF-8 (with BOM)", "utf-8", u}
		}
	}
	if u, r := looksUTF8(buf); r > 1 {
		return magicEncoding{true, "Unicode text, UTF-8", "utf-8", u}
	}
	if u, r := looksUCS16(buf); r != 0 {
		if r == 1 {
			return magicEncoding{true, "Unicode text, UTF-16, little-endian", "utf-16le", u}
		}
		return magicEncoding{true, "Unicode text, UTF-16, big-endian", "utf-16be", u}
	}
	if u, ok := looksClass(buf, tcI); ok {
		return magicEncoding{true, "ISO-8859", "iso-8859-1", u}
	}
	if u, ok := looksClass(buf, tcX); ok {
		return magicEncoding{true, "Non-ISO extended-ASCII", "unknown-8bit", u}
	}
	conv := make([]byte, len(buf))
	for i, c := range buf {
		conv[i] = ebcdicToASCII[c]
	}
	if u, ok := looksClass(conv, tcT); ok {
		return magicEncoding{true, "EBCDIC", "ebcdic", u}
	}
	if u, ok := looksClass(conv, tcI); ok {
		return magicEncoding{true, "International EBCDIC", "ebcdic", u}
	}
	return magicEncoding{mime: "binary"}
}

// magicOpts are the tests file may skip (-e).
type magicOpts struct {
	noTar, noJSON, noCSV, noSoft, noText, noELF, noEncoding bool
	loc                                                     *time.Location
	// tail is the last four bytes of the file when buf does not reach
	// its end.
	tail []byte
	// file, when set, reads the whole file (ELF headers point past
	// what classify is given).
	file io.ReaderAt
}

// classify describes buf, the start of some content (at most
// magicBytesMax bytes of it), as libmagic's file_buffer does.
func classify(buf []byte, o *magicOpts) magicResult {
	switch len(buf) {
	case 0:
		return magicResult{"empty", "application/x-empty", "binary"}
	case 1:
		return magicResult{"very short file (no magic)", "application/octet-stream", "binary"}
	}
	encBuf := buf
	if len(encBuf) > magicEncodingMax {
		encBuf = encBuf[:magicEncodingMax]
	}
	enc := magicEncoding{mime: "binary"}
	if !o.noEncoding {
		enc = detectEncoding(encBuf)
	}
	res := func(desc, mime string) magicResult { return magicResult{desc, mime, enc.mime} }
	if !o.noTar {
		if d := tarKind(buf); d != "" {
			return res(d, "application/x-tar")
		}
	}
	if !o.noJSON {
		if k := jsonKind(buf); k == 1 {
			return res("JSON text data", "application/json")
		} else if k == 2 {
			return res("New Line Delimited JSON text data", "application/x-ndjson")
		}
	}
	if !o.noCSV && enc.text && looksCSV(buf) {
		return res("CSV text", "text/csv")
	}
	if !o.noSoft {
		if d, m, ok := binaryMagic(buf, o); ok {
			return res(d, m)
		}
	}
	if !o.noText {
		// file_ascmagic looks again at the text without its NUL
		// padding (an even length stays even, for UTF-16); the
		// charset stays the one found first.
		n := len(buf)
		for n > 1 && buf[n-1] == 0 {
			n--
		}
		if n&1 == 1 && len(buf)&1 == 0 {
			n++
		}
		tenc := enc
		if n < len(buf) && !o.noEncoding {
			tenc = detectEncoding(buf[:min(n, magicEncodingMax)])
		}
		if tenc.text {
			if d, m, ok := textDescription(n, tenc, o); ok {
				return res(d, m)
			}
		}
	}
	return res("data", "application/octet-stream")
}

// ---------------------------------------------------------------------------
// Text

// textDescription is libmagic's file_ascmagic: the text magic (scripts,
// HTML, ...) followed by the encoding and the line terminators.
func textDescription(n int, enc magicEncoding, o *magicOpts) (string, string, bool) {
	if n <= 1 {
		return "", "", false
	}
	u := enc.u
	var b strings.Builder
	mime := "text/plain"
	executable := false
	if !o.noSoft && len(u) > 0 {
		utf := []byte(string(u))
		if d, m, ok := textMagic(utf); ok {
			if m != "" {
				mime = m
			}
			switch {
			case strings.HasSuffix(d, " text"):
				d = strings.TrimSuffix(d, " text") + ", "
			case strings.HasSuffix(d, " text executable"):
				d = strings.TrimSuffix(d, " text executable") + ", "
				executable = true
			default:
				d += ", "
			}
			b.WriteString(d)
		}
	}
	var nCRLF, nLF, nCR, nNEL, longest int
	seenCR, escapes, backspace := false, false, false
	lastEnd := -1
	for i, r := range u {
		if r == '\n' {
			if seenCR {
				nCRLF++
			} else {
				nLF++
			}
			lastEnd = i
		} else if seenCR {
			nCR++
		}
		seenCR = r == '\r'
		if seenCR {
			lastEnd = i
		}
		if r == 0x85 {
			nNEL++
			lastEnd = i
		}
		if i > lastEnd+magicLineMax && i-lastEnd > longest {
			longest = i - lastEnd
		}
		if r == 033 {
			escapes = true
		}
		if r == '\b' {
			backspace = true
		}
	}
	if seenCR && n < magicBytesMax {
		nCR++
	}
	b.WriteString(enc.code)
	if !strings.HasSuffix(enc.code, "UTF-7") {
		b.WriteString(" text")
	}
	if executable {
		b.WriteString(" executable")
	}
	if longest > 0 {
		fmt.Fprintf(&b, ", with very long lines (%d)", longest)
	}
	if nCRLF+nCR+nNEL+nLF == 0 || nCRLF+nCR+nNEL != 0 {
		b.WriteString(", with")
		if nCRLF+nCR+nNEL+nLF == 0 {
			b.WriteString(" no")
		} else {
			var parts []string
			if nCRLF > 0 {
				parts = append(parts, " CRLF")
			}
			if nCR > 0 {
				parts = append(parts, " CR")
			}
			if nLF > 0 {
				parts = append(parts, " LF")
			}
			if nNEL > 0 {
				parts = append(parts, " NEL")
			}
			b.WriteString(strings.Join(parts, ","))
		}
		b.WriteString(" line terminators")
	}
	if escapes {
		b.WriteString(", with escape sequences")
	}
	if backspace {
		b.WriteString(", with overstriking")
	}
	return b.String(), mime, true
}

// scriptRule recognizes an interpreter named on a #! line.
type scriptRule struct {
	paths  []string // interpreter paths ("/usr/bin/env x" included)
	prefix bool     // the name may go on (python3, ruby1.9)
	desc   string
	mime   string
}

var scriptRules = []scriptRule{
	{[]string{"/bin/sh"}, false, "POSIX shell script text executable", "text/x-shellscript"},
	{[]string{"/bin/csh"}, false, "C shell script text executable", "text/x-shellscript"},
	{[]string{"/bin/ksh"}, false, "Korn shell script text executable", "text/x-shellscript"},
	{[]string{"/bin/tcsh", "/usr/bin/tcsh", "/usr/local/tcsh", "/usr/local/bin/tcsh"}, false, "Tenex C shell script text executable", "text/x-shellscript"},
	{[]string{"/bin/zsh", "/usr/bin/zsh", "/usr/local/bin/zsh", "/usr/bin/env zsh"}, false, "Paul Falstad's zsh script text executable", "text/x-shellscript"},
	{[]string{"/usr/local/bin/ash"}, false, "Neil Brown's ash script text executable", "text/x-shellscript"},
	{[]string{"/usr/local/bin/ae"}, false, "Neil Brown's ae script text executable", "text/x-shellscript"},
	{[]string{"/bin/nawk", "/usr/bin/nawk", "/usr/local/bin/nawk"}, true, "new awk script text executable", "text/x-nawk"},
	{[]string{"/bin/gawk", "/usr/bin/gawk", "/usr/local/bin/gawk"}, true, "GNU awk script text executable", "text/x-gawk"},
	{[]string{"/bin/awk", "/usr/bin/awk"}, true, "awk script text executable", "text/x-awk"},
	{[]string{"/bin/rc"}, false, "Plan 9 rc shell script text executable", ""},
	{[]string{"/bin/bash", "/usr/bin/bash", "/usr/local/bash", "/usr/local/bin/bash", "/usr/bin/env bash"}, false, "Bourne-Again shell script text executable", "text/x-shellscript"},
	{[]string{"/usr/local/bin/php", "/usr/bin/php"}, true, "PHP script text executable", "text/x-php"},
	{[]string{"/usr/bin/python", "/usr/local/bin/python", "/usr/bin/env python"}, true, "Python script text executable", "text/x-script.python"},
	{[]string{"/usr/bin/ruby", "/usr/local/bin/ruby", "/usr/bin/env ruby"}, true, "Ruby script text executable", "text/x-ruby"},
	{[]string{"/usr/bin/node", "/usr/bin/env node"}, true, "Node.js script executable", "application/javascript"},
	{[]string{"/usr/bin/lua", "/usr/local/bin/lua", "/usr/bin/env lua"}, true, "Lua script text executable", "text/x-lua"},
	{[]string{"/usr/bin/tclsh"}, false, "Tcl/Tk script text executable", "text/x-tcl"},
	{[]string{"/usr/bin/wish", "/usr/local/bin/wish"}, true, "Tcl/Tk script text executable", "text/x-tcl"},
	{[]string{"/usr/bin/tcl", "/usr/local/bin/tcl", "/usr/bin/env tcl"}, true, "Tcl script text executable", "text/x-tcl"},
}

// shebang returns the #! line of buf without "#!", the blanks after it
// and the line end; ok is false when buf does not start with "#!".
func shebang(buf []byte) (string, bool) {
	if !bytes.HasPrefix(buf, []byte("#!")) {
		return "", false
	}
	line := buf[2:]
	if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
		line = line[:i]
	}
	return strings.TrimLeft(string(line), " \t\f\v"), true
}

// scriptMagic recognizes a #! script; bin reports the perl rules, which
// file applies to the raw bytes and prints without the encoding.
func scriptMagic(buf []byte) (desc, mime string, bin, ok bool) {
	line, ok := shebang(buf)
	if !ok {
		return "", "", false, false
	}
	for _, p := range []string{"/bin/perl", "/usr/bin/perl", "/usr/local/bin/perl", "/usr/bin/env perl"} {
		if strings.HasPrefix(line, p) {
			return "Perl script text executable", "text/x-perl", true, true
		}
	}
	for _, r := range scriptRules {
		for _, p := range r.paths {
			if !strings.HasPrefix(line, p) {
				continue
			}
			rest := line[len(p):]
			if r.prefix || rest == "" || strings.IndexByte(" \t", rest[0]) >= 0 {
				return r.desc, r.mime, false, true
			}
		}
	}
	// Magdir/varied.script: "a INTERPRETER script".
	var name string
	if strings.HasPrefix(line, "/usr/bin/env") {
		name = line[len("/usr/bin/env"):]
		if name != "" {
			name = name[1:]
		}
	} else {
		name = line
	}
	if len(name) > 127 {
		name = name[:127]
	}
	name = strings.Trim(name, " \t\f\v")
	return "a " + name + " script text executable", "", false, true
}

var (
	reCInclude = regexp.MustCompile(`(?m)^#include`)
	reCClass   = regexp.MustCompile(`(?m)^class[ \t\n\v\f\r]+`)
	reCMain    = regexp.MustCompile(`^\)[ \t\n\v\f\r]*\{`)
	reXMLVer   = regexp.MustCompile(`^<\?xml version[ \t]*=[ \t]*['"]`)
)

// textMagic is the part of the magic database file applies to text: it
// returns the description (ending in " text" or " text executable" when
// the encoding is to be inserted) and the MIME type.
func textMagic(buf []byte) (string, string, bool) {
	if d, m, bin, ok := scriptMagic(buf); ok && !bin {
		return d, m, true
	}
	if bytes.HasPrefix(buf, []byte("<?xml")) {
		if d, ok := xmlMagic(buf); ok {
			return d, "text/xml", true
		}
	}
	if len(buf) >= 5 && strings.EqualFold(string(buf[:5]), "<?php") {
		return "PHP script text", "text/x-php", true
	}
	if htmlMagic(buf) {
		return "HTML document text", "text/html", true
	}
	head := buf
	if len(head) > 8192+64 {
		head = head[:8192+64]
	}
	if reCInclude.Match(head) {
		if reCClass.Match(buf) {
			return "C++ source text", "text/x-c++", true
		}
		return "C source text", "text/x-c", true
	}
	if i := bytes.Index(head, []byte("main(")); i >= 0 && i <= 8192 {
		rest := buf[i+5:]
		w := rest
		if len(w) > 64+len("String") {
			w = w[:64+len("String")]
		}
		if bytes.Contains(w, []byte("String")) {
			return "Java source text", "text/x-java", true
		}
		for j := 0; j < len(rest); j++ {
			if rest[j] == ')' && reCMain.Match(rest[j:]) {
				return "C source text", "text/x-c", true
			}
		}
	}
	return "", "", false
}

// xmlMagic describes an XML declaration: "XML 1.0 document text".
func xmlMagic(buf []byte) (string, bool) {
	if m := reXMLVer.Find(buf); m != nil {
		v := buf[len(m):]
		if len(v) > 3 {
			v = v[:3]
		}
		if i := bytes.IndexAny(v, "\x00\n"); i >= 0 {
			v = v[:i]
		}
		return "XML " + magicPrintable(string(v)) + " document text", true
	}
	return "XML document text", true
}

var htmlTags = []string{"<head", "<title", "<html", "<script", "<style", "<table"}

// htmlMagic reports whether one of the HTML markers of Magdir/sgml starts
// in the first 4096 bytes, in any case.
func htmlMagic(buf []byte) bool {
	low := bytes.ToLower(buf)
	limit := 4096
	for i := 0; i < len(low) && i <= limit; i++ {
		if low[i] != '<' {
			continue
		}
		rest := low[i:]
		if bytes.HasPrefix(rest, []byte("<!doctype")) {
			r := rest[len("<!doctype"):]
			j := 0
			for j < len(r) && isMagicSpace(r[j]) {
				j++
			}
			if j > 0 && bytes.HasPrefix(r[j:], []byte("html")) {
				return true
			}
		}
		for _, t := range htmlTags {
			if bytes.HasPrefix(rest, []byte(t)) && len(rest) > len(t) {
				c := rest[len(t)]
				if c == '>' || isMagicSpace(c) {
					return true
				}
			}
		}
		if bytes.HasPrefix(rest, []byte("<a")) {
			r := rest[2:]
			j := 0
			for j < len(r) && isMagicSpace(r[j]) {
				j++
			}
			if bytes.HasPrefix(r[j:], []byte("href=")) {
				return true
			}
		}
	}
	return false
}

func isMagicSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// magicPrintable escapes what file prints of a file's bytes: characters
// that are not printable become \ooo.
func magicPrintable(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	return b.String()
}

// looksCSV is libmagic 5.44's csv_parse: at least three lines (or the
// first ten) with the same number of commas outside quotes.
func looksCSV(buf []byte) bool {
	nf, tf, nl := 0, 0, 0
	for i := 0; i < len(buf); {
		c := buf[i]
		i++
		switch c {
		case '"':
			quote := false
			for i < len(buf) {
				q := buf[i]
				i++
				if q != '"' {
					if quote {
						i--
						break
					}
					continue
				}
				quote = !quote
			}
		case ',':
			nf++
		case '\n':
			nl++
			if nl == 10 {
				return tf != 0 && tf == nf
			}
			if tf == 0 {
				if nf == 0 {
					return false
				}
				tf = nf
			} else if tf != nf {
				return false
			}
			nf = 0
		}
	}
	return tf != 0 && nl > 2
}

// ---------------------------------------------------------------------------
// JSON, after libmagic's is_json.c

type jsonParser struct {
	b                []byte
	objects, arrayNs int
}

func jsonSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

func (p *jsonParser) skip(i int) int {
	for i < len(p.b) && jsonSpace(p.b[i]) {
		i++
	}
	return i
}

// jsonKind returns 1 for a JSON text with an object or array, 2 for
// newline-delimited JSON (two values of the same kind in a row), 0
// otherwise.
func jsonKind(buf []byte) int {
	p := &jsonParser{b: buf}
	first := p.skip(0)
	i, ok := p.value(0, 0)
	if !ok {
		return 0
	}
	if i == len(buf) {
		if p.objects+p.arrayNs > 0 {
			return 1
		}
		return 0
	}
	if buf[first] == buf[i] {
		if _, ok := p.value(i, 1); ok && p.objects+p.arrayNs > 0 {
			return 2
		}
	}
	return 0
}

// value parses a JSON value at i and the blanks after it, as is_json's
// json_parse does below the top level.
func (p *jsonParser) value(i, lvl int) (int, bool) {
	b := p.b
	i = p.skip(i)
	if i == len(b) || lvl > 500 {
		return i, false
	}
	var ok bool
	c := b[i]
	i++
	switch c {
	case '"':
		i, ok = p.str(i)
	case '[':
		i, ok = p.array(i, lvl+1)
	case '{':
		i, ok = p.object(i, lvl+1)
		if ok {
			p.objects++
		}
	case 't':
		i, ok = p.constant(i, "true")
	case 'f':
		i, ok = p.constant(i, "false")
	case 'n':
		i, ok = p.constant(i, "null")
	default:
		i, ok = p.number(i - 1)
	}
	if !ok {
		return i, false
	}
	return p.skip(i), true
}

func (p *jsonParser) str(i int) (int, bool) {
	b := p.b
	for i < len(b) {
		c := b[i]
		i++
		switch c {
		case 0:
			return i, false
		case '\\':
			if i == len(b) {
				return i, false
			}
			e := b[i]
			i++
			switch e {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if len(b)-i < 4 {
					return len(b), false
				}
				for k := 0; k < 4; k++ {
					if !isHexDigit(b[i]) {
						return i + 1, false
					}
					i++
				}
			default:
				return i, false
			}
		case '"':
			return i, true
		}
	}
	return i, false
}

func (p *jsonParser) array(i, lvl int) (int, bool) {
	b := p.b
	for i < len(b) {
		i = p.skip(i)
		if i == len(b) {
			return i, false
		}
		if b[i] == ']' {
			p.arrayNs++
			return i + 1, true
		}
		var ok bool
		if i, ok = p.value(i, lvl+1); !ok || i == len(b) {
			return i, false
		}
		switch b[i] {
		case ',':
			i++
		case ']':
			p.arrayNs++
			return i + 1, true
		default:
			return i, false
		}
	}
	return i, false
}

func (p *jsonParser) object(i, lvl int) (int, bool) {
	b := p.b
	for i < len(b) {
		i = p.skip(i)
		if i == len(b) {
			return i, false
		}
		if b[i] == '}' {
			return i + 1, true
		}
		if b[i] != '"' {
			return i + 1, false
		}
		var ok bool
		if i, ok = p.str(i + 1); !ok {
			return i, false
		}
		i = p.skip(i)
		if i == len(b) || b[i] != ':' {
			return i, false
		}
		if i, ok = p.value(i+1, lvl+1); !ok || i == len(b) {
			return i, false
		}
		c := b[i]
		i++
		switch c {
		case ',':
		case '}':
			return i, true
		default:
			return i - 1, false
		}
	}
	return i, false
}

func (p *jsonParser) constant(i int, word string) (int, bool) {
	b := p.b
	for k := 1; k < len(word); k++ {
		if i >= len(b) {
			return i, true
		}
		if b[i] != word[k] {
			return i, false
		}
		i++
	}
	return i, true
}

func (p *jsonParser) number(i int) (int, bool) {
	b := p.b
	got := false
	if i < len(b) && b[i] == '-' {
		i++
	}
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		got = true
	}
	if i == len(b) {
		return i, got
	}
	if b[i] == '.' {
		i++
	}
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		got = true
	}
	if i == len(b) {
		return i, got
	}
	if got && (b[i] == 'e' || b[i] == 'E') {
		i++
		got = false
		if i == len(b) {
			return i, got
		}
		if b[i] == '+' || b[i] == '-' {
			i++
		}
		for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			got = true
		}
	}
	return i, got
}

// ---------------------------------------------------------------------------
// Binary formats

// tarKind is libmagic's is_tar: a header block whose checksum is right.
func tarKind(buf []byte) string {
	if len(buf) < 512 {
		return ""
	}
	h := buf[:512]
	rec, ok := tarOctal(h[148:156])
	if !ok {
		return ""
	}
	sum := 0
	for i, c := range h {
		if i >= 148 && i < 156 {
			c = ' '
		}
		sum += int(c)
	}
	if sum != rec {
		return ""
	}
	switch {
	case bytes.Equal(h[257:265], []byte("ustar  \x00")):
		return "POSIX tar archive (GNU)"
	case bytes.Equal(h[257:263], []byte("ustar\x00")):
		return "POSIX tar archive"
	}
	return "tar archive"
}

// tarOctal is is_tar's from_oct: blanks, octal digits, then a blank or
// NUL.
func tarOctal(f []byte) (int, bool) {
	i := 0
	for i < len(f) && isMagicSpace(f[i]) {
		i++
	}
	if i == len(f) {
		return 0, false
	}
	v, digits := 0, 0
	for i < len(f) && f[i] >= '0' && f[i] <= '7' {
		v = v*8 + int(f[i]-'0')
		i++
		digits++
	}
	if i < len(f) && f[i] != 0 && !isMagicSpace(f[i]) {
		return 0, false
	}
	return v, digits > 0
}

// binaryMagic matches the magic numbers of the binary formats (and the
// few text ones file prints without an encoding).
func binaryMagic(buf []byte, o *magicOpts) (string, string, bool) {
	has := func(s string) bool { return bytes.HasPrefix(buf, []byte(s)) }
	switch {
	case has("\x7fELF"):
		return elfMagic(buf, o), elfMime(buf), true
	case has("\x1f\x8b"):
		return gzipMagic(buf, o), "application/gzip", true
	case has("BZh"):
		d := "bzip2 compressed data"
		if len(buf) > 3 && buf[3] >= '1' && buf[3] <= '9' {
			d += fmt.Sprintf(", block size = %c00k", buf[3])
		}
		return d, "application/x-bzip2", true
	case has("\xfd7zXZ\x00"):
		d := "XZ compressed data"
		if len(buf) > 7 {
			switch buf[7] & 0x0f {
			case 0:
				d += ", checksum NONE"
			case 1:
				d += ", checksum CRC32"
			case 4:
				d += ", checksum CRC64"
			case 0x0a:
				d += ", checksum SHA-256"
			}
		}
		return d, "application/x-xz", true
	case has("\x28\xb5\x2f\xfd"):
		return zstdMagic(buf), "application/zstd", true
	case has("PK\x03\x04"):
		return zipMagic(buf), "application/zip", true
	case has("PK\x05\x06"):
		return "Zip archive data (empty)", "application/zip", true
	case has("\x89PNG\r\n\x1a\n"):
		return pngMagic(buf), "image/png", true
	case has("GIF87a"), has("GIF89a"):
		d := "GIF image data, version " + string(buf[3:6])
		if len(buf) >= 10 {
			d += fmt.Sprintf(", %d x %d", binary.LittleEndian.Uint16(buf[6:]), binary.LittleEndian.Uint16(buf[8:]))
		}
		return d, "image/gif", true
	case has("%PDF-"):
		d := "PDF document"
		if len(buf) > 5 {
			d += ", version " + magicPrintable(string(buf[5:6]))
		}
		if len(buf) > 7 {
			d += "." + magicPrintable(string(buf[7:8]))
		}
		return d, "application/pdf", true
	case has("%!PS-Adobe-"):
		d := "PostScript document text"
		v := buf[len("%!PS-Adobe-"):]
		if len(v) > 3 {
			v = v[:3]
		}
		d += " conforming DSC level " + magicPrintable(strings.TrimRight(string(v), "\x00\n"))
		if i := bytes.Index(buf[:min(len(buf), 64)], []byte("EPSF-")); i >= 0 {
			d += ", type EPS"
		}
		return d, "application/postscript", true
	case has("%!"):
		return "PostScript document text", "application/postscript", true
	case has("<svg"):
		return "SVG Scalable Vector Graphics image", "image/svg+xml", true
	}
	if reXMLVer.Match(buf) {
		head := buf[min(19, len(buf)):]
		if len(head) > 4096+4 {
			head = head[:4096+4]
		}
		if bytes.Contains(head, []byte("<svg")) {
			return "SVG Scalable Vector Graphics image", "image/svg+xml", true
		}
	}
	if d, m, bin, ok := scriptMagic(buf); ok && bin {
		return d, m, true
	}
	return "", "", false
}

func zstdMagic(buf []byte) string {
	d := "Zstandard compressed data (v0.8+)"
	if len(buf) < 5 {
		return d
	}
	fhd := buf[4]
	dictSize := []int{0, 1, 2, 4}[fhd&3]
	off := 5
	if fhd&0x20 == 0 {
		off++ // the window descriptor
	}
	if dictSize == 0 {
		return d + ", Dictionary ID: None"
	}
	if len(buf) < off+dictSize {
		return d
	}
	var id uint32
	for k := dictSize - 1; k >= 0; k-- {
		id = id<<8 | uint32(buf[off+k])
	}
	return fmt.Sprintf("%s, Dictionary ID: %d", d, id)
}

var gzipOS = map[byte]string{
	0: "FAT filesystem (MS-DOS, OS/2, NT)", 1: "Amiga", 2: "VMS", 3: "Unix",
	4: "VM/CMS", 5: "Atari", 6: "HPFS filesystem (OS/2, NT)", 7: "MacOS",
	8: "Z-System", 9: "CP/M", 10: "TOPS-20", 11: "NTFS filesystem (NT)",
	12: "QDOS", 13: "Acorn RISCOS",
}

// gzipMagic describes a gzip header as Magdir/compress does.
func gzipMagic(buf []byte, o *magicOpts) string {
	var b strings.Builder
	b.WriteString("gzip compressed data")
	at := func(i int) (byte, bool) {
		if i < len(buf) {
			return buf[i], true
		}
		return 0, false
	}
	if m, ok := at(2); ok && m < 8 {
		b.WriteString(", reserved method")
	} else if ok && m > 8 {
		b.WriteString(", unknown method")
	}
	flags, _ := at(3)
	if flags&0x01 != 0 {
		b.WriteString(", ASCII")
	}
	if flags&0x02 != 0 {
		b.WriteString(", has CRC")
	}
	if flags&0x04 != 0 {
		b.WriteString(", extra field")
	}
	if flags&0x0c == 0x08 && len(buf) > 10 {
		name := buf[10:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if len(name) > 127 {
			name = name[:127]
		}
		fmt.Fprintf(&b, ", was \"%s\"", magicPrintable(string(name)))
	}
	if flags&0x10 != 0 {
		b.WriteString(", has comment")
	}
	if flags&0x20 != 0 {
		b.WriteString(", encrypted")
	}
	if len(buf) >= 8 {
		if t := binary.LittleEndian.Uint32(buf[4:]); int32(t) > 0 {
			fmt.Fprintf(&b, ", last modified: %s", time.Unix(int64(t), 0).In(o.loc).Format("Mon Jan _2 15:04:05 2006"))
		}
	}
	if x, ok := at(8); ok && x == 2 {
		b.WriteString(", max compression")
	} else if ok && x == 4 {
		b.WriteString(", max speed")
	}
	if osb, ok := at(9); ok {
		if name, known := gzipOS[osb]; known {
			b.WriteString(", from " + name)
		}
	}
	if o.tail != nil {
		fmt.Fprintf(&b, ", original size modulo 2^32 %d", binary.LittleEndian.Uint32(o.tail))
	} else if len(buf) >= 4 {
		fmt.Fprintf(&b, ", original size modulo 2^32 %d", binary.LittleEndian.Uint32(buf[len(buf)-4:]))
	}
	return b.String()
}

var zipMethods = map[uint16]string{
	0: "store", 1: "shrink", 6: "implode", 8: "deflate", 9: "deflate64",
	12: "bzip2", 14: "lzma", 93: "zstd", 95: "xz", 96: "jpeg", 97: "wavpack",
	98: "ppmd", 99: "aes",
}

// zipMagic describes a Zip local file header.
func zipMagic(buf []byte) string {
	d := "Zip archive data"
	if len(buf) < 10 {
		return d
	}
	v := binary.LittleEndian.Uint16(buf[4:])
	d += fmt.Sprintf(", at least v%d.%d to extract", v/10, v%10)
	m := binary.LittleEndian.Uint16(buf[8:])
	if name, ok := zipMethods[m]; ok {
		d += ", compression method=" + name
	}
	return d
}

// pngMagic describes a PNG IHDR chunk.
func pngMagic(buf []byte) string {
	d := "PNG image data"
	if len(buf) < 29 || string(buf[12:16]) != "IHDR" {
		return d
	}
	w := binary.BigEndian.Uint32(buf[16:])
	h := binary.BigEndian.Uint32(buf[20:])
	d += fmt.Sprintf(", %d x %d, %d-bit", w, h, buf[24])
	switch buf[25] {
	case 0:
		d += " grayscale"
	case 2:
		d += "/color RGB"
	case 3:
		d += " colormap"
	case 4:
		d += " gray+alpha"
	case 6:
		d += "/color RGBA"
	}
	switch buf[28] {
	case 0:
		d += ", non-interlaced"
	case 1:
		d += ", interlaced"
	}
	return d
}

// ---------------------------------------------------------------------------
// ELF

var elfMachines = map[uint16]string{
	2: "SPARC", 3: "Intel 80386", 4: "Motorola m68k", 8: "MIPS", 20: "PowerPC",
	21: "64-bit PowerPC or cisco 7500", 22: "IBM S/390", 40: "ARM", 42: "Renesas SH",
	43: "SPARC V9", 50: "IA-64", 62: "x86-64", 183: "ARM aarch64", 243: "UCB RISC-V",
	247: "eBPF", 258: "LoongArch",
}

var elfOSABIs = map[byte]string{
	0: "SYSV", 1: "HP-UX", 2: "NetBSD", 3: "GNU/Linux", 6: "Solaris", 7: "AIX",
	8: "IRIX", 9: "FreeBSD", 10: "Tru64", 12: "OpenBSD", 97: "ARM", 255: "embedded",
}

// elfHeader holds the fields of an ELF header file reports.
type elfHeader struct {
	is64, big bool
	typ       uint16
	machine   uint16
	version   uint32
	osabi     byte
	bo        binary.ByteOrder
	phoff     uint64
	phentsize uint16
	phnum     uint16
	shoff     uint64
	shentsize uint16
	shnum     uint16
}

func parseELF(buf []byte) (*elfHeader, bool) {
	if len(buf) < 20 {
		return nil, false
	}
	h := &elfHeader{is64: buf[4] == 2, big: buf[5] == 2, osabi: buf[7]}
	h.bo = binary.ByteOrder(binary.LittleEndian)
	if h.big {
		h.bo = binary.BigEndian
	}
	h.typ = h.bo.Uint16(buf[16:])
	h.machine = h.bo.Uint16(buf[18:])
	if len(buf) >= 24 {
		h.version = h.bo.Uint32(buf[20:])
	}
	if h.is64 && len(buf) >= 64 {
		h.phoff = h.bo.Uint64(buf[32:])
		h.shoff = h.bo.Uint64(buf[40:])
		h.phentsize = h.bo.Uint16(buf[54:])
		h.phnum = h.bo.Uint16(buf[56:])
		h.shentsize = h.bo.Uint16(buf[58:])
		h.shnum = h.bo.Uint16(buf[60:])
	} else if !h.is64 && len(buf) >= 52 {
		h.phoff = uint64(h.bo.Uint32(buf[28:]))
		h.shoff = uint64(h.bo.Uint32(buf[32:]))
		h.phentsize = h.bo.Uint16(buf[42:])
		h.phnum = h.bo.Uint16(buf[44:])
		h.shentsize = h.bo.Uint16(buf[46:])
		h.shnum = h.bo.Uint16(buf[48:])
	}
	return h, true
}

// interp returns the program interpreter named by PT_INTERP.
func (h *elfHeader) interp(buf []byte) (string, bool) {
	for i := 0; i < int(h.phnum); i++ {
		off := int(h.phoff) + i*int(h.phentsize)
		if off < 0 || off+int(h.phentsize) > len(buf) || h.phentsize < 32 {
			return "", false
		}
		p := buf[off:]
		if h.bo.Uint32(p) != 3 { // PT_INTERP
			continue
		}
		var o, n uint64
		if h.is64 {
			o, n = h.bo.Uint64(p[8:]), h.bo.Uint64(p[32:])
		} else {
			o, n = uint64(h.bo.Uint32(p[4:])), uint64(h.bo.Uint32(p[16:]))
		}
		if o+n > uint64(len(buf)) {
			return "", true
		}
		return string(bytes.TrimRight(buf[o:o+n], "\x00")), true
	}
	return "", false
}

// pie reports DF_1_PIE in the DT_FLAGS_1 entry of the dynamic section.
func (h *elfHeader) pie(buf []byte) bool {
	for i := 0; i < int(h.phnum); i++ {
		off := int(h.phoff) + i*int(h.phentsize)
		if off < 0 || off+int(h.phentsize) > len(buf) || h.phentsize < 32 {
			return false
		}
		p := buf[off:]
		if h.bo.Uint32(p) != 2 { // PT_DYNAMIC
			continue
		}
		var o, n, esz uint64
		if h.is64 {
			o, n, esz = h.bo.Uint64(p[8:]), h.bo.Uint64(p[32:]), 16
		} else {
			o, n, esz = uint64(h.bo.Uint32(p[4:])), uint64(h.bo.Uint32(p[16:])), 8
		}
		for e := o; e+esz <= o+n && e+esz <= uint64(len(buf)); e += esz {
			var tag, val uint64
			if h.is64 {
				tag, val = h.bo.Uint64(buf[e:]), h.bo.Uint64(buf[e+8:])
			} else {
				tag, val = uint64(h.bo.Uint32(buf[e:])), uint64(h.bo.Uint32(buf[e+4:]))
			}
			if tag == 0 {
				break
			}
			if tag == 0x6ffffffb && val&0x08000000 != 0 {
				return true
			}
		}
	}
	return false
}

func elfMime(buf []byte) string {
	h, ok := parseELF(buf)
	if !ok {
		return "application/octet-stream"
	}
	switch h.typ {
	case 1:
		return "application/x-object"
	case 2:
		return "application/x-executable"
	case 3:
		if h.pie(buf) {
			return "application/x-pie-executable"
		}
		return "application/x-sharedlib"
	case 4:
		return "application/x-coredump"
	}
	return "application/octet-stream"
}

// elfMagic describes an ELF header: class, byte order, type, machine,
// version and OS ABI, then how it is linked.
func elfMagic(buf []byte, o *magicOpts) string {
	h, ok := parseELF(buf)
	d := "ELF"
	if len(buf) < 5 {
		return d
	}
	switch buf[4] {
	case 1:
		d += " 32-bit"
	case 2:
		d += " 64-bit"
	default:
		return d + " invalid class"
	}
	switch buf[5] {
	case 1:
		d += " LSB"
	case 2:
		d += " MSB"
	}
	if !ok {
		return d
	}
	_, hasInterp := h.interp(buf)
	switch h.typ {
	case 1:
		d += " relocatable"
	case 2:
		d += " executable"
	case 3:
		if h.pie(buf) {
			d += " pie executable"
		} else {
			d += " shared object"
		}
	case 4:
		d += " core file"
	default:
		d += fmt.Sprintf(" *unknown type* %d", h.typ)
	}
	if m, ok := elfMachines[h.machine]; ok {
		d += ", " + m
	} else {
		d += fmt.Sprintf(", *unknown arch 0x%x*", h.machine)
	}
	d += fmt.Sprintf(", version %d", h.version)
	if abi, ok := elfOSABIs[h.osabi]; ok {
		d += " (" + abi + ")"
	}
	if o.noELF || h.typ == 4 {
		return d
	}
	rd := elfReader{buf: buf, file: o.file}
	did := map[string]bool{}
	phReadable := rd.at(h.phoff, uint64(h.phnum)*uint64(h.phentsize)) != nil
	if h.typ != 1 && h.phnum > 0 && phReadable {
		if hasInterp || h.hasDynamic(buf) {
			d += ", dynamically linked"
		} else {
			d += ", statically linked"
		}
		if in, ok := h.interp(buf); ok && in != "" {
			d += ", interpreter " + magicPrintable(in)
		}
		d += h.segmentNotes(rd, did)
	}
	d += h.sections(rd, did)
	return d
}

// elfReader reads parts of an ELF file: from the file when it can, else
// from the start file was given.
type elfReader struct {
	buf  []byte
	file io.ReaderAt
}

func (r elfReader) at(off, n uint64) []byte {
	if n > 1<<24 {
		return nil
	}
	if off+n <= uint64(len(r.buf)) && off+n >= off {
		return r.buf[off : off+n]
	}
	if r.file == nil {
		return nil
	}
	b := make([]byte, n)
	if _, err := r.file.ReadAt(b, int64(off)); err != nil {
		return nil
	}
	return b
}

// segmentNotes describes the notes of the PT_NOTE segments.
func (h *elfHeader) segmentNotes(rd elfReader, did map[string]bool) string {
	var b strings.Builder
	for i := 0; i < int(h.phnum); i++ {
		ph := rd.at(h.phoff+uint64(i)*uint64(h.phentsize), uint64(h.phentsize))
		if ph == nil || len(ph) < 32 {
			break
		}
		if h.bo.Uint32(ph) != 4 { // PT_NOTE
			continue
		}
		var off, size, align uint64
		if h.is64 {
			off, size, align = h.bo.Uint64(ph[8:]), h.bo.Uint64(ph[32:]), h.bo.Uint64(ph[48:])
		} else {
			off, size, align = uint64(h.bo.Uint32(ph[4:])), uint64(h.bo.Uint32(ph[16:])), uint64(h.bo.Uint32(ph[28:]))
		}
		b.WriteString(h.notes(rd.at(off, size), align, did))
	}
	return b.String()
}

// notes describes the GNU build ID and ABI tag and the Go build ID among
// the notes of data, each kind once.
func (h *elfHeader) notes(data []byte, align uint64, did map[string]bool) string {
	var b strings.Builder
	if align != 8 {
		align = 4
	}
	for p := uint64(0); p+12 <= uint64(len(data)); {
		namesz := uint64(h.bo.Uint32(data[p:]))
		descsz := uint64(h.bo.Uint32(data[p+4:]))
		typ := h.bo.Uint32(data[p+8:])
		nameOff := p + 12
		descOff := nameOff + (namesz+align-1)&^(align-1)
		next := descOff + (descsz+align-1)&^(align-1)
		if descOff+descsz > uint64(len(data)) || nameOff+namesz > uint64(len(data)) {
			break
		}
		name := string(bytes.TrimRight(data[nameOff:nameOff+namesz], "\x00"))
		desc := data[descOff : descOff+descsz]
		kind := fmt.Sprintf("%s/%d", name, typ)
		if !did[kind] {
			switch {
			case name == "GNU" && typ == 3:
				if k := map[int]string{8: "xxHash", 16: "md5/uuid", 20: "sha1"}[len(desc)]; k != "" {
					fmt.Fprintf(&b, ", BuildID[%s]=%x", k, desc)
					did[kind] = true
				}
			case name == "GNU" && typ == 1 && len(desc) >= 16:
				osName := map[uint32]string{0: "Linux", 1: "Hurd", 2: "Solaris", 3: "kFreeBSD", 4: "kNetBSD"}[h.bo.Uint32(desc)]
				if osName != "" {
					fmt.Fprintf(&b, ", for GNU/%s %d.%d.%d", osName, h.bo.Uint32(desc[4:]), h.bo.Uint32(desc[8:]), h.bo.Uint32(desc[12:]))
					did[kind] = true
				}
			case name == "Go" && typ == 4:
				fmt.Fprintf(&b, ", Go BuildID=%s", magicPrintable(string(bytes.TrimRight(desc, "\x00"))))
				did[kind] = true
			}
		}
		if next <= p {
			break
		}
		p = next
	}
	return b.String()
}

// sections reports debug information and whether the symbol table was
// stripped.
func (h *elfHeader) sections(rd elfReader, did map[string]bool) string {
	if h.shnum == 0 || h.shentsize == 0 {
		return ""
	}
	hdr := rd.at(0, 64)
	if hdr == nil {
		return ""
	}
	var strndx uint16
	if h.is64 {
		strndx = h.bo.Uint16(hdr[62:])
	} else {
		strndx = h.bo.Uint16(hdr[50:])
	}
	sh := func(i int) []byte {
		return rd.at(h.shoff+uint64(i)*uint64(h.shentsize), uint64(h.shentsize))
	}
	field := func(s []byte) (name uint32, typ uint32, off, size uint64) {
		name, typ = h.bo.Uint32(s), h.bo.Uint32(s[4:])
		if h.is64 {
			return name, typ, h.bo.Uint64(s[24:]), h.bo.Uint64(s[32:])
		}
		return name, typ, uint64(h.bo.Uint32(s[16:])), uint64(h.bo.Uint32(s[20:]))
	}
	var names []byte
	if s := sh(int(strndx)); s != nil && len(s) >= 40 {
		_, _, off, size := field(s)
		names = rd.at(off, size)
	}
	symtab, debug := false, false
	var notes strings.Builder
	for i := 0; i < int(h.shnum); i++ {
		s := sh(i)
		if s == nil || len(s) < 40 {
			return ""
		}
		name, typ, off, size := field(s)
		switch typ {
		case 2: // SHT_SYMTAB
			symtab = true
		case 7: // SHT_NOTE
			var align uint64
			if h.is64 {
				align = h.bo.Uint64(s[48:])
			} else {
				align = uint64(h.bo.Uint32(s[32:]))
			}
			notes.WriteString(h.notes(rd.at(off, size), align, did))
		}
		if int(name) < len(names) {
			n := names[name:]
			if j := bytes.IndexByte(n, 0); j >= 0 {
				n = n[:j]
			}
			if string(n) == ".debug_info" {
				debug = true
			}
		}
	}
	d := notes.String()
	if debug {
		d += ", with debug_info"
	}
	if symtab {
		return d + ", not stripped"
	}
	return d + ", stripped"
}

// hasDynamic reports a PT_DYNAMIC program header.
func (h *elfHeader) hasDynamic(buf []byte) bool {
	for i := 0; i < int(h.phnum); i++ {
		off := int(h.phoff) + i*int(h.phentsize)
		if off < 0 || off+4 > len(buf) {
			return false
		}
		if h.bo.Uint32(buf[off:]) == 2 {
			return true
		}
	}
	return false
}
