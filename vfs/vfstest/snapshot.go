package vfstest

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// Entry types, as stored in Entry.Type and TreeEntry.Type.
const (
	TypeDir     = "dir"
	TypeFile    = "file"
	TypeSymlink = "symlink"
	TypeOther   = "other"
)

// MtimeCutoff is the instant before which modification times are compared.
// Times after it are taken to be "now" and may differ between the two sides;
// times before it can only have been set explicitly (the starting tree and
// the chtimes operation use times in 2001-2005), so they must agree.
var MtimeCutoff = time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC)

// Entry describes one entry of a Snapshot.
type Entry struct {
	// Type is TypeDir, TypeFile, TypeSymlink or TypeOther.
	Type string `json:",omitempty"`
	// Mode holds the permission bits and the setuid, setgid and sticky bits
	// (vfs.ChmodBits), without type bits.
	Mode fs.FileMode `json:",omitempty"`
	// Size is the size in bytes (for directories it is recorded, never compared).
	Size int64 `json:",omitempty"`
	// Data is the content of a regular file.
	Data []byte `json:",omitempty"`
	// Target is the target of a symlink.
	Target string `json:",omitempty"`
	// Nlink is the link count, 0 when the filesystem did not report one
	// (its FileInfo.Sys() was not a *syscall.Stat_t).
	Nlink uint64 `json:",omitempty"`
	// ModTime is the modification time.
	ModTime time.Time
	// Ino is the inode number, 0 when not reported. It is never compared
	// (the two sides number their inodes differently); the generator uses it
	// to find hard links.
	Ino uint64 `json:",omitempty"`
	// Err records an error met while reading this entry (its listing, its
	// content or its link target). Entries with errors never compare equal.
	Err string `json:",omitempty"`
}

// Snapshot is the state of a whole tree, keyed by clean absolute slash path
// ("/" for the root).
type Snapshot map[string]Entry

// Paths returns the paths of s, sorted.
func (s Snapshot) Paths() []string {
	out := make([]string, 0, len(s))
	for p := range s {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// String lists the snapshot one entry a line.
func (s Snapshot) String() string {
	var b strings.Builder
	for _, p := range s.Paths() {
		fmt.Fprintf(&b, "%s %s\n", p, s[p])
	}
	return b.String()
}

// String describes e on one line.
func (e Entry) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.Type, fmtMode(e.Mode))
	switch e.Type {
	case TypeFile:
		fmt.Fprintf(&b, " size=%d nlink=%d data=%s", e.Size, e.Nlink, quote(e.Data, 48))
	case TypeSymlink:
		fmt.Fprintf(&b, " -> %q", e.Target)
	}
	if e.ModTime.Before(MtimeCutoff) {
		fmt.Fprintf(&b, " mtime=%s", e.ModTime.UTC().Format(time.RFC3339Nano))
	}
	if e.Err != "" {
		fmt.Fprintf(&b, " ERROR=%q", e.Err)
	}
	return b.String()
}

// maxEntries bounds a snapshot walk, in case a broken filesystem has a cycle.
const maxEntries = 100000

// SnapshotFS walks fsys from "/" with LstatIfPossible and ReadDir and
// records every entry: regular files are read with OpenFile(O_RDONLY) and
// symlinks with ReadlinkIfPossible. Errors are recorded in the entries
// (Entry.Err) rather than returned, so that they show up in a Diff.
func SnapshotFS(fsys vfs.FS) Snapshot {
	s := Snapshot{}
	var walk func(p string, depth int)
	walk = func(p string, depth int) {
		fi, _, err := fsys.LstatIfPossible(p)
		if err != nil {
			s[p] = Entry{Type: TypeOther, Err: "lstat: " + err.Error()}
			return
		}
		e := entryOf(fi)
		switch e.Type {
		case TypeFile:
			e.Data, err = readAllFS(fsys, p)
			if err != nil {
				e.Err = "read: " + err.Error()
			}
		case TypeSymlink:
			e.Target, err = fsys.ReadlinkIfPossible(p)
			if err != nil {
				e.Err = "readlink: " + err.Error()
			}
		}
		s[p] = e
		if e.Type != TypeDir {
			return
		}
		if depth > 64 || len(s) > maxEntries {
			e.Err = "walk: too deep or too many entries"
			s[p] = e
			return
		}
		des, err := fsys.ReadDir(p)
		if err != nil {
			e.Err = "readdir: " + err.Error()
			s[p] = e
			return
		}
		names := make([]string, 0, len(des))
		for _, de := range des {
			names = append(names, de.Name())
		}
		sort.Strings(names)
		for _, n := range names {
			if n == "" || n == "." || n == ".." || strings.Contains(n, "/") {
				e.Err = fmt.Sprintf("readdir: bad name %q", n)
				s[p] = e
				continue
			}
			walk(vfs.Join(p, n), depth+1)
		}
	}
	walk("/", 0)
	return s
}

