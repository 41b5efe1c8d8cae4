package builtins

// Helpers shared by the file commands (cat, echo, ls, mkdir, rm, cp, mv,
// touch): GNU getopt_long option parsing, --help and usage errors, GNU
// quoting of file names in messages, output that stops quietly on a closed
// pipe, y/n prompts, symbolic modes and the time zone.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// ---------------------------------------------------------------------------
// Option parsing

// optArg says whether an option takes an argument.
type optArg int

const (
	noArg       optArg = iota
	requiredArg        // -m MODE, -mMODE, --mode=MODE, --mode MODE
	optionalArg        // --color, --color=WHEN (long options only)
)

// longOpt is a long option. Key is what the parser reports for it: the
// letter of the short option it stands for, or a name of its own.
type longOpt struct {
	Name string
	Arg  optArg
	Key  string
}

// optSpec describes the options of a command in the manner of getopt_long.
type optSpec struct {
	// Short lists the short options, getopt style: a letter followed by
	// ':' takes an argument ("m:pv").
	Short string
	Long  []longOpt
	// Usage is printed by --help.
	Usage string
	// Status is the exit status for a usage error (1, or 2 for ls).
	Status int
}

// opt is one option found on the command line, in order.
type opt struct {
	Key    string // the short letter or the long option's key
	Val    string // its argument
	HasVal bool
	Name   string // as written: "-m" or "--mode"
}

// parsed is the result of parseOpts.
type parsed struct {
	Opts     []opt
	Operands []string
}

// errExit is returned by parseOpts when the command must exit at once:
// after --help or --version (status 0) or a usage error.
type errExit struct{ status int }

func (e errExit) Error() string { return "exit " + strconv.Itoa(e.status) }

// exitStatus returns the status carried by err from parseOpts.
func exitStatus(err error) int {
	var e errExit
	if errors.As(err, &e) {
		return e.status
	}
	return 1
}

// shortArg reports whether the short option ch exists and takes an
// argument.
func (s *optSpec) shortArg(ch byte) (exists, arg bool) {
	if ch == ':' {
		return false, false
	}
	i := strings.IndexByte(s.Short, ch)
	if i < 0 {
		return false, false
	}
	return true, i+1 < len(s.Short) && s.Short[i+1] == ':'
}

var helpVersion = []longOpt{{Name: "help", Key: "help"}, {Name: "version", Key: "version"}}

// findLong resolves a possibly abbreviated long option name as getopt_long
// does: an exact match wins, else a unique prefix (several prefixes that
// stand for the same option are not ambiguous).
func (s *optSpec) findLong(name string) (longOpt, []longOpt, bool) {
	all := append(append([]longOpt(nil), s.Long...), helpVersion...)
	var matches []longOpt
	for _, l := range all {
		if l.Name == name {
			return l, nil, true
		}
		if strings.HasPrefix(l.Name, name) {
			matches = append(matches, l)
		}
	}
	if len(matches) == 0 {
		return longOpt{}, nil, false
	}
	for _, m := range matches[1:] {
		if m.Key != matches[0].Key || m.Arg != matches[0].Arg {
			return longOpt{}, matches, false
		}
	}
	return matches[0], nil, true
}

