package builtins

// join, as GNU's: -1 -2 -j FIELD, -t CHAR (and -t '' for whole lines,
// -t '\0'), -a and -v FILENUM, -e STRING, -o FORMAT (FILENUM.FIELD lists
// separated by commas or blanks, 0, auto), -i, --check-order and
// --nocheck-order with GNU's messages, --header, -z. Byte comparison, as in
// the C locale. Not supported: the obsolete forms "-j1 FIELD" and a -o
// list continued in the next argument ("-o 1.1 2.2"). Input is read a line
// at a time; only a run of lines with the same key is held.

import (
	"bytes"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
)

func init() { Register("join", join) }

var joinSpec = optSpec{
	Short: "1:2:a:e:ij:o:t:v:z",
	Long: []longOpt{
		{Name: "ignore-case", Key: "i"},
		{Name: "check-order", Key: "check-order"},
		{Name: "nocheck-order", Key: "nocheck-order"},
		{Name: "zero-terminated", Key: "z"},
		{Name: "header", Key: "header"},
	},
	Status: 1,
	Usage: `Usage: join [OPTION]... FILE1 FILE2
For each pair of input lines with identical join fields, write a line to
standard output.  The default join field is the first, delimited by blanks.

When FILE1 or FILE2 (not both) is -, read standard input.

  -a FILENUM        also print unpairable lines from file FILENUM, where
                      FILENUM is 1 or 2, corresponding to FILE1 or FILE2
  -e STRING         replace missing (empty) input fields with STRING;
                      I.e., missing fields specified with '-12jo' options
  -i, --ignore-case  ignore differences in case when comparing fields
  -j FIELD          equivalent to '-1 FIELD -2 FIELD'
  -o FORMAT         obey FORMAT while constructing output line
  -t CHAR           use CHAR as input and output field separator
  -v FILENUM        like -a FILENUM, but suppress joined output lines
  -1 FIELD          join on this FIELD of file 1
  -2 FIELD          join on this FIELD of file 2
      --check-order   check that the input is correctly sorted, even
                      if all input lines are pairable
      --nocheck-order  do not check that the input is correctly sorted
      --header      treat the first line in each file as field headers,
                      print them without trying to pair them
  -z, --zero-terminated     line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

Unless -t CHAR is given, leading blanks separate fields and are ignored,
else fields are separated by CHAR.  Any FIELD is a field number counted
from 1.  FORMAT is one or more comma or blank separated specifications,
each being 'FILENUM.FIELD' or '0'.  Default FORMAT outputs the join field,
the remaining fields from FILE1, the remaining fields from FILE2, all
separated by CHAR.  If FORMAT is the keyword 'auto', then the first
line of each input file determines the number of fields output for each
line.

Important: FILE1 and FILE2 must be sorted on the join fields.
E.g., use "sort -k 1b,1" if 'join' has no options,
or use "join -t ''" if 'sort' has no options.
Note, comparisons honor the rules specified by 'LC_COLLATE'.
If the input is not sorted and some lines cannot be joined, a
warning message will be given.
`,
}

const joinUnset = math.MaxInt

// joinLine is an input line split into fields.
type joinLine struct {
	buf    []byte // without the line delimiter
	fields [][2]int
}

type joinOut struct{ file, field int }

type joinState struct {
	c          *Context
	out        *errWriter
	tab        int // -1: blanks
	eol        byte
	jf         [2]int
	ignoreCase bool
	check      int // 0 default, 1 enabled, -1 disabled
	header     bool
	unpair     [2]bool
	pairs      bool
	empty      *string
	format     []joinOut
	auto       bool
	autocount  [2]int

	names    [2]string
	readers  [2]*lineReader
	lineNo   [2]int64
	prev     [2]*joinLine
	warned   [2]bool
	unpaired bool
	fatal    bool
}

// joinFieldNum parses a field number as GNU's string_to_join_field does.
func (c *Context) joinFieldNum(s string) (int, bool) {
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	t = strings.TrimPrefix(t, "+")
	ok := t != ""
	for i := 0; i < len(t); i++ {
		if t[i] < '0' || t[i] > '9' {
			ok = false
		}
	}
	if ok {
		v, err := strconv.ParseUint(t, 10, 64)
		if err != nil || v > math.MaxInt32 {
			return joinUnset - 1, true
		}
		if v > 0 {
			return int(v) - 1, true
		}
	}
	c.Errorf("invalid field number: %s", quote(s))
	return 0, false
}

