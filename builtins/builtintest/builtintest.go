// Package builtintest runs differential tests of sandsh's builtins against
// the real GNU tools.
//
// A Case gives a fixture tree, a command line and optional stdin. Run
// builds the fixture in a temporary directory, copies it, runs the real
// tool in the copy (exec.Command with LC_ALL=C and TZ=UTC), runs the
// builtin on an overlay.New view of the original fixture (working directory
// "/"), and compares stdout, stderr, the exit status and the final trees.
// It also checks that the original fixture is unchanged: the builtin only
// ever changes the overlay.
//
// Command lines must use relative names: the real tool runs in
// /tmp/.../real on the host while the overlay's root is "/". Run refuses
// absolute paths and --no-preserve-root, which could reach the host. The real copy's path is
// replaced by "/" in the real tool's output, and a program name given as a
// path (/bin/ls) is reduced to its base in stderr.
package builtintest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/sandsh/sandsh/internal/hostrun"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/builtins"
	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// Type is the type of a fixture entry.
type Type int

// Entry types.
const (
	TypeFile Type = iota
	TypeDir
	TypeSymlink
	TypeHardlink
)

// Entry is one entry of a fixture tree. Parents are created as needed
// (mode 0755), so a tree may list files only.
type Entry struct {
	// Path is relative to the fixture root, slash-separated; "." is the
	// root itself (to set its mode or time).
	Path string
	Type Type
	// Mode is the permission bits plus fs.ModeSetuid, fs.ModeSetgid and
	// fs.ModeSticky; 0 means 0644 for a file and 0755 for a directory
	// (use WithMode(0) through Mode0 for a mode of 0000).
	Mode  fs.FileMode
	mode0 bool
	// Data is a file's content.
	Data string
	// Target is a symlink's target, or for a hard link the path of the
	// existing file it links to.
	Target string
	// Time, if set, is given as both access and modification time once
	// the whole tree is built.
	Time time.Time
	// UID and GID are set when Owned is.
	UID, GID int
	Owned    bool
}

// File is a regular file with mode 0644.
func File(p, data string) Entry { return Entry{Path: p, Type: TypeFile, Data: data} }

// Dir is a directory with mode 0755.
func Dir(p string) Entry { return Entry{Path: p, Type: TypeDir} }

// Symlink is a symbolic link to target.
func Symlink(p, target string) Entry { return Entry{Path: p, Type: TypeSymlink, Target: target} }

// Hardlink is a second name for the existing file target.
func Hardlink(p, target string) Entry { return Entry{Path: p, Type: TypeHardlink, Target: target} }

// WithMode sets the mode (permission, setuid, setgid and sticky bits).
func (e Entry) WithMode(m fs.FileMode) Entry {
	e.Mode = m
	e.mode0 = m == 0
	return e
}

// WithTime sets the access and modification times.
func (e Entry) WithTime(t time.Time) Entry { e.Time = t; return e }

// WithOwner sets the owner and group ids.
func (e Entry) WithOwner(uid, gid int) Entry { e.UID, e.GID, e.Owned = uid, gid, true; return e }

// Case is one differential test.
type Case struct {
	Name  string
	Tree  []Entry
	Args  []string
	Stdin string
	// Env adds NAME=value variables for both sides (LC_ALL=C and TZ=UTC
	// are always set).
	Env []string

	// SortStdout compares the lines of stdout as sorted lists, for output
	// in directory order, which differs between filesystems (rm -rv).
	SortStdout bool
	// SortStderr does the same for stderr.
	SortStderr bool
	// HelpOnly compares only the first line of stdout (--help texts are
	// shorter than GNU's).
	HelpOnly bool
	// Normalize, if set, is applied to both sides' stdout before they are
	// compared: for fields that cannot match (times of new files, ...).
	Normalize func(string) string
	// NormalizeStderr is the same for stderr.
	NormalizeStderr func(string) string
	// IgnoreStderr compares only whether stderr is empty on both sides.
	IgnoreStderr bool
	// Times compares modification times: exactly for times before the
	// test started, as "now" for later ones. Atimes adds access times.
	Times, Atimes bool
	// TimeSlack lets compared times differ by this much, for times
	// computed from "now" but not recent (touch -d yesterday).
	TimeSlack time.Duration
	// Links compares the link counts of regular files.
	Links bool
	// Timeout for each side; 10s by default.
	Timeout time.Duration
}

