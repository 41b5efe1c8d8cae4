// Package builtins holds sandsh's commands (cat, ls, grep, ...), one file
// each. A command is a Go function that works on a vfs.FS and the
// io.Reader/io.Writer streams of its Context; none of them touches the host
// through package os or runs a host program.
//
// Commands register themselves by name in init functions; the shell finds
// them with Lookup by bare name or by a path such as /bin/ls.
package builtins

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

// Context is what a command runs with.
type Context struct {
	// Ctx is cancelled when the run is stopped (timeout or limit); long
	// loops must check it.
	Ctx context.Context
	// FS is the namespace the script sees.
	FS vfs.FS
	// Dir is the working directory, an absolute path in FS.
	Dir string
	// Args are the command line, Args[0] being the name it was called by.
	Args []string
	// Env returns the value of an exported variable and whether it is set.
	Env func(name string) (string, bool)
	// Environ lists the exported variables as NAME=value, sorted.
	Environ func() []string

	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	// Exec runs another command as a child of this one: find -exec,
	// xargs, env, timeout. The child's command line is sub.Args; it runs
	// with sub's Ctx, Dir, environment (sub.Environ) and streams. Exec
	// returns the child's exit status. When the command cannot be found it
	// returns ErrNotFound, and when it is not executable ErrNotExecutable,
	// having printed nothing, so the caller can report it in its own
	// words. Exec is nil where commands cannot run others.
	Exec func(sub *Context) (int, error)
}

// Errors returned by Context.Exec.
var (
	// ErrNotFound means the command is neither a builtin nor a file.
	ErrNotFound = errors.New("command not found")
	// ErrNotExecutable means the command names a file that cannot run.
	ErrNotExecutable = errors.New("permission denied")
)

// Sub returns a copy of c to run args with Exec: same context, directory,
// environment and streams.
func (c *Context) Sub(args ...string) *Context {
	sub := *c
	sub.Args = args
	return &sub
}

// EnvMap returns the exported environment as a map.
func (c *Context) EnvMap() map[string]string {
	m := map[string]string{}
	if c.Environ == nil {
		return m
	}
	for _, kv := range c.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		m[k] = v
	}
	return m
}

// WithEnv sets c's environment to the NAME=value pairs of m.
func (c *Context) WithEnv(m map[string]string) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	list := make([]string, len(keys))
	for i, k := range keys {
		list[i] = k + "=" + m[k]
	}
	c.Env = func(name string) (string, bool) { v, ok := m[name]; return v, ok }
	c.Environ = func() []string { return append([]string(nil), list...) }
}

// Func is a command. It returns the exit status.
type Func func(c *Context) int

var (
	mu       sync.RWMutex
	registry = map[string]Func{}
)

// Register adds the command name. It panics on a duplicate, which is a
// programming error.
func Register(name string, f Func) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := registry[name]; dup {
		panic("builtins: duplicate command " + name)
	}
	registry[name] = f
}

// Lookup finds a command by name, or by a path whose last element names it
// (/bin/ls, /usr/bin/env).
func Lookup(name string) (Func, bool) {
	if strings.Contains(name, "/") {
		name = path.Base(name)
	}
	mu.RLock()
	defer mu.RUnlock()
	f, ok := registry[name]
	return f, ok
}

// Names returns the names of all commands, sorted.
func Names() []string {
	mu.RLock()
	defer mu.RUnlock()
	names := make([]string, 0, len(registry))
	for n := range registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Name returns the name the command was called by, without a directory.
func (c *Context) Name() string {
	if len(c.Args) == 0 {
		return ""
	}
	return path.Base(c.Args[0])
}

// Abs returns name made absolute against the working directory. It does
// not clean it: "..", "." and symlinks are left for the filesystem.
func (c *Context) Abs(name string) string {
	if strings.HasPrefix(name, "/") {
		return name
	}
	if c.Dir == "/" {
		return "/" + name
	}
	return c.Dir + "/" + name
}

// Errorf prints "name: message" on stderr, as GNU tools do.
func (c *Context) Errorf(format string, args ...any) {
	fmt.Fprintf(c.Stderr, "%s: %s\n", c.Name(), fmt.Sprintf(format, args...))
}

// Failf prints "name: message" on stderr and returns status.
func (c *Context) Failf(status int, format string, args ...any) int {
	c.Errorf(format, args...)
	return status
}

// PathErr prints err for the path operand name as GNU tools do:
// "cmd: name: No such file or directory".
func (c *Context) PathErr(name string, err error) {
	c.Errorf("%s: %s", name, ErrText(err))
}

// ErrText returns the strerror text of the errno inside err, as GNU tools
// print it ("No such file or directory"), or err's own text.
func ErrText(err error) string {
	var ee *vfs.ErrnoError
	if errors.As(err, &ee) {
		return ee.Msg
	}
	if e := vfs.Errno(err); e != 0 {
		return Strerror(e)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Strerror returns the glibc text for an errno, capitalised as glibc has it.
func Strerror(e syscall.Errno) string {
	s := e.Error()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Canceled reports whether the run was stopped; commands check it in loops.
func (c *Context) Canceled() bool {
	return c.Ctx != nil && c.Ctx.Err() != nil
}
