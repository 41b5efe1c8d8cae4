package builtins

// realpath, as GNU's: prints the canonical absolute name of each FILE,
// all but the last component having to exist by default; -e (all must
// exist), -m (none need), -L (resolve ".." before symlinks), -P (the
// default), -s/--strip/--no-symlinks (do not expand symlinks), -q,
// -z, --relative-to=DIR and --relative-base=DIR. Nothing is unsupported.

import (
	"strings"
)

func init() { Register("realpath", realpath) }

var realpathSpec = optSpec{
	Short: "eLmPqsz",
	Long: []longOpt{
		{Name: "canonicalize-existing", Key: "e"},
		{Name: "canonicalize-missing", Key: "m"},
		{Name: "relative-to", Arg: requiredArg, Key: "relative-to"},
		{Name: "relative-base", Arg: requiredArg, Key: "relative-base"},
		{Name: "quiet", Key: "q"},
		{Name: "strip", Key: "s"},
		{Name: "no-symlinks", Key: "s"},
		{Name: "zero", Key: "z"},
		{Name: "logical", Key: "L"},
		{Name: "physical", Key: "P"},
	},
	Status: 1,
	Usage: `Usage: realpath [OPTION]... FILE...
Print the resolved absolute file name;
all but the last component must exist

  -e, --canonicalize-existing  all components of the path must exist
  -m, --canonicalize-missing   no path components need exist or be a directory
  -L, --logical                resolve '..' components before symlinks
  -P, --physical               resolve symlinks as encountered (default)
  -q, --quiet                  suppress most error messages
      --relative-to=DIR        print the resolved path relative to DIR
      --relative-base=DIR      print absolute paths unless paths below DIR
  -s, --strip, --no-symlinks   don't expand symlinks
  -z, --zero                   end each output line with NUL, not newline
      --help        display this help and exit
      --version     output version information and exit
`,
}

// realpathRun holds the options of one realpath command.
type realpathRun struct {
	c        *Context
	mode     canMode
	noLinks  bool // -s or -L: the first pass is lexical
	logical  bool // -L: a second, physical pass follows
	quiet    bool
	zero     bool
	relTo    string
	hasRelTo bool
	base     string
	hasBase  bool
}

func realpath(c *Context) int {
	p, err := c.parseOpts(&realpathSpec)
	if err != nil {
		return exitStatus(err)
	}
	r := &realpathRun{c: c, mode: canAllButLast}
	relTo, relBase := "", ""
	hasTo, hasBase := false, false
	for _, o := range p.Opts {
		switch o.Key {
		case "e":
			r.mode = canExisting
		case "m":
			r.mode = canMissing
		case "L":
			r.noLinks, r.logical = true, true
		case "s":
			r.noLinks, r.logical = true, false
		case "P":
			r.noLinks, r.logical = false, false
		case "q":
			r.quiet = true
		case "z":
			r.zero = true
		case "relative-to":
			relTo, hasTo = o.Val, true
		case "relative-base":
			relBase, hasBase = o.Val, true
		}
	}
	if len(p.Operands) == 0 {
		return c.usageErr(1, "missing operand")
	}
	sameArg := false
	if hasBase && !hasTo {
		relTo, hasTo, sameArg = relBase, true, true
	}
	needDir := r.mode == canExisting
	if hasTo {
		to, st := r.canonDir(relTo, needDir)
		if st != 0 {
			return st
		}
		r.relTo, r.hasRelTo = to, true
	}
	if sameArg {
		r.base, r.hasBase = r.relTo, true
	} else if hasBase {
		base, st := r.canonDir(relBase, needDir)
		if st != 0 {
			return st
		}
		if pathPrefix(base, r.relTo) {
			r.base, r.hasBase = base, true
		} else {
			r.base, r.hasBase = r.relTo, true
			r.hasRelTo = false
		}
	}
	status := 0
	var b strings.Builder
	for _, name := range p.Operands {
		if c.Canceled() {
			return 1
		}
		if !r.process(&b, name) {
			status = 1
		}
	}
	if st := c.writeOut(b.String()); st != 0 {
		return st
	}
	return status
}

// canon is GNU's realpath_canon: canonicalize, then with -L once more to
// resolve symlinks.
func (r *realpathRun) canon(name string) (string, error) {
	s, err := r.c.canonicalize(name, r.mode, r.noLinks)
	if err == nil && r.logical {
		s, err = r.c.canonicalize(s, r.mode, false)
	}
	return s, err
}

// canonDir canonicalizes the argument of --relative-to or
// --relative-base; a failure ends the command.
func (r *realpathRun) canonDir(name string, needDir bool) (string, int) {
	s, err := r.canon(name)
	if err != nil {
		r.c.PathErr(quoteIf(name), err)
		return "", 1
	}
	if needDir {
		fi, err := r.c.FS.Stat(s)
		if err != nil {
			return "", r.c.Failf(1, "cannot stat %s: %s", quote(s), ErrText(err))
		}
		if !fi.IsDir() {
			return "", r.c.Failf(1, "%s: Not a directory", quoteIf(name))
		}
	}
	return s, 0
}

func (r *realpathRun) process(b *strings.Builder, name string) bool {
	s, err := r.canon(name)
	if err != nil {
		if !r.quiet {
			r.c.PathErr(quoteIf(name), err)
		}
		return false
	}
	rel, relOK := "", false
	if r.hasRelTo && (!r.hasBase || pathPrefix(r.base, s)) {
		rel, relOK = relPath(s, r.relTo)
	}
	if relOK {
		b.WriteString(rel)
	} else {
		b.WriteString(s)
	}
	if r.zero {
		b.WriteByte(0)
	} else {
		b.WriteByte('\n')
	}
	return true
}

// pathPrefix reports whether the canonical name prefix is path or one of
// its parents.
func pathPrefix(prefix, path string) bool {
	if prefix == "/" {
		return true
	}
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

// relPath returns the canonical name fname relative to the canonical
// directory dir, as coreutils' relpath does.
func relPath(fname, dir string) (string, bool) {
	common := pathCommonPrefix(dir, fname)
	if common == 0 {
		return "", false
	}
	to := strings.TrimPrefix(dir[common:], "/")
	fn := strings.TrimPrefix(fname[common:], "/")
	if to == "" {
		if fn == "" {
			return ".", true
		}
		return fn, true
	}
	s := ".." + strings.Repeat("/..", strings.Count(to, "/"))
	if fn != "" {
		s += "/" + fn
	}
	return s, true
}

// pathCommonPrefix is the length of the leading directories p1 and p2
// share, as coreutils' path_common_prefix computes it.
func pathCommonPrefix(p1, p2 string) int {
	i, ret := 0, 0
	for i < len(p1) && i < len(p2) && p1[i] == p2[i] {
		if p1[i] == '/' {
			ret = i + 1
		}
		i++
	}
	if (i == len(p1) && i == len(p2)) || (i == len(p1) && p2[i] == '/') || (i == len(p2) && p1[i] == '/') {
		ret = i
	}
	return ret
}
