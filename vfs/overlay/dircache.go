package overlay

import (
	"io/fs"
	"os"
	"path"
	"sync"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// The lower directory is read through an os.Root, which walks every
// component of a path on each call: a stat deep in the tree costs two
// system calls per level. dirRoots keeps an os.Root for each lower
// directory recently used, opened through its parent's, so a stat or open
// of an entry costs one call whatever its depth. Each Root stays confined
// to the project as os.Root guarantees.
//
// A cached Root follows its directory if a host process renames it while
// the cache holds it; DropCaches, which the shell calls at the start of
// every run, bounds how long that can last.

// maxDirRoots caps the cache; past it the cache starts afresh (the Roots
// dropped are closed by the garbage collector, as a handle may still be
// in use).
const maxDirRoots = 1024

type dirRoots struct {
	mu sync.Mutex
	m  map[string]*os.Root // by lower directory path
}

// DropCaches forgets the directory handles the overlay keeps open on the
// lower directory.
func (o *FS) DropCaches() {
	o.roots.mu.Lock()
	o.roots.m = nil
	o.roots.mu.Unlock()
}

// dirRoot returns an os.Root of the lower directory dir (a clean absolute
// lower path).
func (o *FS) dirRoot(dir string) (*os.Root, error) {
	if dir == "/" {
		return o.lower, nil
	}
	o.roots.mu.Lock()
	r, ok := o.roots.m[dir]
	o.roots.mu.Unlock()
	if ok {
		return r, nil
	}
	parent, err := o.dirRoot(path.Dir(dir))
	if err != nil {
		return nil, err
	}
	fi, err := parent.Lstat(path.Base(dir))
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: syscall.ENOTDIR}
	}
	r, err = parent.OpenRoot(path.Base(dir))
	if err != nil {
		return nil, err
	}
	o.roots.mu.Lock()
	if o.roots.m == nil || len(o.roots.m) >= maxDirRoots {
		o.roots.m = map[string]*os.Root{}
	}
	if old, ok := o.roots.m[dir]; ok {
		r.Close()
		r = old
	} else {
		o.roots.m[dir] = r
	}
	o.roots.mu.Unlock()
	return r, nil
}

// lowerLstat is o.lower.Lstat of the lower path p through the cache.
func (o *FS) lowerLstat(p string) (fs.FileInfo, error) {
	p = vfs.Clean(p)
	if p == "/" {
		return o.lower.Lstat(".")
	}
	r, err := o.dirRoot(path.Dir(p))
	if err != nil {
		return nil, err
	}
	return r.Lstat(path.Base(p))
}

// lowerOpenFile is o.lower.OpenFile of the lower path p through the cache.
func (o *FS) lowerOpenFile(p string, flag int, perm fs.FileMode) (*os.File, error) {
	p = vfs.Clean(p)
	if p == "/" {
		return o.lower.OpenFile(".", flag, perm)
	}
	r, err := o.dirRoot(path.Dir(p))
	if err != nil {
		return nil, err
	}
	return r.OpenFile(path.Base(p), flag, perm)
}

// lowerReadlink is o.lower.Readlink of the lower path p through the cache.
func (o *FS) lowerReadlink(p string) (string, error) {
	p = vfs.Clean(p)
	r, err := o.dirRoot(path.Dir(p))
	if err != nil {
		return "", err
	}
	return r.Readlink(path.Base(p))
}
