package builtins

// xargs, as GNU findutils' xargs 4.9: -0 (--null), -a FILE (--arg-file),
// -d DELIM (--delimiter), -E EOF and -e[EOF] (--eof), -I R and -i[R]
// (--replace), -L N and -l[N] (--max-lines), -n N (--max-args), -P N
// (--max-procs: accepted, commands run one at a time), -p
// (--interactive: fails as GNU's does without a terminal), -r
// (--no-run-if-empty), -s N (--max-chars), -t (--verbose), -x (--exit),
// --help, --version. Input is read as it is needed; commands run through
// the shell's Exec with stdin empty (or the real stdin with -a). Exit
// statuses are GNU's: 123 when a command failed, 124 when one exited with
// 255 (xargs stops), 126 when it cannot run, 127 when it is not found, 1
// for xargs' own errors. Not supported: --show-limits, -o, and
// --process-slot-var; the default -s limit is 131072 bytes.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

func init() { Register("xargs", xargs) }

const xargsUsage = `Usage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...
Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.

Mandatory and optional arguments to long options are also
mandatory or optional for the corresponding short option.
  -0, --null                   items are separated by a null, not whitespace;
                                 disables quote and backslash processing and
                                 logical EOF processing
  -a, --arg-file=FILE          read arguments from FILE, not standard input
  -d, --delimiter=CHARACTER    items in input stream are separated by CHARACTER,
                                 not by whitespace; disables quote and backslash
                                 processing and logical EOF processing
  -E END                       set logical EOF string; if END occurs as a line
                                 of input, the rest of the input is ignored
                                 (ignored if -0 or -d was specified)
  -e, --eof[=END]              equivalent to -E END if END is specified;
                                 otherwise, there is no end-of-file string
  -I R                         same as --replace=R
  -i, --replace[=R]            replace R in INITIAL-ARGS with names read
                                 from standard input, split at newlines;
                                 if R is unspecified, assume {}
  -L, --max-lines=MAX-LINES    use at most MAX-LINES non-blank input lines per
                                 command line
  -l[MAX-LINES]                similar to -L but defaults to at most one non-
                                 blank input line if MAX-LINES is not specified
  -n, --max-args=MAX-ARGS      use at most MAX-ARGS arguments per command line
  -P, --max-procs=MAX-PROCS    accepted; commands run one at a time
  -p, --interactive            prompt before running commands
  -r, --no-run-if-empty        if there are no arguments, then do not run COMMAND;
                                 if this option is not given, COMMAND will be
                                 run at least once
  -s, --max-chars=MAX-CHARS    limit length of command line to MAX-CHARS
  -t, --verbose                print commands before executing them
  -x, --exit                   exit if the size (see -s) is exceeded
      --help                   display this help and exit
      --version                output version information and exit
`

const xargsMaxChars = 131072

var xargsLong = optSpec{Long: []longOpt{
	{Name: "null", Key: "0"},
	{Name: "arg-file", Arg: requiredArg, Key: "a"},
	{Name: "delimiter", Arg: requiredArg, Key: "d"},
	{Name: "eof", Arg: optionalArg, Key: "e"},
	{Name: "replace", Arg: optionalArg, Key: "i"},
	{Name: "max-lines", Arg: optionalArg, Key: "l"},
	{Name: "max-args", Arg: requiredArg, Key: "n"},
	{Name: "max-procs", Arg: requiredArg, Key: "P"},
	{Name: "interactive", Key: "p"},
	{Name: "no-run-if-empty", Key: "r"},
	{Name: "max-chars", Arg: requiredArg, Key: "s"},
	{Name: "verbose", Key: "t"},
	{Name: "exit", Key: "x"},
	{Name: "show-limits", Key: "show-limits"},
	{Name: "open-tty", Key: "o"},
	{Name: "process-slot-var", Arg: requiredArg, Key: "process-slot-var"},
}}

type xargsRun struct {
	c          *Context
	delim      int // -1 for the quoting format, else the byte
	eof        string
	hasEOF     bool
	replace    string
	hasReplace bool
	maxLines   int
	maxArgs    int
	maxChars   int
	interact   bool
	noEmpty    bool
	verbose    bool
	exitSize   bool
	argFile    string
	status     int
	in         *bufio.Reader
}

// xargsStop ends the run with a status.
type xargsStop struct{ status int }

