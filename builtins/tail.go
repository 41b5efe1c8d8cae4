package builtins

// tail, as GNU's: -n [+]NUM, -c [+]NUM (with multiplier suffixes), the
// legacy forms -NUM[bcl][f] and +NUM[bcl][f] as the only option, -q, -v,
// -z, "==> name <==" headers, -s, --pid, --retry, --max-unchanged-stats.
// A regular file is read from its end (only the tail is read); a pipe is
// streamed holding only the last NUM lines or bytes.
//
// -f, -F and --follow: after printing the tail, tail polls the named
// files (every -s seconds, at most 1s) and prints what is appended, "file
// truncated" when one shrinks, and with -F/--retry follows a file that
// disappears and comes back, as GNU's --follow=name does. It stops only
// when the run is cancelled (a timeout), as GNU's waits forever. Both
// follow modes watch the name (in the sandbox's copy-on-write overlay a
// file written by another command may become a new file). Standard input
// is never followed, as GNU ignores -f on a pipe; --pid is checked for
// syntax only, as the sandbox has no process ids to watch.

import (
	"io"
	"io/fs"
	"strconv"
	"strings"
	"time"
)

func init() { Register("tail", tail) }

var tailSpec = optSpec{
	Short: "c:n:fFqs:vz0123456789",
	Long: []longOpt{
		{Name: "bytes", Arg: requiredArg, Key: "c"},
		{Name: "lines", Arg: requiredArg, Key: "n"},
		{Name: "follow", Arg: optionalArg, Key: "follow"},
		{Name: "quiet", Key: "q"},
		{Name: "silent", Key: "q"},
		{Name: "verbose", Key: "v"},
		{Name: "zero-terminated", Key: "z"},
		{Name: "sleep-interval", Arg: requiredArg, Key: "s"},
		{Name: "pid", Arg: requiredArg, Key: "pid"},
		{Name: "retry", Key: "retry"},
		{Name: "max-unchanged-stats", Arg: requiredArg, Key: "max-unchanged-stats"},
		{Name: "-presume-input-pipe", Key: "presume"},
	},
	Status: 1,
	Usage: `Usage: tail [OPTION]... [FILE]...
Print the last 10 lines of each FILE to standard output.
With more than one FILE, precede each with a header giving the file name.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -c, --bytes=[+]NUM       output the last NUM bytes; or use -c +NUM to
                             output starting with byte NUM of each file
  -f, --follow[={name|descriptor}]
                           output appended data as the file grows;
                             an absent option argument means 'descriptor'
  -F                       same as --follow=name --retry
  -n, --lines=[+]NUM       output the last NUM lines, instead of the last 10;
                             or use -n +NUM to output starting with line NUM
      --max-unchanged-stats=N
                           with --follow=name, reopen a FILE which has not
                             changed size after N (default 5) iterations
                             to see if it has been unlinked or renamed
                             (this is the usual case of rotated log files)
      --pid=PID            with -f, terminate after process ID, PID dies
  -q, --quiet, --silent    never output headers giving file names
      --retry              keep trying to open a file if it is inaccessible
  -s, --sleep-interval=N   with -f, sleep for approximately N seconds
                             (default 1.0) between iterations
  -v, --verbose            always output headers giving file names
  -z, --zero-terminated    line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

NUM may have a multiplier suffix:
b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024,
GB 1000*1000*1000, G 1024*1024*1024, and so on for T, P, E, Z, Y.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.
`,
}

// tailOpts are tail's settings.
type tailOpts struct {
	lines     bool
	n         int64
	fromStart bool
	delim     byte
	headers   int // 0: by the number of files, 1: always, -1: never
	follow    bool
	byName    bool
	retry     bool
	sleep     time.Duration
}

