package builtins

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"mvdan.cc/sh/v3/pattern"

	"github.com/sandsh/sandsh/builtins/internal/gnure"
)

// grep, egrep and fgrep, as GNU grep 3.8 in the C locale: -E -F -G -P,
// -e -f, -i -y --no-ignore-case, -v -w -x, -c -l -L -q -s -o -m, -b -n -H
// -h --label -T -Z -z, -A -B -C -NUM with --group-separator and
// --no-group-separator, -r -R with --include --exclude --exclude-dir
// --exclude-from, -d -D, -a -I --binary-files, --color (GNU's default
// colours; GREP_COLORS is not read), --line-buffered, -U and -u accepted.
// egrep and fgrep are grep -E and grep -F and speak as "grep", as
// Debian's wrapper scripts do.
//
// Regular expressions are translated to RE2 (package gnure); back-
// references are refused with a clear error. -P uses Go's regexp syntax
// directly (\d \s \w, lazy quantifiers, (?i)); lookarounds, backreferences
// and other PCRE-only syntax are refused. Directories are walked in name
// order (GNU uses readdir order). A file is binary when its first 32 KiB,
// or a later line, holds a NUL byte; GNU looks at whole buffers, so with a
// NUL far into a large file the switch may come a few lines apart.

func init() {
	Register("grep", grepMain)
	Register("egrep", grepMain)
	Register("fgrep", grepMain)
}

var grepLongs = []longOpt{
	{Name: "after-context", Arg: requiredArg, Key: "A"},
	{Name: "before-context", Arg: requiredArg, Key: "B"},
	{Name: "context", Arg: requiredArg, Key: "C"},
	{Name: "basic-regexp", Key: "G"},
	{Name: "extended-regexp", Key: "E"},
	{Name: "fixed-strings", Key: "F"},
	{Name: "perl-regexp", Key: "P"},
	{Name: "regexp", Arg: requiredArg, Key: "e"},
	{Name: "file", Arg: requiredArg, Key: "f"},
	{Name: "ignore-case", Key: "i"},
	{Name: "no-ignore-case", Key: "no-ignore-case"},
	{Name: "word-regexp", Key: "w"},
	{Name: "line-regexp", Key: "x"},
	{Name: "null-data", Key: "z"},
	{Name: "no-messages", Key: "s"},
	{Name: "invert-match", Key: "v"},
	{Name: "max-count", Arg: requiredArg, Key: "m"},
	{Name: "byte-offset", Key: "b"},
	{Name: "line-number", Key: "n"},
	{Name: "line-buffered", Key: "line-buffered"},
	{Name: "with-filename", Key: "H"},
	{Name: "no-filename", Key: "h"},
	{Name: "label", Arg: requiredArg, Key: "label"},
	{Name: "only-matching", Key: "o"},
	{Name: "quiet", Key: "q"},
	{Name: "silent", Key: "q"},
	{Name: "binary-files", Arg: requiredArg, Key: "binary-files"},
	{Name: "text", Key: "a"},
	{Name: "directories", Arg: requiredArg, Key: "d"},
	{Name: "devices", Arg: requiredArg, Key: "D"},
	{Name: "recursive", Key: "r"},
	{Name: "dereference-recursive", Key: "R"},
	{Name: "include", Arg: requiredArg, Key: "include"},
	{Name: "exclude", Arg: requiredArg, Key: "exclude"},
	{Name: "exclude-from", Arg: requiredArg, Key: "exclude-from"},
	{Name: "exclude-dir", Arg: requiredArg, Key: "exclude-dir"},
	{Name: "files-without-match", Key: "L"},
	{Name: "files-with-matches", Key: "l"},
	{Name: "count", Key: "c"},
	{Name: "initial-tab", Key: "T"},
	{Name: "null", Key: "Z"},
	{Name: "color", Arg: optionalArg, Key: "color"},
	{Name: "colour", Arg: optionalArg, Key: "color"},
	{Name: "group-separator", Arg: requiredArg, Key: "group-separator"},
	{Name: "no-group-separator", Key: "no-group-separator"},
	{Name: "binary", Key: "U"},
	{Name: "unix-byte-offsets", Key: "u"},
}

