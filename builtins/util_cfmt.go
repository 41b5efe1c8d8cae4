package builtins

// C-style number formatting and parsing shared by printf, seq and numfmt:
// glibc's printf conversions (%d %i %o %u %x %X %e %E %f %F %g %G %a %A
// %c %s) with the flags - + space # 0, width and precision, applied to
// intmax_t/uintmax_t and x86 long double values; and the number parsers
// strtoimax, strtoumax and strtold (C locale) that those tools use.
//
// Long doubles are modelled with math/big floats of 64-bit mantissa,
// which round as the x87 80-bit format does, so "%.20f" of 0.1 prints
// 0.10000000000000000000 as GNU printf does.

import (
	"math"
	"math/big"
	"strings"
	"syscall"
)

// ldPrec is the mantissa size of an x86 long double.
const ldPrec = 64

// Exponent limits of an x86 long double, in big.Float's convention
// (value = mantissa in [0.5, 1) times 2**exp).
const (
	ldMaxExp = 16384
	ldMinExp = -16444 // smallest subnormal is 2**-16445
)

// longDouble is an x86 long double: a finite value or an infinity in F,
// or a NaN.
type longDouble struct {
	F   *big.Float
	NaN bool
	Neg bool // the sign of a NaN
}

// newLD returns a long double holding x (rounded to 64 bits).
func newLD(x *big.Float) longDouble {
	f := new(big.Float).SetPrec(ldPrec).SetMode(big.ToNearestEven)
	f.Set(x)
	return longDouble{F: f}
}

// ldFromInt returns the long double of n.
func ldFromInt(n int64) longDouble {
	return newLD(new(big.Float).SetInt64(n))
}

// signbit reports whether x is negative (also -0 and -nan).
func (x longDouble) signbit() bool {
	if x.NaN {
		return x.Neg
	}
	return x.F.Signbit()
}

// isInf reports whether x is an infinity.
func (x longDouble) isInf() bool { return !x.NaN && x.F.IsInf() }

// finite reports whether x is neither infinite nor NaN.
func (x longDouble) finite() bool { return !x.NaN && !x.F.IsInf() }

// cSpec is one printf conversion specification: %[flags][width][.prec]verb.
type cSpec struct {
	Minus, Plus, Space, Hash, Zero bool
	Width                          int
	Prec                           int
	HasPrec                        bool
	Verb                           byte
}

// pad assembles a field: sign/prefix, then body, padded to the width with
// spaces (left or right) or, when zeroes is set, with zeros between the
// prefix and the body.
func (s *cSpec) pad(prefix, body string, zeroes bool) string {
	n := len(prefix) + len(body)
	if n >= s.Width {
		return prefix + body
	}
	fill := s.Width - n
	switch {
	case s.Minus:
		return prefix + body + strings.Repeat(" ", fill)
	case zeroes:
		return prefix + strings.Repeat("0", fill) + body
	}
	return strings.Repeat(" ", fill) + prefix + body
}

// signPrefix returns the sign to print for a value that is negative or
// not.
func (s *cSpec) signPrefix(neg bool) string {
	switch {
	case neg:
		return "-"
	case s.Plus:
		return "+"
	case s.Space:
		return " "
	}
	return ""
}

// fmtSigned formats v for %d or %i.
func (s *cSpec) fmtSigned(v int64) string {
	neg := v < 0
	mag := uint64(v)
	if neg {
		mag = -mag
	}
	return s.fmtInteger(neg, mag)
}

// fmtInteger formats the magnitude mag (negative if neg) for the integer
// conversions d i o u x X.
func (s *cSpec) fmtInteger(neg bool, mag uint64) string {
	var digits string
	base := uint64(10)
	switch s.Verb {
	case 'o':
		base = 8
	case 'x', 'X':
		base = 16
	}
	digits = formatUint(mag, base)
	if s.Verb == 'X' {
		digits = strings.ToUpper(digits)
	}
	if s.HasPrec {
		if s.Prec == 0 && mag == 0 {
			digits = ""
		}
		if len(digits) < s.Prec {
			digits = strings.Repeat("0", s.Prec-len(digits)) + digits
		}
	}
	prefix := ""
	switch s.Verb {
	case 'd', 'i':
		prefix = s.signPrefix(neg)
	case 'o':
		if s.Hash && !strings.HasPrefix(digits, "0") {
			digits = "0" + digits
		}
	case 'x':
		if s.Hash && mag != 0 {
			prefix = "0x"
		}
	case 'X':
		if s.Hash && mag != 0 {
			prefix = "0X"
		}
	}
	return s.pad(prefix, digits, s.Zero && !s.HasPrec)
}

