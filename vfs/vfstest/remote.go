package vfstest

import (
	"io"
	"io/fs"
	"os"
	"path"
	"syscall"
	"time"

	"github.com/spf13/afero"

	"github.com/sandsh/sandsh/vfs"
)

// remoteFS is the real side: a vfs.FS whose every call is carried out by a
// chroot helper process with the os package and raw syscalls, so its answers
// are the kernel's. Relative paths are made absolute, which inside the chroot
// (working directory "/") changes nothing.
type remoteFS struct{ h *helper }

var _ vfs.FS = (*remoteFS)(nil)

func abs(name string) string {
	if name != "" && name[0] != '/' {
		return "/" + name
	}
	return name
}

func (r *remoteFS) do(req *request) *response { return r.h.call(req) }

func (r *remoteFS) Name() string { return "vfstest-real" }

func (r *remoteFS) Create(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (r *remoteFS) Open(name string) (afero.File, error) {
	return r.OpenFile(name, os.O_RDONLY, 0)
}

func (r *remoteFS) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	resp := r.do(&request{Op: "open", Path: abs(name), Flag: flag, Perm: perm})
	if err := resp.Err.err(); err != nil {
		return nil, err
	}
	return &remoteFile{fs: r, h: resp.H, name: name}, nil
}

func (r *remoteFS) simple(op, name string, perm fs.FileMode) error {
	return r.do(&request{Op: op, Path: abs(name), Perm: perm}).Err.err()
}

func (r *remoteFS) Mkdir(name string, perm fs.FileMode) error { return r.simple("mkdir", name, perm) }
func (r *remoteFS) MkdirAll(name string, perm fs.FileMode) error {
	return r.simple("mkdirall", name, perm)
}
func (r *remoteFS) Remove(name string) error                  { return r.simple("remove", name, 0) }
func (r *remoteFS) RemoveAll(name string) error               { return r.simple("removeall", name, 0) }
func (r *remoteFS) Chmod(name string, mode fs.FileMode) error { return r.simple("chmod", name, mode) }

func (r *remoteFS) Rename(oldname, newname string) error {
	return r.do(&request{Op: "rename", Path: abs(oldname), Path2: abs(newname)}).Err.err()
}

func (r *remoteFS) Chown(name string, uid, gid int) error {
	return r.do(&request{Op: "chown", Path: abs(name), Uid: uid, Gid: gid}).Err.err()
}

func (r *remoteFS) Chtimes(name string, atime, mtime time.Time) error {
	return r.do(&request{Op: "chtimes", Path: abs(name), Atime: atime, Mtime: mtime}).Err.err()
}

func (r *remoteFS) stat(op, name string) (fs.FileInfo, error) {
	resp := r.do(&request{Op: op, Path: abs(name)})
	if err := resp.Err.err(); err != nil {
		return nil, err
	}
	return resp.Info.fileInfo(), nil
}

func (r *remoteFS) Stat(name string) (fs.FileInfo, error) { return r.stat("stat", name) }

func (r *remoteFS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, err := r.stat("lstat", name)
	return fi, true, err
}

func (r *remoteFS) SymlinkIfPossible(oldname, newname string) error {
	// The target is stored as given, not made absolute.
	return r.do(&request{Op: "symlink", Path: oldname, Path2: abs(newname)}).Err.err()
}

func (r *remoteFS) ReadlinkIfPossible(name string) (string, error) {
	resp := r.do(&request{Op: "readlink", Path: abs(name)})
	return resp.Target, resp.Err.err()
}

func (r *remoteFS) Link(oldname, newname string) error {
	return r.do(&request{Op: "link", Path: abs(oldname), Path2: abs(newname)}).Err.err()
}

func (r *remoteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	resp := r.do(&request{Op: "readdir", Path: abs(name)})
	out := make([]fs.DirEntry, 0, len(resp.Dirents))
	for _, d := range resp.Dirents {
		out = append(out, &remoteDirent{fs: r, dir: abs(name), d: d})
	}
	return out, resp.Err.err()
}

