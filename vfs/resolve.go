package vfs

import (
	"io/fs"
	"strings"
	"syscall"
)

// A Walker lets Resolve walk one filesystem. N is whatever the filesystem
// uses to name a node cheaply: an inode pointer, or a small lookup state.
type Walker[N any] interface {
	// Lookup finds name in the directory dir, whose canonical path is
	// dirPath, without following a symlink. It returns the node and its
	// mode (only the type bits are used), or an error wrapping an errno;
	// syscall.ENOENT means the name is absent.
	Lookup(dir N, dirPath, name string) (N, fs.FileMode, error)
	// Readlink returns the target of the symlink node found at path.
	Readlink(node N, path string) (string, error)
}

// Resolved is where a path leads.
type Resolved[N any] struct {
	// Dir is the directory that holds the final entry, and DirPath its
	// canonical path. For the root, Dir is the root itself.
	Dir     N
	DirPath string
	// Name is the final component, "" for the root.
	Name string
	// Node and Mode describe the final entry, valid when Exists.
	Node   N
	Mode   fs.FileMode
	Exists bool
	// Trailing is set when the path ended with a slash, which requires the
	// entry to be a directory.
	Trailing bool
}

// Path returns the canonical path of the final entry.
func (r *Resolved[N]) Path() string {
	if r.Name == "" {
		return r.DirPath
	}
	return Join(r.DirPath, r.Name)
}

type frame[N any] struct {
	node N
	path string
	name string
}

// Resolve walks name from root one component at a time, the way the kernel
// does. Symlinks met before the final component are always followed; the
// final one only if follow is set. A trailing slash is recorded in
// Trailing; with follow set it also requires the entry to be a directory.
// Lookups (stat, lstat, readlink) follow a final symlink when the name ends
// in a slash, so they pass follow = TrailingSlash(name); calls that create
// or remove the final entry (mkdir, unlink, rename) never follow it and
// check Trailing themselves.
// Absolute targets restart from root, so a filesystem is its own chroot.
// ".." is physical: it goes to the parent of the directory actually reached,
// and stays at the root. More than MaxSymlinkHops links give ELOOP.
//
// A missing final component is not an error: Exists is false and Dir is the
// directory where it would be created. Every error returned is a bare
// syscall.Errno (or an error from the Walker), for the caller to wrap with
// its operation and path.
func Resolve[N any](w Walker[N], root N, name string, follow bool) (Resolved[N], error) {
	var r Resolved[N]
	switch {
	case name == "":
		return r, syscall.ENOENT
	case len(name) >= PathMax:
		return r, syscall.ENAMETOOLONG
	case strings.IndexByte(name, 0) >= 0:
		return r, syscall.EINVAL
	}
	r.Trailing = TrailingSlash(name)
	stack := []frame[N]{{node: root, path: "/"}}
	rest := split(name, nil)
	hops := 0
	for len(rest) > 0 {
		c := rest[0]
		rest = rest[1:]
		final := len(rest) == 0
		switch c {
		case ".":
			if final {
				return atTop(stack, r.Trailing), nil
			}
			continue
		case "..":
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
			if final {
				return atTop(stack, r.Trailing), nil
			}
			continue
		}
		if len(c) > NameMax {
			return r, syscall.ENAMETOOLONG
		}
		top := stack[len(stack)-1]
		child, mode, err := w.Lookup(top.node, top.path, c)
		childPath := Join(top.path, c)
		if err != nil {
			if final && Errno(err) == syscall.ENOENT {
				r.Dir, r.DirPath, r.Name = top.node, top.path, c
				return r, nil
			}
			return r, err
		}
		if mode&fs.ModeSymlink != 0 && (!final || follow) {
			if hops++; hops > MaxSymlinkHops {
				return r, syscall.ELOOP
			}
			target, err := w.Readlink(child, childPath)
			if err != nil {
				return r, err
			}
			if target == "" {
				return r, syscall.ENOENT
			}
			if target[0] == '/' {
				stack = stack[:1]
			}
			rest = split(target, rest)
			if len(rest) == 0 {
				// The target was "/" and nothing follows it.
				return atTop(stack, r.Trailing), nil
			}
			continue
		}
		if !final {
			if !mode.IsDir() {
				return r, syscall.ENOTDIR
			}
			stack = append(stack, frame[N]{node: child, path: childPath, name: c})
			continue
		}
		if r.Trailing && follow && !mode.IsDir() {
			return r, syscall.ENOTDIR
		}
		r.Dir, r.DirPath, r.Name = top.node, top.path, c
		r.Node, r.Mode, r.Exists = child, mode, true
		return r, nil
	}
	return atTop(stack, r.Trailing), nil
}

// TrailingSlash reports whether name ends in a slash after a component,
// which makes the kernel require a directory there.
func TrailingSlash(name string) bool {
	return len(name) > 1 && name[len(name)-1] == '/' && strings.Trim(name, "/") != ""
}

// atTop describes the directory on top of the stack as the final entry.
func atTop[N any](stack []frame[N], trailing bool) Resolved[N] {
	top := stack[len(stack)-1]
	parent := top
	if len(stack) > 1 {
		parent = stack[len(stack)-2]
	}
	return Resolved[N]{
		Dir: parent.node, DirPath: parent.path, Name: top.name,
		Node: top.node, Mode: fs.ModeDir, Exists: true, Trailing: trailing,
	}
}

// split returns the components of p, dropping empty ones, followed by rest.
func split(p string, rest []string) []string {
	out := make([]string, 0, strings.Count(p, "/")+1+len(rest))
	for c := range strings.SplitSeq(p, "/") {
		if c != "" {
			out = append(out, c)
		}
	}
	return append(out, rest...)
}
