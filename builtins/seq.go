package builtins

// seq, as GNU coreutils' (9.1): seq [OPTION]... [FIRST [INCREMENT]] LAST
// with -f/--format (one %e %f %g %a conversion, flags, width and
// precision), -s/--separator and -w/--equal-width. Numbers are x86 long
// doubles (math/big floats of 64-bit mantissa), so "seq 0 0.1 1" steps
// and prints as GNU's does; the default format is %.PRECf from the
// operands' decimals, or %g for exponents and hex floats. Integer runs
// without -f or -w use exact big integers, so they go past 2**64, and
// "seq inf" runs until the pipe is closed. Negative numbers are operands,
// not options.

import (
	"math/big"
	"strings"
)

func init() { Register("seq", seq) }

var seqSpec = optSpec{
	Short: "f:s:w",
	Long: []longOpt{
		{Name: "format", Arg: requiredArg, Key: "f"},
		{Name: "separator", Arg: requiredArg, Key: "s"},
		{Name: "equal-width", Key: "w"},
	},
	Status: 1,
	Usage: `Usage: seq [OPTION]... LAST
  or:  seq [OPTION]... FIRST LAST
  or:  seq [OPTION]... FIRST INCREMENT LAST
Print numbers from FIRST to LAST, in steps of INCREMENT.

Mandatory arguments to long options are mandatory for short options too.
  -f, --format=FORMAT      use printf style floating-point FORMAT
  -s, --separator=STRING   use STRING to separate numbers (default: \n)
  -w, --equal-width        equalize width by padding with leading zeroes
      --help        display this help and exit
      --version     output version information and exit

If FIRST or INCREMENT is omitted, it defaults to 1.  That is, an
omitted INCREMENT defaults to 1 even when LAST is smaller than FIRST.
The sequence of numbers ends when the sum of the current number and
INCREMENT would become greater than LAST.
FIRST, INCREMENT, and LAST are interpreted as floating point values.
INCREMENT is usually positive if FIRST is smaller than LAST, and
INCREMENT is usually negative if FIRST is greater than LAST.
INCREMENT must not be 0; none of FIRST, INCREMENT and LAST may be NaN.
FORMAT must be suitable for printing one argument of type 'double';
it defaults to %.PRECf if FIRST, INCREMENT, and LAST are all fixed point
decimal numbers with maximum precision PREC, and to %g otherwise.
`,
}

// seqFastStepLimit is the largest increment of the exact integer path.
const seqFastStepLimit = 200

// seqOperand is a parsed operand with the width and precision it would
// print with.
type seqOperand struct {
	value     longDouble
	width     int
	precision int // seqNoPrec when not fixed point
}

const seqNoPrec = 1 << 31

// seqFormat is a -f format split around its conversion.
type seqFormat struct {
	prefix, suffix string
	spec           cSpec
}

func (f *seqFormat) number(x longDouble) string { return f.spec.fmtFloat(x) }

