package vfstest

import (
	"errors"
	"io/fs"
	"math/rand"
	"os"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/sandsh/sandsh/vfs"
)

func TestMain(m *testing.M) { Main(m) }

// realFS starts a second chroot helper and returns a Config.New for
// ViaAPI that hands out that helper, emptied, as a correct vfs.FS.
func realFS(t testing.TB) func(string) (vfs.FS, error) {
	t.Helper()
	h, err := startHelper("")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.stop)
	return func(dir string) (vfs.FS, error) {
		if dir != "" {
			return nil, errors.New("realFS is for ViaAPI")
		}
		if err := h.reset(nil, 0o755); err != nil {
			return nil, err
		}
		return &remoteFS{h: h}, nil
	}
}

func TestRandomTreeDeterministic(t *testing.T) {
	distinct := map[string]bool{}
	for seed := int64(0); seed < 50; seed++ {
		a := RandomTree(rand.New(rand.NewSource(seed)))
		b := RandomTree(rand.New(rand.NewSource(seed)))
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("seed %d: two trees differ:\n%s\n%s", seed, treeString(a), treeString(b))
		}
		distinct[treeString(a)] = true
	}
	if len(distinct) < 45 {
		t.Errorf("only %d distinct trees from 50 seeds", len(distinct))
	}
}

// TestRandomTreeVariety checks that the trees hold what the harness
// promises: deep directories, empty ones, binary files, odd modes, and all
// the kinds of symlinks.
func TestRandomTreeVariety(t *testing.T) {
	seen := map[string]bool{}
	for seed := int64(0); seed < 200; seed++ {
		tree := RandomTree(rand.New(rand.NewSource(seed)))
		paths := map[string]TreeEntry{}
		for _, e := range tree {
			paths[e.Path] = e
		}
		for _, e := range tree {
			if _, ok := paths[parentOf(e.Path)]; !ok && parentOf(e.Path) != "/" {
				t.Fatalf("seed %d: %s comes without its parent", seed, e.Path)
			}
			switch e.Type {
			case TypeDir:
				seen["dir"] = true
				if e.Perm&fs.ModeSticky != 0 {
					seen["sticky dir"] = true
				}
				if strings.Count(e.Path, "/") >= 4 {
					seen["deep dir"] = true
				}
				empty := true
				for _, o := range tree {
					if parentOf(o.Path) == e.Path {
						empty = false
					}
				}
				if empty {
					seen["empty dir"] = true
				}
			case TypeFile:
				seen["mode "+e.Perm.String()] = true
				if strings.ContainsFunc(string(e.Data), func(r rune) bool { return r >= 0x80 || r < 9 }) {
					seen["binary file"] = true
				}
			case TypeSymlink:
				switch {
				case strings.HasPrefix(e.Target, "/"):
					seen["absolute link"] = true
				case e.Target != "":
					seen["relative link"] = true
				}
				if t, ok := paths[vfs.Clean(e.Target)]; ok && t.Type == TypeDir {
					seen["link to dir"] = true
				}
				if strings.Contains(e.Target, "missing") || strings.Contains(e.Target, "nowhere") {
					seen["dangling link"] = true
				}
				if e.Target == parentOf(e.Path)+"/"+e.Path[strings.LastIndex(e.Path, "/")+1:] || e.Target == e.Path[strings.LastIndex(e.Path, "/")+1:] {
					seen["self loop"] = true
				}
			}
		}
	}
	for _, want := range []string{"dir", "deep dir", "empty dir", "binary file", "absolute link", "relative link",
		"link to dir", "dangling link", "sticky dir", "self loop", "mode ----------", "mode -rw-------", "mode -r--r--r--", "mode urwxr-xr-x"} {
		if !seen[want] {
			t.Errorf("no %s in 200 trees", want)
		}
	}
}

