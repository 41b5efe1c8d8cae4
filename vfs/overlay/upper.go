package overlay

import (
	"io/fs"
	"os"
	"path"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// This file holds the copy-up machinery: bringing lower entries into the
// upper layer as metadata only. Every function here needs o.mu held for
// writing.

func times(fi fs.FileInfo) (atime, mtime time.Time) {
	mtime = fi.ModTime()
	atime = mtime
	if st := vfs.StatT(fi); st != nil {
		atime = time.Unix(st.Atim.Unix())
	}
	return atime, mtime
}

// copyAttrs gives the upper entry at p the mode, owner and times of fi.
func (o *FS) copyAttrs(p string, fi fs.FileInfo) error {
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil
	}
	if err := o.upper.Chmod(p, fi.Mode()&vfs.ChmodBits); err != nil {
		return err
	}
	if st := vfs.StatT(fi); st != nil {
		if err := o.upper.Chown(p, int(st.Uid), int(st.Gid)); err != nil {
			return err
		}
	}
	atime, mtime := times(fi)
	return o.upper.Chtimes(p, atime, mtime)
}

// keepTimes runs f, which adds an entry to the upper directory dir as part
// of a copy-up, and then puts back dir's times: a copy-up is not a change
// the directory's owner would see.
func (o *FS) keepTimes(dir string, f func() error) error {
	fi, err := o.upper.Lstat(dir)
	if err != nil {
		return f()
	}
	atime, mtime := times(fi)
	if err := f(); err != nil {
		return err
	}
	return o.upper.Chtimes(dir, atime, mtime)
}

// upperDir returns the meta of the upper directory at the canonical path p,
// first copying it and its parents up from the lower layer if needed.
func (o *FS) upperDir(p string) (*meta, error) {
	if fi, err := o.upper.Lstat(p); err == nil {
		if !fi.IsDir() {
			return nil, syscall.ENOTDIR
		}
		m := o.meta[inoOf(fi)]
		if m == nil {
			m = &meta{}
			o.meta[inoOf(fi)] = m
		}
		return m, nil
	} else if vfs.Errno(err) != syscall.ENOENT {
		return nil, err
	}
	parent, name := path.Dir(p), path.Base(p)
	pm, err := o.upperDir(parent)
	if err != nil {
		return nil, err
	}
	if pm.lower == "" || pm.isHidden(name) {
		return nil, syscall.ENOENT
	}
	lp := vfs.Join(pm.lower, name)
	lfi, err := o.lower.Lstat(vfs.Rel(lp))
	if err != nil {
		return nil, lowerErr(err)
	}
	if !lfi.IsDir() {
		return nil, syscall.ENOTDIR
	}
	m := &meta{lower: lp, ino: inoOf(lfi)}
	err = o.keepTimes(parent, func() error {
		if err := o.upper.Mkdir(p, 0o700); err != nil {
			return err
		}
		return o.copyAttrs(p, lfi)
	})
	if err != nil {
		return nil, err
	}
	fi, err := o.upper.Lstat(p)
	if err != nil {
		return nil, err
	}
	o.meta[inoOf(fi)] = m
	return m, nil
}

// copyUp turns the entry l, if it lives only in the lower layer, into an
// upper entry at l.path that shares the lower bytes (a metacopy) and
// returns it. A directory comes up empty and keeps merging its lower
// directory; a symlink comes up with the same target.
func (o *FS) copyUp(l loc) (loc, error) {
	if l.up != nil {
		return l, nil
	}
	parent := path.Dir(l.path)
	if _, err := o.upperDir(parent); err != nil {
		return l, err
	}
	mode := l.lowI.Mode()
	switch {
	case mode.IsDir():
		if _, err := o.upperDir(l.path); err != nil {
			return l, err
		}
	case mode.IsRegular():
		err := o.keepTimes(parent, func() error {
			f, err := o.upper.OpenFile(l.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if err != nil {
				return err
			}
			f.Close()
			return o.copyAttrs(l.path, l.lowI)
		})
		if err != nil {
			return l, err
		}
		fi, err := o.upper.Lstat(l.path)
		if err != nil {
			return l, err
		}
		m := &meta{lower: l.low, origin: l.low, ino: inoOf(l.lowI)}
		if st := vfs.StatT(l.lowI); st != nil && st.Nlink > 1 {
			// The lower inode has other names, which stay in the lower
			// layer: this name becomes a file of its own, with a number
			// of its own.
			m.ino = 0
		}
		o.meta[inoOf(fi)] = m
	case mode&fs.ModeSymlink != 0:
		target, err := o.lower.Readlink(vfs.Rel(l.low))
		if err != nil {
			return l, lowerErr(err)
		}
		if err := o.keepTimes(parent, func() error { return o.upper.Symlink(target, l.path) }); err != nil {
			return l, err
		}
		fi, err := o.upper.Lstat(l.path)
		if err != nil {
			return l, err
		}
		o.meta[inoOf(fi)] = &meta{ino: inoOf(l.lowI)}
	default:
		return l, vfs.ErrSpecialFile
	}
	fi, err := o.upper.Lstat(l.path)
	if err != nil {
		return l, err
	}
	return o.upperLoc(l.path, fi), nil
}

// hideLower records a whiteout for name in the upper directory pm if a
// lower entry would otherwise show through there.
func (o *FS) hideLower(pm *meta, name string) {
	if pm.lower == "" || pm.isHidden(name) {
		return
	}
	if _, err := o.lower.Lstat(vfs.Rel(vfs.Join(pm.lower, name))); err == nil {
		pm.hide(name)
	}
}

// forget drops the meta of the upper entry fi at p, which is about to be
// removed, and of everything below it. Open files keep their own pointer.
func (o *FS) forget(p string, fi fs.FileInfo) {
	ino := inoOf(fi)
	switch {
	case fi.IsDir():
		entries, _ := o.upper.ReadDir(p)
		for _, e := range entries {
			if cfi, err := e.Info(); err == nil {
				o.forget(vfs.Join(p, e.Name()), cfi)
			}
		}
		delete(o.meta, ino)
	default:
		if st := vfs.StatT(fi); st == nil || st.Nlink <= 1 {
			delete(o.meta, ino)
		}
	}
}
