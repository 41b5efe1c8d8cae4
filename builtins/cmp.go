package builtins

// cmp, as GNU diffutils 3.8's: compare two files (or stdin) byte by byte
// with -b/--print-bytes, -i/--ignore-initial=SKIP[:SKIP2] and SKIP
// operands (with kB, K, ... suffixes), -l/--verbose, -n/--bytes=LIMIT,
// -s/--quiet/--silent; "a b differ: byte N, line L", "cmp: EOF on b after
// byte N, line L" and exit status 0, 1 or 2. Input is streamed.

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
)

func init() { Register("cmp", cmpCmd) }

var cmpSpec = optSpec{
	Short: "bci:ln:sv",
	Long: []longOpt{
		{Name: "print-bytes", Key: "b"},
		{Name: "print-chars", Key: "b"},
		{Name: "ignore-initial", Arg: requiredArg, Key: "i"},
		{Name: "verbose", Key: "l"},
		{Name: "bytes", Arg: requiredArg, Key: "n"},
		{Name: "quiet", Key: "s"},
		{Name: "silent", Key: "s"},
	},
	Status: 2,
	Usage: `Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]
Compare two files byte by byte.

The optional SKIP1 and SKIP2 specify the number of bytes to skip
at the beginning of each file (zero by default).

Mandatory arguments to long options are mandatory for short options too.
  -b, --print-bytes          print differing bytes
  -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs
  -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and
                                      first SKIP2 bytes of FILE2
  -l, --verbose              output byte numbers and differing byte values
  -n, --bytes=LIMIT          compare at most LIMIT bytes
  -s, --quiet, --silent      suppress all normal output
      --help                 display this help and exit
  -v, --version              output version information and exit

SKIP values may be followed by the following multiplicative suffixes:
kB 1000, K 1024, MB 1,000,000, M 1,048,576,
GB 1,000,000,000, G 1,073,741,824, and so on for T, P, E, Z, Y.

If a FILE is '-' or missing, read standard input.
Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.
`,
}

const (
	cmpFirst  = iota // report the first difference
	cmpAll           // -l
	cmpStatus        // -s
)

