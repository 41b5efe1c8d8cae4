package builtins

// tr, as GNU's in the C locale: translating, -d, -s, -c/-C, -t; ranges
// a-z, classes [:alnum:] [:alpha:] [:blank:] [:cntrl:] [:digit:]
// [:graph:] [:lower:] [:print:] [:punct:] [:space:] [:upper:] [:xdigit:],
// equivalence classes [=c=], repeats [c*n] and [c*], the escapes \\ \a \b
// \f \n \r \t \v and \NNN, GNU's checks of the two strings with its
// messages and warnings. Options end at the first operand, as GNU's
// ("tr a -d" translates to "-d"). Input is streamed.

import (
	"fmt"
	"io"
	"strconv"
)

func init() { Register("tr", tr) }

var trSpec = optSpec{
	Short: "AcCdst",
	Long: []longOpt{
		{Name: "complement", Key: "c"},
		{Name: "delete", Key: "d"},
		{Name: "squeeze-repeats", Key: "s"},
		{Name: "truncate-set1", Key: "t"},
	},
	Status: 1,
	Usage: `Usage: tr [OPTION]... STRING1 [STRING2]
Translate, squeeze, and/or delete characters from standard input,
writing to standard output.  STRING1 and STRING2 specify arrays of
characters ARRAY1 and ARRAY2 that control the action.

  -c, -C, --complement    use the complement of ARRAY1
  -d, --delete            delete characters in ARRAY1, do not translate
  -s, --squeeze-repeats   replace each sequence of a repeated character
                            that is listed in the last specified ARRAY,
                            with a single occurrence of that character
  -t, --truncate-set1     first truncate ARRAY1 to length of ARRAY2
      --help        display this help and exit
      --version     output version information and exit

ARRAYs are specified as strings of characters.  Most represent themselves.
Interpreted sequences are:

  \NNN            character with octal value NNN (1 to 3 octal digits)
  \\              backslash
  \a              audible BEL
  \b              backspace
  \f              form feed
  \n              new line
  \r              return
  \t              horizontal tab
  \v              vertical tab
  CHAR1-CHAR2     all characters from CHAR1 to CHAR2 in ascending order
  [CHAR*]         in ARRAY2, copies of CHAR until length of ARRAY1
  [CHAR*REPEAT]   REPEAT copies of CHAR, REPEAT octal if starting with 0
  [:alnum:]       all letters and digits
  [:alpha:]       all letters
  [:blank:]       all horizontal whitespace
  [:cntrl:]       all control characters
  [:digit:]       all digits
  [:graph:]       all printable characters, not including space
  [:lower:]       all lower case letters
  [:print:]       all printable characters, including space
  [:punct:]       all punctuation characters
  [:space:]       all horizontal or vertical whitespace
  [:upper:]       all upper case letters
  [:xdigit:]      all hexadecimal digits
  [=CHAR=]        all characters which are equivalent to CHAR

Translation occurs if -d is not given and both STRING1 and STRING2 appear.
-t is only significant when translating.  ARRAY2 is extended to length of
ARRAY1 by repeating its last character as necessary.  Excess characters
of ARRAY2 are ignored.  Character classes expand in unspecified order;
while translating, [:lower:] and [:upper:] may be used in pairs to
specify case conversion.  Squeezing occurs after translation or deletion.
`,
}

// Kinds of elements of a tr string.
const (
	trNormal = iota
	trRange
	trClass
	trEquiv
	trRepeat
)

// trMaxRepeat is GNU's REPEAT_COUNT_MAXIMUM on 64-bit systems.
const trMaxRepeat = int64(^uint64(0) >> 1)

type trElem struct {
	kind   int
	ch     byte // normal, equiv, repeat
	lo, hi byte // range
	class  string
	count  int64 // repeat; 0 means [c*]
}

// trSpecList is a parsed string with GNU's iteration state.
type trSpecList struct {
	elems              []trElem
	idx                int
	state              int // -1: at a new element
	length             int64
	indefinite         int
	indefIdx           int
	hasEquiv, hasClass bool
	hasRestrictedClass bool
}

