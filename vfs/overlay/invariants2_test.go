package overlay_test

// Invariants 40-78 and the Changes tests. The helpers are in
// invariants_test.go.

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs/overlay"
)

// ---------------------------------------------------------------------------
// Copy-up and file data

func TestInvariant40ReadOnlyOpenNeverCopiesUp(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	l := invNewLower(t)
	l.file("f", "contents")
	l.file("d/g", "g")
	l.chtimes("f", old)
	o := l.mount()

	for _, flag := range []int{os.O_RDONLY, os.O_RDONLY | os.O_CREATE} {
		h, err := o.OpenFile("f", flag, 0o644)
		invOK(t, err, "open f")
		b, err := io.ReadAll(h)
		if err != nil || string(b) != "contents" {
			t.Errorf("read f = %q, %v", b, err)
		}
		h.Close()
	}
	invWant(t, o, "d/g", "g")
	if n := o.UpperBytes(); n != 0 {
		t.Errorf("UpperBytes = %d after read-only opens, want 0", n)
	}
	invWantChanges(t, o)
	if mt := invStat(t, o, "f").ModTime(); !mt.Equal(old) {
		t.Errorf("mtime of f = %v, want %v", mt, old)
	}
}

func TestInvariant41ReadWriteOpenWithoutWriteNoCopyUp(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	l := invNewLower(t)
	l.file("f", "0123456789")
	l.chtimes("f", old)
	o := l.mount()

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f rw")
	b, err := io.ReadAll(h)
	if err != nil || string(b) != "0123456789" {
		t.Errorf("read = %q, %v", b, err)
	}
	if off, err := h.Seek(0, io.SeekEnd); err != nil || off != 10 {
		t.Errorf("seek end = %d, %v", off, err)
	}
	if fi, err := h.Stat(); err != nil || fi.Size() != 10 {
		t.Errorf("fstat: %v, %v", fi, err)
	}
	invOK(t, h.Sync(), "sync")
	invOK(t, h.Close(), "close")
	for _, flag := range []int{os.O_WRONLY, os.O_RDWR | os.O_APPEND, os.O_WRONLY | os.O_CREATE} {
		h, err := o.OpenFile("f", flag, 0o644)
		invOK(t, err, "open f")
		invOK(t, h.Sync(), "sync")
		invOK(t, h.Close(), "close")
	}
	if n := o.UpperBytes(); n != 0 {
		t.Errorf("UpperBytes = %d, want 0", n)
	}
	invWantChanges(t, o)
	invWant(t, o, "f", "0123456789")
	if mt := invStat(t, o, "f").ModTime(); !mt.Equal(old) {
		t.Errorf("mtime of f = %v, want %v", mt, old)
	}
}

func TestInvariant42FirstWriteCopiesUpAtOffset(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "0123456789")
	l.file("g", "0123456789")
	o := l.mount()

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f")
	defer h.Close()
	buf := make([]byte, 4)
	if _, err := io.ReadFull(h, buf); err != nil || string(buf) != "0123" {
		t.Fatalf("read before write = %q, %v", buf, err)
	}
	if n := o.UpperBytes(); n != 0 {
		t.Errorf("UpperBytes before the write = %d, want 0", n)
	}
	if _, err := h.Write([]byte("AB")); err != nil {
		t.Fatalf("write: %v", err)
	}
	if n := o.UpperBytes(); n < 10 {
		t.Errorf("UpperBytes after the write = %d, want the whole file (10) or more", n)
	}
	rest, err := io.ReadAll(h)
	if err != nil || string(rest) != "6789" {
		t.Errorf("read after write = %q, %v; want 6789", rest, err)
	}
	invWant(t, o, "f", "0123AB6789")
	if fi := invStat(t, o, "f"); fi.Size() != 10 {
		t.Errorf("size = %d, want 10", fi.Size())
	}

	t.Run("42-earlier-read-only-handle-sees-write", func(t *testing.T) {
		// On a plain directory every handle reads the one file, so a
		// handle opened before another handle's write sees the write.
		r, err := o.Open("g")
		invOK(t, err, "open g")
		defer r.Close()
		w, err := o.OpenFile("g", os.O_WRONLY, 0)
		invOK(t, err, "open g for writing")
		if _, err := w.Write([]byte("XY")); err != nil {
			t.Fatalf("write: %v", err)
		}
		w.Close()
		b, err := io.ReadAll(r)
		if err != nil || string(b) != "XY23456789" {
			t.Errorf("handle opened before the write reads %q, %v; want %q", b, err, "XY23456789")
		}
	})
}

func TestInvariant43AppendCopiesUp(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "Hello, World!")
	l.file("g", "Hello, World!")
	o := l.mount()

	h, err := o.OpenFile("f", os.O_WRONLY|os.O_APPEND, 0)
	invOK(t, err, "open f append")
	if n, err := h.Write([]byte("asdf")); n != 4 || err != nil {
		t.Fatalf("append = %d, %v", n, err)
	}
	if fi, err := h.Stat(); err != nil || fi.Size() != 17 {
		t.Errorf("fstat after append: %v, %v; want size 17", fi, err)
	}
	invOK(t, h.Close(), "close")
	invWant(t, o, "f", "Hello, World!asdf")
	if fi := invStat(t, o, "f"); fi.Size() != 17 {
		t.Errorf("size = %d, want 17", fi.Size())
	}

	// Read-write append: reading first does not move where writes go.
	h, err = o.OpenFile("g", os.O_RDWR|os.O_APPEND, 0)
	invOK(t, err, "open g rw append")
	buf := make([]byte, 5)
	io.ReadFull(h, buf)
	h.Write([]byte("asdf"))
	h.Write([]byte("!"))
	if n, err := h.Read(buf); n != 0 || err != io.EOF {
		t.Errorf("read after append = %d, %v; want 0, EOF", n, err)
	}
	invOK(t, h.Close(), "close")
	invWant(t, o, "g", "Hello, World!asdf!")
}

func TestInvariant44CopyUpLeavesLowerUnchanged(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	l := invNewLower(t)
	l.fileMode("f", "original bytes", 0o755)
	l.chtimes("f", old)
	o := l.mount()

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f")
	h.WriteAt([]byte("CHANGED"), 0)
	h.Truncate(20)
	h.Close()
	invOK(t, o.Chmod("f", 0o600), "chmod f")
	invOK(t, o.Chtimes("f", time.Now(), time.Now()), "chtimes f")
	invWant(t, o, "f", "CHANGEDl bytes\x00\x00\x00\x00\x00\x00")

	b, err := os.ReadFile(l.path("f"))
	if err != nil || string(b) != "original bytes" {
		t.Errorf("lower f = %q, %v", b, err)
	}
	fi, err := os.Lstat(l.path("f"))
	if err != nil || fi.Mode() != 0o755 || !fi.ModTime().Equal(old) {
		t.Errorf("lower f: %v %v, %v", fi.Mode(), fi.ModTime(), err)
	}
}

func TestInvariant45TruncOnOpenHidesOldBytes(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "old bytes")
	l.file("g", "old g")
	l.file("r", "old r")
	o := l.mount()

	h, err := o.OpenFile("f", os.O_WRONLY|os.O_TRUNC, 0)
	invOK(t, err, "open f O_TRUNC")
	if fi := invStat(t, o, "f"); fi.Size() != 0 {
		t.Errorf("size right after O_TRUNC = %d, want 0", fi.Size())
	}
	if fi, err := h.Stat(); err != nil || fi.Size() != 0 {
		t.Errorf("fstat right after O_TRUNC: %v, %v", fi, err)
	}
	invWant(t, o, "f", "")
	// Growing it again shows zeros, never the old bytes.
	invOK(t, h.Truncate(5), "truncate 5")
	invWant(t, o, "f", "\x00\x00\x00\x00\x00")
	h.Write([]byte("ab"))
	invOK(t, h.Close(), "close")
	invWant(t, o, "f", "ab\x00\x00\x00")

	h, err = o.OpenFile("g", os.O_RDWR|os.O_TRUNC, 0)
	invOK(t, err, "open g O_RDWR|O_TRUNC")
	if b, err := io.ReadAll(h); err != nil || len(b) != 0 {
		t.Errorf("read after O_TRUNC = %q, %v", b, err)
	}
	if off, _ := h.Seek(0, io.SeekEnd); off != 0 {
		t.Errorf("seek end after O_TRUNC = %d", off)
	}
	h.Write([]byte("x"))
	h.Close()
	invWant(t, o, "g", "x")

	// Linux truncates on O_RDONLY|O_TRUNC too.
	h, err = o.OpenFile("r", os.O_RDONLY|os.O_TRUNC, 0)
	invOK(t, err, "open r O_RDONLY|O_TRUNC")
	h.Close()
	invWant(t, o, "r", "")
}

func TestInvariant46FtruncateLowerKeepsPrefix(t *testing.T) {
	l := invNewLower(t)
	for _, n := range []string{"a", "b", "c", "d"} {
		l.file(n, "0123456789")
	}
	o := l.mount()

	cases := []struct {
		name string
		size int64
		want string
	}{
		{"a", 4, "0123"},
		{"b", 15, "0123456789\x00\x00\x00\x00\x00"},
		{"c", 10, "0123456789"},
		{"d", 0, ""},
	}
	for _, c := range cases {
		h, err := o.OpenFile(c.name, os.O_RDWR, 0)
		invOK(t, err, "open "+c.name)
		if err := h.Truncate(c.size); err != nil {
			t.Errorf("truncate %s to %d: %v", c.name, c.size, err)
		}
		if fi, err := h.Stat(); err != nil || fi.Size() != c.size {
			t.Errorf("fstat %s after truncate: %v, %v", c.name, fi, err)
		}
		b, err := io.ReadAll(h)
		if err != nil || string(b) != c.want {
			t.Errorf("read %s through the handle = %q, %v; want %q", c.name, b, err, c.want)
		}
		h.Close()
		invWant(t, o, c.name, c.want)
	}
}

