package builtins

// du, as GNU coreutils' du: -a -b -B SIZE -c -d N (--max-depth) -h -H
// (--dereference-args, also -D) -k -l -L -m -P -s -S -x -0, --apparent-size,
// --exclude=PATTERN, -X FILE (--exclude-from), --summarize, --total,
// --null. Disk usage is the filesystem's block count (st_blocks, which
// the overlay reports as ext4 does); a file with several links, or any file
// met twice when several operands are given, counts once. Directories are
// walked in name order (GNU uses readdir order). -x is accepted (the
// namespace is one filesystem to du). Not supported: --si, --inodes,
// --time, --files0-from, --threshold, block sizes without a number
// (-B K prints the suffix in GNU's du).

import (
	"bufio"
	"io/fs"
	"strconv"
	"strings"
	"syscall"

	"github.com/sandsh/sandsh/vfs"
)

func init() { Register("du", du) }

var duSpec = optSpec{
	Short: "0abB:cd:DhHklLmPsSxX:",
	Long: []longOpt{
		{Name: "null", Key: "0"},
		{Name: "all", Key: "a"},
		{Name: "apparent-size", Key: "apparent-size"},
		{Name: "block-size", Arg: requiredArg, Key: "B"},
		{Name: "bytes", Key: "b"},
		{Name: "total", Key: "c"},
		{Name: "max-depth", Arg: requiredArg, Key: "d"},
		{Name: "dereference-args", Key: "D"},
		{Name: "human-readable", Key: "h"},
		{Name: "count-links", Key: "l"},
		{Name: "dereference", Key: "L"},
		{Name: "no-dereference", Key: "P"},
		{Name: "summarize", Key: "s"},
		{Name: "separate-dirs", Key: "S"},
		{Name: "one-file-system", Key: "x"},
		{Name: "exclude", Arg: requiredArg, Key: "exclude"},
		{Name: "exclude-from", Arg: requiredArg, Key: "X"},
	},
	Status: 1,
	Usage: `Usage: du [OPTION]... [FILE]...
Summarize device usage of the set of FILEs, recursively for directories.

  -0, --null            end each output line with NUL, not newline
  -a, --all             write counts for all files, not just directories
      --apparent-size   print apparent sizes rather than device usage
  -B, --block-size=SIZE  scale sizes by SIZE before printing them
  -b, --bytes           equivalent to '--apparent-size --block-size=1'
  -c, --total           produce a grand total
  -D, --dereference-args  dereference only symlinks that are listed on the
                          command line
  -d, --max-depth=N     print the total for a directory (or file, with --all)
                          only if it is N or fewer levels below the command
                          line argument;  --max-depth=0 is the same as
                          --summarize
  -h, --human-readable  print sizes in human readable format (e.g., 1K 234M 2G)
  -H                    equivalent to --dereference-args (-D)
  -k                    like --block-size=1K
  -L, --dereference     dereference all symbolic links
  -l, --count-links     count sizes many times if hard linked
  -m                    like --block-size=1M
  -P, --no-dereference  don't follow any symbolic links (this is the default)
  -S, --separate-dirs   for directories do not include size of subdirectories
  -s, --summarize       display only a total for each argument
  -x, --one-file-system    skip directories on different file systems
  -X, --exclude-from=FILE  exclude files that match any pattern in FILE
      --exclude=PATTERN    exclude files that match PATTERN
      --help        display this help and exit
      --version     output version information and exit
`,
}

type duRun struct {
	c                           *Context
	all, apparent, total, human bool
	countLinks, separate, null  bool
	follow                      byte // 'P', 'H', 'L'
	maxDepth                    int
	bsize                       int64
	excludes                    []func(string) bool
	seen                        map[[2]uint64]bool
	hashAll                     bool
	out                         *errWriter
	status                      int
}

