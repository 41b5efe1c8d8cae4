package builtins

// nl, as GNU's: -b/-h/-f STYLE (a, t, n, pBRE), -d CC (any length; one
// character gets ':' appended), -i N, -l N, -n ln/rn/rz, -p, -s STRING,
// -v N, -w N and the long forms. Logical pages are split by the section
// delimiter lines (\:\:\: header, \:\: body, \: footer); the section state
// and line number carry over from one file to the next as GNU's do. The
// -bp regular expression is a GNU BRE translated to RE2 (back-references
// are refused). Input is read a line at a time.

import (
	"io"
	"math"
	"regexp"
	"strings"

	"github.com/sandsh/sandsh/builtins/internal/gnure"
)

func init() { Register("nl", nl) }

var nlSpec = optSpec{
	Short: "b:d:f:h:i:l:n:ps:v:w:",
	Long: []longOpt{
		{Name: "body-numbering", Arg: requiredArg, Key: "b"},
		{Name: "section-delimiter", Arg: requiredArg, Key: "d"},
		{Name: "footer-numbering", Arg: requiredArg, Key: "f"},
		{Name: "header-numbering", Arg: requiredArg, Key: "h"},
		{Name: "line-increment", Arg: requiredArg, Key: "i"},
		{Name: "join-blank-lines", Arg: requiredArg, Key: "l"},
		{Name: "number-format", Arg: requiredArg, Key: "n"},
		{Name: "no-renumber", Key: "p"},
		{Name: "number-separator", Arg: requiredArg, Key: "s"},
		{Name: "starting-line-number", Arg: requiredArg, Key: "v"},
		{Name: "number-width", Arg: requiredArg, Key: "w"},
	},
	Status: 1,
	Usage: `Usage: nl [OPTION]... [FILE]...
Write each FILE to standard output, with line numbers added.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --body-numbering=STYLE      use STYLE for numbering body lines
  -d, --section-delimiter=CC      use CC for logical page delimiters
  -f, --footer-numbering=STYLE    use STYLE for numbering footer lines
  -h, --header-numbering=STYLE    use STYLE for numbering header lines
  -i, --line-increment=NUMBER     line number increment at each line
  -l, --join-blank-lines=NUMBER   group of NUMBER empty lines counted as one
  -n, --number-format=FORMAT      insert line numbers according to FORMAT
  -p, --no-renumber               do not reset line numbers for each section
  -s, --number-separator=STRING   add STRING after (possible) line number
  -v, --starting-line-number=NUMBER  first line number for each section
  -w, --number-width=NUMBER       use NUMBER columns for line numbers
      --help        display this help and exit
      --version     output version information and exit

Default options are: -bt -d'\:' -fn -hn -i1 -l1 -n'rn' -s<TAB> -v1 -w6

CC are two delimiter characters used to construct logical page delimiters;
a missing second character implies ':'.  As a GNU extension one can specify
more than two characters, and also specify the empty string (-d '')
to disable section matching.

STYLE is one of:

  a      number all lines
  t      number only nonempty lines
  n      number no lines
  pBRE   number only lines that contain a match for the basic regular
         expression, BRE

FORMAT is one of:

  ln     left justified, no leading zeros
  rn     right justified, no leading zeros
  rz     right justified, leading zeros
`,
}

// nlStyle is a numbering style: 'a', 't', 'n' or 'p' with a regexp.
type nlStyle struct {
	kind byte
	re   *regexp.Regexp
}

type nlState struct {
	styles   [3]nlStyle // header, body, footer
	cur      *nlStyle
	del      string
	format   string
	width    int
	sep      string
	start    int64
	incr     int64
	join     int64
	renumber bool

	line     int64
	overflow bool
	blanks   int64
	noNumber string
}

func (c *Context) nlParseStyle(s, what string) (nlStyle, bool) {
	switch {
	case s == "a" || s == "t" || s == "n":
		return nlStyle{kind: s[0]}, true
	case strings.HasPrefix(s, "p"):
		re, err := gnure.Compile(s[1:], gnure.Options{Syntax: gnure.Basic})
		if err != nil {
			c.Errorf("%s", err.Error())
			return nlStyle{}, false
		}
		return nlStyle{kind: 'p', re: re}, true
	}
	c.usageErr(1, "invalid %s numbering style: %s", what, quote(s))
	return nlStyle{}, false
}

