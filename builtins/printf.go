package builtins

// printf, as GNU coreutils' (9.1): FORMAT is applied to the ARGUMENTs,
// reused while arguments remain. Conversions d i o u x X (intmax_t, C
// strtoimax syntax: 0x1F, 010, 'c for a character code), e E f F g G a A
// (x86 long double), c s b q and %%; the flags - + space # 0, a width and
// a precision, either may be *. Escapes \" \\ \a \b \c \e \f \n \r \t \v,
// \NNN, \xHH, \uHHHH and \UHHHHHHHH; %b also takes \0NNN, and \c stops
// all output. Bad numbers are reported ("'abc': expected a numeric
// value") with status 1 but printed as far as they go. Not supported:
// the %N$ argument indexes of coreutils 9.6.
//
// PrintfBash is the same command with the behaviour of bash's builtin
// printf, for the shell to use: %q quotes with backslashes and $'...' as
// bash does, %(FMT)T formats a time (strftime, the argument being epoch
// seconds, -1 or empty meaning now), %b and %q take a width and
// precision, and bad numbers are reported as "abc: invalid number".

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

func init() { Register("printf", printfCmd) }

const printfUsage = `Usage: printf FORMAT [ARGUMENT]...
  or:  printf OPTION
Print ARGUMENT(s) according to FORMAT, or execute according to OPTION:

      --help     display this help and exit
      --version  output version information and exit

FORMAT controls the output as in C printf.  Interpreted sequences are:

  \"      double quote
  \\      backslash
  \a      alert (BEL)
  \b      backspace
  \c      produce no further output
  \e      escape
  \f      form feed
  \n      new line
  \r      carriage return
  \t      horizontal tab
  \v      vertical tab
  \NNN    byte with octal value NNN (1 to 3 digits)
  \xHH    byte with hexadecimal value HH (1 to 2 digits)
  \uHHHH  Unicode (ISO/IEC 10646) character with hex value HHHH (4 digits)
  \UHHHHHHHH  Unicode character with hex value HHHHHHHH (8 digits)
  %%      a single %
  %b      ARGUMENT as a string with '\' escapes interpreted,
          except that octal escapes are of the form \0 or \0NNN
  %q      ARGUMENT is printed in a format that can be reused as shell input,
          escaping non-printable characters with the proposed POSIX $'' syntax.

and all C format specifications ending with one of diouxXfeEgGcs, with
ARGUMENTs converted to proper type first.  Variable widths are handled.
`

func printfCmd(c *Context) int { return runPrintf(c, false) }

// PrintfBash runs printf with the behaviour of bash's builtin printf
// (%q in bash's style, %(FMT)T, widths for %b and %q, bash's messages),
// for the shell to call where its interpreter's printf falls short. It
// takes no options; the shell handles -v itself.
func PrintfBash(c *Context) int { return runPrintf(c, true) }

// printfState is one run of printf.
type printfState struct {
	c      *Context
	out    *errWriter
	bash   bool
	utf8   bool
	posix  bool
	status int
	stop   bool // \c seen
	fatal  bool // a format error: stop with status 1
}

func runPrintf(c *Context, bash bool) int {
	args := c.Args[1:]
	if !bash && len(args) == 1 {
		switch args[0] {
		case "--help":
			return c.writeOut(printfUsage)
		case "--version":
			return c.writeOut("printf (sandsh builtin) 1.0\n")
		}
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		if bash {
			c.Errorf("usage: printf [-v var] format [arguments]")
			return 2
		}
		return c.usageErr(1, "missing operand")
	}
	p := &printfState{c: c, out: newErrWriter(c.Stdout), bash: bash, utf8: utf8Locale(c)}
	if c.Env != nil {
		_, p.posix = c.Env("POSIXLY_CORRECT")
	}
	format := args[0]
	args = args[1:]
	for {
		used := p.pass(format, args)
		args = args[used:]
		if p.stop || p.fatal || used == 0 || len(args) == 0 || c.Canceled() {
			break
		}
	}
	if err := p.out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if p.fatal {
		return 1
	}
	if len(args) > 0 && !p.stop && !bash {
		c.Errorf("warning: ignoring excess arguments, starting with %s", quote(args[0]))
	}
	return p.status
}

// utf8Locale reports whether the environment selects a UTF-8 locale
// (LC_ALL, else LC_CTYPE, else LANG).
func utf8Locale(c *Context) bool {
	if c.Env == nil {
		return false
	}
	for _, name := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if v, ok := c.Env(name); ok && v != "" {
			v = strings.ToLower(v)
			return strings.Contains(v, "utf-8") || strings.Contains(v, "utf8")
		}
	}
	return false
}

