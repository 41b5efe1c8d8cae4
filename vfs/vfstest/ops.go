package vfstest

import (
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/sandsh/sandsh/vfs"
)

// Operation kinds, as stored in Op.Kind.
const (
	OpCreate       = "create"       // OpenFile(Path, Flag, Perm), Write(Data), Close
	OpWriteAt      = "writeat"      // OpenFile(Path, Flag, Perm), WriteAt(Data, Off), Close
	OpAppend       = "append"       // OpenFile(Path, Flag, Perm), Write(Data), Close
	OpTruncate     = "truncate"     // OpenFile(Path, Flag, 0), Truncate(Off), Close
	OpOpen         = "open"         // OpenFile(Path, Flag, Perm), Close
	OpExcl         = "excl"         // OpenFile(Path, Flag incl. O_EXCL, Perm), Write(Data), Close
	OpRemove       = "remove"       // Remove(Path)
	OpRemoveAll    = "removeall"    // RemoveAll(Path)
	OpMkdir        = "mkdir"        // Mkdir(Path, Perm)
	OpMkdirAll     = "mkdirall"     // MkdirAll(Path, Perm)
	OpRename       = "rename"       // Rename(Path, Path2)
	OpSymlink      = "symlink"      // SymlinkIfPossible(Path2, Path): Path2 is the target
	OpLink         = "link"         // Link(Path, Path2)
	OpChmod        = "chmod"        // Chmod(Path, Perm)
	OpChtimes      = "chtimes"      // Chtimes(Path, Atime, Mtime)
	OpStat         = "stat"         // Stat(Path)
	OpLstat        = "lstat"        // LstatIfPossible(Path)
	OpReadlink     = "readlink"     // ReadlinkIfPossible(Path)
	OpReadDir      = "readdir"      // ReadDir(Path)
	OpReaddirnames = "readdirnames" // OpenFile(Path, O_RDONLY, 0), Readdirnames(-1), Close
	OpRead         = "read"         // OpenFile(Path, O_RDONLY, 0), io.ReadAll, Close
)

// Op is one operation of a sequence, applied the same way to both sides.
type Op struct {
	// Kind is one of the Op* constants.
	Kind string
	// Path is the path operated on; for OpSymlink, the new link's name.
	Path string
	// Path2 is the new name of OpRename and OpLink, and the target of OpSymlink.
	Path2 string `json:",omitempty"`
	// Flag is the OpenFile flag of the kinds that open a file.
	Flag int `json:",omitempty"`
	// Perm is the mode for OpenFile, Mkdir, MkdirAll and Chmod.
	Perm fs.FileMode `json:",omitempty"`
	// Data is what is written.
	Data []byte `json:",omitempty"`
	// Off is the offset of OpWriteAt and the new size of OpTruncate.
	Off int64 `json:",omitempty"`
	// Atime and Mtime are the times of OpChtimes.
	Atime time.Time `json:",omitzero"`
	Mtime time.Time `json:",omitzero"`
}

