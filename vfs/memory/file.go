package memory

import (
	"io"
	"io/fs"
	"os"
	"path"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// File is an open file of an FS. It refers to its inode, not its name, so
// it keeps working after the name is removed or renamed. A File is safe for
// use by several goroutines, though they share one offset.
type File struct {
	fs     *FS
	node   *inode
	name   string
	flag   int
	off    int64
	closed bool
	dir    []fs.DirEntry // snapshot for Readdir, taken on first call
	dirPos int
}

var _ vfs.File = (*File)(nil)

// Name returns the name the file was opened with.
func (f *File) Name() string { return f.name }

func (f *File) readable() bool { return f.flag&(os.O_WRONLY|os.O_RDWR) != os.O_WRONLY }
func (f *File) writable() bool { return f.flag&(os.O_WRONLY|os.O_RDWR) != 0 }

func (f *File) err(op string, errno error) error { return vfs.PathError(op, f.name, errno) }

// check returns the error for an operation of kind op on f, if any.
func (f *File) check(op string, write bool) error {
	switch {
	case f.closed:
		return f.err(op, os.ErrClosed)
	case write && !f.writable(), !write && !f.readable():
		return f.err(op, syscall.EBADF)
	case write && f.fs.frozen:
		return f.err(op, syscall.EROFS)
	case f.node.isDir():
		return f.err(op, syscall.EISDIR)
	}
	return nil
}

// Read reads from the current offset.
func (f *File) Read(p []byte) (int, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if err := f.check("read", false); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	n := f.node.data.readAt(p, f.off)
	f.off += int64(n)
	if n == 0 {
		return 0, io.EOF
	}
	return n, nil
}

// ReadAt reads at off without moving the offset.
func (f *File) ReadAt(p []byte, off int64) (int, error) {
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if err := f.check("read", false); err != nil {
		return 0, err
	}
	if off < 0 {
		return 0, f.err("readat", syscall.EINVAL)
	}
	n := f.node.data.readAt(p, off)
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}

// Write writes at the current offset, or at the end in append mode.
func (f *File) Write(p []byte) (int, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if err := f.check("write", true); err != nil {
		return 0, err
	}
	if f.flag&os.O_APPEND != 0 {
		f.off = f.node.data.size
	}
	if err := f.writeLocked(p, f.off); err != nil {
		return 0, err
	}
	f.off += int64(len(p))
	return len(p), nil
}

// WriteAt writes at off without moving the offset. As with os.File, it is
// refused on a file opened with O_APPEND.
func (f *File) WriteAt(p []byte, off int64) (int, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if err := f.check("write", true); err != nil {
		return 0, err
	}
	if off < 0 || f.flag&os.O_APPEND != 0 {
		return 0, f.err("writeat", syscall.EINVAL)
	}
	if err := f.writeLocked(p, off); err != nil {
		return 0, err
	}
	return len(p), nil
}

// WriteString writes s at the current offset.
func (f *File) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *File) writeLocked(p []byte, off int64) error {
	if len(p) == 0 {
		return nil
	}
	if off+int64(len(p)) < off {
		return f.err("write", syscall.EFBIG)
	}
	if err := f.fs.reserve(f.node.data.grow(len(p), off)); err != nil {
		return f.err("write", err)
	}
	f.node.data.writeAt(p, off)
	t := f.fs.now()
	f.node.mtime, f.node.ctime = t, t
	return nil
}

// reserve accounts for extra bytes of contents, or fails with ENOSPC.
func (m *FS) reserve(extra int64) error {
	if m.limit > 0 && m.held+extra > m.limit {
		return syscall.ENOSPC
	}
	m.held += extra
	return nil
}

// Reopen returns a second handle on the same inode with flag's access mode
// and O_APPEND, as opening /proc/self/fd/N would. It works after the name
// the file was opened with is gone.
func (f *File) Reopen(flag int) (*File, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if f.closed {
		return nil, f.err("reopen", os.ErrClosed)
	}
	if f.fs.frozen && flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		return nil, f.err("reopen", syscall.EROFS)
	}
	f.node.opens++
	return &File{fs: f.fs, node: f.node, name: f.name, flag: flag &^ (os.O_CREATE | os.O_EXCL | os.O_TRUNC)}, nil
}

