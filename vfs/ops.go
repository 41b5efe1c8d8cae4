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
// EINVAL. Unlike os.RemoveAll, which empties the parent directory before
// failing, a name whose last component is ".." is refused with EINVAL too.
func RemoveAll(fsys FS, name string) error {
	if name == "" {
		return nil
	}
	if name == "." || strings.HasSuffix(name, "/.") || lastName(name) == ".." {
		return PathError("RemoveAll", name, syscall.EINVAL)
	}
	err := fsys.Remove(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	// Like os.RemoveAll, go on from the name without its trailing slashes,
	// so a symlink is removed and not followed.
	base := strings.TrimRight(name, "/")
	if base == "" {
		base = "/"
	}
	return removeAllFrom(fsys, base)
}

func removeAllFrom(fsys FS, name string) error {
	fi, _, err := fsys.LstatIfPossible(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	if fi.IsDir() {
		entries, err := fsys.ReadDir(name)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		var first error
		for _, e := range entries {
			if err := removeAllFrom(fsys, strings.TrimRight(name, "/")+"/"+e.Name()); err != nil && first == nil {
				first = err
			}
		}
		if err := fsys.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
			if first != nil {
				return first
			}
			return err
		}
		return nil
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

// RemoveCheck applies the checks of os.Remove (unlink, then rmdir) that do
// not depend on the filesystem, once name has been resolved without
// following a final symlink. root is set when name is the root. The caller
// still checks that a directory is empty.
func RemoveCheck(name string, exists, root bool, mode fs.FileMode, trailing bool) error {
	switch lastName(name) {
	case ".":
		return syscall.EINVAL
	case "..":
		return syscall.ENOTEMPTY
	}
	switch {
	case !exists:
		return syscall.ENOENT
	case root:
		return syscall.EBUSY
	case trailing && !mode.IsDir():
		return syscall.ENOTDIR
	}
	return nil
}

// LinkCheck applies the checks of link(2) on the new name, in the kernel's
// order, once the old name has been found (with mode oldMode) and the new
// one resolved without following a final symlink.
func LinkCheck(newExists, newTrailing bool, oldMode fs.FileMode) error {
	switch {
	case newExists:
		return syscall.EEXIST
	case newTrailing:
		return syscall.ENOENT
	case oldMode.IsDir():
		return syscall.EPERM
	}
	return nil
}

// IsDots reports whether the last component of name is ".", "..", or the
// root itself, which the kernel treats apart from ordinary names.
func IsDots(name string) bool {
	switch lastName(name) {
	case "", ".", "..":
		return true
	}
	return false
}

// CreateSlash reports whether open(2) with O_CREAT fails with EISDIR
// because name ends in a slash: when the final component is an ordinary
// name, before that name is even looked up. err is the error resolving it.
func CreateSlash(name string, err error) bool {
	return TrailingSlash(name) && !IsDots(name) && (err == nil || FinalTooLong(name, err))
}

// FinalTooLong reports whether err is Resolve's ENAMETOOLONG for the final
// component of name. The kernel finds that only when it looks the final
// name up, after the checks made on the parent, so callers that check
// something first (EBUSY for rename, EISDIR for open with O_CREAT and a
// trailing slash) put those checks before it.
func FinalTooLong(name string, err error) bool {
	return Errno(err) == syscall.ENAMETOOLONG && len(lastName(name)) > NameMax
}

// FirstRenameErr picks the error rename(2) reports when resolving the old
// or new name failed. The kernel walks both parents first, then refuses a
// final ".", ".." or root with EBUSY, and only then looks the final names
// up (the old one first), which is where an over-long final component, or
// a missing old name, is found.
func FirstRenameErr(oldname, newname string, oldExists bool, oldErr, newErr error) error {
	switch {
	case oldErr != nil && !FinalTooLong(oldname, oldErr):
		return oldErr
	case newErr != nil && !FinalTooLong(newname, newErr):
		return newErr
	case oldErr == nil && newErr == nil:
		return nil
	}
	if IsDots(oldname) || IsDots(newname) {
		return syscall.EBUSY
	}
	switch {
	case oldErr != nil:
		return oldErr
	case !oldExists:
		return syscall.ENOENT
	}
	return newErr
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
