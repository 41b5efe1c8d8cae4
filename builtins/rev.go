package builtins

// rev, as util-linux's in the C locale: reverses the bytes of each line
// of the files (or standard input when there is none; "-" is a file name,
// as in util-linux 2.38), keeping the line ends; a last
// line without a newline stays without one. -h/--help and -V/--version;
// util-linux's messages ("rev: cannot open x: No such file or
// directory"). Input is read a line at a time.

import (
	"io"
)

func init() { Register("rev", rev) }

var revSpec = optSpec{
	Short:  "hV",
	Long:   []longOpt{},
	Status: 1,
	Usage: `Usage: rev [options] [file ...]

Reverse lines characterwise.

Options:
 -h, --help     display this help
 -V, --version  display version
`,
}

func rev(c *Context) int {
	c, _ = c.withStickyStdout()
	p, err := c.parseOpts(&revSpec)
	if err != nil {
		return exitStatus(err)
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "h":
			return c.writeOut(revSpec.Usage)
		case "V":
			return c.writeOut("rev (sandsh builtin) 1.0\n")
		}
	}
	files := p.Operands
	stdin := len(files) == 0
	if stdin {
		files = []string{""}
	}
	out := newErrWriter(c.Stdout)
	status := 0
	for _, name := range files {
		if c.stopped() {
			return 1
		}
		var r io.ReadCloser
		var err error
		if stdin {
			r, err = c.openInput("-")
		} else {
			r, err = c.FS.Open(c.fsPath(name))
		}
		if err != nil {
			c.Errorf("cannot open %s: %s", name, ErrText(err))
			status = 1
			continue
		}
		rr := newLineReader(r, '\n')
		lineNo := 0
		var buf []byte
		for {
			if c.Canceled() {
				r.Close()
				return 1
			}
			line, err := rr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				c.Errorf("%s: %d: %s", name, lineNo, ErrText(err))
				status = 1
				break
			}
			lineNo++
			body := line
			nl := len(body) > 0 && body[len(body)-1] == '\n'
			if nl {
				body = body[:len(body)-1]
			}
			buf = buf[:0]
			for i := len(body) - 1; i >= 0; i-- {
				buf = append(buf, body[i])
			}
			if nl {
				buf = append(buf, '\n')
			}
			out.Write(buf)
			if out.err != nil {
				break
			}
		}
		r.Close()
		if out.err != nil {
			return c.writeFailed(out.err)
		}
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}
