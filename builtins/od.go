package builtins

// od, as GNU's: -A d/o/x/n, -j BYTES, -N BYTES (with 0x/0 prefixes and
// size suffixes), -t TYPE (a, c, d/o/u/x with sizes 1 2 4 8 or C S I L,
// f with 4 8 F D, and the z suffix), the traditional -a -b -c -d -D -e -f
// -F -h -H -i -I -l -L -o -O -s -x -X, -v, -w[BYTES], -S/--strings[=N],
// --endian, and the offset operand ("od file +10", "od file 10."). Output
// lines are aligned and duplicate lines become "*" as in GNU's. Streams
// two blocks at a time. Not supported: long double (-t fL), half and
// bfloat16 floats (-t fH, fB), and --traditional (its pseudo-address
// label).

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

func init() { Register("od", od) }

var odSpec = optSpec{
	Short: "A:aBbcDdeFfHhIij:LlN:OoS:st:vXxw",
	Long: []longOpt{
		{Name: "skip-bytes", Arg: requiredArg, Key: "j"},
		{Name: "address-radix", Arg: requiredArg, Key: "A"},
		{Name: "read-bytes", Arg: requiredArg, Key: "N"},
		{Name: "format", Arg: requiredArg, Key: "t"},
		{Name: "output-duplicates", Key: "v"},
		{Name: "strings", Arg: optionalArg, Key: "S"},
		{Name: "width", Arg: optionalArg, Key: "width"},
		{Name: "endian", Arg: requiredArg, Key: "endian"},
		// -w[BYTES], rewritten by odSplitArgs: its optional argument
		// must be attached.
		{Name: odShortW, Arg: optionalArg, Key: "width"},
	},
	Status: 1,
	Usage: `Usage: od [OPTION]... [FILE]...
  or:  od [-abcdfilosx]... [FILE] [[+]OFFSET[.][b]]
  or:  od --traditional [OPTION]... [FILE] [[+]OFFSET[.][b] [+][LABEL][.][b]]

Write an unambiguous representation, octal bytes by default,
of FILE to standard output.  With more than one FILE argument,
concatenate them in the listed order to form the input.

With no FILE, or when FILE is -, read standard input.

If first and second call formats both apply, the second format is assumed
if the last operand begins with + or (if there are 2 operands) a digit.
An OFFSET operand means -j OFFSET.  LABEL is the pseudo-address
at first byte printed, incremented when dump is progressing.
For OFFSET and LABEL, a 0x or 0X prefix indicates hexadecimal;
suffixes may be . for octal and b for multiply by 512.

Mandatory arguments to long options are mandatory for short options too.
  -A, --address-radix=RADIX   output format for file offsets; RADIX is one
                                of [doxn], for Decimal, Octal, Hex or None
      --endian={big|little}   swap input bytes according the specified order
  -j, --skip-bytes=BYTES      skip BYTES input bytes first
  -N, --read-bytes=BYTES      limit dump to BYTES input bytes
  -S BYTES, --strings[=BYTES]  output strings of at least BYTES graphic chars;
                                3 is implied when BYTES is not specified
  -t, --format=TYPE           select output format or formats
  -v, --output-duplicates     do not use * to mark line suppression
  -w[BYTES], --width[=BYTES]  output BYTES bytes per output line;
                                32 is implied when BYTES is not specified
      --help        display this help and exit
      --version     output version information and exit

Traditional format specifications may be intermixed; they accumulate:
  -a   same as -t a,  select named characters, ignoring high-order bit
  -b   same as -t o1, select octal bytes
  -c   same as -t c,  select printable characters or backslash escapes
  -d   same as -t u2, select unsigned decimal 2-byte units
  -f   same as -t fF, select floats
  -i   same as -t dI, select decimal ints
  -l   same as -t dL, select decimal longs
  -o   same as -t o2, select octal 2-byte units
  -s   same as -t d2, select decimal 2-byte units
  -x   same as -t x2, select hexadecimal 2-byte units

TYPE is made up of one or more of these specifications:
  a          named character, ignoring high-order bit
  c          printable character or backslash escape
  d[SIZE]    signed decimal, SIZE bytes per integer
  f[SIZE]    floating point, SIZE bytes per float
  o[SIZE]    octal, SIZE bytes per integer
  u[SIZE]    unsigned decimal, SIZE bytes per integer
  x[SIZE]    hexadecimal, SIZE bytes per integer

SIZE is a number.  For TYPE in [doux], SIZE may also be C for
sizeof(char), S for sizeof(short), I for sizeof(int) or L for
sizeof(long).  If TYPE is f, SIZE may also be F for sizeof(float)
and D for sizeof(double).

Adding a z suffix to any type displays printable characters at the end of
each output line.

BYTES is hex with 0x or 0X prefix, and may have a multiplier suffix:
  b    512
  KB   1000
  K    1024
  MB   1000*1000
  M    1024*1024
and so on for G, T, P, E, Z, Y, R, Q.
Binary prefixes can be used, too: KiB=K, MiB=M, and so on.
`,
}

