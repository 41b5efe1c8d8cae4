package builtins

// The copy engine shared by cp and mv (mv falls back on it when a rename
// crosses filesystems), after GNU's copy.c.

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"syscall"
)

type derefMode int

const (
	derefNever  derefMode = iota // -P: copy symlinks as symlinks
	derefArgs                    // -H: follow symlinks named on the command line
	derefAlways                  // -L: follow every symlink
)

// copier runs one cp or mv command's copies.
type copier struct {
	c *Context
	o *copyOpts

	links   map[devIno]string // copied files with several links, for --preserve=links
	created map[devIno]bool   // the first directory made for each command-line argument
	topSrc  string
	topDst  string
	firstOK bool
}

// copyOpts are the options of a copy.
type copyOpts struct {
	recursive                                                 bool
	deref                                                     derefMode
	preserveMode, preserveOwner, preserveTimes, preserveLinks bool
	noClobber, interactive, force, verbose, removeDest        bool
	update                                                    bool
	moveMode                                                  bool // mv copying across filesystems
	// noPreserveMode is --no-preserve=mode: new files get the default
	// mode (0666 or 0777 less the umask), not the source's.
	noPreserveMode bool
}

type devIno struct{ dev, ino uint64 }

func devInoOf(fi fs.FileInfo) (devIno, bool) {
	st := statT(fi)
	if st == nil {
		return devIno{}, false
	}
	return devIno{uint64(st.Dev), st.Ino}, true
}

// copyBufSize is the size of the buffer file contents stream through.
const copyBufSize = 128 * 1024

func newCopier(c *Context, o *copyOpts) *copier {
	return &copier{c: c, o: o, links: map[devIno]string{}}
}

// copyTop copies the command-line argument src to dst.
func (cp *copier) copyTop(src, dst string) bool {
	cp.created = map[devIno]bool{}
	cp.topSrc, cp.topDst, cp.firstOK = src, dst, false
	ok, _ := cp.copyInternal(src, dst, true, nil)
	return ok
}

// copyInternal copies src to dst. ancestors are the source directories
// being copied above src. intoSelf reports that a directory was found to
// be copied into itself, which stops the walk as GNU's copy_dir does.
func (cp *copier) copyInternal(src, dst string, cmdline bool, ancestors []devIno) (ok, intoSelf bool) {
	c, o := cp.c, cp.o
	if c.stopped() {
		return false, false
	}
	follow := o.deref == derefAlways || (cmdline && o.deref == derefArgs)
	var sfi fs.FileInfo
	var err error
	if follow {
		sfi, err = c.stat(src)
	} else {
		sfi, err = c.lstat(src)
	}
	if err != nil {
		c.Errorf("cannot stat %s: %s", quote(src), ErrText(err))
		return false, false
	}
	smode := sfi.Mode()
	if smode.IsDir() && !o.recursive {
		c.Errorf("-r not specified; omitting directory %s", quote(src))
		return false, false
	}
	if smode.IsDir() {
		id, hasID := devInoOf(sfi)
		for _, a := range ancestors {
			if hasID && a == id {
				c.Errorf("cannot copy cyclic symbolic link %s", quote(src))
				return false, false
			}
		}
		if hasID && cp.created[id] {
			c.Errorf("cannot copy a directory, %s, into itself, %s", quote(cp.topSrc), quote(cp.topDst))
			return false, true
		}
	}
	// Regular files are written through a symlink at the destination;
	// everything else replaces it.
	useLstat := !smode.IsRegular() || o.moveMode || o.removeDest
	var dfi fs.FileInfo
	if useLstat {
		dfi, err = c.lstat(dst)
	} else {
		dfi, err = c.stat(dst)
	}
	exists := err == nil
	if err != nil && errnoOf(err) != syscall.ENOENT {
		c.Errorf("cannot stat %s: %s", quote(dst), ErrText(err))
		return false, false
	}
	if exists {
		if cp.sameFile(src, dst, sfi, dfi) {
			c.Errorf("%s and %s are the same file", quote(src), quote(dst))
			return false, false
		}
		switch {
		case dfi.IsDir() && !smode.IsDir():
			c.Errorf("cannot overwrite directory %s with non-directory", quote(dst))
			return false, false
		case !dfi.IsDir() && smode.IsDir():
			c.Errorf("cannot overwrite non-directory %s with directory %s", quote(dst), quote(src))
			return false, false
		}
		if !smode.IsDir() {
			if o.noClobber {
				return true, false
			}
			if o.update && !sfi.ModTime().After(dfi.ModTime()) {
				return true, false
			}
			if o.interactive && !c.ask("overwrite %s? ", quote(dst)) {
				return true, false
			}
		}
	}
	switch {
	case smode.IsDir():
		return cp.copyDir(src, dst, sfi, dfi, ancestors)
	case smode&fs.ModeSymlink != 0:
		return cp.copySymlink(src, dst, exists), false
	case smode.IsRegular():
		return cp.copyRegular(src, dst, sfi, exists), false
	case smode&fs.ModeCharDevice != 0 && !o.recursive:
		// As GNU cp does without -R: copy what the device reads
		// (cp /dev/null f makes an empty file).
		return cp.copyRegular(src, dst, sfi, exists), false
	}
	c.Errorf("cannot copy special file %s: not supported in the sandbox", quote(src))
	return false, false
}

