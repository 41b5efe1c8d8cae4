// Package overlay is a copy-on-write view of a real directory.
//
// The root "/" of the view is the directory given to New. Reads come from
// the directory on disk; every change (write, create, delete, rename,
// chmod, chtimes, link) lands in an in-memory upper layer (a memory.FS), so
// the directory is never modified. Deleting a lower entry records a whiteout
// in an in-memory set kept on its parent directory; a directory deleted and
// created again is opaque, so the old lower children stay hidden.
//
// Files are copied up lazily. Opening a lower file for writing makes an
// upper inode that still shares the lower bytes (a metacopy, as overlayfs
// calls it); the bytes are copied on the first real write, or not at all if
// the file is truncated first. Renaming a lower file or directory moves only
// that metadata: a renamed directory keeps merging the lower directory it
// came from, without its children being read.
//
// Every host access goes through an os.Root opened on the canonical lower
// directory, and symlinks are resolved by the overlay itself, component by
// component, with absolute targets starting from the view's root. No path
// or symlink can leave the directory.
package overlay

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
	"github.com/sandsh/sandsh/vfs/policy"
)

// upperInodeBase is added to upper inode numbers, so they never collide with
// the inode numbers of lower files.
const upperInodeBase = 1 << 62

// FS is a copy-on-write view of a directory. It implements vfs.FS and is
// safe for use by many goroutines at once.
type FS struct {
	mu       sync.RWMutex
	dir      string
	lower    *os.Root
	upper    *memory.FS
	meta     map[uint64]*meta // by upper inode number
	dev      uint64
	readOnly bool

	smu    sync.Mutex
	shared map[string]*shared // by lower path, while read handles are open

	base *bases
	cfg  config
	// gen counts the times the tree may have changed, for Step's nodes.
	gen atomic.Uint64
	// roots caches handles on lower directories.
	roots dirRoots
}

// shared ties the read-only handles open on one lower file to the upper
// copy of that file, once there is one, so they see its writes as handles
// on one inode do.
type shared struct {
	refs  int
	upper *memory.File // a read handle on the upper inode, once copied up
}

var _ vfs.FS = (*FS)(nil)

// meta is what the overlay knows about an upper inode beyond what the
// memory filesystem stores.
type meta struct {
	// lower is the lower path merged with this inode. For a directory it is
	// the lower directory whose entries show through, "" if none (opaque).
	// For a regular file it is the lower file whose bytes the inode still
	// shares, "" once the bytes have been copied up.
	lower string
	// hidden holds, for a directory, the names of lower entries that were
	// deleted: the whiteouts.
	hidden map[string]struct{}
	// origin is, for a regular file copied up from the lower layer, the
	// lower path it came from, kept after its bytes are copied.
	origin string
	// ino is the inode number to report, kept from the lower file the
	// inode was copied from; 0 for inodes born in the upper layer.
	ino uint64
}

func (m *meta) isHidden(name string) bool {
	_, ok := m.hidden[name]
	return ok
}

func (m *meta) hide(name string) {
	if m.hidden == nil {
		m.hidden = map[string]struct{}{}
	}
	m.hidden[name] = struct{}{}
}

// An Option configures New.
type Option func(*config)

type config struct {
	umask  fs.FileMode
	limit  int64
	policy *policy.Policy
}

// WithUmask sets the file mode creation mask for new files and directories.
// The default is 022.
func WithUmask(mask fs.FileMode) Option { return func(c *config) { c.umask = mask } }

// WithUpperLimit caps the bytes of file contents held in memory. Writes past
// it fail with ENOSPC. Zero means no limit.
func WithUpperLimit(bytes int64) Option { return func(c *config) { c.limit = bytes } }

