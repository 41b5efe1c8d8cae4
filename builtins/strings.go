package builtins

// strings, as GNU binutils' on files that are not object files: -a (the
// default; -d too scans the whole file, as binutils does for a file that
// is not an object), -n N and -N, -t d/o/x and -o, -f, -w, -s SEP, -e
// s/S/b/l/B/L. Not supported: -T (ignored), --unicode/-U and @file
// option files. Streams, holding at most one string below the minimum
// length.

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

func init() { Register("strings", stringsCmd) }

const stringsUsage = `Usage: strings [option(s)] [file(s)]
 Display printable strings in [file(s)] (stdin by default)
 The options are:
  -a - --all                Scan the entire file, not just the data section [default]
  -d --data                 Only scan the data sections in the file
  -f --print-file-name      Print the name of the file before each string
  -n <number>               Locate & print any sequence of at least <number>
    --bytes=<number>         displayable characters.  (The default is 4).
  -t --radix={o,d,x}        Print the location of the string in base 8, 10 or 16
  -w --include-all-whitespace Include all whitespace as valid string characters
  -o                        An alias for --radix=o
  -T --target=<BFDNAME>     Specify the binary file format
  -e --encoding={s,S,b,l,B,L} Select character size and endianness:
                            s = 7-bit, S = 8-bit, {b,l} = 16-bit, {B,L} = 32-bit
  --unicode={default|show|invalid|hex|escape|highlight}
  -U {d|s|i|x|e|h}          Specify how to treat UTF-8 encoded unicode characters
  -s --output-separator=<string> String used to separate strings in output.
  @<file>                   Read options from <file>
  -h --help                 Display this information
  -v -V --version           Print the program's version number
strings: supported targets: elf64-x86-64 elf32-i386 elf32-iamcu elf32-x86-64 pei-i386 pe-x86-64 pei-x86-64 elf64-little elf64-big elf32-little elf32-big pe-bigobj-x86-64 pe-i386 pdb srec symbolsrec verilog tekhex binary ihex plugin
`

var stringsSpec = optSpec{
	Short: "adfhHn:wot:e:T:s:U:Vv0123456789",
	Long: []longOpt{
		{Name: "all", Key: "a"},
		{Name: "data", Key: "d"},
		{Name: "print-file-name", Key: "f"},
		{Name: "bytes", Arg: requiredArg, Key: "n"},
		{Name: "radix", Arg: requiredArg, Key: "t"},
		{Name: "include-all-whitespace", Key: "w"},
		{Name: "encoding", Arg: requiredArg, Key: "e"},
		{Name: "target", Arg: requiredArg, Key: "T"},
		{Name: "output-separator", Arg: requiredArg, Key: "s"},
		{Name: "unicode", Arg: requiredArg, Key: "U"},
	},
	Status: 1,
	Usage:  stringsUsage,
}

type stringsOpts struct {
	min      int
	radix    byte
	fileName bool
	allWS    bool
	enc      byte
	sep      string
}

