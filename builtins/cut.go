package builtins

// cut, as GNU's in the C locale: -b LIST, -c LIST (bytes, as in the C
// locale), -f LIST, -d DELIM (-d "" is NUL), -s, -n (ignored),
// --complement, --output-delimiter=STRING ("" is NUL, as in GNU) and -z.
// LIST is GNU's: N, N-, -M, N-M separated by commas or blanks, with GNU's
// error messages. Input is read a line at a time.

import (
	"bytes"
	"fmt"
	"io"
	"sort"
)

func init() { Register("cut", cut) }

var cutSpec = optSpec{
	Short: "b:c:d:f:nsz",
	Long: []longOpt{
		{Name: "bytes", Arg: requiredArg, Key: "b"},
		{Name: "characters", Arg: requiredArg, Key: "c"},
		{Name: "delimiter", Arg: requiredArg, Key: "d"},
		{Name: "fields", Arg: requiredArg, Key: "f"},
		{Name: "only-delimited", Key: "s"},
		{Name: "zero-terminated", Key: "z"},
		{Name: "complement", Key: "complement"},
		{Name: "output-delimiter", Arg: requiredArg, Key: "output-delimiter"},
	},
	Status: 1,
	Usage: `Usage: cut OPTION... [FILE]...
Print selected parts of lines from each FILE to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --bytes=LIST        select only these bytes
  -c, --characters=LIST   select only these characters
  -d, --delimiter=DELIM   use DELIM instead of TAB for field delimiter
  -f, --fields=LIST       select only these fields;  also print any line
                            that contains no delimiter character, unless
                            the -s option is specified
  -n                      (ignored)
      --complement        complement the set of selected bytes, characters
                            or fields
  -s, --only-delimited    do not print lines not containing delimiters
      --output-delimiter=STRING  use STRING as the output delimiter
                            the default is to use the input delimiter
  -z, --zero-terminated   line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

Use one, and only one of -b, -c or -f.  Each LIST is made up of one
range, or many ranges separated by commas.  Selected input is written
in the same order that it is read, and is written exactly once.
Each range is one of:

  N     N'th byte, character or field, counted from 1
  N-    from N'th byte, character or field, to end of line
  N-M   from N'th to M'th (included) byte, character or field
  -M    from first to M'th (included) byte, character or field
`,
}

// cutRange is an inclusive range of positions counted from 1.
type cutRange struct{ lo, hi uint64 }

const cutMax = ^uint64(0)

func cut(c *Context) int {
	c, _ = c.withStickyStdout()
	p, err := c.parseOpts(&cutSpec)
	if err != nil {
		return exitStatus(err)
	}
	mode := byte(0) // 'b' or 'f'
	list := ""
	delim, delimSet := byte('\t'), false
	outDelim, outSet := "", false
	suppress, complement := false, false
	eol := byte('\n')
	for _, o := range p.Opts {
		switch o.Key {
		case "b", "c", "f":
			if mode != 0 {
				return c.usageErr(1, "only one list may be specified")
			}
			mode = 'b'
			if o.Key == "f" {
				mode = 'f'
			}
			list = o.Val
		case "d":
			if len(o.Val) > 1 {
				return c.usageErr(1, "the delimiter must be a single character")
			}
			delim, delimSet = 0, true
			if o.Val != "" {
				delim = o.Val[0]
			}
		case "s":
			suppress = true
		case "z":
			eol = 0
		case "complement":
			complement = true
		case "output-delimiter":
			outDelim, outSet = o.Val, true
			if outDelim == "" {
				outDelim = "\x00"
			}
		}
	}
	switch {
	case mode == 0:
		return c.usageErr(1, "you must specify a list of bytes, characters, or fields")
	case delimSet && mode != 'f':
		return c.usageErr(1, "an input delimiter may be specified only when operating on fields")
	case suppress && mode != 'f':
		return c.usageErr(1, "suppressing non-delimited lines makes sense\n\tonly when operating on fields")
	}
	ranges, msg := parseCutList(list, mode == 'f')
	if msg != "" {
		return c.usageErr(1, "%s", msg)
	}
	if complement {
		ranges = complementRanges(ranges)
	}
	if !outSet {
		outDelim = string([]byte{delim})
	}
	out := newErrWriter(c.Stdout)
	status := c.eachInput(p.Operands, func(name string, r io.Reader) error {
		rr := newLineReader(r, eol)
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
			if n := len(line); n > 0 && line[n-1] == eol {
				line = line[:n-1]
			}
			if mode == 'b' {
				cutBytes(out, line, ranges, outDelim, outSet, eol)
			} else {
				cutFields(out, line, ranges, delim, outDelim, suppress, eol)
			}
			if out.err != nil {
				return wrapWrite(out.err)
			}
		}
	})
	if err := out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

