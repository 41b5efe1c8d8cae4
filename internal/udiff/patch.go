package udiff

// Reading patches the way GNU patch 2.7 does: unified, context (old and
// new style) and normal diffs, with the headers of diff -u/-c, "Index:"
// lines and git's extended headers (diff --git, new/deleted file mode,
// old/new mode, rename/copy from/to, index, GIT binary patch). Ed scripts
// are not recognised. The reading follows GNU's pch.c: the same
// intuition of the diff type, the same handling of leading garbage,
// "- " (RFC 934) prefixes, indentation, CRLF lines, "#" comment lines and
// "\ No newline at end of file" markers, and the same fatal messages.

import (
	"fmt"
	"strings"
	"time"
)

// Format is the kind of a diff.
type Format int

// Diff formats.
const (
	NoDiff Format = iota
	ContextDiff
	NormalDiff
	EdDiff
	NewContextDiff
	UnifiedDiff
	GitBinaryDiff
)

// Name indexes of FilePatch.Names.
const (
	OldName   = 0
	NewName   = 1
	IndexName = 2
)

// FilePatch is the header of one file's patch as Parser.Next finds it.
type FilePatch struct {
	Format Format
	// Names are the old, new and "Index:" names, stripped as the parser's
	// Strip says; "" when absent, "/dev/null", or without enough slashes
	// to strip.
	Names [3]string
	// TimeStr is the text after each name (a time stamp), for rejects.
	TimeStr [2]string
	// Nonexistent says, for the old and the new file, 0 if the patch
	// says it exists, 1 if it is probably empty, 2 if it does not exist
	// (GNU's p_says_nonexistent).
	Nonexistent [2]int
	// Git is set for "diff --git" patches; Mode holds their file modes
	// (type and permission bits, 0 if unknown).
	Git  bool
	Mode [2]uint32
	// Rename and Copy are set by git's rename/copy from/to lines.
	Rename, Copy bool
	// Line is the line of the patch where the diff starts (for
	// messages).
	Line int
	// Indent is the indentation of the patch, and StripCR says it has
	// CRLF line ends.
	Indent  int
	StripCR bool

	from int // where the search for it started
}

// HunkLine is one line of a hunk: Op is '*' (the old range line), '='
// (the new range line), ' ' (context), '-', '+' or '!' (changed), and
// Text the line with its newline (none for an incomplete last line).
type HunkLine struct {
	Op   byte
	Text string
}

// Hunk is one hunk of a patch in GNU's layout: Lines[0] is the old range
// line, Lines[1:PtrnLines+1] are the old lines, Lines[PtrnLines+1] the
// new range line and the rest the new lines.
type Hunk struct {
	First, PtrnLines    int // first old line (1-based) and old line count
	NewFirst, ReplLines int // the same for the new lines
	// PrefixContext and SuffixContext count the context lines before
	// the first and after the last change.
	PrefixContext, SuffixContext int
	// Function is the text after "@@ -a,b +c,d @@" or "***************";
	// HasFunction tells an empty one from none.
	Function    string
	HasFunction bool
	// Line is where the hunk starts in the patch.
	Line  int
	Lines []HunkLine
}

// Old returns the old lines of h (context, '-' and '!' lines).
func (h *Hunk) Old() []HunkLine { return h.Lines[1 : h.PtrnLines+1] }

// New returns the new lines of h.
func (h *Hunk) New() []HunkLine { return h.Lines[h.PtrnLines+2:] }

// Error is a fatal error in a patch; Msg is GNU's text (printed after
// "patch: **** ").
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func fatalf(format string, a ...any) *Error { return &Error{Msg: fmt.Sprintf(format, a...)} }

// Parser reads the file patches of a patch text one at a time, as GNU
// patch does.
type Parser struct {
	// Strip is the -p count: how many leading components to strip from
	// names; negative strips all but the last.
	Strip int
	// Format, if not NoDiff, is the format of the first patch (-c, -u, -n).
	Format Format
	// Say receives the notes GNU patch prints on stdout while reading
	// ("patch unexpectedly ends in middle of line").
	Say func(string)

	lines   []string
	pos     int // index of the next line; also the number of lines read
	base    int // where the next intuition starts
	cur     *FilePatch
	rfc934  int
	passCom bool
}

// NewParser returns a parser of text.
func NewParser(text string) *Parser {
	return &Parser{lines: Split(text), Strip: -1}
}

func (p *Parser) say(format string, a ...any) {
	if p.Say != nil {
		p.Say(fmt.Sprintf(format, a...))
	}
}

// getLine reads the next line of the patch as GNU's pget_line does. It
// returns false at the end of the patch or at an incomplete last line.
func (p *Parser) getLine(indent, nesting int, stripCR, passComments bool) (string, bool) {
	for {
		if p.pos >= len(p.lines) {
			return "", false
		}
		l := p.lines[p.pos]
		p.pos++
		if !strings.HasSuffix(l, "\n") {
			p.say("patch unexpectedly ends in middle of line\n")
			return "", false
		}
		col, i := 0, 0
		for i < len(l)-1 && col < indent {
			switch l[i] {
			case ' ', 'X':
				col++
			case '\t':
				col = (col + 8) &^ 7
			default:
				col = indent
				continue
			}
			i++
		}
		l = l[i:]
		for n := nesting; n > 0 && strings.HasPrefix(l, "- "); n-- {
			l = l[2:]
		}
		if strings.HasPrefix(l, "#") && !passComments {
			continue
		}
		if stripCR && strings.HasSuffix(l, "\r\n") {
			l = l[:len(l)-2] + "\n"
		}
		return l, true
	}
}

