package builtins

// find, as GNU findutils' find 4.9 in the C locale. Supported: the leading
// options -H -L -P (and -D, -O, accepted and ignored); start points (".")
// by default); the options -maxdepth -mindepth -depth -d -daystart
// -follow -regextype -warn -nowarn -xdev -mount -noleaf
// -ignore_readdir_race -noignore_readdir_race; the tests -name -iname
// -path -ipath -wholename -iwholename -lname -ilname -regex -iregex
// -type -xtype (with comma lists) -size -empty -perm (MODE, -MODE,
// /MODE, octal or symbolic) -user -group -uid -gid -nouser -nogroup
// -links -inum -samefile -newer -anewer -cnewer -newerXY (a reference
// file, or for Y=t a date as YYYY-MM-DD[ HH:MM[:SS]] or @SECONDS) -mtime
// -atime -ctime -mmin -amin -cmin -readable -writable -executable -true
// -false; the actions -print -print0 -printf -fprint -fprint0 -fprintf
// -ls -fls -exec -execdir (with ";" and "+") -ok -okdir -delete -prune
// -quit; the operators ( ) ! -not -a -and -o -or "," with GNU's
// precedence, messages and implied -print.
//
// Divergences: directories are read in name order (GNU uses the order of
// readdir). The sandbox has no user database: user and group names are
// "root" for id 0 and numbers otherwise, and -nouser/-nogroup are true for
// every other id. -readable, -writable and -executable answer as for root.
// -regex's default "findutils-default"/"emacs" syntax is translated to
// GNU BRE with + and ? as operators; character classes such as [[:alpha:]]
// work there although emacs syntax has none. Back-references in regular
// expressions are refused. Not supported: -fstype, -context, -files0-from,
// -used, the -D debug output and cost-based reordering of the expression.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/builtins/internal/gnure"
	"github.com/sandsh/sandsh/vfs"
	"mvdan.cc/sh/v3/pattern"
)

func init() { Register("find", find) }

const findUsage = `Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]

Default path is the current directory; default expression is -print.
Expression may consist of: operators, options, tests, and actions.

Operators (decreasing precedence; -and is implicit where no others are given):
      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2
      EXPR1 -o EXPR2   EXPR1 -or EXPR2   EXPR1 , EXPR2

Positional options (always true):
      -daystart -follow -nowarn -regextype -warn

Normal options (always true, specified before other expressions):
      -depth -files0-from FILE -maxdepth LEVELS -mindepth LEVELS
       -mount -noleaf -xdev -ignore_readdir_race -noignore_readdir_race

Tests (N can be +N or -N or N):
      -amin N -anewer FILE -atime N -cmin N -cnewer FILE -ctime N
      -empty -false -gid N -group NAME -ilname PATTERN
      -iname PATTERN -inum N -iwholename PATTERN -iregex PATTERN
      -links N -lname PATTERN -mmin N -mtime N -name PATTERN -newer FILE
      -nouser -nogroup -path PATTERN -perm [-/]MODE -regex PATTERN
      -readable -writable -executable
      -wholename PATTERN -size N[bcwkMG] -true -type [bcdpflsD] -uid N
      -user NAME -xtype [bcdpfls]

Actions:
      -delete -print0 -printf FORMAT -fprintf FILE FORMAT -print
      -fprint0 FILE -fprint FILE -ls -fls FILE -prune -quit
      -exec COMMAND ; -exec COMMAND {} + -ok COMMAND ;
      -execdir COMMAND ; -execdir COMMAND {} + -okdir COMMAND ;

Other common options:
      --help                   display this help and exit
      --version                output version information and exit
`

// Predicate kinds and precedences, as findutils' tree.c has them.
const (
	fpPrimary = iota
	fpUni
	fpBi
	fpOpen
	fpClose
)

const (
	precNo = iota
	precComma
	precOr
	precAnd
	precNegate
)

// fpred is one element of the predicate list and, once the tree is built,
// one node of the expression.
type fpred struct {
	typ, prec      int
	name           string
	artificial     bool
	next           *fpred
	left, right    *fpred
	eval           func(e *findEnt) bool
	noDefaultPrint bool
	op             string // "and", "or", "not", "comma" for operators
	kind           string // "delete", "prune" for the option checks
}

// findExit ends the run at once with a status (a fatal parse error).
type findExit struct{ status int }

// findEnt is the file being looked at.
type findEnt struct {
	path   string // as printed
	fsPath string // absolute path in the namespace
	start  string // the start point it was found under
	depth  int
	fi     fs.FileInfo // per -H/-L/-P
	lfi    fs.FileInfo // lstat, when known
	pruned bool
}

// findExec is the state of one -exec/-execdir/-ok/-okdir.
type findExec struct {
	name     string // -exec, -execdir, -ok, -okdir
	args     []string
	multiple bool
	inDir    bool
	ok       bool
	pending  []string // "+": paths collected
	pendSize int
	pendDir  string
}

type findRun struct {
	c        *Context
	args     []string
	i        int
	preds    *fpred // list head
	last     *fpred
	out      *errWriter
	status   int
	follow   byte // 'P', 'H', 'L'
	maxdepth int
	mindepth int
	depthFst bool // -depth (post-order)
	explicit bool // -depth given
	warnings bool
	posix    bool
	regtype  string
	now      time.Time
	dayStart time.Time // cur_day_start of findutils
	fullDays bool
	quit     bool
	execs    []*findExec
	files    map[string]*errWriter // -fprint & co, by name
	fileList []*errWriter
	firstNon string // first non-option predicate, for the warning
	lastName string // last predicate parsed, for "possible unquoted pattern"
	ancestry []findDirID
	lsw      findLsWidths
}

// findLsWidths are the field widths of -ls, which grow as wider values
// are printed (findutils' list_file keeps them in statics).
type findLsWidths struct {
	ino, blocks, nlink, owner, group, major, minor, size int
}

type findDirID struct {
	dev, ino uint64
	path     string
}

func find(c *Context) (status int) {
	r := &findRun{c: c, args: c.Args[1:], follow: 'P', maxdepth: -1, regtype: "findutils-default",
		now: time.Now(), files: map[string]*errWriter{}}
	r.dayStart = r.now.Add(-24 * time.Hour)
	if c.Env != nil {
		_, r.posix = c.Env("POSIXLY_CORRECT")
	}
	r.out = newErrWriter(c.Stdout)
	defer func() {
		if p := recover(); p != nil {
			fe, ok := p.(findExit)
			if !ok {
				panic(p)
			}
			r.out.Flush()
			status = fe.status
		}
	}()
	// Leading options.
	i := 0
	for ; i < len(r.args); i++ {
		a := r.args[i]
		switch {
		case a == "-H" || a == "-L" || a == "-P":
			r.follow = a[1]
			continue
		case a == "--":
			i++
		case a == "-D":
			if i+1 >= len(r.args) {
				r.fatal("Missing argument after the -D option.")
			}
			i++
			continue
		case strings.HasPrefix(a, "-O"):
			continue
		}
		break
	}
	startIdx := i
	for i < len(r.args) && !findLooksLikeExpr(r.args[i], true) {
		i++
	}
	starts := r.args[startIdx:i]
	r.i = i
	tree := r.parse()
	if len(starts) == 0 {
		starts = []string{"."}
	}
	for _, s := range starts {
		if r.quit || r.stopped() {
			break
		}
		r.walkStart(s, tree)
	}
	r.flushExecs(true)
	if err := r.out.Flush(); err != nil {
		return c.writeFailed(err)
	}
	for _, w := range r.fileList {
		if err := w.Flush(); err != nil && r.status == 0 {
			c.Errorf("write error: %s", ErrText(err))
			r.status = 1
		}
	}
	return r.status
}