var grepSpec = optSpec{
	Short:  "0123456789A:B:C:D:EFGHILPRTUVZabcd:e:f:hilm:noqrsuvwxyz",
	Long:   grepLongs,
	Status: 2,
	Usage: `Usage: grep [OPTION]... PATTERNS [FILE]...
Search for PATTERNS in each FILE.
Example: grep -i 'hello world' menu.h main.c
PATTERNS can contain multiple patterns separated by newlines.

Pattern selection and interpretation:
  -E, --extended-regexp     PATTERNS are extended regular expressions
  -F, --fixed-strings       PATTERNS are strings
  -G, --basic-regexp        PATTERNS are basic regular expressions
  -P, --perl-regexp         PATTERNS are Perl regular expressions (Go syntax)
  -e, --regexp=PATTERNS     use PATTERNS for matching
  -f, --file=FILE           take PATTERNS from FILE
  -i, --ignore-case         ignore case distinctions in patterns and data
      --no-ignore-case      do not ignore case distinctions (default)
  -w, --word-regexp         match only whole words
  -x, --line-regexp         match only whole lines
  -z, --null-data           a data line ends in 0 byte, not newline

Miscellaneous:
  -s, --no-messages         suppress error messages
  -v, --invert-match        select non-matching lines
  -V, --version             display version information and exit
      --help                display this help text and exit

Output control:
  -m, --max-count=NUM       stop after NUM selected lines
  -b, --byte-offset         print the byte offset with output lines
  -n, --line-number         print line number with output lines
      --line-buffered       flush output on every line
  -H, --with-filename       print file name with output lines
  -h, --no-filename         suppress the file name prefix on output
      --label=LABEL         use LABEL as the standard input file name prefix
  -o, --only-matching       show only nonempty parts of lines that match
  -q, --quiet, --silent     suppress all normal output
      --binary-files=TYPE   assume that binary files are TYPE;
                            TYPE is 'binary', 'text', or 'without-match'
  -a, --text                equivalent to --binary-files=text
  -I                        equivalent to --binary-files=without-match
  -d, --directories=ACTION  how to handle directories;
                            ACTION is 'read', 'recurse', or 'skip'
  -D, --devices=ACTION      how to handle devices, FIFOs and sockets;
                            ACTION is 'read' or 'skip'
  -r, --recursive           like --directories=recurse
  -R, --dereference-recursive  likewise, but follow all symlinks
      --include=GLOB        search only files that match GLOB (a file pattern)
      --exclude=GLOB        skip files that match GLOB
      --exclude-from=FILE   skip files that match any file pattern from FILE
      --exclude-dir=GLOB    skip directories that match GLOB
  -L, --files-without-match  print only names of FILEs with no selected lines
  -l, --files-with-matches  print only names of FILEs with selected lines
  -c, --count               print only a count of selected lines per FILE
  -T, --initial-tab         make tabs line up (if needed)
  -Z, --null                print 0 byte after FILE name

Context control:
  -B, --before-context=NUM  print NUM lines of leading context
  -A, --after-context=NUM   print NUM lines of trailing context
  -C, --context=NUM         print NUM lines of output context
  -NUM                      same as --context=NUM
      --group-separator=SEP  print SEP on line between matches with context
      --no-group-separator  do not print separator for matches with context
      --color[=WHEN],
      --colour[=WHEN]       use markers to highlight the matching strings;
                            WHEN is 'always', 'never', or 'auto'
  -U, --binary              do not strip CR characters at EOL (MSDOS/Windows)

When FILE is '-', read standard input.  With no FILE, read '.' if
recursive, '-' otherwise.  With fewer than two FILEs, assume -h.
Exit status is 0 if any line is selected, 1 otherwise;
if any error occurs and -q is not given, the exit status is 2.
`,
}

const grepUsageLine = "Usage: grep [OPTION]... PATTERNS [FILE]...\n"

// GNU's default colours (GREP_COLORS).
const (
	sgrMatch = "\x1b[01;31m\x1b[K"
	sgrFile  = "\x1b[35m\x1b[K"
	sgrNum   = "\x1b[32m\x1b[K"
	sgrSep   = "\x1b[36m\x1b[K"
	sgrEnd   = "\x1b[m\x1b[K"
)

// grepGlob is an --include or --exclude pattern.
type grepGlob struct {
	re      *regexp.Regexp
	literal string
	include bool
}

func (g grepGlob) match(name string) bool {
	if g.re != nil {
		return g.re.MatchString(name)
	}
	return g.literal == name
}