// String renders op as the calls it makes on a vfs.FS, in Go syntax.
func (op Op) String() string {
	q := func(s string) string { return fmt.Sprintf("%q", s) }
	open := func(flag int, perm fs.FileMode) string {
		return fmt.Sprintf("f, _ := fsys.OpenFile(%s, %s, %s)", q(op.Path), flagString(flag), fmtMode(perm))
	}
	data := fmt.Sprintf("[]byte(%q)", op.Data)
	switch op.Kind {
	case OpCreate, OpAppend, OpExcl:
		return fmt.Sprintf("%s; f.Write(%s); f.Close()", open(op.Flag, op.Perm), data)
	case OpWriteAt:
		return fmt.Sprintf("%s; f.WriteAt(%s, %d); f.Close()", open(op.Flag, op.Perm), data, op.Off)
	case OpTruncate:
		return fmt.Sprintf("%s; f.Truncate(%d); f.Close()", open(op.Flag, op.Perm), op.Off)
	case OpOpen:
		return fmt.Sprintf("%s; f.Close()", open(op.Flag, op.Perm))
	case OpReaddirnames:
		return fmt.Sprintf("%s; f.Readdirnames(-1); f.Close()", open(op.Flag, 0))
	case OpRead:
		return fmt.Sprintf("%s; io.ReadAll(f); f.Close()", open(op.Flag, 0))
	case OpRemove:
		return fmt.Sprintf("fsys.Remove(%s)", q(op.Path))
	case OpRemoveAll:
		return fmt.Sprintf("fsys.RemoveAll(%s)", q(op.Path))
	case OpMkdir:
		return fmt.Sprintf("fsys.Mkdir(%s, %s)", q(op.Path), fmtMode(op.Perm))
	case OpMkdirAll:
		return fmt.Sprintf("fsys.MkdirAll(%s, %s)", q(op.Path), fmtMode(op.Perm))
	case OpRename:
		return fmt.Sprintf("fsys.Rename(%s, %s)", q(op.Path), q(op.Path2))
	case OpSymlink:
		return fmt.Sprintf("fsys.SymlinkIfPossible(%s, %s)", q(op.Path2), q(op.Path))
	case OpLink:
		return fmt.Sprintf("fsys.Link(%s, %s)", q(op.Path), q(op.Path2))
	case OpChmod:
		return fmt.Sprintf("fsys.Chmod(%s, %s)", q(op.Path), fmtMode(op.Perm))
	case OpChtimes:
		return fmt.Sprintf("fsys.Chtimes(%s, time.Unix(%d, %d), time.Unix(%d, %d))", q(op.Path),
			op.Atime.Unix(), op.Atime.Nanosecond(), op.Mtime.Unix(), op.Mtime.Nanosecond())
	case OpStat:
		return fmt.Sprintf("fsys.Stat(%s)", q(op.Path))
	case OpLstat:
		return fmt.Sprintf("fsys.LstatIfPossible(%s)", q(op.Path))
	case OpReadlink:
		return fmt.Sprintf("fsys.ReadlinkIfPossible(%s)", q(op.Path))
	case OpReadDir:
		return fmt.Sprintf("fsys.ReadDir(%s)", q(op.Path))
	}
	return fmt.Sprintf("unknown op %q", op.Kind)
}

func flagString(flag int) string {
	var parts []string
	switch flag & (os.O_RDONLY | os.O_WRONLY | os.O_RDWR) {
	case os.O_RDONLY:
		parts = append(parts, "os.O_RDONLY")
	case os.O_WRONLY:
		parts = append(parts, "os.O_WRONLY")
	case os.O_RDWR:
		parts = append(parts, "os.O_RDWR")
	}
	rest := flag &^ (os.O_RDONLY | os.O_WRONLY | os.O_RDWR)
	for _, f := range []struct {
		bit  int
		name string
	}{{os.O_APPEND, "os.O_APPEND"}, {os.O_CREATE, "os.O_CREATE"}, {os.O_EXCL, "os.O_EXCL"}, {os.O_TRUNC, "os.O_TRUNC"}, {os.O_SYNC, "os.O_SYNC"}} {
		if rest&f.bit != 0 {
			parts = append(parts, f.name)
			rest &^= f.bit
		}
	}
	if rest != 0 {
		parts = append(parts, fmt.Sprintf("%#x", rest))
	}
	return strings.Join(parts, "|")
}

// Result is what an operation returned on one side.
type Result struct {
	// Stage names the call that failed, such as "open", "write" or
	// "rename", or "panic"; it is empty when every call succeeded.
	Stage string `json:",omitempty"`
	// Errno is vfs.Errno of the error, 0 when none or when the error wraps
	// no errno.
	Errno syscall.Errno `json:",omitempty"`
	// Err is the error's text; it is shown, not compared.
	Err string `json:",omitempty"`
	// Info is what Stat or LstatIfPossible returned.
	Info *Entry `json:",omitempty"`
	// Target is what ReadlinkIfPossible returned.
	Target string `json:",omitempty"`
	// Names lists a directory: "name type" for ReadDir, names for Readdirnames.
	Names []string `json:",omitempty"`
	// Data is what was read.
	Data []byte `json:",omitempty"`
}

// String describes r on one line.
func (r Result) String() string {
	if r.Stage != "" {
		return fmt.Sprintf("%s at %s (%s)", errnoName(r.Errno), r.Stage, r.Err)
	}
	switch {
	case r.Info != nil:
		return "ok: " + r.Info.String()
	case r.Target != "":
		return fmt.Sprintf("ok: %q", r.Target)
	case r.Names != nil:
		return fmt.Sprintf("ok: %q", r.Names)
	case r.Data != nil:
		return "ok: " + quote(r.Data, 64)
	}
	return "ok"
}

