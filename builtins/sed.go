package builtins

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/sandsh/sandsh/builtins/internal/gnure"
)

// sed, GNU sed 4.9's language in the C locale, implemented here: addresses
// (N, $, /re/ and \%re% with I and M, first~step, addr1,+N, addr1,~N,
// 0,/re/, addr!), ranges, { } blocks, and the commands s (flags g p N i I
// m M w), y, d D p P n N q Q (exit codes), a i c (one-liners and the
// classic multi-line forms), = l (wrapping), h H g G x, b t T :label, r R
// w W (/dev/stdout, /dev/stderr), z F and comments. Options: -n -e -f -E
// -r -s -z -u -l N, -i[SUFFIX] and --in-place[=SUFFIX] (through the
// namespace, keeping the mode; '*' in SUFFIX stands for the file name),
// --follow-symlinks, --posix (accepted), --sandbox. The empty regular
// expression reuses the last one used.
//
// Regular expressions go through package gnure; back-references (\1 in a
// pattern) and the e command and s///e flag are refused with a clear
// error. --debug is not supported. Only the pattern and hold spaces (and
// one line of look-ahead, for $) are held in memory.

func init() { Register("sed", sedMain) }

var sedSpec = optSpec{
	Short: "nrsuEzl:e:f:",
	Long: []longOpt{
		{Name: "quiet", Key: "n"},
		{Name: "silent", Key: "n"},
		{Name: "expression", Arg: requiredArg, Key: "e"},
		{Name: "file", Arg: requiredArg, Key: "f"},
		{Name: "follow-symlinks", Key: "follow-symlinks"},
		{Name: "in-place", Arg: optionalArg, Key: "i"},
		{Name: "line-length", Arg: requiredArg, Key: "l"},
		{Name: "posix", Key: "posix"},
		{Name: "regexp-extended", Key: "E"},
		{Name: "separate", Key: "s"},
		{Name: "sandbox", Key: "sandbox"},
		{Name: "unbuffered", Key: "u"},
		{Name: "null-data", Key: "z"},
		{Name: "zero-terminated", Key: "z"},
	},
	Status: 1,
	Usage:  sedUsage + "E-mail bug reports to: <bug-sed@gnu.org>.\n",
}

const sedUsage = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the ` + "`l'" + ` command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`

