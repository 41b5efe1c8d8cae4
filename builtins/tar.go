package builtins

// tar, as GNU tar: create (-c), extract (-x) and list (-t) archives in
// GNU format, from or to a file of the namespace or "-" (the default:
// stdin or stdout), gzip-compressed with -z (and recognised without -z
// when reading a file); -C DIR (also between operands when creating), -v
// and -vv (GNU's long listing: "-rw-r--r-- root/root 12 2024-01-01 00:00
// name"), --exclude=PATTERN (GNU's default matching: unanchored, * matches
// /), -p (always in effect: tar runs as root), -O/--to-stdout,
// --strip-components=N, -T FILE (names from a file), -k/--keep-old-files,
// member operands for -x and -t, traditional bundled options
// ("tar czf a.tgz d", "tar xvf a.tar"). Regular files, directories,
// symlinks and hard links are archived with their modes, owners and
// modification times; a member's leading "/" is removed ("Removing
// leading `/' from member names") and members whose names contain ".."
// are not extracted. Directory contents are archived sorted by name (GNU
// uses the directory's order).
//
// Not supported: -r, -u, -A, --delete, -j/-J (bzip2, xz), other archive
// formats than ustar/GNU/PAX on input (archive/tar reads those), sparse
// files, devices and fifos (skipped when creating), --listed-incremental,
// --transform, -h.

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"mvdan.cc/sh/v3/pattern"
)

func init() { Register("tar", tarCmd) }

var tarSpec = optSpec{
	Short: "cxtzf:C:vpOT:kX:",
	Long: []longOpt{
		{Name: "create", Key: "c"},
		{Name: "extract", Key: "x"},
		{Name: "get", Key: "x"},
		{Name: "list", Key: "t"},
		{Name: "gzip", Key: "z"},
		{Name: "gunzip", Key: "z"},
		{Name: "ungzip", Key: "z"},
		{Name: "file", Arg: requiredArg, Key: "f"},
		{Name: "directory", Arg: requiredArg, Key: "C"},
		{Name: "verbose", Key: "v"},
		{Name: "preserve-permissions", Key: "p"},
		{Name: "same-permissions", Key: "p"},
		{Name: "same-owner", Key: "same-owner"},
		{Name: "no-same-owner", Key: "no-same-owner"},
		{Name: "to-stdout", Key: "O"},
		{Name: "files-from", Arg: requiredArg, Key: "T"},
		{Name: "exclude-from", Arg: requiredArg, Key: "X"},
		{Name: "keep-old-files", Key: "k"},
		{Name: "exclude", Arg: requiredArg, Key: "exclude"},
		{Name: "strip-components", Arg: requiredArg, Key: "strip"},
	},
	Status: 64, // argp's EX_USAGE
	Usage: `Usage: tar [OPTION...] [FILE]...
GNU 'tar' saves many files together into a single tape or disk archive, and can
restore individual files from the archive.

Examples:
  tar -cf archive.tar foo bar  # Create archive.tar from files foo and bar.
  tar -tvf archive.tar         # List all files in archive.tar verbosely.
  tar -xf archive.tar          # Extract all files from archive.tar.

 Main operation mode:
  -c, --create               create a new archive
  -t, --list                 list the contents of an archive
  -x, --extract, --get       extract files from an archive

 Options:
  -C, --directory=DIR        change to directory DIR
      --exclude=PATTERN      exclude files, given as a PATTERN
  -f, --file=ARCHIVE         use archive file ARCHIVE ("-": stdin or stdout,
                             the default)
  -k, --keep-old-files       don't replace existing files when extracting
  -O, --to-stdout            extract files to standard output
  -p, --preserve-permissions, --same-permissions
                             extract file permissions as archived (always)
      --strip-components=NUMBER   strip NUMBER leading components from file
                             names on extraction
  -T, --files-from=FILE      get names to extract or create from FILE
  -v, --verbose              verbosely list files processed (twice: long)
  -X, --exclude-from=FILE    exclude patterns listed in FILE
  -z, --gzip                 filter the archive through gzip
      --help                 give this help list
      --version              print program version
`,
}