func join(c *Context) int {
	p, err := c.parseOpts(&joinSpec)
	if err != nil {
		return exitStatus(err)
	}
	st := &joinState{c: c, tab: -1, eol: '\n', jf: [2]int{joinUnset, joinUnset}, pairs: true}
	setField := func(i, v int) bool {
		if st.jf[i] != joinUnset && st.jf[i] != v {
			c.Errorf("incompatible join fields %d, %d", st.jf[i]+1, v+1)
			return false
		}
		st.jf[i] = v
		return true
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "a", "v":
			if o.Key == "v" {
				st.pairs = false
			}
			v, e := parseIntArg(o.Val, 1, 2)
			if e != numOK {
				return c.Failf(1, "invalid field number: %s", quote(o.Val))
			}
			st.unpair[v-1] = true
		case "e":
			s := o.Val
			st.empty = &s
		case "i":
			st.ignoreCase = true
		case "j", "1", "2":
			f, ok := c.joinFieldNum(o.Val)
			if !ok {
				return 1
			}
			if o.Key != "2" && !setField(0, f) {
				return 1
			}
			if o.Key != "1" && !setField(1, f) {
				return 1
			}
		case "o":
			if o.Val == "auto" {
				st.auto = true
				break
			}
			if !st.addFormat(o.Val) {
				return 1
			}
		case "t":
			tab := -1
			switch {
			case o.Val == "":
				tab = '\n'
			case len(o.Val) == 1:
				tab = int(o.Val[0])
			case o.Val == `\0`:
				tab = 0
			default:
				return c.Failf(1, "multi-character tab %s", quote(o.Val))
			}
			if st.tab >= 0 && st.tab != tab {
				return c.Failf(1, "incompatible tabs")
			}
			st.tab = tab
		case "z":
			st.eol = 0
		case "check-order":
			st.check = 1
		case "nocheck-order":
			st.check = -1
		case "header":
			st.header = true
		}
	}
	switch len(p.Operands) {
	case 0:
		return c.usageErr(1, "missing operand")
	case 1:
		return c.usageErr(1, "missing operand after %s", quote(p.Operands[0]))
	case 2:
	default:
		return c.usageErr(1, "extra operand %s", quote(p.Operands[2]))
	}
	for i := range st.jf {
		if st.jf[i] == joinUnset {
			st.jf[i] = 0
		}
	}
	st.names = [2]string{p.Operands[0], p.Operands[1]}
	for i, name := range st.names {
		r, err := c.openInput(name)
		if err != nil {
			c.PathErr(quoteIf(name), err)
			return 1
		}
		defer r.Close()
		st.readers[i] = newLineReader(r, st.eol)
	}
	if st.names[0] == "-" && st.names[1] == "-" {
		return c.Failf(1, "both files cannot be standard input")
	}
	c, sw := c.withStickyStdout()
	st.c = c
	st.out = newErrWriter(sw)
	err = st.run()
	if ferr := st.out.Flush(); ferr != nil {
		return c.writeFailed(ferr)
	}
	if err == errJoinFatal {
		return 1
	}
	if err != nil {
		if !c.Canceled() {
			c.Errorf("read error: %s", ErrText(err))
		}
		return 1
	}
	if st.fatal {
		return 1
	}
	if st.warned[0] || st.warned[1] {
		return c.Failf(1, "input is not in sorted order")
	}
	return 0
}

func (st *joinState) addFormat(list string) bool {
	var items []string
	start := 0
	for i := 0; i <= len(list); i++ {
		if i == len(list) || list[i] == ',' || list[i] == ' ' || list[i] == '\t' {
			items = append(items, list[start:i])
			start = i + 1
		}
	}
	for _, item := range items {
		if item == "" {
			st.c.Errorf("invalid file number in field spec: %s", quote(item))
			return false
		}
		switch item[0] {
		case '0':
			if len(item) > 1 {
				st.c.Errorf("invalid field specifier: %s", quote(item))
				return false
			}
			st.format = append(st.format, joinOut{0, 0})
		case '1', '2':
			if len(item) < 2 || item[1] != '.' {
				st.c.Errorf("invalid field specifier: %s", quote(item))
				return false
			}
			f, ok := st.c.joinFieldNum(item[2:])
			if !ok {
				return false
			}
			st.format = append(st.format, joinOut{int(item[0] - '0'), f})
		default:
			st.c.Errorf("invalid file number in field spec: %s", quote(item))
			return false
		}
	}
	return true
}

func joinBlank(b byte) bool { return b == ' ' || b == '\t' || b == '\n' }