func TestInvariant47OffsetKeptAcrossCopyUp(t *testing.T) {
	l := invNewLower(t)
	for _, n := range []string{"f", "g", "e", "t"} {
		l.file(n, "0123456789")
	}
	o := l.mount()
	offset := func(h io.Seeker) int64 {
		off, err := h.Seek(0, io.SeekCurrent)
		invOK(t, err, "seek current")
		return off
	}

	h, _ := o.OpenFile("f", os.O_RDWR, 0)
	buf := make([]byte, 3)
	io.ReadFull(h, buf)
	h.Write([]byte("X"))
	if off := offset(h); off != 4 {
		t.Errorf("f: offset after read 3 + write 1 = %d, want 4", off)
	}
	if rest, _ := io.ReadAll(h); string(rest) != "456789" {
		t.Errorf("f: read after write = %q", rest)
	}
	h.Close()
	invWant(t, o, "f", "012X456789")

	h, _ = o.OpenFile("g", os.O_RDWR, 0)
	h.Seek(5, io.SeekStart)
	h.Write([]byte("Y"))
	if off := offset(h); off != 6 {
		t.Errorf("g: offset = %d, want 6", off)
	}
	h.Close()
	invWant(t, o, "g", "01234Y6789")

	h, _ = o.OpenFile("e", os.O_RDWR, 0)
	if off, _ := h.Seek(0, io.SeekEnd); off != 10 {
		t.Errorf("e: seek end = %d, want 10", off)
	}
	h.Write([]byte("Z"))
	if off := offset(h); off != 11 {
		t.Errorf("e: offset = %d, want 11", off)
	}
	h.Close()
	invWant(t, o, "e", "0123456789Z")

	h, _ = o.OpenFile("t", os.O_RDWR, 0)
	h.Seek(2, io.SeekStart)
	h.Truncate(8)
	if off := offset(h); off != 2 {
		t.Errorf("t: offset after truncate = %d, want 2", off)
	}
	h.Write([]byte("Q"))
	h.Close()
	invWant(t, o, "t", "01Q34567")
}

func TestInvariant48CopyUpFailureLeavesViewUnchanged(t *testing.T) {
	big := make([]byte, 100_000)
	for i := range big {
		big[i] = byte('a' + i%26)
	}
	l := invNewLower(t)
	l.file("big", string(big))
	o := l.mount(overlay.WithUpperLimit(150_000))

	invPut(t, o, "filler", string(big)) // leaves too little room for a copy of big
	held := o.UpperBytes()
	h, err := o.OpenFile("big", os.O_RDWR, 0)
	invOK(t, err, "open big")
	defer h.Close()
	n, err := h.Write([]byte("X"))
	if n != 0 {
		t.Errorf("failed write reported %d bytes written", n)
	}
	invIs(t, err, syscall.ENOSPC, "write needing a copy-up that does not fit")
	if off, _ := h.Seek(0, io.SeekCurrent); off != 0 {
		t.Errorf("offset after the failed write = %d, want 0", off)
	}
	if fi := invStat(t, o, "big"); fi.Size() != int64(len(big)) {
		t.Errorf("size after the failed copy-up = %d, want %d", fi.Size(), len(big))
	}
	if got := invRead(t, o, "big"); got != string(big) {
		t.Errorf("contents after the failed copy-up differ (%d bytes)", len(got))
	}
	if b := make([]byte, 26); true {
		if _, err := h.ReadAt(b, 0); err != nil || string(b) != string(big[:26]) {
			t.Errorf("read through the handle after the failure = %q, %v", b, err)
		}
	}
	if n := o.UpperBytes(); n != held {
		t.Errorf("UpperBytes after the failed copy-up = %d, want %d (a partial copy is held)", n, held)
	}

	// Retry once there is room.
	invOK(t, o.Remove("filler"), "remove filler")
	if _, err := h.Write([]byte("X")); err != nil {
		t.Fatalf("retried write: %v", err)
	}
	want := "X" + string(big[1:])
	if got := invRead(t, o, "big"); got != want {
		t.Errorf("contents after the retry differ")
	}
}

func TestInvariant49CopyUpKeepsModeOwnerTimes(t *testing.T) {
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	l := invNewLower(t)
	for _, n := range []string{"f", "g", "r", "x"} {
		l.fileMode(n, "data", 0o640)
		l.chown(n, 1234, 5678)
		l.chtimes(n, old)
	}
	l.chmod("x", 0o755)
	o := l.mount()
	check := func(name string, perm fs.FileMode, keepTime bool) {
		t.Helper()
		fi := invStat(t, o, name)
		st := invStatT(fi)
		if fi.Mode() != perm || st.Uid != 1234 || st.Gid != 5678 {
			t.Errorf("%s: %v %d:%d, want %v 1234:5678", name, fi.Mode(), st.Uid, st.Gid, perm)
		}
		if keepTime && !fi.ModTime().Equal(old) {
			t.Errorf("%s: mtime %v, want %v", name, fi.ModTime(), old)
		}
	}

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f")
	h.WriteAt([]byte("D"), 0)
	h.Close()
	check("f", 0o640, false)
	if mt := invStat(t, o, "f").ModTime(); !mt.After(old) {
		t.Errorf("f: mtime after a write = %v, want later than %v", mt, old)
	}
	invOK(t, o.Chmod("g", 0o600), "chmod g")
	check("g", 0o600, true)
	invOK(t, o.Rename("r", "r2"), "rename r r2")
	check("r2", 0o640, true)
	h, err = o.OpenFile("x", os.O_WRONLY|os.O_APPEND, 0)
	invOK(t, err, "open x")
	h.Write([]byte("!"))
	h.Close()
	check("x", 0o755, false)
}

func TestInvariant50CopyUpIsAtomic(t *testing.T) {
	const size = 4 << 20
	data := make([]byte, size)
	for i := range data {
		data[i] = byte(i*13 + i>>12)
	}
	tail := data[size-64<<10:]
	for round := range 3 {
		l := invNewLower(t)
		l.file("big", string(data))
		o := l.mount()

		var stop atomic.Bool
		var bad atomic.Int64
		var firstBad atomic.Value
		report := func(msg string) {
			bad.Add(1)
			firstBad.CompareAndSwap(nil, msg)
		}
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				buf := make([]byte, len(tail))
				for !stop.Load() {
					if fi, err := o.Stat("big"); err != nil || fi.Size() != size {
						report("stat saw a size other than the full size")
						continue
					}
					f, err := o.Open("big")
					if err != nil {
						report("open: " + err.Error())
						continue
					}
					if fi, err := f.Stat(); err != nil || fi.Size() != size {
						report("fstat saw a size other than the full size")
					}
					if n, err := f.ReadAt(buf, size-int64(len(buf))); n != len(buf) || !bytes.Equal(buf, tail) {
						report("the end of the file was missing or different: " + errString(err))
					}
					f.Close()
				}
			}()
		}
		time.Sleep(time.Millisecond)
		h, err := o.OpenFile("big", os.O_RDWR, 0)
		invOK(t, err, "open big")
		if _, err := h.WriteAt([]byte("X"), 0); err != nil {
			t.Fatalf("write: %v", err)
		}
		h.Close()
		time.Sleep(5 * time.Millisecond)
		stop.Store(true)
		wg.Wait()
		if n := bad.Load(); n > 0 {
			t.Errorf("round %d: readers saw a half-copied file %d times; first: %v", round, n, firstBad.Load())
		}
		want := append([]byte("X"), data[1:]...)
		if got := invRead(t, o, "big"); got != string(want) {
			t.Errorf("round %d: contents after the copy-up differ", round)
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "no error"
	}
	return err.Error()
}

func TestInvariant51SymlinkCopyUpKeepsTarget(t *testing.T) {
	l := invNewLower(t)
	l.symlink("target/x", "l")
	l.symlink("/abs/path", "a")
	l.symlink("nowhere", "h")
	l.mkdir("d")
	o := l.mount()
	wantLink := func(name, target string) {
		t.Helper()
		if fi := invLstat(t, o, name); fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s is %v, want a symlink", name, fi.Mode())
		}
		if got, err := o.Readlink(name); err != nil || got != target {
			t.Errorf("readlink %s = %q, %v; want %q", name, got, err, target)
		}
	}

	invOK(t, o.Rename("l", "m"), "rename l m")
	wantLink("m", "target/x")
	invOK(t, o.Rename("a", "d/a2"), "rename a d/a2")
	wantLink("d/a2", "/abs/path")
	invOK(t, o.Link("h", "h2"), "link h h2")
	wantLink("h", "nowhere")
	wantLink("h2", "nowhere")
}