func readAllFS(fsys vfs.FS, p string) ([]byte, error) {
	f, err := fsys.OpenFile(p, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return data, err
}

// SnapshotDir walks the real directory dir with os.Lstat and os.ReadDir and
// records every entry below it, keyed by its path relative to dir written as
// an absolute slash path (dir itself is "/"). Symlinks are not followed.
func SnapshotDir(dir string) Snapshot {
	s := Snapshot{}
	var walk func(p string)
	walk = func(p string) {
		real := filepath.Join(dir, filepath.FromSlash(p))
		fi, err := os.Lstat(real)
		if err != nil {
			s[p] = Entry{Type: TypeOther, Err: "lstat: " + err.Error()}
			return
		}
		e := entryOf(fi)
		switch e.Type {
		case TypeFile:
			e.Data, err = os.ReadFile(real)
			if err != nil {
				e.Err = "read: " + err.Error()
			}
		case TypeSymlink:
			e.Target, err = os.Readlink(real)
			if err != nil {
				e.Err = "readlink: " + err.Error()
			}
		}
		s[p] = e
		if e.Type != TypeDir {
			return
		}
		des, err := os.ReadDir(real)
		if err != nil {
			e.Err = "readdir: " + err.Error()
			s[p] = e
			return
		}
		for _, de := range des {
			walk(vfs.Join(p, de.Name()))
		}
	}
	walk("/")
	return s
}

// entryOf converts what Lstat returned.
func entryOf(fi fs.FileInfo) Entry {
	m := fi.Mode()
	e := Entry{
		Type:    typeOf(m),
		Mode:    m & vfs.ChmodBits,
		Size:    fi.Size(),
		ModTime: fi.ModTime(),
	}
	if st := vfs.StatT(fi); st != nil {
		e.Nlink = uint64(st.Nlink)
		e.Ino = st.Ino
	}
	return e
}

func typeOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return TypeDir
	case m&fs.ModeSymlink != 0:
		return TypeSymlink
	case m.IsRegular():
		return TypeFile
	}
	return TypeOther
}

// Diff lists the differences between a and b that matter to the model test,
// one readable line each, or nothing when they agree. For every path it
// compares the type, the mode bits, and the error (if any); for regular files
// also the size, content and link count; for symlinks the size and target.
// Modification times are compared only when either side's is before
// MtimeCutoff. Directory sizes and link counts, atimes, ctimes, inode numbers
// and owners are never compared.
func Diff(a, b Snapshot) []string {
	return diff(a, b, false)
}

// DiffExact is like Diff but compares every modification time and the
// size and link count of directories too. It is meant for checking that a
// tree was not touched at all.
func DiffExact(a, b Snapshot) []string {
	return diff(a, b, true)
}

func diff(a, b Snapshot, exact bool) []string {
	paths := a.Paths()
	for p := range b {
		if _, ok := a[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var out []string
	for _, p := range paths {
		ea, oka := a[p]
		eb, okb := b[p]
		switch {
		case !okb:
			out = append(out, fmt.Sprintf("%s: only in first: %s", p, ea))
			continue
		case !oka:
			out = append(out, fmt.Sprintf("%s: only in second: %s", p, eb))
			continue
		}
		for _, d := range diffEntry(ea, eb, exact) {
			out = append(out, p+": "+d)
		}
	}
	return out
}

func diffEntry(a, b Entry, exact bool) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if a.Err != "" || b.Err != "" {
		add("error %q vs %q", a.Err, b.Err)
	}
	if a.Type != b.Type {
		add("type %s vs %s (%s vs %s)", a.Type, b.Type, a, b)
		return out
	}
	if a.Mode != b.Mode {
		add("mode %s vs %s", fmtMode(a.Mode), fmtMode(b.Mode))
	}
	if a.Type != TypeDir || exact {
		if a.Size != b.Size {
			add("size %d vs %d", a.Size, b.Size)
		}
		if a.Nlink != b.Nlink && (a.Type != TypeSymlink || exact) {
			add("nlink %d vs %d", a.Nlink, b.Nlink)
		}
	}
	if !bytes.Equal(a.Data, b.Data) {
		add("content differs: %s", diffBytes(a.Data, b.Data))
	}
	if a.Target != b.Target {
		add("target %q vs %q", a.Target, b.Target)
	}
	if !a.ModTime.Equal(b.ModTime) && (exact || a.ModTime.Before(MtimeCutoff) || b.ModTime.Before(MtimeCutoff)) {
		add("mtime %s vs %s", a.ModTime.UTC().Format(time.RFC3339Nano), b.ModTime.UTC().Format(time.RFC3339Nano))
	}
	return out
}

// diffBytes describes where two byte strings first differ.
func diffBytes(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-8)
	return fmt.Sprintf("len %d vs %d, first difference at %d: ...%s vs ...%s",
		len(a), len(b), i, quote(a[min(from, len(a)):], 32), quote(b[min(from, len(b)):], 32))
}

// quote formats data as a Go string literal cut to at most n bytes.
func quote(data []byte, n int) string {
	if len(data) > n {
		return fmt.Sprintf("%q...", data[:n])
	}
	return fmt.Sprintf("%q", data)
}

// fmtMode formats permission and special bits the way they would be written
// in Go, e.g. "0o644" or "0o755|fs.ModeSetuid".
func fmtMode(m fs.FileMode) string {
	s := fmt.Sprintf("0o%03o", uint32(m.Perm()))
	if m&fs.ModeSetuid != 0 {
		s += "|fs.ModeSetuid"
	}
	if m&fs.ModeSetgid != 0 {
		s += "|fs.ModeSetgid"
	}
	if m&fs.ModeSticky != 0 {
		s += "|fs.ModeSticky"
	}
	if other := m &^ vfs.ChmodBits; other != 0 {
		s += "|" + other.String()
	}
	return s
}
