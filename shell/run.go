package shell

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/sandsh/sandsh/vfs"
)

// run is the state of one Run.
type run struct {
	s       *Session
	ctx     context.Context
	cancel  context.CancelCauseFunc
	fs      *gateFS
	limits  Limits
	name    string
	cmds    atomic.Int64
	calls   atomic.Int64
	stdout  io.Writer
	stderr  io.Writer
	tmpDir  string // a host path that does not exist: see newRunner
	funcsMu sync.Mutex
	funcs   map[string]bool // names of functions the script declares
}

func (s *Session) run(parent context.Context, req Request) Result {
	if s.project != nil {
		s.project.DropCaches() // see overlay.FS.DropCaches
	}
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancelCause(parent)
	defer cancel(nil)
	limits := s.limits
	if limits.Timeout > 0 {
		var stop context.CancelFunc
		ctx, stop = context.WithTimeoutCause(ctx, limits.Timeout,
			&LimitError{Limit: LimitTimeout, Msg: fmt.Sprintf("timeout: the run took longer than %v", limits.Timeout)})
		defer stop()
	}
	name := req.Name
	if name == "" {
		name = "sandsh"
	}
	stderr := orDiscard(req.Stderr)
	out := &outputLimit{max: limits.MaxOutputBytes, cancel: cancel}
	r := &run{
		s: s, ctx: ctx, cancel: cancel, limits: limits, name: name,
		fs:     &gateFS{FS: s.ns},
		stdout: out.wrap(orDiscard(req.Stdout)),
		stderr: out.wrap(stderr),
		funcs:  map[string]bool{},
	}
	// Nothing the script left running may touch the filesystem after Run.
	defer r.fs.close()

	fail := func(code int, limit Limit, err error) Result {
		fmt.Fprintln(r.stderr, err)
		return Result{ExitCode: code, Limit: limit, Err: err}
	}
	if len(req.Script) > limits.MaxScriptBytes {
		return fail(1, LimitScript, &LimitError{Limit: LimitScript,
			Msg: fmt.Sprintf("max-script-bytes: the script is %d bytes, over the limit of %d", len(req.Script), limits.MaxScriptBytes)})
	}
	if nestingEstimate(req.Script) > maxNesting {
		return fail(2, "", fmt.Errorf("%s: the script nests more than %d levels deep", name, maxNesting))
	}
	stmts, parseErr := r.parse(req.Script, name)
	file := &syntax.File{Name: name, Stmts: stmts}
	if err := r.check(file); err != nil {
		return fail(2, "", err)
	}

	stdin, closeStdin, err := stdinFile(req.Stdin)
	if err != nil {
		return fail(1, "", err)
	}
	defer closeStdin()
	runner, err := r.newRunner(req, stdin)
	if err != nil {
		return fail(1, "", err)
	}
	runErr := r.safeRun(r.ctx, runner, file)
	exited := runner.Exited()

	res := Result{}
	cause := context.Cause(ctx)
	switch le, isLimit := errLimit(cause); {
	case isLimit:
		res.Limit, res.Err = le.Limit, le
		res.ExitCode = 1
		if le.Limit == LimitTimeout {
			res.ExitCode = 124
		}
		fmt.Fprintln(stderr, le)
		return res
	case parent.Err() != nil:
		res.ExitCode, res.Err = 130, parent.Err()
		return res
	}
	if le, ok := errLimit(runErr); ok {
		res.Limit, res.Err, res.ExitCode = le.Limit, le, 1
		fmt.Fprintln(stderr, le)
		return res
	}
	if parseErr != nil && !exited {
		res.ExitCode, res.Err = 2, parseErr
		fmt.Fprintf(r.stderr, "%s\n", parseErr)
		return res
	}
	res.ExitCode = exitCode(runErr)
	if runErr != nil && res.ExitCode == 1 && !isExitStatus(runErr) {
		fmt.Fprintf(r.stderr, "sandsh: %v\n", runErr)
	}
	return res
}

func orDiscard(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}

func isExitStatus(err error) bool {
	_, ok := interp.IsExitStatus(err)
	return ok
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if code, ok := interp.IsExitStatus(err); ok {
		return int(code)
	}
	return 1
}

// safeRun runs the file and turns a panic on this goroutine into an error.
// The prechecks keep the known panics from happening at all, including on
// the goroutines of pipelines, where no recover could help.
func (r *run) safeRun(ctx context.Context, runner *interp.Runner, file *syntax.File) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return runner.Run(ctx, file)
}

