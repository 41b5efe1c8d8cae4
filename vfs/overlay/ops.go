package overlay

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
)

// lastName returns the final component of name as written.
func lastName(name string) string {
	name = strings.TrimRight(name, "/")
	if name == "" {
		return ""
	}
	return path.Base(name)
}

// Mkdir creates the directory name with permission perm, less the umask.
// A directory made where a lower one was deleted is opaque.
func (o *FS) Mkdir(name string, perm fs.FileMode) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	if err := o.mkdir(name, perm); err != nil {
		return vfs.PathError("mkdir", name, err)
	}
	return nil
}

func (o *FS) mkdir(name string, perm fs.FileMode) error {
	if o.readOnly {
		return syscall.EROFS
	}
	r, err := o.resolve(name, false)
	if err != nil {
		return err
	}
	if r.Exists {
		return syscall.EEXIST
	}
	if err := o.protected(r.Path(), true); err != nil {
		return err
	}
	if _, err := o.upperDir(r.DirPath); err != nil {
		return err
	}
	p := r.Path()
	if err := o.upper.Mkdir(p, perm); err != nil {
		return bare(err)
	}
	fi, err := o.upper.Lstat(p)
	if err != nil {
		return err
	}
	o.meta[inoOf(fi)] = &meta{} // opaque: nothing of the lower layer shows
	return nil
}

// MkdirAll creates name and any missing parents, as os.MkdirAll does.
func (o *FS) MkdirAll(name string, perm fs.FileMode) error { return vfs.MkdirAll(o, name, perm) }

// Create creates or truncates name, as os.Create does.
func (o *FS) Create(name string) (vfs.File, error) {
	return o.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Open opens name for reading.
func (o *FS) Open(name string) (vfs.File, error) { return o.OpenFile(name, os.O_RDONLY, 0) }

// OpenFile opens name with the flags of open(2). Opening a lower file for
// reading reads it from disk; opening it for writing copies nothing until
// the first write, and O_TRUNC gives an empty file at once. FIFOs, sockets
// and devices in the lower directory are refused with vfs.ErrSpecialFile.
func (o *FS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	create := flag&os.O_CREATE != 0
	excl := create && flag&os.O_EXCL != 0
	writes := flag&(os.O_WRONLY|os.O_RDWR) != 0
	changes := writes || create || flag&os.O_TRUNC != 0
	if changes {
		o.mu.Lock()
		o.gen.Add(1) // locs found before are stale
		defer o.mu.Unlock()
	} else {
		o.mu.RLock()
		defer o.mu.RUnlock()
	}
	f, err := o.openFile(name, flag, perm, create, excl, writes)
	if err != nil {
		return nil, vfs.PathError("open", name, err)
	}
	return f, nil
}

func (o *FS) openFile(name string, flag int, perm fs.FileMode, create, excl, writes bool) (vfs.File, error) {
	follow := flag&syscall.O_NOFOLLOW == 0 && !excl
	if create && vfs.TrailingSlash(name) {
		follow = false
	}
	r, err := o.resolve(name, follow)
	if create && vfs.CreateSlash(name, err) {
		return nil, syscall.EISDIR
	}
	if err != nil {
		return nil, err
	}
	if !r.Exists {
		switch {
		case !create:
			return nil, syscall.ENOENT
		case o.readOnly:
			return nil, syscall.EROFS
		}
		if err := o.protected(r.Path(), false); err != nil {
			return nil, err
		}
		if _, err := o.upperDir(r.DirPath); err != nil {
			return nil, err
		}
		f, err := o.upper.OpenFile(r.Path(), flag, perm)
		if err != nil {
			return nil, bare(err)
		}
		return f, nil
	}
	if excl {
		return nil, syscall.EEXIST
	}
	l := r.Node
	mode := l.mode()
	switch {
	case mode&fs.ModeSymlink != 0:
		return nil, syscall.ELOOP
	case mode.IsDir():
		if writes || create {
			return nil, syscall.EISDIR
		}
		return o.openDir(name, l)
	case !mode.IsRegular():
		return nil, vfs.ErrSpecialFile
	}
	trunc := flag&os.O_TRUNC != 0
	if (writes || trunc) && o.readOnly {
		return nil, syscall.EROFS
	}
	if writes || trunc {
		if err := o.protected(r.Path(), false); err != nil {
			return nil, err
		}
	}
	if l.up == nil && !writes && !trunc {
		return o.openLower(name, l)
	}
	if l, err = o.copyUp(l); err != nil {
		return nil, err
	}
	mf, err := o.upper.OpenFile(l.path, flag&^(os.O_CREATE|os.O_EXCL), 0)
	if err != nil {
		return nil, bare(err)
	}
	if trunc && l.meta != nil && l.meta.lower != "" {
		// Nothing is left to share: the upper inode holds the bytes now.
		o.publish(l.meta.lower, mf.(*memory.File))
		l.meta.lower = ""
	}
	if l.meta == nil {
		return mf, nil
	}
	return &upperFile{o: o, mem: mf.(*memory.File), meta: l.meta, name: name, flag: flag}, nil
}

// Remove removes the file, symlink or empty directory name, as os.Remove
// does. Removing a lower entry records a whiteout.
func (o *FS) Remove(name string) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	if err := o.remove(name); err != nil {
		return vfs.PathError("remove", name, err)
	}
	return nil
}