// odFormat is one output format.
type odFormat struct {
	kind    byte // a c d o u x f
	size    int  // bytes per datum
	width   int  // field width without the separating space
	pad     int  // padding spread over the fields of a line
	trailer bool // z: printable characters at the end
}

var (
	odOctDigits = []int{0, 3, 6, 8, 11, 14, 16, 19, 22}
	odSDecWidth = []int{1, 4, 6, 8, 11, 13, 16, 18, 20}
	odUDecWidth = []int{0, 3, 5, 8, 10, 13, 15, 17, 20}
	odCharNames = []string{
		"nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel",
		"bs", "ht", "nl", "vt", "ff", "cr", "so", "si",
		"dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb",
		"can", "em", "sub", "esc", "fs", "gs", "rs", "us", "sp",
	}
)

// odParseType decodes a -t string into formats, printing GNU's message on
// an error.
func (c *Context) odParseType(orig string) ([]odFormat, bool) {
	var out []odFormat
	s := orig
	for s != "" {
		var f odFormat
		f.kind = s[0]
		s = s[1:]
		switch f.kind {
		case 'd', 'o', 'u', 'x':
			f.size = 4
			switch {
			case s != "" && s[0] == 'C':
				f.size, s = 1, s[1:]
			case s != "" && s[0] == 'S':
				f.size, s = 2, s[1:]
			case s != "" && s[0] == 'I':
				f.size, s = 4, s[1:]
			case s != "" && s[0] == 'L':
				f.size, s = 8, s[1:]
			default:
				n := 0
				for n < len(s) && s[n] >= '0' && s[n] <= '9' {
					n++
				}
				if n > 0 {
					v, err := strconv.Atoi(s[:n])
					if err != nil || v > math.MaxInt32 {
						c.Errorf("invalid type string %s", quote(orig))
						return nil, false
					}
					if v != 1 && v != 2 && v != 4 && v != 8 {
						c.Errorf("invalid type string %s;\nthis system doesn't provide a %d-byte integral type", quote(orig), v)
						return nil, false
					}
					f.size, s = v, s[n:]
				}
			}
			switch f.kind {
			case 'd':
				f.width = odSDecWidth[f.size]
			case 'o':
				f.width = odOctDigits[f.size]
			case 'u':
				f.width = odUDecWidth[f.size]
			case 'x':
				f.width = 2 * f.size
			}
		case 'f':
			f.size = 8
			switch {
			case s != "" && s[0] == 'F':
				f.size, s = 4, s[1:]
			case s != "" && s[0] == 'D':
				f.size, s = 8, s[1:]
			case s != "" && (s[0] == 'L' || s[0] == 'H' || s[0] == 'B'):
				c.Errorf("this system doesn't provide a %s floating point type", quote(orig))
				return nil, false
			default:
				n := 0
				for n < len(s) && s[n] >= '0' && s[n] <= '9' {
					n++
				}
				if n > 0 {
					v, err := strconv.Atoi(s[:n])
					if err != nil || v > math.MaxInt32 {
						c.Errorf("invalid type string %s", quote(orig))
						return nil, false
					}
					if v != 4 && v != 8 {
						c.Errorf("invalid type string %s;\nthis system doesn't provide a %d-byte floating point type", quote(orig), v)
						return nil, false
					}
					f.size, s = v, s[n:]
				}
			}
			f.width = 15
			if f.size == 8 {
				f.width = 24
			}
		case 'a', 'c':
			f.size, f.width = 1, 3
		default:
			c.Errorf("invalid character '%c' in type string %s", f.kind, quote(orig))
			return nil, false
		}
		if s != "" && s[0] == 'z' {
			f.trailer = true
			s = s[1:]
		}
		out = append(out, f)
	}
	return out, true
}

