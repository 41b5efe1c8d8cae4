package builtins

import (
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ls, as GNU's when stdout is not a terminal: one name per line (-1) or
// the long format (-l), never columns or colours. Supported: -a -A -d -1
// -l -R -r -t -S -h -F -p -i -s -n -g -o -G, --color[=WHEN] (accepted, no
// colours), --classify, --full-time, --si is not. Names are sorted by
// bytes, as in the C locale (LC_COLLATE is not consulted). Names are
// printed literally (GNU's quoting style when stdout is not a tty). Owners
// and groups are shown as "root" for id 0 and as numbers otherwise, since
// the sandbox has no password database. Not supported: -C -x -m
// (columns), -L -H, -c -u, -X -v sorting (-U and --sort=none list in name order, GNU in directory order), --time-style, -Q -b -q.

func init() { Register("ls", ls) }

var lsSpec = optSpec{
	Short: "aAdlRrtShFp1ignoGsNU",
	Long: []longOpt{
		{Name: "all", Key: "a"},
		{Name: "almost-all", Key: "A"},
		{Name: "directory", Key: "d"},
		{Name: "recursive", Key: "R"},
		{Name: "reverse", Key: "r"},
		{Name: "human-readable", Key: "h"},
		{Name: "classify", Arg: optionalArg, Key: "classify"},
		{Name: "inode", Key: "i"},
		{Name: "numeric-uid-gid", Key: "n"},
		{Name: "no-group", Key: "G"},
		{Name: "size", Key: "s"},
		{Name: "literal", Key: "N"},
		{Name: "color", Arg: optionalArg, Key: "color"},
		{Name: "full-time", Key: "full-time"},
		{Name: "sort", Arg: requiredArg, Key: "sort"},
		{Name: "indicator-style", Arg: requiredArg, Key: "indicator-style"},
	},
	Status: 2,
	Usage: `Usage: ls [OPTION]... [FILE]...
List information about the FILEs (the current directory by default).
Sort entries alphabetically (by bytes) if none of -St is specified.

  -a, --all                  do not ignore entries starting with .
  -A, --almost-all           do not list implied . and ..
      --color[=WHEN]         accepted; no colours are ever printed
  -d, --directory            list directories themselves, not their contents
  -F, --classify[=WHEN]      append indicator (one of */=>@|) to entries
      --full-time            like -l --time-style=full-iso
  -g                         like -l, but do not list owner
  -G, --no-group             in a long listing, don't print group names
  -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G etc.
  -i, --inode                print the index number of each file
  -l                         use a long listing format
  -n, --numeric-uid-gid      like -l, but list numeric user and group IDs
  -N, --literal              print entry names without quoting
  -o                         like -l, but do not list group information
  -p                         append / indicator to directories
  -r, --reverse              reverse order while sorting
  -R, --recursive            list subdirectories recursively
  -s, --size                 print the allocated size of each file, in blocks
  -S                         sort by file size, largest first
      --sort=WORD            sort by WORD instead of name: none, size, time
  -t                         sort by time, newest first
  -U                         do not sort; list entries in directory order
  -1                         list one file per line
      --help        display this help and exit
      --version     output version information and exit

Exit status:
 0  if OK,
 1  if minor problems (e.g., cannot access subdirectory),
 2  if serious trouble (e.g., cannot access command-line argument).
`,
}

type lsSort int

const (
	sortName lsSort = iota
	sortTime
	sortSize
	sortNone
)

type lsIndicator int

const (
	indNone lsIndicator = iota
	indSlash
	indClassify
)

type lsOpts struct {
	all, almostAll, dirsAsFiles, long, recursive, reverse     bool
	human, inode, numeric, noOwner, noGroup, blocks, fullTime bool
	sort                                                      lsSort
	indicator                                                 lsIndicator
}

// lsFile is one entry to list.
type lsFile struct {
	name   string // as shown
	path   string // as given to the filesystem
	fi     fs.FileInfo
	target string      // symlink target, in the long format
	tfi    fs.FileInfo // what the symlink leads to, if it could be found
}

type lsRun struct {
	c      *Context
	o      lsOpts
	out    *errWriter
	status int
	now    time.Time
	loc    *time.Location
	first  bool // no directory header printed yet
}

func ls(c *Context) int {
	p, err := c.parseOpts(&lsSpec)
	if err != nil {
		return exitStatus(err)
	}
	var o lsOpts
	for _, op := range p.Opts {
		switch op.Key {
		case "a":
			o.all, o.almostAll = true, false
		case "A":
			o.almostAll, o.all = true, false
		case "d":
			o.dirsAsFiles = true
		case "l":
			o.long = true
		case "1":
			o.long = false
		case "R":
			o.recursive = true
		case "r":
			o.reverse = true
		case "t":
			o.sort = sortTime
		case "S":
			o.sort = sortSize
		case "U":
			o.sort = sortNone
		case "h":
			o.human = true
		case "F":
			o.indicator = indClassify
		case "p":
			o.indicator = indSlash
		case "i":
			o.inode = true
		case "s":
			o.blocks = true
		case "n":
			o.long, o.numeric = true, true
		case "g":
			o.long, o.noOwner = true, true
		case "o":
			o.long, o.noGroup = true, true
		case "G":
			o.noGroup = true
		case "N":
		case "full-time":
			o.long, o.fullTime = true, true
		case "classify", "color":
			if !op.HasVal {
				if op.Key == "classify" {
					o.indicator = indClassify
				}
				break
			}
			when, ok := c.argMatch("--"+op.Key, op.Val, whenArgs)
			if !ok {
				return 1
			}
			// stdout is never a terminal here: "auto" means never.
			if op.Key == "classify" {
				switch when {
				case "always":
					o.indicator = indClassify
				case "never":
					o.indicator = indNone
				}
			}
		case "sort":
			w, ok := c.argMatch("--sort", op.Val, [][]string{{"none"}, {"time"}, {"size"}, {"extension"}, {"version"}, {"width"}})
			if !ok {
				return 1
			}
			switch w {
			case "none":
				o.sort = sortNone
			case "time":
				o.sort = sortTime
			case "size":
				o.sort = sortSize
			default:
				return c.Failf(2, "--sort=%s is not supported", w)
			}
		case "indicator-style":
			w, ok := c.argMatch("--indicator-style", op.Val, [][]string{{"none"}, {"slash"}, {"file-type"}, {"classify"}})
			if !ok {
				return 1
			}
			switch w {
			case "none":
				o.indicator = indNone
			case "slash":
				o.indicator = indSlash
			case "classify":
				o.indicator = indClassify
			default:
				return c.Failf(2, "--indicator-style=%s is not supported", w)
			}
		}
	}
	r := &lsRun{c: c, o: o, out: newErrWriter(c.Stdout), now: time.Now(), loc: c.location(), first: true}
	return r.run(p.Operands)
}

// whenArgs are the arguments of --color and --classify.
var whenArgs = [][]string{{"always", "yes", "force"}, {"never", "no", "none"}, {"auto", "tty", "if-tty"}}

func (r *lsRun) run(operands []string) int {
	o := r.o
	// Command-line symlinks to directories are followed unless the
	// listing is long, of directories themselves, or classified, as GNU
	// does by default.
	followArgs := !o.long && !o.dirsAsFiles && o.indicator != indClassify
	var files, dirs []*lsFile
	var all []*lsFile
	implicit := len(operands) == 0
	if implicit {
		operands = []string{"."}
	}
	for _, name := range operands {
		if r.c.Canceled() {
			return 1
		}
		path := r.c.fsPath(name)
		fi, err := r.c.lstat(name)
		if err != nil {
			r.c.Errorf("cannot access %s: %s", quote(name), ErrText(err))
			r.status = 2
			continue
		}
		if fi.Mode()&fs.ModeSymlink != 0 && followArgs {
			// As GNU's gobble_file: only a missing target means the
			// symlink itself is listed; a loop is an error.
			sfi, err := r.c.FS.Stat(path)
			if err != nil && errnoOf(err) != syscall.ENOENT {
				r.c.Errorf("cannot access %s: %s", quote(name), ErrText(err))
				r.status = 2
				continue
			}
			if err == nil && sfi.IsDir() {
				fi = sfi
			}
		}
		f := r.newFile(name, path, fi)
		all = append(all, f)
		if fi.IsDir() && !o.dirsAsFiles {
			dirs = append(dirs, f)
		} else {
			files = append(files, f)
		}
	}
	r.sortFiles(files)
	r.sortFiles(dirs)
	if len(files) > 0 {
		r.printFiles(files, r.widths(all))
		if len(dirs) > 0 {
			r.out.WriteByte('\n')
		}
	}
	printNames := !(len(files) == 0 && len(operands) <= 1 && len(dirs) == 1)
	for _, d := range dirs {
		if !r.listDir(d.name, d.path, printNames, true) {
			break
		}
	}
	if err := r.out.Flush(); err != nil {
		return r.c.writeFailed(err)
	}
	if r.c.Canceled() {
		return 1
	}
	return r.status
}

// newFile makes an entry, with the symlink target for the long format.
func (r *lsRun) newFile(name, path string, fi fs.FileInfo) *lsFile {
	f := &lsFile{name: name, path: path, fi: fi}
	if fi.Mode()&fs.ModeSymlink != 0 && (r.o.long || r.o.indicator != indNone) {
		if r.o.long {
			f.target, _ = r.c.FS.ReadlinkIfPossible(path)
		}
		if tfi, err := r.c.FS.Stat(path); err == nil {
			f.tfi = tfi
		}
	}
	return f
}

// listDir lists the directory shown as name, then, with -R, its
// subdirectories. It returns false when the output failed or the run was
// cancelled.
func (r *lsRun) listDir(name, path string, header, cmdline bool) bool {
	if r.c.Canceled() || r.out.err != nil {
		return false
	}
	entries, err := r.c.FS.ReadDir(path)
	if err != nil {
		r.c.Errorf("cannot open directory %s: %s", quote(name), ErrText(err))
		if cmdline {
			r.status = 2
		} else {
			r.status = max(r.status, 1)
		}
		return true
	}
	if r.o.recursive || header {
		if !r.first {
			r.out.WriteByte('\n')
		}
		r.out.WriteString(name)
		r.out.WriteString(":\n")
	}
	r.first = false
	var files []*lsFile
	if r.o.all {
		for _, dot := range []string{".", ".."} {
			p := joinName(path, dot)
			fi, _, err := r.c.FS.LstatIfPossible(p)
			if err != nil {
				continue
			}
			files = append(files, r.newFile(dot, p, fi))
		}
	}
	for _, e := range entries {
		n := e.Name()
		if n[0] == '.' && !r.o.all && !r.o.almostAll {
			continue
		}
		p := joinName(path, n)
		fi, err := e.Info()
		if err != nil {
			r.c.Errorf("cannot access %s: %s", quote(joinName(name, n)), ErrText(err))
			r.status = max(r.status, 1)
			continue
		}
		files = append(files, r.newFile(n, p, fi))
	}
	r.sortFiles(files)
	w := r.widths(files)
	if r.o.long || r.o.blocks {
		var total uint64
		for _, f := range files {
			if st := statT(f.fi); st != nil {
				total += uint64(st.Blocks)
			}
		}
		r.out.WriteString("total ")
		r.out.WriteString(r.blockString(total))
		r.out.WriteByte('\n')
	}
	r.printFiles(files, w)
	if !r.o.recursive {
		return r.out.err == nil
	}
	for _, f := range files {
		if !f.fi.IsDir() || f.name == "." || f.name == ".." {
			continue
		}
		if !r.listDir(joinName(name, f.name), f.path, true, false) {
			return false
		}
	}
	return true
}

func (r *lsRun) sortFiles(files []*lsFile) {
	var less func(a, b *lsFile) bool
	switch r.o.sort {
	case sortNone:
		return
	case sortTime:
		less = func(a, b *lsFile) bool {
			ta, tb := a.fi.ModTime(), b.fi.ModTime()
			if !ta.Equal(tb) {
				return ta.After(tb)
			}
			return a.name < b.name
		}
	case sortSize:
		less = func(a, b *lsFile) bool {
			if a.fi.Size() != b.fi.Size() {
				return a.fi.Size() > b.fi.Size()
			}
			return a.name < b.name
		}
	default:
		less = func(a, b *lsFile) bool { return a.name < b.name }
	}
	if r.o.reverse {
		fwd := less
		less = func(a, b *lsFile) bool { return fwd(b, a) }
	}
	sort.SliceStable(files, func(i, j int) bool { return less(files[i], files[j]) })
}

// lsWidths are the column widths of a long listing.
type lsWidths struct {
	inode, blocks, nlink, owner, group, size int
}

func (r *lsRun) widths(files []*lsFile) lsWidths {
	var w lsWidths
	for _, f := range files {
		st := statT(f.fi)
		if r.o.inode {
			w.inode = max(w.inode, len(strconv.FormatUint(inoOf(st), 10)))
		}
		if r.o.blocks && st != nil {
			w.blocks = max(w.blocks, len(r.blockString(uint64(st.Blocks))))
		}
		if !r.o.long {
			continue
		}
		w.nlink = max(w.nlink, len(strconv.FormatUint(nlinkOf(st), 10)))
		if st != nil {
			w.owner = max(w.owner, len(r.idName(st.Uid)))
			w.group = max(w.group, len(r.idName(st.Gid)))
		}
		w.size = max(w.size, len(r.sizeString(f.fi)))
	}
	return w
}

func inoOf(st *syscall.Stat_t) uint64 {
	if st == nil {
		return 0
	}
	return st.Ino
}

func nlinkOf(st *syscall.Stat_t) uint64 {
	if st == nil {
		return 0
	}
	return uint64(st.Nlink)
}

func (r *lsRun) printFiles(files []*lsFile, w lsWidths) {
	for _, f := range files {
		if r.out.err != nil || r.c.Canceled() {
			return
		}
		r.printFile(f, w)
	}
}

func (r *lsRun) printFile(f *lsFile, w lsWidths) {
	out := r.out
	st := statT(f.fi)
	if r.o.inode {
		out.WriteString(padLeft(strconv.FormatUint(inoOf(st), 10), w.inode))
		out.WriteByte(' ')
	}
	if r.o.blocks {
		var b uint64
		if st != nil {
			b = uint64(st.Blocks)
		}
		out.WriteString(padLeft(r.blockString(b), w.blocks))
		out.WriteByte(' ')
	}
	if r.o.long {
		out.WriteString(modeString(f.fi.Mode()))
		out.WriteByte(' ')
		out.WriteString(padLeft(strconv.FormatUint(nlinkOf(st), 10), w.nlink))
		out.WriteByte(' ')
		var uid, gid uint32
		if st != nil {
			uid, gid = st.Uid, st.Gid
		}
		if !r.o.noOwner {
			r.writeID(uid, w.owner)
		}
		if !r.o.noGroup {
			r.writeID(gid, w.group)
		}
		out.WriteString(padLeft(r.sizeString(f.fi), w.size))
		out.WriteByte(' ')
		out.WriteString(r.timeString(f.fi.ModTime()))
		out.WriteByte(' ')
	}
	out.WriteString(f.name)
	if r.o.long && f.fi.Mode()&fs.ModeSymlink != 0 {
		out.WriteString(" -> ")
		out.WriteString(f.target)
		if f.tfi != nil && r.o.indicator != indNone {
			out.WriteString(r.indicator(f.tfi.Mode()))
		}
	} else if r.o.indicator != indNone {
		out.WriteString(r.indicator(f.fi.Mode()))
	}
	out.WriteByte('\n')
}

// writeID writes a user or group as GNU's format_user_or_group does: a
// name left-aligned, a number right-aligned.
func (r *lsRun) writeID(id uint32, width int) {
	s := r.idName(id)
	if s == "root" {
		r.out.WriteString(padRight(s, width))
	} else {
		r.out.WriteString(padLeft(s, width))
	}
	r.out.WriteByte(' ')
}

// idName returns the name shown for a user or group id: "root" for 0
// (unless -n), the number otherwise.
func (r *lsRun) idName(id uint32) string {
	if id == 0 && !r.o.numeric {
		return "root"
	}
	return strconv.FormatUint(uint64(id), 10)
}

func (r *lsRun) indicator(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "/"
	case r.o.indicator == indSlash:
		return ""
	case m&fs.ModeSymlink != 0:
		return "@"
	case m&fs.ModeNamedPipe != 0:
		return "|"
	case m&fs.ModeSocket != 0:
		return "="
	case m.IsRegular() && m&0o111 != 0:
		return "*"
	}
	return ""
}