// parseOpts parses c.Args[1:] as GNU getopt_long does, permuting options
// and operands unless POSIXLY_CORRECT is set; "--" ends the options and
// "-" is an operand. --help prints s.Usage and --version a version line;
// both make it return errExit{0}. A usage error prints the getopt message
// and "Try 'cmd --help' for more information." and returns errExit.
func (c *Context) parseOpts(s *optSpec) (parsed, error) {
	var p parsed
	args := c.Args[1:]
	posix := false
	if c.Env != nil {
		_, posix = c.Env("POSIXLY_CORRECT")
	}
	name := c.Name()
	bad := func(format string, a ...any) (parsed, error) {
		fmt.Fprintf(c.Stderr, "%s: %s\n", name, fmt.Sprintf(format, a...))
		c.tryHelp()
		return p, errExit{s.Status}
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			p.Operands = append(p.Operands, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			if posix {
				p.Operands = append(p.Operands, args[i:]...)
				break
			}
			p.Operands = append(p.Operands, a)
			continue
		}
		if strings.HasPrefix(a, "--") {
			body := a[2:]
			nm, val, hasVal := strings.Cut(body, "=")
			l, amb, ok := s.findLong(nm)
			if !ok {
				if amb != nil {
					var b strings.Builder
					for _, m := range amb {
						fmt.Fprintf(&b, " '--%s'", m.Name)
					}
					return bad("option '%s' is ambiguous; possibilities:%s", a, b.String())
				}
				return bad("unrecognized option '%s'", a)
			}
			switch l.Arg {
			case noArg:
				if hasVal {
					return bad("option '--%s' doesn't allow an argument", l.Name)
				}
			case requiredArg:
				if !hasVal {
					if i+1 >= len(args) {
						return bad("option '--%s' requires an argument", l.Name)
					}
					i++
					val, hasVal = args[i], true
				}
			}
			switch l.Key {
			case "help":
				return p, errExit{c.writeOut(s.Usage)}
			case "version":
				return p, errExit{c.writeOut(name + " (sandsh builtin) 1.0\n")}
			}
			p.Opts = append(p.Opts, opt{Key: l.Key, Val: val, HasVal: hasVal, Name: "--" + l.Name})
			continue
		}
		for j := 1; j < len(a); j++ {
			ch := a[j]
			exists, takes := s.shortArg(ch)
			if !exists {
				return bad("invalid option -- '%c'", ch)
			}
			if !takes {
				p.Opts = append(p.Opts, opt{Key: string(ch), Name: "-" + string(ch)})
				continue
			}
			val := a[j+1:]
			if val == "" {
				if i+1 >= len(args) {
					return bad("option requires an argument -- '%c'", ch)
				}
				i++
				val = args[i]
			}
			p.Opts = append(p.Opts, opt{Key: string(ch), Val: val, HasVal: true, Name: "-" + string(ch)})
			break
		}
	}
	return p, nil
}

// tryHelp prints GNU's pointer to --help on stderr.
func (c *Context) tryHelp() {
	fmt.Fprintf(c.Stderr, "Try '%s --help' for more information.\n", c.Name())
}

// argMatch finds val among the valid arguments of the option opt, as
// gnulib's XARGMATCH does: a unique prefix is enough. Each group lists
// synonyms; the first name of the matching group is returned. On failure
// it prints GNU's message with the list of valid arguments and the --help
// pointer.
func (c *Context) argMatch(opt, val string, groups [][]string) (string, bool) {
	found, ambiguous := "", false
	for _, g := range groups {
		for _, n := range g {
			if n == val {
				return g[0], true
			}
			if strings.HasPrefix(n, val) {
				if found != "" && found != g[0] {
					ambiguous = true
				}
				found = g[0]
			}
		}
	}
	if found != "" && !ambiguous {
		return found, true
	}
	what := "invalid"
	if ambiguous {
		what = "ambiguous"
	}
	c.Errorf("%s argument %s for %s", what, quote(val), quote(opt))
	fmt.Fprintln(c.Stderr, "Valid arguments are:")
	for _, g := range groups {
		q := make([]string, len(g))
		for i, n := range g {
			q[i] = "'" + n + "'"
		}
		fmt.Fprintf(c.Stderr, "  - %s\n", strings.Join(q, ", "))
	}
	c.tryHelp()
	return "", false
}

// usageErr prints "cmd: message" and the --help pointer, and returns
// status.
func (c *Context) usageErr(status int, format string, args ...any) int {
	c.Errorf(format, args...)
	c.tryHelp()
	return status
}

// ---------------------------------------------------------------------------
// Quoting of file names in messages, as gnulib's quotearg does in the C
// locale.

// quote returns name quoted for a message the way GNU's quoteaf does
// (shell-escape-always style): 'a b', "it's", 'a'$'\n”b'.
func quote(name string) string { return quoteArg(name, false) }

// quoteIf returns name quoted only if it needs it, the way GNU's quotef
// does (shell-escape style): cat's "cat: a b: ..." becomes 'a b'.
func quoteIf(name string) string { return quoteArg(name, true) }

const (
	styleShell = iota // shell_always_quoting_style, with backslash escapes
	styleC            // c_quoting_style
)

