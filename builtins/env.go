package builtins

// env, as GNU's: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
// with -i/--ignore-environment (and a lone "-"), -u/--unset NAME,
// -C/--chdir DIR, -0/--null, -S/--split-string STRING (quotes, escapes,
// \_ and ${VAR}), -v/--debug accepted and ignored. Without a command it
// prints the environment; the command runs through Context.Exec with the
// new environment. Exit status 125 for env's own errors, 126 when the
// command cannot run, 127 when it is not found. Not supported: the
// signal options (--block-signal, --default-signal, --ignore-signal).

import (
	"errors"
	"path"
	"strings"
	"syscall"
)

func init() { Register("env", env) }

var envSpec = optSpec{
	Short: "iu:C:0S:v",
	Long: []longOpt{
		{Name: "ignore-environment", Key: "i"},
		{Name: "unset", Arg: requiredArg, Key: "u"},
		{Name: "chdir", Arg: requiredArg, Key: "C"},
		{Name: "null", Key: "0"},
		{Name: "split-string", Arg: requiredArg, Key: "S"},
		{Name: "debug", Key: "v"},
	},
	Status: 125,
	Usage: `Usage: env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]
Set each NAME to VALUE in the environment and run COMMAND.

Mandatory arguments to long options are mandatory for short options too.
  -i, --ignore-environment  start with an empty environment
  -0, --null           end each output line with NUL, not newline
  -u, --unset=NAME     remove variable from the environment
  -C, --chdir=DIR      change working directory to DIR
  -S, --split-string=S  process and split S into separate arguments;
                        used to pass multiple arguments on shebang lines
  -v, --debug          print verbose information for each processing step
      --help     display this help and exit
      --version  output version information and exit

A mere - implies -i.  If no COMMAND, print the resulting environment.
`,
}

func env(c *Context) int {
	// -S inserts its words in place of itself, then parsing goes on.
	args := append([]string(nil), c.Args...)
	var p parsed
	for {
		c2 := *c
		c2.Args = args
		var err error
		p, err = c2.parseOptsFirst(&envSpec)
		if err != nil {
			return exitStatus(err)
		}
		idx := -1
		for i, o := range p.Opts {
			if o.Key == "S" {
				idx = i
				break
			}
		}
		if idx < 0 {
			break
		}
		words, msg := splitEnvString(p.Opts[idx].Val, c.Env)
		if msg != "" {
			return c.Failf(125, "%s", msg)
		}
		// Rebuild the command line: options before -S, its words, the
		// rest.
		rebuilt := []string{args[0]}
		for _, o := range p.Opts[:idx] {
			rebuilt = append(rebuilt, optText(o)...)
		}
		rebuilt = append(rebuilt, words...)
		for _, o := range p.Opts[idx+1:] {
			rebuilt = append(rebuilt, optText(o)...)
		}
		if len(p.Operands) > 0 {
			rebuilt = append(rebuilt, "--")
		}
		rebuilt = append(rebuilt, p.Operands...)
		args = rebuilt
	}
	ignore, null := false, false
	chdir, hasChdir := "", false
	var unset []string
	for _, o := range p.Opts {
		switch o.Key {
		case "i":
			ignore = true
		case "0":
			null = true
		case "u":
			unset = append(unset, o.Val)
		case "C":
			chdir, hasChdir = o.Val, true
		}
	}
	ops := p.Operands
	if len(ops) > 0 && ops[0] == "-" {
		ignore = true
		ops = ops[1:]
	}
	// The environment, in order: the old one, then new names.
	var names []string
	vals := map[string]string{}
	if !ignore && c.Environ != nil {
		for _, kv := range c.Environ() {
			k, v, _ := strings.Cut(kv, "=")
			if _, dup := vals[k]; !dup {
				names = append(names, k)
			}
			vals[k] = v
		}
	}
	for _, u := range unset {
		if u == "" || strings.Contains(u, "=") {
			return c.Failf(125, "cannot unset %s: Invalid argument", quote(u))
		}
		delete(vals, u)
	}
	for len(ops) > 0 && strings.Contains(ops[0], "=") {
		k, v, _ := strings.Cut(ops[0], "=")
		if _, ok := vals[k]; !ok {
			names = append(names, k)
		}
		vals[k] = v
		ops = ops[1:]
	}
	if len(ops) == 0 {
		if hasChdir {
			return c.usageErr(125, "must specify command with --chdir (-C)")
		}
		end := "\n"
		if null {
			end = "\x00"
		}
		var b strings.Builder
		seen := map[string]bool{}
		for _, k := range names {
			v, ok := vals[k]
			if !ok || seen[k] {
				continue
			}
			seen[k] = true
			b.WriteString(k + "=" + v + end)
		}
		return c.writeOut(b.String())
	}
	if null {
		return c.usageErr(125, "cannot specify --null (-0) with command")
	}
	sub := c.Sub(ops...)
	sub.WithEnv(vals)
	if hasChdir {
		dir := c.Abs(chdir)
		fi, err := c.FS.Stat(c.fsPath(chdir))
		if err == nil && !fi.IsDir() {
			err = syscall.ENOTDIR
		}
		if err != nil {
			return c.Failf(125, "cannot change directory to %s: %s", quote(chdir), ErrText(err))
		}
		sub.Dir = path.Clean(dir)
	}
	return c.runChild(sub, "")
}

