package mount

import (
	"io/fs"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// Stat returns information about name, following symlinks. For a mount
// point it describes the root of the mounted filesystem, under the mount
// point's name.
func (n *FS) Stat(name string) (fs.FileInfo, error) { return n.stat("stat", name, true) }

// Lstat returns information about name without following a final symlink.
func (n *FS) Lstat(name string) (fs.FileInfo, error) { return n.stat("lstat", name, false) }

// LstatIfPossible is Lstat; the bool is always true.
func (n *FS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, err := n.Lstat(name)
	return fi, true, err
}

func (n *FS) stat(op, name string, follow bool) (fs.FileInfo, error) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	r, err := n.find(name, follow || vfs.TrailingSlash(name))
	var fi fs.FileInfo
	if err == nil {
		fi, _, err = r.Node.m.fsys.LstatIfPossible(r.Node.path)
		if err == nil && fi == nil {
			err = syscall.EIO
		}
	}
	if err != nil {
		return nil, vfs.PathError(op, name, bare(err))
	}
	return newInfo(fi, baseName(r.Path()), r.Node.m.dev), nil
}

// ReadlinkIfPossible returns the target of the symlink name.
func (n *FS) ReadlinkIfPossible(name string) (string, error) { return n.Readlink(name) }

// Readlink returns the target of the symlink name, as stored. It fails with
// EINVAL if name is not a symlink.
func (n *FS) Readlink(name string) (string, error) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	r, err := n.find(name, vfs.TrailingSlash(name))
	if err == nil && r.Mode&fs.ModeSymlink == 0 {
		err = syscall.EINVAL
	}
	var target string
	if err == nil {
		target, err = walker{n}.Readlink(r.Node, r.Path())
	}
	if err != nil {
		return "", vfs.PathError("readlink", name, err)
	}
	return target, nil
}

// ReadDir returns the entries of the directory name sorted by name, with
// the mount points in it shown as directories in place of any entries of
// the same names. A final symlink in name is followed.
func (n *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	n.mu.RLock()
	defer n.mu.RUnlock()
	r, err := n.find(name, true)
	if err == nil && !r.Mode.IsDir() {
		err = syscall.ENOTDIR
	}
	var entries []fs.DirEntry
	if err == nil {
		entries, err = r.Node.m.fsys.ReadDir(r.Node.path)
	}
	if err != nil {
		return nil, vfs.PathError("readdirent", name, bare(err))
	}
	return merge(entries, r.Node.m.dev, n.childMounts(r.Node)), nil
}

// Create creates or truncates name, as os.Create does.
func (n *FS) Create(name string) (vfs.File, error) {
	return n.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Open opens name for reading.
func (n *FS) Open(name string) (vfs.File, error) { return n.OpenFile(name, os.O_RDONLY, 0) }

// OpenFile opens name with the flags of open(2). The inner filesystem gets
// the path of the file the name leads to, with every symlink resolved by
// the namespace, except a final one that is not followed (O_NOFOLLOW,
// O_EXCL). With O_CREATE, a final symlink to a missing file creates that
// file, in whichever mount it falls. The file returned reports name as its
// Name, and its Stat and listings carry the namespace's device numbers; a
// directory lists the mount points in it.
func (n *FS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	create := flag&os.O_CREATE != 0
	excl := create && flag&os.O_EXCL != 0
	follow := flag&syscall.O_NOFOLLOW == 0 && !excl
	if create && vfs.TrailingSlash(name) {
		follow = false
	}
	if create {
		n.mu.Lock()
		defer n.mu.Unlock()
	} else {
		n.mu.RLock()
		defer n.mu.RUnlock()
	}
	r, err := n.resolve(name, follow)
	if create && vfs.CreateSlash(name, err) {
		err = syscall.EISDIR
	}
	if err == nil && !r.Exists && !create {
		err = syscall.ENOENT
	}
	if err != nil {
		return nil, vfs.PathError("open", name, err)
	}
	l := r.Node
	inner := l.path
	if !r.Exists {
		l = entryLoc(&r)
		inner = l.path
	} else if r.Trailing && !r.Mode.IsDir() && inner != "/" {
		// Only a final symlink that is not followed gets here; let the
		// inner filesystem see the slash, as it would without the
		// namespace.
		inner += "/"
	}
	f, err := l.m.fsys.OpenFile(inner, flag, perm)
	if err == nil && f == nil {
		err = syscall.EIO
	}
	if err != nil {
		return nil, vfs.PathError("open", name, bare(err))
	}
	w := &file{f: f, name: name, inner: inner, dev: l.m.dev}
	if r.Exists && r.Mode.IsDir() {
		w.mounts = n.childMounts(l)
	}
	return w, nil
}

// Mkdir creates the directory name with permission perm, less the inner
// filesystem's umask. A mount point already exists (EEXIST).
func (n *FS) Mkdir(name string, perm fs.FileMode) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	r, err := n.resolve(name, false)
	if err == nil && r.Exists {
		err = syscall.EEXIST
	}
	if err == nil {
		l := entryLoc(&r)
		err = bare(l.m.fsys.Mkdir(l.path, perm))
	}
	if err != nil {
		return vfs.PathError("mkdir", name, err)
	}
	return nil
}

