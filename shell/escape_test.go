package shell_test

import (
	"strings"
	"testing"

	"github.com/sandsh/sandsh/shell"
)

// Each case is a way a script could reach the host. host.run checks that
// the host is untouched and that nothing from outside was printed; the
// case checks what the script itself saw.
func TestEscapes(t *testing.T) {
	h := newHost(t)
	cases := []struct {
		name, script string
		want         string // substring of stdout, if set
		notWant      string // must not be in stdout or stderr
	}{
		{"sh-interp redirect write", `echo pwned > /tmp/sh-interp-pwned; echo pwned >> "$TMPDIR/sh-interp-pwned2"; cat_=$(</tmp/sh-interp-pwned); echo "$cat_"`, "pwned", ""},
		{"sh-interp redirect read", `x=$(</tmp/sh-interp-canary); echo "[$x]"; while read -r l; do echo "$l"; done < /tmp/sh-interp-canary`, "[]", ""},
		{"process substitution", `read -r x < <(echo inside); echo "got $x"; while read -r l; do echo "l=$l"; done < <(printf 'a\nb\n')`, "got inside", ""},
		{"process substitution output refused", `echo x > >(cat)`, "", ""},
		{"pwd -P with a forged PWD", `PWD=/proc/self/exe; pwd -P; cd /proc 2>/dev/null; pwd -P`, "", "/proc"},
		{"pwd -P resolves in the sandbox", `cd srclink && pwd && pwd -P`, "/srclink\n" + "PROJECT/src\n", ""},
		{"tilde user", `echo ~root ~nobody ~daemon`, "/root ~nobody ~daemon", "nonexistent"},
		{"type of a host path", `type CANARY/tool; command -v CANARY/tool; command -V CANARY/tool; type -P ls; echo done`, "done", "tool is"},
		{"PATH pointing at the host", `PATH=CANARY:$PATH; type tool; command -v tool; tool; echo "status $?"`, "status 127", "tool is"},
		{"source a host file", `source CANARY/lib.sh; . CANARY/lib.sh; PATH=CANARY:$PATH; source lib.sh; echo "status $?"`, "status 1", ""},
		{"run a host program", `CANARY/tool; exec CANARY/tool`, "", ""},
		{"command and builtin prefixes", `command CANARY/tool; builtin type CANARY/tool; echo end`, "end", ""},
		{"test -O and -G do not crash", `[ -O a.txt ]; echo $?; [[ -G a.txt ]]; echo $?; [ -O a.txt ] & wait; echo ok`, "ok", ""},
		{"arithmetic on array elements", `a=(1 2); (( a[1]++ )); echo "after"`, "", ""},
		{"arithmetic array element in a pipeline", `a=(1); (( a[0]=5 )) | cat; echo after`, "", ""},
		{"let on array elements", `a=(1); let 'a[0]+=1'; echo $?`, "", ""},
		{"eval of arithmetic on array elements", `a=(1); eval '(( a[0]++ ))'; echo after`, "", ""},
		{"absolute symlink out of the project", `echo "[$(<abs-out)]"; [ -e abs-out ] && echo exists || echo dangling`, "dangling", ""},
		{"relative symlink out of the project", `echo "[$(<rel-out)]"; [ -e rel-out ] && echo exists || echo dangling`, "dangling", ""},
		{"symlink to /etc/passwd", `echo "[$(<passwd)]"; [ -e passwd ] && echo exists || echo dangling`, "dangling", "root:"},
		{"dot-dot climbing", `cd ..; cd ..; cd ../../../..; pwd; echo /*; echo "[$(<../../../../../etc/passwd)]"`, "", "root:x"},
		{"globs outside the project", `echo /etc/* /home/* CANARY/*`, "", ""},
		{"writes outside the project", `echo pwned > ../canary/secret.txt; mkdir -p /tmp/pwned-dir; echo x > /tmp/pwned-file; echo y > CANARY/new`, "", ""},
		{"cd into the canary path", `cd CANARY && echo "in $PWD" || echo "no canary"`, "no canary", ""},
		{"proc and dev", `e=$(</proc/self/environ); c=$(</proc/self/cmdline); echo "[$e]" "[$c]"; echo "[$(</dev/stdin)]" </dev/null`, "[] []", ""},
		{"background job after the run", `(i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; echo late > late.txt) & echo started`, "started", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			script := strings.ReplaceAll(c.script, "CANARY", h.canary)
			c.want = strings.ReplaceAll(c.want, "PROJECT", h.project)
			r := h.run(t, script)
			if c.want != "" && !strings.Contains(r.stdout, c.want) {
				t.Errorf("stdout %q does not contain %q (stderr %q)", r.stdout, c.want, r.stderr)
			}
			notWant := strings.ReplaceAll(c.notWant, "CANARY", h.canary)
			if notWant != "" && (strings.Contains(r.stdout, notWant) || strings.Contains(r.stderr, notWant)) {
				t.Errorf("output contains %q:\nstdout: %s\nstderr: %s", notWant, r.stdout, r.stderr)
			}
		})
	}
}

// The project mounted where the host has nothing: interp.Dir would fail
// to stat it on the host; the session never asks the host.
func TestMountAtWorkspace(t *testing.T) {
	h := newHost(t)
	r := h.run(t, `pwd; echo "$(<a.txt)"; cd /workspace/src && echo ok`, func(o *shell.Options) { o.MountAt = "/workspace" })
	if r.stdout != "/workspace\nhello\nok\n" {
		t.Fatalf("stdout %q stderr %q", r.stdout, r.stderr)
	}
}

// A background job cannot change the filesystem once Run has returned.
func TestNoChangesAfterRun(t *testing.T) {
	h := newHost(t)
	sess, err := shell.New(shell.Options{Dir: h.project})
	must(t, err)
	res := sess.Run(t.Context(), shell.Request{Script: `(i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo late > late.txt) & echo started`})
	if res.ExitCode != 0 {
		t.Fatalf("exit %d", res.ExitCode)
	}
	for range 20 {
		if _, err := sess.FS().Stat(h.project + "/late.txt"); err == nil {
			t.Fatal("late.txt appeared after Run returned")
		}
		sleepShort()
	}
}
