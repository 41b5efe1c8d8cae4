package builtins

// nproc, as GNU's: the number of processors available (Go's
// runtime.NumCPU), overridden by OMP_NUM_THREADS and capped by
// OMP_THREAD_LIMIT unless --all is given; --ignore=N subtracts N, leaving
// at least 1.

import (
	"runtime"
	"strconv"
	"strings"
)

func init() { Register("nproc", nproc) }

var nprocSpec = optSpec{
	Long: []longOpt{
		{Name: "all", Key: "all"},
		{Name: "ignore", Arg: requiredArg, Key: "ignore"},
	},
	Status: 1,
	Usage: `Usage: nproc [OPTION]...
Print the number of processing units available to the current process,
which may be less than the number of online processors

      --all      print the number of installed processors
      --ignore=N  if possible, exclude N processing units
      --help        display this help and exit
      --version     output version information and exit
`,
}

func nproc(c *Context) int {
	p, err := c.parseOpts(&nprocSpec)
	if err != nil {
		return exitStatus(err)
	}
	all := false
	var ignore uint64
	for _, o := range p.Opts {
		switch o.Key {
		case "all":
			all = true
		case "ignore":
			v, n, err := strtoumax(o.Val)
			if n == 0 || n < len(o.Val) || err != nil || strings.HasPrefix(strings.TrimSpace(o.Val), "-") {
				return c.Failf(1, "invalid number: %s", quote(o.Val))
			}
			ignore = v
		}
	}
	if len(p.Operands) > 0 {
		return c.usageErr(1, "extra operand %s", quote(p.Operands[0]))
	}
	n := uint64(runtime.NumCPU())
	if !all {
		if v, ok := ompValue(c, "OMP_NUM_THREADS"); ok && v > 0 {
			n = v
		}
		if v, ok := ompValue(c, "OMP_THREAD_LIMIT"); ok && v > 0 && v < n {
			n = v
		}
	}
	if ignore >= n {
		n = 1
	} else {
		n -= ignore
	}
	return c.writeOut(strconv.FormatUint(n, 10) + "\n")
}

// ompValue reads the first number of an OMP_* variable ("4,2" is 4).
func ompValue(c *Context, name string) (uint64, bool) {
	if c.Env == nil {
		return 0, false
	}
	s, ok := c.Env(name)
	if !ok {
		return 0, false
	}
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	end := 0
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if end == 0 {
		return 0, false
	}
	rest := strings.TrimLeft(s[end:], " \t\n\v\f\r")
	if rest != "" && rest[0] != ',' {
		return 0, false
	}
	v, err := strconv.ParseUint(s[:end], 10, 64)
	return v, err == nil
}
