package builtins

// install, as GNU coreutils 9.1's: install SOURCE DEST, install SOURCE...
// DIRECTORY, -t/--target-directory=DIR, -T/--no-target-directory,
// -d/--directory (with parents), -D (make the leading directories of DEST
// or the -t directory), -m/--mode=MODE (octal or symbolic; 0755 by
// default, the umask has no effect), -C/--compare (leave an identical
// destination alone), -p/--preserve-timestamps, -v/--verbose,
// -o/--owner and -g/--group (numeric ids, or the name root), -c (ignored),
// -s/--strip and --strip-program (accepted; nothing is stripped). An
// existing destination is removed before the copy, as GNU does. Not
// supported: -b/--backup, -S/--suffix, -Z/--context and
// --preserve-context; user and group names other than root (the sandbox
// has no user database). With -C and no -o/-g, the owner of the
// destination is not compared.

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"
)

func init() { Register("install", install) }

var installSpec = optSpec{
	Short: "bcCsDdg:m:o:pt:TvS:Z",
	Long: []longOpt{
		{Name: "backup", Arg: optionalArg, Key: "b"},
		{Name: "compare", Key: "C"},
		{Name: "context", Arg: optionalArg, Key: "Z"},
		{Name: "directory", Key: "d"},
		{Name: "group", Arg: requiredArg, Key: "g"},
		{Name: "mode", Arg: requiredArg, Key: "m"},
		{Name: "no-target-directory", Key: "T"},
		{Name: "owner", Arg: requiredArg, Key: "o"},
		{Name: "preserve-timestamps", Key: "p"},
		{Name: "preserve-context", Key: "preserve-context"},
		{Name: "strip", Key: "s"},
		{Name: "strip-program", Arg: requiredArg, Key: "strip-program"},
		{Name: "suffix", Arg: requiredArg, Key: "S"},
		{Name: "target-directory", Arg: requiredArg, Key: "t"},
		{Name: "verbose", Key: "v"},
	},
	Status: 1,
	Usage: `Usage: install [OPTION]... [-T] SOURCE DEST
  or:  install [OPTION]... SOURCE... DIRECTORY
  or:  install [OPTION]... -t DIRECTORY SOURCE...
  or:  install [OPTION]... -d DIRECTORY...

This install program copies files (often just compiled) into destination
locations you choose.

In the first three forms, copy SOURCE to DEST or multiple SOURCE(s) to
the existing DIRECTORY, while setting permission modes and owner/group.
In the 4th form, create all components of the given DIRECTORY(ies).

Mandatory arguments to long options are mandatory for short options too.
  -c                  (ignored)
  -C, --compare       compare content of source and destination files, and
                        if no change to content, ownership, and permissions,
                        do not modify the destination at all
  -d, --directory     treat all arguments as directory names; create all
                        components of the specified directories
  -D                  create all leading components of DEST except the last,
                        or all components of --target-directory,
                        then copy SOURCE to DEST
  -g, --group=GROUP   set group ownership, instead of process' current group
  -m, --mode=MODE     set permission mode (as in chmod), instead of rwxr-xr-x
  -o, --owner=OWNER   set ownership (super-user only)
  -p, --preserve-timestamps   apply access/modification times of SOURCE files
                        to corresponding destination files
  -s, --strip         strip symbol tables (accepted; nothing is stripped)
      --strip-program=PROGRAM  program used to strip binaries (ignored)
  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY
  -T, --no-target-directory  treat DEST as a normal file
  -v, --verbose       print the name of each directory as it is created
      --help        display this help and exit
      --version     output version information and exit

Backups (-b, --backup, -S) and SELinux contexts are not supported.
`,
}

// installDefaultMode is rwxr-xr-x, for files, directories and the
// leading directories -D makes.
const installDefaultMode = 0o755

// installer holds the settings of one install command.
type installer struct {
	c                          *Context
	dirArg, parents, verbose   bool
	compare, preserveTimes     bool
	mode, dirMode, dirModeBits uint32
	uid, gid                   int // -1 when not given
	created                    map[string]devIno
}

