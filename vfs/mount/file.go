package mount

import (
	"io"
	"io/fs"
	"os"
	"path"
	"sync"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// fileInfo is a stat result of an inner filesystem, renamed to the name
// the namespace shows and carrying the mount's device number.
type fileInfo struct {
	fs.FileInfo
	name string
	st   *syscall.Stat_t // nil when the inner result has none
}

// newInfo returns fi named name, with st_dev set to dev.
func newInfo(fi fs.FileInfo, name string, dev uint64) fs.FileInfo {
	out := &fileInfo{FileInfo: fi, name: name}
	if st := vfs.StatT(fi); st != nil {
		c := *st
		c.Dev = dev
		out.st = &c
	}
	return out
}

// Name returns the base name of the entry in the namespace.
func (fi *fileInfo) Name() string { return fi.name }

// Sys returns a *syscall.Stat_t whose Dev tells the mount apart, or what
// the inner filesystem returned if it had no Stat_t.
func (fi *fileInfo) Sys() any {
	if fi.st != nil {
		return fi.st
	}
	return fi.FileInfo.Sys()
}

// dirEntry is a directory entry of an inner filesystem.
type dirEntry struct {
	fs.DirEntry
	dev uint64
}

// Info returns the entry's information with the mount's device number.
func (e *dirEntry) Info() (fs.FileInfo, error) {
	fi, err := e.DirEntry.Info()
	if err != nil {
		return nil, err
	}
	return newInfo(fi, e.Name(), e.dev), nil
}

// mountEntry is a mount point listed in its directory.
type mountEntry struct {
	name string
	m    *mnt
}

func (e *mountEntry) Name() string      { return e.name }
func (e *mountEntry) IsDir() bool       { return true }
func (e *mountEntry) Type() fs.FileMode { return fs.ModeDir }

// Info describes the root of the mounted filesystem.
func (e *mountEntry) Info() (fs.FileInfo, error) {
	fi, _, err := e.m.fsys.LstatIfPossible("/")
	if err == nil && fi == nil {
		err = syscall.EIO
	}
	if err != nil {
		return nil, vfs.PathError("lstat", e.m.at, bare(err))
	}
	return newInfo(fi, e.name, e.m.dev), nil
}

// merge returns the entries of a directory of the mount with device dev,
// with the mount points in it (mounts, by name) in place of entries of the
// same names, sorted by name.
func merge(entries []fs.DirEntry, dev uint64, mounts map[string]*mnt) []fs.DirEntry {
	if entries == nil && len(mounts) == 0 {
		return nil
	}
	out := make([]fs.DirEntry, 0, len(entries)+len(mounts))
	for _, e := range entries {
		if e == nil {
			continue
		}
		if _, ok := mounts[e.Name()]; ok {
			continue
		}
		out = append(out, &dirEntry{DirEntry: e, dev: dev})
	}
	if len(mounts) == 0 {
		return out
	}
	for name, m := range mounts {
		out = append(out, &mountEntry{name: name, m: m})
	}
	return vfs.SortDirEntries(out)
}

// file is an open file of an inner filesystem, shown under the name it was
// opened with in the namespace.
type file struct {
	f      vfs.File
	name   string          // as the caller gave it
	inner  string          // as the inner filesystem got it
	dev    uint64          // of the mount
	mounts map[string]*mnt // mount points in this directory, taken at open

	// The merged listing, for a directory with mount points in it.
	mu      sync.Mutex
	entries []fs.DirEntry
	listed  bool
	pos     int
	closed  bool
}

var _ vfs.File = (*file)(nil)

// fix puts the namespace name in place of the inner one in an error about
// the file.
func (f *file) fix(err error) error {
	if pe, ok := err.(*fs.PathError); ok && pe.Path == f.inner {
		return &fs.PathError{Op: pe.Op, Path: f.name, Err: pe.Err}
	}
	return err
}

// Name returns the name the file was opened with.
func (f *file) Name() string { return f.name }

// Read reads from the current offset.
func (f *file) Read(p []byte) (int, error) {
	n, err := f.f.Read(p)
	return n, f.fix(err)
}

// ReadAt reads at off without moving the offset.
func (f *file) ReadAt(p []byte, off int64) (int, error) {
	n, err := f.f.ReadAt(p, off)
	return n, f.fix(err)
}

// Write writes at the current offset, or at the end with O_APPEND.
func (f *file) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	return n, f.fix(err)
}

