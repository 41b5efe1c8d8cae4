// Package mount is the namespace a sandboxed script sees: a root
// filesystem (an in-memory scratch filesystem) with other filesystems
// mounted at absolute paths, much as in a Linux mount namespace. The usual
// mount is a copy-on-write view of the project (an overlay.FS) at the
// project's real canonical path, such as /home/alice/proj.
//
// Paths are resolved by the namespace itself, one component at a time (see
// vfs.Resolve), so symlinks resolve across mounts: an absolute target is
// taken from the namespace's root, never from the root of the filesystem
// that holds the link, and never from the host. ".." from the root of a
// mount goes to the directory the mount point is in, as on Linux.
//
// The mounted filesystems are called with paths relative to their own
// roots, written as absolute paths, only once the namespace has resolved
// every symlink in the intermediate components (and, for calls that follow
// symlinks, in the final one), so an inner filesystem never resolves a
// symlink with its own chroot-like semantics. Calls that do not follow a
// final symlink (Lstat, Readlink, Remove, Rename, Symlink, Link, Mkdir,
// OpenFile with O_EXCL or O_NOFOLLOW) pass the final component unresolved.
//
// A mount point behaves as on Linux: it is listed in its directory as a
// directory, Stat shows the root of the mounted filesystem under the mount
// point's name, rename and link between mounts fail with EXDEV, and
// removing or renaming a mount point fails with EBUSY. Each mount reports
// its own device number in stat results, so that device and inode numbers
// never confuse files of different mounts.
//
// An FS is safe for use by many goroutines at once.
package mount

import (
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
)

// devBase is the device number reported for the root filesystem; the n-th
// mount reports devBase+n. Like the anonymous devices of Linux (tmpfs,
// overlayfs), they have major number 0.
const devBase = 0x40

// FS is a mount namespace. It implements vfs.FS.
//
// Operations that change the namespace's tree structure (creating,
// removing, renaming or linking names) hold an exclusive lock while they
// resolve the path and call the inner filesystem; lookups hold a shared
// one. So a path resolved by the namespace cannot change before the inner
// filesystem sees it, as far as changes made through the namespace go.
type FS struct {
	mu     sync.RWMutex
	root   *mnt
	mounts []*mnt       // in the order mounted; the root is not among them
	covers map[loc]*mnt // the mount whose root hides each mount point
}

var _ vfs.FS = (*FS)(nil)

// mnt is one mounted filesystem.
type mnt struct {
	fsys vfs.FS
	at   string // the namespace path of the mount point, when mounted
	dev  uint64
}

// loc is a place in the namespace: a path inside one mounted filesystem.
// The path is clean and absolute, and free of symlinks except possibly in
// its final component.
type loc struct {
	m    *mnt
	path string
	// node is the entry's node in its filesystem, when that filesystem is
	// a vfs.Stepper; nil otherwise, and always nil in map keys.
	node any
}

// key returns l without its node, for use as a map key.
func (l loc) key() loc { return loc{m: l.m, path: l.path} }

// New returns a namespace whose root is the root of root, with nothing
// mounted. A nil root gives an empty memory.FS.
func New(root vfs.FS) *FS {
	if root == nil {
		root = memory.New()
	}
	return &FS{
		root:   &mnt{fsys: root, at: "/", dev: devBase},
		covers: map[loc]*mnt{},
	}
}

// Name returns "mount".
func (n *FS) Name() string { return "mount" }