// New returns a copy-on-write view of dir. The directory is canonicalised
// once, with its symlinks resolved, and opened as an os.Root; it must exist.
func New(dir string, opts ...Option) (*FS, error) {
	c := config{umask: 0o022}
	for _, o := range opts {
		o(&c)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	canon, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	root, err := os.OpenRoot(canon)
	if err != nil {
		return nil, err
	}
	fi, err := root.Stat(".")
	if err != nil {
		root.Close()
		return nil, err
	}
	if !fi.IsDir() {
		root.Close()
		return nil, vfs.PathError("overlay", canon, syscall.ENOTDIR)
	}
	var dev uint64
	if st := vfs.StatT(fi); st != nil {
		dev = st.Dev
	}
	o := &FS{
		dir:    canon,
		lower:  root,
		dev:    dev,
		shared: map[string]*shared{},
		base:   &bases{},
		cfg:    c,
	}
	if err := o.newUpper(); err != nil {
		return nil, err
	}
	return o, nil
}

// newUpper gives the overlay an empty upper layer. The caller holds o.mu
// or owns o alone.
func (o *FS) newUpper() error {
	o.upper = memory.New(memory.WithUmask(o.cfg.umask), memory.WithLimit(o.cfg.limit),
		memory.WithInodeBase(upperInodeBase), memory.WithDevice(o.dev))
	o.meta = map[uint64]*meta{}
	fi, err := o.lower.Lstat(".")
	if err != nil {
		return lowerErr(err)
	}
	o.base.note("/", fi)
	// The upper root stands for the lower root: copy its attributes.
	rootInfo, err := o.upper.Lstat("/")
	if err != nil {
		return err
	}
	o.meta[inoOf(rootInfo)] = &meta{lower: "/", ino: inoOf(fi)}
	return o.copyAttrs("/", fi)
}

// Reset drops every change: the view is the lower directory as it is now
// on disk. Files still open keep what they had.
func (o *FS) Reset() error {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	o.base.reset()
	o.DropCaches()
	ro := o.readOnly
	if err := o.newUpper(); err != nil {
		return err
	}
	o.upper.SetReadOnly(ro)
	return nil
}

// Fork returns a second overlay of the same lower directory holding a copy
// of this one's changes. The copy is cheap: the upper layer is cloned with
// its file contents shared page by page until either side writes. The two
// change independently from then on. Fork fails while the overlay is
// read-only only if the lower directory cannot be reopened.
func (o *FS) Fork() (*FS, error) {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	root, err := o.lower.OpenRoot(".")
	if err != nil {
		return nil, err
	}
	f := &FS{
		dir:    o.dir,
		lower:  root,
		upper:  o.upper.Clone(),
		meta:   make(map[uint64]*meta, len(o.meta)),
		dev:    o.dev,
		shared: map[string]*shared{},
		base:   o.base.clone(),
		cfg:    o.cfg,
	}
	f.upper.SetReadOnly(false)
	for ino, m := range o.meta {
		c := *m
		if m.hidden != nil {
			c.hidden = make(map[string]struct{}, len(m.hidden))
			for k := range m.hidden {
				c.hidden[k] = struct{}{}
			}
		}
		f.meta[ino] = &c
	}
	return f, nil
}

// Name returns "overlay".
func (o *FS) Name() string { return "overlay" }

// Dir returns the canonical path of the lower directory.
func (o *FS) Dir() string { return o.dir }

// Close releases the lower directory. The FS must not be used afterwards.
func (o *FS) Close() error { return o.lower.Close() }

// SetReadOnly makes every later change fail with EROFS, through paths and
// through files already open, or lifts that. A shell freezes the overlay
// when a run ends, so background work left behind cannot change it.
func (o *FS) SetReadOnly(ro bool) {
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	o.readOnly = ro
	o.upper.SetReadOnly(ro)
}

// UpperBytes returns the bytes of file contents held in the upper layer.
func (o *FS) UpperBytes() int64 { return o.upper.Held() }

func inoOf(fi fs.FileInfo) uint64 {
	if st := vfs.StatT(fi); st != nil {
		return st.Ino
	}
	return 0
}

// loc is one entry of the merged view, as the walk finds it.
type loc struct {
	path string      // canonical path in the view
	up   fs.FileInfo // the upper entry, nil if none
	meta *meta       // its meta, nil if none
	low  string      // the lower path backing the entry, "" if none
	lowI fs.FileInfo // lstat of low, for entries with no upper part
}

func (l *loc) mode() fs.FileMode {
	if l.up != nil {
		return l.up.Mode()
	}
	return l.lowI.Mode()
}

// lowerDir returns the lower directory merged beneath the directory l.
func (l *loc) lowerDir() string {
	if l.up == nil {
		return l.low
	}
	if l.meta == nil {
		return ""
	}
	return l.meta.lower
}

// lowerOnly reports whether l is a lower entry seen at its own path, with
// nothing of the upper layer in or above it that could make it differ.
func (l *loc) lowerOnly() bool { return l.up == nil && l.low == l.path }

// walker adapts the merged view to vfs.Resolve. The caller holds o.mu.
type walker struct{ o *FS }

func (w walker) Lookup(dir loc, dirPath, name string) (loc, fs.FileMode, error) {
	o := w.o
	if !dir.mode().IsDir() {
		return loc{}, 0, syscall.ENOTDIR
	}
	p := vfs.Join(dirPath, name)
	lowerDir := dir.low
	if dir.up != nil {
		lowerDir = ""
		if m := dir.meta; m != nil && m.lower != "" && !m.isHidden(name) {
			lowerDir = m.lower
		}
		fi, err := o.upper.Lstat(p)
		if err == nil {
			return o.upperLoc(p, fi), fi.Mode(), nil
		}
		if vfs.Errno(err) != syscall.ENOENT {
			return loc{}, 0, err
		}
	}
	if lowerDir == "" {
		return loc{}, 0, syscall.ENOENT
	}
	lp := vfs.Join(lowerDir, name)
	fi, err := o.lowerLstat(lp)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			o.base.noteAbsent(lp)
		}
		return loc{}, 0, lowerErr(err)
	}
	if o.hiddenLower(lp, fi.IsDir()) {
		return loc{}, 0, syscall.ENOENT
	}
	o.base.note(lp, fi)
	return loc{path: p, low: lp, lowI: fi}, fi.Mode(), nil
}