// split fills l.fields as GNU's xfields does.
func (st *joinState) split(l *joinLine) {
	l.fields = l.fields[:0]
	b := l.buf
	if len(b) == 0 {
		return
	}
	add := func(s, e int) { l.fields = append(l.fields, [2]int{s, e}) }
	ptr := 0
	lim := len(b)
	switch {
	case st.tab >= 0 && st.tab != '\n':
		for {
			i := bytes.IndexByte(b[ptr:], byte(st.tab))
			if i < 0 {
				break
			}
			add(ptr, ptr+i)
			ptr += i + 1
		}
	case st.tab < 0:
		for joinBlank(b[ptr]) {
			ptr++
			if ptr == lim {
				return
			}
		}
		for {
			sep := ptr + 1
			for sep != lim && !joinBlank(b[sep]) {
				sep++
			}
			add(ptr, sep)
			if sep == lim {
				return
			}
			for ptr = sep + 1; ptr != lim && joinBlank(b[ptr]); ptr++ {
			}
			if ptr == lim {
				break
			}
		}
	}
	add(ptr, lim)
}

func (l *joinLine) field(n int) []byte {
	if n < len(l.fields) {
		f := l.fields[n]
		return l.buf[f[0]:f[1]]
	}
	return nil
}

func (st *joinState) keycmp(a, b *joinLine, f1, f2 int) int {
	k1, k2 := a.field(f1), b.field(f2)
	if len(k1) == 0 {
		if len(k2) == 0 {
			return 0
		}
		return -1
	}
	if len(k2) == 0 {
		return 1
	}
	if st.ignoreCase {
		n := min(len(k1), len(k2))
		for i := 0; i < n; i++ {
			x, y := upperASCII(k1[i]), upperASCII(k2[i])
			if x != y {
				return int(x) - int(y)
			}
		}
		return len(k1) - len(k2)
	}
	return bytes.Compare(k1, k2)
}

func upperASCII(b byte) byte {
	if b >= 'a' && b <= 'z' {
		return b - 32
	}
	return b
}

var joinBlankLine = &joinLine{}

// getLine reads the next line of file which (0 or 1), checking order.
func (st *joinState) getLine(which int) (*joinLine, error) {
	data, err := st.readers[which].next()
	if err != nil {
		return nil, err
	}
	l := &joinLine{}
	if len(data) > 0 && data[len(data)-1] == st.eol {
		data = data[:len(data)-1]
	}
	l.buf = append([]byte(nil), data...)
	st.lineNo[which]++
	st.split(l)
	if st.prev[which] != nil {
		st.checkOrder(st.prev[which], l, which)
	}
	st.prev[which] = l
	if st.fatal {
		return nil, errJoinFatal
	}
	return l, nil
}

func (st *joinState) checkOrder(prev, cur *joinLine, which int) {
	if st.check < 0 || (st.check == 0 && !st.unpaired) || st.warned[which] {
		return
	}
	if st.keycmp(prev, cur, st.jf[which], st.jf[which]) <= 0 {
		return
	}
	st.out.Flush()
	st.c.Errorf("%s:%d: is not sorted: %s", st.names[which], st.lineNo[which], cur.buf)
	if st.check > 0 {
		st.fatal = true
	}
	st.warned[which] = true
}

// getSeq appends the next line of file which to seq; false at the end.
func (st *joinState) getSeq(which int, seq *[]*joinLine) (bool, error) {
	l, err := st.getLine(which)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	*seq = append(*seq, l)
	return true, nil
}

