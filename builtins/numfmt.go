package builtins

// numfmt, as GNU coreutils' (9.1): converts numbers from the operands or
// from each line of stdin, with --from=none|auto|si|iec|iec-i,
// --from-unit=N, --to=none|si|iec|iec-i, --to-unit=N, --suffix=S,
// --padding=N, --format=FMT (%[0'-][width][.prec]f with text around),
// --round=up|down|from-zero|towards-zero|nearest, --field=FIELDS (N, N-M,
// -M, N-, lists), -d/--delimiter=X, --header[=N],
// --invalid=abort|fail|warn|ignore, -z/--zero-terminated and --grouping
// (no effect in the C locale). Whitespace-separated fields keep their
// width, as GNU's do. Numbers are long doubles. Not supported: --debug.

import (
	"bufio"
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"
)

func init() { Register("numfmt", numfmt) }

var numfmtSpec = optSpec{
	Short: "d:z",
	Long: []longOpt{
		{Name: "from", Arg: requiredArg, Key: "from"},
		{Name: "from-unit", Arg: requiredArg, Key: "from-unit"},
		{Name: "to", Arg: requiredArg, Key: "to"},
		{Name: "to-unit", Arg: requiredArg, Key: "to-unit"},
		{Name: "round", Arg: requiredArg, Key: "round"},
		{Name: "suffix", Arg: requiredArg, Key: "suffix"},
		{Name: "grouping", Key: "grouping"},
		{Name: "delimiter", Arg: requiredArg, Key: "d"},
		{Name: "field", Arg: requiredArg, Key: "field"},
		{Name: "format", Arg: requiredArg, Key: "format"},
		{Name: "padding", Arg: requiredArg, Key: "padding"},
		{Name: "header", Arg: optionalArg, Key: "header"},
		{Name: "invalid", Arg: requiredArg, Key: "invalid"},
		{Name: "zero-terminated", Key: "z"},
		{Name: "debug", Key: "debug"},
	},
	Status: 1,
	Usage: `Usage: numfmt [OPTION]... [NUMBER]...
Reformat NUMBER(s), or the numbers from standard input if none are specified.

Mandatory arguments to long options are mandatory for short options too.
      --debug          print warnings about invalid input
  -d, --delimiter=X    use X instead of whitespace for field delimiter
      --field=FIELDS   replace the numbers in these input fields (default=1);
                         see FIELDS below
      --format=FORMAT  use printf style floating-point FORMAT;
                         see FORMAT below for details
      --from=UNIT      auto-scale input numbers to UNITs; default is 'none';
                         see UNIT below
      --from-unit=N    specify the input unit size (instead of the default 1)
      --grouping       use locale-defined grouping of digits, e.g. 1,000,000
                         (which means it has no effect in the C/POSIX locale)
      --header[=N]     print (without converting) the first N header lines;
                         N defaults to 1 if not specified
      --invalid=MODE   failure mode for invalid numbers: MODE can be:
                         abort (default), fail, warn, ignore
      --padding=N      pad the output to N characters; positive N will
                         right-align; negative N will left-align;
                         padding is ignored if the output is wider than N;
                         the default is to automatically pad if a whitespace
                         is found
      --round=METHOD   use METHOD for rounding when scaling; METHOD can be:
                         up, down, from-zero (default), towards-zero, nearest
      --suffix=SUFFIX  add SUFFIX to output numbers, and accept optional
                         SUFFIX in input numbers
      --to=UNIT        auto-scale output numbers to UNITs; see UNIT below
      --to-unit=N      the output unit size (instead of the default 1)
  -z, --zero-terminated    line delimiter is NUL, not newline
      --help        display this help and exit
      --version     output version information and exit
`,
}

const (
	scaleNone = iota
	scaleAuto
	scaleSI
	scaleIEC
	scaleIECI
)

