package shell_test

import (
	"io/fs"
	"os"

	"github.com/spf13/afero"
)

// hostFS reads the host filesystem through the vfs.FS methods the tests
// use for comparisons.
type hostFS struct{ afero.OsFs }

func (hostFS) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, err := os.Lstat(name)
	return fi, true, err
}
func (hostFS) SymlinkIfPossible(o, n string) error            { return os.Symlink(o, n) }
func (hostFS) ReadlinkIfPossible(name string) (string, error) { return os.Readlink(name) }
func (hostFS) Link(o, n string) error                         { return os.Link(o, n) }
func (hostFS) ReadDir(name string) ([]fs.DirEntry, error)     { return os.ReadDir(name) }
