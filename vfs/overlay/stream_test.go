package overlay_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/sandsh/sandsh/vfs/overlay"
)

// heapPeak samples runtime.MemStats.HeapInuse from a goroutine, to find the
// peak heap in use while something runs.
type heapPeak struct {
	base runtime.MemStats
	quit chan struct{}
	done chan struct{}
	peak uint64
	n    int
}

// startHeapPeak collects garbage, records the heap now and starts sampling.
func startHeapPeak() *heapPeak {
	runtime.GC()
	runtime.GC()
	h := &heapPeak{quit: make(chan struct{}), done: make(chan struct{})}
	runtime.ReadMemStats(&h.base)
	h.peak = h.base.HeapInuse
	go func() {
		defer close(h.done)
		var ms runtime.MemStats
		t := time.NewTicker(250 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-h.quit:
				return
			case <-t.C:
				runtime.ReadMemStats(&ms)
				h.n++
				h.peak = max(h.peak, ms.HeapInuse)
			}
		}
	}()
	return h
}

// stop ends the sampling and returns how far HeapInuse rose above where it
// started, at its peak, and the bytes allocated meanwhile.
func (h *heapPeak) stop() (peakGrowth, alloc uint64) {
	close(h.quit)
	<-h.done
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	peak := max(h.peak, ms.HeapInuse)
	if peak > h.base.HeapInuse {
		peakGrowth = peak - h.base.HeapInuse
	}
	return peakGrowth, ms.TotalAlloc - h.base.TotalAlloc
}

