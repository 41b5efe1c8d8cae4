// Package memory is an in-memory filesystem built as a tree of inodes.
//
// It has regular files, directories, symlinks and hard links (inodes shared
// by several names, with a link count), permission bits, owners, and access,
// modification and change times. Its semantics are those of a POSIX
// filesystem used by root: permission bits are recorded but not enforced.
// Path lookup follows symlinks component by component (see vfs.Resolve), so
// an absolute symlink target resolves from this filesystem's own root.
//
// An FS is safe for use by many goroutines at once.
package memory

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// FS is an in-memory filesystem. It implements vfs.FS.
type FS struct {
	mu      sync.RWMutex
	root    *inode
	lastIno uint64
	umask   fs.FileMode
	limit   int64 // most bytes of file data held; 0 means no limit
	held    int64
	now     func() time.Time
	dev     uint64
	uid     int
	gid     int
	frozen  bool
	inodes  map[uint64]*inode // every inode that a name or a handle holds
}

var _ vfs.FS = (*FS)(nil)

// An Option configures a new FS.
type Option func(*FS)

// WithLimit caps the bytes of file contents the filesystem holds. A write
// that would go past it fails with ENOSPC. Zero or less means no limit.
func WithLimit(bytes int64) Option { return func(m *FS) { m.limit = bytes } }

// WithUmask sets the file mode creation mask applied to new files and
// directories. The default is 022.
func WithUmask(mask fs.FileMode) Option { return func(m *FS) { m.umask = mask & fs.ModePerm } }

// WithClock sets the function that gives the current time, for tests.
func WithClock(now func() time.Time) Option { return func(m *FS) { m.now = now } }

// WithOwner sets the uid and gid given to new inodes. The default is 0, 0.
func WithOwner(uid, gid int) Option { return func(m *FS) { m.uid, m.gid = uid, gid } }

// WithInodeBase makes inode numbers start after base, so that they do not
// collide with the numbers of another filesystem shown beside this one.
func WithInodeBase(base uint64) Option { return func(m *FS) { m.lastIno = base } }

// WithDevice sets the device number reported in stat results.
func WithDevice(dev uint64) Option { return func(m *FS) { m.dev = dev } }

// New returns an empty filesystem holding only the root directory, mode 0755.
func New(opts ...Option) *FS {
	m := &FS{umask: 0o022, now: time.Now, inodes: map[uint64]*inode{}}
	for _, o := range opts {
		o(m)
	}
	m.root = m.newInode(fs.ModeDir | 0o755)
	m.root.children = map[string]*inode{}
	m.root.parent = m.root
	m.root.nlink = 2
	return m
}

// Name returns "memory".
func (m *FS) Name() string { return "memory" }

// Umask returns the file mode creation mask.
func (m *FS) Umask() fs.FileMode {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.umask
}

// SetUmask sets the file mode creation mask and returns the old one.
func (m *FS) SetUmask(mask fs.FileMode) fs.FileMode {
	m.mu.Lock()
	defer m.mu.Unlock()
	old := m.umask
	m.umask = mask & fs.ModePerm
	return old
}

// SetReadOnly makes every later change fail with EROFS, through paths and
// through files already open, or lifts that.
func (m *FS) SetReadOnly(ro bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.frozen = ro
}

// Held returns the bytes of file contents the filesystem holds now.
func (m *FS) Held() int64 {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.held
}

// inode is a file, directory or symlink. Every field is guarded by FS.mu.
type inode struct {
	ino                 uint64
	mode                fs.FileMode
	nlink               int
	uid, gid            int
	atime, mtime, ctime time.Time
	data                data              // regular files
	target              string            // symlinks
	children            map[string]*inode // directories
	parent              *inode            // directories
	opens               int               // open handles
}

func (m *FS) newInode(mode fs.FileMode) *inode {
	m.lastIno++
	t := m.now()
	n := &inode{ino: m.lastIno, mode: mode, nlink: 1, uid: m.uid, gid: m.gid, atime: t, mtime: t, ctime: t}
	m.inodes[n.ino] = n
	return n
}

