// Command sandsh runs a bash script against a project through a
// copy-on-write view: the script reads the real files, every change lands
// in memory, and the project on disk is never modified.
//
//	sandsh [flags] [script [args...]]
//	sandsh [flags] -c 'commands' [name [args...]]
//	sandsh [flags] < script
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"github.com/sandsh/sandsh/shell"
)

const usage = `usage: sandsh [flags] [script [args...]]
       sandsh [flags] -c 'commands' [name [args...]]
       sandsh [flags] < script

Runs a bash script in-process against a copy-on-write view of a project.
The project on disk is never modified.

Flags:
  -C DIR               project directory (default ".")
  -c STRING            run STRING instead of a script file
  -e, -u, -x           as in bash (errexit, nounset, xtrace); may be combined: -eux
  -o OPTION            set a bash option, such as -o pipefail
  --mount-at PATH      where the project appears (default: its real absolute path)
  --cwd DIR            starting directory, relative to the project (default: its root)
  --env K=V            set a variable in the script's environment (repeatable)
  --inherit-env A,B    pass these host variables through (repeatable)
  --timeout DURATION   stop the run after DURATION, exit 124 (e.g. 30s, 5m)
  --max-output BYTES   cap stdout plus stderr (default 256MiB; suffixes K M G)
  --max-memory BYTES   cap file contents held in memory (default 1GiB)
  --max-commands N     cap the commands executed (default 50000000)
  --max-depth N        cap nested function calls, eval, source and child shells (default 1000)

Reviewing and keeping the changes (after the run):
  --changes            list the changed paths on stderr, as git status --short does
  --diff               print a git-style patch of the changes on stderr
  --patch FILE         write the patch to FILE (git apply accepts it)
  --json               print one JSON object on stdout instead of the script's output
  --export DIR         write the final view of the project to DIR (new or empty)
  --export-link        with --export, hard-link unchanged files instead of copying
  --apply[=partial]    write the changes into the project; with conflicts nothing is
                       applied (exit 3), unless =partial applies the rest
  --review             show the diff, ask y/N on the terminal, apply on y

Path policy (patterns relative to the project; see the README):
  --hide PATTERN       make matching project paths invisible (repeatable, or a,b,c)
  --hide-default       hide common secret files (.env, *.pem, *.key, .ssh/, ...)
  --protect PATTERN    make matching project paths read-only (repeatable, or a,b,c)
  --allow-hidden       with --apply, also apply files created at hidden paths
  A .sandsh file at the project root may hold "hide PATTERN" and "protect PATTERN" lines.

  -h, --help           show this help
`

