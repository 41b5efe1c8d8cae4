package builtins

// sort, as GNU's in the C locale (byte order): -b -d -f -g -h -i -M -n -R
// -r -V and --sort=WORD as global orderings or per-key modifiers, -k
// POS1[,POS2] with F.C positions, -t SEP (-t '\0' for NUL), -s, -u, -z,
// -o FILE (written after all input is read, so it may be an input), -c
// and -C (--check[=quiet|silent|diagnose-first]) with GNU's "sort:
// FILE:N: disorder: LINE", -m (a real merge: the inputs are not
// re-sorted), --files0-from=F, and GNU's last-resort whole-line
// comparison unless -s or -u. -R orders by a hash of the key with a
// random salt, as GNU's does (equal keys stay together). -S, -T,
// --parallel, --batch-size, --compress-program and --random-source are
// accepted and checked, and otherwise ignored. Not supported: --debug,
// and the obsolete +POS1 -POS2 keys ("+1" is a file name, as under
// POSIX 2008). sort holds its whole input in memory.

import (
	"bytes"
	"crypto/md5"
	"crypto/rand"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

func init() { Register("sort", sortCmd) }

var sortSpec = optSpec{
	Short: "bcCdfghik:mMno:rRsS:t:T:uVy:z",
	Long: []longOpt{
		{Name: "ignore-leading-blanks", Key: "b"},
		{Name: "check", Arg: optionalArg, Key: "check"},
		{Name: "compress-program", Arg: requiredArg, Key: "compress-program"},
		{Name: "dictionary-order", Key: "d"},
		{Name: "ignore-case", Key: "f"},
		{Name: "files0-from", Arg: requiredArg, Key: "files0-from"},
		{Name: "general-numeric-sort", Key: "g"},
		{Name: "ignore-nonprinting", Key: "i"},
		{Name: "key", Arg: requiredArg, Key: "k"},
		{Name: "merge", Key: "m"},
		{Name: "month-sort", Key: "M"},
		{Name: "numeric-sort", Key: "n"},
		{Name: "human-numeric-sort", Key: "h"},
		{Name: "version-sort", Key: "V"},
		{Name: "random-sort", Key: "R"},
		{Name: "random-source", Arg: requiredArg, Key: "random-source"},
		{Name: "sort", Arg: requiredArg, Key: "sort"},
		{Name: "output", Arg: requiredArg, Key: "o"},
		{Name: "reverse", Key: "r"},
		{Name: "stable", Key: "s"},
		{Name: "batch-size", Arg: requiredArg, Key: "batch-size"},
		{Name: "buffer-size", Arg: requiredArg, Key: "S"},
		{Name: "field-separator", Arg: requiredArg, Key: "t"},
		{Name: "temporary-directory", Arg: requiredArg, Key: "T"},
		{Name: "unique", Key: "u"},
		{Name: "zero-terminated", Key: "z"},
		{Name: "parallel", Arg: requiredArg, Key: "parallel"},
	},
	Status: 2,
	Usage: `Usage: sort [OPTION]... [FILE]...
  or:  sort [OPTION]... --files0-from=F
Write sorted concatenation of all FILE(s) to standard output.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
Ordering options:

  -b, --ignore-leading-blanks  ignore leading blanks
  -d, --dictionary-order      consider only blanks and alphanumeric characters
  -f, --ignore-case           fold lower case to upper case characters
  -g, --general-numeric-sort  compare according to general numerical value
  -i, --ignore-nonprinting    consider only printable characters
  -M, --month-sort            compare (unknown) < 'JAN' < ... < 'DEC'
  -h, --human-numeric-sort    compare human readable numbers (e.g., 2K 1G)
  -n, --numeric-sort          compare according to string numerical value
  -R, --random-sort           shuffle, but group identical keys.  See shuf(1)
      --random-source=FILE    get random bytes from FILE
  -r, --reverse               reverse the result of comparisons
      --sort=WORD             sort according to WORD:
                                general-numeric -g, human-numeric -h, month -M,
                                numeric -n, random -R, version -V
  -V, --version-sort          natural sort of (version) numbers within text

Other options:

      --batch-size=NMERGE   merge at most NMERGE inputs at once;
                            for more use temp files
  -c, --check, --check=diagnose-first  check for sorted input; do not sort
  -C, --check=quiet, --check=silent  like -c, but do not report first bad line
      --compress-program=PROG  compress temporaries with PROG;
                              decompress them with PROG -d
      --files0-from=F       read input from the files specified by
                            NUL-terminated names in file F;
                            If F is - then read names from standard input
  -k, --key=KEYDEF          sort via a key; KEYDEF gives location and type
  -m, --merge               merge already sorted files; do not sort
  -o, --output=FILE         write result to FILE instead of standard output
  -s, --stable              stabilize sort by disabling last-resort comparison
  -S, --buffer-size=SIZE    use SIZE for main memory buffer
  -t, --field-separator=SEP  use SEP instead of non-blank to blank transition
  -T, --temporary-directory=DIR  use DIR for temporaries, not $TMPDIR or /tmp;
                              multiple options specify multiple directories
      --parallel=N          change the number of sorts run concurrently to N
  -u, --unique              with -c, check for strict ordering;
                              without -c, output only the first of an equal run
  -z, --zero-terminated     line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a
field number and C a character position in the field; both are origin 1, and
the stop position defaults to the line's end.  If neither -t nor -b is in
effect, characters in a field are counted from the beginning of the preceding
whitespace.  OPTS is one or more single-letter ordering options [bdfgiMhnRrV],
which override global ordering options for that key.  If no key is given, use
the entire line as the key.  Use --debug to diagnose incorrect key usage.

SIZE may be followed by the following multiplicative suffixes:
% 1% of memory, b 1, K 1024 (default), and so on for M, G, T, P, E, Z, Y.

*** WARNING ***
The locale specified by the environment affects sort order.
Set LC_ALL=C to get the traditional sort order that uses
native byte values.
`,
}

// noPos stands for GNU's SIZE_MAX field positions: no start field (the
// key starts at the line's start) or no end field (it ends at the line's
// end).
const noPos = int(^uint(0) >> 1)

// sortKey is a key (or the global options), as GNU's struct keyfield.
type sortKey struct {
	sword, schar, eword, echar int
	skipsblanks, skipeblanks   bool
	ignore                     byte // 0, 'i' (non-printing) or 'd' (non-dictionary)
	translate                  bool // -f
	numeric, general, human    bool
	month, version, random     bool
	reverse                    bool
}

func (k *sortKey) numericKind() bool { return k.numeric || k.general || k.human }

// plain reports whether no ordering option is set (GNU's
// default_key_compare; -r does not count).
func (k *sortKey) plain() bool {
	return !(k.ignore != 0 || k.translate || k.skipsblanks || k.skipeblanks ||
		k.numericKind() || k.month || k.version || k.random)
}

// setOrdering applies ordering letters to k and returns the rest of s.
// blank says what 'b' sets: 's' start, 'e' end or 'x' both.
func (k *sortKey) setOrdering(s string, blank byte) string {
	for len(s) > 0 {
		switch s[0] {
		case 'b':
			if blank != 'e' {
				k.skipsblanks = true
			}
			if blank != 's' {
				k.skipeblanks = true
			}
		case 'd':
			k.ignore = 'd'
		case 'f':
			k.translate = true
		case 'g':
			k.general = true
		case 'h':
			k.human = true
		case 'i':
			if k.ignore == 0 {
				k.ignore = 'i'
			}
		case 'M':
			k.month = true
		case 'n':
			k.numeric = true
		case 'R':
			k.random = true
		case 'r':
			k.reverse = true
		case 'V':
			k.version = true
		default:
			return s
		}
		s = s[1:]
	}
	return s
}

// opts returns the option letters of k, as GNU's key_to_opts.
func (k *sortKey) opts() string {
	var b strings.Builder
	if k.skipsblanks || k.skipeblanks {
		b.WriteByte('b')
	}
	if k.ignore == 'd' {
		b.WriteByte('d')
	}
	if k.translate {
		b.WriteByte('f')
	}
	if k.general {
		b.WriteByte('g')
	}
	if k.human {
		b.WriteByte('h')
	}
	if k.ignore == 'i' {
		b.WriteByte('i')
	}
	if k.month {
		b.WriteByte('M')
	}
	if k.numeric {
		b.WriteByte('n')
	}
	if k.random {
		b.WriteByte('R')
	}
	if k.reverse {
		b.WriteByte('r')
	}
	if k.version {
		b.WriteByte('V')
	}
	return b.String()
}

// sorter holds the settings of one sort run.
type sorter struct {
	keys    []*sortKey
	tab     int // -1: blank-to-nonblank transitions
	reverse bool
	unique  bool
	stable  bool
	salt    []byte
	c       *Context
	calls   int
}

// sortFail is GNU sort's "die": message and status 2.
func (c *Context) sortFail(format string, args ...any) int {
	return c.Failf(2, format, args...)
}

func sortCmd(c *Context) int {
	p, err := c.parseOpts(&sortSpec)
	if err != nil {
		return exitStatus(err)
	}
	s := &sorter{tab: -1, c: c}
	var gkey sortKey
	gkey.sword, gkey.eword = noPos, noPos
	check := byte(0)
	merge := false
	outFile, hasOut := "", false
	from, hasFrom := "", false
	eol := byte('\n')
	for _, o := range p.Opts {
		switch o.Key {
		case "sort":
			v, ok := c.argMatch("--sort", o.Val, [][]string{{"general-numeric"}, {"human-numeric"}, {"month"}, {"numeric"}, {"random"}, {"version"}})
			if !ok {
				return 1
			}
			letter := map[string]string{"general-numeric": "g", "human-numeric": "h", "month": "M", "numeric": "n", "random": "R", "version": "V"}[v]
			gkey.setOrdering(letter, 'x')
		case "b", "d", "f", "g", "h", "i", "M", "n", "r", "R", "V":
			gkey.setOrdering(o.Key, 'x')
		case "check", "c", "C":
			k := byte('c')
			if o.Key == "C" {
				k = 'C'
			}
			if o.Key == "check" && o.HasVal {
				v, ok := c.argMatch("--check", o.Val, [][]string{{"quiet", "silent"}, {"diagnose-first"}})
				if !ok {
					return 1
				}
				if v == "quiet" {
					k = 'C'
				}
			}
			if check != 0 && check != k {
				return c.sortFail("options '-cC' are incompatible")
			}
			check = k
		case "files0-from":
			from, hasFrom = o.Val, true
		case "k":
			k, msg := parseSortKey(o.Val)
			if msg != "" {
				return c.sortFail("%s", msg)
			}
			s.keys = append(s.keys, k)
		case "m":
			merge = true
		case "o":
			if hasOut && outFile != o.Val {
				return c.sortFail("multiple output files specified")
			}
			outFile, hasOut = o.Val, true
		case "s":
			s.stable = true
		case "S":
			if msg := sortSizeArg(o.Val); msg != "" {
				return c.sortFail("%s", msg)
			}
		case "t":
			if o.Val == "" {
				return c.sortFail("empty tab")
			}
			t := int(o.Val[0])
			if len(o.Val) > 1 {
				if o.Val != `\0` {
					return c.sortFail("multi-character tab %s", quote(o.Val))
				}
				t = 0
			}
			if s.tab != -1 && s.tab != t {
				return c.sortFail("incompatible tabs")
			}
			s.tab = t
		case "u":
			s.unique = true
		case "z":
			eol = 0
		case "parallel":
			n, e := parseSuffixed(o.Val, "", false)
			if e == sizeInvalid {
				c.Errorf("invalid --parallel argument %s", quote(o.Val))
				c.tryHelp()
				return 2
			}
			if n == 0 && e == sizeOK {
				return c.sortFail("number in parallel must be nonzero")
			}
		case "batch-size":
			n, e := parseSuffixed(o.Val, "", false)
			if e == sizeInvalid {
				c.Errorf("invalid --batch-size argument %s", quote(o.Val))
				c.tryHelp()
				return 2
			}
			if n < 2 && e == sizeOK {
				c.Errorf("invalid --batch-size argument %s", quote(o.Val))
				fmt.Fprintf(c.Stderr, "%s: minimum --batch-size argument is '2'\n", c.Name())
				c.tryHelp()
				return 2
			}
		case "T", "y", "compress-program", "random-source":
		}
	}
	files := p.Operands
	if hasFrom {
		if len(files) > 0 {
			c.Errorf("extra operand %s", quote(files[0]))
			fmt.Fprintln(c.Stderr, "file operands cannot be combined with --files0-from")
			c.tryHelp()
			return 2
		}
		names, status := c.sortReadNames(from)
		if status != 0 {
			return status
		}
		files = names
	}
	for _, k := range s.keys {
		if k.plain() && !k.reverse {
			sw, sc, ew, ec := k.sword, k.schar, k.eword, k.echar
			*k = gkey
			k.sword, k.schar, k.eword, k.echar = sw, sc, ew, ec
		}
	}
	if len(s.keys) == 0 && !gkey.plain() {
		g := gkey
		s.keys = append(s.keys, &g)
	}
	for _, k := range s.keys {
		n := b2i(k.random) + b2i(k.numeric) + b2i(k.general) + b2i(k.month) + b2i(k.version) + b2i(k.ignore != 0) + b2i(k.human)
		if n > 1 || (k.random && k.translate) {
			x := *k
			x.skipsblanks, x.skipeblanks, x.reverse = false, false, false
			return c.sortFail("options '-%s' are incompatible", x.opts())
		}
		if k.random && s.salt == nil {
			s.salt = make([]byte, 16)
			rand.Read(s.salt)
		}
	}
	s.reverse = gkey.reverse
	if len(files) == 0 {
		files = []string{"-"}
	}
	if check != 0 {
		if len(files) > 1 {
			return c.sortFail("extra operand %s not allowed with -%c", quote(files[1]), check)
		}
		if hasOut {
			return c.sortFail("options '-%co' are incompatible", check)
		}
		return s.check(files[0], check, eol)
	}
	// GNU checks that every input can be read before it starts.
	for _, f := range files {
		if f == "-" {
			continue
		}
		if _, err := c.stat(f); err != nil {
			return c.sortFail("cannot read: %s: %s", quoteIf(f), ErrText(err))
		}
	}
	var inputs [][][]byte
	for _, f := range files {
		lines, err := c.sortReadAll(f, eol)
		if err != nil {
			if c.Canceled() {
				return 2
			}
			return c.sortFail("read failed: %s: %s", quoteIf(f), ErrText(err))
		}
		inputs = append(inputs, lines)
	}
	var lines [][]byte
	if merge {
		lines = s.merge(inputs)
	} else {
		for _, in := range inputs {
			lines = append(lines, in...)
		}
		sort.SliceStable(lines, func(i, j int) bool { return s.compare(lines[i], lines[j]) < 0 })
	}
	if c.Canceled() {
		return 2
	}
	var w io.Writer
	var closer io.Closer
	if hasOut {
		f, err := c.FS.OpenFile(c.fsPath(outFile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return c.sortFail("open failed: %s: %s", quoteIf(outFile), ErrText(err))
		}
		w, closer = f, f
	} else {
		sc, _ := c.withStickyStdout()
		c = sc
		w = c.Stdout
	}
	out := newErrWriter(w)
	var last []byte
	for i, l := range lines {
		if s.unique && i > 0 && s.compare(last, l) == 0 {
			continue
		}
		last = l
		out.Write(l)
		out.WriteByte(eol)
		if out.err != nil {
			break
		}
	}
	werr := out.Flush()
	if closer != nil {
		if err := closer.Close(); werr == nil {
			werr = err
		}
	}
	if werr != nil {
		if hasOut {
			return c.sortFail("write failed: %s: %s", quoteIf(outFile), ErrText(werr))
		}
		c.writeFailed(werr)
		return 2
	}
	return 0
}

// sortSizeArg checks a -S argument; it returns GNU's message or "".
func sortSizeArg(v string) string {
	i := 0
	for i < len(v) && isDigit(v[i]) {
		i++
	}
	if i == 0 {
		return fmt.Sprintf("invalid -S argument %s", quote(v))
	}
	rest := v[i:]
	if rest == "" || (len(rest) == 1 && strings.ContainsRune("%bkKmMgGtTPEZY", rune(rest[0]))) {
		return ""
	}
	return fmt.Sprintf("invalid suffix in -S argument %s", quote(v))
}

// parseSortKey parses a -k KEYDEF; it returns GNU's message on error.
func parseSortKey(spec string) (*sortKey, string) {
	k := &sortKey{}
	bad := func(msg string) (*sortKey, string) {
		return nil, fmt.Sprintf("%s: invalid field specification %s", msg, quote(spec))
	}
	count := func(s, msg string) (int, string, string) {
		i := 0
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == 0 {
			return 0, "", fmt.Sprintf("%s: invalid count at start of %s", msg, quote(s))
		}
		n := 0
		for _, ch := range s[:i] {
			if n > (noPos-9)/10 {
				n = noPos
				break
			}
			n = n*10 + int(ch-'0')
		}
		return n, s[i:], ""
	}
	n, s, msg := count(spec, "invalid number at field start")
	if msg != "" {
		return nil, msg
	}
	if n == 0 {
		return bad("field number is zero")
	}
	k.sword = n - 1
	if strings.HasPrefix(s, ".") {
		n, s, msg = count(s[1:], "invalid number after '.'")
		if msg != "" {
			return nil, msg
		}
		if n == 0 {
			return bad("character offset is zero")
		}
		k.schar = n - 1
	}
	if k.sword == 0 && k.schar == 0 {
		k.sword = noPos
	}
	s = k.setOrdering(s, 's')
	if !strings.HasPrefix(s, ",") {
		k.eword, k.echar = noPos, 0
	} else {
		n, s, msg = count(s[1:], "invalid number after ','")
		if msg != "" {
			return nil, msg
		}
		if n == 0 {
			return bad("field number is zero")
		}
		k.eword = n - 1
		if strings.HasPrefix(s, ".") {
			n, s, msg = count(s[1:], "invalid number after '.'")
			if msg != "" {
				return nil, msg
			}
			k.echar = n
		}
		s = k.setOrdering(s, 'e')
	}
	if s != "" {
		return bad("stray character in field spec")
	}
	return k, ""
}

// sortReadNames reads the names of --files0-from.
func (c *Context) sortReadNames(from string) ([]string, int) {
	r, err := c.openInput(from)
	if err != nil {
		return nil, c.sortFail("cannot open %s for reading: %s", quote(from), ErrText(err))
	}
	data, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return nil, c.sortFail("cannot read file names from %s: %s", quote(from), ErrText(err))
	}
	if len(data) == 0 {
		return nil, c.sortFail("no input from %s", quote(from))
	}
	data = bytes.TrimSuffix(data, []byte{0})
	var names []string
	for i, n := range bytes.Split(data, []byte{0}) {
		switch {
		case from == "-" && string(n) == "-":
			return nil, c.sortFail("when reading file names from stdin, no file name of %s allowed", quote("-"))
		case len(n) == 0:
			return nil, c.sortFail("%s:%d: invalid zero-length file name", quoteColon(from), i+1)
		}
		names = append(names, string(n))
	}
	return names, 0
}

// sortReadAll reads the lines of the input name, without their ends.
func (c *Context) sortReadAll(name string, eol byte) ([][]byte, error) {
	r, err := c.openInput(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	rr := newLineReader(r, eol)
	var lines [][]byte
	for {
		if c.Canceled() {
			return nil, c.Ctx.Err()
		}
		line, err := rr.next()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return nil, err
		}
		if n := len(line); line[n-1] == eol {
			line = line[:n-1]
		}
		lines = append(lines, append([]byte(nil), line...))
	}
}

// check implements -c and -C.
func (s *sorter) check(name string, mode byte, eol byte) int {
	c := s.c
	r, err := c.openInput(name)
	if err != nil {
		return c.sortFail("open failed: %s: %s", quoteIf(name), ErrText(err))
	}
	defer r.Close()
	rr := newLineReader(r, eol)
	var prev []byte
	n := 0
	limit := 1 // a disorder is compare >= limit
	if s.unique {
		limit = 0
	}
	for {
		if c.Canceled() {
			return 2
		}
		line, err := rr.next()
		if err == io.EOF {
			return 0
		}
		if err != nil {
			return c.sortFail("read failed: %s: %s", quoteIf(name), ErrText(err))
		}
		if k := len(line); line[k-1] == eol {
			line = line[:k-1]
		}
		n++
		if n > 1 && s.compare(prev, line) >= limit {
			if mode == 'c' {
				fmt.Fprintf(c.Stderr, "%s: %s:%d: disorder: %s\n", c.Name(), name, n, line)
			}
			return 1
		}
		prev = append(prev[:0], line...)
	}
}

// merge merges the inputs as GNU's mergefps: the smallest head line
// first, ties to the earlier input.
func (s *sorter) merge(inputs [][][]byte) [][]byte {
	var out [][]byte
	pos := make([]int, len(inputs))
	for {
		best := -1
		for i, in := range inputs {
			if pos[i] >= len(in) {
				continue
			}
			if best < 0 || s.compare(in[pos[i]], inputs[best][pos[best]]) < 0 {
				best = i
			}
		}
		if best < 0 || s.c.Canceled() {
			return out
		}
		out = append(out, inputs[best][pos[best]])
		pos[best]++
	}
}

// compare is GNU sort's compare: the keys, then unless -s or -u the
// whole lines.
func (s *sorter) compare(a, b []byte) int {
	s.calls++
	if s.calls&0xfff == 0 && s.c.Canceled() {
		return 0
	}
	if len(s.keys) > 0 {
		d := s.keyCompare(a, b)
		if d != 0 || s.unique || s.stable {
			return d
		}
	}
	d := bytes.Compare(a, b)
	if s.reverse {
		return -d
	}
	return d
}

// begField returns where the key k starts in line, as GNU's begfield.
func (s *sorter) begField(line []byte, k *sortKey) int {
	ptr, lim := 0, len(line)
	sword := k.sword
	if s.tab != -1 {
		for ptr < lim && sword > 0 {
			sword--
			for ptr < lim && int(line[ptr]) != s.tab {
				ptr++
			}
			if ptr < lim {
				ptr++
			}
		}
	} else {
		for ptr < lim && sword > 0 {
			sword--
			for ptr < lim && isSortBlank(line[ptr]) {
				ptr++
			}
			for ptr < lim && !isSortBlank(line[ptr]) {
				ptr++
			}
		}
	}
	if k.skipsblanks {
		for ptr < lim && isSortBlank(line[ptr]) {
			ptr++
		}
	}
	if k.schar > lim-ptr {
		return lim
	}
	return ptr + k.schar
}

// limField returns where the key k ends in line, as GNU's limfield.
func (s *sorter) limField(line []byte, k *sortKey) int {
	ptr, lim := 0, len(line)
	eword, echar := k.eword, k.echar
	if echar == 0 {
		eword++
	}
	if s.tab != -1 {
		for ptr < lim && eword > 0 {
			eword--
			for ptr < lim && int(line[ptr]) != s.tab {
				ptr++
			}
			if ptr < lim && (eword > 0 || echar != 0) {
				ptr++
			}
		}
	} else {
		for ptr < lim && eword > 0 {
			eword--
			for ptr < lim && isSortBlank(line[ptr]) {
				ptr++
			}
			for ptr < lim && !isSortBlank(line[ptr]) {
				ptr++
			}
		}
	}
	if echar != 0 {
		if k.skipeblanks {
			for ptr < lim && isSortBlank(line[ptr]) {
				ptr++
			}
		}
		if echar > lim-ptr {
			return lim
		}
		ptr += echar
	}
	return ptr
}

// keySpan returns the bytes of key k in line.
func (s *sorter) keySpan(line []byte, k *sortKey) []byte {
	lim := len(line)
	if k.eword != noPos {
		lim = s.limField(line, k)
	}
	beg := 0
	if k.sword != noPos {
		beg = s.begField(line, k)
	} else if k.skipsblanks {
		for beg < lim && isSortBlank(line[beg]) {
			beg++
		}
	}
	if lim < beg {
		lim = beg
	}
	return line[beg:lim]
}

// keyCompare compares a and b on every key in turn.
func (s *sorter) keyCompare(a, b []byte) int {
	for _, k := range s.keys {
		ta, tb := s.keySpan(a, k), s.keySpan(b, k)
		var d int
		switch {
		case k.random:
			d = s.randomCompare(ta, tb)
		case k.numeric:
			d = numCompare(ta, tb)
		case k.general:
			d = generalCompare(ta, tb)
		case k.human:
			d = humanCompare(ta, tb)
		case k.version:
			d = filevercmp(ta, tb)
		case k.month:
			d = sortMonth(ta) - sortMonth(tb)
		case k.ignore != 0:
			d = ignoreCompare(ta, tb, k.ignore, k.translate)
		case len(ta) == 0:
			d = -b2i(len(tb) != 0)
		case len(tb) == 0:
			d = 1
		case k.translate:
			d = ignoreCompare(ta, tb, 0, true)
		default:
			d = bytes.Compare(ta, tb)
		}
		if d != 0 {
			if k.reverse {
				return -d
			}
			return d
		}
	}
	return 0
}

// sortSkip reports whether c is ignored by -d or -i.
func sortSkip(c byte, ignore byte) bool {
	switch ignore {
	case 'i':
		return c < 0x20 || c >= 0x7f
	case 'd':
		alnum := isDigit(c) || isAlpha(c)
		return !alnum && !isSortBlank(c)
	}
	return false
}

func toUpperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// ignoreCompare compares byte by byte, skipping ignored bytes and folding
// case with fold.
func ignoreCompare(a, b []byte, ignore byte, fold bool) int {
	i, j := 0, 0
	for {
		for i < len(a) && sortSkip(a[i], ignore) {
			i++
		}
		for j < len(b) && sortSkip(b[j], ignore) {
			j++
		}
		if i >= len(a) || j >= len(b) {
			break
		}
		x, y := a[i], b[j]
		if fold {
			x, y = toUpperASCII(x), toUpperASCII(y)
		}
		if x != y {
			return int(x) - int(y)
		}
		i++
		j++
	}
	return b2i(i < len(a)) - b2i(j < len(b))
}

// randomCompare orders keys by a salted hash; equal keys compare equal.
func (s *sorter) randomCompare(a, b []byte) int {
	ha := md5.Sum(append(append([]byte(nil), s.salt...), a...))
	hb := md5.Sum(append(append([]byte(nil), s.salt...), b...))
	if d := bytes.Compare(ha[:], hb[:]); d != 0 {
		return d
	}
	return bytes.Compare(a, b)
}