func du(c *Context) int {
	p, err := c.parseOpts(&duSpec)
	if err != nil {
		return exitStatus(err)
	}
	r := &duRun{c: c, follow: 'P', maxDepth: -1, bsize: 1024, seen: map[[2]uint64]bool{}}
	summarize := false
	depthSet, depthVal := false, 0
	if c.Env != nil {
		for _, v := range []string{"DU_BLOCK_SIZE", "BLOCK_SIZE", "BLOCKSIZE"} {
			if s, ok := c.Env(v); ok && s != "" {
				if n, ok := duBlockSize(s); ok {
					r.bsize = n
				}
				break
			}
		}
		if _, ok := c.Env("POSIXLY_CORRECT"); ok {
			r.bsize = 512
		}
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "0":
			r.null = true
		case "a":
			r.all = true
		case "apparent-size":
			r.apparent = true
		case "b":
			r.apparent, r.bsize, r.human = true, 1, false
		case "B":
			n, ok := duBlockSize(o.Val)
			if !ok {
				c.Errorf("invalid -B argument %s", quote(o.Val))
				return 1
			}
			r.bsize, r.human = n, false
		case "c":
			r.total = true
		case "d":
			n, err := strconv.Atoi(o.Val)
			if err != nil || n < 0 {
				return c.usageErr(1, "invalid maximum depth %s", quote(o.Val))
			}
			depthSet, depthVal = true, n
		case "D", "H":
			r.follow = 'H'
		case "h":
			r.human = true
		case "k":
			r.bsize, r.human = 1024, false
		case "l":
			r.countLinks = true
		case "L":
			r.follow = 'L'
		case "m":
			r.bsize, r.human = 1<<20, false
		case "P":
			r.follow = 'P'
		case "s":
			summarize = true
		case "S":
			r.separate = true
		case "x":
		case "exclude":
			r.excludes = append(r.excludes, duExclude(o.Val))
		case "X":
			f, err := c.openInput(o.Val)
			if err != nil {
				c.Errorf("%s: %s", quoteIf(o.Val), ErrText(err))
				return 1
			}
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				if line := sc.Text(); line != "" {
					r.excludes = append(r.excludes, duExclude(line))
				}
			}
			f.Close()
		}
	}
	if summarize && r.all {
		return c.usageErr(1, "cannot both summarize and show all entries")
	}
	if summarize && depthSet && depthVal == 0 {
		c.Errorf("warning: summarizing is the same as using --max-depth=0")
	}
	if summarize && depthSet && depthVal != 0 {
		return c.usageErr(1, "warning: summarizing conflicts with --max-depth=%d", depthVal)
	}
	if summarize {
		r.maxDepth = 0
	} else if depthSet {
		r.maxDepth = depthVal
	}
	operands := p.Operands
	if len(operands) == 0 {
		operands = []string{"."}
	}
	r.hashAll = len(operands) > 1
	r.out = newErrWriter(c.Stdout)
	var grand int64
	for _, name := range operands {
		if c.Canceled() || r.out.err != nil {
			break
		}
		fsPath := c.fsPath(name)
		fi, err := r.stat(fsPath, 0)
		if err != nil {
			r.out.Flush()
			c.Errorf("cannot access %s: %s", quote(name), ErrText(err))
			r.status = 1
			continue
		}
		size, _ := r.walk(name, fsPath, fi, 0)
		grand += size
	}
	if r.total && r.out.err == nil {
		r.print(grand, "total")
	}
	if err := r.out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return r.status
}

// duBlockSize parses a -B argument with a number: 1K, 4096, 2M, 1KB.
func duBlockSize(s string) (int64, bool) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return 0, false
	}
	n, err := strconv.ParseInt(s[:i], 10, 64)
	if err != nil || n <= 0 {
		return 0, false
	}
	suf := s[i:]
	if suf == "" {
		return n, true
	}
	base := int64(1024)
	unit := suf[:1]
	switch suf[1:] {
	case "":
	case "B":
		base = 1000
	case "iB":
	default:
		return 0, false
	}
	e := strings.Index("KMGTPE", strings.ToUpper(unit))
	if e < 0 || (unit == "k" && base == 1024 && suf != "k") {
		return 0, false
	}
	for ; e >= 0; e-- {
		n *= base
	}
	return n, true
}