func parentOf(p string) string {
	i := strings.LastIndex(p, "/")
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

// TestBuildDirMatchesBuildFS builds the same tree on disk and through the
// API of a real FS and compares the snapshots exactly (but for times).
func TestBuildDirMatchesBuildFS(t *testing.T) {
	newFS := realFS(t)
	for seed := int64(0); seed < 10; seed++ {
		tree := RandomTree(rand.New(rand.NewSource(seed)))
		dir := t.TempDir()
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := BuildDir(dir, tree); err != nil {
			t.Fatal(err)
		}
		fsys, err := newFS("")
		if err != nil {
			t.Fatal(err)
		}
		if err := BuildFS(fsys, tree); err != nil {
			t.Fatal(err)
		}
		if d := Diff(SnapshotDir(dir), SnapshotFS(fsys)); len(d) > 0 {
			t.Fatalf("seed %d:\n%s", seed, strings.Join(d, "\n"))
		}
	}
}

// TestRealAgainstReal runs sequences against a second chroot helper: two
// identical real directories must always agree.
func TestRealAgainstReal(t *testing.T) {
	n := int64(40)
	if testing.Short() {
		n = 10
	}
	steps := 0
	cfg := Config{Setup: ViaAPI, New: realFS(t), Steps: 40,
		AfterStep: func(fsys vfs.FS, start, current Snapshot) error {
			steps++
			if len(start) == 0 || len(current) == 0 {
				return errors.New("empty snapshot")
			}
			return nil
		}}
	for seed := int64(1); seed <= n; seed++ {
		Run(t, cfg, seed)
	}
	if want := int(n) * 41; steps != want {
		t.Errorf("AfterStep called %d times, want %d", steps, want)
	}
}

func TestRealAgainstRealBytes(t *testing.T) {
	cfg := Config{Setup: ViaAPI, New: realFS(t)}
	r := rand.New(rand.NewSource(1))
	inputs := [][]byte{nil, {0}, []byte("hello, world"), make([]byte, 300)}
	for range 10 {
		b := make([]byte, r.Intn(400))
		r.Read(b)
		inputs = append(inputs, b)
	}
	for _, in := range inputs {
		RunBytes(t, cfg, in)
	}
}

func FuzzRealAgainstReal(f *testing.F) {
	f.Add([]byte("seed corpus"))
	newFS := realFS(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		RunBytes(t, Config{Setup: ViaAPI, New: newFS}, data)
	})
}

// TestOnDiskDetectsWrites opens a "FS under test" that writes through to D:
// the harness must notice that D changed.
func TestOnDiskDetectsWrites(t *testing.T) {
	cfg := Config{Setup: OnDisk, New: func(dir string) (vfs.FS, error) {
		h, err := startHelper(dir)
		if err != nil {
			return nil, err
		}
		t.Cleanup(h.stop)
		return &remoteFS{h: h}, nil
	}}
	for seed := int64(1); seed <= 2; seed++ {
		err := Check(cfg, seed)
		var f *Failure
		if !errors.As(err, &f) {
			t.Fatalf("seed %d: want a *Failure, got %v", seed, err)
		}
		if !strings.Contains(f.Report, "modified its directory") {
			t.Fatalf("seed %d: the failure is not about modifying D:\n%s", seed, f.Report)
		}
	}
}

// TestOnDiskRealCopy opens, as the FS under test, a chroot helper on a copy
// of D: a correct FS that leaves D alone, so every sequence must pass.
func TestOnDiskRealCopy(t *testing.T) {
	cp := t.TempDir()
	h, err := startHelper(cp)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(h.stop)
	cfg := Config{Setup: OnDisk, New: func(dir string) (vfs.FS, error) {
		if err := h.reset(nil, 0o755); err != nil {
			return nil, err
		}
		if err := copyTree(dir, cp); err != nil {
			return nil, err
		}
		return &remoteFS{h: h}, nil
	}}
	for seed := int64(1); seed <= 10; seed++ {
		Run(t, cfg, seed)
	}
}

// copyTree copies the tree below src into the existing directory dst,
// keeping modes and modification times.
func copyTree(src, dst string) error {
	s := SnapshotDir(src)
	paths := s.Paths()
	for _, p := range paths {
		e, to := s[p], dst+p
		var err error
		switch {
		case p == "/":
		case e.Type == TypeDir:
			err = os.Mkdir(to, 0o700)
		case e.Type == TypeFile:
			err = os.WriteFile(to, e.Data, 0o600)
		case e.Type == TypeSymlink:
			err = os.Symlink(e.Target, to)
		}
		if err != nil {
			return err
		}
	}
	for i := len(paths) - 1; i >= 0; i-- {
		e, to := s[paths[i]], dst+paths[i]
		if e.Type == TypeSymlink {
			continue
		}
		if err := os.Chmod(to, e.Mode); err != nil {
			return err
		}
		if err := os.Chtimes(to, e.ModTime, e.ModTime); err != nil {
			return err
		}
	}
	return nil
}