// tarOperand is a name operand with the directory -C gave before it.
type tarOperand struct{ dir, name string }

// tarState is one run of tar.
type tarState struct {
	c        *Context
	mode     string
	archive  string
	gzip     bool
	verbose  int
	toStdout bool
	keepOld  bool
	strip    int
	excludes []*regexp.Regexp
	operands []tarOperand
	lastDir  string // the directory of the last -C, for extraction
	failed   bool
	// truncated is set when the archive ends inside a member's data.
	truncated bool
	// verboseOut receives -v listings: stdout, or stderr when the archive
	// or the extracted data goes to stdout.
	verboseOut io.Writer
	ugsWidth   int
	removed    map[string]bool // the prefixes "Removing leading" reported
	loc        *time.Location
}

func tarCmd(c *Context) int {
	args := tarOldStyle(c.Args)
	// GNU tar's argp adds "or 'tar --usage'" to the --help pointer.
	var errb bytes.Buffer
	c2 := *c
	c2.Args = args
	c2.Stderr = &errb
	p, err := c2.parseOpts(&tarSpec)
	io.WriteString(c.Stderr, strings.ReplaceAll(errb.String(), "Try 'tar --help' for", "Try 'tar --help' or 'tar --usage' for"))
	if err != nil {
		return exitStatus(err)
	}
	st := &tarState{c: c, archive: "-", ugsWidth: 19, loc: c.location()}
	var filesFrom []string
	for _, o := range p.Opts {
		switch o.Key {
		case "c", "x", "t":
			if st.mode != "" && st.mode != o.Key {
				c.Errorf("You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option")
				return st.usage()
			}
			st.mode = o.Key
		case "z":
			st.gzip = true
		case "f":
			st.archive = o.Val
		case "C":
			st.lastDir = st.joinDir(st.lastDir, o.Val)
		case "v":
			st.verbose++
		case "O":
			st.toStdout = true
		case "k":
			st.keepOld = true
		case "T":
			filesFrom = append(filesFrom, o.Val)
		case "X":
			pats, err := st.readNames(o.Val)
			if err != nil {
				return st.fatal("%s: Cannot open: %s", quoteIf(o.Val), ErrText(err))
			}
			for _, pat := range pats {
				st.addExclude(pat)
			}
		case "exclude":
			st.addExclude(o.Val)
		case "strip":
			n, err := strconv.Atoi(o.Val)
			if err != nil || n < 0 {
				c.Errorf("%s: Invalid number of elements", quoteIf(o.Val))
				return st.usage()
			}
			st.strip = n
		}
	}
	ops := st.placeOperands(args, p.Operands)
	for _, f := range filesFrom {
		names, err := st.readNames(f)
		if err != nil {
			st.errorf("%s: Cannot open: %s", quoteIf(f), ErrText(err))
			st.failed = true
			continue
		}
		for _, n := range names {
			ops = append(ops, tarOperand{dir: st.lastDir, name: n})
		}
	}
	st.operands = ops
	switch st.mode {
	case "":
		c.Errorf("You must specify one of the '-Acdtrux', '--delete' or '--test-label' options")
		return st.usage()
	case "c":
		return st.create()
	default:
		return st.read()
	}
}

// tarOldStyle expands a traditional first argument ("czf a.tgz") into
// options: each letter becomes an option, and the letters taking a value
// take the arguments that follow, in order.
func tarOldStyle(args []string) []string {
	if len(args) < 2 || args[1] == "" || args[1][0] == '-' {
		return args
	}
	out := []string{args[0]}
	rest := args[2:]
	for _, ch := range []byte(args[1]) {
		exists, takes := tarSpec.shortArg(ch)
		if !exists {
			out = append(out, "-"+string(ch))
			continue
		}
		out = append(out, "-"+string(ch))
		if takes && len(rest) > 0 {
			out = append(out, rest[0])
			rest = rest[1:]
		}
	}
	return append(out, rest...)
}

