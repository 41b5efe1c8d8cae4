package builtins

// patch, as GNU patch 2.7.6's, on top of internal/udiff's patch reader and
// applier: unified, context and normal diffs from stdin, -i FILE or the
// PATCHFILE operand, to the files their headers name (GNU's choice among
// the old, new and Index: names) or to ORIGFILE; git diffs (new/deleted
// files, renames and copies, old/new mode, "GIT binary patch" refused);
// -p/--strip (all leading directories by default), -R, -N, -f, -t, -s,
// --verbose (partly), --dry-run, -o FILE (or -), -r FILE, -E, -d DIR, -b,
// -z/-B/-Y, --backup-if-mismatch/--no-backup-if-mismatch, -F, -l, -c/-u/-n,
// --posix, --binary; offsets and fuzz with GNU's messages, reversed patch
// detection, creation and deletion of files (with empty parent
// directories removed), .rej files as GNU writes them (unified, or
// context for context diffs, or --reject-format), "\ No newline at end of
// file" both ways. There is never a terminal: questions get GNU's default
// answers, as GNU's do when stdout is not a tty. Git symlink patches
// (mode 120000) patch the link's target. "Binary files a/x and b/x
// differ" is passed over as GNU 2.7.6 does ("patching file x", nothing
// changed). Not supported: ed scripts (-e), -D/--ifdef, -g/RCS/SCCS,
// -T/-Z times, -V numbered backups, Prereq: checks, --merge,
// --quoting-style, read-only warnings, and git's deferred writing of
// files that several concatenated git diffs change.

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strconv"
	"strings"
	"syscall"

	"github.com/sandsh/sandsh/internal/udiff"
)

func init() { Register("patch", patchCmd) }

var patchSpec = optSpec{
	Short: "bB:cd:D:eEfF:g:i:lnNo:p:r:RstTuvV:x:Y:z:Z",
	Long: []longOpt{
		{Name: "backup", Key: "b"},
		{Name: "prefix", Arg: requiredArg, Key: "B"},
		{Name: "context", Key: "c"},
		{Name: "directory", Arg: requiredArg, Key: "d"},
		{Name: "ifdef", Arg: requiredArg, Key: "D"},
		{Name: "ed", Key: "e"},
		{Name: "remove-empty-files", Key: "E"},
		{Name: "force", Key: "f"},
		{Name: "fuzz", Arg: requiredArg, Key: "F"},
		{Name: "get", Arg: requiredArg, Key: "g"},
		{Name: "input", Arg: requiredArg, Key: "i"},
		{Name: "ignore-whitespace", Key: "l"},
		{Name: "normal", Key: "n"},
		{Name: "forward", Key: "N"},
		{Name: "output", Arg: requiredArg, Key: "o"},
		{Name: "strip", Arg: requiredArg, Key: "p"},
		{Name: "reject-file", Arg: requiredArg, Key: "r"},
		{Name: "reverse", Key: "R"},
		{Name: "quiet", Key: "s"},
		{Name: "silent", Key: "s"},
		{Name: "batch", Key: "t"},
		{Name: "set-time", Key: "T"},
		{Name: "unified", Key: "u"},
		{Name: "version-control", Arg: requiredArg, Key: "V"},
		{Name: "debug", Arg: requiredArg, Key: "x"},
		{Name: "basename-prefix", Arg: requiredArg, Key: "Y"},
		{Name: "suffix", Arg: requiredArg, Key: "z"},
		{Name: "set-utc", Key: "Z"},
		{Name: "dry-run", Key: "dry-run"},
		{Name: "verbose", Key: "verbose"},
		{Name: "binary", Key: "binary"},
		{Name: "backup-if-mismatch", Key: "backup-if-mismatch"},
		{Name: "no-backup-if-mismatch", Key: "no-backup-if-mismatch"},
		{Name: "posix", Key: "posix"},
		{Name: "quoting-style", Arg: requiredArg, Key: "quoting-style"},
		{Name: "reject-format", Arg: requiredArg, Key: "reject-format"},
		{Name: "read-only", Arg: requiredArg, Key: "read-only"},
		{Name: "follow-symlinks", Key: "follow-symlinks"},
	},
	Status: 2,
	Usage: `Usage: patch [OPTION]... [ORIGFILE [PATCHFILE]]

Input options:

  -p NUM  --strip=NUM  Strip NUM leading components from file names.
  -F LINES  --fuzz LINES  Set the fuzz factor to LINES for inexact matching.
  -l  --ignore-whitespace  Ignore white space changes between patch and input.

  -c  --context  Interpret the patch as a context difference.
  -n  --normal  Interpret the patch as a normal difference.
  -u  --unified  Interpret the patch as a unified difference.

  -N  --forward  Ignore patches that appear to be reversed or already applied.
  -R  --reverse  Assume patches were created with old and new files swapped.

  -i PATCHFILE  --input=PATCHFILE  Read patch from PATCHFILE instead of stdin.

Output options:

  -o FILE  --output=FILE  Output patched files to FILE.
  -r FILE  --reject-file=FILE  Output rejects to FILE.

  -E  --remove-empty-files  Remove output files that are empty after patching.

Backup and version control options:

  -b  --backup  Back up the original contents of each file.
  --backup-if-mismatch  Back up if the patch does not match exactly.
  --no-backup-if-mismatch  Back up mismatches only if otherwise requested.

  -B PREFIX  --prefix=PREFIX  Prepend PREFIX to backup file names.
  -Y PREFIX  --basename-prefix=PREFIX  Prepend PREFIX to backup file basenames.
  -z SUFFIX  --suffix=SUFFIX  Append SUFFIX to backup file names.

Miscellaneous options:

  -t  --batch  Ask no questions; skip bad-Prereq patches; assume reversed.
  -f  --force  Like -t, but ignore bad-Prereq patches, and assume unreversed.
  -s  --quiet  --silent  Work silently unless an error occurs.
  --verbose  Output extra information about the work being done.
  --dry-run  Do not actually change any files; just print what would happen.
  --posix  Conform to the POSIX standard.

  -d DIR  --directory=DIR  Change the working directory to DIR first.
  --reject-format=FORMAT  Create 'context' or 'unified' rejects.
  --binary  Read and write data in binary mode.

  -v  --version  Output version info.
  --help  Output this help.
`,
}

