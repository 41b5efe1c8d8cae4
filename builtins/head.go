package builtins

// head, as GNU's: -n [-]NUM, -c [-]NUM (with multiplier suffixes), -q,
// -v, -z, the legacy first argument -NUM[bkm][clqvz], and "==> name <=="
// headers for several files. Input is streamed: -n N and -c N stop reading
// after N units; -n -N and -c -N hold only the last N lines or bytes.

import (
	"io"
)

func init() { Register("head", head) }

var headSpec = optSpec{
	Short: "c:n:qvz",
	Long: []longOpt{
		{Name: "bytes", Arg: requiredArg, Key: "c"},
		{Name: "lines", Arg: requiredArg, Key: "n"},
		{Name: "quiet", Key: "q"},
		{Name: "silent", Key: "q"},
		{Name: "verbose", Key: "v"},
		{Name: "zero-terminated", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: head [OPTION]... [FILE]...
Print the first 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -c, --bytes=[-]NUM       print the first NUM bytes of each file;
                             with the leading '-', print all but the last
                             NUM bytes of each file
  -n, --lines=[-]NUM       print the first NUM lines instead of the first 10;
                             with the leading '-', print all but the last
                             NUM lines of each file
  -q, --quiet, --silent    never print headers giving file names
  -v, --verbose            always print headers giving file names
  -z, --zero-terminated    line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

NUM may have a multiplier suffix:
b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.
`,
}

// headOpts are head's settings.
type headOpts struct {
	lines   bool  // count lines, not bytes
	n       int64 // the count
	elide   bool  // all but the last n
	delim   byte  // line end
	headers int   // 0: by the number of files, 1: always, -1: never
}

func head(c *Context) int {
	c, _ = c.withStickyStdout()
	o := headOpts{lines: true, n: 10, delim: '\n'}
	// The legacy form -NUM[bkm][clqvz] is only recognised as the first
	// argument.
	if len(c.Args) > 1 && len(c.Args[1]) > 1 && c.Args[1][0] == '-' && isDigit(c.Args[1][1]) {
		a := c.Args[1][1:]
		i := 0
		for i < len(a) && isDigit(a[i]) {
			i++
		}
		num, mult := a[:i], ""
		for _, ch := range []byte(a[i:]) {
			switch ch {
			case 'c':
				o.lines, mult = false, ""
			case 'b', 'k', 'm':
				o.lines, mult = false, string(ch)
			case 'l':
				o.lines = true
			case 'q':
				o.headers = -1
			case 'v':
				o.headers = 1
			case 'z':
				o.delim = 0
			default:
				c.Errorf("invalid trailing option -- %c", ch)
				c.tryHelp()
				return 1
			}
		}
		n, ok := c.parseUnitCount(num+mult, o.lines, num+mult)
		if !ok {
			return 1
		}
		o.n = n
		c2 := *c
		c2.Args = append([]string{c.Args[0]}, c.Args[2:]...)
		c = &c2
	}
	p, err := c.parseOpts(&headSpec)
	if err != nil {
		return exitStatus(err)
	}
	for _, op := range p.Opts {
		switch op.Key {
		case "c", "n":
			o.lines = op.Key == "n"
			v := op.Val
			o.elide = len(v) > 0 && v[0] == '-'
			if o.elide {
				v = v[1:]
			}
			n, ok := c.parseUnitCount(v, o.lines, v)
			if !ok {
				return 1
			}
			o.n = n
		case "q":
			o.headers = -1
		case "v":
			o.headers = 1
		case "z":
			o.delim = 0
		}
	}
	files := p.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	show := o.headers == 1 || (o.headers == 0 && len(files) > 1)
	out := newErrWriter(c.Stdout)
	var hdr fileHeaders
	status := 0
	for _, name := range files {
		if c.stopped() {
			return 1
		}
		r, err := c.openInput(name)
		if err != nil {
			c.Errorf("cannot open %s for reading: %s", quote(name), ErrText(err))
			status = 1
			continue
		}
		if show {
			hdr.write(out, name)
		}
		rerr := c.headOne(r, out, &o)
		r.Close()
		if out.err != nil {
			return c.writeFailed(out.err)
		}
		if rerr != nil {
			if c.Canceled() {
				return 1
			}
			c.Errorf("error reading %s: %s", quote(name), ErrText(rerr))
			status = 1
		}
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

// headOne copies the selected part of r to out. It returns a read error;
// write errors stay in out.
func (c *Context) headOne(r io.Reader, out *errWriter, o *headOpts) error {
	switch {
	case !o.lines && !o.elide:
		buf := make([]byte, textBufSize)
		left := o.n
		for left > 0 {
			if c.Canceled() {
				return c.Ctx.Err()
			}
			want := int64(len(buf))
			if left < want {
				want = left
			}
			n, err := r.Read(buf[:want])
			out.Write(buf[:n])
			left -= int64(n)
			if out.err != nil {
				return nil
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
		return nil
	case !o.lines && o.elide:
		// Keep the last n bytes back; write the rest as it comes.
		buf := make([]byte, textBufSize)
		var held []byte
		for {
			if c.Canceled() {
				return c.Ctx.Err()
			}
			n, err := r.Read(buf)
			held = append(held, buf[:n]...)
			if extra := int64(len(held)) - o.n; extra > 0 {
				out.Write(held[:extra])
				held = append(held[:0], held[extra:]...)
			}
			if out.err != nil {
				return nil
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	case o.lines && !o.elide:
		rr := newLineReader(r, o.delim)
		for i := int64(0); i < o.n; i++ {
			if c.Canceled() {
				return c.Ctx.Err()
			}
			line, err := rr.next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			out.Write(line)
			if out.err != nil {
				return nil
			}
		}
		return nil
	default:
		// A ring of the last n lines; a line leaving it is written.
		rr := newLineReader(r, o.delim)
		var ring [][]byte
		next := 0
		for {
			if c.Canceled() {
				return c.Ctx.Err()
			}
			line, err := rr.next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
			if o.n == 0 {
				out.Write(line)
			} else if int64(len(ring)) < o.n {
				ring = append(ring, append([]byte(nil), line...))
			} else {
				out.Write(ring[next])
				ring[next] = append(ring[next][:0], line...)
				next = (next + 1) % len(ring)
			}
			if out.err != nil {
				return nil
			}
		}
	}
}
