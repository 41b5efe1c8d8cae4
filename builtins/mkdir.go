package builtins

import (
	"io/fs"
	"strings"
	"syscall"
)

// mkdir, as GNU's: -p, -m MODE (octal or symbolic), -v. Modes follow
// coreutils 9.1, which runs with a zero umask once -m or -p is given: a
// -m mode is applied as computed from a=rwx, and parents made by -p get
// u+wx on top of the umask's mode. Not supported: -Z/--context.

func init() { Register("mkdir", mkdir) }

var mkdirSpec = optSpec{
	Short: "pm:v",
	Long: []longOpt{
		{Name: "parents", Key: "p"},
		{Name: "mode", Arg: requiredArg, Key: "m"},
		{Name: "verbose", Key: "v"},
	},
	Status: 1,
	Usage: `Usage: mkdir [OPTION]... DIRECTORY...
Create the DIRECTORY(ies), if they do not already exist.

Mandatory arguments to long options are mandatory for short options too.
  -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask
  -p, --parents     no error if existing, make parent directories as needed,
                    with their file modes unaffected by any -m option.
  -v, --verbose     print a message for each created directory
      --help        display this help and exit
      --version     output version information and exit
`,
}

type mkdirOpts struct {
	parents, verbose bool
	mode             fs.FileMode // the mode asked for (with -m)
	modeBits         uint32      // the bits -m cares about
	hasMode          bool
}

func mkdir(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&mkdirSpec)
	if err != nil {
		return exitStatus(err)
	}
	var o mkdirOpts
	modeArg := ""
	for _, op := range p.Opts {
		switch op.Key {
		case "p":
			o.parents = true
		case "m":
			modeArg, o.hasMode = op.Val, true
		case "v":
			o.verbose = true
		}
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	if o.hasMode {
		change, ok := parseMode(modeArg)
		if !ok {
			return c.Failf(1, "invalid mode %s", quote(modeArg))
		}
		o.mode, o.modeBits = change.applyBits(fs.ModePerm, true, fileUmask)
	}
	status := 0
	for _, name := range p.Operands {
		if c.stopped() {
			return 1
		}
		if !c.mkdirOne(name, &o) {
			status = 1
		}
	}
	if out.err != nil {
		return 1
	}
	return status
}

// mkdirOne makes the directory name, and its parents with -p.
func (c *Context) mkdirOne(name string, o *mkdirOpts) bool {
	if o.parents {
		if failed, err := c.mkdirParents(name, o); err != nil {
			c.Errorf("cannot create directory %s: %s", quote(failed), ErrText(err))
			return false
		}
	}
	p := c.fsPath(name)
	// With -m, coreutils first makes the directory without group and
	// other write permission when it has special bits to set.
	mkMode := fs.ModePerm &^ fileUmask
	if o.hasMode {
		mkMode = o.mode & (fs.ModePerm | fs.ModeSticky)
		if o.modeBits&(sISUID|sISGID) != 0 || o.mode&fs.ModeSticky != 0 {
			mkMode &^= 0o022
		}
	}
	if err := c.FS.Mkdir(p, mkMode.Perm()); err != nil {
		if o.parents && errnoOf(err) == syscall.EEXIST {
			if fi, serr := c.FS.Stat(p); serr == nil && fi.IsDir() {
				return true
			}
		}
		c.Errorf("cannot create directory %s: %s", quote(name), ErrText(err))
		return false
	}
	c.announceMkdir(name, o)
	fi, err := c.FS.Stat(p)
	if err != nil {
		c.Errorf("cannot change permissions of %s: %s", quote(name), ErrText(err))
		return false
	}
	// The directory as the kernel would make it with a zero umask: the
	// asked-for bits, no setuid or setgid, setgid inherited.
	created := mkMode&(fs.ModePerm|fs.ModeSticky) | fi.Mode()&fs.ModeSetgid
	final := created
	if o.hasMode {
		want := toUnix(o.mode)
		if (toUnix(created)^want)&o.modeBits != 0 {
			final = fromUnix(want | toUnix(created)&modeBits&^o.modeBits)
		}
	}
	if final != fi.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky) {
		if err := c.FS.Chmod(p, final); err != nil {
			c.Errorf("cannot change permissions of %s: %s", quote(name), ErrText(err))
			return false
		}
	}
	return true
}

// mkdirParents makes the missing parents of name, as coreutils'
// mkancesdirs does, with mode u+wx on top of a=rwx less the umask. On
// failure it returns the part of name that could not be made, which GNU
// names in its message.
func (c *Context) mkdirParents(name string, o *mkdirOpts) (string, error) {
	trimmed := strings.TrimRight(name, "/")
	i := strings.LastIndexByte(trimmed, '/')
	if i <= 0 {
		return "", nil
	}
	for j := 1; j <= i; j++ {
		if name[j] != '/' || name[j-1] == '/' {
			continue
		}
		prefix := name[:j]
		comp := prefix[strings.LastIndexByte(prefix, '/')+1:]
		if comp == "." || comp == ".." {
			continue
		}
		p := c.fsPath(prefix)
		err := c.FS.Mkdir(p, 0o777)
		if err == nil {
			c.announceMkdir(prefix, o)
			if fi, serr := c.FS.Stat(p); serr == nil && fi.Mode().Perm()&0o300 != 0o300 {
				c.FS.Chmod(p, fi.Mode()&(fs.ModePerm|fs.ModeSetgid|fs.ModeSticky)|0o300)
			}
			continue
		}
		if errnoOf(err) != syscall.EEXIST {
			return prefix, err
		}
		fi, serr := c.FS.Stat(p)
		if serr != nil {
			// GNU reports the mkdir error when it cannot enter the
			// existing name because it leads nowhere.
			if errnoOf(serr) == syscall.ENOENT {
				return prefix, err
			}
			return prefix, serr
		}
		if !fi.IsDir() {
			return prefix, syscall.ENOTDIR
		}
	}
	return "", nil
}

func (c *Context) announceMkdir(name string, o *mkdirOpts) {
	if o.verbose {
		c.writeOut(c.Name() + ": created directory " + quote(name) + "\n")
	}
}