func cmpCmd(c *Context) int {
	p, err := c.parseDiffutilsOpts(&cmpSpec)
	if err != nil {
		return exitStatus(err)
	}
	mode, printBytes := cmpFirst, false
	var skip [2]uint64
	limit := uint64(math.MaxUint64)
	bad := func(what, val string) int {
		c.Errorf("invalid --%s value %s", what, quote(val))
		c.diffutilsTryHelp()
		return 2
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "b", "c":
			printBytes = true
		case "l":
			mode = cmpAll
		case "s":
			mode = cmpStatus
		case "v":
			return c.writeOut("cmp (sandsh builtin) 1.0\n")
		case "n":
			v, rest, ok := parseSizeSuffix(o.Val)
			if !ok || rest != "" {
				return bad("bytes", o.Val)
			}
			limit = v
		case "i":
			v, rest, ok := parseSizeSuffix(o.Val)
			if !ok || rest != "" && rest[0] != ':' {
				return bad("ignore-initial", o.Val)
			}
			skip[0], skip[1] = v, v
			if rest != "" {
				v2, rest2, ok := parseSizeSuffix(rest[1:])
				if !ok || rest2 != "" {
					return bad("ignore-initial", rest[1:])
				}
				skip[1] = v2
			}
		}
	}
	ops := p.Operands
	if len(ops) == 0 {
		c.Errorf("missing operand after %s", quote(c.Name()))
		c.diffutilsTryHelp()
		return 2
	}
	for i := 2; i < len(ops) && i < 4; i++ {
		v, rest, ok := parseSizeSuffix(ops[i])
		if !ok || rest != "" {
			return bad("ignore-initial", ops[i])
		}
		skip[i-2] = v
	}
	if len(ops) > 4 {
		c.Errorf("extra operand %s", quote(ops[4]))
		c.diffutilsTryHelp()
		return 2
	}
	names := [2]string{ops[0], "-"}
	if len(ops) > 1 {
		names[1] = ops[1]
	}
	var files [2]io.ReadCloser
	for i, n := range names {
		f, err := c.openInput(n)
		if err != nil {
			if mode != cmpStatus {
				c.PathErr(quoteIf(n), err)
			}
			return 2
		}
		defer f.Close()
		files[i] = f
	}
	if skip[0] == skip[1] && (names[0] == names[1] && names[0] == "-" || c.cmpSameFile(names)) {
		return 0
	}
	width := 0
	if mode == cmpAll {
		max := uint64(math.MaxInt64)
		for _, i := range []int{0, 1} {
			if names[i] == "-" {
				continue
			}
			if fi, err := c.stat(names[i]); err == nil && fi.Mode().IsRegular() {
				size := uint64(fi.Size())
				if size > skip[i] {
					size -= skip[i]
				} else {
					size = 0
				}
				if size < max {
					max = size
				}
			}
		}
		if limit < max {
			max = limit
		}
		width = len(strconv.FormatUint(max, 10))
	}
	var rd [2]*bufio.Reader
	for i := range files {
		rd[i] = bufio.NewReaderSize(files[i], 64*1024)
		if skip[i] > 0 {
			if _, err := io.CopyN(io.Discard, rd[i], int64(min(skip[i], math.MaxInt64))); err != nil && err != io.EOF {
				if mode != cmpStatus {
					c.PathErr(quoteIf(names[i]), err)
				}
				return 2
			}
		}
	}
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	status := 0
	var byteNo, lines uint64
	var last byte
	for byteNo < limit {
		if byteNo&0xffff == 0 && c.stopped() {
			break
		}
		b0, err0 := rd[0].ReadByte()
		b1, err1 := rd[1].ReadByte()
		for i, err := range []error{err0, err1} {
			if err != nil && err != io.EOF {
				out.Flush()
				if mode != cmpStatus {
					c.PathErr(quoteIf(names[i]), err)
				}
				return 2
			}
		}
		if err0 != nil || err1 != nil {
			if err0 != nil && err1 != nil {
				break
			}
			short := 0
			if err1 != nil {
				short = 1
			}
			status = 1
			if mode != cmpStatus {
				out.Flush()
				switch {
				case byteNo == 0:
					c.Errorf("EOF on %s which is empty", quoteIf(names[short]))
				case mode == cmpAll:
					c.Errorf("EOF on %s after byte %d", quoteIf(names[short]), byteNo)
				case last == '\n':
					c.Errorf("EOF on %s after byte %d, line %d", quoteIf(names[short]), byteNo, lines)
				default:
					c.Errorf("EOF on %s after byte %d, in line %d", quoteIf(names[short]), byteNo, lines+1)
				}
			}
			break
		}
		byteNo++
		if b0 != b1 {
			status = 1
			if mode == cmpStatus {
				break
			}
			if mode == cmpFirst {
				unit := "char" // POSIX's word, used by GNU in the C locale only
				if c.hardLocale() || printBytes {
					unit = "byte"
				}
				fmt.Fprintf(out, "%s %s differ: %s %d, line %d", names[0], names[1], unit, byteNo, lines+1)
				if printBytes {
					fmt.Fprintf(out, " is %3o %s %3o %s", b0, cmpChar(b0), b1, cmpChar(b1))
				}
				out.WriteByte('\n')
				break
			}
			if printBytes {
				fmt.Fprintf(out, "%*d %3o %-4s %3o %s\n", width, byteNo, b0, cmpChar(b0), b1, cmpChar(b1))
			} else {
				fmt.Fprintf(out, "%*d %3o %3o\n", width, byteNo, b0, b1)
			}
		}
		if b0 == '\n' {
			lines++
		}
		last = b0
	}
	if err := out.Flush(); err != nil {
		c.writeFailed(err)
		return 2
	}
	if c.Canceled() {
		return 2
	}
	return status
}

// cmpSameFile reports whether the two operands are one file.
func (c *Context) cmpSameFile(names [2]string) bool {
	if names[0] == "-" || names[1] == "-" {
		return false
	}
	a, err := c.stat(names[0])
	if err != nil {
		return false
	}
	b, err := c.stat(names[1])
	return err == nil && sameFile(a, b)
}

// cmpChar shows a byte as cmp -b does: ^X for controls, M- for the high
// half.
func cmpChar(b byte) string {
	s := ""
	if b >= 128 {
		s = "M-"
		b -= 128
	}
	switch {
	case b < 32:
		return s + "^" + string(rune(b+64))
	case b == 127:
		return s + "^?"
	}
	return s + string(rune(b))
}