// placeOperands pairs each operand with the -C directory in effect where
// it appears on the command line.
func (st *tarState) placeOperands(args, operands []string) []tarOperand {
	var out []tarOperand
	dir := ""
	j := 0
	afterDashes := false
	for i := 1; i < len(args) && j < len(operands); i++ {
		a := args[i]
		if !afterDashes {
			switch {
			case a == "--":
				afterDashes = true
				continue
			case a == "-C" || a == "--directory" || (strings.HasPrefix("--directory", a) && len(a) > 4 && strings.HasPrefix(a, "--d")):
				if i+1 < len(args) {
					dir = st.joinDir(dir, args[i+1])
					i++
				}
				continue
			case strings.HasPrefix(a, "--directory="):
				dir = st.joinDir(dir, strings.TrimPrefix(a, "--directory="))
				continue
			case strings.HasPrefix(a, "-C") && len(a) > 2:
				dir = st.joinDir(dir, a[2:])
				continue
			case len(a) > 1 && a[0] == '-':
				// Options with a separate value: skip it.
				if a[1] != '-' {
					last := a[len(a)-1]
					if exists, takes := tarSpec.shortArg(last); exists && takes && strings.IndexByte(a[1:], last) == len(a)-2 {
						i++
					}
				} else if !strings.Contains(a, "=") {
					name := a[2:]
					if l, _, ok := tarSpec.findLong(name); ok && l.Arg == requiredArg {
						i++
					}
				}
				continue
			}
		}
		if a == operands[j] {
			out = append(out, tarOperand{dir: dir, name: a})
			j++
		}
	}
	for ; j < len(operands); j++ {
		out = append(out, tarOperand{dir: dir, name: operands[j]})
	}
	return out
}

func (st *tarState) joinDir(dir, d string) string {
	if dir == "" || path.IsAbs(d) {
		return d
	}
	return dir + "/" + d
}

func (st *tarState) errorf(format string, args ...any) { st.c.Errorf(format, args...) }

// usage prints GNU tar's --help pointer and returns 2.
func (st *tarState) usage() int {
	fmt.Fprintln(st.c.Stderr, "Try 'tar --help' or 'tar --usage' for more information.")
	return 2
}

// fatal prints a message and GNU's "not recoverable" line; it returns 2.
func (st *tarState) fatal(format string, args ...any) int {
	st.errorf(format, args...)
	st.errorf("Error is not recoverable: exiting now")
	return 2
}

// finish returns the exit status, with GNU's closing message after errors.
func (st *tarState) finish() int {
	if st.failed {
		st.errorf("Exiting with failure status due to previous errors")
		return 2
	}
	return 0
}

// path returns name, relative to the -C directory dir, as a path of the
// namespace.
func (st *tarState) path(dir, name string) string {
	if dir != "" && !path.IsAbs(name) {
		name = dir + "/" + name
	}
	return st.c.fsPath(name)
}

// readNames reads the lines of a -T or -X file ("-" is stdin).
func (st *tarState) readNames(name string) ([]string, error) {
	r, err := st.c.openInput(name)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var names []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); l != "" {
			names = append(names, l)
		}
	}
	return names, sc.Err()
}

// addExclude adds a pattern of --exclude: GNU's default matching is
// unanchored (it may match any trailing part of a name, at a "/") and its
// wildcards match "/".
func (st *tarState) addExclude(pat string) {
	expr, err := pattern.Regexp(strings.TrimRight(pat, "/"), 0)
	if err != nil {
		expr = regexp.QuoteMeta(pat)
	}
	// FNM_LEADING_DIR: the pattern may match a directory above the name.
	expr = "^(?:" + expr + ")(?:/.*)?$"
	if re, err := regexp.Compile(expr); err == nil {
		st.excludes = append(st.excludes, re)
	}
}

