package builtins

// Helpers shared by the GNU diffutils commands (cmp, diff): their usage
// errors end with "cmd: Try 'cmd --help' for more information." and exit
// 2, and their size arguments take kB, K, MB, M, ... suffixes.

import (
	"bytes"
	"math"
	"strconv"
	"strings"
)

// parseDiffutilsOpts is parseOpts with diffutils' form of the --help
// pointer ("cmp: Try 'cmp --help' ..."). -v is --version when version is
// set (cmp).
func (c *Context) parseDiffutilsOpts(s *optSpec) (parsed, error) {
	var buf bytes.Buffer
	c2 := *c
	c2.Stderr = &buf
	p, err := c2.parseOpts(s)
	out := buf.String()
	try := "Try '" + c.Name() + " --help'"
	if strings.HasPrefix(out, try) || strings.Contains(out, "\n"+try) {
		out = strings.Replace(out, try, c.Name()+": "+try, 1)
	}
	c.Stderr.Write([]byte(out))
	return p, err
}

// diffutilsTryHelp prints "cmd: Try 'cmd --help' for more information.".
func (c *Context) diffutilsTryHelp() {
	c.Errorf("Try '%s --help' for more information.", c.Name())
}

// parseSizeSuffix parses a decimal count with an optional multiplicative
// suffix as gnulib's xstrtoumax with "kKMGTPEZY0" does: K is 1024, KiB
// 1024, kB and KB 1000. A value too large saturates; ok is false for a
// malformed value. rest is what follows the number and its suffix.
func parseSizeSuffix(s string) (v uint64, rest string, ok bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, s, false
	}
	v, err := strconv.ParseUint(s[:i], 10, 64)
	if err != nil {
		v = math.MaxUint64
	}
	s = s[i:]
	if s == "" {
		return v, "", true
	}
	pow := strings.IndexByte("kKMGTPEZY", s[0])
	if pow < 0 {
		return v, s, true
	}
	base := uint64(1024)
	s = s[1:]
	if strings.HasPrefix(s, "iB") {
		s = s[2:]
	} else if strings.HasPrefix(s, "B") {
		base = 1000
		s = s[1:]
	}
	n := pow
	if pow == 0 {
		n = 1 // k and K are both kilo
	}
	for ; n > 0; n-- {
		if v > math.MaxUint64/base {
			v = math.MaxUint64
		} else {
			v *= base
		}
	}
	return v, s, true
}

// hardLocale reports whether the messages locale is other than C or
// POSIX ($LC_ALL, else $LC_MESSAGES, else $LANG), as gnulib's hard_locale.
func (c *Context) hardLocale() bool {
	if c.Env == nil {
		return false
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if val, ok := c.Env(v); ok && val != "" {
			return val != "C" && val != "POSIX"
		}
	}
	return false
}