// TestOnDiskReadOnly uses an FS that only reads D (every write fails with
// EROFS); the harness must report the first write as a mismatch, not as a
// modification of D.
func TestOnDiskReadOnly(t *testing.T) {
	cfg := Config{Setup: OnDisk, New: func(dir string) (vfs.FS, error) {
		h, err := startHelper(dir)
		if err != nil {
			return nil, err
		}
		t.Cleanup(h.stop)
		return readOnly{&remoteFS{h: h}}, nil
	}}
	err := Check(cfg, 1)
	var f *Failure
	if !errors.As(err, &f) || !strings.Contains(f.Report, "EROFS") || strings.Contains(f.Report, "modified its directory") {
		t.Fatalf("want a mismatch on EROFS, got:\n%v", err)
	}
}

type readOnly struct{ vfs.FS }

func rofs(op, name string) error { return vfs.PathError(op, name, syscall.EROFS) }

func (r readOnly) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		return nil, rofs("open", name)
	}
	return r.FS.OpenFile(name, flag, perm)
}
func (r readOnly) Mkdir(name string, perm fs.FileMode) error    { return rofs("mkdir", name) }
func (r readOnly) MkdirAll(name string, perm fs.FileMode) error { return rofs("mkdir", name) }
func (r readOnly) Remove(name string) error                     { return rofs("remove", name) }
func (r readOnly) RemoveAll(name string) error                  { return rofs("remove", name) }
func (r readOnly) Rename(o, n string) error                     { return rofs("rename", o) }
func (r readOnly) Chmod(name string, mode fs.FileMode) error    { return rofs("chmod", name) }
func (r readOnly) Chtimes(name string, a, m time.Time) error    { return rofs("chtimes", name) }
func (r readOnly) SymlinkIfPossible(o, n string) error          { return rofs("symlink", n) }
func (r readOnly) Link(o, n string) error                       { return rofs("link", n) }

// Broken filesystems: a correct one with one thing wrong.

type badMkdir struct{ vfs.FS }

func (b badMkdir) Mkdir(name string, perm fs.FileMode) error {
	return vfs.PathError("mkdir", name, syscall.ENOENT)
}

// badChmod silently drops the setuid, setgid and sticky bits.
type badChmod struct{ vfs.FS }

func (b badChmod) Chmod(name string, mode fs.FileMode) error {
	return b.FS.Chmod(name, mode.Perm())
}

// badLstat reports every link count as 1.
type badLstat struct{ vfs.FS }

func (b badLstat) LstatIfPossible(name string) (fs.FileInfo, bool, error) {
	fi, ok, err := b.FS.LstatIfPossible(name)
	if err == nil {
		st := *vfs.StatT(fi)
		st.Nlink = 1
		fi = &remoteInfo{wireInfo{Name: fi.Name(), Mode: fi.Mode(), Size: fi.Size(), ModTime: fi.ModTime(), Nlink: 1, Ino: st.Ino}}
	}
	return fi, ok, err
}

// badRename refuses to rename onto an existing directory, as os.Rename does.
type badRename struct{ vfs.FS }

func (b badRename) Rename(o, n string) error {
	if fi, err := b.FS.Stat(n); err == nil && fi.IsDir() {
		return vfs.LinkError("rename", o, n, syscall.EEXIST)
	}
	return b.FS.Rename(o, n)
}

// badWriteAt writes past the end of a file at its end, leaving no hole.
type badWriteAt struct{ vfs.FS }

func (b badWriteAt) OpenFile(name string, flag int, perm fs.FileMode) (afero.File, error) {
	f, err := b.FS.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return noHoles{f}, nil
}

type noHoles struct{ afero.File }

func (f noHoles) WriteAt(p []byte, off int64) (int, error) {
	if fi, err := f.Stat(); err == nil && off > fi.Size() {
		off = fi.Size()
	}
	return f.File.WriteAt(p, off)
}

