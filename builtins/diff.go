package builtins

// diff, as GNU diffutils 3.8's, on top of internal/udiff (GNU's analysis,
// so the hunks are GNU's): normal output by default, -u/-U N/--unified[=N],
// -c/-C N/--context[=N], -q/--brief, -s/--report-identical-files,
// -r/--recursive (with "Only in", "Common subdirectories", "diff -r a/x
// b/x" lines), -N/--new-file, -i, -w, -b, -B, -a/--text, --label (twice),
// --strip-trailing-cr, -d/--minimal, --normal, --color=never|auto (no
// colors), "\ No newline at end of file", "Binary files a and b differ"
// and exit status 0, 1 or 2. Files are read whole. Not supported: -y, -e,
// -n, -D, -p/-F, -x/-X, -T, --color=always and the format options.

import (
	"bytes"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/sandsh/sandsh/internal/udiff"
)

func init() { Register("diff", diffCmd) }

var diffSpec = optSpec{
	Short: "abBcC:diNqrsuU:wZ",
	Long: []longOpt{
		{Name: "text", Key: "a"},
		{Name: "ignore-space-change", Key: "b"},
		{Name: "ignore-blank-lines", Key: "B"},
		{Name: "context", Arg: optionalArg, Key: "context"},
		{Name: "minimal", Key: "d"},
		{Name: "ignore-case", Key: "i"},
		{Name: "new-file", Key: "N"},
		{Name: "brief", Key: "q"},
		{Name: "recursive", Key: "r"},
		{Name: "report-identical-files", Key: "s"},
		{Name: "unified", Arg: optionalArg, Key: "unified"},
		{Name: "ignore-all-space", Key: "w"},
		{Name: "ignore-trailing-space", Key: "Z"},
		{Name: "label", Arg: requiredArg, Key: "label"},
		{Name: "color", Arg: optionalArg, Key: "color"},
		{Name: "normal", Key: "normal"},
		{Name: "strip-trailing-cr", Key: "strip-trailing-cr"},
	},
	Status: 2,
	Usage: `Usage: diff [OPTION]... FILES
Compare FILES line by line.

Mandatory arguments to long options are mandatory for short options too.
      --normal                  output a normal diff (the default)
  -q, --brief                   report only when files differ
  -s, --report-identical-files  report when two files are the same
  -c, -C NUM, --context[=NUM]   output NUM (default 3) lines of copied context
  -u, -U NUM, --unified[=NUM]   output NUM (default 3) lines of unified context
  -r, --recursive                 recursively compare any subdirectories found
  -N, --new-file                  treat absent files as empty
  -i, --ignore-case               ignore case differences in file contents
  -b, --ignore-space-change       ignore changes in the amount of white space
  -Z, --ignore-trailing-space     ignore white space at line end
  -w, --ignore-all-space          ignore all white space
  -B, --ignore-blank-lines        ignore changes where lines are all blank
      --strip-trailing-cr         strip trailing carriage return on input
  -a, --text                      treat all files as text
      --label LABEL             use LABEL instead of file name and timestamp
                                  (can be repeated)
  -d, --minimal            try hard to find a smaller set of changes
      --color[=WHEN]       color output; WHEN is 'never', 'always', or 'auto';
                             plain --color means --color='auto'
      --help               display this help and exit
  -v, --version            output version information and exit

FILES are 'FILE1 FILE2' or 'DIR1 DIR2' or 'DIR FILE' or 'FILE DIR'.
If a FILE is '-', read standard input.
Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.
`,
}

const (
	diffNormal = iota
	diffUnified
	diffContext
)

// diffRun is the state of one diff command.
type diffRun struct {
	c                                   *Context
	out                                 *errWriter
	format, context                     int
	brief, reportSame                   bool
	recursive, newFile                  bool
	ignoreCase, allSpace, spaceChange   bool
	ignoreBlank, text, stripCR, minimal bool
	trailSpace                          bool
	labels                              []string
	switches                            string
	now                                 time.Time
}

