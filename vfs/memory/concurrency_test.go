package memory_test

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"math/rand"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
)

const (
	mWorkers  = 8
	mDuration = 500 * time.Millisecond
	mRecSize  = 32
	mLogStart = 1000 // bytes in /log before the run; not a multiple of mRecSize
	mROFiles  = 5
)

func mRecord(g, n int) []byte {
	r := fmt.Appendf(nil, "g=%d n=%07d ", g, n)
	r = append(r, bytes.Repeat([]byte{byte('a' + g)}, mRecSize-1-len(r))...)
	return append(r, '\n')
}

func mROContent(k int) []byte {
	return bytes.Repeat([]byte(fmt.Sprintf("ro %d\n", k)), 50*(k+1))
}

func writeMem(t *testing.T, m *memory.FS, name string, b []byte) {
	t.Helper()
	f, err := m.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func readMem(t *testing.T, m *memory.FS, name string) []byte {
	t.Helper()
	f, err := m.Open(name)
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

type mWorker struct {
	t        *testing.T
	m        *memory.FS
	id       int
	rng      *rand.Rand
	logF     vfs.File
	appended int
	own      []byte
	ops      map[string]int
	failures *atomic.Int32
}

func (w *mWorker) fail(format string, args ...any) {
	if w.failures.Add(1) <= 30 {
		w.t.Errorf("worker %d: "+format, append([]any{w.id}, args...)...)
	}
}

// ok accepts the errnos that races between workers give.
func (w *mWorker) ok(op string, err error) bool {
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

func (w *mWorker) must(op string, err error) bool {
	w.ops[op]++
	if err != nil {
		w.fail("%s: %v", op, err)
		return false
	}
	return true
}

func (w *mWorker) pick(n int) int { return w.rng.Intn(n) }

// file returns a random regular-file name in /dir or its subdirectories.
func (w *mWorker) file() string {
	switch w.pick(3) {
	case 0:
		return fmt.Sprintf("/dir/f%d", w.pick(30))
	case 1:
		return fmt.Sprintf("/dir/sd%d/c%d", w.pick(5), w.pick(6))
	default:
		return fmt.Sprintf("/dir/hl%d", w.pick(10))
	}
}

func (w *mWorker) step() {
	m := w.m
	switch w.pick(16) {
	case 0: // read a file nobody writes, directly or through a symlink
		k := w.pick(mROFiles)
		name := fmt.Sprintf("/ro/f%d", k)
		if w.pick(2) == 0 {
			name = fmt.Sprintf("/dir/sl%d", k)
		}
		f, err := m.Open(name)
		if !w.ok("read", err) {
			return
		}
		b, err := io.ReadAll(f)
		f.Close()
		if w.must("read", err) && !bytes.Equal(b, mROContent(k)) {
			w.fail("read %s: %d bytes, want %d", name, len(b), len(mROContent(k)))
		}

	case 1, 2: // append a record to the shared log
		f := w.logF
		if f == nil || w.pick(2) == 0 {
			var err error
			if f, err = m.OpenFile("/log", os.O_WRONLY|os.O_APPEND, 0); !w.must("append-open", err) {
				return
			}
			defer f.Close()
		}
		if _, err := f.Write(mRecord(w.id, w.appended)); w.must("append", err) {
			w.appended++
		}
		if fi, err := f.Stat(); w.must("append-fstat", err) {
			if s := fi.Size(); s < mLogStart || (s-mLogStart)%mRecSize != 0 {
				w.fail("log has size %d", s)
			}
		}

	case 3: // append to the worker's own file
		f, err := m.OpenFile(fmt.Sprintf("/own/g%d", w.id), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
		if !w.must("own", err) {
			return
		}
		c := fmt.Appendf(nil, "<%d:%d>", w.id, len(w.own))
		if _, err := f.Write(c); w.must("own", err) {
			w.own = append(w.own, c...)
		}
		w.must("own-close", f.Close())

	case 4: // create or truncate a file in the shared directories
		f, err := m.OpenFile(w.file(), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if w.ok("create", err) {
			_, err := f.Write([]byte("x"))
			w.ok("create-write", err)
			w.ok("create-close", f.Close())
		}

	case 5: // remove something
		name := w.file()
		switch w.pick(3) {
		case 0:
			name = fmt.Sprintf("/dir/sl%d", w.pick(mROFiles))
		case 1:
			name = fmt.Sprintf("/dir/sd%d", w.pick(5))
		}
		w.ok("remove", m.Remove(name))

	case 6: // rename files, or directories
		if w.pick(3) == 0 {
			a, b := w.pick(5), w.pick(5)
			if a != b {
				w.ok("rename-dir", m.Rename(fmt.Sprintf("/dir/sd%d", a), fmt.Sprintf("/dir/sd%d", b)))
			}
			return
		}
		w.ok("rename", m.Rename(w.file(), w.file()))

	case 7: // make a directory
		w.ok("mkdir", m.Mkdir(fmt.Sprintf("/dir/sd%d", w.pick(5)), 0o755))

	case 8, 9: // list a shared directory
		name := "/dir"
		if w.pick(2) == 0 {
			name = fmt.Sprintf("/dir/sd%d", w.pick(5))
		}
		entries, err := m.ReadDir(name)
		if !w.ok("readdir", err) {
			return
		}
		names := make([]string, len(entries))
		for i, e := range entries {
			names[i] = e.Name()
		}
		if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
			w.fail("readdir %s: not sorted and unique: %v", name, names)
		}

	case 10: // list through an open directory
		f, err := m.Open("/dir")
		if !w.must("open-dir", err) {
			return
		}
		_, err = f.Readdir(-1)
		w.must("readdir-handle", err)
		f.Close()

	case 11: // stat
		_, err := m.Stat(w.file())
		w.ok("stat", err)
		if fi, err := m.Stat("/log"); w.must("stat-log", err) {
			if s := fi.Size(); s < mLogStart || (s-mLogStart)%mRecSize != 0 {
				w.fail("stat log: size %d", s)
			}
		}

	case 12: // chmod
		modes := []fs.FileMode{0o644, 0o600, 0o640}
		name := w.file()
		if w.pick(2) == 0 {
			name = fmt.Sprintf("/ro/f%d", w.pick(mROFiles))
		}
		w.ok("chmod", m.Chmod(name, modes[w.pick(3)]))

	case 13: // symlink
		k := w.pick(mROFiles)
		w.ok("symlink", m.Symlink(fmt.Sprintf("../ro/f%d", k), fmt.Sprintf("/dir/sl%d", k)))

	case 14: // hard link between the shared files
		w.ok("link", m.Link(fmt.Sprintf("/dir/f%d", w.pick(30)), fmt.Sprintf("/dir/hl%d", w.pick(10))))

	default: // read the log: old bytes then whole records
		f, err := m.Open("/log")
		if !w.must("read-log", err) {
			return
		}
		b, err := io.ReadAll(f)
		f.Close()
		if w.must("read-log", err) && (len(b) < mLogStart || (len(b)-mLogStart)%mRecSize != 0) {
			w.fail("read log: %d bytes", len(b))
		}
	}
}

// TestConcurrent runs eight goroutines for half a second against one
// memory.FS and checks that appends to a shared file are all there and that
// nothing else written was lost.
func TestConcurrent(t *testing.T) {
	m := memory.New()
	for _, d := range []string{"/ro", "/own", "/dir/sd0", "/dir/sd1", "/dir/sd2"} {
		if err := m.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for k := range mROFiles {
		writeMem(t, m, fmt.Sprintf("/ro/f%d", k), mROContent(k))
	}
	for k := range 15 {
		writeMem(t, m, fmt.Sprintf("/dir/f%d", k), []byte("old\n"))
	}
	start := bytes.Repeat([]byte{'.'}, mLogStart)
	writeMem(t, m, "/log", start)

	var failures atomic.Int32
	workers := make([]*mWorker, mWorkers)
	var wg sync.WaitGroup
	deadline := time.Now().Add(mDuration)
	for g := range workers {
		w := &mWorker{t: t, m: m, id: g, rng: rand.New(rand.NewSource(time.Now().UnixNano() + int64(g))),
			ops: map[string]int{}, failures: &failures}
		workers[g] = w
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					w.fail("panic: %v\n%s", r, debug.Stack())
				}
			}()
			f, err := m.OpenFile("/log", os.O_WRONLY|os.O_APPEND, 0)
			if !w.must("append-open", err) {
				return
			}
			w.logF = f
			defer f.Close()
			for time.Now().Before(deadline) {
				w.step()
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(mDuration + 60*time.Second):
		buf := make([]byte, 1<<20)
		t.Fatalf("workers still running a minute after the deadline (deadlock?):\n%s", buf[:runtime.Stack(buf, true)])
	}

	total, appended := map[string]int{}, 0
	for _, w := range workers {
		appended += w.appended
		for op, n := range w.ops {
			total[op] += n
		}
	}
	t.Logf("operations: %v", total)
	t.Logf("records appended: %d", appended)

	b := readMem(t, m, "/log")
	if want := mLogStart + appended*mRecSize; len(b) != want {
		t.Errorf("log has %d bytes, want %d", len(b), want)
	}
	if len(b) < mLogStart || !bytes.Equal(b[:mLogStart], start) {
		t.Fatalf("log lost its first bytes")
	}
	next := make([]int, mWorkers)
	for off := mLogStart; off+mRecSize <= len(b); off += mRecSize {
		r := b[off : off+mRecSize]
		var g, n int
		if _, err := fmt.Sscanf(string(r), "g=%d n=%07d ", &g, &n); err != nil || g >= mWorkers || !bytes.Equal(r, mRecord(g, n)) {
			t.Fatalf("bad record at %d: %q", off, r)
		}
		if n != next[g] {
			t.Fatalf("record %d of worker %d where %d was expected", n, g, next[g])
		}
		next[g]++
	}
	for g, w := range workers {
		if next[g] != w.appended {
			t.Errorf("worker %d appended %d records, found %d", g, w.appended, next[g])
		}
		if len(w.own) > 0 {
			if got := readMem(t, m, fmt.Sprintf("/own/g%d", g)); !bytes.Equal(got, w.own) {
				t.Errorf("own file of worker %d: %d bytes, want %d", g, len(got), len(w.own))
			}
		}
	}
	for k := range mROFiles {
		if got := readMem(t, m, fmt.Sprintf("/ro/f%d", k)); !bytes.Equal(got, mROContent(k)) {
			t.Errorf("ro/f%d changed", k)
		}
	}
}

// TestHeldAfterTruncate checks the accounting behind Held and WithLimit:
// bytes dropped by truncation, by Truncate or by O_TRUNC, are given back.
func TestHeldAfterTruncate(t *testing.T) {
	m := memory.New(memory.WithLimit(1 << 20))
	data := make([]byte, 512<<10)
	writeMem(t, m, "/f", data)
	held := m.Held()
	if held < int64(len(data)) {
		t.Fatalf("Held is %d after writing %d bytes", held, len(data))
	}

	f, err := m.OpenFile("/f", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := m.Held(); got != 0 {
		t.Errorf("Held is %d after Truncate(0) of the only file; want 0", got)
	}

	writeMem(t, m, "/f", data) // Create truncates with O_TRUNC, then writes
	if got := m.Held(); got != held {
		t.Errorf("Held is %d after rewriting the file through O_TRUNC; want %d", got, held)
	}

	// With a 1 MB limit, rewriting a 512 KB file over and over must keep
	// working.
	for i := range 4 {
		f, err := m.Create("/f")
		if err != nil {
			t.Fatal(err)
		}
		_, err = f.Write(data)
		f.Close()
		if err != nil {
			t.Fatalf("rewrite %d of a %d-byte file under a %d-byte limit: %v", i, len(data), 1<<20, err)
		}
	}

	if err := m.Remove("/f"); err != nil {
		t.Fatal(err)
	}
	if got := m.Held(); got != 0 {
		t.Errorf("Held is %d with no files left; want 0", got)
	}
}
