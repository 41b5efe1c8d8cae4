package shell

import (
	"io/fs"
	"os"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// errRunOver is what a change gets once its run has returned.
var errRunOver error = &vfs.ErrnoError{Errno: syscall.EROFS, Msg: "the run is over: changes are refused"}

// gateFS is the namespace as one run sees it. When the run returns, the
// gate closes: every later change, through a path or through a file
// opened during the run, fails. Background jobs the script left behind can
// therefore never change the filesystem after Run.
type gateFS struct {
	vfs.FS
	closed atomic.Bool
}

func (g *gateFS) close() { g.closed.Store(true) }

func (g *gateFS) shut(op, name string) error {
	if g.closed.Load() {
		return vfs.PathError(op, name, errRunOver)
	}
	return nil
}

func (g *gateFS) Create(name string) (vfs.File, error) {
	return g.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (g *gateFS) Open(name string) (vfs.File, error) { return g.OpenFile(name, os.O_RDONLY, 0) }

func (g *gateFS) OpenFile(name string, flag int, perm fs.FileMode) (vfs.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC) != 0 {
		if err := g.shut("open", name); err != nil {
			return nil, err
		}
	}
	f, err := g.FS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return &gateFile{File: f, g: g}, nil
}

func (g *gateFS) Mkdir(name string, perm fs.FileMode) error {
	if err := g.shut("mkdir", name); err != nil {
		return err
	}
	return g.FS.Mkdir(name, perm)
}

func (g *gateFS) MkdirAll(name string, perm fs.FileMode) error {
	if err := g.shut("mkdir", name); err != nil {
		return err
	}
	return g.FS.MkdirAll(name, perm)
}

func (g *gateFS) Remove(name string) error {
	if err := g.shut("remove", name); err != nil {
		return err
	}
	return g.FS.Remove(name)
}

func (g *gateFS) RemoveAll(name string) error {
	if err := g.shut("remove", name); err != nil {
		return err
	}
	return g.FS.RemoveAll(name)
}

func (g *gateFS) Rename(oldname, newname string) error {
	if err := g.shut("rename", oldname); err != nil {
		return err
	}
	return g.FS.Rename(oldname, newname)
}

func (g *gateFS) Chmod(name string, mode fs.FileMode) error {
	if err := g.shut("chmod", name); err != nil {
		return err
	}
	return g.FS.Chmod(name, mode)
}

func (g *gateFS) Chown(name string, uid, gid int) error {
	if err := g.shut("chown", name); err != nil {
		return err
	}
	return g.FS.Chown(name, uid, gid)
}

func (g *gateFS) Chtimes(name string, atime, mtime time.Time) error {
	if err := g.shut("chtimes", name); err != nil {
		return err
	}
	return g.FS.Chtimes(name, atime, mtime)
}

func (g *gateFS) SymlinkIfPossible(oldname, newname string) error {
	if err := g.shut("symlink", newname); err != nil {
		return err
	}
	return g.FS.SymlinkIfPossible(oldname, newname)
}

func (g *gateFS) Link(oldname, newname string) error {
	if err := g.shut("link", newname); err != nil {
		return err
	}
	return g.FS.Link(oldname, newname)
}

// gateFile is a file opened during a run; its writes stop with the run.
type gateFile struct {
	vfs.File
	g *gateFS
}

func (f *gateFile) Write(p []byte) (int, error) {
	if err := f.g.shut("write", f.Name()); err != nil {
		return 0, err
	}
	return f.File.Write(p)
}

func (f *gateFile) WriteAt(p []byte, off int64) (int, error) {
	if err := f.g.shut("write", f.Name()); err != nil {
		return 0, err
	}
	return f.File.WriteAt(p, off)
}

func (f *gateFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *gateFile) Truncate(size int64) error {
	if err := f.g.shut("truncate", f.Name()); err != nil {
		return err
	}
	return f.File.Truncate(size)
}