func tail(c *Context) int {
	c, _ = c.withStickyStdout()
	o := tailOpts{lines: true, n: 10, delim: '\n', sleep: time.Second}
	if ok, status := tailObsolete(c, &o); ok {
		if status != 0 {
			return status
		}
		c2 := *c
		c2.Args = append([]string{c.Args[0]}, c.Args[2:]...)
		c = &c2
	}
	p, err := c.parseOpts(&tailSpec)
	if err != nil {
		return exitStatus(err)
	}
	for _, op := range p.Opts {
		switch op.Key {
		case "c", "n":
			o.lines = op.Key == "n"
			v := op.Val
			if strings.HasPrefix(v, "+") {
				o.fromStart = true
			} else if strings.HasPrefix(v, "-") {
				v = v[1:]
			}
			n, ok := c.parseUnitCount(v, o.lines, v)
			if !ok {
				return 1
			}
			o.n = n
		case "f":
			o.follow = true
		case "F":
			o.follow, o.byName, o.retry = true, true, true
		case "follow":
			o.follow = true
			if op.HasVal {
				v, ok := c.argMatch("--follow", op.Val, [][]string{{"descriptor"}, {"name"}})
				if !ok {
					return 1
				}
				o.byName = v == "name"
			}
		case "q":
			o.headers = -1
		case "v":
			o.headers = 1
		case "z":
			o.delim = 0
		case "s":
			f, err := strconv.ParseFloat(strings.TrimSpace(op.Val), 64)
			if err != nil || f < 0 || strings.ContainsAny(op.Val, "xXpPnNiI") {
				return c.Failf(1, "invalid number of seconds: %s", quote(op.Val))
			}
			o.sleep = time.Duration(f * float64(time.Second))
		case "pid":
			if n, err := strconv.ParseInt(op.Val, 10, 32); err != nil || n < 0 {
				return c.Failf(1, "invalid PID: %s", quote(op.Val))
			}
		case "retry":
			o.retry = true
		case "max-unchanged-stats":
			if _, e := parseSuffixed(op.Val, "", false); e == sizeInvalid {
				return c.Failf(1, "invalid maximum number of unchanged stats between opens: %s", quote(op.Val))
			}
		case "presume":
		default: // a digit
			return c.Failf(1, "option used in invalid context -- %s", op.Key)
		}
	}
	if o.fromStart && o.n > 0 {
		o.n--
	}
	files := p.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	show := o.headers == 1 || (o.headers == 0 && len(files) > 1)
	out := newErrWriter(c.Stdout)
	var hdr fileHeaders
	status := 0
	followed := make([]*tailFollow, 0, len(files))
	for _, name := range files {
		if c.stopped() {
			return 1
		}
		r, err := c.openInput(name)
		if err != nil {
			c.Errorf("cannot open %s for reading: %s", quote(name), ErrText(err))
			status = 1
			if o.follow && o.retry && name != "-" {
				followed = append(followed, &tailFollow{name: name, gone: true})
			}
			continue
		}
		if show {
			hdr.write(out, name)
		}
		end, rerr := c.tailOne(r, out, &o)
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
			continue
		}
		if o.follow && name != "-" {
			followed = append(followed, &tailFollow{name: name, pos: end})
		}
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if !o.follow || len(followed) == 0 {
		return status
	}
	last := ""
	if len(files) > 0 {
		last = files[len(files)-1]
	}
	return c.tailFollowLoop(followed, &o, show, &hdr, last)
}

