package overlay_test

// Tests for the overlay invariants of /work/shared/overlay-invariants.md,
// one test (or a table of subtests) per numbered invariant. Invariants 1-39
// are here; 40-78 and the Changes tests are in invariants2_test.go.
//
// Every test builds its lower tree in t.TempDir() with os calls, mounts the
// overlay on it with invLower.mount, and works through the overlay only. The
// mount registers a cleanup that compares the lower directory with the
// snapshot taken at mount time, so every test also asserts that the lower
// directory is byte-for-byte and mode-for-mode unchanged.
//
// The reference for every expectation is what a plain Linux directory does
// with the same operations.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs/overlay"
)

// ---------------------------------------------------------------------------
// Lower directory: building, snapshotting, checking.

// invEntry is what the snapshot records of one lower path.
type invEntry struct {
	Mode         fs.FileMode
	Uid, Gid     uint32
	Size         int64
	Ino, Nlink   uint64
	Mtime, Ctime int64 // nanoseconds; atime is left out, reads may change it
	Data         string
	Target       string
}

// invLower is the lower directory of one test.
type invLower struct {
	t    *testing.T
	dir  string
	snap map[string]invEntry
}

func invNewLower(t *testing.T) *invLower {
	t.Helper()
	return &invLower{t: t, dir: t.TempDir()}
}

func (l *invLower) path(rel string) string { return filepath.Join(l.dir, filepath.FromSlash(rel)) }

// file writes a regular file with mode 0644, creating parents.
func (l *invLower) file(rel, data string) { l.fileMode(rel, data, 0o644) }

func (l *invLower) fileMode(rel, data string, perm fs.FileMode) {
	l.t.Helper()
	p := l.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		l.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), perm); err != nil {
		l.t.Fatal(err)
	}
	if err := os.Chmod(p, perm); err != nil {
		l.t.Fatal(err)
	}
}

// mkdir makes a directory with mode 0755, creating parents.
func (l *invLower) mkdir(rel string) {
	l.t.Helper()
	if err := os.MkdirAll(l.path(rel), 0o755); err != nil {
		l.t.Fatal(err)
	}
}

func (l *invLower) symlink(target, rel string) {
	l.t.Helper()
	p := l.path(rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		l.t.Fatal(err)
	}
	if err := os.Symlink(target, p); err != nil {
		l.t.Fatal(err)
	}
}

func (l *invLower) hardlink(oldRel, newRel string) {
	l.t.Helper()
	if err := os.Link(l.path(oldRel), l.path(newRel)); err != nil {
		l.t.Fatal(err)
	}
}

func (l *invLower) chmod(rel string, mode fs.FileMode) {
	l.t.Helper()
	if err := os.Chmod(l.path(rel), mode); err != nil {
		l.t.Fatal(err)
	}
}

func (l *invLower) chown(rel string, uid, gid int) {
	l.t.Helper()
	if err := os.Lchown(l.path(rel), uid, gid); err != nil {
		l.t.Fatal(err)
	}
}

func (l *invLower) chtimes(rel string, when time.Time) {
	l.t.Helper()
	if err := os.Chtimes(l.path(rel), when, when); err != nil {
		l.t.Fatal(err)
	}
}

func (l *invLower) lstat(rel string) *syscall.Stat_t {
	l.t.Helper()
	var st syscall.Stat_t
	if err := syscall.Lstat(l.path(rel), &st); err != nil {
		l.t.Fatal(err)
	}
	return &st
}

// mount snapshots the lower directory and mounts an overlay on it. When
// the test ends the overlay is closed and the lower directory must still
// match the snapshot.
func (l *invLower) mount(opts ...overlay.Option) *overlay.FS {
	l.t.Helper()
	l.snap = invSnapshot(l.t, l.dir)
	o, err := overlay.New(l.dir, opts...)
	if err != nil {
		l.t.Fatalf("overlay.New: %v", err)
	}
	l.t.Cleanup(func() {
		l.check()
		o.Close()
	})
	return o
}

// accept takes a new snapshot after the test changed the lower directory
// on purpose, behind the overlay's back.
func (l *invLower) accept() { l.snap = invSnapshot(l.t, l.dir) }

// check reports every difference between the lower directory and the
// snapshot.
func (l *invLower) check() {
	l.t.Helper()
	now := invSnapshot(l.t, l.dir)
	var keys []string
	for k := range l.snap {
		keys = append(keys, k)
	}
	for k := range now {
		if _, ok := l.snap[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		a, inA := l.snap[k]
		b, inB := now[k]
		switch {
		case !inB:
			l.t.Errorf("lower directory changed: %s was removed", k)
		case !inA:
			l.t.Errorf("lower directory changed: %s was created (%v)", k, b.Mode)
		case a != b:
			l.t.Errorf("lower directory changed: %s\n  before: %+v\n  after:  %+v", k, a, b)
		}
	}
}

// invSnapshot records every path below dir (dir itself as ".") with its
// mode, owner, size, inode, link count, mtime, ctime, and the bytes of
// regular files and targets of symlinks. It never opens anything but
// regular files, so FIFOs are safe.
func invSnapshot(t *testing.T, dir string) map[string]invEntry {
	t.Helper()
	out := map[string]invEntry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		st := fi.Sys().(*syscall.Stat_t)
		e := invEntry{
			Mode: fi.Mode(), Uid: st.Uid, Gid: st.Gid, Size: st.Size,
			Ino: st.Ino, Nlink: st.Nlink,
			Mtime: st.Mtim.Nano(), Ctime: st.Ctim.Nano(),
		}
		switch {
		case fi.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.Data = string(b)
		case fi.Mode()&fs.ModeSymlink != 0:
			if e.Target, err = os.Readlink(p); err != nil {
				return err
			}
		}
		out[filepath.ToSlash(rel)] = e
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot of %s: %v", dir, err)
	}
	return out
}

// ---------------------------------------------------------------------------
// Assertions on the overlay.

func invOK(t *testing.T, err error, what string) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// invIs checks that err wraps the errno want.
func invIs(t *testing.T, err error, want syscall.Errno, what string) {
	t.Helper()
	if !errors.Is(err, want) {
		t.Errorf("%s: err = %v, want %v (%s)", what, err, want, invErrnoName(want))
	}
}

func invErrnoName(e syscall.Errno) string {
	names := map[syscall.Errno]string{
		syscall.ENOENT: "ENOENT", syscall.EEXIST: "EEXIST", syscall.ENOTDIR: "ENOTDIR",
		syscall.EISDIR: "EISDIR", syscall.ENOTEMPTY: "ENOTEMPTY", syscall.EINVAL: "EINVAL",
		syscall.EROFS: "EROFS", syscall.EPERM: "EPERM", syscall.ENXIO: "ENXIO",
		syscall.EBADF: "EBADF", syscall.ELOOP: "ELOOP", syscall.ENOSPC: "ENOSPC",
		syscall.EBUSY: "EBUSY", syscall.ENAMETOOLONG: "ENAMETOOLONG", syscall.EXDEV: "EXDEV",
	}
	if n, ok := names[e]; ok {
		return n
	}
	return fmt.Sprintf("errno %d", int(e))
}

// invRead returns the contents of name read through the overlay.
func invRead(t *testing.T, o *overlay.FS, name string) string {
	t.Helper()
	f, err := o.Open(name)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(b)
}

// invWant checks the contents of name.
func invWant(t *testing.T, o *overlay.FS, name, want string) {
	t.Helper()
	if got := invRead(t, o, name); got != want {
		t.Errorf("contents of %s = %q, want %q", name, got, want)
	}
}

