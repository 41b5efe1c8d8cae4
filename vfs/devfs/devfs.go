// Package devfs is the /dev directory of the sandbox: null and zero work
// as on Linux; stdin, stdout and stderr are character devices that the
// shell connects to each command's own streams (opening them here directly
// fails with ENXIO). Nothing here reaches a host device.
package devfs

import (
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// FS is the device directory. It implements vfs.FS; everything but
// opening the devices and writing to null and zero fails with EPERM or
// EROFS, as on a devtmpfs a script may not change.
type FS struct{ boot time.Time }

var _ vfs.FS = (*FS)(nil)

// New returns the device directory.
func New() *FS { return &FS{boot: time.Now()} }

type device struct {
	ino  uint64
	rdev uint64
}

// The devices, with Linux's numbers.
var devices = map[string]device{
	"null":   {ino: 3, rdev: 1<<8 | 3},
	"zero":   {ino: 4, rdev: 1<<8 | 5},
	"stdin":  {ino: 5, rdev: 136 << 8},
	"stdout": {ino: 6, rdev: 136 << 8},
	"stderr": {ino: 7, rdev: 136 << 8},
}

var errStream = &vfs.ErrnoError{Errno: syscall.ENXIO, Msg: "only usable in a shell redirection inside the sandbox"}

func (d *FS) lookup(op, name string) (string, error) {
	n := strings.Trim(path.Clean("/"+name), "/")
	if n == "" {
		return "", nil
	}
	if _, ok := devices[n]; !ok {
		return "", vfs.PathError(op, name, syscall.ENOENT)
	}
	return n, nil
}

// Name returns "devfs".
func (d *FS) Name() string { return "devfs" }

func (d *FS) info(n string) fs.FileInfo {
	fi := &info{name: n, mod: d.boot}
	switch n {
	case "":
		fi.name, fi.mode = "/", fs.ModeDir|0o755
		fi.st.Ino, fi.st.Nlink = 1, 2
	default:
		fi.mode = fs.ModeDevice | fs.ModeCharDevice | 0o666
		fi.st.Ino, fi.st.Nlink, fi.st.Rdev = devices[n].ino, 1, devices[n].rdev
	}
	fi.st.Mode = vfs.UnixMode(fi.mode)
	fi.st.Mtim = vfs.Timespec(d.boot)
	fi.st.Atim, fi.st.Ctim = fi.st.Mtim, fi.st.Mtim
	return fi
}

// Stat returns information about a device.
func (d *FS) Stat(name string) (fs.FileInfo, error) {
	n, err := d.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return d.info(n), nil
}

// LstatIfPossible returns information about a device or link.
func (d *FS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	n, err := d.lookup("lstat", name)
	if err != nil {
		return nil, true, err
	}
	return d.info(n), true, nil
}

// ReadlinkIfPossible fails: there are no links here.
func (d *FS) ReadlinkIfPossible(name string) (string, error) {
	if _, err := d.lookup("readlink", name); err != nil {
		return "", err
	}
	return "", vfs.PathError("readlink", name, syscall.EINVAL)
}

// ReadDir lists the devices.
func (d *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := d.lookup("readdirent", name)
	if err != nil {
		return nil, err
	}
	if n != "" {
		return nil, vfs.PathError("readdirent", name, syscall.ENOTDIR)
	}
	names := make([]string, 0, len(devices))
	for n := range devices {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]fs.DirEntry, len(names))
	for i, n := range names {
		out[i] = fs.FileInfoToDirEntry(d.info(n))
	}
	return out, nil
}

// Open opens a device for reading.
func (d *FS) Open(name string) (vfs.File, error) { return d.OpenFile(name, os.O_RDONLY, 0) }