func TestInvariant52SpecialFiles(t *testing.T) {
	// The policy: a FIFO, socket or device in the lower directory can be
	// listed, stat'ed and deleted, but never opened (ENXIO at once, never
	// a blocking open), and never copied up.
	openFlags := []int{
		os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_RDONLY | syscall.O_NONBLOCK,
		os.O_WRONLY | os.O_CREATE, os.O_RDWR | os.O_TRUNC, os.O_WRONLY | os.O_APPEND,
	}
	tryOpen := func(t *testing.T, o *overlay.FS, name string, flag int) error {
		t.Helper()
		return invPrompt(t, "open "+name, func() error {
			f, err := o.OpenFile(name, flag, 0o644)
			if err == nil {
				f.Close()
			}
			return err
		})
	}

	t.Run("52-fifo", func(t *testing.T) {
		l := invNewLower(t)
		l.mkdir("d")
		if err := syscall.Mkfifo(l.path("d/fifo"), 0o644); err != nil {
			t.Fatalf("mkfifo: %v", err)
		}
		l.symlink("fifo", "d/tofifo")
		o := l.mount()

		for _, flag := range openFlags {
			err := tryOpen(t, o, "d/fifo", flag)
			invIs(t, err, syscall.ENXIO, "open fifo with flags "+flagName(flag))
		}
		invIs(t, tryOpen(t, o, "d/tofifo", os.O_RDONLY), syscall.ENXIO, "open symlink to fifo")
		invIs(t, tryOpen(t, o, "d/fifo", os.O_WRONLY|os.O_CREATE|os.O_EXCL), syscall.EEXIST, "O_EXCL on fifo")

		for _, fi := range []fs.FileInfo{invStat(t, o, "d/fifo"), invLstat(t, o, "d/fifo"), invStat(t, o, "d/tofifo")} {
			if fi.Mode()&fs.ModeNamedPipe == 0 {
				t.Errorf("stat of the fifo: mode %v, want a named pipe", fi.Mode())
			}
		}
		entries, err := o.ReadDir("d")
		invOK(t, err, "readdir d")
		found := false
		for _, e := range entries {
			if e.Name() == "fifo" {
				found = true
				if e.Type()&fs.ModeNamedPipe == 0 {
					t.Errorf("readdir type of fifo = %v", e.Type())
				}
				if fi, err := e.Info(); err != nil || fi.Mode()&fs.ModeNamedPipe == 0 {
					t.Errorf("entry info of fifo: %v, %v", fi, err)
				}
			}
		}
		if !found {
			t.Errorf("readdir d does not list fifo")
		}
		err = invPrompt(t, "Changes", func() error { _, err := o.Changes(); return err })
		invOK(t, err, "Changes")

		// Moving the directory that holds it copies nothing.
		invOK(t, invPrompt(t, "rename d e", func() error { return o.Rename("d", "e") }), "rename d e")
		if fi := invLstat(t, o, "e/fifo"); fi.Mode()&fs.ModeNamedPipe == 0 {
			t.Errorf("e/fifo after moving its directory: %v", fi.Mode())
		}
		invIs(t, tryOpen(t, o, "e/fifo", os.O_RDONLY), syscall.ENXIO, "open e/fifo")
		invOK(t, invPrompt(t, "Changes", func() error { _, err := o.Changes(); return err }), "Changes")

		// Renaming or chmod-ing the fifo itself needs a copy-up: either it
		// works as on a plain directory, or it is refused with ENXIO and
		// nothing changes.
		err = invPrompt(t, "rename fifo", func() error { return o.Rename("e/fifo", "e/fifo2") })
		if err == nil {
			invGone(t, o, "e/fifo")
			if fi := invLstat(t, o, "e/fifo2"); fi.Mode()&fs.ModeNamedPipe == 0 {
				t.Errorf("renamed fifo is %v", fi.Mode())
			}
			invOK(t, o.Rename("e/fifo2", "e/fifo"), "rename back")
		} else {
			invIs(t, err, syscall.ENXIO, "rename fifo")
			invLstat(t, o, "e/fifo")
			_, err := o.Lstat("e/fifo2")
			invIs(t, err, syscall.ENOENT, "lstat e/fifo2 after a refused rename")
		}
		err = invPrompt(t, "chmod fifo", func() error { return o.Chmod("e/fifo", 0o600) })
		if err == nil {
			if fi := invLstat(t, o, "e/fifo"); fi.Mode() != fs.ModeNamedPipe|0o600 {
				t.Errorf("fifo after chmod: %v", fi.Mode())
			}
		} else {
			invIs(t, err, syscall.ENXIO, "chmod fifo")
			if fi := invLstat(t, o, "e/fifo"); fi.Mode() != fs.ModeNamedPipe|0o644 {
				t.Errorf("fifo after a refused chmod: %v", fi.Mode())
			}
		}

		invOK(t, invPrompt(t, "remove fifo", func() error { return o.Remove("e/fifo") }), "remove e/fifo")
		invGone(t, o, "e/fifo")
	})

	t.Run("52-socket-and-device", func(t *testing.T) {
		l := invNewLower(t)
		if err := syscall.Mknod(l.path("sock"), syscall.S_IFSOCK|0o644, 0); err != nil {
			t.Fatalf("mknod socket: %v", err)
		}
		haveDev := true
		if err := syscall.Mknod(l.path("null"), syscall.S_IFCHR|0o666, int(1<<8|3)); err != nil {
			t.Logf("cannot make a character device here (%v); checking the socket only", err)
			haveDev = false
		}
		o := l.mount()

		for _, flag := range openFlags {
			invIs(t, tryOpen(t, o, "sock", flag), syscall.ENXIO, "open socket with flags "+flagName(flag))
			if haveDev {
				invIs(t, tryOpen(t, o, "null", flag), syscall.ENXIO, "open device with flags "+flagName(flag))
			}
		}
		if fi := invStat(t, o, "sock"); fi.Mode()&fs.ModeSocket == 0 {
			t.Errorf("socket: mode %v", fi.Mode())
		}
		if haveDev {
			if fi := invStat(t, o, "null"); fi.Mode()&fs.ModeCharDevice == 0 {
				t.Errorf("device: mode %v", fi.Mode())
			}
			invOK(t, o.Remove("null"), "remove null")
			invGone(t, o, "null")
		}
		invOK(t, o.Remove("sock"), "remove sock")
		invGone(t, o, "sock")
	})
}