// findLooksLikeExpr is findutils' looks_like_expression.
func findLooksLikeExpr(a string, leading bool) bool {
	if a == "" {
		return false
	}
	switch a[0] {
	case '-':
		return len(a) > 1
	case ')', ',':
		return len(a) == 1 && !leading
	case '!', '(':
		return len(a) == 1
	}
	return false
}

// fatal prints "find: message" and ends the run with status 1.
func (r *findRun) fatal(format string, args ...any) {
	r.out.Flush()
	r.c.Errorf(format, args...)
	panic(findExit{1})
}

func (r *findRun) stopped() bool {
	return r.c.Canceled() || r.out.err != nil
}

// fquote quotes a file name for a message as findutils does in the C
// locale (locale_quoting_style): 'name', with C escapes.
func fquote(s string) string {
	var b strings.Builder
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			b.WriteString(`\'`)
			continue
		}
		writeCEscaped(&b, s[i])
	}
	b.WriteByte('\'')
	return b.String()
}

// ---------------------------------------------------------------------------
// Parsing

// add appends p to the predicate list.
func (r *findRun) add(p *fpred) *fpred {
	if r.preds == nil {
		r.preds = p
	} else {
		r.last.next = p
	}
	r.last = p
	return p
}

// addChk appends p, inserting the implicit -a when the previous element
// is a primary or a ")".
func (r *findRun) addChk(p *fpred) *fpred {
	if r.last != nil && (r.last.typ == fpPrimary || r.last.typ == fpClose) {
		r.add(&fpred{typ: fpBi, prec: precAnd, name: "-a", op: "and", artificial: true})
	}
	return r.add(p)
}

func (r *findRun) primary(name string, eval func(*findEnt) bool) *fpred {
	return r.addChk(&fpred{typ: fpPrimary, prec: precNo, name: name, eval: eval})
}

func (r *findRun) action(name string, eval func(*findEnt) bool) *fpred {
	p := r.primary(name, eval)
	p.noDefaultPrint = true
	return p
}

func findTrue(*findEnt) bool { return true }

// arg returns the next argument of the predicate being parsed, or fails
// with "missing argument".
func (r *findRun) arg(pred string) string {
	if r.i >= len(r.args) {
		r.fatal("missing argument to `%s'", pred)
	}
	a := r.args[r.i]
	r.i++
	return a
}

// parse turns the expression arguments into the evaluation tree, as
// findutils' build_expression_tree does.
func (r *findRun) parse() *fpred {
	r.add(&fpred{typ: fpOpen, name: "(", artificial: true})
	for r.i < len(r.args) {
		a := r.args[r.i]
		if !findLooksLikeExpr(a, false) {
			r.out.Flush()
			r.c.Errorf("paths must precede expression: `%s'", a)
			if _, err := r.c.stat(a); err == nil {
				r.c.Errorf("possible unquoted pattern after predicate `%s'?", r.lastName)
			}
			panic(findExit{1})
		}
		r.i++
		r.parseOne(a)
		r.lastName = a
	}
	switch {
	case r.preds.next == nil:
		r.preds, r.last = nil, nil
		r.addPrint("-print")
	case !findDefaultPrints(r.preds.next):
		r.preds = r.preds.next
	default:
		r.add(&fpred{typ: fpClose, name: ")", artificial: true})
		r.addPrint("-print").artificial = true
	}
	// check_option_combinations
	seenDelete, seenPrune := false, false
	for p := r.preds; p != nil; p = p.next {
		seenDelete = seenDelete || p.kind == "delete"
		seenPrune = seenPrune || p.kind == "prune"
	}
	if seenDelete && seenPrune && !r.explicit {
		r.fatal("The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.")
	}
	cur := r.preds
	tree := r.getExpr(&cur, precNo, nil)
	if cur != nil {
		if cur.typ == fpClose {
			r.fatal("you have too many ')'")
		}
		r.fatal("unexpected extra predicate '%s'", cur.name)
	}
	return tree
}

func findDefaultPrints(p *fpred) bool {
	for ; p != nil; p = p.next {
		if p.noDefaultPrint {
			return false
		}
	}
	return true
}

// getExpr is findutils' get_expr.
func (r *findRun) getExpr(input **fpred, prevPrec int, prev *fpred) *fpred {
	this := *input
	if this == nil {
		r.fatal("invalid expression")
	}
	var next *fpred
	switch this.typ {
	case fpBi:
		r.fatal("invalid expression; you have used a binary operator '%s' with nothing before it.", this.name)
	case fpClose:
		if prev == nil {
			r.fatal("invalid expression: expected expression before closing parentheses '%s'.", this.name)
		}
		if (prev.typ == fpUni || prev.typ == fpBi) && !this.artificial {
			r.fatal("expected an expression between '%s' and ')'", prev.name)
		} else if this.artificial {
			r.fatal("expected an expression after '%s'", prev.name)
		}
		r.fatal("invalid expression; you have too many ')'")
	case fpPrimary:
		next = this
		*input = this.next
	case fpUni:
		next = this
		*input = this.next
		next.right = r.getExpr(input, precNegate, next)
	case fpOpen:
		if this.next == nil || this.next.artificial {
			r.fatal("invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '%s'", this.name)
		}
		prev = this
		*input = this.next
		if (*input).typ == fpClose {
			if prev.artificial {
				r.fatal("invalid expression: expected expression before closing parentheses '%s'.", (*input).name)
			}
			r.fatal("invalid expression; empty parentheses are not allowed.")
		}
		next = r.getExpr(input, precNo, prev)
		if *input == nil || (*input).typ != fpClose {
			r.fatal("invalid expression; I was expecting to find a ')' somewhere but did not see one.")
		}
		*input = (*input).next
	}
	if *input == nil {
		return next
	}
	if (*input).prec > prevPrec {
		next = r.scanRest(input, next, prevPrec)
		if next == nil {
			r.fatal("invalid expression")
		}
	}
	return next
}

// scanRest is findutils' scan_rest.
func (r *findRun) scanRest(input **fpred, head *fpred, prevPrec int) *fpred {
	if *input == nil || (*input).typ == fpClose {
		return nil
	}
	tree := head
	for *input != nil && (*input).prec > prevPrec {
		switch (*input).typ {
		case fpBi:
			p := *input
			p.left = tree
			tree = p
			*input = p.next
			tree.right = r.getExpr(input, tree.prec, p)
		case fpClose:
			return tree
		default:
			r.fatal("invalid expression")
		}
	}
	return tree
}

// option registers a global option (an always-true predicate), warning
// when it follows a test or action if warnings are on.
func (r *findRun) option(name string) {
	if r.firstNon != "" && r.warnings && !r.posix {
		r.c.Errorf("warning: you have specified the global option %s after the argument %s, but global options are not positional, i.e., %s affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.", name, r.firstNon, name)
	}
	r.primary(name, findTrue)
}

func (r *findRun) nonOption(name string) {
	if r.firstNon == "" {
		r.firstNon = name
	}
}

