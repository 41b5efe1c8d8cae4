package shell

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"runtime/debug"
	"strings"

	"mvdan.cc/sh/v3/expand"
	"mvdan.cc/sh/v3/interp"
	"mvdan.cc/sh/v3/syntax"

	"github.com/sandsh/sandsh/builtins"
	"github.com/sandsh/sandsh/vfs"
)

const (
	internalPrefix = "__sandsh_"
	internalPwd    = internalPrefix + "pwd"
	// internalReadFile is what $(<file) runs: see rewriteReadFile.
	internalReadFile = internalPrefix + "readfile"
)

// systemDirs are the PATH directories whose commands are sandsh's
// builtins.
var systemDirs = map[string]bool{
	"/usr/local/sbin": true, "/usr/local/bin": true, "/usr/sbin": true,
	"/usr/bin": true, "/sbin": true, "/bin": true,
}

// execMiddleware is the interpreter's exec handler. It never calls next:
// the interpreter's default executor, which runs host programs, is never
// reached.
func (r *run) execMiddleware(next interp.ExecHandlerFunc) interp.ExecHandlerFunc {
	return func(ctx context.Context, args []string) error {
		hc := interp.HandlerCtx(ctx)
		return r.exec(ctx, hc, args)
	}
}

func status(code int) error {
	if code == 0 {
		return nil
	}
	return interp.ExitStatus(uint8(code))
}

func (r *run) exec(ctx context.Context, hc interp.HandlerContext, args []string) error {
	name := args[0]
	if strings.HasPrefix(name, internalPrefix) {
		return r.internal(ctx, hc, args)
	}
	switch name {
	case "bash", "sh":
		return r.childShell(ctx, hc, args)
	}
	if strings.Contains(name, "/") {
		p := absPath(hc.Dir, name)
		fi, err := r.fs.Stat(p)
		if err == nil {
			return r.execFile(ctx, hc, p, fi, args)
		}
		if f, ok := builtins.Lookup(name); ok && systemDirs[path.Dir(vfs.Clean(p))] {
			return r.builtin(ctx, hc, f, args)
		}
		fmt.Fprintf(hc.Stderr, "%s: %s: %s\n", r.name, name, errText(err))
		return status(127)
	}
	kind, p := r.lookPath(hc, name)
	switch kind {
	case "builtin":
		f, _ := builtins.Lookup(name)
		return r.builtin(ctx, hc, f, args)
	case "file":
		fi, err := r.fs.Stat(p)
		if err == nil {
			return r.execFile(ctx, hc, p, fi, args)
		}
	}
	fmt.Fprintf(hc.Stderr, "sandsh: %s: command not found\n", name)
	return status(127)
}

// lookPath finds name along PATH: a sandsh builtin in a system directory,
// or an executable file of the namespace.
func (r *run) lookPath(hc interp.HandlerContext, name string) (kind, p string) {
	_, isBuiltin := builtins.Lookup(name)
	for _, dir := range strings.Split(hc.Env.Get("PATH").String(), ":") {
		if dir == "" {
			dir = "."
		}
		dir = absPath(hc.Dir, dir)
		if isBuiltin && systemDirs[vfs.Clean(dir)] {
			return "builtin", vfs.Clean(dir) + "/" + name
		}
		cand := dir + "/" + name
		if fi, err := r.fs.Stat(cand); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return "file", cand
		}
	}
	return "", ""
}

// builtin runs a sandsh command. A panic in it becomes exit status 2 with
// a message: commands run on pipeline goroutines, where a panic would
// otherwise end the whole process.
func (r *run) builtin(ctx context.Context, hc interp.HandlerContext, f builtins.Func, args []string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			fmt.Fprintf(hc.Stderr, "sandsh: %s: internal error: %v\n%s", args[0], p, debug.Stack())
			err = status(2)
		}
	}()
	c := &builtins.Context{
		Ctx:  ctx,
		FS:   &streamFS{FS: r.fs, in: hc.Stdin, out: hc.Stdout, err: hc.Stderr},
		Dir:  hc.Dir,
		Args: args,
		Env: func(name string) (string, bool) {
			v := hc.Env.Get(name)
			return v.String(), v.IsSet() && v.Exported
		},
		Environ: func() []string { return exported(hc.Env) },
		Stdin:   hc.Stdin,
		Stdout:  hc.Stdout,
		Stderr:  hc.Stderr,
		Exec:    r.subExec(hc),
	}
	return status(f(c))
}