// patchFatal ends the run with status 2 after GNU's "patch: **** ..."
// message.
type patchFatal struct{ msg string }

func (e *patchFatal) Error() string { return e.msg }

// patchRun is the state of one run of patch.
type patchRun struct {
	c      *Context
	say    *bufio.Writer
	parser *udiff.Parser

	strip                  int
	reverseSpecified       bool
	noreverse, force       bool
	batch, dryRun          bool
	silent, verbose, posix bool
	removeEmpty            bool
	makeBackups            bool
	backupIfMismatch       bool
	origPrefix, origBase   string
	origSuffix             string
	hasPrefix, hasBase     bool
	maxFuzz                int
	ignoreWS               bool
	rejectFormat           udiff.Format
	rejName                string
	outfile                string
	inname                 string
	explicitIn             bool
	binary                 bool

	outBuf    *bytes.Buffer // the -o output
	somefail  bool
	backedUp  map[string]bool // files backed up or written by this run
	created   map[string]bool // reject files written by this run
	deleteLat []patchDelete
	rejBuf    bytes.Buffer
	reverse   bool
	skip      bool
	fp        *udiff.FilePatch
}

type patchDelete struct {
	name   string
	backup bool
}

func patchCmd(c *Context) int {
	// GNU patch prefixes its "Try --help" line with the program name.
	var errBuf bytes.Buffer
	pc := *c
	pc.Stderr = &errBuf
	p, err := pc.parseOpts(&patchSpec)
	if err != nil {
		msg := errBuf.String()
		msg = strings.ReplaceAll(msg, "\nTry '", "\n"+c.Name()+": Try '")
		if strings.HasPrefix(msg, "Try '") {
			msg = c.Name() + ": " + msg
		}
		io.WriteString(c.Stderr, msg)
		return exitStatus(err)
	}
	r := &patchRun{c: c, strip: -1, maxFuzz: 2, backedUp: map[string]bool{}, created: map[string]bool{}}
	if c.Env != nil {
		_, r.posix = c.Env("POSIXLY_CORRECT")
	}
	r.origSuffix = ".orig"
	if v, ok := c.Env("SIMPLE_BACKUP_SUFFIX"); ok && v != "" {
		r.origSuffix = v
	}
	suffixSet := false
	backupMismatchSet := false
	patchName := ""
	format := udiff.NoDiff
	dir := c.Dir
	fatal := func(format string, a ...any) int {
		fmt.Fprintf(c.Stderr, "%s: **** %s\n", c.Name(), fmt.Sprintf(format, a...))
		return 2
	}
	usage := func() int {
		fmt.Fprintf(c.Stderr, "%s: Try '%s --help' for more information.\n", c.Name(), c.Name())
		return 2
	}
	number := func(v, what string, neg bool) (int, bool) {
		s := v
		if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
			s = s[1:]
		}
		if s == "" || strings.Trim(s, "0123456789") != "" {
			fatal("%s %s is not a number", what, quoteIf(v))
			return 0, false
		}
		n, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
		if err != nil {
			n = 1 << 62
		}
		if n < 0 && !neg {
			fatal("%s %s is negative", what, quoteIf(v))
			return 0, false
		}
		return n, true
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "b":
			r.makeBackups = true
		case "B", "Y", "z":
			if o.Val == "" {
				what := map[string]string{"B": "prefix", "Y": "basename prefix", "z": "suffix"}[o.Key]
				return fatal("backup %s is empty", what)
			}
			switch o.Key {
			case "B":
				r.origPrefix, r.hasPrefix = o.Val, true
			case "Y":
				r.origBase, r.hasBase = o.Val, true
			case "z":
				r.origSuffix, suffixSet = o.Val, true
			}
		case "c":
			format = udiff.ContextDiff
		case "d":
			nd := dir
			if strings.HasPrefix(o.Val, "/") {
				nd = o.Val
			} else if nd == "/" {
				nd = "/" + o.Val
			} else {
				nd = nd + "/" + o.Val
			}
			fi, err := c.FS.Stat(nd)
			if err == nil && !fi.IsDir() {
				err = syscall.ENOTDIR
			}
			if err != nil {
				return fatal("Can't change to directory %s : %s", quoteIf(o.Val), ErrText(err))
			}
			dir = nd
		case "D":
			return fatal("-D/--ifdef is not supported")
		case "e":
			return fatal("ed scripts are not supported")
		case "E":
			r.removeEmpty = true
		case "f":
			r.force = true
		case "F":
			n, ok := number(o.Val, "fuzz factor", false)
			if !ok {
				return 2
			}
			r.maxFuzz = n
		case "g", "x":
		case "i":
			patchName = o.Val
		case "l":
			r.ignoreWS = true
		case "n":
			format = udiff.NormalDiff
		case "N":
			r.noreverse = true
		case "o":
			r.outfile = o.Val
		case "p":
			n, ok := number(o.Val, "strip count", false)
			if !ok {
				return 2
			}
			r.strip = n
		case "r":
			r.rejName = o.Val
		case "R":
			r.reverseSpecified = true
		case "s":
			r.silent, r.verbose = true, false
		case "t":
			r.batch = true
		case "T", "Z":
		case "u":
			format = udiff.UnifiedDiff
		case "v":
			return c.writeOut(c.Name() + " (sandsh builtin) 1.0\n")
		case "V":
		case "dry-run":
			r.dryRun = true
		case "verbose":
			r.verbose, r.silent = true, false
		case "binary":
			r.binary = true
		case "backup-if-mismatch":
			r.backupIfMismatch, backupMismatchSet = true, true
		case "no-backup-if-mismatch":
			r.backupIfMismatch, backupMismatchSet = false, true
		case "posix":
			r.posix = true
		case "reject-format":
			switch o.Val {
			case "context":
				r.rejectFormat = udiff.NewContextDiff
			case "unified":
				r.rejectFormat = udiff.UnifiedDiff
			default:
				return usage()
			}
		case "read-only":
			if o.Val != "ignore" && o.Val != "warn" && o.Val != "fail" {
				return usage()
			}
		case "quoting-style", "follow-symlinks":
		}
	}
	if (r.hasPrefix || r.hasBase) && !suffixSet {
		r.origSuffix = ""
	}
	if !backupMismatchSet {
		r.backupIfMismatch = !r.posix
	}
	ops := p.Operands
	if len(ops) > 0 {
		r.inname, r.explicitIn = ops[0], true
		if len(ops) > 1 {
			patchName = ops[1]
			if len(ops) > 2 {
				fmt.Fprintf(c.Stderr, "%s: %s: extra operand\n", c.Name(), quoteIf(ops[2]))
				return usage()
			}
		}
	}
	wc := *c
	wc.Dir = dir
	r.c = &wc
	stdout := c.Stdout
	if r.outfile == "-" {
		// Messages go to stderr, the patched text to stdout.
		stdout = c.Stderr
	}
	r.say = bufio.NewWriter(stdout)
	defer r.say.Flush()

	var text []byte
	if patchName == "" || patchName == "-" {
		if c.Stdin != nil {
			var buf bytes.Buffer
			chunk := make([]byte, 64*1024)
			for !c.Canceled() {
				n, err := c.Stdin.Read(chunk)
				buf.Write(chunk[:n])
				if err == io.EOF {
					break
				}
				if err != nil {
					return fatal("read error : %s", ErrText(err))
				}
			}
			if c.Canceled() {
				return 2
			}
			text = buf.Bytes()
		}
	} else {
		b, err := r.readFile(patchName)
		if err != nil {
			return fatal("Can't open patch file %s : %s", quoteIf(patchName), ErrText(err))
		}
		text = b
	}
	if r.outfile != "" && r.outfile != "-" {
		// GNU creates the output file at once.
		if err := r.createOutfile(); err != nil {
			return fatal("Can't create file %s : %s", quoteIf(r.outfile), ErrText(err))
		}
	}
	if r.outfile != "" {
		r.outBuf = &bytes.Buffer{}
	}
	r.parser = udiff.NewParser(string(text))
	r.parser.Strip = r.strip
	r.parser.Format = format
	r.parser.Say = func(s string) { r.say.WriteString(s) }

	err = r.run()
	r.finishOutput()
	var pf *patchFatal
	if errors.As(err, &pf) {
		r.say.Flush()
		fmt.Fprintf(c.Stderr, "%s: **** %s\n", c.Name(), pf.msg)
		return 2
	}
	var ue *udiff.Error
	if errors.As(err, &ue) {
		r.say.Flush()
		fmt.Fprintf(c.Stderr, "%s: **** %s\n", c.Name(), ue.Msg)
		return 2
	}
	if r.say.Flush() != nil {
		return 2
	}
	if r.somefail {
		return 1
	}
	return 0
}