// invPut creates or truncates name through the overlay and writes data.
func invPut(t *testing.T, o *overlay.FS, name, data string) {
	t.Helper()
	f, err := o.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatalf("create %s: %v", name, err)
	}
	if _, err := f.Write([]byte(data)); err != nil {
		t.Fatalf("write %s: %v", name, err)
	}
	if err := f.Close(); err != nil {
		t.Fatalf("close %s: %v", name, err)
	}
}

// invNames lists the directory name through the overlay.
func invNames(t *testing.T, o *overlay.FS, name string) []string {
	t.Helper()
	entries, err := o.ReadDir(name)
	if err != nil {
		t.Fatalf("readdir %s: %v", name, err)
	}
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = e.Name()
	}
	return out
}

func invWantNames(t *testing.T, o *overlay.FS, dir string, want ...string) {
	t.Helper()
	got := invNames(t, o, dir)
	if want == nil {
		want = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("readdir %s = %q, want %q", dir, got, want)
	}
}

func invStatT(fi fs.FileInfo) *syscall.Stat_t {
	st, _ := fi.Sys().(*syscall.Stat_t)
	return st
}

// invLstat returns the lstat result of name, failing the test on error.
func invLstat(t *testing.T, o *overlay.FS, name string) fs.FileInfo {
	t.Helper()
	fi, err := o.Lstat(name)
	if err != nil {
		t.Fatalf("lstat %s: %v", name, err)
	}
	return fi
}

func invStat(t *testing.T, o *overlay.FS, name string) fs.FileInfo {
	t.Helper()
	fi, err := o.Stat(name)
	if err != nil {
		t.Fatalf("stat %s: %v", name, err)
	}
	return fi
}

func invIno(t *testing.T, o *overlay.FS, name string) uint64 {
	t.Helper()
	return invStatT(invLstat(t, o, name)).Ino
}

// invGone checks that name does not exist in the view: stat, lstat,
// readlink and open all give ENOENT.
func invGone(t *testing.T, o *overlay.FS, name string) {
	t.Helper()
	_, err := o.Lstat(name)
	invIs(t, err, syscall.ENOENT, "lstat "+name)
	_, err = o.Stat(name)
	invIs(t, err, syscall.ENOENT, "stat "+name)
	_, err = o.Readlink(name)
	invIs(t, err, syscall.ENOENT, "readlink "+name)
	f, err := o.Open(name)
	if err == nil {
		f.Close()
	}
	invIs(t, err, syscall.ENOENT, "open "+name)
}

// invChanges returns o.Changes() as one line per change: kind, path and
// the flags that are set, such as "modified /f mode".
func invChanges(t *testing.T, o *overlay.FS) []string {
	t.Helper()
	cs, err := o.Changes()
	if err != nil {
		t.Fatalf("Changes: %v", err)
	}
	out := []string{}
	for _, c := range cs {
		s := c.Kind.String() + " " + c.Path
		if c.Type {
			s += " type"
		}
		if c.Content {
			s += " content"
		}
		if c.Mode {
			s += " mode"
		}
		if c.Target {
			s += " target"
		}
		out = append(out, s)
	}
	return out
}

func invWantChanges(t *testing.T, o *overlay.FS, want ...string) {
	t.Helper()
	got := invChanges(t, o)
	if want == nil {
		want = []string{}
	}
	if !slices.Equal(got, want) {
		t.Errorf("Changes() =\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

// invPrompt runs f and fails the test if it does not return within a few
// seconds, so that a hang (a FIFO opened for real, say) fails instead of
// blocking the run.
func invPrompt(t *testing.T, what string, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("%s: still blocked after 5s", what)
		return nil
	}
}

// ---------------------------------------------------------------------------
// Lookup and visibility

func TestInvariant01UpperShadowsLower(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower")
	l.file("d/g", "lower g")
	o := l.mount()

	invPut(t, o, "f", "upper!")
	invPut(t, o, "d/g", "upper g")
	invWant(t, o, "f", "upper!")
	invWant(t, o, "d/g", "upper g")
	if fi := invStat(t, o, "f"); fi.Size() != int64(len("upper!")) {
		t.Errorf("size of f = %d, want %d", fi.Size(), len("upper!"))
	}
	// A later open, read-write this time, still sees the upper copy.
	f, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f rw")
	b, _ := io.ReadAll(f)
	f.Close()
	if string(b) != "upper!" {
		t.Errorf("read-write open of f reads %q, want %q", b, "upper!")
	}
}

func TestInvariant02UpperNonDirHidesLowerSubtree(t *testing.T) {
	l := invNewLower(t)
	l.file("d/x", "x")
	l.file("d/sub/y", "y")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	invPut(t, o, "d", "now a file")

	_, err := o.Stat("d/x")
	invIs(t, err, syscall.ENOTDIR, "stat d/x")
	_, err = o.Lstat("d/sub/y")
	invIs(t, err, syscall.ENOTDIR, "lstat d/sub/y")
	_, err = o.Open("d/x")
	invIs(t, err, syscall.ENOTDIR, "open d/x")
	_, err = o.ReadDir("d")
	invIs(t, err, syscall.ENOTDIR, "readdir d")
	_, err = o.OpenFile("d/new", os.O_WRONLY|os.O_CREATE, 0o644)
	invIs(t, err, syscall.ENOTDIR, "create d/new")
	invIs(t, o.Mkdir("d/sub", 0o755), syscall.ENOTDIR, "mkdir d/sub")
	invIs(t, o.Remove("d/x"), syscall.ENOTDIR, "remove d/x")
	invIs(t, o.Rename("d/x", "x2"), syscall.ENOTDIR, "rename d/x")
	invWant(t, o, "d", "now a file")

	// The same with a symlink in place of the directory: lookups below it
	// follow the link and never reach the old lower children.
	l2 := invNewLower(t)
	l2.file("d/x", "x")
	l2.file("other", "o")
	o2 := l2.mount()
	invOK(t, o2.RemoveAll("d"), "removeall d")
	invOK(t, o2.Symlink("other", "d"), "symlink d")
	_, err = o2.Stat("d/x")
	invIs(t, err, syscall.ENOTDIR, "stat d/x through symlink to file")
}

func TestInvariant03MergedDirectoryIsUnion(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "lower a")
	l.file("d/b", "lower b")
	l.mkdir("d/sub")
	o := l.mount()

	invPut(t, o, "d/c", "upper c")
	invPut(t, o, "d/a", "upper a")
	invOK(t, o.Mkdir("d/e", 0o755), "mkdir d/e")

	invWantNames(t, o, "d", "a", "b", "c", "e", "sub")
	invWant(t, o, "d/a", "upper a")
	invWant(t, o, "d/b", "lower b")
	invWant(t, o, "d/c", "upper c")

	entries, err := o.ReadDir("d")
	invOK(t, err, "readdir d")
	types := map[string]bool{}
	for _, e := range entries {
		types[e.Name()] = e.IsDir()
	}
	want := map[string]bool{"a": false, "b": false, "c": false, "e": true, "sub": true}
	for n, isDir := range want {
		if types[n] != isDir {
			t.Errorf("entry %s IsDir = %v, want %v", n, types[n], isDir)
		}
	}
}

func TestInvariant04WhiteoutGivesENOENT(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "data")
	l.file("target", "t")
	l.symlink("target", "ln")
	l.file("d/g", "g")
	o := l.mount()

	for _, n := range []string{"f", "ln", "d/g"} {
		invOK(t, o.Remove(n), "remove "+n)
		invGone(t, o, n)
		_, err := o.OpenFile(n, os.O_RDWR, 0)
		invIs(t, err, syscall.ENOENT, "open rw "+n)
	}
	// The target of the removed link is still there.
	invWant(t, o, "target", "t")
}