func diffCmd(c *Context) int {
	p, err := c.parseDiffutilsOpts(&diffSpec)
	if err != nil {
		return exitStatus(err)
	}
	d := &diffRun{c: c, context: -1, now: time.Now()}
	style := -1
	conflict := func(st int) bool {
		if style >= 0 && style != st {
			c.Errorf("conflicting output style options")
			c.diffutilsTryHelp()
			return true
		}
		style = st
		d.format = st
		return false
	}
	setContext := func(val string, has bool, fallback int) bool {
		if !has {
			if d.context < 0 {
				d.context = fallback
			}
			return true
		}
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 {
			c.Errorf("invalid context length %s", quote(val))
			c.diffutilsTryHelp()
			return false
		}
		d.context = n
		return true
	}
	for _, o := range p.Opts {
		switch o.Key {
		case "a":
			d.text = true
		case "b":
			d.spaceChange = true
		case "B":
			d.ignoreBlank = true
		case "c":
			if conflict(diffContext) {
				return 2
			}
			setContext("", false, 3)
		case "C", "context":
			if conflict(diffContext) {
				return 2
			}
			if !setContext(o.Val, o.HasVal, 3) {
				return 2
			}
		case "u":
			if conflict(diffUnified) {
				return 2
			}
			setContext("", false, 3)
		case "U", "unified":
			if conflict(diffUnified) {
				return 2
			}
			if !setContext(o.Val, o.HasVal, 3) {
				return 2
			}
		case "d":
			d.minimal = true
		case "i":
			d.ignoreCase = true
		case "N":
			d.newFile = true
		case "q":
			d.brief = true
		case "r":
			d.recursive = true
		case "s":
			d.reportSame = true
		case "w":
			d.allSpace = true
		case "Z":
			d.trailSpace = true
		case "label":
			d.labels = append(d.labels, o.Val)
		case "normal":
			if conflict(diffNormal) {
				return 2
			}
		case "strip-trailing-cr":
			d.stripCR = true
		case "color":
			if o.HasVal {
				if _, ok := map[string]bool{"never": true, "always": true, "auto": true}[o.Val]; !ok {
					c.Errorf("invalid color %s", quote(o.Val))
					c.diffutilsTryHelp()
					return 2
				}
			}
		}
	}
	if d.format == diffNormal {
		d.context = 0
	}
	if len(p.Operands) < 2 {
		after := c.Name()
		if len(p.Operands) == 1 {
			after = p.Operands[0]
		}
		c.Errorf("missing operand after %s", quote(after))
		c.diffutilsTryHelp()
		return 2
	}
	if len(p.Operands) > 2 {
		c.Errorf("extra operand %s", quote(p.Operands[2]))
		c.diffutilsTryHelp()
		return 2
	}
	d.switches = diffSwitches(c.Args[1:], &diffSpec)
	c2, sw := c.withStickyStdout()
	d.c = c2
	d.out = newErrWriter(sw)
	status := d.top(p.Operands[0], p.Operands[1])
	if err := d.out.Flush(); err != nil {
		c.writeFailed(err)
		return 2
	}
	if c.Canceled() {
		return 2
	}
	return status
}

// diffSwitches returns the options of the command line as GNU shows them
// in "diff -r a/x b/x" lines: each as given, quoted if needed.
func diffSwitches(args []string, s *optSpec) string {
	var b strings.Builder
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if len(a) < 2 || a[0] != '-' {
			continue
		}
		b.WriteString(" " + quoteIf(a))
		if strings.HasPrefix(a, "--") {
			if l, _, ok := s.findLong(strings.TrimPrefix(a, "--")); ok && l.Arg == requiredArg && i+1 < len(args) {
				i++
				b.WriteString(" " + quoteIf(args[i]))
			}
			continue
		}
		for j := 1; j < len(a); j++ {
			if _, takes := s.shortArg(a[j]); takes {
				if j == len(a)-1 && i+1 < len(args) {
					i++
					b.WriteString(" " + quoteIf(args[i]))
				}
				break
			}
		}
	}
	return b.String()
}

// diffFile is one side of a comparison.
type diffFile struct {
	name   string // as shown
	path   string // operand to open, "-" for stdin
	info   fs.FileInfo
	absent bool // -N: a missing file taken as empty
}

// top compares the two operands.
func (d *diffRun) top(n0, n1 string) int {
	f := [2]*diffFile{{name: n0, path: n0}, {name: n1, path: n1}}
	for i, x := range f {
		if x.path == "-" {
			continue
		}
		fi, err := d.c.stat(x.path)
		if err != nil {
			if d.newFile && isNotExist(err) {
				x.absent = true
				continue
			}
			d.c.PathErr(quoteIf(x.name), err)
			return 2
		}
		f[i].info = fi
	}
	isDir := func(x *diffFile) bool { return x.info != nil && x.info.IsDir() }
	switch {
	case isDir(f[0]) && isDir(f[1]):
		return d.dirs(f[0].name, f[1].name)
	case isDir(f[0]) && f[1].path != "-":
		f[0].name = dirJoin(f[0].name, baseName(f[1].name))
	case isDir(f[1]) && f[0].path != "-":
		f[1].name = dirJoin(f[1].name, baseName(f[0].name))
	case isDir(f[0]) || isDir(f[1]):
		d.c.Errorf("cannot compare '-' to a directory")
		return 2
	}
	for i, x := range f {
		if x.path != "-" && x.name != x.path {
			x.path = x.name
			fi, err := d.c.stat(x.path)
			if err != nil {
				d.c.PathErr(quoteIf(x.name), err)
				return 2
			}
			f[i].info = fi
		}
	}
	return d.files(f, false)
}

