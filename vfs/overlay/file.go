package overlay

import (
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
)

// openLowerFile opens the lower regular file at the lower path p for
// reading. It never blocks on a FIFO and refuses anything but a regular
// file.
func (o *FS) openLowerFile(p string) (*os.File, error) {
	f, err := o.lowerOpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, lowerErr(err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, lowerErr(err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, vfs.ErrSpecialFile
	}
	return f, nil
}

// openLower opens the lower-only file l for reading. Reads stream from
// disk until another handle copies the file up; from then on they read the
// upper copy.
func (o *FS) openLower(name string, l loc) (vfs.File, error) {
	f, err := o.openLowerFile(l.low)
	if err != nil {
		return nil, err
	}
	o.smu.Lock()
	sh := o.shared[l.low]
	if sh == nil {
		sh = &shared{}
		o.shared[l.low] = sh
	}
	sh.refs++
	o.smu.Unlock()
	return &lowerFile{f: f, o: o, name: name, path: l.path, low: l.low, sh: sh, ino: inoOf(l.lowI)}, nil
}

// publish gives the read handles open on the lower file low the upper
// inode that now holds its bytes. The caller holds o.mu for writing.
func (o *FS) publish(low string, mf *memory.File) {
	o.smu.Lock()
	defer o.smu.Unlock()
	if sh := o.shared[low]; sh != nil && sh.upper == nil {
		sh.upper, _ = mf.Reopen(os.O_RDONLY)
	}
}

// lowerFile is a lower file open for reading. The *os.File is kept in an
// unexported field, never embedded, so no method of it that could change
// the lower file (Chmod, Chown, Truncate, Fd, ...) is reachable.
type lowerFile struct {
	f    *os.File
	o    *FS
	name string
	path string
	low  string
	sh   *shared
	ino  uint64

	mu     sync.Mutex
	off    int64
	closed bool
}

func (f *lowerFile) err(op string, errno error) error { return vfs.PathError(op, f.name, errno) }

func (f *lowerFile) Name() string { return f.name }

// upper returns the upper copy of the file, if one was made.
func (f *lowerFile) upper() *memory.File {
	f.o.smu.Lock()
	defer f.o.smu.Unlock()
	return f.sh.upper
}

func (f *lowerFile) readAt(p []byte, off int64) (int, error) {
	if f.closed {
		return 0, f.err("read", os.ErrClosed)
	}
	if up := f.upper(); up != nil {
		return up.ReadAt(p, off)
	}
	n, err := f.f.ReadAt(p, off)
	if err != nil && err != io.EOF {
		err = f.err("read", lowerErr(err))
	}
	return n, err
}

// Read reads from the current offset.
func (f *lowerFile) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(p) == 0 {
		return 0, nil
	}
	n, err := f.readAt(p, f.off)
	f.off += int64(n)
	if n > 0 && err == io.EOF {
		err = nil
	}
	return n, err
}

// ReadAt reads at off without moving the offset.
func (f *lowerFile) ReadAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if off < 0 {
		return 0, f.err("read", syscall.EINVAL)
	}
	return f.readAt(p, off)
}

// Seek sets the offset for the next Read.
func (f *lowerFile) Seek(offset int64, whence int) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var base int64
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		base = f.off
	case io.SeekEnd:
		fi, err := f.stat()
		if err != nil {
			return 0, err
		}
		base = fi.Size()
	default:
		return 0, f.err("seek", syscall.EINVAL)
	}
	if base+offset < 0 {
		return 0, f.err("seek", syscall.EINVAL)
	}
	f.off = base + offset
	return f.off, nil
}

// Close releases the file.
func (f *lowerFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return f.err("close", os.ErrClosed)
	}
	f.closed = true
	o := f.o
	o.smu.Lock()
	if f.sh.refs--; f.sh.refs == 0 {
		delete(o.shared, f.low)
		if f.sh.upper != nil {
			f.sh.upper.Close()
		}
	}
	o.smu.Unlock()
	return f.f.Close()
}