func newGrepGlob(pat string, include bool) grepGlob {
	g := grepGlob{literal: pat, include: include}
	if expr, err := pattern.Regexp(pat, pattern.EntireString|pattern.NoGlobStar|pattern.GlobLeadingDot); err == nil {
		if re, err := regexp.Compile(expr); err == nil {
			g.re = re
		}
	}
	return g
}

// grepExcluded applies a list of --include/--exclude (or --exclude-dir)
// patterns as gnulib's excluded_file_name does: the last pattern that
// matches decides; when none matches, a list that starts with --include
// excludes the file. On the command line (anchored false) a pattern may
// also match any part of the name after a slash.
func grepExcluded(globs []grepGlob, name string, anchored bool) bool {
	if len(globs) == 0 {
		return false
	}
	matches := func(g grepGlob) bool {
		if g.match(name) {
			return true
		}
		if !anchored {
			for i := 0; i < len(name); i++ {
				if name[i] == '/' && i+1 < len(name) && name[i+1] != '/' && g.match(name[i+1:]) {
					return true
				}
			}
		}
		return false
	}
	for i := len(globs) - 1; i >= 0; i-- {
		if matches(globs[i]) {
			return !globs[i].include
		}
	}
	return globs[0].include
}

// grepMatcher finds the patterns in a line.
type grepMatcher struct {
	re *regexp.Regexp // nil when there is no pattern: nothing matches
	// next is, for -w, the expression for matches after the first, which
	// needs a real non-word character before the match.
	next *regexp.Regexp
	word bool
}

func (m *grepMatcher) match(line []byte) bool {
	return m.re != nil && m.re.Match(line)
}

// each calls fn with the start and end of each match in line, in order,
// empty matches included, until fn returns false.
func (m *grepMatcher) each(line []byte, fn func(s, e int) bool) {
	if m.re == nil {
		return
	}
	if !m.word {
		for _, loc := range m.re.FindAllIndex(line, -1) {
			if !fn(loc[0], loc[1]) {
				return
			}
		}
		return
	}
	pos := 0
	for first := true; pos <= len(line); first = false {
		var loc []int
		off := 0
		if first {
			loc = m.re.FindSubmatchIndex(line)
		} else {
			off = pos - 1
			loc = m.next.FindSubmatchIndex(line[off:])
		}
		if loc == nil {
			return
		}
		s, e := loc[2]+off, loc[3]+off
		if !fn(s, e) {
			return
		}
		pos = e
		if e == s {
			pos++
		}
	}
}

