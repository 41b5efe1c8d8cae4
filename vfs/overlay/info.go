package overlay

import (
	"io/fs"
	"path"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// fileInfo is a stat result of the merged view.
type fileInfo struct {
	name string
	mode fs.FileMode
	mod  time.Time
	st   syscall.Stat_t
}

func (fi *fileInfo) Name() string       { return fi.name }
func (fi *fileInfo) Size() int64        { return fi.st.Size }
func (fi *fileInfo) Mode() fs.FileMode  { return fi.mode }
func (fi *fileInfo) ModTime() time.Time { return fi.mod }
func (fi *fileInfo) IsDir() bool        { return fi.mode.IsDir() }

// Sys returns a *syscall.Stat_t. Inode numbers are unique across the two
// layers and stay the same when a lower file is copied up.
func (fi *fileInfo) Sys() any { return &fi.st }

func baseName(p string) string {
	if p == "/" {
		return "/"
	}
	return path.Base(p)
}

// info returns the stat result for the entry l. The caller holds o.mu.
func (o *FS) info(l loc) (fs.FileInfo, error) {
	src := l.up
	if src == nil {
		src = l.lowI
	}
	fi := &fileInfo{name: baseName(l.path), mode: src.Mode(), mod: src.ModTime()}
	if st := vfs.StatT(src); st != nil {
		fi.st = *st
	}
	fi.st.Dev = o.dev
	if l.up != nil && l.meta != nil {
		if l.meta.ino != 0 {
			fi.st.Ino = l.meta.ino
		}
		if l.up.Mode().IsRegular() && l.meta.lower != "" {
			lfi, err := o.lower.Lstat(vfs.Rel(l.meta.lower))
			if err != nil {
				return nil, lowerErr(err)
			}
			fi.st.Size = lfi.Size()
			if st := vfs.StatT(lfi); st != nil {
				fi.st.Blocks = st.Blocks
			}
		}
	}
	return fi, nil
}