// badSymlink resolves absolute targets against "/"... by storing them
// relative, which changes what readlink returns.
type badSymlink struct{ vfs.FS }

func (b badSymlink) SymlinkIfPossible(o, n string) error {
	return b.FS.SymlinkIfPossible(strings.TrimPrefix(o, "/"), n)
}

// panicky panics in Remove.
type panicky struct{ vfs.FS }

func (p panicky) Remove(name string) error { panic("boom") }

func TestDetectsBrokenFS(t *testing.T) {
	newReal := realFS(t)
	for _, tc := range []struct {
		name string
		wrap func(vfs.FS) vfs.FS
		want string
	}{
		{"mkdir returns ENOENT", func(f vfs.FS) vfs.FS { return badMkdir{f} }, "fsys.Mkdir("},
		{"chmod drops special bits", func(f vfs.FS) vfs.FS { return badChmod{f} }, "fsys.Chmod("},
		{"lstat nlink", func(f vfs.FS) vfs.FS { return badLstat{f} }, "nlink"},
		{"rename onto dir", func(f vfs.FS) vfs.FS { return badRename{f} }, "fsys.Rename("},
		{"writeat leaves no holes", func(f vfs.FS) vfs.FS { return badWriteAt{f} }, "WriteAt("},
		{"absolute symlinks", func(f vfs.FS) vfs.FS { return badSymlink{f} }, "target"},
		{"panic", func(f vfs.FS) vfs.FS { return panicky{f} }, "boom"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{Setup: ViaAPI, Steps: 40, New: func(dir string) (vfs.FS, error) {
				f, err := newReal(dir)
				if err != nil {
					return nil, err
				}
				return tc.wrap(f), nil
			}}
			for seed := int64(1); seed <= 60; seed++ {
				err := Check(cfg, seed)
				if err == nil {
					continue
				}
				var f *Failure
				if !errors.As(err, &f) {
					t.Fatalf("seed %d: want a *Failure, got %v", seed, err)
				}
				if f.Seed != seed || f.Step < 0 || len(f.Ops) != f.Step {
					t.Fatalf("seed %d: bad failure fields: seed %d, step %d, %d ops", seed, f.Seed, f.Step, len(f.Ops))
				}
				if !strings.Contains(f.Report, tc.want) || !strings.Contains(f.Report, "reproduce with: vfstest.Run(t, cfg, ") {
					t.Fatalf("seed %d: report lacks %q:\n%s", seed, tc.want, f.Report)
				}
				// The failure is reproducible from the seed.
				var again *Failure
				if !errors.As(Check(cfg, seed), &again) || again.Step != f.Step || !reflect.DeepEqual(again.Ops, f.Ops) {
					t.Fatalf("seed %d: the failure did not reproduce", seed)
				}
				t.Logf("detected at seed %d step %d", seed, f.Step)
				if testing.Verbose() && tc.name == "mkdir returns ENOENT" {
					t.Logf("sample report:\n%s", f.Report)
				}
				return
			}
			t.Fatal("the broken FS passed 60 sequences")
		})
	}
}

// TestRunFails checks that Run fails the test it is given.
func TestRunFails(t *testing.T) {
	newReal := realFS(t)
	cfg := Config{Setup: ViaAPI, New: func(dir string) (vfs.FS, error) {
		f, err := newReal(dir)
		return badMkdir{f}, err
	}}
	ft := &fakeT{TB: t}
	func() {
		defer func() { recover() }()
		for seed := int64(1); seed <= 20 && !ft.failed; seed++ {
			Run(ft, cfg, seed)
		}
	}()
	if !ft.failed || !strings.Contains(ft.msg, "seed ") {
		t.Fatalf("Run did not fail the test: %q", ft.msg)
	}
}

