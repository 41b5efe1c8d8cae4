package vfs

import (
	"errors"
	"io/fs"
	"strings"
	"syscall"

	"github.com/spf13/afero"
)

// File is an open file of a vfs.FS.
type File = afero.File

// MkdirAll creates the directory name and any missing parents in fsys with
// the semantics of os.MkdirAll: it follows symlinks to directories, succeeds
// if name is already a directory, and fails with ENOTDIR if it is not.
func MkdirAll(fsys afero.Fs, name string, perm fs.FileMode) error {
	if fi, err := fsys.Stat(name); err == nil {
		if fi.IsDir() {
			return nil
		}
		return PathError("mkdir", name, syscall.ENOTDIR)
	}
	i := len(name)
	for i > 0 && name[i-1] == '/' {
		i--
	}
	j := i
	for j > 0 && name[j-1] != '/' {
		j--
	}
	if j > 1 {
		if err := MkdirAll(fsys, name[:j-1], perm); err != nil {
			return err
		}
	}
	if err := fsys.Mkdir(name, perm); err != nil {
		if fi, lerr := lstat(fsys, name); lerr == nil && fi.IsDir() {
			return nil
		}
		return err
	}
	return nil
}

// RemoveAll removes name and everything below it from fsys with the
// semantics of os.RemoveAll: a missing name is not an error, a final symlink
// is removed rather than followed, and a name ending in "." is refused with
// EINVAL.
func RemoveAll(fsys FS, name string) error {
	if name == "" {
		return nil
	}
	if name == "." || strings.HasSuffix(name, "/.") {
		return PathError("RemoveAll", name, syscall.EINVAL)
	}
	err := fsys.Remove(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	fi, _, lerr := fsys.LstatIfPossible(name)
	if lerr != nil {
		if errors.Is(lerr, fs.ErrNotExist) {
			return nil
		}
		return lerr
	}
	if !fi.IsDir() {
		return err
	}
	entries, err := fsys.ReadDir(name)
	if err != nil {
		return err
	}
	base := strings.TrimRight(name, "/")
	for _, e := range entries {
		if err := RemoveAll(fsys, base+"/"+e.Name()); err != nil {
			return err
		}
	}
	if err := fsys.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func lstat(fsys afero.Fs, name string) (fs.FileInfo, error) {
	if l, ok := fsys.(afero.Lstater); ok {
		fi, _, err := l.LstatIfPossible(name)
		return fi, err
	}
	return fsys.Stat(name)
}

// lastName returns the final component of name as written.
func lastName(name string) string {
	name = strings.TrimRight(name, "/")
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func trailingSlash(name string) bool {
	return len(name) > 1 && name[len(name)-1] == '/'
}

// RenameCheck applies the checks of rename(2) that do not depend on the
// filesystem, in the kernel's order, once both names have been resolved
// without following a final symlink. oldPath and newPath are the canonical
// paths; the modes are valid when the entry exists. A nil result with
// oldPath == newPath means the rename is a no-op.
func RenameCheck(oldname, newname, oldPath, newPath string, oldExists, newExists bool, oldMode, newMode fs.FileMode) error {
	switch lastName(oldname) {
	case "", ".", "..":
		return syscall.EBUSY
	}
	switch lastName(newname) {
	case "", ".", "..":
		return syscall.EBUSY
	}
	if !oldExists {
		return syscall.ENOENT
	}
	if !oldMode.IsDir() && (trailingSlash(oldname) || trailingSlash(newname)) {
		return syscall.ENOTDIR
	}
	if oldPath == newPath {
		return nil
	}
	if HasPrefix(newPath, oldPath) {
		return syscall.EINVAL
	}
	if HasPrefix(oldPath, newPath) {
		return syscall.ENOTEMPTY
	}
	if newExists {
		switch {
		case oldMode.IsDir() && !newMode.IsDir():
			return syscall.ENOTDIR
		case !oldMode.IsDir() && newMode.IsDir():
			return syscall.EISDIR
		}
	}
	return nil
}