func (r *patchRun) sayf(format string, a ...any) { fmt.Fprintf(r.say, format, a...) }

func (r *patchRun) path(name string) string { return r.c.fsPath(name) }

func (r *patchRun) readFile(name string) ([]byte, error) {
	f, err := r.c.FS.Open(r.path(name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err == nil && fi.IsDir() {
		return nil, syscall.EISDIR
	}
	return io.ReadAll(f)
}

// lstatName stats a name of the patch, following no final symlink.
func (r *patchRun) lstatName(name string) (fs.FileInfo, error) {
	if name == "" {
		return nil, syscall.ENOENT
	}
	return r.c.lstat(name)
}

// makeDirs creates the missing parents of name, as GNU's makedirs does.
func (r *patchRun) makeDirs(name string) {
	dir := path.Dir(r.path(name))
	var todo []string
	for dir != "/" && dir != "." {
		if _, err := r.c.FS.Stat(dir); err == nil {
			break
		}
		todo = append(todo, dir)
		dir = path.Dir(dir)
	}
	for i := len(todo) - 1; i >= 0; i-- {
		r.c.FS.Mkdir(todo[i], 0o777&^fileUmask)
	}
}

// removeDirs removes the empty parent directories of name.
func (r *patchRun) removeDirs(name string) {
	for dir := path.Dir(name); dir != "." && dir != "/" && dir != ""; dir = path.Dir(dir) {
		if path.Base(dir) == "." || path.Base(dir) == ".." {
			continue
		}
		r.c.FS.Remove(r.path(dir))
	}
}

// writeFile replaces name with data (a new file, as GNU's rename of a
// temporary file makes it) with permissions perm.
func (r *patchRun) writeFile(name string, data []byte, perm fs.FileMode, mkdirs bool) error {
	p := r.path(name)
	if mkdirs {
		r.makeDirs(name)
	}
	if fi, _, err := r.c.FS.LstatIfPossible(p); err == nil && !fi.IsDir() {
		if err := r.c.FS.Remove(p); err != nil {
			return err
		}
	}
	f, err := r.c.FS.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = r.c.FS.Chmod(p, perm)
	}
	return err
}

// writeSymlink replaces name with a symlink to target.
func (r *patchRun) writeSymlink(name, target string) error {
	p := r.path(name)
	r.makeDirs(name)
	if fi, _, err := r.c.FS.LstatIfPossible(p); err == nil && !fi.IsDir() {
		if err := r.c.FS.Remove(p); err != nil {
			return err
		}
	}
	return r.c.FS.SymlinkIfPossible(target, p)
}

// backupName is the backup file name of name (GNU's simple backups with
// -B, -Y and -z).
func (r *patchRun) backupName(name string) string {
	dir, base := "", name
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		dir, base = name[:i+1], name[i+1:]
	}
	return r.origPrefix + dir + r.origBase + base + r.origSuffix
}