func (r *findRun) parseOne(a string) {
	name := a
	if strings.HasPrefix(a, "-newer") && len(a) == 8 {
		r.nonOption(a)
		r.parseNewerXY(a)
		return
	}
	key := strings.TrimPrefix(a, "-")
	switch key {
	case "!", "not":
		r.addChk(&fpred{typ: fpUni, prec: precNegate, name: name, op: "not"})
	case "(":
		r.addChk(&fpred{typ: fpOpen, name: name})
	case ")":
		r.add(&fpred{typ: fpClose, name: name})
	case ",":
		r.add(&fpred{typ: fpBi, prec: precComma, name: name, op: "comma"})
	case "a", "and":
		r.add(&fpred{typ: fpBi, prec: precAnd, name: name, op: "and"})
	case "o", "or":
		r.add(&fpred{typ: fpBi, prec: precOr, name: name, op: "or"})

	// Options.
	case "help", "-help":
		panic(findExit{r.c.writeOut(findUsage)})
	case "version", "-version":
		panic(findExit{r.c.writeOut("find (sandsh builtin) 1.0\n")})
	case "depth", "d":
		r.depthFst, r.explicit = true, true
		r.option(name)
	case "maxdepth", "mindepth":
		v := r.arg(name)
		n, err := strconv.Atoi(v)
		if strings.TrimLeft(v, "0123456789") != "" || v == "" || err != nil || n < 0 {
			r.fatal("Expected a positive decimal integer argument to %s, but got %s", name, fquote(v))
		}
		if key == "maxdepth" {
			r.maxdepth = n
		} else {
			r.mindepth = n
		}
		r.option(name)
	case "xdev", "mount", "noleaf", "ignore_readdir_race", "noignore_readdir_race":
		r.option(name)
	case "daystart":
		if !r.fullDays {
			t := r.dayStart.Add(24 * time.Hour).In(r.c.location())
			r.dayStart = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
			r.fullDays = true
		}
		r.primary(name, findTrue)
	case "follow":
		r.follow = 'L'
		r.primary(name, findTrue)
	case "warn":
		r.warnings = true
		r.primary(name, findTrue)
	case "nowarn":
		r.warnings = false
		r.primary(name, findTrue)
	case "regextype":
		v := r.arg(name)
		if findRegexTypes[v] == 0 {
			r.fatal("Unknown regular expression type %s; valid types are 'findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', 'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'.", fquote(v))
		}
		r.regtype = v
		r.primary(name, findTrue)
	default:
		r.nonOption(a)
		if !r.parseTest(key, name) && !r.parseAction(key, name) {
			r.fatal("unknown predicate `%s'", a)
		}
	}
}

// parseTest parses the test key; false if it is none.
func (r *findRun) parseTest(key, name string) bool {
	switch key {
	case "true":
		r.primary(name, findTrue)
	case "false":
		r.primary(name, func(*findEnt) bool { return false })
	case "name", "iname":
		pat := r.arg(name)
		if r.warnings && !r.posix && strings.Contains(pat, "/") && pat != "/" {
			alt := "-wholename"
			if key == "iname" {
				alt = "-iwholename"
			}
			r.c.Errorf("warning: %s matches against basenames only, but the given pattern contains a directory separator (%s), thus the expression will evaluate to false all the time.  Did you mean %s?", quoteIf(name), quoteIf("/"), quoteIf(alt))
		}
		m := findGlob(pat, key == "iname")
		r.primary(name, func(e *findEnt) bool { return m(findBaseStrip(e.path)) })
	case "path", "wholename", "ipath", "iwholename":
		pat := r.arg(name)
		m := findGlob(pat, key[0] == 'i')
		r.primary(name, func(e *findEnt) bool { return m(e.path) })
	case "lname", "ilname":
		m := findGlob(r.arg(name), key == "ilname")
		r.primary(name, func(e *findEnt) bool {
			l := r.lstatEnt(e)
			if l == nil || l.Mode()&fs.ModeSymlink == 0 {
				return false
			}
			t, err := r.c.FS.ReadlinkIfPossible(e.fsPath)
			if err != nil {
				r.errPath(e.path, err)
				return false
			}
			return m(t)
		})
	case "regex", "iregex":
		pat := r.arg(name)
		re, err := findRegex(pat, r.regtype, key == "iregex")
		if err != nil {
			r.fatal("failed to compile regular expression '%s': %s", pat, err)
		}
		r.primary(name, func(e *findEnt) bool { return re.MatchString(e.path) })
	case "type", "xtype":
		v := r.arg(name)
		types := r.parseTypes(name, v)
		xtype := key == "xtype"
		r.primary(name, func(e *findEnt) bool {
			fi := e.fi
			if xtype {
				fi = r.xstat(e)
			}
			return fi != nil && types[findTypeChar(fi.Mode())]
		})
	case "size":
		r.parseSize(name)
	case "empty":
		r.primary(name, func(e *findEnt) bool {
			switch {
			case e.fi.Mode().IsRegular():
				return e.fi.Size() == 0
			case e.fi.IsDir():
				ents, err := r.c.FS.ReadDir(e.fsPath)
				if err != nil {
					r.errPath(e.path, err)
					return false
				}
				return len(ents) == 0
			}
			return false
		})
	case "perm":
		r.parsePerm(name)
	case "user", "group":
		v := r.arg(name)
		id, ok := findIDByName(v)
		if !ok {
			if key == "user" {
				r.fatal("%s is not the name of a known user", fquote(v))
			}
			r.fatal("%s is not the name of an existing group", fquote(v))
		}
		r.primary(name, func(e *findEnt) bool {
			uid, gid := findOwner(e.fi)
			if key == "user" {
				return uint64(uid) == id
			}
			return uint64(gid) == id
		})
	case "nouser", "nogroup":
		r.primary(name, func(e *findEnt) bool {
			uid, gid := findOwner(e.fi)
			if key == "nouser" {
				return uid != 0
			}
			return gid != 0
		})
	case "uid", "gid", "links", "inum":
		cmp := r.numArg(name)
		r.primary(name, func(e *findEnt) bool {
			st := statT(e.fi)
			if st == nil {
				return false
			}
			var v uint64
			switch key {
			case "uid":
				v = uint64(st.Uid)
			case "gid":
				v = uint64(st.Gid)
			case "links":
				v = uint64(st.Nlink)
			case "inum":
				v = st.Ino
			}
			return cmp(v)
		})
	case "samefile":
		v := r.arg(name)
		fi := r.refStat(v)
		r.primary(name, func(e *findEnt) bool { return sameFile(e.fi, fi) })
	case "newer", "anewer", "cnewer":
		v := r.arg(name)
		ref := r.refStat(v).ModTime()
		which := map[string]byte{"newer": 'm', "anewer": 'a', "cnewer": 'c'}[key]
		r.primary(name, func(e *findEnt) bool { return findTime(e.fi, which).After(ref) })
	case "mtime", "atime", "ctime", "mmin", "amin", "cmin":
		r.parseTime(key, name)
	case "readable", "writable":
		r.primary(name, findTrue)
	case "executable":
		r.primary(name, func(e *findEnt) bool {
			return e.fi.IsDir() || e.fi.Mode()&0o111 != 0
		})
	default:
		return false
	}
	return true
}

