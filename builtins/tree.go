package builtins

// tree, as the tree program 2.1 prints a listing without colours: the
// line art ("├── ", "│   ", "└── " in a UTF-8 locale, "|-- ", "|   ",
// "`-- " otherwise, as tree picks them from LC_ALL, LC_CTYPE or LANG) and
// the "N directories, M files" report. Supported: -a -d -l -f -i -F
// -L LEVEL -P PATTERN -I PATTERN (tree's wildcards with | alternatives,
// matched against names), --noreport, --dirsfirst, --filesfirst, -n and
// -C (accepted: colours are never printed), --charset=X (ascii or utf-8),
// --help, --version. Names are sorted by bytes, as in the C locale. Not
// supported: the listing options -p -s -h -u -g -D --du, sorting other
// than by name, HTML/XML/JSON output, --gitignore, --prune, --matchdirs.

import (
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sandsh/sandsh/vfs"
	"mvdan.cc/sh/v3/pattern"
)

func init() { Register("tree", tree) }

const treeUsageShort = `usage: tree [-acdfghilnpqrstuvxACDFJQNSUX] [-L level [-R]] [-H  baseHREF]
	[-T title] [-o filename] [-P pattern] [-I pattern] [--gitignore]
	[--gitfile[=]file] [--matchdirs] [--metafirst] [--ignore-case]
	[--nolinks] [--hintro[=]file] [--houtro[=]file] [--inodes] [--device]
	[--sort[=]<name>] [--dirsfirst] [--filesfirst] [--filelimit #] [--si]
	[--du] [--prune] [--charset[=]X] [--timefmt[=]format] [--fromfile]
	[--fflinks] [--info] [--infofile[=]file] [--noreport] [--version]
	[--help] [--] [directory ...]
`

const treeUsage = treeUsageShort + `  ------- Listing options -------
  -a            All files are listed.
  -d            List directories only.
  -l            Follow symbolic links like directories.
  -f            Print the full path prefix for each file.
  -L level      Descend only level directories deep.
  -P pattern    List only those files that match the pattern given.
  -I pattern    Do not list files that match the given pattern.
  --noreport    Turn off file/directory count at end of tree listing.
  --charset X   Use charset X for terminal/HTML and indentation line output.
  ------- File options -------
  -F            Appends '/', '=', '*', '@', '|' or '>' as per ls -F.
  ------- Sorting options -------
  --dirsfirst   List directories before files.
  --filesfirst  List files before directories.
  ------- Graphics options -------
  -i            Don't print indentation lines.
  -n            Turn colorization off always (-C overrides).
  -C            Turn colorization on always (accepted; no colours here).
  ------- Miscellaneous options -------
  --version     Print version and exit.
  --help        Print usage and this help message and exit.
  --            Options processing terminator.
`

type treeRun struct {
	c                         *Context
	all, dirsOnly, follow     bool
	fullPath, noIndent, class bool
	noReport                  bool
	order                     int // 0 by name, 1 dirs first, 2 files first
	level                     int
	include, exclude          func(string) bool
	utf8                      bool
	dirs, files               int
	visited                   map[string]bool // directories listed, for -l
	out                       *errWriter
}