// cutBytes writes the selected bytes of line and the line end.
func cutBytes(out *errWriter, line []byte, ranges []cutRange, outDelim string, outSet bool, eol byte) {
	printed := false
	ri := 0
	for i := range line {
		pos := uint64(i + 1)
		for ri < len(ranges) && ranges[ri].hi < pos {
			ri++
		}
		if ri == len(ranges) {
			break
		}
		if pos < ranges[ri].lo {
			continue
		}
		if outSet && printed && pos == ranges[ri].lo {
			out.WriteString(outDelim)
		}
		printed = true
		out.WriteByte(line[i])
	}
	out.WriteByte(eol)
}

// cutFields writes the selected fields of line and the line end.
func cutFields(out *errWriter, line []byte, ranges []cutRange, delim byte, outDelim string, suppress bool, eol byte) {
	if bytes.IndexByte(line, delim) < 0 {
		if !suppress {
			out.Write(line)
			out.WriteByte(eol)
		}
		return
	}
	printed := false
	ri := 0
	field := uint64(1)
	start := 0
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != delim {
			continue
		}
		for ri < len(ranges) && ranges[ri].hi < field {
			ri++
		}
		if ri < len(ranges) && field >= ranges[ri].lo {
			if printed {
				out.WriteString(outDelim)
			}
			printed = true
			out.Write(line[start:i])
		}
		field++
		start = i + 1
	}
	out.WriteByte(eol)
}

// parseCutList parses a LIST of cut as GNU's set_fields does. It returns
// the sorted, merged ranges, or GNU's message.
func parseCutList(s string, fields bool) ([]cutRange, string) {
	numbered := "byte/character positions are numbered from 1"
	badRange := "invalid byte or character range"
	badValue := "invalid byte/character position %s"
	tooLarge := "byte/character offset %s is too large"
	if fields {
		numbered = "fields are numbered from 1"
		badRange = "invalid field range"
		badValue = "invalid field value %s"
		tooLarge = "field number %s is too large"
	}
	var ranges []cutRange
	var initial, value uint64 = 1, 0
	lhs, rhs, dash := false, false, false
	numStart := -1
	for i := 0; ; i++ {
		ch := byte(0)
		if i < len(s) {
			ch = s[i]
		}
		switch {
		case ch == '-':
			numStart = -1
			if dash {
				return nil, badRange
			}
			dash = true
			if lhs && value == 0 {
				return nil, numbered
			}
			initial = 1
			if lhs {
				initial = value
			}
			value = 0
		case ch == ',' || ch == ' ' || ch == '\t' || i >= len(s):
			numStart = -1
			if dash {
				dash = false
				if !lhs && !rhs {
					return nil, "invalid range with no endpoint: -"
				}
				if !rhs {
					ranges = append(ranges, cutRange{initial, cutMax})
				} else {
					if value < initial {
						return nil, "invalid decreasing range"
					}
					ranges = append(ranges, cutRange{initial, value})
				}
				value = 0
			} else {
				if value == 0 {
					return nil, numbered
				}
				ranges = append(ranges, cutRange{value, value})
				value = 0
			}
			if i >= len(s) {
				return mergeRanges(ranges), ""
			}
			lhs, rhs = false, false
		case isDigit(ch):
			if numStart < 0 {
				numStart = i
			}
			if dash {
				rhs = true
			} else {
				lhs = true
			}
			d := uint64(ch - '0')
			if value > (cutMax-1-d)/10 {
				j := numStart
				for j < len(s) && isDigit(s[j]) {
					j++
				}
				return nil, fmt.Sprintf(tooLarge, quote(s[numStart:j]))
			}
			value = value*10 + d
		default:
			return nil, fmt.Sprintf(badValue, quote(s[i:]))
		}
	}
}

// mergeRanges sorts ranges and merges those that overlap (not those that
// only touch, as GNU's).
func mergeRanges(r []cutRange) []cutRange {
	sort.SliceStable(r, func(i, j int) bool { return r[i].lo < r[j].lo })
	var out []cutRange
	for _, x := range r {
		if n := len(out); n > 0 && x.lo <= out[n-1].hi {
			if x.hi > out[n-1].hi {
				out[n-1].hi = x.hi
			}
			continue
		}
		out = append(out, x)
	}
	return out
}

// complementRanges returns the positions not in r (sorted, merged).
func complementRanges(r []cutRange) []cutRange {
	var out []cutRange
	next := uint64(1)
	for _, x := range r {
		if x.lo > next {
			out = append(out, cutRange{next, x.lo - 1})
		}
		if x.hi == cutMax {
			return out
		}
		next = x.hi + 1
	}
	return append(out, cutRange{next, cutMax})
}