func (o *FS) remove(name string) error {
	if o.readOnly {
		return syscall.EROFS
	}
	r, err := o.resolve(name, false)
	if err == nil {
		err = vfs.RemoveCheck(name, r.Exists, r.Name == "", r.Mode, r.Trailing)
	}
	if err != nil {
		return err
	}
	l := r.Node
	if err := o.protected(r.Path(), l.mode().IsDir()); err != nil {
		return err
	}
	if l.mode().IsDir() {
		entries, err := o.readDir(l)
		if err != nil {
			return err
		}
		if len(entries) > 0 {
			return syscall.ENOTEMPTY
		}
	}
	return o.drop(r.DirPath, r.Name, l)
}

// drop takes the entry l, named name in the directory at dir, out of the
// view: its upper part is removed and its lower part hidden.
func (o *FS) drop(dir, name string, l loc) error {
	pm, err := o.upperDir(dir)
	if err != nil {
		return err
	}
	if l.up != nil {
		o.forget(l.path, l.up)
		if l.up.IsDir() {
			err = o.upper.RemoveAll(l.path)
		} else {
			err = o.upper.Remove(l.path)
		}
		if err != nil {
			return bare(err)
		}
	}
	o.hideLower(pm, name)
	if l.up == nil {
		// Only a whiteout changed; the directory was still modified.
		if err := o.upper.Chtimes(dir, time.Time{}, time.Now()); err != nil {
			return bare(err)
		}
	}
	return nil
}

// RemoveAll removes name and everything below it, as os.RemoveAll does. A
// directory goes at once: its upper part is dropped and one whiteout hides
// its lower part, however many entries it has.
func (o *FS) RemoveAll(name string) error {
	if name == "" {
		return nil
	}
	if name == "." || strings.HasSuffix(name, "/.") || lastName(name) == ".." {
		return vfs.PathError("RemoveAll", name, syscall.EINVAL)
	}
	{
		o.mu.Lock()
		o.gen.Add(1) // locs found before are stale
		r, err := o.resolve(name, false)
		if err == nil && r.Exists && r.Name != "" && r.Node.mode().IsDir() && !o.protects() {
			if o.readOnly {
				err = syscall.EROFS
			} else {
				err = o.drop(r.DirPath, r.Name, r.Node)
			}
			o.mu.Unlock()
			if err != nil {
				return vfs.PathError("unlinkat", name, err)
			}
			return nil
		}
		o.mu.Unlock()
	}
	return vfs.RemoveAll(o, name)
}

// Rename renames oldname to newname with the semantics of rename(2).
// Renaming a lower file or directory moves metadata only: a directory keeps
// merging its lower children, which are neither read nor copied.
func (o *FS) Rename(oldname, newname string) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	if err := o.rename(oldname, newname); err != nil {
		return vfs.LinkError("rename", oldname, newname, err)
	}
	return nil
}

func (o *FS) rename(oldname, newname string) error {
	if o.readOnly {
		return syscall.EROFS
	}
	ro, oerr := o.resolve(oldname, false)
	rn, nerr := o.resolve(newname, false)
	if err := vfs.FirstRenameErr(oldname, newname, ro.Exists, oerr, nerr); err != nil {
		return err
	}
	oldPath, newPath := ro.Path(), rn.Path()
	if err := vfs.RenameCheck(oldname, newname, oldPath, newPath, ro.Exists, rn.Exists, ro.Mode, rn.Mode); err != nil {
		return err
	}
	if oldPath == newPath {
		return nil
	}
	if err := o.protected(oldPath, ro.Mode.IsDir()); err != nil {
		return err
	}
	if err := o.protected(newPath, ro.Mode.IsDir()); err != nil {
		return err
	}
	if ro.Mode.IsDir() && o.protects() {
		// Moving a directory moves what it holds: none of it may be
		// protected.
		if err := o.protectedBelow(ro.Node); err != nil {
			return err
		}
	}
	if rn.Exists {
		if same, err := o.sameFile(ro.Node, rn.Node); err != nil || same {
			return err
		}
		if rn.Mode.IsDir() {
			entries, err := o.readDir(rn.Node)
			if err != nil {
				return err
			}
			if len(entries) > 0 {
				return syscall.ENOTEMPTY
			}
		}
	}
	src, err := o.copyUp(ro.Node)
	if err != nil {
		return err
	}
	spm, err := o.upperDir(ro.DirPath)
	if err != nil {
		return err
	}
	dpm, err := o.upperDir(rn.DirPath)
	if err != nil {
		return err
	}
	if rn.Exists && rn.Node.up != nil {
		o.forget(newPath, rn.Node.up)
	}
	if err := o.upper.Rename(src.path, newPath); err != nil {
		return bare(err)
	}
	o.hideLower(spm, ro.Name)
	o.hideLower(dpm, rn.Name)
	return nil
}

