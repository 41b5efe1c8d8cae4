package builtins

// rmdir, as GNU's: removes empty directories; -p/--parents also removes
// each parent named in the operand, --ignore-fail-on-non-empty ignores
// failures due to a directory not being empty, -v/--verbose reports each
// removal. Nothing is unsupported.

import (
	"io/fs"
	"strings"
	"syscall"
)

func init() { Register("rmdir", rmdir) }

var rmdirSpec = optSpec{
	Short: "pv",
	Long: []longOpt{
		{Name: "parents", Key: "p"},
		{Name: "verbose", Key: "v"},
		{Name: "ignore-fail-on-non-empty", Key: "ignore"},
	},
	Status: 1,
	Usage: `Usage: rmdir [OPTION]... DIRECTORY...
Remove the DIRECTORY(ies), if they are empty.

      --ignore-fail-on-non-empty
                    ignore each failure to remove a non-empty directory
  -p, --parents     remove DIRECTORY and its ancestors;
                    e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'

  -v, --verbose     output a diagnostic for every directory processed
      --help        display this help and exit
      --version     output version information and exit
`,
}

type rmdirOpts struct{ parents, verbose, ignore bool }

func rmdir(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&rmdirSpec)
	if err != nil {
		return exitStatus(err)
	}
	var o rmdirOpts
	for _, op := range p.Opts {
		switch op.Key {
		case "p":
			o.parents = true
		case "v":
			o.verbose = true
		case "ignore":
			o.ignore = true
		}
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	status := 0
	for _, dir := range p.Operands {
		if c.stopped() {
			return 1
		}
		if o.verbose {
			c.writeOut(c.Name() + ": removing directory, " + quote(dir) + "\n")
		}
		if err := c.rmdirSys(dir); err != nil {
			if c.rmdirIgnorable(err, dir, &o) {
				continue
			}
			if errnoOf(err) == syscall.ENOTDIR && strings.HasSuffix(dir, "/") && c.rmdirSymlinkSlash(dir) {
				c.Errorf("failed to remove %s: Symbolic link not followed", quote(dir))
			} else {
				c.Errorf("failed to remove %s: %s", quote(dir), ErrText(err))
			}
			status = 1
			continue
		}
		if o.parents && !c.rmdirParents(dir, &o) {
			status = 1
		}
	}
	if out.err != nil {
		return 1
	}
	return status
}

// rmdirSys is rmdir(2): it removes the empty directory name, and fails
// with ENOTDIR for anything else, a symlink included.
func (c *Context) rmdirSys(name string) error {
	if name == "" {
		return syscall.ENOENT
	}
	fi, err := c.lstat(stripSlashes(name))
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return syscall.ENOTDIR
	}
	return c.FS.Remove(c.fsPath(name))
}

// rmdirIgnorable is GNU's ignorable_failure: with
// --ignore-fail-on-non-empty, a failure because dir is not empty.
func (c *Context) rmdirIgnorable(err error, dir string, o *rmdirOpts) bool {
	if !o.ignore {
		return false
	}
	switch errnoOf(err) {
	case syscall.ENOTEMPTY, syscall.EEXIST:
		return true
	case syscall.EACCES, syscall.EPERM, syscall.EROFS, syscall.EBUSY:
		entries, rerr := c.FS.ReadDir(c.fsPath(dir))
		return rerr == nil && len(entries) > 0
	}
	return false
}

// rmdirSymlinkSlash reports whether dir, which ends in a slash, names a
// symlink to a directory, which Linux's rmdir refuses with ENOTDIR.
func (c *Context) rmdirSymlinkSlash(dir string) bool {
	fi, err := c.stat(dir)
	if (err != nil && errnoOf(err) != syscall.ENOTDIR) || (err == nil && fi.IsDir()) {
		lfi, lerr := c.lstat(strings.TrimRight(dir, "/"))
		return lerr == nil && lfi.Mode()&fs.ModeSymlink != 0
	}
	return false
}

// rmdirParents removes the parents named in dir, from the last up, as
// GNU's remove_parents does.
func (c *Context) rmdirParents(dir string, o *rmdirOpts) bool {
	dir = stripSlashes(dir)
	for {
		slash := strings.LastIndexByte(dir, '/')
		if slash < 0 {
			return true
		}
		for slash > 0 && dir[slash] == '/' {
			slash--
		}
		dir = dir[:slash+1]
		if o.verbose {
			c.writeOut(c.Name() + ": removing directory, " + quote(dir) + "\n")
		}
		if err := c.rmdirSys(dir); err != nil {
			if c.rmdirIgnorable(err, dir, o) {
				return true
			}
			if errnoOf(err) == syscall.ENOTDIR {
				c.Errorf("failed to remove %s: %s", quote(dir), ErrText(err))
			} else {
				c.Errorf("failed to remove directory %s: %s", quote(dir), ErrText(err))
			}
			return false
		}
	}
}