func xargs(c *Context) (status int) {
	r := &xargsRun{c: c, delim: -1, maxChars: xargsMaxChars}
	defer func() {
		if p := recover(); p != nil {
			s, ok := p.(xargsStop)
			if !ok {
				panic(p)
			}
			status = s.status
		}
	}()
	cmd := r.parseArgs(c.Args[1:])
	if len(cmd) == 0 {
		cmd = []string{"echo"}
	}
	var in io.Reader = c.Stdin
	childIn := io.Reader(eofReader{})
	if r.argFile != "" {
		f, err := c.openInput(r.argFile)
		if err != nil {
			c.Errorf("Cannot open input file %s: %s", fquote(r.argFile), ErrText(err))
			return 1
		}
		defer f.Close()
		in = f
		if r.argFile != "-" && c.Stdin != nil {
			childIn = c.Stdin
		}
	}
	if in == nil {
		in = eofReader{}
	}
	r.in = bufio.NewReader(in)
	r.run(cmd, childIn)
	return r.status
}

func (r *xargsRun) usage(format string, args ...any) {
	r.c.Errorf(format, args...)
	r.c.tryHelp()
	panic(xargsStop{1})
}

func (r *xargsRun) number(opt byte, v string, min int) int {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		r.usage("invalid number %q for -%c option", v, opt)
	}
	if n < min {
		r.usage("value %s for -%c option should be >= %d", v, opt, min)
	}
	return n
}

// parseArgs parses the options, stopping at the first operand (getopt
// with a leading "+"), and returns the command.
func (r *xargsRun) parseArgs(args []string) []string {
	c := r.c
	set := func(key, val string, hasVal bool) {
		switch key {
		case "0":
			r.delim = 0
		case "a":
			r.argFile = val
		case "d":
			r.delim = r.parseDelim(val)
		case "E":
			r.eof, r.hasEOF = val, val != ""
		case "e":
			r.eof, r.hasEOF = val, hasVal && val != ""
		case "I", "i":
			if key == "i" && !hasVal {
				val = "{}"
			}
			if r.maxArgs > 0 {
				c.Errorf("warning: options --max-args and --replace/-I/-i are mutually exclusive, ignoring previous --max-args value")
				r.maxArgs = 0
			}
			r.replace, r.hasReplace = val, true
			r.maxLines = 1
			r.exitSize = true
		case "L", "l":
			n := 1
			if key == "L" || hasVal {
				n = r.number('L', val, 1)
			}
			r.maxLines, r.maxArgs = n, 0
			r.exitSize = true
		case "n":
			r.maxArgs = r.number('n', val, 1)
			if r.hasReplace {
				r.hasReplace = false
			}
			r.maxLines = 0
		case "P":
			r.number('P', val, 0)
		case "p":
			r.interact = true
		case "r":
			r.noEmpty = true
		case "s":
			n, err := strconv.Atoi(strings.TrimSpace(val))
			if err != nil {
				r.usage("invalid number %q for -s option", val)
			}
			if n < 1 {
				c.Errorf("value %s for -s option should be >= 1", val)
				n = 1
			}
			r.maxChars = n
		case "t":
			r.verbose = true
		case "x":
			r.exitSize = true
		case "show-limits", "o", "process-slot-var":
		}
	}
	const short = "0a:d:E:e::hI:i::l::L:n:oprP:s:txv"
	i := 0
	for ; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' {
			break
		}
		if strings.HasPrefix(a, "--") {
			nm, val, hasVal := strings.Cut(a[2:], "=")
			l, amb, ok := xargsLong.findLong(nm)
			if !ok {
				if amb != nil {
					var b strings.Builder
					for _, m := range amb {
						fmt.Fprintf(&b, " '--%s'", m.Name)
					}
					r.usage("option '%s' is ambiguous; possibilities:%s", a, b.String())
				}
				r.usage("unrecognized option '%s'", a)
			}
			switch l.Arg {
			case noArg:
				if hasVal {
					r.usage("option '--%s' doesn't allow an argument", l.Name)
				}
			case requiredArg:
				if !hasVal {
					if i+1 >= len(args) {
						r.usage("option '--%s' requires an argument", l.Name)
					}
					i++
					val, hasVal = args[i], true
				}
			}
			switch l.Key {
			case "help":
				panic(xargsStop{c.writeOut(xargsUsage)})
			case "version":
				panic(xargsStop{c.writeOut("xargs (sandsh builtin) 1.0\n")})
			}
			set(l.Key, val, hasVal)
			continue
		}
		for j := 1; j < len(a); j++ {
			ch := a[j]
			k := strings.IndexByte(short, ch)
			if k < 0 || ch == ':' {
				r.usage("invalid option -- '%c'", ch)
			}
			switch {
			case ch == 'h':
				panic(xargsStop{c.writeOut(xargsUsage)})
			case ch == 'v':
				panic(xargsStop{c.writeOut("xargs (sandsh builtin) 1.0\n")})
			case k+2 < len(short) && short[k+1] == ':' && short[k+2] == ':':
				val := a[j+1:]
				set(string(ch), val, val != "")
				j = len(a)
			case k+1 < len(short) && short[k+1] == ':':
				val := a[j+1:]
				if val == "" {
					if i+1 >= len(args) {
						r.usage("option requires an argument -- '%c'", ch)
					}
					i++
					val = args[i]
				}
				set(string(ch), val, true)
				j = len(a)
			default:
				set(string(ch), "", false)
			}
		}
	}
	if r.hasEOF && r.delim >= 0 {
		c.Errorf("warning: the -E option has no effect if -0 or -d is used.\n")
	}
	return args[i:]
}