// grepCompile builds the matcher of a list of patterns. mode is 'G', 'E',
// 'F' or 'P'. It returns the warnings GNU grep prints.
func grepCompile(pats []string, mode byte, icase, word, whole bool) (*grepMatcher, []string, error) {
	if len(pats) == 0 {
		return &grepMatcher{}, nil, nil
	}
	var warnings []string
	parts := make([]string, len(pats))
	for i, p := range pats {
		switch mode {
		case 'F':
			parts[i] = regexp.QuoteMeta(p)
		case 'P':
			if err := perlUnsupported(p); err != nil {
				return nil, nil, err
			}
			parts[i] = p
		default:
			syn := gnure.Basic
			if mode == 'E' {
				syn = gnure.Extended
			}
			expr, warn, err := gnure.TranslateWarn(p, syn)
			if err != nil {
				return nil, nil, err
			}
			for _, w := range warn {
				// grep 3.8 as Debian ships it does not warn about stray
				// backslashes.
				if !strings.HasPrefix(w, "stray \\") {
					warnings = append(warnings, w)
				}
			}
			parts[i] = expr
		}
	}
	alt := "(?:" + strings.Join(parts, ")|(?:") + ")"
	if len(parts) == 1 {
		alt = parts[0]
	}
	flags := ""
	if icase {
		flags = "(?i)"
	}
	const nonWord = `[^0-9A-Za-z_]`
	var first, next string
	switch {
	case whole:
		first = flags + "^(?:" + alt + ")$"
	case word:
		first = flags + "(?:^|" + nonWord + ")(" + alt + ")(?:" + nonWord + "|$)"
		next = flags + nonWord + "(" + alt + ")(?:" + nonWord + "|$)"
	default:
		first = flags + alt
	}
	compile := func(expr string) (*regexp.Regexp, error) {
		re, err := regexp.Compile(expr)
		if err != nil {
			if mode == 'P' {
				return nil, fmt.Errorf("unsupported -P pattern (sandsh matches Perl patterns with Go's RE2): %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
			}
			return nil, err
		}
		if mode != 'P' {
			re.Longest()
		}
		return re, nil
	}
	m := &grepMatcher{word: word && !whole}
	var err error
	if m.re, err = compile(first); err != nil {
		return nil, nil, err
	}
	if m.word {
		if m.next, err = compile(next); err != nil {
			return nil, nil, err
		}
	}
	return m, warnings, nil
}

// perlUnsupported refuses the PCRE syntax that RE2 lacks with a clear
// message rather than Go's parse error.
func perlUnsupported(p string) error {
	for _, s := range []string{"(?=", "(?!", "(?<=", "(?<!", "(?>"} {
		if strings.Contains(p, s) {
			return errors.New("lookaround and atomic groups are not supported by sandsh's -P (Go's RE2)")
		}
	}
	for i := 0; i+1 < len(p); i++ {
		if p[i] == '\\' {
			if p[i+1] >= '1' && p[i+1] <= '9' || p[i+1] == 'g' || p[i+1] == 'k' {
				return errors.New("back-references are not supported by sandsh's -P (Go's RE2)")
			}
			i++
		}
	}
	return nil
}

// grepState is one run of grep.
type grepState struct {
	c   *Context
	out *errWriter
	m   *grepMatcher

	invert, count, listMatch, listNon, quiet, only            bool
	lineNum, byteOff, tab, nullName, lineBuffered, noMessages bool
	color                                                     bool
	eol                                                       byte
	before, after                                             int
	ctxMode                                                   bool
	maxCount                                                  int64
	withName                                                  int // 1 yes, 0 no, -1 yes once a directory is walked
	label                                                     string
	binaryFiles                                               string // "binary", "text", "without-match"
	directories                                               string // "read", "skip", "recurse"
	deref                                                     bool
	devicesSkip                                               bool
	globs, dirGlobs                                           []grepGlob
	groupSep                                                  string
	noGroupSep                                                bool

	used     bool // some line was printed
	selected bool // some line was selected
	errSeen  bool
	done     bool // -q found a line, or stdout failed: stop everything
}

// grepDigits rewrites -NUM options as --context=NUM. Digits in one
// argument make one number ("-12"), as in GNU grep.
func grepDigits(args []string) []string {
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
				if l, _, ok := grepSpec.findLong(a[2:]); ok && l.Arg == requiredArg && i+1 < len(args) {
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
		var digits, rest strings.Builder
		var pieces []string
		flushRest := func() {
			if rest.Len() > 0 {
				pieces = append(pieces, "-"+rest.String())
				rest.Reset()
			}
		}
		ctxAt := -1
		needArg := false
		for j := 1; j < len(a); j++ {
			ch := a[j]
			if ch >= '0' && ch <= '9' {
				flushRest()
				if ctxAt < 0 {
					ctxAt = len(pieces)
					pieces = append(pieces, "")
				}
				digits.WriteByte(ch)
				continue
			}
			rest.WriteByte(ch)
			if exists, takes := grepSpec.shortArg(ch); exists && takes {
				rest.WriteString(a[j+1:])
				needArg = j+1 == len(a)
				break
			}
		}
		flushRest()
		if ctxAt >= 0 {
			pieces[ctxAt] = "--context=" + digits.String()
		}
		out = append(out, pieces...)
		if needArg && i+1 < len(args) {
			i++
			out = append(out, args[i])
		}
	}
	return out
}

func grepMain(c *Context) int {
	name := c.Name()
	mode := byte('G')
	if name == "egrep" {
		mode = 'E'
	} else if name == "fgrep" {
		mode = 'F'
	}
	// Debian's egrep and fgrep are scripts that run grep.
	cc := *c
	c = &cc
	c.Args = grepDigits(append([]string{"grep"}, c.Args[1:]...))

	var errBuf bytes.Buffer
	pc := *c
	pc.Stderr = &errBuf
	p, err := pc.parseOpts(&grepSpec)
	if err != nil {
		st := exitStatus(err)
		msg := errBuf.String()
		if st != 0 {
			// GNU grep prints its usage line before the --help pointer.
			if i := strings.Index(msg, "Try '"); i >= 0 {
				msg = msg[:i] + grepUsageLine + msg[i:]
			}
		}
		io.WriteString(c.Stderr, msg)
		return st
	}

	g := &grepState{c: c, eol: '\n', before: -1, after: -1, maxCount: -1, withName: -2,
		binaryFiles: "binary", directories: "read", groupSep: "--"}
	var pats []string
	havePats := false
	icase, word, whole := false, false, false
	ctx := -1
	for _, o := range p.Opts {
		switch o.Key {
		case "A", "B", "C":
			n, err := strconv.ParseInt(o.Val, 10, 64)
			if err != nil || n < 0 {
				if ne, ok := err.(*strconv.NumError); !(ok && ne.Err == strconv.ErrRange && !strings.HasPrefix(o.Val, "-")) {
					return c.Failf(2, "%s: invalid context length argument", o.Val)
				}
				n = 1 << 31
			}
			if n > 1<<31 {
				n = 1 << 31
			}
			switch o.Key {
			case "A":
				g.after = int(n)
			case "B":
				g.before = int(n)
			default:
				ctx = int(n)
			}
		case "E", "F", "G", "P":
			mode = o.Key[0]
		case "e":
			pats = append(pats, strings.Split(o.Val, "\n")...)
			havePats = true
		case "f":
			list, err := grepPatternFile(c, o.Val)
			if err != nil {
				c.PathErr(o.Val, err)
				return 2
			}
			pats = append(pats, list...)
			havePats = true
		case "i", "y":
			icase = true
		case "no-ignore-case":
			icase = false
		case "w":
			word = true
		case "x":
			whole = true
		case "z":
			g.eol = 0
		case "s":
			g.noMessages = true
		case "v":
			g.invert = true
		case "m":
			n, err := strconv.ParseInt(o.Val, 10, 64)
			if err != nil {
				if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
					n = 1<<63 - 1
				} else {
					return c.Failf(2, "invalid max count")
				}
			}
			if n < 0 {
				n = -1
			}
			g.maxCount = n
		case "b":
			g.byteOff = true
		case "n":
			g.lineNum = true
		case "line-buffered":
			g.lineBuffered = true
		case "H":
			g.withName = 1
		case "h":
			g.withName = 0
		case "label":
			g.label = o.Val
		case "o":
			g.only = true
		case "q":
			g.quiet = true
		case "binary-files":
			switch o.Val {
			case "binary", "text", "without-match":
				g.binaryFiles = o.Val
			default:
				return c.Failf(2, "unknown binary-files type")
			}
		case "a":
			g.binaryFiles = "text"
		case "I":
			g.binaryFiles = "without-match"
		case "d":
			v, ok := c.argMatch("--directories", o.Val, [][]string{{"read"}, {"recurse"}, {"skip"}})
			if !ok {
				return 2
			}
			g.directories = v
		case "D":
			v, ok := c.argMatch("--devices", o.Val, [][]string{{"read"}, {"skip"}})
			if !ok {
				return 2
			}
			g.devicesSkip = v == "skip"
		case "r":
			g.directories, g.deref = "recurse", false
		case "R":
			g.directories, g.deref = "recurse", true
		case "include", "exclude":
			g.globs = append(g.globs, newGrepGlob(o.Val, o.Key == "include"))
		case "exclude-from":
			list, err := grepPatternFile(c, o.Val)
			if err != nil {
				c.PathErr(o.Val, err)
				return 2
			}
			for _, l := range list {
				g.globs = append(g.globs, newGrepGlob(l, false))
			}
		case "exclude-dir":
			g.dirGlobs = append(g.dirGlobs, newGrepGlob(strings.TrimRight(o.Val, "/"), false))
		case "L":
			g.listNon, g.listMatch = true, false
		case "l":
			g.listMatch, g.listNon = true, false
		case "c":
			g.count = true
		case "T":
			g.tab = true
		case "Z":
			g.nullName = true
		case "color":
			switch strings.ToLower(o.Val) {
			case "always", "yes", "force":
				g.color = true
			case "never", "no", "none", "", "auto", "tty", "if-tty":
				g.color = false
			default:
				// GNU grep 3.8 takes an unknown WHEN as --help.
				return c.writeOut(grepSpec.Usage)
			}
		case "group-separator":
			g.groupSep, g.noGroupSep = o.Val, false
		case "no-group-separator":
			g.noGroupSep = true
		case "U":
		case "u":
			c.Errorf("warning: --unix-byte-offsets (-u) is obsolete")
		case "V":
			return c.writeOut("grep (sandsh builtin) 1.0\n")
		}
	}
	operands := p.Operands
	if !havePats {
		if len(operands) == 0 {
			io.WriteString(c.Stderr, grepUsageLine)
			c.tryHelp()
			return 2
		}
		pats = strings.Split(operands[0], "\n")
		operands = operands[1:]
	}
	if ctx >= 0 {
		if g.after < 0 {
			g.after = ctx
		}
		if g.before < 0 {
			g.before = ctx
		}
	}
	g.ctxMode = g.after >= 0 || g.before >= 0
	if g.after < 0 {
		g.after = 0
	}
	if g.before < 0 {
		g.before = 0
	}
	if g.maxCount == 0 && !g.listNon {
		return 1
	}
	m, warnings, err := grepCompile(pats, mode, icase, word, whole)
	for _, w := range warnings {
		c.Errorf("warning: %s", w)
	}
	if err != nil {
		var ge *gnure.Error
		if errors.As(err, &ge) {
			return c.Failf(2, "%s", ge.Msg)
		}
		return c.Failf(2, "%s", err.Error())
	}
	g.m = m

	recursive := g.directories == "recurse"
	implicit := false
	if len(operands) == 0 {
		if recursive {
			operands, implicit = []string{"."}, true
		} else {
			operands = []string{"-"}
		}
	}
	if g.withName == -2 {
		switch {
		case len(operands) > 1:
			g.withName = 1
		case recursive:
			g.withName = -1
		default:
			g.withName = 0
		}
	}

	g.out = newErrWriter(c.Stdout)
	for _, op := range operands {
		if g.done || c.Canceled() {
			break
		}
		g.operand(op, implicit)
	}
	if err := g.out.Flush(); err != nil && !g.quitOK() {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 2
	}
	if g.quiet && g.selected {
		return 0
	}
	if g.errSeen {
		return 2
	}
	if g.selected {
		return 0
	}
	return 1
}