// parseAction parses the action key; false if it is none.
func (r *findRun) parseAction(key, name string) bool {
	switch key {
	case "print":
		r.addPrint(name)
	case "print0":
		r.action(name, func(e *findEnt) bool {
			r.out.WriteString(e.path)
			r.out.WriteByte(0)
			return true
		})
	case "fprint", "fprint0":
		w := r.openOut(r.arg(name))
		end := byte('\n')
		if key == "fprint0" {
			end = 0
		}
		r.action(name, func(e *findEnt) bool {
			w.WriteString(e.path)
			w.WriteByte(end)
			return true
		})
	case "printf":
		f := r.parseFormat(r.arg(name))
		r.action(name, func(e *findEnt) bool { r.printf(r.out, f, e); return true })
	case "fprintf":
		w := r.openOut(r.arg(name))
		f := r.parseFormat(r.arg(name))
		r.action(name, func(e *findEnt) bool { r.printf(w, f, e); return true })
	case "ls":
		r.action(name, func(e *findEnt) bool { r.list(r.out, e); return true })
	case "fls":
		w := r.openOut(r.arg(name))
		r.action(name, func(e *findEnt) bool { r.list(w, e); return true })
	case "delete":
		r.depthFst = true
		p := r.action(name, r.delete)
		p.kind = "delete"
	case "prune":
		p := r.primary(name, func(e *findEnt) bool {
			if !r.depthFst {
				e.pruned = true
			}
			return true
		})
		p.kind = "prune"
	case "quit":
		r.primary(name, func(e *findEnt) bool { r.quit = true; return true })
	case "exec", "execdir", "ok", "okdir":
		r.parseExec(key, name)
	default:
		return false
	}
	return true
}

func (r *findRun) addPrint(name string) *fpred {
	return r.action(name, func(e *findEnt) bool {
		r.out.WriteString(e.path)
		r.out.WriteByte('\n')
		return true
	})
}

// openOut opens the output file of -fprint and co, once per name.
func (r *findRun) openOut(name string) *errWriter {
	switch name {
	case "/dev/stdout":
		return r.out
	case "/dev/stderr":
		return newErrWriterUnbuffered(r.c.Stderr)
	}
	if w, ok := r.files[name]; ok {
		return w
	}
	f, err := r.c.FS.OpenFile(r.c.fsPath(name), os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		r.fatal("%s: %s", fquote(name), ErrText(err))
	}
	w := newErrWriter(f)
	r.files[name] = w
	r.fileList = append(r.fileList, w)
	return w
}

// newErrWriterUnbuffered is an errWriter whose buffer is flushed at each
// write, for stderr.
func newErrWriterUnbuffered(w io.Writer) *errWriter {
	return newErrWriter(flushEach{w})
}

type flushEach struct{ w io.Writer }

func (f flushEach) Write(p []byte) (int, error) { return f.w.Write(p) }

// numArg parses N, +N or -N for -links, -inum, -uid, -gid.
func (r *findRun) numArg(name string) func(uint64) bool {
	if r.i >= len(r.args) {
		r.fatal("invalid argument `%s' to `%s'", name, name)
	}
	v := r.args[r.i]
	r.i++
	cmp, num := findComp(v)
	n, err := strconv.ParseUint(num, 10, 64)
	if err != nil || num == "" || num[0] == '+' || num[0] == '-' {
		r.fatal("invalid argument `%s' to `%s'", v, name)
	}
	switch cmp {
	case '+':
		return func(x uint64) bool { return x > n }
	case '-':
		return func(x uint64) bool { return x < n }
	}
	return func(x uint64) bool { return x == n }
}

// findComp splits a leading + or - off s.
func findComp(s string) (byte, string) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[0], s[1:]
	}
	return '=', s
}

func (r *findRun) parseTypes(name, v string) map[byte]bool {
	if v == "" {
		r.fatal("Arguments to %s should contain at least one letter", name)
	}
	types := map[byte]bool{}
	for i := 0; i < len(v); {
		ch := v[i]
		if strings.IndexByte("bcdflps", ch) < 0 {
			if ch == 'D' {
				r.fatal("%s %c is not supported because Solaris doors are not supported on the platform find was compiled on.", name, ch)
			}
			r.fatal("Unknown argument to %s: %c", name, ch)
		}
		if types[ch] {
			r.fatal("Duplicate file type '%c' in the argument list to %s.", ch, name)
		}
		types[ch] = true
		i++
		if i < len(v) {
			if v[i] != ',' {
				r.fatal("Must separate multiple arguments to %s using: ','", name)
			}
			i++
			if i == len(v) {
				r.fatal("Last file type in list argument to %s is missing, i.e., list is ending on: ','", name)
			}
		}
	}
	return types
}

// findTypeChar returns the -type letter of a mode.
func findTypeChar(m fs.FileMode) byte {
	switch {
	case m.IsRegular():
		return 'f'
	case m.IsDir():
		return 'd'
	case m&fs.ModeSymlink != 0:
		return 'l'
	case m&fs.ModeNamedPipe != 0:
		return 'p'
	case m&fs.ModeSocket != 0:
		return 's'
	case m&fs.ModeCharDevice != 0:
		return 'c'
	case m&fs.ModeDevice != 0:
		return 'b'
	}
	return 'U'
}

func (r *findRun) parseSize(name string) {
	if r.i >= len(r.args) {
		r.fatal("missing argument to `%s'", name)
	}
	v := r.args[r.i]
	r.i++
	if v == "" {
		r.fatal("invalid null argument to -size")
	}
	blk := int64(512)
	num := v
	switch last := v[len(v)-1]; last {
	case 'b':
	case 'c':
		blk = 1
	case 'w':
		blk = 2
	case 'k':
		blk = 1024
	case 'M':
		blk = 1 << 20
	case 'G':
		blk = 1 << 30
	default:
		if last < '0' || last > '9' {
			r.fatal("invalid -size type `%c'", last)
		}
	}
	if last := v[len(v)-1]; last < '0' || last > '9' {
		num = v[:len(v)-1]
	}
	cmp, digits := findComp(num)
	n, err := strconv.ParseUint(digits, 10, 64)
	if err != nil || digits == "" || digits[0] == '+' || digits[0] == '-' {
		r.fatal("Invalid argument `%s' to -size", v)
	}
	r.primary(name, func(e *findEnt) bool {
		sz := e.fi.Size()
		units := uint64(sz / blk)
		if sz%blk != 0 {
			units++
		}
		switch cmp {
		case '+':
			return units > n
		case '-':
			return units < n
		}
		return units == n
	})
}

func (r *findRun) parsePerm(name string) {
	v := r.arg(name)
	kind := byte('=')
	expr := v
	if v != "" && (v[0] == '-' || v[0] == '/') {
		kind, expr = v[0], v[1:]
	}
	mc, ok := parseMode(expr)
	if !ok || (v != "" && v[0] == '+' && len(v) > 1 && v[1] >= '0' && v[1] < '8') {
		r.fatal("invalid mode %s", fquote(v))
	}
	val := [2]uint32{toUnix(mc.apply(0, false, 0)), toUnix(mc.apply(0, true, 0))}
	if kind == '/' && val[0] == 0 && val[1] == 0 {
		r.c.Errorf("warning: you have specified a mode pattern %s (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.", v)
		kind = '-'
	}
	r.primary(name, func(e *findEnt) bool {
		mode := toUnix(e.fi.Mode())
		pv := val[0]
		if e.fi.IsDir() {
			pv = val[1]
		}
		switch kind {
		case '-':
			return mode&pv == pv
		case '/':
			return pv == 0 || mode&pv != 0
		}
		return mode == pv
	})
}