func trClassMember(class string, c int) bool {
	b := byte(c)
	switch class {
	case "alnum":
		return isDigit(b) || isAlpha(b)
	case "alpha":
		return isAlpha(b)
	case "blank":
		return b == ' ' || b == '\t'
	case "cntrl":
		return c < 32 || c == 127
	case "digit":
		return isDigit(b)
	case "graph":
		return c > 32 && c < 127
	case "lower":
		return b >= 'a' && b <= 'z'
	case "print":
		return c >= 32 && c < 127
	case "punct":
		return c > 32 && c < 127 && !isDigit(b) && !isAlpha(b)
	case "space":
		return b == ' ' || (b >= '\t' && b <= '\r')
	case "upper":
		return b >= 'A' && b <= 'Z'
	case "xdigit":
		return isDigit(b) || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F')
	}
	return false
}

var trClasses = map[string]bool{"alnum": true, "alpha": true, "blank": true, "cntrl": true, "digit": true,
	"graph": true, "lower": true, "print": true, "punct": true, "space": true, "upper": true, "xdigit": true}

// begin resets the iteration.
func (s *trSpecList) begin() { s.idx, s.state = 0, -1 }

// skip moves past the current element.
func (s *trSpecList) skip() { s.idx++; s.state = -1 }

// next returns the next character of the expansion, or -1, and the case
// class ('u', 'l' or 0) it comes from.
func (s *trSpecList) next() (int, byte) {
	if s.idx >= len(s.elems) {
		return -1, 0
	}
	e := &s.elems[s.idx]
	switch e.kind {
	case trNormal, trEquiv:
		s.skip()
		return int(e.ch), 0
	case trRange:
		if s.state == -1 {
			s.state = int(e.lo)
		} else {
			s.state++
		}
		r := s.state
		if r == int(e.hi) {
			s.skip()
		}
		return r, 0
	case trClass:
		cls := byte(0)
		switch e.class {
		case "upper":
			cls = 'u'
		case "lower":
			cls = 'l'
		}
		if s.state == -1 {
			i := 0
			for !trClassMember(e.class, i) {
				i++
			}
			s.state = i
		}
		r := s.state
		i := r + 1
		for i < 256 && !trClassMember(e.class, i) {
			i++
		}
		if i < 256 {
			s.state = i
		} else {
			s.skip()
		}
		return r, cls
	default: // trRepeat
		if e.count == 0 {
			s.skip()
			return s.next()
		}
		if s.state == -1 {
			s.state = 0
		}
		s.state++
		if int64(s.state) == e.count {
			s.skip()
		}
		return int(e.ch), 0
	}
}

// trPrintable is GNU's make_printable_str.
func trPrintable(s []byte) string {
	var b []byte
	for _, c := range s {
		switch c {
		case '\\':
			b = append(b, '\\')
		case '\a':
			b = append(b, `\a`...)
		case '\b':
			b = append(b, `\b`...)
		case '\f':
			b = append(b, `\f`...)
		case '\n':
			b = append(b, `\n`...)
		case '\r':
			b = append(b, `\r`...)
		case '\t':
			b = append(b, `\t`...)
		case '\v':
			b = append(b, `\v`...)
		default:
			if c >= 32 && c < 127 {
				b = append(b, c)
			} else {
				b = append(b, fmt.Sprintf("\\%03o", c)...)
			}
		}
	}
	return string(b)
}

func trPrintableChar(c byte) string {
	if c >= 32 && c < 127 {
		return string(c)
	}
	return fmt.Sprintf("\\%03o", c)
}

