package builtins

// paste, as GNU's: -d LIST (with the escapes \0 \b \f \n \r \t \v \\),
// -s, -z and their long forms; "-" may be given several times and then
// reads successive lines of standard input. Lines are copied through a
// fixed buffer, never held whole.

import (
	"bufio"
	"io"
)

func init() { Register("paste", paste) }

var pasteSpec = optSpec{
	Short: "d:sz",
	Long: []longOpt{
		{Name: "delimiters", Arg: requiredArg, Key: "d"},
		{Name: "serial", Key: "s"},
		{Name: "zero-terminated", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: paste [OPTION]... [FILE]...
Write lines consisting of the sequentially corresponding lines from
each FILE, separated by TABs, to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -d, --delimiters=LIST   reuse characters from LIST instead of TABs
  -s, --serial            paste one file at a time instead of in parallel
  -z, --zero-terminated    line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit
`,
}

// pasteNoDelim stands for the empty delimiter \0 in a delimiter list.
const pasteNoDelim = -1

// pasteDelims decodes a -d list as GNU's collapse_escapes does.
func pasteDelims(s string) ([]int, bool) {
	var d []int
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch != '\\' {
			d = append(d, int(ch))
			continue
		}
		i++
		if i == len(s) {
			return nil, false
		}
		switch s[i] {
		case '0':
			d = append(d, pasteNoDelim)
		case 'b':
			d = append(d, '\b')
		case 'f':
			d = append(d, '\f')
		case 'n':
			d = append(d, '\n')
		case 'r':
			d = append(d, '\r')
		case 't':
			d = append(d, '\t')
		case 'v':
			d = append(d, '\v')
		default:
			d = append(d, int(s[i]))
		}
	}
	if len(d) == 0 {
		d = []int{pasteNoDelim}
	}
	return d, true
}

func paste(c *Context) int {
	p, err := c.parseOpts(&pasteSpec)
	if err != nil {
		return exitStatus(err)
	}
	delims := []int{'\t'}
	serial := false
	eol := byte('\n')
	for _, o := range p.Opts {
		switch o.Key {
		case "d":
			d, ok := pasteDelims(o.Val)
			if !ok {
				return c.Failf(1, "delimiter list ends with an unescaped backslash: %s", o.Val)
			}
			delims = d
		case "s":
			serial = true
		case "z":
			eol = 0
		}
	}
	names := p.Operands
	if len(names) == 0 {
		names = []string{"-"}
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	var stdin *bufio.Reader
	open := func(name string) (*bufio.Reader, io.Closer, error) {
		if name == "-" {
			if stdin == nil {
				r, _ := c.openInput("-")
				stdin = bufio.NewReaderSize(r, 32*1024)
			}
			return stdin, nil, nil
		}
		f, err := c.FS.Open(c.fsPath(name))
		if err != nil {
			return nil, nil, err
		}
		return bufio.NewReaderSize(f, 32*1024), f, nil
	}
	var status int
	if serial {
		status = c.pasteSerial(out, names, delims, eol, open)
	} else {
		status = c.pasteParallel(out, names, delims, eol, open)
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

type pasteOpener func(name string) (*bufio.Reader, io.Closer, error)

// pasteCopyLine copies the rest of a line of br (without its end) to out,
// calling before ahead of the first byte. It reports whether anything was
// read, the end of line included.
func pasteCopyLine(out *errWriter, br *bufio.Reader, eol byte, before func()) (some bool, err error) {
	for {
		s, err := br.ReadSlice(eol)
		if len(s) > 0 {
			if !some {
				some = true
				before()
			}
			if err == nil {
				s = s[:len(s)-1]
			}
			out.Write(s)
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case io.EOF:
			return some, nil
		default:
			return some, err
		}
	}
}

func (c *Context) pasteParallel(out *errWriter, names []string, delims []int, eol byte, open pasteOpener) int {
	n := len(names)
	files := make([]*bufio.Reader, n)
	closers := make([]io.Closer, n)
	for i, name := range names {
		br, cl, err := open(name)
		if err != nil {
			for _, cl := range closers {
				if cl != nil {
					cl.Close()
				}
			}
			c.PathErr(quoteIf(name), err)
			return 1
		}
		files[i], closers[i] = br, cl
	}
	defer func() {
		for _, cl := range closers {
			if cl != nil {
				cl.Close()
			}
		}
	}()
	status := 0
	open_ := n
	var saved []byte
	flushSaved := func() {
		out.Write(saved)
		saved = saved[:0]
	}
	for open_ > 0 {
		if c.stopped() || out.err != nil {
			return 1
		}
		somedone := false
		di := 0
		for i := 0; i < n && open_ > 0; i++ {
			some := false
			if files[i] != nil {
				var err error
				some, err = pasteCopyLine(out, files[i], eol, flushSaved)
				if err != nil && !some {
					if c.Canceled() {
						return 1
					}
					c.PathErr(quoteIf(names[i]), err)
					status = 1
				}
			}
			if !some {
				if files[i] != nil {
					files[i] = nil
					open_--
				}
				if i+1 == n {
					if somedone {
						flushSaved()
						out.WriteByte(eol)
					}
				} else {
					if delims[di] != pasteNoDelim {
						saved = append(saved, byte(delims[di]))
					}
					di = (di + 1) % len(delims)
				}
				continue
			}
			somedone = true
			if i+1 != n {
				if delims[di] != pasteNoDelim {
					out.WriteByte(byte(delims[di]))
				}
				di = (di + 1) % len(delims)
			} else {
				out.WriteByte(eol)
			}
		}
	}
	return status
}

func (c *Context) pasteSerial(out *errWriter, names []string, delims []int, eol byte, open pasteOpener) int {
	status := 0
	for _, name := range names {
		if c.stopped() || out.err != nil {
			return 1
		}
		br, cl, err := open(name)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			status = 1
			continue
		}
		di := 0
		first := true
		for !c.stopped() {
			some, err := pasteCopyLine(out, br, eol, func() {
				if !first {
					if delims[di] != pasteNoDelim {
						out.WriteByte(byte(delims[di]))
					}
					di = (di + 1) % len(delims)
				}
			})
			if err != nil {
				if !c.Canceled() {
					c.PathErr(quoteIf(name), err)
				}
				status = 1
				break
			}
			if !some {
				break
			}
			first = false
		}
		out.WriteByte(eol)
		if cl != nil {
			cl.Close()
		}
	}
	return status
}