// backup makes the backup of name once per run: a copy of it, or an
// empty file when it does not exist.
func (r *patchRun) backup(name string) error {
	if r.backedUp[name] {
		return nil
	}
	r.backedUp[name] = true
	bak := r.backupName(name)
	fi, err := r.lstatName(name)
	if err != nil {
		r.makeDirs(bak)
		return r.writeFile(bak, nil, 0o644&^fileUmask|0o644&^fileUmask, false)
	}
	if !fi.Mode().IsRegular() {
		return &patchFatal{fmt.Sprintf("File %s is not a regular file -- refusing to create backup", name)}
	}
	data, err := r.readFile(name)
	if err != nil {
		return err
	}
	if r.hasPrefix || r.hasBase {
		r.makeDirs(bak)
	}
	return r.writeFile(bak, data, fi.Mode().Perm(), false)
}

// filenameIsSafe is GNU's filename_is_safe: relative and without "..".
func filenameIsSafe(name string) bool {
	if strings.HasPrefix(name, "/") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if part == ".." {
			return false
		}
	}
	return true
}

// prefixComponents counts the directories in name's prefix; with
// checkDirs only those that exist.
func (r *patchRun) prefixComponents(name string, checkDirs bool) int {
	n := 0
	for i := 1; i < len(name); i++ {
		if name[i] == '/' && name[i-1] != '/' {
			if checkDirs {
				fi, err := r.c.FS.Stat(r.path(name[:i]))
				if err != nil || !fi.IsDir() {
					break
				}
			}
			n++
		}
	}
	return n
}

// bestName is GNU's best_name: of the names not ignored, the one with the
// fewest components, shortest base name and shortest length; -1 if none.
func (r *patchRun) bestName(names [3]string, ignore [3]bool, invalid map[string]bool) int {
	var comp, blen, length [3]int
	cmin, bmin, lmin := int(^uint(0)>>1), int(^uint(0)>>1), int(^uint(0)>>1)
	for i := 0; i < 3; i++ {
		if names[i] == "" || ignore[i] {
			continue
		}
		comp[i] = r.prefixComponents(names[i], false)
		if cmin < comp[i] {
			continue
		}
		cmin = comp[i]
		blen[i] = len(path.Base(names[i]))
		if bmin < blen[i] {
			continue
		}
		bmin = blen[i]
		length[i] = len(names[i])
		if lmin < length[i] {
			continue
		}
		lmin = length[i]
	}
	for i := 0; i < 3; i++ {
		if names[i] != "" && !ignore[i] && r.nameIsValid(names[i], invalid) &&
			comp[i] == cmin && blen[i] == bmin && length[i] == lmin {
			return i
		}
	}
	return -1
}

func (r *patchRun) nameIsValid(name string, invalid map[string]bool) bool {
	if invalid[name] {
		return false
	}
	// GNU 2.7.6 refuses such names silently (its safe_* file access
	// fails on them).
	if !filenameIsSafe(name) {
		invalid[name] = true
		return false
	}
	return true
}

// okToReverse is GNU's ok_to_reverse with no terminal: it prints the
// question and GNU's default answers. It returns whether to reverse.
func (r *patchRun) okToReverse(msg string) bool {
	if r.noreverse || !(r.force && r.silent) {
		r.say.WriteString(msg)
	}
	switch {
	case r.noreverse:
		r.say.WriteString("  Skipping patch.\n")
		r.skip = true
	case r.force:
		if !r.silent {
			r.say.WriteString("  Applying it anyway.\n")
		}
	case r.batch:
		if r.reverse {
			r.say.WriteString("  Ignoring -R.\n")
		} else {
			r.say.WriteString("  Assuming -R.\n")
		}
		return true
	default:
		if r.reverse {
			r.say.WriteString("  Ignore -R? [n] \n")
		} else {
			r.say.WriteString("  Assume -R? [n] \n")
		}
		r.say.WriteString("Apply anyway? [n] \n")
		if !r.silent {
			r.say.WriteString("Skipping patch.\n")
		}
		r.skip = true
	}
	return false
}

