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
	side := gitpatch.Side{Exists: true, Mode: c.OldMode}
	switch {
	case c.OldMode&fs.ModeSymlink != 0:
		side.Data = []byte(c.OldTarget)
	case c.OldMode.IsRegular():
		r, err := o.OpenLower(c.Path)
		if err != nil {
			return side, err
		}
		defer r.Close()
		if side.Data, err = io.ReadAll(r); err != nil {
			return side, err
		}
	default:
		return gitpatch.Side{}, nil // special files are not in patches
	}
	return side, nil
}

func newSide(o *overlay.FS, c Change) (gitpatch.Side, error) {
	side := gitpatch.Side{Exists: true, Mode: c.NewMode}
	switch {
	case c.NewMode&fs.ModeSymlink != 0:
		side.Data = []byte(c.NewTarget)
	case c.NewMode.IsRegular():
		r, err := o.Open(c.Path)
		if err != nil {
			return side, err
		}
		defer r.Close()
		if side.Data, err = io.ReadAll(r); err != nil {
			return side, err
		}
	default:
		return gitpatch.Side{}, nil
	}
	return side, nil
}