// runChild runs sub with c.Exec and turns the failures into GNU's
// statuses: "cmd: 'x': No such file or directory" (127) or "Permission
// denied" (126). prefix, if set, starts the message ("failed to run
// command ").
func (c *Context) runChild(sub *Context, prefix string) int {
	name := prefix + quote(sub.Args[0])
	if c.Exec == nil {
		return c.Failf(126, "%s: cannot run commands here", name)
	}
	st, err := c.Exec(sub)
	switch {
	case errors.Is(err, ErrNotFound):
		return c.Failf(127, "%s: No such file or directory", name)
	case errors.Is(err, ErrNotExecutable):
		return c.Failf(126, "%s: Permission denied", name)
	case err != nil:
		return c.Failf(126, "%s: %s", name, ErrText(err))
	}
	return st
}

// optText gives back the command-line form of a parsed option.
func optText(o opt) []string {
	if strings.HasPrefix(o.Name, "--") {
		if o.HasVal {
			return []string{o.Name + "=" + o.Val}
		}
		return []string{o.Name}
	}
	if o.HasVal {
		return []string{o.Name, o.Val}
	}
	return []string{o.Name}
}

// splitEnvString splits an env -S string as GNU's env does: white space
// separates words; '...' keeps everything but \\ and \'; "..." and bare
// words take the escapes \" \' \\ \_ \$ \# \f \n \r \t \v and ${NAME};
// a bare \_ ends a word; \c ends the string; # starts a comment at the
// start of a word.
func splitEnvString(s string, getenv func(string) (string, bool)) ([]string, string) {
	var words []string
	var cur strings.Builder
	inWord := false
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	const (
		none = iota
		single
		double
	)
	q := none
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case q == single:
			if ch == '\'' {
				q = none
				continue
			}
			if ch == '\\' && i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == '\'') {
				i++
				ch = s[i]
			}
			cur.WriteByte(ch)
			continue
		case q == none && strings.IndexByte(" \t\n\v\f\r", ch) >= 0:
			flush()
			continue
		case q == none && ch == '#' && !inWord:
			return words, ""
		case ch == '\'' && q == none:
			q, inWord = single, true
			continue
		case ch == '"':
			if q == double {
				q = none
			} else {
				q, inWord = double, true
			}
			continue
		case ch == '\\':
			if i+1 >= len(s) {
				return nil, "invalid backslash at end of string in -S"
			}
			i++
			e := s[i]
			switch e {
			case 'c':
				if q == double {
					return nil, "'\\c' must not appear in double-quoted -S string"
				}
				flush()
				return words, ""
			case '_':
				if q == none {
					flush()
					continue
				}
				cur.WriteByte(' ')
			case '"', '\'', '\\', '$', '#':
				cur.WriteByte(e)
			case 'f':
				cur.WriteByte('\f')
			case 'n':
				cur.WriteByte('\n')
			case 'r':
				cur.WriteByte('\r')
			case 't':
				cur.WriteByte('\t')
			case 'v':
				cur.WriteByte('\v')
			default:
				return nil, "invalid sequence '\\" + string(e) + "' in -S"
			}
			inWord = true
			continue
		case ch == '$':
			if i+1 >= len(s) || s[i+1] != '{' {
				return nil, "only ${VARNAME} expansion is supported, error at: " + s[i:]
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return nil, "only ${VARNAME} expansion is supported, error at: " + s[i:]
			}
			name := s[i+2 : i+end]
			if getenv != nil {
				v, _ := getenv(name)
				cur.WriteString(v)
			}
			inWord = true
			i += end
			continue
		}
		cur.WriteByte(ch)
		inWord = true
	}
	if q == single {
		return nil, "no terminating quote in -S string"
	}
	if q == double {
		return nil, "no terminating quote in -S string"
	}
	flush()
	return words, ""
}