// excluded reports whether the member or file name matches --exclude.
func (st *tarState) excluded(name string) bool {
	if len(st.excludes) == 0 {
		return false
	}
	name = strings.TrimRight(name, "/")
	for _, re := range st.excludes {
		s := name
		for {
			if re.MatchString(s) {
				return true
			}
			i := strings.IndexByte(s, '/')
			if i < 0 {
				break
			}
			s = s[i+1:]
		}
	}
	return false
}

// stripAbs removes the leading "/" of a member name, saying so once.
func (st *tarState) stripAbs(name string) string {
	if !strings.HasPrefix(name, "/") {
		return name
	}
	trimmed := strings.TrimLeft(name, "/")
	st.removing(name[:len(name)-len(trimmed)])
	if trimmed == "" {
		return "."
	}
	return trimmed
}

// removing reports once per prefix that it is taken off member names.
func (st *tarState) removing(prefix string) {
	if st.removed == nil {
		st.removed = map[string]bool{}
	}
	if !st.removed[prefix] {
		st.removed[prefix] = true
		st.errorf("Removing leading `%s' from member names", prefix)
	}
}

// ---------------------------------------------------------------------------
// Create

// tarCounter counts the bytes of the tar stream, to pad it to GNU's
// 10240-byte records.
type tarCounter struct {
	w io.Writer
	n int64
}

func (t *tarCounter) Write(p []byte) (int, error) {
	n, err := t.w.Write(p)
	t.n += int64(n)
	return n, err
}