// quitOK reports whether grep stopped early on purpose (-q).
func (g *grepState) quitOK() bool { return g.quiet && g.selected }

// grepPatternFile reads the patterns of -f FILE, one a line.
func grepPatternFile(c *Context, name string) ([]string, error) {
	r, err := c.openInput(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	data, err := io.ReadAll(ctxReader{c, r})
	if err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, nil
	}
	s := strings.TrimSuffix(string(data), "\n")
	return strings.Split(s, "\n"), nil
}

func (g *grepState) fail(name string, err error) {
	g.errSeen = true
	if !g.noMessages {
		g.out.Flush()
		g.c.PathErr(name, err)
	}
}

// operand searches one command-line operand.
func (g *grepState) operand(name string, implicit bool) {
	c := g.c
	if name == "-" {
		label := "(standard input)"
		if g.label != "" {
			label = g.label
		}
		var r io.Reader = eofReader{}
		if c.Stdin != nil {
			r = c.Stdin
		}
		g.search(label, ctxReader{c, r}, -1)
		return
	}
	fi, err := c.stat(name)
	if err != nil {
		if grepExcluded(g.globs, name, false) {
			return
		}
		g.fail(name, err)
		return
	}
	if fi.IsDir() {
		switch g.directories {
		case "skip":
			return
		case "recurse":
			if !implicit && grepExcluded(g.dirGlobs, name, false) {
				return
			}
			g.walk(name, implicit)
			return
		}
		g.fail(name, syscall.EISDIR)
		return
	}
	if grepExcluded(g.globs, name, false) {
		return
	}
	if g.devicesSkip && !fi.Mode().IsRegular() {
		return
	}
	g.file(name, name, fi)
}