// outcome is the part of r that must agree first.
func (r Result) outcome() string {
	if r.Stage == "" {
		return "success"
	}
	return errnoName(r.Errno) + " at " + r.Stage
}

// diffResult describes how a (the FS under test's) and b (the real side's)
// differ, or returns "" when they agree.
func diffResult(a, b Result) string {
	if a.Stage != b.Stage || a.Errno != b.Errno {
		return fmt.Sprintf("%s vs %s", a.outcome(), b.outcome())
	}
	var diffs []string
	if (a.Info == nil) != (b.Info == nil) {
		diffs = append(diffs, "one side returned no FileInfo")
	} else if a.Info != nil {
		diffs = append(diffs, diffEntry(statView(*a.Info), statView(*b.Info), false)...)
	}
	if a.Target != b.Target {
		diffs = append(diffs, fmt.Sprintf("target %q vs %q", a.Target, b.Target))
	}
	if !slices.Equal(a.Names, b.Names) {
		diffs = append(diffs, fmt.Sprintf("names %q vs %q", a.Names, b.Names))
	}
	if string(a.Data) != string(b.Data) {
		diffs = append(diffs, "data "+diffBytes(a.Data, b.Data))
	}
	return strings.Join(diffs, "; ")
}

// statView keeps what a stat result is compared on: like a snapshot
// entry, but symlinks' link counts count too.
func statView(e Entry) Entry {
	e.Ino = 0
	if e.Type == TypeSymlink {
		e.Type = "symlink(nlink=" + fmt.Sprint(e.Nlink) + ")"
	}
	return e
}

var errnoNames = map[syscall.Errno]string{
	syscall.ENOENT: "ENOENT", syscall.EEXIST: "EEXIST", syscall.ENOTDIR: "ENOTDIR",
	syscall.EISDIR: "EISDIR", syscall.EINVAL: "EINVAL", syscall.ENOTEMPTY: "ENOTEMPTY",
	syscall.ELOOP: "ELOOP", syscall.EPERM: "EPERM", syscall.EXDEV: "EXDEV",
	syscall.EBUSY: "EBUSY", syscall.ENAMETOOLONG: "ENAMETOOLONG", syscall.EBADF: "EBADF",
	syscall.EACCES: "EACCES", syscall.ENOSPC: "ENOSPC", syscall.EMLINK: "EMLINK",
	syscall.EROFS: "EROFS", syscall.EFBIG: "EFBIG", syscall.EIO: "EIO",
	syscall.ENOSYS: "ENOSYS", syscall.ENOTSUP: "ENOTSUP",
}

func errnoName(e syscall.Errno) string {
	if e == 0 {
		return "error without errno"
	}
	if n, ok := errnoNames[e]; ok {
		return n
	}
	return fmt.Sprintf("errno %d", int(e))
}