func seq(c *Context) int {
	c, out := c.withStickyStdout()
	opts, operands, err := seqParse(c)
	if err != nil {
		return exitStatus(err)
	}
	format, sep, equal := "", "\n", false
	hasFormat := false
	for _, o := range opts {
		switch o.Key {
		case "f":
			format, hasFormat = o.Val, true
		case "s":
			sep = o.Val
		case "w":
			equal = true
		}
	}
	if len(operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	if len(operands) > 3 {
		return c.usageErr(1, "extra operand %s", quote(operands[3]))
	}
	var layout *seqFormat
	if hasFormat {
		var ok bool
		if layout, ok = c.seqParseFormat(format); !ok {
			return 1
		}
		if equal {
			return c.usageErr(1, "format string may not be specified when printing equal width strings")
		}
	}
	w := newErrWriter(out)
	status := 0
	if st, done := c.seqFast(w, operands, sep, hasFormat || equal); done {
		status = st
	} else {
		first := seqOperand{value: ldFromInt(1), width: 1}
		step := first
		var ok bool
		var last seqOperand
		if last, ok = c.seqScan(operands[0]); !ok {
			return 1
		}
		if len(operands) > 1 {
			first = last
			if last, ok = c.seqScan(operands[1]); !ok {
				return 1
			}
			if len(operands) > 2 {
				step = last
				if step.value.F.Sign() == 0 {
					return c.usageErr(1, "invalid Zero increment value: %s", quote(operands[1]))
				}
				if last, ok = c.seqScan(operands[2]); !ok {
					return 1
				}
			}
		}
		if layout == nil {
			layout = seqDefaultFormat(first, step, last, equal)
		}
		c.seqPrint(w, layout, first.value, step.value, last.value, sep)
	}
	if err := w.Flush(); err != nil {
		return c.writeFailed(err)
	}
	if c.Canceled() {
		return 1
	}
	return status
}

// seqParse parses the options as seq's getopt loop does: in order, stopping
// at the first operand, an argument like -1 or -.5 being a (negative
// number) operand.
func seqParse(c *Context) ([]opt, []string, error) {
	args := c.Args[1:]
	var opts []opt
	i := 0
	for i < len(args) {
		a := args[i]
		if a == "--" {
			i++
			break
		}
		if len(a) < 2 || a[0] != '-' || a[1] == '.' || a[1] >= '0' && a[1] <= '9' {
			break
		}
		sub := []string{c.Args[0], a}
		takesNext := false
		if !strings.HasPrefix(a, "--") {
			last := a[len(a)-1]
			k := strings.IndexAny(a[1:], "fs")
			takesNext = k >= 0 && k == len(a)-2 && (last == 'f' || last == 's')
		} else if !strings.Contains(a, "=") && len(a) > 2 {
			n := a[2:]
			takesNext = strings.HasPrefix("format", n) || strings.HasPrefix("separator", n)
		}
		if takesNext && i+1 < len(args) {
			sub = append(sub, args[i+1])
			i++
		}
		i++
		c2 := *c
		c2.Args = sub
		p, err := c2.parseOpts(&seqSpec)
		if err != nil {
			return nil, nil, err
		}
		opts = append(opts, p.Opts...)
	}
	return opts, args[i:], nil
}

// seqParseFormat checks a -f format: one %e %f %g %a conversion (any
// case), with flags, width and precision, %% elsewhere.
func (c *Context) seqParseFormat(f string) (*seqFormat, bool) {
	var pre strings.Builder
	i := 0
	for ; ; i++ {
		if i >= len(f) {
			c.Errorf("format %s has no %% directive", quote(f))
			return nil, false
		}
		if f[i] == '%' {
			if i+1 < len(f) && f[i+1] == '%' {
				pre.WriteByte('%')
				i++
				continue
			}
			break
		}
		pre.WriteByte(f[i])
	}
	l := &seqFormat{prefix: pre.String()}
	i++
	for ; i < len(f) && strings.IndexByte("-+#0 '", f[i]) >= 0; i++ {
		switch f[i] {
		case '-':
			l.spec.Minus = true
		case '+':
			l.spec.Plus = true
		case '#':
			l.spec.Hash = true
		case '0':
			l.spec.Zero = true
		case ' ':
			l.spec.Space = true
		}
	}
	for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
		l.spec.Width = min(l.spec.Width*10+int(f[i]-'0'), 1<<30)
	}
	if i < len(f) && f[i] == '.' {
		l.spec.HasPrec = true
		for i++; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
			l.spec.Prec = min(l.spec.Prec*10+int(f[i]-'0'), 1<<30)
		}
	}
	if i < len(f) && f[i] == 'L' {
		i++
	}
	if i >= len(f) {
		c.Errorf("format %s ends in %%", quote(f))
		return nil, false
	}
	if strings.IndexByte("efgaEFGA", f[i]) < 0 {
		c.Errorf("format %s has unknown %%%c directive", quote(f), f[i])
		return nil, false
	}
	l.spec.Verb = f[i]
	var suf strings.Builder
	for i++; i < len(f); i++ {
		if f[i] == '%' {
			if i+1 < len(f) && f[i+1] == '%' {
				suf.WriteByte('%')
				i++
				continue
			}
			c.Errorf("format %s has too many %% directives", quote(f))
			return nil, false
		}
		suf.WriteByte(f[i])
	}
	l.suffix = suf.String()
	return l, true
}

// seqScan parses an operand and works out its print width and precision.
func (c *Context) seqScan(arg string) (seqOperand, bool) {
	v, n, err := strtold(arg)
	if n == 0 || n < len(arg) || err != nil && v.isInf() {
		c.usageErr(1, "invalid floating point argument: %s", quote(arg))
		return seqOperand{}, false
	}
	if v.NaN {
		c.usageErr(1, "invalid %s argument: %s", quote("not-a-number"), quote(arg))
		return seqOperand{}, false
	}
	o := seqOperand{value: v, precision: seqNoPrec}
	a := strings.TrimLeft(arg, " \t\n\v\f\r+")
	dot := strings.IndexByte(a, '.')
	if dot < 0 && !strings.ContainsAny(a, "pP") {
		o.precision = 0
	}
	if strings.ContainsAny(a, "xX") || !v.finite() {
		return o, true
	}
	fracLen := 0
	o.width = len(a)
	if dot >= 0 {
		fracLen = strings.IndexAny(a[dot+1:], "eE")
		if fracLen < 0 {
			fracLen = len(a) - dot - 1
		}
		o.precision = fracLen
		switch {
		case fracLen == 0:
			o.width--
		case dot == 0 || a[dot-1] < '0' || a[dot-1] > '9':
			o.width++
		}
	}
	e := strings.IndexAny(a, "eE")
	if e < 0 {
		return o, true
	}
	exp, _, _ := strtoimax(a[e+1:])
	if exp < 0 {
		o.precision += int(-exp)
	} else {
		o.precision -= int(min(int64(o.precision), exp))
	}
	o.width -= len(a) - e
	if exp < 0 {
		if dot >= 0 {
			if e == dot+1 {
				o.width++
			}
		} else {
			o.width++
		}
		exp = -exp
	} else {
		if dot >= 0 && o.precision == 0 && fracLen > 0 {
			o.width--
		}
		exp -= min(int64(fracLen), exp)
	}
	o.width += int(exp)
	return o, true
}

