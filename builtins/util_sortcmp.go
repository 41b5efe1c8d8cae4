package builtins

// Comparisons of GNU sort in the C locale: strnumcmp (-n), strtold
// prefixes (-g), human sizes (-h), month names (-M) and gnulib's
// filevercmp (-V, also usable by ls -v).

import (
	"math"
	"strconv"
	"strings"
)

// at returns s[i], or 0 past its end (the C string's NUL).
func at(s []byte, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

// numCompare compares the numbers at the start of a and b as gnulib's
// strnumcmp does with decimal point '.' and no thousands separator:
// without converting them, so any length works. Leading blanks are
// skipped; text that is not a number counts as zero.
func numCompare(a, b []byte) int {
	i, j := 0, 0
	for i < len(a) && isSortBlank(a[i]) {
		i++
	}
	for j < len(b) && isSortBlank(b[j]) {
		j++
	}
	return strnumcmp(a[i:], b[j:])
}

func strnumcmp(a, b []byte) int {
	i, j := 0, 0
	ta, tb := at(a, 0), at(b, 0)
	if ta == '-' {
		for {
			i++
			ta = at(a, i)
			if ta != '0' {
				break
			}
		}
		if tb != '-' {
			if ta == '.' {
				for {
					i++
					ta = at(a, i)
					if ta != '0' {
						break
					}
				}
			}
			if isDigit(ta) {
				return -1
			}
			for tb == '0' {
				j++
				tb = at(b, j)
			}
			if tb == '.' {
				for {
					j++
					tb = at(b, j)
					if tb != '0' {
						break
					}
				}
			}
			if isDigit(tb) {
				return -1
			}
			return 0
		}
		for {
			j++
			tb = at(b, j)
			if tb != '0' {
				break
			}
		}
		for ta == tb && isDigit(ta) {
			i++
			ta = at(a, i)
			j++
			tb = at(b, j)
		}
		if (ta == '.' && !isDigit(tb)) || (tb == '.' && !isDigit(ta)) {
			return fracCompare(b[j:], a[i:])
		}
		tmp := int(tb) - int(ta)
		la, lb := 0, 0
		for ; isDigit(ta); la++ {
			i++
			ta = at(a, i)
		}
		for ; isDigit(tb); lb++ {
			j++
			tb = at(b, j)
		}
		if la != lb {
			if la < lb {
				return 1
			}
			return -1
		}
		if la == 0 {
			return 0
		}
		return tmp
	}
	if tb == '-' {
		for {
			j++
			tb = at(b, j)
			if tb != '0' {
				break
			}
		}
		if tb == '.' {
			for {
				j++
				tb = at(b, j)
				if tb != '0' {
					break
				}
			}
		}
		if isDigit(tb) {
			return 1
		}
		for ta == '0' {
			i++
			ta = at(a, i)
		}
		if ta == '.' {
			for {
				i++
				ta = at(a, i)
				if ta != '0' {
					break
				}
			}
		}
		if isDigit(ta) {
			return 1
		}
		return 0
	}
	for ta == '0' {
		i++
		ta = at(a, i)
	}
	for tb == '0' {
		j++
		tb = at(b, j)
	}
	for ta == tb && isDigit(ta) {
		i++
		ta = at(a, i)
		j++
		tb = at(b, j)
	}
	if (ta == '.' && !isDigit(tb)) || (tb == '.' && !isDigit(ta)) {
		return fracCompare(a[i:], b[j:])
	}
	tmp := int(ta) - int(tb)
	la, lb := 0, 0
	for ; isDigit(ta); la++ {
		i++
		ta = at(a, i)
	}
	for ; isDigit(tb); lb++ {
		j++
		tb = at(b, j)
	}
	if la != lb {
		if la < lb {
			return -1
		}
		return 1
	}
	if la == 0 {
		return 0
	}
	return tmp
}

// fracCompare compares the fractions at a and b (each at a '.' or not).
func fracCompare(a, b []byte) int {
	i, j := 0, 0
	if at(a, 0) == '.' && at(b, 0) == '.' {
		for {
			i++
			j++
			if at(a, i) != at(b, j) {
				break
			}
			if !isDigit(at(a, i)) {
				return 0
			}
		}
		ca, cb := at(a, i), at(b, j)
		if isDigit(ca) && isDigit(cb) {
			return int(ca) - int(cb)
		}
		if isDigit(ca) {
			for at(a, i) == '0' {
				i++
			}
			return b2i(isDigit(at(a, i)))
		}
		if isDigit(cb) {
			for at(b, j) == '0' {
				j++
			}
			return -b2i(isDigit(at(b, j)))
		}
		return 0
	}
	if at(a, 0) == '.' {
		i = 1
		for at(a, i) == '0' {
			i++
		}
		return b2i(isDigit(at(a, i)))
	}
	if at(b, 0) == '.' {
		j = 1
		for at(b, j) == '0' {
			j++
		}
		return -b2i(isDigit(at(b, j)))
	}
	return 0
}

// isSortBlank is sort's "blank": space, tab, and newline (which can occur
// in -z records).
func isSortBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// unitOrder returns the order of the unit after the number at s, as
// sort -h reads it: none 0, K/k 1, M 2, ... Y 8; negative for negative
// numbers.
func unitOrder(s []byte) int {
	i := 0
	sign := 1
	if at(s, 0) == '-' {
		sign = -1
		i++
	}
	for isDigit(at(s, i)) {
		i++
		if at(s, i) == '.' && isDigit(at(s, i+1)) {
			i += 2
		}
	}
	order := strings.IndexByte("KMGTPEZY", at(s, i)) + 1
	if at(s, i) == 'k' {
		order = 1
	}
	if at(s, i) == 0 {
		order = 0
	}
	return sign * order
}

// humanCompare is sort -h's comparison.
func humanCompare(a, b []byte) int {
	i, j := 0, 0
	for i < len(a) && isSortBlank(a[i]) {
		i++
	}
	for j < len(b) && isSortBlank(b[j]) {
		j++
	}
	oa, ob := unitOrder(a[i:]), unitOrder(b[j:])
	switch {
	case oa > ob:
		return 1
	case oa < ob:
		return -1
	}
	return strnumcmp(a[i:], b[j:])
}

// sortStrtod parses, as float64, the longest prefix of s that strtold accepts. ok is
// false when there is none.
func sortStrtod(s []byte) (float64, bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
		i++
	}
	start := i
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	rest := strings.ToLower(string(s[i:min(len(s), i+8)]))
	sign := 1.0
	if neg {
		sign = -1
	}
	switch {
	case strings.HasPrefix(rest, "inf"):
		return sign * math.Inf(1), true
	case strings.HasPrefix(rest, "nan"):
		return math.NaN(), true
	}
	if at(s, i) == '0' && (at(s, i+1) == 'x' || at(s, i+1) == 'X') {
		j := i + 2
		mant, exp, digits := 0.0, 0, 0
		for ; isHex(at(s, j)); j++ {
			mant = mant*16 + float64(hexVal(at(s, j)))
			digits++
		}
		if at(s, j) == '.' {
			for j++; isHex(at(s, j)); j++ {
				mant = mant*16 + float64(hexVal(at(s, j)))
				exp -= 4
				digits++
			}
		}
		if digits == 0 {
			return 0, true // "0" then "x..." which is not part of it
		}
		if c := at(s, j); c == 'p' || c == 'P' {
			k := j + 1
			esign := 1
			if at(s, k) == '+' || at(s, k) == '-' {
				if at(s, k) == '-' {
					esign = -1
				}
				k++
			}
			if isDigit(at(s, k)) {
				e := 0
				for ; isDigit(at(s, k)); k++ {
					if e < 100000 {
						e = e*10 + int(at(s, k)-'0')
					}
				}
				exp += esign * e
			}
		}
		return sign * math.Ldexp(mant, exp), true
	}
	j := i
	digits := 0
	for isDigit(at(s, j)) {
		j++
		digits++
	}
	if at(s, j) == '.' {
		j++
		for isDigit(at(s, j)) {
			j++
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if c := at(s, j); c == 'e' || c == 'E' {
		k := j + 1
		if at(s, k) == '+' || at(s, k) == '-' {
			k++
		}
		if isDigit(at(s, k)) {
			for isDigit(at(s, k)) {
				k++
			}
			j = k
		}
	}
	f, err := strconv.ParseFloat(string(s[start:j]), 64)
	if err != nil && !strings.Contains(err.Error(), "range") {
		return 0, false
	}
	return f, true
}

// generalCompare is sort -g's comparison: numbers that strtold cannot
// read first, then NaNs, then numbers in order.
func generalCompare(a, b []byte) int {
	x, okx := sortStrtod(a)
	y, oky := sortStrtod(b)
	switch {
	case !okx && !oky:
		return 0
	case !okx:
		return -1
	case !oky:
		return 1
	case x < y:
		return -1
	case x > y:
		return 1
	case x == y:
		return 0
	case y == y:
		return -1
	case x == x:
		return 1
	}
	return 0
}

var sortMonths = []string{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

// sortMonth returns 1..12 for a key starting (after blanks) with a month
// abbreviation in any case, else 0.
func sortMonth(s []byte) int {
	i := 0
	for i < len(s) && isSortBlank(s[i]) {
		i++
	}
	s = s[i:]
	if len(s) < 3 {
		return 0
	}
	up := strings.ToUpper(string(s[:3]))
	for k, m := range sortMonths {
		if up == m {
			return k + 1
		}
	}
	return 0
}

// filevercmp compares version strings as gnulib's filenvercmp (2022).
func filevercmp(a, b []byte) int {
	if len(a) == 0 {
		return -b2i(len(b) != 0)
	}
	if len(b) == 0 {
		return 1
	}
	if a[0] == '.' {
		if b[0] != '.' {
			return -1
		}
		adot, bdot := len(a) == 1, len(b) == 1
		if adot {
			return -b2i(!bdot)
		}
		if bdot {
			return 1
		}
		adotdot := a[1] == '.' && len(a) == 2
		bdotdot := b[1] == '.' && len(b) == 2
		if adotdot {
			return -b2i(!bdotdot)
		}
		if bdotdot {
			return 1
		}
	} else if b[0] == '.' {
		return 1
	}
	ap, bp := filePrefixLen(a), filePrefixLen(b)
	onePass := ap == len(a) && bp == len(b)
	r := verrevcmp(a[:ap], b[:bp])
	if r != 0 || onePass {
		return r
	}
	return verrevcmp(a, b)
}

// filePrefixLen returns the length of s without its file suffix
// (\.[A-Za-z~][A-Za-z0-9~]*)*$, never all of s.
func filePrefixLen(s []byte) int {
	n := len(s)
	prefix := 0
	for i := 0; ; {
		if i == n {
			return prefix
		}
		i++
		prefix = i
		for i+1 < n && s[i] == '.' && (isAlpha(s[i+1]) || s[i+1] == '~') {
			for i += 2; i < n && (isAlpha(s[i]) || isDigit(s[i]) || s[i] == '~'); i++ {
			}
		}
	}
}

func verOrder(s []byte, pos int) int {
	if pos == len(s) {
		return -1
	}
	c := s[pos]
	switch {
	case isDigit(c):
		return 0
	case isAlpha(c):
		return int(c)
	case c == '~':
		return -2
	}
	return int(c) + 256
}

func verrevcmp(s1, s2 []byte) int {
	i, j := 0, 0
	for i < len(s1) || j < len(s2) {
		firstDiff := 0
		for (i < len(s1) && !isDigit(s1[i])) || (j < len(s2) && !isDigit(s2[j])) {
			c1, c2 := verOrder(s1, i), verOrder(s2, j)
			if c1 != c2 {
				return c1 - c2
			}
			i++
			j++
		}
		for i < len(s1) && s1[i] == '0' {
			i++
		}
		for j < len(s2) && s2[j] == '0' {
			j++
		}
		for i < len(s1) && j < len(s2) && isDigit(s1[i]) && isDigit(s2[j]) {
			if firstDiff == 0 {
				firstDiff = int(s1[i]) - int(s2[j])
			}
			i++
			j++
		}
		if i < len(s1) && isDigit(s1[i]) {
			return 1
		}
		if j < len(s2) && isDigit(s2[j]) {
			return -1
		}
		if firstDiff != 0 {
			return firstDiff
		}
	}
	return 0
}
