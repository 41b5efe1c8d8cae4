package overlay_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/overlay"
)

// lowerEntry is what TestConcurrentReadWrite checks a lower path kept.
type lowerEntry struct {
	mode   fs.FileMode
	size   int64
	mtime  time.Time
	sum    [32]byte // contents of a regular file
	target string   // of a symlink
}

// snapshotLower records every entry below dir: mode, size, mtime, and the
// contents or target.
func snapshotLower(t *testing.T, dir string) map[string]lowerEntry {
	t.Helper()
	snap := map[string]lowerEntry{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		e := lowerEntry{mode: fi.Mode(), size: fi.Size(), mtime: fi.ModTime()}
		switch {
		case fi.Mode().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			e.sum = sha256.Sum256(b)
		case fi.Mode()&fs.ModeSymlink != 0:
			if e.target, err = os.Readlink(p); err != nil {
				return err
			}
		}
		rel, _ := filepath.Rel(dir, p)
		snap[rel] = e
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}

func compareSnapshots(t *testing.T, before, after map[string]lowerEntry) {
	t.Helper()
	for p, b := range before {
		a, ok := after[p]
		switch {
		case !ok:
			t.Errorf("lower %s disappeared", p)
		case a != b:
			t.Errorf("lower %s changed: was %+v, now %+v", p, b, a)
		}
	}
	for p := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("lower %s appeared", p)
		}
	}
}

const (
	cWorkers     = 16
	cDuration    = time.Second
	cRecSize     = 64
	cRegion      = 8 << 10
	cShared      = 4
	cAppendLower = 256<<10 + 13 // not a multiple of cRecSize
	cROFiles     = 10
	cLowerFiles  = 40 // dir/l0..l39
	cLowerSubs   = 4  // dir/sd0..sd3, each with c0..c4
)

// The expected bytes are computed once: filling big buffers byte by byte
// in every operation would mostly measure the race detector.
var (
	cOnce      sync.Once
	cRO        [cROFiles][]byte
	cRegions   [cWorkers][cShared][]byte
	cLowShared []byte // the lower bytes of every shared/s<k>
	cLowAppend []byte // the lower bytes of append.log
)

func cInit() {
	cOnce.Do(func() {
		for k := range cROFiles {
			cRO[k] = bytes.Repeat([]byte(fmt.Sprintf("read-only file %d\n", k)), 100*(k+1))
		}
		for g := range cWorkers {
			for k := range cShared {
				cRegions[g][k] = bytes.Repeat([]byte{byte('A' + g), byte('0' + k)}, cRegion/2)
			}
		}
		cLowShared = make([]byte, cWorkers*cRegion)
		fillPattern(cLowShared, 0)
		cLowAppend = make([]byte, cAppendLower)
		fillPattern(cLowAppend, 0)
	})
}

// roContent is the contents of the lower file ro/f<k>.
func roContent(k int) []byte { return cRO[k] }

// regionPattern is what worker g writes into its region of shared/s<k>.
func regionPattern(g, k int) []byte { return cRegions[g][k] }

// lowerRegion is the lower bytes of region g of every shared file.
func lowerRegion(g int) []byte { return cLowShared[g*cRegion : (g+1)*cRegion] }

// record is the n-th record appended by worker g to append.log.
func record(g, n int) []byte {
	r := fmt.Appendf(nil, "g=%02d n=%08d ", g, n)
	r = append(r, bytes.Repeat([]byte{byte('a' + g)}, cRecSize-1-len(r))...)
	return append(r, '\n')
}

// parseRecord returns the worker and number of a record, if it is one.
func parseRecord(r []byte) (g, n int, ok bool) {
	if _, err := fmt.Sscanf(string(r), "g=%02d n=%08d ", &g, &n); err != nil {
		return 0, 0, false
	}
	return g, n, bytes.Equal(r, record(g, n))
}

// ownChunk is the n-th chunk worker g appends to its own file.
func ownChunk(g, n int) []byte {
	return []byte(strings.Repeat(fmt.Sprintf("[%d:%d]", g, n), 1+n%7))
}