func tree(c *Context) int {
	r := &treeRun{c: c, level: -1}
	r.utf8 = treeUTF8(c)
	var names []string
	args := c.Args[1:]
	usageErr := func(format string, a ...any) int {
		fmt.Fprintf(c.Stderr, "tree: "+format+"\n", a...)
		fmt.Fprint(c.Stderr, treeUsageShort)
		return 1
	}
	optsDone := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		if optsDone || len(a) < 2 || a[0] != '-' {
			names = append(names, a)
			continue
		}
		if a == "--" {
			optsDone = true
			continue
		}
		if strings.HasPrefix(a, "--") {
			name, val, hasVal := strings.Cut(a[2:], "=")
			switch name {
			case "help":
				return c.writeOut(treeUsage)
			case "version":
				return c.writeOut("tree (sandsh builtin) 1.0\n")
			case "noreport":
				r.noReport = true
			case "dirsfirst":
				r.order = 1
			case "filesfirst":
				r.order = 2
			case "charset":
				if !hasVal {
					if i+1 >= len(args) {
						fmt.Fprintf(c.Stderr, "tree: Missing argument to --charset option.\n")
						return 1
					}
					i++
					val = args[i]
				}
				r.utf8 = strings.EqualFold(strings.ReplaceAll(val, "-", ""), "utf8")
			default:
				return usageErr("Invalid argument `%s'.", a)
			}
			continue
		}
		for j := 1; j < len(a); j++ {
			switch ch := a[j]; ch {
			case 'a':
				r.all = true
			case 'd':
				r.dirsOnly = true
			case 'l':
				r.follow = true
			case 'f':
				r.fullPath = true
			case 'i':
				r.noIndent = true
			case 'F':
				r.class = true
			case 'n', 'C':
			case 'L', 'P', 'I':
				if j+1 < len(a) {
					return usageErr("Invalid argument -`%c'.", a[j+1])
				}
				if i+1 >= len(args) {
					fmt.Fprintf(c.Stderr, "tree: Missing argument to -%c option.\n", ch)
					return 1
				}
				i++
				v := args[i]
				switch ch {
				case 'L':
					n, err := strconv.Atoi(v)
					if err != nil || n < 1 {
						fmt.Fprintf(c.Stderr, "tree: Invalid level, must be greater than 0.\n")
						return 1
					}
					r.level = n
				case 'P':
					r.include = treePattern(v)
				case 'I':
					r.exclude = treePattern(v)
				}
			default:
				return usageErr("Invalid argument -`%c'.", ch)
			}
		}
	}
	if len(names) == 0 {
		names = []string{"."}
	}
	r.out = newErrWriter(c.Stdout)
	status := 0
	for _, name := range names {
		if c.Canceled() || r.out.err != nil {
			break
		}
		fi, err := c.stat(name)
		if err != nil {
			r.out.WriteString(name + "  [error opening dir]\n")
			status = 2
			continue
		}
		label := name
		if r.class && fi.IsDir() {
			label += "/"
		}
		if !fi.IsDir() {
			r.out.WriteString(name + "  [error opening dir]\n")
			if !r.dirsOnly {
				r.files++
			}
			continue
		}
		r.out.WriteString(r.quote(label) + "\n")
		root := vfs.Clean(c.fsPath(name))
		if rp, err := vfs.Realpath(c.FS, root); err == nil {
			root = rp
		}
		r.visited = map[string]bool{root: true}
		before := r.dirs + r.files
		r.list(name, c.fsPath(name), 1, "")
		if r.dirs+r.files > before {
			// tree counts a top directory only when it lists something.
			r.dirs++
		}
	}
	if !r.noReport && r.out.err == nil {
		r.out.WriteString("\n" + treePlural(r.dirs, "directory", "directories"))
		if !r.dirsOnly {
			r.out.WriteString(", " + treePlural(r.files, "file", "files"))
		}
		r.out.WriteString("\n")
	}
	if err := r.out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	return status
}

func treePlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// treeUTF8 reports whether the locale's character set is UTF-8.
func treeUTF8(c *Context) bool {
	if c.Env == nil {
		return false
	}
	for _, v := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if s, ok := c.Env(v); ok && s != "" {
			s = strings.ToLower(s)
			return strings.Contains(s, "utf-8") || strings.Contains(s, "utf8")
		}
	}
	return false
}

// treePattern compiles tree's wildcard pattern: alternatives separated by
// "|", each matching a whole name.
func treePattern(p string) func(string) bool {
	var res []*regexp.Regexp
	for _, alt := range strings.Split(p, "|") {
		expr, err := pattern.Regexp(alt, pattern.EntireString)
		if err != nil {
			expr = "^" + regexp.QuoteMeta(alt) + "$"
		}
		if re, err := regexp.Compile(expr); err == nil {
			res = append(res, re)
		}
	}
	return func(name string) bool {
		for _, re := range res {
			if re.MatchString(name) {
				return true
			}
		}
		return false
	}
}

// treeEnt is one entry of a directory.
type treeEnt struct {
	name   string
	lfi    fs.FileInfo
	fi     fs.FileInfo // followed, nil when dangling
	target string
	isDir  bool // a directory, or a symlink to one
}