// die reports a format error, which ends printf with status 1.
func (p *printfState) die(format string, a ...any) {
	p.out.Flush()
	p.c.Errorf(format, a...)
	p.fatal = true
}

// pass applies format once and returns how many arguments it used.
func (p *printfState) pass(format string, args []string) int {
	used := 0
	next := func() (string, bool) {
		if used < len(args) {
			used++
			return args[used-1], true
		}
		return "", false
	}
	for i := 0; i < len(format) && !p.stop && !p.fatal; i++ {
		ch := format[i]
		switch ch {
		case '\\':
			i += p.escape(format[i:], false)
		case '%':
			i = p.directive(format, i, next)
		default:
			p.out.WriteByte(ch)
		}
	}
	return used
}

// directive handles the conversion starting at format[i] == '%' and
// returns the index of its last byte.
func (p *printfState) directive(format string, i int, next func() (string, bool)) int {
	start := i
	i++
	if i < len(format) && format[i] == '%' {
		p.out.WriteByte('%')
		return i
	}
	if !p.bash && i < len(format) && (format[i] == 'b' || format[i] == 'q') {
		if arg, ok := next(); ok {
			if format[i] == 'b' {
				p.escString(arg)
			} else {
				p.out.WriteString(quoteShellEscape(arg))
			}
		}
		return i
	}
	var s cSpec
	quoteFlag := false
flags:
	for ; i < len(format); i++ {
		switch format[i] {
		case '-':
			s.Minus = true
		case '+':
			s.Plus = true
		case ' ':
			s.Space = true
		case '#':
			s.Hash = true
		case '0':
			s.Zero = true
		case '\'', 'I':
			quoteFlag = true
		default:
			break flags
		}
	}
	if i < len(format) && format[i] == '*' {
		i++
		w := 0
		if arg, ok := next(); ok {
			v := p.intArg(arg)
			if v < -1<<31 || v > 1<<31-1 {
				p.die("invalid field width: %s", quote(arg))
				return len(format)
			}
			w = int(v)
		}
		if w < 0 {
			s.Minus = true
			w = -w
		}
		s.Width = w
	} else {
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			s.Width = s.Width*10 + int(format[i]-'0')
			if s.Width > 1<<30 {
				s.Width = 1 << 30
			}
			i++
		}
	}
	if i < len(format) && format[i] == '.' {
		i++
		s.HasPrec = true
		if i < len(format) && format[i] == '*' {
			i++
			if arg, ok := next(); ok {
				v := p.intArg(arg)
				switch {
				case v < 0:
					s.HasPrec = false
				case v > 1<<31-1:
					p.die("invalid precision: %s", quote(arg))
					return len(format)
				default:
					s.Prec = int(v)
				}
			}
		} else {
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				s.Prec = s.Prec*10 + int(format[i]-'0')
				if s.Prec > 1<<30 {
					s.Prec = 1 << 30
				}
				i++
			}
		}
	}
	for i < len(format) && strings.IndexByte("lLhjtz", format[i]) >= 0 {
		i++
	}
	if i >= len(format) {
		p.badConversion(format[start:], 0)
		return len(format)
	}
	s.Verb = format[i]
	if p.bash && s.Verb == '(' {
		end := strings.IndexByte(format[i:], ')')
		if end < 0 || i+end+1 >= len(format) || format[i+end+1] != 'T' {
			p.die("`(': invalid format character")
			return len(format)
		}
		tf := format[i+1 : i+end]
		i += end + 1
		arg, _ := next()
		p.timeDirective(&s, tf, arg)
		return i
	}
	if !p.okConversion(&s, quoteFlag) {
		p.badConversion(format[start:i+1], s.Verb)
		return len(format)
	}
	arg, _ := next()
	switch s.Verb {
	case 'd', 'i':
		p.out.WriteString(s.fmtSigned(p.intArg(arg)))
	case 'o', 'u', 'x', 'X':
		v := p.uintArg(arg)
		p.out.WriteString(s.fmtInteger(false, v))
	case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A':
		p.out.WriteString(s.fmtFloat(p.floatArg(arg)))
	case 'c':
		b := ""
		if arg != "" {
			b = arg[:1]
		} else if !p.bash {
			b = "\x00"
		}
		p.out.WriteString(s.fmtString(b))
	case 's':
		p.out.WriteString(s.fmtString(arg))
	case 'b':
		var sub strings.Builder
		p.escInto(&sub, arg)
		s.Verb = 's'
		p.out.WriteString(s.fmtString(sub.String()))
	case 'q':
		s.Verb = 's'
		p.out.WriteString(s.fmtString(quoteBash(arg)))
	}
	return i
}