// duExclude compiles an --exclude pattern as gnulib's exclude does with
// EXCLUDE_WILDCARDS: it matches the whole name or what follows any "/".
func duExclude(pat string) func(string) bool {
	m := findGlob(pat, false)
	return func(name string) bool {
		if m(name) {
			return true
		}
		for i := 0; i < len(name); i++ {
			if name[i] == '/' && i+1 < len(name) && name[i+1] != '/' && m(name[i+1:]) {
				return true
			}
		}
		return false
	}
}

func (r *duRun) stat(fsPath string, depth int) (fs.FileInfo, error) {
	if r.follow == 'L' || (r.follow == 'H' && depth == 0) {
		fi, err := r.c.FS.Stat(fsPath)
		if err == nil {
			return fi, nil
		}
		if e := errnoOf(err); e != syscall.ENOENT && e != syscall.ENOTDIR {
			return nil, err
		}
	}
	fi, _, err := r.c.FS.LstatIfPossible(fsPath)
	return fi, err
}

// size returns what fi counts for.
func (r *duRun) size(fi fs.FileInfo) int64 {
	if r.apparent {
		if fi.Mode().IsRegular() || fi.Mode()&fs.ModeSymlink != 0 || fi.IsDir() {
			return fi.Size()
		}
		return 0
	}
	if st := statT(fi); st != nil {
		return st.Blocks * 512
	}
	return fi.Size()
}

// walk counts name and what is below it, printing as it goes. It returns
// the total and whether anything was counted.
func (r *duRun) walk(name, fsPath string, fi fs.FileInfo, depth int) (int64, bool) {
	if r.c.Canceled() || r.out.err != nil {
		return 0, false
	}
	for _, ex := range r.excludes {
		if ex(name) {
			return 0, false
		}
	}
	if st := statT(fi); st != nil && !r.countLinks && (r.hashAll || r.follow == 'L' || !fi.IsDir() && st.Nlink > 1) {
		key := [2]uint64{uint64(st.Dev), st.Ino}
		if r.seen[key] {
			return 0, false
		}
		r.seen[key] = true
	}
	total := r.size(fi)
	if fi.IsDir() {
		ents, err := r.c.FS.ReadDir(fsPath)
		if err != nil {
			r.out.Flush()
			r.c.Errorf("cannot read directory %s: %s", quote(name), ErrText(err))
			r.status = 1
		}
		own := total
		for _, e := range ents {
			cname := joinName(name, e.Name())
			if name == "/" {
				cname = "/" + e.Name()
			}
			cpath := vfs.Join(vfs.Clean(fsPath), e.Name())
			cfi, err := r.stat(cpath, depth+1)
			if err != nil {
				r.out.Flush()
				r.c.Errorf("cannot access %s: %s", quote(cname), ErrText(err))
				r.status = 1
				continue
			}
			sz, _ := r.walk(cname, cpath, cfi, depth+1)
			if r.separate && cfi.IsDir() {
				continue
			}
			own += sz
		}
		total = own
		if r.maxDepth < 0 || depth <= r.maxDepth {
			r.print(total, name)
		}
		return total, true
	}
	if depth == 0 || r.all && (r.maxDepth < 0 || depth <= r.maxDepth) {
		r.print(total, name)
	}
	return total, true
}

// print writes one line: the size in the output unit, a tab and the name.
func (r *duRun) print(n int64, name string) {
	var s string
	switch {
	case r.human:
		s = humanReadable(uint64(n), 1, 1, true)
	default:
		s = strconv.FormatInt((n+r.bsize-1)/r.bsize, 10)
	}
	r.out.WriteString(s)
	r.out.WriteByte('\t')
	r.out.WriteString(name)
	if r.null {
		r.out.WriteByte(0)
	} else {
		r.out.WriteByte('\n')
	}
}
