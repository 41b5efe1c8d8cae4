package builtins

// readlink, as GNU's: with no option prints the target of each symlink
// (status 1 and nothing printed for other files); -f/-e/-m canonicalize
// (all but the last, all, or no components must exist), -n no trailing
// delimiter (ignored with several operands), -z NUL delimiter, -q/-s quiet
// (the default), -v report errors. Nothing is unsupported.

import (
	"io/fs"
	"strings"
	"syscall"
)

func init() { Register("readlink", readlink) }

var readlinkSpec = optSpec{
	Short: "efmnqsvz",
	Long: []longOpt{
		{Name: "canonicalize", Key: "f"},
		{Name: "canonicalize-existing", Key: "e"},
		{Name: "canonicalize-missing", Key: "m"},
		{Name: "no-newline", Key: "n"},
		{Name: "quiet", Key: "q"},
		{Name: "silent", Key: "s"},
		{Name: "verbose", Key: "v"},
		{Name: "zero", Key: "z"},
	},
	Status: 1,
	Usage: `Usage: readlink [OPTION]... FILE...
Print value of a symbolic link or canonical file name

  -f, --canonicalize            canonicalize by following every symlink in
                                every component of the given name recursively;
                                all but the last component must exist
  -e, --canonicalize-existing   canonicalize by following every symlink in
                                every component of the given name recursively,
                                all components must exist
  -m, --canonicalize-missing    canonicalize by following every symlink in
                                every component of the given name recursively,
                                without requirements on components existence
  -n, --no-newline              do not output the trailing delimiter
  -q, --quiet
  -s, --silent                  suppress most error messages (on by default)
  -v, --verbose                 report error messages
  -z, --zero                    end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit
`,
}

func readlink(c *Context) int {
	p, err := c.parseOpts(&readlinkSpec)
	if err != nil {
		return exitStatus(err)
	}
	canon, mode := false, canAllButLast
	noNewline, verbose, zero := false, false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "f":
			canon, mode = true, canAllButLast
		case "e":
			canon, mode = true, canExisting
		case "m":
			canon, mode = true, canMissing
		case "n":
			noNewline = true
		case "q", "s":
			verbose = false
		case "v":
			verbose = true
		case "z":
			zero = true
		}
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	if len(p.Operands) > 1 && noNewline {
		c.Errorf("ignoring --no-newline with multiple arguments")
		noNewline = false
	}
	status := 0
	var b strings.Builder
	for _, name := range p.Operands {
		if c.Canceled() {
			return 1
		}
		var value string
		var err error
		if canon {
			value, err = c.canonicalize(name, mode, false)
		} else {
			value, err = c.readlinkSys(name)
		}
		if err != nil {
			if verbose {
				c.PathErr(quoteIf(name), err)
			}
			status = 1
			continue
		}
		b.WriteString(value)
		if !noNewline {
			if zero {
				b.WriteByte(0)
			} else {
				b.WriteByte('\n')
			}
		}
	}
	if st := c.writeOut(b.String()); st != 0 {
		return st
	}
	return status
}

// readlinkSys is readlink(2): the target of the symlink name, EINVAL for
// anything else.
func (c *Context) readlinkSys(name string) (string, error) {
	if name == "" {
		return "", syscall.ENOENT
	}
	fi, err := c.lstat(name)
	if err != nil {
		return "", err
	}
	if fi.Mode()&fs.ModeSymlink == 0 {
		return "", syscall.EINVAL
	}
	return c.FS.ReadlinkIfPossible(c.fsPath(name))
}