func install(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&installSpec)
	if err != nil {
		return exitStatus(err)
	}
	in := &installer{c: c, mode: installDefaultMode, dirMode: installDefaultMode,
		dirModeBits: modeBits, uid: -1, gid: -1, created: map[string]devIno{}}
	var modeArg, owner, group, target string
	hasMode, hasOwner, hasGroup, hasTarget, noTarget := false, false, false, false, false
	strip, stripProgram := false, false
	for _, op := range p.Opts {
		switch op.Key {
		case "b", "S":
			return c.Failf(1, "%s: backups are not supported in the sandbox", op.Name)
		case "Z", "preserve-context":
			return c.Failf(1, "%s: SELinux contexts are not supported in the sandbox", op.Name)
		case "C":
			in.compare = true
		case "s":
			strip = true
		case "strip-program":
			stripProgram = true
		case "d":
			in.dirArg = true
		case "D":
			in.parents = true
		case "v":
			in.verbose = true
		case "g":
			group, hasGroup = op.Val, true
		case "m":
			modeArg, hasMode = op.Val, true
		case "o":
			owner, hasOwner = op.Val, true
		case "p":
			in.preserveTimes = true
		case "t":
			if hasTarget {
				return c.Failf(1, "multiple target directories specified")
			}
			target, hasTarget = op.Val, true
		case "T":
			noTarget = true
		}
	}
	if in.dirArg && strip {
		return c.Failf(1, "the strip option may not be used when installing a directory")
	}
	if in.dirArg && hasTarget {
		return c.Failf(1, "target directory not allowed when installing a directory")
	}
	files := p.Operands
	n := len(files)
	if n == 0 || (n == 1 && !in.dirArg && !hasTarget) {
		if n == 0 {
			return c.usageErr(1, "missing file operand")
		}
		return c.usageErr(1, "missing destination file operand after %s", quote(files[0]))
	}
	if noTarget {
		if hasTarget {
			return c.Failf(1, "cannot combine --target-directory (-t) and --no-target-directory (-T)")
		}
		if n > 2 {
			return c.usageErr(1, "extra operand %s", quote(files[2]))
		}
	} else if hasTarget {
		fi, err := c.stat(target)
		switch {
		case err != nil && !in.parents:
			return c.Failf(1, "failed to access %s: %s", quote(target), ErrText(err))
		case err == nil && !fi.IsDir():
			return c.Failf(1, "failed to access %s: %s", quote(target), Strerror(syscall.ENOTDIR))
		}
	} else if !in.dirArg {
		last := files[n-1]
		fi, err := c.stat(last)
		switch {
		case err == nil && fi.IsDir():
			target, hasTarget = last, true
			files = files[:n-1]
		case n > 2 && err != nil:
			return c.Failf(1, "target %s: %s", quote(last), ErrText(err))
		case n > 2:
			return c.Failf(1, "target %s: %s", quote(last), Strerror(syscall.ENOTDIR))
		}
	}
	if hasMode {
		change, ok := parseMode(modeArg)
		if !ok {
			return c.Failf(1, "invalid mode %s", quote(modeArg))
		}
		m, _ := change.applyBits(0, false, 0)
		in.mode = toUnix(m)
		var dm fs.FileMode
		dm, in.dirModeBits = change.applyBits(0, true, 0)
		in.dirMode = toUnix(dm)
	}
	if stripProgram && !strip {
		c.Errorf("WARNING: ignoring --strip-program option as -s option was not specified")
	}
	if in.compare && in.preserveTimes {
		return c.usageErr(1, "options --compare (-C) and --preserve-timestamps are mutually exclusive")
	}
	if in.compare && strip {
		return c.usageErr(1, "options --compare (-C) and --strip are mutually exclusive")
	}
	if in.compare && in.mode&^permBits != 0 {
		c.Errorf("the --compare (-C) option is ignored when you specify a mode with non-permission bits")
	}
	if hasOwner {
		id, ok := lookupID(owner)
		if !ok {
			return c.Failf(1, "invalid user %s", quote(owner))
		}
		in.uid = id
	}
	if hasGroup {
		id, ok := lookupID(group)
		if !ok {
			return c.Failf(1, "invalid group %s", quote(group))
		}
		in.gid = id
	}

	status := 0
	switch {
	case in.dirArg:
		for _, d := range files {
			if c.stopped() {
				return 1
			}
			if !in.makeDir(d) {
				status = 1
			}
		}
	case !hasTarget:
		ok := true
		if in.parents {
			ok = in.ancestors(files[1])
		}
		if !ok || !in.installFile(files[0], files[1]) {
			status = 1
		}
	default:
		for i, src := range files {
			if c.stopped() {
				return 1
			}
			dst := joinName(target, baseName(src))
			ok := true
			if i == 0 && in.parents {
				ok = in.ancestors(dst)
			}
			if !ok || !in.installFile(src, dst) {
				status = 1
			}
		}
	}
	if out.err != nil {
		return 1
	}
	return status
}