// Apply performs op on fsys and returns what happened. A panic in fsys is
// recovered and reported as a Result with Stage "panic".
func Apply(fsys vfs.FS, op Op) (res Result) {
	defer func() {
		if r := recover(); r != nil {
			if hf, ok := r.(helperFailure); ok {
				panic(hf)
			}
			res = Result{Stage: "panic", Err: fmt.Sprintf("%v\n%s", r, debug.Stack())}
		}
	}()
	fail := func(stage string, err error) Result {
		return Result{Stage: stage, Errno: vfs.Errno(err), Err: err.Error()}
	}
	switch op.Kind {
	case OpCreate, OpWriteAt, OpAppend, OpTruncate, OpOpen, OpExcl, OpRead, OpReaddirnames:
		f, err := fsys.OpenFile(op.Path, op.Flag, op.Perm)
		if err != nil {
			return fail("open", err)
		}
		if f == nil {
			return Result{Stage: "open", Err: "OpenFile returned a nil file and no error"}
		}
		var stage string
		switch op.Kind {
		case OpCreate, OpAppend, OpExcl:
			stage = "write"
			var n int
			n, err = f.Write(op.Data)
			if err == nil && n != len(op.Data) {
				err = io.ErrShortWrite
			}
		case OpWriteAt:
			stage = "writeat"
			var n int
			n, err = f.WriteAt(op.Data, op.Off)
			if err == nil && n != len(op.Data) {
				err = io.ErrShortWrite
			}
		case OpTruncate:
			stage = "truncate"
			err = f.Truncate(op.Off)
		case OpRead:
			stage = "read"
			res.Data, err = io.ReadAll(f)
			if res.Data == nil {
				res.Data = []byte{}
			}
		case OpReaddirnames:
			stage = "readdirnames"
			res.Names, err = f.Readdirnames(-1)
			slices.Sort(res.Names)
			if res.Names == nil {
				res.Names = []string{}
			}
		}
		if err != nil {
			f.Close()
			return fail(stage, err)
		}
		if err := f.Close(); err != nil {
			return fail("close", err)
		}
		return res
	}
	var err error
	switch op.Kind {
	case OpRemove:
		err = fsys.Remove(op.Path)
	case OpRemoveAll:
		err = fsys.RemoveAll(op.Path)
	case OpMkdir:
		err = fsys.Mkdir(op.Path, op.Perm)
	case OpMkdirAll:
		err = fsys.MkdirAll(op.Path, op.Perm)
	case OpRename:
		err = fsys.Rename(op.Path, op.Path2)
	case OpSymlink:
		err = fsys.SymlinkIfPossible(op.Path2, op.Path)
	case OpLink:
		err = fsys.Link(op.Path, op.Path2)
	case OpChmod:
		err = fsys.Chmod(op.Path, op.Perm)
	case OpChtimes:
		err = fsys.Chtimes(op.Path, op.Atime, op.Mtime)
	case OpStat, OpLstat:
		var fi fs.FileInfo
		if op.Kind == OpStat {
			fi, err = fsys.Stat(op.Path)
		} else {
			fi, _, err = fsys.LstatIfPossible(op.Path)
		}
		if err == nil {
			if fi == nil {
				return Result{Stage: op.Kind, Err: "nil FileInfo and no error"}
			}
			e := entryOf(fi)
			e.ModTime = e.ModTime.UTC()
			res.Info = &e
		}
	case OpReadlink:
		res.Target, err = fsys.ReadlinkIfPossible(op.Path)
	case OpReadDir:
		var des []fs.DirEntry
		des, err = fsys.ReadDir(op.Path)
		if err == nil {
			res.Names = []string{}
			for _, de := range des {
				res.Names = append(res.Names, de.Name()+" "+typeOf(de.Type()))
			}
			slices.Sort(res.Names)
		}
	default:
		return Result{Stage: op.Kind, Err: "unknown operation"}
	}
	if err != nil {
		return fail(op.Kind, err)
	}
	return res
}

// gen draws operations, using the real side's current state to pick paths.
type gen struct {
	r                       *rand.Rand
	snap                    Snapshot
	all, dirs, files, links []string
	nondirs, bases          []string
	groups                  [][]string // paths sharing an inode, 2 or more
}

func (g *gen) update(s Snapshot) {
	g.snap = s
	g.all, g.dirs, g.files, g.links, g.nondirs, g.bases = nil, nil, nil, nil, nil, nil
	g.groups = nil
	byIno := map[uint64][]string{}
	seen := map[string]bool{}
	for _, p := range s.Paths() {
		e := s[p]
		g.all = append(g.all, p)
		switch e.Type {
		case TypeDir:
			g.dirs = append(g.dirs, p)
		case TypeFile:
			g.files = append(g.files, p)
		case TypeSymlink:
			g.links = append(g.links, p)
		}
		if e.Type != TypeDir {
			g.nondirs = append(g.nondirs, p)
			if e.Ino != 0 {
				byIno[e.Ino] = append(byIno[e.Ino], p)
			}
		}
		if b := path.Base(p); b != "/" && !seen[b] {
			seen[b] = true
			g.bases = append(g.bases, b)
		}
	}
	for _, p := range g.nondirs {
		if grp := byIno[s[p].Ino]; len(grp) > 1 && grp[0] == p {
			g.groups = append(g.groups, grp)
		}
	}
}

func (g *gen) intn(n int) int { return g.r.Intn(n) }