func (st *tarState) create() int {
	c := st.c
	if len(st.operands) == 0 {
		c.Errorf("Cowardly refusing to create an empty archive")
		return st.usage()
	}
	var out io.Writer
	var archiveInfo fs.FileInfo
	st.verboseOut = c.Stdout
	if st.archive == "-" {
		out = c.Stdout
		st.verboseOut = c.Stderr
	} else {
		f, err := c.FS.OpenFile(c.fsPath(st.archive), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
		if err != nil {
			return st.fatal("%s: Cannot open: %s", quoteIf(st.archive), ErrText(err))
		}
		defer f.Close()
		archiveInfo, _ = c.stat(st.archive)
		out = f
	}
	sw := &stickyWriter{w: out}
	var zw *gzip.Writer
	var body io.Writer = sw
	if st.gzip {
		zw = gzip.NewWriter(sw)
		body = zw
	}
	cnt := &tarCounter{w: body}
	tw := tar.NewWriter(cnt)
	links := map[[2]uint64]string{}
	for _, op := range st.operands {
		if c.Canceled() {
			return 1
		}
		name := op.name
		if name == "" {
			continue
		}
		if op.dir != "" {
			if fi, err := c.stat(op.dir); err != nil || !fi.IsDir() {
				if err == nil {
					err = syscall.ENOTDIR
				}
				return st.fatal("%s: Cannot open: %s", quoteIf(op.dir), ErrText(err))
			}
		}
		member := name
		if t := strings.TrimRight(name, "/"); t != "" {
			member = t
		}
		st.addPath(tw, op.dir, name, st.stripAbs(member), links, archiveInfo)
		if sw.err != nil {
			break
		}
	}
	if err := tw.Flush(); err == nil {
		tw.Close()
	}
	// Pad to a whole record of 20 blocks, as GNU tar does.
	if rem := cnt.n % 10240; rem != 0 {
		cnt.Write(make([]byte, 10240-rem))
	}
	if zw != nil {
		zw.Close()
	}
	if sw.err != nil {
		if st.archive == "-" {
			return c.writeFailed(sw.err)
		}
		return st.fatal("%s: Cannot write: %s", quoteIf(st.archive), ErrText(sw.err))
	}
	return st.finish()
}

// addPath archives the file src (relative to dir) as member, and the
// contents of a directory.
func (st *tarState) addPath(tw *tar.Writer, dir, src, member string, links map[[2]uint64]string, archive fs.FileInfo) {
	c := st.c
	if c.Canceled() {
		return
	}
	p := st.path(dir, src)
	fi, _, err := c.FS.LstatIfPossible(p)
	if err != nil {
		st.errorf("%s: Cannot stat: %s", quoteIf(src), ErrText(err))
		st.failed = true
		return
	}
	if st.excluded(member) {
		return
	}
	if archive != nil && sameFile(fi, archive) {
		st.errorf("%s: file is the archive; not dumped", quoteIf(src))
		return
	}
	hdr := &tar.Header{
		Name:    member,
		Mode:    int64(fi.Mode().Perm()),
		ModTime: fi.ModTime().Truncate(time.Second),
		Format:  tar.FormatGNU,
	}
	m := fi.Mode()
	if m&fs.ModeSetuid != 0 {
		hdr.Mode |= 0o4000
	}
	if m&fs.ModeSetgid != 0 {
		hdr.Mode |= 0o2000
	}
	if m&fs.ModeSticky != 0 {
		hdr.Mode |= 0o1000
	}
	if s := statT(fi); s != nil {
		hdr.Uid, hdr.Gid = int(s.Uid), int(s.Gid)
	}
	if hdr.Uid == 0 {
		hdr.Uname = "root"
	}
	if hdr.Gid == 0 {
		hdr.Gname = "root"
	}
	switch {
	case fi.IsDir():
		hdr.Typeflag = tar.TypeDir
		if !strings.HasSuffix(hdr.Name, "/") {
			hdr.Name += "/"
		}
	case m&fs.ModeSymlink != 0:
		target, err := c.FS.ReadlinkIfPossible(p)
		if err != nil {
			st.errorf("%s: Cannot readlink: %s", quoteIf(src), ErrText(err))
			st.failed = true
			return
		}
		hdr.Typeflag = tar.TypeSymlink
		hdr.Linkname = target
	case m.IsRegular():
		hdr.Typeflag = tar.TypeReg
		hdr.Size = fi.Size()
		if s := statT(fi); s != nil && s.Nlink > 1 {
			key := [2]uint64{uint64(s.Dev), s.Ino}
			if first, ok := links[key]; ok {
				hdr.Typeflag = tar.TypeLink
				hdr.Linkname = first
				hdr.Size = 0
			} else {
				links[key] = member
			}
		}
	case m&fs.ModeSocket != 0:
		st.errorf("%s: socket ignored", quoteIf(src))
		return
	default:
		st.errorf("%s: Unsupported file type; not dumped", quoteIf(src))
		return
	}
	var data io.ReadCloser
	if hdr.Typeflag == tar.TypeReg {
		f, err := c.FS.Open(p)
		if err != nil {
			st.errorf("%s: Cannot open: %s", quoteIf(src), ErrText(err))
			st.failed = true
			return
		}
		data = f
	}
	st.listVerbose(hdr, hdr.Name)
	if err := tw.WriteHeader(hdr); err != nil {
		if data != nil {
			data.Close()
		}
		return
	}
	if data != nil {
		n, err := io.Copy(tw, io.LimitReader(data, hdr.Size))
		data.Close()
		if err == nil && n < hdr.Size {
			// The file shrank: pad with zeros, as GNU does (it warns).
			st.errorf("%s: File shrank by %d bytes; padding with zeros", quoteIf(src), hdr.Size-n)
			st.failed = true
			io.Copy(tw, io.LimitReader(zeroReader{}, hdr.Size-n))
		}
	}
	if fi.IsDir() {
		entries, err := c.FS.ReadDir(p)
		if err != nil {
			st.errorf("%s: Cannot open: %s", quoteIf(src), ErrText(err))
			st.failed = true
			return
		}
		names := make([]string, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
		}
		sort.Strings(names)
		for _, n := range names {
			st.addPath(tw, dir, joinName(src, n), strings.TrimSuffix(hdr.Name, "/")+"/"+n, links, archive)
		}
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
	}
	return len(p), nil
}

// ---------------------------------------------------------------------------
// List and extract

// read lists (-t) or extracts (-x) the archive.
func (st *tarState) read() int {
	c := st.c
	var in io.Reader
	fromStdin := st.archive == "-"
	if fromStdin {
		in = c.Stdin
		if in == nil {
			in = eofReader{}
		}
	} else {
		p := c.fsPath(st.archive)
		if fi, err := c.FS.Stat(p); err == nil && fi.IsDir() {
			st.errorf("%s: Cannot read: Is a directory", quoteIf(st.archive))
			return st.fatal("At beginning of tape, quitting now")
		}
		f, err := c.FS.Open(p)
		if err != nil {
			return st.fatal("%s: Cannot open: %s", quoteIf(st.archive), ErrText(err))
		}
		defer f.Close()
		in = f
	}
	st.verboseOut = c.Stdout
	if st.toStdout {
		st.verboseOut = c.Stderr
	}
	br := bufio.NewReaderSize(in, 64*1024)
	magic, _ := br.Peek(2)
	isGzip := len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
	var r io.Reader = br
	switch {
	case st.gzip && !isGzip:
		if len(magic) == 0 {
			return st.finish()
		}
		c.Stderr.Write([]byte("\ngzip: stdin: not in gzip format\n"))
		return st.fatal("Child returned status 1")
	case isGzip && !st.gzip && fromStdin:
		return st.fatal("Archive is compressed. Use -z option")
	case isGzip:
		zr, err := gzip.NewReader(br)
		if err != nil {
			return st.fatal("Unexpected EOF in archive")
		}
		r = zr
	case len(magic) == 0:
		st.errorf("This does not look like a tar archive")
		st.failed = true
		return st.finish()
	}
	if st.mode == "x" && st.lastDir != "" {
		if fi, err := c.stat(st.lastDir); err != nil || !fi.IsDir() {
			if err == nil {
				err = syscall.ENOTDIR
			}
			return st.fatal("%s: Cannot open: %s", quoteIf(st.lastDir), ErrText(err))
		}
	}
	tr := tar.NewReader(r)
	found := make([]bool, len(st.operands))
	var dirs []*tar.Header // directories whose times and modes are set last
	first := true
	for {
		if c.stopped() {
			return 1
		}
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if first && err != io.ErrUnexpectedEOF {
				st.errorf("This does not look like a tar archive")
				st.errorf("Skipping to next header")
				st.failed = true
				break
			}
			if err == io.ErrUnexpectedEOF {
				break // GNU tar stops quietly in a short header block
			}
			return st.fatal("Unexpected EOF in archive")
		}
		first = false
		if hdr.Typeflag == tar.TypeXGlobalHeader {
			continue
		}
		if !st.selected(hdr.Name, found) || st.excluded(hdr.Name) {
			continue
		}
		if st.mode == "t" {
			if strings.HasPrefix(hdr.Name, "/") {
				st.stripAbs(hdr.Name)
			}
			st.list(hdr)
			continue
		}
		if st.toStdout {
			st.listVerbose(hdr, hdr.Name)
			if hdr.Typeflag == tar.TypeReg || hdr.Typeflag == tar.TypeRegA {
				if _, err := io.Copy(c.Stdout, tr); err != nil {
					if isPipeErr(err) || errors.Is(err, syscall.EPIPE) {
						return 1
					}
				}
			}
			continue
		}
		if d := st.extract(hdr, tr); d != nil {
			dirs = append(dirs, d)
		}
		if st.truncated {
			return 2
		}
	}
	// Directories get their modes and times once their contents are in.
	for i := len(dirs) - 1; i >= 0; i-- {
		d := dirs[i]
		c.FS.Chmod(d.Name, tarMode(d.Mode))
		c.FS.Chtimes(d.Name, d.ModTime, d.ModTime)
	}
	for i, ok := range found {
		if !ok && st.operands[i].name != "" {
			st.errorf("%s: Not found in archive", quoteIf(st.operands[i].name))
			st.failed = true
		}
	}
	return st.finish()
}

