package mount_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
	"github.com/sandsh/sandsh/vfs/mount"
	"github.com/sandsh/sandsh/vfs/overlay"
	"github.com/sandsh/sandsh/vfs/vfstest"
)

func TestMain(m *testing.M) { vfstest.Main(m) }

// ---------------------------------------------------------------------------
// Fixture: a scratch root with the project mounted.

const (
	scratchPasswd = "scratch passwd\n"
	projectFile   = "project file\n"
	innerFile     = "inner\n"
	siblingFile   = "sibling\n"
)

// diskEntry is what snapshotDisk records of one path of the lower tree.
type diskEntry struct {
	Mode         fs.FileMode
	Size         int64
	Ino, Nlink   uint64
	Mtime, Ctime int64
	Data, Target string
}

// snapshotDisk records every path below dir with its metadata and the
// bytes of files and targets of links.
func snapshotDisk(t testing.TB, dir string) map[string]diskEntry {
	t.Helper()
	out := map[string]diskEntry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		var st syscall.Stat_t
		if err := syscall.Lstat(p, &st); err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := diskEntry{
			Mode: fi.Mode(), Size: st.Size, Ino: st.Ino, Nlink: uint64(st.Nlink),
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
		out[p] = e
		return nil
	})
	if err != nil {
		t.Fatalf("snapshot of %s: %v", dir, err)
	}
	return out
}

// checkDisk reports every difference between two snapshots.
func checkDisk(t testing.TB, before, after map[string]diskEntry) {
	t.Helper()
	var keys []string
	for k := range before {
		keys = append(keys, k)
	}
	for k := range after {
		if _, ok := before[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		a, inA := before[k]
		b, inB := after[k]
		switch {
		case !inB:
			t.Errorf("project directory changed: %s was removed", k)
		case !inA:
			t.Errorf("project directory changed: %s was created", k)
		case a != b:
			t.Errorf("project directory changed: %s\n  before: %+v\n  after:  %+v", k, a, b)
		}
	}
}

// fixture is a namespace as a session builds it: a memory scratch root
// with /etc/passwd, /tmp and /home, and an overlay of a project directory
// on disk mounted at at.
type fixture struct {
	t       *testing.T
	lower   string // canonical path of the project directory on disk
	at      string // where the project is mounted
	ns      *mount.FS
	scratch *memory.FS
	proj    *overlay.FS
}

// buildLower writes the project tree into dir, which is (or will be)
// mounted at at.
func buildLower(t testing.TB, dir string) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, "dir/sub"), 0o755))
	must(os.WriteFile(filepath.Join(dir, "file.txt"), []byte(projectFile), 0o644))
	must(os.WriteFile(filepath.Join(dir, "dir/inner.txt"), []byte(innerFile), 0o644))
	must(os.WriteFile(filepath.Join(dir, "dir/sub/deep.txt"), []byte("deep\n"), 0o600))
	links := map[string]string{
		"etc_passwd":      "/etc/passwd",
		"etc_shadow":      "/etc/shadow",
		"etc_dir":         "/etc",
		"self_abs":        dir + "/file.txt",
		"ws_abs":          "/workspace/file.txt",
		"rel":             "dir/inner.txt",
		"rel_dir":         "dir",
		"dir/up":          "../file.txt",
		"dir/escape":      strings.Repeat("../", 20) + "etc/passwd",
		"dir/parent_sib":  "../../sibling.txt",
		"loop_a":          "loop_b",
		"loop_b":          "loop_a",
		"self_loop":       "self_loop",
		"dangling_tmp":    "/tmp/created-from-project.txt",
		"dangling_local":  "newfile.txt",
		"dangling_nodir":  "/nodir/x",
		"dir/sub/to_root": "/",
	}
	for name, target := range links {
		must(os.Symlink(target, filepath.Join(dir, name)))
	}
	// chain0 -> chain1 -> ... -> chain40 -> file.txt: 41 hops from chain0.
	for i := 0; i < vfs.MaxSymlinkHops; i++ {
		must(os.Symlink(fmt.Sprintf("chain%d", i+1), filepath.Join(dir, fmt.Sprintf("chain%d", i))))
	}
	must(os.Symlink("file.txt", filepath.Join(dir, fmt.Sprintf("chain%d", vfs.MaxSymlinkHops))))
}

// newFixture builds a project directory in a fresh temporary directory
// and mounts it at at, or at its own canonical path if at is "". When the
// test ends, the project directory must be byte-for-byte unchanged.
func newFixture(t *testing.T, at string) *fixture {
	t.Helper()
	tmp, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	lower := filepath.Join(tmp, "proj")
	if err := os.Mkdir(lower, 0o755); err != nil {
		t.Fatal(err)
	}
	buildLower(t, lower)
	before := snapshotDisk(t, lower)
	t.Cleanup(func() { checkDisk(t, before, snapshotDisk(t, lower)) })

	if at == "" {
		at = lower
	}
	scratch := memory.New()
	for _, d := range []string{"/etc", "/tmp", "/home"} {
		if err := scratch.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFile(t, scratch, "/etc/passwd", scratchPasswd)
	ns := mount.New(scratch)
	o, err := overlay.New(lower)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { o.Close() })
	if err := ns.Mount(at, o); err != nil {
		t.Fatalf("Mount(%q): %v", at, err)
	}
	f := &fixture{t: t, lower: lower, at: at, ns: ns, scratch: scratch, proj: o}
	if at != "/" {
		writeFile(t, ns, f.parent()+"/sibling.txt", siblingFile)
	}
	return f
}

// p returns the namespace path of rel inside the project.
func (f *fixture) p(rel string) string { return f.at + "/" + rel }

// parent returns the directory that holds the mount point.
func (f *fixture) parent() string { return path.Dir(f.at) }

func writeFile(t testing.TB, fsys vfs.FS, name, data string) {
	t.Helper()
	fh, err := fsys.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.Write([]byte(data)); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

func readFile(fsys vfs.FS, name string) ([]byte, error) {
	fh, err := fsys.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return io.ReadAll(fh)
}

func statT(t testing.TB, fi fs.FileInfo) *syscall.Stat_t {
	t.Helper()
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		t.Fatalf("%s: Sys() is %T, not *syscall.Stat_t", fi.Name(), fi.Sys())
	}
	return st
}

func mustStat(t testing.TB, fsys vfs.FS, name string) fs.FileInfo {
	t.Helper()
	fi, err := fsys.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}

// errnoName names errno for messages; 0 is "success".
func errnoName(e syscall.Errno) string {
	if e == 0 {
		return "success"
	}
	return fmt.Sprintf("%d (%v)", int(e), e)
}

// checkErr checks that err carries want (0: err is nil).
func checkErr(t testing.TB, what string, err error, want syscall.Errno) {
	t.Helper()
	got := vfs.Errno(err)
	if err != nil && got == 0 {
		t.Errorf("%s: error without errno: %v", what, err)
		return
	}
	if got != want {
		t.Errorf("%s: got %s (%v), want %s", what, errnoName(got), err, errnoName(want))
	}
}

