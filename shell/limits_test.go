package shell_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sandsh/sandsh/shell"
)

func runLimited(t *testing.T, l shell.Limits, script string) (shell.Result, string, string) {
	t.Helper()
	sess, err := shell.New(shell.Options{Limits: l})
	must(t, err)
	var out, errb bytes.Buffer
	res := sess.Run(context.Background(), shell.Request{Script: script, Stdout: &out, Stderr: &errb})
	return res, out.String(), errb.String()
}

// Each limit is hit, the run stops with a one-line error naming it, and
// this process goes on.
func TestLimits(t *testing.T) {
	big := strings.Repeat("(", 100_000) + "true" + strings.Repeat(")", 100_000)
	cases := []struct {
		name   string
		limits shell.Limits
		script string
		limit  shell.Limit
		code   int
		msg    string
	}{
		{"timeout", shell.Limits{Timeout: 200 * time.Millisecond}, `while :; do :; done`, shell.LimitTimeout, 124, "timeout"},
		{"timeout in a subshell", shell.Limits{Timeout: 200 * time.Millisecond}, `(while :; do :; done)`, shell.LimitTimeout, 124, "timeout"},
		{"timeout in a command substitution", shell.Limits{Timeout: 200 * time.Millisecond}, `x=$(while :; do :; done)`, shell.LimitTimeout, 124, "timeout"},
		{"timeout with a background job", shell.Limits{Timeout: 200 * time.Millisecond}, `while :; do :; done & wait`, shell.LimitTimeout, 124, "timeout"},
		{"output", shell.Limits{MaxOutputBytes: 1 << 20}, `while :; do echo yyyyyyyyyyyyyyyyyyyyyyy; done`, shell.LimitOutput, 1, "max-output"},
		{"output on stderr", shell.Limits{MaxOutputBytes: 1 << 20}, `while :; do echo yyyyyyyyyyyy >&2; done`, shell.LimitOutput, 1, "max-output"},
		{"commands", shell.Limits{MaxCommands: 10_000}, `i=0; while :; do i=$((i+1)); done`, shell.LimitCommands, 1, "max-commands"},
		{"function recursion", shell.Limits{}, `f(){ f; }; f`, shell.LimitCallDepth, 1, "max-call-depth"},
		{"eval recursion", shell.Limits{}, `f(){ eval f; }; f`, shell.LimitCallDepth, 1, "max-call-depth"},
		{"command substitution recursion", shell.Limits{}, `f(){ x=$(f); }; f`, shell.LimitCallDepth, 1, "max-call-depth"},
		{"child shell recursion", shell.Limits{}, `echo 'bash /tmp/self.sh' > /tmp/self.sh; bash /tmp/self.sh`, shell.LimitCallDepth, 1, "max-call-depth"},
		{"script size", shell.Limits{MaxScriptBytes: 1000}, strings.Repeat("echo hello\n", 200), shell.LimitScript, 1, "max-script-bytes"},
		{"eval size", shell.Limits{MaxScriptBytes: 1000}, `s=x; for i in 1 2 3 4 5 6 7 8 9 10 11; do s=$s$s; done; eval "$s"`, shell.LimitScript, 1, "max-script-bytes"},
		{"deep nesting", shell.Limits{}, big, "", 2, "nests"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			res, _, stderr := runLimited(t, c.limits, c.script)
			if res.Limit != c.limit || res.ExitCode != c.code {
				t.Errorf("limit %q exit %d, want %q exit %d (stderr %.300q)", res.Limit, res.ExitCode, c.limit, c.code, stderr)
			}
			if !strings.Contains(stderr, c.msg) {
				t.Errorf("stderr %.300q does not name %q", stderr, c.msg)
			}
			if d := time.Since(start); d > 15*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// The defaults never get in the way of a normal script: deep but finite
// recursion and long loops run to completion.
func TestDefaultLimitsAllowNormalScripts(t *testing.T) {
	res, out, stderr := runLimited(t, shell.Limits{}, `
f(){ if [ "$1" -lt 900 ]; then f $(( $1 + 1 )); else echo "depth $1"; fi; }
f 0
i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; echo "loop $i"`)
	if res.ExitCode != 0 || out != "depth 900\nloop 20000\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", res.ExitCode, out, stderr)
	}
}

// Writes past the memory limit fail with ENOSPC, as on a full disk; the
// script goes on.
func TestUpperLimitENOSPC(t *testing.T) {
	res, out, stderr := runLimited(t, shell.Limits{MaxUpperBytes: 1 << 20},
		`s=xxxxxxxxxxxxxxxx; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do s=$s$s; done
echo "$s" > /tmp/a; echo "first $?"; echo "$s" > /tmp/b; echo "second $?"; echo "$s" >> /tmp/c; echo end`)
	if !strings.Contains(stderr, "No space left on device") || !strings.Contains(out, "end") {
		t.Fatalf("exit %d stdout %q stderr %q", res.ExitCode, out, stderr)
	}
}

// A syntax error exits 2 with the position, after running the lines
// before it, as bash does.
func TestSyntaxError(t *testing.T) {
	res, out, stderr := runLimited(t, shell.Limits{}, "echo before\nif then fi\necho after\n")
	if res.ExitCode != 2 || out != "before\n" || !strings.Contains(stderr, "2:") {
		t.Fatalf("exit %d stdout %q stderr %q", res.ExitCode, out, stderr)
	}
}