// sedArgs rewrites -i[SUFFIX] as --in-place[=SUFFIX]: getopt's optional
// argument of a short option, which parseOpts does not know.
func sedArgs(args []string) []string {
	out := []string{args[0]}
	for i := 1; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			out = append(out, args[i:]...)
			break
		}
		if strings.HasPrefix(a, "--") {
			out = append(out, a)
			if !strings.Contains(a, "=") {
				if l, _, ok := sedSpec.findLong(a[2:]); ok && l.Arg == requiredArg && i+1 < len(args) {
					i++
					out = append(out, args[i])
				}
			}
			continue
		}
		if len(a) < 2 || a[0] != '-' {
			out = append(out, a)
			continue
		}
		done := false
		for j := 1; j < len(a) && !done; j++ {
			ch := a[j]
			if ch == 'i' {
				if j > 1 {
					out = append(out, a[:j])
				}
				if j+1 < len(a) {
					out = append(out, "--in-place="+a[j+1:])
				} else {
					out = append(out, "--in-place")
				}
				done = true
				break
			}
			if exists, takes := sedSpec.shortArg(ch); exists && takes {
				out = append(out, a)
				if j+1 == len(a) && i+1 < len(args) {
					i++
					out = append(out, args[i])
				}
				done = true
			}
		}
		if !done {
			out = append(out, a)
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// The program

type sedAddrKind int

const (
	addrLine  sedAddrKind = iota // N
	addrLast                     // $
	addrRegex                    // /re/
	addrStep                     // first~step
	addrZero                     // 0 (of 0,/re/)
	addrPlus                     // +N (second address)
	addrMult                     // ~N (second address)
)

type sedAddr struct {
	kind    sedAddrKind
	n, step int64
	re      *sedRegex
}

// sedRegex is a compiled regular expression; re is nil for the empty
// regex, which stands for the last one used.
type sedRegex struct {
	re *regexp.Regexp
}

// sedRepl is a piece of an s replacement.
type sedRepl struct {
	lit   string
	group int  // -1 for none, 0 for &
	op    byte // case conversion: 'L', 'U', 'E', 'l', 'u', or 0
}

type sedCmd struct {
	a1, a2 *sedAddr
	negate bool
	name   byte

	active   bool  // a range is open
	rangeEnd int64 // last line of a range given by a line number

	text     string // a, i, c
	label    string // b, t, T, :
	target   int    // where b, t, T jump
	fname    string // r, R
	out      *sedOut
	intArg   int // q, Q exit status; l width
	hasInt   bool
	blockEnd int // for {: the index of its }

	re         *sedRegex
	repl       []sedRepl
	global     bool
	occurrence int
	print      bool
	ymap       *[256]byte
}

// sedError is a script error: its message is complete.
type sedError struct {
	msg    string
	status int // 0 for 1
}

func (e *sedError) Error() string { return e.msg }

// sedParser reads one chunk of script (an -e expression or an -f file).
type sedParser struct {
	s      *sedRun
	src    string
	i      int
	expr   int    // -e expression number
	file   string // -f file name, or ""
	blocks *[]int
}

func (p *sedParser) errf(format string, args ...any) error {
	loc := ""
	if p.file != "" {
		loc = fmt.Sprintf("file %s line %d: ", p.file, 1+strings.Count(p.src[:p.i], "\n"))
	} else {
		loc = fmt.Sprintf("-e expression #%d, char %d: ", p.expr, p.i)
	}
	return &sedError{msg: loc + fmt.Sprintf(format, args...)}
}

func (p *sedParser) eof() bool { return p.i >= len(p.src) }

func (p *sedParser) peek() int {
	if p.i >= len(p.src) {
		return -1
	}
	return int(p.src[p.i])
}

func (p *sedParser) next() int {
	if p.i >= len(p.src) {
		return -1
	}
	p.i++
	return int(p.src[p.i-1])
}

func (p *sedParser) skipSpace() {
	for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

func (p *sedParser) number() int64 {
	var n int64
	for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
		if n < 1<<58 {
			n = n*10 + int64(p.src[p.i]-'0')
		}
		p.i++
	}
	return n
}

// endCmd checks what follows a command: spaces, then the end, a newline,
// ';', '#' or '}'.
func (p *sedParser) endCmd() error {
	p.skipSpace()
	switch p.peek() {
	case -1, '\n', ';':
		p.next()
		return nil
	case '#', '}':
		return nil
	}
	p.next()
	return p.errf("extra characters after command")
}

// parse reads the chunk's commands into s.prog.
func (p *sedParser) parse() error {
	s := p.s
	if s.pendingText != nil {
		cmd := s.pendingText
		s.pendingText = nil
		p.text(cmd)
	}
	for {
		for p.i < len(p.src) && strings.IndexByte(" \t\n;", p.src[p.i]) >= 0 {
			p.i++
		}
		if p.eof() {
			return nil
		}
		if p.peek() == '#' {
			for !p.eof() && p.next() != '\n' {
			}
			continue
		}
		cmd := &sedCmd{}
		var err error
		if cmd.a1, err = p.address(true); err != nil {
			return err
		}
		if cmd.a1 != nil {
			p.skipSpace()
			if p.peek() == ',' {
				p.next()
				p.skipSpace()
				if cmd.a2, err = p.address(false); err != nil {
					return err
				}
				if cmd.a2 == nil {
					p.next()
					return p.errf("unexpected `,'")
				}
			}
		}
		p.skipSpace()
		if p.peek() == '!' {
			p.next()
			cmd.negate = true
			for p.peek() == ' ' || p.peek() == '\t' || p.peek() == '!' {
				if p.next() == '!' {
					return p.errf("multiple `!'s")
				}
			}
		}
		c := p.next()
		if c == -1 || c == '\n' || c == ';' && cmd.a1 != nil {
			if c != -1 {
				p.i--
			}
			return p.errf("missing command")
		}
		cmd.name = byte(c)
		if cmd.a1 != nil && cmd.a1.kind == addrZero && (cmd.a2 == nil || cmd.a2.kind != addrRegex) {
			return p.errf("invalid usage of line address 0")
		}
		if err := p.command(cmd); err != nil {
			return err
		}
	}
}

// address reads an address, or returns nil when there is none.
func (p *sedParser) address(first bool) (*sedAddr, error) {
	c := p.peek()
	switch {
	case isDigit(c):
		n := p.number()
		if p.peek() == '~' {
			p.next()
			step := p.number()
			return &sedAddr{kind: addrStep, n: n, step: step}, nil
		}
		if n == 0 {
			return &sedAddr{kind: addrZero}, nil
		}
		return &sedAddr{kind: addrLine, n: n}, nil
	case c == '$':
		p.next()
		return &sedAddr{kind: addrLast}, nil
	case (c == '+' || c == '~') && !first:
		p.next()
		if !isDigit(p.peek()) {
			return nil, p.errf("expected newer version of sed")
		}
		n := p.number()
		if c == '+' {
			return &sedAddr{kind: addrPlus, n: n}, nil
		}
		return &sedAddr{kind: addrMult, n: n}, nil
	case c == '/' || c == '\\':
		p.next()
		delim := byte('/')
		if c == '\\' {
			d := p.next()
			if d == -1 || d == '\n' || d == '\\' {
				return nil, p.errf("unexpected `,'")
			}
			delim = byte(d)
		}
		pat, ok := p.slash(delim, true)
		if !ok {
			return nil, p.errf("unterminated address regex")
		}
		icase, multi := false, false
		for {
			switch p.peek() {
			case 'I':
				icase = true
				p.next()
				continue
			case 'M':
				multi = true
				p.next()
				continue
			}
			break
		}
		re, err := p.regex(pat, icase, multi)
		if err != nil {
			return nil, err
		}
		return &sedAddr{kind: addrRegex, re: re}, nil
	}
	return nil, nil
}

// slash reads up to the unescaped delimiter, as GNU's match_slash: "\"
// and the delimiter is the delimiter, and in a regex "\n" is a newline.
func (p *sedParser) slash(delim byte, regex bool) (string, bool) {
	var b strings.Builder
	for {
		c := p.next()
		switch {
		case c == -1:
			return "", false
		case c == '\n' && regex:
			p.i--
			return "", false
		case byte(c) == delim:
			return b.String(), true
		case c == '[' && regex:
			b.WriteByte('[')
			if !p.bracket(&b) {
				return "", false
			}
		case c == '\\':
			d := p.next()
			switch {
			case d == -1:
				return "", false
			case byte(d) == delim:
				b.WriteByte(delim)
			case d == 'n' && regex:
				b.WriteByte('\n')
			default:
				b.WriteByte('\\')
				b.WriteByte(byte(d))
			}
		default:
			b.WriteByte(byte(c))
		}
	}
}

// bracket copies a bracket expression, in which the delimiter is an
// ordinary character; '[' is already copied.
func (p *sedParser) bracket(b *strings.Builder) bool {
	start := p.i
	if p.peek() == '^' {
		b.WriteByte(byte(p.next()))
	}
	if p.peek() == ']' {
		b.WriteByte(byte(p.next()))
	}
	for {
		c := p.next()
		switch c {
		case -1:
			return false
		case '\n':
			p.i = start
			return true // not a bracket after all: let the regex compiler say
		case ']':
			b.WriteByte(']')
			return true
		case '[':
			b.WriteByte('[')
			if k := p.peek(); k == ':' || k == '.' || k == '=' {
				end := strings.Index(p.src[p.i+1:], string(rune(k))+"]")
				if end >= 0 {
					b.WriteString(p.src[p.i : p.i+1+end+2])
					p.i += 1 + end + 2
				}
			}
		default:
			b.WriteByte(byte(c))
		}
	}
}

// regex compiles a pattern after GNU sed's own escapes (\t, \xHH, ...).
func (p *sedParser) regex(pat string, icase, multi bool) (*sedRegex, error) {
	if pat == "" {
		return &sedRegex{}, nil
	}
	syn := gnure.Basic
	if p.s.ere {
		syn = gnure.Extended
	}
	pat = sedEscapes(pat, true)
	if p.s.ere {
		if msg := sedBraces(pat); msg != "" {
			return nil, p.errf("%s", msg)
		}
	}
	re, err := gnure.Compile(pat, gnure.Options{Syntax: syn, IgnoreCase: icase, DotNewline: !multi, Multiline: multi})
	if err != nil {
		var ge *gnure.Error
		if errors.As(err, &ge) {
			return nil, p.errf("%s", ge.Msg)
		}
		if errors.Is(err, gnure.ErrBackref) {
			return nil, p.errf("back-references (\\1 in a regex) are not supported by sandsh's sed (RE2)")
		}
		return nil, p.errf("%s", err.Error())
	}
	return &sedRegex{re: re}, nil
}

// sedBraces checks the intervals of an ERE as glibc does: a '{' must
// start a valid interval (GNU grep would take it literally).
func sedBraces(pat string) string {
	for i := 0; i < len(pat); i++ {
		switch pat[i] {
		case '\\':
			i++
		case '[':
			j := i + 1
			if j < len(pat) && pat[j] == '^' {
				j++
			}
			if j < len(pat) && pat[j] == ']' {
				j++
			}
			for j < len(pat) && pat[j] != ']' {
				if pat[j] == '[' && j+1 < len(pat) && strings.IndexByte(":.=", pat[j+1]) >= 0 {
					if e := strings.Index(pat[j+2:], string(pat[j+1])+"]"); e >= 0 {
						j += 2 + e + 2
						continue
					}
				}
				j++
			}
			i = j
		case '{':
			if i == 0 || pat[i-1] == '(' || pat[i-1] == '|' {
				return "Invalid preceding regular expression"
			}
			end := strings.IndexByte(pat[i:], '}')
			if end < 0 {
				return "Unmatched \\{"
			}
			body := pat[i+1 : i+end]
			lo, hi, _ := strings.Cut(body, ",")
			if strings.Trim(lo, "0123456789") != "" || strings.Trim(hi, "0123456789") != "" || lo == "" && !strings.Contains(body, ",") {
				if strings.ContainsAny(body, "0123456789,") {
					return "Invalid content of \\{\\}"
				}
				return "Unmatched \\{"
			}
		}
	}
	return ""
}

// sedEscapes converts GNU sed's character escapes (\a \f \n \r \t \v \cX
// \dNNN \oNNN \xHH) to the characters. In a regex other escapes are kept
// for the regex compiler; elsewhere they are kept too, for the caller.
func sedEscapes(s string, regex bool) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		d := s[i+1]
		if ch, n, ok := sedEscape(s[i+1:]); ok {
			b.WriteByte(ch)
			i += n
			continue
		}
		b.WriteByte('\\')
		b.WriteByte(d)
		i++
	}
	return b.String()
}