func flagName(flag int) string {
	var parts []string
	switch flag & (os.O_WRONLY | os.O_RDWR) {
	case os.O_RDONLY:
		parts = append(parts, "O_RDONLY")
	case os.O_WRONLY:
		parts = append(parts, "O_WRONLY")
	default:
		parts = append(parts, "O_RDWR")
	}
	for _, f := range []struct {
		bit  int
		name string
	}{{os.O_CREATE, "O_CREAT"}, {os.O_EXCL, "O_EXCL"}, {os.O_TRUNC, "O_TRUNC"}, {os.O_APPEND, "O_APPEND"}, {syscall.O_NONBLOCK, "O_NONBLOCK"}} {
		if flag&f.bit != 0 {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, "|")
}

func TestInvariant53NoFallBackAfterCopyUp(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower f")
	l.file("g", "lower g")
	l.file("h", "lower h")
	o := l.mount()

	invPut(t, o, "f", "upper")
	w, err := o.OpenFile("g", os.O_WRONLY|os.O_TRUNC, 0)
	invOK(t, err, "open g O_TRUNC")
	w.Close()
	w, err = o.OpenFile("h", os.O_RDWR, 0)
	invOK(t, err, "open h")
	invOK(t, w.Truncate(0), "truncate h")
	w.Close()

	want := map[string]string{"f": "upper", "g": "", "h": ""}
	check := func() {
		t.Helper()
		for name, data := range want {
			for _, flag := range []int{os.O_RDONLY, os.O_RDWR, os.O_RDONLY | os.O_CREATE} {
				h, err := o.OpenFile(name, flag, 0o644)
				invOK(t, err, "open "+name)
				b, err := io.ReadAll(h)
				h.Close()
				if err != nil || string(b) != data {
					t.Errorf("%s opened with %s reads %q, %v; want %q", name, flagName(flag), b, err, data)
				}
			}
			if fi := invStat(t, o, name); fi.Size() != int64(len(data)) {
				t.Errorf("size of %s = %d, want %d", name, fi.Size(), len(data))
			}
		}
	}
	check()
	// Changed behind the overlay's back, the lower files are no longer
	// looked at.
	for _, n := range []string{"f", "g", "h"} {
		if err := os.WriteFile(l.path(n), []byte("changed behind the overlay"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l.accept()
	check()
}

func TestInvariant54ReadOnlyOverlay(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower")
	l.file("g", "lower g")
	l.file("d/x", "x")
	o := l.mount()

	invPut(t, o, "u", "upper")
	hU, err := o.OpenFile("u", os.O_RDWR, 0)
	invOK(t, err, "open u")
	defer hU.Close()
	hF, err := o.OpenFile("f", os.O_RDWR, 0) // shares the lower bytes
	invOK(t, err, "open f")
	defer hF.Close()
	hG, err := o.OpenFile("g", os.O_RDWR, 0)
	invOK(t, err, "open g")
	defer hG.Close()
	_, err = hG.Write([]byte("G")) // copied up
	invOK(t, err, "write g")
	before := invChanges(t, o)

	o.SetReadOnly(true)
	open := func(name string, flag int) error {
		f, err := o.OpenFile(name, flag, 0o644)
		if err == nil {
			f.Close()
		}
		return err
	}
	ops := []struct {
		what string
		err  error
	}{
		{"create new file", open("n", os.O_WRONLY|os.O_CREATE)},
		{"create new file O_RDONLY", open("n", os.O_RDONLY|os.O_CREATE)},
		{"create existing file", open("f", os.O_RDWR|os.O_CREATE|os.O_TRUNC)},
		{"open lower file for writing", open("f", os.O_WRONLY)},
		{"open upper file for writing", open("u", os.O_RDWR)},
		{"open lower file O_TRUNC", open("g", os.O_RDONLY|os.O_TRUNC)},
		{"open lower file O_APPEND", open("d/x", os.O_WRONLY|os.O_APPEND)},
		{"mkdir", o.Mkdir("nd", 0o755)},
		{"mkdir in lower dir", o.Mkdir("d/nd", 0o755)},
		{"remove lower file", o.Remove("f")},
		{"remove upper file", o.Remove("u")},
		{"removeall lower dir", o.RemoveAll("d")},
		{"rename", o.Rename("f", "f2")},
		{"symlink", o.Symlink("f", "s")},
		{"link", o.Link("f", "l")},
		{"chmod", o.Chmod("f", 0o600)},
		{"chown", o.Chown("f", 1, 1)},
		{"chtimes", o.Chtimes("f", time.Now(), time.Now())},
	}
	for _, op := range ops {
		invIs(t, op.err, syscall.EROFS, op.what)
	}
	_, err = hU.Write([]byte("X"))
	invIs(t, err, syscall.EROFS, "write through an open upper file")
	_, err = hF.Write([]byte("X"))
	invIs(t, err, syscall.EROFS, "write through an open lower file not yet copied")
	_, err = hG.WriteAt([]byte("X"), 3)
	invIs(t, err, syscall.EROFS, "write through an open copied-up file")
	invIs(t, hF.Truncate(1), syscall.EROFS, "truncate through an open lower file")
	invIs(t, hU.Truncate(0), syscall.EROFS, "truncate through an open upper file")

	// Reads still work, and nothing changed.
	invWant(t, o, "f", "lower")
	invWant(t, o, "u", "upper")
	invWant(t, o, "g", "Gower g")
	if b, err := io.ReadAll(hF); err != nil || string(b) != "lower" {
		t.Errorf("read through hF = %q, %v", b, err)
	}
	invWantNames(t, o, "/", "d", "f", "g", "u")
	if after := invChanges(t, o); !slices.Equal(after, before) {
		t.Errorf("changes while read-only: %q, was %q", after, before)
	}

	o.SetReadOnly(false)
	if _, err := hF.WriteAt([]byte("F"), 0); err != nil {
		t.Errorf("write after SetReadOnly(false): %v", err)
	}
	invWant(t, o, "f", "Fower")
}

// ---------------------------------------------------------------------------
// Rename

func TestInvariant55RenameLowerFile(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower f")
	l.file("d/g", "g")
	o := l.mount()
	ino := invIno(t, o, "f")

	invOK(t, o.Rename("f", "f2"), "rename f f2")
	invGone(t, o, "f")
	invWant(t, o, "f2", "lower f")
	if got := invIno(t, o, "f2"); got != ino {
		t.Errorf("ino of f2 = %d, want f's %d", got, ino)
	}
	invOK(t, o.Rename("d/g", "g"), "rename d/g g")
	invGone(t, o, "d/g")
	invWant(t, o, "g", "g")
	invWantNames(t, o, "/", "d", "f2", "g")
	invWantNames(t, o, "d")
	if n := o.UpperBytes(); n != 0 {
		t.Errorf("UpperBytes = %d after renames, want 0 (metadata only)", n)
	}
	invWantChanges(t, o, "deleted /d/g", "deleted /f", "added /f2", "added /g")
}

func TestInvariant56RenameUpperFile(t *testing.T) {
	l := invNewLower(t)
	o := l.mount()

	invPut(t, o, "n", "n")
	invOK(t, o.Rename("n", "m"), "rename n m")
	invGone(t, o, "n")
	invWant(t, o, "m", "n")
	invWantChanges(t, o, "added /m")
	invPut(t, o, "n", "second")
	invWant(t, o, "n", "second")
	invWantChanges(t, o, "added /m", "added /n")
}

func TestInvariant57RenameOntoWhiteout(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "lower f")
	l.file("g", "lower g")
	l.file("h", "lower h")
	o := l.mount()

	invOK(t, o.Remove("g"), "remove g")
	invOK(t, o.Rename("f", "g"), "rename f g")
	invWant(t, o, "g", "lower f")
	invWantNames(t, o, "/", "g", "h")
	// The old g stays hidden when the new one goes.
	invOK(t, o.Remove("g"), "remove g again")
	invGone(t, o, "g")
	invGone(t, o, "f")

	invOK(t, o.Remove("h"), "remove h")
	invPut(t, o, "n", "new")
	invOK(t, o.Rename("n", "h"), "rename n h")
	invWant(t, o, "h", "new")
	invOK(t, o.Remove("h"), "remove h again")
	invGone(t, o, "h")
	invWantNames(t, o, "/")
	invWantChanges(t, o, "deleted /f", "deleted /g", "deleted /h")
}

func TestInvariant58RenameDirOverNonEmpty(t *testing.T) {
	l := invNewLower(t)
	l.mkdir("a")
	l.file("b/x", "x")
	l.mkdir("e")
	o := l.mount()

	invIs(t, o.Rename("a", "b"), syscall.ENOTEMPTY, "rename a over b (lower child)")
	invPut(t, o, "e/n", "n")
	invIs(t, o.Rename("a", "e"), syscall.ENOTEMPTY, "rename a over e (upper child)")
	invWantNames(t, o, "b", "x")
	invWantNames(t, o, "e", "n")
	invOK(t, o.Remove("b/x"), "remove b/x")
	invOK(t, o.Rename("a", "b"), "rename a over the emptied b")
	invWantNames(t, o, "b")
	invGone(t, o, "b/x")
	invGone(t, o, "a")
}

func TestInvariant59RenameTypeMismatch(t *testing.T) {
	l := invNewLower(t)
	l.mkdir("d")
	l.file("f", "f")
	o := l.mount()
	invOK(t, o.Mkdir("ud", 0o755), "mkdir ud")
	invPut(t, o, "uf", "uf")

	for _, c := range [][2]string{{"d", "f"}, {"ud", "uf"}, {"d", "uf"}, {"ud", "f"}} {
		invIs(t, o.Rename(c[0], c[1]), syscall.ENOTDIR, "rename dir "+c[0]+" onto file "+c[1])
		invIs(t, o.Rename(c[1], c[0]), syscall.EISDIR, "rename file "+c[1]+" onto dir "+c[0])
	}
	invWantChanges(t, o, "added /ud", "added /uf")
}

func TestInvariant60RenameDirMovesSubtree(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "A")
	l.file("d/sub/b", "B")
	l.file("d/sub/deep/c", "C")
	l.symlink("a", "d/ln")
	l.mkdir("p")
	o := l.mount()

	invPut(t, o, "d/new", "n")
	invPut(t, o, "d/sub/new2", "n2")
	held := o.UpperBytes()
	inoA, inoSub := invIno(t, o, "d/a"), invIno(t, o, "d/sub")

	invOK(t, o.Rename("d", "e"), "rename d e")
	invWantNames(t, o, "/", "e", "p")
	invWantNames(t, o, "e", "a", "ln", "new", "sub")
	invWantNames(t, o, "e/sub", "b", "deep", "new2")
	invWantNames(t, o, "e/sub/deep", "c")
	invWant(t, o, "e/a", "A")
	invWant(t, o, "e/sub/b", "B")
	invWant(t, o, "e/sub/deep/c", "C")
	invWant(t, o, "e/new", "n")
	invWant(t, o, "e/sub/new2", "n2")
	invGone(t, o, "d")
	invGone(t, o, "d/a")
	if n := o.UpperBytes(); n != held {
		t.Errorf("UpperBytes went from %d to %d: the rename copied bytes", held, n)
	}
	if invIno(t, o, "e/a") != inoA || invIno(t, o, "e/sub") != inoSub {
		t.Errorf("inode numbers changed in the move")
	}
	invWantChanges(t, o,
		"deleted /d", "deleted /d/a", "deleted /d/ln", "deleted /d/sub", "deleted /d/sub/b", "deleted /d/sub/deep", "deleted /d/sub/deep/c",
		"added /e", "added /e/a", "added /e/ln", "added /e/new", "added /e/sub", "added /e/sub/b", "added /e/sub/deep", "added /e/sub/deep/c", "added /e/sub/new2")

	// The moved subtree works like any other: a relative symlink resolves
	// from its new place, and creating, writing and deleting below it work.
	invWant(t, o, "e/ln", "A")
	invPut(t, o, "e/sub/deep/new3", "n3")
	invWantNames(t, o, "e/sub/deep", "c", "new3")
	invOK(t, o.Remove("e/sub/b"), "remove e/sub/b")
	invGone(t, o, "e/sub/b")
	invPut(t, o, "e/a", "A!")
	invWant(t, o, "e/a", "A!")
	invWant(t, o, "e/ln", "A!")
	invOK(t, o.Rename("e/sub", "p/sub"), "rename e/sub p/sub")
	invWantNames(t, o, "p/sub", "deep", "new2")
	invWantNames(t, o, "e", "a", "ln", "new")
	invWant(t, o, "p/sub/deep/c", "C")
	invOK(t, o.Mkdir("d", 0o755), "mkdir d")
	invWantNames(t, o, "d")

	t.Run("60-there-and-back", func(t *testing.T) {
		l := invNewLower(t)
		l.file("d/a", "A")
		l.file("d/s/b", "B")
		o := l.mount()
		invOK(t, o.Rename("d", "e"), "rename d e")
		invOK(t, o.Rename("e", "d"), "rename e d")
		invWantNames(t, o, "d", "a", "s")
		invWantNames(t, o, "d/s", "b")
		invWantChanges(t, o)
	})
}

func TestInvariant61RenameDirOntoDeletedDir(t *testing.T) {
	l := invNewLower(t)
	l.file("a/x", "x")
	l.file("b/x", "the old b's x")
	l.file("b/y", "y")
	l.file("c/z", "z")
	l.file("g/w", "w")
	l.file("h/v", "v")
	o := l.mount()

	invOK(t, o.RemoveAll("b"), "removeall b")
	invOK(t, o.Rename("a", "b"), "rename a b")
	invWantNames(t, o, "b", "x")
	invWant(t, o, "b/x", "x")
	invGone(t, o, "b/y")

	invOK(t, o.Remove("g/w"), "remove g/w")
	invOK(t, o.Rename("c", "g"), "rename c over the emptied g")
	invWantNames(t, o, "g", "z")
	invGone(t, o, "g/w")

	invOK(t, o.RemoveAll("h"), "removeall h")
	invOK(t, o.Mkdir("n", 0o755), "mkdir n")
	invOK(t, o.Rename("n", "h"), "rename n h")
	invWantNames(t, o, "h")
	invGone(t, o, "h/v")
}

func TestInvariant62RenameIntoSelfAndOntoSelf(t *testing.T) {
	l := invNewLower(t)
	l.file("d/sub/x", "x")
	l.file("f", "f")
	o := l.mount()

	for _, to := range []string{"d/sub", "d/new", "d/sub/new", "d/sub/x/.."} {
		err := o.Rename("d", to)
		if to == "d/sub/x/.." {
			invIs(t, err, syscall.ENOTDIR, "rename d "+to)
			continue
		}
		invIs(t, err, syscall.EINVAL, "rename d "+to)
	}
	invOK(t, o.Rename("d", "d"), "rename d d")
	invOK(t, o.Rename("f", "f"), "rename f f")
	invOK(t, o.Rename("d/sub", "d/../d/sub"), "rename d/sub d/../d/sub")
	invWantChanges(t, o)
	invWantNames(t, o, "/", "d", "f")
	invWant(t, o, "d/sub/x", "x")

	// Two names of one file: rename(2) does nothing.
	invOK(t, o.Link("f", "g"), "link f g")
	invOK(t, o.Rename("f", "g"), "rename f g (hard links)")
	invWant(t, o, "f", "f")
	invWant(t, o, "g", "f")
	invWantChanges(t, o, "added /g")

	t.Run("62-lower-hard-links", func(t *testing.T) {
		// p and q are one file in the lower directory, so renaming one
		// onto the other does nothing. Once p is copied up it is its own
		// file (the documented limitation on hard links that already exist
		// in the project), with its own inode number, so the rename then
		// replaces q as it would for two distinct files.
		l := invNewLower(t)
		l.file("p", "shared")
		l.hardlink("p", "q")
		o := l.mount()
		invOK(t, o.Rename("p", "q"), "rename p q")
		invWantNames(t, o, "/", "p", "q")
		invOK(t, o.Chmod("p", 0o600), "chmod p")
		if invStatT(invStat(t, o, "p")).Ino == invStatT(invStat(t, o, "q")).Ino {
			t.Errorf("p, copied up, still shares q's inode number")
		}
		invOK(t, o.Rename("p", "q"), "rename p q after chmod p")
		invWantNames(t, o, "/", "q")
		if m := invStat(t, o, "q").Mode().Perm(); m != 0o600 {
			t.Errorf("q mode = %v, want the renamed p's 0600", m)
		}
	})
}

func TestInvariant63RenameIsAtomic(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "payload")
	l.file("d/x", "x")
	o := l.mount()

	var stop atomic.Bool
	var bad atomic.Int64
	var first atomic.Value
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				entries, err := o.ReadDir("/")
				if err != nil {
					bad.Add(1)
					first.CompareAndSwap(nil, err.Error())
					continue
				}
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				files := 0
				dirs := 0
				for _, n := range names {
					switch n {
					case "f", "g":
						files++
					case "d", "e":
						dirs++
					}
				}
				if files != 1 || dirs != 1 {
					bad.Add(1)
					first.CompareAndSwap(nil, strings.Join(names, " "))
				}
			}
		}()
	}
	for range 300 {
		invOK(t, o.Rename("f", "g"), "rename f g")
		invOK(t, o.Rename("d", "e"), "rename d e")
		invOK(t, o.Rename("g", "f"), "rename g f")
		invOK(t, o.Rename("e", "d"), "rename e d")
	}
	stop.Store(true)
	wg.Wait()
	if n := bad.Load(); n > 0 {
		t.Errorf("listings taken during renames showed both names or neither %d times; first: %v", n, first.Load())
	}
	invWant(t, o, "f", "payload")
	invWant(t, o, "d/x", "x")
	invWantChanges(t, o)
}