func quoteArg(arg string, elide bool) string {
	out, force := quoteRun(arg, styleShell, elide, false, false)
	if force {
		out, _ = quoteRun(arg, styleShell, false, false, false)
	}
	return out
}

// quoteRun is gnulib's quotearg_buffer_restyled for the shell-escape and C
// styles in a unibyte locale. It reports force when the outer quotes
// cannot be elided. A name with a single quote that cannot be given in
// double quotes is processed twice, as gnulib does: the second pass starts
// with the pending state the first one ended with (gnulib of coreutils 9.1
// does not reset it, which shows as a leading ”).
func quoteRun(arg string, style int, elide, second, pendingIn bool) (string, bool) {
	var b []byte
	quoteCh := byte('\'')
	if style == styleC {
		quoteCh = '"'
		elide = false
	}
	if !elide {
		b = append(b, quoteCh)
	}
	pendingEnd := pendingIn
	encounteredSQ, allCompat := false, true
	for i := 0; i < len(arg); i++ {
		c := arg[i]
		isRightQuote, escaping, compat := false, false, false
		if style == styleC && c == quoteCh {
			isRightQuote = true
		}
		startEsc := func() bool {
			if elide {
				return false
			}
			escaping = true
			if style == styleShell && !pendingEnd {
				b = append(b, "'$'"...)
				pendingEnd = true
			}
			b = append(b, '\\')
			return true
		}
		escape := byte(0) // a C escape letter: store_escape with it
		switch c {
		case 0:
			if !startEsc() {
				return "", true
			}
			if style == styleC && i+1 < len(arg) && arg[i+1] >= '0' && arg[i+1] <= '9' {
				b = append(b, '0', '0')
			}
			c = '0'
		case '?':
			if style == styleShell && elide {
				return "", true
			}
		case '\a', '\b', '\f', '\v':
			escape = map[byte]byte{'\a': 'a', '\b': 'b', '\f': 'f', '\v': 'v'}[c]
		case '\n', '\r', '\t':
			if style == styleShell && elide {
				return "", true
			}
			escape = map[byte]byte{'\n': 'n', '\r': 'r', '\t': 't'}[c]
		case '\\':
			if style == styleShell {
				if elide {
					return "", true
				}
			} else {
				escape = '\\'
			}
		case '{', '}', '#', '~', ' ':
			special := true
			switch c {
			case '{', '}':
				special = len(arg) == 1 && i == 0
			case '#', '~':
				special = i == 0
			}
			if special {
				compat = true
				if style == styleShell && elide {
					return "", true
				}
			}
		case '!', '"', '$', '&', '(', ')', '*', ';', '<', '=', '>', '[', '^', '`', '|':
			if style == styleShell && elide {
				return "", true
			}
		case '\'':
			encounteredSQ, compat = true, true
			if style == styleShell {
				if elide {
					return "", true
				}
				b = append(b, '\'', '\\', '\'')
				pendingEnd = false
			}
		default:
			if isSafe(c) {
				compat = true
				break
			}
			printable := c >= 0x20 && c < 0x7f
			compat = printable
			if !printable {
				if !startEsc() {
					return "", true
				}
				b = append(b, '0'+c>>6, '0'+(c>>3)&7)
				c = '0' + c&7
			}
		}
		if escape != 0 {
			c = escape
			isRightQuote = true // store_escape
		}
		if isRightQuote && !escaping {
			if !startEsc() {
				return "", true
			}
		}
		if pendingEnd && !escaping {
			b = append(b, '\'', '\'')
			pendingEnd = false
		}
		b = append(b, c)
		if !compat {
			allCompat = false
		}
	}
	if len(b) == 0 && style == styleShell && elide {
		return "", true
	}
	if style == styleShell && !elide && encounteredSQ && !second {
		if allCompat {
			return quoteRun(arg, styleC, false, false, false)
		}
		return quoteRun(arg, styleShell, false, true, pendingEnd)
	}
	if !elide {
		b = append(b, quoteCh)
	}
	return string(b), false
}

func isSafe(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("%+,-./:]_", c) >= 0
}

// ---------------------------------------------------------------------------
// Errors and output