// selected reports whether a member is named by the operands (all are
// when there are none): the name itself or a directory above it.
func (st *tarState) selected(name string, found []bool) bool {
	any := false
	ok := false
	n := strings.TrimRight(name, "/")
	for i, op := range st.operands {
		if op.name == "" {
			continue
		}
		any = true
		o := strings.TrimRight(op.name, "/")
		if n == o || strings.HasPrefix(n, o+"/") {
			found[i] = true
			ok = true
		}
	}
	return !any || ok
}

// tarMode converts a header's mode bits to an fs.FileMode.
func tarMode(m int64) fs.FileMode {
	mode := fs.FileMode(m & 0o777)
	if m&0o4000 != 0 {
		mode |= fs.ModeSetuid
	}
	if m&0o2000 != 0 {
		mode |= fs.ModeSetgid
	}
	if m&0o1000 != 0 {
		mode |= fs.ModeSticky
	}
	return mode
}

// memberName returns where a member is extracted: without a leading "/",
// with --strip-components applied; ok is false to skip it.
func (st *tarState) memberName(name string) (string, bool) {
	orig := name
	name = st.stripAbs(name)
	parts := strings.Split(name, "/")
	for i := len(parts) - 1; i >= 0; i-- {
		if parts[i] == ".." {
			st.removing(orig[:len(orig)-len(name)] + strings.Join(parts[:i+1], "/") + "/")
			st.errorf("%s: Member name contains '..'", quoteIf(orig))
			st.failed = true
			return "", false
		}
	}
	if st.strip > 0 {
		parts := strings.Split(strings.TrimRight(name, "/"), "/")
		if len(parts) <= st.strip {
			return "", false
		}
		name = strings.Join(parts[st.strip:], "/")
	}
	return name, true
}

