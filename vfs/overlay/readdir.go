package overlay

import (
	"io/fs"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
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
	var out []fs.DirEntry
	var upperNames map[string]struct{}
	if l.up != nil {
		entries, err := o.upper.ReadDir(l.path)
		if err != nil {
			return nil, bare(err)
		}
		upperNames = make(map[string]struct{}, len(entries))
		for _, e := range entries {
			upperNames[e.Name()] = struct{}{}
			out = append(out, &dirEntry{o: o, path: vfs.Join(l.path, e.Name()), typ: e.Type()})
		}
	}
	if ld := l.lowerDir(); ld != "" {
		f, err := o.lower.Open(vfs.Rel(ld))
		if err != nil {
			if vfs.Errno(err) == syscall.ENOENT {
				return vfs.SortDirEntries(out), nil // gone from disk meanwhile
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
			if _, ok := upperNames[name]; ok {
				continue
			}
			if l.meta != nil && l.meta.isHidden(name) {
				continue
			}
			out = append(out, &dirEntry{o: o, path: vfs.Join(l.path, name), typ: e.Type()})
		}
	}
	return vfs.SortDirEntries(out), nil
}

// dirEntry is an entry of a merged listing. Info stats it when asked.
type dirEntry struct {
	o    *FS
	path string
	typ  fs.FileMode
}

func (e *dirEntry) Name() string               { return baseName(e.path) }
func (e *dirEntry) IsDir() bool                { return e.typ.IsDir() }
func (e *dirEntry) Type() fs.FileMode          { return e.typ }
func (e *dirEntry) Info() (fs.FileInfo, error) { return e.o.Lstat(e.path) }
func (e *dirEntry) String() string             { return fs.FormatDirEntry(e) }