// findIDByName resolves a user or group: "root", or a number.
func findIDByName(v string) (uint64, bool) {
	if v == "root" {
		return 0, true
	}
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil || v == "" || v[0] == '+' {
		return 0, false
	}
	return n, true
}

// findIDName is the name shown for an id: "root" for 0, else the number.
func findIDName(id uint32) string {
	if id == 0 {
		return "root"
	}
	return strconv.FormatUint(uint64(id), 10)
}

func findOwner(fi fs.FileInfo) (uint32, uint32) {
	if st := statT(fi); st != nil {
		return st.Uid, st.Gid
	}
	return 0, 0
}

// refStat stats a reference file (-newer, -samefile) as -H/-L/-P say;
// a failure is fatal.
func (r *findRun) refStat(name string) fs.FileInfo {
	var fi fs.FileInfo
	var err error
	if r.follow == 'P' {
		fi, err = r.c.lstat(name)
	} else {
		fi, err = r.c.stat(name)
		if err != nil {
			if lfi, lerr := r.c.lstat(name); lerr == nil {
				fi, err = lfi, nil
			}
		}
	}
	if err != nil {
		r.fatal("%s: %s", fquote(name), ErrText(err))
	}
	return fi
}

// findTime returns the a, c or m time of fi.
func findTime(fi fs.FileInfo, which byte) time.Time {
	st := statT(fi)
	switch {
	case st == nil:
		return fi.ModTime()
	case which == 'a':
		return time.Unix(st.Atim.Unix())
	case which == 'c':
		return time.Unix(st.Ctim.Unix())
	}
	return time.Unix(st.Mtim.Unix())
}

func (r *findRun) parseNewerXY(a string) {
	x, y := a[6], a[7]
	if x == 't' || strings.IndexByte("aBcmt", x) < 0 || strings.IndexByte("aBcmt", y) < 0 {
		r.fatal("invalid predicate `%s'", a)
	}
	if x == 'B' || y == 'B' {
		r.fatal("This system does not provide a way to find the birth time of a file.")
	}
	if r.i >= len(r.args) {
		r.fatal("The %s test needs an argument", fquote(a))
	}
	v := r.args[r.i]
	r.i++
	var ref time.Time
	if y == 't' {
		t, ok := findParseDate(v, r.c.location())
		if !ok {
			r.fatal("I cannot figure out how to interpret %s as a date or time", fquote(v))
		}
		ref = t
	} else {
		ref = findTime(r.refStat(v), y)
	}
	r.primary(a, func(e *findEnt) bool { return findTime(e.fi, x).After(ref) })
}

// findParseDate reads the few date forms -newerXt takes in the sandbox.
func findParseDate(s string, loc *time.Location) (time.Time, bool) {
	if strings.HasPrefix(s, "@") {
		f, err := strconv.ParseFloat(s[1:], 64)
		if err != nil {
			return time.Time{}, false
		}
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)), true
	}
	for _, layout := range []string{"2006-01-02", "2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", time.RFC3339} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// parseTime parses -mtime and co as findutils' parse_time and
// do_parse_xmin do.
func (r *findRun) parseTime(key, name string) {
	v := r.arg(name)
	which := key[0]
	unit := 86400.0
	window := 86400.0
	origin := r.dayStart
	cmp, num := findComp(v)
	if strings.HasSuffix(key, "min") {
		unit, window = 60, 60
		origin = r.dayStart.Add(24 * time.Hour)
	} else if cmp == '-' {
		origin = origin.Add((86400 - 1) * time.Second)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || num == "" || strings.ContainsAny(num[:1], "+- ") || math.IsNaN(f) {
		r.fatal("invalid argument `%s' to `%s'", v, name)
	}
	ref := origin.Add(-time.Duration(f * unit * float64(time.Second)))
	r.primary(name, func(e *findEnt) bool {
		t := findTime(e.fi, which)
		switch cmp {
		case '+':
			return t.Before(ref)
		case '-':
			return t.After(ref)
		}
		d := t.Sub(ref).Seconds()
		return d > 0 && d <= window
	})
}

// findGlob compiles an fnmatch pattern (flags 0, or FNM_CASEFOLD).
func findGlob(pat string, fold bool) func(string) bool {
	mode := pattern.EntireString
	if fold {
		mode |= pattern.NoGlobCase
	}
	expr, err := pattern.Regexp(pat, mode)
	var re *regexp.Regexp
	if err == nil {
		re, err = regexp.Compile(expr)
	}
	if err != nil {
		// fnmatch takes a malformed pattern literally.
		q := "(?s)^" + regexp.QuoteMeta(pat) + "$"
		if fold {
			q = "(?i)" + q
		}
		re = regexp.MustCompile(q)
	}
	return re.MatchString
}

// findBaseStrip is the name -name matches: the last component with
// trailing slashes removed ("/" stays "/").
func findBaseStrip(p string) string {
	return baseName(p)
}

// findRegexTypes are the -regextype names: 1 for the emacs syntax, 2 for
// basic, 3 for extended.
var findRegexTypes = map[string]int{
	"findutils-default": 1, "emacs": 1,
	"ed": 2, "grep": 2, "posix-basic": 2, "posix-minimal-basic": 2, "sed": 2,
	"gnu-awk": 3, "posix-awk": 3, "awk": 3, "posix-egrep": 3, "egrep": 3, "posix-extended": 3,
}

// findRegex compiles a -regex pattern of the given -regextype so that it
// must match the whole path. The emacs syntax is rewritten as a GNU BRE:
// "+" and "?" are operators, "\{" and "\}" plain braces.
func findRegex(pat, typ string, icase bool) (*regexp.Regexp, error) {
	syn := gnure.Basic
	switch findRegexTypes[typ] {
	case 1:
		pat = findEmacsToBasic(pat)
	case 3:
		syn = gnure.Extended
	}
	expr, err := gnure.Translate(pat, syn)
	if err != nil {
		return nil, err
	}
	flags := "s"
	if icase {
		flags += "i"
	}
	re, err := regexp.Compile("(?" + flags + ")^(?:" + expr + ")$")
	if err != nil {
		return nil, err
	}
	re.Longest()
	return re, nil
}

// findEmacsToBasic rewrites an emacs-syntax regular expression (GNU
// RE_SYNTAX_EMACS) as a GNU BRE.
func findEmacsToBasic(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		ch := p[i]
		switch ch {
		case '[':
			j := i + 1
			if j < len(p) && p[j] == '^' {
				j++
			}
			if j < len(p) && p[j] == ']' {
				j++
			}
			for j < len(p) && p[j] != ']' {
				if p[j] == '[' && j+1 < len(p) && strings.IndexByte(":.=", p[j+1]) >= 0 {
					if k := strings.Index(p[j+2:], string(p[j+1])+"]"); k >= 0 {
						j += k + 4
						continue
					}
				}
				j++
			}
			if j >= len(p) {
				b.WriteString(p[i:])
				return b.String()
			}
			b.WriteString(p[i : j+1])
			i = j
		case '+', '?':
			b.WriteByte('\\')
			b.WriteByte(ch)
		case '\\':
			if i+1 >= len(p) {
				b.WriteByte(ch)
				continue
			}
			i++
			switch n := p[i]; n {
			case '{', '}', '+', '?':
				b.WriteByte(n)
			default:
				b.WriteByte('\\')
				b.WriteByte(n)
			}
		default:
			b.WriteByte(ch)
		}
	}
	return b.String()
}

// ---------------------------------------------------------------------------
// -exec and co

