package shell

import (
	"errors"

	"github.com/sandsh/sandsh/vfs/overlay"
)

// What a session does with its changes: list them, write them out as a
// patch or a directory, apply them to the project, drop them, or fork.

// ErrNoProject is returned by the change methods of a session that has no
// project directory.
var ErrNoProject = errors.New("sandsh: the session has no project directory")

// Change is one path of the project that the session changed. Paths are
// relative to the project root and start with "/" ("/src/main.go").
type Change = overlay.Change

// ApplyOptions control Apply.
type ApplyOptions struct {
	// Partial applies what can be applied and reports the rest as
	// conflicts; without it nothing is applied unless everything can be.
	Partial bool
	// Skip leaves out the changes for which it returns true.
	Skip func(Change) bool
	// AllowHidden applies files the script created at hidden paths;
	// without it they are reported as conflicts.
	AllowHidden bool
}

// ApplyResult says what Apply did: the paths written and the conflicts
// left alone.
type ApplyResult = overlay.ApplyResult

// Conflict is a change Apply left alone, because the path changed on disk
// after the session first saw it.
type Conflict = overlay.Conflict

// ExportOptions control Export.
type ExportOptions struct {
	// Link hard-links unchanged files to the project's files instead of
	// copying them.
	Link bool
}

// Changes returns the project paths that differ from the directory on
// disk, sorted by path.
func (s *Session) Changes() ([]Change, error) {
	if s.project == nil {
		return nil, ErrNoProject
	}
	s.runMu.Lock()
	defer s.runMu.Unlock()
	return s.project.Changes()
}

// Export writes the session's final view of the project to dir, a new or
// empty directory, keeping modes, times and symlinks.
func (s *Session) Export(dir string, opts ExportOptions) error {
	if s.project == nil {
		return ErrNoProject
	}
	s.runMu.Lock()
	defer s.runMu.Unlock()
	return s.project.Export(dir, overlay.ExportOptions{Link: opts.Link})
}

// Apply writes the session's changes into the project directory; see
// overlay.FS.Apply for the guarantees (atomic files, conflict detection,
// nothing outside the project). After a complete Apply the session's view
// is the project as it now is on disk, with no pending changes.
func (s *Session) Apply(opts ApplyOptions) (ApplyResult, error) {
	if s.project == nil {
		return ApplyResult{}, ErrNoProject
	}
	s.runMu.Lock()
	defer s.runMu.Unlock()
	return s.project.Apply(overlay.ApplyOptions{Partial: opts.Partial, Skip: opts.Skip, AllowHidden: opts.AllowHidden})
}

// Reset drops every change: the project view is the directory on disk
// again, and /tmp, $HOME and the rest of the scratch filesystem are empty.
// FS returns the new namespace afterwards.
func (s *Session) Reset() error {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	if s.project != nil {
		if err := s.project.Reset(); err != nil {
			return err
		}
	}
	scratch, err := s.newScratch()
	if err != nil {
		return err
	}
	return s.assemble(scratch, s.project)
}

// Fork returns a second session in the state of this one: same options,
// the same project directory underneath, and a copy of every change made
// so far, in the project and in the scratch filesystem. The copy is cheap
// (file contents are shared until either side writes), and from then on
// the two sessions are independent, so a caller can try two approaches
// from one state.
func (s *Session) Fork() (*Session, error) {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	f := &Session{mountAt: s.mountAt, env: s.env, limits: s.limits}
	var o *overlay.FS
	if s.project != nil {
		var err error
		if o, err = s.project.Fork(); err != nil {
			return nil, err
		}
	}
	if err := f.assemble(s.scratch.Clone(), o); err != nil {
		return nil, err
	}
	return f, nil
}
