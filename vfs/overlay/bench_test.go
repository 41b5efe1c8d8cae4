package overlay_test

import (
	"errors"
	"fmt"
	"github.com/sandsh/sandsh/vfs/vfstest"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// The lower directory shared by the benchmarks and the memory tests is
// built once per process, lazily, in a temporary directory under
// os.TempDir, and removed by TestMain when the run ends.
//
//	tree/d?/d?/d?/d?/d?/f?  4^5 = 1024 leaf directories of 10 files: 10,240 files
//	wide/f00000..f09999    one directory of 10,000 files
//	big100                 a 100 MB file with a byte pattern (made only when asked for)
const (
	treeFanout   = 4
	treeDepth    = 5 // directory levels below tree/
	treeLeafFile = 10
	wideFiles    = 10000
	bigSize      = 100 << 20

	deepPath = "/tree/d1/d2/d3/d0/d1/f5" // depth 7 from the root, 6 below tree/
)

var (
	fxRootOnce sync.Once
	fxRoot     string
	fxRootErr  error

	fxTreeOnce sync.Once
	fxTreeErr  error

	fxBigOnce sync.Once
	fxBigErr  error
)

func TestMain(m *testing.M) {
	vfstest.MainCleanup(m, func() {
		if fxRoot != "" {
			if err := os.RemoveAll(fxRoot); err != nil {
				fmt.Fprintln(os.Stderr, "removing fixture:", err)
			}
		}
	})
}

func fixtureRoot(tb testing.TB) string {
	tb.Helper()
	fxRootOnce.Do(func() {
		fxRoot, fxRootErr = os.MkdirTemp(os.TempDir(), "overlay-bench-")
	})
	if fxRootErr != nil {
		tb.Fatal(fxRootErr)
	}
	return fxRoot
}

// treeFixture returns the lower directory with tree/ and wide/ built.
func treeFixture(tb testing.TB) string {
	tb.Helper()
	root := fixtureRoot(tb)
	fxTreeOnce.Do(func() { fxTreeErr = buildTree(root) })
	if fxTreeErr != nil {
		tb.Fatal(fxTreeErr)
	}
	return root
}

// bigFixture returns the lower directory with big100 written, and its path
// in the view.
func bigFixture(tb testing.TB) (string, string) {
	tb.Helper()
	root := fixtureRoot(tb)
	fxBigOnce.Do(func() { fxBigErr = writePatternFile(filepath.Join(root, "big100"), bigSize) })
	if fxBigErr != nil {
		tb.Fatal(fxBigErr)
	}
	return root, "/big100"
}

// patternByte is the byte at offset off of a pattern file.
func patternByte(off int64) byte { return byte(off*7 + off>>20) }

func fillPattern(p []byte, off int64) {
	for i := range p {
		p[i] = patternByte(off + int64(i))
	}
}

func writePatternFile(name string, size int64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	buf := make([]byte, 1<<20)
	for off := int64(0); off < size; off += int64(len(buf)) {
		chunk := buf[:min(int64(len(buf)), size-off)]
		fillPattern(chunk, off)
		if _, err := f.Write(chunk); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// leafDirs returns the slash paths, relative to tree's parent, of the leaf
// directories of tree/.
func leafDirs() []string {
	dirs := []string{"tree"}
	for level := 0; level < treeDepth; level++ {
		var next []string
		for _, d := range dirs {
			for i := range treeFanout {
				next = append(next, fmt.Sprintf("%s/d%d", d, i))
			}
		}
		dirs = next
	}
	return dirs
}

func buildTree(root string) error {
	leaves := leafDirs()
	for _, d := range leaves {
		if err := os.MkdirAll(filepath.Join(root, filepath.FromSlash(d)), 0o755); err != nil {
			return err
		}
	}
	if err := os.Mkdir(filepath.Join(root, "wide"), 0o755); err != nil {
		return err
	}
	var jobs []string
	for _, d := range leaves {
		for i := range treeLeafFile {
			jobs = append(jobs, fmt.Sprintf("%s/f%d", d, i))
		}
	}
	for i := range wideFiles {
		jobs = append(jobs, fmt.Sprintf("wide/f%05d", i))
	}
	workers := max(4, runtime.GOMAXPROCS(0))
	errs := make(chan error, workers)
	for w := range workers {
		go func() {
			var err error
			for i := w; i < len(jobs) && err == nil; i += workers {
				err = os.WriteFile(filepath.Join(root, filepath.FromSlash(jobs[i])), []byte(jobs[i]+"\n"), 0o644)
			}
			errs <- err
		}()
	}
	var first error
	for range workers {
		if err := <-errs; err != nil && first == nil {
			first = err
		}
	}
	return first
}

func newOverlay(tb testing.TB, dir string) *overlay.FS {
	tb.Helper()
	o, err := overlay.New(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { o.Close() })
	return o
}

// memTree builds tree/ and wide/ in a memory.FS through its API.
var (
	memTreeOnce sync.Once
	memTreeFS   *memory.FS
	memTreeErr  error
)

func memFixture(tb testing.TB) *memory.FS {
	tb.Helper()
	memTreeOnce.Do(func() {
		m := memory.New()
		memTreeErr = func() error {
			for _, d := range leafDirs() {
				if err := m.MkdirAll("/"+d, 0o755); err != nil {
					return err
				}
				for i := range treeLeafFile {
					if err := memWrite(m, fmt.Sprintf("/%s/f%d", d, i)); err != nil {
						return err
					}
				}
			}
			if err := m.Mkdir("/wide", 0o755); err != nil {
				return err
			}
			for i := range wideFiles {
				if err := memWrite(m, fmt.Sprintf("/wide/f%05d", i)); err != nil {
					return err
				}
			}
			return nil
		}()
		memTreeFS = m
	})
	if memTreeErr != nil {
		tb.Fatal(memTreeErr)
	}
	return memTreeFS
}

func memWrite(m *memory.FS, name string) error {
	f, err := m.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write([]byte(name[1:] + "\n")); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func benchStat(b *testing.B, fsys vfs.FS, name string) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := fsys.Stat(name); err != nil {
			b.Fatal(err)
		}
	}
}

func benchOpen(b *testing.B, fsys vfs.FS, name string) {
	b.ReportAllocs()
	for b.Loop() {
		f, err := fsys.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// copyUpParents makes every directory on the way to deepPath an upper
// directory, by creating a sibling of the deep file, so lookups go through
// both layers.
func copyUpParents(b *testing.B, o *overlay.FS) {
	f, err := o.Create(path.Dir(deepPath) + "/new")
	if err != nil {
		b.Fatal(err)
	}
	f.Close()
}

// BenchmarkStatDeep stats a lower file seven components deep in a
// 10,000-file tree: "lower" with nothing copied up above it, "merged" with
// every parent directory copied up (so each step looks in both layers).
func BenchmarkStatDeep(b *testing.B) {
	root := treeFixture(b)
	b.Run("lower", func(b *testing.B) {
		benchStat(b, newOverlay(b, root), deepPath)
	})
	b.Run("merged", func(b *testing.B) {
		o := newOverlay(b, root)
		copyUpParents(b, o)
		benchStat(b, o, deepPath)
	})
}

// BenchmarkOpenDeep opens and closes the same deep lower file.
func BenchmarkOpenDeep(b *testing.B) {
	root := treeFixture(b)
	b.Run("lower", func(b *testing.B) {
		benchOpen(b, newOverlay(b, root), deepPath)
	})
	b.Run("merged", func(b *testing.B) {
		o := newOverlay(b, root)
		copyUpParents(b, o)
		benchOpen(b, o, deepPath)
	})
}

// BenchmarkReadDirMerged10k lists a merged directory of 10,000 entries:
// 10,000 lower files of which 1,000 are whited out and 500 copied up
// (chmod), plus 1,000 files created in the upper layer.
func BenchmarkReadDirMerged10k(b *testing.B) {
	root := treeFixture(b)
	o := newOverlay(b, root)
	for i := range 1000 {
		if err := o.Remove(fmt.Sprintf("/wide/f%05d", i)); err != nil {
			b.Fatal(err)
		}
		f, err := o.Create(fmt.Sprintf("/wide/n%05d", i))
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	for i := 1000; i < 1500; i++ {
		if err := o.Chmod(fmt.Sprintf("/wide/f%05d", i), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	entries, err := o.ReadDir("/wide")
	if err != nil {
		b.Fatal(err)
	}
	if len(entries) != wideFiles {
		b.Fatalf("merged listing has %d entries, want %d", len(entries), wideFiles)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := o.ReadDir("/wide"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadDirLower10k lists the same 10,000-file directory with
// nothing of it in the upper layer, for comparison.
func BenchmarkReadDirLower10k(b *testing.B) {
	root := treeFixture(b)
	o := newOverlay(b, root)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := o.ReadDir("/wide"); err != nil {
			b.Fatal(err)
		}
	}
}

// copyUpOnce opens the lower file name of a fresh overlay on root for
// writing, writes one byte at offset 0 (which copies the whole file up) and
// closes it.
func copyUpOnce(tb testing.TB, root, name string) *overlay.FS {
	o, err := overlay.New(root)
	if err != nil {
		tb.Fatal(err)
	}
	f, err := o.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{'X'}, 0); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return o
}

// BenchmarkCopyUp100MB copies a 100 MB lower file up with a one-byte write,
// on a new overlay each time. peak-heap-MB is the growth of HeapInuse over
// one copy-up, sampled; alloc-MB is the bytes allocated by it.
func BenchmarkCopyUp100MB(b *testing.B) {
	root, name := bigFixture(b)

	hp := startHeapPeak()
	o := copyUpOnce(b, root, name)
	peak, alloc := hp.stop()
	held := o.UpperBytes()
	o.Close()
	o = nil

	b.SetBytes(bigSize)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		copyUpOnce(b, root, name).Close()
	}
	b.StopTimer()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(alloc)/(1<<20), "alloc-MB")
	b.ReportMetric(float64(held)/(1<<20), "upper-MB")
}

// BenchmarkRenameLowerDir10k renames a lower directory of 10,000 files on a
// new overlay each time; only the Rename is timed.
func BenchmarkRenameLowerDir10k(b *testing.B) {
	root := treeFixture(b)
	b.ReportAllocs()
	b.StopTimer()
	for i := 0; i < b.N; i++ {
		o, err := overlay.New(root)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		err = o.Rename("/wide", "/moved")
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		fi, err := o.Stat("/moved/f05000")
		if err != nil {
			b.Fatal(err)
		}
		if fi.Size() != int64(len("wide/f05000\n")) {
			b.Fatalf("moved file has size %d", fi.Size())
		}
		if _, err := o.Stat("/wide"); !errors.Is(err, fs.ErrNotExist) {
			b.Fatalf("old name after rename: %v", err)
		}
		o.Close()
	}
}

// The same lookups against a memory.FS holding the same tree.

func BenchmarkMemoryStatDeep(b *testing.B) { benchStat(b, memFixture(b), deepPath) }

func BenchmarkMemoryOpenDeep(b *testing.B) { benchOpen(b, memFixture(b), deepPath) }

func BenchmarkMemoryReadDir10k(b *testing.B) {
	m := memFixture(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := m.ReadDir("/wide"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMemoryRenameDir10k(b *testing.B) {
	m := memFixture(b)
	b.ReportAllocs()
	names := [2]string{"/wide", "/moved"}
	i := 0
	for b.Loop() {
		if err := m.Rename(names[i%2], names[(i+1)%2]); err != nil {
			b.Fatal(err)
		}
		i++
	}
	b.StopTimer()
	if i%2 == 1 {
		if err := m.Rename("/moved", "/wide"); err != nil {
			b.Fatal(err)
		}
	}
}
