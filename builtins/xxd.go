package builtins

// xxd, as vim's xxd 2022: the default dump, -p/-ps (plain), -i (C
// include, with -n NAME and -C), -b (bits), -e (little-endian groups),
// -u, -a (autoskip), -d (decimal offsets), -o OFF, -c COLS, -g BYTES,
// -l LEN, -s [+-]SEEK, -r and -r -p (revert, writing zeros for gaps on a
// stream) and the optional outfile operand. Options are parsed the way
// xxd does it (-c8, -c 8, -cols 8, -len 3, -ps). Not supported: -E
// (EBCDIC), -R (colors), patching an existing outfile in place with -r
// (the outfile is truncated). Streams, one line at a time.

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

func init() { Register("xxd", xxd) }

const xxdUsage = `Usage:
       xxd [options] [infile [outfile]]
    or
       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]
Options:
    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.
    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.
    -C          capitalize variable names in C include file style (-i).
    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).
    -E          show characters in EBCDIC. Default ASCII.
    -e          little-endian dump (incompatible with -ps,-i,-r).
    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).
    -h          print this summary.
    -i          output in C include file style.
    -l len      stop after <len> octets.
    -n name     set the variable name used in C include output (-i).
    -o off      add <off> to the displayed file position.
    -ps         output in postscript plain hexdump style.
    -r          reverse operation: convert (or patch) hexdump into binary.
    -r -s off   revert with <off> added to file positions found in hexdump.
    -d          show offset in decimal instead of hex.
    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.
    -u          use upper case hex letters.
    -v          show version: "xxd 2022-01-14 by Juergen Weigert et al.".
`

const (
	xxdNormal = iota
	xxdPlain
	xxdInclude
	xxdBits
	xxdLittle
)

type xxdOpts struct {
	mode      int
	cols      int
	group     int
	groupSet  bool
	length    int64
	seek      int64
	seekSet   bool
	seekRel   bool
	seekEnd   bool
	offset    int64
	upper     bool
	auto      bool
	decimal   bool
	capital   bool
	revert    bool
	name      string
	nameSet   bool
	colsSet   bool
	operands  []string
	showUsage bool
}

// xxdStrtol is C's strtol with base 0, as xxd reads numbers: it stops
// at the first character that does not fit.
func xxdStrtol(s string) int64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	base := 10
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		if len(s) > 2 && isHexDigit(s[2]) {
			base, s = 16, s[2:]
		}
	case strings.HasPrefix(s, "0"):
		base = 8
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := digitVal(s[i])
		if d < 0 || d >= base {
			break
		}
		v = v*int64(base) + int64(d)
	}
	if neg {
		return -v
	}
	return v
}

func (c *Context) xxdParse() (xxdOpts, int, bool) {
	o := xxdOpts{mode: xxdNormal, length: -1}
	args := c.Args[1:]
	for len(args) > 0 {
		a := args[0]
		if len(a) < 2 || a[0] != '-' {
			break
		}
		args = args[1:]
		if a == "--" {
			break
		}
		// value returns the argument of an option that takes one: glued
		// after its letter (unless it spells the long name) or the next
		// word.
		value := func(long string) (string, bool) {
			rest := a[2:]
			if rest != "" && !strings.HasPrefix(long, rest) {
				return rest, true
			}
			if len(args) == 0 {
				return "", false
			}
			v := args[0]
			args = args[1:]
			return v, true
		}
		switch a[1] {
		case 'a':
			o.auto = !o.auto
		case 'b':
			o.mode = xxdBits
		case 'e':
			o.mode = xxdLittle
		case 'u':
			o.upper = true
		case 'p':
			o.mode = xxdPlain
		case 'i':
			o.mode = xxdInclude
		case 'C':
			o.capital = true
		case 'd':
			o.decimal = true
		case 'r':
			o.revert = true
		case 'E':
			return o, c.Failf(1, "-E (EBCDIC) is not supported by this xxd"), false
		case 'v':
			io.WriteString(c.Stderr, "xxd 2022-01-14 by Juergen Weigert et al.\n")
			return o, 0, false
		case 'c', 'g', 'l', 's', 'o', 'n':
			long := map[byte]string{'c': "ols", 'g': "roup", 'l': "en", 's': "eek", 'o': "ffset", 'n': "ame"}[a[1]]
			v, ok := value(long)
			if !ok {
				io.WriteString(c.Stderr, xxdUsage)
				return o, 1, false
			}
			switch a[1] {
			case 'c':
				o.cols, o.colsSet = int(xxdStrtol(v)), true
			case 'g':
				o.group, o.groupSet = int(xxdStrtol(v)), true
			case 'l':
				o.length = xxdStrtol(v)
			case 'o':
				o.offset = xxdStrtol(v)
			case 'n':
				o.name, o.nameSet = v, true
			case 's':
				o.seekSet = true
				t := v
				if strings.HasPrefix(t, "+") {
					o.seekRel, t = true, t[1:]
				}
				if strings.HasPrefix(t, "-") {
					o.seekEnd = true
				}
				o.seek = xxdStrtol(t)
			}
		default:
			io.WriteString(c.Stderr, xxdUsage)
			return o, 1, false
		}
	}
	o.operands = args
	if len(o.operands) > 2 {
		io.WriteString(c.Stderr, xxdUsage)
		return o, 1, false
	}
	return o, 0, true
}