func (w walker) Readlink(l loc, p string) (string, error) {
	if l.up != nil {
		return w.o.upper.Readlink(p)
	}
	t, err := w.o.lowerReadlink(l.low)
	return t, lowerErr(err)
}

// upperLoc describes the upper entry fi found at p.
func (o *FS) upperLoc(p string, fi fs.FileInfo) loc {
	l := loc{path: p, up: fi, meta: o.meta[inoOf(fi)]}
	if l.meta != nil && (fi.IsDir() || fi.Mode().IsRegular()) {
		l.low = l.meta.lower
	}
	return l
}

// lowerErr reduces an error from the lower root to its errno, keeping
// anything unexpected (such as an escape attempt caught by os.Root) as EIO
// with its message.
func lowerErr(err error) error {
	if err == nil {
		return nil
	}
	if e := vfs.Errno(err); e != 0 {
		return e
	}
	return &vfs.ErrnoError{Errno: syscall.EIO, Msg: fmt.Sprintf("lower directory: %v", err)}
}

func (o *FS) rootLoc() loc {
	fi, _ := o.upper.Lstat("/")
	return o.upperLoc("/", fi)
}

// resolve walks name through the merged view. The caller holds o.mu.
func (o *FS) resolve(name string, follow bool) (vfs.Resolved[loc], error) {
	return vfs.Resolve[loc](walker{o}, o.rootLoc(), name, follow)
}

// find resolves name and requires it to exist.
func (o *FS) find(name string, follow bool) (vfs.Resolved[loc], error) {
	r, err := o.resolve(name, follow)
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	return r, err
}

// lookupChild returns the entry name in the directory at dir, if any.
func (o *FS) lookupChild(dir loc, name string) (loc, bool) {
	l, _, err := walker{o}.Lookup(dir, dir.path, name)
	return l, err == nil
}

// Stat returns information about name, following symlinks.
func (o *FS) Stat(name string) (fs.FileInfo, error) { return o.stat("stat", name, true) }

// Lstat returns information about name without following a final symlink.
func (o *FS) Lstat(name string) (fs.FileInfo, error) { return o.stat("lstat", name, false) }

// LstatIfPossible is Lstat; the bool is always true.
func (o *FS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, err := o.Lstat(name)
	return fi, true, err
}

func (o *FS) stat(op, name string, follow bool) (fs.FileInfo, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	r, err := o.find(name, follow || vfs.TrailingSlash(name))
	if err != nil {
		return nil, vfs.PathError(op, name, err)
	}
	fi, err := o.info(r.Node)
	if err != nil {
		return nil, vfs.PathError(op, name, err)
	}
	return fi, nil
}

// ReadlinkIfPossible returns the target of the symlink name.
func (o *FS) ReadlinkIfPossible(name string) (string, error) { return o.Readlink(name) }

// Readlink returns the target of the symlink name, or EINVAL if name is not
// a symlink.
func (o *FS) Readlink(name string) (string, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	r, err := o.find(name, vfs.TrailingSlash(name))
	if err == nil && r.Mode&fs.ModeSymlink == 0 {
		err = syscall.EINVAL
	}
	var target string
	if err == nil {
		target, err = walker{o}.Readlink(r.Node, r.Path())
	}
	if err != nil {
		return "", vfs.PathError("readlink", name, err)
	}
	return target, nil
}

// bare reduces err to its errno when it has one, for wrapping with the
// caller's operation and path. It keeps nil as nil.
func bare(err error) error {
	if err == nil {
		return nil
	}
	if e := vfs.Errno(err); e != 0 {
		return e
	}
	return err
}

// stepNode is an entry found by Step, valid while gen is unchanged.
type stepNode struct {
	l   loc
	gen uint64
}

// StepRoot returns the node of the view's root, for vfs.Stepper.
func (o *FS) StepRoot() (any, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	return stepNode{l: o.rootLoc(), gen: o.gen.Load()}, nil
}

// Step looks up name in the directory node dir at dirPath, for
// vfs.Stepper: one lower stat at most, however deep the directory. A node
// from before a change of the tree is found again from dirPath.
func (o *FS) Step(dir any, dirPath, name string) (any, fs.FileMode, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	gen := o.gen.Load()
	d, ok := dir.(stepNode)
	if !ok || d.gen != gen {
		r, err := o.find(dirPath, false)
		if err != nil {
			return nil, 0, err
		}
		d = stepNode{l: r.Node, gen: gen}
	}
	l, mode, err := walker{o}.Lookup(d.l, dirPath, name)
	if err != nil {
		return nil, 0, err
	}
	return stepNode{l: l, gen: gen}, mode, nil
}
