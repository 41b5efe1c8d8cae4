package builtins

// fmt, as GNU coreutils': -w WIDTH (and -WIDTH as the first option), -g
// GOAL, -s, -u, -p PREFIX, -t, -c and their long forms. It is a port of
// coreutils' fmt.c: paragraphs are filled by the same cost-based optimal
// line breaking (goal width 93% of the width, costs for short and ragged
// lines, bonuses for breaks after sentences and punctuation, penalties
// for widows and orphans), with its fixed paragraph buffers of 1000
// words and 5000 bytes (a longer paragraph is flushed in parts at a cheap
// break, as GNU does), sentence ends recognised as GNU does (a word
// ending in [.?!] plus closing quotes or brackets, followed by the end of
// the line or two spaces) and tabs used for indentation when the input
// had tabs. Bytes are characters (LC_ALL=C). Streams one paragraph at a
// time.

import (
	"io"
	"math"
	"strings"
)

func init() { Register("fmt", fmtCmd) }

var fmtSpec = optSpec{
	Short: "0123456789cstuw:p:g:",
	Long: []longOpt{
		{Name: "crown-margin", Key: "c"},
		{Name: "prefix", Arg: requiredArg, Key: "p"},
		{Name: "split-only", Key: "s"},
		{Name: "tagged-paragraph", Key: "t"},
		{Name: "uniform-spacing", Key: "u"},
		{Name: "width", Arg: requiredArg, Key: "w"},
		{Name: "goal", Arg: requiredArg, Key: "g"},
	},
	Status: 1,
	Usage: `Usage: fmt [-WIDTH] [OPTION]... [FILE]...
Reformat each paragraph in the FILE(s), writing to standard output.
The option -WIDTH is an abbreviated form of --width=DIGITS.

With no FILE, or when FILE is -, read standard input.

Mandatory arguments to long options are mandatory for short options too.
  -c, --crown-margin        preserve indentation of first two lines
  -p, --prefix=STRING       reformat only lines beginning with STRING,
                              reattaching the prefix to reformatted lines
  -s, --split-only          split long lines, but do not refill
  -t, --tagged-paragraph    indentation of first line different from second
  -u, --uniform-spacing     one space between words, two after sentences
  -w, --width=WIDTH         maximum line width (default of 75 columns)
  -g, --goal=WIDTH          goal width (default of 93% of width)
      --help        display this help and exit
      --version     output version information and exit
`,
}

// The parameters of GNU fmt.
const (
	fmtWidth     = 75
	fmtLeeway    = 7
	fmtDefIndent = 3
	fmtMaxWords  = 1000
	fmtMaxChars  = 5000
	fmtTabWidth  = 8

	fmtLineCost      = 70 * 70
	fmtSentenceBonus = 50 * 50
	fmtNobreakCost   = 600 * 600
	fmtParenBonus    = 40 * 40
	fmtPunctBonus    = 40 * 40
	fmtLineCredit    = 3 * 3
	fmtMaxCost       = math.MaxInt64
)

func fmtShortCost(n int) int64  { v := int64(n * 10); return v * v }
func fmtRaggedCost(n int) int64 { return fmtShortCost(n) / 2 }
func fmtWidowCost(n int) int64  { return 200 * 200 / int64(n+2) }
func fmtOrphanCost(n int) int64 { return 150 * 150 / int64(n+2) }

// fmtIn is C's strchr(set, c) != NULL, which is true for c == 0 too.
func fmtIn(set string, c byte) bool { return c == 0 || strings.IndexByte(set, c) >= 0 }

func fmtIsPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

func fmtIsSpace(c int) bool {
	return c == ' ' || c >= '\t' && c <= '\r'
}

// fmtWord is a word of the paragraph being filled.
type fmtWord struct {
	text, length, space         int // offset in parabuf, length, following space
	paren, period, punct, final bool
	lineLength                  int   // length of the best line starting here
	bestCost                    int64 // cost of the best paragraph starting here
	nextBreak                   int   // the break that achieves bestCost
}