// trParse parses a string operand; it prints GNU's message and returns
// false on error.
func (c *Context) trParse(arg string) (*trSpecList, bool) {
	// First pass: escapes.
	var s []byte
	var esc []bool
	for i := 0; i < len(arg); i++ {
		if arg[i] != '\\' {
			s, esc = append(s, arg[i]), append(esc, false)
			continue
		}
		var ch byte
		escaped := true
		next := byte(0)
		if i+1 < len(arg) {
			next = arg[i+1]
		}
		switch next {
		case 'a':
			ch = '\a'
		case 'b':
			ch = '\b'
		case 'f':
			ch = '\f'
		case 'n':
			ch = '\n'
		case 'r':
			ch = '\r'
		case 't':
			ch = '\t'
		case 'v':
			ch = '\v'
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(next - '0')
			if d := at([]byte(arg), i+2); d >= '0' && d <= '7' {
				v = v*8 + int(d-'0')
				i++
				if d2 := at([]byte(arg), i+2); d2 >= '0' && d2 <= '7' {
					if v*8+int(d2-'0') < 256 {
						v = v*8 + int(d2-'0')
						i++
					} else {
						c.Errorf("warning: the ambiguous octal escape \\%c%c%c is being\n\tinterpreted as the 2-byte sequence \\0%c%c, %c",
							arg[i], arg[i+1], arg[i+2], arg[i], arg[i+1], arg[i+2])
					}
				}
			}
			ch = byte(v)
		case 0:
			if i+1 >= len(arg) {
				c.Errorf("warning: an unescaped backslash at end of string is not portable")
				escaped = false
				i--
				ch = '\\'
			}
		default:
			ch = next
		}
		i++
		s, esc = append(s, ch), append(esc, escaped)
	}
	match := func(i int, ch byte) bool { return i < len(s) && s[i] == ch && !esc[i] }
	list := &trSpecList{}
	add := func(e trElem) { list.elems = append(list.elems, e) }
	i := 0
	for i+2 < len(s) {
		if match(i, '[') {
			if match(i+1, ':') || match(i+1, '=') {
				delim := s[i+1]
				closeIdx := -1
				for j := i + 2; j < len(s)-1; j++ {
					if s[j] == delim && s[j+1] == ']' && !esc[j] && !esc[j+1] {
						closeIdx = j
						break
					}
				}
				if closeIdx >= 0 {
					opnd := s[i+2 : closeIdx]
					if len(opnd) == 0 {
						if delim == ':' {
							c.Errorf("missing character class name '[::]'")
						} else {
							c.Errorf("missing equivalence class character '[==]'")
						}
						return nil, false
					}
					ok := false
					if delim == ':' {
						if trClasses[string(opnd)] {
							add(trElem{kind: trClass, class: string(opnd)})
							ok = true
						}
					} else if len(opnd) == 1 {
						add(trElem{kind: trEquiv, ch: opnd[0]})
						ok = true
					}
					if ok {
						i = closeIdx + 2
						continue
					}
					if !trStarDigitsClose(s, esc, i+2) {
						if delim == ':' {
							c.Errorf("invalid character class %s", quote(trPrintable(opnd)))
						} else {
							c.Errorf("%s: equivalence class operand must be a single character", trPrintable(opnd))
						}
						return nil, false
					}
				}
			}
			// [c*n]
			if match(i+2, '*') {
				found := false
				for j := i + 3; j < len(s) && !esc[j]; j++ {
					if s[j] != ']' {
						continue
					}
					digits := s[i+3 : j]
					var n int64
					if len(digits) > 0 {
						base := 10
						if digits[0] == '0' {
							base = 8
						}
						v, err := strconv.ParseInt(string(digits), base, 64)
						if err != nil || v < 0 {
							c.Errorf("invalid repeat count %s in [c*n] construct", quote(trPrintable(digits)))
							return nil, false
						}
						n = v
					}
					add(trElem{kind: trRepeat, ch: s[i+1], count: n})
					i = j + 1
					found = true
					break
				}
				if found {
					continue
				}
			}
		}
		if match(i+1, '-') {
			if s[i+2] < s[i] {
				c.Errorf("range-endpoints of '%s-%s' are in reverse collating sequence order",
					trPrintableChar(s[i]), trPrintableChar(s[i+2]))
				return nil, false
			}
			add(trElem{kind: trRange, lo: s[i], hi: s[i+2]})
			i += 3
			continue
		}
		add(trElem{kind: trNormal, ch: s[i]})
		i++
	}
	for ; i < len(s); i++ {
		add(trElem{kind: trNormal, ch: s[i]})
	}
	return list, true
}

// trStarDigitsClose reports whether s[i:] matches \*[0-9]*] unescaped.
func trStarDigitsClose(s []byte, esc []bool, i int) bool {
	if !(i < len(s) && s[i] == '*' && !esc[i]) {
		return false
	}
	for j := i + 1; j < len(s); j++ {
		if !isDigit(s[j]) || esc[j] {
			return s[j] == ']' && !esc[j]
		}
	}
	return false
}