// hostSecrets returns the contents of host files that must never show
// through the namespace.
func hostSecrets(t testing.TB) [][]byte {
	var out [][]byte
	for _, p := range []string{"/etc/passwd", "/etc/shadow", "/etc/hostname", "/etc/group"} {
		if b, err := os.ReadFile(p); err == nil && len(b) > 0 {
			out = append(out, b)
		}
	}
	return out
}

func checkNoHostContent(t testing.TB, what string, data []byte, secrets [][]byte) {
	t.Helper()
	for _, s := range secrets {
		if bytes.Equal(data, s) || (len(data) > 0 && bytes.Contains(s, data) && len(data) > 16) {
			t.Errorf("%s: host content showed through: %q", what, data)
		}
	}
	if bytes.Contains(data, []byte("root:x:0:0")) {
		t.Errorf("%s: host /etc/passwd showed through: %q", what, data)
	}
}

// ---------------------------------------------------------------------------
// Symlink resolution.

func TestSymlinksResolveInNamespace(t *testing.T) {
	f := newFixture(t, "")
	secrets := hostSecrets(t)
	tests := []struct {
		name  string
		data  string
		errno syscall.Errno
	}{
		{f.p("file.txt"), projectFile, 0},
		{f.p("etc_passwd"), scratchPasswd, 0},
		{f.p("etc_shadow"), "", syscall.ENOENT},
		{f.p("etc_dir/passwd"), scratchPasswd, 0},
		{f.p("etc_dir/shadow"), "", syscall.ENOENT},
		{f.p("self_abs"), projectFile, 0},
		{f.p("ws_abs"), "", syscall.ENOENT},
		{f.p("rel"), innerFile, 0},
		{f.p("rel_dir/inner.txt"), innerFile, 0},
		{f.p("dir/up"), projectFile, 0},
		{f.p("dir/escape"), scratchPasswd, 0},
		{f.p("dir/parent_sib"), siblingFile, 0},
		{f.p("dir/sub/to_root/etc/passwd"), scratchPasswd, 0},
		{f.p("dir/sub/to_root" + f.at + "/file.txt"), projectFile, 0},
		{f.p("loop_a"), "", syscall.ELOOP},
		{f.p("self_loop"), "", syscall.ELOOP},
		{f.p("loop_a/x"), "", syscall.ELOOP},
		{f.p("chain1"), projectFile, 0},
		{f.p("chain0"), "", syscall.ELOOP},
		{f.p("dangling_tmp"), "", syscall.ENOENT},
		{f.p("rel/"), "", syscall.ENOTDIR},
		{f.p("etc_passwd/x"), "", syscall.ENOTDIR},
		{f.p("../sibling.txt"), siblingFile, 0},
		{f.p("dir/../../sibling.txt"), siblingFile, 0},
		{f.p("dir/sub/../../file.txt"), projectFile, 0},
		{f.p("rel_dir/../file.txt"), projectFile, 0},
		{"/../../.." + f.at + "/file.txt", projectFile, 0},
		{strings.TrimPrefix(f.p("etc_passwd"), "/"), scratchPasswd, 0},
		{f.p(strings.Repeat("../", 30) + "etc/passwd"), scratchPasswd, 0},
		{f.lower + "/../proj/file.txt", projectFile, 0},
	}
	for _, tt := range tests {
		data, err := readFile(f.ns, tt.name)
		checkErr(t, "read "+tt.name, err, tt.errno)
		if err == nil && string(data) != tt.data {
			t.Errorf("read %s: got %q, want %q", tt.name, data, tt.data)
		}
		checkNoHostContent(t, tt.name, data, secrets)
		_, err = f.ns.Stat(tt.name)
		checkErr(t, "stat "+tt.name, err, tt.errno)
	}
}

func TestSymlinksAtWorkspace(t *testing.T) {
	f := newFixture(t, "/workspace")
	secrets := hostSecrets(t)
	tests := []struct {
		name  string
		data  string
		errno syscall.Errno
	}{
		{"/workspace/file.txt", projectFile, 0},
		{"/workspace/ws_abs", projectFile, 0},
		{"/workspace/etc_passwd", scratchPasswd, 0},
		{"/workspace/etc_shadow", "", syscall.ENOENT},
		// The project's real path is not in the namespace.
		{"/workspace/self_abs", "", syscall.ENOENT},
		{f.lower + "/file.txt", "", syscall.ENOENT},
		{"/workspace/../etc/passwd", scratchPasswd, 0},
		{"/workspace/dir/escape", scratchPasswd, 0},
		{"/workspace/dir/parent_sib", siblingFile, 0},
		{"/workspace/dir/sub/to_root/workspace/rel", innerFile, 0},
	}
	for _, tt := range tests {
		data, err := readFile(f.ns, tt.name)
		checkErr(t, "read "+tt.name, err, tt.errno)
		if err == nil && string(data) != tt.data {
			t.Errorf("read %s: got %q, want %q", tt.name, data, tt.data)
		}
		checkNoHostContent(t, tt.name, data, secrets)
	}
	fi := mustStat(t, f.ns, "/workspace/..")
	root := mustStat(t, f.ns, "/")
	if a, b := statT(t, fi), statT(t, root); a.Dev != b.Dev || a.Ino != b.Ino {
		t.Errorf("/workspace/.. is dev %d ino %d, / is dev %d ino %d", a.Dev, a.Ino, b.Dev, b.Ino)
	}
}

func TestScratchLinksIntoProject(t *testing.T) {
	f := newFixture(t, "")
	links := map[string]string{
		"/tmp/p_abs":                       f.p("file.txt"),
		"/tmp/p_dir":                       f.at,
		"/tmp/p_dot":                       f.at + "/./dir/../file.txt",
		f.parent() + "/rel_into":           path.Base(f.at) + "/rel",
		"/home/chain":                      "/tmp/p_dir/rel_dir",
		"/tmp/p_missing":                   f.p("missing"),
		"/tmp/p_back_out":                  f.p("etc_passwd"),
		f.parent() + "/rel_into_then_back": path.Base(f.at) + "/../sibling.txt",
	}
	for name, target := range links {
		if err := f.ns.Symlink(target, name); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		data  string
		errno syscall.Errno
	}{
		{"/tmp/p_abs", projectFile, 0},
		{"/tmp/p_dir/file.txt", projectFile, 0},
		{"/tmp/p_dir/dir/up", projectFile, 0},
		{"/tmp/p_dot", projectFile, 0},
		{f.parent() + "/rel_into", innerFile, 0},
		{"/home/chain/inner.txt", innerFile, 0},
		{"/home/chain/../file.txt", projectFile, 0},
		{"/tmp/p_missing", "", syscall.ENOENT},
		{"/tmp/p_back_out", scratchPasswd, 0},
		{f.parent() + "/rel_into_then_back", siblingFile, 0},
		// ".." after a symlink is physical: p_dir/.. is the mount's parent.
		{"/tmp/p_dir/../sibling.txt", siblingFile, 0},
	}
	for _, tt := range tests {
		data, err := readFile(f.ns, tt.name)
		checkErr(t, "read "+tt.name, err, tt.errno)
		if err == nil && string(data) != tt.data {
			t.Errorf("read %s: got %q, want %q", tt.name, data, tt.data)
		}
	}
	target, err := f.ns.Readlink("/tmp/p_dir")
	if err != nil || target != f.at {
		t.Errorf("Readlink(/tmp/p_dir) = %q, %v; want %q", target, err, f.at)
	}
	projDev := statT(t, mustStat(t, f.ns, f.at)).Dev
	if got := statT(t, mustStat(t, f.ns, "/tmp/p_dir")).Dev; got != projDev {
		t.Errorf("Stat through a scratch link into the project: dev %d, want the project's %d", got, projDev)
	}
	fi, err := f.ns.Lstat("/tmp/p_dir")
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 || fi.Name() != "p_dir" {
		t.Errorf("Lstat(/tmp/p_dir) = %v, %v; want the symlink named p_dir", fi, err)
	}
}

