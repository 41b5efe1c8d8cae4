package builtins

// Helpers shared by the text filters (head, tail, wc, cut, uniq, sort,
// tac, rev): the "==> name <==" headers of head and tail, and their NUM
// arguments. Lines are read with util_text.go's lineReader.

import (
	"io"
)

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