// stats computes GNU's get_spec_stats.
func (s *trSpecList) stats() {
	s.length, s.indefinite = 0, 0
	s.hasEquiv, s.hasClass, s.hasRestrictedClass = false, false, false
	for i, e := range s.elems {
		var n int64
		switch e.kind {
		case trNormal, trEquiv:
			n = 1
			if e.kind == trEquiv {
				s.hasEquiv = true
			}
		case trRange:
			n = int64(e.hi) - int64(e.lo) + 1
		case trClass:
			s.hasClass = true
			for c := 0; c < 256; c++ {
				if trClassMember(e.class, c) {
					n++
				}
			}
			if e.class != "upper" && e.class != "lower" {
				s.hasRestrictedClass = true
			}
		case trRepeat:
			if e.count > 0 {
				n = e.count
			} else {
				s.indefinite++
				s.indefIdx = i
			}
		}
		if n > trMaxRepeat-s.length {
			s.length = trMaxRepeat
		} else {
			s.length += n
		}
	}
}

// set returns the characters of s as a membership table.
func (s *trSpecList) set(complement bool) *[256]bool {
	var in [256]bool
	s.begin()
	for {
		ch, _ := s.next()
		if ch < 0 {
			break
		}
		in[ch] = true
	}
	if complement {
		for i := range in {
			in[i] = !in[i]
		}
	}
	return &in
}

func tr(c *Context) int {
	c, _ = c.withStickyStdout()
	pc := *c
	env := c.Env
	pc.Env = func(name string) (string, bool) {
		if name == "POSIXLY_CORRECT" {
			return "", true
		}
		if env == nil {
			return "", false
		}
		return env(name)
	}
	p, err := pc.parseOpts(&trSpec)
	if err != nil {
		return exitStatus(err)
	}
	var complement, del, squeeze, truncate bool
	for _, o := range p.Opts {
		switch o.Key {
		case "c", "C":
			complement = true
		case "d":
			del = true
		case "s":
			squeeze = true
		case "t":
			truncate = true
		}
	}
	args := p.Operands
	n := len(args)
	translating := n == 2 && !del
	minOps := 1 + b2i(del == squeeze)
	maxOps := 1 + b2i(!del || squeeze)
	if n < minOps {
		if n == 0 {
			c.Errorf("missing operand")
		} else {
			c.Errorf("missing operand after %s", quote(args[n-1]))
			if squeeze {
				fmt.Fprintln(c.Stderr, "Two strings must be given when both deleting and squeezing repeats.")
			} else {
				fmt.Fprintln(c.Stderr, "Two strings must be given when translating.")
			}
		}
		c.tryHelp()
		return 1
	}
	if n > maxOps {
		c.Errorf("extra operand %s", quote(args[maxOps]))
		if n == 2 {
			fmt.Fprintln(c.Stderr, "Only one string may be given when deleting without squeezing repeats.")
		}
		c.tryHelp()
		return 1
	}
	s1, ok := c.trParse(args[0])
	if !ok {
		return 1
	}
	var s2 *trSpecList
	if n == 2 {
		if s2, ok = c.trParse(args[1]); !ok {
			return 1
		}
	}
	if !c.trValidate(s1, s2, complement, translating, truncate) {
		return 1
	}
	var delSet, sqSet *[256]bool
	var xlate [256]byte
	for i := range xlate {
		xlate[i] = byte(i)
	}
	switch {
	case squeeze && n == 1:
		sqSet = s1.set(complement)
	case del && n == 1:
		delSet = s1.set(complement)
	case squeeze && del:
		delSet = s1.set(complement)
		sqSet = s2.set(false)
	case translating:
		if complement {
			in := s1.set(false)
			s2.begin()
			for i := 0; i < 256; i++ {
				if !in[i] {
					ch, _ := s2.next()
					if ch < 0 {
						break
					}
					xlate[i] = byte(ch)
				}
			}
		} else {
			s1.begin()
			s2.begin()
			for {
				c1, cl1 := s1.next()
				c2, cl2 := s2.next()
				switch {
				case cl1 == 'l' && cl2 == 'u':
					for i := 'a'; i <= 'z'; i++ {
						xlate[i] = byte(i - 'a' + 'A')
					}
				case cl1 == 'u' && cl2 == 'l':
					for i := 'A'; i <= 'Z'; i++ {
						xlate[i] = byte(i - 'A' + 'a')
					}
				default:
					if c1 < 0 || c2 < 0 {
						goto done
					}
					xlate[c1] = byte(c2)
				}
				if cl2 != 0 {
					s1.skip()
					s2.skip()
				}
			}
		done:
		}
		if squeeze {
			sqSet = s2.set(false)
		}
	}
	return c.trRun(delSet, sqSet, &xlate)
}