func (f *lowerFile) Write([]byte) (int, error)          { return 0, f.err("write", syscall.EBADF) }
func (f *lowerFile) WriteAt([]byte, int64) (int, error) { return 0, f.err("write", syscall.EBADF) }
func (f *lowerFile) WriteString(string) (int, error)    { return 0, f.err("write", syscall.EBADF) }
func (f *lowerFile) Truncate(int64) error               { return f.err("truncate", syscall.EINVAL) }
func (f *lowerFile) Sync() error                        { return nil }
func (f *lowerFile) Readdir(int) ([]fs.FileInfo, error) {
	return nil, f.err("readdirent", syscall.ENOTDIR)
}
func (f *lowerFile) Readdirnames(int) ([]string, error) {
	return nil, f.err("readdirent", syscall.ENOTDIR)
}

// Stat returns the stat result of the open file.
func (f *lowerFile) Stat() (fs.FileInfo, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.stat()
}

func (f *lowerFile) stat() (fs.FileInfo, error) {
	f.o.mu.RLock()
	defer f.o.mu.RUnlock()
	if up := f.upper(); up != nil {
		fi, err := up.Stat()
		if err != nil {
			return nil, err
		}
		return f.o.info(loc{path: f.path, up: fi, meta: &meta{ino: f.ino}})
	}
	fi, err := f.f.Stat()
	if err != nil {
		return nil, f.err("stat", lowerErr(err))
	}
	return f.o.info(loc{path: f.path, lowI: fi})
}

// upperFile is an open upper file that came from the lower layer. Until
// its first write it may still share the lower bytes (meta.lower != "");
// reads then come from disk, and the first write copies the bytes up.
type upperFile struct {
	o    *FS
	mem  *memory.File
	meta *meta
	name string
	flag int

	mu  sync.Mutex
	off int64
	low *os.File // the shared lower file, opened on first read
}

func (f *upperFile) err(op string, errno error) error { return vfs.PathError(op, f.name, errno) }

func (f *upperFile) Name() string { return f.name }

func (f *upperFile) readable() bool { return f.flag&(os.O_WRONLY|os.O_RDWR) != os.O_WRONLY }
func (f *upperFile) writable() bool { return f.flag&(os.O_WRONLY|os.O_RDWR) != 0 }

// shared returns the lower path whose bytes the file still shares, or "".
func (f *upperFile) shared() string {
	f.o.mu.RLock()
	defer f.o.mu.RUnlock()
	return f.meta.lower
}

// readAt reads at off from wherever the bytes are now. The caller holds
// f.mu.
func (f *upperFile) readAt(p []byte, off int64) (int, error) {
	if !f.readable() {
		return 0, f.err("read", syscall.EBADF)
	}
	lp := f.shared()
	if lp == "" {
		return f.mem.ReadAt(p, off)
	}
	if f.low == nil {
		lf, err := f.o.openLowerFile(lp)
		if err != nil {
			return 0, f.err("read", err)
		}
		f.low = lf
	}
	n, err := f.low.ReadAt(p, off)
	if err != nil && err != io.EOF {
		err = f.err("read", lowerErr(err))
	}
	return n, err
}

// Read reads from the current offset.
func (f *upperFile) Read(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(p) == 0 {
		return 0, nil
	}
	n, err := f.readAt(p, f.off)
	f.off += int64(n)
	if n > 0 && err == io.EOF {
		err = nil
	}
	return n, err
}

// ReadAt reads at off without moving the offset.
func (f *upperFile) ReadAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.readAt(p, off)
}

