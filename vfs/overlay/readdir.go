package overlay

import (
	"io/fs"
	"os"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
)

// ReadDir returns the merged entries of the directory name, sorted by name:
// the upper entries, and the lower entries that are neither shadowed nor
// whited out. A final symlink in name is followed.
func (o *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	r, err := o.find(name, true)
	if err == nil && !r.Mode.IsDir() {
		err = syscall.ENOTDIR
	}
	var entries []fs.DirEntry
	if err == nil {
		entries, err = o.readDir(r.Node)
	}
	if err != nil {
		return nil, vfs.PathError("readdirent", name, err)
	}
	return entries, nil
}

// readDir lists the merged directory l. The caller holds o.mu.
func (o *FS) readDir(l loc) ([]fs.DirEntry, error) {
	if l.up == nil {
		return o.merge(nil, l.low, nil)
	}
	upper, err := o.upper.ReadDir(l.path)
	if err != nil {
		return nil, bare(err)
	}
	return o.merge(upper, l.lowerDir(), l.meta)
}

// merge lists the upper entries, then the entries of the lower directory
// low that no upper entry shadows and m does not hide. The caller holds
// o.mu.
func (o *FS) merge(upper []fs.DirEntry, low string, m *meta) ([]fs.DirEntry, error) {
	out := make([]fs.DirEntry, 0, len(upper))
	names := make(map[string]struct{}, len(upper))
	for _, e := range upper {
		fi, err := e.Info()
		if err != nil {
			continue
		}
		names[e.Name()] = struct{}{}
		out = append(out, &dirEntry{o: o, name: e.Name(), typ: e.Type(), up: fi})
	}
	if low == "" {
		return out, nil
	}
	f, err := o.openLowerDir(low)
	if err != nil {
		if e := vfs.Errno(err); e == syscall.ENOENT || e == syscall.ENOTDIR || e == syscall.ELOOP {
			return out, nil // gone from disk meanwhile
		}
		return nil, lowerErr(err)
	}
	entries, err := f.ReadDir(-1)
	f.Close()
	if err != nil {
		return nil, lowerErr(err)
	}
	for _, e := range entries {
		name := e.Name()
		if _, ok := names[name]; ok {
			continue
		}
		if m != nil && m.isHidden(name) {
			continue
		}
		if o.hiddenEntry(low, name, e.IsDir()) {
			continue
		}
		out = append(out, &dirEntry{o: o, name: name, typ: e.Type(), low: vfs.Join(low, name)})
	}
	return vfs.SortDirEntries(out), nil
}

// dirEntry is an entry of a merged listing. It refers to its upper inode or
// its lower path, never to a path in the view, so it stays right when the
// directory is renamed. Info stats it when asked.
type dirEntry struct {
	o    *FS
	name string
	typ  fs.FileMode
	up   fs.FileInfo // the upper entry, as listed
	low  string      // the lower path, for lower entries
}

func (e *dirEntry) Name() string      { return e.name }
func (e *dirEntry) IsDir() bool       { return e.typ.IsDir() }
func (e *dirEntry) Type() fs.FileMode { return e.typ }
func (e *dirEntry) String() string    { return fs.FormatDirEntry(e) }

// Info returns the entry's stat result.
func (e *dirEntry) Info() (fs.FileInfo, error) {
	o := e.o
	o.mu.RLock()
	defer o.mu.RUnlock()
	p := vfs.Join("/", e.name)
	if e.up != nil {
		return o.info(loc{path: p, up: e.up, meta: o.meta[inoOf(e.up)]})
	}
	fi, err := o.lowerLstat(e.low)
	if err != nil {
		return nil, vfs.PathError("lstat", e.name, lowerErr(err))
	}
	return o.info(loc{path: p, lowI: fi})
}

// openDir opens the merged directory l. An upper directory is held by its
// inode; a lower-only one is found again by path on the first read and
// must still be the same directory. The listing is taken on the first read,
// so offsets stay stable while the directory changes.
func (o *FS) openDir(name string, l loc) (vfs.File, error) {
	fi, err := o.info(l)
	if err != nil {
		return nil, err
	}
	d := &dirFile{o: o, name: name, path: l.path, info: fi, meta: l.meta}
	if l.up != nil {
		mf, err := o.upper.Open(l.path)
		if err != nil {
			return nil, bare(err)
		}
		d.mem = mf.(*memory.File)
	}
	return d, nil
}

// openLowerDir opens the lower directory p without following a symlink
// there: if the disk changed under the view and p is now a link, the view
// must not list what it points to.
func (o *FS) openLowerDir(p string) (*os.File, error) {
	fi, err := o.lowerLstat(p)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, syscall.ENOTDIR
	}
	return o.lowerOpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_DIRECTORY, 0)
}
