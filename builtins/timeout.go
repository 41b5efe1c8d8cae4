package builtins

// timeout, as GNU's: timeout [OPTION] DURATION COMMAND [ARG]... runs
// COMMAND through Context.Exec with a context whose deadline is DURATION
// (s, m, h, d suffixes, fractions; 0 means none). When the deadline
// passes the command is stopped and timeout returns 124, or with
// --preserve-status 128+SIGNAL; -s KILL makes it 137 as GNU's does.
// -s/--signal, -k/--kill-after and --foreground are checked and
// accepted (a command is stopped by cancellation, whatever the signal);
// -v/--verbose reports the signal sent. 125 for timeout's own errors,
// 126 when the command cannot run, 127 when it is not found.

import (
	"context"
	"fmt"
	"time"
)

func init() { Register("timeout", timeout) }

var timeoutSpec = optSpec{
	Short: "k:s:v",
	Long: []longOpt{
		{Name: "kill-after", Arg: requiredArg, Key: "k"},
		{Name: "signal", Arg: requiredArg, Key: "s"},
		{Name: "verbose", Key: "v"},
		{Name: "foreground", Key: "foreground"},
		{Name: "preserve-status", Key: "preserve-status"},
	},
	Status: 125,
	Usage: `Usage: timeout [OPTION] DURATION COMMAND [ARG]...
  or:  timeout [OPTION]
Start COMMAND, and kill it if still running after DURATION.

Mandatory arguments to long options are mandatory for short options too.
      --preserve-status
                 exit with the same status as COMMAND, even when the
                   command times out
      --foreground
                 when not running timeout directly from a shell prompt,
                   allow COMMAND to read from the TTY and get TTY signals;
                   in this mode, children of COMMAND will not be timed out
  -k, --kill-after=DURATION
                 also send a KILL signal if COMMAND is still running
                   this long after the initial signal was sent
  -s, --signal=SIGNAL
                 specify the signal to be sent on timeout;
                   SIGNAL may be a name like 'HUP' or a number;
                   see 'kill -l' for a list of signals
  -v, --verbose  diagnose to stderr any signal sent upon timeout
      --help        display this help and exit
      --version     output version information and exit
`,
}

func timeout(c *Context) int {
	p, err := c.parseOptsFirst(&timeoutSpec)
	if err != nil {
		return exitStatus(err)
	}
	sig, verbose, preserve := 15, false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "s":
			n, ok := parseSignal(o.Val)
			if !ok {
				return c.usageErr(125, "%s: invalid signal", quote(o.Val))
			}
			sig = n
		case "k":
			if _, ok := parseDuration(o.Val); !ok {
				return c.usageErr(125, "invalid time interval %s", quote(o.Val))
			}
		case "v":
			verbose = true
		case "preserve-status":
			preserve = true
		}
	}
	if len(p.Operands) < 2 {
		c.tryHelp()
		return 125
	}
	d, ok := parseDuration(p.Operands[0])
	if !ok {
		return c.usageErr(125, "invalid time interval %s", quote(p.Operands[0]))
	}
	parent := c.Ctx
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := parent, context.CancelFunc(func() {})
	if d > 0 && d < time.Duration(1<<63-1) {
		ctx, cancel = context.WithTimeout(parent, d)
	}
	defer cancel()
	sub := c.Sub(p.Operands[1:]...)
	sub.Ctx = ctx
	st := c.runChild(sub, "failed to run command ")
	if ctx.Err() == nil || parent.Err() != nil || sig == 0 {
		return st
	}
	if verbose {
		fmt.Fprintf(c.Stderr, "%s: sending signal %s to command %s\n", c.Name(), signalName(sig), quote(p.Operands[1]))
	}
	switch {
	case sig == 9:
		return 137
	case preserve:
		return 128 + sig
	}
	return 124
}
