package builtins

// uniq, as GNU's: -c ("%7d " counts), -d, -D and --all-repeated[=none|
// prepend|separate], --group[=separate|prepend|append|both], -u, -i,
// -f N, -s N, -w N, -z, the legacy -N (fields) and +N (characters), and
// the INPUT and OUTPUT operands ("-" for the standard streams). Input is
// streamed: only the previous line is kept.

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"strings"
)

func init() { Register("uniq", uniq) }

var uniqSpec = optSpec{
	Short: "0123456789Dcdf:is:uw:z",
	Long: []longOpt{
		{Name: "all-repeated", Arg: optionalArg, Key: "D"},
		{Name: "count", Key: "c"},
		{Name: "group", Arg: optionalArg, Key: "group"},
		{Name: "ignore-case", Key: "i"},
		{Name: "repeated", Key: "d"},
		{Name: "skip-chars", Arg: requiredArg, Key: "s"},
		{Name: "skip-fields", Arg: requiredArg, Key: "f"},
		{Name: "unique", Key: "u"},
		{Name: "check-chars", Arg: requiredArg, Key: "w"},
		{Name: "zero-terminated", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: uniq [OPTION]... [INPUT [OUTPUT]]
Filter adjacent matching lines from INPUT (or standard input),
writing to OUTPUT (or standard output).

With no options, matching lines are merged to the first occurrence.

Mandatory arguments to long options are mandatory for short options too.
  -c, --count           prefix lines by the number of occurrences
  -d, --repeated        only print duplicate lines, one for each group
  -D                    print all duplicate lines
      --all-repeated[=METHOD]  like -D, but allow separating groups
                                 with an empty line;
                                 METHOD={none(default),prepend,separate}
  -f, --skip-fields=N   avoid comparing the first N fields
      --group[=METHOD]  show all items, separating groups with an empty line;
                          METHOD={separate(default),prepend,append,both}
  -i, --ignore-case     ignore differences in case when comparing
  -s, --skip-chars=N    avoid comparing the first N characters
  -u, --unique          only print unique lines
  -z, --zero-terminated     line delimiter is NUL, not newline
  -w, --check-chars=N   compare no more than N characters in lines
      --help        display this help and exit
      --version     output version information and exit

A field is a run of blanks (usually spaces and/or TABs), then non-blank
characters.  Fields are skipped before chars.

Note: 'uniq' does not detect repeated lines unless they are adjacent.
You may want to sort the input first, or use 'sort -u' without 'uniq'.
`,
}

// uniqOpts are uniq's settings, named after GNU's variables.
type uniqOpts struct {
	skipFields, skipChars, checkChars uint64
	ignoreCase                        bool
	count                             bool
	outUnique, outFirst, outLater     bool
	delimit                           string // -D method: "none", "prepend", "separate"
	group                             string // --group method, "" if not given
	eol                               byte
}

func uniq(c *Context) int {
	p, err := c.parseOpts(&uniqSpec)
	if err != nil {
		return exitStatus(err)
	}
	o := uniqOpts{checkChars: ^uint64(0), outUnique: true, outFirst: true, delimit: "none", eol: '\n'}
	outputUsed := false
	obsolete := false // the last field count came from -N
	for _, op := range p.Opts {
		switch op.Key {
		case "c":
			o.count, outputUsed = true, true
		case "d":
			o.outUnique, outputUsed = false, true
		case "D":
			o.outUnique, o.outLater, outputUsed = false, true, true
			o.delimit = "none"
			if op.HasVal {
				v, ok := c.argMatch("--all-repeated", op.Val, [][]string{{"none"}, {"prepend"}, {"separate"}})
				if !ok {
					return 1
				}
				o.delimit = v
			}
		case "group":
			o.group = "separate"
			if op.HasVal {
				v, ok := c.argMatch("--group", op.Val, [][]string{{"prepend"}, {"append"}, {"separate"}, {"both"}})
				if !ok {
					return 1
				}
				o.group = v
			}
		case "f", "s", "w":
			msg := map[string]string{"f": "invalid number of fields to skip", "s": "invalid number of bytes to skip", "w": "invalid number of bytes to compare"}[op.Key]
			n, ok := uniqSize(op.Val)
			if !ok {
				return c.Failf(1, "%s: %s", op.Val, msg)
			}
			switch op.Key {
			case "f":
				o.skipFields, obsolete = n, false
			case "s":
				o.skipChars = n
			case "w":
				o.checkChars = n
			}
		case "i":
			o.ignoreCase = true
		case "u":
			o.outFirst, outputUsed = false, true
		case "z":
			o.eol = 0
		default: // a digit of the legacy -N
			if !obsolete {
				o.skipFields = 0
			}
			d := uint64(op.Key[0] - '0')
			if o.skipFields > (^uint64(0)-d)/10 {
				o.skipFields = ^uint64(0)
			} else {
				o.skipFields = o.skipFields*10 + d
			}
			obsolete = true
		}
	}
	var files []string
	for _, a := range p.Operands {
		if strings.HasPrefix(a, "+") {
			if n, err := strconv.ParseUint(a[1:], 10, 64); err == nil && a[1:] != "" && a[1] != '+' && a[1] != '-' {
				o.skipChars = n
				continue
			}
		}
		if len(files) == 2 {
			return c.usageErr(1, "extra operand %s", quote(a))
		}
		files = append(files, a)
	}
	if o.group != "" && outputUsed {
		return c.usageErr(1, "--group is mutually exclusive with -c/-d/-D/-u")
	}
	if o.count && o.outLater {
		return c.usageErr(1, "printing all duplicated lines and repeat counts is meaningless")
	}
	in, outName := "-", "-"
	if len(files) > 0 {
		in = files[0]
	}
	if len(files) > 1 {
		outName = files[1]
	}
	r, err := c.openInput(in)
	if err != nil {
		return c.Failf(1, "%s: %s", quoteIf(in), ErrText(err))
	}
	defer r.Close()
	var w io.Writer
	var closer io.Closer
	if outName == "-" {
		sc, _ := c.withStickyStdout()
		c = sc
		w = c.Stdout
	} else {
		f, err := c.FS.OpenFile(c.fsPath(outName), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return c.Failf(1, "%s: %s", quoteIf(outName), ErrText(err))
		}
		w, closer = f, f
	}
	out := newErrWriter(w)
	rerr := c.uniqRun(r, out, &o)
	werr := out.Flush()
	if closer != nil {
		if err := closer.Close(); werr == nil {
			werr = err
		}
	}
	if werr != nil {
		return c.writeFailed(werr)
	}
	if rerr != nil {
		if c.Canceled() {
			return 1
		}
		return c.Failf(1, "error reading %s", quote(in))
	}
	return 0
}

// uniqSize parses a count of -f, -s or -w as xstrtoumax does; overflow
// is clamped.
func uniqSize(s string) (uint64, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	t = strings.TrimPrefix(t, "+")
	if t == "" || !isDigit(t[0]) {
		return 0, false
	}
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(t, 10, 64)
	if err != nil {
		return ^uint64(0), true
	}
	return n, true
}

// uniqKey returns the part of line (without its end) that is compared.
func (o *uniqOpts) key(line []byte) []byte {
	i := 0
	for n := uint64(0); n < o.skipFields && i < len(line); n++ {
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		for i < len(line) && line[i] != ' ' && line[i] != '\t' {
			i++
		}
	}
	if rest := uint64(len(line) - i); o.skipChars < rest {
		i += int(o.skipChars)
	} else {
		i = len(line)
	}
	k := line[i:]
	if uint64(len(k)) > o.checkChars {
		k = k[:o.checkChars]
	}
	return k
}

func (o *uniqOpts) different(a, b []byte) bool {
	if o.ignoreCase {
		return !asciiEqualFold(a, b)
	}
	return !bytes.Equal(a, b)
}

// uniqLine is a line read, with its end added when it lacks one.
func (o *uniqOpts) readLine(rr *lineReader, buf []byte) ([]byte, error) {
	line, err := rr.next()
	if err != nil {
		return buf, err
	}
	buf = append(buf[:0], line...)
	if buf[len(buf)-1] != o.eol {
		buf = append(buf, o.eol)
	}
	return buf, nil
}

// uniqRun filters r to out. It returns a read error.
func (c *Context) uniqRun(r io.Reader, out *errWriter, o *uniqOpts) error {
	rr := newLineReader(r, o.eol)
	var prev, this []byte
	var err error
	if o.outUnique && o.outFirst && !o.count {
		havePrev, printed := false, false
		for {
			if c.Canceled() {
				return c.Ctx.Err()
			}
			this, err = o.readLine(rr, this)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			newGroup := !havePrev || o.different(o.key(this[:len(this)-1]), o.key(prev[:len(prev)-1]))
			if newGroup && o.group != "" && (o.group == "prepend" || o.group == "both" ||
				(printed && (o.group == "append" || o.group == "separate"))) {
				out.WriteByte(o.eol)
			}
			if newGroup || o.group != "" {
				out.Write(this)
				prev, this = this, prev
				havePrev, printed = true, true
			}
			if out.err != nil {
				return nil
			}
		}
		if (o.group == "both" || o.group == "append") && printed {
			out.WriteByte(o.eol)
		}
		return nil
	}
	prev, err = o.readLine(rr, prev)
	if err == io.EOF {
		return nil
	}
	if err != nil {
		return err
	}
	var count uint64
	firstDelim := true
	for {
		if c.Canceled() {
			return c.Ctx.Err()
		}
		this, err = o.readLine(rr, this)
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		match := !o.different(o.key(this[:len(this)-1]), o.key(prev[:len(prev)-1]))
		if match {
			count++
		}
		if o.delimit != "none" {
			if !match {
				if count > 0 {
					firstDelim = false
				}
			} else if count == 1 && (o.delimit == "prepend" || (o.delimit == "separate" && !firstDelim)) {
				out.WriteByte(o.eol)
			}
		}
		if !match || o.outLater {
			o.writeLine(out, prev, match, count)
			prev, this = this, prev
			if !match {
				count = 0
			}
		}
		if out.err != nil {
			return nil
		}
	}
	o.writeLine(out, prev, false, count)
	return nil
}

func (o *uniqOpts) writeLine(out *errWriter, line []byte, match bool, count uint64) {
	var show bool
	switch {
	case count == 0:
		show = o.outUnique
	case !match:
		show = o.outFirst
	default:
		show = o.outLater
	}
	if !show {
		return
	}
	if o.count {
		out.Printf("%7d ", count+1)
	}
	out.Write(line)
}

// asciiEqualFold compares a and b ignoring the case of ASCII letters, as
// memcasecmp does in the C locale.
func asciiEqualFold(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := a[i], b[i]
		if x >= 'a' && x <= 'z' {
			x -= 'a' - 'A'
		}
		if y >= 'a' && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
