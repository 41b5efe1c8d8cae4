package builtins

// awk, as GNU Awk (gawk) in the C locale, on a vendored copy of GoAWK
// (third_party/goawk, see its PATCHES): the program as the first operand
// or from -f progfile (through the namespace; "-" is stdin) and -e text,
// -F fs (a character, a regex, '\t'), -v var=value, --,
// file operands with "-" for stdin and var=value operands applied between
// files, ENVIRON from the exported environment, getline from files and
// commands, output to files and commands ("/dev/stdout", "/dev/stderr"
// and "-" as gawk has them), system(), close(), fflush(). Commands run
// through Context.Exec as "sh -c CMDLINE". The run's context stops a
// looping program. Syntax errors show the line with a caret, as gawk's
// do, but with GoAWK's wording; status 1. Runtime errors are gawk's
// "fatal:" with status 2.
//
// Not supported: gawk extensions beyond GoAWK's (no gensub, strftime,
// systime, asort, PROCINFO, BEGINFILE, @include, -i, -l, --posix,
// --lint, --sandbox, --profile, --debug, -M bignums), multibyte
// characters (bytes are characters, as in the C locale).

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/sandsh/sandsh/third_party/goawk/interp"
	"github.com/sandsh/sandsh/third_party/goawk/lexer"
	"github.com/sandsh/sandsh/third_party/goawk/parser"
)

func init() { Register("awk", awk) }

// awkUsage is printed by --help and, on stderr, for a usage error. Its
// first two lines are gawk's.
const awkUsage = `Usage: awk [POSIX or GNU style options] -f progfile [--] file ...
Usage: awk [POSIX or GNU style options] [--] 'program' file ...
POSIX options:		GNU long options: (standard)
	-f progfile		--file=progfile
	-F fs			--field-separator=fs
	-v var=val		--assign=var=val
Short options:		GNU long options: (extensions)
	-e 'program-text'	--source='program-text'
	-h			--help
	-V			--version

sandsh's awk is GoAWK with gawk's front end; gawk extensions such as
gensub, strftime, asort and PROCINFO are not available.

Examples:
	awk '{ sum += $1 }; END { print sum }' file
	awk -F: '{ print $1 }' /etc/passwd
`

// awkSource is one piece of the program: -f file, -e text or the
// program operand ("cmd. line" in messages).
type awkSource struct {
	name  string
	text  string
	lines int
}

// awkOpts is the parsed command line of awk.
type awkOpts struct {
	sources  []awkSource
	progFile bool // -f or -e given: no program operand
	fs       string
	fsSet    bool
	vars     []string // var=value of -v, in order
	operands []string
}