// parseDelim reads the argument of -d: one character or an escape.
func (r *xargsRun) parseDelim(v string) int {
	bad := func() {
		r.c.Errorf("Invalid input delimiter specification %s: the delimiter must be either a single character or an escape sequence starting with \\.", v)
		panic(xargsStop{1})
	}
	if len(v) == 1 {
		return int(v[0])
	}
	if len(v) < 2 || v[0] != '\\' {
		bad()
	}
	switch v[1] {
	case 'a':
		return '\a'
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	case '\\':
		return '\\'
	case 'x':
		n, err := strconv.ParseUint(v[2:], 16, 8)
		if err != nil {
			bad()
		}
		return int(n)
	}
	if v[1] >= '0' && v[1] <= '7' {
		n, err := strconv.ParseUint(v[1:], 8, 8)
		if err != nil {
			bad()
		}
		return int(n)
	}
	bad()
	return 0
}

// xargsItem is one input item; eol is set when it ends a line (for -L),
// and cont when the line ends in a blank and continues.
type xargsItem struct {
	s   string
	eol bool
}

var errXargsEOF = errors.New("logical end of file")

// next reads the next item. It returns io.EOF at the end of input.
func (r *xargsRun) next() (xargsItem, error) {
	if r.delim >= 0 {
		var b strings.Builder
		for {
			r.check(b.Len())
			ch, err := r.in.ReadByte()
			if err != nil {
				if b.Len() == 0 {
					return xargsItem{}, io.EOF
				}
				break
			}
			if int(ch) == r.delim {
				break
			}
			b.WriteByte(ch)
		}
		return xargsItem{s: b.String(), eol: true}, nil
	}
	if r.hasReplace {
		return r.nextLine()
	}
	return r.nextWord()
}

// nextWord reads a blank-separated item with quotes and backslashes.
func (r *xargsRun) nextWord() (xargsItem, error) {
	var b strings.Builder
	started := false
	quote := byte(0)
	for {
		r.check(b.Len())
		ch, err := r.in.ReadByte()
		if err != nil {
			if quote != 0 {
				r.quoteErr(quote)
			}
			if started {
				return r.word(b.String(), true)
			}
			return xargsItem{}, io.EOF
		}
		if quote != 0 {
			if ch == '\n' {
				r.quoteErr(quote)
			}
			if ch == quote {
				quote = 0
				continue
			}
			b.WriteByte(ch)
			continue
		}
		switch ch {
		case ' ', '\t':
			if started {
				return r.word(b.String(), r.blankEOL())
			}
		case '\n':
			if started {
				return r.word(b.String(), true)
			}
		case '\'', '"':
			quote, started = ch, true
		case '\\':
			n, err := r.in.ReadByte()
			if err != nil {
				b.WriteByte('\\')
			} else {
				b.WriteByte(n)
			}
			started = true
		default:
			b.WriteByte(ch)
			started = true
		}
	}
}

// blankEOL reports, after a blank that ends a word, whether the line ends
// there: only blanks up to a newline end it (not for -L, where a line
// with a trailing blank goes on).
func (r *xargsRun) blankEOL() bool {
	for {
		b, err := r.in.Peek(1)
		if err != nil {
			return true
		}
		switch b[0] {
		case ' ', '\t':
			r.in.ReadByte()
			continue
		case '\n':
			if r.maxLines > 0 {
				// A trailing blank continues the line for -L.
				r.in.ReadByte()
				return false
			}
			r.in.ReadByte()
			return true
		}
		return false
	}
}

func (r *xargsRun) word(s string, eol bool) (xargsItem, error) {
	if r.hasEOF && s == r.eof {
		return xargsItem{}, errXargsEOF
	}
	return xargsItem{s: s, eol: eol}, nil
}

// nextLine reads a line for -I: leading blanks dropped, quotes and
// backslashes processed, empty lines skipped.
func (r *xargsRun) nextLine() (xargsItem, error) {
	for {
		var b strings.Builder
		started, quote := false, byte(0)
		for {
			r.check(b.Len())
			ch, err := r.in.ReadByte()
			if err != nil {
				if quote != 0 {
					r.quoteErr(quote)
				}
				if !started {
					return xargsItem{}, io.EOF
				}
				return r.word(b.String(), true)
			}
			if quote != 0 {
				if ch == '\n' {
					r.quoteErr(quote)
				}
				if ch == quote {
					quote = 0
				} else {
					b.WriteByte(ch)
				}
				continue
			}
			if ch == '\n' {
				break
			}
			if !started && (ch == ' ' || ch == '\t') {
				continue
			}
			started = true
			switch ch {
			case '\'', '"':
				quote = ch
			case '\\':
				if n, err := r.in.ReadByte(); err == nil {
					b.WriteByte(n)
				}
			default:
				b.WriteByte(ch)
			}
		}
		if started {
			return r.word(b.String(), true)
		}
	}
}