func (p *Parser) hunkLine() (string, bool) {
	fp := p.cur
	return p.getLine(fp.Indent, p.rfc934, fp.StripCR, p.passCom)
}

// incompleteLine consumes a "\ No newline at end of file" line if one
// follows, as GNU's incomplete_line does.
func (p *Parser) incompleteLine() bool {
	if p.pos < len(p.lines) && strings.HasPrefix(p.lines[p.pos], "\\") {
		p.pos++
		return true
	}
	return false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// at returns s[i], or 0 past its end (C strings end in NUL).
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// Done reports whether the patch was read to its end (after at least
// one file patch).
func (p *Parser) Done() bool { return p.base != 0 && p.base >= len(p.lines) }

// AtStart reports whether no file patch was found yet.
func (p *Parser) AtStart() bool { return p.base == 0 }

// Next finds the next file patch. It returns nil at the end of the
// patch, and an *Error with "Only garbage was found in the patch input."
// when the first search finds nothing in a non-empty patch. needHeader
// says file name headers are needed (no file was named on the command
// line).
func (p *Parser) Next(needHeader bool) (*FilePatch, error) {
	if p.base != 0 && p.base >= len(p.lines) {
		return nil, nil
	}
	fp := p.intuit(needHeader)
	p.Format = NoDiff
	if fp.Format == NoDiff {
		if p.base == 0 && len(p.lines) > 0 {
			return nil, &Error{Msg: "Only garbage was found in the patch input."}
		}
		return nil, nil
	}
	p.cur = fp
	p.pos = fp.Line - 1
	return fp, nil
}

// stripName removes leading components as GNU's strip_leading_slashes
// does; ok is false when name has too few slashes.
func stripName(name string, strip int) (string, bool) {
	n := 0
	s := strip
	for i := 0; i < len(name); i++ {
		if name[i] == '/' {
			for i+1 < len(name) && name[i+1] == '/' {
				i++
			}
			if strip < 0 {
				n = i + 1
			} else {
				s--
				if s >= 0 {
					n = i + 1
				}
			}
		}
	}
	if (strip < 0 || s <= 0) && n < len(name) {
		return name[n:], true
	}
	return "", false
}

// parseCString reads a C-quoted name as GNU's parse_c_string does.
func parseCString(s string) (name, rest string, ok bool) {
	var b []byte
	i := 1
	for {
		if i >= len(s) {
			return "", "", false
		}
		c := s[i]
		i++
		if c == '"' {
			return string(b), s[i:], true
		}
		if c != '\\' {
			b = append(b, c)
			continue
		}
		c = at(s, i)
		i++
		switch c {
		case 'a':
			c = '\a'
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		case 'v':
			c = '\v'
		case '\\', '"':
		case '0', '1', '2', '3':
			d1, d2 := at(s, i), at(s, i+1)
			if d1 < '0' || d1 > '7' || d2 < '0' || d2 > '7' {
				return "", "", false
			}
			c = (c-'0')<<6 | (d1-'0')<<3 | (d2 - '0')
			i += 2
			if c == 0 {
				return "", "", false
			}
		default:
			return "", "", false
		}
		b = append(b, c)
	}
}

// fetchName reads the name of a header line as GNU's fetchname does; at
// is the text after the tag. stamped says a time may follow (---, +++,
// ***). It returns the name ("" if ignored), the time text, and
// whether a time stamp was seen and whether it is the epoch (or the name
// is /dev/null).
func fetchName(at string, strip int, stamped bool) (name, timestr string, hasStamp, epoch bool) {
	for len(at) > 0 && isSpace(at[0]) {
		at = at[1:]
	}
	var t string
	if strings.HasPrefix(at, "\"") {
		n, rest, ok := parseCString(at)
		if !ok {
			return "", "", false, false
		}
		name, t = n, rest
	} else {
		i := 0
		for ; i < len(at); i++ {
			if isSpace(at[i]) {
				u := i
				for at[u] != '\t' && u+1 < len(at) && isSpace(at[u+1]) {
					u++
				}
				want := byte('\n')
				if stamped {
					want = '\t'
				}
				if at[u] != '\t' && strings.IndexByte(at[u+1:], want) >= 0 {
					continue
				}
				break
			}
		}
		name, t = at[:i], at[i:]
	}
	if name == "/dev/null" {
		return "", "", true, true
	}
	name, ok := stripName(name, strip)
	if !ok {
		return "", "", false, false
	}
	timestr = strings.TrimSuffix(strings.TrimSuffix(t, "\n"), "\r")
	if t != "\n" && t != "" && stamped {
		if ts, ok := parseStamp(strings.TrimSpace(t)); ok {
			hasStamp = true
			epoch = ts > -25*3600 && ts < 26*3600
		}
	}
	return name, timestr, hasStamp, epoch
}

// parseStamp reads the time stamps diff writes: "2024-01-02
// 03:04:05.123456789 +0100" (diff -u) and "Tue Jan  2 03:04:05 2024"
// (diff -c of old). It returns the Unix time.
func parseStamp(s string) (int64, bool) {
	for _, layout := range []string{
		"2006-01-02 15:04:05.999999999 -0700",
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05.999999999",
		"2006-01-02 15:04:05",
		"Mon Jan _2 15:04:05 2006",
		"Mon Jan _2 15:04:05.999999999 2006",
		"Mon Jan _2 15:04:05 2006 -0700",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Unix(), true
		}
	}
	return 0, false
}