func TestInvariant05WhiteoutsNeverListed(t *testing.T) {
	l := invNewLower(t)
	l.file("a", "")
	l.file("b", "")
	l.file("c", "")
	l.file("d/x", "")
	l.file("d/y", "")
	l.file("e/z", "")
	o := l.mount()

	invOK(t, o.Remove("b"), "remove b")
	invOK(t, o.Remove("d/x"), "remove d/x")
	invOK(t, o.RemoveAll("e"), "removeall e")
	invWantNames(t, o, "/", "a", "c", "d")
	invWantNames(t, o, "d", "y")

	// Through an open directory handle as well.
	f, err := o.Open("/")
	invOK(t, err, "open /")
	names, err := f.Readdirnames(-1)
	f.Close()
	invOK(t, err, "readdirnames /")
	sort.Strings(names)
	if !slices.Equal(names, []string{"a", "c", "d"}) {
		t.Errorf("readdirnames / = %q, want [a c d]", names)
	}
}

func TestInvariant06WhiteoutHidesSubtree(t *testing.T) {
	l := invNewLower(t)
	l.file("d/e/f", "deep")
	l.symlink("f", "d/e/s")
	l.symlink("d/e", "ln")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	for _, n := range []string{"d", "d/e", "d/e/f", "d/e/s", "ln/f"} {
		invGone(t, o, n)
	}
	_, err := o.ReadDir("d/e")
	invIs(t, err, syscall.ENOENT, "readdir d/e")
	invIs(t, o.Chmod("d/e/f", 0o600), syscall.ENOENT, "chmod d/e/f")
	invIs(t, o.Remove("d/e/f"), syscall.ENOENT, "remove d/e/f")
	invIs(t, o.Rename("d/e/f", "g"), syscall.ENOENT, "rename d/e/f")
	invIs(t, o.Link("d/e/f", "g"), syscall.ENOENT, "link d/e/f")

	// A plain rmdir of the top directory after emptying it hides it too.
	l2 := invNewLower(t)
	l2.file("d/e/f", "deep")
	o2 := l2.mount()
	invOK(t, o2.Remove("d/e/f"), "remove d/e/f")
	invOK(t, o2.Remove("d/e"), "rmdir d/e")
	invGone(t, o2, "d/e")
	invGone(t, o2, "d/e/f")
}

func TestInvariant07ListingDeletedDir(t *testing.T) {
	t.Run("7-readdir-path", func(t *testing.T) {
		l := invNewLower(t)
		l.file("d/a", "")
		l.mkdir("e")
		o := l.mount()
		invOK(t, o.RemoveAll("d"), "removeall d")
		invOK(t, o.Remove("e"), "rmdir e")
		_, err := o.ReadDir("d")
		invIs(t, err, syscall.ENOENT, "readdir d")
		_, err = o.ReadDir("e")
		invIs(t, err, syscall.ENOENT, "readdir e")
		_, err = o.Open("d")
		invIs(t, err, syscall.ENOENT, "open d")
	})
	t.Run("7-open-handle-then-deleted", func(t *testing.T) {
		// Linux: getdents on a directory removed after it was opened
		// fails with ENOENT.
		l := invNewLower(t)
		l.file("d/a", "")
		o := l.mount()
		f, err := o.Open("d")
		invOK(t, err, "open d")
		defer f.Close()
		invOK(t, o.RemoveAll("d"), "removeall d")
		names, err := f.Readdirnames(-1)
		if len(names) != 0 {
			t.Errorf("readdir of deleted directory listed %q", names)
		}
		invIs(t, err, syscall.ENOENT, "readdir of open handle on deleted d")
	})
}

func TestInvariant08DotDotDotAndEmpty(t *testing.T) {
	l := invNewLower(t)
	l.file("d/e/x", "x")
	l.file("f", "f")
	l.symlink("d/e", "s")
	o := l.mount()
	invPut(t, o, "d/new", "n") // d is merged now; d/e stays lower-only

	root := invIno(t, o, "/")
	d := invIno(t, o, "d")
	e := invIno(t, o, "d/e")
	cases := []struct {
		name string
		want uint64
	}{
		{".", root}, {"/.", root}, {"..", root}, {"/..", root}, {"../..", root}, {"/../..", root},
		{"d/.", d}, {"d/./.", d}, {"d/..", root}, {"d/e/..", d}, {"d/e/../..", root},
		{"d/e/.", e}, {"d//e", e}, {"d/e//", e}, {"//d///e", e}, {"/../d/../d/e", e},
		{"s/..", d}, // ".." is physical: the parent of d/e, not of s
		{"s/.", e},
	}
	for _, c := range cases {
		fi, err := o.Stat(c.name)
		if err != nil {
			t.Errorf("stat %q: %v", c.name, err)
			continue
		}
		if !fi.IsDir() || invStatT(fi).Ino != c.want {
			t.Errorf("stat %q: dir=%v ino=%d, want a directory with ino %d", c.name, fi.IsDir(), invStatT(fi).Ino, c.want)
		}
	}
	invWant(t, o, "/../f", "f")
	invWant(t, o, "d/e/../../f", "f")
	invWant(t, o, "d//e///x", "x")
	invWant(t, o, "s/../new", "n")

	_, err := o.Stat("")
	invIs(t, err, syscall.ENOENT, `stat ""`)
	_, err = o.Stat("f/.")
	invIs(t, err, syscall.ENOTDIR, "stat f/.")
	_, err = o.Stat("f/..")
	invIs(t, err, syscall.ENOTDIR, "stat f/..")
	invIs(t, o.Mkdir("d/.", 0o755), syscall.EEXIST, "mkdir d/.")
	invIs(t, o.Remove("d/e/."), syscall.EINVAL, "rmdir d/e/.")
	invIs(t, o.Remove("d/e/.."), syscall.ENOTEMPTY, "rmdir d/e/..")
	invWantNames(t, o, "d/.", "e", "new")
	invWantNames(t, o, "d/e/..", "e", "new")
}

func TestInvariant09BadNamesRejected(t *testing.T) {
	// Paths are slash-separated strings, so no component can ever contain
	// "/": a slash always separates components, and "d/x" given to Mkdir
	// names x inside d. What is left to reject is a byte no name may hold:
	// a NUL gives EINVAL, as with Linux system calls, and must never be
	// cut short to a shorter name that exists.
	l := invNewLower(t)
	l.file("a", "a")
	l.mkdir("d")
	o := l.mount()

	for _, bad := range []string{"a\x00b", "a\x00", "d/\x00", "d\x00/x"} {
		q := fmt.Sprintf("%q", bad)
		_, err := o.Stat(bad)
		invIs(t, err, syscall.EINVAL, "stat "+q)
		_, err = o.Lstat(bad)
		invIs(t, err, syscall.EINVAL, "lstat "+q)
		_, err = o.Open(bad)
		invIs(t, err, syscall.EINVAL, "open "+q)
		_, err = o.OpenFile(bad, os.O_WRONLY|os.O_CREATE, 0o644)
		invIs(t, err, syscall.EINVAL, "create "+q)
		_, err = o.ReadDir(bad)
		invIs(t, err, syscall.EINVAL, "readdir "+q)
		_, err = o.Readlink(bad)
		invIs(t, err, syscall.EINVAL, "readlink "+q)
		invIs(t, o.Mkdir(bad, 0o755), syscall.EINVAL, "mkdir "+q)
		invIs(t, o.Remove(bad), syscall.EINVAL, "remove "+q)
		invIs(t, o.Chmod(bad, 0o600), syscall.EINVAL, "chmod "+q)
		invIs(t, o.Rename("a", bad), syscall.EINVAL, "rename a to "+q)
		invIs(t, o.Rename(bad, "z"), syscall.EINVAL, "rename "+q+" to z")
		invIs(t, o.Symlink("a", bad), syscall.EINVAL, "symlink at "+q)
		invIs(t, o.Link("a", bad), syscall.EINVAL, "link to "+q)
	}
	invOK(t, o.Mkdir("d/x", 0o755), "mkdir d/x")
	invWantNames(t, o, "d", "x")
	invWantNames(t, o, "/", "a", "d")
	t.Run("9-nul-in-symlink-target", func(t *testing.T) {
		// symlink(2) takes a C string; Go's os.Symlink rejects a NUL in
		// the target with EINVAL.
		err := o.Symlink("a\x00b", "s")
		invIs(t, err, syscall.EINVAL, `symlink "a\x00b" s`)
		if err == nil {
			o.Remove("s")
		}
	})
}