// check stops a run that was cancelled, or whose item being read has
// grown past the command line limit (so endless input cannot fill the
// memory).
func (r *xargsRun) check(n int) {
	if n&1023 == 0 && r.c.Canceled() {
		r.finish(1)
	}
	if n > r.maxChars {
		r.c.Errorf("argument line too long")
		r.finish(1)
	}
}

func (r *xargsRun) quoteErr(q byte) {
	kind := "single"
	if q == '"' {
		kind = "double"
	}
	r.c.Errorf("unmatched %s quote; by default quotes are special to xargs unless you use the -0 option", kind)
	panic(xargsQuote{})
}

type xargsQuote struct{}

// run reads the items and runs the command lines.
func (r *xargsRun) run(cmd []string, childIn io.Reader) {
	base := 0
	for _, a := range cmd {
		base += len(a) + 1
	}
	if base > r.maxChars {
		r.c.Errorf("cannot fit single argument within argument list size limit")
		panic(xargsStop{1})
	}
	var args []string
	size, lines, ran := base, 0, false
	flush := func() {
		if len(args) == 0 && (ran || r.noEmpty) {
			return
		}
		r.exec(append(append([]string(nil), cmd...), args...), childIn)
		ran = true
		args, size, lines = args[:0], base, 0
	}
	quoteFailed := false
	for {
		it, err := r.safeNext(&quoteFailed)
		if err != nil {
			break
		}
		if r.hasReplace {
			argv := make([]string, len(cmd))
			total := 0
			for i, a := range cmd {
				argv[i] = strings.ReplaceAll(a, r.replace, it.s)
				total += len(argv[i]) + 1
			}
			if total > r.maxChars {
				r.c.Errorf("argument line too long")
				r.finish(1)
			}
			r.exec(argv, childIn)
			ran = true
			continue
		}
		if size+len(it.s)+1 > r.maxChars {
			if len(args) == 0 || r.exitSize && base+len(it.s)+1 > r.maxChars {
				r.c.Errorf("argument line too long")
				r.finish(1)
			}
			flush()
		}
		args = append(args, it.s)
		size += len(it.s) + 1
		if it.eol {
			lines++
		}
		if (r.maxArgs > 0 && len(args) >= r.maxArgs) || (r.maxLines > 0 && lines >= r.maxLines) {
			flush()
		}
	}
	if !r.hasReplace {
		flush()
	}
	if quoteFailed {
		r.finish(1)
	}
}

// safeNext is next, turning a quote error into the end of input.
func (r *xargsRun) safeNext(failed *bool) (it xargsItem, err error) {
	defer func() {
		if p := recover(); p != nil {
			if _, ok := p.(xargsQuote); !ok {
				panic(p)
			}
			*failed = true
			err = io.EOF
		}
	}()
	return r.next()
}

// finish ends the run with status, or the status so far if worse.
func (r *xargsRun) finish(status int) {
	if r.status > status {
		status = r.status
	}
	panic(xargsStop{status})
}

// exec runs one command line.
func (r *xargsRun) exec(argv []string, childIn io.Reader) {
	c := r.c
	if r.verbose || r.interact {
		q := make([]string, len(argv))
		for i, a := range argv {
			q[i] = quoteIf(a)
		}
		line := strings.Join(q, " ")
		if r.interact {
			fmt.Fprint(c.Stderr, line)
			c.Errorf("failed to open /dev/tty for reading: No such device or address")
			r.finish(1)
		}
		fmt.Fprintln(c.Stderr, line)
	}
	if c.Exec == nil {
		c.Errorf("%s: cannot run commands here", argv[0])
		r.finish(126)
	}
	sub := c.Sub(argv...)
	sub.Stdin = childIn
	st, err := c.Exec(sub)
	switch {
	case errors.Is(err, ErrNotFound):
		c.Errorf("%s: No such file or directory", argv[0])
		panic(xargsStop{127})
	case errors.Is(err, ErrNotExecutable):
		c.Errorf("%s: Permission denied", argv[0])
		panic(xargsStop{126})
	case err != nil:
		c.Errorf("%s: %s", argv[0], ErrText(err))
		panic(xargsStop{125})
	}
	switch {
	case st == 255:
		c.Errorf("%s: exited with status 255; aborting", argv[0])
		panic(xargsStop{124})
	case st != 0:
		r.status = 123
	}
	if c.Canceled() {
		r.finish(1)
	}
}