// okConversion reports whether the verb may follow the flags given, as
// coreutils checks: # is not for c d i s u, 0 not for c s, ' not for
// a c e o s x, a precision not for c.
func (p *printfState) okConversion(s *cSpec, quoteFlag bool) bool {
	v := s.Verb
	if strings.IndexByte("aAcdeEfFgGiosuxX", v) < 0 {
		return p.bash && (v == 'b' || v == 'q')
	}
	if p.bash {
		return true
	}
	if quoteFlag && strings.IndexByte("aAceEosxX", v) >= 0 {
		return false
	}
	if s.Hash && strings.IndexByte("cdisu", v) >= 0 {
		return false
	}
	if s.Zero && (v == 'c' || v == 's') {
		return false
	}
	if s.HasPrec && v == 'c' {
		return false
	}
	return true
}

func (p *printfState) badConversion(spec string, verb byte) {
	if p.bash {
		if verb == 0 {
			p.die("`%%': missing format character")
		} else {
			p.die("`%c': invalid format character", verb)
		}
		return
	}
	p.die("%s: invalid conversion specification", spec)
}

// timeDirective prints %(FMT)T for bash: arg is epoch seconds, -1, -2 or
// empty meaning now.
func (p *printfState) timeDirective(s *cSpec, tf, arg string) {
	var t time.Time
	n := p.intArg(arg)
	if arg == "" || n == -1 || n == -2 {
		t = time.Now()
	} else {
		t = time.Unix(n, 0)
	}
	if tf == "" {
		tf = "%X"
	}
	t = t.In(p.c.location())
	s.Verb = 's'
	p.out.WriteString(s.fmtString(strftime(tf, t)))
}

// numErr reports a bad numeric argument: err is the strtol error, n the
// bytes used.
func (p *printfState) numErr(arg string, n int, err error) {
	switch {
	case err != nil:
		if p.bash {
			p.c.Errorf("%s: %s", arg, ErrText(err))
		} else {
			p.c.Errorf("%s: %s", quote(arg), ErrText(err))
		}
	case n < len(arg):
		switch {
		case p.bash:
			p.c.Errorf("%s: invalid number", arg)
		case n == 0:
			p.c.Errorf("%s: expected a numeric value", quote(arg))
		default:
			p.c.Errorf("%s: value not completely converted", quote(arg))
		}
	default:
		return
	}
	p.status = 1
}

// charConst returns the code of a 'c or "c argument.
func (p *printfState) charConst(arg string) (int64, bool) {
	if arg == "" || arg[0] != '\'' && arg[0] != '"' {
		return 0, false
	}
	rest := arg[1:]
	if rest == "" {
		return 0, true
	}
	v, size := int64(rest[0]), 1
	if p.utf8 && rest[0] >= 0x80 {
		if r, sz := utf8.DecodeRuneInString(rest); r != utf8.RuneError {
			v, size = int64(r), sz
		}
	}
	if len(rest) > size && !p.posix && !p.bash {
		p.c.Errorf("warning: %s: character(s) following character constant have been ignored", rest[size:])
	}
	return v, true
}

func (p *printfState) intArg(arg string) int64 {
	if v, ok := p.charConst(arg); ok {
		return v
	}
	v, n, err := strtoimax(arg)
	p.numErr(arg, n, err)
	return v
}

func (p *printfState) uintArg(arg string) uint64 {
	if v, ok := p.charConst(arg); ok {
		return uint64(v)
	}
	v, n, err := strtoumax(arg)
	p.numErr(arg, n, err)
	return v
}

func (p *printfState) floatArg(arg string) longDouble {
	if v, ok := p.charConst(arg); ok {
		return ldFromInt(v)
	}
	v, n, err := strtold(arg)
	p.numErr(arg, n, err)
	return v
}

// escape handles the backslash escape at the start of s in a format (or,
// with octal0, in a %b argument) and returns the number of bytes used
// after the backslash.
func (p *printfState) escape(s string, octal0 bool) int {
	var b strings.Builder
	n := p.escapeInto(&b, s, octal0)
	p.out.WriteString(b.String())
	return n
}