func awk(c *Context) int {
	o, status, done := c.awkParseArgs()
	if done {
		return status
	}
	// Serialise the streams: commands run on goroutines and share them.
	stdin := &lockedReader{r: c.Stdin}
	if c.Stdin == nil {
		stdin.r = eofReader{}
	}
	sticky := &stickyWriter{w: c.Stdout}
	stdout := &lockedWriter{w: sticky}
	stderr := &lockedWriter{w: c.Stderr}
	errorf := func(format string, args ...any) {
		fmt.Fprintf(stderr, "awk: "+format+"\n", args...)
	}

	if o.progFile {
		for i, s := range o.sources {
			if s.name == "cmd. line" {
				continue
			}
			text, err := c.awkReadSource(s.name, stdin)
			if err != nil {
				errorf("fatal: cannot open source file `%s' for reading: %s", s.name, ErrText(err))
				return 2
			}
			o.sources[i].text = text
		}
	}
	var src strings.Builder
	for i, s := range o.sources {
		src.WriteString(s.text)
		if !strings.HasSuffix(s.text, "\n") {
			src.WriteByte('\n')
		}
		o.sources[i].lines = strings.Count(s.text, "\n")
		if !strings.HasSuffix(s.text, "\n") {
			o.sources[i].lines++
		}
	}
	prog, err := parser.ParseProgram([]byte(src.String()), nil)
	if err != nil {
		var pe *parser.ParseError
		if errors.As(err, &pe) {
			awkSyntaxError(errorf, o.sources, pe)
		} else {
			errorf("%s", err)
		}
		return 1
	}

	vars := []string{}
	if o.fsSet {
		vars = append(vars, "FS", o.fs)
	}
	for _, v := range o.vars {
		name, val, _ := strings.Cut(v, "=")
		if !awkLegalName(name) {
			errorf("fatal: `%s' is not a legal variable name", name)
			return 2
		}
		if u, err := lexer.Unescape(val); err == nil {
			val = u
		}
		vars = append(vars, name, val)
	}
	var environ []string
	for k, v := range c.EnvMap() {
		environ = append(environ, k, v)
	}
	if environ == nil {
		environ = []string{}
	}

	out := bufio.NewWriterSize(stdout, 64*1024)
	begun := len(prog.Begin) > 0 // whether code has run, for message locations
	config := &interp.Config{
		Stdin:   stdin,
		Output:  out,
		Error:   stderr,
		Argv0:   "awk",
		Args:    o.operands,
		Vars:    vars,
		Environ: environ,
		OpenFile: func(name string, operand bool) (io.ReadCloser, error) {
			if name == "/dev/stdin" {
				return nopCloser{stdin}, nil
			}
			p := c.fsPath(name)
			if fi, err := c.FS.Stat(p); err == nil && fi.IsDir() {
				if operand {
					errorf("warning: command line argument `%s' is a directory: skipped", name)
				}
				return nil, interp.SkipFile
			}
			f, err := c.FS.Open(p)
			if err != nil {
				return nil, errors.New(ErrText(err))
			}
			if operand {
				begun = true
			}
			return f, nil
		},
		CreateFile: func(name string, appendMode bool) (io.WriteCloser, error) {
			flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			if appendMode {
				flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
			}
			f, err := c.FS.OpenFile(c.fsPath(name), flags, 0o666)
			if err != nil {
				return nil, errors.New(ErrText(err))
			}
			return f, nil
		},
		RunCommand: func(cmdline string, in io.Reader, w io.Writer) (int, error) {
			if c.Exec == nil {
				return -1, errors.New("cannot run commands here")
			}
			if in == nil {
				in = stdin
			}
			if w == nil {
				w = stdout
			}
			sub := c.Sub("sh", "-c", cmdline)
			sub.Stdin, sub.Stdout, sub.Stderr = in, w, stderr
			code, err := c.Exec(sub)
			if err != nil && (errors.Is(err, ErrNotFound) || errors.Is(err, ErrNotExecutable)) {
				return code, nil
			}
			return code, err
		},
	}
	it, err := interp.New(prog)
	if err != nil {
		errorf("fatal: %s", err)
		return 2
	}
	status, err = it.ExecuteContext(c.Ctx, config)
	ferr := out.Flush()
	if sticky.err != nil {
		return c.writeFailed(sticky.err)
	}
	if c.Canceled() {
		return 1
	}
	if err != nil {
		loc := ""
		if begun && len(o.sources) == 1 && o.sources[0].lines == 1 {
			loc = o.sources[0].name + ":1: "
		}
		errorf("%sfatal: %s", loc, awkErrText(err))
		return 2
	}
	if ferr != nil {
		return c.writeFailed(ferr)
	}
	return status
}

// awkParseArgs parses gawk's command line: options stop at the first
// operand (the program, unless -f or -e gave it). done is true when awk
// must exit with status.
func (c *Context) awkParseArgs() (o awkOpts, status int, done bool) {
	args := c.Args[1:]
	usage := func(msg string) (awkOpts, int, bool) {
		if msg != "" {
			fmt.Fprintf(c.Stderr, "awk: %s\n", msg)
		}
		io.WriteString(c.Stderr, awkUsage)
		return o, 1, true
	}
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
			name, val, hasVal := strings.Cut(a[2:], "=")
			long := ""
			for _, l := range []string{"file", "field-separator", "assign", "source", "help", "version"} {
				if strings.HasPrefix(l, name) {
					if long != "" {
						return usage("")
					}
					long = l
				}
			}
			if long == "" {
				return usage("")
			}
			key := map[string]byte{"file": 'f', "field-separator": 'F', "assign": 'v', "source": 'e', "help": 'h', "version": 'V'}[long]
			if key == 'h' || key == 'V' {
				if hasVal {
					return usage("")
				}
				return o, c.awkInfo(key), true
			}
			if !hasVal {
				if i+1 >= len(args) {
					return usage(fmt.Sprintf("option '--%s' requires an argument", long))
				}
				i++
				val = args[i]
			}
			if msg := o.set(key, val); msg != "" {
				fmt.Fprintf(c.Stderr, "awk: %s\n\n", msg)
				io.WriteString(c.Stderr, awkUsage)
				return o, 1, true
			}
			continue
		}
		for j := 1; j < len(a); j++ {
			ch := a[j]
			switch ch {
			case 'h', 'V':
				return o, c.awkInfo(ch), true
			case 'f', 'F', 'v', 'e':
			default:
				return usage("")
			}
			val := a[j+1:]
			if val == "" {
				if i+1 >= len(args) {
					return usage(fmt.Sprintf("option requires an argument -- %c", ch))
				}
				i++
				val = args[i]
			}
			if msg := o.set(ch, val); msg != "" {
				fmt.Fprintf(c.Stderr, "awk: %s\n\n", msg)
				io.WriteString(c.Stderr, awkUsage)
				return o, 1, true
			}
			break
		}
	}
	rest := args[i:]
	if !o.progFile {
		if len(rest) == 0 {
			return usage("")
		}
		o.sources = []awkSource{{name: "cmd. line", text: rest[0]}}
		rest = rest[1:]
	}
	o.operands = rest
	return o, 0, false
}