func buildConcurrentLower(t *testing.T, dir string) {
	t.Helper()
	mk := func(p string) {
		if err := os.MkdirAll(filepath.Join(dir, p), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	wr := func(p string, b []byte, mode fs.FileMode) {
		if err := os.WriteFile(filepath.Join(dir, p), b, mode); err != nil {
			t.Fatal(err)
		}
	}
	mk("ro")
	mk("shared")
	mk("own")
	mk("dir")
	for k := range cROFiles {
		wr(fmt.Sprintf("ro/f%d", k), roContent(k), 0o644)
	}
	if err := os.Symlink("f0", filepath.Join(dir, "ro/link")); err != nil {
		t.Fatal(err)
	}
	for k := range cShared {
		if err := writePatternFile(filepath.Join(dir, fmt.Sprintf("shared/s%d", k)), cWorkers*cRegion); err != nil {
			t.Fatal(err)
		}
	}
	if err := writePatternFile(filepath.Join(dir, "append.log"), cAppendLower); err != nil {
		t.Fatal(err)
	}
	for k := range cLowerFiles {
		wr(fmt.Sprintf("dir/l%d", k), []byte(fmt.Sprintf("lower %d\n", k)), 0o644)
	}
	for s := range cLowerSubs {
		mk(fmt.Sprintf("dir/sd%d", s))
		for c := range 5 {
			wr(fmt.Sprintf("dir/sd%d/c%d", s, c), []byte(fmt.Sprintf("sub %d %d\n", s, c)), 0o640)
		}
	}
	if err := os.Symlink("l0", filepath.Join(dir, "dir/lsl")); err != nil {
		t.Fatal(err)
	}
}

// cWorker is one goroutine of TestConcurrentReadWrite and what it did.
type cWorker struct {
	t   *testing.T
	o   *overlay.FS
	id  int
	rng *rand.Rand

	appendF  vfs.File // long-lived O_APPEND handle on append.log, or nil
	appended int
	ownN     int
	own      []byte
	wrote    [cShared]bool
	ops      map[string]int
	failures *atomic.Int32
}

// ok reports whether err is nil. An error other than the errnos that races
// between workers can legitimately give (ENOENT, EEXIST, ENOTEMPTY) fails
// the test.
func (w *cWorker) ok(op string, err error) bool {
	w.ops[op]++
	if err == nil {
		return true
	}
	switch vfs.Errno(err) {
	case syscall.ENOENT, syscall.EEXIST, syscall.ENOTEMPTY:
		return false
	}
	w.fail("%s: unexpected error: %v", op, err)
	return false
}

// must reports whether err is nil; any error fails the test.
func (w *cWorker) must(op string, err error) bool {
	w.ops[op]++
	if err != nil {
		w.fail("%s: %v", op, err)
		return false
	}
	return true
}

func (w *cWorker) fail(format string, args ...any) {
	if w.failures.Add(1) <= 30 {
		w.t.Errorf("worker %d: "+format, append([]any{w.id}, args...)...)
	}
}

func (w *cWorker) pick(n int) int { return w.rng.Intn(n) }

// dirFile returns a random regular-file name in dir/ or one of its
// subdirectories.
func (w *cWorker) dirFile() string {
	switch w.pick(4) {
	case 0:
		return fmt.Sprintf("/dir/l%d", w.pick(cLowerFiles))
	case 1:
		return fmt.Sprintf("dir/x%d", w.pick(40))
	case 2:
		return fmt.Sprintf("/dir/sd%d/c%d", w.pick(8), w.pick(10))
	default:
		return fmt.Sprintf("/dir/hl%d", w.pick(20))
	}
}

func (w *cWorker) checkAppendSize(op string, size int64) {
	if size < cAppendLower || (size-cAppendLower)%cRecSize != 0 {
		w.fail("%s: append.log has size %d, not %d plus whole %d-byte records", op, size, cAppendLower, cRecSize)
	}
}

func (w *cWorker) step() {
	o := w.o
	switch op := w.pick(30); op {
	case 0, 1: // read a lower file, directly or through a symlink
		k := w.pick(cROFiles)
		name := fmt.Sprintf("/ro/f%d", k)
		switch w.pick(3) {
		case 0:
			name, k = "ro/link", 0
		case 1:
			name = fmt.Sprintf("dir/sl%d", k)
		}
		f, err := o.Open(name)
		if strings.HasPrefix(name, "dir/") {
			if !w.ok("read-symlink", err) {
				return
			}
		} else if !w.must("read-ro", err) {
			return
		}
		b, err := io.ReadAll(f)
		f.Close()
		if w.must("read-ro", err) && !bytes.Equal(b, roContent(k)) {
			w.fail("read %s: got %d bytes, want the %d of ro/f%d", name, len(b), len(roContent(k)), k)
		}

	case 2, 3, 4: // append one record to the shared lower file
		f := w.appendF
		if f == nil {
			var err error
			if f, err = o.OpenFile("/append.log", os.O_WRONLY|os.O_APPEND, 0); !w.must("append-open", err) {
				return
			}
			defer f.Close()
		}
		n, err := f.Write(record(w.id, w.appended))
		if w.must("append", err) {
			if n != cRecSize {
				w.fail("append wrote %d bytes", n)
			}
			w.appended++
		}
		if fi, err := f.Stat(); w.must("append-fstat", err) {
			w.checkAppendSize("fstat of append handle", fi.Size())
		}

	case 5: // stat the shared append file by name
		if fi, err := o.Stat("append.log"); w.must("stat-append", err) {
			w.checkAppendSize("stat", fi.Size())
		}

	case 6: // read the shared append file: lower bytes then whole records
		f, err := o.Open("/append.log")
		if !w.must("read-append", err) {
			return
		}
		b, err := io.ReadAll(f)
		f.Close()
		if !w.must("read-append", err) {
			return
		}
		w.checkAppendSize("read", int64(len(b)))
		if len(b) >= cAppendLower {
			if !bytes.Equal(b[:cAppendLower], cLowAppend) {
				w.fail("read-append: the lower bytes of append.log changed")
			}
			for off := cAppendLower; off+cRecSize <= len(b); off += cRecSize {
				if _, _, ok := parseRecord(b[off : off+cRecSize]); !ok {
					w.fail("read-append: bad record at %d: %q", off, b[off:off+cRecSize])
					break
				}
			}
		}

	case 7, 8: // append to the worker's own file
		f, err := o.OpenFile(fmt.Sprintf("/own/g%02d", w.id), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if !w.must("own-append", err) {
			return
		}
		c := ownChunk(w.id, w.ownN)
		if _, err := f.Write(c); w.must("own-append", err) {
			w.own = append(w.own, c...)
			w.ownN++
		}
		w.must("own-close", f.Close())

	case 9, 10: // write the worker's region of a shared lower file: copy-up races
		k := w.pick(cShared)
		name := fmt.Sprintf("/shared/s%d", k)
		f, err := o.OpenFile(name, os.O_RDWR, 0)
		if !w.must("region-open", err) {
			return
		}
		defer f.Close()
		p := regionPattern(w.id, k)
		if _, err := f.WriteAt(p, int64(w.id*cRegion)); !w.must("region-write", err) {
			return
		}
		w.wrote[k] = true
		got := make([]byte, cRegion)
		if _, err := f.ReadAt(got, int64(w.id*cRegion)); w.must("region-readback", err) && !bytes.Equal(got, p) {
			w.fail("%s: region %d reads back wrong after the write", name, w.id)
		}
		if fi, err := f.Stat(); w.must("region-fstat", err) && fi.Size() != cWorkers*cRegion {
			w.fail("fstat %s: size %d, want %d", name, fi.Size(), cWorkers*cRegion)
		}

	case 11: // read any region of a shared file: the lower bytes or its owner's
		k, h := w.pick(cShared), w.pick(cWorkers)
		name := fmt.Sprintf("/shared/s%d", k)
		f, err := o.Open(name)
		if !w.must("region-read", err) {
			return
		}
		got := make([]byte, cRegion)
		_, err = f.ReadAt(got, int64(h*cRegion))
		f.Close()
		if !w.must("region-read", err) {
			return
		}
		if !bytes.Equal(got, lowerRegion(h)) && !bytes.Equal(got, regionPattern(h, k)) {
			w.fail("%s: region %d holds neither the lower bytes nor its writer's", name, h)
		}
		if fi, err := o.Stat(name); w.must("region-stat", err) && fi.Size() != cWorkers*cRegion {
			w.fail("stat %s: size %d, want %d", name, fi.Size(), cWorkers*cRegion)
		}

	case 12, 13: // create a file in the shared directories
		f, err := o.OpenFile(w.dirFile(), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if w.ok("create", err) {
			_, err = f.Write([]byte(fmt.Sprintf("made by %d\n", w.id)))
			w.ok("create-write", err)
			w.ok("create-close", f.Close())
		}

	case 14: // remove a file, symlink or hard link
		var name string
		switch w.pick(4) {
		case 0:
			name = fmt.Sprintf("/dir/sl%d", w.pick(10))
		case 1:
			name = fmt.Sprintf("/dir/sld%d", w.pick(5))
		case 2:
			name = fmt.Sprintf("/dir/rl%d", w.pick(10))
		default:
			name = w.dirFile()
		}
		w.ok("remove", o.Remove(name))

	case 15, 16: // rename a file within or between the shared directories
		w.ok("rename-file", o.Rename(w.dirFile(), w.dirFile()))

	case 17: // rename a directory, lower or upper
		a, b := fmt.Sprintf("/dir/sd%d", w.pick(8)), fmt.Sprintf("dir/sd%d", w.pick(8))
		if a[1:] != b {
			w.ok("rename-dir", o.Rename(a, b))
		}

	case 18: // make or remove a directory
		name := fmt.Sprintf("/dir/sd%d", w.pick(8))
		switch w.pick(4) {
		case 0:
			w.ok("rmdir", o.Remove(name))
		case 1:
			if w.pick(8) == 0 {
				w.ok("removeall", o.RemoveAll(name))
			}
		default:
			w.ok("mkdir", o.Mkdir(name, 0o755))
		}

	case 19, 20: // list a shared directory
		name := "/dir"
		switch w.pick(3) {
		case 0:
			name = fmt.Sprintf("/dir/sd%d", w.pick(8))
		case 1:
			name = "/own"
		}
		entries, err := o.ReadDir(name)
		if !w.ok("readdir", err) {
			return
		}
		names := make([]string, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
			if _, err := e.Info(); err != nil {
				w.ok("readdir-info", err)
			}
		}
		if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
			w.fail("readdir %s: names not sorted and unique: %v", name, names)
		}

	case 21: // list a directory through an open handle
		f, err := o.Open("/dir")
		if !w.must("open-dir", err) {
			return
		}
		names, err := f.Readdirnames(-1)
		f.Close()
		if w.must("readdirnames", err) && len(slices.Compact(slices.Sorted(slices.Values(names)))) != len(names) {
			w.fail("readdirnames /dir: duplicate names: %v", names)
		}

	case 22, 23: // stat anything
		var name string
		switch w.pick(5) {
		case 0:
			name = fmt.Sprintf("/ro/f%d", w.pick(cROFiles))
			_, err := o.Stat(name)
			w.must("stat-ro", err)
			return
		case 1:
			name = fmt.Sprintf("/dir/sld%d/c%d", w.pick(5), w.pick(10))
		case 2:
			name = fmt.Sprintf("/dir/sl%d", w.pick(10))
			if w.pick(2) == 0 {
				name = fmt.Sprintf("/dir/rl%d", w.pick(10))
			}
		case 3:
			name = fmt.Sprintf("/own/g%02d", w.pick(cWorkers))
		default:
			name = w.dirFile()
		}
		_, err := o.Stat(name)
		w.ok("stat", err)
		_, err = o.Lstat(name)
		w.ok("lstat", err)

	case 24: // chmod lower and upper entries
		modes := []fs.FileMode{0o644, 0o640, 0o600}
		var name string
		switch w.pick(5) {
		case 0:
			name = fmt.Sprintf("/ro/f%d", w.pick(cROFiles))
		case 1:
			name = fmt.Sprintf("/shared/s%d", w.pick(cShared))
		case 2:
			name = "/append.log"
		case 3:
			name, modes = fmt.Sprintf("/dir/sd%d", w.pick(8)), []fs.FileMode{0o755, 0o750, 0o700}
		default:
			name = w.dirFile()
		}
		w.ok("chmod", o.Chmod(name, modes[w.pick(len(modes))]))

	case 25: // symlink to a lower file or directory
		if w.pick(2) == 0 {
			k := w.pick(10)
			w.ok("symlink", o.Symlink(fmt.Sprintf("../ro/f%d", k), fmt.Sprintf("dir/sl%d", k)))
		} else {
			k := w.pick(5)
			w.ok("symlink", o.Symlink(fmt.Sprintf("sd%d", k), fmt.Sprintf("/dir/sld%d", k)))
		}

	case 26: // hard link
		if w.pick(3) == 0 {
			// Links to the read-only files get names that are never
			// written through, renamed or truncated.
			w.ok("link", o.Link(fmt.Sprintf("/ro/f%d", w.pick(cROFiles)), fmt.Sprintf("/dir/rl%d", w.pick(10))))
			return
		}
		w.ok("link", o.Link(w.dirFile(), fmt.Sprintf("/dir/hl%d", w.pick(20))))

	case 27: // list the changes
		if w.pick(4) != 0 {
			return
		}
		changes, err := o.Changes()
		if !w.must("changes", err) {
			return
		}
		for i, c := range changes {
			if i > 0 && changes[i-1].Path >= c.Path {
				w.fail("changes not sorted and unique at %s", c.Path)
			}
			if strings.HasPrefix(c.Path, "/ro/") && c.Content {
				w.fail("changes: %s reported with changed contents", c.Path)
			}
		}

	default: // open and close a lower file read-only, deep in a directory
		f, err := o.Open(fmt.Sprintf("/dir/sd%d/c%d", w.pick(8), w.pick(10)))
		if w.ok("open", err) {
			_, err := io.Copy(io.Discard, f)
			w.must("open-read", err)
			f.Close()
		}
	}
}

// TestConcurrentReadWrite runs 16 goroutines for a second against one
// overlay, reading, writing, copying up, creating, removing, renaming,
// listing, chmodding and linking in shared places, and checks afterwards
// that nothing was lost and that the lower directory was never touched.
func TestConcurrentReadWrite(t *testing.T) {
	cInit()
	dir := t.TempDir()
	buildConcurrentLower(t, dir)
	before := snapshotLower(t, dir)
	o := newOverlay(t, dir)

	var failures atomic.Int32
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	workers := make([]*cWorker, cWorkers)
	for g := range workers {
		workers[g] = &cWorker{t: t, o: o, id: g, rng: rand.New(rand.NewSource(seed + int64(g))),
			ops: map[string]int{}, failures: &failures}
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	deadline := time.Now().Add(cDuration)
	for _, w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					w.fail("panic: %v\n%s", r, debug.Stack())
				}
			}()
			<-start
			if w.id%2 == 0 {
				// Half the workers keep one append handle for the whole run,
				// opened before any copy-up.
				f, err := o.OpenFile("append.log", os.O_WRONLY|os.O_APPEND, 0)
				if !w.must("append-open", err) {
					return
				}
				w.appendF = f
				defer f.Close()
			}
			for time.Now().Before(deadline) {
				w.step()
			}
		}()
	}
	close(start)
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(cDuration + 60*time.Second):
		buf := make([]byte, 1<<20)
		t.Fatalf("workers still running a minute after the deadline (deadlock?):\n%s", buf[:runtime.Stack(buf, true)])
	}

	total := map[string]int{}
	appended := 0
	for _, w := range workers {
		appended += w.appended
		for op, n := range w.ops {
			total[op] += n
		}
	}
	t.Logf("operations: %v", total)
	t.Logf("records appended: %d", appended)

	// Every record is there, intact, in each worker's order.
	fi, err := o.Stat("/append.log")
	if err != nil {
		t.Fatal(err)
	}
	if want := int64(cAppendLower + appended*cRecSize); fi.Size() != want {
		t.Errorf("append.log has size %d, want %d (%d lower bytes + %d records)", fi.Size(), want, cAppendLower, appended)
	}
	b := readOverlayFile(t, o, "/append.log")
	if len(b) < cAppendLower || !bytes.Equal(b[:cAppendLower], cLowAppend) {
		t.Errorf("append.log lost its lower bytes")
	} else {
		next := make([]int, cWorkers)
		recs := b[cAppendLower:]
		if len(recs)%cRecSize != 0 {
			t.Errorf("append.log ends with a partial record (%d bytes of records)", len(recs))
		}
		for off := 0; off+cRecSize <= len(recs); off += cRecSize {
			g, n, ok := parseRecord(recs[off : off+cRecSize])
			if !ok || g >= cWorkers {
				t.Errorf("bad record at %d: %q", cAppendLower+off, recs[off:off+cRecSize])
				break
			}
			if n != next[g] {
				t.Errorf("record %d of worker %d found where %d was expected", n, g, next[g])
				break
			}
			next[g]++
		}
		for g, w := range workers {
			if next[g] != w.appended {
				t.Errorf("worker %d appended %d records, found %d", g, w.appended, next[g])
			}
		}
	}

	// Each worker's own file holds exactly what it wrote.
	for _, w := range workers {
		if w.ownN == 0 {
			continue
		}
		if got := readOverlayFile(t, o, fmt.Sprintf("/own/g%02d", w.id)); !bytes.Equal(got, w.own) {
			t.Errorf("own file of worker %d: %d bytes, want %d", w.id, len(got), len(w.own))
		}
	}

	// Each region of each shared file holds its writer's bytes, or the
	// lower bytes if it was never written.
	for k := range cShared {
		got := readOverlayFile(t, o, fmt.Sprintf("/shared/s%d", k))
		if len(got) != cWorkers*cRegion {
			t.Errorf("shared/s%d has %d bytes, want %d", k, len(got), cWorkers*cRegion)
			continue
		}
		for _, w := range workers {
			region := got[w.id*cRegion : (w.id+1)*cRegion]
			want := regionPattern(w.id, k)
			if !w.wrote[k] {
				want = lowerRegion(w.id)
			}
			if !bytes.Equal(region, want) {
				t.Errorf("shared/s%d: region of worker %d (wrote=%v) is wrong", k, w.id, w.wrote[k])
			}
		}
	}

	// The read-only files still read the same.
	for k := range cROFiles {
		if got := readOverlayFile(t, o, fmt.Sprintf("/ro/f%d", k)); !bytes.Equal(got, roContent(k)) {
			t.Errorf("ro/f%d reads differently", k)
		}
	}
	if _, err := o.Changes(); err != nil {
		t.Errorf("Changes: %v", err)
	}

	compareSnapshots(t, before, snapshotLower(t, dir))
}