// ---------------------------------------------------------------------------
// Links and symlinks

func TestInvariant64HardLinkDirEPERM(t *testing.T) {
	l := invNewLower(t)
	l.mkdir("d")
	o := l.mount()
	invOK(t, o.Mkdir("ud", 0o755), "mkdir ud")

	invIs(t, o.Link("d", "x"), syscall.EPERM, "link lower dir")
	invIs(t, o.Link("ud", "y"), syscall.EPERM, "link upper dir")
	invIs(t, o.Link("/", "z"), syscall.EPERM, "link root")
	invGone(t, o, "x")
	invGone(t, o, "y")
	invGone(t, o, "z")
	invWantChanges(t, o, "added /ud")
}

func TestInvariant65HardLinkLowerFile(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "hello")
	o := l.mount()
	lowerIno := l.lstat("f").Ino

	invOK(t, o.Link("f", "g"), "link f g")
	invWant(t, o, "f", "hello")
	invWant(t, o, "g", "hello")
	if n := o.UpperBytes(); n != 0 {
		t.Errorf("UpperBytes after link = %d, want 0", n)
	}
	checkLinks := func(nlink uint64, names ...string) {
		t.Helper()
		for _, n := range names {
			st := invStatT(invStat(t, o, n))
			if st.Nlink != nlink || st.Ino != invStatT(invStat(t, o, names[0])).Ino {
				t.Errorf("%s: nlink %d ino %d, want nlink %d and the ino of %s", n, st.Nlink, st.Ino, nlink, names[0])
			}
		}
	}
	checkLinks(2, "f", "g")
	if ino := invIno(t, o, "g"); ino != lowerIno {
		t.Errorf("ino of g = %d, want the lower ino %d", ino, lowerIno)
	}

	reader, err := o.Open("f")
	invOK(t, err, "open f")
	defer reader.Close()
	h, err := o.OpenFile("g", os.O_WRONLY|os.O_APPEND, 0)
	invOK(t, err, "open g append")
	h.Write([]byte(" world"))
	h.Close()
	invWant(t, o, "f", "hello world")
	if b, err := io.ReadAll(reader); err != nil || string(b) != "hello world" {
		t.Errorf("handle on f opened before the write through g reads %q, %v", b, err)
	}
	h, err = o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f rw")
	h.WriteAt([]byte("J"), 0)
	h.Close()
	invWant(t, o, "g", "Jello world")
	checkLinks(2, "f", "g")

	invOK(t, o.Remove("f"), "remove f")
	invWant(t, o, "g", "Jello world")
	checkLinks(1, "g")

	t.Run("65-preexisting-lower-hard-links", func(t *testing.T) {
		// Two names that are one file in the lower directory show as one
		// inode until one of them is modified. Then (the documented
		// limitation) the modified name becomes its own file: the other
		// keeps the original bytes, and the two no longer share an inode
		// number, so nothing claims they are one file.
		l := invNewLower(t)
		l.file("p", "shared")
		l.hardlink("p", "q")
		o := l.mount()
		sp, sq := invStatT(invStat(t, o, "p")), invStatT(invStat(t, o, "q"))
		if sp.Nlink != 2 || sq.Nlink != 2 || sp.Ino != sq.Ino {
			t.Errorf("before: p: nlink %d ino %d; q: nlink %d ino %d; want one inode with 2 links", sp.Nlink, sp.Ino, sq.Nlink, sq.Ino)
		}
		invPut(t, o, "p", "changed")
		invWant(t, o, "p", "changed")
		invWant(t, o, "q", "shared")
		sp, sq = invStatT(invStat(t, o, "p")), invStatT(invStat(t, o, "q"))
		if sp.Ino == sq.Ino || sp.Nlink != 1 {
			t.Errorf("after: p: nlink %d ino %d; q: ino %d; want p a separate inode with 1 link", sp.Nlink, sp.Ino, sq.Ino)
		}
	})
}