func (r *findRun) parseExec(key, name string) {
	x := &findExec{name: name, inDir: strings.HasSuffix(key, "dir"), ok: strings.HasPrefix(key, "ok")}
	start := r.i
	end := start
	prevBraces, braces := false, 0
	braceArg := ""
	for ; end < len(r.args) && r.args[end] != ";"; end++ {
		a := r.args[end]
		if !x.ok && prevBraces && a == "+" {
			x.multiple = true
			break
		}
		prevBraces = false
		if strings.Contains(a, "{}") {
			prevBraces = true
			braceArg = a
			braces++
		}
	}
	if end == start || end >= len(r.args) {
		r.fatal("missing argument to `%s'", name)
	}
	if x.multiple {
		suffix := ""
		if key == "execdir" {
			suffix = "dir"
		}
		if braces > 1 {
			r.fatal("Only one instance of {} is supported with -exec%s ... +", suffix)
		} else if braceArg != "{}" {
			r.fatal("In %s the %s must appear by itself, but you specified %s", fquote("-exec"+suffix+" ... {} +"), fquote("{}"), fquote(braceArg))
		}
		x.args = append([]string(nil), r.args[start:end-1]...)
	} else {
		x.args = append([]string(nil), r.args[start:end]...)
	}
	r.i = end + 1
	r.execs = append(r.execs, x)
	r.action(name, func(e *findEnt) bool { return r.runExec(x, e) })
}

// execName is the name {} stands for: the path, or ./base for -execdir.
func (r *findRun) execName(x *findExec, e *findEnt) (name, dir string) {
	if !x.inDir {
		return e.path, r.c.Dir
	}
	base := baseName(e.path)
	dir = vfs.Clean(e.fsPath)
	if dir != "/" {
		dir = dir[:strings.LastIndexByte(dir, '/')]
		if dir == "" {
			dir = "/"
		}
	}
	if base == "/" {
		return "/", "/"
	}
	return "./" + base, dir
}

func (r *findRun) runExec(x *findExec, e *findEnt) bool {
	name, dir := r.execName(x, e)
	if x.multiple {
		if x.inDir && len(x.pending) > 0 && x.pendDir != dir {
			r.flushExec(x)
		}
		if len(x.pending) > 0 && x.pendSize+len(name)+1 > 128*1024 {
			r.flushExec(x)
		}
		x.pending = append(x.pending, name)
		x.pendSize += len(name) + 1
		x.pendDir = dir
		return true
	}
	argv := make([]string, len(x.args))
	for i, a := range x.args {
		argv[i] = strings.ReplaceAll(a, "{}", name)
	}
	if x.ok {
		r.out.Flush()
		fmt.Fprintf(r.c.Stderr, "< %s ... %s > ? ", x.args[0], e.path)
		line, _ := r.c.readLine()
		if len(line) == 0 || (line[0] != 'y' && line[0] != 'Y') {
			return false
		}
	}
	return r.spawn(argv, dir, x.ok) == 0
}

// spawn runs a command line and returns its status.
func (r *findRun) spawn(argv []string, dir string, closeStdin bool) int {
	if err := r.out.Flush(); err != nil {
		return 1
	}
	if r.c.Exec == nil {
		r.c.Errorf("%s: %s", fquote(argv[0]), "cannot run commands here")
		return 127
	}
	sub := r.c.Sub(argv...)
	sub.Dir = dir
	if closeStdin {
		sub.Stdin = eofReader{}
	}
	st, err := r.c.Exec(sub)
	switch {
	case errors.Is(err, ErrNotFound):
		r.c.Errorf("%s: %s", fquote(argv[0]), Strerror(syscall.ENOENT))
		return 127
	case errors.Is(err, ErrNotExecutable):
		r.c.Errorf("%s: %s", fquote(argv[0]), Strerror(syscall.EACCES))
		return 126
	case err != nil:
		r.c.Errorf("%s: %s", fquote(argv[0]), ErrText(err))
		return 1
	}
	return st
}

func (r *findRun) flushExec(x *findExec) {
	if len(x.pending) == 0 {
		return
	}
	argv := append(append([]string(nil), x.args...), x.pending...)
	x.pending, x.pendSize = nil, 0
	if r.spawn(argv, x.pendDir, false) != 0 {
		r.status = 1
	}
}

// flushExecs runs what "+" actions have collected.
func (r *findRun) flushExecs(all bool) {
	for _, x := range r.execs {
		if x.multiple && (all || x.inDir) {
			r.flushExec(x)
		}
	}
}

// ---------------------------------------------------------------------------
// -delete

func (r *findRun) delete(e *findEnt) bool {
	if baseName(e.path) == "." && e.depth == 0 {
		return true
	}
	err := r.c.FS.Remove(e.fsPath)
	if err == nil {
		return true
	}
	r.c.Errorf("cannot delete %s: %s", fquote(e.path), ErrText(err))
	r.status = 1
	return false
}

// ---------------------------------------------------------------------------
// Traversal

func (r *findRun) errPath(p string, err error) {
	r.out.Flush()
	r.c.Errorf("%s: %s", fquote(p), ErrText(err))
	r.status = 1
}

// lstatEnt returns the lstat information of e.
func (r *findRun) lstatEnt(e *findEnt) fs.FileInfo {
	if e.lfi == nil {
		fi, _, err := r.c.FS.LstatIfPossible(e.fsPath)
		if err != nil {
			return nil
		}
		e.lfi = fi
	}
	return e.lfi
}

// xstat is what -xtype looks at: the other side of the symlink rule.
func (r *findRun) xstat(e *findEnt) fs.FileInfo {
	if r.follow == 'L' {
		return r.lstatEnt(e)
	}
	l := r.lstatEnt(e)
	if l == nil || l.Mode()&fs.ModeSymlink == 0 {
		return e.fi
	}
	fi, err := r.c.FS.Stat(e.fsPath)
	if err != nil {
		return l
	}
	return fi
}

// statFor stats a path as the symlink option says, for depth depth.
func (r *findRun) statFor(fsPath string, depth int) (fs.FileInfo, fs.FileInfo, error) {
	lfi, _, err := r.c.FS.LstatIfPossible(fsPath)
	if err != nil {
		return nil, nil, err
	}
	if lfi.Mode()&fs.ModeSymlink == 0 || r.follow == 'P' || (r.follow == 'H' && depth > 0) {
		return lfi, lfi, nil
	}
	fi, err := r.c.FS.Stat(fsPath)
	if err != nil {
		if errnoOf(err) == syscall.ENOENT || errnoOf(err) == syscall.ENOTDIR {
			return lfi, lfi, nil
		}
		return nil, nil, err
	}
	return fi, lfi, nil
}

func (r *findRun) walkStart(start string, tree *fpred) {
	fsPath := r.c.fsPath(start)
	fi, lfi, err := r.statFor(fsPath, 0)
	if err != nil {
		r.errPath(start, err)
		if fi == nil {
			return
		}
	}
	e := &findEnt{path: start, fsPath: fsPath, start: start, fi: fi, lfi: lfi}
	r.ancestry = r.ancestry[:0]
	r.visit(e, tree)
	r.flushExecs(false)
}

func findID(fi fs.FileInfo) (uint64, uint64) {
	if st := statT(fi); st != nil {
		return uint64(st.Dev), st.Ino
	}
	return 0, 0
}

