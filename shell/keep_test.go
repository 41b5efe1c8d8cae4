package shell_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/shell"
)

func runOut(t *testing.T, sess *shell.Session, script string) string {
	t.Helper()
	var out, errb bytes.Buffer
	res := sess.Run(t.Context(), shell.Request{Script: script, Stdout: &out, Stderr: &errb})
	if res.ExitCode != 0 {
		t.Fatalf("%q: exit %d: %s", script, res.ExitCode, errb.String())
	}
	return out.String()
}

// Fork copies the state; the two sessions then go separate ways. Reset
// drops everything.
func TestForkAndReset(t *testing.T) {
	h := newHost(t)
	sess, err := shell.New(shell.Options{Dir: h.project})
	must(t, err)
	runOut(t, sess, `echo one > a.txt; echo tmp > /tmp/t; mkdir -p new; echo n > new/n`)
	fork, err := sess.Fork()
	must(t, err)
	runOut(t, fork, `echo two > a.txt; rm /tmp/t`)
	if got := runOut(t, sess, `cat a.txt /tmp/t new/n`); got != "one\ntmp\nn\n" {
		t.Errorf("original after fork: %q", got)
	}
	if got := runOut(t, fork, `cat a.txt new/n; [ -e /tmp/t ] || echo gone`); got != "two\nn\ngone\n" {
		t.Errorf("fork: %q", got)
	}
	ch, err := sess.Changes()
	must(t, err)
	var paths []string
	for _, c := range ch {
		paths = append(paths, c.Kind.String()+" "+c.Path)
	}
	if got := strings.Join(paths, ","); got != "modified /a.txt,added /new,added /new/n" {
		t.Errorf("changes: %s", got)
	}
	must(t, sess.Reset())
	if got := runOut(t, sess, `cat a.txt; [ -e /tmp/t ] || echo no-t; [ -e new ] || echo no-new`); got != "hello\nno-t\nno-new\n" {
		t.Errorf("after Reset: %q", got)
	}
	if got := runOut(t, fork, `cat a.txt`); got != "two\n" {
		t.Errorf("Reset of the original changed the fork: %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(h.project, "a.txt")); string(b) != "hello\n" {
		t.Errorf("the project changed: %q", b)
	}
}

// Export writes the view; Apply writes the changes into the project.
func TestExportAndApply(t *testing.T) {
	h := newHost(t)
	sess, err := shell.New(shell.Options{Dir: h.project})
	must(t, err)
	runOut(t, sess, `echo changed >> a.txt; rm build.sh; mkdir -p docs && echo hi > docs/r.md; chmod 600 src/main.go`)
	out := filepath.Join(t.TempDir(), "export")
	must(t, sess.Export(out, shell.ExportOptions{}))
	if b, _ := os.ReadFile(filepath.Join(out, "a.txt")); string(b) != "hello\nchanged\n" {
		t.Errorf("export a.txt = %q", b)
	}
	if _, err := os.Stat(filepath.Join(out, "build.sh")); err == nil {
		t.Error("export has build.sh")
	}
	res, err := sess.Apply(shell.ApplyOptions{})
	must(t, err)
	if len(res.Conflicts) > 0 {
		t.Fatalf("conflicts: %v", res.Conflicts)
	}
	if b, _ := os.ReadFile(filepath.Join(h.project, "docs", "r.md")); string(b) != "hi\n" {
		t.Errorf("applied docs/r.md = %q", b)
	}
	if fi, err := os.Stat(filepath.Join(h.project, "src", "main.go")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("applied mode: %v %v", fi, err)
	}
	if _, err := os.Stat(filepath.Join(h.project, "build.sh")); err == nil {
		t.Error("build.sh not deleted")
	}
	if ch, _ := sess.Changes(); len(ch) != 0 {
		t.Errorf("changes left after Apply: %v", ch)
	}
	if entries, _ := os.ReadDir(h.canary); len(entries) != 3 {
		t.Errorf("the canary changed: %v", entries)
	}
}
