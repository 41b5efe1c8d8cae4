package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"syscall"

	"mvdan.cc/sh/v3/interp"

	"github.com/sandsh/sandsh/builtins"
	"github.com/sandsh/sandsh/vfs"
)

// absPath makes name absolute against dir, without cleaning "..": the
// filesystem resolves it physically.
func absPath(dir, name string) string {
	if path.IsAbs(name) {
		return name
	}
	if dir == "/" {
		return "/" + name
	}
	return dir + "/" + name
}

func errText(err error) string { return builtins.ErrText(err) }

// shellErr is the error the interpreter prints for a failed redirection,
// worded as bash words it: "name: path: No such file or directory".
func (r *run) shellErr(name string, err error) error {
	e := vfs.Errno(err)
	if e == 0 {
		e = syscall.EIO
	}
	return &fs.PathError{Op: r.name + ":", Path: name, Err: &vfs.ErrnoError{Errno: e, Msg: errText(err)}}
}

// open is the interpreter's OpenHandler: redirections, $(<file) and source.
func (r *run) open(ctx context.Context, name string, flag int, perm os.FileMode) (io.ReadWriteCloser, error) {
	hc := interp.HandlerCtx(ctx)
	p := absPath(hc.Dir, name)
	if f, ok := device(vfs.Clean(p), hc); ok {
		return f, nil
	}
	f, err := r.fs.OpenFile(p, flag, perm)
	if err != nil {
		return nil, r.shellErr(name, err)
	}
	if flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		return f, nil
	}
	return &reportingFile{File: f, name: name, stderr: hc.Stderr, prefix: r.name}, nil
}

// reportingFile is a redirection target. The interpreter's builtins ignore
// write errors, so the first one (a full filesystem, say) is reported on
// stderr the way bash reports it.
type reportingFile struct {
	vfs.File
	name, prefix string
	stderr       io.Writer
	reported     bool
}

func (f *reportingFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	if err != nil && !f.reported {
		f.reported = true
		fmt.Fprintf(f.stderr, "%s: %s: write error: %s\n", f.prefix, f.name, errText(err))
	}
	return n, err
}

// WriteString must not reach the embedded file's own WriteString.
func (f *reportingFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// readDir is the interpreter's ReadDirHandler2, for globbing.
func (r *run) readDir(ctx context.Context, name string) ([]fs.DirEntry, error) {
	return r.fs.ReadDir(name)
}

// stat is the interpreter's StatHandler: test operators and cd.
func (r *run) stat(ctx context.Context, name string, follow bool) (fs.FileInfo, error) {
	if follow {
		return r.fs.Stat(name)
	}
	fi, _, err := r.fs.LstatIfPossible(name)
	return fi, err
}

// access is the interpreter's AccessHandler: -r -w -x and cd. The sandbox
// user is root, so read and write are allowed on anything that exists and
// execute needs an execute bit (or a directory).
func (r *run) access(ctx context.Context, name string, mode interp.AccessMode) error {
	fi, err := r.fs.Stat(name)
	if err != nil {
		return err
	}
	if mode&interp.AccessExec != 0 && !fi.IsDir() && fi.Mode()&0o111 == 0 {
		return vfs.PathError("access", name, syscall.EACCES)
	}
	return nil
}

// device returns the virtual device at p, if p is one.
func device(p string, hc interp.HandlerContext) (io.ReadWriteCloser, bool) {
	switch p {
	case "/dev/null":
		return nullDev{}, true
	case "/dev/zero":
		return zeroDev{}, true
	case "/dev/stdin", "/dev/fd/0":
		return streamDev{r: hc.Stdin}, true
	case "/dev/stdout", "/dev/fd/1":
		return streamDev{w: hc.Stdout}, true
	case "/dev/stderr", "/dev/fd/2":
		return streamDev{w: hc.Stderr}, true
	}
	return nil, false
}

type nullDev struct{}

func (nullDev) Read([]byte) (int, error)    { return 0, io.EOF }
func (nullDev) Write(p []byte) (int, error) { return len(p), nil }
func (nullDev) Close() error                { return nil }

type zeroDev struct{}

func (zeroDev) Read(p []byte) (int, error)  { clear(p); return len(p), nil }
func (zeroDev) Write(p []byte) (int, error) { return len(p), nil }
func (zeroDev) Close() error                { return nil }

type streamDev struct {
	r io.Reader
	w io.Writer
}

var errBadFD = errors.New("bad file descriptor")

func (d streamDev) Read(p []byte) (int, error) {
	if d.r == nil {
		return 0, errBadFD
	}
	return d.r.Read(p)
}

func (d streamDev) Write(p []byte) (int, error) {
	if d.w == nil {
		return 0, errBadFD
	}
	return d.w.Write(p)
}

func (streamDev) Close() error { return nil }
