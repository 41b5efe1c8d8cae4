package shell

import (
	"context"
	"fmt"
	"runtime"
	"strings"

	"mvdan.cc/sh/v3/interp"
)

// framesPerLevel is about how many Go frames one level of shell function
// call adds; the depth guard measures the Go stack, which also counts
// source, eval and child shells.
const framesPerLevel = 16

// call is the interpreter's CallHandler, run for every simple command,
// functions and builtins included. It enforces the command and depth
// limits and reroutes the builtins that would otherwise reach the host.
func (r *run) call(ctx context.Context, args []string) ([]string, error) {
	n := r.cmds.Add(1)
	if n > r.limits.MaxCommands {
		return nil, r.stop(&LimitError{Limit: LimitCommands,
			Msg: fmt.Sprintf("max-commands: the run executed more than %d commands", r.limits.MaxCommands)})
	}
	// Measuring the stack costs time proportional to its depth, so sample.
	if r.calls.Add(1)%16 == 0 {
		max := r.limits.MaxCallDepth * framesPerLevel
		pcs := make([]uintptr, max+1)
		if runtime.Callers(0, pcs) > max {
			return nil, r.stop(&LimitError{Limit: LimitCallDepth,
				Msg: fmt.Sprintf("max-call-depth: calls nested deeper than %d levels", r.limits.MaxCallDepth)})
		}
	}
	return r.reroute(ctx, args)
}

// stop cancels the run with a limit and returns the limit as the handler's
// fatal error.
func (r *run) stop(le *LimitError) error {
	r.cancel(le)
	return le
}

// reroute rewrites the commands whose stock implementation touches the
// host: pwd -P (host symlinks), type/command -v/hash (host PATH stats),
// and source (host PATH stats: its argument is made absolute here, so
// what the host has cannot change the outcome). It also checks the code
// that eval, let and trap will parse, for the constructs that crash the
// interpreter.
func (r *run) reroute(ctx context.Context, args []string) ([]string, error) {
	prefix := 0
	for prefix < len(args)-1 && args[prefix] == "builtin" {
		prefix++
	}
	cmd, rest := args[prefix], args[prefix+1:]
	switch cmd {
	case "pwd":
		for _, a := range rest {
			if a == "-P" || strings.HasPrefix(a, "-") && strings.Contains(a, "P") && !strings.HasPrefix(a, "--") {
				return append([]string{internalPwd}, rest...), nil
			}
		}
	case "type", "hash":
		return append([]string{internalPrefix + cmd}, rest...), nil
	case "command":
		if len(rest) > 0 && (rest[0] == "-v" || rest[0] == "-V" || rest[0] == "-pv" || rest[0] == "-pV") {
			return append([]string{internalPrefix + "command"}, rest...), nil
		}
	case "source", ".":
		if len(rest) > 0 {
			hc := interp.HandlerCtx(ctx)
			out := append([]string{}, args...)
			out[prefix+1] = r.findSource(hc, rest[0])
			return out, nil
		}
	case "eval":
		src := strings.Join(rest, " ")
		if err := r.checkSource(src, "eval"); err != nil {
			return nil, err
		}
		if strings.Contains(src, "<(") || strings.Contains(src, ">(") || strings.Contains(src, "((") || strings.Contains(src, "]+=") {
			rewritten, err := r.rewriteSource(src)
			if err != nil {
				return nil, err
			}
			return append(append([]string{}, args[:prefix+1]...), rewritten), nil
		}
	case "let":
		for _, a := range rest {
			if err := r.checkSource("(( "+a+" ))", "let"); err != nil {
				return nil, err
			}
		}
	case "trap":
		if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			if err := r.checkSource(rest[0], "trap"); err != nil {
				return nil, err
			}
		}
	case "printf":
		// The interpreter's printf lacks %q in bash's style, %(...)T,
		// float precision and more: use sandsh's, except for -v, which
		// assigns a variable.
		if len(rest) > 0 && rest[0] == "--" {
			rest = rest[1:]
		}
		if len(rest) > 0 && !strings.HasPrefix(rest[0], "-v") {
			return append([]string{internalPrefix + "printf"}, rest...), nil
		}
	case "[", "test":
		// -O and -G compare with the host's current user: answer them
		// as -e, since the sandbox user owns what it can see.
		out := append([]string{}, args...)
		for i := prefix + 1; i < len(out); i++ {
			if (out[i] == "-O" || out[i] == "-G") && i+1 < len(out) && (i == prefix+1 || out[i-1] == "!" || out[i-1] == "-a" || out[i-1] == "-o" || out[i-1] == "(") {
				out[i] = "-e"
			}
		}
		return out, nil
	}
	return args, nil
}