// subExec returns the Context.Exec of a builtin run with hc: it runs a
// command line as the shell would (builtin, script file, child shell),
// with the sub-context's directory, environment and streams.
func (r *run) subExec(hc interp.HandlerContext) func(*builtins.Context) (int, error) {
	return func(sub *builtins.Context) (int, error) {
		if len(sub.Args) == 0 {
			return 0, nil
		}
		h := hc
		h.Env = newEnviron(sub.EnvMap())
		h.Dir, h.Stdin, h.Stdout, h.Stderr = sub.Dir, sub.Stdin, sub.Stdout, sub.Stderr
		if err := r.findCommand(h, sub.Args[0]); err != nil {
			if err == builtins.ErrNotFound {
				return 127, err
			}
			return 126, err
		}
		ctx := sub.Ctx
		if ctx == nil {
			ctx = r.ctx
		}
		err := r.exec(ctx, h, sub.Args)
		if _, ok := errLimit(err); ok {
			return 1, err
		}
		return exitCode(err), nil
	}
}

// findCommand reports whether exec would find name: nil, or ErrNotFound
// or ErrNotExecutable.
func (r *run) findCommand(hc interp.HandlerContext, name string) error {
	switch {
	case name == "bash" || name == "sh":
		return nil
	case strings.HasPrefix(name, internalPrefix) || name == "":
		return builtins.ErrNotFound
	case strings.Contains(name, "/"):
		p := absPath(hc.Dir, name)
		fi, err := r.fs.Stat(p)
		if err == nil {
			if fi.IsDir() || fi.Mode()&0o111 == 0 {
				return builtins.ErrNotExecutable
			}
			return nil
		}
		if _, ok := builtins.Lookup(name); ok && systemDirs[path.Dir(vfs.Clean(p))] {
			return nil
		}
		return builtins.ErrNotFound
	}
	if kind, _ := r.lookPath(hc, name); kind == "" {
		return builtins.ErrNotFound
	}
	return nil
}

// execFile runs the file p of the namespace: a shell script in a child
// shell (its #! line naming sh or bash, or absent), and nothing else.
func (r *run) execFile(ctx context.Context, hc interp.HandlerContext, p string, fi fs.FileInfo, args []string) error {
	switch {
	case fi.IsDir():
		fmt.Fprintf(hc.Stderr, "%s: %s: Is a directory\n", r.name, args[0])
		return status(126)
	case fi.Mode()&0o111 == 0:
		fmt.Fprintf(hc.Stderr, "%s: %s: Permission denied\n", r.name, args[0])
		return status(126)
	}
	interpName, err := r.shebang(p)
	if err != nil {
		fmt.Fprintf(hc.Stderr, "%s: %s: %s\n", r.name, args[0], errText(err))
		return status(126)
	}
	switch interpName {
	case "", "sh", "bash", "dash":
		return r.runScriptFile(ctx, hc, p, args[0], args[1:], nil)
	}
	if f, ok := builtins.Lookup(interpName); ok && interpName != "env" {
		// For example #!/usr/bin/awk -f: let the builtin read the file.
		return r.builtin(ctx, hc, f, append([]string{interpName, p}, args[1:]...))
	}
	fmt.Fprintf(hc.Stderr, "sandsh: %s: %s is not available in the sandbox (only sh and bash scripts run)\n", args[0], interpName)
	return status(126)
}