// Create opens a device for writing; no file can be created.
func (d *FS) Create(name string) (vfs.File, error) {
	return d.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

// OpenFile opens null, zero or the directory.
func (d *FS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	n, err := d.lookup("open", name)
	if err != nil {
		if flag&os.O_CREATE != 0 && vfs.Errno(err) == syscall.ENOENT {
			return nil, vfs.PathError("open", name, syscall.EACCES)
		}
		return nil, err
	}
	switch n {
	case "null", "zero":
		return &file{fs: d, name: name, dev: n}, nil
	case "":
		if flag&(os.O_WRONLY|os.O_RDWR) != 0 {
			return nil, vfs.PathError("open", name, syscall.EISDIR)
		}
		return &file{fs: d, name: name}, nil
	}
	return nil, vfs.PathError("open", name, errStream)
}

func (d *FS) refuse(op, name string) error { return vfs.PathError(op, name, syscall.EPERM) }

// Mkdir fails: /dev cannot be changed.
func (d *FS) Mkdir(name string, _ fs.FileMode) error    { return d.refuse("mkdir", name) }
func (d *FS) MkdirAll(name string, _ fs.FileMode) error { return d.refuse("mkdir", name) }
func (d *FS) Remove(name string) error                  { return d.refuse("remove", name) }
func (d *FS) RemoveAll(name string) error               { return d.refuse("remove", name) }
func (d *FS) Rename(o, n string) error {
	return vfs.LinkError("rename", o, n, syscall.EPERM)
}
func (d *FS) Chmod(name string, _ fs.FileMode) error { return d.refuse("chmod", name) }
func (d *FS) Chown(name string, _, _ int) error      { return d.refuse("chown", name) }
func (d *FS) Chtimes(name string, _, _ time.Time) error {
	_, err := d.lookup("chtimes", name)
	return err // touch /dev/null succeeds, changing nothing
}
func (d *FS) SymlinkIfPossible(o, n string) error {
	return vfs.LinkError("symlink", o, n, syscall.EPERM)
}
func (d *FS) Link(o, n string) error { return vfs.LinkError("link", o, n, syscall.EPERM) }

// file is an open device or the open directory.
type file struct {
	fs   *FS
	name string
	dev  string
	pos  int
}

func (f *file) Name() string { return f.name }
func (f *file) Read(p []byte) (int, error) {
	switch f.dev {
	case "zero":
		clear(p)
		return len(p), nil
	case "null":
		return 0, io.EOF
	}
	return 0, vfs.PathError("read", f.name, syscall.EISDIR)
}
func (f *file) ReadAt(p []byte, _ int64) (int, error) { return f.Read(p) }
func (f *file) Write(p []byte) (int, error) {
	if f.dev == "" {
		return 0, vfs.PathError("write", f.name, syscall.EBADF)
	}
	return len(p), nil
}
func (f *file) WriteAt(p []byte, _ int64) (int, error) { return f.Write(p) }
func (f *file) WriteString(s string) (int, error)      { return f.Write([]byte(s)) }
func (f *file) Seek(int64, int) (int64, error)         { return 0, nil }
func (f *file) Truncate(int64) error                   { return nil }
func (f *file) Sync() error                            { return nil }
func (f *file) Close() error                           { return nil }
func (f *file) Stat() (fs.FileInfo, error)             { return f.fs.info(f.dev), nil }
func (f *file) ReadDir(count int) ([]fs.DirEntry, error) {
	if f.dev != "" {
		return nil, vfs.PathError("readdirent", f.name, syscall.ENOTDIR)
	}
	all, _ := f.fs.ReadDir("/")
	return vfs.NextEntries(all, &f.pos, count)
}
func (f *file) Readdir(count int) ([]fs.FileInfo, error) { return vfs.Readdir(f, count) }
func (f *file) Readdirnames(count int) ([]string, error) { return vfs.Readdirnames(f, count) }

type info struct {
	name string
	mode fs.FileMode
	mod  time.Time
	st   syscall.Stat_t
}

func (i *info) Name() string       { return i.name }
func (i *info) Size() int64        { return i.st.Size }
func (i *info) Mode() fs.FileMode  { return i.mode }
func (i *info) ModTime() time.Time { return i.mod }
func (i *info) IsDir() bool        { return i.mode.IsDir() }
func (i *info) Sys() any           { return &i.st }