// escapeInto is escape writing to b; it sets p.stop for \c and p.fatal
// for a bad escape.
func (p *printfState) escapeInto(b *strings.Builder, s string, octal0 bool) int {
	if len(s) < 2 {
		b.WriteByte('\\')
		return 0
	}
	ch := s[1]
	isOct := func(ch byte) bool { return ch >= '0' && ch <= '7' }
	switch {
	case ch == 'x':
		v, n := 0, 0
		for n < 2 && 2+n < len(s) && isHex(s[2+n]) {
			v = v*16 + hexVal(s[2+n])
			n++
		}
		if n == 0 {
			if p.bash {
				b.WriteString("\\x")
				return 1
			}
			p.die("missing hexadecimal number in escape")
			return len(s)
		}
		b.WriteByte(byte(v))
		return 1 + n
	case isOct(ch):
		j := 1
		if octal0 && ch == '0' {
			j++
		}
		v, n := 0, 0
		for n < 3 && j+n < len(s) && isOct(s[j+n]) {
			v = v*8 + int(s[j+n]-'0')
			n++
		}
		b.WriteByte(byte(v))
		return j - 1 + n
	case strings.IndexByte("\"\\abcefnrtv", ch) >= 0 || p.bash && (ch == 'E' || ch == '\''):
		switch ch {
		case 'a':
			b.WriteByte('\a')
		case 'b':
			b.WriteByte('\b')
		case 'c':
			p.stop = true
		case 'e', 'E':
			b.WriteByte(0x1b)
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte('\v')
		default:
			b.WriteByte(ch)
		}
		return 1
	case ch == 'u' || ch == 'U':
		want := 4
		if ch == 'U' {
			want = 8
		}
		v, n := uint32(0), 0
		for n < want && 2+n < len(s) && isHex(s[2+n]) {
			v = v*16 + uint32(hexVal(s[2+n]))
			n++
		}
		if p.bash {
			if n == 0 {
				b.WriteString(s[:2])
				return 1
			}
		} else {
			if n < want {
				p.die("missing hexadecimal number in escape")
				return len(s)
			}
			if v < 0xa0 && v != 0x24 && v != 0x40 && v != 0x60 || v >= 0xd800 && v <= 0xdfff {
				p.die("invalid universal character name \\%c%0*x", ch, want, v)
				return len(s)
			}
		}
		switch {
		case v < 0x80 && p.bash:
			b.WriteByte(byte(v))
		case p.utf8 && v <= utf8.MaxRune:
			b.WriteRune(rune(v))
		case v < 0x80:
			b.WriteByte(byte(v))
		case v > 0xffff:
			fmt.Fprintf(b, "\\U%08X", v)
		default:
			fmt.Fprintf(b, "\\u%04X", v)
		}
		return 1 + n
	}
	b.WriteByte('\\')
	b.WriteByte(ch)
	return 1
}

// escString prints a %b argument.
func (p *printfState) escString(arg string) {
	var b strings.Builder
	p.escInto(&b, arg)
	p.out.WriteString(b.String())
}

// escInto interprets the escapes of a %b argument into b.
func (p *printfState) escInto(b *strings.Builder, arg string) {
	for i := 0; i < len(arg) && !p.stop && !p.fatal; i++ {
		if arg[i] == '\\' {
			i += p.escapeInto(b, arg[i:], true)
			continue
		}
		b.WriteByte(arg[i])
	}
}

// quoteShellEscape quotes s as gnulib's shell_escape_quoting_style does
// (coreutils' printf %q): as is when safe, else in single quotes, with
// $'...' for control characters.
func quoteShellEscape(s string) string {
	if s == "" {
		return "''"
	}
	return quoteIf(s)
}

// quoteBash quotes s as bash's printf %q does: $'...' when s has
// non-printable bytes, else backslashes before the shell's special
// characters.
func quoteBash(s string) string {
	if s == "" {
		return "''"
	}
	printable := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] >= 0x7f {
			printable = false
			break
		}
	}
	var b strings.Builder
	if !printable {
		b.WriteString("$'")
		for i := 0; i < len(s); i++ {
			ch := s[i]
			switch ch {
			case 0x1b:
				b.WriteString(`\E`)
			case '\a':
				b.WriteString(`\a`)
			case '\v':
				b.WriteString(`\v`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\\', '\'':
				b.WriteByte('\\')
				b.WriteByte(ch)
			default:
				if ch < 0x20 || ch >= 0x7f {
					fmt.Fprintf(&b, "\\%03o", ch)
				} else {
					b.WriteByte(ch)
				}
			}
		}
		b.WriteByte('\'')
		return b.String()
	}
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case strings.IndexByte(" \t\n!\"$&'()*,;<>?[\\]^`{|}", ch) >= 0:
			b.WriteByte('\\')
		case ch == '#' && i == 0:
			b.WriteByte('\\')
		case ch == '~' && (i == 0 || s[i-1] == ':' || s[i-1] == '='):
			b.WriteByte('\\')
		}
		b.WriteByte(ch)
	}
	return b.String()
}