func TestInvariant66ReadlinkLstatPrecedence(t *testing.T) {
	l := invNewLower(t)
	l.file("a", "A")
	l.symlink("a", "l")
	l.file("x", "X")
	l.symlink("a", "d/l2")
	l.mkdir("e")
	o := l.mount()

	if got, err := o.Readlink("l"); err != nil || got != "a" {
		t.Errorf("readlink l = %q, %v", got, err)
	}
	invOK(t, o.Remove("l"), "remove l")
	invGone(t, o, "l")
	invOK(t, o.Symlink("b", "l"), "symlink b l")
	if got, err := o.Readlink("l"); err != nil || got != "b" {
		t.Errorf("readlink of the new l = %q, %v", got, err)
	}
	if fi := invLstat(t, o, "l"); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("lstat l: %v", fi.Mode())
	}

	_, err := o.Readlink("x")
	invIs(t, err, syscall.EINVAL, "readlink of a lower file")
	invPut(t, o, "x", "upper X")
	_, err = o.Readlink("x")
	invIs(t, err, syscall.EINVAL, "readlink of an upper file")
	invOK(t, o.Remove("x"), "remove x")
	invOK(t, o.Symlink("a", "x"), "symlink a x")
	if got, err := o.Readlink("x"); err != nil || got != "a" {
		t.Errorf("readlink x = %q, %v", got, err)
	}
	if fi := invLstat(t, o, "x"); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("lstat x: %v, want the upper symlink", fi.Mode())
	}
	if fi := invStat(t, o, "x"); !fi.Mode().IsRegular() || fi.Size() != 1 {
		t.Errorf("stat x: %v size %d, want a (1 byte)", fi.Mode(), fi.Size())
	}

	invOK(t, o.RemoveAll("d"), "removeall d")
	invGone(t, o, "d/l2")
	_, err = o.Readlink("e")
	invIs(t, err, syscall.EINVAL, "readlink of a directory")
}

func TestInvariant67SymlinksResolveInMergedView(t *testing.T) {
	l := invNewLower(t)
	l.file("d/lowerfile", "lower data")
	l.file("f", "secret")
	l.symlink("f", "lf")
	l.symlink("/d/lowerfile", "abs")
	l.symlink("made", "dl")
	o := l.mount()

	invOK(t, o.Symlink("d/lowerfile", "s"), "symlink s")
	invWant(t, o, "s", "lower data")
	invOK(t, o.Symlink("/d/lowerfile", "s2"), "symlink s2")
	invWant(t, o, "s2", "lower data")
	invOK(t, o.Symlink("d", "sd"), "symlink sd")
	invPut(t, o, "d/up", "u")
	invWantNames(t, o, "sd", "lowerfile", "up")
	invWant(t, o, "sd/up", "u")

	// A dangling upper symlink over a deleted lower file shows nothing of
	// that file.
	invOK(t, o.Remove("f"), "remove f")
	invOK(t, o.Symlink("nowhere", "f"), "symlink nowhere f")
	_, err := o.Open("f")
	invIs(t, err, syscall.ENOENT, "open the dangling f")
	_, err = o.Stat("f")
	invIs(t, err, syscall.ENOENT, "stat the dangling f")
	_, err = o.Open("lf")
	invIs(t, err, syscall.ENOENT, "open lf, a lower link to f")
	if fi := invLstat(t, o, "f"); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("lstat f: %v", fi.Mode())
	}

	// A lower symlink sees upper changes to its target, and absolute
	// targets start at the view's root.
	invWant(t, o, "abs", "lower data")
	invPut(t, o, "d/lowerfile", "changed")
	invWant(t, o, "abs", "changed")
	invWant(t, o, "s", "changed")

	// Creating through a dangling symlink creates its target, as open(2)
	// with O_CREAT does.
	h, err := o.OpenFile("dl", os.O_WRONLY|os.O_CREATE, 0o644)
	invOK(t, err, "create through dl")
	h.Write([]byte("via link"))
	h.Close()
	invWant(t, o, "made", "via link")
	if fi := invLstat(t, o, "dl"); fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("dl is %v after creating through it", fi.Mode())
	}
}

// ---------------------------------------------------------------------------
// readdir

func TestInvariant68ListingOrderDeterministic(t *testing.T) {
	l := invNewLower(t)
	for _, n := range []string{"b", "a2", "Z", "d/m"} {
		l.file(n, "")
	}
	o := l.mount()
	invPut(t, o, "c", "")
	invPut(t, o, "a", "")
	invOK(t, o.Mkdir("B", 0o755), "mkdir B")
	invPut(t, o, "d/k", "")

	want := []string{"B", "Z", "a", "a2", "b", "c", "d"}
	for range 3 {
		invWantNames(t, o, "/", want...)
	}
	invWantNames(t, o, "d", "k", "m")
	h, err := o.Open("/")
	invOK(t, err, "open /")
	var got []string
	for {
		names, err := h.Readdirnames(1)
		got = append(got, names...)
		if err == io.EOF {
			break
		}
		invOK(t, err, "readdirnames(1)")
	}
	h.Close()
	if !slices.Equal(got, want) {
		t.Errorf("readdirnames one by one = %q, want %q", got, want)
	}
}

func TestInvariant69DirHandleOffsetsStable(t *testing.T) {
	l := invNewLower(t)
	for _, n := range []string{"a", "b", "c", "d", "e"} {
		l.file("dir/"+n, "")
	}
	l.file("d2/a", "")
	l.file("d3/a", "")
	o := l.mount()

	h, err := o.Open("dir")
	invOK(t, err, "open dir")
	defer h.Close()
	first, err := h.Readdirnames(2)
	invOK(t, err, "readdirnames(2)")
	invPut(t, o, "dir/aa", "")
	invOK(t, o.Remove("dir/c"), "remove dir/c")
	invOK(t, o.Remove("dir/a"), "remove dir/a")
	rest, err := h.Readdirnames(-1)
	invOK(t, err, "readdirnames(-1)")
	if !slices.Equal(first, []string{"a", "b"}) || !slices.Equal(rest, []string{"c", "d", "e"}) {
		t.Errorf("listing across changes = %q then %q, want [a b] then the snapshot's [c d e]", first, rest)
	}
	if names, err := h.Readdirnames(1); len(names) != 0 || err != io.EOF {
		t.Errorf("readdirnames at the end = %q, %v; want io.EOF", names, err)
	}
	_, err = h.Seek(0, io.SeekStart)
	invOK(t, err, "rewind")
	again, err := h.Readdirnames(-1)
	invOK(t, err, "readdirnames after rewind")
	if !slices.Equal(again, []string{"aa", "b", "d", "e"}) {
		t.Errorf("listing after rewind = %q, want [aa b d e]", again)
	}

	t.Run("69-handle-follows-renamed-dir", func(t *testing.T) {
		// The handle is on the directory, not the name: after a rename
		// it still lists that directory, as on Linux.
		h, err := o.Open("d2")
		invOK(t, err, "open d2")
		defer h.Close()
		invOK(t, o.Rename("d2", "e2"), "rename d2 e2")
		names, err := h.Readdirnames(-1)
		if err != nil || !slices.Equal(names, []string{"a"}) {
			t.Errorf("handle on the renamed directory lists %q, %v; want [a]", names, err)
		}
	})
	t.Run("69-handle-not-redirected-to-new-dir", func(t *testing.T) {
		// A directory made at the same name later is another directory;
		// Linux fails the read on the old, deleted one with ENOENT.
		h, err := o.Open("d3")
		invOK(t, err, "open d3")
		defer h.Close()
		invOK(t, o.RemoveAll("d3"), "removeall d3")
		invOK(t, o.Mkdir("d3", 0o755), "mkdir d3")
		invPut(t, o, "d3/z", "")
		names, err := h.Readdirnames(-1)
		if slices.Contains(names, "z") {
			t.Errorf("handle on the deleted d3 lists the new d3's entries: %q", names)
		}
		invIs(t, err, syscall.ENOENT, "readdir of the handle on the deleted d3")
	})
}

func TestInvariant70NoDotEntriesAndParentIds(t *testing.T) {
	// vfs.DirReader.ReadDir and open directories list no "." or "..", as
	// os.File.ReadDir; the ids those entries would carry are checked
	// through stat of "d/." and "d/..".
	l := invNewLower(t)
	l.file("d/e/x", "")
	o := l.mount()

	check := func() {
		t.Helper()
		for _, dir := range []string{"/", "d", "d/e"} {
			for _, n := range invNames(t, o, dir) {
				if n == "." || n == ".." {
					t.Errorf("readdir %s lists %q", dir, n)
				}
			}
			h, err := o.Open(dir)
			invOK(t, err, "open "+dir)
			names, _ := h.Readdirnames(-1)
			h.Close()
			if slices.Contains(names, ".") || slices.Contains(names, "..") {
				t.Errorf("readdirnames %s = %q", dir, names)
			}
		}
		pairs := [][2]string{{"d/e/.", "d/e"}, {"d/e/..", "d"}, {"d/.", "d"}, {"d/..", "/"}, {"/.", "/"}, {"/..", "/"}}
		for _, p := range pairs {
			if a, b := invStatT(invStat(t, o, p[0])), invStatT(invStat(t, o, p[1])); a.Ino != b.Ino || a.Dev != b.Dev {
				t.Errorf("%s has id %d:%d, want %s's %d:%d", p[0], a.Dev, a.Ino, p[1], b.Dev, b.Ino)
			}
		}
	}
	check()
	invPut(t, o, "d/n", "") // d copied up
	check()
}

func TestInvariant71NameInBothLayersListedOnce(t *testing.T) {
	l := invNewLower(t)
	l.file("x", "file")
	l.mkdir("y")
	l.file("d/z", "lower z")
	o := l.mount()

	invOK(t, o.Remove("x"), "remove x")
	invOK(t, o.Mkdir("x", 0o755), "mkdir x")
	invOK(t, o.RemoveAll("y"), "removeall y")
	invOK(t, o.Symlink("d", "y"), "symlink d y")
	invPut(t, o, "d/z", "upper z")

	entries, err := o.ReadDir("/")
	invOK(t, err, "readdir /")
	types := map[string][]fs.FileMode{}
	for _, e := range entries {
		types[e.Name()] = append(types[e.Name()], e.Type())
	}
	want := map[string]fs.FileMode{"x": fs.ModeDir, "y": fs.ModeSymlink, "d": fs.ModeDir}
	for n, typ := range want {
		if got := types[n]; len(got) != 1 || got[0] != typ {
			t.Errorf("readdir / lists %s as %v, want once as %v", n, got, typ)
		}
	}
	entries, err = o.ReadDir("d")
	invOK(t, err, "readdir d")
	if len(entries) != 1 {
		t.Fatalf("readdir d = %v", entries)
	}
	if fi, err := entries[0].Info(); err != nil || fi.Size() != int64(len("upper z")) {
		t.Errorf("info of d/z: %v, %v; want the upper file", fi, err)
	}
}

