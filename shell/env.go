package shell

import (
	"sort"
	"strings"

	"mvdan.cc/sh/v3/expand"

	"github.com/sandsh/sandsh/builtins"
)

// environ is the environment a run starts with. It answers the
// interpreter's "HOME user" lookups for ~user itself, so the host's user
// database is never read: ~USER is HOME, any other ~name stays as written,
// as bash leaves an unknown user.
type environ struct {
	vars map[string]string
	user string
}

func newEnviron(vars map[string]string) *environ {
	return &environ{vars: vars, user: vars["USER"]}
}

func (e *environ) Get(name string) expand.Variable {
	if u, ok := strings.CutPrefix(name, "HOME "); ok {
		if u == e.user {
			return expand.Variable{Set: true, Kind: expand.String, Str: e.vars["HOME"]}
		}
		return expand.Variable{Set: true, Kind: expand.String, Str: "~" + u}
	}
	v, ok := e.vars[name]
	if !ok {
		return expand.Variable{}
	}
	return expand.Variable{Set: true, Exported: true, Kind: expand.String, Str: v}
}

func (e *environ) Each(f func(name string, vr expand.Variable) bool) {
	names := make([]string, 0, len(e.vars))
	for n := range e.vars {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if !f(n, e.Get(n)) {
			return
		}
	}
}

// exported lists the exported variables of env as NAME=value, sorted.
func exported(env expand.Environ) []string {
	var out []string
	env.Each(func(name string, vr expand.Variable) bool {
		if vr.Exported && vr.IsSet() && vr.Kind == expand.String {
			out = append(out, name+"="+vr.Str)
		}
		return true
	})
	sort.Strings(out)
	return out
}

// defaultEnv is the environment of a session before Options.Env.
func defaultEnv() map[string]string {
	return map[string]string{
		"HOME":     "/root",
		"USER":     "root",
		"LOGNAME":  "root",
		"PATH":     "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
		"TMPDIR":   "/tmp",
		"SHELL":    "/bin/bash",
		"LANG":     "C.UTF-8",
		"TERM":     "dumb",
		"UID":      "0",
		"EUID":     "0",
		"GID":      "0",
		"HOSTNAME": builtins.SandboxHostname,
	}
}
