package builtins

// Helpers shared by the text commands (nl, paste, join, comm, fold, fmt,
// expand, unexpand, column, strings, od, xxd, hexdump): reading delimited
// lines through a reusable buffer, and GNU-style parsing of integer
// option arguments.

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// lineReader reads delimited lines (records) from r, copying only a line
// longer than its buffer.
type lineReader struct {
	br    *bufio.Reader
	delim byte
	buf   []byte
}

// textBufSize is the read buffer of the text filters.
const textBufSize = 64 * 1024

func newLineReader(r io.Reader, delim byte) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, textBufSize), delim: delim}
}

// next returns the next line with its delimiter (none on a last line that
// lacks it). The slice is valid until the next call. At the end of the
// input it returns io.EOF with no data; a read error is returned as is
// (and a partial line dropped).
func (l *lineReader) next() ([]byte, error) {
	line, err := l.br.ReadSlice(l.delim)
	if err == nil {
		return line, nil
	}
	if err != bufio.ErrBufferFull {
		if err == io.EOF && len(line) > 0 {
			return line, nil
		}
		return nil, err
	}
	l.buf = append(l.buf[:0], line...)
	for {
		line, err = l.br.ReadSlice(l.delim)
		l.buf = append(l.buf, line...)
		switch err {
		case nil, io.EOF:
			return l.buf, nil
		case bufio.ErrBufferFull:
			continue
		default:
			return nil, err
		}
	}
}

// numErr says why a number option argument was refused.
type numErr int

const (
	numOK      numErr = iota
	numInvalid        // not a number
	numRange          // out of range
)

// parseIntArg parses a decimal integer as gnulib's xstrtoimax does for
// option arguments: leading blanks and a sign are allowed. It reports
// numRange when the value does not fit in [min, max].
func parseIntArg(s string, min, max int64) (int64, numErr) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	if t == "" {
		return 0, numInvalid
	}
	u := t
	if u[0] == '+' || u[0] == '-' {
		u = u[1:]
	}
	if u == "" {
		return 0, numInvalid
	}
	for i := 0; i < len(u); i++ {
		if u[i] < '0' || u[i] > '9' {
			return 0, numInvalid
		}
	}
	v, err := strconv.ParseInt(t, 10, 64)
	if err != nil {
		if t[0] == '-' {
			return math.MinInt64, numRange
		}
		return math.MaxInt64, numRange
	}
	if v < min || v > max {
		return v, numRange
	}
	return v, numOK
}

// xdecArg parses an option argument as gnulib's xdectoimax does and, when
// it is refused, prints "cmd: what: 'arg'" with the errno text gnulib adds
// for a value out of range. It returns false after printing.
func (c *Context) xdecArg(s string, min, max int64, what string) (int64, bool) {
	v, e := parseIntArg(s, min, max)
	switch e {
	case numInvalid:
		c.Errorf("%s: %s", what, quote(s))
		return 0, false
	case numRange:
		suffix := "Numerical result out of range"
		if v > math.MaxInt32/2 || v < math.MinInt32/2 {
			suffix = "Value too large for defined data type"
		}
		c.Errorf("%s: %s: %s", what, quote(s), suffix)
		return 0, false
	}
	return v, true
}

// parseByteCount parses a byte count as gnulib's xstrtoumax does for
// od, head and the like: a number in base 10, or with base 0 a 0x
// prefix for hexadecimal and a leading 0 for octal, followed by an
// optional multiplier suffix (b 512, K 1024, KB 1000, KiB 1024, and so
// on up to Q). It returns numInvalid with a message kind of "invalid" or
// "suffix", or numRange when the value overflows.
func parseByteCount(s string, base int) (uint64, numErr, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	if strings.HasPrefix(t, "-") {
		return 0, numInvalid, false
	}
	t = strings.TrimPrefix(t, "+")
	i := 0
	b := base
	if base == 0 {
		b = 10
		if strings.HasPrefix(t, "0x") || strings.HasPrefix(t, "0X") {
			if len(t) > 2 && isHexDigit(t[2]) {
				b, i = 16, 2
			}
		} else if strings.HasPrefix(t, "0") {
			b = 8
		}
	}
	start := i
	var v uint64
	overflow := false
	for ; i < len(t); i++ {
		d := digitVal(t[i])
		if d < 0 || d >= b {
			break
		}
		nv := v*uint64(b) + uint64(d)
		if nv/uint64(b) != v || nv < v {
			overflow = true
		}
		v = nv
	}
	if i == start {
		// gnulib accepts a bare suffix as 1 times it ("od -N k").
		if i >= len(t) || strings.IndexByte("bEGKkMmPQRTYZ", t[i]) < 0 {
			return 0, numInvalid, false
		}
		v = 1
	}
	rest := t[i:]
	if rest == "" {
		if overflow {
			return 0, numRange, false
		}
		return v, numOK, false
	}
	mult, ok := byteSuffix(rest)
	if !ok {
		return 0, numInvalid, true
	}
	r := v * mult
	if overflow || (v != 0 && r/v != mult) {
		return 0, numRange, false
	}
	return r, numOK, false
}

// isDigit reports whether c is an ASCII decimal digit.
func isDigit[T byte | int | rune](c T) bool { return c >= '0' && c <= '9' }

func isHexDigit(c byte) bool { return digitVal(c) >= 0 && digitVal(c) < 16 }

func digitVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// byteSuffix returns the multiplier of a size suffix: b, k/K, M, G, ...
// alone (powers of 1024), with B (powers of 1000) or with iB (1024).
func byteSuffix(s string) (uint64, bool) {
	if s == "b" {
		return 512, true
	}
	exp := strings.IndexByte("KMGTPEZYRQ", s[0])
	if s[0] == 'k' {
		exp = 0
	}
	if s[0] == 'm' {
		exp = 1
	}
	if exp < 0 {
		return 0, false
	}
	base := uint64(1024)
	switch s[1:] {
	case "":
	case "B":
		base = 1000
	case "iB":
	default:
		return 0, false
	}
	m := uint64(1)
	for i := 0; i <= exp; i++ {
		if m > math.MaxUint64/base {
			return math.MaxUint64, true
		}
		m *= base
	}
	return m, true
}

// xstrtolFatal prints gnulib's message for a refused numeric option
// argument: "invalid -N argument 'x'", "invalid suffix in ...", "-N
// argument '...' too large".
func (c *Context) xstrtolFatal(e numErr, suffix bool, optName, arg string) {
	switch {
	case e == numRange:
		c.Errorf("%s argument '%s' too large", optName, arg)
	case suffix:
		c.Errorf("invalid suffix in %s argument '%s'", optName, arg)
	default:
		c.Errorf("invalid %s argument '%s'", optName, arg)
	}
}

// writeCEscaped writes ch as C writes it in a string: \\, \a \b \f \n \r
// \t \v, \NNN for other control and non-ASCII bytes, else itself.
func writeCEscaped(b *strings.Builder, ch byte) {
	switch ch {
	case '\\':
		b.WriteString(`\\`)
	case '\a':
		b.WriteString(`\a`)
	case '\b':
		b.WriteString(`\b`)
	case '\f':
		b.WriteString(`\f`)
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	case '\v':
		b.WriteString(`\v`)
	default:
		if ch < 0x20 || ch >= 0x7f {
			fmt.Fprintf(b, `\%03o`, ch)
		} else {
			b.WriteByte(ch)
		}
	}
}