// visit evaluates e and walks below it.
func (r *findRun) visit(e *findEnt, tree *fpred) {
	if r.quit || r.stopped() {
		return
	}
	isDir := e.fi.IsDir()
	if isDir && r.follow != 'P' {
		dev, ino := findID(e.fi)
		for _, a := range r.ancestry {
			if a.dev == dev && a.ino == ino && ino != 0 {
				r.out.Flush()
				r.c.Errorf("File system loop detected; %s is part of the same file system loop as %s.", fquote(e.path), fquote(a.path))
				r.status = 1
				return
			}
		}
	}
	descend := isDir && (r.maxdepth < 0 || e.depth < r.maxdepth)
	if !r.depthFst && e.depth >= r.mindepth {
		r.evalTop(tree, e)
		if e.pruned || r.quit {
			return
		}
	}
	if descend {
		r.walkDir(e, tree)
		if r.quit {
			return
		}
		if r.execsInDir() {
			r.flushExecs(false)
		}
	}
	if r.depthFst && e.depth >= r.mindepth && !r.stopped() {
		r.evalTop(tree, e)
	}
}

func (r *findRun) execsInDir() bool {
	for _, x := range r.execs {
		if x.multiple && x.inDir && len(x.pending) > 0 {
			return true
		}
	}
	return false
}

func (r *findRun) evalTop(tree *fpred, e *findEnt) {
	r.eval(tree, e)
}

func (r *findRun) walkDir(e *findEnt, tree *fpred) {
	ents, err := r.c.FS.ReadDir(e.fsPath)
	if err != nil {
		r.errPath(e.path, err)
		return
	}
	dev, ino := findID(e.fi)
	r.ancestry = append(r.ancestry, findDirID{dev, ino, e.path})
	defer func() { r.ancestry = r.ancestry[:len(r.ancestry)-1] }()
	prefix := e.path
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	for _, d := range ents {
		if r.quit || r.stopped() {
			return
		}
		child := vfs.Join(vfs.Clean(e.fsPath), d.Name())
		var fi, lfi fs.FileInfo
		var err error
		if d.Type().IsRegular() {
			// The listing knows a file: no need to resolve its path.
			fi, err = d.Info()
			lfi = fi
		} else {
			fi, lfi, err = r.statFor(child, e.depth+1)
		}
		p := prefix + d.Name()
		if err != nil {
			r.errPath(p, err)
			if fi == nil {
				continue
			}
		}
		r.visit(&findEnt{path: p, fsPath: child, start: e.start, depth: e.depth + 1, fi: fi, lfi: lfi}, tree)
	}
}

func (r *findRun) eval(p *fpred, e *findEnt) bool {
	if r.quit {
		return false
	}
	switch p.op {
	case "and":
		return (p.left == nil || r.eval(p.left, e)) && r.eval(p.right, e)
	case "or":
		return (p.left != nil && r.eval(p.left, e)) || r.eval(p.right, e)
	case "not":
		return !r.eval(p.right, e)
	case "comma":
		if p.left != nil {
			r.eval(p.left, e)
		}
		return r.eval(p.right, e)
	}
	if p.eval == nil {
		return true
	}
	return p.eval(e)
}

// ---------------------------------------------------------------------------
// -printf and -ls

// findSeg is one piece of a -printf format: literal text, or a directive
// with its flags, width and precision.
type findSeg struct {
	lit   string
	stop  bool // \c: stop printing this format
	verb  byte // 0 for literal text
	sub   byte // the time letter of %A, %C, %T
	flags string
}