func formatUint(v, base uint64) string {
	if v == 0 {
		return "0"
	}
	const digs = "0123456789abcdef"
	var b [64]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = digs[v%base]
		v /= base
	}
	return string(b[i:])
}

// fmtString formats str for %s (precision cuts it) or a one-byte string
// for %c.
func (s *cSpec) fmtString(str string) string {
	if s.Verb == 's' && s.HasPrec && s.Prec < len(str) {
		str = str[:s.Prec]
	}
	return s.pad("", str, false)
}

// fmtFloat formats x for the conversions e E f F g G a A.
func (s *cSpec) fmtFloat(x longDouble) string {
	upper := s.Verb >= 'A' && s.Verb <= 'Z'
	prefix := s.signPrefix(x.signbit())
	if !x.finite() {
		body := "inf"
		if x.NaN {
			body = "nan"
		}
		if upper {
			body = strings.ToUpper(body)
		}
		return s.pad(prefix, body, false)
	}
	abs := new(big.Float).Abs(x.F)
	prec := 6
	if s.HasPrec {
		prec = s.Prec
	}
	var body string
	switch s.Verb | 0x20 {
	case 'f':
		body = abs.Text('f', prec)
		if s.Hash && prec == 0 {
			body += "."
		}
	case 'e':
		body = fixExp(abs.Text('e', prec))
		if s.Hash && prec == 0 {
			body = strings.Replace(body, "e", ".e", 1)
		}
	case 'g':
		body = fmtG(abs, prec, s.Hash)
	case 'a':
		body = fmtHexLD(abs, prec, s.HasPrec)
		if s.Hash && !strings.Contains(body, ".") {
			body = strings.Replace(body, "p", ".p", 1)
		}
		prefix += "0x"
	}
	if upper {
		body = strings.ToUpper(body)
		prefix = strings.ToUpper(prefix)
	}
	return s.pad(prefix, body, s.Zero)
}

// fixExp makes sure an exponent has at least two digits, as C's has
// (big.Float already does; this is a guard).
func fixExp(t string) string {
	i := strings.LastIndexAny(t, "e")
	if i < 0 || len(t)-i-2 >= 2 {
		return t
	}
	return t[:i+2] + "0" + t[i+2:]
}

// fmtG is C's %g of a non-negative finite value.
func fmtG(abs *big.Float, prec int, hash bool) string {
	p := prec
	if p == 0 {
		p = 1
	}
	e := abs.Text('e', p-1)
	i := strings.IndexByte(e, 'e')
	exp := 0
	for _, ch := range e[i+2:] {
		exp = exp*10 + int(ch-'0')
	}
	if e[i+1] == '-' {
		exp = -exp
	}
	var out string
	if p > exp && exp >= -4 {
		out = abs.Text('f', p-1-exp)
	} else {
		out = e
	}
	if hash {
		if !strings.Contains(out, ".") {
			if j := strings.IndexByte(out, 'e'); j >= 0 {
				out = out[:j] + "." + out[j:]
			} else {
				out += "."
			}
		}
		return out
	}
	mant, exps := out, ""
	if j := strings.IndexByte(out, 'e'); j >= 0 {
		mant, exps = out[:j], out[j:]
	}
	if strings.Contains(mant, ".") {
		mant = strings.TrimRight(mant, "0")
		mant = strings.TrimSuffix(mant, ".")
	}
	return mant + exps
}

