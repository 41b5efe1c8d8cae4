package memory

import (
	"io/fs"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// fileInfo is a snapshot of an inode, as stat(2) returns it.
type fileInfo struct {
	name string
	st   syscall.Stat_t
	mode fs.FileMode
	mod  time.Time
}

// info returns a snapshot of n under name. The caller holds m.mu.
func (m *FS) info(n *inode, name string) *fileInfo {
	// Sizes and 512-byte block counts as ext4 reports them: whole 4 KiB
	// blocks for file data, one block for a directory, none for a symlink
	// short enough to live in its inode.
	size := n.data.size
	blocks := (size + 4095) / 4096 * 8
	switch {
	case n.mode&fs.ModeSymlink != 0:
		size, blocks = int64(len(n.target)), 0
	case n.isDir():
		size, blocks = 4096, 8
	}
	fi := &fileInfo{name: name, mode: n.mode, mod: n.mtime}
	fi.st = syscall.Stat_t{
		Dev: m.dev, Ino: n.ino, Nlink: uint64(max(n.nlink, 0)),
		Mode: vfs.UnixMode(n.mode), Uid: uint32(n.uid), Gid: uint32(n.gid),
		Size: size, Blksize: 4096, Blocks: blocks,
		Atim: vfs.Timespec(n.atime), Mtim: vfs.Timespec(n.mtime), Ctim: vfs.Timespec(n.ctime),
	}
	return fi
}

func (fi *fileInfo) Name() string       { return fi.name }
func (fi *fileInfo) Size() int64        { return fi.st.Size }
func (fi *fileInfo) Mode() fs.FileMode  { return fi.mode }
func (fi *fileInfo) ModTime() time.Time { return fi.mod }
func (fi *fileInfo) IsDir() bool        { return fi.mode.IsDir() }

// Sys returns a *syscall.Stat_t with the inode number, link count, owner,
// mode, size and times.
func (fi *fileInfo) Sys() any { return &fi.st }