func nl(c *Context) int {
	p, err := c.parseOpts(&nlSpec)
	if err != nil {
		return exitStatus(err)
	}
	st := &nlState{
		styles:   [3]nlStyle{{kind: 'n'}, {kind: 't'}, {kind: 'n'}},
		del:      `\:`,
		format:   "rn",
		width:    6,
		sep:      "\t",
		start:    1,
		incr:     1,
		join:     1,
		renumber: true,
	}
	for _, o := range p.Opts {
		ok := true
		switch o.Key {
		case "b":
			st.styles[1], ok = c.nlParseStyle(o.Val, "body")
		case "h":
			st.styles[0], ok = c.nlParseStyle(o.Val, "header")
		case "f":
			st.styles[2], ok = c.nlParseStyle(o.Val, "footer")
		case "d":
			st.del = o.Val
			if len(st.del) == 1 {
				st.del += ":"
			}
		case "i":
			st.incr, ok = c.xdecArg(o.Val, math.MinInt64, math.MaxInt64, "invalid line number increment")
		case "l":
			st.join, ok = c.xdecArg(o.Val, 1, math.MaxInt64, "invalid line number of blank lines")
		case "n":
			switch o.Val {
			case "ln", "rn", "rz":
				st.format = o.Val
			default:
				c.usageErr(1, "invalid line numbering format: %s", quote(o.Val))
				return 1
			}
		case "p":
			st.renumber = false
		case "s":
			st.sep = o.Val
		case "v":
			st.start, ok = c.xdecArg(o.Val, math.MinInt64, math.MaxInt64, "invalid starting line number")
		case "w":
			var w int64
			w, ok = c.xdecArg(o.Val, 1, math.MaxInt32, "invalid line number field width")
			st.width = int(w)
		}
		if !ok {
			return 1
		}
	}
	st.line = st.start
	st.cur = &st.styles[1]
	st.noNumber = strings.Repeat(" ", st.width+len(st.sep))
	c, sw := c.withStickyStdout()
	out := newErrWriter(sw)
	names := p.Operands
	if len(names) == 0 {
		names = []string{"-"}
	}
	status := 0
	for _, name := range names {
		if c.stopped() {
			return 1
		}
		r, err := c.openInput(name)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			status = 1
			continue
		}
		lr := newLineReader(r, '\n')
		for !c.stopped() {
			line, err := lr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if !c.Canceled() {
					c.PathErr(quoteIf(name), err)
				}
				status = 1
				break
			}
			if !st.process(out, line) {
				r.Close()
				if err := out.Flush(); err != nil {
					return c.writeFailed(err)
				}
				return c.Failf(1, "line number overflow")
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

// process handles one line (with its newline, if any). It returns false
// when the line number overflowed.
func (st *nlState) process(out *errWriter, line []byte) bool {
	text := line
	if n := len(text); n > 0 && text[n-1] == '\n' {
		text = text[:n-1]
	}
	if st.del != "" && len(text) >= len(st.del) {
		sec := -1
		switch string(text) {
		case st.del + st.del + st.del:
			sec = 0
		case st.del + st.del:
			sec = 1
		case st.del:
			sec = 2
		}
		if sec >= 0 {
			st.cur = &st.styles[sec]
			if st.renumber {
				st.line = st.start
			}
			out.WriteByte('\n')
			return true
		}
	}
	number := false
	switch st.cur.kind {
	case 'a':
		if st.join > 1 {
			if len(text) > 0 {
				number = true
				st.blanks = 0
			} else if st.blanks++; st.blanks == st.join {
				number = true
				st.blanks = 0
			}
		} else {
			number = true
		}
	case 't':
		number = len(text) > 0
	case 'p':
		number = st.cur.re.Match(text)
	}
	if number {
		if st.overflow {
			return false
		}
		switch st.format {
		case "ln":
			out.Printf("%-*d%s", st.width, st.line, st.sep)
		case "rn":
			out.Printf("%*d%s", st.width, st.line, st.sep)
		default:
			out.Printf("%0*d%s", st.width, st.line, st.sep)
		}
		next := st.line + st.incr
		if (st.incr > 0 && next < st.line) || (st.incr < 0 && next > st.line) {
			st.overflow = true
		}
		st.line = next
	} else {
		out.WriteString(st.noNumber)
	}
	out.Write(text)
	out.WriteByte('\n')
	return true
}