// shebang returns the interpreter named by the #! line of the file p, as a
// bare name ("bash" for "#!/usr/bin/env bash"), or "" when there is none.
func (r *run) shebang(p string) (string, error) {
	f, err := r.fs.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	line, _ := bufio.NewReader(io.LimitReader(f, 256)).ReadString('\n')
	rest, ok := strings.CutPrefix(line, "#!")
	if !ok {
		return "", nil
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 {
		return "", nil
	}
	name := path.Base(fields[0])
	if name == "env" {
		for _, f := range fields[1:] {
			if !strings.HasPrefix(f, "-") && !strings.Contains(f, "=") {
				return path.Base(f), nil
			}
		}
	}
	return name, nil
}

// childShell runs "bash ARGS" or "sh ARGS": a script file, -c STRING, or
// a script read from stdin.
func (r *run) childShell(ctx context.Context, hc interp.HandlerContext, args []string) error {
	var opts []string
	rest := args[1:]
	command, hasCommand := "", false
	for len(rest) > 0 {
		a := rest[0]
		switch {
		case a == "-c":
			hasCommand = true
			rest = rest[1:]
			continue
		case a == "-o" || a == "+o":
			if len(rest) < 2 {
				fmt.Fprintf(hc.Stderr, "%s: %s: option requires an argument\n", args[0], a)
				return status(2)
			}
			opts = append(opts, a, rest[1])
			rest = rest[2:]
			continue
		case a == "--":
			rest = rest[1:]
		case a == "-s" || a == "-l" || a == "--norc" || a == "--noprofile" || a == "-i":
			rest = rest[1:]
			continue
		case len(a) > 1 && (a[0] == '-' || a[0] == '+') && !strings.HasPrefix(a, "--"):
			if strings.Contains(a, "c") {
				hasCommand = true
				a = strings.ReplaceAll(a, "c", "")
			}
			if len(a) > 1 {
				opts = append(opts, a)
			}
			rest = rest[1:]
			continue
		}
		break
	}
	if hasCommand {
		if len(rest) == 0 {
			fmt.Fprintf(hc.Stderr, "%s: -c: option requires an argument\n", args[0])
			return status(2)
		}
		command, rest = rest[0], rest[1:]
		name := args[0]
		if len(rest) > 0 {
			name, rest = rest[0], rest[1:]
		}
		return r.runChild(ctx, hc, command, name, rest, opts)
	}
	if len(rest) == 0 {
		src, err := io.ReadAll(io.LimitReader(hc.Stdin, int64(r.limits.MaxScriptBytes)+1))
		if err != nil {
			return status(1)
		}
		return r.runChild(ctx, hc, string(src), args[0], nil, opts)
	}
	p := absPath(hc.Dir, rest[0])
	return r.runScriptFile(ctx, hc, p, rest[0], rest[1:], opts)
}

// runScriptFile runs the script file p in a child shell.
func (r *run) runScriptFile(ctx context.Context, hc interp.HandlerContext, p, name string, args, opts []string) error {
	f, err := r.fs.Open(p)
	if err != nil {
		fmt.Fprintf(hc.Stderr, "%s: %s: %s\n", r.name, name, errText(err))
		return status(127)
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, int64(r.limits.MaxScriptBytes)+1))
	if err != nil {
		fmt.Fprintf(hc.Stderr, "%s: %s: %s\n", r.name, name, errText(err))
		return status(126)
	}
	return r.runChild(ctx, hc, string(src), name, args, opts)
}