func dirJoin(dir, name string) string {
	if strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

// dirs compares two directories.
func (d *diffRun) dirs(a, b string) int {
	list := func(dir string) (map[string]bool, error) {
		m := map[string]bool{}
		if dir == "" {
			return m, nil
		}
		ents, err := d.c.FS.ReadDir(d.c.fsPath(dir))
		for _, e := range ents {
			m[e.Name()] = true
		}
		return m, err
	}
	la, err := list(a)
	if err != nil {
		d.out.Flush()
		d.c.PathErr(quoteIf(a), err)
		return 2
	}
	lb, err := list(b)
	if err != nil {
		d.out.Flush()
		d.c.PathErr(quoteIf(b), err)
		return 2
	}
	var names []string
	for n := range la {
		names = append(names, n)
	}
	for n := range lb {
		if !la[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	status := 0
	for _, n := range names {
		if d.c.stopped() {
			return 2
		}
		st := d.entry(a, b, n, la[n], lb[n])
		status = max(status, st)
	}
	return status
}

// entry compares the entry n of the directories a and b.
func (d *diffRun) entry(a, b, n string, inA, inB bool) int {
	pa, pb := dirJoin(a, n), dirJoin(b, n)
	var fa, fb fs.FileInfo
	var err error
	if inA {
		if fa, err = d.c.stat(pa); err != nil {
			d.out.Flush()
			d.c.PathErr(quoteIf(pa), err)
			return 2
		}
	}
	if inB {
		if fb, err = d.c.stat(pb); err != nil {
			d.out.Flush()
			d.c.PathErr(quoteIf(pb), err)
			return 2
		}
	}
	if !inA || !inB {
		present, dir := fa, a
		if !inA {
			present, dir = fb, b
		}
		if !d.newFile || present.IsDir() && !d.recursive {
			d.out.Printf("Only in %s: %s\n", dir, n)
			return 1
		}
		if present.IsDir() {
			if !inA {
				return d.dirsOneSided("", pb, pa, true)
			}
			return d.dirsOneSided(pa, "", pb, false)
		}
		f := [2]*diffFile{{name: pa, path: pa, info: fa, absent: !inA}, {name: pb, path: pb, info: fb, absent: !inB}}
		return d.files(f, true)
	}
	switch {
	case fa.IsDir() && fb.IsDir():
		if d.recursive {
			return d.dirs(pa, pb)
		}
		d.out.Printf("Common subdirectories: %s and %s\n", pa, pb)
		return 0
	case fa.IsDir() || fb.IsDir():
		d.out.Printf("File %s is a %s while file %s is a %s\n", pa, typeName(fa), pb, typeName(fb))
		return 1
	}
	return d.files([2]*diffFile{{name: pa, path: pa, info: fa}, {name: pb, path: pb, info: fb}}, true)
}

// dirsOneSided compares, with -N, a directory with one that does not
// exist (shown as missing).
func (d *diffRun) dirsOneSided(a, b, missing string, missingIsA bool) int {
	dir := a
	if missingIsA {
		dir = b
	}
	ents, err := d.c.FS.ReadDir(d.c.fsPath(dir))
	if err != nil {
		d.out.Flush()
		d.c.PathErr(quoteIf(dir), err)
		return 2
	}
	status := 0
	for _, e := range ents {
		if missingIsA {
			status = max(status, d.entry(missing, b, e.Name(), false, true))
		} else {
			status = max(status, d.entry(a, missing, e.Name(), true, false))
		}
	}
	return status
}

// read returns the content of a side.
func (d *diffRun) read(x *diffFile) ([]byte, error) {
	if x.absent {
		return nil, nil
	}
	r, err := d.c.openInput(x.path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var buf bytes.Buffer
	_, err = d.c.copyCancel(&buf, r)
	return buf.Bytes(), err
}

// files compares two files; inDir says they were found in directories.
func (d *diffRun) files(f [2]*diffFile, inDir bool) int {
	var data [2][]byte
	for i, x := range f {
		b, err := d.read(x)
		if err != nil {
			d.out.Flush()
			if !d.c.Canceled() {
				d.c.PathErr(quoteIf(x.name), err)
			}
			return 2
		}
		data[i] = b
	}
	if !d.text && (isBinary(data[0]) || isBinary(data[1])) {
		if bytes.Equal(data[0], data[1]) {
			return d.same(f)
		}
		if d.brief {
			d.out.Printf("Files %s and %s differ\n", f[0].name, f[1].name)
		} else {
			d.out.Printf("Binary files %s and %s differ\n", f[0].name, f[1].name)
		}
		return 1
	}
	var text [2]string
	for i := range data {
		text[i] = string(data[i])
		if d.stripCR {
			text[i] = strings.ReplaceAll(text[i], "\r\n", "\n")
		}
	}
	a, b := udiff.Split(text[0]), udiff.Split(text[1])
	changes := udiff.Diff(a, b, &udiff.Options{Key: d.key(), Horizon: d.context, Minimal: d.minimal})
	if d.ignoreBlank {
		changes = d.dropBlank(a, b, changes)
	}
	if len(changes) == 0 {
		return d.same(f)
	}
	if d.brief {
		d.out.Printf("Files %s and %s differ\n", f[0].name, f[1].name)
		return 1
	}
	if inDir {
		d.out.Printf("diff%s %s %s\n", d.switches, f[0].name, f[1].name)
	}
	switch d.format {
	case diffNormal:
		udiff.WriteNormal(d.out, a, b, changes)
	case diffUnified:
		d.header("---", "+++", f)
		udiff.WriteUnifiedHunks(d.out, a, b, changes, d.context)
	case diffContext:
		d.header("***", "---", f)
		udiff.WriteContextHunks(d.out, a, b, changes, d.context)
	}
	return 1
}

// same reports identical files (-s).
func (d *diffRun) same(f [2]*diffFile) int {
	if d.reportSame {
		d.out.Printf("Files %s and %s are identical\n", f[0].name, f[1].name)
	}
	return 0
}

// header writes the two file lines of unified and context output.
func (d *diffRun) header(m0, m1 string, f [2]*diffFile) {
	for i, m := range []string{m0, m1} {
		if i < len(d.labels) {
			d.out.Printf("%s %s\n", m, d.labels[i])
			continue
		}
		t := d.now
		switch {
		case f[i].absent:
			t = time.Unix(0, 0)
		case f[i].info != nil && f[i].path != "-":
			t = f[i].info.ModTime()
		}
		layout := "2006-01-02 15:04:05.000000000 -0700"
		if d.format == diffContext {
			layout = "Mon Jan _2 15:04:05 2006" // GNU's -c keeps ctime's form
		}
		d.out.Printf("%s %s\t%s\n", m, f[i].name, t.In(d.c.location()).Format(layout))
	}
}

// isBinary reports whether data looks binary as GNU diff decides: a NUL
// byte in its first buffer.
func isBinary(data []byte) bool {
	if len(data) > 32*1024 {
		data = data[:32*1024]
	}
	return bytes.IndexByte(data, 0) >= 0
}

func isCSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

// key returns the comparison key of lines for -i, -b and -w.
func (d *diffRun) key() func(string) string {
	if !d.ignoreCase && !d.allSpace && !d.spaceChange && !d.trailSpace {
		return nil
	}
	return func(l string) string {
		var b strings.Builder
		if d.allSpace || d.spaceChange || d.trailSpace {
			l = strings.TrimRight(strings.TrimSuffix(l, "\n"), " \t\n\v\f\r")
		}
		space := false
		for i := 0; i < len(l); i++ {
			ch := l[i]
			if (d.allSpace || d.spaceChange) && isCSpace(ch) {
				space = true
				continue
			}
			if space && d.spaceChange && !d.allSpace {
				b.WriteByte(' ')
			}
			space = false
			if d.ignoreCase && ch >= 'A' && ch <= 'Z' {
				ch += 'a' - 'A'
			}
			b.WriteByte(ch)
		}
		return b.String()
	}
}

// blank reports whether a line counts as blank for -B.
func (d *diffRun) blank(l string) bool {
	l = strings.TrimSuffix(l, "\n")
	if d.allSpace || d.spaceChange {
		l = strings.TrimLeft(l, " \t\v\f\r")
	}
	return l == ""
}

// dropBlank removes, for -B, the hunks whose changes only touch blank
// lines, grouping changes as GNU does (an ignorable change joins the
// hunk before it only within context lines).
func (d *diffRun) dropBlank(a, b []string, changes []udiff.Change) []udiff.Change {
	ignorable := func(ch udiff.Change) bool {
		for i := ch.A; i < ch.A+ch.Del; i++ {
			if !d.blank(a[i]) {
				return false
			}
		}
		for j := ch.B; j < ch.B+ch.Ins; j++ {
			if !d.blank(b[j]) {
				return false
			}
		}
		return true
	}
	var out []udiff.Change
	for i := 0; i < len(changes); {
		j := i + 1
		for j < len(changes) {
			gap := changes[j].A - (changes[j-1].A + changes[j-1].Del)
			thresh := 2*d.context + 1
			if ignorable(changes[j]) {
				thresh = d.context
			}
			if gap >= thresh {
				break
			}
			j++
		}
		keep := false
		for _, ch := range changes[i:j] {
			if !ignorable(ch) {
				keep = true
			}
		}
		if keep {
			out = append(out, changes[i:j]...)
		}
		i = j
	}
	return out
}
