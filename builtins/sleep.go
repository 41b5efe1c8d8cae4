package builtins

// sleep, as GNU's: waits for the sum of its operands, each a number
// (fractions, exponents, hex and "inf" allowed) with an optional suffix s,
// m, h or d. The wait ends early, with status 1, when the run is
// cancelled.

import "time"

func init() { Register("sleep", sleep) }

var sleepSpec = optSpec{
	Status: 1,
	Usage: `Usage: sleep NUMBER[SUFFIX]...
  or:  sleep OPTION
Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),
'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an
integer.  Given two or more arguments, pause for the amount of time
specified by the sum of their values.

      --help        display this help and exit
      --version     output version information and exit
`,
}

func sleep(c *Context) int {
	p, err := c.parseOpts(&sleepSpec)
	if err != nil {
		return exitStatus(err)
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	var total time.Duration
	ok := true
	for _, a := range p.Operands {
		d, good := parseDuration(a)
		if !good {
			c.Errorf("invalid time interval %s", quote(a))
			ok = false
			continue
		}
		if total+d < total {
			total = 1<<63 - 1
		} else {
			total += d
		}
	}
	if !ok {
		c.tryHelp()
		return 1
	}
	return c.wait(total)
}

// wait sleeps for d, or until the run is cancelled (status 1).
func (c *Context) wait(d time.Duration) int {
	if d <= 0 {
		return 0
	}
	t := time.NewTimer(d)
	defer t.Stop()
	if c.Ctx == nil {
		<-t.C
		return 0
	}
	select {
	case <-t.C:
		return 0
	case <-c.Ctx.Done():
		return 1
	}
}