func TestInvariant10WhiteoutLookalikesAreOrdinaryNames(t *testing.T) {
	l := invNewLower(t)
	l.file(".wh.x", "not a whiteout")
	l.file("x", "x")
	l.file("y", "y")
	l.file(".wh..wh..opq", "not an opaque marker")
	l.file("o/.wh..wh..opq", "")
	l.file("o/keep", "k")
	o := l.mount()

	invWantNames(t, o, "/", ".wh..wh..opq", ".wh.x", "o", "x", "y")
	invWantNames(t, o, "o", ".wh..wh..opq", "keep")
	invWant(t, o, "x", "x")
	invWant(t, o, ".wh.x", "not a whiteout")
	invWant(t, o, "o/keep", "k")

	invPut(t, o, ".wh.y", "a user's file")
	invWant(t, o, "y", "y")
	invOK(t, o.Remove("x"), "remove x")
	invWantNames(t, o, "/", ".wh..wh..opq", ".wh.x", ".wh.y", "o", "y")
	invOK(t, o.Remove(".wh.x"), "remove .wh.x")
	invGone(t, o, "x")
	invPut(t, o, "x", "new x")
	invWantNames(t, o, "/", ".wh..wh..opq", ".wh.y", "o", "x", "y")
	invWant(t, o, "x", "new x")
	invWantChanges(t, o, "deleted /.wh.x", "added /.wh.y", "modified /x content")
}

// Invariant 11 (several lower layers) does not apply: an overlay.FS has
// exactly one lower layer, the directory given to New.

func TestInvariant12OpaqueDirHidesLower(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	l.file("d/sub/b", "b")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	invOK(t, o.Mkdir("d", 0o755), "mkdir d")
	invWantNames(t, o, "d")
	invGone(t, o, "d/a")
	invGone(t, o, "d/sub")
	invGone(t, o, "d/sub/b")
	invPut(t, o, "d/c", "c")
	invWantNames(t, o, "d", "c")
	invOK(t, o.Mkdir("d/sub", 0o755), "mkdir d/sub")
	invWantNames(t, o, "d/sub")
	invGone(t, o, "d/sub/b")
	// The directory stays opaque when it moves.
	invOK(t, o.Rename("d", "e"), "rename d e")
	invWantNames(t, o, "e", "c", "sub")
	invWantNames(t, o, "e/sub")
}

// ---------------------------------------------------------------------------
// Delete

func TestInvariant13DeleteLowerFileRecordsWhiteout(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	l := invNewLower(t)
	l.file("d/f", "data")
	l.chtimes("d", old)
	o := l.mount()

	invOK(t, o.Remove("d/f"), "remove d/f")
	invGone(t, o, "d/f")
	invWantNames(t, o, "d")
	if _, err := os.Lstat(l.path("d/f")); err != nil {
		t.Errorf("lower d/f: %v", err)
	}
	// unlink(2) updates the parent's mtime.
	if mt := invStat(t, o, "d").ModTime(); !mt.After(old) {
		t.Errorf("mtime of d after the delete = %v, want later than %v", mt, old)
	}
	invWantChanges(t, o, "deleted /d/f")
}

func TestInvariant14DeleteUpperOnlyFileNoWhiteout(t *testing.T) {
	l := invNewLower(t)
	l.mkdir("d")
	o := l.mount()

	invPut(t, o, "d/n", "x")
	invOK(t, o.Remove("d/n"), "remove d/n")
	invGone(t, o, "d/n")
	invWantNames(t, o, "d")
	invWantChanges(t, o)

	// No whiteout was recorded: a file that appears in the lower directory
	// afterwards (behind the overlay's back) shows through.
	l.file("d/n", "appeared")
	l.accept()
	invWant(t, o, "d/n", "appeared")
}

func TestInvariant15DeleteFileInBothLayers(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower f")
	l.file("g", "lower g")
	o := l.mount()

	invPut(t, o, "f", "upper f")             // a full copy-up
	invOK(t, o.Chmod("g", 0o600), "chmod g") // a metadata-only copy-up
	invOK(t, o.Remove("f"), "remove f")
	invOK(t, o.Remove("g"), "remove g")
	invGone(t, o, "f")
	invGone(t, o, "g")
	invWantNames(t, o, "/")
	invWantChanges(t, o, "deleted /f", "deleted /g")
}

func TestInvariant16WhiteoutAtomicWithRemoval(t *testing.T) {
	// Recording a whiteout is an insert into an in-memory set, which cannot
	// fail, so the failure half of this invariant cannot be provoked. What
	// can be checked is the atomicity: a reader running alongside the
	// deletes never sees the lower copy, not even for a moment.
	l := invNewLower(t)
	l.file("f", "lower")
	o := l.mount()
	invPut(t, o, "f", "the upper copy")

	var stop atomic.Bool
	var sawLower, otherErr atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				f, err := o.Open("f")
				if err != nil {
					if !errors.Is(err, syscall.ENOENT) {
						otherErr.Add(1)
					}
					continue
				}
				b, err := io.ReadAll(f)
				f.Close()
				if err == nil && string(b) == "lower" {
					sawLower.Add(1)
				}
				if fi, err := o.Stat("f"); err == nil && fi.Size() == int64(len("lower")) {
					sawLower.Add(1)
				}
			}
		}()
	}
	for range 300 {
		invOK(t, o.Remove("f"), "remove f")
		invPut(t, o, "f", "the upper copy")
	}
	invOK(t, o.Remove("f"), "remove f")
	stop.Store(true)
	wg.Wait()
	if n := sawLower.Load(); n > 0 {
		t.Errorf("readers saw the lower copy of f %d times", n)
	}
	if n := otherErr.Load(); n > 0 {
		t.Errorf("readers got %d errors other than ENOENT", n)
	}
	invGone(t, o, "f")
}

func TestInvariant17DeleteTwiceGivesENOENT(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "f")
	l.mkdir("d")
	l.file("e/x", "x")
	o := l.mount()

	invOK(t, o.Remove("f"), "remove f")
	invIs(t, o.Remove("f"), syscall.ENOENT, "second remove f")
	invOK(t, o.Remove("d"), "rmdir d")
	invIs(t, o.Remove("d"), syscall.ENOENT, "second rmdir d")
	invOK(t, o.RemoveAll("e"), "removeall e")
	invIs(t, o.Remove("e"), syscall.ENOENT, "remove e after removeall")
	invIs(t, o.Remove("e/x"), syscall.ENOENT, "remove e/x after removeall")
	invOK(t, o.RemoveAll("e"), "second removeall e") // as os.RemoveAll: no error
	invPut(t, o, "n", "n")
	invOK(t, o.Remove("n"), "remove n")
	invIs(t, o.Remove("n"), syscall.ENOENT, "second remove n")
	invIs(t, o.Remove("never"), syscall.ENOENT, "remove never")
}

