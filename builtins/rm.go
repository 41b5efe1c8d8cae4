package builtins

import (
	"fmt"
	"io/fs"
	"syscall"
)

// rm, as GNU's: -f -i -I -r -R -d -v, --interactive[=WHEN],
// --preserve-root (the default; "/" is refused with -r) and
// --no-preserve-root, --one-file-system (accepted; there is one
// filesystem). Directories are walked in name order (GNU walks in
// directory order). No prompt for write-protected files: stdin is never a
// terminal in the sandbox.

func init() { Register("rm", rm) }

var rmSpec = optSpec{
	Short: "dfirvIR",
	Long: []longOpt{
		{Name: "dir", Key: "d"},
		{Name: "force", Key: "f"},
		{Name: "interactive", Arg: optionalArg, Key: "interactive"},
		{Name: "recursive", Key: "r"},
		{Name: "verbose", Key: "v"},
		{Name: "preserve-root", Arg: optionalArg, Key: "preserve-root"},
		{Name: "no-preserve-root", Key: "no-preserve-root"},
		{Name: "one-file-system", Key: "one-file-system"},
	},
	Status: 1,
	Usage: `Usage: rm [OPTION]... [FILE]...
Remove (unlink) the FILE(s).

  -f, --force           ignore nonexistent files and arguments, never prompt
  -i                    prompt before every removal
  -I                    prompt once before removing more than three files, or
                          when removing recursively
      --interactive[=WHEN]  prompt according to WHEN: never, once (-I), or
                          always (-i); without WHEN, prompt always
      --one-file-system  accepted and ignored
      --no-preserve-root  do not treat '/' specially
      --preserve-root[=all]  do not remove '/' (default)
  -r, -R, --recursive   remove directories and their contents recursively
  -d, --dir             remove empty directories
  -v, --verbose         explain what is being done
      --help        display this help and exit
      --version     output version information and exit
`,
}

type rmInteractive int

const (
	rmNever rmInteractive = iota
	rmOnce
	rmAlways
)

type rmOpts struct {
	force, recursive, dirs, verbose, preserveRoot bool
	interactive                                   rmInteractive
}

func rm(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&rmSpec)
	if err != nil {
		return exitStatus(err)
	}
	o := rmOpts{preserveRoot: true}
	for _, op := range p.Opts {
		switch op.Key {
		case "d":
			o.dirs = true
		case "f":
			o.force, o.interactive = true, rmNever
		case "i":
			o.force, o.interactive = false, rmAlways
		case "I":
			o.force, o.interactive = false, rmOnce
		case "interactive":
			when := "always"
			if op.HasVal {
				w, ok := c.argMatch("--interactive", op.Val, [][]string{{"never", "no", "none"}, {"once"}, {"always", "yes"}})
				if !ok {
					return 1
				}
				when = w
			}
			switch when {
			case "never":
				o.interactive = rmNever
			case "once":
				o.force, o.interactive = false, rmOnce
			case "always":
				o.force, o.interactive = false, rmAlways
			}
		case "r", "R":
			o.recursive = true
		case "v":
			o.verbose = true
		case "preserve-root":
			o.preserveRoot = true
		case "no-preserve-root":
			o.preserveRoot = false
		}
	}
	if len(p.Operands) == 0 {
		if o.force {
			return 0
		}
		return c.usageErr(1, "missing operand")
	}
	if o.interactive == rmOnce && (o.recursive || len(p.Operands) > 3) {
		n := len(p.Operands)
		plural := "s"
		if n == 1 {
			plural = ""
		}
		rec := ""
		if o.recursive {
			rec = " recursively"
		}
		if !c.ask("remove %d argument%s%s? ", n, plural, rec) {
			return 0
		}
	}
	status := 0
	for _, name := range p.Operands {
		if c.stopped() {
			return 1
		}
		if c.rmOperand(name, &o) == rmFailed {
			status = 1
		}
	}
	if out.err != nil {
		return 1
	}
	return status
}

// rmResult is what became of one entry.
type rmResult int

