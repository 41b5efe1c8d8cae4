// Package gnure translates GNU basic and extended regular expressions, as
// grep, sed, expr, nl and find take them, into Go's RE2 syntax.
//
// It follows the GNU dialects, extensions included: in a BRE \( \) group,
// \{m,n\} is an interval, \| alternates and \+ \? repeat; in an ERE the
// same operators go without backslashes. \< \> \b \B \w \W \s \S \` \' are
// the GNU escapes. Bracket expressions take classes ([:alpha:]),
// equivalence classes ([=a=]) and collating symbols ([.a.]), with a
// backslash inside brackets a literal character. A "*" where nothing can be
// repeated is literal, and so are a BRE "^" or "$" that is not at an end.
// Matching is leftmost-longest, as POSIX requires.
//
// What RE2 cannot do is refused with an error rather than matched
// differently: back-references (\1 ... \9) give ErrBackref. Two things are
// approximated: \< and \> both become \b (a word boundary on either side),
// and matching is by UTF-8 character rather than by byte.
package gnure

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// Syntax selects the dialect.
type Syntax int

const (
	// Basic is POSIX BRE with GNU extensions (grep, sed, expr).
	Basic Syntax = iota
	// Extended is POSIX ERE with GNU extensions (grep -E, sed -E).
	Extended
)

// Options control Compile.
type Options struct {
	Syntax Syntax
	// IgnoreCase matches letters in either case (grep -i, sed I).
	IgnoreCase bool
	// DotNewline lets "." and negated brackets match a newline, as in
	// sed's pattern space; grep matches single lines and leaves it unset.
	DotNewline bool
	// Multiline makes ^ and $ match at newlines inside the text too (sed's
	// M flag).
	Multiline bool
}

// ErrBackref is returned for a back-reference, which RE2 cannot match.
var ErrBackref = errors.New("back-references are not supported by sandsh's regular expressions (RE2)")

// Error is a syntax error in a pattern, worded as GNU's regex library
// words it ("Unmatched ( or \\(").
type Error struct {
	Msg string
}

func (e *Error) Error() string { return e.Msg }

// GNU's messages.
var (
	errBracket  = &Error{"Unmatched [, [^, [:, [., or [="}
	errParen    = &Error{"Unmatched ( or \\("}
	errRParen   = &Error{"Unmatched ) or \\)"}
	errBrace    = &Error{"Unmatched \\{"}
	errBraceBad = &Error{"Invalid content of \\{\\}"}
	errRange    = &Error{"Invalid range end"}
	errClass    = &Error{"Invalid character class name"}
	errTrailing = &Error{"Trailing backslash"}
	errTooBig   = &Error{"Regular expression too big"}
	errPrecede  = &Error{"Invalid preceding regular expression"}
)

// Compile translates pattern and compiles it for leftmost-longest
// matching.
func Compile(pattern string, o Options) (*regexp.Regexp, error) {
	expr, err := Translate(pattern, o.Syntax)
	if err != nil {
		return nil, err
	}
	flags := ""
	if o.IgnoreCase {
		flags += "i"
	}
	if o.DotNewline {
		flags += "s"
	}
	if o.Multiline {
		flags += "m"
	}
	if flags != "" {
		expr = "(?" + flags + ")" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", pattern, err)
	}
	re.Longest()
	return re, nil
}

// Translate returns the RE2 form of pattern. The result has the same
// capturing groups, in the same order, so \1..\9 in a sed replacement
// still name them.
func Translate(pattern string, syn Syntax) (string, error) {
	expr, _, err := TranslateWarn(pattern, syn)
	return expr, err
}

// TranslateWarn is Translate that also returns the warnings GNU grep
// prints for the pattern ("* at start of expression", "stray \ before
// t"), without the "grep: warning: " prefix.
func TranslateWarn(pattern string, syn Syntax) (string, []string, error) {
	t := translator{src: pattern, ere: syn == Extended}
	if err := t.run(); err != nil {
		return "", t.warnings, err
	}
	return t.out.String(), t.warnings, nil
}

func (t *translator) warn(format string, args ...any) {
	t.warnings = append(t.warnings, fmt.Sprintf(format, args...))
}

type translator struct {
	src string
	ere bool
	i   int
	out strings.Builder

	// atomStart is where the last repeatable atom begins in out, -1 when
	// there is none (start of pattern or group, after | or ^).
	atomStart int
	// repeated says the last atom already carries a repetition operator.
	repeated bool
	depth    int
	// groups holds where each open group begins in out.
	groups   []int
	warnings []string
}