// parseGitName reads one name of a "diff --git" line as GNU's
// parse_name does.
func parseGitName(s string, strip int) (name, rest string, ok bool) {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	if strings.HasPrefix(s, "\"") {
		name, rest, ok = parseCString(s)
		if !ok {
			return "", "", false
		}
	} else {
		i := 0
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		name, rest = s[:i], s[i:]
	}
	name, ok = stripName(name, strip)
	return name, rest, ok
}

// fetchMode reads a git mode ("100644"); 0 if it is not one patch knows.
func fetchMode(s string) uint32 {
	for len(s) > 0 && isSpace(s[0]) && s[0] != '\n' {
		s = s[1:]
	}
	if len(s) < 6 {
		return 0
	}
	var m uint32
	for i := 0; i < 6; i++ {
		if s[i] < '0' || s[i] > '7' {
			return 0
		}
		m = m<<3 | uint32(s[i]-'0')
	}
	r := s[6:]
	r = strings.TrimPrefix(r, "\r")
	if r != "\n" {
		return 0
	}
	switch m >> 9 {
	case 0o100, 0o120:
	default:
		return 0
	}
	return m&0o170000 | m&0o777
}

// ModeRegular and ModeSymlink are the file types of FilePatch.Mode.
const (
	ModeRegular = 0o100000
	ModeSymlink = 0o120000
)

func skipHex(s string) (int, bool) {
	i := 0
	for i < len(s) && (isDigit(s[i]) || s[i] >= 'a' && s[i] <= 'f') {
		i++
	}
	return i, i > 0
}

func sha1Nonexistent(h string) int {
	if strings.Trim(h, "0") == "" {
		return 2
	}
	if strings.HasPrefix("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", h) {
		return 1
	}
	return 0
}

// commandLine reports whether s is a normal diff command ("3,4c5").
func commandLine(s string) bool {
	if !isDigit(at(s, 0)) {
		return false
	}
	t := 1
	for isDigit(at(s, t)) || at(s, t) == ',' {
		t++
	}
	if c := at(s, t); c != 'd' && c != 'c' && c != 'a' {
		return false
	}
	t++
	for isDigit(at(s, t)) || at(s, t) == ',' {
		t++
	}
	for isBlank(at(s, t)) {
		t++
	}
	if at(s, t) == '\r' {
		t++
	}
	return at(s, t) == '\n'
}

