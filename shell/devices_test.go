package shell_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sandsh/sandsh/shell"
)

// /dev/null, /dev/zero and the standard streams work for redirections and
// for commands alike, and nothing reaches a host device.
func TestDevices(t *testing.T) {
	cases := []struct{ script, stdin, want string }{
		{`cat /dev/null; echo "[$(cat /dev/null)]"`, "", "[]\n"},
		{`cp /dev/null empty.txt && [ -f empty.txt ] && [ ! -s empty.txt ] && echo empty`, "", "empty\n"},
		{`echo piped | cat /dev/stdin`, "", "piped\n"},
		{`cat /dev/stdin`, "from stdin\n", "from stdin\n"},
		{`cat /dev/fd/0 < /dev/null; echo done`, "", "done\n"},
		{`echo out | cat > /dev/stdout; echo err | cat > /dev/stderr`, "", "out\n"},
		{`echo gone > /dev/null; echo gone >> /dev/null; echo ok`, "", "ok\n"},
		{`[ -c /dev/null ] && [ -c /dev/zero ] && [ -c /dev/stdin ] && echo devices`, "", "devices\n"},
		{`ls /dev`, "", "null\nstderr\nstdin\nstdout\nzero\n"},
		{`rm /dev/null 2>/dev/null || echo refused; [ -c /dev/null ] && echo still`, "", "refused\nstill\n"},
	}
	for _, c := range cases {
		t.Run(c.script, func(t *testing.T) {
			sess, err := shell.New(shell.Options{})
			must(t, err)
			var out, errb bytes.Buffer
			res := sess.Run(t.Context(), shell.Request{Script: c.script, Stdin: strings.NewReader(c.stdin), Stdout: &out, Stderr: &errb})
			if out.String() != c.want {
				t.Errorf("stdout %q, want %q (exit %d, stderr %q)", out.String(), c.want, res.ExitCode, errb.String())
			}
		})
	}
}
