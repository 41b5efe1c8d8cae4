package builtins

// Helpers shared by the text filters (head, tail, wc, cut, uniq, sort,
// tac, rev): reading delimited records of any length, the "==> name <=="
// headers of head and tail, and their NUM arguments.

import (
	"bufio"
	"io"
)

// textBufSize is the read buffer of the text filters.
const textBufSize = 64 * 1024

// recordReader reads records ending in delim. A record is returned with
// its delimiter, except the last one of an input that does not end in
// one. The returned slice is valid until the next call.
type recordReader struct {
	br    *bufio.Reader
	delim byte
	buf   []byte
}

func newRecordReader(r io.Reader, delim byte) *recordReader {
	return &recordReader{br: bufio.NewReaderSize(r, textBufSize), delim: delim}
}

// next returns the next record, or io.EOF when there is none left, or a
// read error (after which the partial record, if any, is dropped).
func (r *recordReader) next() ([]byte, error) {
	line, err := r.br.ReadSlice(r.delim)
	if err == nil {
		return line, nil
	}
	if err != bufio.ErrBufferFull {
		if err == io.EOF && len(line) > 0 {
			return line, nil
		}
		return nil, err
	}
	r.buf = append(r.buf[:0], line...)
	for {
		line, err = r.br.ReadSlice(r.delim)
		r.buf = append(r.buf, line...)
		switch err {
		case nil:
			return r.buf, nil
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return r.buf, nil
		default:
			return nil, err
		}
	}
}

// inputName is how head, tail and wc name an input operand in headers:
// "standard input" for "-".
func inputName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// fileHeaders prints head's and tail's "==> name <==" headers, with an
// empty line before all but the first.
type fileHeaders struct {
	printed bool
}

func (h *fileHeaders) write(w io.Writer, name string) {
	prefix := ""
	if h.printed {
		prefix = "\n"
	}
	h.printed = true
	io.WriteString(w, prefix+"==> "+inputName(name)+" <==\n")
}

// parseUnitCount parses the NUM of head and tail -n/-c (a leading sign
// already removed) with the multiplier suffixes of their --help. It
// prints GNU's message and returns false when NUM is not valid.
func (c *Context) parseUnitCount(s string, lines bool, shown string) (int64, bool) {
	v, e := parseSuffixed(s, "bkKmMGTPEZY0", false)
	what := "bytes"
	if lines {
		what = "lines"
	}
	switch e {
	case sizeInvalid:
		c.Errorf("invalid number of %s: %s", what, quote(shown))
		return 0, false
	case sizeOverflow:
		c.Errorf("invalid number of %s: %s: Value too large for defined data type", what, quote(shown))
		return 0, false
	}
	return v, true
}
