package builtins

// Numbers with multiplier suffixes, as gnulib's xstrtoimax parses them for
// truncate -s, split -b/-C/-l and similar options.

import (
	"math"
	"math/big"
	"strings"
)

// sizeErr says why a suffixed number was refused.
type sizeErr int

const (
	sizeOK       sizeErr = iota
	sizeInvalid          // not a number, or a bad suffix
	sizeOverflow         // out of range
)

// parseSuffixed parses s as xstrtoimax does in base 10: optional leading
// white space and sign, digits, then at most one multiplier among the
// letters of suffixes. When suffixes contains '0', a multiplier may be
// followed by "B" or "D" (powers of 1000: KB) or "iB" (powers of 1024:
// KiB). The letters are b (512), c (1), w (2), k/K, m/M, g/G, t/T, P, E,
// Z, Y (powers of 1024). A negative number is refused unless signed.
func parseSuffixed(s, suffixes string, signed bool) (int64, sizeErr) {
	p := strings.TrimLeft(s, " \t\n\v\f\r")
	neg := false
	if p != "" && (p[0] == '+' || p[0] == '-') {
		neg = p[0] == '-'
		p = p[1:]
	}
	if neg && !signed {
		return 0, sizeInvalid
	}
	i := 0
	for i < len(p) && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i == 0 {
		// A bare suffix means 1 of it, as in xstrtol ("K" is 1024).
		if p == "" || !strings.ContainsRune(suffixes, rune(p[0])) || p[0] == '0' {
			return 0, sizeInvalid
		}
	}
	n := new(big.Int)
	if i > 0 {
		n.SetString(p[:i], 10)
	} else {
		n.SetInt64(1)
	}
	rest := p[i:]
	overflow := false
	if rest != "" {
		ch := rest[0]
		if ch == '0' || !strings.ContainsRune(suffixes, rune(ch)) {
			return 0, sizeInvalid
		}
		base := int64(1024)
		size := 1
		if strings.IndexByte(suffixes, '0') >= 0 && len(rest) >= 2 {
			switch {
			case rest[1] == 'i' && len(rest) >= 3 && rest[2] == 'B':
				size = 3
			case rest[1] == 'B' || rest[1] == 'D':
				base, size = 1000, 2
			}
		}
		var mult *big.Int
		pow := func(e int64) *big.Int { return new(big.Int).Exp(big.NewInt(base), big.NewInt(e), nil) }
		switch ch {
		case 'b':
			mult = big.NewInt(512)
		case 'B':
			mult = big.NewInt(1024)
		case 'c':
			mult = big.NewInt(1)
		case 'w':
			mult = big.NewInt(2)
		case 'k', 'K':
			mult = pow(1)
		case 'm', 'M':
			mult = pow(2)
		case 'g', 'G':
			mult = pow(3)
		case 't', 'T':
			mult = pow(4)
		case 'P':
			mult = pow(5)
		case 'E':
			mult = pow(6)
		case 'Z':
			mult = pow(7)
		case 'Y':
			mult = pow(8)
		case 'R':
			mult = pow(9)
		case 'Q':
			mult = pow(10)
		default:
			return 0, sizeInvalid
		}
		n.Mul(n, mult)
		if len(rest) > size {
			return 0, sizeInvalid
		}
	}
	if neg {
		n.Neg(n)
	}
	if !n.IsInt64() {
		overflow = true
	}
	if overflow {
		if neg {
			return math.MinInt64, sizeOverflow
		}
		return math.MaxInt64, sizeOverflow
	}
	return n.Int64(), sizeOK
}