// set records the option key with its value; it returns a usage message
// for a bad value.
func (o *awkOpts) set(key byte, val string) string {
	switch key {
	case 'f':
		o.sources = append(o.sources, awkSource{name: val})
		o.progFile = true
	case 'e':
		o.sources = append(o.sources, awkSource{name: "cmd. line", text: val})
		o.progFile = true
	case 'F':
		if u, err := lexer.Unescape(val); err == nil {
			val = u
		}
		o.fs, o.fsSet = val, true
	case 'v':
		if !strings.Contains(val, "=") {
			return fmt.Sprintf("`%s' argument to `-v' not in `var=value' form", val)
		}
		o.vars = append(o.vars, val)
	}
	return ""
}

// awkInfo prints the usage (-h) or the version (-V) and returns 0.
func (c *Context) awkInfo(key byte) int {
	if key == 'h' {
		return c.writeOut(awkUsage)
	}
	return c.writeOut("awk (sandsh builtin, GoAWK 1.29.1 with gawk's front end) 1.0\n")
}

// awkReadSource reads the program file name ("-" is stdin).
func (c *Context) awkReadSource(name string, stdin io.Reader) (string, error) {
	var r io.Reader = stdin
	if name != "-" && name != "/dev/stdin" {
		f, err := c.FS.Open(c.fsPath(name))
		if err != nil {
			return "", err
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(r)
	return string(b), err
}

// awkSyntaxError prints a parse error as gawk does: the source line, then
// a caret under the column, each prefixed with "awk: name:line:".
func awkSyntaxError(errorf func(string, ...any), sources []awkSource, pe *parser.ParseError) {
	line := pe.Position.Line
	name, text := "cmd. line", ""
	total := 0
	for _, s := range sources {
		total += s.lines
	}
	if line > total {
		// At the end of the program: gawk shows the last line.
		line, pe.Position.Column = total, 1<<30
	}
	for _, s := range sources {
		if line <= s.lines {
			name = s.name
			lines := strings.Split(s.text, "\n")
			if line-1 < len(lines) {
				text = lines[line-1]
			}
			break
		}
		line -= s.lines
	}
	col := pe.Position.Column - 1
	if col < 0 {
		col = 0
	}
	if col > len(text) {
		col = len(text)
	}
	pad := []byte(text[:col])
	for i, b := range pad {
		if b != '\t' {
			pad[i] = ' '
		}
	}
	errorf("%s:%d: %s", name, line, text)
	errorf("%s:%d: %s^ %s", name, line, pad, pe.Message)
}

// awkLegalName reports whether name can be a variable of -v.
func awkLegalName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		ch := name[i]
		switch {
		case ch == '_', ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z':
		case ch >= '0' && ch <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// awkErrText turns GoAWK's runtime error texts into gawk's.
func awkErrText(err error) string {
	msg := err.Error()
	switch msg {
	case "division by zero":
		return "division by zero attempted"
	case "division by zero in mod":
		return "division by zero attempted in `%'"
	}
	return msg
}

// lockedWriter serialises writes from awk and the commands it runs.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// lockedReader serialises reads of stdin by awk and its commands.
type lockedReader struct {
	mu sync.Mutex
	r  io.Reader
}

func (l *lockedReader) Read(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.r.Read(p)
}
