package overlay

import (
	"strings"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/policy"
)

// WithPolicy hides and protects project paths. A hidden lower entry is
// absent from the view: lookups find nothing, listings leave it out, and
// nothing below a hidden directory shows. The script may still create a
// file at a hidden path; it lives in the upper layer like any other, and
// Apply leaves it alone unless told otherwise. A protected path, and
// everything below a protected directory, cannot be changed: writes,
// creation, removal, renames, links and attribute changes fail with EROFS.
func WithPolicy(p *policy.Policy) Option { return func(c *config) { c.policy = p } }

// errProtected is the error of a change to a protected path.
var errProtected error = &vfs.ErrnoError{Errno: syscall.EROFS, Msg: "Read-only file system (protected by the sandbox policy)"}

// hiddenLower reports whether the lower entry at lower path lp is hidden.
func (o *FS) hiddenLower(lp string, isDir bool) bool {
	if !o.cfg.policy.HidesAny() {
		return false
	}
	return o.cfg.policy.Hidden(vfs.Rel(lp), isDir)
}

// hiddenEntry reports whether the entry name of the lower directory dir
// is hidden.
func (o *FS) hiddenEntry(dir, name string, isDir bool) bool {
	if !o.cfg.policy.HidesAny() {
		return false
	}
	return o.cfg.policy.HiddenEntry(strings.TrimPrefix(dir, "/"), name, isDir)
}

// HiddenPath reports whether the project path p (in the view) is one the
// policy hides, itself or through a directory above it.
func (o *FS) HiddenPath(p string, isDir bool) bool {
	return o.cfg.policy.HiddenPath(vfs.Rel(p), isDir)
}

// protected returns errProtected if the view path p is protected.
func (o *FS) protected(p string, isDir bool) error {
	if o.cfg.policy.Protected(vfs.Rel(p), isDir) {
		return errProtected
	}
	return nil
}

// protects reports whether the policy protects anything at all.
func (o *FS) protects() bool { return !o.cfg.policy.Empty() }
