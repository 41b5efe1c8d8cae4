package builtins

// mktemp, as GNU's: creates a file (mode 0600) or with -d a directory
// (0700) from TEMPLATE, whose last run of at least three X's is replaced
// by random letters and digits (default tmp.XXXXXXXXXX in $TMPDIR or
// /tmp); -u/--dry-run, -q/--quiet, -p DIR/--tmpdir[=DIR], -t (template
// in $TMPDIR, -p DIR or /tmp) and --suffix=SUFF. Nothing is unsupported.

import (
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
)

func init() { Register("mktemp", mktemp) }

var mktempSpec = optSpec{
	Short: "dp:qtu",
	Long: []longOpt{
		{Name: "directory", Key: "d"},
		{Name: "quiet", Key: "q"},
		{Name: "dry-run", Key: "u"},
		{Name: "suffix", Arg: requiredArg, Key: "suffix"},
		{Name: "tmpdir", Arg: optionalArg, Key: "p"},
	},
	Status: 1,
	Usage: `Usage: mktemp [OPTION]... [TEMPLATE]
Create a temporary file or directory, safely, and print its name.
TEMPLATE must contain at least 3 consecutive 'X's in last component.
If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.
Files are created u+rw, and directories u+rwx, minus umask restrictions.

  -d, --directory     create a directory, not a file
  -u, --dry-run       do not create anything; merely print a name (unsafe)
  -q, --quiet         suppress diagnostics about file/dir-creation failure
      --suffix=SUFF   append SUFF to TEMPLATE; SUFF must not contain a slash.
                        This option is implied if TEMPLATE does not end in X
  -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is not
                        specified, use $TMPDIR if set, else /tmp.  With
                        this option, TEMPLATE must not be an absolute name;
                        unlike with -t, TEMPLATE may contain slashes, but
                        mktemp creates only the final component
  -t                  interpret TEMPLATE as a single file name component,
                        relative to a directory: $TMPDIR, if set; else the
                        directory specified via -p; else /tmp [deprecated]
      --help        display this help and exit
      --version     output version information and exit
`,
}

const mktempChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

func mktemp(c *Context) int {
	p, err := c.parseOpts(&mktempSpec)
	if err != nil {
		return exitStatus(err)
	}
	makeDir, quiet, dryRun, useT := false, false, false, false
	useDestDir := false
	destDirArg := ""
	suffix, hasSuffix := "", false
	for _, o := range p.Opts {
		switch o.Key {
		case "d":
			makeDir = true
		case "q":
			quiet = true
		case "u":
			dryRun = true
		case "t":
			useDestDir, useT = true, true
		case "p":
			useDestDir = true
			destDirArg = o.Val
		case "suffix":
			suffix, hasSuffix = o.Val, true
		}
	}
	template := ""
	switch len(p.Operands) {
	case 0:
		template = "tmp.XXXXXXXXXX"
		useDestDir = true
	case 1:
		template = p.Operands[0]
	default:
		return c.usageErr(1, "too many templates")
	}
	var base string // the template without the suffix
	if hasSuffix {
		if strings.Contains(suffix, "/") {
			return c.Failf(1, "invalid suffix %s, contains directory separator", quote(suffix))
		}
		if !strings.HasSuffix(template, "X") {
			return c.Failf(1, "with --suffix, template %s must end in X", quote(template))
		}
		base = template
		template += suffix
	} else {
		i := strings.LastIndexByte(template, 'X')
		base = template[:i+1]
		suffix = template[i+1:]
	}
	xs := len(base) - len(strings.TrimRight(base, "X"))
	if xs < 3 {
		return c.Failf(1, "too few X's in template %s", quote(template))
	}
	if useDestDir {
		var dir string
		env := ""
		if c.Env != nil {
			env, _ = c.Env("TMPDIR")
		}
		if useT {
			switch {
			case env != "":
				dir = env
			case destDirArg != "":
				dir = destDirArg
			default:
				dir = "/tmp"
			}
			if strings.Contains(template, "/") {
				return c.Failf(1, "invalid template, %s, contains directory separator", quote(template))
			}
		} else {
			switch {
			case destDirArg != "":
				dir = destDirArg
			case env != "":
				dir = env
			default:
				dir = "/tmp"
			}
			if strings.HasPrefix(template, "/") {
				return c.Failf(1, "invalid template, %s; with --tmpdir, it may not be absolute", quote(template))
			}
		}
		template = joinName(dir, template)
		base = joinName(dir, base)
	}
	prefix := base[:len(base)-xs]
	name, err := c.mktempTry(prefix, xs, suffix, makeDir, dryRun)
	if err != nil {
		if !quiet {
			what := "file"
			if makeDir {
				what = "directory"
			}
			c.Errorf("failed to create %s via template %s: %s", what, quote(template), ErrText(err))
		}
		return 1
	}
	return c.writeOut(name + "\n")
}

// mktempTry makes a name of prefix, xs random characters and suffix that
// does not exist yet and creates it unless dryRun, as gnulib's gen_tempname
// does.
func (c *Context) mktempTry(prefix string, xs int, suffix string, makeDir, dryRun bool) (string, error) {
	var err error = syscall.EEXIST
	for try := 0; try < 1000 && !c.Canceled(); try++ {
		b := make([]byte, xs)
		for i := range b {
			b[i] = mktempChars[rand.IntN(len(mktempChars))]
		}
		name := prefix + string(b) + suffix
		p := c.fsPath(name)
		switch {
		case dryRun:
			_, err = c.lstat(name)
			if err == nil {
				err = syscall.EEXIST
			} else if errnoOf(err) == syscall.ENOENT {
				return name, nil
			}
		case makeDir:
			err = c.FS.Mkdir(p, 0o700)
		default:
			var f interface{ Close() error }
			f, err = c.FS.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
			if err == nil {
				f.Close()
			}
		}
		if err == nil {
			return name, nil
		}
		if errnoOf(err) != syscall.EEXIST {
			return "", err
		}
	}
	return "", err
}