// intuit is GNU's intuit_diff_type without the choice of the file.
func (p *Parser) intuit(needHeader bool) *FilePatch {
	fp := &FilePatch{from: p.base}
	if p.Format == EdDiff || p.Format == NormalDiff {
		needHeader = false
	}
	var rename, copy [2]bool
	extended := false
	p.pos = p.base
	thisLine := p.pos
	firstCommand := -1
	isCommand, stars := false, false
	indent := 0
	diffType := p.Format
	var newName, oldName string
	var newTime, oldTime string
	var newStamp, oldStamp struct{ has, epoch bool }
	finish := func(f Format, start int) *FilePatch {
		fp.Format = f
		fp.Line = start + 1
		fp.Rename = rename[0] && rename[1]
		fp.Copy = copy[0] && copy[1]
		return fp
	}
	for {
		prevLine := thisLine
		lastCommand := isCommand
		starsLast := stars
		indentLast := indent
		indent = 0
		thisLine = p.pos
		line, ok := p.getLine(0, 0, false, false)
		if !ok {
			if extended {
				fp.Names[OldName], fp.Names[NewName] = oldName, newName
				return finish(UnifiedDiff, thisLine)
			}
			return finish(NoDiff, thisLine)
		}
		stripCR := strings.HasSuffix(line, "\r\n")
		i := 0
		for i < len(line) && (isBlank(line[i]) || line[i] == 'X') {
			if line[i] == '\t' {
				indent = (indent + 8) &^ 7
			} else {
				indent++
			}
			i++
		}
		s := line[i:]
		isCommand = commandLine(s)
		if !needHeader && firstCommand < 0 && isCommand {
			firstCommand = thisLine
			fp.Indent = indent
			fp.StripCR = stripCR
		}
		switch {
		case !starsLast && strings.HasPrefix(s, "***") && isBlank(at(s, 3)):
			oldName, oldTime, oldStamp.has, oldStamp.epoch = fetchName(s[4:], p.Strip, true)
			needHeader = false
		case strings.HasPrefix(s, "+++") && isBlank(at(s, 3)):
			oldName, oldTime, oldStamp.has, oldStamp.epoch = fetchName(s[4:], p.Strip, true)
			needHeader = false
			fp.StripCR = stripCR
		case strings.HasPrefix(s, "Index:"):
			fp.Names[IndexName], _, _, _ = fetchName(s[6:], p.Strip, false)
			needHeader = false
			fp.StripCR = stripCR
		case strings.HasPrefix(s, "Prereq:"):
		case strings.HasPrefix(s, "diff --git "):
			if extended {
				fp.Names[OldName], fp.Names[NewName] = oldName, newName
				return finish(UnifiedDiff, thisLine)
			}
			oldName, newName = "", ""
			if a, rest, ok := parseGitName(s[11:], p.Strip); ok && rest != "" && isSpace(rest[0]) {
				if b, rest2, ok := parseGitName(rest, p.Strip); ok && strings.TrimSpace(rest2) == "" {
					oldName, newName = a, b
				}
			}
			fp.Git = true
			needHeader = false
		case fp.Git && strings.HasPrefix(s, "index "):
			u, ok := skipHex(s[6:])
			if ok && strings.HasPrefix(s[6+u:], "..") {
				v, ok2 := skipHex(s[6+u+2:])
				rest := s[6+u+2+v:]
				if ok2 && (rest == "" || isSpace(rest[0])) {
					fp.Nonexistent[OldName] = sha1Nonexistent(s[6 : 6+u])
					fp.Nonexistent[NewName] = sha1Nonexistent(s[6+u+2 : 6+u+2+v])
					if r := strings.TrimLeft(rest, " \t\n\r\v\f"); r != "" {
						m := fetchMode(rest)
						fp.Mode[0], fp.Mode[1] = m, m
					}
					extended = true
				}
			}
		case fp.Git && strings.HasPrefix(s, "old mode "):
			fp.Mode[0] = fetchMode(s[9:])
			extended = true
		case fp.Git && strings.HasPrefix(s, "new mode "):
			fp.Mode[1] = fetchMode(s[9:])
			extended = true
		case fp.Git && strings.HasPrefix(s, "deleted file mode "):
			fp.Mode[0] = fetchMode(s[18:])
			fp.Nonexistent[NewName] = 2
			extended = true
		case fp.Git && strings.HasPrefix(s, "new file mode "):
			fp.Mode[1] = fetchMode(s[14:])
			fp.Nonexistent[OldName] = 2
			extended = true
		case fp.Git && strings.HasPrefix(s, "rename from "):
			rename[0], extended = true, true
		case fp.Git && strings.HasPrefix(s, "rename to "):
			rename[1], extended = true, true
		case fp.Git && strings.HasPrefix(s, "copy from "):
			copy[0], extended = true, true
		case fp.Git && strings.HasPrefix(s, "copy to "):
			copy[1], extended = true, true
		case fp.Git && strings.HasPrefix(s, "GIT binary patch"):
			fp.Names[OldName], fp.Names[NewName] = oldName, newName
			return finish(GitBinaryDiff, thisLine)
		default:
			t := s
			nest := 0
			for strings.HasPrefix(t, "- ") {
				t = t[2:]
				nest++
			}
			if strings.HasPrefix(t, "---") && isBlank(at(t, 3)) {
				var st struct{ has, epoch bool }
				newName, newTime, st.has, st.epoch = fetchName(t[4:], p.Strip, true)
				needHeader = false
				if st.has {
					newStamp = st
					p.rfc934 = nest
				} else if st.epoch {
					newStamp = st
				}
				fp.StripCR = stripCR
			}
		}
		if needHeader {
			continue
		}
		if (diffType == NoDiff || diffType == UnifiedDiff) && strings.HasPrefix(s, "@@ -") {
			// The names were read backwards: "---" is the old one.
			oldName, newName = newName, oldName
			oldTime, newTime = newTime, oldTime
			oldStamp, newStamp = newStamp, oldStamp
			r := s[4:]
			if at(r, 0) == '0' && !isDigit(at(r, 1)) {
				fp.Nonexistent[OldName] = nonexist(oldStamp.epoch)
			}
			for len(r) > 0 && r[0] != ' ' && r[0] != '\n' {
				r = r[1:]
			}
			for len(r) > 0 && r[0] == ' ' {
				r = r[1:]
			}
			if at(r, 0) == '+' && at(r, 1) == '0' && !isDigit(at(r, 2)) {
				fp.Nonexistent[NewName] = nonexist(newStamp.epoch)
			}
			fp.Indent = indent
			fp.Names[OldName], fp.Names[NewName] = oldName, newName
			fp.TimeStr = [2]string{oldTime, newTime}
			return finish(UnifiedDiff, thisLine)
		}
		stars = strings.HasPrefix(s, "********")
		if (diffType == NoDiff || diffType == ContextDiff || diffType == NewContextDiff) &&
			starsLast && indentLast == indent && strings.HasPrefix(s, "***") && isBlank(at(s, 3)) {
			r := s[4:]
			for isBlank(at(r, 0)) {
				r = r[1:]
			}
			if at(r, 0) == '0' && !isDigit(at(r, 1)) {
				fp.Nonexistent[OldName] = nonexist(oldStamp.epoch)
			}
			f := ContextDiff
			if strings.HasSuffix(strings.TrimSuffix(r, "\n"), "*") {
				f = NewContextDiff
			}
			fp.Indent = indent
			fp.StripCR = stripCR
			fp.Names[OldName], fp.Names[NewName] = oldName, newName
			fp.TimeStr = [2]string{oldTime, newTime}
			res := finish(f, prevLine)
			// Scan the first hunk to see whether the file contents
			// appear to have been deleted.
			save := p.pos
			p.cur = fp
			p.pos = prevLine
			if h, err := p.anotherHunk(f); err == nil && h != nil && h.ReplLines == 0 && h.NewFirst == 1 {
				fp.Nonexistent[NewName] = nonexist(newStamp.epoch)
			}
			p.pos = save
			return res
		}
		if (diffType == NoDiff || diffType == NormalDiff) && lastCommand &&
			(strings.HasPrefix(s, "< ") || strings.HasPrefix(s, "> ")) {
			fp.Indent = indent
			return finish(NormalDiff, prevLine)
		}
	}
}