func TestDotDotLeavesMount(t *testing.T) {
	f := newFixture(t, "")
	scratchDev := statT(t, mustStat(t, f.ns, "/")).Dev
	projDev := statT(t, mustStat(t, f.ns, f.at)).Dev
	if scratchDev == projDev {
		t.Fatalf("scratch and project share device %d", scratchDev)
	}
	for _, name := range []string{f.at + "/..", f.at + "/../", f.p("dir/../.."), f.p("rel_dir/../..")} {
		fi := mustStat(t, f.ns, name)
		if fi.Name() != path.Base(f.parent()) || statT(t, fi).Dev != scratchDev {
			t.Errorf("Stat(%q) = %q dev %d, want %q dev %d", name, fi.Name(), statT(t, fi).Dev, path.Base(f.parent()), scratchDev)
		}
	}
	entries, err := f.ns.ReadDir(f.at + "/..")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Contains(names, path.Base(f.at)) || !slices.Contains(names, "sibling.txt") {
		t.Errorf("ReadDir(%s/..) = %q, want the mount point and sibling.txt", f.at, names)
	}
	// Creating through ".." lands in the scratch filesystem.
	if err := f.ns.Mkdir(f.at+"/../made", 0o755); err != nil {
		t.Fatal(err)
	}
	if fi := mustStat(t, f.ns, f.parent()+"/made"); statT(t, fi).Dev != scratchDev {
		t.Errorf("made through ..: dev %d, want scratch %d", statT(t, fi).Dev, scratchDev)
	}
	if _, err := f.scratch.Stat(f.parent() + "/made"); err != nil {
		t.Errorf("the directory made through .. is not in the scratch filesystem: %v", err)
	}
	if _, err := os.Lstat(filepath.Join(filepath.Dir(f.lower), "made")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("mkdir through .. reached the host: %v", err)
	}
	// ".." at the namespace root stays there.
	if a, b := statT(t, mustStat(t, f.ns, "/..")), statT(t, mustStat(t, f.ns, "/")); a.Ino != b.Ino || a.Dev != b.Dev {
		t.Errorf("/.. is not /")
	}
}

// ---------------------------------------------------------------------------
// Cross-mount operations and mount points.

func TestCrossMountRenameLink(t *testing.T) {
	f := newFixture(t, "")
	writeFile(t, f.ns, "/tmp/y", "y")
	if err := f.ns.Mkdir("/tmp/emptydir", 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		op, old, new string
		errno        syscall.Errno
	}{
		{"rename", f.p("file.txt"), "/tmp/x", syscall.EXDEV},
		{"rename", "/tmp/y", f.p("y"), syscall.EXDEV},
		{"rename", "/tmp/emptydir", f.p("emptydir"), syscall.EXDEV},
		{"rename", f.p("dir"), "/tmp/dir", syscall.EXDEV},
		{"rename", f.p("etc_dir/passwd"), f.p("passwd"), syscall.EXDEV},
		{"rename", f.p("missing"), "/tmp/x", syscall.EXDEV}, // parents first, as the kernel
		{"rename", f.p("rel_dir/inner.txt"), "/tmp/p_inner", syscall.EXDEV},
		{"rename", f.p("dir/.."), "/tmp/x", syscall.EXDEV},
		{"link", f.p("file.txt"), "/tmp/l", syscall.EXDEV},
		{"link", "/etc/passwd", f.p("l"), syscall.EXDEV},
		{"link", f.p("etc_passwd"), "/tmp/l2", syscall.EXDEV}, // the symlink itself lives in the project
		{"link", f.p("missing"), "/tmp/l", syscall.ENOENT},
		{"link", f.p("file.txt"), "/tmp/y", syscall.EEXIST},
		{"link", f.p("dir"), "/tmp/d", syscall.EXDEV},
		{"link", f.p("dir"), f.p("d"), syscall.EPERM},
		// Within one mount they work.
		{"rename", f.p("file.txt"), f.p("moved.txt"), 0},
		{"rename", f.p("moved.txt"), f.p("file.txt"), 0},
		{"rename", "/tmp/y", "/tmp/y2", 0},
		{"link", f.p("file.txt"), f.p("hard.txt"), 0},
		{"link", "/etc/passwd", "/tmp/passwd2", 0},
		{"rename", f.p("etc_passwd"), f.p("etc_passwd2"), 0},
	}
	for _, tt := range tests {
		var err error
		if tt.op == "rename" {
			err = f.ns.Rename(tt.old, tt.new)
		} else {
			err = f.ns.Link(tt.old, tt.new)
		}
		what := fmt.Sprintf("%s(%q, %q)", tt.op, tt.old, tt.new)
		checkErr(t, what, err, tt.errno)
		if err != nil {
			var le *os.LinkError
			if !errors.As(err, &le) || le.Op != tt.op || le.Old != tt.old || le.New != tt.new {
				t.Errorf("%s: error %#v is not an *os.LinkError naming the call", what, err)
			}
		}
	}
	a, b := mustStat(t, f.ns, f.p("file.txt")), mustStat(t, f.ns, f.p("hard.txt"))
	if sa, sb := statT(t, a), statT(t, b); sa.Dev != sb.Dev || sa.Ino != sb.Ino || sa.Nlink != 2 {
		t.Errorf("hard link in the project: %+v vs %+v", sa, sb)
	}
	if data, err := readFile(f.ns, f.p("etc_passwd2")); err != nil || string(data) != scratchPasswd {
		t.Errorf("renamed link: %q, %v", data, err)
	}
}