type remoteDirent struct {
	fs  *remoteFS
	dir string
	d   wireDirent
}

func (d *remoteDirent) Name() string      { return d.d.Name }
func (d *remoteDirent) IsDir() bool       { return d.d.Type.IsDir() }
func (d *remoteDirent) Type() fs.FileMode { return d.d.Type }
func (d *remoteDirent) Info() (fs.FileInfo, error) {
	fi, _, err := d.fs.LstatIfPossible(path.Join(d.dir, d.d.Name))
	return fi, err
}

// remoteInfo is a FileInfo from the helper.
type remoteInfo struct{ w wireInfo }

func (w *wireInfo) fileInfo() fs.FileInfo { return &remoteInfo{*w} }

func (i *remoteInfo) Name() string       { return i.w.Name }
func (i *remoteInfo) Size() int64        { return i.w.Size }
func (i *remoteInfo) Mode() fs.FileMode  { return i.w.Mode }
func (i *remoteInfo) ModTime() time.Time { return i.w.ModTime }
func (i *remoteInfo) IsDir() bool        { return i.w.Mode.IsDir() }
func (i *remoteInfo) Sys() any {
	return &syscall.Stat_t{
		Ino:   i.w.Ino,
		Nlink: i.w.Nlink,
		Mode:  vfs.UnixMode(i.w.Mode),
		Size:  i.w.Size,
		Mtim:  vfs.Timespec(i.w.ModTime),
	}
}

// remoteFile is an open file in the helper.
type remoteFile struct {
	fs   *remoteFS
	h    int
	name string
}

func (f *remoteFile) do(req *request) *response {
	req.H = f.h
	return f.fs.do(req)
}

func (f *remoteFile) Name() string { return f.name }

func (f *remoteFile) Close() error { return f.do(&request{Op: "close"}).Err.err() }

func (f *remoteFile) Read(p []byte) (int, error) {
	resp := f.do(&request{Op: "read", N: len(p)})
	return copy(p, resp.Data), resp.Err.err()
}

func (f *remoteFile) ReadAt(p []byte, off int64) (int, error) {
	resp := f.do(&request{Op: "readat", N: len(p), Off: off})
	return copy(p, resp.Data), resp.Err.err()
}

func (f *remoteFile) Seek(offset int64, whence int) (int64, error) {
	resp := f.do(&request{Op: "seek", Off: offset, N: whence})
	return resp.Off, resp.Err.err()
}

func (f *remoteFile) Write(p []byte) (int, error) {
	resp := f.do(&request{Op: "write", Data: p})
	return resp.N, resp.Err.err()
}

func (f *remoteFile) WriteAt(p []byte, off int64) (int, error) {
	resp := f.do(&request{Op: "writeat", Data: p, Off: off})
	return resp.N, resp.Err.err()
}

func (f *remoteFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *remoteFile) Stat() (fs.FileInfo, error) {
	resp := f.do(&request{Op: "fstat"})
	if err := resp.Err.err(); err != nil {
		return nil, err
	}
	return resp.Info.fileInfo(), nil
}

func (f *remoteFile) Sync() error { return f.do(&request{Op: "sync"}).Err.err() }

func (f *remoteFile) Truncate(size int64) error {
	return f.do(&request{Op: "truncate", Off: size}).Err.err()
}

func (f *remoteFile) Readdir(count int) ([]fs.FileInfo, error) {
	resp := f.do(&request{Op: "freaddir", N: count})
	out := make([]fs.FileInfo, 0, len(resp.Infos))
	for i := range resp.Infos {
		out = append(out, resp.Infos[i].fileInfo())
	}
	return out, resp.Err.err()
}

func (f *remoteFile) Readdirnames(n int) ([]string, error) {
	resp := f.do(&request{Op: "freaddirnames", N: n})
	return resp.Names, resp.Err.err()
}

var _ io.ReaderAt = (*remoteFile)(nil)