func xxd(c *Context) int {
	o, status, ok := c.xxdParse()
	if !ok {
		return status
	}
	if !o.colsSet || o.cols == 0 {
		switch o.mode {
		case xxdPlain:
			o.cols = 30
		case xxdInclude:
			o.cols = 12
		case xxdBits:
			o.cols = 6
		default:
			o.cols = 16
		}
	}
	if o.cols < 1 || (o.mode != xxdPlain && o.cols > 256) {
		return c.Failf(1, "invalid number of columns (max. 256).")
	}
	if !o.groupSet {
		switch o.mode {
		case xxdBits:
			o.group = 1
		case xxdLittle:
			o.group = 4
		default:
			o.group = 2
		}
	}
	if o.group < 1 || o.group > o.cols {
		o.group = o.cols
	}
	if o.mode == xxdLittle && o.group&(o.group-1) != 0 {
		return c.Failf(1, "number of octets per group must be a power of 2 with -e.")
	}
	var in io.Reader = c.Stdin
	inName := "-"
	if len(o.operands) > 0 && o.operands[0] != "-" {
		inName = o.operands[0]
		f, err := c.FS.Open(c.fsPath(inName))
		if err != nil {
			return c.Failf(2, "%s: %s", inName, ErrText(err))
		}
		defer f.Close()
		in = f
		if fi, err := f.Stat(); err == nil && fi.IsDir() {
			return c.Failf(2, "Is a directory")
		}
		if o.seekEnd && !o.revert {
			if fi, err := f.Stat(); err == nil {
				o.seek = fi.Size() + o.seek
				if o.seek < 0 {
					o.seek = 0
				}
			}
		}
	}
	if in == nil {
		in = eofReader{}
	}
	var out io.Writer = c.Stdout
	if len(o.operands) > 1 && o.operands[1] != "-" {
		f, err := c.FS.OpenFile(c.fsPath(o.operands[1]), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return c.Failf(3, "%s: %s", o.operands[1], ErrText(err))
		}
		defer f.Close()
		out = f
	}
	c2, sw := c.withStickyStdout()
	if out == c.Stdout {
		out = sw
	}
	w := newErrWriter(out)
	br := bufio.NewReaderSize(in, 64*1024)
	if o.revert {
		c2.xxdRevert(br, w, o)
	} else {
		if o.seekSet && o.seek > 0 {
			if _, err := io.CopyN(io.Discard, br, o.seek); err != nil && err != io.EOF {
				return c.Failf(2, "%s", ErrText(err))
			}
		}
		if !o.seekSet || o.seek < 0 {
			o.seek = 0
		}
		c2.xxdDump(br, w, o, inName)
	}
	if err := w.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	return 0
}