const (
	rmRemoved  rmResult = iota
	rmDeclined          // declined at a prompt; the parent is still tried
	rmSkipped           // a directory declined before descending: its parents stay too
	rmFailed            // an error: its parents stay too
)

func (c *Context) rmOperand(name string, o *rmOpts) rmResult {
	fi, err := c.lstat(name)
	if err != nil {
		if o.force && errnoOf(err) == syscall.ENOENT {
			return rmRemoved
		}
		c.Errorf("cannot remove %s: %s", quote(name), ErrText(err))
		return rmFailed
	}
	return c.rmEntry(name, fi, o, true)
}

// isRoot reports whether name resolves to the root of the filesystem.
func (c *Context) isRoot(name string) bool {
	fi, err := c.stat(name)
	if err != nil {
		return false
	}
	root, err := c.FS.Stat("/")
	return err == nil && sameFile(fi, root)
}

// rmEntry removes the entry name, described by fi (lstat), and below it
// with -r, in the order of GNU's remove.c.
func (c *Context) rmEntry(name string, fi fs.FileInfo, o *rmOpts, top bool) rmResult {
	if c.stopped() {
		return rmFailed
	}
	p := c.fsPath(name)
	if !fi.IsDir() {
		if o.interactive == rmAlways && !c.ask("remove %s %s? ", typeName(fi), quote(name)) {
			return rmDeclined
		}
		return c.rmRemove(name, p, "removed %s\n", o)
	}
	entries, err := c.FS.ReadDir(p)
	if err != nil {
		c.Errorf("cannot remove %s: %s", quote(name), ErrText(err))
		return rmFailed
	}
	empty := len(entries) == 0
	if !o.recursive && !(o.dirs && empty) {
		e := syscall.EISDIR
		if o.dirs {
			e = syscall.ENOTEMPTY
		}
		c.Errorf("cannot remove %s: %s", quote(name), Strerror(e))
		return rmFailed
	}
	if top {
		switch baseName(name) {
		case ".", "..":
			c.Errorf("refusing to remove '.' or '..' directory: skipping %s", quote(name))
			return rmFailed
		}
		if o.preserveRoot && c.isRoot(name) {
			if name == "/" {
				c.Errorf("it is dangerous to operate recursively on %s", quote(name))
			} else {
				c.Errorf("it is dangerous to operate recursively on %s (same as '/')", quote(name))
			}
			c.Errorf("use --no-preserve-root to override this failsafe")
			return rmFailed
		}
	}
	if o.interactive == rmAlways {
		q := "descend into directory %s? "
		if empty {
			q = "remove directory %s? "
		}
		if !c.ask(q, quote(name)) {
			return rmSkipped
		}
	}
	result := rmRemoved
	for _, e := range entries {
		child := joinName(name, e.Name())
		cfi, err := c.lstat(child)
		if err != nil {
			if errnoOf(err) == syscall.ENOENT {
				continue
			}
			c.Errorf("cannot remove %s: %s", quote(child), ErrText(err))
			result = rmFailed
			continue
		}
		if r := c.rmEntry(child, cfi, o, false); r > result {
			result = r
		}
	}
	if result >= rmSkipped {
		// GNU marks the ancestors of what it skipped or failed on and
		// says nothing more about them.
		return result
	}
	// Declined entries inside make the removal fail (ENOTEMPTY), as in
	// GNU's rm, after the prompt.
	if o.interactive == rmAlways && !empty && !c.ask("remove directory %s? ", quote(name)) {
		return rmDeclined
	}
	return c.rmRemove(name, p, "removed directory %s\n", o)
}

func (c *Context) rmRemove(name, p, verbose string, o *rmOpts) rmResult {
	if err := c.FS.Remove(p); err != nil {
		if o.force && errnoOf(err) == syscall.ENOENT {
			return rmRemoved
		}
		c.Errorf("cannot remove %s: %s", quote(name), ErrText(err))
		return rmFailed
	}
	if o.verbose {
		if _, err := fmt.Fprintf(c.Stdout, verbose, quote(name)); err != nil {
			return rmFailed
		}
	}
	return rmRemoved
}