func (n *inode) isDir() bool { return n.mode.IsDir() }

// walker adapts the inode tree to vfs.Resolve.
type walker struct{}

func (walker) Lookup(dir *inode, _, name string) (*inode, fs.FileMode, error) {
	if dir.children == nil {
		return nil, 0, syscall.ENOTDIR
	}
	child, ok := dir.children[name]
	if !ok {
		return nil, 0, syscall.ENOENT
	}
	return child, child.mode, nil
}

func (walker) Readlink(n *inode, _ string) (string, error) { return n.target, nil }

func (m *FS) resolve(name string, follow bool) (vfs.Resolved[*inode], error) {
	return vfs.Resolve[*inode](walker{}, m.root, name, follow)
}

// lastName returns the final component of name as written, so callers can
// tell "dir/." and "dir/.." from "dir".
func lastName(name string) string {
	name = strings.TrimRight(name, "/")
	if name == "" {
		return ""
	}
	return path.Base(name)
}

// touchDir records that dir's entries changed.
func (m *FS) touchDir(dir *inode) {
	t := m.now()
	dir.mtime, dir.ctime = t, t
}

// link adds n to dir as name.
func (m *FS) link(dir *inode, name string, n *inode) {
	dir.children[name] = n
	if n.isDir() {
		n.parent = dir
		dir.nlink++
	}
	m.touchDir(dir)
}

// unlink removes name, which holds n, from dir.
func (m *FS) unlink(dir *inode, name string, n *inode) {
	delete(dir.children, name)
	if n.isDir() {
		dir.nlink--
		n.nlink = 0
	} else {
		n.nlink--
	}
	n.ctime = m.now()
	m.touchDir(dir)
	m.maybeFree(n)
}

// maybeFree drops the contents of an inode that no name or handle holds.
func (m *FS) maybeFree(n *inode) {
	if n.nlink <= 0 && n.opens <= 0 {
		m.held -= n.data.release()
		delete(m.inodes, n.ino)
	}
}

// createMode is the mode of a new inode of type typ asked for with perm.
func (m *FS) createMode(typ, perm fs.FileMode, dir *inode) fs.FileMode {
	mode := typ | perm&vfs.ChmodBits&^m.umask
	if typ == fs.ModeDir {
		mode &^= fs.ModeSetuid | fs.ModeSetgid
		if dir.mode&fs.ModeSetgid != 0 {
			mode |= fs.ModeSetgid
		}
	}
	return mode
}

// Mkdir creates the directory name with permission perm, less the umask.
func (m *FS) Mkdir(name string, perm fs.FileMode) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.frozen {
		return vfs.PathError("mkdir", name, syscall.EROFS)
	}
	r, err := m.resolve(name, false)
	if err != nil {
		return vfs.PathError("mkdir", name, err)
	}
	if r.Exists {
		return vfs.PathError("mkdir", name, syscall.EEXIST)
	}
	n := m.newInode(m.createMode(fs.ModeDir, perm, r.Dir))
	n.children = map[string]*inode{}
	n.nlink = 2
	if r.Dir.mode&fs.ModeSetgid != 0 {
		n.gid = r.Dir.gid
	}
	m.link(r.Dir, r.Name, n)
	return nil
}

// MkdirAll creates name and any missing parents, as os.MkdirAll does.
func (m *FS) MkdirAll(name string, perm fs.FileMode) error {
	return vfs.MkdirAll(m, name, perm)
}

