package builtins

// Input operands, shared by the text commands: "-" (or no operand at all)
// means standard input, anything else is a file of the namespace.

import (
	"io"
)

// nopCloser wraps stdin, which a command must not close.
type nopCloser struct{ io.Reader }

func (nopCloser) Close() error { return nil }

// openInput opens the input operand name: "-" is standard input (empty
// when there is none), anything else a file of the namespace. Closing the
// result never closes stdin.
func (c *Context) openInput(name string) (io.ReadCloser, error) {
	if name == "-" {
		if c.Stdin == nil {
			return nopCloser{eofReader{}}, nil
		}
		return nopCloser{c.Stdin}, nil
	}
	f, err := c.FS.Open(c.fsPath(name))
	if err != nil {
		return nil, err
	}
	return f, nil
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// eachInput calls fn for each input operand in turn, standard input when
// there is none. Open errors, and the read errors fn returns, are reported
// as "cmd: name: strerror" and make the status 1; a write error fn returns
// as a *writeError stops at once with writeFailed's status. eachInput stops
// when the run is cancelled or stdout is closed (see stopped).
func (c *Context) eachInput(names []string, fn func(name string, r io.Reader) error) int {
	if len(names) == 0 {
		names = []string{"-"}
	}
	status := 0
	for _, name := range names {
		if c.stopped() {
			return 1
		}
		r, err := c.openInput(name)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			status = 1
			continue
		}
		err = fn(name, r)
		r.Close()
		if err == nil {
			continue
		}
		if we, ok := err.(*writeError); ok {
			return c.writeFailed(we.err)
		}
		if c.Canceled() {
			return 1
		}
		c.PathErr(quoteIf(name), err)
		status = 1
	}
	return status
}

// writeError marks an error from writing stdout, as opposed to reading
// input, for eachInput.
type writeError struct{ err error }

func (w *writeError) Error() string { return "write error: " + w.err.Error() }

// wrapWrite wraps a stdout write error for eachInput; nil stays nil.
func wrapWrite(err error) error {
	if err == nil {
		return nil
	}
	return &writeError{err}
}
