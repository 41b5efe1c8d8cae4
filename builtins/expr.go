package builtins

// expr, as GNU coreutils' (9.1): | & < <= = == != >= > + - * / % : with
// GNU precedence, "match", "substr", "index", "length" and "+ TOKEN",
// parentheses; integers of any size (math/big); "STRING : REGEX"
// anchored at the start with a POSIX basic regular expression, giving
// the \(...\) group or the length of the match. Exit status 0, 1 when the
// result is null or 0, 2 for a syntax error or bad regex, 3 otherwise.
// The BRE is translated to Go's RE2 by a translator of its own (GNU
// extensions \+ \? \| \{m,n\} \w \W \s \S \b \B \< \> \` \' included),
// not by builtins/internal/gnure: expr compiles with glibc's regcomp, whose
// errors and corner cases differ from grep's ("[" alone is "Invalid
// regular expression", a reversed range is empty, a leading \{1\} is
// literal), and the differential tests hold it to those. Back-references
// cannot be translated and are refused with a message.
// Strings compare bytewise (LC_ALL=C); lengths count bytes.

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
)

func init() { Register("expr", expr) }

const exprUsage = `Usage: expr EXPRESSION
  or:  expr OPTION

      --help        display this help and exit
      --version     output version information and exit

Print the value of EXPRESSION to standard output.  A blank line below
separates increasing precedence groups.  EXPRESSION may be:

  ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2

  ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0

  ARG1 < ARG2       ARG1 is less than ARG2
  ARG1 <= ARG2      ARG1 is less than or equal to ARG2
  ARG1 = ARG2       ARG1 is equal to ARG2
  ARG1 != ARG2      ARG1 is unequal to ARG2
  ARG1 >= ARG2      ARG1 is greater than or equal to ARG2
  ARG1 > ARG2       ARG1 is greater than ARG2

  ARG1 + ARG2       arithmetic sum of ARG1 and ARG2
  ARG1 - ARG2       arithmetic difference of ARG1 and ARG2

  ARG1 * ARG2       arithmetic product of ARG1 and ARG2
  ARG1 / ARG2       arithmetic quotient of ARG1 divided by ARG2
  ARG1 % ARG2       arithmetic remainder of ARG1 divided by ARG2

  STRING : REGEXP   anchored pattern match of REGEXP in STRING

  match STRING REGEXP        same as STRING : REGEXP
  substr STRING POS LENGTH   substring of STRING, POS counted from 1
  index STRING CHARS         index in STRING where any CHARS is found, or 0
  length STRING              length of STRING
  + TOKEN                    interpret TOKEN as a string, even if it is a
                               keyword like 'match' or an operator like '/'

  ( EXPRESSION )             value of EXPRESSION

Beware that many operators need to be escaped or quoted for shells.
Comparisons are arithmetic if both ARGs are numbers, else lexicographical.
Pattern matches return the string matched between \( and \) or null; if
\( and \) are not used, they return the number of characters matched or 0.

Exit status is 0 if EXPRESSION is neither null nor 0, 1 if EXPRESSION is null
or 0, 2 if EXPRESSION is syntactically invalid, and 3 if an error occurred.
`

// exprValue is an integer (when i is set) or a string.
type exprValue struct {
	i *big.Int
	s string
}

func exprInt(n int64) exprValue { return exprValue{i: big.NewInt(n)} }

func (v exprValue) String() string {
	if v.i != nil {
		return v.i.String()
	}
	return v.s
}

// null reports whether v is the empty string or zero ("0", "-00", ...).
func (v exprValue) null() bool {
	if v.i != nil {
		return v.i.Sign() == 0
	}
	s := strings.TrimPrefix(v.s, "-")
	if v.s == "" {
		return true
	}
	return s != "" && strings.Trim(s, "0") == ""
}

// looksLikeInteger reports whether s is an optional '-' and digits.
func looksLikeInteger(s string) bool {
	return allDigits(strings.TrimPrefix(s, "-"))
}