// maybeReverse is GNU's maybe_reverse.
func (r *patchRun) maybeReverse(name string, nonexistent, isEmpty bool) bool {
	fp := r.fp
	b2i := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	rv := b2i(r.reverse)
	looksReversed := b2i(!isEmpty) < fp.Nonexistent[rv^b2i(isEmpty)]
	if isEmpty && fp.Nonexistent[rv^b2i(nonexistent)] == 1 && fp.Nonexistent[1-(rv^b2i(nonexistent))] == 2 {
		return false
	}
	if looksReversed {
		when := ""
		if r.reverse {
			when = ", when reversed,"
		}
		verb, state := "create", "already exists"
		if nonexistent {
			verb, state = "delete", "does not exist"
		} else if isEmpty {
			verb, state = "empty out", "is already empty"
		}
		if r.okToReverse(fmt.Sprintf("The next patch%s would %s the file %s,\nwhich %s!", when, verb, quoteIf(name), state)) {
			r.reverse = !r.reverse
		}
	}
	return looksReversed
}

// fileType returns the file type the patch is for: regular, symlink or
// 0 when the git modes disagree.
func fileType(fp *udiff.FilePatch) uint32 {
	t := fp.Mode[0] & 0o170000
	if t != 0 {
		if n := fp.Mode[1] & 0o170000; n != 0 && n != t {
			return 0
		}
		return t
	}
	if t = fp.Mode[1] & 0o170000; t == 0 {
		t = udiff.ModeRegular
	}
	return t
}

func typeOf(fi fs.FileInfo) uint32 {
	switch {
	case fi.Mode().IsRegular():
		return udiff.ModeRegular
	case fi.Mode()&fs.ModeSymlink != 0:
		return udiff.ModeSymlink
	case fi.IsDir():
		return 0o040000
	}
	return 0o010000
}

// chooseFile picks the file to patch as GNU's intuit_diff_type does. It
// returns the name, its stat result (nil if it does not exist) and
// whether a name was found.
func (r *patchRun) chooseFile(ftype uint32) (string, fs.FileInfo, bool) {
	fp := r.fp
	if r.explicitIn {
		fi, err := r.lstatName(r.inname)
		if err != nil || typeOf(fi) == ftype {
			r.maybeReverse(r.inname, err != nil, err != nil || fi.Size() == 0)
		}
		if err != nil {
			fi = nil
		}
		return r.inname, fi, true
	}
	names := fp.Names
	if !r.posix && (names[0] != "" || names[1] != "") && names[2] != "" {
		names[2] = ""
	}
	var st [3]fs.FileInfo
	var errs [3]bool
	i0 := -1
	invalid := map[string]bool{}
	for i := 0; i < 3; i++ {
		if names[i] == "" {
			continue
		}
		fi, err := r.lstatName(names[i])
		if err != nil || r.pendingDelete(names[i]) || !filenameIsSafe(names[i]) {
			errs[i] = true
		} else {
			st[i] = fi
		}
		i0 = i
		if r.posix && !errs[i] && r.nameIsValid(names[i], invalid) {
			break
		}
	}
	i := -1
	if r.posix {
		for j := 0; j < 3; j++ {
			if names[j] != "" && !errs[j] {
				i = j
				break
			}
		}
	} else {
		i = r.bestName(names, errs, invalid)
		if i0 >= 0 && (i < 0 || typeOf(st[i]) == ftype) {
			n := i0
			if i >= 0 {
				n = i
			}
			if r.maybeReverse(names[n], i < 0, i < 0 || st[i].Size() == 0) && i < 0 {
				i = i0
			}
		}
		rv := 0
		if r.reverse {
			rv = 1
		}
		if i < 0 && fp.Nonexistent[rv] != 0 {
			var newdirs [3]int
			mn := int(^uint(0) >> 1)
			for j := 0; j < 3; j++ {
				if names[j] != "" {
					newdirs[j] = r.prefixComponents(names[j], false) - r.prefixComponents(names[j], true)
					mn = min(mn, newdirs[j])
				}
			}
			var above [3]bool
			for j := 0; j < 3; j++ {
				above[j] = names[j] != "" && mn < newdirs[j]
			}
			i = r.bestName(names, above, invalid)
		}
	}
	if (fp.Rename || fp.Copy) && !r.skip {
		rv := 0
		if r.reverse {
			rv = 1
		}
		if !((i == 0 || i == 1) && names[rv] != "" && names[1-rv] != "" &&
			r.nameIsValid(names[rv], invalid) && r.nameIsValid(names[1-rv], invalid)) {
			what := "rename"
			if !fp.Rename {
				what = "copy"
			}
			r.sayf("Cannot %s file without two valid file names\n", what)
			r.skip = true
		}
	}
	if i < 0 {
		return "", nil, false
	}
	return names[i], st[i], true
}

// undelete forgets a pending deletion of name, which a later patch
// recreated (GNU deletes only files still marked DELETE_LATER).
func (r *patchRun) undelete(name string) {
	kept := r.deleteLat[:0]
	for _, d := range r.deleteLat {
		if d.name != name {
			kept = append(kept, d)
		}
	}
	r.deleteLat = kept
}

func (r *patchRun) pendingDelete(name string) bool {
	for _, d := range r.deleteLat {
		if d.name == name {
			return true
		}
	}
	return false
}