// MkdirAll creates name and any missing parents, as os.MkdirAll does.
func (n *FS) MkdirAll(name string, perm fs.FileMode) error { return vfs.MkdirAll(n, name, perm) }

// Remove removes the file, symlink or empty directory name, as os.Remove
// does. Removing a mount point fails with EBUSY.
func (n *FS) Remove(name string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	r, err := n.resolve(name, false)
	if err == nil {
		err = vfs.RemoveCheck(name, r.Exists, r.Name == "", r.Mode, r.Trailing)
	}
	if err == nil && n.isMountRoot(r.Node) {
		err = syscall.EBUSY
	}
	if err == nil {
		l := entryLoc(&r)
		err = bare(l.m.fsys.Remove(l.path))
	}
	if err != nil {
		return vfs.PathError("remove", name, err)
	}
	return nil
}

// RemoveAll removes name and everything below it, as os.RemoveAll does. A
// directory with no mount point below it is handed to its filesystem's own
// RemoveAll in one call. Otherwise the namespace walks the tree, into
// mounts as rm -r does, and fails with EBUSY at the mount points, which
// stay.
func (n *FS) RemoveAll(name string) error {
	if name == "" {
		return nil
	}
	if name == "." || strings.HasSuffix(name, "/.") || lastName(name) == ".." {
		return vfs.PathError("RemoveAll", name, syscall.EINVAL)
	}
	if done, err := n.removeTree(name); done {
		return err
	}
	return vfs.RemoveAll(n, name)
}

// removeTree removes the directory name with its filesystem's RemoveAll,
// if name is a directory inside one filesystem. It reports whether it did.
func (n *FS) removeTree(name string) (bool, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	r, err := n.resolve(name, false)
	if err != nil || !r.Exists || r.Name == "" || !r.Mode.IsDir() || n.isMountRoot(r.Node) || n.mountBelow(r.Node) {
		return false, nil
	}
	l := r.Node
	if err := l.m.fsys.RemoveAll(l.path); err != nil {
		op, p := "unlinkat", name
		if pe, ok := err.(*fs.PathError); ok {
			op = pe.Op
			if rest, ok := strings.CutPrefix(pe.Path, l.path); ok && (rest == "" || rest[0] == '/') {
				p = r.Path() + rest
			}
		}
		return true, vfs.PathError(op, p, bare(err))
	}
	return true, nil
}

// Rename renames oldname to newname with the semantics of rename(2). Names
// whose directories are in different mounts fail with EXDEV; a mount
// point, or a directory with a mount point below it, cannot be renamed or
// replaced (EBUSY).
func (n *FS) Rename(oldname, newname string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.rename(oldname, newname); err != nil {
		return vfs.LinkError("rename", oldname, newname, err)
	}
	return nil
}

