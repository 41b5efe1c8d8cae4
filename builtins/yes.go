package builtins

// yes, as GNU's: prints its arguments joined by spaces, or "y", on a line
// over and over until the output is closed (status 1, quietly) or the run
// is cancelled. Options end at the first operand.

import "strings"

func init() { Register("yes", yes) }

var yesSpec = optSpec{
	Status: 1,
	Usage: `Usage: yes [STRING]...
  or:  yes OPTION
Repeatedly output a line with all specified STRING(s), or 'y'.

      --help        display this help and exit
      --version     output version information and exit
`,
}

func yes(c *Context) int {
	p, err := c.parseOptsFirst(&yesSpec)
	if err != nil {
		return exitStatus(err)
	}
	line := "y\n"
	if len(p.Operands) > 0 {
		line = strings.Join(p.Operands, " ") + "\n"
	}
	buf := []byte(line)
	for len(buf) < 8192 {
		buf = append(buf, line...)
	}
	for {
		if c.Canceled() {
			return 1
		}
		if _, err := c.Stdout.Write(buf); err != nil {
			return c.writeFailed(err)
		}
	}
}
