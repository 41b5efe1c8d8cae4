package vfs

import (
	"io/fs"
	"syscall"
)

// pathWalker walks any FS through its Lstat and Readlink, with paths as
// nodes.
type pathWalker struct{ fsys FS }

func (w pathWalker) Lookup(dir string, dirPath, name string) (string, fs.FileMode, error) {
	p := Join(dirPath, name)
	fi, _, err := w.fsys.LstatIfPossible(p)
	if err != nil {
		if e := Errno(err); e != 0 {
			return "", 0, e
		}
		return "", 0, err
	}
	return p, fi.Mode(), nil
}

func (w pathWalker) Readlink(_ string, p string) (string, error) {
	return w.fsys.ReadlinkIfPossible(p)
}

// Realpath returns the canonical path of name in fsys: absolute, with no
// ".", ".." or symlink left, as realpath(3) does. Every component must
// exist.
func Realpath(fsys FS, name string) (string, error) {
	r, err := Resolve[string](pathWalker{fsys}, "/", name, true)
	if err == nil && !r.Exists {
		err = syscall.ENOENT
	}
	if err != nil {
		return "", PathError("realpath", name, err)
	}
	return r.Path(), nil
}