func stringsCmd(c *Context) int {
	// binutils prints its usage on stderr after a bad option.
	errBuf := &strings.Builder{}
	sub := *c
	sub.Stderr = errBuf
	p, err := sub.parseOpts(&stringsSpec)
	if err != nil {
		st := exitStatus(err)
		if st != 0 {
			first, _, _ := strings.Cut(errBuf.String(), "\n")
			io.WriteString(c.Stderr, first+"\n"+stringsUsage)
		}
		return st
	}
	o := stringsOpts{min: 4, enc: 's', sep: "\n"}
	digits := ""
	usage := func() int {
		io.WriteString(c.Stderr, stringsUsage)
		return 1
	}
	for _, op := range p.Opts {
		k := op.Key
		if k[0] >= '0' && k[0] <= '9' {
			digits += k
			v, _ := strconv.Atoi(digits)
			o.min = v
			continue
		}
		digits = ""
		switch k {
		case "a", "d", "T":
		case "f":
			o.fileName = true
		case "h", "H":
			return c.writeOut(stringsUsage + "Report bugs to <https://sourceware.org/bugzilla/>\n")
		case "v", "V":
			return c.writeOut("GNU strings (sandsh builtin) 2.40\n")
		case "n":
			v, e := parseIntArg(op.Val, 0, 1<<31-1)
			if e == numInvalid {
				return c.Failf(1, "invalid integer argument %s", op.Val)
			}
			if e == numRange {
				v = 1<<31 - 1
			}
			if v < 1 {
				return c.Failf(1, "invalid minimum string length %d", v)
			}
			o.min = int(v)
		case "w":
			o.allWS = true
		case "o":
			o.radix = 'o'
		case "t":
			if len(op.Val) != 1 || strings.IndexByte("odx", op.Val[0]) < 0 {
				return usage()
			}
			o.radix = op.Val[0]
		case "e":
			if len(op.Val) != 1 || strings.IndexByte("sSbBlL", op.Val[0]) < 0 {
				return usage()
			}
			o.enc = op.Val[0]
		case "s":
			o.sep = op.Val
		case "U":
			return c.Failf(1, "the --unicode option is not supported by this strings")
		}
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	status := 0
	if len(p.Operands) == 0 {
		c.stringsScan(out, c.Stdin, "{standard input}", o)
	}
	for _, name := range p.Operands {
		if c.stopped() {
			break
		}
		fi, err := c.stat(name)
		if err != nil {
			c.Errorf("'%s': No such file", name)
			status = 1
			continue
		}
		if fi.IsDir() {
			c.Errorf("Warning: '%s' is a directory", name)
			status = 1
			continue
		}
		r, err := c.FS.Open(c.fsPath(name))
		if err != nil {
			c.Errorf("%s: %s", name, ErrText(err))
			status = 1
			continue
		}
		if err := c.stringsScan(out, r, name, o); err != nil && !c.Canceled() {
			c.Errorf("%s: %s", name, ErrText(err))
			status = 1
		}
		r.Close()
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	return status
}

// stringsScan prints the strings of r.
func (c *Context) stringsScan(out *errWriter, r io.Reader, name string, o stringsOpts) error {
	if r == nil {
		return nil
	}
	br := bufio.NewReaderSize(r, 64*1024)
	size := 1
	switch o.enc {
	case 'b', 'l':
		size = 2
	case 'B', 'L':
		size = 4
	}
	var addr uint64
	var rerr error
	// get reads one character of the encoding; ok is false at the end.
	get := func() (rune, bool) {
		var v uint32
		for i := 0; i < size; i++ {
			b, err := br.ReadByte()
			if err != nil {
				if err != io.EOF {
					rerr = err
				}
				return 0, false
			}
			addr++
			switch o.enc {
			case 'b', 'B':
				v = v<<8 | uint32(b)
			default:
				v |= uint32(b) << (8 * i)
			}
		}
		return rune(v), true
	}
	graphic := func(ch rune) bool {
		if ch < 0 || ch > 255 {
			return false
		}
		if ch == '\t' || (ch >= 32 && ch < 127) || (o.enc == 'S' && ch > 127) {
			return true
		}
		return o.allWS && (ch == ' ' || (ch >= '\t' && ch <= '\r'))
	}
	buf := make([]byte, 0, o.min)
	for {
		if c.stopped() || out.err != nil {
			return nil
		}
		buf = buf[:0]
		var start uint64
		found := true
		for len(buf) < o.min {
			if len(buf) == 0 {
				start = addr
			}
			ch, ok := get()
			if !ok {
				return rerr
			}
			if !graphic(ch) {
				found = false
				break
			}
			buf = append(buf, byte(ch))
		}
		if !found {
			continue
		}
		if o.fileName {
			out.WriteString(name + ": ")
		}
		switch o.radix {
		case 'o':
			out.Printf("%7o ", start)
		case 'd':
			out.Printf("%7d ", start)
		case 'x':
			out.Printf("%7x ", start)
		}
		out.Write(buf)
		for {
			ch, ok := get()
			if !ok || !graphic(ch) {
				out.WriteString(o.sep)
				if !ok {
					return rerr
				}
				break
			}
			out.WriteByte(byte(ch))
		}
	}
}
