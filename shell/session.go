// Package shell runs bash scripts in-process against a sandboxed
// filesystem. It wires mvdan.cc/sh/v3/interp to a namespace made of an
// in-memory scratch root with the copy-on-write view of a project mounted
// in it, through the interpreter's open, stat, access, readdir, call and
// exec handlers, and closes the paths by which the interpreter would still
// reach the host.
//
// A Session keeps the filesystem; every Run starts with fresh variables,
// functions and working directory.
package shell

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/devfs"
	"github.com/sandsh/sandsh/vfs/memory"
	"github.com/sandsh/sandsh/vfs/mount"
	"github.com/sandsh/sandsh/vfs/overlay"
	"github.com/sandsh/sandsh/vfs/policy"
)

// Options configure a Session.
type Options struct {
	// Dir is the project directory. Empty means no project: the script
	// sees only the scratch filesystem.
	Dir string
	// MountAt is where the project appears in the namespace. The default is
	// the project's canonical absolute path, so paths and absolute symlinks
	// inside it work as they do outside.
	MountAt string
	// Env adds to or overrides the default environment (HOME, PATH, ...).
	Env map[string]string
	// Limits bound every Run. Zero fields take the defaults.
	Limits Limits

	// Hide lists patterns of project paths the script must not see (see
	// package vfs/policy for the syntax); HideDefault adds
	// policy.DefaultHide. Protect lists patterns of paths it may read but
	// not change. A .sandsh file at the project root adds its "hide" and
	// "protect" lines to these, unless NoConfigFile is set.
	Hide, Protect []string
	HideDefault   bool
	NoConfigFile  bool
}

// Limits bound what one Run may do. Hitting one stops the run cleanly with
// a one-line error naming it; the process is not affected.
type Limits struct {
	// Timeout is the wall time a Run may take; 0 means none.
	Timeout time.Duration
	// MaxOutputBytes caps stdout plus stderr of one Run.
	MaxOutputBytes int64
	// MaxUpperBytes caps the file contents the project's upper layer and
	// the scratch filesystem hold, each; writes past it fail with ENOSPC.
	MaxUpperBytes int64
	// MaxCommands caps the simple commands one Run executes.
	MaxCommands int64
	// MaxCallDepth caps the nesting of function calls, sourced files, eval
	// and child shells.
	MaxCallDepth int
	// MaxScriptBytes caps the size of a script, an eval string or a
	// sourced file.
	MaxScriptBytes int
}

// DefaultLimits are the limits used for zero fields. They are far above
// what normal scripts need.
var DefaultLimits = Limits{
	MaxOutputBytes: 256 << 20,
	MaxUpperBytes:  1 << 30,
	MaxCommands:    50_000_000,
	MaxCallDepth:   1000,
	MaxScriptBytes: 4 << 20,
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.Timeout > 0 {
		d.Timeout = l.Timeout
	}
	if l.MaxOutputBytes > 0 {
		d.MaxOutputBytes = l.MaxOutputBytes
	}
	if l.MaxUpperBytes > 0 {
		d.MaxUpperBytes = l.MaxUpperBytes
	}
	if l.MaxCommands > 0 {
		d.MaxCommands = l.MaxCommands
	}
	if l.MaxCallDepth > 0 {
		d.MaxCallDepth = l.MaxCallDepth
	}
	if l.MaxScriptBytes > 0 {
		d.MaxScriptBytes = l.MaxScriptBytes
	}
	return d
}

// Session is a sandbox: a namespace that persists across runs. Sessions
// are independent and may be used from many goroutines, one Run at a time
// per session (concurrent Runs on one session are serialised).
type Session struct {
	runMu   sync.Mutex
	ns      *mount.FS
	scratch *memory.FS
	project *overlay.FS // nil without a project
	mountAt string
	env     map[string]string
	limits  Limits
}

// New makes a session. A missing or unreadable project directory is an
// error.
func New(opts Options) (*Session, error) {
	s := &Session{limits: opts.Limits.withDefaults(), env: defaultEnv()}
	for k, v := range opts.Env {
		s.env[k] = v
	}
	var o *overlay.FS
	if opts.Dir != "" {
		fi, err := os.Stat(opts.Dir)
		if err != nil {
			return nil, fmt.Errorf("project directory: %w", err)
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("project directory %s: not a directory", opts.Dir)
		}
		pol, err := projectPolicy(opts)
		if err != nil {
			return nil, err
		}
		o, err = overlay.New(opts.Dir, overlay.WithUpperLimit(s.limits.MaxUpperBytes), overlay.WithPolicy(pol))
		if err != nil {
			return nil, fmt.Errorf("project directory: %w", err)
		}
		at := opts.MountAt
		if at == "" {
			at = o.Dir()
		}
		if !filepath.IsAbs(at) {
			return nil, fmt.Errorf("mount point %q: not an absolute path", at)
		}
		s.mountAt = vfs.Clean(at)
	}
	scratch, err := s.newScratch()
	if err != nil {
		return nil, err
	}
	if err := s.assemble(scratch, o); err != nil {
		return nil, err
	}
	return s, nil
}