func TestInvariant18DeleteErrorsPropagate(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "f")
	l.file("d/x", "x")
	o := l.mount()

	invIs(t, o.Remove("f/x"), syscall.ENOTDIR, "remove f/x (parent is a lower file)")
	invOK(t, o.RemoveAll("d"), "removeall d")
	invPut(t, o, "d", "a file now")
	invIs(t, o.Remove("d/x"), syscall.ENOTDIR, "remove d/x (parent is an upper file)")
	invIs(t, o.Remove("missing/x"), syscall.ENOENT, "remove missing/x")
	invWant(t, o, "d", "a file now")
	invWantChanges(t, o, "modified /d type", "deleted /d/x")
}

func TestInvariant19RmdirNonEmptyMergedDir(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "")
	l.file("d/b", "")
	l.mkdir("e")
	l.mkdir("g/sub")
	o := l.mount()

	invIs(t, o.Remove("d"), syscall.ENOTEMPTY, "rmdir d (lower children)")
	invOK(t, o.Remove("d/a"), "remove d/a")
	invIs(t, o.Remove("d"), syscall.ENOTEMPTY, "rmdir d (one lower child left)")
	invPut(t, o, "e/n", "")
	invIs(t, o.Remove("e"), syscall.ENOTEMPTY, "rmdir e (upper child)")
	invIs(t, o.Remove("g"), syscall.ENOTEMPTY, "rmdir g (lower child dir)")
	invWantNames(t, o, "d", "b")
	invWantNames(t, o, "e", "n")
	invWantNames(t, o, "g", "sub")
}

func TestInvariant20RmdirAllWhitedOut(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	l.file("d/b", "b")
	l.file("e/a", "ea")
	l.file("e/c", "ec")
	o := l.mount()

	invOK(t, o.Remove("d/a"), "remove d/a")
	invOK(t, o.Remove("d/b"), "remove d/b")
	invOK(t, o.Remove("d"), "rmdir d")
	invGone(t, o, "d")
	invGone(t, o, "d/a")
	// The whiteouts of the old d are gone with it: a directory moved to
	// the name shows all its own children.
	invOK(t, o.Rename("e", "d"), "rename e d")
	invWantNames(t, o, "d", "a", "c")
	invWant(t, o, "d/a", "ea")
	invWantChanges(t, o,
		"modified /d/a content", "deleted /d/b", "added /d/c",
		"deleted /e", "deleted /e/a", "deleted /e/c")

	// And a directory made at the name is empty.
	l2 := invNewLower(t)
	l2.file("d/a", "a")
	o2 := l2.mount()
	invOK(t, o2.Remove("d/a"), "remove d/a")
	invOK(t, o2.Remove("d"), "rmdir d")
	invOK(t, o2.Mkdir("d", 0o755), "mkdir d")
	invWantNames(t, o2, "d")
}

func TestInvariant21RmdirLowerOnlyDir(t *testing.T) {
	l := invNewLower(t)
	l.mkdir("e")
	l.mkdir("p/q")
	o := l.mount()

	invOK(t, o.Remove("e"), "rmdir e")
	invOK(t, o.Remove("p/q"), "rmdir p/q")
	invGone(t, o, "e")
	invGone(t, o, "p/q")
	invWantNames(t, o, "/", "p")
	invWantNames(t, o, "p")
	for _, n := range []string{"e", "p/q"} {
		if fi, err := os.Lstat(l.path(n)); err != nil || !fi.IsDir() {
			t.Errorf("lower %s: %v", n, err)
		}
	}
	invWantChanges(t, o, "deleted /e", "deleted /p/q")
}

func TestInvariant22RmdirUpperOnlyDir(t *testing.T) {
	l := invNewLower(t)
	o := l.mount()

	invOK(t, o.Mkdir("n", 0o755), "mkdir n")
	invOK(t, o.Mkdir("n/m", 0o755), "mkdir n/m")
	invPut(t, o, "n/m/f", "f")
	invIs(t, o.Remove("n"), syscall.ENOTEMPTY, "rmdir n")
	invIs(t, o.Remove("n/m"), syscall.ENOTEMPTY, "rmdir n/m")
	invOK(t, o.Remove("n/m/f"), "remove n/m/f")
	invOK(t, o.Remove("n/m"), "rmdir n/m")
	invOK(t, o.Remove("n"), "rmdir n")
	invGone(t, o, "n")
	invWantNames(t, o, "/")
	invWantChanges(t, o)
}

func TestInvariant23RemoveWrongType(t *testing.T) {
	// vfs.FS has a single Remove for unlink and rmdir, like os.Remove: it
	// removes an empty directory as rmdir does, so "unlink of a directory
	// gives EISDIR" has no call of its own to test. A trailing slash asks
	// for a directory, as with rmdir: on a file it gives ENOTDIR.
	l := invNewLower(t)
	l.file("f", "f")
	l.mkdir("d")
	o := l.mount()

	invIs(t, o.Remove("f/"), syscall.ENOTDIR, "remove f/ (lower file)")
	invWant(t, o, "f", "f")
	invPut(t, o, "u", "u")
	invIs(t, o.Remove("u/"), syscall.ENOTDIR, "remove u/ (upper file)")
	invWant(t, o, "u", "u")
	invOK(t, o.Remove("d/"), "remove d/")
	invWantChanges(t, o, "deleted /d", "added /u")
}

func TestInvariant24FailedDeleteNoSideEffects(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	l.file("f", "f")
	l.mkdir("e/g")
	o := l.mount()

	invIs(t, o.Remove("d"), syscall.ENOTEMPTY, "rmdir d")
	invIs(t, o.Remove("f/"), syscall.ENOTDIR, "remove f/")
	invIs(t, o.Remove("f/x"), syscall.ENOTDIR, "remove f/x")
	invIs(t, o.Remove("d/missing"), syscall.ENOENT, "remove d/missing")
	invIs(t, o.Remove("e"), syscall.ENOTEMPTY, "rmdir e")
	invIs(t, o.Remove("e/g/."), syscall.EINVAL, "rmdir e/g/.")
	invIs(t, o.Rename("e", "d"), syscall.ENOTEMPTY, "rename e d")

	invWantChanges(t, o)
	invWantNames(t, o, "/", "d", "e", "f")
	invWantNames(t, o, "d", "a")
	invWantNames(t, o, "e", "g")
	invWant(t, o, "d/a", "a")
	invWant(t, o, "f", "f")
	// No stray whiteout: removing what is left works and nothing else
	// disappeared.
	invOK(t, o.Remove("d/a"), "remove d/a")
	invOK(t, o.Remove("d"), "rmdir d")
	invWantChanges(t, o, "deleted /d", "deleted /d/a")
}

func TestInvariant25DeleteInOpaqueDir(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	invOK(t, o.Mkdir("d", 0o755), "mkdir d")
	invPut(t, o, "d/a", "new")
	invOK(t, o.Remove("d/a"), "remove d/a")
	invGone(t, o, "d/a")
	invWantNames(t, o, "d")
	invOK(t, o.Remove("d"), "rmdir d")
	invGone(t, o, "d")
	invOK(t, o.Mkdir("d", 0o755), "mkdir d again")
	invWantNames(t, o, "d")
	invWantChanges(t, o, "deleted /d/a")
}

func TestInvariant26DeleteDanglingLowerSymlink(t *testing.T) {
	l := invNewLower(t)
	l.symlink("nowhere", "dangle")
	l.symlink("missing/x", "d/dangle2")
	l.symlink("nowhere", "r")
	o := l.mount()

	invOK(t, o.Remove("dangle"), "remove dangle")
	invGone(t, o, "dangle")
	invOK(t, o.Remove("d/dangle2"), "remove d/dangle2")
	invGone(t, o, "d/dangle2")
	invOK(t, o.Rename("r", "r2"), "rename r r2")
	target, err := o.Readlink("r2")
	if err != nil || target != "nowhere" {
		t.Errorf("readlink r2 = %q, %v; want nowhere", target, err)
	}
	invGone(t, o, "r")
	_, err = o.Stat("r2")
	invIs(t, err, syscall.ENOENT, "stat r2 (dangling)")
	invOK(t, o.RemoveAll("d"), "removeall d")
	invWantNames(t, o, "/", "r2")
}