func TestMountPointBusy(t *testing.T) {
	f := newFixture(t, "")
	writeFile(t, f.ns, "/tmp/file", "f")
	if err := f.ns.Mkdir("/tmp/emptydir", 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		what  string
		do    func() error
		errno syscall.Errno
	}{
		{"remove mount point", func() error { return f.ns.Remove(f.at) }, syscall.EBUSY},
		{"remove mount point/", func() error { return f.ns.Remove(f.at + "/") }, syscall.EBUSY},
		{"remove mount point via ..", func() error { return f.ns.Remove(f.p("dir/..")) }, syscall.ENOTEMPTY},
		{"remove parent", func() error { return f.ns.Remove(f.parent()) }, syscall.ENOTEMPTY},
		{"remove root", func() error { return f.ns.Remove("/") }, syscall.EBUSY},
		{"rename mount point away", func() error { return f.ns.Rename(f.at, "/tmp/moved") }, syscall.EBUSY},
		{"rename dir onto mount point", func() error { return f.ns.Rename("/tmp/emptydir", f.at) }, syscall.EBUSY},
		{"rename file onto mount point", func() error { return f.ns.Rename("/tmp/file", f.at) }, syscall.EISDIR},
		{"rename ancestor of mount point", func() error { return f.ns.Rename(f.parent(), "/home/moved") }, syscall.EBUSY},
		{"rename mount point onto itself", func() error { return f.ns.Rename(f.at, f.at) }, 0},
		{"rename mount point into itself", func() error { return f.ns.Rename(f.at, f.p("x")) }, syscall.EXDEV},
		{"mkdir mount point", func() error { return f.ns.Mkdir(f.at, 0o755) }, syscall.EEXIST},
		{"mkdir mount point/", func() error { return f.ns.Mkdir(f.at+"/", 0o755) }, syscall.EEXIST},
		{"mkdirall mount point", func() error { return f.ns.MkdirAll(f.p("a/b"), 0o755) }, 0},
		{"symlink at mount point", func() error { return f.ns.Symlink("x", f.at) }, syscall.EEXIST},
		{"link at mount point", func() error { return f.ns.Link("/tmp/file", f.at) }, syscall.EEXIST},
		{"open mount point for writing", func() error { return openClose(f.ns, f.at, os.O_RDWR) }, syscall.EISDIR},
		{"create mount point excl", func() error { return openClose(f.ns, f.at, os.O_RDWR|os.O_CREATE|os.O_EXCL) }, syscall.EEXIST},
		{"open mount point", func() error { return openClose(f.ns, f.at, os.O_RDONLY) }, 0},
		{"chmod mount point", func() error { return f.ns.Chmod(f.at, 0o700) }, 0},
	}
	for _, tt := range tests {
		checkErr(t, tt.what, tt.do(), tt.errno)
	}
	if fi := mustStat(t, f.ns, f.at); fi.Mode().Perm() != 0o700 {
		t.Errorf("chmod of the mount point did not reach the project root: %v", fi.Mode())
	}
	if got := f.ns.Mounts(); !slices.Equal(got, []string{f.at}) {
		t.Errorf("Mounts() = %q, want [%q]", got, f.at)
	}
}

func openClose(fsys vfs.FS, name string, flag int) error {
	fh, err := fsys.OpenFile(name, flag, 0o644)
	if err != nil {
		return err
	}
	return fh.Close()
}

func TestRemoveAllStopsAtMountPoint(t *testing.T) {
	f := newFixture(t, "")
	// A fast RemoveAll inside the project, handed to the overlay.
	if err := f.ns.RemoveAll(f.p("dir")); err != nil {
		t.Fatal(err)
	}
	if _, err := f.ns.Lstat(f.p("dir")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dir still there: %v", err)
	}
	// A RemoveAll over a mount point empties it (as rm -r does) but the
	// mount point stays, with EBUSY.
	mem := memory.New()
	writeFile(t, mem, "/a", "a")
	if err := f.ns.Mount("/srv/m", mem); err != nil {
		t.Fatal(err)
	}
	writeFile(t, f.ns, "/srv/other", "o")
	err := f.ns.RemoveAll("/srv")
	checkErr(t, "RemoveAll(/srv)", err, syscall.EBUSY)
	entries, err := f.ns.ReadDir("/srv")
	if err != nil || len(entries) != 1 || entries[0].Name() != "m" || !entries[0].IsDir() {
		t.Errorf("ReadDir(/srv) after RemoveAll = %v, %v; want only the mount point", entries, err)
	}
	if _, err := mem.Stat("/a"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the mounted filesystem was not emptied: %v", err)
	}
	checkErr(t, "RemoveAll(mount point)", f.ns.RemoveAll(f.at), syscall.EBUSY)
	if entries, err := f.ns.ReadDir(f.at); err != nil || len(entries) != 0 {
		t.Errorf("ReadDir(project) after RemoveAll = %d entries, %v", len(entries), err)
	}
	checkErr(t, "RemoveAll(dir/..)", f.ns.RemoveAll(f.at+"/.."), syscall.EINVAL)
	checkErr(t, "RemoveAll(missing)", f.ns.RemoveAll(f.p("missing/x")), 0)
}

