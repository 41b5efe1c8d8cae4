package builtins

import (
	"io"
	"strconv"
)

// cat, as GNU's: files and "-" for stdin, -A -b -e -E -n -s -t -T -u -v
// and their long forms. Input is streamed through a fixed buffer; the
// line state (numbering, squeezing) carries over from one file to the
// next as GNU's does. Not detected: "input file is output file".

func init() { Register("cat", cat) }

var catSpec = optSpec{
	Short: "AbeEnstTuv",
	Long: []longOpt{
		{Name: "show-all", Key: "A"},
		{Name: "number-nonblank", Key: "b"},
		{Name: "show-ends", Key: "E"},
		{Name: "number", Key: "n"},
		{Name: "squeeze-blank", Key: "s"},
		{Name: "show-tabs", Key: "T"},
		{Name: "show-nonprinting", Key: "v"},
	},
	Status: 1,
	Usage: `Usage: cat [OPTION]... [FILE]...
Concatenate FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

  -A, --show-all           equivalent to -vET
  -b, --number-nonblank    number nonempty output lines, overrides -n
  -e                       equivalent to -vE
  -E, --show-ends          display $ at end of each line
  -n, --number             number all output lines
  -s, --squeeze-blank      suppress repeated empty output lines
  -t                       equivalent to -vT
  -T, --show-tabs          display TAB characters as ^I
  -u                       (ignored)
  -v, --show-nonprinting   use ^ and M- notation, except for LFD and TAB
      --help        display this help and exit
      --version     output version information and exit
`,
}

// catBufSize is the size of cat's read buffer.
const catBufSize = 128 * 1024

// catState is the line state of cat with options; it spans files.
type catState struct {
	number, nonblank, ends, squeeze, tabs, nonprint bool

	line      int
	atStart   bool // at the start of a line
	blankRun  int  // empty lines seen in a row
	pendingCR bool // a '\r' held back to see whether '\n' follows (-E)
}

func cat(c *Context) int {
	p, err := c.parseOpts(&catSpec)
	if err != nil {
		return exitStatus(err)
	}
	st := &catState{atStart: true}
	for _, o := range p.Opts {
		switch o.Key {
		case "A":
			st.nonprint, st.ends, st.tabs = true, true, true
		case "b":
			st.number, st.nonblank = true, true
		case "e":
			st.nonprint, st.ends = true, true
		case "E":
			st.ends = true
		case "n":
			st.number = true
		case "s":
			st.squeeze = true
		case "t":
			st.nonprint, st.tabs = true, true
		case "T":
			st.tabs = true
		case "v":
			st.nonprint = true
		}
	}
	plain := !st.number && !st.ends && !st.squeeze && !st.tabs && !st.nonprint
	files := p.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	var out *errWriter
	if !plain {
		out = newErrWriter(c.Stdout)
	}
	buf := make([]byte, catBufSize)
	status := 0
	for _, name := range files {
		if c.Canceled() {
			return 1
		}
		var r io.Reader
		var closer io.Closer
		if name == "-" {
			r = c.Stdin
			if r == nil {
				continue
			}
		} else {
			f, err := c.FS.Open(c.fsPath(name))
			if err != nil {
				c.PathErr(quoteIf(name), err)
				status = 1
				continue
			}
			r, closer = f, f
		}
		rerr, werr := c.catCopy(r, buf, st, out)
		if closer != nil {
			closer.Close()
		}
		if werr != nil {
			return c.writeFailed(werr)
		}
		if rerr != nil {
			if c.Canceled() {
				return 1
			}
			c.PathErr(quoteIf(name), rerr)
			status = 1
		}
	}
	if out != nil {
		if st.pendingCR {
			st.pendingCR = false
			st.put(out, '\r')
		}
		if err := out.Flush(); err != nil {
			return c.writeFailed(err)
		}
	}
	return status
}

// catCopy copies r to stdout (out == nil) or through the line state to
// out. It checks for cancellation between reads.
func (c *Context) catCopy(r io.Reader, buf []byte, st *catState, out *errWriter) (rerr, werr error) {
	for {
		if c.Canceled() {
			return c.Ctx.Err(), nil
		}
		n, err := r.Read(buf)
		if n > 0 {
			if out == nil {
				if _, werr := c.Stdout.Write(buf[:n]); werr != nil {
					return nil, werr
				}
			} else {
				for _, b := range buf[:n] {
					st.feed(out, b)
				}
				if out.err != nil {
					return nil, out.err
				}
			}
		}
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return err, nil
		}
	}
}

// feed processes one input byte.
func (st *catState) feed(out *errWriter, b byte) {
	if st.pendingCR {
		st.pendingCR = false
		if b == '\n' {
			out.WriteString("^M")
			st.endLine(out)
			return
		}
		st.put(out, '\r')
	}
	if st.atStart {
		if b == '\n' {
			st.blankRun++
			if st.squeeze && st.blankRun > 1 {
				return
			}
			if st.number && !st.nonblank {
				st.putNumber(out)
			}
			if st.ends {
				out.WriteByte('$')
			}
			out.WriteByte('\n')
			return
		}
		st.blankRun = 0
		if st.number {
			st.putNumber(out)
		}
		st.atStart = false
	}
	switch {
	case b == '\n':
		st.endLine(out)
	case b == '\r' && st.ends:
		st.pendingCR = true
	default:
		st.put(out, b)
	}
}

func (st *catState) endLine(out *errWriter) {
	if st.ends {
		out.WriteByte('$')
	}
	out.WriteByte('\n')
	st.atStart = true
	st.blankRun = 0
}

func (st *catState) putNumber(out *errWriter) {
	st.line++
	s := strconv.Itoa(st.line)
	for i := len(s); i < 6; i++ {
		out.WriteByte(' ')
	}
	out.WriteString(s)
	out.WriteByte('\t')
}

// put writes a byte of a line with -v and -T applied.
func (st *catState) put(out *errWriter, b byte) {
	if b == '\t' {
		if st.tabs {
			out.WriteString("^I")
		} else {
			out.WriteByte('\t')
		}
		return
	}
	if !st.nonprint {
		out.WriteByte(b)
		return
	}
	if b >= 128 {
		out.WriteString("M-")
		b -= 128
	}
	switch {
	case b < 32:
		out.WriteByte('^')
		out.WriteByte(b + 64)
	case b == 127:
		out.WriteString("^?")
	default:
		out.WriteByte(b)
	}
}