// ---------------------------------------------------------------------------
// Open handles and unlink

func TestInvariant27UnlinkOpenLowerFile(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "hello world")
	l.file("g", "hello world")
	l.file("d/h", "in a directory")
	o := l.mount()

	t.Run("27-read-only-handle", func(t *testing.T) {
		h, err := o.Open("f")
		invOK(t, err, "open f")
		defer h.Close()
		buf := make([]byte, 5)
		_, err = io.ReadFull(h, buf)
		invOK(t, err, "read f")
		invOK(t, o.Remove("f"), "remove f")
		invGone(t, o, "f")
		rest, err := io.ReadAll(h)
		if err != nil || string(rest) != " world" {
			t.Errorf("read after unlink = %q, %v; want %q", rest, err, " world")
		}
		all := make([]byte, 11)
		if n, err := h.ReadAt(all, 0); n != 11 || string(all) != "hello world" {
			t.Errorf("readat after unlink = %q, %v", all[:n], err)
		}
		if fi, err := h.Stat(); err != nil || fi.Size() != 11 {
			t.Errorf("fstat after unlink: %v, %v", fi, err)
		}
	})
	t.Run("27-read-write-handle", func(t *testing.T) {
		h, err := o.OpenFile("g", os.O_RDWR, 0)
		invOK(t, err, "open g rw")
		defer h.Close()
		invOK(t, o.Remove("g"), "remove g")
		invGone(t, o, "g")
		b, err := io.ReadAll(h)
		if err != nil || string(b) != "hello world" {
			t.Errorf("read after unlink = %q, %v", b, err)
		}
	})
	t.Run("27-parent-removed", func(t *testing.T) {
		h, err := o.Open("d/h")
		invOK(t, err, "open d/h")
		defer h.Close()
		invOK(t, o.RemoveAll("d"), "removeall d")
		invGone(t, o, "d/h")
		b, err := io.ReadAll(h)
		if err != nil || string(b) != "in a directory" {
			t.Errorf("read after removeall = %q, %v", b, err)
		}
	})
}

func TestInvariant28StaleHandleNeverReachesNewFile(t *testing.T) {
	// vfs.FS has no unlink through a handle. The stale-handle case it does
	// have: a handle whose path was unlinked and created again. Nothing
	// done through the old handle may reach the new file.
	l := invNewLower(t)
	l.file("f", "old lower")
	o := l.mount()

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f")
	invOK(t, o.Remove("f"), "remove f")
	invPut(t, o, "f", "new")
	if _, err := h.Write([]byte("XXXXXXXXXXXX")); err != nil {
		t.Errorf("write through stale handle: %v", err)
	}
	if err := h.Truncate(2); err != nil {
		t.Errorf("truncate through stale handle: %v", err)
	}
	invOK(t, h.Close(), "close")
	invWant(t, o, "f", "new")

	invPut(t, o, "g", "old upper")
	h2, err := o.OpenFile("g", os.O_RDWR, 0)
	invOK(t, err, "open g")
	invOK(t, o.Remove("g"), "remove g")
	invPut(t, o, "g", "new g")
	if _, err := h2.WriteAt([]byte("ZZZZZZZZZZ"), 0); err != nil {
		t.Errorf("writeat through stale handle: %v", err)
	}
	if err := h2.Truncate(1); err != nil {
		t.Errorf("truncate through stale handle: %v", err)
	}
	invOK(t, h2.Close(), "close")
	invWant(t, o, "g", "new g")
}

func TestInvariant29WritesAfterUnlinkStayPrivate(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "hello world")
	l.file("g", "0123")
	o := l.mount()

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f")
	invOK(t, o.Remove("f"), "remove f")
	if _, err := h.Write([]byte("abc")); err != nil {
		t.Fatalf("write after unlink: %v", err)
	}
	invGone(t, o, "f")
	if _, err := h.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(h)
	if err != nil || string(b) != "abclo world" {
		t.Errorf("read back through the handle = %q, %v; want %q", b, err, "abclo world")
	}
	invOK(t, h.Truncate(3), "truncate after unlink")
	invOK(t, h.Close(), "close")
	invGone(t, o, "f")

	h2, err := o.OpenFile("g", os.O_WRONLY|os.O_APPEND, 0)
	invOK(t, err, "open g append")
	invOK(t, o.Remove("g"), "remove g")
	if _, err := h2.Write([]byte("456")); err != nil {
		t.Fatalf("append after unlink: %v", err)
	}
	invOK(t, h2.Close(), "close")
	invGone(t, o, "g")

	invPut(t, o, "n", "new")
	h3, err := o.OpenFile("n", os.O_RDWR, 0)
	invOK(t, err, "open n")
	invOK(t, o.Remove("n"), "remove n")
	if _, err := h3.Write([]byte("more")); err != nil {
		t.Fatalf("write after unlink: %v", err)
	}
	invOK(t, h3.Close(), "close")
	invGone(t, o, "n")

	invWantNames(t, o, "/")
	invWantChanges(t, o, "deleted /f", "deleted /g")
}

func TestInvariant30ReadOnlyHandleNeverChangesLower(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "original")
	l.file("g", "original g")
	o := l.mount()
	lowerMode := func(rel string) fs.FileMode {
		fi, err := os.Lstat(l.path(rel))
		invOK(t, err, "lstat lower "+rel)
		return fi.Mode()
	}

	h, err := o.Open("f")
	invOK(t, err, "open f")
	defer h.Close()
	_, err = h.Write([]byte("x"))
	invIs(t, err, syscall.EBADF, "write")
	_, err = h.WriteAt([]byte("x"), 0)
	invIs(t, err, syscall.EBADF, "writeat")
	_, err = h.WriteString("x")
	invIs(t, err, syscall.EBADF, "writestring")
	err = h.Truncate(0)
	if !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.EBADF) {
		t.Errorf("truncate through a read-only handle: err = %v, want EINVAL or EBADF", err)
	}
	_, err = io.Copy(h, strings.NewReader("x"))
	invIs(t, err, syscall.EBADF, "io.Copy into the handle")

	// Whatever else the handle offers must not reach the lower file
	// either. fchmod and fchown work on a read-only descriptor on Linux,
	// so if the handle has them they must change the view, not the disk.
	t.Run("30-chmod-through-handle", func(t *testing.T) {
		c, ok := h.(interface{ Chmod(fs.FileMode) error })
		if !ok {
			return
		}
		err := c.Chmod(0o600)
		if m := lowerMode("f"); m.Perm() != 0o644 {
			t.Errorf("Chmod through a read-only handle changed the lower file to %v (err %v)", m, err)
		}
		if err == nil {
			if fi := invStat(t, o, "f"); fi.Mode().Perm() != 0o600 {
				t.Errorf("Chmod through the handle succeeded but the view shows %v", fi.Mode())
			}
		}
	})
	t.Run("30-chown-through-handle", func(t *testing.T) {
		c, ok := h.(interface{ Chown(int, int) error })
		if !ok {
			return
		}
		err := c.Chown(4321, 4321)
		if st := l.lstat("f"); st.Uid != 0 || st.Gid != 0 {
			t.Errorf("Chown through a read-only handle changed the lower file to %d:%d (err %v)", st.Uid, st.Gid, err)
		}
	})
	t.Run("30-chtimes-through-handle", func(t *testing.T) {
		c, ok := h.(interface {
			Chtimes(time.Time, time.Time) error
		})
		if !ok {
			return
		}
		before := l.lstat("f").Mtim
		err := c.Chtimes(time.Time{}, time.Unix(1, 0))
		if after := l.lstat("f").Mtim; after != before {
			t.Errorf("Chtimes through a read-only handle changed the lower file (err %v)", err)
		}
	})
	invWant(t, o, "f", "original")

	// A read-only handle on a file that has an upper part.
	invOK(t, o.Chmod("g", 0o640), "chmod g")
	h2, err := o.Open("g")
	invOK(t, err, "open g")
	defer h2.Close()
	_, err = h2.Write([]byte("x"))
	invIs(t, err, syscall.EBADF, "write g")
	err = h2.Truncate(0)
	if !errors.Is(err, syscall.EINVAL) && !errors.Is(err, syscall.EBADF) {
		t.Errorf("truncate g through a read-only handle: err = %v, want EINVAL or EBADF", err)
	}
	invWant(t, o, "g", "original g")

	// Removing the path while the handle is open only hides it.
	invOK(t, o.Remove("f"), "remove f")
	if _, err := os.Lstat(l.path("f")); err != nil {
		t.Errorf("lower f: %v", err)
	}
}