// parse parses the script one statement at a time, as bash reads it, and
// returns the statements before the first syntax error with that error.
// Bash runs the lines before a syntax error; so do we.
func (r *run) parse(src, name string) ([]*syntax.Stmt, error) {
	var stmts []*syntax.Stmt
	p := syntax.NewParser(syntax.Variant(syntax.LangBash))
	err := p.Stmts(strings.NewReader(src), func(st *syntax.Stmt) bool {
		stmts = append(stmts, st)
		return true
	})
	var pe syntax.ParseError
	if errors.As(err, &pe) {
		pe.Filename = name
		err = pe
	} else if err != nil {
		err = fmt.Errorf("%s: %w", name, err)
	}
	return stmts, err
}

// stdinFile gives the interpreter an *os.File for stdin. For another
// reader it makes a pipe and copies into it; closing stops the copy, so no
// goroutine outlives the run waiting on a full pipe.
func stdinFile(in io.Reader) (*os.File, func(), error) {
	if in == nil {
		in = strings.NewReader("")
	}
	if f, ok := in.(*os.File); ok {
		return f, func() {}, nil
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	go func() {
		io.Copy(pw, in)
		pw.Close()
	}()
	return pr, func() { pr.Close(); pw.Close() }, nil
}

// newRunner makes the interpreter for one run.
//
// The interpreter opens "$TMPDIR/sh-interp-*" paths on the host directly
// (its FIFOs for process substitution), with TMPDIR as it was on the first
// Reset. So the first Reset sees TMPDIR set to a host path that does not
// exist, and the script's own environment is put in place after it: those
// opens then fail instead of reaching the host's /tmp.
func (r *run) newRunner(req Request, stdin *os.File) (*interp.Runner, error) {
	env := maps.Clone(r.s.env)
	maps.Copy(env, req.Env)
	cwd, err := r.startDir(req.Cwd, env)
	if err != nil {
		return nil, err
	}
	env["PWD"] = cwd
	var rnd [12]byte
	rand.Read(rnd[:])
	r.tmpDir = "/nonexistent-sandsh-" + hex.EncodeToString(rnd[:])
	boot := maps.Clone(env)
	boot["TMPDIR"] = r.tmpDir

	params := append(append([]string{}, req.Options...), "--")
	params = append(params, req.Args...)
	runner, err := interp.New(
		interp.Env(newEnviron(boot)),
		func(rn *interp.Runner) error { rn.Dir = cwd; return nil }, // interp.Dir would stat the host
		interp.Params(params...),
		interp.StdIO(stdin, r.stdout, r.stderr),
		interp.OpenHandler(r.open),
		interp.ReadDirHandler2(r.readDir),
		interp.StatHandler(r.stat),
		interp.AccessHandler(r.access),
		interp.CallHandler(r.call),
		interp.ExecHandlers(r.execMiddleware),
	)
	if err != nil {
		return nil, err
	}
	runner.Reset()
	runner.Env = newEnviron(env)
	runner.Reset()
	return runner, nil
}

// startDir returns the absolute starting directory and checks that it is
// a directory of the namespace.
func (r *run) startDir(cwd string, env map[string]string) (string, error) {
	base := r.s.mountAt
	if base == "" {
		base = env["HOME"]
	}
	switch {
	case cwd == "":
		cwd = base
	case !strings.HasPrefix(cwd, "/"):
		cwd = vfs.Clean(base + "/" + cwd)
	default:
		cwd = vfs.Clean(cwd)
	}
	fi, err := r.s.ns.Stat(cwd)
	if err != nil {
		return "", fmt.Errorf("sandsh: working directory %s: %v", cwd, errText(err))
	}
	if !fi.IsDir() {
		return "", fmt.Errorf("sandsh: working directory %s: not a directory", cwd)
	}
	return cwd, nil
}

// outputLimit counts the bytes written to stdout and stderr together and
// stops the run when they pass the limit.
type outputLimit struct {
	max    int64
	n      atomic.Int64
	cancel context.CancelCauseFunc
	once   sync.Once
}

func (o *outputLimit) wrap(w io.Writer) io.Writer { return &limitedWriter{o: o, w: w} }

type limitedWriter struct {
	o  *outputLimit
	mu sync.Mutex
	w  io.Writer
}

var errOutputLimit = errors.New("output limit reached")

func (l *limitedWriter) Write(p []byte) (int, error) {
	o := l.o
	if o.max > 0 && o.n.Add(int64(len(p))) > o.max {
		o.once.Do(func() {
			o.cancel(&LimitError{Limit: LimitOutput,
				Msg: fmt.Sprintf("max-output: the run wrote more than %d bytes", o.max)})
		})
		return 0, errOutputLimit
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// deadlineOf is for builtins that need to poll.
func deadlineOf(ctx context.Context) time.Time {
	d, _ := ctx.Deadline()
	return d
}