// name returns a short name, often one that exists somewhere.
func (g *gen) name() string {
	switch k := g.intn(6); {
	case k < 2 && len(g.bases) > 0:
		return pick(g.r, g.bases...)
	case k < 3:
		return fmt.Sprintf("n%d", g.intn(6))
	}
	return pick(g.r, names...)
}

// existing returns the clean path of an existing entry, preferably of type typ.
func (g *gen) existing(typ string) string {
	var xs []string
	switch typ {
	case TypeDir:
		xs = g.dirs
	case TypeFile:
		xs = g.files
	case TypeSymlink:
		xs = g.links
	}
	if len(xs) == 0 || g.intn(4) == 0 {
		xs = g.all
	}
	if xs[0] == "/" && g.intn(10) != 0 { // the root, but rarely
		if len(xs) > 1 {
			xs = xs[1:]
		} else if len(g.all) > 1 {
			xs = g.all[1:]
		}
	}
	return pick(g.r, xs...)
}

// path returns a path to operate on, rendered in one of many equivalent
// or tricky forms, and the clean absolute path it names when that is known
// without resolving symlinks ("" otherwise).
func (g *gen) path(typ string) (string, string) {
	r := g.r
	switch k := r.Intn(100); {
	case k < 50:
		p := g.existing(typ)
		return g.render(p), p
	case k < 72:
		p := vfs.Join(pick(r, g.dirs...), g.name())
		return g.render(p), p
	case k < 78 && len(g.nondirs) > 0: // under a non-directory
		return g.render(vfs.Join(pick(r, g.nondirs...), g.name())), ""
	case k < 88 && len(g.links) > 0: // through a symlink
		l := pick(r, g.links...)
		if r.Intn(4) == 0 {
			return g.render(l) + "/", ""
		}
		return g.render(l + "/" + g.name()), ""
	case k < 93:
		return pick(r, "/", ".", "..", "/..", "//", "", "./", "/.", "///"), ""
	case k < 97:
		return g.render("/" + g.name() + "/" + g.name() + "/" + g.name()), ""
	case k < 99:
		return g.render(vfs.Join(pick(r, g.dirs...), strings.Repeat("n", vfs.NameMax+1))), ""
	}
	// Too long a path, but one that MkdirAll cannot turn into a deep tree.
	return "/" + strings.Repeat("./", vfs.PathMax/2) + g.name(), ""
}

// render writes the clean absolute path p in a random equivalent (or
// nearly equivalent) form: relative, with doubled slashes, "./", "x/..",
// a trailing slash or "/.", a leading "/..".
func (g *gen) render(p string) string {
	r := g.r
	if p != "/" && r.Intn(3) == 0 {
		p = p[1:]
	}
	slashes := func() []int {
		var idx []int
		for i := 0; i < len(p); i++ {
			if p[i] == '/' {
				idx = append(idx, i)
			}
		}
		return idx
	}
	insert := func(s string) {
		if idx := slashes(); len(idx) > 0 {
			i := pick(r, idx...)
			p = p[:i] + s + p[i:]
		} else {
			p = s[1:] + "/" + p
		}
	}
	switch r.Intn(32) {
	case 0:
		insert("/")
	case 1:
		insert("/.")
	case 2:
		insert("/" + g.name() + "/..")
	case 3, 4:
		p += "/"
	case 5:
		p += "/."
	case 6:
		p = "/../" + strings.TrimPrefix(p, "/")
	case 7:
		p += "/.."
	}
	return p
}

func (g *gen) filePerm() fs.FileMode {
	return pick[fs.FileMode](g.r, 0o644, 0o644, 0o600, 0o755, 0o666, 0o777)
}

func (g *gen) dirPerm() fs.FileMode {
	return pick[fs.FileMode](g.r, 0o755, 0o755, 0o700, 0o750, 0o777, fs.ModeSticky|0o777)
}

// target returns a symlink target for a link at the clean path at.
func (g *gen) target(at string) string {
	r := g.r
	switch r.Intn(12) {
	case 0, 1, 2:
		return pick(r, g.all...)
	case 3, 4:
		if at != "" {
			return relPath(path.Dir(at), pick(r, g.all...))
		}
		return g.name()
	case 5:
		return pick(r, g.name(), "../"+g.name(), g.name()+"/"+g.name(), "./"+g.name())
	case 6:
		return "/nowhere/" + g.name()
	case 7:
		if len(g.links) > 0 {
			return pick(r, g.links...) + "/" + g.name()
		}
	case 8:
		if at != "" {
			return pick(r, at, path.Base(at))
		}
	case 9:
		return pick(r, "/", ".", "..", "", "//", "../../..")
	}
	return g.name()
}