func (n *FS) rename(oldname, newname string) error {
	ro, oerr := n.resolve(oldname, false)
	rn, nerr := n.resolve(newname, false)
	// The kernel walks both parents, then compares their mounts, then
	// looks at the final names.
	if oerr != nil && !vfs.FinalTooLong(oldname, oerr) {
		return oerr
	}
	if nerr != nil && !vfs.FinalTooLong(newname, nerr) {
		return nerr
	}
	om, err := n.parentMount(oldname)
	if err != nil {
		return err
	}
	nm, err := n.parentMount(newname)
	if err != nil {
		return err
	}
	if om != nm {
		return syscall.EXDEV
	}
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
	switch {
	case n.isMountRoot(ro.Node), rn.Exists && n.isMountRoot(rn.Node):
		return syscall.EBUSY
	case ro.Mode.IsDir() && n.mountBelow(ro.Node):
		return syscall.EBUSY
	}
	return bare(om.fsys.Rename(entryLoc(&ro).path, entryLoc(&rn).path))
}

// SymlinkIfPossible creates newname as a symlink to oldname.
func (n *FS) SymlinkIfPossible(oldname, newname string) error { return n.Symlink(oldname, newname) }

// Symlink creates newname as a symlink to oldname, stored as given. The
// target is resolved in the namespace when the link is followed.
func (n *FS) Symlink(oldname, newname string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.symlink(oldname, newname); err != nil {
		return vfs.LinkError("symlink", oldname, newname, err)
	}
	return nil
}

func (n *FS) symlink(target, name string) error {
	if target == "" {
		return syscall.ENOENT
	}
	if strings.IndexByte(target, 0) >= 0 {
		return syscall.EINVAL
	}
	r, err := n.resolve(name, false)
	switch {
	case err != nil:
		return err
	case r.Exists:
		return syscall.EEXIST
	case r.Trailing:
		return syscall.ENOENT
	}
	l := entryLoc(&r)
	return bare(l.m.fsys.SymlinkIfPossible(target, l.path))
}

// Link makes newname a hard link to oldname, which is not followed if it is
// a symlink. Linking across mounts fails with EXDEV, and linking a
// directory with EPERM.
func (n *FS) Link(oldname, newname string) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	if err := n.link(oldname, newname); err != nil {
		return vfs.LinkError("link", oldname, newname, err)
	}
	return nil
}

func (n *FS) link(oldname, newname string) error {
	ro, err := n.find(oldname, vfs.TrailingSlash(oldname))
	if err != nil {
		return err
	}
	rn, err := n.resolve(newname, false)
	if err != nil {
		return err
	}
	// As linkat(2): the new name is checked, then the mounts compared,
	// then the old entry's type.
	if err := vfs.LinkCheck(rn.Exists, rn.Trailing, 0); err != nil {
		return err
	}
	if ro.Node.m != rn.Dir.m {
		return syscall.EXDEV
	}
	if err := vfs.LinkCheck(false, false, ro.Mode); err != nil {
		return err
	}
	return bare(ro.Node.m.fsys.Link(ro.Node.path, entryLoc(&rn).path))
}

// Chmod sets the permission bits, setuid, setgid and sticky bits of name,
// following symlinks.
func (n *FS) Chmod(name string, mode fs.FileMode) error {
	return n.change("chmod", name, func(fsys vfs.FS, p string) error { return fsys.Chmod(p, mode) })
}

// Chown sets the owner of name, following symlinks. An id of -1 is left
// unchanged.
func (n *FS) Chown(name string, uid, gid int) error {
	return n.change("chown", name, func(fsys vfs.FS, p string) error { return fsys.Chown(p, uid, gid) })
}

// Chtimes sets the access and modification times of name, following
// symlinks. A zero time leaves that time unchanged.
func (n *FS) Chtimes(name string, atime, mtime time.Time) error {
	return n.change("chtimes", name, func(fsys vfs.FS, p string) error { return fsys.Chtimes(p, atime, mtime) })
}

// change resolves name, following symlinks, and applies f to the inner
// filesystem and path it leads to.
func (n *FS) change(op, name string, f func(fsys vfs.FS, p string) error) error {
	n.mu.RLock()
	defer n.mu.RUnlock()
	r, err := n.find(name, true)
	if err == nil {
		err = bare(f(r.Node.m.fsys, r.Node.path))
	}
	if err != nil {
		return vfs.PathError(op, name, err)
	}
	return nil
}