// fmtHexLD is glibc's %La of a non-negative finite long double, without
// the "0x": the leading hex digit holds the top four bits of the 64-bit
// mantissa ("8p-3" for 1).
func fmtHexLD(abs *big.Float, prec int, hasPrec bool) string {
	if abs.Sign() == 0 {
		if hasPrec && prec > 0 {
			return "0." + strings.Repeat("0", prec) + "p+0"
		}
		return "0p+0"
	}
	mant := new(big.Float)
	exp := abs.MantExp(mant) // abs = mant * 2**exp, mant in [0.5, 1)
	mant.SetMantExp(mant, 64)
	m, _ := mant.Uint64() // 64-bit mantissa, top bit set
	e := exp - 64 + 60    // value = (m / 2**60) * 2**e
	lead := m >> 60
	frac := m & (1<<60 - 1)
	digits := 15
	if hasPrec && prec < digits {
		// Round m to its top 4+4*prec bits, ties to even.
		shift := uint(4 * (15 - prec))
		keep := m >> shift
		rest := m & (1<<shift - 1)
		half := uint64(1) << (shift - 1)
		if rest > half || rest == half && keep&1 == 1 {
			keep++
		}
		lead = keep >> (4 * uint(prec))
		frac = keep & (1<<(4*uint(prec)) - 1)
		if lead == 16 {
			lead = 1
			e += 4
		}
		digits = prec
	}
	fs := ""
	if digits > 0 {
		fs = formatUint(frac, 16)
		fs = strings.Repeat("0", digits-len(fs)) + fs
		if !hasPrec {
			fs = strings.TrimRight(fs, "0")
		}
	}
	if hasPrec && prec > digits {
		fs += strings.Repeat("0", prec-digits)
	}
	out := formatUint(lead, 16)
	if fs != "" {
		out += "." + fs
	}
	sign := "+"
	if e < 0 {
		sign = "-"
		e = -e
	}
	return out + "p" + sign + formatUint(uint64(e), 10)
}

// ---------------------------------------------------------------------------
// Parsing

func isSpaceC(ch byte) bool {
	return ch == ' ' || ch >= '\t' && ch <= '\r'
}

// strtoimax parses s as C's strtoimax(s, &end, 0) does: leading white
// space, a sign, then 0x hex, 0 octal or decimal. It returns the value,
// the number of bytes used (0 when no number was found) and ERANGE when
// the value was clamped.
func strtoimax(s string) (int64, int, error) {
	neg, mag, n, err := strtoMag(s)
	if n == 0 {
		return 0, 0, nil
	}
	if neg {
		if err != nil || mag > 1<<63 {
			return math.MinInt64, n, syscall.ERANGE
		}
		return -int64(mag), n, nil
	}
	if err != nil || mag > math.MaxInt64 {
		return math.MaxInt64, n, syscall.ERANGE
	}
	return int64(mag), n, nil
}

// strtoumax parses s as C's strtoumax(s, &end, 0): like strtoimax, but a
// negative value wraps around ("-1" is the largest value).
func strtoumax(s string) (uint64, int, error) {
	neg, mag, n, err := strtoMag(s)
	if n == 0 {
		return 0, 0, nil
	}
	if err != nil {
		return math.MaxUint64, n, err
	}
	if neg {
		return -mag, n, nil
	}
	return mag, n, nil
}

// strtoMag scans an integer for strtoimax and strtoumax.
func strtoMag(s string) (neg bool, mag uint64, n int, err error) {
	i := 0
	for i < len(s) && isSpaceC(s[i]) {
		i++
	}
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	base := uint64(10)
	if i < len(s) && s[i] == '0' {
		if i+2 < len(s)+0 && (s[i+1] == 'x' || s[i+1] == 'X') && i+2 < len(s) && isHex(s[i+2]) {
			base = 16
			i += 2
		} else {
			base = 8
		}
	}
	start := i
	for i < len(s) {
		d := uint64(digitVal(s[i])) // -1 (no digit) wraps past any base
		if d >= base {
			break
		}
		hi, lo := bitsMul(mag, base)
		if hi != 0 || lo+d < lo {
			err = syscall.ERANGE
		}
		mag = lo + d
		i++
	}
	if i == start {
		return false, 0, 0, nil
	}
	if err != nil {
		mag = math.MaxUint64
	}
	return neg, mag, i, err
}

func bitsMul(a, b uint64) (hi, lo uint64) {
	if a == 0 || b == 0 {
		return 0, 0
	}
	lo = a * b
	if lo/b != a {
		return 1, lo
	}
	return 0, lo
}

