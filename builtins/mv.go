package builtins

import (
	"io/fs"
	"syscall"
)

// mv, as GNU's: -f -i -n -t -T -u -v, --strip-trailing-slashes. Renames
// go through FS.Rename; when that fails with EXDEV the source is copied
// (recursively, symlinks as symlinks, every attribute preserved) and then
// removed. Not supported: -b/--backup, -S, -Z.

func init() { Register("mv", mv) }

var mvSpec = optSpec{
	Short: "fint:TuvZ",
	Long: []longOpt{
		{Name: "force", Key: "f"},
		{Name: "interactive", Key: "i"},
		{Name: "no-clobber", Key: "n"},
		{Name: "strip-trailing-slashes", Key: "strip-trailing-slashes"},
		{Name: "target-directory", Arg: requiredArg, Key: "t"},
		{Name: "no-target-directory", Key: "T"},
		{Name: "update", Key: "u"},
		{Name: "verbose", Key: "v"},
		{Name: "context", Key: "Z"},
	},
	Status: 1,
	Usage: `Usage: mv [OPTION]... [-T] SOURCE DEST
  or:  mv [OPTION]... SOURCE... DIRECTORY
  or:  mv [OPTION]... -t DIRECTORY SOURCE...
Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.

Mandatory arguments to long options are mandatory for short options too.
  -f, --force                  do not prompt before overwriting
  -i, --interactive            prompt before overwrite
  -n, --no-clobber             do not overwrite an existing file
If you specify more than one of -i, -f, -n, only the final one takes effect.
      --strip-trailing-slashes  remove any trailing slashes from each SOURCE
                                 argument
  -t, --target-directory=DIRECTORY  move all SOURCE arguments into DIRECTORY
  -T, --no-target-directory    treat DEST as a normal file
  -u, --update                 move only when the SOURCE file is newer
                                 than the destination file or when the
                                 destination file is missing
  -v, --verbose                explain what is being done
      --help        display this help and exit
      --version     output version information and exit
`,
}

type mvOpts struct {
	interactive, noClobber, update, verbose bool
}

func mv(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&mvSpec)
	if err != nil {
		return exitStatus(err)
	}
	var o mvOpts
	var target string
	hasTarget, noTarget, strip := false, false, false
	for _, op := range p.Opts {
		switch op.Key {
		case "f":
			o.interactive, o.noClobber = false, false
		case "i":
			o.interactive, o.noClobber = true, false
		case "n":
			o.interactive, o.noClobber = false, true
		case "strip-trailing-slashes":
			strip = true
		case "t":
			target, hasTarget = op.Val, true
		case "T":
			noTarget = true
		case "u":
			o.update = true
		case "v":
			o.verbose = true
		}
	}
	srcs, dst, intoDir, status := c.copyTargets(p.Operands, target, hasTarget, noTarget)
	if status >= 0 {
		return status
	}
	status = 0
	for _, src := range srcs {
		if c.stopped() {
			return 1
		}
		if strip {
			src = stripSlashes(src)
		}
		d := dst
		if intoDir {
			d = joinName(dst, baseName(src))
		}
		if !c.mvOne(src, d, &o) {
			status = 1
		}
	}
	if out.err != nil {
		return 1
	}
	return status
}

func (c *Context) mvOne(src, dst string, o *mvOpts) bool {
	sfi, err := c.lstat(src)
	if err != nil {
		c.Errorf("cannot stat %s: %s", quote(src), ErrText(err))
		return false
	}
	dfi, err := c.lstat(dst)
	if err == nil {
		if sameFile(sfi, dfi) {
			c.Errorf("%s and %s are the same file", quote(src), quote(dst))
			return false
		}
		if o.noClobber {
			return true
		}
		if o.interactive && !c.ask("overwrite %s? ", quote(dst)) {
			return true
		}
		if o.update && !sfi.IsDir() && !sfi.ModTime().After(dfi.ModTime()) {
			return true
		}
		switch {
		case dfi.IsDir() && !sfi.IsDir():
			c.Errorf("cannot overwrite directory %s with non-directory", quote(dst))
			return false
		case !dfi.IsDir() && sfi.IsDir():
			c.Errorf("cannot overwrite non-directory %s with directory %s", quote(dst), quote(src))
			return false
		}
	}
	err = c.FS.Rename(c.fsPath(src), c.fsPath(dst))
	if errnoOf(err) == syscall.EXDEV {
		return c.mvAcross(src, dst, dfi, o)
	}
	if err != nil {
		switch errnoOf(err) {
		case syscall.EINVAL:
			c.Errorf("cannot move %s to a subdirectory of itself, %s", quote(src), quote(dst))
		default:
			c.Errorf("cannot move %s to %s: %s", quote(src), quote(dst), ErrText(err))
		}
		return false
	}
	if o.verbose {
		c.printf("renamed %s -> %s\n", quote(src), quote(dst))
	}
	return true
}

// mvAcross moves src to dst by copying and removing, for a rename that
// crossed filesystems.
func (c *Context) mvAcross(src, dst string, dfi fs.FileInfo, o *mvOpts) bool {
	if dfi != nil {
		// The copy replaces dst as rename would: an empty directory or a
		// file goes first.
		if err := c.FS.Remove(c.fsPath(dst)); err != nil {
			c.Errorf("cannot move %s to %s: %s", quote(src), quote(dst), ErrText(err))
			return false
		}
	}
	cpr := newCopier(c, &copyOpts{
		recursive: true, deref: derefNever, moveMode: true,
		preserveMode: true, preserveOwner: true, preserveTimes: true, preserveLinks: true,
	})
	if !cpr.copyTop(src, dst) {
		return false
	}
	if err := c.FS.RemoveAll(c.fsPath(src)); err != nil {
		c.Errorf("cannot remove %s: %s", quote(src), ErrText(err))
		return false
	}
	if o.verbose {
		c.printf("renamed %s -> %s\n", quote(src), quote(dst))
	}
	return true
}