// Result is what one side produced.
type Result struct {
	Stdout, Stderr string
	Status         int
	Tree           Snapshot
}

// RunAll runs every case as a parallel subtest.
func RunAll(t *testing.T, cases []Case) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cases {
		name := c.Name
		if name == "" {
			name = strings.Join(c.Args, " ")
			if c.Stdin != "" {
				name += fmt.Sprintf(" <<< %q", c.Stdin)
			}
		}
		if seen[name] {
			t.Fatalf("duplicate case name %q", name)
		}
		seen[name] = true
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			Run(t, c)
		})
	}
}

// Run runs one case and reports every difference with t.Errorf.
func Run(t *testing.T, c Case) {
	t.Helper()
	if len(c.Args) == 0 {
		t.Fatal("builtintest: empty command line")
	}
	if err := checkArgs(c.Args); err != nil {
		t.Fatal(err)
	}
	if why := unavailable(c.Args[0]); why != "" {
		t.Fatal(why) // never skip silently: .ci/run installs coreutils
	}
	for _, e := range c.Tree {
		if e.Owned && os.Geteuid() != 0 {
			t.Fatal("builtintest: the fixture sets owners, which needs root")
		}
	}
	start := time.Now()
	base := t.TempDir()
	orig := filepath.Join(base, "orig")
	realDir := filepath.Join(base, "real")
	if err := Build(orig, c.Tree); err != nil {
		t.Fatal(err)
	}
	before, err := SnapshotDir(orig)
	if err != nil {
		t.Fatal(err)
	}
	if err := CopyTree(orig, realDir); err != nil {
		t.Fatal(err)
	}
	want := RunReal(t, realDir, c)
	got := RunBuiltin(t, orig, c)
	Compare(t, c, start, want, got)

	after, err := SnapshotDir(orig)
	if err != nil {
		t.Fatal(err)
	}
	if d := diffTrees(before, after, cmpOpts{times: true, exact: true, links: true}, start); d != "" {
		t.Errorf("%s: the original fixture changed:\n%s", strings.Join(c.Args, " "), d)
	}
}

// checkArgs refuses command lines that could make the real tool, which
// runs on the host, reach outside the fixture copy: absolute paths (also
// as option values) and, for rm, --no-preserve-root or any abbreviation.
func checkArgs(argv []string) error {
	rm := path.Base(argv[0]) == "rm"
	for _, a := range argv[1:] {
		if strings.HasPrefix(a, "/") || strings.Contains(a, "=/") ||
			(strings.HasPrefix(a, "-") && strings.Contains(a, "/")) ||
			(rm && strings.HasPrefix(a, "--n")) {
			return fmt.Errorf("builtintest: refusing to run the real tool with argument %q: "+
				"keep command lines relative to the fixture", a)
		}
	}
	return nil
}

var (
	toolsMu sync.Mutex
	tools   = map[string]string{}
)

// unavailable returns why the real tool cannot serve as the reference: it
// is missing or is not GNU coreutils. It returns "" when it can.
func unavailable(name string) string {
	toolsMu.Lock()
	defer toolsMu.Unlock()
	if why, ok := tools[name]; ok {
		return why
	}
	why := ""
	if p, err := exec.LookPath(name); err != nil {
		why = fmt.Sprintf("builtintest: no %s in PATH", name)
	} else if out, _ := exec.Command(p, "--version").CombinedOutput(); !isReference(name, out) {
		// --version may go to stderr (xxd) and exit nonzero.
		why = fmt.Sprintf("builtintest: %s is not %s", p, referenceVersion(name))
	}
	tools[name] = why
	return why
}

// references maps the reference tools that are not part of GNU coreutils
// to what their --version output must contain: gawk rather than mawk for
// awk, jq 1.7, GNU tar, gzip, binutils' strings, util-linux, vim's xxd.
var references = map[string]string{
	"awk":     "GNU Awk",
	"jq":      "jq-1.7",
	"tar":     "GNU tar",
	"gzip":    "gzip",
	"gunzip":  "gzip",
	"zcat":    "gzip",
	"strings": "GNU strings", // binutils
	"column":  "util-linux",  // bsdextrautils
	"hexdump": "util-linux",  // bsdextrautils
	"xxd":     "xxd 20",      // vim's xxd
	"tree":    "tree v",
	"file":    "file-5", // file 5.44's libmagic
}

