package builtins

// ln, as GNU's: hard links by default, -s/--symbolic, -f/--force,
// -i/--interactive, -n/--no-dereference, -v/--verbose, -r/--relative,
// -T/--no-target-directory, -t/--target-directory=DIR, -L/-P (follow a
// TARGET symlink or not for hard links), -d/-F (try to hard link
// directories, which fails). The forms TARGET LINK_NAME, TARGET (a link
// in the working directory), TARGET... DIRECTORY and -t DIRECTORY
// TARGET.... Not supported: -b/--backup and -S/--suffix.

import (
	"fmt"
	"io/fs"
	"syscall"
)

func init() { Register("ln", ln) }

var lnSpec = optSpec{
	Short: "dfinrst:vFLPT",
	Long: []longOpt{
		{Name: "directory", Key: "d"},
		{Name: "no-dereference", Key: "n"},
		{Name: "no-target-directory", Key: "T"},
		{Name: "force", Key: "f"},
		{Name: "interactive", Key: "i"},
		{Name: "target-directory", Arg: requiredArg, Key: "t"},
		{Name: "logical", Key: "L"},
		{Name: "physical", Key: "P"},
		{Name: "relative", Key: "r"},
		{Name: "symbolic", Key: "s"},
		{Name: "verbose", Key: "v"},
	},
	Status: 1,
	Usage: `Usage: ln [OPTION]... [-T] TARGET LINK_NAME
  or:  ln [OPTION]... TARGET
  or:  ln [OPTION]... TARGET... DIRECTORY
  or:  ln [OPTION]... -t DIRECTORY TARGET...
In the 1st form, create a link to TARGET with the name LINK_NAME.
In the 2nd form, create a link to TARGET in the current directory.
In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.
Create hard links by default, symbolic links with --symbolic.
By default, each destination (name of new link) should not already exist.
When creating hard links, each TARGET must exist.  Symbolic links
can hold arbitrary text; if later resolved, a relative link is
interpreted in relation to its parent directory.

Mandatory arguments to long options are mandatory for short options too.
  -d, -F, --directory         allow the superuser to attempt to hard link
                                directories (note: will probably fail due to
                                system restrictions, even for the superuser)
  -f, --force                 remove existing destination files
  -i, --interactive           prompt whether to remove destinations
  -L, --logical               dereference TARGETs that are symbolic links
  -n, --no-dereference        treat LINK_NAME as a normal file if
                                it is a symbolic link to a directory
  -P, --physical              make hard links directly to symbolic links
  -r, --relative              with -s, create links relative to link location
  -s, --symbolic              make symbolic links instead of hard links
  -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to create
                                the links
  -T, --no-target-directory   treat LINK_NAME as a normal file always
  -v, --verbose               print name of each linked file
      --help        display this help and exit
      --version     output version information and exit

Using -s ignores -L and -P.  Otherwise, the last option specified controls
behavior when a TARGET is a symbolic link, defaulting to -P.
`,
}

type lnRun struct {
	c                                   *Context
	symbolic, force, interactive        bool
	verbose, relative, logical, dirLink bool
	// made records the hard links made so far with -f and several
	// targets, so that one is not replaced by the next.
	made map[string]devIno
}

func ln(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&lnSpec)
	if err != nil {
		return exitStatus(err)
	}
	r := &lnRun{c: c}
	derefDest := true
	target, hasTarget, noTarget := "", false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "d", "F":
			r.dirLink = true
		case "f":
			r.force, r.interactive = true, false
		case "i":
			r.force, r.interactive = false, true
		case "L":
			r.logical = true
		case "P":
			r.logical = false
		case "n":
			derefDest = false
		case "r":
			r.relative = true
		case "s":
			r.symbolic = true
		case "t":
			if hasTarget {
				return c.Failf(1, "multiple target directories specified")
			}
			fi, err := c.stat(o.Val)
			if err != nil {
				return c.Failf(1, "failed to access %s: %s", quote(o.Val), ErrText(err))
			}
			if !fi.IsDir() {
				return c.Failf(1, "target %s is not a directory", quote(o.Val))
			}
			target, hasTarget = o.Val, true
		case "T":
			noTarget = true
		case "v":
			r.verbose = true
		}
	}
	files := p.Operands
	n := len(files)
	if n == 0 {
		return c.usageErr(1, "missing file operand")
	}
	if noTarget {
		if hasTarget {
			return c.Failf(1, "cannot combine --target-directory and --no-target-directory")
		}
		if n != 2 {
			if n < 2 {
				return c.usageErr(1, "missing destination file operand after %s", quote(files[0]))
			}
			return c.usageErr(1, "extra operand %s", quote(files[2]))
		}
	} else if !hasTarget {
		if n < 2 {
			target, hasTarget = ".", true
		} else {
			last := files[n-1]
			var fi fs.FileInfo
			var err error
			if derefDest {
				fi, err = c.stat(last)
			} else {
				fi, err = c.lstat(last)
			}
			if err == nil && fi.IsDir() {
				target, hasTarget = last, true
				files = files[:n-1]
			} else if n > 2 {
				if err == nil {
					err = syscall.ENOTDIR
				}
				return c.Failf(1, "target %s: %s", quote(last), ErrText(err))
			}
		}
	}
	if r.relative && !r.symbolic {
		return c.Failf(1, "cannot do --relative without --symbolic")
	}
	ok := true
	if hasTarget {
		if len(files) >= 2 && r.force && !r.symbolic {
			r.made = map[string]devIno{}
		}
		for _, f := range files {
			if c.stopped() {
				return 1
			}
			ok = r.link(f, joinName(target, baseName(f))) && ok
		}
	} else {
		ok = r.link(files[0], files[1])
	}
	if !ok || out.err != nil {
		return 1
	}
	return 0
}