// sameFile reports whether copying src onto the existing dst would copy
// a file onto itself, as GNU's same_file_ok checks it.
func (cp *copier) sameFile(src, dst string, sfi, dfi fs.FileInfo) bool {
	c := cp.c
	if sameFile(sfi, dfi) {
		return true
	}
	// cp -P la a, where la -> a: the link's target would be replaced by
	// the link.
	if sfi.Mode()&fs.ModeSymlink != 0 && dfi.Mode()&fs.ModeSymlink == 0 {
		if t, err := c.stat(src); err == nil && sameFile(t, dfi) {
			return true
		}
	}
	return false
}

func (cp *copier) copyDir(src, dst string, sfi, dfi fs.FileInfo, ancestors []devIno) (ok, intoSelf bool) {
	c, o := cp.c, cp.o
	dp := c.fsPath(dst)
	newDir := dfi == nil
	if newDir {
		mode := sfi.Mode() & (fs.ModePerm | fs.ModeSticky)
		if o.noPreserveMode {
			mode = fs.ModePerm
		}
		if !o.preserveOwner {
			mode &^= 0o022
		}
		if err := c.FS.Mkdir(dp, mode.Perm()|mode&fs.ModeSticky); err != nil {
			c.Errorf("cannot create directory %s: %s", quote(dst), ErrText(err))
			return false, false
		}
		if nfi, err := c.lstat(dst); err == nil && !cp.firstOK {
			if id, ok := devInoOf(nfi); ok {
				cp.created[id] = true
				cp.firstOK = true
			}
		}
		if o.verbose {
			if o.moveMode {
				c.printf("created directory %s\n", quote(dst))
			} else {
				c.printf("%s -> %s\n", quote(src), quote(dst))
			}
		}
	}
	id, _ := devInoOf(sfi)
	ancestors = append(ancestors, id)
	entries, err := c.FS.ReadDir(c.fsPath(src))
	ok = true
	if err != nil {
		c.Errorf("cannot access %s: %s", quote(src), ErrText(err))
		ok = false
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		cok, self := cp.copyInternal(joinName(src, n), joinName(dst, n), false, ancestors)
		ok = ok && cok
		if self {
			intoSelf = true
			break
		}
	}
	if !cp.copyAttrs(dst, sfi, newDir) {
		ok = false
	}
	return ok, intoSelf
}

// copyAttrs gives dst the attributes of sfi that are preserved, or the
// mode a new directory or file gets without -p.
func (cp *copier) copyAttrs(dst string, sfi fs.FileInfo, isNew bool) bool {
	c, o := cp.c, cp.o
	dp := c.fsPath(dst)
	ok := true
	if o.preserveOwner {
		if st := statT(sfi); st != nil {
			// As root would; errors are not reported, as GNU does not
			// report EPERM for non-root users.
			c.FS.Chown(dp, int(st.Uid), int(st.Gid))
		}
	}
	if o.preserveMode {
		if err := c.FS.Chmod(dp, sfi.Mode()&(fs.ModePerm|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky)); err != nil {
			c.Errorf("preserving permissions for %s: %s", quote(dst), ErrText(err))
			ok = false
		}
	} else if isNew && sfi.IsDir() {
		want := sfi.Mode() & (fs.ModePerm | fs.ModeSticky) &^ fileUmask
		if o.noPreserveMode {
			want = fs.ModePerm &^ fileUmask
		}
		if fi, err := c.lstat(dst); err == nil {
			got := fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
			want |= got & fs.ModeSetgid
			if got != want {
				c.FS.Chmod(dp, want)
			}
		}
	}
	if o.preserveTimes {
		atime, mtime := fileTimes(sfi)
		if err := c.FS.Chtimes(dp, atime, mtime); err != nil {
			c.Errorf("preserving times for %s: %s", quote(dst), ErrText(err))
			ok = false
		}
	}
	return ok
}

