// Package vfs holds the vocabulary shared by sandsh's filesystems: the FS
// interface that the shell and the builtins program against, path cleaning,
// errors that carry real errno values, and a component-by-component path
// resolver with POSIX symlink semantics.
//
// Paths in a vfs.FS are slash-separated. A relative path is taken relative
// to the filesystem's root, so "a/b" and "/a/b" name the same file.
package vfs

import (
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
)

// FS is a filesystem with the operations a POSIX shell needs. Every error it
// returns wraps a syscall.Errno, so errors.Is(err, fs.ErrNotExist) and
// errors.Is(err, syscall.ENOTEMPTY) both work.
type FS interface {
	afero.Fs
	afero.Symlinker
	Linker
	DirReader
}

// Linker is implemented by filesystems that support hard links.
type Linker interface {
	// Link makes newname a hard link to oldname. A final symlink in oldname
	// is not followed, as with linkat(2) without AT_SYMLINK_FOLLOW. Linking a
	// directory fails with EPERM.
	Link(oldname, newname string) error
}

// DirReader is implemented by filesystems that can list a directory cheaply.
type DirReader interface {
	// ReadDir returns the entries of the directory name sorted by name,
	// without "." and "..". A final symlink in name is followed.
	ReadDir(name string) ([]fs.DirEntry, error)
}

// Limits of path resolution, as on Linux.
const (
	// MaxSymlinkHops is the number of symlinks a single lookup may follow
	// before it fails with ELOOP.
	MaxSymlinkHops = 40
	// PathMax is the longest path accepted, in bytes.
	PathMax = 4096
	// NameMax is the longest path component accepted, in bytes.
	NameMax = 255
)

// Clean returns the shortest absolute slash path equivalent to name, by
// purely lexical processing (see path.Clean). It does not consult any
// filesystem, so it treats "link/.." as "." even where the kernel would not;
// use Resolve for lookups.
func Clean(name string) string {
	if name == "" || name[0] != '/' {
		name = "/" + name
	}
	return path.Clean(name)
}

// Join joins a clean absolute directory path and a single name.
func Join(dir, name string) string {
	if dir == "/" {
		return "/" + name
	}
	return dir + "/" + name
}

// Rel returns the clean absolute path p relative to the root, as "." for the
// root itself. It is what os.Root methods expect.
func Rel(p string) string {
	p = Clean(p)
	if p == "/" {
		return "."
	}
	return p[1:]
}

// HasPrefix reports whether the clean absolute path p is dir or lies below it.
func HasPrefix(p, dir string) bool {
	if dir == "/" {
		return true
	}
	return p == dir || strings.HasPrefix(p, dir+"/")
}

// PathError returns a *fs.PathError for op on path wrapping errno.
func PathError(op, path string, errno error) error {
	return &fs.PathError{Op: op, Path: path, Err: errno}
}

// LinkError returns an *os.LinkError for a two-path operation such as rename,
// link or symlink, wrapping errno.
func LinkError(op, oldname, newname string, errno error) error {
	return &os.LinkError{Op: op, Old: oldname, New: newname, Err: errno}
}

// Errno returns the syscall.Errno wrapped by err, or 0 when there is none.
func Errno(err error) syscall.Errno {
	for err != nil {
		if e, ok := err.(syscall.Errno); ok {
			return e
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return 0
		}
		err = u.Unwrap()
	}
	return 0
}

// StatT returns the *syscall.Stat_t behind fi, or nil when fi has none.
func StatT(fi fs.FileInfo) *syscall.Stat_t {
	if fi == nil {
		return nil
	}
	st, _ := fi.Sys().(*syscall.Stat_t)
	return st
}

// UnixMode converts a fs.FileMode into the st_mode bits of stat(2).
func UnixMode(m fs.FileMode) uint32 {
	u := uint32(m.Perm())
	switch {
	case m.IsDir():
		u |= syscall.S_IFDIR
	case m&fs.ModeSymlink != 0:
		u |= syscall.S_IFLNK
	case m&fs.ModeNamedPipe != 0:
		u |= syscall.S_IFIFO
	case m&fs.ModeSocket != 0:
		u |= syscall.S_IFSOCK
	case m&fs.ModeDevice != 0:
		if m&fs.ModeCharDevice != 0 {
			u |= syscall.S_IFCHR
		} else {
			u |= syscall.S_IFBLK
		}
	default:
		u |= syscall.S_IFREG
	}
	if m&fs.ModeSetuid != 0 {
		u |= syscall.S_ISUID
	}
	if m&fs.ModeSetgid != 0 {
		u |= syscall.S_ISGID
	}
	if m&fs.ModeSticky != 0 {
		u |= syscall.S_ISVTX
	}
	return u
}

// ChmodBits is the part of a mode that chmod(2) may change.
const ChmodBits = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// Timespec converts t to a syscall.Timespec.
func Timespec(t time.Time) syscall.Timespec {
	return syscall.NsecToTimespec(t.UnixNano())
}

// SortDirEntries sorts entries by name, in place, and returns them.
func SortDirEntries(entries []fs.DirEntry) []fs.DirEntry {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	return entries
}

// ErrnoError is an errno with a more specific message.
type ErrnoError struct {
	Errno syscall.Errno
	Msg   string
}

func (e *ErrnoError) Error() string { return e.Msg }

// Unwrap returns the errno, so errors.Is and Errno see it.
func (e *ErrnoError) Unwrap() error { return e.Errno }

// ErrSpecialFile is the error for opening a FIFO, socket or device, which a
// sandbox never does: opening a FIFO could block forever and a device could
// reach the host.
var ErrSpecialFile error = &ErrnoError{Errno: syscall.ENXIO, Msg: "special file (fifo, socket or device) cannot be opened in the sandbox"}

// Stepper is implemented by filesystems that can look names up one at a
// time from a directory found earlier. A namespace walking a path through
// such a filesystem keeps the node of each directory it passes, instead of
// resolving every prefix of the path from the root again.
type Stepper interface {
	// StepRoot returns the node of the root directory.
	StepRoot() (any, error)
	// Step looks up name in the directory node dir, whose clean path is
	// dirPath, without following a final symlink. It returns the entry's
	// node and mode. Nodes are only good until the filesystem next
	// changes.
	Step(dir any, dirPath, name string) (node any, mode fs.FileMode, err error)
}
