package shell

import (
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// streamFS is the namespace as one command sees it: /dev/stdin,
// /dev/stdout, /dev/stderr and /dev/fd/0-2 open that command's own
// streams, as they do through /proc/self/fd on Linux.
type streamFS struct {
	vfs.FS
	in       io.Reader
	out, err io.Writer
}

func (s *streamFS) stream(name string) (r io.Reader, w io.Writer, ok bool) {
	switch vfs.Clean(name) {
	case "/dev/stdin", "/dev/fd/0":
		return s.in, nil, true
	case "/dev/stdout", "/dev/fd/1":
		return nil, s.out, true
	case "/dev/stderr", "/dev/fd/2":
		return nil, s.err, true
	}
	return nil, nil, false
}

func (s *streamFS) Open(name string) (vfs.File, error) { return s.OpenFile(name, os.O_RDONLY, 0) }

func (s *streamFS) Create(name string) (vfs.File, error) {
	return s.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (s *streamFS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	r, w, ok := s.stream(name)
	if !ok {
		return s.FS.OpenFile(name, flag, perm)
	}
	fi, err := s.FS.Stat("/dev/null") // a character device's stat result
	if err != nil {
		return nil, err
	}
	return &streamFile{name: name, r: r, w: w, fi: fi}, nil
}

// streamFile is a command's stream opened by name. Closing it leaves the
// stream open, as closing a dup of a descriptor does.
type streamFile struct {
	name string
	r    io.Reader
	w    io.Writer
	fi   fs.FileInfo
}

func (f *streamFile) fail(op string) error { return vfs.PathError(op, f.name, syscall.EBADF) }

func (f *streamFile) Name() string { return f.name }
func (f *streamFile) Read(p []byte) (int, error) {
	if f.r == nil {
		return 0, f.fail("read")
	}
	return f.r.Read(p)
}
func (f *streamFile) Write(p []byte) (int, error) {
	if f.w == nil {
		return 0, f.fail("write")
	}
	return f.w.Write(p)
}
func (f *streamFile) ReadAt([]byte, int64) (int, error) {
	return 0, vfs.PathError("read", f.name, syscall.ESPIPE)
}
func (f *streamFile) WriteAt([]byte, int64) (int, error) {
	return 0, vfs.PathError("write", f.name, syscall.ESPIPE)
}
func (f *streamFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }
func (f *streamFile) Seek(int64, int) (int64, error) {
	return 0, vfs.PathError("seek", f.name, syscall.ESPIPE)
}
func (f *streamFile) Truncate(int64) error               { return nil }
func (f *streamFile) Sync() error                        { return nil }
func (f *streamFile) Close() error                       { return nil }
func (f *streamFile) Stat() (fs.FileInfo, error)         { return f.fi, nil }
func (f *streamFile) Readdir(int) ([]fs.FileInfo, error) { return nil, f.fail("readdirent") }
func (f *streamFile) Readdirnames(int) ([]string, error) { return nil, f.fail("readdirent") }