// toInt converts v to an integer, if it is one.
func (v exprValue) toInt() (*big.Int, bool) {
	if v.i != nil {
		return v.i, true
	}
	if !looksLikeInteger(v.s) {
		return nil, false
	}
	n, ok := new(big.Int).SetString(v.s, 10)
	return n, ok
}

// exprError stops the evaluation with an exit status and a message.
type exprError struct {
	status int
	msg    string
}

type exprParser struct {
	c    *Context
	args []string
}

func expr(c *Context) int {
	args := c.Args[1:]
	if len(args) == 1 {
		switch args[0] {
		case "--help":
			return c.writeOut(exprUsage)
		case "--version":
			return c.writeOut("expr (sandsh builtin) 1.0\n")
		}
	}
	if len(args) > 0 && args[0] == "--" {
		args = args[1:]
	}
	if len(args) == 0 {
		return c.usageErr(2, "missing operand")
	}
	p := &exprParser{c: c, args: args}
	var v exprValue
	err := func() (err *exprError) {
		defer func() {
			if r := recover(); r != nil {
				e, ok := r.(*exprError)
				if !ok {
					panic(r)
				}
				err = e
			}
		}()
		v = p.or(true)
		if len(p.args) > 0 {
			p.fail(2, "syntax error: unexpected argument %s", quote(p.args[0]))
		}
		return nil
	}()
	if err != nil {
		c.Errorf("%s", err.msg)
		return err.status
	}
	if st := c.writeOut(v.String() + "\n"); st != 0 {
		return 3
	}
	if v.null() {
		return 1
	}
	return 0
}

func (p *exprParser) fail(status int, format string, a ...any) {
	msg := format
	if len(a) > 0 {
		msg = fmt.Sprintf(format, a...)
	}
	panic(&exprError{status, msg})
}

// next consumes the next argument if it is s.
func (p *exprParser) next(s string) bool {
	if len(p.args) > 0 && p.args[0] == s {
		p.args = p.args[1:]
		return true
	}
	return false
}

// last is the argument consumed last, for messages.
func (p *exprParser) missing(prev string) {
	p.fail(2, "syntax error: missing argument after %s", quote(prev))
}

func (p *exprParser) or(eval bool) exprValue {
	l := p.and(eval)
	for p.next("|") {
		r := p.and(eval && l.null())
		if l.null() {
			l = r
			if l.null() {
				l = exprInt(0)
			}
		}
	}
	return l
}

func (p *exprParser) and(eval bool) exprValue {
	l := p.compare(eval)
	for p.next("&") {
		r := p.compare(eval && !l.null())
		if l.null() || r.null() {
			l = exprInt(0)
		}
	}
	return l
}

func (p *exprParser) compare(eval bool) exprValue {
	l := p.sum(eval)
	for {
		var op string
		for _, o := range []string{"<", "<=", "=", "==", "!=", ">=", ">"} {
			if p.next(o) {
				op = o
				break
			}
		}
		if op == "" {
			return l
		}
		r := p.sum(eval)
		val := false
		if eval {
			ls, rs := l.String(), r.String()
			var cmp int
			if looksLikeInteger(ls) && looksLikeInteger(rs) {
				a, _ := new(big.Int).SetString(ls, 10)
				b, _ := new(big.Int).SetString(rs, 10)
				cmp = a.Cmp(b)
			} else {
				cmp = strings.Compare(ls, rs)
			}
			switch op {
			case "<":
				val = cmp < 0
			case "<=":
				val = cmp <= 0
			case "=", "==":
				val = cmp == 0
			case "!=":
				val = cmp != 0
			case ">=":
				val = cmp >= 0
			case ">":
				val = cmp > 0
			}
		}
		l = exprInt(0)
		if val {
			l = exprInt(1)
		}
	}
}