// sameFile reports whether two entries are one inode (hard links).
func (o *FS) sameFile(a, b loc) (bool, error) {
	ai, err := o.info(a)
	if err != nil {
		return false, err
	}
	bi, err := o.info(b)
	if err != nil {
		return false, err
	}
	return vfs.StatT(ai).Ino == vfs.StatT(bi).Ino && (a.up == nil) == (b.up == nil), nil
}

// SymlinkIfPossible creates newname as a symlink to oldname.
func (o *FS) SymlinkIfPossible(oldname, newname string) error { return o.Symlink(oldname, newname) }

// Symlink creates newname as a symlink to oldname, stored as given.
func (o *FS) Symlink(oldname, newname string) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	if err := o.symlink(oldname, newname); err != nil {
		return vfs.LinkError("symlink", oldname, newname, err)
	}
	return nil
}

func (o *FS) symlink(target, name string) error {
	if o.readOnly {
		return syscall.EROFS
	}
	if target == "" {
		return syscall.ENOENT
	}
	if strings.IndexByte(target, 0) >= 0 {
		return syscall.EINVAL
	}
	r, err := o.resolve(name, false)
	switch {
	case err != nil:
		return err
	case r.Exists:
		return syscall.EEXIST
	case r.Trailing:
		return syscall.ENOENT
	}
	if err := o.protected(r.Path(), false); err != nil {
		return err
	}
	if _, err := o.upperDir(r.DirPath); err != nil {
		return err
	}
	return bare(o.upper.Symlink(target, r.Path()))
}

// Link makes newname a hard link to oldname, which is not followed. Linking
// a lower file makes both names one inode: a write through either is seen
// through the other. Linking a directory fails with EPERM.
func (o *FS) Link(oldname, newname string) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	if err := o.link(oldname, newname); err != nil {
		return vfs.LinkError("link", oldname, newname, err)
	}
	return nil
}

func (o *FS) link(oldname, newname string) error {
	if o.readOnly {
		return syscall.EROFS
	}
	ro, err := o.find(oldname, vfs.TrailingSlash(oldname))
	if err != nil {
		return err
	}
	rn, err := o.resolve(newname, false)
	if err == nil {
		err = vfs.LinkCheck(rn.Exists, rn.Trailing, ro.Mode)
	}
	if err != nil {
		return err
	}
	if err := o.protected(rn.Path(), false); err != nil {
		return err
	}
	src, err := o.copyUp(ro.Node)
	if err != nil {
		return err
	}
	if _, err := o.upperDir(rn.DirPath); err != nil {
		return err
	}
	return bare(o.upper.Link(src.path, rn.Path()))
}

// Chmod sets the permission bits, setuid, setgid and sticky bits of name,
// following symlinks. A lower entry is copied up as metadata only.
func (o *FS) Chmod(name string, mode fs.FileMode) error {
	return o.change("chmod", name, func(p string) error { return o.upper.Chmod(p, mode) })
}

// Chown sets the owner of name, following symlinks. An id of -1 is left
// unchanged.
func (o *FS) Chown(name string, uid, gid int) error {
	return o.change("chown", name, func(p string) error { return o.upper.Chown(p, uid, gid) })
}

// Chtimes sets the access and modification times of name, following
// symlinks. A zero time leaves that time unchanged.
func (o *FS) Chtimes(name string, atime, mtime time.Time) error {
	return o.change("chtimes", name, func(p string) error { return o.upper.Chtimes(p, atime, mtime) })
}

func (o *FS) change(op, name string, f func(p string) error) error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	err := o.readOnlyErr()
	var r vfs.Resolved[loc]
	if err == nil {
		r, err = o.find(name, true)
	}
	if err == nil {
		err = o.protected(r.Path(), r.Mode.IsDir())
	}
	var l loc
	if err == nil {
		l, err = o.copyUp(r.Node)
	}
	if err == nil {
		err = bare(f(l.path))
	}
	if err != nil {
		return vfs.PathError(op, name, err)
	}
	return nil
}

func (o *FS) readOnlyErr() error {
	if o.readOnly {
		return syscall.EROFS
	}
	return nil
}

// protectedBelow returns errProtected if anything in the merged directory
// l is protected. The caller holds o.mu.
func (o *FS) protectedBelow(l loc) error {
	entries, err := o.readDir(l)
	if err != nil {
		return err
	}
	for _, e := range entries {
		p := vfs.Join(l.path, e.Name())
		if err := o.protected(p, e.IsDir()); err != nil {
			return err
		}
		if e.IsDir() {
			child, ok := o.lookupChild(l, e.Name())
			if !ok {
				continue
			}
			if err := o.protectedBelow(child); err != nil {
				return err
			}
		}
	}
	return nil
}