// copyUp copies the first limit bytes of the shared lower file into the
// upper inode, once. On failure the inode is left empty and still shares
// the lower bytes, so the view is unchanged and a retry is possible.
func (f *upperFile) copyUp(limit int64) error {
	o := f.o
	o.mu.Lock()
	o.gen.Add(1) // locs found before are stale
	defer o.mu.Unlock()
	lp := f.meta.lower
	if lp == "" {
		return nil
	}
	if o.readOnly {
		return syscall.EROFS
	}
	src, err := o.openLowerFile(lp)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := f.mem.Reopen(os.O_RDWR)
	if err != nil {
		return bare(err)
	}
	defer dst.Close()
	fi, err := dst.Stat()
	if err != nil {
		return bare(err)
	}
	atime, mtime := times(fi)
	sfi, err := src.Stat()
	if err != nil {
		return lowerErr(err)
	}
	var w io.Writer = io.NewOffsetWriter(dst, 0)
	h := newHash()
	whole := limit >= sfi.Size()
	if whole {
		w = io.MultiWriter(w, h)
	}
	if _, err := io.Copy(w, io.LimitReader(src, limit)); err != nil {
		dst.Truncate(0)
		return bare(err)
	}
	if whole {
		o.base.noteSum(lp, sfi, h.Sum(nil))
	}
	f.meta.lower = ""
	o.publish(lp, f.mem)
	// The copy is not a modification: keep the times the file had.
	return bare(dst.Chtimes(atime, mtime))
}

// Write writes at the current offset, or at the end in append mode.
func (f *upperFile) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.beforeWrite(); err != nil {
		return 0, err
	}
	if f.flag&os.O_APPEND != 0 {
		n, err := f.mem.Write(p)
		f.off, _ = f.mem.Seek(0, io.SeekCurrent)
		return n, err
	}
	n, err := f.mem.WriteAt(p, f.off)
	f.off += int64(n)
	return n, err
}

// WriteAt writes at off without moving the offset.
func (f *upperFile) WriteAt(p []byte, off int64) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.beforeWrite(); err != nil {
		return 0, err
	}
	return f.mem.WriteAt(p, off)
}

// WriteString writes s at the current offset.
func (f *upperFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *upperFile) beforeWrite() error {
	if !f.writable() {
		return f.err("write", syscall.EBADF)
	}
	if err := f.copyUp(1<<63 - 1); err != nil {
		return f.err("write", err)
	}
	return nil
}

// Truncate changes the size of the file. A file still sharing lower bytes
// copies only the bytes it keeps.
func (f *upperFile) Truncate(size int64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.writable() || size < 0 {
		return f.err("truncate", syscall.EINVAL)
	}
	if err := f.copyUp(size); err != nil {
		return f.err("truncate", err)
	}
	return f.mem.Truncate(size)
}

// Seek sets the offset for the next Read or Write.
func (f *upperFile) Seek(offset int64, whence int) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var base int64
	switch whence {
	case io.SeekStart:
	case io.SeekCurrent:
		base = f.off
	case io.SeekEnd:
		fi, err := f.Stat()
		if err != nil {
			return 0, err
		}
		base = fi.Size()
	default:
		return 0, f.err("seek", syscall.EINVAL)
	}
	if base+offset < 0 {
		return 0, f.err("seek", syscall.EINVAL)
	}
	f.off = base + offset
	return f.off, nil
}

// Stat returns the stat result of the open file.
func (f *upperFile) Stat() (fs.FileInfo, error) {
	// Hold the overlay lock first, as copyUp does, so a copy-up in progress
	// is never seen half done.
	f.o.mu.RLock()
	defer f.o.mu.RUnlock()
	fi, err := f.mem.Stat()
	if err != nil {
		return nil, err
	}
	return f.o.info(loc{path: vfs.Clean(f.name), up: fi, meta: f.meta})
}

// Sync does nothing.
func (f *upperFile) Sync() error { return nil }

// Close releases the file.
func (f *upperFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.low != nil {
		f.low.Close()
		f.low = nil
	}
	return f.mem.Close()
}

func (f *upperFile) Readdir(int) ([]fs.FileInfo, error) {
	return nil, f.err("readdirent", syscall.ENOTDIR)
}
func (f *upperFile) Readdirnames(int) ([]string, error) {
	return nil, f.err("readdirent", syscall.ENOTDIR)
}

// dirFile is an open directory of the merged view.
type dirFile struct {
	o    *FS
	name string
	path string
	info fs.FileInfo
	mem  *memory.File // the upper directory, nil for a lower-only one
	meta *meta

	mu      sync.Mutex
	entries []fs.DirEntry
	listed  bool
	pos     int
	closed  bool
}