// Create creates or truncates the file name, as os.Create does.
func (m *FS) Create(name string) (vfs.File, error) {
	return m.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// Open opens name for reading.
func (m *FS) Open(name string) (vfs.File, error) {
	return m.OpenFile(name, os.O_RDONLY, 0)
}

// OpenFile opens name with the flags of open(2): O_RDONLY, O_WRONLY or
// O_RDWR, plus O_CREATE, O_EXCL, O_TRUNC, O_APPEND and O_NOFOLLOW. A new
// file gets permission perm less the umask.
func (m *FS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	create := flag&os.O_CREATE != 0
	excl := create && flag&os.O_EXCL != 0
	follow := flag&syscall.O_NOFOLLOW == 0 && !excl
	if create && vfs.TrailingSlash(name) {
		follow = false
	}
	r, err := m.resolve(name, follow)
	if create && vfs.CreateSlash(name, err) {
		err = syscall.EISDIR
	}
	if err != nil {
		return nil, vfs.PathError("open", name, err)
	}
	writable := flag&(os.O_WRONLY|os.O_RDWR) != 0
	if m.frozen && (writable || flag&os.O_TRUNC != 0 || create && !r.Exists) {
		return nil, vfs.PathError("open", name, syscall.EROFS)
	}
	var n *inode
	switch {
	case !r.Exists && !create:
		return nil, vfs.PathError("open", name, syscall.ENOENT)
	case !r.Exists:
		n = m.newInode(m.createMode(0, perm, r.Dir))
		if r.Dir.mode&fs.ModeSetgid != 0 {
			n.gid = r.Dir.gid
		}
		m.link(r.Dir, r.Name, n)
	case excl:
		return nil, vfs.PathError("open", name, syscall.EEXIST)
	default:
		n = r.Node
		switch {
		case n.mode&fs.ModeSymlink != 0:
			return nil, vfs.PathError("open", name, syscall.ELOOP)
		case n.isDir() && (writable || create):
			return nil, vfs.PathError("open", name, syscall.EISDIR)
		case flag&os.O_TRUNC != 0 && !n.isDir():
			m.held -= n.data.truncate(0)
			t := m.now()
			n.mtime, n.ctime = t, t
		}
	}
	n.opens++
	return &File{fs: m, node: n, name: name, flag: flag}, nil
}

// OpenInode opens the inode numbered ino for reading, as
// open_by_handle_at(2) does, wherever its names are now. It fails with
// ENOENT once no name holds the inode.
func (m *FS) OpenInode(ino uint64) (*File, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := m.inodes[ino]
	if n == nil || n.nlink <= 0 {
		return nil, vfs.PathError("open_by_handle", fmt.Sprintf("inode %d", ino), syscall.ENOENT)
	}
	n.opens++
	return &File{fs: m, node: n, name: fmt.Sprintf("inode %d", ino), flag: os.O_RDONLY}, nil
}

// Remove removes the file, symlink or empty directory name, as os.Remove
// does.
func (m *FS) Remove(name string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.frozen {
		return vfs.PathError("remove", name, syscall.EROFS)
	}
	r, err := m.resolve(name, false)
	if err == nil {
		err = vfs.RemoveCheck(name, r.Exists, r.Name == "", r.Mode, r.Trailing)
	}
	if err == nil && r.Node.isDir() && len(r.Node.children) > 0 {
		err = syscall.ENOTEMPTY
	}
	if err != nil {
		return vfs.PathError("remove", name, err)
	}
	m.unlink(r.Dir, r.Name, r.Node)
	return nil
}

// RemoveAll removes name and everything below it, as os.RemoveAll does.
func (m *FS) RemoveAll(name string) error {
	return vfs.RemoveAll(m, name)
}

// Rename renames oldname to newname with the semantics of rename(2): a
// final symlink is renamed itself, an existing newname is replaced if the
// types allow it, and a directory cannot move below itself.
func (m *FS) Rename(oldname, newname string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	fail := func(errno error) error { return vfs.LinkError("rename", oldname, newname, errno) }
	if m.frozen {
		return fail(syscall.EROFS)
	}
	ro, oerr := m.resolve(oldname, false)
	rn, nerr := m.resolve(newname, false)
	if err := vfs.FirstRenameErr(oldname, newname, ro.Exists, oerr, nerr); err != nil {
		return fail(err)
	}
	if err := vfs.RenameCheck(oldname, newname, ro.Path(), rn.Path(), ro.Exists, rn.Exists, ro.Mode, rn.Mode); err != nil {
		return fail(err)
	}
	if ro.Path() == rn.Path() || rn.Exists && ro.Node == rn.Node {
		return nil
	}
	if rn.Exists && rn.Node.isDir() && len(rn.Node.children) > 0 {
		return fail(syscall.ENOTEMPTY)
	}
	n := ro.Node
	delete(ro.Dir.children, ro.Name)
	if n.isDir() {
		ro.Dir.nlink--
	}
	m.touchDir(ro.Dir)
	if rn.Exists {
		m.unlink(rn.Dir, rn.Name, rn.Node)
	}
	m.link(rn.Dir, rn.Name, n)
	n.ctime = m.now()
	return nil
}

// Stat returns information about name, following symlinks.
func (m *FS) Stat(name string) (fs.FileInfo, error) {
	return m.stat("stat", name, true)
}

// LstatIfPossible returns information about name without following a final
// symlink. The bool is always true.
func (m *FS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, err := m.stat("lstat", name, false)
	return fi, true, err
}

// Lstat returns information about name without following a final symlink.
func (m *FS) Lstat(name string) (fs.FileInfo, error) {
	return m.stat("lstat", name, false)
}

func (m *FS) stat(op, name string, follow bool) (fs.FileInfo, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	r, err := m.resolve(name, follow || vfs.TrailingSlash(name))
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	if err != nil {
		return nil, vfs.PathError(op, name, err)
	}
	return m.info(r.Node, baseName(r.Path())), nil
}

func baseName(p string) string {
	if p == "/" {
		return "/"
	}
	return path.Base(p)
}

// SymlinkIfPossible creates newname as a symlink to oldname.
func (m *FS) SymlinkIfPossible(oldname, newname string) error {
	return m.Symlink(oldname, newname)
}

// Symlink creates newname as a symlink to oldname. The target is stored as
// given and not checked.
func (m *FS) Symlink(oldname, newname string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.frozen {
		return vfs.LinkError("symlink", oldname, newname, syscall.EROFS)
	}
	if oldname == "" {
		return vfs.LinkError("symlink", oldname, newname, syscall.ENOENT)
	}
	if strings.IndexByte(oldname, 0) >= 0 {
		return vfs.LinkError("symlink", oldname, newname, syscall.EINVAL)
	}
	r, err := m.resolve(newname, false)
	if err == nil && r.Exists {
		err = syscall.EEXIST
	}
	if err == nil && r.Trailing {
		err = syscall.ENOENT
	}
	if err != nil {
		return vfs.LinkError("symlink", oldname, newname, err)
	}
	n := m.newInode(fs.ModeSymlink | 0o777)
	n.target = oldname
	m.link(r.Dir, r.Name, n)
	return nil
}

// ReadlinkIfPossible returns the target of the symlink name.
func (m *FS) ReadlinkIfPossible(name string) (string, error) {
	return m.Readlink(name)
}

// Readlink returns the target of the symlink name. It fails with EINVAL if
// name is not a symlink.
func (m *FS) Readlink(name string) (string, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	r, err := m.resolve(name, vfs.TrailingSlash(name))
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	if err == nil && r.Node.mode&fs.ModeSymlink == 0 {
		err = syscall.EINVAL
	}
	if err != nil {
		return "", vfs.PathError("readlink", name, err)
	}
	return r.Node.target, nil
}

// Link makes newname a hard link to oldname, which is not followed if it is
// a symlink. Linking a directory fails with EPERM.
func (m *FS) Link(oldname, newname string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	fail := func(errno error) error { return vfs.LinkError("link", oldname, newname, errno) }
	if m.frozen {
		return fail(syscall.EROFS)
	}
	ro, err := m.resolve(oldname, vfs.TrailingSlash(oldname))
	if err == nil && !ro.Exists {
		err = syscall.ENOENT
	}
	if err != nil {
		return fail(err)
	}
	rn, err := m.resolve(newname, false)
	if err == nil {
		err = vfs.LinkCheck(rn.Exists, rn.Trailing, ro.Mode)
	}
	if err != nil {
		return fail(err)
	}
	ro.Node.nlink++
	ro.Node.ctime = m.now()
	m.link(rn.Dir, rn.Name, ro.Node)
	return nil
}

// Chmod sets the permission bits, setuid, setgid and sticky bits of name,
// following symlinks.
func (m *FS) Chmod(name string, mode fs.FileMode) error {
	return m.change("chmod", name, func(n *inode) {
		n.mode = n.mode&^vfs.ChmodBits | mode&vfs.ChmodBits
	})
}

// Chown sets the owner of name, following symlinks. An id of -1 is left
// unchanged.
func (m *FS) Chown(name string, uid, gid int) error {
	return m.change("chown", name, func(n *inode) {
		if uid != -1 {
			n.uid = uid
		}
		if gid != -1 {
			n.gid = gid
		}
	})
}

// Chtimes sets the access and modification times of name, following
// symlinks. A zero time leaves that time unchanged.
func (m *FS) Chtimes(name string, atime, mtime time.Time) error {
	return m.change("chtimes", name, func(n *inode) {
		if !atime.IsZero() {
			n.atime = atime
		}
		if !mtime.IsZero() {
			n.mtime = mtime
		}
	})
}

func (m *FS) change(op, name string, f func(*inode)) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.frozen {
		return vfs.PathError(op, name, syscall.EROFS)
	}
	r, err := m.resolve(name, true)
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	if err != nil {
		return vfs.PathError(op, name, err)
	}
	f(r.Node)
	r.Node.ctime = m.now()
	return nil
}