// sedEscape decodes the escape at the start of s (just after the
// backslash): the character and how many bytes of s it used.
func sedEscape(s string) (byte, int, bool) {
	switch s[0] {
	case 'a':
		return '\a', 1, true
	case 'f':
		return '\f', 1, true
	case 'n':
		return '\n', 1, true
	case 'r':
		return '\r', 1, true
	case 't':
		return '\t', 1, true
	case 'v':
		return '\v', 1, true
	case 'c':
		if len(s) > 1 {
			return byte(strings.ToUpper(s[1:2])[0]) ^ 0x40, 2, true
		}
	case 'd', 'o', 'x':
		base, max := 10, 3
		if s[0] == 'o' {
			base = 8
		} else if s[0] == 'x' {
			base, max = 16, 2
		}
		j := 1
		for j < len(s) && j <= max && digitIn(s[j], base) {
			j++
		}
		if j > 1 {
			v, _ := strconv.ParseUint(s[1:j], base, 16)
			return byte(v), j, true
		}
	}
	return 0, 0, false
}

func digitIn(c byte, base int) bool {
	switch base {
	case 8:
		return c >= '0' && c <= '7'
	case 10:
		return c >= '0' && c <= '9'
	}
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// text reads the text of a, i or c into cmd: to the end of the line, a
// backslash-newline going on to the next line and a backslash taking the
// next character literally. A backslash at the end of an -e goes on in
// the next one.
func (p *sedParser) text(cmd *sedCmd) {
	var b strings.Builder
	b.WriteString(cmd.text)
	for {
		c := p.next()
		switch c {
		case -1, '\n':
			b.WriteByte('\n')
			cmd.text = b.String()
			return
		case '\\':
			d := p.next()
			if d == -1 {
				b.WriteByte('\n')
				cmd.text = b.String()
				p.s.pendingText = cmd
				return
			}
			b.WriteByte(byte(d))
		default:
			b.WriteByte(byte(c))
		}
	}
}

// label reads a label: up to a newline or ';', surrounding blanks
// dropped.
func (p *sedParser) label() string {
	p.skipSpace()
	start := p.i
	for p.i < len(p.src) && p.src[p.i] != '\n' && p.src[p.i] != ';' {
		p.i++
	}
	l := strings.TrimRight(p.src[start:p.i], " \t")
	if p.i < len(p.src) {
		p.i++
	}
	return l
}

// filename reads the file name of r, R, w, W and s///w: the rest of the
// line.
func (p *sedParser) filename() (string, error) {
	p.skipSpace()
	start := p.i
	for p.i < len(p.src) && p.src[p.i] != '\n' {
		p.i++
	}
	name := p.src[start:p.i]
	if p.i < len(p.src) {
		p.i++
	}
	if name == "" {
		return "", p.errf("missing filename in r/R/w/W commands")
	}
	if p.s.sandbox {
		return "", p.errf("e/r/w commands disabled in sandbox mode")
	}
	return name, nil
}

func (p *sedParser) command(cmd *sedCmd) error {
	s := p.s
	noAddr := func(what string) error {
		if cmd.a1 != nil {
			return p.errf("%s", what)
		}
		return nil
	}
	oneAddr := func() error {
		if cmd.a2 != nil {
			return p.errf("command only uses one address")
		}
		return nil
	}
	switch cmd.name {
	case '{':
		*p.blocks = append(*p.blocks, len(s.prog))
		s.prog = append(s.prog, cmd)
		return nil
	case '}':
		if len(*p.blocks) == 0 {
			return p.errf("unexpected `}'")
		}
		if cmd.a1 != nil {
			return p.errf("} doesn't want any addresses")
		}
		open := (*p.blocks)[len(*p.blocks)-1]
		*p.blocks = (*p.blocks)[:len(*p.blocks)-1]
		s.prog[open].blockEnd = len(s.prog)
		s.prog = append(s.prog, cmd)
		return p.endCmd()
	case '#':
		return p.errf("comments don't accept any addresses")
	case ':':
		if err := noAddr(": doesn't want any addresses"); err != nil {
			return err
		}
		cmd.label = p.label()
		if cmd.label == "" {
			return p.errf("\":\" lacks a label")
		}
	case 'b', 't', 'T':
		cmd.label = p.label()
	case '=', 'd', 'D', 'g', 'G', 'h', 'H', 'n', 'N', 'p', 'P', 'x', 'z', 'F':
		if err := p.endCmd(); err != nil {
			return err
		}
	case 'q', 'Q':
		if err := oneAddr(); err != nil {
			return err
		}
		p.skipSpace()
		if isDigit(p.peek()) {
			cmd.intArg = int(p.number())
		}
		if err := p.endCmd(); err != nil {
			return err
		}
	case 'l', 'L':
		if cmd.name == 'L' {
			return p.errf("unknown command: `L'")
		}
		p.skipSpace()
		if isDigit(p.peek()) {
			cmd.intArg, cmd.hasInt = int(p.number()), true
		}
		if err := p.endCmd(); err != nil {
			return err
		}
	case 'a', 'i', 'c':
		p.skipSpace()
		c := p.peek()
		if c == -1 {
			return p.errf("expected \\ after `a', `c' or `i'")
		}
		if c == '\\' {
			p.next()
			switch p.peek() {
			case -1:
				// The text is in the next -e.
				s.pendingText = cmd
			case '\n':
				p.next()
				p.text(cmd)
			default:
				p.text(cmd)
			}
		} else {
			p.text(cmd)
		}
	case 'r', 'R', 'w', 'W':
		name, err := p.filename()
		if err != nil {
			return err
		}
		if cmd.name == 'w' || cmd.name == 'W' {
			if cmd.out, err = s.openW(name); err != nil {
				return err
			}
		} else {
			cmd.fname = name
		}
	case 's':
		if err := p.subst(cmd); err != nil {
			return err
		}
	case 'y':
		if err := p.y(cmd); err != nil {
			return err
		}
	case 'e':
		return p.errf("the e command is not supported by sandsh's sed (it cannot run programs)")
	case 'v':
		p.label()
		return nil
	default:
		return p.errf("unknown command: `%c'", cmd.name)
	}
	s.prog = append(s.prog, cmd)
	return nil
}

func (p *sedParser) subst(cmd *sedCmd) error {
	d := p.next()
	if d == -1 || d == '\n' || d == '\\' {
		return p.errf("unterminated `s' command")
	}
	delim := byte(d)
	pat, ok := p.slash(delim, true)
	if !ok {
		return p.errf("unterminated `s' command")
	}
	rhs, ok := p.slash(delim, false)
	if !ok {
		return p.errf("unterminated `s' command")
	}
	icase, multi, number := false, false, false
	cmd.occurrence = 1
flags:
	for {
		c := p.peek()
		switch {
		case c == 'g':
			p.next()
			if cmd.global {
				return p.errf("multiple `g' options to `s' command")
			}
			cmd.global = true
		case c == 'p':
			p.next()
			if cmd.print {
				return p.errf("multiple `p' options to `s' command")
			}
			cmd.print = true
		case isDigit(c):
			if number {
				p.number()
				return p.errf("multiple number options to `s' command")
			}
			n := p.number()
			if n == 0 {
				return p.errf("number option to `s' command may not be zero")
			}
			cmd.occurrence, number = int(n), true
		case c == 'i' || c == 'I':
			p.next()
			icase = true
		case c == 'm' || c == 'M':
			p.next()
			multi = true
		case c == 'e':
			p.next()
			return p.errf("the e flag of `s' is not supported by sandsh's sed (it cannot run programs)")
		case c == 'w':
			p.next()
			name, err := p.filename()
			if err != nil {
				return err
			}
			if cmd.out, err = p.s.openW(name); err != nil {
				return err
			}
			break flags
		case c == ' ' || c == '\t':
			p.next()
		case c == -1 || c == '\n' || c == ';' || c == '#' || c == '}':
			if err := p.endCmd(); err != nil {
				return err
			}
			break flags
		default:
			p.next()
			return p.errf("unknown option to `s'")
		}
	}
	re, err := p.regex(pat, icase, multi)
	if err != nil {
		return err
	}
	cmd.re = re
	groups := -1
	if re.re != nil {
		groups = re.re.NumSubexp()
	}
	cmd.repl, err = p.replacement(rhs, groups)
	return err
}

// replacement parses the right-hand side of s.
func (p *sedParser) replacement(rhs string, groups int) ([]sedRepl, error) {
	var parts []sedRepl
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			parts = append(parts, sedRepl{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	for i := 0; i < len(rhs); i++ {
		c := rhs[i]
		if c == '&' {
			flush()
			parts = append(parts, sedRepl{group: 0})
			continue
		}
		if c != '\\' || i+1 >= len(rhs) {
			lit.WriteByte(c)
			continue
		}
		i++
		d := rhs[i]
		switch {
		case d >= '0' && d <= '9':
			n := int(d - '0')
			if groups >= 0 && n > groups {
				return nil, p.errf("invalid reference \\%d on `s' command's RHS", n)
			}
			flush()
			parts = append(parts, sedRepl{group: n})
		case d == 'L' || d == 'U' || d == 'E' || d == 'l' || d == 'u':
			flush()
			parts = append(parts, sedRepl{group: -1, op: d})
		case d == '\n':
			lit.WriteByte('\n')
		default:
			if ch, n, ok := sedEscape(rhs[i:]); ok {
				lit.WriteByte(ch)
				i += n - 1
			} else {
				lit.WriteByte(d)
			}
		}
	}
	flush()
	return parts, nil
}

func (p *sedParser) y(cmd *sedCmd) error {
	d := p.next()
	if d == -1 || d == '\n' || d == '\\' {
		return p.errf("unterminated `y' command")
	}
	delim := byte(d)
	part := func() ([]byte, bool) {
		var b []byte
		for {
			c := p.next()
			switch {
			case c == -1:
				return nil, false
			case c == '\n':
				p.i--
				return nil, false
			case byte(c) == delim:
				return b, true
			case c == '\\':
				e := p.next()
				switch {
				case e == -1:
					return nil, false
				case byte(e) == delim:
					b = append(b, delim)
				case e == '\\':
					b = append(b, '\\')
				default:
					if ch, n, ok := sedEscape(p.src[p.i-1:]); ok {
						b = append(b, ch)
						p.i += n - 1
					} else {
						b = append(b, '\\', byte(e))
					}
				}
			default:
				b = append(b, byte(c))
			}
		}
	}
	src, ok := part()
	if !ok {
		return p.errf("unterminated `y' command")
	}
	dst, ok := part()
	if !ok {
		return p.errf("unterminated `y' command")
	}
	if len(src) != len(dst) {
		return p.errf("strings for `y' command are different lengths")
	}
	var m [256]byte
	for i := range m {
		m[i] = byte(i)
	}
	for i := range src {
		m[src[i]] = dst[i]
	}
	cmd.ymap = &m
	return p.endCmd()
}

// ---------------------------------------------------------------------------
// Output

// sedOut is an output stream that remembers whether the last line written
// lacked its newline, which GNU sed adds before anything else is written.
type sedOut struct {
	w         *errWriter
	missingNL bool
	flushEach bool
}

func (o *sedOut) fix() {
	if o.missingNL {
		o.w.WriteByte('\n')
		o.missingNL = false
	}
}

// text writes s after any missing newline.
func (o *sedOut) text(s []byte) {
	o.fix()
	o.w.Write(s)
	o.flush()
}

// line writes a pattern space: its delimiter only if the input line had
// one.
func (o *sedOut) line(s []byte, nl bool, delim byte) {
	o.fix()
	o.w.Write(s)
	if nl {
		o.w.WriteByte(delim)
	} else {
		o.missingNL = true
	}
	o.flush()
}

func (o *sedOut) flush() {
	if o.flushEach {
		o.w.Flush()
	}
}

// ---------------------------------------------------------------------------
// Running

type sedAppend struct {
	text  []byte
	fname string // r FILE
	raw   bool   // text from R: written as is
}

type sedRun struct {
	c        *Context
	prog     []*sedCmd
	quiet    bool
	ere      bool
	separate bool
	inPlace  bool
	suffix   string
	follow   bool
	sandbox  bool
	unbuf    bool
	delim    byte
	lineLen  int

	pendingText *sedCmd
	wfiles      map[string]*sedOut
	closers     []io.Closer
	stdout      *sedOut
	out         *sedOut
	rfiles      map[string]*bufio.Reader

	// input
	files   []string
	fileIdx int
	br      *bufio.Reader
	cur     io.Closer
	curName string
	la      []byte
	laNL    bool
	laOK    bool
	laValid bool
	status  int

	ps, hold []byte
	psNL     bool
	lineNo   int64
	replaced bool
	lastRe   *regexp.Regexp
	appends  []sedAppend
}

func (s *sedRun) openW(name string) (*sedOut, error) {
	switch name {
	case "/dev/stdout":
		return s.stdout, nil
	case "/dev/stderr":
		return &sedOut{w: newErrWriter(s.c.Stderr), flushEach: true}, nil
	}
	if o, ok := s.wfiles[name]; ok {
		return o, nil
	}
	f, err := s.c.FS.OpenFile(s.c.fsPath(name), syscall.O_WRONLY|syscall.O_CREAT|syscall.O_TRUNC, 0o666)
	if err != nil {
		return nil, &sedError{fmt.Sprintf("couldn't open file %s: %s", name, ErrText(err)), 4}
	}
	o := &sedOut{w: newErrWriter(f), flushEach: s.unbuf}
	s.wfiles[name] = o
	s.closers = append(s.closers, f)
	return o, nil
}

func sedMain(c *Context) int {
	cc := *c
	c = &cc
	c.Args = sedArgs(c.Args)
	var errBuf bytes.Buffer
	pc := *c
	pc.Stderr = &errBuf
	p, err := pc.parseOpts(&sedSpec)
	if err != nil {
		msg := errBuf.String()
		if st := exitStatus(err); st != 0 {
			// GNU sed prints its whole usage after the message.
			if i := strings.Index(msg, "Try '"); i >= 0 {
				msg = msg[:i] + sedUsage
			}
		}
		io.WriteString(c.Stderr, msg)
		return exitStatus(err)
	}
	s := &sedRun{c: c, delim: '\n', lineLen: 70, wfiles: map[string]*sedOut{}, rfiles: map[string]*bufio.Reader{}}
	type chunk struct {
		text, file string
		expr       int
	}
	var chunks []chunk
	exprs := 0
	for _, o := range p.Opts {
		switch o.Key {
		case "n":
			s.quiet = true
		case "e":
			exprs++
			chunks = append(chunks, chunk{text: o.Val, expr: exprs})
		case "f":
			r, err := c.openInput(o.Val)
			if err != nil {
				return c.Failf(4, "couldn't open file %s: %s", o.Val, ErrText(err))
			}
			data, err := io.ReadAll(ctxReader{c, r})
			r.Close()
			if err != nil {
				return c.Failf(1, "couldn't read %s: %s", o.Val, ErrText(err))
			}
			t := string(data)
			if strings.HasSuffix(t, "\n") {
				t = t[:len(t)-1]
			}
			chunks = append(chunks, chunk{text: t, file: o.Val})
		case "E", "r":
			s.ere = true
		case "s":
			s.separate = true
		case "u":
			s.unbuf = true
		case "z":
			s.delim = 0
		case "l":
			n, err := strconv.Atoi(o.Val)
			if err != nil || n < 0 {
				return c.Failf(1, "invalid line length: %s", o.Val)
			}
			s.lineLen = n
		case "i":
			s.inPlace, s.separate, s.suffix = true, true, o.Val
		case "follow-symlinks":
			s.follow = true
		case "sandbox":
			s.sandbox = true
		case "posix":
		}
	}
	operands := p.Operands
	if len(chunks) == 0 {
		if len(operands) == 0 {
			io.WriteString(c.Stderr, sedUsage)
			return 1
		}
		chunks = append(chunks, chunk{text: operands[0], expr: 1})
		operands = operands[1:]
	}
	bw := newErrWriter(c.Stdout)
	s.stdout = &sedOut{w: bw, flushEach: s.unbuf}
	s.out = s.stdout
	defer func() {
		for _, o := range s.wfiles {
			o.w.Flush()
		}
		for _, cl := range s.closers {
			cl.Close()
		}
	}()

	// #n on the first line of the script is -n.
	if first := chunks[0].text; (first == "#n" || strings.HasPrefix(first, "#n\n")) && (chunks[0].file != "" || chunks[0].expr == 1) {
		s.quiet = true
	}
	var blocks []int
	for _, ch := range chunks {
		ps := &sedParser{s: s, src: ch.text, expr: ch.expr, file: ch.file, blocks: &blocks}
		if err := ps.parse(); err != nil {
			status := 1
			if se, ok := err.(*sedError); ok && se.status != 0 {
				status = se.status
			}
			return c.Failf(status, "%s", err.Error())
		}
	}
	if s.pendingText != nil {
		if s.pendingText.text == "" {
			s.pendingText.text = "\n"
		}
		s.pendingText = nil
	}
	if len(blocks) > 0 {
		return c.Failf(1, "-e expression #1, char 0: unmatched `{'")
	}
	labels := map[string]int{}
	for i, cmd := range s.prog {
		if cmd.name == ':' {
			if _, dup := labels[cmd.label]; !dup {
				labels[cmd.label] = i
			}
		}
	}
	for _, cmd := range s.prog {
		if cmd.a1 != nil && cmd.a1.kind == addrZero {
			cmd.active = true
		}
		switch cmd.name {
		case 'b', 't', 'T':
			if cmd.label == "" {
				cmd.target = len(s.prog)
				continue
			}
			t, ok := labels[cmd.label]
			if !ok {
				return c.Failf(4, "can't find label for jump to `%s'", cmd.label)
			}
			cmd.target = t
		}
	}

	if s.inPlace {
		if len(operands) == 0 {
			return c.Failf(4, "no input files")
		}
		code := s.editInPlace(operands)
		if err := bw.Flush(); err != nil {
			return c.writeFailed(err)
		}
		return code
	}
	if len(operands) == 0 {
		operands = []string{"-"}
	}
	s.files = operands
	code, quit := s.runStream()
	if !quit && s.separate {
		for s.fileIdx < len(s.files) && !quit && !c.Canceled() {
			code, quit = s.runStream()
		}
	}
	if s.cur != nil {
		s.cur.Close()
	}
	if err := bw.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 4
	}
	if quit {
		return code
	}
	return s.status
}

// openNext opens the next input file; it reports false when there is
// none left (in -s mode: none left in this file).
func (s *sedRun) openNext() bool {
	for s.fileIdx < len(s.files) {
		name := s.files[s.fileIdx]
		s.fileIdx++
		r, err := s.c.openInput(name)
		if err == nil {
			if fi, serr := s.c.stat(name); name != "-" && serr == nil && fi.IsDir() {
				r.Close()
				err = errIsDir
			}
		}
		if err != nil {
			s.stdout.w.Flush()
			if err == errIsDir {
				s.c.Errorf("read error on %s: Is a directory", name)
				s.status = 4
			} else {
				s.c.Errorf("can't read %s: %s", name, ErrText(err))
				s.status = 2
			}
			continue
		}
		if s.cur != nil {
			s.cur.Close()
		}
		s.br = bufio.NewReaderSize(ctxReader{s.c, r}, recordBufSize)
		s.cur = r
		s.curName = name
		return true
	}
	return false
}

var errIsDir = errors.New("is a directory")

// fetch reads the next line of the stream: of the current file and, in
// one-stream mode, of the files after it.
func (s *sedRun) fetch() ([]byte, bool, bool) {
	for {
		if s.br != nil {
			rec, err := readRecord(s.br, s.delim)
			if len(rec) > 0 {
				line := append([]byte(nil), rec...)
				if line[len(line)-1] == s.delim {
					return line[:len(line)-1], true, true
				}
				return line, false, true
			}
			if err != nil && err != io.EOF && !s.c.Canceled() {
				s.stdout.w.Flush()
				s.c.Errorf("read error on %s: %s", s.curName, ErrText(err))
				s.status = 2
			}
			s.br = nil
			if s.separate {
				return nil, false, false
			}
		}
		if s.c.Canceled() || !s.openNext() {
			return nil, false, false
		}
	}
}

// lookahead loads the next line without consuming it.
func (s *sedRun) lookahead() bool {
	if !s.laValid {
		s.la, s.laNL, s.laOK = s.fetch()
		s.laValid = true
	}
	return s.laOK
}

// nextLine consumes the next line.
func (s *sedRun) nextLine() ([]byte, bool, bool) {
	s.lookahead()
	s.laValid = false
	if s.laOK {
		s.lineNo++
		s.replaced = false
	}
	return s.la, s.laNL, s.laOK
}

func (s *sedRun) isLast() bool { return !s.lookahead() }

// runStream runs the script over the input: all files, or in -s mode the
// next one. It returns the exit status of q or Q and whether one ran.
func (s *sedRun) runStream() (int, bool) {
	if s.separate {
		s.lineNo = 0
		s.laValid = false
		if s.br == nil && !s.openNext() {
			return 0, false
		}
	}
	for !s.c.Canceled() {
		line, nl, ok := s.nextLine()
		if !ok {
			break
		}
		s.ps, s.psNL = line, nl
	again:
		act, code := s.exec()
		switch act {
		case sedEnd:
			if !s.quiet {
				s.out.line(s.ps, s.psNL, s.delim)
			}
			s.dumpAppends()
		case sedDelete:
			s.dumpAppends()
		case sedRestart:
			s.dumpAppends()
			if s.stopped() {
				return 1, true
			}
			goto again
		case sedQuit:
			if !s.quiet {
				s.out.line(s.ps, s.psNL, s.delim)
			}
			s.dumpAppends()
			return code, true
		case sedQuitSilent:
			return code, true
		}
		if s.stopped() {
			return 1, true
		}
	}
	return 0, false
}

func (s *sedRun) stopped() bool {
	return s.c.Canceled() || s.stdout.w.err != nil || s.out.w.err != nil
}

type sedAction int

const (
	sedEnd sedAction = iota
	sedDelete
	sedRestart
	sedQuit
	sedQuitSilent
)

func (s *sedRun) dumpAppends() {
	for _, a := range s.appends {
		switch {
		case a.fname != "":
			r, err := s.openRead(a.fname)
			if err != nil {
				continue
			}
			s.out.fix()
			io.Copy(s.out.w, ctxReader{s.c, r})
			r.Close()
		case a.raw:
			s.out.w.Write(a.text)
		default:
			s.out.text(a.text)
		}
	}
	s.appends = s.appends[:0]
	s.out.flush()
}

func (s *sedRun) openRead(name string) (io.ReadCloser, error) {
	if name == "/dev/stdin" {
		return s.c.openInput("-")
	}
	f, err := s.c.FS.Open(s.c.fsPath(name))
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() {
		f.Close()
		return nil, errIsDir
	}
	return f, nil
}

func (s *sedRun) regex(r *sedRegex) *regexp.Regexp {
	if r.re != nil {
		s.lastRe = r.re
		return r.re
	}
	return s.lastRe
}

func (s *sedRun) matchOne(a *sedAddr) bool {
	switch a.kind {
	case addrLine:
		return s.lineNo == a.n
	case addrLast:
		return s.isLast()
	case addrRegex:
		re := s.regex(a.re)
		return re != nil && re.Match(s.ps)
	case addrStep:
		if a.step <= 0 {
			return s.lineNo == a.n
		}
		return s.lineNo >= a.n && (s.lineNo-a.n)%a.step == 0
	}
	return false
}

// matches evaluates the address of cmd, updating its range state.
func (s *sedRun) matches(cmd *sedCmd) bool {
	if cmd.a1 == nil {
		return true
	}
	return s.matchRange(cmd) != cmd.negate
}

func (s *sedRun) matchRange(cmd *sedCmd) bool {
	if cmd.a2 == nil {
		return s.matchOne(cmd.a1)
	}
	if cmd.active {
		switch cmd.a2.kind {
		case addrLine, addrPlus, addrMult:
			if s.lineNo >= cmd.rangeEnd {
				cmd.active = false
				return s.lineNo == cmd.rangeEnd
			}
			return true
		default:
			if s.matchOne(cmd.a2) {
				cmd.active = false
			}
			return true
		}
	}
	if !s.matchOne(cmd.a1) {
		return false
	}
	a2 := cmd.a2
	switch a2.kind {
	case addrLine:
		if a2.n <= s.lineNo {
			return true
		}
		cmd.rangeEnd = a2.n
	case addrPlus:
		if a2.n == 0 {
			return true
		}
		cmd.rangeEnd = s.lineNo + a2.n
	case addrMult:
		if a2.n <= 0 {
			return true
		}
		cmd.rangeEnd = (s.lineNo/a2.n + 1) * a2.n
	}
	cmd.active = true
	return true
}

// exec runs the program over the pattern space.
func (s *sedRun) exec() (sedAction, int) {
	prog := s.prog
	for pc := 0; pc < len(prog); {
		if s.c.Canceled() {
			return sedQuitSilent, 4
		}
		cmd := prog[pc]
		if !s.matches(cmd) {
			if cmd.name == '{' {
				pc = cmd.blockEnd + 1
			} else {
				pc++
			}
			continue
		}
		pc++
		switch cmd.name {
		case '{', '}', ':':
		case '=':
			s.out.text([]byte(strconv.FormatInt(s.lineNo, 10) + "\n"))
		case 'a':
			s.appends = append(s.appends, sedAppend{text: []byte(cmd.text)})
		case 'i':
			s.out.text([]byte(cmd.text))
		case 'c':
			if !cmd.active {
				s.out.text([]byte(cmd.text))
			}
			return sedDelete, 0
		case 'b':
			pc = cmd.target
		case 't':
			if s.replaced {
				s.replaced = false
				pc = cmd.target
			}
		case 'T':
			if !s.replaced {
				pc = cmd.target
			} else {
				s.replaced = false
			}
		case 'd':
			return sedDelete, 0
		case 'D':
			i := bytes.IndexByte(s.ps, '\n')
			if i < 0 {
				return sedDelete, 0
			}
			s.ps = append([]byte(nil), s.ps[i+1:]...)
			return sedRestart, 0
		case 'F':
			name := s.curName
			s.out.text([]byte(name + "\n"))
		case 'g':
			s.ps = append(s.ps[:0:0], s.hold...)
		case 'G':
			s.ps = append(append(s.ps, '\n'), s.hold...)
		case 'h':
			s.hold = append(s.hold[:0:0], s.ps...)
		case 'H':
			s.hold = append(append(s.hold, '\n'), s.ps...)
		case 'x':
			s.ps, s.hold = s.hold, s.ps
			if s.ps == nil {
				s.ps = []byte{}
			}
		case 'l':
			width := s.lineLen
			if cmd.hasInt {
				width = cmd.intArg
			}
			s.list(width)
		case 'n':
			if s.isLast() {
				return sedEnd, 0
			}
			if !s.quiet {
				s.out.line(s.ps, s.psNL, s.delim)
			}
			s.dumpAppends()
			s.ps, s.psNL, _ = s.nextLine()
		case 'N':
			if s.isLast() {
				return sedEnd, 0
			}
			s.dumpAppends()
			line, nl, _ := s.nextLine()
			s.ps = append(append(s.ps, '\n'), line...)
			s.psNL = nl
		case 'p':
			s.out.line(s.ps, s.psNL, s.delim)
		case 'P':
			if i := bytes.IndexByte(s.ps, '\n'); i >= 0 {
				s.out.text(append(s.ps[:i:i], s.delim))
			} else {
				s.out.line(s.ps, s.psNL, s.delim)
			}
		case 'q':
			return sedQuit, cmd.intArg
		case 'Q':
			return sedQuitSilent, cmd.intArg
		case 'r':
			s.appends = append(s.appends, sedAppend{fname: cmd.fname})
		case 'R':
			if line := s.readR(cmd.fname); line != nil {
				s.appends = append(s.appends, sedAppend{text: line, raw: true})
			}
		case 's':
			s.subst(cmd)
		case 'w':
			cmd.out.line(s.ps, s.psNL, s.delim)
		case 'W':
			i := bytes.IndexByte(s.ps, '\n')
			if i < 0 {
				i = len(s.ps)
			}
			cmd.out.text(append(s.ps[:i:i], s.delim))
		case 'y':
			for i, b := range s.ps {
				s.ps[i] = cmd.ymap[b]
			}
		case 'z':
			s.ps = s.ps[:0]
		}
	}
	return sedEnd, 0
}

// readR reads the next line of an R file, nil at its end.
func (s *sedRun) readR(name string) []byte {
	br, ok := s.rfiles[name]
	if !ok {
		r, err := s.openRead(name)
		if err == nil {
			br = bufio.NewReader(ctxReader{s.c, r})
			s.closers = append(s.closers, r)
		}
		s.rfiles[name] = br
	}
	if br == nil {
		return nil
	}
	rec, _ := readRecord(br, s.delim)
	if len(rec) == 0 {
		return nil
	}
	return append([]byte(nil), rec...)
}

func (s *sedRun) subst(cmd *sedCmd) {
	re := s.regex(cmd.re)
	if re == nil {
		return
	}
	locs := re.FindAllSubmatchIndex(s.ps, -1)
	if len(locs) < cmd.occurrence {
		return
	}
	var out []byte
	last := 0
	for k, loc := range locs {
		if k+1 < cmd.occurrence {
			continue
		}
		out = append(out, s.ps[last:loc[0]]...)
		out = s.expand(out, cmd.repl, loc)
		last = loc[1]
		if !cmd.global {
			break
		}
	}
	out = append(out, s.ps[last:]...)
	s.ps = out
	s.replaced = true
	if cmd.print {
		s.out.line(s.ps, s.psNL, s.delim)
	}
	if cmd.out != nil {
		cmd.out.line(s.ps, s.psNL, s.delim)
	}
}

// expand appends the replacement for the match loc to out, with GNU's
// case conversions.
func (s *sedRun) expand(out []byte, repl []sedRepl, loc []int) []byte {
	var mode, once byte
	put := func(b []byte) {
		for _, ch := range b {
			switch {
			case once == 'u':
				ch = upper(ch)
				once = 0
			case once == 'l':
				ch = lower(ch)
				once = 0
			case mode == 'U':
				ch = upper(ch)
			case mode == 'L':
				ch = lower(ch)
			}
			out = append(out, ch)
		}
	}
	for _, r := range repl {
		switch {
		case r.op == 'L' || r.op == 'U':
			mode, once = r.op, 0
		case r.op == 'E':
			mode, once = 0, 0
		case r.op != 0:
			once = r.op
		case r.group >= 0:
			if 2*r.group+1 < len(loc) && loc[2*r.group] >= 0 {
				put(s.ps[loc[2*r.group]:loc[2*r.group+1]])
			}
		default:
			put([]byte(r.lit))
		}
	}
	return out
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// list prints the pattern space unambiguously (the l command), wrapping
// lines at width (0: never).
func (s *sedRun) list(width int) {
	var b []byte
	col := 0
	for _, c := range s.ps {
		var e string
		switch {
		case c == '\\':
			e = `\\`
		case c >= 0x20 && c < 0x7f:
			e = string(c)
		case c == '\a':
			e = `\a`
		case c == '\b':
			e = `\b`
		case c == '\f':
			e = `\f`
		case c == '\n':
			e = `\n`
		case c == '\r':
			e = `\r`
		case c == '\t':
			e = `\t`
		case c == '\v':
			e = `\v`
		default:
			e = fmt.Sprintf("\\%03o", c)
		}
		if width > 0 && col+len(e) > width-1 {
			b = append(b, '\\', '\n')
			col = 0
		}
		b = append(b, e...)
		col += len(e)
	}
	b = append(b, '$', '\n')
	s.out.text(b)
}

// editInPlace runs the script over each file and replaces the file with
// the output, keeping its mode; with a suffix the original is kept as a
// backup.
func (s *sedRun) editInPlace(files []string) int {
	c := s.c
	status := 0
	for _, name := range files {
		if c.Canceled() {
			return 4
		}
		target := name
		if s.follow {
			target = s.resolveLinks(name)
		}
		fi, err := c.stat(target)
		if err != nil {
			c.Errorf("can't read %s: %s", name, ErrText(err))
			status = 2
			continue
		}
		if !fi.Mode().IsRegular() {
			c.Errorf("couldn't edit %s: not a regular file", name)
			status = 4
			continue
		}
		in, err := c.FS.Open(c.fsPath(target))
		if err != nil {
			c.Errorf("can't read %s: %s", name, ErrText(err))
			status = 2
			continue
		}
		dir := "."
		if i := strings.LastIndexByte(target, '/'); i >= 0 {
			dir = target[:i]
			if dir == "" {
				dir = "/"
			}
		}
		tmpName, tmp, err := s.tempFile(dir)
		if err != nil {
			in.Close()
			c.Errorf("couldn't open temporary file %s: %s", joinName(dir, "sedXXXXXX"), ErrText(err))
			return 4
		}
		s.out = &sedOut{w: newErrWriter(tmp)}
		s.files, s.fileIdx = []string{target}, 1
		s.br = bufio.NewReaderSize(ctxReader{c, in}, recordBufSize)
		s.cur, s.curName = in, target
		code, quit := s.runStream()
		werr := s.out.w.Flush()
		in.Close()
		s.cur, s.br = nil, nil
		tmp.Close()
		s.out = s.stdout
		if werr != nil || c.Canceled() {
			c.FS.Remove(c.fsPath(tmpName))
			if werr != nil {
				c.Errorf("couldn't write to %s: %s", tmpName, ErrText(werr))
			}
			return 4
		}
		c.FS.Chmod(c.fsPath(tmpName), fi.Mode().Perm()|fi.Mode()&(fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky))
		if s.suffix != "" {
			base := baseName(target)
			backup := s.suffix
			if strings.Contains(backup, "*") {
				backup = strings.ReplaceAll(backup, "*", base)
			} else {
				backup = base + backup
			}
			if !strings.Contains(backup, "/") {
				backup = joinName(dir, backup)
				if dir == "." {
					backup = strings.TrimPrefix(backup, "./")
				}
			}
			if err := c.FS.Rename(c.fsPath(target), c.fsPath(backup)); err != nil {
				c.Errorf("cannot rename %s: %s", target, ErrText(err))
				status = 4
			}
		}
		if err := c.FS.Rename(c.fsPath(tmpName), c.fsPath(target)); err != nil {
			c.Errorf("cannot rename %s: %s", tmpName, ErrText(err))
			c.FS.Remove(c.fsPath(tmpName))
			return 4
		}
		if quit {
			return code
		}
	}
	if status == 0 {
		status = s.status
	}
	return status
}

// resolveLinks follows symlinks from name, for --follow-symlinks.
func (s *sedRun) resolveLinks(name string) string {
	for i := 0; i < 40; i++ {
		fi, err := s.c.lstat(name)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return name
		}
		t, err := s.c.FS.ReadlinkIfPossible(s.c.fsPath(name))
		if err != nil {
			return name
		}
		if !strings.HasPrefix(t, "/") {
			if i := strings.LastIndexByte(name, '/'); i >= 0 {
				t = name[:i+1] + t
			}
		}
		name = t
	}
	return name
}

// tempFile creates a new file named like GNU sed's (dir/sedXXXXXX).
func (s *sedRun) tempFile(dir string) (string, io.WriteCloser, error) {
	const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	var err error
	for try := 0; try < 100; try++ {
		b := []byte("sed")
		for i := 0; i < 6; i++ {
			b = append(b, letters[rand.Intn(len(letters))])
		}
		name := joinName(dir, string(b))
		f, e := s.c.FS.OpenFile(s.c.fsPath(name), syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL, 0o600)
		if e == nil {
			return name, f, nil
		}
		err = e
	}
	return "", nil, err
}
