package vfstest

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// TreeEntry is one entry of a starting tree.
type TreeEntry struct {
	// Path is the clean absolute slash path of the entry. Parents come
	// before their children in a tree.
	Path string
	// Type is TypeDir, TypeFile or TypeSymlink.
	Type string
	// Perm is the mode of a file or directory: permission bits plus
	// fs.ModeSetuid, fs.ModeSetgid and fs.ModeSticky. Unused for symlinks.
	Perm fs.FileMode `json:",omitempty"`
	// Data is the content of a file.
	Data []byte `json:",omitempty"`
	// Target is the target of a symlink.
	Target string `json:",omitempty"`
	// ModTime, if not zero, is set as the access and modification time of a
	// file or directory once the whole tree is built (symlinks keep theirs).
	ModTime time.Time `json:",omitempty"`
}

// String describes e on one line.
func (e TreeEntry) String() string {
	switch e.Type {
	case TypeSymlink:
		return fmt.Sprintf("%s %s -> %q", e.Type, e.Path, e.Target)
	case TypeFile:
		s := fmt.Sprintf("%s %s %s data=%s", e.Type, e.Path, fmtMode(e.Perm), quote(e.Data, 40))
		if !e.ModTime.IsZero() {
			s += " mtime=" + e.ModTime.UTC().Format(time.RFC3339)
		}
		return s
	}
	s := fmt.Sprintf("%s %s %s", e.Type, e.Path, fmtMode(e.Perm))
	if !e.ModTime.IsZero() {
		s += " mtime=" + e.ModTime.UTC().Format(time.RFC3339)
	}
	return s
}

// names is the small alphabet of names that the starting tree and the
// operations draw from, so that collisions are frequent.
var names = []string{"a", "b", "c", "d1", "d2", "f1", "f2", "x"}

// oldTime returns a time in 2001-2005, with nanoseconds.
func oldTime(r *rand.Rand) time.Time {
	base := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	span := time.Date(2006, 1, 1, 0, 0, 0, 0, time.UTC).Unix() - base
	return time.Unix(base+r.Int63n(span), r.Int63n(1e9)).UTC()
}

func randomData(r *rand.Rand, maxLen int) []byte {
	n := r.Intn(maxLen + 1)
	if r.Intn(5) == 0 {
		n = 0
	}
	b := make([]byte, n)
	if r.Intn(3) == 0 {
		for i := range b {
			b[i] = byte(r.Intn(256))
		}
		return b
	}
	const text = "abcdefghij klmnop\nqrstuvwxyz0123456789"
	for i := range b {
		b[i] = text[r.Intn(len(text))]
	}
	return b
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.Intn(len(xs))] }

// RandomTree returns a random starting tree, the same for the same state of
// r: nested directories (up to depth 4, some empty), small files (0-200
// bytes, some binary) with modes such as 0755, 0644, 0600, 0444, 0700,
// occasionally 0000 or setuid, some with old modification times, and
// symlinks that are relative, absolute, dangling, point at directories, or
// loop (a pair pointing at each other, or one pointing at itself). The tree
// has no hard links, FIFOs, sockets or devices.
func RandomTree(r *rand.Rand) []TreeEntry {
	var out []TreeEntry
	var links []int // indices in out of symlinks still needing a target
	var fill func(dir string, depth int)
	fill = func(dir string, depth int) {
		n := r.Intn(5)
		if depth == 0 {
			n = 3 + r.Intn(5)
		}
		used := map[string]bool{}
		for range n {
			name := pick(r, names...)
			if used[name] {
				continue
			}
			used[name] = true
			p := vfs.Join(dir, name)
			var mt time.Time
			if r.Intn(5) == 0 {
				mt = oldTime(r)
			}
			switch k := r.Intn(20); {
			case k < 6 && depth < 4:
				perm := pick[fs.FileMode](r, 0o755, 0o755, 0o755, 0o700, 0o750, 0o555, fs.ModeSticky|0o777)
				out = append(out, TreeEntry{Path: p, Type: TypeDir, Perm: perm, ModTime: mt})
				fill(p, depth+1)
			case k < 15:
				perm := pick[fs.FileMode](r, 0o644, 0o644, 0o644, 0o755, 0o600, 0o444, 0o700)
				switch r.Intn(20) {
				case 0:
					perm = 0
				case 1:
					perm = 0o755 | fs.ModeSetuid
				}
				out = append(out, TreeEntry{Path: p, Type: TypeFile, Perm: perm, Data: randomData(r, 200), ModTime: mt})
			case k < 17:
				// A loop: a symlink to itself, or a pair pointing at each other.
				other := pick(r, names...)
				if used[other] || other == name {
					out = append(out, TreeEntry{Path: p, Type: TypeSymlink, Target: pick(r, name, "./"+name, p)})
					continue
				}
				used[other] = true
				q := vfs.Join(dir, other)
				out = append(out,
					TreeEntry{Path: p, Type: TypeSymlink, Target: other},
					TreeEntry{Path: q, Type: TypeSymlink, Target: pick(r, name, p)})
			default:
				links = append(links, len(out))
				out = append(out, TreeEntry{Path: p, Type: TypeSymlink})
			}
		}
	}
	fill("/", 0)
	var all, dirs []string
	for _, e := range out {
		all = append(all, e.Path)
		if e.Type == TypeDir {
			dirs = append(dirs, e.Path)
		}
	}
	for _, i := range links {
		p := out[i].Path
		var target string
		switch k := r.Intn(10); {
		case k < 3: // absolute, to anything
			target = pick(r, all...)
		case k < 6: // relative, to anything
			target = relPath(path.Dir(p), pick(r, all...))
		case k < 8 && len(dirs) > 0: // a directory, either way
			target = pick(r, dirs...)
			if r.Intn(2) == 0 {
				target = relPath(path.Dir(p), target)
			}
		case k < 9: // dangling
			target = pick(r, "nowhere", "/nowhere/x", "../missing", pick(r, all...)+"/missing")
		default:
			target = pick(r, "/", ".", "..", "../..", "/"+pick(r, names...))
		}
		out[i].Target = target
	}
	return out
}

