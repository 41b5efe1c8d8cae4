package builtins

// dirname, as GNU's: each NAME without its last component and trailing
// slashes, "." when there is no slash; -z/--zero ends lines with NUL.
// Names are processed as strings. Nothing is unsupported.

import "strings"

func init() { Register("dirname", dirname) }

var dirnameSpec = optSpec{
	Short:  "z",
	Long:   []longOpt{{Name: "zero", Key: "z"}},
	Status: 1,
	Usage: `Usage: dirname [OPTION] NAME...
Output each NAME with its last non-slash component and trailing slashes
removed; if NAME contains no /'s, output '.' (meaning the current directory).

  -z, --zero     end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

Examples:
  dirname /usr/bin/          -> "/usr"
  dirname dir1/str dir2/str  -> "dir1" followed by "dir2"
  dirname stdio.h            -> "."
`,
}

func dirname(c *Context) int {
	p, err := c.parseOpts(&dirnameSpec)
	if err != nil {
		return exitStatus(err)
	}
	end := "\n"
	if len(p.Opts) > 0 {
		end = "\x00"
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	var b strings.Builder
	for _, name := range p.Operands {
		b.WriteString(dirName(name))
		b.WriteString(end)
	}
	return c.writeOut(b.String())
}

// dirName is gnulib's dir_name: name without its last component and the
// slashes before it; "." when name has no slash, "/" for the root.
func dirName(name string) string {
	i := len(name)
	// Skip the last component and its trailing slashes.
	for i > 0 && name[i-1] == '/' {
		i--
	}
	for i > 0 && name[i-1] != '/' {
		i--
	}
	for i > 0 && name[i-1] == '/' {
		i--
	}
	if i == 0 {
		if strings.HasPrefix(name, "/") {
			return "/"
		}
		return "."
	}
	return name[:i]
}