// lookupID parses an owner or group for -o and -g: the name root, or a
// number as strtoul reads it with base 0 (decimal, 0x hex, 0 octal).
func lookupID(s string) (int, bool) {
	if s == "root" {
		return 0, true
	}
	t := strings.TrimLeft(s, " \t\n\v\f\r")
	t = strings.TrimPrefix(t, "+")
	base := 10
	switch {
	case len(t) > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X'):
		base, t = 16, t[2:]
	case len(t) > 1 && t[0] == '0':
		base, t = 8, t[1:]
	}
	if t == "" {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(t); i++ {
		d := digitVal(t[i])
		if d < 0 || d >= base {
			return 0, false
		}
		v = v*uint64(base) + uint64(d)
		if v > 0xffffffff {
			return 0, false
		}
	}
	return int(v), true
}

// announce prints "install: creating directory 'd'" for -v.
func (in *installer) announce(dir string) {
	if in.verbose {
		in.c.printf("%s: creating directory %s\n", in.c.Name(), quote(dir))
	}
}

// ancestors makes the missing leading directories of name (all but its
// last component) with mode 0755, as gnulib's mkancesdirs does for -D and
// -d. On failure it reports the leading part that could not be made.
func (in *installer) ancestors(name string) bool {
	if failed, err := in.makeAncestors(name); err != nil {
		in.c.Errorf("cannot create directory %s: %s", quote(failed), ErrText(err))
		return false
	}
	return true
}

func (in *installer) makeAncestors(name string) (string, error) {
	c := in.c
	trimmed := strings.TrimRight(name, "/")
	end := strings.LastIndexByte(trimmed, '/')
	for j := 1; j <= end; j++ {
		if name[j] != '/' || name[j-1] == '/' {
			continue
		}
		prefix := name[:j]
		comp := prefix[strings.LastIndexByte(prefix, '/')+1:]
		if comp == "." || comp == ".." {
			if fi, err := c.stat(prefix); err != nil {
				return prefix, err
			} else if !fi.IsDir() {
				return prefix, syscall.ENOTDIR
			}
			continue
		}
		p := c.fsPath(prefix)
		err := c.FS.Mkdir(p, installDefaultMode)
		if err == nil {
			in.announce(prefix)
			if fi, serr := c.FS.Stat(p); serr == nil && fi.Mode().Perm() != installDefaultMode {
				c.FS.Chmod(p, fi.Mode()&fs.ModeSetgid|installDefaultMode)
			}
			continue
		}
		fi, serr := c.FS.Stat(p)
		switch {
		case serr == nil && fi.IsDir():
			continue
		case serr == nil:
			return prefix, syscall.ENOTDIR
		case errnoOf(serr) == syscall.ENOENT:
			// A dangling symlink: GNU reports the mkdir error.
			return prefix, err
		default:
			return prefix, serr
		}
	}
	return "", nil
}

// makeDir makes the directory name and its parents for -d, and gives it
// the mode, owner and group asked for, as gnulib's make_dir_parents does
// (an existing directory gets them too).
func (in *installer) makeDir(name string) bool {
	c := in.c
	if failed, err := in.makeAncestors(name); err != nil {
		c.Errorf("cannot create directory %s: %s", quote(failed), ErrText(err))
		return false
	}
	p := c.fsPath(name)
	mkErr := c.FS.Mkdir(p, fs.FileMode(in.dirMode&permBits))
	if mkErr == nil {
		in.announce(name)
	}
	fi, err := c.stat(name)
	if err == nil && !fi.IsDir() {
		err = syscall.ENOTDIR
	}
	if err == nil && (in.uid >= 0 || in.gid >= 0) {
		if err = c.FS.Chown(p, in.uid, in.gid); err == nil {
			fi, err = c.stat(name)
		}
	}
	if err == nil {
		cur := toUnix(fi.Mode())
		want := in.dirMode | cur&modeBits&^in.dirModeBits
		if mkErr == nil && in.uid < 0 && in.gid < 0 && in.dirModeBits&(sISUID|sISGID) == 0 && in.dirMode&sISVTX == 0 {
			// A new directory keeps the set-group-ID bit it inherits.
			want |= cur & sISGID
		}
		if cur != want {
			err = c.FS.Chmod(p, fromUnix(want))
		}
	}
	if err == nil {
		return true
	}
	if mkErr != nil && (errnoOf(mkErr) == syscall.ENOENT || errnoOf(err) == syscall.ENOTDIR) {
		c.Errorf("cannot create directory %s: %s", quote(name), ErrText(mkErr))
		return false
	}
	if in.uid < 0 && in.gid < 0 {
		c.Errorf("cannot change permissions of %s: %s", quote(name), ErrText(err))
	} else {
		c.Errorf("cannot change owner and permissions of %s: %s", quote(name), ErrText(err))
	}
	return false
}

// installFile copies src to dst and gives dst its mode, owner and group.
func (in *installer) installFile(src, dst string) bool {
	if in.compare && !in.needCopy(src, dst) {
		return in.setAttributes(dst)
	}
	if !in.copyFile(src, dst) {
		return false
	}
	return in.setAttributes(dst)
}

// setAttributes sets the owner and group (with -o, -g) and the mode of
// dst.
func (in *installer) setAttributes(dst string) bool {
	c := in.c
	p := c.fsPath(dst)
	if in.uid >= 0 || in.gid >= 0 {
		if err := c.FS.Chown(p, in.uid, in.gid); err != nil {
			c.Errorf("cannot change ownership of %s: %s", quote(dst), ErrText(err))
			return false
		}
	}
	if err := c.FS.Chmod(p, fromUnix(in.mode)); err != nil {
		c.Errorf("cannot change permissions of %s: %s", quote(dst), ErrText(err))
		return false
	}
	return true
}

// copyFile copies src (followed if a symlink, read as a regular file if
// it is a device) to dst as GNU's copy does for install: the destination
// is removed first and made anew with mode 0600.
func (in *installer) copyFile(src, dst string) bool {
	c := in.c
	sfi, err := c.stat(src)
	if err != nil {
		c.Errorf("cannot stat %s: %s", quote(src), ErrText(err))
		return false
	}
	if sfi.IsDir() {
		c.Errorf("omitting directory %s", quote(src))
		return false
	}
	dfi, err := c.lstat(dst)
	exists := err == nil
	if err != nil && errnoOf(err) != syscall.ENOENT {
		c.Errorf("cannot stat %s: %s", quote(dst), ErrText(err))
		return false
	}
	if exists {
		if sameFile(sfi, dfi) && dfi.Mode()&fs.ModeSymlink == 0 {
			// Distinct hard links to one file are fine: dst is
			// removed first.
			lfi, lerr := c.lstat(src)
			st := statT(dfi)
			if lerr != nil || !sameFile(lfi, dfi) || st == nil || st.Nlink <= 1 || in.sameName(src, dst) {
				c.Errorf("%s and %s are the same file", quote(src), quote(dst))
				return false
			}
		}
		if id, seen := in.created[dst]; seen {
			if did, ok := devInoOf(dfi); ok && did == id {
				c.Errorf("will not overwrite just-created %s with %s", quote(dst), quote(src))
				return false
			}
		}
		if dfi.IsDir() {
			c.Errorf("cannot overwrite directory %s with non-directory", quote(dst))
			return false
		}
		if err := c.FS.Remove(c.fsPath(dst)); err != nil && errnoOf(err) != syscall.ENOENT {
			c.Errorf("cannot remove %s: %s", quote(dst), ErrText(err))
			return false
		}
		if in.verbose {
			c.printf("removed %s\n", quote(dst))
		}
	}
	if in.verbose {
		c.printf("%s -> %s\n", quote(src), quote(dst))
	}
	r, err := c.FS.Open(c.fsPath(src))
	if err != nil {
		c.Errorf("cannot open %s for reading: %s", quote(src), ErrText(err))
		return false
	}
	defer r.Close()
	dp := c.fsPath(dst)
	w, err := c.FS.OpenFile(dp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		if strings.HasSuffix(dst, "/") && errnoOf(err) == syscall.EISDIR {
			err = syscall.ENOTDIR
		}
		c.Errorf("cannot create regular file %s: %s", quote(dst), ErrText(err))
		return false
	}
	rerr, werr := c.copyData(w, r)
	if cerr := w.Close(); werr == nil {
		werr = cerr
	}
	switch {
	case rerr != nil:
		c.Errorf("error reading %s: %s", quote(src), ErrText(rerr))
		return false
	case werr != nil:
		c.Errorf("error writing %s: %s", quote(dst), ErrText(werr))
		return false
	}
	if nfi, err := c.lstat(dst); err == nil {
		if id, ok := devInoOf(nfi); ok {
			in.created[dst] = id
		}
	}
	if in.preserveTimes {
		atime, mtime := fileTimes(sfi)
		if err := c.FS.Chtimes(dp, atime, mtime); err != nil {
			c.Errorf("preserving times for %s: %s", quote(dst), ErrText(err))
			return false
		}
	}
	return true
}

// sameName reports whether src and dst name the same directory entry:
// the same last component in the same directory.
func (in *installer) sameName(src, dst string) bool {
	if baseName(src) != baseName(dst) {
		return false
	}
	a, err1 := in.c.stat(dirOf(src))
	b, err2 := in.c.stat(dirOf(dst))
	return err1 == nil && err2 == nil && sameFile(a, b)
}

// dirOf returns the directory part of name, "." when there is none.
func dirOf(name string) string {
	t := strings.TrimRight(name, "/")
	i := strings.LastIndexByte(t, '/')
	switch {
	case i < 0:
		return "."
	case i == 0:
		return "/"
	}
	return t[:i]
}

// needCopy reports whether -C must copy src onto dst, as GNU's need_copy
// decides: unless both are regular files with only permission bits, of
// the same size and content, dst having the mode (and owner) to install.
func (in *installer) needCopy(src, dst string) bool {
	c := in.c
	if in.mode&^permBits != 0 {
		return true
	}
	sfi, err := c.lstat(src)
	if err != nil {
		return true
	}
	dfi, err := c.lstat(dst)
	if err != nil {
		return true
	}
	if !sfi.Mode().IsRegular() || !dfi.Mode().IsRegular() ||
		toUnix(sfi.Mode())&^permBits != 0 || toUnix(dfi.Mode())&^permBits != 0 {
		return true
	}
	if sfi.Size() != dfi.Size() || toUnix(dfi.Mode()) != in.mode {
		return true
	}
	if st := statT(dfi); st != nil {
		if (in.uid >= 0 && int(st.Uid) != in.uid) || (in.gid >= 0 && int(st.Gid) != in.gid) {
			return true
		}
	}
	a, err := c.FS.Open(c.fsPath(src))
	if err != nil {
		return true
	}
	defer a.Close()
	b, err := c.FS.Open(c.fsPath(dst))
	if err != nil {
		return true
	}
	defer b.Close()
	return !c.sameContent(a, b)
}

// sameContent compares two streams block by block.
func (c *Context) sameContent(a, b io.Reader) bool {
	ba, bb := make([]byte, 32*1024), make([]byte, 32*1024)
	for !c.Canceled() {
		na, erra := io.ReadFull(a, ba)
		nb, errb := io.ReadFull(b, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		aEnd := erra == io.EOF || erra == io.ErrUnexpectedEOF
		bEnd := errb == io.EOF || errb == io.ErrUnexpectedEOF
		if aEnd || bEnd {
			return aEnd && bEnd
		}
		if erra != nil || errb != nil {
			return false
		}
	}
	return false
}