func TestInvariant72ListingErrors(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "f")
	l.symlink("f", "lf")
	l.symlink("nowhere", "dl")
	o := l.mount()
	invPut(t, o, "uf", "uf")

	for name, want := range map[string]syscall.Errno{
		"nope": syscall.ENOENT, "nope/x": syscall.ENOENT, "dl": syscall.ENOENT,
		"f": syscall.ENOTDIR, "f/": syscall.ENOTDIR, "lf": syscall.ENOTDIR, "uf": syscall.ENOTDIR, "f/x": syscall.ENOTDIR,
	} {
		_, err := o.ReadDir(name)
		invIs(t, err, want, "readdir "+name)
	}
	for _, flag := range []int{os.O_RDONLY, os.O_RDWR} {
		for _, name := range []string{"f", "uf"} {
			h, err := o.OpenFile(name, flag, 0)
			invOK(t, err, "open "+name)
			_, err = h.Readdirnames(-1)
			invIs(t, err, syscall.ENOTDIR, "readdirnames on file "+name+" opened "+flagName(flag))
			h.Close()
		}
	}
}

// Invariant 73 (entries of filesystems mounted inside the namespace come
// back with namespace-absolute paths) does not apply: an overlay.FS has no
// mounts inside it. Its paths are all relative to its own root; mounting is
// the job of the namespace layer above it.

func TestInvariant74WhiteoutHidesOnlyLowerLayer(t *testing.T) {
	l := invNewLower(t)
	l.file("d/x", "lower x")
	l.file("y", "lower y")
	o := l.mount()

	invOK(t, o.Remove("d/x"), "remove d/x")
	invPut(t, o, "d/x", "new x")
	invWantNames(t, o, "d", "x")
	invWant(t, o, "d/x", "new x")
	invOK(t, o.Remove("y"), "remove y")
	invOK(t, o.Mkdir("y", 0o755), "mkdir y")
	if fi := invStat(t, o, "y"); !fi.IsDir() {
		t.Errorf("y: %v", fi.Mode())
	}
	invWantNames(t, o, "/", "d", "y")
	invPut(t, o, "y/in", "in")
	invWantNames(t, o, "y", "in")
}

// ---------------------------------------------------------------------------
// Inodes and errors

func TestInvariant75InodesUniqueAndStable(t *testing.T) {
	l := invNewLower(t)
	l.file("a", "a")
	l.file("b", "b")
	l.file("d/c", "c")
	l.symlink("a", "s")
	l.symlink("a", "s2")
	l.mkdir("m")
	o := l.mount()

	before := map[string]uint64{}
	for _, n := range []string{"/", "a", "b", "d", "d/c", "s", "s2", "m"} {
		before[n] = invIno(t, o, n)
	}
	invPut(t, o, "n1", "")
	invPut(t, o, "n2", "")
	invOK(t, o.Mkdir("nd", 0o755), "mkdir nd")
	invOK(t, o.Symlink("a", "ns"), "symlink ns")

	h, err := o.OpenFile("a", os.O_RDWR, 0)
	invOK(t, err, "open a")
	fi1, _ := h.Stat()
	h.Write([]byte("A"))
	fi2, _ := h.Stat()
	h.Close()
	if invStatT(fi1).Ino != before["a"] || invStatT(fi2).Ino != before["a"] {
		t.Errorf("fstat ino of a: %d before the write, %d after; want %d", invStatT(fi1).Ino, invStatT(fi2).Ino, before["a"])
	}
	invOK(t, o.Chmod("d", 0o700), "chmod d")
	invPut(t, o, "d/new", "")
	invOK(t, o.Chtimes("d/c", time.Now(), time.Now()), "chtimes d/c")
	invOK(t, o.Rename("b", "b2"), "rename b b2")
	invOK(t, o.Rename("m", "m2"), "rename m m2")

	after := map[string]string{"/": "/", "a": "a", "b": "b2", "d": "d", "d/c": "d/c", "m": "m2"}
	for old, now := range after {
		if got := invIno(t, o, now); got != before[old] {
			t.Errorf("ino of %s (was %s) = %d, want %d as before the copy-up", now, old, got, before[old])
		}
	}
	t.Run("75-symlink-copy-up", func(t *testing.T) {
		invOK(t, o.Rename("s", "s3"), "rename s s3")
		if got := invIno(t, o, "s3"); got != before["s"] {
			t.Errorf("ino of the renamed symlink = %d, want %d (rename keeps the inode)", got, before["s"])
		}
		invOK(t, o.Link("s2", "s4"), "link s2 s4")
		if got := invIno(t, o, "s2"); got != before["s2"] {
			t.Errorf("ino of s2 after linking it = %d, want %d", got, before["s2"])
		}
	})

	// Unique across everything visible, and one device.
	seen := map[uint64]string{}
	var dev uint64
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := o.ReadDir(dir)
		invOK(t, err, "readdir "+dir)
		for _, e := range entries {
			p := strings.TrimSuffix(dir, "/") + "/" + e.Name()
			fi, err := e.Info()
			invOK(t, err, "info "+p)
			st := invStatT(fi)
			if lst := invStatT(invLstat(t, o, p)); lst.Ino != st.Ino {
				t.Errorf("%s: readdir info ino %d, lstat ino %d", p, st.Ino, lst.Ino)
			}
			if other, dup := seen[st.Ino]; dup && !(st.Nlink > 1) {
				t.Errorf("%s and %s share ino %d", p, other, st.Ino)
			}
			seen[st.Ino] = p
			if dev == 0 {
				dev = st.Dev
			} else if st.Dev != dev {
				t.Errorf("%s: dev %d, others %d", p, st.Dev, dev)
			}
			if e.IsDir() {
				walk(p)
			}
		}
	}
	walk("/")
}

func TestInvariant76TypeKeptAcrossCopyUp(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "f")
	l.mkdir("d")
	l.symlink("f", "s")
	l.symlink("f", "s2")
	o := l.mount()

	types := map[string]fs.FileMode{}
	for _, n := range []string{"f", "d", "s", "s2"} {
		types[n] = invLstat(t, o, n).Mode().Type()
	}
	invOK(t, o.Chmod("f", 0o600), "chmod f")
	invPut(t, o, "f", "written")
	invOK(t, o.Chmod("d", 0o700), "chmod d")
	invOK(t, o.Chtimes("s", time.Now(), time.Now()), "chtimes through s") // follows s
	invOK(t, o.Link("s2", "s3"), "link s2")
	for n, typ := range types {
		if got := invLstat(t, o, n).Mode().Type(); got != typ {
			t.Errorf("type of %s = %v after copy-up, want %v", n, got, typ)
		}
	}
	if got := invLstat(t, o, "s3").Mode().Type(); got != fs.ModeSymlink {
		t.Errorf("s3 is %v, want a symlink", got)
	}
}

func TestInvariant77POSIXErrnos(t *testing.T) {
	// EXDEV never arises: there is one filesystem, and renames of every
	// kind, directories included, work within it. EROFS is checked by
	// invariant 54.
	l := invNewLower(t)
	l.file("f", "f")
	l.file("d/x", "x")
	l.mkdir("e")
	l.symlink("la", "lb")
	l.symlink("lb", "la")
	o := l.mount()
	long := strings.Repeat("n", 256)
	openErr := func(name string, flag int) error {
		h, err := o.OpenFile(name, flag, 0o644)
		if err == nil {
			h.Close()
		}
		return err
	}
	cases := []struct {
		what string
		err  error
		want syscall.Errno
	}{
		{"stat nope", statErr(o.Stat("nope")), syscall.ENOENT},
		{"open nope", openErr("nope", os.O_RDONLY), syscall.ENOENT},
		{"remove nope", o.Remove("nope"), syscall.ENOENT},
		{"rename nope", o.Rename("nope", "x"), syscall.ENOENT},
		{"link nope", o.Link("nope", "x"), syscall.ENOENT},
		{"chmod nope", o.Chmod("nope", 0o600), syscall.ENOENT},
		{"mkdir f", o.Mkdir("f", 0o755), syscall.EEXIST},
		{"mkdir d", o.Mkdir("d", 0o755), syscall.EEXIST},
		{"symlink onto f", o.Symlink("x", "f"), syscall.EEXIST},
		{"link onto d/x", o.Link("f", "d/x"), syscall.EEXIST},
		{"rmdir d", o.Remove("d"), syscall.ENOTEMPTY},
		{"rename e over d", o.Rename("e", "d"), syscall.ENOTEMPTY},
		{"open d for writing", openErr("d", os.O_WRONLY), syscall.EISDIR},
		{"open d O_RDWR|O_CREAT", openErr("d", os.O_RDWR|os.O_CREATE), syscall.EISDIR},
		{"rename f onto e", o.Rename("f", "e"), syscall.EISDIR},
		{"stat f/x", statErr(o.Stat("f/x")), syscall.ENOTDIR},
		{"rename e onto f", o.Rename("e", "f"), syscall.ENOTDIR},
		{"mkdir f/y", o.Mkdir("f/y", 0o755), syscall.ENOTDIR},
		{"rename d into d/y", o.Rename("d", "d/y"), syscall.EINVAL},
		{"readlink f", readlinkErr(o.Readlink("f")), syscall.EINVAL},
		{"rmdir e/.", o.Remove("e/."), syscall.EINVAL},
		{"stat la (loop)", statErr(o.Stat("la")), syscall.ELOOP},
		{"open la (loop)", openErr("la", os.O_RDONLY), syscall.ELOOP},
		{"rmdir /", o.Remove("/"), syscall.EBUSY},
		{"link d", o.Link("d", "y"), syscall.EPERM},
		{"stat a 256-byte name", statErr(o.Stat(long)), syscall.ENAMETOOLONG},
		{"create a 256-byte name", openErr(long, os.O_WRONLY|os.O_CREATE), syscall.ENAMETOOLONG},
		// rmdir(2) checks the last component before anything else: ".."
		// is ENOTEMPTY and "." EINVAL even where they name the root.
		{"rmdir e/.. (the root)", o.Remove("e/.."), syscall.ENOTEMPTY},
		{"rmdir .", o.Remove("."), syscall.EINVAL},
		{"rmdir /.", o.Remove("/."), syscall.EINVAL},
	}
	for _, c := range cases {
		invIs(t, c.err, c.want, c.what)
	}

	// A lower-only entry is no reason for EPERM: every change works.
	invOK(t, o.Chmod("d/x", 0o600), "chmod d/x")
	invOK(t, o.Chown("d/x", 1, 2), "chown d/x")
	invOK(t, o.Chtimes("e", time.Now(), time.Now()), "chtimes e")
	invOK(t, o.Rename("d/x", "d/x2"), "rename d/x d/x2")
	invOK(t, o.Link("f", "f2"), "link f f2")
	invOK(t, o.Remove("d/x2"), "remove d/x2")
	invOK(t, o.Remove("e"), "rmdir e")
	invOK(t, o.Remove("la"), "remove la")
}