// seqDefaultFormat is the format used without -f.
func seqDefaultFormat(first, step, last seqOperand, equal bool) *seqFormat {
	prec := max(first.precision, step.precision)
	if prec != seqNoPrec && last.precision != seqNoPrec {
		spec := cSpec{Verb: 'f', HasPrec: true, Prec: prec}
		if equal {
			fw := first.width + (prec - first.precision)
			lw := last.width + (prec - last.precision)
			if last.precision != 0 && prec == 0 {
				lw--
			}
			if last.precision == 0 && prec != 0 {
				lw++
			}
			if first.precision == 0 && prec != 0 {
				fw++
			}
			spec.Zero = true
			spec.Width = max(fw, lw)
		}
		return &seqFormat{spec: spec}
	}
	return &seqFormat{spec: cSpec{Verb: 'g'}}
}

// seqPrint prints first, first+step, ... up to last, as print_numbers
// does: each value is first + i*step in long double arithmetic, and a
// value just past last that prints as last is printed too.
func (c *Context) seqPrint(w *errWriter, f *seqFormat, first, step, last longDouble, sep string) {
	neg := step.signbit()
	past := func(x longDouble) bool {
		if x.NaN || last.NaN {
			return false
		}
		if neg {
			return x.F.Cmp(last.F) < 0
		}
		return last.F.Cmp(x.F) < 0
	}
	if past(first) {
		return
	}
	x := first
	for i := int64(1); ; i++ {
		if c.stopped() || w.err != nil {
			return
		}
		w.WriteString(f.prefix)
		w.WriteString(f.number(x))
		w.WriteString(f.suffix)
		x0 := x
		x = ldAddMul(first, i, step)
		if past(x) {
			xs := f.number(x)
			v, n, err := strtold(xs)
			if n != len(xs) || err != nil || v.NaN || v.F.Cmp(last.F) != 0 || f.number(x0) == xs {
				break
			}
		}
		w.WriteString(sep)
	}
	w.WriteString("\n")
}

// ldAddMul returns first + i*step rounded as long doubles are, or NaN.
func ldAddMul(first longDouble, i int64, step longDouble) (r longDouble) {
	if first.NaN || step.NaN {
		return longDouble{NaN: true}
	}
	defer func() {
		if recover() != nil {
			r = longDouble{NaN: true}
		}
	}()
	p := newLD(new(big.Float).SetInt64(i))
	p.F.Mul(p.F, step.F)
	p.F.Add(p.F, first.F)
	return p
}

// seqFast prints an integer sequence exactly when the operands allow it
// (as seq_fast does); done is false when the general path must run.
func (c *Context) seqFast(w *errWriter, operands []string, sep string, formatted bool) (int, bool) {
	if formatted || len(sep) != 1 {
		return 0, false
	}
	vals := make([]*big.Int, 0, 3)
	inf := false
	for k, a := range operands {
		if allDigits(a) {
			v, _ := new(big.Int).SetString(a, 10)
			vals = append(vals, v)
			continue
		}
		// Integers written as 1e3, or an infinite LAST.
		v, n, err := strtold(a)
		if n != len(a) || err != nil || v.NaN || v.signbit() {
			return 0, false
		}
		if strings.ContainsAny(strings.TrimLeft(a, " \t\n\v\f\r+"), ".pPxX") {
			return 0, false
		}
		if v.isInf() {
			if k != len(operands)-1 {
				return 0, false
			}
			inf = true
			vals = append(vals, nil)
			continue
		}
		if !v.F.IsInt() {
			return 0, false
		}
		iv, _ := v.F.Int(nil)
		vals = append(vals, iv)
	}
	first, step := big.NewInt(1), big.NewInt(1)
	last := vals[len(vals)-1]
	if len(vals) >= 2 {
		first = vals[0]
	}
	if len(vals) == 3 {
		step = vals[1]
		if step.Sign() <= 0 || step.Cmp(big.NewInt(seqFastStepLimit)) > 0 {
			return 0, false
		}
	}
	if !inf && first.Cmp(last) > 0 {
		return 0, true
	}
	x := new(big.Int).Set(first)
	buf := make([]byte, 0, 64)
	for n := 0; ; n++ {
		if n%1024 == 0 && (c.stopped() || w.err != nil) {
			return 1, true
		}
		if n > 0 {
			w.WriteString(sep)
		}
		buf = x.Append(buf[:0], 10)
		w.Write(buf)
		x.Add(x, step)
		if !inf && x.Cmp(last) > 0 {
			break
		}
	}
	w.WriteString("\n")
	return 0, true
}
