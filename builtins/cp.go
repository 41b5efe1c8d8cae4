package builtins

import (
	"strings"
)

// cp, as GNU's: -a -d -f -i -H -L -n -P -p -R -r -t -T -u -v -x,
// --preserve[=LIST] and --no-preserve=LIST (mode, ownership, timestamps,
// links; context and xattr are accepted and ignored), --remove-destination,
// --strip-trailing-slashes; --reflink and --sparse are accepted and
// ignored. File contents are streamed. Directories are copied in name
// order (GNU copies in directory order, which shows in -v output and in
// where a copy into itself stops). Not supported: -l, -s, -b/--backup,
// -S, --parents, --attributes-only, -Z; special files (FIFOs, devices)
// cannot be copied in the sandbox.

func init() { Register("cp", cp) }

var cpSpec = optSpec{
	Short: "adfiHlLnPpRrst:TuvxZ",
	Long: []longOpt{
		{Name: "archive", Key: "a"},
		{Name: "force", Key: "f"},
		{Name: "interactive", Key: "i"},
		{Name: "dereference", Key: "L"},
		{Name: "no-clobber", Key: "n"},
		{Name: "no-dereference", Key: "P"},
		{Name: "preserve", Arg: optionalArg, Key: "preserve"},
		{Name: "no-preserve", Arg: requiredArg, Key: "no-preserve"},
		{Name: "recursive", Key: "R"},
		{Name: "remove-destination", Key: "remove-destination"},
		{Name: "strip-trailing-slashes", Key: "strip-trailing-slashes"},
		{Name: "target-directory", Arg: requiredArg, Key: "t"},
		{Name: "no-target-directory", Key: "T"},
		{Name: "update", Key: "u"},
		{Name: "verbose", Key: "v"},
		{Name: "one-file-system", Key: "x"},
		{Name: "reflink", Arg: optionalArg, Key: "reflink"},
		{Name: "sparse", Arg: requiredArg, Key: "sparse"},
		{Name: "link", Key: "l"},
		{Name: "symbolic-link", Key: "s"},
		{Name: "context", Arg: optionalArg, Key: "Z"},
	},
	Status: 1,
	Usage: `Usage: cp [OPTION]... [-T] SOURCE DEST
  or:  cp [OPTION]... SOURCE... DIRECTORY
  or:  cp [OPTION]... -t DIRECTORY SOURCE...
Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.

Mandatory arguments to long options are mandatory for short options too.
  -a, --archive                same as -dR --preserve=all
  -d                           same as --no-dereference --preserve=links
  -f, --force                  if an existing destination file cannot be
                                 opened, remove it and try again
  -i, --interactive            prompt before overwrite (overrides a previous -n
                                  option)
  -H                           follow command-line symbolic links in SOURCE
  -L, --dereference            always follow symbolic links in SOURCE
  -n, --no-clobber             do not overwrite an existing file (overrides
                                 a previous -i option)
  -P, --no-dereference         never follow symbolic links in SOURCE
  -p                           same as --preserve=mode,ownership,timestamps
      --preserve[=ATTR_LIST]   preserve the specified attributes (default:
                                 mode,ownership,timestamps), if possible
                                 additional attributes: links, all
      --no-preserve=ATTR_LIST  don't preserve the specified attributes
      --remove-destination     remove each existing destination file before
                                 attempting to open it (contrast with --force)
      --strip-trailing-slashes  remove any trailing slashes from each SOURCE
                                 argument
  -R, -r, --recursive          copy directories recursively
  -t, --target-directory=DIRECTORY  copy all SOURCE arguments into DIRECTORY
  -T, --no-target-directory    treat DEST as a normal file
  -u, --update                 copy only when the SOURCE file is newer
                                 than the destination file or when the
                                 destination file is missing
  -v, --verbose                explain what is being done
  -x, --one-file-system        stay on this file system
      --help        display this help and exit
      --version     output version information and exit
`,
}

var preserveArgs = [][]string{{"mode"}, {"timestamps"}, {"ownership"}, {"links"}, {"context"}, {"xattr"}, {"all"}}