// extract creates one member; it returns the header of a directory, whose
// mode and time are set at the end.
func (st *tarState) extract(hdr *tar.Header, data io.Reader) *tar.Header {
	c := st.c
	name, ok := st.memberName(hdr.Name)
	if !ok {
		return nil
	}
	st.listVerbose(hdr, hdr.Name)
	if name == "" || name == "." || name == "./" {
		return nil
	}
	parentDir := st.lastDir
	p := st.path(parentDir, strings.TrimRight(name, "/"))
	// Missing parents are made as GNU does, with the default mode.
	if dir := path.Dir(p); dir != "/" {
		c.FS.MkdirAll(dir, 0o755)
	}
	existing, _, lerr := c.FS.LstatIfPossible(p)
	if lerr == nil && st.keepOld && hdr.Typeflag != tar.TypeDir {
		st.errorf("%s: Cannot open: File exists", quoteIf(name))
		st.failed = true
		return nil
	}
	removeOld := func() bool {
		if lerr != nil {
			return true
		}
		if existing.IsDir() {
			if err := c.FS.Remove(p); err != nil {
				st.errorf("%s: Cannot open: %s", quoteIf(name), "File exists")
				st.failed = true
				return false
			}
			return true
		}
		c.FS.Remove(p)
		return true
	}
	switch hdr.Typeflag {
	case tar.TypeDir:
		if lerr == nil && !existing.IsDir() {
			c.FS.Remove(p)
		}
		if err := c.FS.Mkdir(p, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			st.errorf("%s: Cannot mkdir: %s", quoteIf(name), ErrText(err))
			st.failed = true
			return nil
		}
		st.chown(p, hdr, false)
		h := *hdr
		h.Name = p
		return &h
	case tar.TypeSymlink:
		if !removeOld() {
			return nil
		}
		if err := c.FS.SymlinkIfPossible(hdr.Linkname, p); err != nil {
			st.errorf("%s: Cannot create symlink to %s: %s", quoteIf(name), quote(hdr.Linkname), ErrText(err))
			st.failed = true
			return nil
		}
		st.chown(p, hdr, true)
	case tar.TypeLink:
		old, ok := st.memberName(hdr.Linkname)
		if !ok {
			return nil
		}
		if !removeOld() {
			return nil
		}
		if err := c.FS.Link(st.path(parentDir, old), p); err != nil {
			st.errorf("%s: Cannot hard link to %s: %s", quoteIf(name), quote(old), ErrText(err))
			st.failed = true
		}
	case tar.TypeReg, tar.TypeRegA, tar.TypeGNUSparse:
		if !removeOld() {
			return nil
		}
		defer func() {
			if st.truncated {
				st.fatal("Unexpected EOF in archive")
			}
		}()
		f, err := c.FS.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			st.errorf("%s: Cannot open: %s", quoteIf(name), ErrText(err))
			st.failed = true
			return nil
		}
		_, err = io.Copy(f, data)
		cerr := f.Close()
		if err == nil {
			err = cerr
		}
		if err == io.ErrUnexpectedEOF {
			st.truncated = true
		} else if err != nil {
			st.errorf("%s: Cannot write: %s", quoteIf(name), ErrText(err))
			st.failed = true
		}
		st.chown(p, hdr, false)
		c.FS.Chmod(p, tarMode(hdr.Mode))
		c.FS.Chtimes(p, hdr.ModTime, hdr.ModTime)
	default:
		st.errorf("%s: Unknown file type '%c', extracted as normal file", quoteIf(name), hdr.Typeflag)
		st.failed = true
	}
	return nil
}