// referenceVersion returns what the --version output of the reference
// tool name must contain.
func referenceVersion(name string) string {
	if v, ok := references[path.Base(name)]; ok {
		return v
	}
	return "GNU coreutils"
}

// isReference reports whether the --version text out is that of the
// reference tool name: for the GNU tools, coreutils or a GNU package of its
// own ("grep (GNU grep) 3.8").
func isReference(name string, out []byte) bool {
	want := referenceVersion(name)
	if want == "GNU coreutils" && (bytes.Contains(out, []byte("(GNU ")) ||
		bytes.Contains(out, []byte("GNU diffutils")) || bytes.Contains(out, []byte("GNU patch"))) {
		return true
	}
	return bytes.Contains(out, []byte(want))
}

func env(c Case) []string {
	return append([]string{"LC_ALL=C", "TZ=UTC"}, c.Env...)
}

func timeout(c Case) time.Duration {
	if c.Timeout > 0 {
		return c.Timeout
	}
	return 10 * time.Second
}

// RunReal runs the real tool in dir.
func RunReal(t *testing.T, dir string, c Case) Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout(c))
	defer cancel()
	// The real tool may only write the copy: see package hostrun.
	cmd := hostrun.Command(ctx, dir, c.Args[0], c.Args[1:]...)
	cmd.Env = append(cmd.Env, append([]string{"PATH=" + os.Getenv("PATH")}, env(c)...)...)
	cmd.Stdin = strings.NewReader(c.Stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	status := 0
	if err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("running %v: %v", c.Args, err)
		}
		status = ee.ExitCode()
	}
	snap, serr := SnapshotDir(dir)
	if serr != nil {
		t.Fatal(serr)
	}
	canon, _ := filepath.EvalSymlinks(dir)
	fix := func(s string) string {
		for _, d := range []string{canon, dir} {
			if d == "" {
				continue
			}
			s = strings.ReplaceAll(s, d+"/", "/")
			s = strings.ReplaceAll(s, d, "/")
		}
		if strings.Contains(c.Args[0], "/") {
			s = strings.ReplaceAll(s, c.Args[0]+": ", path.Base(c.Args[0])+": ")
		}
		return s
	}
	return Result{Stdout: fix(stdout.String()), Stderr: fix(stderr.String()), Status: status, Tree: snap}
}

