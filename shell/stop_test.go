package shell_test

import (
	"testing"
	"time"

	"github.com/sandsh/sandsh/shell"
)

// Commands that never end by themselves stop at the timeout, and a writer
// whose reader has gone ends at once, as SIGPIPE ends it in bash.
func TestCommandsStop(t *testing.T) {
	endless := map[string]string{
		"yes":           `yes > /dev/null`,
		"cat /dev/zero": `cat /dev/zero > /dev/null`,
		"sed loop":      `echo x | sed ':a;ba'`,
		"awk loop":      `awk 'BEGIN { while (1) {} }'`,
		"tail -f":       `echo x > f; tail -f f`,
		"sleep":         `sleep 100`,
		"grep stdin":    `cat /dev/zero | grep x`,
		"sort stdin":    `yes | sort`,
		"xargs":         `yes | xargs echo > /dev/null`,
		"find -exec":    `while :; do find / -maxdepth 1 -exec true {} \; ; done`,
	}
	for name, script := range endless {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			res, _, errs := runLimited(t, shell.Limits{Timeout: 300 * time.Millisecond}, script)
			if res.ExitCode != 124 || res.Limit != shell.LimitTimeout {
				t.Errorf("exit %d, limit %q: %s", res.ExitCode, res.Limit, errs)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v to stop", d)
			}
		})
	}
	closed := map[string]string{
		"yes | head":           `yes | head -1`,
		"cat /dev/zero | head": `cat /dev/zero | head -c 10 | wc -c`,
		"seq | head":           `seq 1 1000000000 | head -3`,
		"sed | head":           `yes | sed s/y/n/ | head -2`,
		"awk | head":           `awk 'BEGIN { while (1) print "x" }' | head -2`,
		"grep | head":          `yes | grep y | head -1`,
	}
	for name, script := range closed {
		t.Run(name, func(t *testing.T) {
			res, out, errs := runLimited(t, shell.Limits{Timeout: 10 * time.Second}, script)
			if res.ExitCode != 0 || res.Limit != "" || out == "" || errs != "" {
				t.Errorf("exit %d, limit %q, stdout %q, stderr %q", res.ExitCode, res.Limit, out, errs)
			}
			if res.Duration > 3*time.Second {
				t.Errorf("took %v", res.Duration)
			}
		})
	}
}