func (c *Context) xxdDump(br *bufio.Reader, w *errWriter, o xxdOpts, inName string) {
	hexd := "0123456789abcdef"
	if o.upper {
		hexd = "0123456789ABCDEF"
	}
	limit := o.length
	var n int64
	next := func() (byte, bool) {
		if limit >= 0 && n >= limit {
			return 0, false
		}
		b, err := br.ReadByte()
		if err != nil {
			return 0, false
		}
		n++
		return b, true
	}
	switch o.mode {
	case xxdPlain:
		p := 0
		for !c.stopped() {
			b, ok := next()
			if !ok {
				break
			}
			w.WriteByte(hexd[b>>4])
			w.WriteByte(hexd[b&15])
			if p++; p == o.cols {
				w.WriteByte('\n')
				p = 0
			}
		}
		if p > 0 {
			w.WriteByte('\n')
		}
		return
	case xxdInclude:
		name := ""
		if inName != "-" {
			name = o.name
			if !o.nameSet {
				var b strings.Builder
				if inName != "" && inName[0] >= '0' && inName[0] <= '9' {
					b.WriteString("__")
				}
				for i := 0; i < len(inName); i++ {
					ch := inName[i]
					switch {
					case ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9':
					default:
						ch = '_'
					}
					if o.capital {
						ch = upperASCII(ch)
					}
					b.WriteByte(ch)
				}
				name = b.String()
			}
			w.WriteString("unsigned char " + name + "[] = {\n")
		}
		x := "0x"
		if o.upper {
			x = "0X"
		}
		p := 0
		for !c.stopped() {
			b, ok := next()
			if !ok {
				break
			}
			switch {
			case p == 0:
				w.WriteString("  ")
			case p%o.cols == 0:
				w.WriteString(",\n  ")
			default:
				w.WriteString(", ")
			}
			w.WriteString(x)
			w.WriteByte(hexd[b>>4])
			w.WriteByte(hexd[b&15])
			p++
		}
		if p > 0 {
			w.WriteByte('\n')
		}
		if inName != "-" {
			w.WriteString("};\n")
			suffix := "_len"
			if o.capital {
				suffix = "_LEN"
			}
			w.Printf("unsigned int %s%s = %d;\n", name, suffix, p)
		}
		return
	}
	grplen := 2*o.group + 1
	if o.mode == xxdBits {
		grplen = 8*o.group + 1
	}
	const addrlen = 9
	line := make([]byte, 0, 1024)
	p := 0
	nonzero := 0
	z := &xxdSkip{}
	asciiCol := addrlen + 3 + (grplen*o.cols-1)/o.group
	for !c.stopped() && w.err == nil {
		b, ok := next()
		if !ok {
			break
		}
		if p == 0 {
			line = line[:0]
			addr := n - 1 + o.seek + o.offset
			if o.decimal {
				line = append(line, []byte(xxdPad(strconv.FormatInt(addr, 10)))...)
			} else {
				line = append(line, []byte(xxdPad(strconv.FormatInt(addr, 16)))...)
			}
			line = append(line, ':')
			for len(line) < asciiCol+o.cols+1 {
				line = append(line, ' ')
			}
		}
		x := p
		if o.mode == xxdLittle {
			x = p ^ (o.group - 1)
		}
		col := addrlen + 1 + (grplen*x)/o.group
		if o.mode == xxdBits {
			for i := 7; i >= 0; i-- {
				line[col] = '0' + (b>>i)&1
				col++
			}
		} else {
			line[col] = hexd[b>>4]
			line[col+1] = hexd[b&15]
		}
		if b != 0 {
			nonzero++
		}
		if b < 32 || b > 126 {
			b = '.'
		}
		line[asciiCol+p] = b
		p++
		if p == o.cols {
			l := append(line[:asciiCol+p], '\n')
			nz := 1
			if o.auto {
				nz = nonzero
			}
			z.line(w, l, nz)
			nonzero = 0
			p = 0
		}
	}
	if p > 0 {
		z.line(w, append(line[:asciiCol+p], '\n'), 1)
	} else if o.auto {
		z.line(w, nil, -1)
	}
}

func xxdPad(s string) string {
	if len(s) < 8 {
		s = strings.Repeat("0", 8-len(s)) + s
	}
	return s
}

// xxdSkip is xxd's autoskip: runs of all-zero lines become "*".
type xxdSkip struct {
	saved, last []byte
	seen        int
}

func (z *xxdSkip) line(w *errWriter, l []byte, nz int) {
	if l == nil {
		l = z.last
	} else {
		z.last = append(z.last[:0], l...)
	}
	if nz == 0 && z.seen == 1 {
		z.saved = append(z.saved[:0], l...)
	}
	show := nz != 0
	if !show {
		show = z.seen == 0
		z.seen++
	}
	if !show {
		return
	}
	if nz != 0 {
		if nz < 0 {
			z.seen--
		}
		if z.seen == 2 {
			w.Write(z.saved)
		}
		if z.seen > 2 {
			w.WriteString("*\n")
		}
	}
	if nz >= 0 || z.seen > 0 {
		w.Write(l)
	}
	if nz != 0 {
		z.seen = 0
	}
}

// xxdRevert turns a dump back into bytes: plain hex with -p, else lines
// of "address: hex hex  text".
func (c *Context) xxdRevert(br *bufio.Reader, w *errWriter, o xxdOpts) {
	var pos int64
	if o.mode == xxdPlain {
		hi := -1
		for !c.stopped() {
			ch, err := br.ReadByte()
			if err != nil {
				return
			}
			d := digitVal(ch)
			if d < 0 || d > 15 {
				continue
			}
			if hi < 0 {
				hi = d
				continue
			}
			w.WriteByte(byte(hi<<4 | d))
			hi = -1
		}
		return
	}
	lr := newLineReader(br, '\n')
	for !c.stopped() && w.err == nil {
		line, err := lr.next()
		if err != nil {
			return
		}
		s := strings.TrimRight(string(line), "\r\n")
		colon := strings.IndexByte(s, ':')
		if colon < 0 {
			continue
		}
		addr, perr := strconv.ParseInt(strings.TrimSpace(s[:colon]), 16, 64)
		if perr != nil {
			continue
		}
		addr += o.seek
		for pos < addr {
			w.WriteByte(0)
			pos++
		}
		rest := s[colon+1:]
		hi := -1
		spaces := 0
		count := 0
		for i := 0; i < len(rest) && count < o.cols; i++ {
			ch := rest[i]
			if ch == ' ' {
				spaces++
				if spaces >= 2 && i > 1 {
					break
				}
				continue
			}
			spaces = 0
			d := digitVal(ch)
			if d < 0 || d > 15 {
				break
			}
			if hi < 0 {
				hi = d
				continue
			}
			w.WriteByte(byte(hi<<4 | d))
			hi = -1
			pos++
			count++
		}
	}
}