func (r *treeRun) list(name, fsPath string, depth int, prefix string) {
	if r.level >= 0 && depth > r.level {
		return
	}
	ds, err := r.c.FS.ReadDir(fsPath)
	if err != nil {
		return
	}
	var ents []treeEnt
	for _, d := range ds {
		n := d.Name()
		if !r.all && strings.HasPrefix(n, ".") {
			continue
		}
		p := vfs.Join(vfs.Clean(fsPath), n)
		lfi, _, err := r.c.FS.LstatIfPossible(p)
		if err != nil {
			continue
		}
		e := treeEnt{name: n, lfi: lfi, fi: lfi}
		if lfi.Mode()&fs.ModeSymlink != 0 {
			e.target, _ = r.c.FS.ReadlinkIfPossible(p)
			e.fi, _ = r.c.FS.Stat(p)
		}
		e.isDir = e.fi != nil && e.fi.IsDir()
		if r.exclude != nil && r.exclude(n) {
			continue
		}
		if r.dirsOnly && !e.isDir {
			continue
		}
		if r.include != nil && !lfi.IsDir() && !r.include(n) {
			continue
		}
		ents = append(ents, e)
	}
	if r.order != 0 {
		sort.SliceStable(ents, func(i, j int) bool {
			if ents[i].isDir != ents[j].isDir {
				return ents[i].isDir == (r.order == 1)
			}
			return false
		})
	}
	for i, e := range ents {
		if r.c.Canceled() || r.out.err != nil {
			return
		}
		last := i == len(ents)-1
		line := prefix
		if !r.noIndent {
			switch {
			case last && r.utf8:
				line += "└── "
			case last:
				line += "`-- "
			case r.utf8:
				line += "├── "
			default:
				line += "|-- "
			}
		}
		shown := e.name
		path := joinName(name, e.name)
		if r.fullPath {
			shown = path
		}
		line += r.quote(shown)
		cpath := vfs.Join(vfs.Clean(fsPath), e.name)
		recursive := false
		if e.lfi.Mode()&fs.ModeSymlink != 0 {
			line += " -> " + r.quote(e.target)
			if r.class && e.fi != nil {
				line += treeClass(e.fi.Mode())
			}
			if r.follow && e.isDir {
				real, err := vfs.Realpath(r.c.FS, cpath)
				recursive = err == nil && r.visited[real]
				if recursive {
					line += "  [recursive, not followed]"
				}
			}
		} else if r.class {
			line += treeClass(e.lfi.Mode())
		}
		r.out.WriteString(line + "\n")
		if e.isDir {
			r.dirs++
		} else {
			r.files++
		}
		descend := e.isDir && (e.lfi.IsDir() || r.follow && !recursive)
		if descend {
			next := prefix
			if !r.noIndent {
				switch {
				case last:
					next += "    "
				case r.utf8:
					next += "│\u00a0\u00a0 "
				default:
					next += "|   "
				}
			}
			real := vfs.Clean(cpath)
			if rp, err := vfs.Realpath(r.c.FS, cpath); err == nil {
				real = rp
			}
			r.visited[real] = true
			r.list(path, cpath, depth+1, next)
		}
	}
}

// quote escapes a name as tree prints it: in a UTF-8 locale control
// characters and invalid bytes as \ooo; otherwise also spaces and
// backslashes with a backslash, C escapes for tabs and newlines, and
// octal for every byte that is not printable ASCII.
func (r *treeRun) quote(s string) string {
	var b strings.Builder
	if r.utf8 {
		for i := 0; i < len(s); {
			ru, n := utf8.DecodeRuneInString(s[i:])
			if ru == utf8.RuneError && n <= 1 || !unicode.IsPrint(ru) && ru != ' ' {
				for k := 0; k < max(n, 1); k++ {
					fmt.Fprintf(&b, "\\%03o", s[i+k])
				}
			} else {
				b.WriteString(s[i : i+n])
			}
			i += max(n, 1)
		}
		return b.String()
	}
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; ch {
		case ' ':
			b.WriteString("\\ ")
		case '\\':
			b.WriteString("\\\\")
		case '\t':
			b.WriteString("\\t")
		case '\n':
			b.WriteString("\\n")
		default:
			if ch >= 0x20 && ch < 0x7f {
				b.WriteByte(ch)
			} else {
				fmt.Fprintf(&b, "\\%03o", ch)
			}
		}
	}
	return b.String()
}

// treeClass is the -F indicator of a mode.
func treeClass(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "/"
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