// tailObsolete parses the legacy first argument (-NUM[bcl][f] or
// +NUM[bcl][f]), accepted when it is followed by at most one operand. It
// reports whether it took the argument, and a non-zero status after an
// error.
func tailObsolete(c *Context, o *tailOpts) (bool, int) {
	args := c.Args
	if !(len(args) == 2 || (len(args) == 3 && !(len(args[2]) > 1 && args[2][0] == '-'))) {
		return false, 0
	}
	a := args[1]
	if len(a) == 0 {
		return false, 0
	}
	from := false
	p := a[1:]
	switch a[0] {
	case '+':
		from = true
	case '-':
		i := 0
		if len(p) > 0 && p[0] == 'c' {
			i = 1
		}
		if i >= len(p) {
			return false, 0
		}
	default:
		return false, 0
	}
	i := 0
	for i < len(p) && isDigit(p[i]) {
		i++
	}
	num := p[:i]
	lines, mult := true, int64(1)
	rest := p[i:]
	if rest != "" {
		switch rest[0] {
		case 'b':
			mult = 512
			lines = false
			rest = rest[1:]
		case 'c':
			lines = false
			rest = rest[1:]
		case 'l':
			rest = rest[1:]
		}
	}
	follow := false
	if rest != "" && rest[0] == 'f' {
		follow = true
		rest = rest[1:]
	}
	if rest != "" {
		return false, 0
	}
	n := int64(10)
	if num != "" {
		v, err := strconv.ParseInt(num, 10, 64)
		if err != nil || v > (1<<62)/mult {
			return true, c.Failf(1, "invalid number: %s: Numerical result out of range", quote(a))
		}
		n = v * mult
	}
	o.fromStart, o.lines, o.n = from, lines, n
	if follow {
		o.follow = true
	}
	return true, 0
}

// tailOne writes the tail of r to out and returns the offset of the end
// of what it read (for -f).
func (c *Context) tailOne(r io.Reader, out *errWriter, o *tailOpts) (int64, error) {
	if f, ok := r.(interface {
		io.ReadSeeker
		Stat() (fs.FileInfo, error)
	}); ok && !o.fromStart {
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			return c.tailSeekable(f, fi.Size(), out, o)
		}
	}
	var pos int64
	cr := &countingReader{r: r, n: &pos}
	var err error
	switch {
	case o.fromStart:
		err = c.tailFrom(cr, out, o)
	case o.lines:
		err = c.tailLinesStream(cr, out, o)
	default:
		err = c.tailBytesStream(cr, out, o)
	}
	return pos, err
}