// fmtState holds what fmt.c keeps in globals.
type fmtState struct {
	c                                 *Context
	crown, tagged, split, uniform     bool
	prefix                            string
	prefixFull, prefixLead, prefixLen int
	maxWidth, goalWidth               int

	inColumn, outColumn int
	parabuf             [fmtMaxChars]byte
	wptr                int
	word                [fmtMaxWords]fmtWord
	wordLimit           int
	tabs                bool
	prefixIndent        int
	firstIndent         int
	otherIndent         int
	nextChar            int
	nextPrefixIndent    int
	lastLineLength      int

	in     io.Reader
	buf    []byte
	pos, n int
	eof    bool
	rerr   bool
	out    *errWriter
}

func fmtCmd(c *Context) int {
	args := c.Args
	var widthOpt, goalOpt *string
	// The obsolete -WIDTH is recognised only as the first argument.
	if len(args) > 1 && len(args[1]) > 1 && args[1][0] == '-' && args[1][1] >= '0' && args[1][1] <= '9' {
		w := args[1][1:]
		widthOpt = &w
		sub := *c
		sub.Args = append([]string{args[0]}, args[2:]...)
		c = &sub
	}
	p, err := c.parseOpts(&fmtSpec)
	if err != nil {
		return exitStatus(err)
	}
	st := &fmtState{c: c, maxWidth: fmtWidth}
	for _, o := range p.Opts {
		switch o.Key {
		case "c":
			st.crown = true
		case "s":
			st.split = true
		case "t":
			st.tagged = true
		case "u":
			st.uniform = true
		case "w":
			v := o.Val
			widthOpt = &v
		case "g":
			v := o.Val
			goalOpt = &v
		case "p":
			st.setPrefix(o.Val)
		default: // a digit
			c.Errorf("invalid option -- %s; -WIDTH is recognized only when it is the first\noption; use -w N instead", o.Key)
			c.tryHelp()
			return 1
		}
	}
	if widthOpt != nil {
		v, ok := c.fmtWidthArg(*widthOpt, fmtMaxChars/2)
		if !ok {
			return 1
		}
		st.maxWidth = v
	}
	if goalOpt != nil {
		v, ok := c.fmtWidthArg(*goalOpt, int64(st.maxWidth))
		if !ok {
			return 1
		}
		st.goalWidth = v
		if widthOpt == nil {
			st.maxWidth = v + 10
		}
	} else {
		st.goalWidth = st.maxWidth * (2*(100-fmtLeeway) + 1) / 200
	}

	c, sw := c.withStickyStdout()
	st.c = c
	st.out = newErrWriter(sw)
	st.buf = make([]byte, 32*1024)
	ok := true
	names := p.Operands
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if c.stopped() {
			break
		}
		r, err := c.openInput(name)
		if err != nil {
			c.Errorf("cannot open %s for reading: %s", quote(name), ErrText(err))
			ok = false
			continue
		}
		st.in, st.pos, st.n, st.eof, st.rerr = r, 0, 0, false, false
		st.fmt()
		r.Close()
		if st.rerr && !c.Canceled() {
			c.Errorf("read error")
			ok = false
		}
	}
	if err := st.out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if !ok || c.Canceled() {
		return 1
	}
	return 0
}

// fmtWidthArg parses a width as gnulib's xdectoumax does.
func (c *Context) fmtWidthArg(s string, max int64) (int, bool) {
	if strings.HasPrefix(strings.TrimLeft(s, " \t\n\v\f\r"), "-") {
		c.Errorf("invalid width: %s", quote(s))
		return 0, false
	}
	v, ok := c.xdecArg(s, 0, max, "invalid width")
	return int(v), ok
}