type numfmtOpts struct {
	from, to         int
	fromUnit, toUnit *big.Float
	round            string
	suffix           string
	delim            string // "" for whitespace
	fields           []numfmtRange
	padding          int
	autoPad          bool
	zero             bool // zero padding from --format
	prec             int  // -1 unless --format gives one
	prefix, postfix  string
	invalid          string
	status           int
	abort            bool
}

type numfmtRange struct{ lo, hi int }

func (o *numfmtOpts) selected(n int) bool {
	for _, r := range o.fields {
		if n >= r.lo && n <= r.hi {
			return true
		}
	}
	return false
}

func numfmt(c *Context) int {
	c, _ = c.withStickyStdout()
	p, err := c.parseOpts(&numfmtSpec)
	if err != nil {
		return exitStatus(err)
	}
	o := &numfmtOpts{round: "from-zero", invalid: "abort", prec: -1,
		fields: []numfmtRange{{1, 1}}, fromUnit: big.NewFloat(1), toUnit: big.NewFloat(1)}
	header := 0
	eol := byte('\n')
	scales := [][]string{{"none"}, {"auto"}, {"si"}, {"iec"}, {"iec-i"}}
	scaleIdx := map[string]int{"none": scaleNone, "auto": scaleAuto, "si": scaleSI, "iec": scaleIEC, "iec-i": scaleIECI}
	for _, op := range p.Opts {
		switch op.Key {
		case "from":
			v, ok := c.argMatch(op.Name, op.Val, scales)
			if !ok {
				return 1
			}
			o.from = scaleIdx[v]
		case "to":
			v, ok := c.argMatch(op.Name, op.Val, [][]string{{"none"}, {"si"}, {"iec"}, {"iec-i"}})
			if !ok {
				return 1
			}
			o.to = scaleIdx[v]
		case "from-unit", "to-unit":
			u, ok := numfmtUnit(op.Val)
			if !ok {
				return c.Failf(1, "invalid unit size: %s", quote(op.Val))
			}
			if op.Key == "from-unit" {
				o.fromUnit = u
			} else {
				o.toUnit = u
			}
		case "round":
			v, ok := c.argMatch(op.Name, op.Val, [][]string{{"up"}, {"down"}, {"from-zero"}, {"towards-zero"}, {"nearest"}})
			if !ok {
				return 1
			}
			o.round = v
		case "suffix":
			o.suffix = op.Val
		case "d":
			if len(op.Val) != 1 {
				return c.Failf(1, "the delimiter must be a single character")
			}
			o.delim = op.Val
		case "field":
			f, ok := parseNumfmtFields(op.Val)
			if strings.HasPrefix(op.Val, "0") {
				return c.usageErr(1, "fields are numbered from 1")
			}
			if !ok {
				return c.Failf(1, "invalid field value %s", quote(op.Val))
			}
			o.fields = f
		case "padding":
			n, err := strconv.Atoi(op.Val)
			if err != nil || n == 0 {
				return c.Failf(1, "invalid padding value %s", quote(op.Val))
			}
			o.padding = n
		case "format":
			if msg := o.parseFormat(op.Val); msg != "" {
				return c.Failf(1, "%s", msg)
			}
		case "header":
			header = 1
			if op.HasVal {
				n, err := strconv.Atoi(op.Val)
				if err != nil || n < 1 {
					return c.Failf(1, "invalid header value %s", quote(op.Val))
				}
				header = n
			}
		case "invalid":
			v, ok := c.argMatch(op.Name, op.Val, [][]string{{"abort"}, {"fail"}, {"warn"}, {"ignore"}})
			if !ok {
				return 1
			}
			o.invalid = v
		case "z":
			eol = 0
		}
	}
	o.autoPad = o.padding == 0 && o.delim == ""
	w := newErrWriter(c.Stdout)
	if len(p.Operands) > 0 {
		for _, a := range p.Operands {
			if c.stopped() || o.abort {
				break
			}
			out := c.numfmtLine(o, a)
			if o.abort {
				break
			}
			w.WriteString(out)
			w.WriteByte(eol)
		}
	} else {
		br := bufio.NewReader(c.Stdin)
		if c.Stdin == nil {
			br = bufio.NewReader(strings.NewReader(""))
		}
		for n := 0; !c.stopped() && !o.abort; n++ {
			line, err := br.ReadString(eol)
			if line == "" && err != nil {
				if err != io.EOF {
					w.Flush()
					c.Errorf("read error: %s", ErrText(err))
					return 1
				}
				break
			}
			line, ended := strings.CutSuffix(line, string(eol))
			if n < header {
				w.WriteString(line)
			} else {
				out := c.numfmtLine(o, line)
				if o.abort {
					break
				}
				w.WriteString(out)
			}
			if ended {
				w.WriteByte(eol)
			}
		}
	}
	if err := w.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return o.status
}