func nonexist(epoch bool) int {
	if epoch {
		return 2
	}
	return 1
}

// NextHunk reads the next hunk of the current file patch; nil at its
// end. A malformed hunk gives an *Error. reverse swaps old and new, as
// -R does.
func (p *Parser) NextHunk(reverse bool) (*Hunk, error) {
	if p.cur == nil {
		return nil, nil
	}
	h, err := p.anotherHunk(p.cur.Format)
	if err != nil || h == nil {
		if h == nil && err == nil {
			p.base = p.pos
		}
		return nil, err
	}
	if reverse {
		h.Swap()
	}
	return h, nil
}

// Leading returns the lines of the patch between the end of the
// previous file patch and the start of fp (its headers and any garbage),
// as GNU prints them when it cannot find the file to patch.
func (p *Parser) Leading(fp *FilePatch) []string {
	if fp.from >= fp.Line-1 || fp.Line-1 > len(p.lines) {
		return nil
	}
	return p.lines[fp.from : fp.Line-1]
}

// scanNum reads a line number after optional blanks, as GNU's
// scan_linenum does.
func (p *Parser) scanNum(s string, line string) (int, string, error) {
	for isBlank(at(s, 0)) {
		s = s[1:]
	}
	i := 0
	n := 0
	for i < len(s) && isDigit(s[i]) {
		n = n*10 + int(s[i]-'0')
		if n > 1<<40 {
			return 0, "", fatalf("line number %s is too large at line %d: %s", s[:i+1], p.pos, line)
		}
		i++
	}
	if i == 0 {
		return 0, "", fatalf("missing line number at line %d: %s", p.pos, line)
	}
	s = s[i:]
	for isBlank(at(s, 0)) {
		s = s[1:]
	}
	return n, s, nil
}

func (p *Parser) malformed(line string) error {
	return fatalf("malformed patch at line %d: %s", p.pos, line)
}

// anotherHunk is GNU's another_hunk: it reads one hunk, or returns nil
// (and sets the place of the next search) when none follows.
func (p *Parser) anotherHunk(f Format) (*Hunk, error) {
	switch f {
	case UnifiedDiff:
		return p.unifiedHunk()
	case ContextDiff, NewContextDiff:
		return p.contextHunk(f)
	case NormalDiff:
		return p.normalHunk()
	}
	// No hunks (git binary diffs): the next search starts here.
	return nil, nil
}