// parseFormat parses a -printf format as findutils' insert_fprintf does,
// warning about unknown escapes and directives.
func (r *findRun) parseFormat(f string) []findSeg {
	var segs []findSeg
	var lit strings.Builder
	flushLit := func() {
		if lit.Len() > 0 {
			segs = append(segs, findSeg{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(f); i++ {
		ch := f[i]
		switch ch {
		case '\\':
			if i+1 >= len(f) {
				lit.WriteByte('\\')
				continue
			}
			i++
			n := f[i]
			if n >= '0' && n <= '7' {
				v, k := 0, 0
				for k < 3 && i < len(f) && f[i] >= '0' && f[i] <= '7' {
					v = v*8 + int(f[i]-'0')
					i++
					k++
				}
				i--
				lit.WriteByte(byte(v))
				continue
			}
			switch n {
			case 'a':
				lit.WriteByte('\a')
			case 'b':
				lit.WriteByte('\b')
			case 'f':
				lit.WriteByte('\f')
			case 'n':
				lit.WriteByte('\n')
			case 'r':
				lit.WriteByte('\r')
			case 't':
				lit.WriteByte('\t')
			case 'v':
				lit.WriteByte('\v')
			case '\\':
				lit.WriteByte('\\')
			case 'c':
				flushLit()
				segs = append(segs, findSeg{stop: true})
				return segs
			default:
				r.c.Errorf("warning: unrecognized escape `\\%c'", n)
				lit.WriteByte('\\')
				lit.WriteByte(n)
			}
		case '%':
			if i+1 >= len(f) {
				r.fatal("error: %% at end of format string")
			}
			if f[i+1] == '%' {
				lit.WriteByte('%')
				i++
				continue
			}
			j := i + 1
			for j < len(f) && strings.IndexByte("-+ #0", f[j]) >= 0 {
				j++
			}
			for j < len(f) && f[j] >= '0' && f[j] <= '9' {
				j++
			}
			if j < len(f) && f[j] == '.' {
				j++
				for j < len(f) && f[j] >= '0' && f[j] <= '9' {
					j++
				}
			}
			if j >= len(f) {
				r.fatal("error: %% at end of format string")
			}
			flags := f[i+1 : j]
			v := f[j]
			switch {
			case v == 'A' || v == 'C' || v == 'T':
				if j+1 >= len(f) {
					r.c.Errorf("warning: format directive `%%%c' should be followed by another character", v)
					lit.WriteString(f[i : j+1])
					i = j
					continue
				}
				flushLit()
				segs = append(segs, findSeg{verb: v, sub: f[j+1], flags: flags})
				i = j + 1
			case strings.IndexByte("abcdDfgGhHiklmMnpPstuUyY", v) >= 0:
				flushLit()
				segs = append(segs, findSeg{verb: v, flags: flags})
				i = j
			default:
				r.c.Errorf("warning: unrecognized format directive `%%%c'", v)
				lit.WriteString(f[i : j+1])
				i = j
			}
		default:
			lit.WriteByte(ch)
		}
	}
	flushLit()
	return segs
}

// printf writes e in the format segs.
func (r *findRun) printf(w *errWriter, segs []findSeg, e *findEnt) {
	for _, s := range segs {
		if s.stop {
			return
		}
		if s.verb == 0 {
			w.WriteString(s.lit)
			continue
		}
		switch s.verb {
		case 'd':
			w.Printf("%"+s.flags+"d", e.depth)
			continue
		case 'm':
			w.Printf("%"+s.flags+"o", toUnix(e.fi.Mode()))
			continue
		}
		// Strings take only the - flag, a width and a precision.
		fl := s.flags
		k := 0
		for k < len(fl) && strings.IndexByte("-+ #0", fl[k]) >= 0 {
			k++
		}
		minus := ""
		if strings.IndexByte(fl[:k], '-') >= 0 {
			minus = "-"
		}
		w.Printf("%"+minus+fl[k:]+"s", r.directive(s, e))
	}
}

// directive returns the text of a string directive.
func (r *findRun) directive(s findSeg, e *findEnt) string {
	fi := e.fi
	st := statT(fi)
	var blocks int64
	if st != nil {
		blocks = st.Blocks
	}
	switch s.verb {
	case 'a':
		return findCtime(findTime(fi, 'a').In(r.c.location()))
	case 'c':
		return findCtime(findTime(fi, 'c').In(r.c.location()))
	case 't':
		return findCtime(findTime(fi, 'm').In(r.c.location()))
	case 'A', 'C', 'T':
		which := map[byte]byte{'A': 'a', 'C': 'c', 'T': 'm'}[s.verb]
		return findTimeField(findTime(fi, which).In(r.c.location()), s.sub)
	case 'b':
		return strconv.FormatInt(blocks, 10)
	case 'k':
		return strconv.FormatInt((blocks+1)/2, 10)
	case 'D':
		if st != nil {
			return strconv.FormatUint(uint64(st.Dev), 10)
		}
		return "0"
	case 'f':
		return findBaseName(e.path)
	case 'g':
		_, gid := findOwner(fi)
		return findIDName(gid)
	case 'G':
		_, gid := findOwner(fi)
		return strconv.FormatUint(uint64(gid), 10)
	case 'u':
		uid, _ := findOwner(fi)
		return findIDName(uid)
	case 'U':
		uid, _ := findOwner(fi)
		return strconv.FormatUint(uint64(uid), 10)
	case 'h':
		i := strings.LastIndexByte(e.path, '/')
		if i < 0 {
			return "."
		}
		return e.path[:i]
	case 'H':
		return e.start
	case 'i':
		if st != nil {
			return strconv.FormatUint(st.Ino, 10)
		}
		return "0"
	case 'l':
		if l := r.lstatEnt(e); l != nil && l.Mode()&fs.ModeSymlink != 0 {
			t, err := r.c.FS.ReadlinkIfPossible(e.fsPath)
			if err != nil {
				r.errPath(e.path, err)
				return ""
			}
			return t
		}
		return ""
	case 'M':
		return modeString(fi.Mode())
	case 'n':
		if st != nil {
			return strconv.FormatUint(uint64(st.Nlink), 10)
		}
		return "1"
	case 'p':
		return e.path
	case 'P':
		p := e.path[len(e.start):]
		return strings.TrimPrefix(p, "/")
	case 's':
		return strconv.FormatInt(fi.Size(), 10)
	case 'y':
		return string(findTypeChar(fi.Mode()))
	case 'Y':
		if fi.Mode()&fs.ModeSymlink == 0 {
			return string(findTypeChar(fi.Mode()))
		}
		t, err := r.c.FS.Stat(e.fsPath)
		switch {
		case err == nil:
			return string(findTypeChar(t.Mode()))
		case errnoOf(err) == syscall.ENOENT:
			return "N"
		case errnoOf(err) == syscall.ELOOP:
			return "L"
		}
		return "?"
	}
	return ""
}

// findBaseName is gnulib's base_name: the last component, keeping one
// trailing slash.
func findBaseName(p string) string {
	t := strings.TrimRight(p, "/")
	if t == "" {
		if p == "" {
			return ""
		}
		return "/"
	}
	b := t
	if i := strings.LastIndexByte(t, '/'); i >= 0 {
		b = t[i+1:]
	}
	if len(t) < len(p) {
		b += "/"
	}
	return b
}

// findFrac is the fractional seconds findutils appends: nine digits of
// nanoseconds and a zero.
func findFrac(t time.Time) string {
	return fmt.Sprintf(".%09d0", t.Nanosecond())
}

// findCtime is %a, %c and %t: ctime's format with fractional seconds.
func findCtime(t time.Time) string {
	return t.Format("Mon Jan _2 15:04:05") + findFrac(t) + t.Format(" 2006")
}

// findTimeField is %Ak and co: strftime's %k, with fractional seconds for
// S, T, X, + and @.
func findTimeField(t time.Time, k byte) string {
	switch k {
	case '@':
		return strconv.FormatInt(t.Unix(), 10) + findFrac(t)
	case 'S':
		return t.Format("05") + findFrac(t)
	case 'T', 'X':
		return t.Format("15:04:05") + findFrac(t)
	case '+':
		return t.Format("2006-01-02+15:04:05") + findFrac(t)
	}
	return strftime("%"+string(k), t)
}

// list writes e in the format of -ls (findutils' list_file).
func (r *findRun) list(w *errWriter, e *findEnt) {
	fi := e.fi
	st := statT(fi)
	var ino, nlink uint64
	var blocks int64
	var uid, gid uint32
	if st != nil {
		ino, nlink, blocks, uid, gid = st.Ino, uint64(st.Nlink), st.Blocks, st.Uid, st.Gid
	}
	lw := &r.lsw
	if lw.ino == 0 {
		*lw = findLsWidths{ino: 9, blocks: 6, nlink: 3, owner: 8, group: 8, major: 3, minor: 3, size: 8}
	}
	num := func(v uint64, width *int) {
		s := fmt.Sprintf("%*d", *width, v)
		*width = max(*width, len(s))
		w.WriteString(s)
	}
	num(ino, &lw.ino)
	w.WriteByte(' ')
	num(uint64((blocks+1)/2), &lw.blocks)
	w.WriteString(" " + modeString(fi.Mode()) + " ")
	num(nlink, &lw.nlink)
	w.WriteByte(' ')
	if uid == 0 {
		lw.owner = max(lw.owner, 4)
		w.Printf("%-*s ", lw.owner, "root")
	} else {
		s := fmt.Sprintf("%-8d ", uid)
		lw.owner = max(lw.owner, len(s))
		w.WriteString(s)
	}
	if gid == 0 {
		lw.group = max(lw.group, 4)
		w.Printf("%-*s ", lw.group, "root")
	} else {
		s := fmt.Sprintf("%-*d", lw.group, gid)
		lw.group = max(lw.group, len(s))
		w.WriteString(s + " ")
	}
	if m := fi.Mode(); m&fs.ModeDevice != 0 && st != nil {
		num((st.Rdev>>8)&0xfff|(st.Rdev>>32)&^0xfff, &lw.major)
		w.WriteString(", ")
		num(st.Rdev&0xff|(st.Rdev>>12)&^0xff, &lw.minor)
	} else {
		num(uint64(fi.Size()), &lw.size)
	}
	mt := fi.ModTime()
	layout := "Jan _2  2006"
	if !mt.Before(r.now.Add(-6*30*24*time.Hour)) && !mt.After(r.now.Add(time.Hour)) {
		layout = "Jan _2 15:04"
	}
	w.WriteString(" " + mt.In(r.c.location()).Format(layout) + " ")
	w.WriteString(findLsName(e.path))
	if fi.Mode()&fs.ModeSymlink != 0 {
		t, err := r.c.FS.ReadlinkIfPossible(e.fsPath)
		if err == nil {
			w.WriteString(" -> " + findLsName(t))
		} else {
			r.errPath(e.path, err)
		}
	}
	w.WriteByte('\n')
}

// findLsName quotes a name for -ls as findutils' print_name_with_quoting.
func findLsName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch ch {
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\b':
			b.WriteString(`\b`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\f':
			b.WriteString(`\f`)
		case ' ':
			b.WriteString(`\ `)
		case '"':
			b.WriteString(`\"`)
		default:
			if ch > 040 && ch < 0177 {
				b.WriteByte(ch)
			} else {
				fmt.Fprintf(&b, "\\%03o", ch)
			}
		}
	}
	return b.String()
}
