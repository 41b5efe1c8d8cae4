package shell_test

import (
	"bytes"
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/sandsh/sandsh/shell"
)

// Variables, functions, options and the working directory start fresh on
// every Run; the filesystem carries over.
func TestRunResetsStateKeepsFiles(t *testing.T) {
	h := newHost(t)
	sess, err := shell.New(shell.Options{Dir: h.project})
	must(t, err)
	var out bytes.Buffer
	sess.Run(t.Context(), shell.Request{Script: `v=1; f() { echo f; }; set -e; cd src; echo data > made.txt`})
	res := sess.Run(t.Context(), shell.Request{Script: `echo "[$v]"; type f >/dev/null 2>&1 || echo no-f; pwd; false; echo "after false"; echo "$(<src/made.txt)"`, Stdout: &out})
	want := fmt.Sprintf("[]\nno-f\n%s\nafter false\ndata\n", h.project)
	if out.String() != want || res.ExitCode != 0 {
		t.Fatalf("got %q exit %d, want %q", out.String(), res.ExitCode, want)
	}
}

// Sessions are independent and may run at once; Runs on one session are
// serialised.
func TestConcurrentSessions(t *testing.T) {
	h := newHost(t)
	shared, err := shell.New(shell.Options{Dir: h.project})
	must(t, err)
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := range 20 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			sess, err := shell.New(shell.Options{Dir: h.project})
			if err != nil {
				errs <- err
				return
			}
			var out bytes.Buffer
			script := fmt.Sprintf(`echo %d > own.txt; for i in 1 2 3; do echo $i >> own.txt; done; echo "$(<own.txt)" | { read -r first; echo "$first"; }`, i)
			sess.Run(context.Background(), shell.Request{Script: script, Stdout: &out})
			if out.String() != fmt.Sprintf("%d\n", i) {
				errs <- fmt.Errorf("session %d printed %q", i, out.String())
			}
		}()
		go func() {
			defer wg.Done()
			res := shared.Run(context.Background(), shell.Request{Script: fmt.Sprintf(`echo %d >> shared.txt`, i)})
			if res.ExitCode != 0 {
				errs <- fmt.Errorf("shared run %d: exit %d", i, res.ExitCode)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	var out bytes.Buffer
	shared.Run(context.Background(), shell.Request{Script: `n=0; while read -r _; do n=$((n+1)); done < shared.txt; echo $n`, Stdout: &out})
	if out.String() != "20\n" {
		t.Errorf("shared.txt has %q lines, want 20", out.String())
	}
}