// errnoOf returns the errno inside err, or 0.
func errnoOf(err error) syscall.Errno { return vfs.Errno(err) }

// isPipeErr reports whether err is a write to a closed pipe, which commands
// do not report.
func isPipeErr(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, io.ErrClosedPipe)
}

// writeFailed handles a failed write to stdout: quietly for a closed pipe,
// else with GNU's "cmd: write error: ..." message. It returns 1.
func (c *Context) writeFailed(err error) int {
	if !isPipeErr(err) {
		c.Errorf("write error: %s", ErrText(err))
	}
	return 1
}

// stickyWriter remembers the first error of the writer it wraps and fails
// every later write with it, so a command can stop at a closed pipe.
type stickyWriter struct {
	w   io.Writer
	err error
}

func (s *stickyWriter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.w.Write(p)
	s.err = err
	return n, err
}

// withStickyStdout returns a copy of c whose stdout remembers a failed
// write; the command checks the returned writer's err in its loops.
func (c *Context) withStickyStdout() (*Context, *stickyWriter) {
	sw := &stickyWriter{w: c.Stdout}
	c2 := *c
	c2.Stdout = sw
	return &c2, sw
}

// stopped reports whether a command should stop: the run was cancelled,
// or a write to its sticky stdout failed (a closed pipe).
func (c *Context) stopped() bool {
	if c.Canceled() {
		return true
	}
	sw, ok := c.Stdout.(*stickyWriter)
	return ok && sw.err != nil
}

// writeOut writes s to stdout and returns the exit status: 0, or 1 after
// a failed write (reported unless it is a closed pipe).
func (c *Context) writeOut(s string) int {
	if _, err := c.Stdout.Write([]byte(s)); err != nil {
		return c.writeFailed(err)
	}
	return 0
}

// errWriter is a buffered writer that remembers the first error and then
// drops everything, so callers may check Err only now and then.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func newErrWriter(w io.Writer) *errWriter { return &errWriter{w: bufio.NewWriterSize(w, 32*1024)} }

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) WriteString(s string) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.WriteString(s)
	e.err = err
	return n, err
}

func (e *errWriter) WriteByte(b byte) error {
	if e.err != nil {
		return e.err
	}
	e.err = e.w.WriteByte(b)
	return e.err
}

func (e *errWriter) Printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// Flush writes what is buffered and returns the first error.
func (e *errWriter) Flush() error {
	if e.err == nil {
		e.err = e.w.Flush()
	}
	return e.err
}

// ---------------------------------------------------------------------------
// Prompts

// readLine reads one line of an answer from stdin, a byte at a time so
// nothing after the line is consumed. ok is false at end of input with
// nothing read.
func (c *Context) readLine() (string, bool) {
	if c.Stdin == nil {
		return "", false
	}
	var b []byte
	one := make([]byte, 1)
	for !c.Canceled() {
		n, err := c.Stdin.Read(one)
		if n == 1 {
			if one[0] == '\n' {
				return string(b), true
			}
			b = append(b, one[0])
			continue
		}
		if err != nil {
			break
		}
	}
	return string(b), len(b) > 0
}

// ask prints "cmd: question" (no newline) on stderr and reads the answer:
// yes if it starts with y or Y, as GNU's yesno does in the C locale.
func (c *Context) ask(format string, args ...any) bool {
	fmt.Fprintf(c.Stderr, "%s: %s", c.Name(), fmt.Sprintf(format, args...))
	line, _ := c.readLine()
	return len(line) > 0 && (line[0] == 'y' || line[0] == 'Y')
}

// ---------------------------------------------------------------------------
// Files

// fileUmask is the creation mask the commands assume when they compute a
// mode themselves (mkdir -m +x). The filesystem applies its own mask to the
// modes passed to Mkdir and OpenFile; sandsh's is 022, the same.
const fileUmask fs.FileMode = 0o022

// typeName describes the type of fi as GNU's file_type does, for prompts
// and messages: "regular file", "regular empty file", "directory", ...
func typeName(fi fs.FileInfo) string {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		if fi.Size() == 0 {
			return "regular empty file"
		}
		return "regular file"
	case m.IsDir():
		return "directory"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "fifo"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character special file"
	case m&fs.ModeDevice != 0:
		return "block special file"
	}
	return "weird file"
}