func mb(n uint64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

const (
	streamSize  = 256 << 20
	streamEvery = 1 << 20  // a written block starts every MB
	streamBlock = 64 << 10 // and is this long; the rest is a hole
)

// writeSparsePattern makes a sparse-ish file of size bytes: a block of the
// pattern at the start of every MB, holes between.
func writeSparsePattern(name string, size int64) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	buf := make([]byte, streamBlock)
	for off := int64(0); off < size; off += streamEvery {
		fillPattern(buf, off)
		if _, err := f.WriteAt(buf, off); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Truncate(size); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sparseByte is the byte at off of a file made by writeSparsePattern.
func sparseByte(off int64) byte {
	if off%streamEvery < streamBlock {
		return patternByte(off)
	}
	return 0
}

// TestLargeLowerFileStreams reads a 256 MB lower file through the overlay
// and checks that it streams from disk instead of being loaded: the heap may
// not grow by more than 16 MB, and nothing may land in the upper layer.
func TestLargeLowerFileStreams(t *testing.T) {
	dir := t.TempDir()
	start := time.Now()
	if err := writeSparsePattern(filepath.Join(dir, "big"), streamSize); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s lower file in %v", mb(streamSize), time.Since(start))
	o := newOverlay(t, dir)
	const limit = 16 << 20

	readAll := func(t *testing.T) {
		f, err := o.Open("/big")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		start := time.Now()
		hp := startHeapPeak()
		n, err := io.Copy(io.Discard, f)
		peak, alloc := hp.stop()
		t.Logf("read %s in %v (%T): peak heap growth %s, allocated %s, %d samples",
			mb(uint64(n)), time.Since(start), f, mb(peak), mb(alloc), hp.n)
		if err != nil {
			t.Fatal(err)
		}
		if n != streamSize {
			t.Errorf("read %d bytes, want %d", n, streamSize)
		}
		if peak > limit {
			t.Errorf("heap grew by %s while streaming a %s lower file; want under %s",
				mb(peak), mb(streamSize), mb(limit))
		}
		// Spot checks, in and out of the written blocks.
		buf := make([]byte, 4096)
		for _, off := range []int64{0, 4096, streamBlock, streamEvery + 100, 128*streamEvery + streamBlock - 4096, streamSize - 4096} {
			if _, err := f.ReadAt(buf, off); err != nil && err != io.EOF {
				t.Fatalf("ReadAt %d: %v", off, err)
			}
			for i, c := range buf {
				if want := sparseByte(off + int64(i)); c != want {
					t.Fatalf("byte %d is %#x, want %#x", off+int64(i), c, want)
				}
			}
		}
		if held := o.UpperBytes(); held != 0 {
			t.Errorf("upper layer holds %d bytes after reading only", held)
		}
	}

	// Lower-only: the file is read through an *os.File.
	t.Run("lower", readAll)
	// Metacopy: after a chmod the file has an upper inode that still shares
	// the lower bytes; reads must still come from disk.
	if err := o.Chmod("/big", 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("metacopy", readAll)
}

// TestCopyUpPeakMemory copies a 100 MB lower file up with a one-byte write
// and checks that the copy-up streams: the heap in use may grow to hold the
// upper copy, but not to about twice the file.
func TestCopyUpPeakMemory(t *testing.T) {
	root, name := bigFixture(t)
	o := newOverlay(t, root)
	f, err := o.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if held := o.UpperBytes(); held != 0 {
		t.Errorf("upper layer holds %d bytes after an open for writing; want 0 (metacopy)", held)
	}
	start := time.Now()
	hp := startHeapPeak()
	if _, err := f.WriteAt([]byte{'X'}, 0); err != nil {
		t.Fatal(err)
	}
	peak, alloc := hp.stop()
	elapsed := time.Since(start)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	held := o.UpperBytes()
	t.Logf("copy-up of %s took %v: peak heap growth %s, allocated %s, upper holds %s, %d samples",
		mb(bigSize), elapsed, mb(peak), mb(alloc), mb(uint64(held)), hp.n)

	if limit := uint64(bigSize) * 3 / 2; peak > limit {
		t.Errorf("heap in use grew by %s during the copy-up of a %s file; want under %s",
			mb(peak), mb(bigSize), mb(limit))
	}
	if held < bigSize || held > bigSize+bigSize/64 {
		t.Errorf("upper layer holds %d bytes after copying up %d", held, bigSize)
	}

	fi, err := o.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() != bigSize {
		t.Errorf("size after copy-up is %d, want %d", fi.Size(), bigSize)
	}
	// The upper copy holds the written byte and the rest of the lower bytes.
	rf, err := o.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 1<<20)
	want := make([]byte, len(buf))
	var off int64
	for {
		n, err := io.ReadFull(rf, buf)
		if n > 0 {
			fillPattern(want[:n], off)
			if off == 0 {
				want[0] = 'X'
			}
			if i := firstDiff(buf[:n], want[:n]); i >= 0 {
				t.Fatalf("byte %d of the copied-up file is %#x, want %#x", off+int64(i), buf[i], want[i])
			}
			off += int64(n)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	rf.Close()
	if off != bigSize {
		t.Errorf("read back %d bytes, want %d", off, bigSize)
	}

	// The lower file is untouched.
	lf, err := os.Open(filepath.Join(root, name))
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, 16)
	_, err = io.ReadFull(lf, first)
	lf.Close()
	if err != nil {
		t.Fatal(err)
	}
	fillPattern(want[:16], 0)
	if !bytes.Equal(first, want[:16]) {
		t.Errorf("lower file changed: starts %x", first)
	}

	// Removing the file gives its bytes back.
	if err := o.Remove(name); err != nil {
		t.Fatal(err)
	}
	if held := o.UpperBytes(); held != 0 {
		t.Errorf("upper layer holds %d bytes after the copied-up file was removed", held)
	}
}

func firstDiff(a, b []byte) int {
	for i := range a {
		if a[i] != b[i] {
			return i
		}
	}
	return -1
}

// TestUpperBytesAfterTruncate checks that UpperBytes, and the limit set by
// WithUpperLimit, follow the bytes the upper layer really holds when a
// copied-up file is truncated: a file rewritten in place must not use up
// the limit.
func TestUpperBytesAfterTruncate(t *testing.T) {
	const size = 1 << 20
	dir := t.TempDir()
	if err := writePatternFile(filepath.Join(dir, "f"), size); err != nil {
		t.Fatal(err)
	}
	o, err := overlay.New(dir, overlay.WithUpperLimit(size*3/2))
	if err != nil {
		t.Fatal(err)
	}
	defer o.Close()

	f, err := o.OpenFile("/f", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt([]byte{'X'}, 0); err != nil { // copies the file up
		t.Fatal(err)
	}
	f.Close()
	if got := o.UpperBytes(); got != size {
		t.Errorf("UpperBytes is %d after copying up %d bytes", got, size)
	}

	f, err = o.OpenFile("/f", os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := o.UpperBytes(); got != 0 {
		t.Errorf("UpperBytes is %d after the only file was truncated by O_TRUNC; want 0", got)
	}
	_, err = f.Write(make([]byte, size))
	f.Close()
	if err != nil {
		t.Errorf("rewriting %d bytes after O_TRUNC under a %d-byte limit: %v", size, size*3/2, err)
	}

	f, err = o.OpenFile("/f", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(0); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if got := o.UpperBytes(); got != 0 {
		t.Errorf("UpperBytes is %d after Truncate(0) of the only file; want 0", got)
	}
}