// numfmtUnit parses --from-unit/--to-unit: a positive integer, with an
// optional suffix (K, Ki, ...).
func numfmtUnit(s string) (*big.Float, bool) {
	v, _, err := numfmtParse(s, scaleAuto)
	if err != "" || v.Sign() <= 0 {
		return nil, false
	}
	return v, true
}

func parseNumfmtFields(s string) ([]numfmtRange, bool) {
	if s == "-" {
		return []numfmtRange{{1, 1 << 30}}, true
	}
	var out []numfmtRange
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' }) {
		lo, hi, dash := strings.Cut(part, "-")
		r := numfmtRange{}
		var err error
		if lo == "" {
			r.lo = 1
		} else if r.lo, err = strconv.Atoi(lo); err != nil || r.lo < 1 {
			return nil, false
		}
		switch {
		case !dash:
			r.hi = r.lo
		case hi == "":
			r.hi = 1 << 30
		default:
			if r.hi, err = strconv.Atoi(hi); err != nil || r.hi < r.lo {
				return nil, false
			}
		}
		out = append(out, r)
	}
	return out, len(out) > 0
}

// parseFormat parses --format.
func (o *numfmtOpts) parseFormat(f string) string {
	i := 0
	var pre strings.Builder
	for ; i < len(f); i++ {
		if f[i] == '%' {
			if i+1 < len(f) && f[i+1] == '%' {
				pre.WriteString("%%")
				i++
				continue
			}
			break
		}
		pre.WriteByte(f[i])
	}
	if i >= len(f) {
		return fmt.Sprintf("format %s has no %% directive", quote(f))
	}
	o.prefix = pre.String()
	i++
	left := false
	for ; i < len(f) && strings.IndexByte("'-0 +#", f[i]) >= 0; i++ {
		switch f[i] {
		case '-':
			left = true
		case '0':
			o.zero = true
		}
	}
	width := 0
	for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
		width = width*10 + int(f[i]-'0')
	}
	if i < len(f) && f[i] == '.' {
		i++
		prec := 0
		for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
			prec = prec*10 + int(f[i]-'0')
		}
		o.prec = prec
	}
	if i >= len(f) || f[i] != 'f' {
		return fmt.Sprintf("invalid format %s, directive must be %%[0]['][-][N][.][N]f", quote(f))
	}
	var post strings.Builder
	for i++; i < len(f); i++ {
		if f[i] == '%' {
			if i+1 < len(f) && f[i+1] == '%' {
				post.WriteString("%%")
				i++
				continue
			}
			return fmt.Sprintf("format %s has too many %% directives", quote(f))
		}
		post.WriteByte(f[i])
	}
	o.postfix = post.String()
	if width > 0 {
		o.padding = width
		if left {
			o.padding = -width
		}
	}
	return ""
}