// getc returns the next input byte, or -1 at the end of the input, after
// a read error or when the command must stop.
func (st *fmtState) getc() int {
	if st.pos < st.n {
		ch := st.buf[st.pos]
		st.pos++
		return int(ch)
	}
	for !st.eof {
		if st.c.stopped() {
			st.eof = true
			break
		}
		n, err := st.in.Read(st.buf)
		st.pos, st.n = 0, n
		if err != nil {
			st.eof = true
			if err != io.EOF {
				st.rerr = true
			}
		}
		if n > 0 {
			st.pos = 1
			return int(st.buf[0])
		}
	}
	return -1
}

func (st *fmtState) putc(ch int) { st.out.WriteByte(byte(ch)) }

// setPrefix trims spaces from both ends of p, as set_prefix does.
func (st *fmtState) setPrefix(p string) {
	st.prefixLead = 0
	for len(p) > 0 && p[0] == ' ' {
		st.prefixLead++
		p = p[1:]
	}
	st.prefixFull = len(p)
	p = strings.TrimRight(p, " ")
	st.prefix = p
	st.prefixLen = len(p)
}

// fmt formats one input.
func (st *fmtState) fmt() {
	st.tabs = false
	st.otherIndent = 0
	st.nextChar = st.getPrefix()
	for st.getParagraph() {
		st.fmtParagraph()
		st.putParagraph(st.wordLimit)
		if st.out.err != nil || st.c.stopped() {
			return
		}
	}
}

func (st *fmtState) setOtherIndent(same bool) {
	switch {
	case st.split:
		st.otherIndent = st.firstIndent
	case st.crown:
		if same {
			st.otherIndent = st.inColumn
		} else {
			st.otherIndent = st.firstIndent
		}
	case st.tagged:
		if same && st.inColumn != st.firstIndent {
			st.otherIndent = st.inColumn
		} else if st.otherIndent == st.firstIndent {
			if st.firstIndent == 0 {
				st.otherIndent = fmtDefIndent
			} else {
				st.otherIndent = 0
			}
		}
	default:
		st.otherIndent = st.firstIndent
	}
}

// getParagraph reads a paragraph, copying the blank lines and the lines
// without the prefix before it. It returns false at the end of the input.
func (st *fmtState) getParagraph() bool {
	st.lastLineLength = 0
	c := st.nextChar
	for c == '\n' || c < 0 || st.nextPrefixIndent < st.prefixLead ||
		st.inColumn < st.nextPrefixIndent+st.prefixFull {
		c = st.copyRest(c)
		if c < 0 {
			st.nextChar = -1
			return false
		}
		st.putc('\n')
		if st.out.err != nil {
			st.nextChar = -1
			return false
		}
		c = st.getPrefix()
	}
	st.prefixIndent = st.nextPrefixIndent
	st.firstIndent = st.inColumn
	st.wptr = 0
	st.wordLimit = 0
	c = st.getLine(c)
	st.setOtherIndent(st.samePara(c))
	switch {
	case st.split:
	case st.crown:
		if st.samePara(c) {
			for {
				c = st.getLine(c)
				if !(st.samePara(c) && st.inColumn == st.otherIndent) {
					break
				}
			}
		}
	case st.tagged:
		if st.samePara(c) && st.inColumn != st.firstIndent {
			for {
				c = st.getLine(c)
				if !(st.samePara(c) && st.inColumn == st.otherIndent) {
					break
				}
			}
		}
	default:
		for st.samePara(c) && st.inColumn == st.otherIndent {
			c = st.getLine(c)
		}
	}
	last := &st.word[st.wordLimit-1]
	last.period, last.final = true, true
	st.nextChar = c
	return true
}