// Exec runs the builtin named by args[0] on fsys with working directory
// "/", the environment LC_ALL=C TZ=UTC plus env, and the given streams. It
// returns the exit status.
func Exec(ctx context.Context, fsys vfs.FS, args []string, env []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	f, ok := builtins.Lookup(args[0])
	if !ok {
		return 0, fmt.Errorf("no builtin %q", args[0])
	}
	vars := map[string]string{}
	for _, kv := range append([]string{"LC_ALL=C", "TZ=UTC"}, env...) {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	bc := &builtins.Context{
		Ctx:  ctx,
		FS:   fsys,
		Dir:  "/",
		Args: append([]string(nil), args...),
		Env: func(name string) (string, bool) {
			v, ok := vars[name]
			return v, ok
		},
		Environ: func() []string {
			out := make([]string, 0, len(vars))
			for k, v := range vars {
				out = append(out, k+"="+v)
			}
			sort.Strings(out)
			return out
		},
		Stdin:  stdin,
		Stdout: stdout,
		Stderr: stderr,
		Exec:   execBuiltin,
	}
	return f(bc), nil
}

// execBuiltin is the Context.Exec of the tests: it runs builtins only,
// found by name or by a path such as /bin/echo.
func execBuiltin(sub *builtins.Context) (int, error) {
	f, ok := builtins.Lookup(sub.Args[0])
	if !ok {
		return 127, builtins.ErrNotFound
	}
	sub.Exec = execBuiltin
	return f(sub), nil
}

// RunBuiltin runs the builtin on an overlay of dir, with working
// directory "/".
func RunBuiltin(t *testing.T, dir string, c Case) Result {
	t.Helper()
	o, err := overlay.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	ctx, cancel := context.WithTimeout(context.Background(), timeout(c))
	defer cancel()
	var stdout, stderr bytes.Buffer
	status, err := Exec(ctx, o, c.Args, c.Env, strings.NewReader(c.Stdin), &stdout, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	snap, err := SnapshotFS(o)
	if err != nil {
		t.Fatal(err)
	}
	return Result{Stdout: stdout.String(), Stderr: stderr.String(), Status: status, Tree: snap}
}

// Compare reports the differences between the real tool's result (want)
// and the builtin's (got).
func Compare(t *testing.T, c Case, start time.Time, want, got Result) {
	t.Helper()
	cmdline := strings.Join(c.Args, " ")
	ws, gs := want.Stdout, got.Stdout
	if c.HelpOnly {
		ws, gs = firstLine(ws), firstLine(gs)
	}
	if c.Normalize != nil {
		ws, gs = c.Normalize(ws), c.Normalize(gs)
	}
	if c.SortStdout {
		ws, gs = sortLines(ws), sortLines(gs)
	}
	if ws != gs {
		t.Errorf("%s: stdout differs\nreal:\n%s\nbuiltin:\n%s", cmdline, show(ws), show(gs))
	}
	we, ge := want.Stderr, got.Stderr
	if c.NormalizeStderr != nil {
		we, ge = c.NormalizeStderr(we), c.NormalizeStderr(ge)
	}
	if c.SortStderr {
		we, ge = sortLines(we), sortLines(ge)
	}
	if c.IgnoreStderr {
		if (we == "") != (ge == "") {
			t.Errorf("%s: stderr differs\nreal:\n%s\nbuiltin:\n%s", cmdline, show(we), show(ge))
		}
	} else if we != ge {
		t.Errorf("%s: stderr differs\nreal:\n%s\nbuiltin:\n%s", cmdline, show(we), show(ge))
	}
	if want.Status != got.Status {
		t.Errorf("%s: exit status: real %d, builtin %d", cmdline, want.Status, got.Status)
	}
	if d := diffTrees(want.Tree, got.Tree, cmpOpts{times: c.Times, atimes: c.Atimes, links: c.Links, slack: c.TimeSlack}, start); d != "" {
		t.Errorf("%s: trees differ (real vs builtin):\n%s", cmdline, d)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i+1]
	}
	return s
}

func sortLines(s string) string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if !strings.HasSuffix(l, "\n") {
			lines[i] = l + "\n"
		}
	}
	sort.Strings(lines)
	return strings.Join(lines, "")
}

func show(s string) string {
	if s == "" {
		return "\t(empty)"
	}
	var b strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if l == "" {
			continue
		}
		fmt.Fprintf(&b, "\t%q\n", l)
	}
	return strings.TrimRight(b.String(), "\n")
}

// ---------------------------------------------------------------------------
// Fixtures

// Build creates tree in the new directory dir with os calls.
func Build(dir string, tree []Entry) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	real := func(p string) string { return filepath.Join(dir, filepath.FromSlash(p)) }
	exists := map[string]bool{".": true}
	var ensure func(p string) error
	ensure = func(p string) error {
		if exists[p] {
			return nil
		}
		if err := ensure(path.Dir(p)); err != nil {
			return err
		}
		exists[p] = true
		if _, err := os.Lstat(real(p)); err == nil {
			return nil
		}
		return os.Mkdir(real(p), 0o755)
	}
	for _, e := range tree {
		p := path.Clean(e.Path)
		if err := ensure(path.Dir(p)); err != nil {
			return err
		}
		var err error
		switch e.Type {
		case TypeDir:
			if p != "." {
				err = os.Mkdir(real(p), 0o755)
			}
			if err == nil && (e.Mode != 0 || e.mode0) {
				err = os.Chmod(real(p), osMode(e.Mode))
			}
		case TypeFile:
			err = os.WriteFile(real(p), []byte(e.Data), 0o644)
			if err == nil && (e.Mode != 0 || e.mode0) {
				err = os.Chmod(real(p), osMode(e.Mode))
			}
		case TypeSymlink:
			err = os.Symlink(e.Target, real(p))
		case TypeHardlink:
			err = os.Link(real(e.Target), real(p))
		}
		if err == nil && e.Owned {
			err = os.Lchown(real(p), e.UID, e.GID)
		}
		if err != nil {
			return fmt.Errorf("building %s: %w", e.Path, err)
		}
		exists[p] = true
	}
	for i := len(tree) - 1; i >= 0; i-- {
		e := tree[i]
		if e.Time.IsZero() || e.Type == TypeSymlink {
			continue
		}
		if err := os.Chtimes(real(e.Path), e.Time, e.Time); err != nil {
			return err
		}
	}
	return nil
}

