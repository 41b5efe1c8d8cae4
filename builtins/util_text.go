package builtins

// Helpers shared by the text commands (nl, paste, join, comm, fold, fmt,
// expand, unexpand, column, strings, od, xxd, hexdump): reading delimited
// lines through a reusable buffer, and GNU-style parsing of integer
// option arguments.

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
)

// lineReader reads delimited lines from r into a buffer it reuses.
type lineReader struct {
	br    *bufio.Reader
	delim byte
	buf   []byte
}

func newLineReader(r io.Reader, delim byte) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64*1024), delim: delim}
}

// next returns the next line with its delimiter (none on a last line that
// lacks it). The slice is valid until the next call. At the end of the
// input it returns io.EOF with no data; a read error is returned as is.
func (l *lineReader) next() ([]byte, error) {
	l.buf = l.buf[:0]
	for {
		s, err := l.br.ReadSlice(l.delim)
		l.buf = append(l.buf, s...)
		switch err {
		case nil:
			return l.buf, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			if len(l.buf) > 0 {
				return l.buf, nil
			}
			return nil, io.EOF
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