type config struct {
	dir, command, mountAt, cwd string
	hasCommand                 bool
	keep                       keepConfig
	hide, protect              []string
	hideDefault, allowHidden   bool
	setOpts                    []string
	env                        map[string]string
	limits                     shell.Limits
	args                       []string
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(argv []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parseArgs(argv)
	if err == errHelp {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "sandsh: %v\n%s", err, "Try 'sandsh --help' for more information.\n")
		return 2
	}
	script, name, args, err := loadScript(cfg, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "sandsh: %v\n", err)
		return 2
	}
	sess, err := shell.New(shell.Options{Dir: cfg.dir, MountAt: cfg.mountAt, Env: cfg.env, Limits: cfg.limits,
		Hide: cfg.hide, Protect: cfg.protect, HideDefault: cfg.hideDefault})
	if err != nil {
		fmt.Fprintf(stderr, "sandsh: %v\n", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	var in io.Reader = stdin
	if !cfg.hasCommand && len(cfg.args) == 0 {
		in = nil // the script itself came from stdin
	}
	if cfg.keep.exportLink && cfg.keep.export == "" {
		fmt.Fprintf(stderr, "sandsh: --export-link needs --export DIR\n")
		return 2
	}
	var rep *jsonReport
	outW, errW := stdout, stderr
	if cfg.keep.json {
		rep = newJSONReport(cfg.limits)
		outW, errW = rep.stdout, rep.stderr
	}
	res := sess.Run(ctx, shell.Request{
		Script: script, Name: name, Args: args, Options: cfg.setOpts,
		Stdin: in, Stdout: outW, Stderr: errW, Cwd: cfg.cwd,
	})
	return keepChanges(sess, cfg, res, rep, stdin, stdout, stderr)
}

var errHelp = fmt.Errorf("help")

func parseArgs(argv []string) (*config, error) {
	cfg := &config{dir: ".", env: map[string]string{}}
	value := func(i *int, flag string) (string, error) {
		if *i+1 >= len(argv) {
			return "", fmt.Errorf("flag %s needs a value", flag)
		}
		*i++
		return argv[*i], nil
	}
	for i := 0; i < len(argv); i++ {
		a := argv[i]
		if a == "--" {
			cfg.args = argv[i+1:]
			return cfg, nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			cfg.args = argv[i:]
			return cfg, nil
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		long := strings.HasPrefix(a, "--")
		get := func() (string, error) {
			if hasVal {
				return val, nil
			}
			return value(&i, a)
		}
		var err error
		switch {
		case a == "-h" || a == "--help":
			return nil, errHelp
		case a == "-C" || long && name == "project":
			cfg.dir, err = get()
		case a == "-c":
			cfg.command, err = get()
			cfg.hasCommand = true
		case a == "-o" || a == "+o":
			var opt string
			opt, err = get()
			cfg.setOpts = append(cfg.setOpts, a, opt)
		case long && name == "mount-at":
			cfg.mountAt, err = get()
		case long && name == "cwd":
			cfg.cwd, err = get()
		case long && name == "env":
			var kv string
			kv, err = get()
			k, v, ok := strings.Cut(kv, "=")
			if err == nil && !ok {
				err = fmt.Errorf("--env %q: want NAME=value", kv)
			}
			cfg.env[k] = v
		case long && name == "inherit-env":
			var names string
			names, err = get()
			for _, n := range strings.Split(names, ",") {
				if v, ok := os.LookupEnv(strings.TrimSpace(n)); ok {
					cfg.env[strings.TrimSpace(n)] = v
				}
			}
		case long && name == "timeout":
			var s string
			if s, err = get(); err == nil {
				cfg.limits.Timeout, err = parseDuration(s)
			}
		case long && (name == "max-output" || name == "max-memory"):
			var s string
			var n int64
			if s, err = get(); err == nil {
				n, err = parseBytes(s)
			}
			if name == "max-output" {
				cfg.limits.MaxOutputBytes = n
			} else {
				cfg.limits.MaxUpperBytes = n
			}
		case long && (name == "max-commands" || name == "max-depth"):
			var s string
			var n int64
			if s, err = get(); err == nil {
				n, err = strconv.ParseInt(s, 10, 64)
				if err == nil && n <= 0 {
					err = fmt.Errorf("%s must be positive", a)
				}
			}
			if name == "max-commands" {
				cfg.limits.MaxCommands = n
			} else {
				cfg.limits.MaxCallDepth = int(n)
			}
		case long && name == "changes" && !hasVal:
			cfg.keep.changes = true
		case long && name == "diff" && !hasVal:
			cfg.keep.diff = true
		case long && name == "patch":
			cfg.keep.patch, err = get()
		case long && name == "json" && !hasVal:
			cfg.keep.json = true
		case long && name == "export":
			cfg.keep.export, err = get()
		case long && name == "export-link" && !hasVal:
			cfg.keep.exportLink = true
		case long && name == "apply":
			cfg.keep.apply = true
			switch {
			case !hasVal:
			case val == "partial":
				cfg.keep.partial = true
			default:
				err = fmt.Errorf("--apply=%s: the only value is partial", val)
			}
		case long && (name == "hide" || name == "protect"):
			var v string
			if v, err = get(); err == nil {
				pats := splitPatterns(v)
				if name == "hide" {
					cfg.hide = append(cfg.hide, pats...)
				} else {
					cfg.protect = append(cfg.protect, pats...)
				}
			}
		case long && name == "hide-default" && !hasVal:
			cfg.hideDefault = true
		case long && name == "allow-hidden" && !hasVal:
			cfg.allowHidden = true
		case long && name == "review" && !hasVal:
			cfg.keep.review = true
		case !long && len(a) > 1 && strings.Trim(a[1:], "eux") == "":
			cfg.setOpts = append(cfg.setOpts, a)
		default:
			return nil, fmt.Errorf("unknown flag %s", a)
		}
		if err != nil {
			return nil, err
		}
	}
	return cfg, nil
}

func parseDuration(s string) (time.Duration, error) {
	if n, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Duration(n * float64(time.Second)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("invalid duration %q", s)
	}
	return d, nil
}

func parseBytes(s string) (int64, error) {
	mult := int64(1)
	upper := strings.ToUpper(strings.TrimSuffix(strings.TrimSuffix(s, "B"), "i"))
	switch {
	case strings.HasSuffix(upper, "K"):
		mult = 1 << 10
	case strings.HasSuffix(upper, "M"):
		mult = 1 << 20
	case strings.HasSuffix(upper, "G"):
		mult = 1 << 30
	}
	if mult > 1 {
		upper = upper[:len(upper)-1]
	}
	n, err := strconv.ParseInt(upper, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("invalid size %q", s)
	}
	return n * mult, nil
}

// loadScript returns the script to run, its name ($0) and its arguments.
// A script file named on the command line is read from the host: it is the
// user's, not the project's.
func loadScript(cfg *config, stdin io.Reader) (script, name string, args []string, err error) {
	switch {
	case cfg.hasCommand:
		name = "sandsh"
		if len(cfg.args) > 0 {
			name, args = cfg.args[0], cfg.args[1:]
		}
		return cfg.command, name, args, nil
	case len(cfg.args) > 0:
		b, err := os.ReadFile(cfg.args[0])
		if err != nil {
			return "", "", nil, fmt.Errorf("script: %w", err)
		}
		return string(b), cfg.args[0], cfg.args[1:], nil
	default:
		b, err := io.ReadAll(stdin)
		if err != nil {
			return "", "", nil, fmt.Errorf("reading the script from stdin: %w", err)
		}
		return string(b), "sandsh", nil, nil
	}
}

// splitPatterns splits a comma-separated list of patterns, leaving the
// commas inside {a,b} alone.
func splitPatterns(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}