func (p *exprParser) arith(l, r exprValue, op string) exprValue {
	a, ok1 := l.toInt()
	b, ok2 := r.toInt()
	if !ok1 || !ok2 {
		p.fail(2, "non-integer argument")
	}
	z := new(big.Int)
	switch op {
	case "+":
		z.Add(a, b)
	case "-":
		z.Sub(a, b)
	case "*":
		z.Mul(a, b)
	case "/", "%":
		if b.Sign() == 0 {
			p.fail(2, "division by zero")
		}
		if op == "/" {
			z.Quo(a, b)
		} else {
			z.Rem(a, b)
		}
	}
	return exprValue{i: z}
}

func (p *exprParser) sum(eval bool) exprValue {
	l := p.product(eval)
	for {
		op := ""
		if p.next("+") {
			op = "+"
		} else if p.next("-") {
			op = "-"
		} else {
			return l
		}
		r := p.product(eval)
		if eval {
			l = p.arith(l, r, op)
		}
	}
}

func (p *exprParser) product(eval bool) exprValue {
	l := p.colon(eval)
	for {
		op := ""
		switch {
		case p.next("*"):
			op = "*"
		case p.next("/"):
			op = "/"
		case p.next("%"):
			op = "%"
		default:
			return l
		}
		r := p.colon(eval)
		if eval {
			l = p.arith(l, r, op)
		}
	}
}

func (p *exprParser) colon(eval bool) exprValue {
	l := p.unary(eval)
	for p.next(":") {
		r := p.unary(eval)
		if eval {
			l = p.match(l, r)
		}
	}
	return l
}

func (p *exprParser) unary(eval bool) exprValue {
	switch {
	case p.next("+"):
		if len(p.args) == 0 {
			p.missing("+")
		}
		v := exprValue{s: p.args[0]}
		p.args = p.args[1:]
		return v
	case p.next("length"):
		r := p.unary(eval)
		return exprInt(int64(len(r.String())))
	case p.next("match"):
		l := p.unary(eval)
		r := p.unary(eval)
		if eval {
			return p.match(l, r)
		}
		return l
	case p.next("index"):
		l := p.unary(eval).String()
		r := p.unary(eval).String()
		return exprInt(int64(strings.IndexAny(l, r) + 1))
	case p.next("substr"):
		s := p.unary(eval).String()
		i1 := p.unary(eval)
		i2 := p.unary(eval)
		a, ok1 := i1.toInt()
		b, ok2 := i2.toInt()
		if !ok1 || !ok2 {
			return exprValue{}
		}
		size := func(n *big.Int) uint64 {
			if n.Sign() < 0 || !n.IsUint64() {
				return ^uint64(0)
			}
			return n.Uint64()
		}
		pos, n := size(a), size(b)
		l := uint64(len(s))
		if l < pos || pos == 0 || n == 0 || n == ^uint64(0) {
			return exprValue{}
		}
		n = min(n, l-pos+1)
		return exprValue{s: s[pos-1 : pos-1+n]}
	}
	return p.primary(eval)
}

func (p *exprParser) primary(eval bool) exprValue {
	if len(p.args) == 0 {
		p.fail(2, "syntax error: missing argument after %s", quote(p.prevArg()))
	}
	if p.next("(") {
		v := p.or(eval)
		if len(p.args) == 0 {
			p.fail(2, "syntax error: expecting ')' after %s", quote(p.prevArg()))
		}
		if !p.next(")") {
			p.fail(2, "syntax error: expecting ')' instead of %s", quote(p.args[0]))
		}
		return v
	}
	if p.next(")") {
		p.fail(2, "syntax error: unexpected ')'")
	}
	v := exprValue{s: p.args[0]}
	p.args = p.args[1:]
	return v
}

// prevArg is the argument before the unparsed ones.
func (p *exprParser) prevArg() string {
	all := p.c.Args
	i := len(all) - len(p.args) - 1
	if i < 1 {
		return ""
	}
	return all[i]
}