func (t *translator) run() error {
	t.atomStart = -1
	for t.i < len(t.src) {
		c := t.src[t.i]
		t.i++
		var err error
		switch {
		case c == '\\':
			err = t.escape()
		case c == '[':
			start := t.out.Len()
			if err = t.bracket(); err == nil {
				t.atom(start)
			}
		case c == '.':
			t.emitAtom(".")
		case c == '*':
			err = t.repeat("*")
		case c == '^':
			if t.ere || t.atomStart == -1 && t.atStart() {
				t.out.WriteByte('^')
				t.atomStart = -1
				if !t.ere {
					// A BRE '*' right after a leading '^' is literal.
					t.repeated = false
				}
			} else {
				t.emitAtom(`\^`)
			}
		case c == '$':
			if t.ere || t.atEnd() {
				t.out.WriteByte('$')
				t.atomStart = -1
			} else {
				t.emitAtom(`\$`)
			}
		case t.ere && (c == '+' || c == '?'):
			err = t.repeat(string(c))
		case t.ere && c == '{':
			err = t.interval()
		case t.ere && c == '(':
			t.open()
		case t.ere && c == ')':
			err = t.close()
		case t.ere && c == '|':
			t.alternate()
		default:
			t.literal(c)
		}
		if err != nil {
			return err
		}
	}
	if t.depth > 0 {
		return errParen
	}
	return nil
}

// atStart reports whether the '^' just read begins the pattern or follows
// \( or \| (BRE anchoring rules).
func (t *translator) atStart() bool {
	j := t.i - 1
	if j == 0 {
		return true
	}
	return j >= 2 && t.src[j-2] == '\\' && (t.src[j-1] == '(' || t.src[j-1] == '|')
}

// atEnd reports whether the '$' just read ends the pattern or precedes \)
// or \|.
func (t *translator) atEnd() bool {
	rest := t.src[t.i:]
	return rest == "" || strings.HasPrefix(rest, `\)`) || strings.HasPrefix(rest, `\|`)
}

func (t *translator) atom(start int) {
	t.atomStart = start
	t.repeated = false
}

func (t *translator) emitAtom(s string) {
	start := t.out.Len()
	t.out.WriteString(s)
	t.atom(start)
}

