package builtins

// printenv, as GNU's: prints the whole environment, or the values of the
// variables named (status 1 if any is not set); -0/--null ends lines with
// NUL instead of newline.

import "strings"

func init() { Register("printenv", printenv) }

var printenvSpec = optSpec{
	Short:  "0",
	Long:   []longOpt{{Name: "null", Key: "0"}},
	Status: 2,
	Usage: `Usage: printenv [OPTION]... [VARIABLE]...
Print the values of the specified environment VARIABLE(s).
If no VARIABLE is specified, print name and value pairs for them all.

  -0, --null     end each output line with NUL, not newline
      --help     display this help and exit
      --version  output version information and exit
`,
}

func printenv(c *Context) int {
	p, err := c.parseOpts(&printenvSpec)
	if err != nil {
		return exitStatus(err)
	}
	end := "\n"
	if len(p.Opts) > 0 {
		end = "\x00"
	}
	var b strings.Builder
	status := 0
	if len(p.Operands) == 0 {
		if c.Environ != nil {
			for _, kv := range c.Environ() {
				b.WriteString(kv + end)
			}
		}
	} else {
		for _, name := range p.Operands {
			v, ok := "", false
			if !strings.Contains(name, "=") && c.Env != nil {
				v, ok = c.Env(name)
			}
			if !ok {
				status = 1
				continue
			}
			b.WriteString(v + end)
		}
	}
	if st := c.writeOut(b.String()); st != 0 {
		return 2
	}
	return status
}