// joinName appends name to the operand dir the way gnulib's
// file_name_concat builds names for messages: "d" + "a" is "d/a", and "d/"
// or "d//" + "a" is "d/a" too.
func joinName(dir, name string) string {
	d := strings.TrimRight(dir, "/")
	if d == "" && dir != "" {
		return "/" + name
	}
	return d + "/" + name
}

// baseName returns the last component of name, ignoring trailing slashes
// ("a/b/" gives "b", "/" gives "/").
func baseName(name string) string {
	t := strings.TrimRight(name, "/")
	if t == "" {
		if name == "" {
			return ""
		}
		return "/"
	}
	if i := strings.LastIndexByte(t, '/'); i >= 0 {
		return t[i+1:]
	}
	return t
}

// sameFile reports whether two stat results are one inode.
func sameFile(a, b fs.FileInfo) bool {
	sa, sb := statT(a), statT(b)
	if sa == nil || sb == nil {
		return false
	}
	return sa.Dev == sb.Dev && sa.Ino == sb.Ino
}

func statT(fi fs.FileInfo) *syscall.Stat_t {
	st, _ := fi.Sys().(*syscall.Stat_t)
	return st
}

// fileTimes returns the access and modification times of fi.
func fileTimes(fi fs.FileInfo) (atime, mtime time.Time) {
	mtime = fi.ModTime()
	atime = mtime
	if st := statT(fi); st != nil {
		atime = time.Unix(st.Atim.Unix())
	}
	return atime, mtime
}

// fsPath returns the operand name as a path of c.FS: absolute against the
// working directory, except that "" stays "" so the filesystem reports
// ENOENT for it, as the kernel does.
func (c *Context) fsPath(name string) string {
	if name == "" {
		return ""
	}
	return c.Abs(name)
}

// lstat returns information about name without following a final symlink.
func (c *Context) lstat(name string) (fs.FileInfo, error) {
	fi, _, err := c.FS.LstatIfPossible(c.fsPath(name))
	return fi, err
}

// stat returns information about name, following symlinks.
func (c *Context) stat(name string) (fs.FileInfo, error) { return c.FS.Stat(c.fsPath(name)) }

// ---------------------------------------------------------------------------
// Time zone

// location returns the time zone named by $TZ, as glibc reads it: UTC when
// TZ is empty or unknown, the local zone when it is unset.
func (c *Context) location() *time.Location {
	if c.Env == nil {
		return time.Local
	}
	tz, ok := c.Env("TZ")
	if !ok {
		return time.Local
	}
	tz = strings.TrimPrefix(tz, ":")
	if tz == "" || tz == "UTC" || tz == "UTC0" || tz == "GMT" {
		return time.UTC
	}
	if loc, err := time.LoadLocation(tz); err == nil {
		return loc
	}
	return time.UTC
}

// ---------------------------------------------------------------------------
// Modes

// modeChange is a parsed chmod-style mode, an octal number or symbolic
// clauses such as u+x,go-w,a=r, as gnulib's mode_compile makes it.
type modeChange []modeOp

type modeOp struct {
	op        byte // '=', '+' or '-'
	flag      byte // 0, 'c' (copy existing bits), 'X' (x if any x)
	affected  uint32
	value     uint32
	mentioned uint32
}

// Mode bits as chmod(2) sees them.
const (
	sISUID    = 0o4000
	sISGID    = 0o2000
	sISVTX    = 0o1000
	modeBits  = 0o7777
	permBits  = 0o777
	userBits  = 0o700
	groupBits = 0o070
	otherBits = 0o007
)