func TestInvariant31FastPathsThroughHandles(t *testing.T) {
	// There is no mmap and no owned-buffer read in this API. The Go fast
	// paths are io.WriterTo and io.ReaderFrom, which io.Copy takes when a
	// handle offers them (a lower handle may offer *os.File's). Copies
	// through them must move the right bytes, from the handle's offset.
	data := make([]byte, 200<<10)
	for i := range data {
		data[i] = byte(i*7 + i>>9)
	}
	l := invNewLower(t)
	l.file("big", string(data))
	o := l.mount()
	out := t.TempDir()

	copyOut := func(name string, h io.Reader) []byte {
		t.Helper()
		dst, err := os.Create(filepath.Join(out, name))
		invOK(t, err, "create dst")
		defer dst.Close()
		if _, err := io.Copy(dst, h); err != nil {
			t.Fatalf("io.Copy from %s: %v", name, err)
		}
		b, err := os.ReadFile(dst.Name())
		invOK(t, err, "read dst")
		return b
	}

	h, err := o.Open("big")
	invOK(t, err, "open big")
	skip := make([]byte, 10)
	io.ReadFull(h, skip)
	if got := copyOut("lower", h); string(got) != string(data[10:]) {
		t.Errorf("io.Copy from a lower handle after 10 bytes: %d bytes, want %d and the same bytes", len(got), len(data)-10)
	}
	h.Close()

	h, err = o.OpenFile("big", os.O_RDWR, 0) // shares the lower bytes
	invOK(t, err, "open big rw")
	io.ReadFull(h, skip[:7])
	if got := copyOut("meta", h); string(got) != string(data[7:]) {
		t.Errorf("io.Copy from a metacopy handle after 7 bytes: %d bytes, want %d and the same bytes", len(got), len(data)-7)
	}
	h.Close()

	// Into an overlay handle from a real file.
	src, err := os.Open(l.path("big"))
	invOK(t, err, "open lower big")
	dst, err := o.Create("copy")
	invOK(t, err, "create copy")
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatalf("io.Copy into an overlay file: %v", err)
	}
	src.Close()
	dst.Close()
	if got := invRead(t, o, "copy"); got != string(data) {
		t.Errorf("copy holds %d bytes, want the %d bytes of big", len(got), len(data))
	}
}

// ---------------------------------------------------------------------------
// Create and re-create

func TestInvariant32CreateOverWhiteoutIsFresh(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower contents")
	l.file("g", "lower g")
	l.file("d/x", "x")
	o := l.mount()

	invOK(t, o.Remove("f"), "remove f")
	h, err := o.OpenFile("f", os.O_RDWR|os.O_CREATE, 0o600)
	invOK(t, err, "create f")
	b, err := io.ReadAll(h)
	if err != nil || len(b) != 0 {
		t.Errorf("new f reads %q, %v; want empty", b, err)
	}
	fi, err := h.Stat()
	invOK(t, err, "fstat f")
	if fi.Size() != 0 || fi.Mode().Perm() != 0o600 {
		t.Errorf("new f: size %d mode %v, want 0 and -rw-------", fi.Size(), fi.Mode())
	}
	h.Close()
	invWant(t, o, "f", "")

	invOK(t, o.Remove("g"), "remove g")
	h, err = o.OpenFile("g", os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	invOK(t, err, "create g append")
	h.Write([]byte("x"))
	h.Close()
	invWant(t, o, "g", "x")

	invOK(t, o.RemoveAll("d"), "removeall d")
	invPut(t, o, "d", "file")
	invWant(t, o, "d", "file")
}

func TestInvariant33RecreatedDirIsOpaque(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	l.file("d/sub/b", "b")
	l.file("e/a", "a")
	l.file("e/b", "b")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	invOK(t, o.Mkdir("d", 0o755), "mkdir d")
	invWantNames(t, o, "d")
	invGone(t, o, "d/a")
	invGone(t, o, "d/sub/b")
	invOK(t, o.MkdirAll("d/sub", 0o755), "mkdirall d/sub")
	invWantNames(t, o, "d/sub")
	invGone(t, o, "d/sub/b")

	// Emptied entry by entry, removed, made again.
	invOK(t, o.Remove("e/a"), "remove e/a")
	invOK(t, o.Remove("e/b"), "remove e/b")
	invOK(t, o.Remove("e"), "rmdir e")
	invOK(t, o.Mkdir("e", 0o755), "mkdir e")
	invWantNames(t, o, "e")
	invGone(t, o, "e/a")
}

func TestInvariant34CreateOnExistingNameEEXIST(t *testing.T) {
	// mknod has no counterpart in vfs.FS; the other four are checked.
	l := invNewLower(t)
	l.file("lf", "f")
	l.file("ld/x", "x")
	l.symlink("lf", "ls")
	l.symlink("nowhere", "dl")
	o := l.mount()
	invPut(t, o, "uf", "u")
	invOK(t, o.Mkdir("ud", 0o755), "mkdir ud")
	invPut(t, o, "ld/n", "merged")
	invPut(t, o, "cf", "x")
	invOK(t, o.Remove("cf"), "remove cf")
	invPut(t, o, "cf", "recreated")

	before := invChanges(t, o)
	names := []string{"lf", "ld", "ld/x", "ls", "dl", "uf", "ud", "ld/n", "cf", "/"}
	modes := map[string]fs.FileMode{}
	for _, n := range names {
		modes[n] = invLstat(t, o, n).Mode()
	}
	for _, n := range names {
		invIs(t, o.Mkdir(n, 0o755), syscall.EEXIST, "mkdir "+n)
		invIs(t, o.Symlink("t", n), syscall.EEXIST, "symlink at "+n)
		invIs(t, o.Link("uf", n), syscall.EEXIST, "link to "+n)
		f, err := o.OpenFile(n, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err == nil {
			f.Close()
		}
		invIs(t, err, syscall.EEXIST, "open O_CREAT|O_EXCL "+n)
	}
	for _, n := range names {
		if m := invLstat(t, o, n).Mode(); m != modes[n] {
			t.Errorf("%s changed from %v to %v", n, modes[n], m)
		}
	}
	if after := invChanges(t, o); !slices.Equal(after, before) {
		t.Errorf("failed creates changed the view: %q, was %q", after, before)
	}
	t.Run("34-mkdir-trailing-slash-on-file", func(t *testing.T) {
		// Linux: mkdir("file/") fails with EEXIST.
		invIs(t, o.Mkdir("lf/", 0o755), syscall.EEXIST, "mkdir lf/")
		invIs(t, o.Mkdir("uf/", 0o755), syscall.EEXIST, "mkdir uf/")
	})
}

func TestInvariant35CreateOverWhiteoutClearsIt(t *testing.T) {
	// mknod has no counterpart in vfs.FS; symlink and link are checked.
	l := invNewLower(t)
	l.file("f", "lower f")
	l.file("g", "lower g")
	l.file("src", "src")
	l.file("d/x", "x")
	o := l.mount()

	invOK(t, o.Remove("f"), "remove f")
	invOK(t, o.Remove("g"), "remove g")
	invOK(t, o.RemoveAll("d"), "removeall d")

	invOK(t, o.Symlink("src", "f"), "symlink f")
	if target, err := o.Readlink("f"); err != nil || target != "src" {
		t.Errorf("readlink f = %q, %v", target, err)
	}
	invWant(t, o, "f", "src")
	invOK(t, o.Link("src", "g"), "link g")
	invWant(t, o, "g", "src")
	invOK(t, o.Symlink("src", "d"), "symlink d")
	if fi := invLstat(t, o, "d"); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("d is %v, want a symlink", fi.Mode())
	}
	_, err := o.Stat("d/x")
	invIs(t, err, syscall.ENOTDIR, "stat d/x")
	invWantNames(t, o, "/", "d", "f", "g", "src")

	// Removing the new entries brings nothing of the lower layer back.
	for _, n := range []string{"f", "g", "d"} {
		invOK(t, o.Remove(n), "remove "+n)
		invGone(t, o, n)
	}
	invGone(t, o, "d/x")
	invWantNames(t, o, "/", "src")
}

func TestInvariant36CreateBuildsParentChain(t *testing.T) {
	l := invNewLower(t)
	l.file("a/b/c/x", "x")
	l.file("a/y", "y")
	l.mkdir("p/q")
	l.mkdir("r/s")
	l.file("t/u/v", "v")
	l.symlink("a/b", "lnk")
	o := l.mount()

	invPut(t, o, "a/b/c/new", "n")
	invWant(t, o, "a/b/c/new", "n")
	invWantNames(t, o, "a/b/c", "new", "x")
	invWantNames(t, o, "a/b", "c")
	invWantNames(t, o, "a", "b", "y")
	invWant(t, o, "a/b/c/x", "x")
	invWant(t, o, "a/y", "y")
	// Through a lower symlink the chain built is the one the link leads to.
	invPut(t, o, "lnk/via", "v")
	invWantNames(t, o, "a/b", "c", "via")
	if fi := invLstat(t, o, "lnk"); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("lnk is %v, want it still a symlink", fi.Mode())
	}

	invOK(t, o.Mkdir("p/q/dir", 0o755), "mkdir p/q/dir")
	invWantNames(t, o, "p/q", "dir")
	invOK(t, o.Symlink("x", "r/s/ln"), "symlink r/s/ln")
	invWantNames(t, o, "r/s", "ln")
	invOK(t, o.Link("t/u/v", "t/u/v2"), "link t/u/v2")
	invWantNames(t, o, "t/u", "v", "v2")

	for _, n := range []string{"a/b/c/new", "p/q/dir", "r/s/ln", "t/u/v2"} {
		if _, err := os.Lstat(l.path(n)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("lower %s: %v, want it absent", n, err)
		}
	}
}