// numfmtLine converts the selected fields of a line.
func (c *Context) numfmtLine(o *numfmtOpts, line string) string {
	var b strings.Builder
	field := 0
	rest := line
	for first := true; first || rest != ""; first = false {
		field++
		var f string
		if o.delim != "" {
			i := strings.IndexByte(rest, o.delim[0])
			if i < 0 {
				f, rest = rest, ""
			} else {
				f, rest = rest[:i], rest[i+1:]
			}
			if field > 1 {
				b.WriteString(o.delim)
			}
		} else {
			i := 0
			for i < len(rest) && (rest[i] == ' ' || rest[i] == '\t') {
				i++
			}
			for i < len(rest) && rest[i] != ' ' && rest[i] != '\t' {
				i++
			}
			f, rest = rest[:i], rest[i:]
		}
		if !o.selected(field) {
			b.WriteString(f)
			continue
		}
		out, ok := c.numfmtField(o, f)
		if !ok && o.abort {
			return ""
		}
		b.WriteString(out)
	}
	return b.String()
}

// numfmtField converts one field, or reports it as invalid and returns
// it unchanged.
func (c *Context) numfmtField(o *numfmtOpts, f string) (string, bool) {
	text := strings.TrimLeft(f, " \t")
	if o.suffix != "" {
		text = strings.TrimSuffix(text, o.suffix)
	}
	v, prec, msg := numfmtParse(text, o.from)
	if msg == "" {
		msg2 := ""
		var out string
		out, msg2 = o.format(v, prec)
		if msg2 == "" {
			if o.autoPad && len(f) > len(out) && (f[0] == ' ' || f[0] == '\t') {
				out = strings.Repeat(" ", len(f)-len(out)) + out
			}
			return out, true
		}
		msg = msg2
	}
	switch o.invalid {
	case "abort":
		c.Errorf("%s", fmt.Sprintf(msg, quote(text)))
		o.status = 2
		o.abort = true
	case "fail":
		c.Errorf("%s", fmt.Sprintf(msg, quote(text)))
		o.status = 2
	case "warn":
		c.Errorf("%s", fmt.Sprintf(msg, quote(text)))
	}
	return f, false
}

var numfmtSuffixes = "KMGTPEZY"

// numfmtParse reads a number with an optional unit suffix. The message
// is a format with one %s for the quoted input.
func numfmtParse(s string, from int) (*big.Float, int, string) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	ds := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	nd := i - ds
	prec := 0
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		prec = j - i - 1
		nd += prec
		i = j
	}
	if nd == 0 {
		return nil, 0, "invalid number: %s"
	}
	v, _, err := new(big.Float).SetPrec(ldPrec).Parse(s[:i], 10)
	if err != nil {
		return nil, 0, "invalid number: %s"
	}
	rest := s[i:]
	if rest == "" {
		return v, prec, ""
	}
	k := strings.IndexByte(numfmtSuffixes, rest[0])
	if k < 0 {
		return nil, 0, "invalid suffix in input: %s"
	}
	if from == scaleNone {
		return nil, 0, "rejecting suffix in input: %s (consider using --from)"
	}
	rest = rest[1:]
	base := 1000.0
	switch from {
	case scaleIEC:
		base = 1024
	case scaleIECI:
		if !strings.HasPrefix(rest, "i") {
			return nil, 0, "missing 'i' suffix in input: %s (e.g Ki/Mi/Gi)"
		}
		base = 1024
		rest = rest[1:]
	case scaleAuto:
		if strings.HasPrefix(rest, "i") {
			base = 1024
			rest = rest[1:]
		}
	}
	if rest != "" {
		return nil, 0, "invalid suffix in input: %s"
	}
	m := new(big.Float).SetPrec(ldPrec).SetFloat64(1)
	for n := 0; n <= k; n++ {
		m.Mul(m, big.NewFloat(base))
	}
	v.Mul(v, m)
	return v, 0, ""
}