// Mount mounts fsys at the absolute, clean path at. Missing directories on
// the way, and the mount point itself, are created with MkdirAll (mode
// 0755) in the filesystems that hold them, so the mount point shows in
// listings; from then on the mount point's entry is hidden by the root of
// fsys. A symlink in at is followed, and the mount lands at the directory
// it leads to. Mounting over a mount point hides the earlier mount, as on
// Linux; mounting at "/" replaces the namespace's root.
//
// at must not be relative or unclean (EINVAL), and fsys must not be nil or
// the namespace itself (EINVAL); nor may fsys reach n in any other way.
func (n *FS) Mount(at string, fsys vfs.FS) error {
	fail := func(errno error) error { return vfs.PathError("mount", at, errno) }
	if fsys == nil || at == "" || at[0] != '/' || strings.IndexByte(at, 0) >= 0 || vfs.Clean(at) != at {
		return fail(syscall.EINVAL)
	}
	if self, ok := fsys.(*FS); ok && self == n {
		return fail(syscall.EINVAL)
	}
	if err := vfs.MkdirAll(n, at, 0o755); err != nil {
		return err
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	r, err := n.resolve(at, true)
	switch {
	case err != nil:
	case !r.Exists:
		err = syscall.ENOENT
	case !r.Mode.IsDir():
		err = syscall.ENOTDIR
	}
	if err != nil {
		return fail(err)
	}
	m := &mnt{fsys: fsys, at: r.Path(), dev: devBase + uint64(len(n.mounts)) + 1}
	n.covers[r.Node.key()] = m
	n.mounts = append(n.mounts, m)
	return nil
}

// Mounts returns the namespace paths of the mount points, in the order the
// filesystems were mounted. The root filesystem is not listed, unless
// something was mounted at "/".
func (n *FS) Mounts() []string {
	n.mu.RLock()
	defer n.mu.RUnlock()
	out := make([]string, len(n.mounts))
	for i, m := range n.mounts {
		out[i] = m.at
	}
	return out
}

// cover returns the root of the mount that hides l, if any (the topmost
// one when mounts are stacked), or l itself. The caller holds n.mu.
func (n *FS) cover(l loc) loc {
	for range len(n.mounts) + 1 {
		m, ok := n.covers[l.key()]
		if !ok {
			break
		}
		l = loc{m: m, path: "/"}
	}
	if st, ok := l.m.fsys.(vfs.Stepper); ok && l.path == "/" && l.node == nil {
		l.node, _ = st.StepRoot()
	}
	return l
}

// isMountRoot reports whether l, found by a lookup, is the root of a
// mounted filesystem, that is a mount point or the namespace root.
func (n *FS) isMountRoot(l loc) bool { return l.path == "/" && l.m != n.root }

// mountBelow reports whether a mount point lies strictly below the
// directory l, in l's filesystem. The caller holds n.mu.
func (n *FS) mountBelow(l loc) bool {
	for k := range n.covers {
		if k.m == l.m && k.path != l.path && vfs.HasPrefix(k.path, l.path) {
			return true
		}
	}
	return false
}

// childMounts returns the mount points in the directory l, by name, with
// the topmost mount at each. The caller holds n.mu.
func (n *FS) childMounts(l loc) map[string]*mnt {
	var out map[string]*mnt
	for k := range n.covers {
		if k.m != l.m || k.path == "/" || path.Dir(k.path) != l.path {
			continue
		}
		if out == nil {
			out = map[string]*mnt{}
		}
		out[path.Base(k.path)] = n.cover(k).m
	}
	return out
}

// walker adapts the namespace to vfs.Resolve. The caller holds n.mu.
type walker struct{ n *FS }

// Lookup finds name in the directory dir: the root of the mount at that
// place if there is one, else the entry of dir's own filesystem.
func (w walker) Lookup(dir loc, _, name string) (loc, fs.FileMode, error) {
	p := vfs.Join(dir.path, name)
	if m, ok := w.n.covers[loc{m: dir.m, path: p}]; ok {
		return w.n.cover(loc{m: m, path: "/"}), fs.ModeDir, nil
	}
	if st, ok := dir.m.fsys.(vfs.Stepper); ok && dir.node != nil {
		node, mode, err := st.Step(dir.node, dir.path, name)
		if err != nil {
			return loc{}, 0, bare(err)
		}
		return loc{m: dir.m, path: p, node: node}, mode, nil
	}
	fi, _, err := dir.m.fsys.LstatIfPossible(p)
	if err != nil {
		return loc{}, 0, bare(err)
	}
	if fi == nil {
		return loc{}, 0, syscall.EIO
	}
	return loc{m: dir.m, path: p}, fi.Mode(), nil
}

// Readlink reads the symlink l from its filesystem.
func (w walker) Readlink(l loc, _ string) (string, error) {
	t, err := l.m.fsys.ReadlinkIfPossible(l.path)
	return t, bare(err)
}

// resolve walks name through the namespace. The caller holds n.mu.
func (n *FS) resolve(name string, follow bool) (vfs.Resolved[loc], error) {
	return vfs.Resolve[loc](walker{n}, n.cover(loc{m: n.root, path: "/"}), name, follow)
}

// find resolves name and requires it to exist. The caller holds n.mu.
func (n *FS) find(name string, follow bool) (vfs.Resolved[loc], error) {
	r, err := n.resolve(name, follow)
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	return r, err
}

// entryLoc returns the place of the final entry of r within the
// filesystem of its directory: the name as it stands there, not hidden by
// a mount.
func entryLoc(r *vfs.Resolved[loc]) loc {
	return loc{m: r.Dir.m, path: vfs.Join(r.Dir.path, r.Name)}
}

// parentDir returns the part of name before its final component, as the
// kernel splits a name for a call on the final entry: "." for a single
// component, "/" for the root.
func parentDir(name string) string {
	s := strings.TrimRight(name, "/")
	i := strings.LastIndexByte(s, '/')
	switch {
	case s == "" || i == 0:
		return "/"
	case i < 0:
		return "."
	}
	return s[:i]
}

// parentMount returns the mount holding the directory that name's final
// component is in. The caller holds n.mu and has resolved name's parents
// without error.
func (n *FS) parentMount(name string) (*mnt, error) {
	r, err := n.find(parentDir(name), true)
	if err != nil {
		return nil, err
	}
	return r.Node.m, nil
}

// bare reduces an error from an inner filesystem to what it wraps (an
// errno, or an error carrying one), for wrapping with the namespace's
// operation and path. An error without an errno becomes EIO with its
// message, so every error the namespace returns carries an errno.
func bare(err error) error {
	if err == nil {
		return nil
	}
	for {
		var next error
		switch e := err.(type) {
		case *fs.PathError:
			next = e.Err
		case *os.LinkError:
			next = e.Err
		case *os.SyscallError:
			next = e.Err
		}
		if next == nil {
			break
		}
		err = next
	}
	if vfs.Errno(err) == 0 {
		return &vfs.ErrnoError{Errno: syscall.EIO, Msg: err.Error()}
	}
	return err
}

// baseName returns the final element of the clean path p, "/" for the root.
func baseName(p string) string {
	if p == "/" {
		return "/"
	}
	return path.Base(p)
}

// lastName returns the final component of name as written.
func lastName(name string) string {
	name = strings.TrimRight(name, "/")
	if name == "" {
		return ""
	}
	return path.Base(name)
}
