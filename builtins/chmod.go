package builtins

import (
	"fmt"
	"io/fs"
	"strings"
	"syscall"
)

// chmod, as GNU's: symbolic (u g o a, + - =, r w x X s t, and u g o as
// sources) and octal modes, comma-separated lists, -c -f -v -R,
// --reference=FILE. Symlinks on the command line are followed; under -R
// they are not (GNU's -P default). Not supported: -H -L,
// --preserve-root.

func init() { Register("chmod", chmod) }

const chmodUsage = `Usage: chmod [OPTION]... MODE[,MODE]... FILE...
  or:  chmod [OPTION]... OCTAL-MODE FILE...
  or:  chmod [OPTION]... --reference=RFILE FILE...
Change the mode of each FILE to MODE.

  -c, --changes          like verbose but report only when a change is made
  -f, --silent, --quiet  suppress most error messages
  -v, --verbose          output a diagnostic for every file processed
      --reference=RFILE  use RFILE's mode instead of MODE values
  -R, --recursive        change files and directories recursively
      --help             display this help and exit

Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.
`

var chmodSpec = optSpec{
	Short: "cfvR",
	Long: []longOpt{
		{Name: "changes", Key: "c"}, {Name: "silent", Key: "f"}, {Name: "quiet", Key: "f"},
		{Name: "verbose", Key: "v"}, {Name: "recursive", Key: "R"},
		{Name: "reference", Arg: requiredArg, Key: "reference"},
	},
	Usage:  chmodUsage,
	Status: 1,
}

// chmod changes file modes, as GNU chmod does. A symlink named on the
// command line is followed; symlinks met while recursing are left alone.
func chmod(c *Context) int {
	// GNU chmod takes "-w", "-x" and the like as modes, not options.
	var mode string
	args := c.Args
	for i, a := range args[1:] {
		if a == "--" {
			break
		}
		if len(a) > 1 && a[0] == '-' && strings.Trim(a[1:], "rwxXstugoa0123456789,+=-") == "" && strings.Trim(a[1:], "cfvR") != "" {
			if _, ok := parseMode(a); ok {
				mode = a
				args = append(append([]string{}, args[:i+1]...), args[i+2:]...)
				break
			}
		}
	}
	cc := *c
	cc.Args = args
	p, err := cc.parseOpts(&chmodSpec)
	if err != nil {
		return exitStatus(err)
	}
	var recursive, verbose, changes, quiet bool
	var reference string
	for _, o := range p.Opts {
		switch o.Key {
		case "R":
			recursive = true
		case "v":
			verbose = true
		case "c":
			changes = true
		case "f":
			quiet = true
		case "reference":
			reference = o.Val
		}
	}
	operands := p.Operands
	var change modeChange
	switch {
	case reference != "":
		fi, err := c.stat(reference)
		if err != nil {
			return c.Failf(1, "failed to get attributes of %s: %s", quote(reference), ErrText(err))
		}
		change, _ = parseMode(fmt.Sprintf("%o", toUnix(fi.Mode())&modeBits))
	default:
		if mode == "" {
			if len(operands) == 0 {
				return c.usageErr(1, "missing operand")
			}
			mode, operands = operands[0], operands[1:]
		}
		var ok bool
		if change, ok = parseMode(mode); !ok {
			return c.usageErr(1, "invalid mode: %s", quote(mode))
		}
	}
	if len(operands) == 0 {
		return c.usageErr(1, "missing operand after %s", quote(mode))
	}
	ch := chmodder{c: c, change: change, verbose: verbose, changes: changes, quiet: quiet, recursive: recursive}
	status := 0
	for _, name := range operands {
		if !ch.do(name, true) {
			status = 1
		}
		if c.Canceled() {
			return 1
		}
	}
	return status
}

type chmodder struct {
	c                                  *Context
	change                             modeChange
	verbose, changes, quiet, recursive bool
}

// do changes name and, with -R, what is below it. top is set for command
// line operands, whose symlinks are followed.
func (ch *chmodder) do(name string, top bool) bool {
	c := ch.c
	fi, err := c.lstat(name)
	if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if !top {
			return true // symlinks met while recursing are not changed
		}
		if fi, err = c.stat(name); err != nil && errnoOf(err) == syscall.ENOENT {
			if !ch.quiet {
				c.Errorf("cannot operate on dangling symlink %s", quote(name))
			}
			return false
		}
	}
	if err != nil {
		if !ch.quiet {
			c.Errorf("cannot access %s: %s", quote(name), ErrText(err))
		}
		return false
	}
	ok := true
	old := fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
	newMode := ch.change.apply(old, fi.IsDir(), 0o022)
	if err := c.FS.Chmod(c.fsPath(name), newMode); err != nil {
		if !ch.quiet {
			c.Errorf("changing permissions of %s: %s", quote(name), ErrText(err))
		}
		ok = false
	} else if ch.verbose || ch.changes && newMode != old {
		if newMode == old {
			fmt.Fprintf(c.Stdout, "mode of %s retained as %04o (%s)\n", quote(name), toUnix(old)&modeBits, permString(old))
		} else {
			fmt.Fprintf(c.Stdout, "mode of %s changed from %04o (%s) to %04o (%s)\n", quote(name),
				toUnix(old)&modeBits, permString(old), toUnix(newMode)&modeBits, permString(newMode))
		}
	}
	if ch.recursive && fi.IsDir() {
		entries, err := c.FS.ReadDir(c.fsPath(name))
		if err != nil {
			if !ch.quiet {
				c.Errorf("cannot read directory %s: %s", quote(name), ErrText(err))
			}
			return false
		}
		for _, e := range entries {
			if c.Canceled() {
				return false
			}
			if !ch.do(strings.TrimSuffix(name, "/")+"/"+e.Name(), false) {
				ok = false
			}
		}
	}
	return ok
}

// permString renders the nine permission characters of ls -l, with s, S,
// t and T for the special bits.
func permString(m fs.FileMode) string {
	b := []byte("rwxrwxrwx")
	for i := range 9 {
		if m&(1<<uint(8-i)) == 0 {
			b[i] = '-'
		}
	}
	special := func(set bool, i int, lower byte) {
		if !set {
			return
		}
		if b[i] == 'x' {
			b[i] = lower
		} else {
			b[i] = lower - 'a' + 'A'
		}
	}
	special(m&fs.ModeSetuid != 0, 2, 's')
	special(m&fs.ModeSetgid != 0, 5, 's')
	special(m&fs.ModeSticky != 0, 8, 't')
	return string(b)
}