func (t *translator) literal(c byte) {
	if strings.IndexByte(`\.+*?()|[]{}^$`, c) >= 0 {
		t.emitAtom(`\` + string(c))
		return
	}
	t.emitAtom(string(c))
}

// repeat applies a repetition operator to the last atom. With no atom it
// is a literal, as in GNU; a second operator on one atom wraps it in a
// group, since RE2 refuses "a**".
func (t *translator) repeat(op string) error {
	if t.atomStart < 0 {
		if t.ere {
			// GNU ERE ignores an operator with nothing to repeat.
			if op[0] == '{' {
				t.warn("{...} at start of expression")
			} else {
				t.warn("%s at start of expression", op)
			}
			return nil
		}
		t.literal(op[0])
		return nil
	}
	if t.repeated {
		s := t.out.String()
		atom := s[t.atomStart:]
		t.out.Reset()
		t.out.WriteString(s[:t.atomStart])
		t.out.WriteString("(?:" + atom + ")")
	}
	t.out.WriteString(op)
	t.repeated = true
	return nil
}

// interval reads the body of {m,n} (after '{' or '\{') and applies it.
func (t *translator) interval() error {
	end := `}`
	if !t.ere {
		end = `\}`
	}
	k := strings.Index(t.src[t.i:], end)
	body := ""
	if k >= 0 {
		body = t.src[t.i : t.i+k]
	}
	valid := k >= 0 && validInterval(body)
	if !valid {
		if t.ere {
			// GNU ERE takes a '{' that starts no valid interval literally.
			t.literal('{')
			return nil
		}
		if k < 0 {
			return errBrace
		}
		return errBraceBad
	}
	if t.atomStart < 0 && !t.ere {
		return errPrecede
	}
	lo, hi, comma := body, "", false
	if c := strings.IndexByte(body, ','); c >= 0 {
		lo, hi, comma = body[:c], body[c+1:], true
	}
	if lo == "" {
		lo = "0"
	}
	if len(lo) > 4 || len(hi) > 4 || atoi(lo) > 1000 || atoi(hi) > 1000 {
		return errTooBig
	}
	if comma && hi != "" && atoi(hi) < atoi(lo) {
		return errBraceBad
	}
	t.i += k + len(end)
	op := "{" + lo
	if comma {
		op += "," + hi
	}
	return t.repeat(op + "}")
}

func validInterval(body string) bool {
	if body == "" {
		return false
	}
	digits := 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ',' && strings.IndexByte(body[i+1:], ',') < 0:
		default:
			return false
		}
	}
	return digits > 0
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func (t *translator) open() {
	t.out.WriteByte('(')
	t.depth++
	t.atomStart = -1
	t.repeated = false
	t.groups = append(t.groups, t.out.Len()-1)
}

func (t *translator) close() error {
	if t.depth == 0 {
		if t.ere {
			// GNU ERE: an unmatched ')' is literal.
			t.literal(')')
			return nil
		}
		return errRParen
	}
	t.depth--
	start := t.groups[len(t.groups)-1]
	t.groups = t.groups[:len(t.groups)-1]
	t.out.WriteByte(')')
	t.atom(start)
	return nil
}

func (t *translator) alternate() {
	t.out.WriteByte('|')
	t.atomStart = -1
	t.repeated = false
}

// escape handles the character after a backslash.
func (t *translator) escape() error {
	if t.i >= len(t.src) {
		return errTrailing
	}
	c := t.src[t.i]
	t.i++
	switch {
	case c >= '1' && c <= '9':
		return ErrBackref
	case !t.ere && c == '(':
		t.open()
	case !t.ere && c == ')':
		return t.close()
	case !t.ere && c == '|':
		t.alternate()
	case !t.ere && c == '{':
		return t.interval()
	case !t.ere && (c == '+' || c == '?'):
		return t.repeat(string(c))
	case c == '<' || c == '>' || c == 'b':
		t.out.WriteString(`\b`)
		t.atomStart = -1
	case c == 'B':
		t.out.WriteString(`\B`)
		t.atomStart = -1
	case c == '`':
		t.out.WriteString(`\A`)
		t.atomStart = -1
	case c == '\'':
		t.out.WriteString(`\z`)
		t.atomStart = -1
	case c == 'w' || c == 'W' || c == 's' || c == 'S':
		t.emitAtom(`\` + string(c))
	case c == 'n':
		t.emitAtom(`\n`)
	case strings.IndexByte(`.[]*^$\\(){}|+?`, c) >= 0:
		t.literal(c)
	default:
		// GNU grep warns and matches the character itself. (sed reads
		// \t, \n and the like itself before translating.)
		if c == ' ' || c == '\t' {
			t.warn("stray \\ before white space")
		} else if c < 0x80 && c > ' ' {
			t.warn("stray \\ before %c", c)
		} else {
			t.warn("stray \\ before unprintable character")
		}
		t.literal(c)
	}
	return nil
}

// bracket translates a bracket expression; t.i is just past '['.
func (t *translator) bracket() error {
	s := t.src
	i := t.i
	var b strings.Builder
	b.WriteByte('[')
	if i < len(s) && s[i] == '^' {
		b.WriteByte('^')
		i++
	}
	if end := strings.IndexByte(s[i:], ']'); end > 1 && s[i] == ':' && s[i+end-1] == ':' {
		// "[:space:]" where "[[:space:]]" was meant: an error in GNU grep.
		name := s[i+1 : i+end-1]
		if validClass[name] {
			return &Error{fmt.Sprintf("character class syntax is [[:%s:]], not [:%s:]", name, name)}
		}
	}
	first := true
	var prev rune = -1 // the last single character, for ranges
	for {
		if i >= len(s) {
			return errBracket
		}
		c := s[i]
		if c == ']' && !first {
			i++
			break
		}
		first = false
		if c == '[' && i+1 < len(s) && (s[i+1] == ':' || s[i+1] == '=' || s[i+1] == '.') {
			kind := s[i+1]
			end := strings.Index(s[i+2:], string(kind)+"]")
			if end < 0 {
				return errBracket
			}
			name := s[i+2 : i+2+end]
			i += 2 + end + 2
			switch kind {
			case ':':
				if !validClass[name] {
					return errClass
				}
				b.WriteString("[:" + name + ":]")
				prev = -1
				continue
			default:
				if len(name) != 1 {
					return &Error{"Invalid collation character"}
				}
				c = name[0]
				writeClassChar(&b, c)
				prev = rune(c)
				continue
			}
		}
		if c == '-' && prev >= 0 && i+1 < len(s) && s[i+1] != ']' {
			// A range prev-hi.
			hi := s[i+1]
			i += 2
			if hi == '[' && i < len(s) && (s[i] == '.' || s[i] == '=') {
				end := strings.Index(s[i+1:], string(s[i])+"]")
				if end != 1 {
					return errBracket
				}
				hi = s[i+1]
				i += 1 + end + 2
			}
			if rune(hi) < prev {
				return errRange
			}
			b.WriteByte('-')
			writeClassChar(&b, hi)
			prev = -1
			continue
		}
		writeClassChar(&b, c)
		prev = rune(c)
		i++
	}
	b.WriteByte(']')
	t.i = i
	t.out.WriteString(b.String())
	return nil
}

func writeClassChar(b *strings.Builder, c byte) {
	if c < 0x80 && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
		fmt.Fprintf(b, `\x%02x`, c)
		return
	}
	b.WriteByte(c)
}

var validClass = map[string]bool{
	"alpha": true, "digit": true, "alnum": true, "upper": true, "lower": true,
	"space": true, "blank": true, "punct": true, "print": true, "graph": true,
	"cntrl": true, "xdigit": true,
}