// copyRest copies a line that lacks the prefix or is blank after it.
func (st *fmtState) copyRest(c int) int {
	st.outColumn = 0
	if st.inColumn > st.nextPrefixIndent || (c != '\n' && c >= 0) {
		st.putSpace(st.nextPrefixIndent)
		for i := 0; st.outColumn != st.inColumn && i < len(st.prefix); i++ {
			st.putc(int(st.prefix[i]))
			st.outColumn++
		}
		if c >= 0 && c != '\n' {
			st.putSpace(st.inColumn - st.outColumn)
		}
		if c < 0 && st.inColumn >= st.nextPrefixIndent+st.prefixLen {
			st.putc('\n')
		}
	}
	for c != '\n' && c >= 0 {
		st.putc(c)
		c = st.getc()
	}
	return c
}

func (st *fmtState) samePara(c int) bool {
	return st.nextPrefixIndent == st.prefixIndent &&
		st.inColumn >= st.nextPrefixIndent+st.prefixFull &&
		c != '\n' && c >= 0
}

// getLine reads the words of a line, given its first non-blank character
// c; it returns the first non-blank character of the next line.
func (st *fmtState) getLine(c int) int {
	for {
		w := &st.word[st.wordLimit]
		w.text = st.wptr
		for {
			if st.wptr == fmtMaxChars {
				st.setOtherIndent(true)
				st.flushParagraph()
				w = &st.word[st.wordLimit]
			}
			st.parabuf[st.wptr] = byte(c)
			st.wptr++
			c = st.getc()
			if c < 0 || fmtIsSpace(c) {
				break
			}
		}
		w.length = st.wptr - w.text
		st.inColumn += w.length
		st.checkPunctuation(w)

		start := st.inColumn
		c = st.getSpace(c)
		w.space = st.inColumn - start
		w.final = c < 0 || (w.period && (c == '\n' || w.space > 1))
		if c == '\n' || c < 0 || st.uniform {
			if w.final {
				w.space = 2
			} else {
				w.space = 1
			}
		}
		if st.wordLimit == fmtMaxWords-2 {
			st.setOtherIndent(true)
			st.flushParagraph()
		}
		st.wordLimit++
		if c == '\n' || c < 0 {
			break
		}
	}
	return st.getPrefix()
}

// getPrefix reads the prefix of a line; it returns the first character
// that does not match it, or the first non-blank one after it.
func (st *fmtState) getPrefix() int {
	st.inColumn = 0
	c := st.getSpace(st.getc())
	if st.prefixLen == 0 {
		st.nextPrefixIndent = min(st.prefixLead, st.inColumn)
		return c
	}
	st.nextPrefixIndent = st.inColumn
	for i := 0; i < len(st.prefix); i++ {
		if c != int(st.prefix[i]) {
			return c
		}
		st.inColumn++
		c = st.getc()
	}
	return st.getSpace(c)
}

func (st *fmtState) getSpace(c int) int {
	for {
		switch c {
		case ' ':
			st.inColumn++
		case '\t':
			st.tabs = true
			st.inColumn = (st.inColumn/fmtTabWidth + 1) * fmtTabWidth
		default:
			return c
		}
		c = st.getc()
	}
}

func (st *fmtState) checkPunctuation(w *fmtWord) {
	start := w.text
	finish := start + w.length - 1
	fin := st.parabuf[finish]
	w.paren = fmtIn("(['`\"", st.parabuf[start])
	w.punct = fmtIsPunct(fin)
	for start < finish && fmtIn(")]'\"", st.parabuf[finish]) {
		finish--
	}
	w.period = fmtIn(".?!", st.parabuf[finish])
}

// flushParagraph outputs part of the paragraph to make room, at a cheap
// break near its end.
func (st *fmtState) flushParagraph() {
	if st.wordLimit == 0 {
		st.out.Write(st.parabuf[:st.wptr])
		st.wptr = 0
		return
	}
	st.fmtParagraph()
	split := st.wordLimit
	best := int64(fmtMaxCost)
	for w := st.word[0].nextBreak; w != st.wordLimit; w = st.word[w].nextBreak {
		if d := st.word[w].bestCost - st.word[st.word[w].nextBreak].bestCost; d < best {
			split = w
			best = d
		}
		if best <= fmtMaxCost-fmtLineCredit {
			best += fmtLineCredit
		}
	}
	st.putParagraph(split)

	from := st.word[split].text
	copy(st.parabuf[:], st.parabuf[from:st.wptr])
	st.wptr -= from
	for w := split; w <= st.wordLimit; w++ {
		st.word[w].text -= from
	}
	copy(st.word[:], st.word[split:st.wordLimit+1])
	st.wordLimit -= split
}

