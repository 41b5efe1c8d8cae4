package shell

import (
	"io"
	"io/fs"
	"strings"

	"github.com/sandsh/sandsh/internal/gitpatch"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// DiffOptions control Diff.
type DiffOptions struct {
	// Binary writes binary files as "GIT binary patch" literals, so that
	// git apply can apply the patch; otherwise they show as "Binary files
	// a/x and b/x differ".
	Binary bool
	// Color adds git's terminal colours.
	Color bool
}

// Diff writes the session's changes to the project as a git-style patch:
// new, deleted and renamed files, content, mode (the executable bit, all
// git records) and symlink changes. `git apply` accepts it on a clean copy
// of the project (with Binary set if binary files changed). Directories
// show only through the files in them, as in git: an empty new directory
// does not appear.
func (s *Session) Diff(w io.Writer, opts DiffOptions) error {
	if s.project == nil {
		return ErrNoProject
	}
	s.runMu.Lock()
	defer s.runMu.Unlock()
	files, err := patchFiles(s.project)
	if err != nil {
		return err
	}
	return gitpatch.Write(w, files, gitpatch.Options{Binary: opts.Binary, Color: opts.Color})
}

// patchFiles turns the overlay's change set into the files of a patch.
func patchFiles(o *overlay.FS) ([]gitpatch.File, error) {
	changes, err := o.Changes()
	if err != nil {
		return nil, err
	}
	var files []gitpatch.File
	for _, c := range changes {
		f := gitpatch.File{Path: strings.TrimPrefix(c.Path, "/")}
		if c.Kind != overlay.Added && !c.OldMode.IsDir() {
			if f.Old, err = oldSide(o, c); err != nil {
				return nil, err
			}
		}
		if c.Kind != overlay.Deleted && !c.NewMode.IsDir() {
			if f.New, err = newSide(o, c); err != nil {
				return nil, err
			}
		}
		if f.Old.Exists || f.New.Exists {
			files = append(files, f)
		}
	}
	return files, nil
}

func oldSide(o *overlay.FS, c Change) (gitpatch.Side, error) {
	return side(c.OldMode, c.OldTarget, func() (io.ReadCloser, error) { return o.OpenLower(c.Path) })
}

func newSide(o *overlay.FS, c Change) (gitpatch.Side, error) {
	return side(c.NewMode, c.NewTarget, func() (io.ReadCloser, error) { return o.Open(c.Path) })
}

// side is one side of a patch entry: a symlink's target, or a file's
// bytes read with open. Special files are left out of patches.
func side(mode fs.FileMode, target string, open func() (io.ReadCloser, error)) (gitpatch.Side, error) {
	s := gitpatch.Side{Exists: true, Mode: mode}
	switch {
	case mode&fs.ModeSymlink != 0:
		s.Data = []byte(target)
	case mode.IsRegular():
		r, err := open()
		if err != nil {
			return s, err
		}
		defer r.Close()
		if s.Data, err = io.ReadAll(r); err != nil {
			return s, err
		}
	default:
		return gitpatch.Side{}, nil
	}
	return s, nil
}