// link makes dest a link to source, as GNU's do_link.
func (r *lnRun) link(source, dest string) bool {
	c := r.c
	var sfi fs.FileInfo
	sourceIsDir := false
	if !r.symbolic {
		var err error
		if r.logical {
			sfi, err = c.stat(source)
		} else {
			sfi, err = c.lstat(source)
		}
		if err != nil {
			c.Errorf("failed to access %s: %s", quote(source), ErrText(err))
			return false
		}
		if sfi.IsDir() {
			sourceIsDir = true
			if !r.dirLink {
				c.Errorf("%s: hard link not allowed for directory", quoteIf(source))
				return false
			}
		}
	}
	var dfi fs.FileInfo
	if r.force || r.interactive {
		var err error
		dfi, err = c.lstat(dest)
		if err != nil && errnoOf(err) != syscall.ENOENT {
			c.Errorf("failed to access %s: %s", quote(dest), ErrText(err))
			return false
		}
	}
	if dfi != nil && r.made != nil {
		if id, ok := devInoOf(dfi); ok {
			if prev, seen := r.made[dest]; seen && prev == id {
				c.Errorf("will not overwrite just-created %s with %s", quote(dest), quote(source))
				return false
			}
		}
	}
	if r.force && dfi != nil {
		same := sfi
		if r.symbolic {
			same, _ = c.stat(source)
		}
		if same != nil && sameFile(same, dfi) && (nlinkOf(statT(same)) == 1 || c.sameName(source, dest)) {
			c.Errorf("%s and %s are the same file", quote(source), quote(dest))
			return false
		}
	}
	if dfi != nil {
		if dfi.IsDir() {
			c.Errorf("%s: cannot overwrite directory", quoteIf(dest))
			return false
		}
		if r.interactive {
			if !c.ask("replace %s? ", quote(dest)) {
				return true
			}
		}
	}
	src := source
	if r.relative {
		src = c.relativeSource(source, dest)
	}
	err := r.make(src, dest)
	if err != nil && errnoOf(err) == syscall.EEXIST && (r.force || (r.interactive && dfi != nil)) {
		if rerr := c.FS.Remove(c.fsPath(dest)); rerr != nil {
			c.Errorf("cannot remove %s: %s", quote(dest), ErrText(rerr))
			return false
		}
		err = r.make(src, dest)
	}
	if err != nil {
		e := errnoOf(err)
		var msg string
		switch {
		case r.symbolic && e != syscall.ENAMETOOLONG && src != "":
			msg = fmt.Sprintf("failed to create symbolic link %s", quote(dest))
		case r.symbolic:
			msg = fmt.Sprintf("failed to create symbolic link %s -> %s", quote(dest), quote(src))
		case e == syscall.EMLINK && !sourceIsDir:
			msg = fmt.Sprintf("failed to create hard link to %s", quote(src))
		case e == syscall.EDQUOT || e == syscall.EEXIST || e == syscall.ENOSPC || e == syscall.EROFS:
			msg = fmt.Sprintf("failed to create hard link %s", quote(dest))
		default:
			msg = fmt.Sprintf("failed to create hard link %s => %s", quote(dest), quote(src))
		}
		c.Errorf("%s: %s", msg, ErrText(err))
		return false
	}
	if r.made != nil {
		if fi, err := c.lstat(dest); err == nil {
			if id, ok := devInoOf(fi); ok {
				r.made[dest] = id
			}
		}
	}
	if r.verbose {
		arrow := "=>"
		if r.symbolic {
			arrow = "->"
		}
		c.printf("%s %s %s\n", quote(dest), arrow, quote(src))
	}
	return true
}

// make creates the link itself: symlink(2) or link(2), which follows a
// final symlink in source with -L.
func (r *lnRun) make(source, dest string) error {
	c := r.c
	if r.symbolic {
		return c.FS.SymlinkIfPossible(source, c.fsPath(dest))
	}
	if source == "" || dest == "" {
		return syscall.ENOENT
	}
	old := c.fsPath(source)
	if r.logical {
		if p, err := c.canonicalize(source, canExisting, false); err == nil {
			old = p
		}
	}
	return c.FS.Link(old, c.fsPath(dest))
}

// sameName reports whether the names a and b are one directory entry:
// the same last component in the same directory.
func (c *Context) sameName(a, b string) bool {
	if baseName(a) != baseName(b) {
		return false
	}
	da, err1 := c.stat(dirName(a))
	db, err2 := c.stat(dirName(b))
	return err1 == nil && err2 == nil && sameFile(da, db)
}

// relativeSource is ln -r's convert_abs_rel: source made relative to the
// directory of dest, both canonicalized without requiring that they exist.
func (c *Context) relativeSource(source, dest string) string {
	realDest, err1 := c.canonicalize(dirName(dest), canMissing, false)
	realFrom, err2 := c.canonicalize(source, canMissing, false)
	if err1 != nil || err2 != nil {
		return source
	}
	if rel, ok := relPath(realFrom, realDest); ok {
		return rel
	}
	return source
}