func TestReadDirShowsMountPoints(t *testing.T) {
	f := newFixture(t, "")
	// /srv/data exists in the scratch filesystem, with a file in it, and
	// gets a memory filesystem mounted over it.
	if err := f.ns.MkdirAll("/srv/data", 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, f.ns, "/srv/old", "old")
	writeFile(t, f.ns, "/srv/data/hidden", "hidden")
	mem := memory.New()
	writeFile(t, mem, "/new.txt", "new")
	if err := mem.Chmod("/", 0o750); err != nil {
		t.Fatal(err)
	}
	if err := f.ns.Mount("/srv/data", mem); err != nil {
		t.Fatal(err)
	}
	// A mount with a missing mount point gets it made.
	if err := f.ns.Mount("/srv/made/deep", memory.New()); err != nil {
		t.Fatal(err)
	}
	if got, want := f.ns.Mounts(), []string{f.at, "/srv/data", "/srv/made/deep"}; !slices.Equal(got, want) {
		t.Errorf("Mounts() = %q, want %q", got, want)
	}
	list := func(name string) []string {
		entries, err := f.ns.ReadDir(name)
		if err != nil {
			t.Fatalf("ReadDir(%s): %v", name, err)
		}
		var out []string
		for _, e := range entries {
			out = append(out, e.Name()+":"+typeName(e.Type()))
		}
		return out
	}
	if got, want := list("/srv"), []string{"data:d", "made:d", "old:f"}; !slices.Equal(got, want) {
		t.Errorf("ReadDir(/srv) = %q, want %q", got, want)
	}
	if got, want := list("/srv/data"), []string{"new.txt:f"}; !slices.Equal(got, want) {
		t.Errorf("ReadDir(/srv/data) = %q, want %q", got, want)
	}
	if got, want := list("/srv/made"), []string{"deep:d"}; !slices.Equal(got, want) {
		t.Errorf("ReadDir(/srv/made) = %q, want %q", got, want)
	}
	if got := list(f.parent()); !slices.Contains(got, path.Base(f.at)+":d") {
		t.Errorf("ReadDir(%s) = %q, want the mount point", f.parent(), got)
	}
	// The listing's info of a mount point is the mounted root's.
	entries, _ := f.ns.ReadDir("/srv")
	info, err := entries[0].Info()
	if err != nil {
		t.Fatal(err)
	}
	memDev := statT(t, info).Dev
	if info.Name() != "data" || !info.IsDir() || info.Mode().Perm() != 0o750 {
		t.Errorf("info of the mount point: %s %v", info.Name(), info.Mode())
	}
	for _, stat := range []func(string) (fs.FileInfo, error){f.ns.Stat, f.ns.Lstat} {
		fi, err := stat("/srv/data")
		if err != nil {
			t.Fatal(err)
		}
		if fi.Name() != "data" || fi.Mode().Perm() != 0o750 || statT(t, fi).Dev != memDev {
			t.Errorf("stat of the mount point: %s %v dev %d", fi.Name(), fi.Mode(), statT(t, fi).Dev)
		}
	}
	old, _ := entries[2].Info()
	devs := map[uint64]string{statT(t, old).Dev: "scratch", memDev: "/srv/data"}
	projDev := statT(t, mustStat(t, f.ns, f.at)).Dev
	devs[projDev] = "project"
	devs[statT(t, mustStat(t, f.ns, "/srv/made/deep")).Dev] = "deep"
	if len(devs) != 4 {
		t.Errorf("mounts share device numbers: %v", devs)
	}
	// An open directory lists the mount points too, whichever call reads it.
	fh, err := f.ns.Open("/srv")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	names, err := fh.Readdirnames(-1)
	if err != nil || !slices.Equal(names, []string{"data", "made", "old"}) {
		t.Errorf("Readdirnames(-1) = %q, %v", names, err)
	}
	if _, err := fh.Seek(0, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		infos, err := fh.Readdir(1)
		for _, fi := range infos {
			got = append(got, fi.Name())
			if fi.Name() == "data" && statT(t, fi).Dev != memDev {
				t.Errorf("Readdir: the mount point's info has dev %d, want %d", statT(t, fi).Dev, memDev)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(got, []string{"data", "made", "old"}) {
		t.Errorf("Readdir(1) loop = %q", got)
	}
	// Directories without mount points in them are listed as they are.
	fh2, err := f.ns.Open(f.p("dir"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh2.Close()
	infos, err := fh2.Readdir(-1)
	if err != nil || len(infos) == 0 {
		t.Fatalf("Readdir(project dir) = %v, %v", infos, err)
	}
	for _, fi := range infos {
		if statT(t, fi).Dev != projDev {
			t.Errorf("Readdir(project dir): %s has dev %d, want %d", fi.Name(), statT(t, fi).Dev, projDev)
		}
	}
}

func typeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "d"
	case m&fs.ModeSymlink != 0:
		return "l"
	}
	return "f"
}

func TestCreateThroughDanglingSymlink(t *testing.T) {
	f := newFixture(t, "")
	scratchDev := statT(t, mustStat(t, f.ns, "/")).Dev
	projDev := statT(t, mustStat(t, f.ns, f.at)).Dev

	// From the project into the scratch filesystem.
	writeFile(t, f.ns, f.p("dangling_tmp"), "made")
	if data, err := f.scratch.OpenFile("/tmp/created-from-project.txt", os.O_RDONLY, 0); err != nil {
		t.Errorf("the link's target was not created in scratch: %v", err)
	} else {
		data.Close()
	}
	if fi := mustStat(t, f.ns, f.p("dangling_tmp")); statT(t, fi).Dev != scratchDev {
		t.Errorf("created file has dev %d, want scratch %d", statT(t, fi).Dev, scratchDev)
	}
	if fi, err := f.ns.Lstat(f.p("dangling_tmp")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link itself changed: %v, %v", fi, err)
	}
	if _, err := os.Lstat("/tmp/created-from-project.txt"); err == nil {
		t.Errorf("the host's /tmp got the file")
	}

	// From scratch into the project.
	if err := f.ns.Symlink(f.p("newfile.txt"), "/tmp/into"); err != nil {
		t.Fatal(err)
	}
	writeFile(t, f.ns, "/tmp/into", "in project")
	if fi := mustStat(t, f.ns, f.p("newfile.txt")); statT(t, fi).Dev != projDev {
		t.Errorf("created file has dev %d, want project %d", statT(t, fi).Dev, projDev)
	}
	if data, err := readFile(f.proj, "/newfile.txt"); err != nil || string(data) != "in project" {
		t.Errorf("the overlay holds %q, %v", data, err)
	}

	// Within the project, relative.
	writeFile(t, f.ns, f.p("dangling_local"), "local")
	if data, err := readFile(f.ns, f.p("newfile.txt")); err != nil || string(data) != "local" {
		t.Errorf("newfile.txt = %q, %v", data, err)
	}

	tests := []struct {
		name  string
		flag  int
		errno syscall.Errno
	}{
		{f.p("dangling_tmp"), os.O_WRONLY | os.O_CREATE | os.O_EXCL, syscall.EEXIST},
		{f.p("dangling_nodir"), os.O_WRONLY | os.O_CREATE, syscall.ENOENT},
		{f.p("loop_a"), os.O_WRONLY | os.O_CREATE, syscall.ELOOP},
		{f.p("etc_shadow"), os.O_WRONLY | os.O_CREATE | syscall.O_NOFOLLOW, syscall.ELOOP},
		{f.p("etc_shadow"), os.O_RDONLY, syscall.ENOENT},
		{f.p("brand_new/"), os.O_WRONLY | os.O_CREATE, syscall.EISDIR},
		{f.p("etc_shadow"), os.O_WRONLY | os.O_CREATE, 0},
	}
	for _, tt := range tests {
		checkErr(t, fmt.Sprintf("open(%q, %#x)", tt.name, tt.flag), openClose(f.ns, tt.name, tt.flag), tt.errno)
	}
	if _, err := f.scratch.Stat("/etc/shadow"); err != nil {
		t.Errorf("O_CREATE through etc_shadow did not create the scratch /etc/shadow: %v", err)
	}
}

// ---------------------------------------------------------------------------
// Errors, names and device numbers.

func TestErrorsCarryErrno(t *testing.T) {
	f := newFixture(t, "")
	long := "/" + strings.Repeat("a/", vfs.PathMax/2)
	tests := []struct {
		op    string
		name  string
		errno syscall.Errno
	}{
		{"stat", "", syscall.ENOENT},
		{"stat", "/a\x00b", syscall.EINVAL},
		{"stat", long, syscall.ENAMETOOLONG},
		{"stat", f.p(strings.Repeat("n", vfs.NameMax+1)), syscall.ENAMETOOLONG},
		{"stat", f.p("file.txt/x"), syscall.ENOTDIR},
		{"stat", f.p("missing"), syscall.ENOENT},
		{"stat", "/tmp/missing", syscall.ENOENT},
		{"lstat", f.p("loop_a/x"), syscall.ELOOP},
		{"lstat", f.p("file.txt/"), syscall.ENOTDIR},
		{"open", f.p("dir"), syscall.EISDIR}, // for writing
		{"readlink", f.p("file.txt"), syscall.EINVAL},
		{"readlink", f.at, syscall.EINVAL},
		{"readdirent", f.p("file.txt"), syscall.ENOTDIR},
		{"readdirent", f.p("missing"), syscall.ENOENT},
		{"mkdir", f.p("missing/x"), syscall.ENOENT},
		{"mkdir", f.p("file.txt"), syscall.EEXIST},
		{"remove", f.p("dir"), syscall.ENOTEMPTY},
		{"remove", f.p("missing"), syscall.ENOENT},
		{"remove", f.p("dir/."), syscall.EINVAL},
		{"chmod", f.p("missing"), syscall.ENOENT},
		{"chmod", f.p("loop_a"), syscall.ELOOP},
		{"chtimes", f.p("dangling_tmp"), syscall.ENOENT},
	}
	for _, tt := range tests {
		var err error
		switch tt.op {
		case "stat":
			_, err = f.ns.Stat(tt.name)
		case "lstat":
			_, err = f.ns.Lstat(tt.name)
		case "open":
			err = openClose(f.ns, tt.name, os.O_WRONLY)
		case "readlink":
			_, err = f.ns.Readlink(tt.name)
		case "readdirent":
			_, err = f.ns.ReadDir(tt.name)
		case "mkdir":
			err = f.ns.Mkdir(tt.name, 0o755)
		case "remove":
			err = f.ns.Remove(tt.name)
		case "chmod":
			err = f.ns.Chmod(tt.name, 0o644)
		case "chtimes":
			err = f.ns.Chtimes(tt.name, time.Now(), time.Now())
		}
		what := fmt.Sprintf("%s(%.60q)", tt.op, tt.name)
		checkErr(t, what, err, tt.errno)
		var pe *fs.PathError
		if err != nil && (!errors.As(err, &pe) || pe.Op != tt.op || pe.Path != tt.name) {
			t.Errorf("%s: error %#v is not a *fs.PathError with the op and the caller's path", what, err)
		}
	}
	for _, tt := range []struct {
		err   error
		errno syscall.Errno
	}{
		{f.ns.Symlink("", "/tmp/l"), syscall.ENOENT},
		{f.ns.Symlink("a\x00", "/tmp/l"), syscall.EINVAL},
		{f.ns.Symlink("x", f.p("file.txt")), syscall.EEXIST},
		{f.ns.Symlink("x", "/tmp/l/"), syscall.ENOENT},
		{f.ns.Rename(f.p("missing"), f.p("x")), syscall.ENOENT},
		{f.ns.Rename(f.p("dir"), f.p("dir/sub/x")), syscall.EINVAL},
		{f.ns.Rename(f.p("file.txt"), f.p("dir")), syscall.EISDIR},
		{f.ns.Rename(f.p("dir/."), f.p("x")), syscall.EBUSY},
		{f.ns.Rename(f.p("file.txt/"), f.p("x")), syscall.ENOTDIR},
		{f.ns.Link(f.p("file.txt"), f.p("x/")), syscall.ENOENT},
	} {
		var le *os.LinkError
		checkErr(t, fmt.Sprint(tt.err), tt.err, tt.errno)
		if !errors.As(tt.err, &le) {
			t.Errorf("%v: not an *os.LinkError", tt.err)
		}
	}
}

func TestFileHandles(t *testing.T) {
	f := newFixture(t, "")
	projDev := statT(t, mustStat(t, f.ns, f.at)).Dev
	rel := strings.TrimPrefix(f.p("dir/../rel"), "/")
	fh, err := f.ns.Open(rel)
	if err != nil {
		t.Fatal(err)
	}
	if fh.Name() != rel {
		t.Errorf("Name() = %q, want %q", fh.Name(), rel)
	}
	fi, err := fh.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if fi.Name() != "rel" || statT(t, fi).Dev != projDev || fi.Size() != int64(len(innerFile)) {
		t.Errorf("Stat() = %s size %d dev %d", fi.Name(), fi.Size(), statT(t, fi).Dev)
	}
	byName := mustStat(t, f.ns, f.p("dir/inner.txt"))
	if statT(t, fi).Ino != statT(t, byName).Ino {
		t.Errorf("the handle and the name disagree on the inode")
	}
	_, err = fh.Write([]byte("x"))
	var pe *fs.PathError
	if vfs.Errno(err) != syscall.EBADF || !errors.As(err, &pe) || pe.Path != rel {
		t.Errorf("Write on a read-only handle: %v, want EBADF naming %q", err, rel)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err == nil {
		t.Errorf("second Close succeeded")
	} else if errors.As(err, &pe) && pe.Path != rel {
		t.Errorf("second Close names %q", pe.Path)
	}

	// Writing through a handle on a project file.
	w, err := f.ns.OpenFile(f.p("file.txt"), os.O_RDWR|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteString("more\n"); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if data, _ := readFile(f.ns, f.p("self_abs")); string(data) != projectFile+"more\n" {
		t.Errorf("after append: %q", data)
	}
	// The mount root, opened through its mount point.
	d, err := f.ns.Open(f.at)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if fi, err := d.Stat(); err != nil || fi.Name() != path.Base(f.at) || !fi.IsDir() || statT(t, fi).Dev != projDev {
		t.Errorf("Stat of the open mount root: %v, %v", fi, err)
	}
	if dr, ok := d.(vfs.DirEntryReader); !ok {
		t.Errorf("an open directory has no ReadDir")
	} else if entries, err := dr.ReadDir(-1); err != nil || len(entries) < 10 {
		t.Errorf("ReadDir(-1) = %d entries, %v", len(entries), err)
	}
}

func TestDeviceAndInodeNumbers(t *testing.T) {
	f := newFixture(t, "")
	if err := f.ns.Symlink(f.p("file.txt"), "/tmp/p_abs"); err != nil {
		t.Fatal(err)
	}
	same := func(a, b string) bool {
		sa, sb := statT(t, mustStat(t, f.ns, a)), statT(t, mustStat(t, f.ns, b))
		return sa.Dev == sb.Dev && sa.Ino == sb.Ino
	}
	for _, pair := range [][2]string{
		{f.p("file.txt"), "/tmp/p_abs"},
		{f.p("file.txt"), f.p("self_abs")},
		{f.p("etc_passwd"), "/etc/passwd"},
		{f.p("dir/.."), f.at},
		{f.at + "/..", f.parent()},
	} {
		if !same(pair[0], pair[1]) {
			t.Errorf("%s and %s are not the same file", pair[0], pair[1])
		}
	}
	for _, pair := range [][2]string{
		{f.p("file.txt"), "/etc/passwd"},
		{f.at, f.parent()},
		{f.at, "/"},
	} {
		if same(pair[0], pair[1]) {
			t.Errorf("%s and %s look like the same file", pair[0], pair[1])
		}
	}
	// Inode numbers may repeat across mounts; the device tells them apart.
	mem := memory.New()
	writeFile(t, mem, "/x", "x")
	if err := f.ns.Mount("/mnt/a", mem); err != nil {
		t.Fatal(err)
	}
	mem2 := memory.New()
	writeFile(t, mem2, "/x", "y")
	if err := f.ns.Mount("/mnt/b", mem2); err != nil {
		t.Fatal(err)
	}
	sa, sb := statT(t, mustStat(t, f.ns, "/mnt/a/x")), statT(t, mustStat(t, f.ns, "/mnt/b/x"))
	if sa.Ino != sb.Ino {
		t.Logf("inode numbers differ anyway (%d, %d)", sa.Ino, sb.Ino)
	}
	if sa.Dev == sb.Dev {
		t.Errorf("two mounts share device %d", sa.Dev)
	}
	// The inner filesystem's own results are left alone.
	if st := statT(t, mustStat(t, mem, "/x")); st.Dev != 0 {
		t.Errorf("the memory filesystem's own dev became %d", st.Dev)
	}
}

// ---------------------------------------------------------------------------
// Mount itself.

func TestMountErrors(t *testing.T) {
	ns := mount.New(memory.New())
	writeFile(t, ns, "/file", "f")
	if err := ns.MkdirAll("/real/dir", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := ns.Symlink("/real/dir", "/link"); err != nil {
		t.Fatal(err)
	}
	if err := ns.Symlink("/nowhere", "/dangling"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		at    string
		fsys  vfs.FS
		errno syscall.Errno
	}{
		{"relative", memory.New(), syscall.EINVAL},
		{"", memory.New(), syscall.EINVAL},
		{"/a/../b", memory.New(), syscall.EINVAL},
		{"/a/", memory.New(), syscall.EINVAL},
		{"/a\x00", memory.New(), syscall.EINVAL},
		{"/x", nil, syscall.EINVAL},
		{"/x", ns, syscall.EINVAL},
		{"/file", memory.New(), syscall.ENOTDIR},
		{"/file/sub", memory.New(), syscall.ENOTDIR},
		{"/dangling", memory.New(), syscall.EEXIST},
		{"/link", memory.New(), 0},
	}
	for _, tt := range tests {
		checkErr(t, fmt.Sprintf("Mount(%q)", tt.at), ns.Mount(tt.at, tt.fsys), tt.errno)
	}
	// Through a symlink the mount lands at the directory it leads to.
	if got := ns.Mounts(); !slices.Equal(got, []string{"/real/dir"}) {
		t.Errorf("Mounts() = %q", got)
	}
	if _, err := mount.New(nil).Stat("/"); err != nil {
		t.Errorf("New(nil): %v", err)
	}
}

func TestNestedAndStackedMounts(t *testing.T) {
	f := newFixture(t, "")
	inner := memory.New()
	writeFile(t, inner, "/in.txt", "nested")
	if err := inner.Symlink("../../file.txt", "/up"); err != nil {
		t.Fatal(err)
	}
	if err := inner.Symlink("/etc/passwd", "/abs"); err != nil {
		t.Fatal(err)
	}
	// A mount inside the project: its mount point is made in the overlay.
	if err := f.ns.Mount(f.p("sub/m"), inner); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		f.p("sub/m/in.txt"):        "nested",
		f.p("sub/m/up"):            projectFile,
		f.p("sub/m/abs"):           scratchPasswd,
		f.p("sub/m/../../rel"):     innerFile,
		f.p("rel_dir/../sub/m/up"): projectFile,
	} {
		if data, err := readFile(f.ns, name); err != nil || string(data) != want {
			t.Errorf("read %s = %q, %v; want %q", name, data, err, want)
		}
	}
	checkErr(t, "rename project -> nested", f.ns.Rename(f.p("file.txt"), f.p("sub/m/file.txt")), syscall.EXDEV)
	checkErr(t, "rename nested mount point", f.ns.Rename(f.p("sub/m"), f.p("m2")), syscall.EBUSY)
	checkErr(t, "rename dir holding a mount", f.ns.Rename(f.p("sub"), f.p("sub2")), syscall.EBUSY)
	checkErr(t, "rename the project's mount point", f.ns.Rename(f.at, f.parent()+"/x"), syscall.EBUSY)
	checkErr(t, "RemoveAll of dir holding a mount", f.ns.RemoveAll(f.p("sub")), syscall.EBUSY)
	if _, err := f.ns.Stat(f.p("sub/m")); err != nil {
		t.Errorf("nested mount point gone: %v", err)
	}

	// Stacked mounts: the later one hides the earlier.
	a, b := memory.New(), memory.New()
	writeFile(t, a, "/a", "a")
	writeFile(t, b, "/b", "b")
	for _, m := range []vfs.FS{a, b} {
		if err := f.ns.Mount("/stack", m); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := f.ns.ReadDir("/stack")
	if err != nil || len(entries) != 1 || entries[0].Name() != "b" {
		t.Errorf("ReadDir(/stack) = %v, %v; want only b", entries, err)
	}
	if entries, _ := f.ns.ReadDir("/"); !slices.ContainsFunc(entries, func(e fs.DirEntry) bool { return e.Name() == "stack" }) {
		t.Errorf("/stack not listed in /")
	}
}

func TestMountAtRoot(t *testing.T) {
	dir := t.TempDir()
	buildLower(t, dir)
	before := snapshotDisk(t, dir)
	defer func() { checkDisk(t, before, snapshotDisk(t, dir)) }()
	o, err := overlay.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()
	scratch := memory.New()
	writeFile(t, scratch, "/hidden", "hidden")
	ns := mount.New(scratch)
	if err := ns.Mount("/", o); err != nil {
		t.Fatal(err)
	}
	if _, err := ns.Stat("/hidden"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the scratch root shows through the root mount: %v", err)
	}
	if data, err := readFile(ns, "/../../dir/up"); err != nil || string(data) != projectFile {
		t.Errorf("read /dir/up = %q, %v", data, err)
	}
	checkErr(t, "remove /", ns.Remove("/"), syscall.EBUSY)
	checkErr(t, "rename /", ns.Rename("/", "/x"), syscall.EBUSY)
	checkErr(t, "mkdir /", ns.Mkdir("/", 0o755), syscall.EEXIST)
	if got := ns.Mounts(); !slices.Equal(got, []string{"/"}) {
		t.Errorf("Mounts() = %q", got)
	}
}

// ---------------------------------------------------------------------------
// Concurrency.

func TestConcurrentUse(t *testing.T) {
	f := newFixture(t, "")
	names := []string{
		f.p("file.txt"), f.p("dir"), f.p("dir/x"), f.p("etc_passwd"), f.p("dangling_tmp"),
		f.p("y"), f.p("rel_dir/z"), "/tmp/a", "/tmp/b", "/tmp/d", "/etc/passwd",
		f.at + "/..", f.parent() + "/q", "/mnt/c0/x", "/mnt/c1/y", f.at,
	}
	deadline := time.Now().Add(300 * time.Millisecond)
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewSource(int64(g)))
			pick := func() string { return names[r.Intn(len(names))] }
			for i := 0; time.Now().Before(deadline); i++ {
				if g == 0 && i < 4 {
					if err := f.ns.Mount(fmt.Sprintf("/mnt/c%d", i), memory.New()); err != nil {
						errs <- err
					}
					continue
				}
				var err error
				switch r.Intn(12) {
				case 0:
					_, err = f.ns.Stat(pick())
				case 1:
					_, err = f.ns.Lstat(pick())
				case 2:
					var fh vfs.File
					if fh, err = f.ns.OpenFile(pick(), os.O_RDWR|os.O_CREATE, 0o644); err == nil {
						_, err = fh.Write([]byte("w"))
						fh.Close()
					}
				case 3:
					err = f.ns.Mkdir(pick(), 0o755)
				case 4:
					err = f.ns.Remove(pick())
				case 5:
					err = f.ns.Rename(pick(), pick())
				case 6:
					err = f.ns.Symlink(pick(), pick())
				case 7:
					err = f.ns.Link(pick(), pick())
				case 8:
					_, err = f.ns.ReadDir(pick())
				case 9:
					err = f.ns.RemoveAll(pick())
				case 10:
					_, err = readFile(f.ns, pick())
				case 11:
					_ = f.ns.Mounts()
				}
				if err != nil && vfs.Errno(err) == 0 {
					select {
					case errs <- fmt.Errorf("error without errno: %v", err):
					default:
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// ---------------------------------------------------------------------------
// Differential model tests: the namespace adds no semantic difference.

func TestModelEmptyNamespace(t *testing.T) {
	cfg := vfstest.Config{
		Setup: vfstest.ViaAPI,
		New:   func(string) (vfs.FS, error) { return mount.New(memory.New()), nil },
	}
	n := vfstest.Sequences(300)
	for seed := int64(1); seed <= int64(n); seed++ {
		vfstest.Run(t, cfg, seed)
	}
}

func TestModelOverlayAtRoot(t *testing.T) {
	cfg := vfstest.Config{
		Setup: vfstest.OnDisk,
		New: func(dir string) (vfs.FS, error) {
			o, err := overlay.New(dir)
			if err != nil {
				return nil, err
			}
			ns := mount.New(memory.New())
			if err := ns.Mount("/", o); err != nil {
				return nil, err
			}
			return ns, nil
		},
	}
	n := vfstest.Sequences(300)
	for seed := int64(1); seed <= int64(n); seed++ {
		vfstest.Run(t, cfg, seed)
	}
}

// ---------------------------------------------------------------------------
// Fuzzing.

// FuzzResolve throws arbitrary paths at a namespace with a few mounts and
// symlinks: no call may panic, every error must carry an errno, and the
// project directory on disk must not change.
func FuzzResolve(f *testing.F) {
	tmp, err := filepath.EvalSymlinks(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	lower := filepath.Join(tmp, "proj")
	if err := os.Mkdir(lower, 0o755); err != nil {
		f.Fatal(err)
	}
	buildLower(f, lower)
	before := snapshotDisk(f, lower)
	f.Cleanup(func() { checkDisk(f, before, snapshotDisk(f, lower)) })

	for _, seed := range []struct {
		op   uint8
		a, b string
	}{
		{0, "etc_passwd", ""},
		{1, "dir/escape", ""},
		{2, "dangling_tmp", ""},
		{3, "../../x/y", ""},
		{4, "chain0", "x"},
		{5, "a\x00b", "/"},
		{6, strings.Repeat("a/", 2100), ""},
		{7, "/mnt/m/up/../..", "/tmp"},
		{8, "file.txt", "/tmp/f"},
		{9, "dir/sub/to_root/mnt/m", "new"},
		{10, "", "."},
		{11, "loop_a/", "../"},
		{12, "/mnt/m", "/mnt/m/x"},
		{13, "dir/./../dir//sub/", "x/"},
	} {
		f.Add(seed.op, seed.a, seed.b)
	}

	f.Fuzz(func(t *testing.T, op uint8, a, b string) {
		scratch := memory.New()
		for _, d := range []string{"/etc", "/tmp", "/home"} {
			if err := scratch.MkdirAll(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		writeFile(t, scratch, "/etc/passwd", scratchPasswd)
		ns := mount.New(scratch)
		o, err := overlay.New(lower)
		if err != nil {
			t.Fatal(err)
		}
		defer o.Close()
		if err := ns.Mount(lower, o); err != nil {
			t.Fatal(err)
		}
		mem := memory.New()
		if err := mem.Symlink("../..", "/up"); err != nil {
			t.Fatal(err)
		}
		if err := mem.Symlink(lower, "/proj"); err != nil {
			t.Fatal(err)
		}
		if err := ns.Mount("/mnt/m", mem); err != nil {
			t.Fatal(err)
		}
		if err := ns.Symlink(lower+"/dir", "/tmp/pd"); err != nil {
			t.Fatal(err)
		}

		// Most inputs are taken relative to one of the mounts.
		prefixes := []string{"", lower + "/", "/mnt/m/", "/tmp/pd/"}
		pa := prefixes[int(op>>4)%len(prefixes)] + a
		pb := prefixes[int(op>>6)%len(prefixes)] + b
		check := func(what string, err error) {
			if err != nil && vfs.Errno(err) == 0 {
				t.Errorf("%s: error without errno: %#v", what, err)
			}
		}
		flags := []int{
			os.O_RDONLY, os.O_RDWR, os.O_WRONLY | os.O_CREATE | os.O_TRUNC,
			os.O_RDWR | os.O_CREATE | os.O_EXCL, os.O_RDONLY | syscall.O_NOFOLLOW,
			os.O_WRONLY | os.O_CREATE | syscall.O_NOFOLLOW, os.O_WRONLY | os.O_APPEND | os.O_CREATE,
		}
		switch op % 14 {
		case 0, 1:
			fi, err := ns.Stat(pa)
			check("stat", err)
			if err == nil && fi.Sys() == nil {
				t.Errorf("stat %q: no Sys", pa)
			}
		case 2, 3:
			_, err := ns.Lstat(pa)
			check("lstat", err)
		case 4, 5, 6:
			fh, err := ns.OpenFile(pa, flags[int(op)%len(flags)], 0o644)
			check("open", err)
			if err == nil {
				if fh.Name() != pa {
					t.Errorf("Name() = %q, want %q", fh.Name(), pa)
				}
				_, err = fh.Write([]byte("x"))
				check("write", err)
				_, err = fh.Stat()
				check("fstat", err)
				_, err = fh.Readdirnames(-1)
				check("readdirnames", err)
				check("close", fh.Close())
			}
		case 7, 8:
			check("mkdir", ns.Mkdir(pa, 0o755))
		case 9:
			_, err := ns.ReadDir(pa)
			check("readdir", err)
			_, err = ns.Readlink(pa)
			check("readlink", err)
		case 10:
			check("remove", ns.Remove(pa))
			check("removeall", ns.RemoveAll(pb))
		case 11:
			check("rename", ns.Rename(pa, pb))
		case 12:
			check("link", ns.Link(pa, pb))
		case 13:
			check("symlink", ns.Symlink(b, pa))
			check("mkdirall", ns.MkdirAll(pb, 0o755))
			check("chmod", ns.Chmod(pa, 0o600))
		}
		// Whatever happened, the namespace still works and has its mounts.
		if _, err := ns.Stat("/mnt/m"); err != nil {
			t.Errorf("stat /mnt/m afterwards: %v", err)
		}
		if got := ns.Mounts(); len(got) != 2 {
			t.Errorf("Mounts() = %q", got)
		}
	})
}

// ---------------------------------------------------------------------------
// Benchmarks.

// BenchmarkStatDeep compares a Stat eight directories deep into the
// project through the namespace with the same Stat on the overlay alone.
// The namespace looks every component up with a Lstat of the inner
// filesystem, which walks from the inner root again, so the cost grows
// with the square of the depth.
func BenchmarkStatDeep(b *testing.B) {
	tmp, err := filepath.EvalSymlinks(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	rel := "a/b/c/d/e/f/g/h"
	if err := os.MkdirAll(filepath.Join(tmp, rel), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmp, rel, "file"), []byte("x"), 0o644); err != nil {
		b.Fatal(err)
	}
	o, err := overlay.New(tmp)
	if err != nil {
		b.Fatal(err)
	}
	defer o.Close()
	ns := mount.New(memory.New())
	if err := ns.Mount(tmp, o); err != nil {
		b.Fatal(err)
	}
	b.Run("overlay", func(b *testing.B) {
		for b.Loop() {
			if _, err := o.Stat("/" + rel + "/file"); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("namespace", func(b *testing.B) {
		for b.Loop() {
			if _, err := ns.Stat(tmp + "/" + rel + "/file"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