func TestInvariant37ParentChainKeepsAttributes(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	l := invNewLower(t)
	l.file("a/b/c/x", "")
	l.chown("a", 1234, 5678)
	l.chmod("a", 0o750)
	l.chown("a/b", 42, 43)
	l.chmod("a/b", 0o711|fs.ModeSetgid)
	l.chown("a/b/c", 7, 8)
	l.chmod("a/b/c", 0o777|fs.ModeSticky)
	for _, d := range []string{"a", "a/b", "a/b/c"} {
		l.chtimes(d, old)
	}
	o := l.mount()

	invPut(t, o, "a/b/c/new", "n")
	for _, d := range []string{"a", "a/b", "a/b/c"} {
		lfi, err := os.Lstat(l.path(d))
		invOK(t, err, "lstat lower "+d)
		lst := invStatT(lfi)
		fi := invStat(t, o, d)
		st := invStatT(fi)
		if fi.Mode() != lfi.Mode() || st.Uid != lst.Uid || st.Gid != lst.Gid {
			t.Errorf("%s after copy-up: %v %d:%d, want %v %d:%d", d, fi.Mode(), st.Uid, st.Gid, lfi.Mode(), lst.Uid, lst.Gid)
		}
	}
	// The ancestors were not modified; the directory that got the new
	// entry was.
	for _, d := range []string{"a", "a/b"} {
		if mt := invStat(t, o, d).ModTime(); !mt.Equal(old) {
			t.Errorf("mtime of %s = %v, want %v", d, mt, old)
		}
	}
	if mt := invStat(t, o, "a/b/c").ModTime(); !mt.After(old) {
		t.Errorf("mtime of a/b/c = %v, want later than %v", mt, old)
	}
	// A directory made in the setgid directory a/b takes its group and
	// the setgid bit, as on Linux.
	invOK(t, o.Mkdir("a/b/n", 0o755), "mkdir a/b/n")
	fi := invStat(t, o, "a/b/n")
	if fi.Mode()&fs.ModeSetgid == 0 || invStatT(fi).Gid != 43 {
		t.Errorf("a/b/n: %v gid %d, want setgid and gid 43", fi.Mode(), invStatT(fi).Gid)
	}
	invPut(t, o, "a/b/nf", "")
	if gid := invStatT(invStat(t, o, "a/b/nf")).Gid; gid != 43 {
		t.Errorf("a/b/nf: gid %d, want 43", gid)
	}
}

func TestInvariant38CreateInMissingParent(t *testing.T) {
	l := invNewLower(t)
	l.file("d/x", "x")
	l.file("f", "f")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	for _, parent := range []string{"d", "nope", "d/x"} {
		_, err := o.OpenFile(parent+"/y", os.O_WRONLY|os.O_CREATE, 0o644)
		invIs(t, err, syscall.ENOENT, "create "+parent+"/y")
		invIs(t, o.Mkdir(parent+"/z", 0o755), syscall.ENOENT, "mkdir "+parent+"/z")
		invIs(t, o.Symlink("f", parent+"/s"), syscall.ENOENT, "symlink "+parent+"/s")
		invIs(t, o.Link("f", parent+"/l"), syscall.ENOENT, "link "+parent+"/l")
		invIs(t, o.Rename("f", parent+"/r"), syscall.ENOENT, "rename f "+parent+"/r")
	}
	invGone(t, o, "d")
	invGone(t, o, "nope")
	invWantNames(t, o, "/", "f")
	invWantChanges(t, o, "deleted /d", "deleted /d/x")
}

func TestInvariant39NewFilesNeverTouchLower(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "f")
	l.mkdir("d")
	o := l.mount()

	invPut(t, o, "n", "n")
	invOK(t, o.Mkdir("nd", 0o755), "mkdir nd")
	invPut(t, o, "d/n2", "x")
	invOK(t, o.Symlink("f", "sl"), "symlink sl")
	invOK(t, o.Link("f", "hl"), "link hl")
	invPut(t, o, "hl", "through the link")
	invOK(t, o.Rename("f", "f2"), "rename f f2")
	invOK(t, o.Chmod("d", 0o700), "chmod d")
	invOK(t, o.Chtimes("d", time.Unix(5, 0), time.Unix(5, 0)), "chtimes d")
	invOK(t, o.MkdirAll("nd/a/b", 0o755), "mkdirall nd/a/b")
	for _, n := range []string{"n", "nd", "d/n2", "sl", "hl", "f2"} {
		if _, err := os.Lstat(l.path(n)); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("lower %s: %v, want it absent", n, err)
		}
	}
	// The snapshot check at cleanup covers f and d themselves.
}