// odParseOldOffset parses a traditional offset operand as GNU's od does:
// [+]N, octal, or hexadecimal with 0x, with a b (512) or B (1024)
// suffix. A '.' (documented as "decimal") is refused by the number parser
// GNU's od uses, so such an operand is a file name.
func odParseOldOffset(s string) (uint64, bool) {
	s = strings.TrimPrefix(s, "+")
	if s == "" || strings.Contains(s, ".") {
		return 0, false
	}
	base := 8
	if strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X") {
		base, s = 16, s[2:]
	}
	mult := uint64(1)
	switch {
	case strings.HasSuffix(s, "b"):
		s, mult = s[:len(s)-1], 512
	case strings.HasSuffix(s, "B"):
		s, mult = s[:len(s)-1], 1024
	}
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseUint(s, base, 64)
	if err != nil || (v != 0 && v*mult/v != mult) {
		return 0, false
	}
	return v * mult, true
}

// odShortW names the -w option as odSplitArgs passes it on; no command
// line can spell it.
const odShortW = "\x00w"

// odSplitArgs rewrites -w[BYTES] (an optional argument, which the option
// parser takes for long options only) as a long option.
func odSplitArgs(args []string) []string {
	out := []string{args[0]}
	for i, a := range args[1:] {
		if a == "--" {
			out = append(out, args[1+i:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || a[1] == '-' {
			out = append(out, a)
			continue
		}
		j := 1
		for ; j < len(a); j++ {
			exists, takes := odSpec.shortArg(a[j])
			if a[j] == 'w' || !exists || takes {
				break
			}
		}
		if j < len(a) && a[j] == 'w' {
			if j > 1 {
				out = append(out, a[:j])
			}
			if j+1 < len(a) {
				out = append(out, "--"+odShortW+"="+a[j+1:])
			} else {
				out = append(out, "--"+odShortW)
			}
			continue
		}
		out = append(out, a)
	}
	return out
}

func od(c *Context) int {
	sub := *c
	sub.Args = odSplitArgs(c.Args)
	c = &sub
	p, err := c.parseOpts(&odSpec)
	if err != nil {
		return exitStatus(err)
	}
	var formats []odFormat
	radix, padLen := 8, 7
	var skip, limit uint64
	limited := false
	dups := true
	strMin := uint64(0)
	strMode := false
	widthSet := false
	width := 0
	swap := false
	modern := false
	ok := true
	old := map[string]string{
		"a": "a", "b": "o1", "c": "c", "D": "u4", "d": "u2", "F": "fD", "e": "fD",
		"f": "fF", "X": "x4", "H": "x4", "i": "dI", "I": "dL", "L": "dL", "l": "dL",
		"O": "o4", "B": "o2", "o": "o2", "s": "d2", "h": "x2", "x": "x2",
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "A":
			modern = true
			switch o.Val[0:min(1, len(o.Val))] {
			case "d":
				radix, padLen = 10, 7
			case "o":
				radix, padLen = 8, 7
			case "x":
				radix, padLen = 16, 6
			case "n":
				radix, padLen = 0, 0
			default:
				ch := byte(0)
				if o.Val != "" {
					ch = o.Val[0]
				}
				return c.Failf(1, "invalid output address radix '%c'; it must be one character from [doxn]", ch)
			}
		case "j", "N":
			modern = true
			v, e, suf := parseByteCount(o.Val, 0)
			if e != numOK {
				c.xstrtolFatal(e, suf, o.Name, o.Val)
				return 1
			}
			if o.Key == "j" {
				skip = v
			} else {
				limit, limited = v, true
			}
		case "S":
			modern = true
			strMode = true
			strMin = 3
			if o.HasVal {
				v, e, suf := parseByteCount(o.Val, 0)
				if e != numOK {
					c.xstrtolFatal(e, suf, o.Name, o.Val)
					return 1
				}
				strMin = v
			}
		case "t":
			modern = true
			f, good := c.odParseType(o.Val)
			ok = ok && good
			formats = append(formats, f...)
		case "v":
			modern = true
			dups = false
		case "width":
			modern = true
			widthSet = true
			width = 32
			if o.HasVal {
				v, e := parseIntArg(o.Val, 0, math.MaxInt32)
				if strings.HasPrefix(strings.TrimSpace(o.Val), "-") {
					e = numInvalid
				}
				if e != numOK {
					name := "--width"
					if o.Name == "--"+odShortW {
						name = "-w"
					}
					c.xstrtolFatal(e, false, name, o.Val)
					return 1
				}
				width = int(v)
			}
		case "endian":
			v, good := c.argMatch("--endian", o.Val, [][]string{{"little"}, {"big"}})
			if !good {
				return 1
			}
			swap = v == "big"
		default:
			f, _ := c.odParseType(old[o.Key])
			formats = append(formats, f...)
		}
	}
	if !ok {
		return 1
	}
	if strMode && len(formats) > 0 {
		return c.Failf(1, "no type may be specified when dumping strings")
	}
	files := p.Operands
	if !modern {
		switch len(files) {
		case 1:
			if files[0] != "" && files[0][0] == '+' {
				if v, good := odParseOldOffset(files[0]); good {
					skip, files = v, nil
				}
			}
		case 2:
			if s := files[1]; s != "" && (s[0] == '+' || (s[0] >= '0' && s[0] <= '9')) {
				if v, good := odParseOldOffset(s); good {
					skip, files = v, files[:1]
				}
			}
		}
	}
	end := uint64(math.MaxUint64)
	if limited {
		end = skip + limit
		if end < skip {
			return c.Failf(1, "skip-bytes + read-bytes is too large")
		}
	}
	if len(formats) == 0 {
		formats, _ = c.odParseType("oS")
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	in := c.newByteInput(files)
	if left := in.skip(skip); left > 0 {
		out.Flush()
		return c.Failf(1, "cannot skip past end of combined input")
	}
	addr := func(a uint64, after byte) {
		if radix != 0 {
			var s string
			switch radix {
			case 8:
				s = strconv.FormatUint(a, 8)
			case 10:
				s = strconv.FormatUint(a, 10)
			default:
				s = strconv.FormatUint(a, 16)
			}
			for i := len(s); i < padLen; i++ {
				out.WriteByte('0')
			}
			out.WriteString(s)
			if after != 0 {
				out.WriteByte(after)
			}
		}
	}
	if strMode {
		odStrings(c, in, out, skip, end, limited, strMin, addr)
	} else {
		lcm := 1
		for _, f := range formats {
			lcm = lcm * f.size / gcd(lcm, f.size)
		}
		perBlock := 16
		if widthSet {
			if width != 0 && width%lcm == 0 {
				perBlock = width
			} else {
				c.Errorf("warning: invalid width %d; using %d instead", width, lcm)
				perBlock = lcm
			}
		} else if lcm < 16 {
			perBlock = lcm * (16 / lcm)
		} else {
			perBlock = lcm
		}
		widthPerBlock := 0
		for _, f := range formats {
			n := perBlock / f.size
			if w := (f.width + 1) * n; w > widthPerBlock {
				widthPerBlock = w
			}
		}
		for i := range formats {
			n := perBlock / formats[i].size
			formats[i].pad = widthPerBlock - formats[i].width*n
		}
		d := &odDumper{c: c, out: out, formats: formats, perBlock: perBlock, dups: dups, swap: swap, addr: addr, padLen: padLen}
		d.dump(in, skip, end, limited)
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	return in.status
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

type odDumper struct {
	c        *Context
	out      *errWriter
	formats  []odFormat
	perBlock int
	dups     bool
	swap     bool
	addr     func(uint64, byte)
	padLen   int

	first, prevEqual bool
}

func (d *odDumper) dump(in *byteInput, offset, end uint64, limited bool) {
	blocks := [2][]byte{make([]byte, d.perBlock), make([]byte, d.perBlock)}
	idx := 0
	d.first = true
	n := 0
	for {
		if d.c.stopped() || d.out.err != nil {
			return
		}
		need := uint64(d.perBlock)
		if limited {
			if offset >= end {
				n = 0
				break
			}
			need = min(end-offset, need)
		}
		n = in.fill(blocks[idx][:need])
		if n < d.perBlock {
			break
		}
		d.writeBlock(offset, n, blocks[1-idx], blocks[idx])
		offset += uint64(n)
		idx = 1 - idx
	}
	if n > 0 {
		lcm := 1
		for _, f := range d.formats {
			lcm = lcm * f.size / gcd(lcm, f.size)
		}
		toWrite := lcm * ((n + lcm - 1) / lcm)
		for i := n; i < toWrite; i++ {
			blocks[idx][i] = 0
		}
		d.writeBlock(offset, n, blocks[1-idx], blocks[idx])
		offset += uint64(n)
	}
	d.addr(offset, '\n')
}

func (d *odDumper) writeBlock(offset uint64, n int, prev, cur []byte) {
	if d.dups && !d.first && n == d.perBlock && string(prev) == string(cur) {
		if !d.prevEqual {
			d.out.WriteString("*\n")
			d.prevEqual = true
		}
		d.first = false
		return
	}
	d.prevEqual = false
	for i, f := range d.formats {
		fields := d.perBlock / f.size
		blank := (d.perBlock - n) / f.size
		if i == 0 {
			d.addr(offset, 0)
		} else {
			for k := 0; k < d.padLen; k++ {
				d.out.WriteByte(' ')
			}
		}
		padRemaining := f.pad
		for k := fields; k > blank; k-- {
			nextPad := f.pad * (k - 1) / fields
			w := padRemaining - nextPad + f.width
			datum := cur[(fields-k)*f.size : (fields-k+1)*f.size]
			d.out.Printf("%*s", w, d.field(f, datum))
			padRemaining = nextPad
		}
		if f.trailer {
			pad := f.pad * blank / fields
			for k := 0; k < blank*f.width+pad; k++ {
				d.out.WriteByte(' ')
			}
			d.out.WriteString("  >")
			for _, b := range cur[:n] {
				if b < 32 || b > 126 {
					b = '.'
				}
				d.out.WriteByte(b)
			}
			d.out.WriteByte('<')
		}
		d.out.WriteByte('\n')
	}
	d.first = false
}

// field formats one datum (little-endian unless swapped).
func (d *odDumper) field(f odFormat, b []byte) string {
	var u uint64
	for i := 0; i < f.size; i++ {
		j := i
		if d.swap {
			j = f.size - 1 - i
		}
		u |= uint64(b[j]) << (8 * i)
	}
	switch f.kind {
	case 'a':
		m := b[0] & 0x7f
		switch {
		case m == 127:
			return "del"
		case m <= 32:
			return odCharNames[m]
		}
		return string(rune(m))
	case 'c':
		switch ch := b[0]; ch {
		case 0:
			return `\0`
		case '\a':
			return `\a`
		case '\b':
			return `\b`
		case '\f':
			return `\f`
		case '\n':
			return `\n`
		case '\r':
			return `\r`
		case '\t':
			return `\t`
		case '\v':
			return `\v`
		default:
			if ch >= 32 && ch < 127 {
				return string(rune(ch))
			}
			return fmt.Sprintf("%03o", ch)
		}
	case 'd':
		shift := 64 - 8*f.size
		return strconv.FormatInt(int64(u<<shift)>>shift, 10)
	case 'u':
		return strconv.FormatUint(u, 10)
	case 'o':
		s := strconv.FormatUint(u, 8)
		return strings.Repeat("0", max(0, f.width-len(s))) + s
	case 'x':
		s := strconv.FormatUint(u, 16)
		return strings.Repeat("0", max(0, f.width-len(s))) + s
	case 'f':
		if f.size == 4 {
			return cFloat(float64(math.Float32frombits(uint32(u))), 32)
		}
		return cFloat(math.Float64frombits(u), 64)
	}
	return ""
}

// cFloat formats x as gnulib's ftoastr does: the shortest "%.*g" that
// reads back as the same value, starting at FLT_DIG or DBL_DIG digits (1
// for subnormal numbers), in C's spelling of infinities and NaNs.
func cFloat(x float64, bits int) string {
	switch {
	case math.IsNaN(x):
		if math.Signbit(x) {
			return "-nan"
		}
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	start, minNormal := 15, 0x1p-1022
	if bits == 32 {
		start, minNormal = 6, 0x1p-126
	}
	if math.Abs(x) < minNormal {
		start = 1
	}
	for prec := start; ; prec++ {
		s := strconv.FormatFloat(x, 'g', prec, bits)
		v, _ := strconv.ParseFloat(s, bits)
		if v == x || prec > 40 {
			if x == 0 && math.Signbit(x) {
				return "-0"
			}
			return s
		}
	}
}

// odStrings is -S: NUL-terminated runs of at least min printable bytes.
func odStrings(c *Context, in *byteInput, out *errWriter, address, end uint64, limited bool, min uint64, addr func(uint64, byte)) {
	buf := make([]byte, 0, 100)
	isPrint := func(ch int) bool { return ch >= 32 && ch < 127 }
	for {
	tryline:
		if c.stopped() || out.err != nil {
			return
		}
		if limited && (end < min || end-min <= address) {
			return
		}
		buf = buf[:0]
		for i := uint64(0); i < min; i++ {
			ch := in.next()
			address++
			if ch < 0 {
				return
			}
			if !isPrint(ch) {
				goto tryline
			}
			buf = append(buf, byte(ch))
		}
		for !limited || address < end {
			ch := in.next()
			address++
			if ch < 0 {
				return
			}
			if ch == 0 {
				break
			}
			if !isPrint(ch) {
				goto tryline
			}
			buf = append(buf, byte(ch))
		}
		addr(address-uint64(len(buf))-1, ' ')
		for _, ch := range buf {
			switch ch {
			case '\a':
				out.WriteString(`\a`)
			case '\b':
				out.WriteString(`\b`)
			case '\f':
				out.WriteString(`\f`)
			case '\n':
				out.WriteString(`\n`)
			case '\r':
				out.WriteString(`\r`)
			case '\t':
				out.WriteString(`\t`)
			case '\v':
				out.WriteString(`\v`)
			default:
				out.WriteByte(ch)
			}
		}
		out.WriteByte('\n')
	}
}