// Seek sets the offset for the next Read or Write.
func (f *File) Seek(offset int64, whence int) (int64, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if f.closed {
		return 0, f.err("seek", os.ErrClosed)
	}
	var base int64
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		base = f.off
	case io.SeekEnd:
		base = f.node.data.size
	default:
		return 0, f.err("seek", syscall.EINVAL)
	}
	if base+offset < 0 {
		return 0, f.err("seek", syscall.EINVAL)
	}
	f.off = base + offset
	if f.node.isDir() && f.off == 0 {
		f.dir, f.dirPos = nil, 0
	}
	return f.off, nil
}

// Truncate changes the size of the file. The file must be open for writing.
func (f *File) Truncate(size int64) error {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	switch {
	case f.closed:
		return f.err("truncate", os.ErrClosed)
	case !f.writable() || size < 0:
		return f.err("truncate", syscall.EINVAL)
	case f.fs.frozen:
		return f.err("truncate", syscall.EROFS)
	case f.node.isDir():
		return f.err("truncate", syscall.EISDIR)
	}
	if size != f.node.data.size {
		f.fs.held -= f.node.data.truncate(size)
	}
	t := f.fs.now()
	f.node.mtime, f.node.ctime = t, t
	return nil
}

// Stat returns information about the open file.
func (f *File) Stat() (fs.FileInfo, error) {
	f.fs.mu.RLock()
	defer f.fs.mu.RUnlock()
	if f.closed {
		return nil, f.err("stat", os.ErrClosed)
	}
	return f.fs.info(f.node, path.Base(vfs.Clean(f.name))), nil
}

// Chtimes sets the access and modification times of the open file, as
// futimens(2) does. A zero time leaves that time unchanged.
func (f *File) Chtimes(atime, mtime time.Time) error {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	switch {
	case f.closed:
		return f.err("chtimes", os.ErrClosed)
	case f.fs.frozen:
		return f.err("chtimes", syscall.EROFS)
	}
	if !atime.IsZero() {
		f.node.atime = atime
	}
	if !mtime.IsZero() {
		f.node.mtime = mtime
	}
	f.node.ctime = f.fs.now()
	return nil
}

// Sync does nothing: the contents live in memory.
func (f *File) Sync() error { return nil }

// Close releases the file. Closing twice fails with os.ErrClosed.
func (f *File) Close() error {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	if f.closed {
		return f.err("close", os.ErrClosed)
	}
	f.closed = true
	f.node.opens--
	f.fs.maybeFree(f.node)
	f.dir = nil
	return nil
}

// ReadDir reads the directory's entries in name order, as os.File.ReadDir
// does. The listing is taken on the first call, so later changes do not
// shift it.
func (f *File) ReadDir(count int) ([]fs.DirEntry, error) {
	f.fs.mu.Lock()
	defer f.fs.mu.Unlock()
	switch {
	case f.closed:
		return nil, f.err("readdirent", os.ErrClosed)
	case !f.node.isDir():
		return nil, f.err("readdirent", syscall.ENOTDIR)
	case f.dir == nil && f.node.nlink == 0:
		// As getdents(2) does once the directory is removed.
		return nil, f.err("readdirent", syscall.ENOENT)
	}
	if f.dir == nil {
		f.dir = f.fs.entries(f.node)
	}
	return vfs.NextEntries(f.dir, &f.dirPos, count)
}

// Readdir is ReadDir returning fs.FileInfo values.
func (f *File) Readdir(count int) ([]fs.FileInfo, error) {
	return vfs.Readdir(f, count)
}

// Readdirnames is ReadDir returning names.
func (f *File) Readdirnames(count int) ([]string, error) {
	return vfs.Readdirnames(f, count)
}