// roundLD rounds x to an integer by method.
func roundLD(x *big.Float, method string) *big.Float {
	i, acc := x.Int(nil)
	r := new(big.Float).SetPrec(ldPrec).SetInt(i)
	if acc == big.Exact {
		return r
	}
	neg := x.Sign() < 0
	one := big.NewFloat(1)
	switch method {
	case "up":
		if !neg {
			r.Add(r, one)
		}
	case "down":
		if neg {
			r.Sub(r, one)
		}
	case "from-zero":
		if neg {
			r.Sub(r, one)
		} else {
			r.Add(r, one)
		}
	case "nearest":
		frac := new(big.Float).Sub(x, r)
		frac.Abs(frac)
		if frac.Cmp(big.NewFloat(0.5)) >= 0 {
			if neg {
				r.Sub(r, one)
			} else {
				r.Add(r, one)
			}
		}
	}
	return r
}

func pow10LD(n int) *big.Float {
	f := new(big.Float).SetPrec(ldPrec).SetFloat64(1)
	for ; n > 0; n-- {
		f.Mul(f, big.NewFloat(10))
	}
	return f
}

// format renders v per --to, --to-unit, precision, suffix and padding.
func (o *numfmtOpts) format(v *big.Float, inPrec int) (string, string) {
	v = new(big.Float).SetPrec(ldPrec).Mul(v, o.fromUnit)
	v.Quo(v, o.toUnit)
	var num string
	if o.to == scaleNone {
		prec := inPrec
		if o.prec >= 0 {
			prec = o.prec
		}
		p := pow10LD(prec)
		x := new(big.Float).SetPrec(ldPrec).Mul(v, p)
		x = roundLD(x, o.round)
		x.Quo(x, p)
		if new(big.Float).Abs(x).Cmp(big.NewFloat(1e27)) >= 0 {
			return "", "value too large to be printed: %s (cannot handle values > 999Y)"
		}
		s := cSpec{Verb: 'f', HasPrec: true, Prec: prec}
		num = s.fmtFloat(longDouble{F: x})
	} else {
		base := 1000.0
		if o.to != scaleSI {
			base = 1024
		}
		x := new(big.Float).SetPrec(ldPrec).Set(v)
		power := 0
		bf := big.NewFloat(base)
		for new(big.Float).Abs(x).Cmp(bf) >= 0 && power < 8 {
			x.Quo(x, bf)
			power++
		}
		if power >= 8 && new(big.Float).Abs(x).Cmp(bf) >= 0 {
			return "", "value too large to be printed: %s (cannot handle values > 999Y)"
		}
		adjust := 0
		if o.prec >= 0 {
			adjust = min(power*3, o.prec)
		} else if new(big.Float).Abs(x).Cmp(big.NewFloat(10)) < 0 {
			adjust = 1
		}
		p := pow10LD(adjust)
		x.Mul(x, p)
		x = roundLD(x, o.round)
		x.Quo(x, p)
		if new(big.Float).Abs(x).Cmp(bf) >= 0 {
			x.Quo(x, bf)
			power++
		}
		show := x.Sign() != 0 && new(big.Float).Abs(x).Cmp(big.NewFloat(10)) < 0 && power > 0
		prec := 0
		if o.prec >= 0 {
			prec = o.prec
		} else if show {
			prec = 1
		}
		s := cSpec{Verb: 'f', HasPrec: true, Prec: prec}
		num = s.fmtFloat(longDouble{F: x})
		if power > 0 {
			num += string(numfmtSuffixes[power-1])
			if o.to == scaleIECI {
				num += "i"
			}
		}
	}
	num += o.suffix
	if o.padding != 0 {
		w := o.padding
		if w < 0 {
			w = -w
		}
		if len(num) < w {
			switch {
			case o.padding < 0:
				num += strings.Repeat(" ", w-len(num))
			case o.zero:
				neg := strings.HasPrefix(num, "-")
				digits := strings.TrimPrefix(num, "-")
				num = strings.Repeat("0", w-len(num)) + digits
				if neg {
					num = "-" + num
				}
			default:
				num = strings.Repeat(" ", w-len(num)) + num
			}
		}
	}
	return o.prefix + num + o.postfix, ""
}