func (p *Parser) unifiedHunk() (*Hunk, error) {
	start := p.pos
	line, ok := p.hunkLine()
	if !ok || len(line) <= 4 || !strings.HasPrefix(line, "@@ -") {
		p.pos = start
		return nil, nil
	}
	h := &Hunk{}
	var err error
	s := line[4:]
	if h.First, s, err = p.scanNum(s, line); err != nil {
		return nil, err
	}
	h.PtrnLines = 1
	if at(s, 0) == ',' {
		if h.PtrnLines, s, err = p.scanNum(s[1:], line); err != nil {
			return nil, err
		}
	}
	if at(s, 0) == ' ' {
		s = s[1:]
	}
	if at(s, 0) != '+' {
		return nil, p.malformed(line)
	}
	if h.NewFirst, s, err = p.scanNum(s[1:], line); err != nil {
		return nil, err
	}
	h.ReplLines = 1
	if at(s, 0) == ',' {
		if h.ReplLines, s, err = p.scanNum(s[1:], line); err != nil {
			return nil, err
		}
	}
	if at(s, 0) == ' ' {
		s = s[1:]
	}
	if at(s, 0) != '@' {
		return nil, p.malformed(line)
	}
	s = s[1:]
	if at(s, 0) == '@' && at(s, 1) == ' ' {
		h.Function = strings.TrimSuffix(s[1:], "\n")
		h.HasFunction = true
	}
	if h.PtrnLines == 0 {
		h.First++
	}
	if h.ReplLines == 0 {
		h.NewFirst++
	}
	pmax := h.PtrnLines + h.ReplLines + 1
	h.Lines = make([]HunkLine, pmax+1)
	h.Lines[0] = HunkLine{Op: '*'}
	fillsrc := 1
	filldst := 1 + h.PtrnLines
	end := filldst + h.ReplLines
	h.Lines[filldst] = HunkLine{Op: '='}
	filldst++
	prefix := -1
	context := 0
	h.Line = p.pos + 1
	for fillsrc <= h.PtrnLines || filldst <= end {
		l, ok := p.hunkLine()
		if !ok {
			if pmax-filldst < 3 {
				l = " \n" // assume blank lines got chopped
			} else {
				return nil, &Error{Msg: "unexpected end of file in patch"}
			}
		}
		var ch byte
		var text string
		if l[0] == '\t' || l[0] == '\n' {
			ch, text = ' ', l
		} else {
			ch, text = l[0], l[1:]
		}
		switch ch {
		case '-':
			if fillsrc > h.PtrnLines {
				return nil, p.malformed(l)
			}
			if fillsrc == h.PtrnLines && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			h.Lines[fillsrc] = HunkLine{Op: '-', Text: text}
			fillsrc++
		case '=', ' ':
			if fillsrc > h.PtrnLines {
				return nil, p.malformed(l)
			}
			context++
			if fillsrc == h.PtrnLines && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			h.Lines[fillsrc] = HunkLine{Op: ' ', Text: text}
			fillsrc++
			if filldst > end {
				return nil, p.malformed(l)
			}
			if filldst == end && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			h.Lines[filldst] = HunkLine{Op: ' ', Text: text}
			filldst++
			ch = ' '
		case '+':
			if filldst > end {
				return nil, p.malformed(l)
			}
			if filldst == end && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			h.Lines[filldst] = HunkLine{Op: '+', Text: text}
			filldst++
		default:
			return nil, p.malformed(l)
		}
		if ch != ' ' {
			if prefix < 0 {
				prefix = context
			}
			context = 0
		}
	}
	if prefix < 0 {
		return nil, p.malformed(line)
	}
	h.PrefixContext, h.SuffixContext = prefix, context
	return h, nil
}

func (p *Parser) normalHunk() (*Hunk, error) {
	start := p.pos
	line, ok := p.hunkLine()
	s := strings.TrimLeft(line, " \t")
	if !ok || !isDigit(at(s, 0)) {
		p.pos = start
		return nil, nil
	}
	h := &Hunk{}
	var err error
	if h.First, s, err = p.scanNum(s, line); err != nil {
		return nil, err
	}
	if at(s, 0) == ',' {
		var last int
		if last, s, err = p.scanNum(s[1:], line); err != nil {
			return nil, err
		}
		if last-h.First < -1 {
			return nil, p.malformed(line)
		}
		h.PtrnLines = last - h.First + 1
	} else if at(s, 0) != 'a' {
		h.PtrnLines = 1
	}
	kind := at(s, 0)
	if kind == 'a' {
		h.First++
	}
	var lo, hi int
	if lo, s, err = p.scanNum(s[1:], line); err != nil {
		return nil, err
	}
	hi = lo
	if at(s, 0) == ',' {
		if hi, _, err = p.scanNum(s[1:], line); err != nil {
			return nil, err
		}
	}
	if lo > hi {
		return nil, p.malformed(line)
	}
	if kind == 'd' {
		lo++
	}
	h.NewFirst = lo
	h.ReplLines = hi - lo + 1
	end := h.PtrnLines + h.ReplLines + 1
	h.Lines = make([]HunkLine, end+1)
	h.Lines[0] = HunkLine{Op: '*'}
	h.Line = p.pos + 1
	i := 1
	for ; i <= h.PtrnLines; i++ {
		l, ok := p.hunkLine()
		if !ok {
			return nil, fatalf("unexpected end of file in patch at line %d", p.pos)
		}
		if !(l[0] == '<' && isBlank(at(l, 1))) {
			return nil, fatalf("'<' followed by space or tab expected at line %d of patch", p.pos)
		}
		text := l[2:]
		if i == h.PtrnLines && p.incompleteLine() {
			text = strings.TrimSuffix(text, "\n")
		}
		h.Lines[i] = HunkLine{Op: '-', Text: text}
	}
	if kind == 'c' {
		l, ok := p.hunkLine()
		if !ok {
			return nil, fatalf("unexpected end of file in patch at line %d", p.pos)
		}
		if l[0] != '-' {
			return nil, fatalf("'---' expected at line %d of patch", p.pos)
		}
	}
	h.Lines[i] = HunkLine{Op: '='}
	for i++; i <= end; i++ {
		l, ok := p.hunkLine()
		if !ok {
			return nil, fatalf("unexpected end of file in patch at line %d", p.pos)
		}
		if !(l[0] == '>' && isBlank(at(l, 1))) {
			return nil, fatalf("'>' followed by space or tab expected at line %d of patch", p.pos)
		}
		text := l[2:]
		if i == end && p.incompleteLine() {
			text = strings.TrimSuffix(text, "\n")
		}
		h.Lines[i] = HunkLine{Op: '+', Text: text}
	}
	return h, nil
}

