package overlay

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// ExportOptions control Export.
type ExportOptions struct {
	// Link hard-links the files that the view has not changed to the
	// lower files instead of copying their bytes. The export then shares
	// those inodes with the project: editing one edits the other.
	Link bool
	// Skip, if set, leaves out the view paths for which it returns true
	// (and, for a directory, everything below it).
	Skip func(p string) bool
}

// Export writes the final view to dir, which must be a new or empty
// directory: files with their bytes, modes and modification times,
// directories, symlinks with their targets, and hard links between view
// files. Unchanged files stream from disk, or are hard-linked with Link.
// Everything is written through an os.Root of dir.
func (o *FS) Export(dir string, opts ExportOptions) error {
	if err := os.Mkdir(dir, 0o700); err != nil {
		if !errors.Is(err, fs.ErrExist) {
			return err
		}
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		if len(entries) > 0 {
			return &fs.PathError{Op: "export", Path: dir, Err: syscall.ENOTEMPTY}
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	e := exporter{o: o, root: root, out: dir, opts: opts, links: map[uint64]string{}}
	if err := e.walk("/"); err != nil {
		return err
	}
	fi, err := o.Lstat("/")
	if err != nil {
		return err
	}
	return e.finish(".", fi)
}

type exporter struct {
	o     *FS
	root  *os.Root
	out   string
	opts  ExportOptions
	links map[uint64]string // view inode -> exported path, for hard links
}

// walk exports the entries of the view directory p.
func (e *exporter) walk(p string) error {
	entries, err := e.o.ReadDir(p)
	if err != nil {
		return err
	}
	for _, d := range entries {
		cp := vfs.Join(p, d.Name())
		if e.opts.Skip != nil && e.opts.Skip(cp) {
			continue
		}
		if err := e.entry(cp); err != nil {
			return fmt.Errorf("export %s: %w", cp, err)
		}
	}
	return nil
}

func (e *exporter) entry(p string) error {
	fi, err := e.o.Lstat(p)
	if err != nil {
		return err
	}
	dst := vfs.Rel(p)
	switch m := fi.Mode(); {
	case m.IsDir():
		if err := e.root.Mkdir(dst, 0o700); err != nil {
			return err
		}
		if err := e.walk(p); err != nil {
			return err
		}
		return e.finish(dst, fi)
	case m&fs.ModeSymlink != 0:
		target, err := e.o.Readlink(p)
		if err != nil {
			return err
		}
		return e.root.Symlink(target, dst)
	case m.IsRegular():
		return e.file(p, dst, fi)
	}
	return nil // the view holds no special files of its own
}

// file exports the regular file p.
func (e *exporter) file(p, dst string, fi fs.FileInfo) error {
	var ino uint64
	if st := vfs.StatT(fi); st != nil && st.Nlink > 1 {
		ino = st.Ino
		if first, ok := e.links[ino]; ok {
			return e.root.Link(first, dst)
		}
		e.links[ino] = dst
	}
	if e.opts.Link {
		if low, ok := e.o.unchangedLower(p); ok {
			return os.Link(filepath.Join(e.o.dir, filepath.FromSlash(vfs.Rel(low))), filepath.Join(e.out, filepath.FromSlash(dst)))
		}
	}
	in, err := e.o.Open(p)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := e.root.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return e.finish(dst, fi)
}

// finish sets the mode and times of an exported file or directory.
func (e *exporter) finish(dst string, fi fs.FileInfo) error {
	if err := e.root.Chmod(dst, fi.Mode()&vfs.ChmodBits); err != nil {
		return err
	}
	atime, mtime := times(fi)
	return e.root.Chtimes(dst, atime, mtime)
}

// unchangedLower returns the lower file whose inode the view's file p
// still is, bytes, mode and all: a file the view has not touched, even if
// it was moved.
func (o *FS) unchangedLower(p string) (string, bool) {
	o.mu.RLock()
	defer o.mu.RUnlock()
	r, err := o.find(p, false)
	if err != nil || r.Node.up != nil || !r.Node.mode().IsRegular() {
		return "", false
	}
	return r.Node.low, true
}

// OpenLower opens for reading the file on disk at the view path p, as it
// is now: the old side of a change. It never follows a symlink at p and
// refuses anything but a regular file.
func (o *FS) OpenLower(p string) (io.ReadCloser, error) {
	f, err := o.openLowerFile(vfs.Clean(p))
	if err != nil {
		return nil, vfs.PathError("open", p, err)
	}
	return f, nil
}