// run applies every file patch of the input.
func (r *patchRun) run() error {
	needHeader := !(r.explicitIn || r.posix)
	first := true
	for {
		if r.c.Canceled() {
			return &patchFatal{"interrupted"}
		}
		if r.parser.Done() {
			if r.verbose {
				r.sayf("done\n")
			}
			return nil
		}
		if r.verbose {
			r.sayf("Hmm...")
		}
		atStart := r.parser.AtStart()
		fp, err := r.parser.Next(needHeader)
		if r.verbose {
			switch {
			case fp != nil:
				l := "L"
				if !atStart {
					l = "The next patch l"
				}
				r.sayf("  %sooks like %s to me...\n", l, formatName(fp.Format))
			case atStart:
				r.sayf("  I can't seem to find a patch in there anywhere.\n")
			default:
				r.sayf("  Ignoring the trailing garbage.\ndone\n")
			}
		}
		if err != nil {
			return err
		}
		if fp == nil {
			if first && r.explicitIn && r.outfile != "" {
				// GNU copies ORIGFILE to the output of an empty patch.
				if data, err := r.readFile(r.inname); err == nil {
					r.outBuf.Write(data)
				}
			}
			return nil
		}
		first = false
		if err := r.file(fp); err != nil {
			return err
		}
	}
}

func formatName(f udiff.Format) string {
	switch f {
	case udiff.UnifiedDiff:
		return "a unified diff"
	case udiff.ContextDiff:
		return "a context diff"
	case udiff.NewContextDiff:
		return "a new-style context diff"
	case udiff.NormalDiff:
		return "a normal diff"
	case udiff.GitBinaryDiff:
		return "a git binary diff"
	}
	return "an ed script"
}