func (cp *copier) copySymlink(src, dst string, exists bool) bool {
	c, o := cp.c, cp.o
	target, err := c.FS.ReadlinkIfPossible(c.fsPath(src))
	if err != nil {
		c.Errorf("cannot read symbolic link %s: %s", quote(src), ErrText(err))
		return false
	}
	dp := c.fsPath(dst)
	if exists {
		if err := c.FS.Remove(dp); err != nil {
			c.Errorf("cannot remove %s: %s", quote(dst), ErrText(err))
			return false
		}
	}
	if err := c.FS.SymlinkIfPossible(target, dp); err != nil {
		c.Errorf("cannot create symbolic link %s to %s: %s", quote(dst), quote(target), ErrText(err))
		return false
	}
	if o.verbose && !o.moveMode {
		c.printf("%s -> %s\n", quote(src), quote(dst))
	}
	return true
}

func (cp *copier) copyRegular(src, dst string, sfi fs.FileInfo, exists bool) bool {
	c, o := cp.c, cp.o
	dp := c.fsPath(dst)
	if strings.HasSuffix(dst, "/") {
		c.Errorf("cannot create regular file %s: %s", quote(dst), Strerror(syscall.ENOTDIR))
		return false
	}
	// Hard links among the sources stay hard links with --preserve=links.
	id, hasID := devInoOf(sfi)
	if o.preserveLinks && hasID {
		if st := statT(sfi); st != nil && st.Nlink > 1 {
			if first, seen := cp.links[id]; seen {
				if exists {
					c.FS.Remove(dp)
				}
				if err := c.FS.Link(c.fsPath(first), dp); err != nil {
					c.Errorf("cannot create hard link %s to %s: %s", quote(dst), quote(first), ErrText(err))
					return false
				}
				if o.verbose && !o.moveMode {
					c.printf("%s -> %s\n", quote(src), quote(dst))
				}
				return true
			}
			defer func() { cp.links[id] = dst }()
		}
	}
	in, err := c.FS.Open(c.fsPath(src))
	if err != nil {
		c.Errorf("cannot open %s for reading: %s", quote(src), ErrText(err))
		return false
	}
	defer in.Close()
	if exists && o.removeDest {
		if err := c.FS.Remove(dp); err != nil && errnoOf(err) != syscall.ENOENT {
			c.Errorf("cannot remove %s: %s", quote(dst), ErrText(err))
			return false
		}
		exists = false
	}
	var out interface {
		io.Writer
		Close() error
	}
	if exists {
		f, err := c.FS.OpenFile(dp, os.O_WRONLY|os.O_TRUNC, 0)
		if err != nil && o.force {
			if rerr := c.FS.Remove(dp); rerr == nil {
				exists = false
			}
		}
		if exists {
			if err != nil {
				c.Errorf("cannot open %s for writing: %s", quote(dst), ErrText(err))
				return false
			}
			out = f
		}
	}
	if !exists {
		if lfi, err := c.lstat(dst); err == nil && lfi.Mode()&fs.ModeSymlink != 0 {
			c.Errorf("not writing through dangling symlink %s", quote(dst))
			return false
		}
		perm := sfi.Mode().Perm()
		if o.noPreserveMode {
			perm = 0o666
		}
		if o.preserveMode {
			perm = sfi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		}
		f, err := c.FS.OpenFile(dp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err != nil {
			c.Errorf("cannot create regular file %s: %s", quote(dst), ErrText(err))
			return false
		}
		out = f
	}
	rerr, werr := c.copyData(out, in)
	cerr := out.Close()
	if werr == nil {
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
	if !cp.copyAttrs(dst, sfi, !exists) {
		return false
	}
	if o.verbose && !o.moveMode {
		c.printf("%s -> %s\n", quote(src), quote(dst))
	}
	return true
}

// copyData streams r to w through a fixed buffer, stopping when the run
// is cancelled.
func (c *Context) copyData(w io.Writer, r io.Reader) (rerr, werr error) {
	buf := make([]byte, copyBufSize)
	for {
		if c.Canceled() {
			return c.Ctx.Err(), nil
		}
		n, err := r.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return nil, werr
			}
		}
		if err == io.EOF {
			return nil, nil
		}
		if err != nil {
			return err, nil
		}
	}
}

// printf writes a verbose line to stdout; a failed write is ignored
// here and shows in the command's later writes.
func (c *Context) printf(format string, args ...any) {
	c.writeOut(fmt.Sprintf(format, args...))
}