// match is "STRING : REGEX".
func (p *exprParser) match(sv, pv exprValue) exprValue {
	s := sv.String()
	re, groups, err := breToGo(pv.String())
	if err != "" {
		p.fail(2, "%s", err)
	}
	rx, cerr := regexp.Compile(re)
	if cerr != nil {
		p.fail(2, "Invalid regular expression")
	}
	rx.Longest()
	m := rx.FindStringSubmatchIndex(s)
	if m == nil {
		if groups > 0 {
			return exprValue{}
		}
		return exprInt(0)
	}
	if groups > 0 {
		if m[2] < 0 {
			return exprValue{}
		}
		return exprValue{s: s[m[2]:m[3]]}
	}
	return exprInt(int64(m[1]))
}

// breToGo translates a GNU basic regular expression, as expr uses it
// (anchored at the start), to an RE2 pattern. It returns the number of
// \( groups, or GNU's message for a bad pattern.
func breToGo(bre string) (string, int, string) {
	var b strings.Builder
	b.WriteString(`(?s)\A(?:`)
	groups, open := 0, 0
	var closed []bool // closed[i]: group i+1 has been closed
	var stack []int
	// atStart: a '*' here is literal, a '^' an anchor.
	atStart := true
	lastAtom := false // something a repetition can apply to
	for i := 0; i < len(bre); i++ {
		ch := bre[i]
		start := atStart
		atStart = false
		lastRep := endsInRepetition(b.String())
		switch ch {
		case '\\':
			if i+1 >= len(bre) {
				return "", 0, "Trailing backslash"
			}
			i++
			e := bre[i]
			switch {
			case e == '(':
				groups++
				open++
				stack = append(stack, groups)
				closed = append(closed, false)
				b.WriteByte('(')
				atStart = true
				lastAtom = false
				continue
			case e == ')':
				if open == 0 {
					return "", 0, "Unmatched ) or \\)"
				}
				open--
				closed[stack[len(stack)-1]-1] = true
				stack = stack[:len(stack)-1]
				b.WriteByte(')')
			case e == '|':
				b.WriteByte('|')
				atStart = true
				lastAtom = false
				continue
			case e == '{':
				if start || !lastAtom {
					b.WriteString(`\{`)
					break
				}
				end := strings.Index(bre[i:], `\}`)
				if end < 0 {
					return "", 0, "Unmatched \\{"
				}
				body := bre[i+1 : i+end]
				lo, hi, comma := body, "", false
				if k := strings.IndexByte(body, ','); k >= 0 {
					lo, hi, comma = body[:k], body[k+1:], true
				}
				if lo == "" {
					lo = "0"
				}
				if !allDigits(lo) || hi != "" && !allDigits(hi) {
					return "", 0, "Invalid content of \\{\\}"
				}
				l, _ := strconv.Atoi(lo)
				if hi != "" {
					h, _ := strconv.Atoi(hi)
					if h < l {
						return "", 0, "Invalid content of \\{\\}"
					}
				}
				if l > 1000 || hi != "" && len(hi) > 4 {
					return "", 0, "Regular expression too big"
				}
				b.WriteByte('{')
				b.WriteString(lo)
				if comma {
					b.WriteByte(',')
					b.WriteString(hi)
				}
				b.WriteByte('}')
				i += end + 1
				continue
			case e == '+' || e == '?':
				if lastRep {
					continue
				}
				if start || !lastAtom {
					b.WriteString(regexp.QuoteMeta(string(e)))
					break
				}
				b.WriteByte(e)
				continue
			case e >= '1' && e <= '9':
				n := int(e - '0')
				if n > groups || !closed[n-1] {
					return "", 0, "Invalid back reference"
				}
				return "", 0, "back-references (\\" + string(e) + ") are not supported"
			case e == 'w':
				b.WriteString(`[[:alnum:]_]`)
			case e == 'W':
				b.WriteString(`[^[:alnum:]_]`)
			case e == 's':
				b.WriteString(`[[:space:]]`)
			case e == 'S':
				b.WriteString(`[^[:space:]]`)
			case e == 'b', e == '<', e == '>':
				b.WriteString(`\b`)
				lastAtom = false
				continue
			case e == 'B':
				b.WriteString(`\B`)
				lastAtom = false
				continue
			case e == '`':
				b.WriteString(`\A`)
				lastAtom = false
				continue
			case e == '\'':
				b.WriteString(`\z`)
				lastAtom = false
				continue
			default:
				b.WriteString(regexp.QuoteMeta(string(e)))
			}
			lastAtom = true
		case '*':
			if lastRep {
				continue
			}
			if start || !lastAtom {
				b.WriteString(`\*`)
				lastAtom = true
				continue
			}
			b.WriteByte('*')
		case '^':
			if start {
				b.WriteByte('^')
				atStart = true
				lastAtom = false
				continue
			}
			b.WriteString(`\^`)
			lastAtom = true
		case '$':
			rest := bre[i+1:]
			if rest == "" || strings.HasPrefix(rest, `\)`) || strings.HasPrefix(rest, `\|`) {
				b.WriteString(`\z`)
				lastAtom = false
				continue
			}
			b.WriteString(`\$`)
			lastAtom = true
		case '[':
			cls, n, err := bracketToGo(bre[i:])
			if err != "" {
				return "", 0, err
			}
			b.WriteString(cls)
			i += n - 1
			lastAtom = true
		case '.':
			b.WriteByte('.')
			lastAtom = true
		default:
			b.WriteString(regexp.QuoteMeta(string(ch)))
			lastAtom = true
		}
	}
	if open > 0 {
		return "", 0, "Unmatched ( or \\("
	}
	b.WriteByte(')')
	return b.String(), groups, ""
}