func (r *lsRun) sizeString(fi fs.FileInfo) string {
	if r.o.human {
		return humanReadable(uint64(fi.Size()), 1, 1, true)
	}
	return strconv.FormatInt(fi.Size(), 10)
}

// blockString formats a count of 512-byte blocks in 1K units, or
// human-readable with -h.
func (r *lsRun) blockString(blocks uint64) string {
	if r.o.human {
		return humanReadable(blocks, 512, 1, true)
	}
	return humanReadable(blocks, 512, 1024, false)
}

// timeString formats a modification time as GNU ls does in the C locale.
func (r *lsRun) timeString(t time.Time) string {
	t = t.In(r.loc)
	if r.o.fullTime {
		return t.Format("2006-01-02 15:04:05.000000000 -0700")
	}
	now := r.now
	if now.Before(t) {
		now = time.Now()
	}
	sixMonthsAgo := now.Add(-31556952 / 2 * time.Second)
	if sixMonthsAgo.Before(t) && t.Before(now) {
		return t.Format("Jan _2 15:04")
	}
	return t.Format("Jan _2  2006")
}

// modeString is GNU's filemodestring, without the ACL flag.
func modeString(m fs.FileMode) string {
	b := []byte("?rwxrwxrwx")
	switch {
	case m.IsRegular():
		b[0] = '-'
	case m.IsDir():
		b[0] = 'd'
	case m&fs.ModeSymlink != 0:
		b[0] = 'l'
	case m&fs.ModeNamedPipe != 0:
		b[0] = 'p'
	case m&fs.ModeSocket != 0:
		b[0] = 's'
	case m&fs.ModeCharDevice != 0:
		b[0] = 'c'
	case m&fs.ModeDevice != 0:
		b[0] = 'b'
	}
	for i := 0; i < 9; i++ {
		if m&(1<<uint(8-i)) == 0 {
			b[i+1] = '-'
		}
	}
	special := func(i int, set bool, on, off byte) {
		if !set {
			return
		}
		if b[i] == 'x' {
			b[i] = on
		} else {
			b[i] = off
		}
	}
	special(3, m&fs.ModeSetuid != 0, 's', 'S')
	special(6, m&fs.ModeSetgid != 0, 's', 'S')
	special(9, m&fs.ModeSticky != 0, 't', 'T')
	return string(b)
}