// countingReader counts what is read through it.
type countingReader struct {
	r io.Reader
	n *int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// tailSeekable finds the start of the tail of a regular file by reading
// backwards from its end, then copies from there.
func (c *Context) tailSeekable(f io.ReadSeeker, size int64, out *errWriter, o *tailOpts) (int64, error) {
	start := int64(0)
	if !o.lines {
		if o.n < size {
			start = size - o.n
		}
	} else if o.n == 0 {
		start = size
	} else if size > 0 {
		buf := make([]byte, textBufSize)
		pos := size
		count := int64(0)
		first := true
		found := false
		for pos > 0 && !found {
			if c.Canceled() {
				return 0, c.Ctx.Err()
			}
			n := int64(len(buf))
			if pos < n {
				n = pos
			}
			pos -= n
			if _, err := f.Seek(pos, io.SeekStart); err != nil {
				return 0, err
			}
			if _, err := io.ReadFull(f, buf[:n]); err != nil {
				return 0, err
			}
			i := n - 1
			if first && buf[i] == o.delim {
				i-- // the end of the last line
			}
			first = false
			for ; i >= 0; i-- {
				if buf[i] == o.delim {
					count++
					if count == o.n {
						start = pos + i + 1
						found = true
						break
					}
				}
			}
		}
	}
	if _, err := f.Seek(start, io.SeekStart); err != nil {
		return 0, err
	}
	n, err := c.copyOut(f, out)
	return start + n, err
}

// copyOut copies r to out until the end, stopping when the run is
// cancelled or out fails. It returns the bytes read and a read error.
func (c *Context) copyOut(r io.Reader, out *errWriter) (int64, error) {
	buf := make([]byte, textBufSize)
	var total int64
	for {
		if c.Canceled() {
			return total, c.Ctx.Err()
		}
		n, err := r.Read(buf)
		total += int64(n)
		out.Write(buf[:n])
		if out.err != nil {
			return total, nil
		}
		if err == io.EOF {
			return total, nil
		}
		if err != nil {
			return total, err
		}
	}
}

// tailFrom skips o.n lines or bytes and copies the rest.
func (c *Context) tailFrom(r io.Reader, out *errWriter, o *tailOpts) error {
	left := o.n
	if !o.lines {
		buf := make([]byte, textBufSize)
		for left > 0 {
			if c.Canceled() {
				return c.Ctx.Err()
			}
			want := int64(len(buf))
			if left < want {
				want = left
			}
			n, err := r.Read(buf[:want])
			left -= int64(n)
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
		_, err := c.copyOut(r, out)
		return err
	}
	rr := newLineReader(r, o.delim)
	for ; left > 0; left-- {
		if c.Canceled() {
			return c.Ctx.Err()
		}
		_, err := rr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
	_, err := c.copyOut(rr.br, out)
	return err
}

// tailLinesStream keeps the last o.n lines of a stream.
func (c *Context) tailLinesStream(r io.Reader, out *errWriter, o *tailOpts) error {
	rr := newLineReader(r, o.delim)
	var ring [][]byte
	next := 0
	for {
		if c.Canceled() {
			return c.Ctx.Err()
		}
		line, err := rr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		if o.n == 0 {
			continue
		}
		if int64(len(ring)) < o.n {
			ring = append(ring, append([]byte(nil), line...))
			continue
		}
		ring[next] = append(ring[next][:0], line...)
		next = (next + 1) % len(ring)
	}
	for i := range ring {
		out.Write(ring[(next+i)%len(ring)])
	}
	return nil
}

// tailBytesStream keeps the last o.n bytes of a stream.
func (c *Context) tailBytesStream(r io.Reader, out *errWriter, o *tailOpts) error {
	buf := make([]byte, textBufSize)
	var held []byte
	for {
		if c.Canceled() {
			return c.Ctx.Err()
		}
		n, err := r.Read(buf)
		held = append(held, buf[:n]...)
		if extra := int64(len(held)) - o.n; extra > int64(len(buf)) {
			held = append(held[:0], held[extra:]...)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	if extra := int64(len(held)) - o.n; extra > 0 {
		held = held[extra:]
	}
	out.Write(held)
	return nil
}

// tailFollow is a file followed by -f.
type tailFollow struct {
	name string
	pos  int64
	gone bool // could not be opened last time
}

// tailFollowLoop polls the followed files until the run is cancelled.
func (c *Context) tailFollowLoop(files []*tailFollow, o *tailOpts, show bool, hdr *fileHeaders, last string) int {
	interval := o.sleep
	if interval > time.Second {
		interval = time.Second
	}
	if interval < 10*time.Millisecond {
		interval = 10 * time.Millisecond
	}
	out := newErrWriter(c.Stdout)
	for {
		if c.Ctx == nil {
			return 0
		}
		select {
		case <-c.Ctx.Done():
			return 1
		case <-time.After(interval):
		}
		for _, t := range files {
			f, err := c.FS.Open(c.fsPath(t.name))
			if err != nil {
				if !t.gone && o.retry {
					c.Errorf("%s has become inaccessible: %s", quote(t.name), ErrText(err))
				}
				t.gone = true
				continue
			}
			fi, err := f.Stat()
			if err != nil || !fi.Mode().IsRegular() {
				f.Close()
				continue
			}
			if t.gone {
				if o.retry {
					c.Errorf("%s has appeared;  following new file", quote(t.name))
				}
				t.gone, t.pos = false, 0
			}
			if fi.Size() < t.pos {
				c.Errorf("%s: file truncated", quoteIf(t.name))
				t.pos = 0
			}
			if fi.Size() > t.pos {
				if _, err := f.Seek(t.pos, io.SeekStart); err == nil {
					if show && last != t.name {
						hdr.write(out, t.name)
						last = t.name
					}
					n, _ := c.copyOut(f, out)
					t.pos += n
				}
			}
			f.Close()
			if err := out.Flush(); err != nil {
				return c.writeFailed(err)
			}
		}
	}
}