// runChild runs src in a child shell: a new interpreter with the exported
// variables, working directory and streams of the caller, on the same
// filesystem and under the same limits.
func (r *run) runChild(ctx context.Context, hc interp.HandlerContext, src, name string, args, opts []string) error {
	if len(src) > r.limits.MaxScriptBytes {
		return r.stop(&LimitError{Limit: LimitScript,
			Msg: fmt.Sprintf("max-script-bytes: %s is %d bytes, over the limit of %d", name, len(src), r.limits.MaxScriptBytes)})
	}
	if nestingEstimate(src) > maxNesting {
		fmt.Fprintf(hc.Stderr, "%s: code nested more than %d levels deep\n", name, maxNesting)
		return status(2)
	}
	stmts, perr := r.parse(src, name)
	file := &syntax.File{Name: name, Stmts: stmts}
	if err := r.check(file); err != nil {
		fmt.Fprintln(hc.Stderr, err)
		return status(2)
	}
	env := map[string]string{}
	hc.Env.Each(func(n string, v expand.Variable) bool {
		if v.Exported && v.IsSet() && v.Kind == expand.String {
			env[n] = v.Str
		}
		return true
	})
	env["PWD"] = hc.Dir
	boot := map[string]string{}
	for k, v := range env {
		boot[k] = v
	}
	boot["TMPDIR"] = r.tmpDir
	// A reader that is not a file (a builtin's pipe: awk's print | "cmd")
	// reaches the child through a pipe.
	stdin, closeStdin, err := stdinFile(hc.Stdin)
	if err != nil {
		fmt.Fprintf(hc.Stderr, "%s: %v\n", name, err)
		return status(2)
	}
	defer closeStdin()
	params := append(append([]string{}, opts...), "--")
	child, err := interp.New(
		interp.Env(newEnviron(boot)),
		func(rn *interp.Runner) error { rn.Dir = hc.Dir; return nil },
		interp.Params(append(params, args...)...),
		interp.StdIO(stdin, hc.Stdout, hc.Stderr),
		interp.OpenHandler(r.open),
		interp.ReadDirHandler2(r.readDir),
		interp.StatHandler(r.stat),
		interp.AccessHandler(r.access),
		interp.CallHandler(r.call),
		interp.ExecHandlers(r.execMiddleware),
	)
	if err != nil {
		fmt.Fprintf(hc.Stderr, "%s: %v\n", name, err)
		return status(2)
	}
	child.Reset()
	child.Env = newEnviron(env)
	child.Reset()
	runErr := r.safeRun(ctx, child, file)
	if le, ok := errLimit(runErr); ok {
		return le
	}
	if perr != nil && !child.Exited() {
		fmt.Fprintln(hc.Stderr, perr)
		return status(2)
	}
	if runErr != nil && ctx.Err() != nil {
		return runErr
	}
	code := exitCode(runErr)
	if runErr != nil && code == 1 && !isExitStatus(runErr) {
		fmt.Fprintf(hc.Stderr, "%s: %v\n", name, runErr)
	}
	return status(code)
}

// internal runs the commands reroute and the rewrites substitute for the
// interpreter's own.
func (r *run) internal(ctx context.Context, hc interp.HandlerContext, args []string) error {
	switch args[0] {
	case internalPwd:
		p, err := vfs.Realpath(r.fs, hc.Dir)
		if err != nil {
			fmt.Fprintf(hc.Stderr, "pwd: %s\n", errText(err))
			return status(1)
		}
		fmt.Fprintln(hc.Stdout, p)
		return nil
	case internalPrefix + "tmpfile":
		var rnd [8]byte
		rand.Read(rnd[:])
		p := "/tmp/.sandsh-procsubst-" + hex.EncodeToString(rnd[:])
		f, err := r.fs.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			fmt.Fprintf(hc.Stderr, "sandsh: process substitution: %s\n", errText(err))
			return status(1)
		}
		f.Close()
		fmt.Fprint(hc.Stdout, p)
		return nil
	case internalReadFile:
		if len(args) != 2 {
			return status(1)
		}
		f, err := r.fs.Open(absPath(hc.Dir, args[1]))
		if err == nil {
			_, err = io.Copy(hc.Stdout, f)
			f.Close()
		}
		if err != nil {
			fmt.Fprintf(hc.Stderr, "%s: %s: %s\n", r.name, args[1], errText(err))
			return status(1)
		}
		return nil
	case internalPrefix + "printf":
		return r.builtin(ctx, hc, builtins.PrintfBash, append([]string{"printf"}, args[1:]...))
	case internalPrefix + "type", internalPrefix + "command", internalPrefix + "hash":
		return r.typeCmd(hc, strings.TrimPrefix(args[0], internalPrefix), args[1:])
	}
	fmt.Fprintf(hc.Stderr, "sandsh: %s: command not found\n", args[0])
	return status(127)
}