// trValidate is GNU's validate; it prints the message and returns false
// when the strings do not fit the options.
func (c *Context) trValidate(s1, s2 *trSpecList, complement, translating, truncate bool) bool {
	s1.stats()
	if complement {
		in := s1.set(false)
		s1.length = 0
		for _, b := range in {
			if !b {
				s1.length++
			}
		}
	}
	if s1.indefinite > 0 {
		c.Errorf("the [c*] repeat construct may not appear in string1")
		return false
	}
	if s2 == nil {
		return true
	}
	s2.stats()
	if s1.length >= s2.length && s2.indefinite == 1 {
		s2.elems[s2.indefIdx].count = s1.length - s2.length
		s2.length = s1.length
	}
	if s2.indefinite > 1 {
		c.Errorf("only one [c*] repeat construct may appear in string2")
		return false
	}
	if !translating {
		if s2.indefinite > 0 {
			c.Errorf("the [c*] construct may appear in string2 only when translating")
			return false
		}
		return true
	}
	if s2.hasEquiv {
		c.Errorf("[=c=] expressions may not appear in string2 when translating")
		return false
	}
	if s2.hasRestrictedClass {
		c.Errorf("when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'")
		return false
	}
	if !complement && s2.hasClass {
		// validate_case_classes
		s1.begin()
		s2.begin()
		new1, new2 := true, true
		c1, c2 := 0, 0
		for c1 != -1 && c2 != -1 {
			var cl1, cl2 byte
			c1, cl1 = s1.next()
			c2, cl2 = s2.next()
			if new2 && cl2 != 0 && !(new1 && cl1 != 0) {
				c.Errorf("misaligned [:upper:] and/or [:lower:] construct")
				return false
			}
			if cl2 != 0 {
				s1.skip()
				s2.skip()
				s1.length -= 26 - 1
				s2.length -= 26 - 1
			}
			new1, new2 = s1.state == -1, s2.state == -1
		}
	}
	if s1.length > s2.length && !truncate {
		if s2.length == 0 {
			c.Errorf("when not truncating set1, string2 must be non-empty")
			return false
		}
		last := s2.elems[len(s2.elems)-1]
		var ch byte
		switch last.kind {
		case trNormal, trRepeat:
			ch = last.ch
		case trRange:
			ch = last.hi
		case trClass:
			c.Errorf("when translating with string1 longer than string2,\nthe latter string must not end with a character class")
			return false
		}
		s2.elems = append(s2.elems, trElem{kind: trRepeat, ch: ch, count: s1.length - s2.length})
		s2.length = s1.length
	}
	if complement && s1.hasClass {
		homogeneous := false
		if s2.length == s1.length {
			s2.begin()
			first, _ := s2.next()
			homogeneous = first >= 0
			for homogeneous {
				ch, _ := s2.next()
				if ch < 0 {
					break
				}
				if ch != first {
					homogeneous = false
				}
			}
		}
		if !homogeneous {
			c.Errorf("when translating with complemented character classes,\nstring2 must map all characters in the domain to one")
			return false
		}
	}
	return true
}

// trRun filters stdin: translation, then deletion, then squeezing.
func (c *Context) trRun(delSet, sqSet *[256]bool, xlate *[256]byte) int {
	in := c.Stdin
	if in == nil {
		in = eofReader{}
	}
	buf := make([]byte, textBufSize)
	outBuf := make([]byte, 0, textBufSize)
	last := -1 // the last character written, for squeezing
	for {
		if c.stopped() {
			return 1
		}
		n, err := in.Read(buf)
		outBuf = outBuf[:0]
		for _, b := range buf[:n] {
			if delSet != nil && delSet[b] {
				continue
			}
			b = xlate[b]
			if sqSet != nil && sqSet[b] && int(b) == last {
				continue
			}
			last = int(b)
			outBuf = append(outBuf, b)
		}
		if len(outBuf) > 0 {
			if _, werr := c.Stdout.Write(outBuf); werr != nil {
				return c.writeFailed(werr)
			}
		}
		if err == io.EOF {
			return 0
		}
		if err != nil {
			if c.Canceled() {
				return 1
			}
			return c.Failf(1, "read error: %s", ErrText(err))
		}
	}
}