// contextHunk is the context-diff part of GNU's another_hunk.
func (p *Parser) contextHunk(f Format) (*Hunk, error) {
	start := p.pos
	line, ok := p.hunkLine()
	if !ok || len(line) <= 8 || !strings.HasPrefix(line, "********") {
		p.pos = start
		return nil, nil
	}
	h := &Hunk{}
	s := strings.TrimLeft(line, "*")
	if isBlank(at(s, 0)) {
		h.Function = strings.TrimSuffix(s, "\n")
		h.HasFunction = true
	}
	h.Line = p.pos + 1
	var lines []HunkLine
	end := -1
	pmax := 1 << 30
	replBeginning := 0
	fillcnt, fillsrc, filldst := 0, 0, 0
	ptrnSpacesEaten, someContext := false, false
	replCouldBeMissing := true
	ptrnMissing, replMissing := false, false
	replBacktrack, replContext := 0, 0
	ptrnPrefix, ptrnSuffix, replPrefix := -1, -1, -1
	ptrnCopiable, replCopiable := 0, 0
	context := 0
	var err error
	set := func(i int, l HunkLine) {
		for len(lines) <= i {
			lines = append(lines, HunkLine{})
		}
		lines[i] = l
	}
	scanRange := func(l string) (int, int, error) {
		r := l
		for r != "" && !isDigit(r[0]) {
			r = r[1:]
		}
		first, rest, err := p.scanNum(r, l)
		if err != nil {
			return 0, 0, err
		}
		n := 0
		if at(rest, 0) == ',' {
			last, _, err := p.scanNum(rest[1:], l)
			if err != nil {
				return 0, 0, err
			}
			if first == 0 && last == 0 && l[0] == '*' {
				first = 1
			}
			n = last - first + 1
			if n < 0 {
				return 0, 0, p.malformed(l)
			}
		} else if first != 0 {
			n = 1
		} else {
			first = 1
		}
		return first, n, nil
	}
hunk:
	for end < pmax {
		l, ok := p.hunkLine()
		if !ok {
			if replBeginning != 0 && replCouldBeMissing {
				replMissing = true
				break hunk
			}
			if pmax-end < 4 {
				l = "  \n"
			} else {
				return nil, &Error{Msg: "unexpected end of file in patch"}
			}
		}
		end++
		set(end, HunkLine{Op: l[0]})
		switch l[0] {
		case '*':
			if strings.HasPrefix(l, "********") {
				if replBeginning != 0 && replCouldBeMissing {
					replMissing = true
					break hunk
				}
				return nil, fatalf("unexpected end of hunk at line %d", p.pos)
			}
			if end != 0 {
				if replBeginning != 0 && replCouldBeMissing {
					replMissing = true
					break hunk
				}
				return nil, fatalf("unexpected '***' at line %d: %s", p.pos, l)
			}
			context = 0
			if h.First, h.PtrnLines, err = scanRange(l); err != nil {
				return nil, err
			}
			pmax = 1 << 30
		case '-':
			if at(l, 1) != '-' {
				goto change
			}
			if ptrnPrefix < 0 {
				ptrnPrefix = context
			}
			ptrnSuffix = context
			blank := 0
			if end >= 1 && lines[end-1].Op == '\n' {
				blank = 1
			}
			if replBeginning != 0 || end <= 0 || end != h.PtrnLines+1+blank {
				if end == 1 {
					// Old lines were omitted: fill them in from the
					// new context lines.
					ptrnMissing = true
					end = h.PtrnLines + 1
					ptrnPrefix, ptrnSuffix = -1, -1
					fillsrc = end + 1
					filldst = 1
					fillcnt = h.PtrnLines
				} else if replBeginning == 0 {
					what := "Overdue"
					if end <= h.PtrnLines {
						what = "Premature"
					}
					return nil, fatalf("%s '---' at line %d; check line numbers at line %d", what, p.pos, h.Line)
				} else if !replCouldBeMissing {
					return nil, fatalf("duplicate '---' at line %d; check line numbers at line %d", p.pos, h.Line+replBeginning)
				} else {
					replMissing = true
					break hunk
				}
			}
			replBeginning = end
			replBacktrack = p.pos
			replContext = context
			set(end, HunkLine{Op: '='})
			if h.NewFirst, h.ReplLines, err = scanRange(l); err != nil {
				return nil, err
			}
			pmax = h.ReplLines + end
			if h.ReplLines != ptrnCopiable && (h.PrefixContext != 0 || context != 0 || h.ReplLines != 1) {
				replCouldBeMissing = false
			}
			context = 0
			continue
		case '+', '!':
			replCouldBeMissing = false
			goto change
		case '\t', '\n':
			text := l
			if l[0] == '\t' {
				text = l[1:]
			}
			if replBeginning != 0 && replCouldBeMissing && (!ptrnSpacesEaten || f == NewContextDiff) {
				replMissing = true
				break hunk
			}
			if len(text) > 1 && p.atEnd(end, replBeginning, pmax, h) && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			set(end, HunkLine{Op: l[0], Text: text})
			if end != h.PtrnLines+1 {
				ptrnSpacesEaten = ptrnSpacesEaten || replBeginning != 0
				someContext = true
				context++
				if replBeginning != 0 {
					replCopiable++
				} else {
					ptrnCopiable++
				}
				lines[end].Op = ' '
			} else {
				lines[end].Op = '\n'
			}
			continue
		case ' ':
			text := l[1:]
			if isBlank(at(text, 0)) {
				text = text[1:]
			} else if replBeginning != 0 && replCouldBeMissing {
				replMissing = true
				break hunk
			}
			someContext = true
			context++
			if replBeginning != 0 {
				replCopiable++
			} else {
				ptrnCopiable++
			}
			if len(text) > 1 && p.atEnd(end, replBeginning, pmax, h) && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			set(end, HunkLine{Op: ' ', Text: text})
			continue
		default:
			if replBeginning != 0 && replCouldBeMissing {
				replMissing = true
				break hunk
			}
			return nil, p.malformed(l)
		}
		continue
	change:
		{
			text := l[1:]
			if isBlank(at(text, 0)) {
				text = text[1:]
			} else if replBeginning != 0 && replCouldBeMissing {
				replMissing = true
				break hunk
			}
			if replBeginning == 0 {
				if ptrnPrefix < 0 {
					ptrnPrefix = context
				}
			} else if replPrefix < 0 {
				replPrefix = context
			}
			if len(text) > 1 && p.atEnd(end, replBeginning, pmax, h) && p.incompleteLine() {
				text = strings.TrimSuffix(text, "\n")
			}
			set(end, HunkLine{Op: l[0], Text: text})
			context = 0
		}
	}
	if end >= 0 && replBeginning == 0 {
		return nil, fatalf("no '---' found in patch at line %d", h.Line)
	}
	if replMissing {
		// Reset to just after ---: the redundant new context lines
		// were omitted; fill them in from the old ones.
		context = replContext
		lines = lines[:replBeginning+1]
		p.pos = replBacktrack
		fillsrc = 1
		filldst = replBeginning + 1
		fillcnt = h.ReplLines
		end = pmax
	} else if !ptrnMissing && ptrnCopiable != replCopiable {
		return nil, fatalf("context mangled in hunk at line %d", h.Line)
	} else if !someContext && fillcnt == 1 {
		// A null first hunk with no context, expecting one line.
		lines = append(lines[:filldst], lines[filldst+1:]...)
		end--
		h.First++
		fillcnt = 0
		h.PtrnLines = 0
	}
	switch {
	case replPrefix < 0 || (ptrnPrefix >= 0 && ptrnPrefix < replPrefix):
		h.PrefixContext = ptrnPrefix
	default:
		h.PrefixContext = replPrefix
	}
	if ptrnSuffix >= 0 && ptrnSuffix < context {
		h.SuffixContext = ptrnSuffix
	} else {
		h.SuffixContext = context
	}
	if h.PrefixContext < 0 || h.SuffixContext < 0 {
		return nil, fatalf("replacement text or line numbers mangled in hunk at line %d", h.Line)
	}
	for len(lines) <= end {
		lines = append(lines, HunkLine{})
	}
	if fillcnt > 0 {
		for ; fillcnt > 0; fillcnt-- {
			for fillsrc <= end && fillsrc != replBeginning && lines[fillsrc].Op != ' ' {
				fillsrc++
			}
			if end < fillsrc || fillsrc == replBeginning {
				return nil, fatalf("replacement text or line numbers mangled in hunk at line %d", h.Line)
			}
			lines[filldst] = lines[fillsrc]
			fillsrc++
			filldst++
		}
		for fillsrc <= end && fillsrc != replBeginning {
			if lines[fillsrc].Op == ' ' {
				return nil, fatalf("replacement text or line numbers mangled in hunk at line %d", h.Line)
			}
			fillsrc++
		}
	}
	lines = lines[:end+1]
	if h.PtrnLines+1 < len(lines) && lines[h.PtrnLines+1].Op == '\n' {
		// A blank line before "---" is part of neither side.
		lines = append(lines[:h.PtrnLines+1], lines[h.PtrnLines+2:]...)
	}
	h.Lines = lines
	h.Lines[0] = HunkLine{Op: '*'}
	return h, nil
}

// atEnd says the line being read is the last of the old or new part.
func (p *Parser) atEnd(end, replBeginning, pmax int, h *Hunk) bool {
	if replBeginning != 0 {
		return end == pmax
	}
	return end == h.PtrnLines
}

// Swap reverses the hunk: old and new trade places, as GNU's pch_swap
// does for -R.
func (h *Hunk) Swap() {
	old := h.Lines[1 : h.PtrnLines+1]
	nw := h.Lines[h.PtrnLines+2:]
	out := make([]HunkLine, 0, len(h.Lines))
	out = append(out, HunkLine{Op: '*'})
	for _, l := range nw {
		if l.Op == '+' {
			l.Op = '-'
		}
		out = append(out, l)
	}
	out = append(out, HunkLine{Op: '='})
	for _, l := range old {
		if l.Op == '-' {
			l.Op = '+'
		}
		out = append(out, l)
	}
	h.Lines = out
	h.First, h.NewFirst = h.NewFirst, h.First
	h.PtrnLines, h.ReplLines = len(nw), len(old)
}