// file applies one file patch.
func (r *patchRun) file(fp *udiff.FilePatch) error {
	r.fp = fp
	r.reverse = r.reverseSpecified
	r.skip = false
	r.rejBuf.Reset()
	ftype := fileType(fp)
	inname, instat, found := r.chooseFile(ftype)
	if !found {
		inname = ""
	}
	if !r.silent {
		if fp.Indent > 0 {
			s := "s"
			if fp.Indent == 1 {
				s = ""
			}
			r.sayf("(Patch is indented %d space%s.)\n", fp.Indent, s)
		}
		if fp.StripCR && !r.binary {
			r.sayf("(Stripping trailing CRs from patch; use --binary to disable.)\n")
		}
		if !found {
			r.sayf("can't find file to patch at input line %d\n", fp.Line)
			if fp.Format != udiff.NormalDiff {
				if r.strip < 0 {
					r.sayf("Perhaps you should have used the -p or --strip option?\n")
				} else {
					r.sayf("Perhaps you used the wrong -p or --strip option?\n")
				}
			}
		}
	}
	if !found || r.verbose {
		r.leadingText(fp)
	}
	if !found {
		if r.force || r.batch {
			r.sayf("No file to patch.  Skipping patch.\n")
		} else {
			r.sayf("File to patch: \n")
			r.sayf("Skip this patch? [y] \n")
			if !r.silent {
				r.sayf("Skipping patch.\n")
			}
		}
		r.skip = true
	}
	if fp.StripCR && r.binary {
		fp.StripCR = false
	}
	if r.skip {
		r.somefail = true
	}
	if !r.skip && ftype == 0 {
		rv := 0
		if r.reverse {
			rv = 1
		}
		r.sayf("File %s: can't change file type from %#o to %#o.\n", quoteIf(inname), fp.Mode[rv]&0o170000, fp.Mode[1-rv]&0o170000)
		r.skip = true
		r.somefail = true
	}
	outname := ""
	if !r.skip {
		switch {
		case r.outfile != "":
			outname = r.outfile
		case fp.Copy || fp.Rename:
			if r.reverse {
				outname = fp.Names[0]
			} else {
				outname = fp.Names[1]
			}
		default:
			outname = inname
		}
	}
	var input []byte
	if !r.skip {
		if instat != nil && (typeOf(instat) != ftype || (ftype != udiff.ModeRegular && ftype != udiff.ModeSymlink)) {
			what := "regular file"
			if ftype == udiff.ModeSymlink {
				what = "symbolic link"
			}
			r.sayf("File %s is not a %s -- refusing to patch\n", quoteIf(inname), what)
			r.skip = true
			r.somefail = true
		} else if instat != nil && ftype == udiff.ModeSymlink {
			target, err := r.c.FS.ReadlinkIfPossible(r.path(inname))
			if err != nil {
				return &patchFatal{fmt.Sprintf("Can't read symbolic link %s : %s", inname, ErrText(err))}
			}
			input = []byte(target)
		} else if instat != nil && instat.Size() > 0 {
			b, err := r.readFile(inname)
			if err != nil {
				return &patchFatal{fmt.Sprintf("Can't open file %s : %s", quoteIf(inname), ErrText(err))}
			}
			input = b
		}
	}
	skipReject := false
	var ap *udiff.Applier
	if !r.skip && fp.Format == udiff.GitBinaryDiff {
		r.sayf("File %s: git binary diffs are not supported.\n", quoteIf(outname))
		r.skip = true
		r.somefail = true
	}
	if !r.skip {
		ap = udiff.NewApplier(udiff.Split(string(input)))
		ap.IgnoreWhitespace = r.ignoreWS
		if !r.silent {
			verb := "patching file"
			if r.dryRun {
				verb = "checking file"
			}
			if ftype == udiff.ModeSymlink {
				verb = strings.Replace(verb, "file", "symbolic link", 1)
			}
			renamed := inname != outname
			skipRename := !renamed && fp.Rename
			if renamed || skipRename {
				how := "read"
				if fp.Copy {
					how = "copied"
				} else if fp.Rename {
					how = "renamed"
				}
				already, from := "", inname
				if skipRename {
					already = "already "
					if inname == fp.Names[0] {
						from = fp.Names[1]
					} else {
						from = fp.Names[0]
					}
				}
				r.sayf("%s %s (%s%s from %s)\n", verb, quoteIf(outname), already, how, from)
			} else {
				r.sayf("%s %s\n", verb, quoteIf(outname))
			}
		}
		if r.verbose {
			r.sayf("Using Plan A...\n")
		}
	}
	hunk, failed := 0, 0
	mismatch := false
	applyAnyway := false
	var size int64
	if instat != nil {
		size = instat.Size()
	}
	for {
		if r.c.Canceled() {
			return &patchFatal{"interrupted"}
		}
		h, err := r.parser.NextHunk(r.reverse)
		if err != nil {
			return err
		}
		if h == nil {
			break
		}
		hunk++
		where, fuzz := 0, 0
		if !r.skip {
			myMaxFuzz := min(r.maxFuzz, max(h.PrefixContext, h.SuffixContext))
			for {
				incr := 1
				where = ap.Locate(h, fuzz)
				if where == 0 || fuzz > 0 || ap.InOffset() != 0 {
					mismatch = true
				}
				if hunk == 1 && where == 0 && !(r.force || applyAnyway) && r.reverse == r.reverseSpecified {
					h.Swap()
					where = ap.Locate(h, fuzz)
					what := "Reversed (or previously applied)"
					if r.reverse {
						what = "Unreversed"
					}
					if where != 0 && r.okToReverse(what+" patch detected!") {
						r.reverse = !r.reverse
					} else {
						h.Swap()
						if where != 0 {
							applyAnyway = true
							incr = 0
							where = 0
						}
					}
				}
				if r.skip || where != 0 {
					break
				}
				fuzz += incr
				if fuzz > myMaxFuzz {
					break
				}
			}
		}
		first := h.First
		newwhere := first + ap0(ap)
		if where != 0 {
			newwhere = where + ap0(ap)
		}
		rv := 0
		if r.reverse {
			rv = 1
		}
		ok := false
		if !r.skip && where != 0 && !(where == 1 && fp.Nonexistent[rv] == 2 && size > 0) {
			if err := ap.Apply(h, where); err == nil {
				ok = true
			} else if err == udiff.ErrMisordered {
				r.sayf("misordered hunks! output would be garbled\n")
			} else {
				return err
			}
		}
		if !ok {
			if !skipReject {
				if err := r.reject(h, failed == 0, ap0(ap)); err != nil {
					return err
				}
			}
			failed++
			if r.verbose || (!r.skip && !r.silent) {
				what := "FAILED"
				if r.skip {
					what = "ignored"
				}
				endings := ""
				if !r.skip && lineEndingsDiffer(h, ap, newwhere) {
					endings = " (different line endings)"
				}
				r.sayf("Hunk #%d %s at %d%s.\n", hunk, what, newwhere, endings)
			}
		} else if r.verbose || (!r.silent && (fuzz > 0 || ap.InOffset() != 0)) {
			r.sayf("Hunk #%d succeeded at %d", hunk, newwhere)
			if fuzz > 0 {
				r.sayf(" with fuzz %d", fuzz)
			}
			if off := ap.InOffset(); off != 0 {
				s := "s"
				if off == 1 {
					s = ""
				}
				r.sayf(" (offset %d line%s)", off, s)
			}
			r.sayf(".\n")
		}
	}
	var output string
	if !r.skip {
		out, err := ap.Finish()
		if err != nil {
			r.sayf("misordered hunks! output would be garbled\n")
			r.sayf("Skipping patch.\n")
			r.skip = true
		}
		output = out
		if r.outBuf != nil && !r.skip {
			r.outBuf.WriteString(output)
		}
	}
	rv := 0
	if r.reverse {
		rv = 1
	}
	if !r.skip && r.outfile == "" {
		backup := r.makeBackups || (r.backupIfMismatch && (mismatch || failed > 0))
		if ap.ZeroOutput() && (r.removeEmpty || (fp.Nonexistent[1-rv] == 2 && !r.posix) || ftype == udiff.ModeSymlink) {
			if !r.dryRun {
				r.deleteLat = append(r.deleteLat, patchDelete{outname, backup})
			}
		} else {
			if !ap.ZeroOutput() && fp.Nonexistent[1-rv] == 2 && (r.removeEmpty || !r.posix) {
				mismatch = true
				r.somefail = true
				if !r.silent {
					r.sayf("Not deleting file %s as content differs from patch\n", quoteIf(outname))
				}
			}
			if !r.dryRun {
				oldMode, newMode := fp.Mode[rv], fp.Mode[1-rv]
				setMode := newMode != 0 && oldMode != newMode
				if failed < hunk || setMode || fp.Copy || fp.Rename {
					perm := fs.FileMode(0o644)
					if instat != nil {
						perm = instat.Mode().Perm()
					} else {
						perm = 0o666 &^ fileUmask
					}
					if setMode {
						perm = fs.FileMode(newMode & 0o777)
					}
					if backup {
						if err := r.backup(outname); err != nil {
							return r.fileErr(err)
						}
					}
					var err error
					if ftype == udiff.ModeSymlink {
						err = r.writeSymlink(outname, output)
					} else {
						err = r.writeFile(outname, []byte(output), perm, true)
					}
					if err != nil {
						return &patchFatal{fmt.Sprintf("Can't create file %s : %s", quoteIf(outname), ErrText(err))}
					}
					r.backedUp[outname] = true
					r.undelete(outname)
					if fp.Rename && inname != outname {
						r.deleteLat = append(r.deleteLat, patchDelete{inname, backup})
					}
				} else if backup {
					if err := r.backup(outname); err != nil {
						return r.fileErr(err)
					}
					if _, err := r.lstatName(outname); err != nil {
						// GNU 2.7.6 then fails to copy the missing file.
						return &patchFatal{fmt.Sprintf("Can't reopen file %s : %s", quoteIf(outname), ErrText(err))}
					}
				}
			}
		}
	}
	if failed > 0 && !skipReject {
		r.somefail = true
		s := "s"
		if hunk == 1 {
			s = ""
		}
		what := "FAILED"
		if r.skip {
			what = "ignored"
		}
		r.sayf("%d out of %d hunk%s %s", failed, hunk, s, what)
		if outname != "" && r.rejName != "-" {
			rej := r.rejName
			if rej == "" {
				rej = outname + ".rej"
			}
			if !r.dryRun {
				r.sayf(" -- saving rejects to file %s\n", quoteIf(rej))
				if err := r.saveRejects(rej); err != nil {
					return err
				}
			} else {
				r.sayf("\n")
			}
		} else {
			r.sayf("\n")
		}
	}
	return nil
}

