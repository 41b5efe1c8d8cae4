package shell_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/sandsh/sandsh/shell"
)

// host is a project directory with a canary directory beside it. The
// canary holds content that must never be printed, and an executable that
// records on the host that it ran.
type host struct {
	root, project, canary, marker string
}

const secret = "CANARY-SECRET-7f3a"

func newHost(t *testing.T) *host {
	t.Helper()
	root := t.TempDir()
	h := &host{root: root, project: filepath.Join(root, "proj"), canary: filepath.Join(root, "canary")}
	h.marker = filepath.Join(h.canary, "ran-on-host")
	must(t, os.MkdirAll(filepath.Join(h.project, "src"), 0o755))
	must(t, os.MkdirAll(h.canary, 0o755))
	write(t, filepath.Join(h.project, "a.txt"), "hello\n", 0o644)
	write(t, filepath.Join(h.project, "src", "main.go"), "package main\n", 0o644)
	write(t, filepath.Join(h.project, "build.sh"), "#!/bin/bash\necho \"built $1\"\n", 0o755)
	must(t, os.Symlink(filepath.Join(h.canary, "secret.txt"), filepath.Join(h.project, "abs-out")))
	must(t, os.Symlink("../canary/secret.txt", filepath.Join(h.project, "rel-out")))
	must(t, os.Symlink("/etc/passwd", filepath.Join(h.project, "passwd")))
	must(t, os.Symlink("src", filepath.Join(h.project, "srclink")))
	write(t, filepath.Join(h.canary, "secret.txt"), secret+"\n", 0o644)
	write(t, filepath.Join(h.canary, "tool"), "#!/bin/sh\necho "+secret+"\ntouch "+h.marker+"\n", 0o755)
	write(t, filepath.Join(h.canary, "lib.sh"), "echo "+secret+"\n", 0o644)
	write(t, "/tmp/sh-interp-canary", secret+"\n", 0o644)
	t.Cleanup(func() { os.Remove("/tmp/sh-interp-canary") })
	return h
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, p, data string, mode fs.FileMode) {
	t.Helper()
	must(t, os.WriteFile(p, []byte(data), mode))
	must(t, os.Chmod(p, mode))
}

// snapshot records every path under dir with its type, mode, size, link
// target and content hash.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out[p] = "error: " + err.Error()
			return nil
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return nil
		}
		desc := fi.Mode().String()
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			desc += " -> " + target
		case fi.Mode().IsRegular():
			b, _ := os.ReadFile(p)
			desc += fmt.Sprintf(" %x %d", sha256.Sum256(b), fi.ModTime().UnixNano())
		}
		out[p] = desc
		return nil
	})
	return out
}

// hostTmp lists the entries of the host's /tmp that the interpreter would
// create (sh-interp-*) and anything named after the canary.
func hostTmp() []string {
	entries, _ := os.ReadDir("/tmp")
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "sh-interp-") || strings.Contains(e.Name(), "pwned") {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out
}

type result struct {
	stdout, stderr string
	res            shell.Result
}

// runIn runs script in a new session on the host's project and checks
// that nothing on the host changed and nothing from outside was printed.
func (h *host) run(t *testing.T, script string, opts ...func(*shell.Options)) result {
	t.Helper()
	before, beforeTmp := snapshot(t, h.root), hostTmp()
	o := shell.Options{Dir: h.project, Limits: shell.Limits{Timeout: 20 * time.Second}}
	for _, f := range opts {
		f(&o)
	}
	sess, err := shell.New(o)
	must(t, err)
	var out, errb bytes.Buffer
	res := sess.Run(context.Background(), shell.Request{Script: script, Stdout: &out, Stderr: &errb})
	// Give anything left running a moment to try to write.
	time.Sleep(50 * time.Millisecond)
	after, afterTmp := snapshot(t, h.root), hostTmp()
	for p, d := range before {
		if after[p] != d {
			t.Errorf("host changed: %s: %q -> %q", p, d, after[p])
		}
	}
	for p, d := range after {
		if _, ok := before[p]; !ok {
			t.Errorf("host changed: new %s (%s)", p, d)
		}
	}
	if strings.Join(beforeTmp, ",") != strings.Join(afterTmp, ",") {
		t.Errorf("host /tmp changed: %v -> %v", beforeTmp, afterTmp)
	}
	if _, err := os.Stat(h.marker); err == nil {
		t.Errorf("a host program ran")
	}
	for _, s := range []string{out.String(), errb.String()} {
		if strings.Contains(s, secret) {
			t.Errorf("host content leaked into the output:\n%s", s)
		}
	}
	return result{out.String(), errb.String(), res}
}