func statErr(_ fs.FileInfo, err error) error { return err }
func readlinkErr(_ string, err error) error  { return err }

func TestInvariant78UpperErrorsNotSwallowed(t *testing.T) {
	l := invNewLower(t)
	l.file("d/x", "lower x")
	l.file("e/y", "lower y")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	invPut(t, o, "d", "upper file")
	_, err := o.Stat("d/x")
	invIs(t, err, syscall.ENOTDIR, "stat d/x through an upper file")
	_, err = o.Open("d/x")
	invIs(t, err, syscall.ENOTDIR, "open d/x through an upper file")
	_, err = o.ReadDir("d")
	invIs(t, err, syscall.ENOTDIR, "readdir of the upper file d")
	_, err = o.Stat("d/x/..")
	invIs(t, err, syscall.ENOTDIR, "stat d/x/..")
	_, err = o.Stat("d/x\x00")
	invIs(t, err, syscall.EINVAL, "stat with a NUL")

	invOK(t, o.RemoveAll("e"), "removeall e")
	invOK(t, o.Symlink("e", "e"), "symlink e e (a loop)")
	_, err = o.Stat("e/y")
	invIs(t, err, syscall.ELOOP, "stat e/y through a looping upper symlink")
	_, err = o.Open("e/y")
	invIs(t, err, syscall.ELOOP, "open e/y")
	_, err = o.ReadDir("e")
	invIs(t, err, syscall.ELOOP, "readdir e")
	_, err = o.OpenFile("e/z", os.O_WRONLY|os.O_CREATE, 0o644)
	invIs(t, err, syscall.ELOOP, "create e/z")
}

// ---------------------------------------------------------------------------
// Changes

func TestChangesIdenticalBytesNotAChange(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "same bytes")
	l.file("g", "same bytes")
	l.file("h", "0123456789")
	o := l.mount()

	h, err := o.OpenFile("f", os.O_RDWR, 0)
	invOK(t, err, "open f")
	h.Write([]byte("same bytes"))
	h.Close()
	invPut(t, o, "g", "same bytes")
	h, err = o.OpenFile("h", os.O_RDWR, 0)
	invOK(t, err, "open h")
	h.WriteAt([]byte("456"), 4)
	h.Close()
	if o.UpperBytes() == 0 {
		t.Errorf("UpperBytes = 0: the writes were not copied up")
	}
	invWantChanges(t, o)

	h, err = o.OpenFile("h", os.O_RDWR, 0)
	invOK(t, err, "open h")
	h.WriteAt([]byte("X"), 9)
	h.Close()
	invWantChanges(t, o, "modified /h content")
}

func TestChangesOpenReadWriteCloseNotAChange(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "data")
	l.file("d/g", "data")
	o := l.mount()

	for _, name := range []string{"f", "d/g"} {
		for _, flag := range []int{os.O_RDWR, os.O_WRONLY, os.O_RDWR | os.O_APPEND, os.O_WRONLY | os.O_CREATE} {
			h, err := o.OpenFile(name, flag, 0o644)
			invOK(t, err, "open "+name)
			h.Close()
		}
	}
	invWantChanges(t, o)
}

func TestChangesChmodIsModeChange(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "data")
	l.mkdir("d")
	o := l.mount()

	invOK(t, o.Chmod("f", 0o600), "chmod f")
	invOK(t, o.Chmod("d", 0o700), "chmod d")
	cs, err := o.Changes()
	invOK(t, err, "Changes")
	want := []overlay.Change{
		{Path: "/d", Kind: overlay.Modified, Mode: true, OldMode: fs.ModeDir | 0o755, NewMode: fs.ModeDir | 0o700},
		{Path: "/f", Kind: overlay.Modified, Mode: true, OldMode: 0o644, NewMode: 0o600, Size: 4},
	}
	if len(cs) != len(want) {
		t.Fatalf("Changes() = %+v, want %+v", cs, want)
	}
	for i := range want {
		if cs[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, cs[i], want[i])
		}
	}
	// Back to the old mode: no change.
	invOK(t, o.Chmod("f", 0o644), "chmod f back")
	invWantChanges(t, o, "modified /d mode")
}

func TestChangesDeletedLowerDirListsEveryEntry(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	l.file("d/sub/b", "b")
	l.file("d/sub/c", "c")
	l.symlink("a", "d/ln")
	l.mkdir("d/empty")
	l.file("keep", "k")
	o := l.mount()

	invOK(t, o.RemoveAll("d"), "removeall d")
	invWantChanges(t, o,
		"deleted /d", "deleted /d/a", "deleted /d/empty", "deleted /d/ln",
		"deleted /d/sub", "deleted /d/sub/b", "deleted /d/sub/c")
	cs, err := o.Changes()
	invOK(t, err, "Changes")
	for _, c := range cs {
		if c.Path == "/d/ln" && (c.OldMode&fs.ModeSymlink == 0 || c.OldTarget != "a") {
			t.Errorf("deleted symlink: %+v", c)
		}
		if c.NewMode != 0 {
			t.Errorf("deleted %s has NewMode %v", c.Path, c.NewMode)
		}
	}
}

func TestChangesRenamedLowerDir(t *testing.T) {
	l := invNewLower(t)
	l.file("d/a", "a")
	l.file("d/s/b", "b")
	o := l.mount()

	invOK(t, o.Rename("d", "e"), "rename d e")
	invWantChanges(t, o,
		"deleted /d", "deleted /d/a", "deleted /d/s", "deleted /d/s/b",
		"added /e", "added /e/a", "added /e/s", "added /e/s/b")

	// Moved back, nothing differs.
	invOK(t, o.Rename("e", "d"), "rename e d")
	invWantChanges(t, o)
	invOK(t, o.Rename("d/a", "a2"), "rename d/a a2")
	invOK(t, o.Rename("a2", "d/a"), "rename a2 d/a")
	invWantChanges(t, o)
}

func TestChangesFileReplacedByDir(t *testing.T) {
	l := invNewLower(t)
	l.file("f", "data")
	l.file("d/x", "x")
	o := l.mount()

	invOK(t, o.Remove("f"), "remove f")
	invOK(t, o.Mkdir("f", 0o755), "mkdir f")
	invPut(t, o, "f/in", "in")
	invOK(t, o.RemoveAll("d"), "removeall d")
	invPut(t, o, "d", "now a file")
	invWantChanges(t, o, "modified /d type", "deleted /d/x", "modified /f type", "added /f/in")
	cs, err := o.Changes()
	invOK(t, err, "Changes")
	for _, c := range cs {
		if c.Path == "/f" && (c.OldMode != 0o644 || c.NewMode != fs.ModeDir|0o755 || c.Content || c.Mode) {
			t.Errorf("change of /f: %+v", c)
		}
	}
}

func TestChangesSymlinkRetargeted(t *testing.T) {
	l := invNewLower(t)
	l.symlink("a", "s")
	o := l.mount()

	invOK(t, o.Remove("s"), "remove s")
	invOK(t, o.Symlink("b", "s"), "symlink b s")
	cs, err := o.Changes()
	invOK(t, err, "Changes")
	if len(cs) != 1 || !cs[0].Target || cs[0].Type || cs[0].OldTarget != "a" || cs[0].NewTarget != "b" {
		t.Errorf("Changes() = %+v, want one Target change a -> b", cs)
	}
	invOK(t, o.Remove("s"), "remove s")
	invOK(t, o.Symlink("a", "s"), "symlink a s")
	invWantChanges(t, o)
}