func padLeft(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return strings.Repeat(" ", w-len(s)) + s
}

func padRight(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}

// humanReadable is gnulib's human_readable with ceiling rounding: n units
// of from bytes shown in units of to bytes, or with autoscale in powers of
// 1024 with suffixes K, M, G, ... and one decimal below 10.
func humanReadable(n, from, to uint64, autoscale bool) string {
	var amt uint64
	tenths, rounding := uint64(0), uint64(0)
	if to <= from {
		amt = n * (from / to)
	} else {
		div := to / from
		r10 := (n % div) * 10
		r2 := (r10 % div) * 2
		amt = n / div
		tenths = r10 / div
		rounding = roundingOf(r2, div)
	}
	const base = 1024
	exponent := 0
	decimal := ""
	if autoscale && amt >= base {
		for {
			r10 := (amt%base)*10 + tenths
			r2 := (r10%base)*2 + rounding>>1
			amt /= base
			tenths = r10 / base
			rounding = roundingOf(r2, base)
			exponent++
			if amt < base || exponent >= 8 {
				break
			}
		}
		if amt < 10 {
			if rounding > 0 {
				tenths++
				rounding = 0
				if tenths == 10 {
					amt++
					tenths = 0
				}
			}
			if amt < 10 {
				decimal = "." + strconv.FormatUint(tenths, 10)
				tenths, rounding = 0, 0
			}
		}
	}
	if tenths+rounding > 0 {
		amt++
		if autoscale && amt == base && exponent < 8 {
			exponent++
			decimal = ".0"
			amt = 1
		}
	}
	s := strconv.FormatUint(amt, 10) + decimal
	if exponent > 0 {
		s += string("KMGTPEZY"[exponent-1])
	}
	return s
}

func roundingOf(r2, base uint64) uint64 {
	switch {
	case r2 < base:
		if r2 != 0 {
			return 1
		}
		return 0
	case base < r2:
		return 3
	}
	return 2
}
