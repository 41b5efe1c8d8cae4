package builtins

// Records (lines) read one at a time, for grep and sed: a record ends with
// a delimiter byte ('\n', or '\0' with -z) and may be of any length; only
// the current record is held.

import (
	"bufio"
	"io"
)

// recordBufSize is the size of the buffered readers of grep and sed.
const recordBufSize = 64 * 1024

// readRecord reads up to and including the next delim. At end of input it
// returns the last record without a delimiter (possibly empty) and io.EOF;
// other read errors are returned with what was read. The result may alias
// br's buffer when it fits in it, so it is only valid until the next read.
func readRecord(br *bufio.Reader, delim byte) ([]byte, error) {
	line, err := br.ReadSlice(delim)
	if err != bufio.ErrBufferFull {
		return line, err
	}
	buf := append([]byte(nil), line...)
	for {
		line, err = br.ReadSlice(delim)
		buf = append(buf, line...)
		if err != bufio.ErrBufferFull {
			return buf, err
		}
	}
}

// ctxReader wraps a reader so that reads fail once the run is cancelled:
// a command blocked on a slow stdin still stops.
type ctxReader struct {
	c *Context
	r io.Reader
}

func (cr ctxReader) Read(p []byte) (int, error) {
	if cr.c.Canceled() {
		return 0, cr.c.Ctx.Err()
	}
	return cr.r.Read(p)
}
