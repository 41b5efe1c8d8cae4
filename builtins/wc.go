package builtins

// wc, as GNU's in the C locale: -l, -w, -c, -m (bytes, as in the C
// locale), -L (display width: tabs to multiples of 8, non-printable bytes
// of no width) and --files0-from=F. Columns are as wide as GNU makes them:
// from the total size of the regular files named, at least 7 when an
// input is not a regular file (a pipe), and 1 for a single count of a
// single input. A "total" line follows several inputs. Input is streamed.
// Not supported: --total, which coreutils 9.1 does not have either.

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

func init() { Register("wc", wc) }

var wcSpec = optSpec{
	Short: "clLmw",
	Long: []longOpt{
		{Name: "bytes", Key: "c"},
		{Name: "chars", Key: "m"},
		{Name: "lines", Key: "l"},
		{Name: "files0-from", Arg: requiredArg, Key: "files0-from"},
		{Name: "max-line-length", Key: "L"},
		{Name: "words", Key: "w"},
	},
	Status: 1,
	Usage: `Usage: wc [OPTION]... [FILE]...
  or:  wc [OPTION]... --files0-from=F
Print newline, word, and byte counts for each FILE, and a total line if
more than one FILE is specified.  A word is a non-zero-length sequence of
printable characters delimited by white space.

With no FILE, or when FILE is -, read standard input.

The options below may be used to select which counts are printed, always in
the following order: newline, word, character, byte, maximum line length.
  -c, --bytes            print the byte counts
  -m, --chars            print the character counts
  -l, --lines            print the newline counts
      --files0-from=F    read input from the files specified by
                           NUL-terminated names in file F;
                           If F is - then read names from standard input
  -L, --max-line-length  print the maximum display width
  -w, --words            print the word counts
      --help        display this help and exit
      --version     output version information and exit
`,
}

// wcCounts are the counts of one input.
type wcCounts struct {
	lines, words, chars, bytes, maxLen int64
}

type wcOpts struct {
	lines, words, chars, bytes, maxLen bool
}

func wc(c *Context) int {
	c, _ = c.withStickyStdout()
	p, err := c.parseOpts(&wcSpec)
	if err != nil {
		return exitStatus(err)
	}
	var o wcOpts
	from, hasFrom := "", false
	for _, op := range p.Opts {
		switch op.Key {
		case "c":
			o.bytes = true
		case "m":
			o.chars = true
		case "l":
			o.lines = true
		case "w":
			o.words = true
		case "L":
			o.maxLen = true
		case "files0-from":
			from, hasFrom = op.Val, true
		}
	}
	if !o.lines && !o.words && !o.chars && !o.bytes && !o.maxLen {
		o.lines, o.words, o.bytes = true, true, true
	}
	nsel := 0
	for _, b := range []bool{o.lines, o.words, o.chars, o.bytes, o.maxLen} {
		if b {
			nsel++
		}
	}
	files := p.Operands
	// names known in advance (for the column width); -1 when streamed
	known := true
	if hasFrom {
		if len(files) > 0 {
			c.Errorf("extra operand %s", quote(files[0]))
			fmt.Fprintln(c.Stderr, "file operands cannot be combined with --files0-from")
			c.tryHelp()
			return 1
		}
		var status int
		files, known, status = c.wcReadNames(from)
		if status != 0 {
			return status
		}
	} else if len(files) == 0 {
		files = []string{"-"}
	}
	width := 1
	if known && len(files) > 0 && !(len(files) == 1 && nsel == 1) {
		width = c.wcWidth(files)
	}
	out := newErrWriter(c.Stdout)
	var total wcCounts
	status := 0
	for i, name := range files {
		if c.stopped() {
			return 1
		}
		if hasFrom {
			if name == "" {
				c.Errorf("%s:%d: invalid zero-length file name", quoteColon(from), i+1)
				status = 1
				continue
			}
			if name == "-" && from == "-" {
				c.Errorf("when reading file names from stdin, no file name of %s allowed", quote(name))
				status = 1
				continue
			}
		}
		r, err := c.openInput(name)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			status = 1
			continue
		}
		cnt, rerr := c.wcCount(r, &o)
		r.Close()
		if rerr != nil {
			if c.Canceled() {
				return 1
			}
			c.PathErr(quoteIf(name), rerr)
			status = 1
		}
		label := name
		if name == "-" && !hasFrom && len(p.Operands) == 0 {
			label = ""
		}
		wcWrite(out, &o, &cnt, width, label, true)
		total.lines += cnt.lines
		total.words += cnt.words
		total.chars += cnt.chars
		total.bytes += cnt.bytes
		if cnt.maxLen > total.maxLen {
			total.maxLen = cnt.maxLen
		}
		if out.err != nil {
			return c.writeFailed(out.err)
		}
	}
	if len(files) > 1 {
		wcWrite(out, &o, &total, width, "total", false)
	}
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