// osMode converts the special bits of an fs.FileMode for os.Chmod, which
// takes them in the same fs.FileMode form.
func osMode(m fs.FileMode) fs.FileMode {
	return m & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
}

// openNoAtime opens a file for reading without touching its access time.
func openNoAtime(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NOATIME, 0)
	if err != nil && errors.Is(err, syscall.EPERM) {
		f, err = os.Open(name)
	}
	return f, err
}

// CopyTree copies the directory src to the new directory dst with modes,
// owners, times, symlinks and hard links.
func CopyTree(src, dst string) error {
	type timed struct {
		path         string
		atime, mtime time.Time
	}
	var times []timed
	links := map[uint64]string{}
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st := fi.Sys().(*syscall.Stat_t)
		switch {
		case fi.IsDir():
			if err := os.Mkdir(target, 0o700); err != nil {
				return err
			}
		case fi.Mode()&fs.ModeSymlink != 0:
			t, err := os.Readlink(p)
			if err != nil {
				return err
			}
			if err := os.Symlink(t, target); err != nil {
				return err
			}
			return os.Lchown(target, int(st.Uid), int(st.Gid))
		case fi.Mode().IsRegular():
			if first, ok := links[st.Ino]; ok && st.Nlink > 1 {
				return os.Link(first, target)
			}
			links[st.Ino] = target
			in, err := openNoAtime(p)
			if err != nil {
				return err
			}
			out, err := os.OpenFile(target, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if err != nil {
				in.Close()
				return err
			}
			_, err = io.Copy(out, in)
			in.Close()
			if cerr := out.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		default:
			return fmt.Errorf("builtintest: cannot copy special file %s", p)
		}
		if err := os.Lchown(target, int(st.Uid), int(st.Gid)); err != nil {
			return err
		}
		if err := os.Chmod(target, osMode(fi.Mode())); err != nil {
			return err
		}
		times = append(times, timed{target, time.Unix(st.Atim.Unix()), time.Unix(st.Mtim.Unix())})
		return nil
	})
	if err != nil {
		return err
	}
	for i := len(times) - 1; i >= 0; i-- {
		if err := os.Chtimes(times[i].path, times[i].atime, times[i].mtime); err != nil {
			return err
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Snapshots

// Node is one entry of a Snapshot.
type Node struct {
	Type         string // "dir", "file", "symlink", "other"
	Mode         fs.FileMode
	Data         string
	Target       string
	UID, GID     uint32
	Nlink        uint64
	Atime, Mtime time.Time
}

// Snapshot maps slash paths relative to the root ("." for the root) to
// their entries.
type Snapshot map[string]Node

func node(fi fs.FileInfo) Node {
	n := Node{Mode: fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky), Mtime: fi.ModTime()}
	switch {
	case fi.IsDir():
		n.Type = "dir"
	case fi.Mode()&fs.ModeSymlink != 0:
		n.Type = "symlink"
		n.Mode = 0
	case fi.Mode().IsRegular():
		n.Type = "file"
	default:
		n.Type = "other"
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		n.UID, n.GID, n.Nlink = st.Uid, st.Gid, st.Nlink
		n.Atime = time.Unix(st.Atim.Unix())
		n.Mtime = time.Unix(st.Mtim.Unix())
	}
	return n
}

// SnapshotDir records the real directory dir with os calls, reading files
// without changing their access times.
func SnapshotDir(dir string) (Snapshot, error) {
	s := Snapshot{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		n := node(fi)
		switch n.Type {
		case "symlink":
			n.Target, err = os.Readlink(p)
		case "file":
			var f *os.File
			if f, err = openNoAtime(p); err == nil {
				var b []byte
				b, err = io.ReadAll(f)
				f.Close()
				n.Data = string(b)
			}
		}
		s[rel] = n
		return err
	})
	return s, err
}

