package vfs

import (
	"io"
	"io/fs"
)

// NextEntries returns the next count entries of a directory listing taken
// by an open directory, advancing *pos, with the conventions of
// os.File.ReadDir: count <= 0 returns everything left and a nil error;
// count > 0 returns io.EOF once nothing is left.
func NextEntries(all []fs.DirEntry, pos *int, count int) ([]fs.DirEntry, error) {
	rest := all[*pos:]
	if count <= 0 {
		*pos = len(all)
		return append([]fs.DirEntry(nil), rest...), nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	n := min(count, len(rest))
	*pos += n
	return append([]fs.DirEntry(nil), rest[:n]...), nil
}

// A DirEntryReader is an open directory that lists fs.DirEntry values.
type DirEntryReader interface {
	ReadDir(count int) ([]fs.DirEntry, error)
}

// Readdir implements afero.File.Readdir on top of ReadDir.
func Readdir(d DirEntryReader, count int) ([]fs.FileInfo, error) {
	entries, err := d.ReadDir(count)
	infos := make([]fs.FileInfo, 0, len(entries))
	for _, e := range entries {
		fi, ierr := e.Info()
		if ierr != nil {
			continue // removed since it was listed
		}
		infos = append(infos, fi)
	}
	return infos, err
}

// Readdirnames implements afero.File.Readdirnames on top of ReadDir.
func Readdirnames(d DirEntryReader, count int) ([]string, error) {
	entries, err := d.ReadDir(count)
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Name()
	}
	return names, err
}