// quoteColon quotes a name for a "name:line:" prefix as quotearg_colon
// does: only when needed.
func quoteColon(name string) string {
	if strings.ContainsRune(name, ':') {
		return quote(name)
	}
	return quoteIf(name)
}

// wcReadNames reads the NUL-separated names of --files0-from. known is
// false when they come from a stream (GNU then prints narrow columns).
func (c *Context) wcReadNames(from string) (names []string, known bool, status int) {
	r, err := c.openInput(from)
	if err != nil {
		c.Errorf("cannot open %s for reading: %s", quote(from), ErrText(err))
		return nil, false, 1
	}
	defer r.Close()
	known = false
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok && from != "-" {
		if fi, err := st.Stat(); err == nil && fi.Mode().IsRegular() {
			known = true
		}
	}
	data, err := io.ReadAll(r)
	if err != nil {
		c.Errorf("cannot read file names from %s: %s", quote(from), ErrText(err))
		return nil, false, 1
	}
	if len(data) == 0 {
		return nil, known, 0
	}
	data = bytes.TrimSuffix(data, []byte{0})
	for _, n := range bytes.Split(data, []byte{0}) {
		names = append(names, string(n))
	}
	return names, known, 0
}

// wcWidth computes GNU's column width from the sizes of the inputs.
func (c *Context) wcWidth(files []string) int {
	st := func(name string) (fs.FileInfo, error) {
		if name == "-" {
			if s, ok := c.Stdin.(interface{ Stat() (fs.FileInfo, error) }); ok {
				return s.Stat()
			}
			return nil, nil // a pipe
		}
		return c.stat(name)
	}
	minimum := 1
	var regular int64
	for _, name := range files {
		fi, err := st(name)
		if err != nil {
			continue
		}
		if fi != nil && fi.Mode().IsRegular() {
			regular += fi.Size()
		} else {
			minimum = 7
		}
	}
	width := len(strconv.FormatInt(regular, 10))
	if width < minimum {
		width = minimum
	}
	return width
}

// wcCount counts r.
func (c *Context) wcCount(r io.Reader, o *wcOpts) (wcCounts, error) {
	var cnt wcCounts
	buf := make([]byte, textBufSize)
	inWord := false
	var linePos int64
	simple := !o.words && !o.maxLen
	for {
		if c.Canceled() {
			return cnt, c.Ctx.Err()
		}
		n, err := r.Read(buf)
		b := buf[:n]
		cnt.bytes += int64(n)
		if simple {
			cnt.lines += int64(bytes.Count(b, []byte{'\n'}))
		} else {
			for _, ch := range b {
				switch ch {
				case '\n', '\r', '\f':
					if ch == '\n' {
						cnt.lines++
					}
					if linePos > cnt.maxLen {
						cnt.maxLen = linePos
					}
					linePos = 0
					if inWord {
						cnt.words++
						inWord = false
					}
				case '\t':
					linePos += 8 - linePos%8
					if inWord {
						cnt.words++
						inWord = false
					}
				case ' ', '\v':
					if ch == ' ' {
						linePos++
					}
					if inWord {
						cnt.words++
						inWord = false
					}
				default:
					if ch > ' ' && ch < 0x7f {
						linePos++
						inWord = true
					}
				}
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			cnt.chars = cnt.bytes
			return cnt, err
		}
	}
	if inWord {
		cnt.words++
	}
	if linePos > cnt.maxLen {
		cnt.maxLen = linePos
	}
	cnt.chars = cnt.bytes
	return cnt, nil
}

// wcWrite prints one line of counts.
func wcWrite(out *errWriter, o *wcOpts, cnt *wcCounts, width int, label string, quoteNL bool) {
	sep := ""
	put := func(on bool, v int64) {
		if on {
			out.Printf("%s%*d", sep, width, v)
			sep = " "
		}
	}
	put(o.lines, cnt.lines)
	put(o.words, cnt.words)
	put(o.chars, cnt.chars)
	put(o.bytes, cnt.bytes)
	put(o.maxLen, cnt.maxLen)
	if label != "" {
		if quoteNL && strings.ContainsRune(label, '\n') {
			label = quoteIf(label)
		}
		out.WriteString(" " + label)
	}
	out.WriteByte('\n')
}