// WriteAt writes at off.
func (f *file) WriteAt(p []byte, off int64) (int, error) {
	n, err := f.f.WriteAt(p, off)
	return n, f.fix(err)
}

// WriteString writes s.
func (f *file) WriteString(s string) (int, error) {
	n, err := f.f.WriteString(s)
	return n, f.fix(err)
}

// Seek sets the offset. Seeking a directory to its start makes the next
// listing start again.
func (f *file) Seek(offset int64, whence int) (int64, error) {
	ret, err := f.f.Seek(offset, whence)
	if err == nil && f.mounts != nil && offset == 0 && whence == io.SeekStart {
		f.mu.Lock()
		f.entries, f.listed, f.pos = nil, false, 0
		f.mu.Unlock()
	}
	return ret, f.fix(err)
}

// Truncate changes the size of the file.
func (f *file) Truncate(size int64) error { return f.fix(f.f.Truncate(size)) }

// Sync commits the file's contents, as the inner filesystem does it.
func (f *file) Sync() error { return f.fix(f.f.Sync()) }

// Close closes the file.
func (f *file) Close() error {
	err := f.f.Close()
	if f.mounts != nil {
		f.mu.Lock()
		f.closed, f.entries = true, nil
		f.mu.Unlock()
	}
	return f.fix(err)
}

// Stat describes the open file, named after the last element of the name
// it was opened with, with the mount's device number.
func (f *file) Stat() (fs.FileInfo, error) {
	fi, err := f.f.Stat()
	if err == nil && fi == nil {
		err = vfs.PathError("stat", f.name, syscall.EIO)
	}
	if err != nil {
		return nil, f.fix(err)
	}
	return newInfo(fi, path.Base(vfs.Clean(f.name)), f.dev), nil
}

// ReadDir reads the directory's entries, as os.File.ReadDir does, with
// the mount points in it.
func (f *file) ReadDir(count int) ([]fs.DirEntry, error) {
	if f.mounts == nil {
		entries, err := f.innerReadDir(count)
		return merge(entries, f.dev, nil), f.fix(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil, vfs.PathError("readdirent", f.name, os.ErrClosed)
	}
	if !f.listed {
		entries, err := f.innerReadDir(-1)
		if err != nil {
			return nil, f.fix(err)
		}
		f.entries, f.listed = merge(entries, f.dev, f.mounts), true
	}
	return vfs.NextEntries(f.entries, &f.pos, count)
}

// innerReadDir lists the inner directory, with ReadDir if the inner file
// has it.
func (f *file) innerReadDir(count int) ([]fs.DirEntry, error) {
	if d, ok := f.f.(vfs.DirEntryReader); ok {
		return d.ReadDir(count)
	}
	infos, err := f.f.Readdir(count)
	entries := make([]fs.DirEntry, len(infos))
	for i, fi := range infos {
		entries[i] = fs.FileInfoToDirEntry(fi)
	}
	return entries, err
}

// Readdir is ReadDir returning fs.FileInfo values.
func (f *file) Readdir(count int) ([]fs.FileInfo, error) {
	if f.mounts == nil {
		infos, err := f.f.Readdir(count)
		for i, fi := range infos {
			if fi != nil {
				infos[i] = newInfo(fi, fi.Name(), f.dev)
			}
		}
		return infos, f.fix(err)
	}
	return vfs.Readdir(f, count)
}

// Readdirnames is ReadDir returning names.
func (f *file) Readdirnames(count int) ([]string, error) {
	if f.mounts == nil {
		names, err := f.f.Readdirnames(count)
		return names, f.fix(err)
	}
	return vfs.Readdirnames(f, count)
}