var keywords = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "fi": true, "case": true, "esac": true,
	"for": true, "select": true, "while": true, "until": true, "do": true, "done": true,
	"in": true, "function": true, "time": true, "{": true, "}": true, "!": true, "[[": true, "]]": true, "coproc": true,
}

// typeCmd implements type, command -v/-V and hash against the namespace
// and the builtin registry instead of the host's PATH.
func (r *run) typeCmd(hc interp.HandlerContext, cmd string, args []string) error {
	verbose, pathOnly, typeOnly, all := cmd == "type", false, false, false
	var names []string
	for _, a := range args {
		switch {
		case a == "-v" || a == "-pv":
			verbose = false
		case a == "-V" || a == "-pV":
			verbose = true
		case a == "-t":
			typeOnly = true
		case a == "-p" || a == "-P":
			pathOnly = true
		case a == "-a":
			all = true
		case a == "-r" || a == "--":
		default:
			names = append(names, a)
		}
	}
	_ = all
	if cmd == "hash" {
		return nil // nothing is cached: lookups always go through PATH
	}
	code := 0
	for _, n := range names {
		kind, where := r.classify(hc, n)
		switch {
		case kind == "":
			code = 1
			if verbose || cmd == "type" && !typeOnly && !pathOnly {
				fmt.Fprintf(hc.Stderr, "%s: %s: not found\n", cmd, n)
			}
		case typeOnly:
			fmt.Fprintln(hc.Stdout, kind)
		case pathOnly:
			if kind == "file" {
				fmt.Fprintln(hc.Stdout, where)
			}
		case verbose:
			switch kind {
			case "keyword":
				fmt.Fprintf(hc.Stdout, "%s is a shell keyword\n", n)
			case "function":
				fmt.Fprintf(hc.Stdout, "%s is a function\n", n)
			case "builtin":
				fmt.Fprintf(hc.Stdout, "%s is a shell builtin\n", n)
			default:
				fmt.Fprintf(hc.Stdout, "%s is %s\n", n, where)
			}
		default:
			if kind == "file" {
				fmt.Fprintln(hc.Stdout, where)
			} else {
				fmt.Fprintln(hc.Stdout, n)
			}
		}
	}
	return status(code)
}

// classify says what name is to the shell: keyword, function, builtin or
// file (with its path), or "" if nothing.
func (r *run) classify(hc interp.HandlerContext, name string) (kind, where string) {
	r.funcsMu.Lock()
	isFunc := r.funcs[name]
	r.funcsMu.Unlock()
	switch {
	case keywords[name]:
		return "keyword", ""
	case isFunc:
		return "function", ""
	case interp.IsBuiltin(name):
		return "builtin", ""
	case strings.Contains(name, "/"):
		p := absPath(hc.Dir, name)
		if fi, err := r.fs.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return "file", name
		}
		return "", ""
	}
	if k, p := r.lookPath(hc, name); k != "" {
		return "file", p
	}
	return "", ""
}

// findSource resolves the argument of source the way bash does, in the
// namespace: a name with a slash from the working directory, otherwise
// along PATH and then the working directory. It returns an absolute path.
func (r *run) findSource(hc interp.HandlerContext, name string) string {
	if strings.Contains(name, "/") {
		return absPath(hc.Dir, name)
	}
	for _, dir := range strings.Split(hc.Env.Get("PATH").String(), ":") {
		if dir == "" {
			continue
		}
		cand := absPath(hc.Dir, dir) + "/" + name
		if fi, err := r.fs.Stat(cand); err == nil && fi.Mode().IsRegular() {
			return cand
		}
	}
	return absPath(hc.Dir, name)
}