// fmtParagraph computes the best breaks of the paragraph, for each
// suffix from the shortest.
func (st *fmtState) fmtParagraph() {
	wl := st.wordLimit
	st.word[wl].bestCost = 0
	saved := st.word[wl].length
	st.word[wl].length = st.maxWidth // sentinel
	for start := wl - 1; start >= 0; start-- {
		best := int64(fmtMaxCost)
		length := st.otherIndent
		if start == 0 {
			length = st.firstIndent
		}
		w := start
		length += st.word[w].length
		for {
			w++
			wcost := st.lineCost(w, length) + st.word[w].bestCost
			if start == 0 && st.lastLineLength > 0 {
				wcost += fmtRaggedCost(length - st.lastLineLength)
			}
			if wcost < best {
				best = wcost
				st.word[start].nextBreak = w
				st.word[start].lineLength = length
			}
			if w == wl {
				break
			}
			length += st.word[w-1].space + st.word[w].length
			if length >= st.maxWidth {
				break
			}
		}
		st.word[start].bestCost = best + st.baseCost(start)
	}
	st.word[wl].length = saved
}

func (st *fmtState) baseCost(this int) int64 {
	cost := int64(fmtLineCost)
	if this > 0 {
		prev := &st.word[this-1]
		switch {
		case prev.period:
			if prev.final {
				cost -= fmtSentenceBonus
			} else {
				cost += fmtNobreakCost
			}
		case prev.punct:
			cost -= fmtPunctBonus
		case this > 1 && st.word[this-2].final:
			cost += fmtWidowCost(prev.length)
		}
	}
	w := &st.word[this]
	if w.paren {
		cost -= fmtParenBonus
	} else if w.final {
		cost += fmtOrphanCost(w.length)
	}
	return cost
}

func (st *fmtState) lineCost(next, length int) int64 {
	if next == st.wordLimit {
		return 0
	}
	cost := fmtShortCost(st.goalWidth - length)
	if st.word[next].nextBreak != st.wordLimit {
		cost += fmtRaggedCost(length - st.word[next].lineLength)
	}
	return cost
}

func (st *fmtState) putParagraph(finish int) {
	st.putLine(0, st.firstIndent)
	for w := st.word[0].nextBreak; w != finish; w = st.word[w].nextBreak {
		st.putLine(w, st.otherIndent)
	}
}

func (st *fmtState) putLine(w, indent int) {
	st.outColumn = 0
	st.putSpace(st.prefixIndent)
	st.out.WriteString(st.prefix)
	st.outColumn += st.prefixLen
	st.putSpace(indent - st.outColumn)
	end := st.word[w].nextBreak - 1
	for ; w != end; w++ {
		st.putWord(w)
		st.putSpace(st.word[w].space)
	}
	st.putWord(w)
	st.lastLineLength = st.outColumn
	st.putc('\n')
}

func (st *fmtState) putWord(w int) {
	wd := &st.word[w]
	st.out.Write(st.parabuf[wd.text : wd.text+wd.length])
	st.outColumn += wd.length
}

func (st *fmtState) putSpace(space int) {
	target := st.outColumn + space
	if st.tabs {
		tabTarget := target / fmtTabWidth * fmtTabWidth
		if st.outColumn+1 < tabTarget {
			for st.outColumn < tabTarget {
				st.putc('\t')
				st.outColumn = (st.outColumn/fmtTabWidth + 1) * fmtTabWidth
			}
		}
	}
	for st.outColumn < target {
		st.putc(' ')
		st.outColumn++
	}
}