// parseMode parses a mode as gnulib's mode_compile does. It returns false
// for an invalid mode.
func parseMode(s string) (modeChange, bool) {
	if s == "" {
		return nil, false
	}
	if s[0] >= '0' && s[0] <= '7' {
		v, err := strconv.ParseUint(s, 8, 32)
		if err != nil || v > modeBits {
			return nil, false
		}
		mode := uint32(v)
		mentioned := uint32(modeBits)
		if len(s) < 5 {
			mentioned = mode&(sISUID|sISGID) | sISVTX | permBits
		}
		return modeChange{{op: '=', affected: modeBits, value: mode, mentioned: mentioned}}, true
	}
	var m modeChange
	p := s
	for {
		var affected uint32
		for len(p) > 0 && strings.IndexByte("ugoa", p[0]) >= 0 {
			switch p[0] {
			case 'u':
				affected |= sISUID | userBits
			case 'g':
				affected |= sISGID | groupBits
			case 'o':
				affected |= sISVTX | otherBits
			case 'a':
				affected |= modeBits
			}
			p = p[1:]
		}
		if len(p) == 0 || strings.IndexByte("=+-", p[0]) < 0 {
			return nil, false
		}
		for len(p) > 0 && strings.IndexByte("=+-", p[0]) >= 0 {
			o := modeOp{op: p[0], affected: affected}
			p = p[1:]
			if len(p) > 0 && strings.IndexByte("ugo", p[0]) >= 0 {
				o.flag = 'c'
				o.value = map[byte]uint32{'u': userBits, 'g': groupBits, 'o': otherBits}[p[0]]
				p = p[1:]
			} else {
				for len(p) > 0 && strings.IndexByte("rwxXst", p[0]) >= 0 {
					switch p[0] {
					case 'r':
						o.value |= 0o444
					case 'w':
						o.value |= 0o222
					case 'x':
						o.value |= 0o111
					case 'X':
						o.flag = 'X'
					case 's':
						o.value |= sISUID | sISGID
					case 't':
						o.value |= sISVTX
					}
					p = p[1:]
				}
			}
			if affected != 0 {
				o.mentioned = affected & o.value
			} else {
				o.mentioned = o.value
			}
			m = append(m, o)
		}
		if len(p) == 0 {
			return m, true
		}
		if p[0] != ',' {
			return nil, false
		}
		p = p[1:]
	}
}

// apply returns old (a permission mode) changed by m for a file that is a
// directory or not, with umask, as gnulib's mode_adjust does.
func (m modeChange) apply(old fs.FileMode, isDir bool, umask fs.FileMode) fs.FileMode {
	mode, _ := m.applyBits(old, isDir, umask)
	return mode
}

// applyBits is apply, also returning the mode bits that m cares about
// (mode_adjust's pmode_bits).
func (m modeChange) applyBits(old fs.FileMode, isDir bool, umask fs.FileMode) (fs.FileMode, uint32) {
	mode := toUnix(old)
	um := toUnix(umask)
	var bits uint32
	for _, c := range m {
		var omit uint32
		if isDir {
			omit = (sISUID | sISGID) &^ c.mentioned
		}
		value := c.value
		switch c.flag {
		case 'c':
			value &= mode
			var v uint32
			if value&0o444 != 0 {
				v |= 0o444
			}
			if value&0o222 != 0 {
				v |= 0o222
			}
			if value&0o111 != 0 {
				v |= 0o111
			}
			value |= v
		case 'X':
			if mode&0o111 != 0 || isDir {
				value |= 0o111
			}
		}
		if c.affected != 0 {
			value &= c.affected &^ omit
		} else {
			value &= ^um &^ omit
		}
		switch c.op {
		case '=':
			preserved := omit
			if c.affected != 0 {
				preserved |= ^c.affected
			}
			bits |= modeBits &^ preserved
			mode = mode&preserved | value
		case '+':
			bits |= value
			mode |= value
		case '-':
			bits |= value
			mode &^= value
		}
	}
	return fromUnix(mode & modeBits), bits
}

func toUnix(m fs.FileMode) uint32 {
	u := uint32(m.Perm())
	if m&fs.ModeSetuid != 0 {
		u |= sISUID
	}
	if m&fs.ModeSetgid != 0 {
		u |= sISGID
	}
	if m&fs.ModeSticky != 0 {
		u |= sISVTX
	}
	return u
}

func fromUnix(u uint32) fs.FileMode {
	m := fs.FileMode(u & 0o777)
	if u&sISUID != 0 {
		m |= fs.ModeSetuid
	}
	if u&sISGID != 0 {
		m |= fs.ModeSetgid
	}
	if u&sISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}