// SnapshotFS records the whole of fsys from its root.
func SnapshotFS(fsys vfs.FS) (Snapshot, error) {
	s := Snapshot{}
	var walk func(p, rel string) error
	walk = func(p, rel string) error {
		fi, _, err := fsys.LstatIfPossible(p)
		if err != nil {
			return err
		}
		n := node(fi)
		switch n.Type {
		case "symlink":
			if n.Target, err = fsys.ReadlinkIfPossible(p); err != nil {
				return err
			}
		case "file":
			f, err := fsys.Open(p)
			if err != nil {
				return err
			}
			b, err := io.ReadAll(f)
			f.Close()
			if err != nil {
				return err
			}
			n.Data = string(b)
		}
		s[rel] = n
		if n.Type != "dir" {
			return nil
		}
		entries, err := fsys.ReadDir(p)
		if err != nil {
			return err
		}
		for _, e := range entries {
			cp := vfs.Join(p, e.Name())
			crel := e.Name()
			if rel != "." {
				crel = rel + "/" + e.Name()
			}
			if err := walk(cp, crel); err != nil {
				return err
			}
		}
		return nil
	}
	return s, walk("/", ".")
}

type cmpOpts struct {
	times, atimes, links bool
	exact                bool // compare times exactly, even recent ones
	slack                time.Duration
}

// sameTime compares two times: exactly (within slack) when either is
// before start (set on purpose), and as equal when both are at or after it
// ("now").
func sameTime(a, b, start time.Time, exact bool, slack time.Duration) bool {
	if d := a.Sub(b); d <= slack && d >= -slack {
		return true
	}
	if exact {
		return false
	}
	cut := start.Add(-2 * time.Second)
	if !a.Before(cut) && !b.Before(cut) {
		return true
	}
	return a.Equal(b)
}

func diffTrees(want, got Snapshot, o cmpOpts, start time.Time) string {
	var paths []string
	for p := range want {
		paths = append(paths, p)
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	var b strings.Builder
	shown := 0
	for _, p := range paths {
		if shown >= 40 {
			b.WriteString("\t...\n")
			break
		}
		before := b.Len()
		diffOne(&b, p, want, got, o, start)
		if b.Len() != before {
			shown++
		}
	}
	return b.String()
}

// diffOne describes how the entry p differs between the two snapshots.
func diffOne(b *strings.Builder, p string, want, got Snapshot, o cmpOpts, start time.Time) {
	w, wok := want[p]
	g, gok := got[p]
	switch {
	case !wok:
		fmt.Fprintf(b, "\t%s: only in builtin: %s\n", p, describe(g))
		return
	case !gok:
		fmt.Fprintf(b, "\t%s: only in real: %s\n", p, describe(w))
		return
	}
	var diffs []string
	if w.Type != g.Type {
		diffs = append(diffs, fmt.Sprintf("type %s vs %s", w.Type, g.Type))
	}
	if w.Mode != g.Mode {
		diffs = append(diffs, fmt.Sprintf("mode %v vs %v", w.Mode, g.Mode))
	}
	if w.Data != g.Data {
		diffs = append(diffs, fmt.Sprintf("data %q vs %q", clip(w.Data), clip(g.Data)))
	}
	if w.Target != g.Target {
		diffs = append(diffs, fmt.Sprintf("target %q vs %q", w.Target, g.Target))
	}
	if w.UID != g.UID || w.GID != g.GID {
		diffs = append(diffs, fmt.Sprintf("owner %d:%d vs %d:%d", w.UID, w.GID, g.UID, g.GID))
	}
	if o.links && w.Type == "file" && w.Nlink != g.Nlink {
		diffs = append(diffs, fmt.Sprintf("nlink %d vs %d", w.Nlink, g.Nlink))
	}
	if o.times && w.Type != "symlink" && !sameTime(w.Mtime, g.Mtime, start, o.exact, o.slack) {
		diffs = append(diffs, fmt.Sprintf("mtime %s vs %s", fmtTime(w.Mtime), fmtTime(g.Mtime)))
	}
	if o.atimes && w.Type != "symlink" && !sameTime(w.Atime, g.Atime, start, o.exact, o.slack) {
		diffs = append(diffs, fmt.Sprintf("atime %s vs %s", fmtTime(w.Atime), fmtTime(g.Atime)))
	}
	if len(diffs) > 0 {
		fmt.Fprintf(b, "\t%s: %s\n", p, strings.Join(diffs, "; "))
	}
}

func fmtTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func describe(n Node) string {
	switch n.Type {
	case "symlink":
		return "symlink -> " + n.Target
	case "file":
		return fmt.Sprintf("file %v %q", n.Mode, clip(n.Data))
	}
	return fmt.Sprintf("%s %v", n.Type, n.Mode)
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