// relPath returns the relative path from the directory dir to p, both
// clean and absolute.
func relPath(dir, p string) string {
	rel, err := filepath.Rel(dir, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

// BuildDir creates tree below the existing real directory dir with os
// calls: directories and files get exactly their Perm (chmod ignores the
// umask), then old modification times are set, deepest entries first.
func BuildDir(dir string, tree []TreeEntry) error {
	real := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	for _, e := range tree {
		var err error
		switch e.Type {
		case TypeDir:
			err = os.Mkdir(real(e.Path), 0o700)
		case TypeFile:
			err = os.WriteFile(real(e.Path), e.Data, 0o600)
			if err == nil {
				err = os.Chmod(real(e.Path), e.Perm)
			}
		case TypeSymlink:
			err = os.Symlink(e.Target, real(e.Path))
		default:
			err = fmt.Errorf("unknown type %q", e.Type)
		}
		if err != nil {
			return fmt.Errorf("building %s: %w", e, err)
		}
	}
	for i := len(tree) - 1; i >= 0; i-- {
		e := tree[i]
		if e.Type == TypeDir {
			if err := os.Chmod(real(e.Path), e.Perm); err != nil {
				return fmt.Errorf("building %s: %w", e, err)
			}
		}
	}
	for i := len(tree) - 1; i >= 0; i-- {
		e := tree[i]
		if e.Type != TypeSymlink && !e.ModTime.IsZero() {
			if err := os.Chtimes(real(e.Path), e.ModTime, e.ModTime); err != nil {
				return fmt.Errorf("building %s: %w", e, err)
			}
		}
	}
	return nil
}

// BuildFS creates tree in fsys through its API: MkdirAll, OpenFile, Write,
// Chmod, SymlinkIfPossible and Chtimes, in the same order as BuildDir.
func BuildFS(fsys vfs.FS, tree []TreeEntry) error {
	for _, e := range tree {
		var err error
		switch e.Type {
		case TypeDir:
			err = fsys.MkdirAll(e.Path, 0o700)
		case TypeFile:
			err = writeFileFS(fsys, e.Path, e.Data)
			if err == nil {
				err = fsys.Chmod(e.Path, e.Perm)
			}
		case TypeSymlink:
			err = fsys.SymlinkIfPossible(e.Target, e.Path)
		default:
			err = fmt.Errorf("unknown type %q", e.Type)
		}
		if err != nil {
			return fmt.Errorf("building %s: %w", e, err)
		}
	}
	for i := len(tree) - 1; i >= 0; i-- {
		e := tree[i]
		if e.Type == TypeDir {
			if err := fsys.Chmod(e.Path, e.Perm); err != nil {
				return fmt.Errorf("building %s: %w", e, err)
			}
		}
	}
	for i := len(tree) - 1; i >= 0; i-- {
		e := tree[i]
		if e.Type != TypeSymlink && !e.ModTime.IsZero() {
			if err := fsys.Chtimes(e.Path, e.ModTime, e.ModTime); err != nil {
				return fmt.Errorf("building %s: %w", e, err)
			}
		}
	}
	return nil
}

func writeFileFS(fsys vfs.FS, p string, data []byte) error {
	f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	n, err := f.Write(data)
	if err == nil && n != len(data) {
		err = fmt.Errorf("short write: %d of %d bytes", n, len(data))
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// treeString lists a tree one entry a line, indented.
func treeString(tree []TreeEntry) string {
	var b strings.Builder
	for _, e := range tree {
		b.WriteString("  " + e.String() + "\n")
	}
	return b.String()
}