func cp(c *Context) int {
	c, out := c.withStickyStdout()
	p, err := c.parseOpts(&cpSpec)
	if err != nil {
		return exitStatus(err)
	}
	o := &copyOpts{}
	derefSet := false
	var target string
	hasTarget, noTarget, strip := false, false, false
	for _, op := range p.Opts {
		switch op.Key {
		case "a":
			o.recursive, o.deref, derefSet = true, derefNever, true
			o.preserveMode, o.preserveOwner, o.preserveTimes, o.preserveLinks = true, true, true, true
		case "d":
			o.deref, derefSet, o.preserveLinks = derefNever, true, true
		case "f":
			o.force = true
		case "i":
			o.interactive, o.noClobber = true, false
		case "n":
			o.noClobber, o.interactive = true, false
		case "H":
			o.deref, derefSet = derefArgs, true
		case "L":
			o.deref, derefSet = derefAlways, true
		case "P":
			o.deref, derefSet = derefNever, true
		case "p":
			o.preserveMode, o.preserveOwner, o.preserveTimes = true, true, true
		case "preserve", "no-preserve":
			on := op.Key == "preserve"
			list := "mode,ownership,timestamps"
			if op.HasVal {
				list = op.Val
			}
			for _, a := range strings.Split(list, ",") {
				w, ok := c.argMatch("--"+op.Key, a, preserveArgs)
				if !ok {
					return 1
				}
				switch w {
				case "mode":
					o.preserveMode, o.noPreserveMode = on, !on
				case "timestamps":
					o.preserveTimes = on
				case "ownership":
					o.preserveOwner = on
				case "links":
					o.preserveLinks = on
				case "all":
					o.preserveMode, o.preserveOwner, o.preserveTimes, o.preserveLinks = on, on, on, on
					o.noPreserveMode = !on
				}
			}
		case "R", "r":
			o.recursive = true
		case "remove-destination":
			o.removeDest = true
		case "strip-trailing-slashes":
			strip = true
		case "t":
			target, hasTarget = op.Val, true
		case "T":
			noTarget = true
		case "u":
			o.update = true
		case "v":
			o.verbose = true
		case "l", "s":
			return c.Failf(1, "%s is not supported in the sandbox", op.Name)
		}
	}
	if !derefSet {
		if o.recursive {
			o.deref = derefNever
		} else {
			o.deref = derefAlways
		}
	}
	srcs, dst, intoDir, status := c.copyTargets(p.Operands, target, hasTarget, noTarget)
	if status >= 0 {
		return status
	}
	cpr := newCopier(c, o)
	status = 0
	for _, src := range srcs {
		if c.stopped() {
			return 1
		}
		if strip {
			src = stripSlashes(src)
		}
		d := dst
		if intoDir {
			d = joinName(dst, baseName(src))
		}
		if !cpr.copyTop(src, d) {
			status = 1
		}
	}
	if out.err != nil {
		return 1
	}
	return status
}

// stripSlashes removes trailing slashes, leaving "/" alone.
func stripSlashes(s string) string {
	t := strings.TrimRight(s, "/")
	if t == "" && s != "" {
		return "/"
	}
	return t
}

// copyTargets sorts out the operands of cp and mv as GNU does: SOURCE
// DEST, SOURCE... DIRECTORY, -t DIRECTORY SOURCE... or -T SOURCE DEST.
// status is -1 when the command can go on.
func (c *Context) copyTargets(operands []string, target string, hasTarget, noTarget bool) (srcs []string, dst string, intoDir bool, status int) {
	n := len(operands)
	if hasTarget && noTarget {
		return nil, "", false, c.Failf(1, "cannot combine --target-directory (-t) and --no-target-directory (-T)")
	}
	if n == 0 || (n == 1 && !hasTarget) {
		if n == 0 {
			return nil, "", false, c.usageErr(1, "missing file operand")
		}
		return nil, "", false, c.usageErr(1, "missing destination file operand after %s", quote(operands[0]))
	}
	if hasTarget {
		fi, err := c.stat(target)
		if err != nil {
			return nil, "", false, c.Failf(1, "target directory %s: %s", quote(target), ErrText(err))
		}
		if !fi.IsDir() {
			return nil, "", false, c.Failf(1, "target directory %s: Not a directory", quote(target))
		}
		return operands, target, true, -1
	}
	last := operands[n-1]
	if noTarget {
		if n > 2 {
			return nil, "", false, c.usageErr(1, "extra operand %s", quote(operands[2]))
		}
		return operands[:1], last, false, -1
	}
	fi, err := c.stat(last)
	if err == nil && fi.IsDir() {
		return operands[:n-1], last, true, -1
	}
	if n > 2 {
		if err != nil {
			return nil, "", false, c.Failf(1, "target %s: %s", quote(last), ErrText(err))
		}
		return nil, "", false, c.Failf(1, "target %s: Not a directory", quote(last))
	}
	return operands[:1], last, false, -1
}