func (g *grepState) file(display, name string, fi fs.FileInfo) {
	f, err := g.c.FS.Open(g.c.fsPath(name))
	if err != nil {
		g.fail(display, err)
		return
	}
	defer f.Close()
	size := int64(-1)
	if fi != nil && fi.Mode().IsRegular() {
		size = fi.Size()
	}
	g.search(display, ctxReader{g.c, f}, size)
}

// walk searches the directory dir recursively.
func (g *grepState) walk(dir string, implicit bool) {
	if g.withName < 0 {
		g.withName = 1
	}
	entries, err := g.c.FS.ReadDir(g.c.fsPath(dir))
	if err != nil {
		g.fail(dir, err)
		return
	}
	for _, e := range entries {
		if g.done || g.c.Canceled() {
			return
		}
		child := joinName(dir, e.Name())
		if implicit {
			child = e.Name()
			if dir != "." {
				child = joinName(dir, e.Name())
			}
		}
		var fi fs.FileInfo
		if e.Type().IsRegular() {
			// The listing knows the entry: no need to resolve its path.
			fi, err = e.Info()
		} else {
			fi, err = g.c.lstat(child)
		}
		if err != nil {
			g.fail(child, err)
			continue
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			if !g.deref {
				continue
			}
			fi, err = g.c.stat(child)
			if err != nil {
				g.fail(child, err)
				continue
			}
		}
		if fi.IsDir() {
			if grepExcluded(g.dirGlobs, e.Name(), true) {
				continue
			}
			g.walk(child, false)
			continue
		}
		if grepExcluded(g.globs, e.Name(), true) {
			continue
		}
		if !fi.Mode().IsRegular() {
			continue // devices, fifos and sockets are skipped when recursing
		}
		g.file(child, child, fi)
	}
}