// ReadDir returns the entries of the directory name, sorted by name.
func (m *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	r, err := m.resolve(name, true)
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	if err == nil && !r.Node.isDir() {
		err = syscall.ENOTDIR
	}
	if err != nil {
		return nil, vfs.PathError("readdirent", name, err)
	}
	return m.entries(r.Node), nil
}

func (m *FS) entries(dir *inode) []fs.DirEntry {
	out := make([]fs.DirEntry, 0, len(dir.children))
	for name, n := range dir.children {
		out = append(out, fs.FileInfoToDirEntry(m.info(n, name)))
	}
	return vfs.SortDirEntries(out)
}

// Clone returns an independent copy of the filesystem: the same tree,
// inode numbers, modes, times and contents, and the same options. File
// contents are shared page by page until either side writes to a page, so
// cloning costs time and memory in proportion to the number of inodes,
// not to the bytes they hold. Open handles are not carried over, nor are
// removed files that only a handle still holds.
func (m *FS) Clone() *FS {
	m.mu.Lock() // clone marks pages shared in m too
	defer m.mu.Unlock()
	c := &FS{
		lastIno: m.lastIno, umask: m.umask, limit: m.limit, now: m.now,
		dev: m.dev, uid: m.uid, gid: m.gid, frozen: m.frozen,
		inodes: make(map[uint64]*inode, len(m.inodes)),
	}
	var copyNode func(n, parent *inode) *inode
	copyNode = func(n, parent *inode) *inode {
		if dup, ok := c.inodes[n.ino]; ok {
			return dup // a hard link to an inode already copied
		}
		dup := &inode{
			ino: n.ino, mode: n.mode, nlink: n.nlink, uid: n.uid, gid: n.gid,
			atime: n.atime, mtime: n.mtime, ctime: n.ctime, target: n.target,
		}
		c.inodes[n.ino] = dup
		if n.mode.IsRegular() {
			dup.data = n.data.clone()
			c.held += dup.data.held
		}
		if n.children != nil {
			dup.parent = parent
			if parent == nil {
				dup.parent = dup
			}
			dup.children = make(map[string]*inode, len(n.children))
			for name, child := range n.children {
				dup.children[name] = copyNode(child, dup)
			}
		}
		return dup
	}
	c.root = copyNode(m.root, nil)
	return c
}
