package builtins

// basename, as GNU's: NAME [SUFFIX], or -a/--multiple, -s/--suffix=SUFFIX
// (implies -a) and -z/--zero with several NAMEs. Names are processed as
// strings; the filesystem is not consulted. Nothing is unsupported.

import "strings"

func init() { Register("basename", basename) }

var basenameSpec = optSpec{
	Short: "as:z",
	Long: []longOpt{
		{Name: "multiple", Key: "a"},
		{Name: "suffix", Arg: requiredArg, Key: "s"},
		{Name: "zero", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: basename NAME [SUFFIX]
  or:  basename OPTION... NAME...
Print NAME with any leading directory components removed.
If specified, also remove a trailing SUFFIX.

Mandatory arguments to long options are mandatory for short options too.
  -a, --multiple       support multiple arguments and treat each as a NAME
  -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a
  -z, --zero           end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit

Examples:
  basename /usr/bin/sort          -> "sort"
  basename include/stdio.h .h     -> "stdio"
  basename -s .h include/stdio.h  -> "stdio"
  basename -a any/str1 any/str2   -> "str1" followed by "str2"
`,
}

func basename(c *Context) int {
	p, err := c.parseOpts(&basenameSpec)
	if err != nil {
		return exitStatus(err)
	}
	multiple, zero := false, false
	suffix, hasSuffix := "", false
	for _, o := range p.Opts {
		switch o.Key {
		case "a":
			multiple = true
		case "s":
			multiple, suffix, hasSuffix = true, o.Val, true
		case "z":
			zero = true
		}
	}
	ops := p.Operands
	if len(ops) == 0 {
		return c.usageErr(1, "missing operand")
	}
	if !multiple {
		if len(ops) > 2 {
			return c.usageErr(1, "extra operand %s", quote(ops[2]))
		}
		if len(ops) == 2 {
			suffix, hasSuffix = ops[1], true
		}
		ops = ops[:1]
	}
	end := "\n"
	if zero {
		end = "\x00"
	}
	var b strings.Builder
	for _, name := range ops {
		b.WriteString(gnuBaseName(name, suffix, hasSuffix))
		b.WriteString(end)
	}
	return c.writeOut(b.String())
}

// gnuBaseName is GNU basename's perform_basename: the last component
// without trailing slashes ("/" for a name of slashes), less suffix when
// the name ends with it and is longer.
func gnuBaseName(name, suffix string, hasSuffix bool) string {
	base := baseName(name)
	if hasSuffix && base != "/" && len(base) > len(suffix) && strings.HasSuffix(base, suffix) {
		base = base[:len(base)-len(suffix)]
	}
	return base
}