// grepLine is a line kept for leading context.
type grepLine struct {
	num  int64
	off  int64
	text []byte
}

// search reads one input. size is the file's size, for -T, or -1.
func (g *grepState) search(name string, r io.Reader, size int64) {
	c := g.c
	br := bufio.NewReaderSize(r, recordBufSize)
	if g.maxCount == 0 {
		g.fileDone(name, 0)
		return
	}
	binary := false
	if g.binaryFiles != "text" && g.eol == '\n' {
		peek, _ := br.Peek(32 * 1024)
		if bytes.IndexByte(peek, 0) >= 0 {
			if g.binaryFiles == "without-match" {
				g.fileDone(name, 0)
				return
			}
			binary = true
		}
	}
	width := 0
	if g.tab {
		width = 19
		if size >= 0 {
			width = len(strconv.FormatInt(size, 10))
		}
	}
	listing := g.count || g.listMatch || g.listNon || g.quiet
	var ring []grepLine
	var num, off, count, lastPrinted int64
	afterLeft := 0
	binaryMatched := false
	printLine := func(n, o int64, text []byte, sep byte) {
		if g.ctxMode && g.used && (lastPrinted == 0 || n != lastPrinted+1) && !g.noGroupSep {
			if g.color {
				g.out.WriteString(sgrSep + g.groupSep + sgrEnd + "\n")
			} else {
				g.out.WriteString(g.groupSep)
				g.out.WriteByte('\n')
			}
		}
		g.printLine(name, n, o, text, sep, width)
		lastPrinted = n
		g.used = true
		if g.lineBuffered {
			g.out.Flush()
		}
	}
	stopAfter := false
	for !g.done {
		if c.Canceled() {
			return
		}
		if g.out.err != nil {
			g.done = true
			return
		}
		rec, err := readRecord(br, g.eol)
		if len(rec) == 0 {
			if err != nil && err != io.EOF {
				g.fail(name, err)
				return
			}
			break
		}
		text := rec
		if text[len(text)-1] == g.eol {
			text = text[:len(text)-1]
		}
		num++
		lineOff := off
		off += int64(len(rec))
		if !binary && g.binaryFiles != "text" && g.eol == '\n' && bytes.IndexByte(text, 0) >= 0 {
			if g.binaryFiles == "without-match" {
				break
			}
			binary = true
		}
		if stopAfter {
			if afterLeft == 0 || binary {
				break
			}
			printLine(num, lineOff, text, '-')
			afterLeft--
			continue
		}
		sel := g.m.match(text) != g.invert
		if !sel {
			if listing || binary {
				continue
			}
			if afterLeft > 0 {
				printLine(num, lineOff, text, '-')
				afterLeft--
			} else if g.before > 0 {
				if len(ring) == g.before {
					copy(ring, ring[1:])
					ring = ring[:len(ring)-1]
				}
				ring = append(ring, grepLine{num, lineOff, append([]byte(nil), text...)})
			}
			continue
		}
		count++
		g.selected = true
		if g.quiet {
			g.done = true
			return
		}
		if g.listMatch || g.listNon {
			break
		}
		if !g.count {
			if binary {
				binaryMatched = true
				break
			}
			for _, l := range ring {
				printLine(l.num, l.off, l.text, '-')
			}
			ring = ring[:0]
			printLine(num, lineOff, text, ':')
			afterLeft = g.after
		}
		if g.maxCount >= 0 && count >= g.maxCount {
			if g.count || afterLeft == 0 {
				break
			}
			stopAfter = true
		}
	}
	if binaryMatched && g.out.err == nil {
		g.out.Flush()
		fmt.Fprintf(c.Stderr, "grep: %s: binary file matches\n", name)
	}
	g.fileDone(name, count)
}