func ap0(ap *udiff.Applier) int {
	if ap == nil {
		return 0
	}
	return ap.OutOffset()
}

func (r *patchRun) fileErr(err error) error {
	var pf *patchFatal
	if errors.As(err, &pf) {
		return err
	}
	return &patchFatal{ErrText(err)}
}

// leadingText prints the lines before the patch, as GNU's skip_to does
// when it cannot find the file.
func (r *patchRun) leadingText(fp *udiff.FilePatch) {
	lines := r.parser.Leading(fp)
	if len(lines) == 0 {
		return
	}
	r.sayf("The text leading up to this was:\n--------------------------\n")
	for _, l := range lines {
		r.sayf("|%s", l)
	}
	r.sayf("--------------------------\n")
}

// lineEndingsDiffer is GNU's check_line_endings.
func lineEndingsDiffer(h *udiff.Hunk, ap *udiff.Applier, where int) bool {
	if h.PtrnLines < 1 {
		return false
	}
	p := h.Lines[1].Text
	if p == "" {
		return false
	}
	patchCRLF := strings.HasSuffix(p, "\r\n")
	if len(ap.In) == 0 {
		return false
	}
	if where > len(ap.In) {
		where = len(ap.In)
	}
	if where < 1 {
		return false
	}
	l := ap.In[where-1]
	return patchCRLF != strings.HasSuffix(l, "\r\n")
}

// reject adds h to the rejects of the current file.
func (r *patchRun) reject(h *udiff.Hunk, header bool, outOffset int) error {
	fp := r.fp
	var hdr *udiff.RejectHeader
	if header {
		rv := 0
		if r.reverse {
			rv = 1
		}
		names := fp.Names
		hdr = &udiff.RejectHeader{Old: names[rv], New: names[1-rv], OldTime: fp.TimeStr[rv], NewTime: fp.TimeStr[1-rv]}
		if !r.posix && (names[0] != "" || names[1] != "") {
			names[2] = ""
		}
		hdr.Index = names[2]
	}
	unified := r.rejectFormat == udiff.UnifiedDiff || (r.rejectFormat == udiff.NoDiff && fp.Format == udiff.UnifiedDiff)
	if unified {
		return udiff.WriteRejectUnified(&r.rejBuf, h, hdr, outOffset)
	}
	newStyle := fp.Format >= udiff.NewContextDiff
	if r.rejectFormat == udiff.NewContextDiff {
		newStyle = true
	}
	return udiff.WriteRejectContext(&r.rejBuf, h, hdr, outOffset, newStyle)
}

// saveRejects writes the rejects to rej: appended when this run already
// wrote that file, else replacing it.
func (r *patchRun) saveRejects(rej string) error {
	data := r.rejBuf.Bytes()
	if r.created[rej] {
		f, err := r.c.FS.OpenFile(r.path(rej), os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			return &patchFatal{fmt.Sprintf("Can't reopen file %s : %s", quoteIf(rej), ErrText(err))}
		}
		_, err = f.Write(data)
		f.Close()
		return err
	}
	if err := r.writeFile(rej, data, 0o666&^fileUmask, false); err != nil {
		return &patchFatal{fmt.Sprintf("Can't create file %s : %s", quoteIf(rej), ErrText(err))}
	}
	r.created[rej] = true
	return nil
}

// finishOutput deletes the files to delete and writes the -o output.
func (r *patchRun) finishOutput() {
	for _, d := range r.deleteLat {
		if r.verbose {
			r.sayf("Removing file %s\n", quoteIf(d.name))
		}
		if d.backup {
			r.backup(d.name)
		}
		r.c.FS.Remove(r.path(d.name))
		r.removeDirs(d.name)
	}
	if r.outBuf == nil {
		return
	}
	if r.outfile == "-" {
		r.c.Stdout.Write(r.outBuf.Bytes())
		return
	}
	if f, err := r.c.FS.OpenFile(r.path(r.outfile), os.O_WRONLY|os.O_TRUNC, 0); err == nil {
		f.Write(r.outBuf.Bytes())
		f.Close()
	}
}

// createOutfile creates (or empties) the -o file at the start, as GNU
// does: a new one is private (mode 0600).
func (r *patchRun) createOutfile() error {
	f, err := r.c.FS.OpenFile(r.path(r.outfile), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	return f.Close()
}