func (d *dirFile) err(op string, errno error) error { return vfs.PathError(op, d.name, errno) }

func (d *dirFile) Name() string                       { return d.name }
func (d *dirFile) Read([]byte) (int, error)           { return 0, d.err("read", syscall.EISDIR) }
func (d *dirFile) ReadAt([]byte, int64) (int, error)  { return 0, d.err("read", syscall.EISDIR) }
func (d *dirFile) Write([]byte) (int, error)          { return 0, d.err("write", syscall.EBADF) }
func (d *dirFile) WriteAt([]byte, int64) (int, error) { return 0, d.err("write", syscall.EBADF) }
func (d *dirFile) WriteString(string) (int, error)    { return 0, d.err("write", syscall.EBADF) }
func (d *dirFile) Truncate(int64) error               { return d.err("truncate", syscall.EINVAL) }
func (d *dirFile) Sync() error                        { return nil }
func (d *dirFile) Stat() (fs.FileInfo, error)         { return d.info, nil }

// Seek to 0 rewinds the listing; it is taken again on the next read.
func (d *dirFile) Seek(offset int64, whence int) (int64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if offset != 0 || whence != io.SeekStart {
		return 0, d.err("seek", syscall.EINVAL)
	}
	d.entries, d.listed, d.pos = nil, false, 0
	return 0, nil
}

// ReadDir reads the directory's entries in name order, as os.File.ReadDir
// does.
func (d *dirFile) ReadDir(count int) ([]fs.DirEntry, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil, d.err("readdirent", os.ErrClosed)
	}
	if !d.listed {
		entries, err := d.list()
		if err != nil {
			return nil, d.err("readdirent", err)
		}
		d.entries = entries
		d.listed = true
	}
	return vfs.NextEntries(d.entries, &d.pos, count)
}

// list takes the listing. As getdents(2) does, it fails with ENOENT once
// the directory is gone.
func (d *dirFile) list() ([]fs.DirEntry, error) {
	o := d.o
	if d.mem != nil {
		upper, err := d.mem.ReadDir(-1)
		if err != nil {
			return nil, bare(err)
		}
		o.mu.RLock()
		defer o.mu.RUnlock()
		low := ""
		if d.meta != nil {
			low = d.meta.lower
		}
		return o.merge(upper, low, d.meta)
	}
	o.mu.RLock()
	defer o.mu.RUnlock()
	ino := vfs.StatT(d.info).Ino
	r, err := o.find(d.path, false)
	if err != nil {
		return o.listMoved(ino)
	}
	fi, err := o.info(r.Node)
	if err != nil {
		return nil, err
	}
	if !fi.IsDir() || vfs.StatT(fi).Ino != ino {
		return o.listMoved(ino)
	}
	return o.readDir(r.Node)
}

// listMoved lists the lower directory with inode number ino, opened while
// it was lower-only and since copied up and renamed. It fails with ENOENT
// if the directory is gone. The caller holds o.mu.
func (o *FS) listMoved(ino uint64) ([]fs.DirEntry, error) {
	for upperIno, m := range o.meta {
		if m.ino != ino || m.lower == "" {
			continue
		}
		mf, err := o.upper.OpenInode(upperIno)
		if err != nil {
			continue
		}
		upper, err := mf.ReadDir(-1)
		mf.Close()
		if err != nil {
			continue
		}
		return o.merge(upper, m.lower, m)
	}
	return nil, syscall.ENOENT
}

// Readdir is ReadDir returning fs.FileInfo values.
func (d *dirFile) Readdir(count int) ([]fs.FileInfo, error) { return vfs.Readdir(d, count) }

// Readdirnames is ReadDir returning names.
func (d *dirFile) Readdirnames(count int) ([]string, error) { return vfs.Readdirnames(d, count) }

// Close releases the directory.
func (d *dirFile) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return d.err("close", os.ErrClosed)
	}
	d.closed = true
	if d.mem != nil {
		return d.mem.Close()
	}
	return nil
}