// newScratch makes the in-memory filesystem that holds everything but
// the project: /tmp, $HOME, the system directories.
func (s *Session) newScratch() (*memory.FS, error) {
	scratch := memory.New(memory.WithLimit(s.limits.MaxUpperBytes), memory.WithInodeBase(1<<61))
	for _, d := range []string{"/tmp", "/dev", "/bin", "/usr/bin", "/etc", s.env["HOME"]} {
		if err := scratch.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}
	if err := scratch.Chmod("/tmp", 0o1777); err != nil {
		return nil, err
	}
	return scratch, nil
}

// assemble builds the namespace: scratch at the root, /dev, and the
// project view o (if any) at s.mountAt.
func (s *Session) assemble(scratch *memory.FS, o *overlay.FS) error {
	ns := mount.New(scratch)
	if err := ns.Mount("/dev", devfs.New()); err != nil {
		return err
	}
	if o != nil {
		if err := ns.Mount(s.mountAt, o); err != nil {
			return fmt.Errorf("mounting the project at %s: %w", s.mountAt, err)
		}
	}
	s.ns, s.scratch, s.project = ns, scratch, o
	return nil
}

// FS returns the namespace the scripts see.
func (s *Session) FS() vfs.FS { return s.ns }

// Project returns the copy-on-write view of the project, or nil.
func (s *Session) Project() *overlay.FS { return s.project }

// MountPoint returns where the project is mounted, or "".
func (s *Session) MountPoint() string { return s.mountAt }

// Request is one script to run.
type Request struct {
	// Script is the bash source.
	Script string
	// Name is the script's name, $0 and in error messages; default "sandsh".
	Name string
	// Args are the positional parameters $1, $2, ...
	Args []string
	// Stdin, Stdout and Stderr default to empty input and discarded output.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Env adds to or overrides the session's environment for this run.
	Env map[string]string
	// Cwd is the starting directory; relative paths are taken from the
	// project's mount point. The default is the mount point (or HOME).
	Cwd string
	// Options are set-style options such as "-e", "-u", "-x", "-o pipefail".
	Options []string
}

// Limit names a limit that stopped a run.
type Limit string

// The limits a Result can name.
const (
	LimitTimeout   Limit = "timeout"
	LimitOutput    Limit = "max-output"
	LimitCommands  Limit = "max-commands"
	LimitCallDepth Limit = "max-call-depth"
	LimitScript    Limit = "max-script-bytes"
)

// Result is how a run ended.
type Result struct {
	// ExitCode is the script's exit status: 124 for a timeout, 2 for a
	// syntax error, 1 when another limit stopped it.
	ExitCode int
	// Duration is the wall time of the run.
	Duration time.Duration
	// Limit names the limit that stopped the run, or is empty.
	Limit Limit
	// Err describes why the run stopped early (a limit or a syntax error);
	// it has also been written to Stderr.
	Err error
}

// LimitError is the cause of a run stopped by a limit.
type LimitError struct {
	Limit Limit
	Msg   string
}

func (e *LimitError) Error() string { return "sandsh: " + e.Msg }

// Run runs one script. Variables, functions, options and the working
// directory start fresh; the filesystem carries over from earlier runs.
// When Run returns, nothing the script started can change the filesystem
// any more.
func (s *Session) Run(ctx context.Context, req Request) Result {
	s.runMu.Lock()
	defer s.runMu.Unlock()
	start := time.Now()
	res := s.run(ctx, req)
	res.Duration = time.Since(start)
	return res
}

// errLimit reports whether err is a limit and which.
func errLimit(err error) (*LimitError, bool) {
	var le *LimitError
	ok := errors.As(err, &le)
	return le, ok
}

// ConfigFile is the name of the policy file read at the project root.
const ConfigFile = ".sandsh"

// projectPolicy compiles the hide and protect patterns of opts and of the
// project's .sandsh file.
func projectPolicy(opts Options) (*policy.Policy, error) {
	hide := append([]string(nil), opts.Hide...)
	protect := append([]string(nil), opts.Protect...)
	if opts.HideDefault {
		hide = append(hide, policy.DefaultHide...)
	}
	if !opts.NoConfigFile {
		data, err := os.ReadFile(filepath.Join(opts.Dir, ConfigFile))
		switch {
		case err == nil:
			h, p, err := policy.ParseFile(data)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", ConfigFile, err)
			}
			hide, protect = append(h, hide...), append(p, protect...)
		case !errors.Is(err, fs.ErrNotExist):
			return nil, fmt.Errorf("%s: %w", ConfigFile, err)
		}
	}
	return policy.New(hide, protect)
}
