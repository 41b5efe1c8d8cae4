package builtins_test

// Tests of the text filters that a differential test cannot make: rev
// (util-linux, not a GNU reference), tac reading stdin (GNU's needs a
// temporary file), cancellation and closed pipes.

import (
	"bytes"
	"context"
	"io"
	"strings"
	"syscall"
	"testing"
	"time"

	bt "github.com/sandsh/sandsh/builtins/builtintest"
)

// Expected outputs checked against util-linux 2.38.1's rev.
func TestRev(t *testing.T) {
	tree := []bt.Entry{
		bt.File("a", "abc\nde\n\nxyz"),
		bt.File("b", "a\tb\x01c\r\n"),
		bt.Dir("d"),
	}
	cases := []struct {
		args           []string
		stdin          string
		stdout, stderr string
		status         int
	}{
		{[]string{"rev", "a"}, "", "cba\ned\n\nzyx", "", 0},
		{[]string{"rev", "a", "b"}, "", "cba\ned\n\nzyx\rc\x01b\ta\n", "", 0},
		{[]string{"rev"}, "hello\nworld\n", "olleh\ndlrow\n", "", 0},
		{[]string{"rev"}, "", "", "", 0},
		{[]string{"rev", "-", "a"}, "in\n", "cba\ned\n\nzyx", "rev: cannot open -: No such file or directory\n", 1},
		{[]string{"rev", "nofile", "a"}, "", "cba\ned\n\nzyx", "rev: cannot open nofile: No such file or directory\n", 1},
		{[]string{"rev", "d"}, "", "", "rev: d: 0: Is a directory\n", 1},
		{[]string{"rev", "-x"}, "", "", "rev: invalid option -- 'x'\nTry 'rev --help' for more information.\n", 1},
	}
	for _, tc := range cases {
		o, _ := newOverlay(t, tree)
		var stdout, stderr bytes.Buffer
		status, err := bt.Exec(context.Background(), o, tc.args, nil, strings.NewReader(tc.stdin), &stdout, &stderr)
		if err != nil {
			t.Fatal(err)
		}
		if stdout.String() != tc.stdout || stderr.String() != tc.stderr || status != tc.status {
			t.Errorf("%v: got %q %q %d, want %q %q %d", tc.args, stdout.String(), stderr.String(), status, tc.stdout, tc.stderr, tc.status)
		}
	}
	o, _ := newOverlay(t, tree)
	var stdout bytes.Buffer
	bt.Exec(context.Background(), o, []string{"rev", "--help"}, nil, nil, &stdout, io.Discard)
	if !strings.HasPrefix(stdout.String(), "Usage: rev [options] [file ...]\n") {
		t.Errorf("rev --help: %q", stdout.String())
	}
}

func TestTacStdin(t *testing.T) {
	o, _ := newOverlay(t, []bt.Entry{bt.File("c", "1\n2\n3")})
	for _, tc := range []struct {
		args        []string
		stdin, want string
	}{
		{[]string{"tac"}, "1\n2\n3\n", "3\n2\n1\n"},
		{[]string{"tac", "-", "c"}, "x\ny", "yx\n32\n1\n"},
		{[]string{"tac", "-b"}, "a\nb\n", "\n\nba"},
	} {
		var stdout bytes.Buffer
		status, _ := bt.Exec(context.Background(), o, tc.args, nil, strings.NewReader(tc.stdin), &stdout, io.Discard)
		if status != 0 || stdout.String() != tc.want {
			t.Errorf("%v <<< %q: %q (status %d), want %q", tc.args, tc.stdin, stdout.String(), status, tc.want)
		}
	}
}

// lines is a stdin of endless short lines.
type lines struct{}

func (lines) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "ab\n"[i%3]
	}
	return len(p), nil
}

func TestTextStopWhenCancelled(t *testing.T) {
	o, _ := newOverlay(t, nil)
	cmds := [][]string{
		{"head", "-n", "-1"}, {"head", "-c", "-1"}, {"tail"}, {"tail", "-c", "5"}, {"tail", "-n", "+2"},
		{"wc"}, {"wc", "-l"}, {"cut", "-b1"}, {"cut", "-f1"}, {"uniq"}, {"uniq", "-c"},
		{"tr", "a", "b"}, {"tr", "-d", "a"}, {"sort"}, {"tac"}, {"rev"},
	}
	for _, args := range cmds {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		done := make(chan int, 1)
		go func() {
			status, _ := bt.Exec(ctx, o, args, nil, lines{}, io.Discard, io.Discard)
			done <- status
		}()
		select {
		case status := <-done:
			if status == 0 {
				t.Errorf("%v: status 0 after cancellation", args)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: still running 5s after the context was cancelled", args)
		}
		cancel()
	}
}

func TestTextClosedPipe(t *testing.T) {
	tree := []bt.Entry{bt.File("a", strings.Repeat("line\n", 50000))}
	cmds := [][]string{
		{"head", "-n", "100000", "a"}, {"tail", "-n", "100000", "a"}, {"tail", "-n", "+1"}, {"cat", "a"},
		{"cut", "-b1", "a"}, {"uniq", "-c", "a"}, {"tr", "a-z", "A-Z"}, {"sort", "a"}, {"tac", "a"},
		{"rev", "a"}, {"wc", "a"}, {"head", "--help"},
	}
	for _, args := range cmds {
		o, _ := newOverlay(t, tree)
		var stderr bytes.Buffer
		done := make(chan int, 1)
		go func() {
			status, _ := bt.Exec(context.Background(), o, args, nil, lines{}, closedPipe{syscall.EPIPE}, &stderr)
			done <- status
		}()
		select {
		case status := <-done:
			if status == 0 || stderr.Len() != 0 {
				t.Errorf("%v to a closed pipe: status %d, stderr %q", args, status, stderr.String())
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%v: still running 5s after stdout was closed", args)
		}
	}
}