func (g *gen) size(clean string) (int64, bool) {
	if e, ok := g.snap[clean]; ok && e.Type == TypeFile {
		return e.Size, true
	}
	return 0, false
}

var opWeights = []struct {
	kind   string
	weight int
}{
	{OpCreate, 8}, {OpWriteAt, 8}, {OpAppend, 5}, {OpTruncate, 5}, {OpOpen, 3}, {OpExcl, 4},
	{OpRemove, 6}, {OpRemoveAll, 3}, {OpMkdir, 7}, {OpMkdirAll, 4}, {"rmdir", 4},
	{OpRename, 14}, {OpSymlink, 7}, {OpLink, 5}, {OpChmod, 6}, {OpChtimes, 5},
	{OpStat, 4}, {OpLstat, 4}, {OpReadlink, 3}, {OpReadDir, 3}, {OpReaddirnames, 2}, {OpRead, 4},
}

var totalWeight = func() int {
	n := 0
	for _, w := range opWeights {
		n += w.weight
	}
	return n
}()

// next draws the next operation.
func (g *gen) next() Op {
	r := g.r
	k := r.Intn(totalWeight)
	var kind string
	for _, w := range opWeights {
		if k < w.weight {
			kind = w.kind
			break
		}
		k -= w.weight
	}
	op := Op{Kind: kind}
	switch kind {
	case OpCreate:
		op.Path, _ = g.path(TypeFile)
		op.Flag = os.O_RDWR | os.O_CREATE | os.O_TRUNC
		op.Perm = pick[fs.FileMode](r, 0o644, 0o600)
		op.Data = randomData(r, 40)
	case OpWriteAt:
		var clean string
		op.Path, clean = g.path(TypeFile)
		op.Flag = pick(r, os.O_WRONLY, os.O_RDWR)
		if r.Intn(2) == 0 {
			op.Flag |= os.O_CREATE
			op.Perm = g.filePerm()
		}
		size, _ := g.size(clean)
		op.Off = r.Int63n(size + 11)
		op.Data = randomData(r, 20)
		if len(op.Data) == 0 {
			op.Data = []byte("w")
		}
	case OpAppend:
		op.Path, _ = g.path(TypeFile)
		op.Flag = os.O_WRONLY | os.O_APPEND | os.O_CREATE
		op.Perm = 0o644
		op.Data = randomData(r, 20)
	case OpTruncate:
		var clean string
		op.Path, clean = g.path(TypeFile)
		op.Flag = os.O_WRONLY
		size, _ := g.size(clean)
		switch r.Intn(20) {
		case 0:
			op.Off = -1
		case 1, 2, 3, 4, 5, 6, 7, 8:
			op.Off = r.Int63n(size + 1)
		default:
			op.Off = size + r.Int63n(40)
		}
	case OpOpen:
		op.Path, _ = g.path("")
		op.Flag = pick(r, os.O_RDWR, os.O_RDWR, os.O_RDWR, os.O_RDONLY, os.O_WRONLY, os.O_RDWR|os.O_CREATE, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
		if op.Flag&os.O_CREATE != 0 {
			op.Perm = g.filePerm()
		}
	case OpExcl:
		op.Path, _ = g.newName()
		op.Flag = pick(r, os.O_RDWR, os.O_WRONLY) | os.O_CREATE | os.O_EXCL
		op.Perm = g.filePerm()
		op.Data = randomData(r, 20)
	case OpRemove, OpRemoveAll:
		op.Path, _ = g.path(pick(r, TypeFile, TypeSymlink, TypeDir, ""))
		// vfs.RemoveAll refuses a final ".." (os.RemoveAll would empty the
		// parent and then fail), so the two sides differ by design there.
		for op.Kind == OpRemoveAll && path.Base(strings.TrimRight(op.Path, "/")) == ".." {
			op.Path, _ = g.path(pick(r, TypeFile, TypeSymlink, TypeDir, ""))
		}
	case "rmdir":
		op.Kind = OpRemove
		op.Path, _ = g.path(TypeDir)
	case OpMkdir, OpMkdirAll:
		if r.Intn(2) == 0 {
			op.Path, _ = g.newName()
		} else {
			op.Path, _ = g.path(pick(r, "", "", TypeDir))
		}
		if op.Kind == OpMkdirAll && r.Intn(2) == 0 {
			op.Path += "/" + g.name()
		}
		op.Perm = g.dirPerm()
	case OpRename:
		g.rename(&op)
	case OpSymlink:
		var clean string
		op.Path, clean = g.newName()
		op.Path2 = g.target(clean)
	case OpLink:
		typ := pick(r, TypeFile, TypeFile, TypeFile, TypeSymlink, TypeDir, "")
		if r.Intn(3) == 0 {
			op.Path, _ = g.path(typ)
		} else {
			op.Path = g.render(g.existing(typ))
		}
		op.Path2, _ = g.newName()
	case OpChmod:
		op.Path, _ = g.path("")
		op.Perm = pick[fs.FileMode](r, 0o755, 0o644, 0o600, 0o444, 0o700, 0o000, 0o777, 0o711)
		for _, bit := range []fs.FileMode{fs.ModeSetuid, fs.ModeSetgid, fs.ModeSticky} {
			if r.Intn(6) == 0 {
				op.Perm |= bit
			}
		}
	case OpChtimes:
		op.Path, _ = g.path("")
		op.Atime, op.Mtime = oldTime(r), oldTime(r)
	case OpStat, OpLstat:
		op.Path, _ = g.path(pick(r, TypeSymlink, TypeFile, TypeDir, ""))
	case OpReadlink:
		op.Path, _ = g.path(TypeSymlink)
	case OpReadDir, OpReaddirnames:
		op.Path, _ = g.path(TypeDir)
		op.Flag = os.O_RDONLY
	case OpRead:
		op.Path, _ = g.path(TypeFile)
		op.Flag = os.O_RDONLY
	}
	return op
}

// newName returns a name to create: mostly a fresh one, sometimes one that
// exists.
func (g *gen) newName() (string, string) {
	switch k := g.intn(10); {
	case k < 7:
		p := vfs.Join(pick(g.r, g.dirs...), g.name())
		return g.render(p), p
	case k < 9:
		p := g.existing("")
		return g.render(p), p
	}
	return g.path("")
}

// rename fills in a rename: files and directories onto new names, existing
// files and directories, into their own subdirectories, onto themselves,
// onto other hard links of themselves, onto their parents.
func (g *gen) rename(op *Op) {
	r := g.r
	var old string
	if len(g.groups) > 0 && r.Intn(10) == 0 {
		grp := pick(r, g.groups...)
		a, b := r.Intn(len(grp)), r.Intn(len(grp))
		op.Path, op.Path2 = g.render(grp[a]), g.render(grp[b])
		return
	}
	if r.Intn(4) == 0 {
		op.Path, old = g.path("")
	} else {
		old = g.existing(pick(r, TypeFile, TypeDir, TypeDir, TypeSymlink))
		op.Path = g.render(old)
	}
	if old == "" {
		if r.Intn(2) == 0 {
			op.Path2, _ = g.newName()
		} else {
			op.Path2, _ = g.path("")
		}
		return
	}
	switch k := r.Intn(100); {
	case k < 30:
		op.Path2 = g.render(vfs.Join(pick(r, g.dirs...), g.name()))
	case k < 45:
		op.Path2 = g.render(g.existing(TypeFile))
	case k < 60:
		op.Path2 = g.render(g.existing(TypeDir))
	case k < 68:
		// Into its own subdirectory, or a descendant.
		var below []string
		for _, p := range g.all {
			if p != old && vfs.HasPrefix(p, old) {
				below = append(below, p)
			}
		}
		if len(below) > 0 && r.Intn(2) == 0 {
			op.Path2 = g.render(pick(r, below...))
		} else {
			op.Path2 = g.render(vfs.Join(old, g.name()))
		}
	case k < 76:
		op.Path2 = g.render(old)
	case k < 82 && (path.Dir(old) != "/" || r.Intn(4) == 0):
		op.Path2 = g.render(path.Dir(old))
	default:
		op.Path2, _ = g.path("")
	}
}
