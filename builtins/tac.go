package builtins

// tac, as GNU's: files and "-" in order, each with its records reversed;
// -s SEP (a string; "" leaves the input as it is, as GNU's does), -b
// (the separator starts a record) and -r (SEP is a GNU basic regular
// expression, translated by gnure; back-references are refused). Like
// GNU's, the separator is searched backwards from the end, and a regular
// expression sees only the text before its previous match. tac holds
// each input in memory.

import (
	"bytes"
	"io"
	"regexp"
	"strings"
	"syscall"

	"github.com/sandsh/sandsh/builtins/internal/gnure"
)

func init() { Register("tac", tac) }

var tacSpec = optSpec{
	Short: "brs:",
	Long: []longOpt{
		{Name: "before", Key: "b"},
		{Name: "regex", Key: "r"},
		{Name: "separator", Arg: requiredArg, Key: "s"},
	},
	Status: 1,
	Usage: `Usage: tac [OPTION]... [FILE]...
Write each FILE to standard output, last line first.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -b, --before             attach the separator before instead of after
  -r, --regex              interpret the separator as a regular expression
  -s, --separator=STRING   use STRING as the separator instead of newline
      --help        display this help and exit
      --version     output version information and exit
`,
}

func tac(c *Context) int {
	c, _ = c.withStickyStdout()
	p, err := c.parseOpts(&tacSpec)
	if err != nil {
		return exitStatus(err)
	}
	before, isRegex, sep := false, false, "\n"
	for _, o := range p.Opts {
		switch o.Key {
		case "b":
			before = true
		case "r":
			isRegex = true
		case "s":
			sep = o.Val
		}
	}
	var re *tacRegex
	if isRegex && sep != "" {
		var err error
		if re, err = newTacRegex(sep); err != nil {
			return c.Failf(1, "%s", err.Error())
		}
	}
	files := p.Operands
	if len(files) == 0 {
		files = []string{"-"}
	}
	status := 0
	for _, name := range files {
		if c.stopped() {
			return 1
		}
		r, err := c.openInput(name)
		if err != nil {
			c.Errorf("failed to open %s for reading: %s", quote(name), ErrText(err))
			status = 1
			continue
		}
		data, err := c.readAllCancel(r)
		r.Close()
		if err != nil {
			if c.Canceled() {
				return 1
			}
			if vfsErrno(err) == syscall.EISDIR {
				err = syscall.EINVAL // GNU's tac seeks in the directory first
			}
			c.Errorf("%s: read error: %s", quoteIf(name), ErrText(err))
			status = 1
			continue
		}
		if werr := c.tacWrite(data, sep, re, before); werr != nil {
			return c.writeFailed(werr)
		}
	}
	return status
}

func vfsErrno(err error) syscall.Errno { return errnoOf(err) }

// readAllCancel reads r to its end, stopping when the run is cancelled.
func (c *Context) readAllCancel(r io.Reader) ([]byte, error) {
	var b bytes.Buffer
	buf := make([]byte, textBufSize)
	for {
		if c.Canceled() {
			return nil, c.Ctx.Err()
		}
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if err == io.EOF {
			return b.Bytes(), nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// tacWrite writes the records of data in reverse order.
func (c *Context) tacWrite(data []byte, sep string, re *tacRegex, before bool) error {
	out := newErrWriter(c.Stdout)
	if sep == "" {
		out.Write(data)
		return out.Flush()
	}
	pastEnd := len(data)
	matchStart := len(data)
	first := true
	for {
		if c.Canceled() {
			return out.Flush()
		}
		var ms, ml int
		if re != nil {
			ms, ml = tacRegexBack(re, data, matchStart)
		} else {
			ms, ml = tacStringBack(data, sep, matchStart)
		}
		if ms < 0 {
			out.Write(data[:pastEnd])
			return out.Flush()
		}
		if before {
			out.Write(data[ms:pastEnd])
			pastEnd = ms
		} else {
			end := ms + ml
			if !first || end != pastEnd {
				out.Write(data[end:pastEnd])
			}
			pastEnd = end
			first = false
		}
		matchStart = ms
		if out.err != nil {
			return out.err
		}
	}
}

// tacStringBack finds the last occurrence of sep that ends at or before
// limit (the start of the previous match), as GNU's backward scan does
// for fixed separators: it returns the start and length, or -1.
func tacStringBack(data []byte, sep string, limit int) (int, int) {
	end := limit
	if end > len(data) {
		end = len(data)
	}
	i := bytes.LastIndex(data[:end], []byte(sep))
	return i, len(sep)
}

// tacRegex is tac's separator expression. GNU searches it at each
// start position of the text before the previous match, so "^" matches
// only at the very start; here the text before the start position is
// given as one byte of context, which "^" and "\b" see. "^" and "$" also
// match at newlines, as GNU compiles the expression with newline_anchor.
type tacRegex struct {
	atStart, inside *regexp.Regexp
}

func newTacRegex(sep string) (*tacRegex, error) {
	expr, err := gnure.Translate(emacsToERE(sep), gnure.Extended)
	if err != nil {
		return nil, err
	}
	r0, err := regexp.Compile(`(?m)\A(?:` + expr + `)`)
	if err != nil {
		return nil, err
	}
	r1, err := regexp.Compile(`(?m)\A(?s:.)(` + expr + `)`)
	if err != nil {
		return nil, err
	}
	r0.Longest()
	r1.Longest()
	return &tacRegex{atStart: r0, inside: r1}, nil
}

// tacRegexBack finds the match of re with the largest start before
// limit, re seeing only data[:limit]; it returns the start and length, or
// -1.
func tacRegexBack(re *tacRegex, data []byte, limit int) (int, int) {
	text := data[:limit]
	for s := limit - 1; s > 0; s-- {
		m := re.inside.FindSubmatchIndex(text[s-1:])
		if m == nil {
			continue
		}
		if m[2] == 1 {
			return s, m[3] - m[2]
		}
		// The byte before s began a longer UTF-8 character: match
		// without the context.
		if loc := re.atStart.FindIndex(text[s:]); loc != nil {
			return s, loc[1]
		}
	}
	if limit > 0 {
		if loc := re.atStart.FindIndex(text); loc != nil {
			return 0, loc[1]
		}
	}
	return -1, 0
}

// emacsToERE rewrites a pattern in GNU regex's Emacs syntax (the default
// syntax, which tac uses) as a GNU ERE: \( \) \| become operators
// without backslashes, and ( ) | { } and \{ \} are literal.
func emacsToERE(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch ch {
		case '[':
			j := i + 1
			if j < len(p) && p[j] == '^' {
				j++
			}
			if j < len(p) && p[j] == ']' {
				j++
			}
			for j < len(p) && p[j] != ']' {
				j++
			}
			if j >= len(p) {
				b.WriteString(p[i:])
				return b.String()
			}
			// Classes ([:alpha:]) are not special in this syntax: move
			// the '[' characters last so none starts one.
			body := p[i+1 : j]
			if strings.Contains(body, "[") {
				body = strings.ReplaceAll(body, "[", "") + "["
			}
			b.WriteString("[" + body + "]")
			i = j
		case '(', ')', '|', '{', '}':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case '\\':
			if i+1 >= len(p) {
				b.WriteByte(ch)
				continue
			}
			i++
			switch p[i] {
			case '(', ')', '|':
				b.WriteByte(p[i])
			default:
				b.WriteByte('\\')
				b.WriteByte(p[i])
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}