func readOverlayFile(t *testing.T, o *overlay.FS, name string) []byte {
	t.Helper()
	f, err := o.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestConcurrentStatDuringCopyUp stats a file through a second open handle,
// by name and by Seek(0, SeekEnd), while a write through the first handle
// copies its 32 MB up. The size must stay the file's size throughout: a
// half-done copy-up must never show.
func TestConcurrentStatDuringCopyUp(t *testing.T) {
	dir := t.TempDir()
	const size = 32 << 20
	if err := writePatternFile(filepath.Join(dir, "f"), size); err != nil {
		t.Fatal(err)
	}
	bad := map[string]int{}
	var badSizes []int64
	for range 5 {
		o := newOverlay(t, dir)
		w, err := o.OpenFile("/f", os.O_RDWR, 0)
		if err != nil {
			t.Fatal(err)
		}
		r, err := o.OpenFile("/f", os.O_RDONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error)
		go func() {
			_, err := w.WriteAt([]byte{'X'}, 0)
			done <- err
		}()
		check := func(what string, got int64, err error) {
			if err != nil {
				t.Errorf("%s: %v", what, err)
			} else if got != size {
				bad[what]++
				if len(badSizes) < 5 {
					badSizes = append(badSizes, got)
				}
			}
		}
		for running := true; running; {
			select {
			case err := <-done:
				if err != nil {
					t.Fatal(err)
				}
				running = false
			default:
			}
			fi, err := r.Stat()
			var n int64
			if err == nil {
				n = fi.Size()
			}
			check("fstat", n, err)
			end, err := r.Seek(0, io.SeekEnd)
			check("seek-end", end, err)
			fi, err = o.Stat("/f")
			if err == nil {
				n = fi.Size()
			}
			check("stat", n, err)
		}
		w.Close()
		r.Close()
	}
	if len(bad) > 0 {
		t.Errorf("a file of %d bytes showed other sizes while being copied up: %v times, e.g. %v", size, bad, badSizes)
	}
}

// TestConcurrentCopyUp races many copy-ups of one lower file: in each round
// a new overlay is made and every goroutine opens the same lower file, half
// of them for positioned writes of their own region and half with
// O_APPEND, then all write at once. Every region and every record must be
// there afterwards, on top of the lower bytes.
func TestConcurrentCopyUp(t *testing.T) {
	cInit()
	dir := t.TempDir()
	const size = cWorkers * cRegion
	if err := writePatternFile(filepath.Join(dir, "f"), size); err != nil {
		t.Fatal(err)
	}
	before := snapshotLower(t, dir)
	for round := range 20 {
		o, err := overlay.New(dir)
		if err != nil {
			t.Fatal(err)
		}
		var opened, wg sync.WaitGroup
		ready := make(chan struct{})
		errs := make(chan error, cWorkers)
		opened.Add(cWorkers)
		for g := range cWorkers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				appending := g%2 == 1
				flag := os.O_RDWR
				if appending {
					flag = os.O_WRONLY | os.O_APPEND
				}
				// In odd rounds nobody waits for the others to open.
				f, err := o.OpenFile("/f", flag, 0)
				if round%2 == 0 {
					opened.Done()
					<-ready
				}
				if err != nil {
					errs <- err
					return
				}
				defer f.Close()
				if appending {
					_, err = f.Write(record(g, 0))
				} else {
					_, err = f.WriteAt(regionPattern(g, 0), int64(g*cRegion))
				}
				if err != nil {
					errs <- err
				}
			}()
		}
		if round%2 == 0 {
			opened.Wait()
		}
		close(ready)
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("round %d: %v", round, err)
		}

		b := readOverlayFile(t, o, "/f")
		if want := size + cWorkers/2*cRecSize; len(b) != want {
			t.Errorf("round %d: file has %d bytes, want %d", round, len(b), want)
		}
		for g := 0; g < cWorkers && (g+1)*cRegion <= len(b); g++ {
			want := lowerRegion(g)
			if g%2 == 0 {
				want = regionPattern(g, 0)
			}
			if !bytes.Equal(b[g*cRegion:(g+1)*cRegion], want) {
				t.Errorf("round %d: region %d is wrong", round, g)
			}
		}
		seen := map[int]bool{}
		for off := size; off+cRecSize <= len(b); off += cRecSize {
			g, n, ok := parseRecord(b[off : off+cRecSize])
			if !ok || n != 0 || g%2 != 1 || seen[g] {
				t.Errorf("round %d: bad or repeated record at %d: %q", round, off, b[off:off+cRecSize])
				break
			}
			seen[g] = true
		}
		if got, want := o.UpperBytes(), int64(len(b)); got < want || got > want+64<<10 {
			t.Errorf("round %d: upper layer holds %d bytes for a %d-byte file", round, got, want)
		}
		o.Close()
		if t.Failed() {
			break
		}
	}
	compareSnapshots(t, before, snapshotLower(t, dir))
}
