package builtins

// Helpers shared by the small system commands (yes, env, sleep, timeout,
// id, whoami, uname, hostname, which): getopt in "stop at the first
// operand" mode, GNU durations, signal names, and the fixed identity of
// the sandbox.

import (
	"math/big"
	"strconv"
	"strings"
	"time"
)

// The fixed system the sandbox presents (uname, hostname, id, whoami).
const (
	// SandboxHostname is the host name uname -n and hostname print.
	SandboxHostname = "sandbox"
	// SandboxKernelRelease is what uname -r prints.
	SandboxKernelRelease = "6.1.0-sandsh"
	// SandboxKernelVersion is what uname -v prints.
	SandboxKernelVersion = "#1 SMP PREEMPT_DYNAMIC sandsh"
	// SandboxUser is the user every command runs as (uid and gid 0).
	SandboxUser = "root"
)

// IsSystemDir reports whether dir is one of the PATH directories whose
// commands are sandsh's builtins (/usr/local/sbin /usr/local/bin
// /usr/sbin /usr/bin /sbin /bin), as the shell's command lookup treats
// them. dir must be clean and absolute.
func IsSystemDir(dir string) bool {
	switch dir {
	case "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin":
		return true
	}
	return false
}

// parseOptsFirst parses options as getopt_long with a leading '+' does:
// the first operand ends the options (env, timeout, yes, nice ...).
func (c *Context) parseOptsFirst(s *optSpec) (parsed, error) {
	c2 := *c
	env := c.Env
	c2.Env = func(name string) (string, bool) {
		if name == "POSIXLY_CORRECT" {
			return "1", true
		}
		if env == nil {
			return "", false
		}
		return env(name)
	}
	return c2.parseOpts(s)
}

// parseDuration parses a GNU duration for sleep and timeout: a floating
// point number (C strtod syntax, also hex and "inf") with an optional
// suffix s, m, h or d. It refuses negative values and NaN.
func parseDuration(s string) (time.Duration, bool) {
	v, n, err := strtold(s)
	if n == 0 || v.NaN || v.signbit() && (v.isInf() || v.F.Sign() != 0) {
		return 0, false
	}
	mult := int64(1)
	switch s[n:] {
	case "", "s":
	case "m":
		mult = 60
	case "h":
		mult = 3600
	case "d":
		mult = 86400
	default:
		return 0, false
	}
	if err != nil && !v.isInf() {
		err = nil // underflow: as good as zero
	}
	if v.isInf() {
		return time.Duration(1<<63 - 1), true
	}
	ns := new(big.Float).Mul(v.F, big.NewFloat(float64(mult)*1e9))
	if ns.Cmp(big.NewFloat(float64(1<<63-1))) >= 0 {
		return time.Duration(1<<63 - 1), true
	}
	d, _ := ns.Int64()
	if d == 0 && ns.Sign() > 0 {
		d = 1
	}
	return time.Duration(d), true
}

// signals maps signal names (without SIG) to Linux numbers.
var signals = map[string]int{
	"HUP": 1, "INT": 2, "QUIT": 3, "ILL": 4, "TRAP": 5, "ABRT": 6, "IOT": 6, "BUS": 7,
	"FPE": 8, "KILL": 9, "USR1": 10, "SEGV": 11, "USR2": 12, "PIPE": 13, "ALRM": 14,
	"TERM": 15, "STKFLT": 16, "CHLD": 17, "CLD": 17, "CONT": 18, "STOP": 19, "TSTP": 20,
	"TTIN": 21, "TTOU": 22, "URG": 23, "XCPU": 24, "XFSZ": 25, "VTALRM": 26, "PROF": 27,
	"WINCH": 28, "IO": 29, "POLL": 29, "PWR": 30, "SYS": 31, "RTMIN": 34, "RTMAX": 64,
}

// parseSignal parses a signal given by number (0 to 64) or name, with or
// without SIG, in any case, as coreutils' operand2sig does.
func parseSignal(s string) (int, bool) {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		n, err := strconv.Atoi(s)
		if err != nil || n > 64 {
			return 0, false
		}
		return n, true
	}
	u := strings.ToUpper(s)
	u = strings.TrimPrefix(u, "SIG")
	if n, ok := signals[u]; ok {
		return n, true
	}
	for _, base := range []string{"RTMIN+", "RTMAX-"} {
		if rest, ok := strings.CutPrefix(u, base); ok {
			k, err := strconv.Atoi(rest)
			if err == nil && k >= 0 && k <= 30 {
				if base == "RTMIN+" {
					return 34 + k, true
				}
				return 64 - k, true
			}
		}
	}
	return 0, false
}

// signalName returns the name of signal n without SIG ("TERM").
func signalName(n int) string {
	best := ""
	for name, v := range signals {
		if v == n && (best == "" || name < best) && name != "IOT" && name != "CLD" && name != "POLL" {
			best = name
		}
	}
	if best == "" {
		return strconv.Itoa(n)
	}
	return best
}