// bracketToGo translates the bracket expression at the start of s and
// returns it with the number of bytes it took.
func bracketToGo(s string) (string, int, string) {
	var b strings.Builder
	b.WriteByte('[')
	i := 1
	if i < len(s) && s[i] == '^' {
		b.WriteByte('^')
		i++
	}
	first := true
	for {
		if i >= len(s) {
			if len(s) == 1 {
				return "", 0, "Invalid regular expression"
			}
			return "", 0, "Unmatched [, [^, [:, [., or [="
		}
		ch := s[i]
		if ch == ']' && !first {
			i++
			break
		}
		first = false
		if ch == '[' && i+1 < len(s) && (s[i+1] == ':' || s[i+1] == '=' || s[i+1] == '.') {
			kind := s[i+1]
			end := strings.Index(s[i+2:], string(kind)+"]")
			if end < 0 {
				return "", 0, "Unmatched [, [^, [:, [., or [="
			}
			name := s[i+2 : i+2+end]
			i += 2 + end + 2
			if kind == ':' {
				switch name {
				case "alpha", "digit", "alnum", "upper", "lower", "space", "blank",
					"punct", "print", "graph", "cntrl", "xdigit":
					b.WriteString("[:" + name + ":]")
				default:
					return "", 0, "Invalid character class name"
				}
				continue
			}
			if len(name) != 1 {
				return "", 0, "Invalid collation character"
			}
			b.WriteString(bracketByte(name[0]))
			continue
		}
		lo := ch
		i++
		if i+1 < len(s) && s[i] == '-' && s[i+1] != ']' {
			hi := s[i+1]
			i += 2
			if hi < lo {
				continue // an empty range matches nothing
			}
			b.WriteString(bracketByte(lo) + "-" + bracketByte(hi))
			continue
		}
		b.WriteString(bracketByte(lo))
	}
	out := b.String() + "]"
	if out == "[]" {
		return `[^\x00-\x{10FFFF}]`, i, ""
	}
	if out == "[^]" {
		return `(?:.)`, i, ""
	}
	return out, i, ""
}

func bracketByte(ch byte) string {
	if isAlnum(ch) {
		return string(ch)
	}
	return `\x{` + strconv.FormatInt(int64(ch), 16) + `}`
}

// endsInRepetition reports whether the RE2 pattern being built ends with
// a repetition operator, after which RE2 refuses another one (a** is a*
// for GNU).
func endsInRepetition(re string) bool {
	n := len(re)
	return n >= 2 && strings.IndexByte("*+?}", re[n-1]) >= 0 && re[n-2] != '\\'
}
