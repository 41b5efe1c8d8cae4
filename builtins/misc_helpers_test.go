package builtins_test

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
	"github.com/sandsh/sandsh/vfs"
	"github.com/sandsh/sandsh/vfs/memory"
)

// plainCase is a table test of a command whose output cannot be compared
// with the host's tool: machine-dependent values, sandsh's own choices,
// or arguments builtintest refuses.
type plainCase struct {
	args   []string
	env    []string
	stdin  string
	out    string // expected stdout; "*" accepts anything non-empty
	err    string // expected stderr
	status int
}

// runPlain runs a builtin on fsys (an empty filesystem when nil).
func runPlain(t *testing.T, fsys vfs.FS, args, env []string, stdin string) (string, string, int) {
	t.Helper()
	if fsys == nil {
		fsys = memory.New()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out, errb bytes.Buffer
	st, err := bt.Exec(ctx, fsys, args, env, strings.NewReader(stdin), &out, &errb)
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), st
}

// runPlainCases runs the table on fresh empty filesystems.
func runPlainCases(t *testing.T, cases []plainCase) {
	t.Helper()
	for _, pc := range cases {
		t.Run(strings.Join(pc.args, " "), func(t *testing.T) {
			out, errs, st := runPlain(t, nil, pc.args, pc.env, pc.stdin)
			if pc.out == "*" {
				if out == "" {
					t.Errorf("stdout is empty")
				}
			} else if out != pc.out {
				t.Errorf("stdout %q, want %q", out, pc.out)
			}
			if errs != pc.err {
				t.Errorf("stderr %q, want %q", errs, pc.err)
			}
			if st != pc.status {
				t.Errorf("status %d, want %d", st, pc.status)
			}
		})
	}
}

func fsModeOf(m uint32) fs.FileMode { return fs.FileMode(m) }