// fileDone prints what -c, -l and -L print for a file.
func (g *grepState) fileDone(name string, count int64) {
	switch {
	case g.quiet:
	case g.listMatch || g.listNon:
		if (count > 0) == g.listMatch {
			g.printName(name)
			g.listEnd()
		}
	case g.count:
		if g.withName > 0 {
			g.printName(name)
			if g.nullName {
				g.out.WriteByte(0)
			} else {
				g.printSep(':')
			}
		}
		g.out.WriteString(strconv.FormatInt(count, 10))
		g.out.WriteByte('\n')
	}
	if g.lineBuffered {
		g.out.Flush()
	}
}

func (g *grepState) listEnd() {
	if g.nullName {
		g.out.WriteByte(0)
	} else {
		g.out.WriteByte('\n')
	}
}

func (g *grepState) printName(name string) {
	if g.color {
		g.out.WriteString(sgrFile + name + sgrEnd)
	} else {
		g.out.WriteString(name)
	}
}

func (g *grepState) printSep(sep byte) {
	if g.color {
		g.out.WriteString(sgrSep)
		g.out.WriteByte(sep)
		g.out.WriteString(sgrEnd)
	} else {
		g.out.WriteByte(sep)
	}
}

func (g *grepState) printNum(n int64, width int) {
	s := strconv.FormatInt(n, 10)
	for i := len(s); i < width; i++ {
		s = " " + s
	}
	if g.color {
		g.out.WriteString(sgrNum + s + sgrEnd)
	} else {
		g.out.WriteString(s)
	}
}

// printHead prints the prefix of an output line: file name, line number
// and byte offset, each followed by sep.
func (g *grepState) printHead(name string, num, off int64, sep byte, width int, nonEmpty bool) {
	if g.withName > 0 {
		g.printName(name)
		if g.nullName {
			g.out.WriteByte(0)
		} else {
			g.printSep(sep)
		}
	}
	if g.lineNum {
		g.printNum(num, width)
		g.printSep(sep)
	}
	if g.byteOff {
		g.printNum(off, width)
		g.printSep(sep)
	}
	if g.tab && (g.withName > 0 || g.lineNum || g.byteOff) && nonEmpty {
		g.out.WriteByte('\t')
	}
}

// printLine prints a selected (sep ':') or context (sep '-') line as GNU's
// print_line does, with -o and colours.
func (g *grepState) printLine(name string, num, off int64, text []byte, sep byte, width int) {
	matching := (sep == ':') != g.invert
	if g.only {
		if !matching {
			return
		}
		g.m.each(text, func(s, e int) bool {
			if s == e {
				return true
			}
			g.printHead(name, num, off+int64(s), sep, width, true)
			if g.color {
				g.out.WriteString(sgrMatch)
				g.out.Write(text[s:e])
				g.out.WriteString(sgrEnd)
			} else {
				g.out.Write(text[s:e])
			}
			g.out.WriteByte(g.eol)
			return true
		})
		return
	}
	g.printHead(name, num, off, sep, width, len(text) > 0)
	if g.color && matching {
		pos := 0
		g.m.each(text, func(s, e int) bool {
			if s == e {
				return true
			}
			g.out.Write(text[pos:s])
			g.out.WriteString(sgrMatch)
			g.out.Write(text[s:e])
			g.out.WriteString(sgrEnd)
			pos = e
			return true
		})
		g.out.Write(text[pos:])
	} else {
		g.out.Write(text)
	}
	g.out.WriteByte(g.eol)
}