type fakeT struct {
	testing.TB
	failed bool
	msg    string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatal(args ...any) {
	f.failed = true
	f.msg = toString(args)
	panic("fatal")
}

func toString(args []any) string {
	var b strings.Builder
	for _, a := range args {
		if e, ok := a.(error); ok {
			b.WriteString(e.Error())
		}
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	old := time.Date(2003, 1, 1, 0, 0, 0, 0, time.UTC)
	now := time.Now()
	a := Snapshot{
		"/":  {Type: TypeDir, Mode: 0o755, Size: 4096, Nlink: 3, ModTime: now},
		"/f": {Type: TypeFile, Mode: 0o644, Size: 3, Data: []byte("abc"), Nlink: 1, ModTime: now},
		"/l": {Type: TypeSymlink, Mode: 0o777, Size: 1, Target: "f", ModTime: old},
		"/d": {Type: TypeDir, Mode: 0o755, Size: 4096, Nlink: 2, ModTime: now},
	}
	b := Snapshot{
		"/":  {Type: TypeDir, Mode: 0o755, Size: 60, Nlink: 5, ModTime: now.Add(time.Hour)},
		"/f": {Type: TypeFile, Mode: 0o644, Size: 3, Data: []byte("abc"), Nlink: 1, ModTime: now.Add(time.Second)},
		"/l": {Type: TypeSymlink, Mode: 0o777, Size: 1, Target: "f", ModTime: old},
		"/d": {Type: TypeDir, Mode: 0o755, Size: 0, Nlink: 9, ModTime: now},
	}
	if d := Diff(a, b); len(d) != 0 {
		t.Fatalf("Diff reports irrelevant differences: %q", d)
	}
	if d := DiffExact(a, b); len(d) == 0 {
		t.Fatalf("DiffExact reports nothing")
	}
	c := Snapshot{
		"/":  a["/"],
		"/f": {Type: TypeFile, Mode: 0o644 | fs.ModeSetuid, Size: 4, Data: []byte("abd!"), Nlink: 2, ModTime: now},
		"/l": {Type: TypeSymlink, Mode: 0o777, Size: 1, Target: "g", ModTime: now},
		"/e": {Type: TypeFile},
	}
	d := strings.Join(Diff(a, c), "\n")
	for _, want := range []string{
		"/f: mode 0o644 vs 0o644|fs.ModeSetuid", "/f: size 3 vs 4", "/f: nlink 1 vs 2",
		"/f: content differs: len 3 vs 4, first difference at 2", `/l: target "f" vs "g"`, "/l: mtime 2003-01-01",
		"/d: only in first", "/e: only in second",
	} {
		if !strings.Contains(d, want) {
			t.Errorf("Diff lacks %q:\n%s", want, d)
		}
	}
}

func TestSnapshotDir(t *testing.T) {
	dir := t.TempDir()
	tree := []TreeEntry{
		{Path: "/d", Type: TypeDir, Perm: 0o750 | fs.ModeSticky},
		{Path: "/d/f", Type: TypeFile, Perm: fs.ModeSetuid | 0o755, Data: []byte("x\x00y"), ModTime: time.Date(2002, 3, 4, 5, 6, 7, 8, time.UTC)},
		{Path: "/d/l", Type: TypeSymlink, Target: "/d/f"},
	}
	if err := BuildDir(dir, tree); err != nil {
		t.Fatal(err)
	}
	s := SnapshotDir(dir)
	if e := s["/d"]; e.Type != TypeDir || e.Mode != 0o750|fs.ModeSticky {
		t.Errorf("/d: %v", e)
	}
	if e := s["/d/f"]; e.Type != TypeFile || e.Mode != fs.ModeSetuid|0o755 || string(e.Data) != "x\x00y" || e.Nlink != 1 || !e.ModTime.Equal(tree[1].ModTime) {
		t.Errorf("/d/f: %v", e)
	}
	if e := s["/d/l"]; e.Type != TypeSymlink || e.Target != "/d/f" {
		t.Errorf("/d/l: %v", e)
	}
	if len(s) != 4 {
		t.Errorf("snapshot has %d entries:\n%s", len(s), s)
	}
}

// TestHelperChrootFailure checks that a helper that cannot chroot is a
// clear error, not a skip.
func TestHelperChrootFailure(t *testing.T) {
	_, err := startHelper("/nonexistent/vfstest")
	if err == nil || !strings.Contains(err.Error(), "chroot") || !strings.Contains(err.Error(), "root") {
		t.Fatalf("want a clear chroot error, got %v", err)
	}
	t.Log(err)
}
