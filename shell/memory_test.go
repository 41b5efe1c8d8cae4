//go:build !race

// The race detector slows streaming tenfold; .ci/run runs this test in a
// separate step without it.

package shell_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sandsh/sandsh/shell"
)

// TestStreamingMemory streams a 1 GB project file through cat | grep | wc
// and checks that the heap never grows past 64 MB: every stage streams.
func TestStreamingMemory(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "proj")
	must(t, os.MkdirAll(dir, 0o755))
	const size = 1 << 30
	var block bytes.Buffer
	for i := 0; block.Len() < 1<<20; i++ {
		if i%100 == 0 {
			block.WriteString("needle in the haystack\n")
		} else {
			block.WriteString("just some ordinary text on a line of its own\n")
		}
	}
	f, err := os.Create(filepath.Join(dir, "big.txt"))
	must(t, err)
	needles, total := 0, 0
	for ; total < size; total += block.Len() {
		_, err := f.Write(block.Bytes())
		must(t, err)
		needles += strings.Count(block.String(), "needle")
	}
	must(t, f.Close())

	sess, err := shell.New(shell.Options{Dir: dir})
	must(t, err)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	var peak, samples atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&ms)
			samples.Add(1)
			if ms.HeapAlloc > peak.Load() {
				peak.Store(ms.HeapAlloc)
			}
		}
	}()
	var out, errb bytes.Buffer
	res := sess.Run(t.Context(), shell.Request{Script: `cat big.txt | grep needle | wc -l; wc -c < big.txt`, Stdout: &out, Stderr: &errb})
	close(stop)
	wg.Wait()
	if res.ExitCode != 0 {
		t.Fatalf("exit %d: %s", res.ExitCode, errb.String())
	}
	fields := strings.Fields(out.String())
	if len(fields) != 2 || fields[0] != itoa(needles) || fields[1] != itoa(total) {
		t.Errorf("output %q, want %d needles and %d bytes", out.String(), needles, total)
	}
	growth := int64(peak.Load()) - int64(base.HeapAlloc)
	t.Logf("peak heap %d MB (growth %d MB) in %v", peak.Load()>>20, growth>>20, res.Duration)
	if samples.Load() < 5 {
		t.Errorf("only %d heap samples: the run was too short to measure", samples.Load())
	}
	if peak.Load() > 64<<20 {
		t.Errorf("peak heap %d MB, over 64 MB", peak.Load()>>20)
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