func (st *joinState) run() error {
	var seq [2][]*joinLine
	for i := 0; i < 2; i++ {
		if _, err := st.getSeq(i, &seq[i]); err != nil {
			return err
		}
	}
	if st.auto {
		for i := 0; i < 2; i++ {
			if len(seq[i]) > 0 {
				st.autocount[i] = len(seq[i][0].fields)
			}
		}
	}
	advance := func(i int) error {
		seq[i] = seq[i][:0]
		_, err := st.getSeq(i, &seq[i])
		return err
	}
	if st.header && (len(seq[0]) > 0 || len(seq[1]) > 0) {
		h := [2]*joinLine{joinBlankLine, joinBlankLine}
		for i := 0; i < 2; i++ {
			if len(seq[i]) > 0 {
				h[i] = seq[i][0]
			}
		}
		st.prjoin(h[0], h[1])
		st.prev = [2]*joinLine{}
		for i := 0; i < 2; i++ {
			if len(seq[i]) > 0 {
				if err := advance(i); err != nil {
					return err
				}
			}
		}
	}
	for len(seq[0]) > 0 && len(seq[1]) > 0 {
		if st.c.stopped() || st.out.err != nil {
			return nil
		}
		diff := st.keycmp(seq[0][0], seq[1][0], st.jf[0], st.jf[1])
		if diff < 0 {
			if st.unpair[0] {
				st.prjoin(seq[0][0], joinBlankLine)
			}
			if err := advance(0); err != nil {
				return err
			}
			st.unpaired = true
			continue
		}
		if diff > 0 {
			if st.unpair[1] {
				st.prjoin(joinBlankLine, seq[1][0])
			}
			if err := advance(1); err != nil {
				return err
			}
			st.unpaired = true
			continue
		}
		var eof [2]bool
		for {
			ok, err := st.getSeq(0, &seq[0])
			if err != nil {
				return err
			}
			if !ok {
				eof[0] = true
				seq[0] = append(seq[0], nil)
				break
			}
			if st.keycmp(seq[0][len(seq[0])-1], seq[1][0], st.jf[0], st.jf[1]) != 0 {
				break
			}
		}
		for {
			ok, err := st.getSeq(1, &seq[1])
			if err != nil {
				return err
			}
			if !ok {
				eof[1] = true
				seq[1] = append(seq[1], nil)
				break
			}
			if st.keycmp(seq[0][0], seq[1][len(seq[1])-1], st.jf[0], st.jf[1]) != 0 {
				break
			}
		}
		if st.pairs {
			for _, l1 := range seq[0][:len(seq[0])-1] {
				for _, l2 := range seq[1][:len(seq[1])-1] {
					st.prjoin(l1, l2)
				}
			}
		}
		for i := 0; i < 2; i++ {
			if eof[i] {
				seq[i] = seq[i][:0]
			} else {
				last := seq[i][len(seq[i])-1]
				seq[i] = append(seq[i][:0], last)
			}
		}
	}
	checktail := st.check >= 0 && !(st.warned[0] && st.warned[1])
	for i := 0; i < 2; i++ {
		if !(st.unpair[i] || checktail) || len(seq[i]) == 0 {
			continue
		}
		pr := func(l *joinLine) {
			if i == 0 {
				st.prjoin(l, joinBlankLine)
			} else {
				st.prjoin(joinBlankLine, l)
			}
		}
		if st.unpair[i] {
			pr(seq[i][0])
		}
		if len(seq[1-i]) > 0 {
			st.unpaired = true
		}
		for !st.c.stopped() && st.out.err == nil {
			l, err := st.getLine(i)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
			if st.unpair[i] {
				pr(l)
			}
			if st.warned[i] && !st.unpair[i] {
				break
			}
		}
	}
	return nil
}

func (st *joinState) sep() byte {
	if st.tab < 0 {
		return ' '
	}
	return byte(st.tab)
}

func (st *joinState) prfield(n int, l *joinLine) {
	f := l.field(n)
	if len(f) > 0 {
		st.out.Write(f)
	} else if st.empty != nil {
		st.out.WriteString(*st.empty)
	}
}

func (st *joinState) prfields(l *joinLine, jf, autocount int) {
	n := len(l.fields)
	if st.auto {
		n = autocount
	}
	for i := 0; i < n; i++ {
		if i == jf {
			continue
		}
		st.out.WriteByte(st.sep())
		st.prfield(i, l)
	}
}

func (st *joinState) prjoin(l1, l2 *joinLine) {
	if len(st.format) > 0 {
		for i, o := range st.format {
			if i > 0 {
				st.out.WriteByte(st.sep())
			}
			switch {
			case o.file == 0 && l1 == joinBlankLine:
				st.prfield(st.jf[1], l2)
			case o.file == 0:
				st.prfield(st.jf[0], l1)
			case o.file == 1:
				st.prfield(o.field, l1)
			default:
				st.prfield(o.field, l2)
			}
		}
		st.out.WriteByte(st.eol)
		return
	}
	if l1 == joinBlankLine {
		st.prfield(st.jf[1], l2)
	} else {
		st.prfield(st.jf[0], l1)
	}
	st.prfields(l1, st.jf[0], st.autocount[0])
	st.prfields(l2, st.jf[1], st.autocount[1])
	st.out.WriteByte(st.eol)
}

// errJoinFatal stops join after --check-order found a disorder.
var errJoinFatal = errors.New("disorder")