// strtold parses s as glibc's strtold in the C locale: leading white
// space, a sign, then a decimal or 0x hexadecimal number with optional
// exponent, "inf", "infinity" or "nan[(chars)]", all letters in any case.
// It returns the value, the number of bytes used (0 when there is no
// number) and ERANGE on overflow (the value is then infinite) or
// underflow.
func strtold(s string) (longDouble, int, error) {
	i := 0
	for i < len(s) && isSpaceC(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	rest := s[i:]
	lower := strings.ToLower(rest)
	switch {
	case strings.HasPrefix(lower, "infinity"):
		return ldInf(neg), i + 8, nil
	case strings.HasPrefix(lower, "inf"):
		return ldInf(neg), i + 3, nil
	case strings.HasPrefix(lower, "nan"):
		n := i + 3
		if n < len(s) && s[n] == '(' {
			j := n + 1
			for j < len(s) && (isAlnum(s[j]) || s[j] == '_') {
				j++
			}
			if j < len(s) && s[j] == ')' {
				n = j + 1
			}
		}
		return longDouble{NaN: true, Neg: neg}, n, nil
	}
	hex := len(rest) >= 2 && rest[0] == '0' && (rest[1] == 'x' || rest[1] == 'X')
	isDig := func(ch byte) bool { return ch >= '0' && ch <= '9' }
	if hex {
		isDig = isHex
	}
	j := 0
	if hex {
		j = 2
	}
	mstart := j
	nd := 0
	for j < len(rest) && isDig(rest[j]) {
		j++
		nd++
	}
	if j < len(rest) && rest[j] == '.' {
		k := j + 1
		for k < len(rest) && isDig(rest[k]) {
			k++
			nd++
		}
		if nd > 0 {
			j = k
		}
	}
	if nd == 0 {
		if hex {
			// "0x" without digits: the "0" is the number.
			return longDouble{F: new(big.Float)}.withSign(neg), i + 1, nil
		}
		return longDouble{F: new(big.Float)}, 0, nil
	}
	mant := rest[mstart:j]
	expCh := byte('e')
	if hex {
		expCh = 'p'
	}
	exp := ""
	if j < len(rest) && (rest[j]|0x20) == expCh {
		k := j + 1
		if k < len(rest) && (rest[k] == '+' || rest[k] == '-') {
			k++
		}
		ds := k
		for k < len(rest) && rest[k] >= '0' && rest[k] <= '9' {
			k++
		}
		if k > ds {
			exp = rest[j+1 : k]
			j = k
		}
	}
	lit := mant
	if hex {
		lit = "0x" + mant
		if exp != "" {
			lit += "p" + exp
		}
	} else if exp != "" {
		lit += "e" + clampExp(exp)
	}
	if strings.HasPrefix(lit, ".") || strings.HasPrefix(lit, "0x.") {
		lit = strings.Replace(lit, ".", "0.", 1)
	}
	f := new(big.Float).SetPrec(ldPrec).SetMode(big.ToNearestEven)
	if _, _, err := f.Parse(lit, 0); err != nil {
		return longDouble{F: new(big.Float)}, 0, nil
	}
	x := longDouble{F: f}.withSign(neg)
	n := i + j
	if f.Sign() != 0 {
		e := f.MantExp(nil)
		if e > ldMaxExp {
			return ldInf(neg), n, syscall.ERANGE
		}
		if e < ldMinExp {
			return longDouble{F: new(big.Float)}.withSign(neg), n, syscall.ERANGE
		}
	}
	return x, n, nil
}

// clampExp keeps a decimal exponent within what big.Float can parse
// quickly; anything beyond is out of long double range anyway.
func clampExp(exp string) string {
	neg := strings.HasPrefix(exp, "-")
	d := strings.TrimLeft(strings.TrimLeft(exp, "+-"), "0")
	if len(d) > 6 {
		if neg {
			return "-999999"
		}
		return "999999"
	}
	if d == "" {
		d = "0"
	}
	if neg {
		return "-" + d
	}
	return d
}

func (x longDouble) withSign(neg bool) longDouble {
	if x.NaN {
		x.Neg = neg
		return x
	}
	if x.F.Signbit() != neg {
		x.F.Neg(x.F)
	}
	return x
}

func ldInf(neg bool) longDouble {
	return longDouble{F: new(big.Float).SetInf(neg)}
}

func isAlnum(ch byte) bool {
	return ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z'
}