// chown gives the extracted file the archived owner, as GNU tar run by
// root does; failures are ignored.
func (st *tarState) chown(p string, hdr *tar.Header, link bool) {
	if link {
		return // afero has no Lchown
	}
	st.c.FS.Chown(p, hdr.Uid, hdr.Gid)
}

// list prints a member for -t: its name, or with -v GNU's long line.
func (st *tarState) list(hdr *tar.Header) {
	if st.verbose > 0 {
		st.longLine(st.c.Stdout, hdr)
		return
	}
	fmt.Fprintln(st.c.Stdout, tarQuote(hdr.Name))
}

// listVerbose prints a member being created or extracted, with -v.
func (st *tarState) listVerbose(hdr *tar.Header, name string) {
	switch {
	case st.verbose == 1:
		fmt.Fprintln(st.verboseOut, tarQuote(name))
	case st.verbose > 1:
		st.longLine(st.verboseOut, hdr)
	}
}

// longLine prints GNU tar's verbose listing line for hdr.
func (st *tarState) longLine(w io.Writer, hdr *tar.Header) {
	typ := byte('-')
	size := strconv.FormatInt(hdr.Size, 10)
	switch hdr.Typeflag {
	case tar.TypeDir:
		typ = 'd'
	case tar.TypeSymlink:
		typ = 'l'
	case tar.TypeLink:
		typ = 'h'
	case tar.TypeChar:
		typ = 'c'
	case tar.TypeBlock:
		typ = 'b'
	case tar.TypeFifo:
		typ = 'p'
	}
	if hdr.Typeflag == tar.TypeChar || hdr.Typeflag == tar.TypeBlock {
		size = fmt.Sprintf("%d,%d", hdr.Devmajor, hdr.Devminor)
	}
	mode := []byte(modeString(tarMode(hdr.Mode)))
	mode[0] = typ
	user := hdr.Uname
	if user == "" {
		user = strconv.Itoa(hdr.Uid)
	}
	group := hdr.Gname
	if group == "" {
		group = strconv.Itoa(hdr.Gid)
	}
	pad := len(user) + 1 + len(group) + 1 + len(size)
	if pad > st.ugsWidth {
		st.ugsWidth = pad
	}
	stamp := hdr.ModTime.In(st.loc).Format("2006-01-02 15:04")
	line := fmt.Sprintf("%s %s/%s %*s %-16s %s", mode, user, group, st.ugsWidth-pad+len(size), size, stamp, tarQuote(hdr.Name))
	switch hdr.Typeflag {
	case tar.TypeSymlink:
		line += " -> " + tarQuote(hdr.Linkname)
	case tar.TypeLink:
		line += " link to " + tarQuote(hdr.Linkname)
	}
	fmt.Fprintln(w, line)
}

// tarQuote quotes a member name as GNU tar's default "escape" style does:
// backslash escapes for control characters and the backslash.
func tarQuote(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		writeCEscaped(&b, s[i])
	}
	return b.String()
}
